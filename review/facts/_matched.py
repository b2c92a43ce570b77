"""Shared helper: facts that are spaCy pattern matches in the candidate segments."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from review.nlp import unaccent

if TYPE_CHECKING:
    from review.facts import Facts, PieceText


def candidate(seg) -> bool:
    """A segment worth giving to spaCy: in the clause, or saying insertion (in its text or
    in the headings above it)."""
    return bool(seg.text) and (seg.in_clause or seg.says_insertion)


def add_matches(
    text: PieceText,
    facts: Facts,
    label: str,
    kind: str,
    keep: Callable[[str, str, int, str], bool] | None = None,
) -> None:
    """A fact per match of `label`; with `keep`, only the matches for which
    keep(folded match, folded sentence around it, match offset in it, folded headings
    above) is true."""
    for seg in text.segments:
        if not candidate(seg):
            continue
        headings: str | None = None  # folded once per segment, when `keep` asks
        for match in facts.matches(seg):
            if match.label != label:
                continue
            if keep is not None:
                if headings is None:
                    headings = unaccent(seg.headings)
                start, end = seg.sentence_around(match.start)
                if not keep(
                    unaccent(match.text), seg.norm[start:end], match.start - start, headings
                ):
                    continue
            facts.add(kind, match.text, seg, match.start, match.end)
