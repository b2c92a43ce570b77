"""The clause's scope, computed once per run for the rules that need it: does the
consultation carry a clause, does a piece say it carries none, where is the clause article
that content findings point at, which text is the clause. (The lots and hours view the
engine, the rules and `clausier hours` share is `review/lots.py`.)"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from clausier.model import Consultation, Fact, Location, PieceKind, hours_rank
from review.lots import kind_of

if TYPE_CHECKING:
    from review.facts import Facts, PieceText
    from review.facts.text import Segment
    from review.rules import RuleContext

# Pieces whose clause text binds the holder (the RC does not).
CONTRACTUAL = (PieceKind.CCAP, PieceKind.ANNEXE_CLAUSE, PieceKind.AE)


@dataclass
class Scope:
    carries_clause: bool
    declared_none: bool
    none_fact: Fact | None
    host: PieceText | None  # the piece whose clause article content findings point at
    host_fact: Fact | None  # its clause_article fact
    clause_segments: list[Segment] = field(default_factory=list)

    def location(self) -> Location:
        if self.host_fact is None:
            return Location()
        return Location.at(self.host_fact.place, self.host_fact.article)

    def in_scope(self, facts: Facts, fact: Fact) -> bool:
        ev = facts.evidence.get(id(fact))
        return ev is not None and any(ev.segment is s for s in self.clause_segments)


def scope(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Scope:
    if "scope" in ctx.extra:
        return ctx.extra["scope"]
    articles = facts.of("clause_article")
    hours = facts.of("hours") + facts.of("hours_total")
    nones = facts.of("clause_none")
    if ctx.declared_clause is not None:
        carries = ctx.declared_clause
    else:
        carries = bool(articles or hours or facts.of("clause_mention"))
    declared_none = bool(nones) and ctx.declared_clause is not True
    if declared_none:
        carries = False

    def rank(fact: Fact) -> int:
        return hours_rank(kind_of(consultation, fact.piece))

    host_fact = min(articles, key=rank) if articles else None
    host = facts.texts.get(host_fact.piece) if host_fact else None
    contractual = [
        t for t in facts.texts.values() if t.piece.kind in CONTRACTUAL and t.clause_segments
    ]
    if not contractual:
        contractual = [t for t in facts.texts.values() if t.clause_segments]
    segments = [s for t in contractual for s in t.clause_segments]
    result = Scope(carries, declared_none, nones[0] if nones else None, host, host_fact, segments)
    ctx.extra["scope"] = result
    return result
