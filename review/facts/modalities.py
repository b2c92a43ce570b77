"""Modalities of execution: direct hiring, mise à disposition (ETTI, AI, GEIQ),
sub- or co-contracting with an SIAE / EA / ESAT, apprenticeship…; and the control and
reporting obligations (fiche de suivi, justificatifs, transmission to the facilitator)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from review.facts._matched import add_matches

if TYPE_CHECKING:
    from review.facts import Facts, PieceText


def extract(text: PieceText, facts: Facts) -> None:
    add_matches(text, facts, "MODALITY", "modality")
    add_matches(text, facts, "REPORTING", "reporting")
