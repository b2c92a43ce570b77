"""What the text and HTML reports share: grouping, ordering, French wording of numbers,
dates, places and counts. Pure functions over the model; no rendering library here."""

from __future__ import annotations

from dataclasses import dataclass, field

# The French wording is shared with the rules, the clauses and the web pages.
from clausier.french import fr_amount, fr_date, fr_int  # noqa: F401 (re-exported)
from clausier.model import Finding, Lot, Piece, PieceKind, Report, Severity, hours_rank

# Piece kinds as people say them (the JSON keeps the codes of docs/sorties.md).
KIND_LABELS = {
    "AAPC": "Avis (AAPC)",
    "ANNEXE_CLAUSE": "Annexe clause sociale",
    "AUTRE": "Autre pièce",
}


def kind_label(kind: PieceKind | str) -> str:
    """« Annexe clause sociale » for ANNEXE_CLAUSE; RC, CCAP, AE… as they are."""
    value = kind.value if isinstance(kind, PieceKind) else str(kind)
    return KIND_LABELS.get(value, value)


SEVERITY_PLURALS = {"error": "erreurs", "warning": "avertissements", "info": "informations"}


def count_label(n: int, severity: str) -> str:
    """« 0 erreur », « 1 avertissement », « 3 erreurs » (French: plural from 2)."""
    word = Severity(severity).label if n < 2 else SEVERITY_PLURALS[severity]
    return f"{n} {word}"


def counts_line(report: Report) -> str:
    """« 3 erreurs, 1 avertissement, 0 information »."""
    summary = report.summary()
    return ", ".join(count_label(summary[s], s) for s in ("error", "warning", "info"))


def place_label(finding: Finding) -> str:
    """« paragraphe 118, article 7.1, lot 2 » — empty when the finding has no place."""
    parts = []
    location = finding.location.describe()
    if location:
        parts.append(location)
    if finding.lot:
        parts.append("lot unique" if finding.lot == "unique" else f"lot {finding.lot}")
    return ", ".join(parts)


def suggestion_label(finding: Finding) -> str:
    """« À écrire » before words for the DCE; « À faire » before the advice of a reading
    problem (CS9xx: « Téléchargez de nouveau l'archive… » is nothing to write)."""
    return "À faire" if finding.code.startswith("CS9") else "À écrire"


def piece_label(piece: Piece) -> str:
    """« CCAP, docx, 412 paragraphes » for the piece heading."""
    parts = [kind_label(piece.kind), piece.format]
    if piece.pages is not None:
        parts.append(f"{piece.pages} page{'s' if piece.pages > 1 else ''}")
    if piece.paragraphs is not None:
        parts.append(f"{piece.paragraphs} paragraphe{'s' if piece.paragraphs > 1 else ''}")
    return ", ".join(parts)


def _place_key(finding: Finding) -> tuple:
    loc = finding.location
    # Findings without a place first (they are about the whole piece), then reading order.
    return (
        loc.page is not None or loc.paragraph is not None,
        loc.page or 0,
        loc.paragraph or 0,
        -finding.severity.rank,
        finding.code,
    )


@dataclass
class PieceGroup:
    """The findings of one piece (or of the whole consultation when `piece` is None)."""

    path: str | None
    piece: Piece | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.path or "Ensemble de la consultation"


def group_findings(report: Report) -> tuple[list[PieceGroup], list[Piece]]:
    """Findings grouped by piece in the report's piece order, consultation-wide findings
    first; and the pieces that have no finding."""
    by_path: dict[str | None, PieceGroup] = {}
    pieces = {p.path: p for p in report.pieces}
    for finding in report.findings:
        group = by_path.get(finding.piece)
        if group is None:
            group = by_path[finding.piece] = PieceGroup(
                finding.piece, pieces.get(finding.piece or "")
            )
        group.findings.append(finding)
    order = {p.path: i for i, p in enumerate(report.pieces)}
    groups = sorted(
        by_path.values(),
        key=lambda g: (g.path is not None, order.get(g.path or "", len(order)), g.path or ""),
    )
    for group in groups:
        group.findings.sort(key=_place_key)
    quiet = [p for p in report.pieces if p.path not in by_path]
    return groups, quiet


def hours_kinds(lots: list[Lot]) -> list[str]:
    """The piece kinds that state hours for at least one lot, in the order a facilitator
    reads them (`clausier.model.HOURS_ORDER`)."""
    kinds = {k for lot in lots for k in lot.hours}
    return sorted(kinds, key=lambda kind: (hours_rank(kind), kind))


def lot_disagrees(lot: Lot) -> bool:
    """True when the pieces state different hours for this lot (CS401 territory)."""
    return len(set(lot.hours.values())) > 1


def lot_label(lot: Lot) -> str:
    return "unique" if lot.number == "unique" else lot.number
