"""The clause's scope, computed once per run for the rules that need it: does the
consultation carry a clause, does a piece say it carries none, where is the clause article
that content findings point at, which text is the clause. (The lots and hours view the
engine, the rules and `clausier hours` share is `review/lots.py`.)"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from clausier.model import Consultation, Fact, Location, PieceKind, hours_rank
from review.facts.clause import HEADING_EXCLUDED
from review.facts.text import INSERTION_HINT
from review.lots import kind_of
from review.nlp import unaccent

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
    judged: list[PieceText] = field(default_factory=list)  # the pieces CS3xx judge

    def location(self) -> Location:
        if self.host_fact is None:
            return Location()
        return Location.at(self.host_fact.place, self.host_fact.article)

    def in_scope(self, facts: Facts, fact: Fact) -> bool:
        """The fact is an element of the clause: it stands in the clause text (article,
        sub-articles, annex, AE), or elsewhere in a judged piece in a sentence or under a
        heading that says the clause (« 12.4 Clause d'insertion » of a general
        « Pénalités » article, a « Renseignements » article naming the facilitator)."""
        ev = facts.evidence.get(id(fact))
        if ev is None:
            return False
        if any(ev.segment is s for s in self.clause_segments):
            return True
        if not any(ev.segment.piece is t.piece for t in self.judged):
            return False
        if fact.kind == "facilitator" and ev.segment.blocks[0].area in ("header", "footer"):
            return True  # a running line of a judged piece that names the facilitator's help
        if HEADING_EXCLUDED.search(unaccent(ev.segment.headings)):
            return False  # « Pièces constitutives … l'annexe clause sociale »: a list of pieces
        start, end = ev.segment.sentence_around(ev.start)
        return bool(
            INSERTION_HINT.search(ev.segment.norm[start:end])
            or INSERTION_HINT.search(unaccent(ev.segment.headings))
        )

    def looked_in(self) -> str:
        """Where the content rules looked, for people: « CCAP.docx (articles 5.1, 5.2,
        5.3), AE.docx »."""
        parts = []
        for text in sorted(self.judged, key=lambda t: (hours_rank(t.piece.kind), t.path)):
            inside = {id(s.article) for s in text.clause_segments if s.article is not None}
            tops: list[str] = []
            for seg in text.clause_segments:
                top = next((a for a in seg.chain if id(a) in inside), None)
                name = (top.number or f"« {top.title} »") if top is not None else None
                if name and name not in tops:
                    tops.append(name)
            shown = ", ".join(tops[:8]) + (" …" if len(tops) > 8 else "")
            plural = "s" if len(tops) > 1 else ""
            parts.append(f"{text.path} (article{plural} {shown})" if tops else text.path)
        return ", ".join(parts)


# « précisées dans le CCAP », « article 9 du CCAP », « voir l'acte d'engagement »: the
# announcing piece sends the reader to the piece that holds the clause (folded text).
_REFERS_TO_PIECE = re.compile(
    r"\bc\.?\s?c\.?\s?a\.?\s?p\b|cahier des clauses (?:administratives )?particulieres"
    r"|cahier des charges|acte d'engagement|\bannexe"
)


def judged_pieces(consultation: Consultation, facts: Facts) -> list[PieceText]:
    """The pieces whose clause the content rules (CS3xx) judge: the contractual pieces that
    hold clause text (CCAP or the contract that stands for it, clause annex, AE). Without
    any, an RC that holds the clause itself, when the folder has no CCAP and the RC does
    not send the reader to another piece; never a notice, which only announces."""
    texts = list(facts.texts.values())
    contractual = [t for t in texts if t.piece.kind in CONTRACTUAL and t.clause_segments]
    if any(t.piece.kind != PieceKind.AE for t in contractual):
        return contractual  # an AE commits to the hours: judged with the clause it signs
    if consultation.by_kind(PieceKind.CCAP):
        return []  # the CCAP has no clause: CS101 says it, the RC is not the clause
    return [
        t
        for t in texts
        if t.piece.kind != PieceKind.AAPC
        and t.clause_segments
        and not any(_REFERS_TO_PIECE.search(s.norm) for s in t.clause_segments)
    ]


def scope(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Scope:
    if "scope" in ctx.extra:
        return ctx.extra["scope"]
    articles = facts.of("clause_article")
    hours = (
        facts.of("hours")
        + facts.of("hours_total")
        + facts.of("hours_subtotal")
        + facts.of("hours_rate")
    )
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

    judged = judged_pieces(consultation, facts)
    judged_paths = {t.path for t in judged}
    hosts = [f for f in articles if f.piece in judged_paths]
    host_fact = min(hosts, key=rank) if hosts else None
    host = facts.texts.get(host_fact.piece) if host_fact else None
    segments = [s for t in judged for s in t.clause_segments]
    result = Scope(
        carries, declared_none, nones[0] if nones else None, host, host_fact, segments, judged
    )
    ctx.extra["scope"] = result
    return result
