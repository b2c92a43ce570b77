"""Shared helper: facts that are spaCy pattern matches in the candidate segments."""

from __future__ import annotations

from typing import TYPE_CHECKING

from review.facts.text import INSERTION_HINT
from review.nlp import unaccent

if TYPE_CHECKING:
    from review.facts import Facts, PieceText


def candidate(seg) -> bool:
    """A segment worth giving to spaCy: in the clause, or saying insertion (in its text or
    in the headings above it)."""
    return bool(seg.text) and (
        seg.in_clause
        or bool(INSERTION_HINT.search(seg.norm))
        or bool(INSERTION_HINT.search(unaccent(seg.headings)))
    )


def add_matches(text: PieceText, facts: Facts, label: str, kind: str) -> None:
    for seg in text.segments:
        if not candidate(seg):
            continue
        for match in facts.matches(seg):
            if match.label == label:
                facts.add(kind, match.text, seg, match.start, match.end)
