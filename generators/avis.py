"""The facilitator's opinion letter to the buyer (`clausier review --avis AVIS.docx`, and
the « Avis du facilitateur » button of the web report).

What a facilitator sends back after reading a DCE: the consultation and its pieces, what
must be corrected before publication, piece by piece, with the wording to use (the errors),
what should be checked (warnings and information), the hours of each lot as the pieces
state them and as the profile computes them, and the facilitator's signature block (« à
compléter », highlighted, while the profile names no facilitator).

The letter is a docxtpl template (`clause_templates/avis_facilitateur.docx`, built by
`tools/build_avis_template.py`), rendered like the clauses (`generators.clauses`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from clausier.french import fr_amount, fr_date, fr_int
from clausier.model import Finding, Report, Severity
from clausier.profile import Profile
from generators.clauses import (
    PLACEHOLDER_BUYER,
    PLACEHOLDER_OBJECT,
    PLACEHOLDER_REFERENCE,
    TEMPLATES_DIR,
    facilitator_context,
    render_document,
)
from generators.reports.common import (
    group_findings,
    hours_kinds,
    kind_label,
    lot_label,
    place_label,
    suggestion_label,
)

AVIS_TEMPLATE = TEMPLATES_DIR / "avis_facilitateur.docx"


def render_avis(report: Report, profile: Profile, template: Path | None = None) -> bytes:
    """The letter's .docx bytes for one reviewed consultation."""
    return render_document(template or AVIS_TEMPLATE, avis_context(report, profile))


def avis_context(report: Report, profile: Profile) -> dict[str, Any]:
    """Everything the template may use (docs/sorties.md lists it)."""
    facts: dict[str, Any] = {}
    for fact in report.facts:
        facts.setdefault(fact.kind, fact.value)
    groups, _ = group_findings(report)
    to_correct = _sections(groups, lambda f: f.severity is Severity.ERROR)
    to_check = _sections(groups, lambda f: f.severity is not Severity.ERROR)
    summary = report.summary()
    return {
        "consultation": report.consultation,
        "acheteur": _text(facts, "buyer") or PLACEHOLDER_BUYER,
        "objet": _text(facts, "object") or PLACEHOLDER_OBJECT,
        "reference": _text(facts, "consultation_reference") or PLACEHOLDER_REFERENCE,
        "date_relecture": fr_date(report.reviewed_at),
        "pieces": [
            {"chemin": piece.path, "type": kind_label(piece.kind), "format": piece.format}
            for piece in report.pieces
        ],
        "nombre_pieces": len(report.pieces),
        "a_corriger": to_correct,
        "a_verifier": to_check,
        "nombre_erreurs": summary["error"],
        "nombre_a_verifier": summary["warning"] + summary["info"],
        "lots": [_lot(lot) for lot in report.lots],
        "colonnes_heures": ", ".join(kind_label(k) for k in hours_kinds(report.lots)),
        "facilitateur": facilitator_context(profile.facilitator),
        "profil": profile.name,
    }


def _text(facts: dict[str, Any], kind: str) -> str:
    value = facts.get(kind)
    return value.strip() if isinstance(value, str) else ""


def _sections(groups, keep) -> list[dict[str, Any]]:
    """One section per piece (consultation-wide findings first) with its findings kept."""
    sections = []
    for group in groups:
        findings = [_finding(f) for f in group.findings if keep(f)]
        if findings:
            title = group.path or "Ensemble du dossier"
            if group.piece is not None:
                title += f" — {kind_label(group.piece.kind)}"
            sections.append({"piece": title, "constats": findings})
    return sections


def _finding(finding: Finding) -> dict[str, str]:
    place = place_label(finding)
    return {
        "code": finding.code,
        "gravite": finding.severity.label,
        "lieu": place[:1].upper() + place[1:] if place else "Toute la pièce",
        "message": finding.message.rstrip("."),
        "libelle_suggestion": suggestion_label(finding),
        "suggestion": finding.suggestion or "",
        "extrait": finding.excerpt or "",
    }


def _lot(lot) -> dict[str, str]:
    stated = ", ".join(
        f"{kind_label(kind)} : {fr_int(hours)} h" for kind, hours in lot.hours.items()
    )
    return {
        "numero": lot_label(lot),
        "intitule": lot.title or "—",
        "montant": fr_amount(lot.amount_ht) if lot.amount_ht is not None else "—",
        "heures_pieces": stated or "aucune heure indiquée",
        "heures_calculees": f"{fr_int(lot.computed_hours)} h"
        if lot.computed_hours is not None
        else "—",
    }
