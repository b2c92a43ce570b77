"""`clausier pieces PATH`: what was read in each file of a consultation.

For each file: its kind (and why), its pages or paragraphs, its article outline and the
reading findings (CS901-CS904). `--format json` gives the same for programs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from apps.shell.options import CONTEXT_SETTINGS, HELP_OPTION, FrenchUsageError, fit, format_option


@click.command(
    "pieces",
    context_settings=CONTEXT_SETTINGS,
    short_help="Lister les pièces d'un dossier et ce qui y a été lu.",
)
@HELP_OPTION
@click.argument("path", type=click.Path(path_type=Path), metavar="CHEMIN")
@format_option("fmt", ["text", "json"], "text : pour les personnes ; json : pour les programmes.")
@click.option(
    "--timeout",
    type=float,
    default=None,
    metavar="SECONDES",
    help="Abandonner la lecture d'une pièce après ce délai (par défaut : aucun).",
)
def command(path: Path, fmt: str, timeout: float | None) -> None:
    """Lister les pièces du DCE CHEMIN (dossier, archive .zip ou fichier seul) : type de
    chaque pièce et pourquoi, pages ou paragraphes, plan des articles, problèmes de lecture.

    \b
    Exemples :
      clausier pieces DCE-2026-014/
      clausier pieces DCE.zip --format json
    """
    if not path.exists():
        raise FrenchUsageError(
            f"Le chemin {path} n'existe pas : indiquez un dossier de pièces, une archive .zip "
            "ou un fichier."
        )
    from review.reading import read_consultation

    try:
        consultation = read_consultation(path, piece_timeout=timeout)
    except FileNotFoundError as error:
        raise FrenchUsageError(str(error)) from None
    if fmt == "json":
        click.echo(json.dumps(consultation_dict(consultation), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(consultation))


# ---------------------------------------------------------------- JSON


def article_dict(article) -> dict[str, Any]:
    return {
        "number": article.number,
        "title": article.title,
        "level": article.level,
        "page": article.place.page,
        "paragraph": article.place.paragraph,
        "children": [article_dict(child) for child in article.children],
    }


def consultation_dict(consultation) -> dict[str, Any]:
    pieces = []
    for piece in consultation.pieces:
        entry = piece.to_dict()
        entry.update(
            {
                "kind_reason": piece.kind_reason,
                "size": piece.size,
                "sha256": piece.sha256,
                "blocks": len(piece.blocks),
                "has_tracked_changes": piece.has_tracked_changes,
                "has_comments": piece.has_comments,
                "articles": [article_dict(a) for a in piece.articles],
                "findings": [f.to_dict() for f in piece.findings],
            }
        )
        pieces.append(entry)
    return {
        "consultation": consultation.name,
        "pieces": pieces,
        "findings": [f.to_dict() for f in consultation.findings],
    }


# ---------------------------------------------------------------- text


def _extent(piece) -> str:
    if piece.pages is not None:
        return f"{piece.pages} page" + ("s" if piece.pages > 1 else "")
    if piece.paragraphs is not None:
        return f"{piece.paragraphs} paragraphe" + ("s" if piece.paragraphs > 1 else "")
    if piece.blocks:
        return f"{len(piece.blocks)} cellule" + ("s" if len(piece.blocks) > 1 else "")
    return "rien de lu"


def _finding_line(finding) -> str:
    where = finding.location.describe()
    where = f" ({where})" if where else ""
    line = f"{finding.code} {finding.severity.label}{where} : {finding.message}"
    if finding.suggestion:
        line += f"\n        → {finding.suggestion}"
    return line


def render_text(consultation) -> str:
    from generators.reports.common import kind_label

    lines = []
    count = len(consultation.pieces)
    lines.append(
        f"Consultation : {consultation.name} — {count} fichier" + ("s" if count > 1 else "")
    )
    for piece in consultation.pieces:
        lines.append("")
        lines.append(piece.path)
        lines.append(f"  type : {kind_label(piece.kind)} — {piece.kind_reason}")
        lines.append(f"  format : {piece.format}, {_extent(piece)}")
        if piece.articles:
            lines.append("  articles :")
            for article in piece.all_articles():
                indent = "    " + "  " * (article.level - 1)
                lines.append(f"{indent}{article.heading}")
        elif piece.blocks:
            lines.append("  articles : aucun article reconnu")
        for finding in piece.findings:
            lines.append(f"  {_finding_line(finding)}")
    if consultation.findings:
        lines.append("")
        lines.append("Fichiers non lus :")
        for finding in consultation.findings:
            lines.append(f"  {_finding_line(finding)}")
    return fit("\n".join(lines).splitlines())
