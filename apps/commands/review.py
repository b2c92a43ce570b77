"""`clausier review PATH`: review a tender folder and report what is missing or wrong.

Exit status (docs/sorties.md): 0 when no finding reaches --fail-on, 1 when one does,
2 for a usage error (missing path, bad option, bad profile, output that already exists).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from apps.shell.options import (
    CONTEXT_SETTINGS,
    DATE_OPTION,
    FAIL_ON_OPTION,
    FORCE_OPTION,
    HELP_OPTION,
    PROFILE_OPTION,
    FrenchUsageError,
    announce_default_profile,
    cannot_write,
    check_new_output,
    format_for_output,
    format_option,
    output_file_option,
    terminal_width,
    write_output,
)

# The report's format from the -o file's extension (`format_for_output`).
REPORT_SUFFIXES = {".txt": "text", ".json": "json", ".html": "html", ".htm": "html"}


def use_color(no_color: bool, output: Path | None) -> bool:
    """Colour only on a terminal, never in a file, never with --no-color or NO_COLOR."""
    if no_color or output is not None or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@click.command(
    "review",
    context_settings=CONTEXT_SETTINGS,
    short_help="Relire un DCE et signaler ce qui manque ou est faux.",
)
@HELP_OPTION
@click.argument("path", type=click.Path(path_type=Path), metavar="CHEMIN")
@PROFILE_OPTION
@DATE_OPTION
@format_option(
    "fmt",
    ["text", "json", "html"],
    "text : pour le terminal ; json : pour les programmes ; html : page autonome.",
)
@output_file_option(
    "Écrire le rapport dans ce fichier (jamais par-dessus un fichier existant sans --force)."
)
@FAIL_ON_OPTION
@click.option(
    "--annotate",
    "annotate_dir",
    type=click.Path(path_type=Path),
    default=None,
    metavar="DOSSIER",
    help="Écrire dans ce dossier une copie annotée (commentaires) de chaque pièce "
    "Word, PDF ou ODT qui a des constats. Les originaux ne sont jamais modifiés.",
)
@click.option(
    "--corrections",
    is_flag=True,
    help="Avec --annotate : proposer aussi les corrections sûres (références abrogées, "
    "anciens noms, CCAG 2009, article du CCAG, seuils) en suivi des modifications Word.",
)
@FORCE_OPTION
@click.option(
    "--author",
    default="Clausier",
    show_default=True,
    metavar="NOM",
    help="Auteur des commentaires et des modifications suivies des copies annotées.",
)
@click.option(
    "--clause/--sans-clause",
    "clause",
    default=None,
    help="Dire que la consultation porte (ou non) une clause sociale d'insertion, "
    "quand les pièces ne le disent pas clairement.",
)
@click.option(
    "--avis",
    "avis_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FICHIER.docx",
    help="Écrire aussi l'avis du facilitateur à l'acheteur (lettre Word) : ce qu'il faut "
    "corriger avant publication, pièce par pièce, avec la rédaction à retenir, ce qu'il faut "
    "vérifier, les heures de chaque lot et le bloc de signature du facilitateur.",
)
@click.option("--no-color", is_flag=True, help="Sortie texte sans couleurs (voir aussi NO_COLOR).")
@click.pass_context
def command(
    ctx: click.Context,
    path: Path,
    profile_path: Path | None,
    review_date,
    fmt: str,
    output: Path | None,
    fail_on: str,
    annotate_dir: Path | None,
    corrections: bool,
    force: bool,
    author: str,
    clause: bool | None,
    avis_path: Path | None,
    no_color: bool,
) -> None:
    """Relire le DCE CHEMIN (dossier de pièces, archive .zip ou fichier seul) et
    signaler ce qui manque ou est faux dans la clause sociale d'insertion.

    \b
    Exemples :
      clausier review DCE-2026-014/
      clausier review DCE.zip --format html -o relecture.html
      clausier review DCE/ --annotate annotes/ --corrections

    Code de sortie : 0 sans constat au niveau de --fail-on, 1 sinon, 2 en cas d'erreur
    d'utilisation.
    """
    if not path.exists():
        raise FrenchUsageError(
            f"Le chemin {path} n'existe pas : indiquez un dossier de pièces, "
            "une archive .zip ou un fichier.",
            ctx,
        )
    if corrections and annotate_dir is None:
        raise FrenchUsageError(
            "--corrections s'utilise avec --annotate DOSSIER (les corrections sont "
            "proposées dans les copies annotées).",
            ctx,
        )
    if annotate_dir is not None and _inside(annotate_dir, path):
        raise FrenchUsageError(
            f"--annotate {annotate_dir} est dans le dossier relu {path} : la prochaine relecture "
            "lirait les copies comme des pièces. Choisissez un dossier à côté, par exemple "
            f"--annotate {path.resolve().parent / (path.resolve().name + '-annotes')}.",
            ctx,
        )
    if annotate_dir is not None and annotate_dir.exists() and not annotate_dir.is_dir():
        raise FrenchUsageError(
            f"{annotate_dir} est un fichier : --annotate attend un dossier.", ctx
        )
    if avis_path is not None:
        if avis_path.suffix.lower() != ".docx":
            raise FrenchUsageError(
                f"--avis {avis_path} : l'avis est une lettre Word, donnez un nom en .docx "
                "(par exemple --avis avis-facilitateur.docx).",
                ctx,
            )
        if _inside(avis_path.parent, path):
            raise FrenchUsageError(
                f"--avis {avis_path} est dans le dossier relu {path} : la prochaine relecture "
                "le lirait comme une pièce. Écrivez-le à côté du dossier.",
                ctx,
            )
        try:
            check_new_output(avis_path, force)
        except click.UsageError as error:
            raise FrenchUsageError(error.format_message(), ctx) from None
    if output is not None and output.is_dir():
        raise FrenchUsageError(f"{output} est un dossier : -o attend un nom de fichier.", ctx)
    if output is not None:
        try:
            check_new_output(output, force)
        except click.UsageError as error:
            raise FrenchUsageError(error.format_message(), ctx) from None

    fmt = format_for_output(ctx, "fmt", fmt, output, REPORT_SUFFIXES)
    if annotate_dir is not None:
        try:  # before the review: a folder that cannot be written is known at once
            annotate_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise cannot_write(annotate_dir, error) from None
    report, profile = _run_review(ctx, path, profile_path, review_date, clause)
    # On screen (or a pipe, where COLUMNS may say), the terminal's width; a file keeps 100.
    width = terminal_width() if output is None else None
    content = _render(report, fmt, use_color(no_color, output), width)
    write_output(output, content, force=force)
    if output is not None:
        click.echo(f"Rapport écrit dans {output}.", err=True)
    if annotate_dir is not None:
        _annotate(report, path, annotate_dir, corrections, force, author)
    if avis_path is not None:
        from generators.avis import render_avis

        write_output(avis_path, render_avis(report, profile), force=force)
        click.echo(f"Avis du facilitateur écrit dans {avis_path}.", err=True)

    from clausier.model import fails

    ctx.exit(1 if fails(report, fail_on) else 0)


def _inside(folder: Path, reviewed: Path) -> bool:
    """True when `folder` is the reviewed folder itself or one of its sub-folders."""
    if not reviewed.is_dir():
        return False
    folder, reviewed = folder.resolve(), reviewed.resolve()
    return folder == reviewed or reviewed in folder.parents


def _run_review(ctx: click.Context, path: Path, profile_path, review_date, clause):
    """The report and the profile it was made with."""
    from clausier.profile import ProfileError, load_profile
    from review.engine import review

    try:
        profile = load_profile(profile_path)
    except ProfileError as error:
        raise FrenchUsageError(str(error), ctx) from None
    except FileNotFoundError:
        raise FrenchUsageError(
            f"Le profil {profile_path} est introuvable : vérifiez le chemin, ou créez-en un "
            "avec « clausier profile init ».",
            ctx,
        ) from None
    announce_default_profile(profile_path)
    try:
        report = review(path, profile=profile, review_date=review_date, clause=clause)
    except FileNotFoundError as error:
        raise FrenchUsageError(str(error), ctx) from None
    return report, profile


def _render(report, fmt: str, color: bool, width: int | None) -> str:
    if fmt == "json":
        from generators.reports import render_json

        return render_json([report])
    if fmt == "html":
        from generators.reports import render_html

        return render_html(report)
    from generators.reports import render_text

    return render_text(report, color=color, width=width)


def _annotate(report, path: Path, out_dir: Path, corrections: bool, force: bool, author: str):
    from generators.annotate import annotate_report

    result = annotate_report(
        report, path, out_dir, corrections=corrections, force=force, author=author
    )
    for note in result.notes:
        click.echo(note, err=True)
    n = len(result.written)
    if n:
        line = (
            f"{n} copie{'s' if n > 1 else ''} annotée{'s' if n > 1 else ''} dans {out_dir} "
            f"({result.comments} commentaire{'s' if result.comments > 1 else ''}"
        )
        if corrections:
            line += (
                f", {result.corrections} correction{'s' if result.corrections > 1 else ''} "
                "en suivi des modifications"
            )
        click.echo(line + ").", err=True)
    elif not result.kept:
        click.echo("Aucune copie annotée : aucune pièce Word, PDF ou ODT n'a de constat.", err=True)
