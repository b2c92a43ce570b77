"""CS9xx — the documents themselves. The readers find these problems; this family passes
them through once each, so that the profile's severities and silences apply to them like
to every other code."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from clausier.model import Consultation, Finding
from review.rules import rule

if TYPE_CHECKING:
    from review.facts import Facts
    from review.rules import RuleContext


def _reading_findings(consultation: Consultation, code: str) -> Iterable[Finding]:
    yield from (f for f in consultation.findings if f.code == code)
    for piece in consultation.pieces:
        yield from (f for f in piece.findings if f.code == code)


@rule("CS901")
def unreadable(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    return _reading_findings(consultation, "CS901")


@rule("CS902")
def scanned(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    return _reading_findings(consultation, "CS902")


@rule("CS903")
def not_final(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    return _reading_findings(consultation, "CS903")


@rule("CS904")
def unknown_kind(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    # A scanned piece without any text cannot be typed: its CS902 already says it cannot
    # be reviewed, a CS904 beside it would only repeat it.
    scanned = {
        p.path
        for p in consultation.pieces
        if not p.blocks and any(f.code == "CS902" for f in p.findings)
    }
    return (f for f in _reading_findings(consultation, "CS904") if f.piece not in scanned)
