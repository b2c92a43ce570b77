"""Facts: what the pieces of a consultation state, each with its place.

`extract_facts(consultation)` runs every extractor and returns a `Facts` list (a plain
list of `clausier.model.Fact` with helpers). Fact kinds (value in brackets):

- clause_article [heading]: the piece's insertion clause article (top-most of its subtree);
- clause_mention [words]: the piece mentions the insertion clause (anywhere in its body);
- clause_none [words]: the piece says explicitly there is no social clause (« sans objet »);
- lot_no_clause [words]: a lot is said to carry no clause (lot set);
- derogation [words]: a justified derogation to the 2026 social obligation;
- lot [LotInfo]: a lot listed (number, title, amount HT);
- hours [int] (lot or None), hours_total [int], hours_subtotal [Subtotal] (the hours of
  some lots together), hours_period ["year"|"tranche"|"whole"] (lot),
  hours_rate [HoursRate] (hours per amount ordered: « 35 h par tranche de 100 000 € »);
- reference [Reference]: a legal reference (repealed text, CCP article, CCAG);
- obsolete_name [ObsoleteMention]; threshold [ThresholdMention];
- public, modality, reporting [words]; facilitator [Contact];
- penalty_hours, penalty_reporting [Penalty]; smic_value [SmicValue];
- procedure [str], estimated_value [float], launch_date [date], deadline [date],
  nature ["travaux"|"services"|"fournitures"], framework [True], buyer_type [str],
  duration_years [float] (of the contract, renewals included);
- clause_lots [list of lot numbers]: the lots a piece says the clause covers;
- buyer, object, consultation_reference [str]: who buys what, under which reference (at
  most one of each per piece).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from clausier.model import Consultation, Fact, Piece
from review.facts.text import Segment, excerpt, segments


@dataclass
class Evidence:
    segment: Segment
    start: int
    end: int


@dataclass
class PieceText:
    """A piece as the extractors and rules see it."""

    piece: Piece
    segments: list[Segment]
    lot: str | None = None  # the lot a per-lot piece is about (AE_Lot2.docx)
    clause_segments: list[Segment] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.piece.path


class Facts(list):
    """The facts of a consultation, with the text they came from."""

    def __init__(self) -> None:
        super().__init__()
        self.evidence: dict[int, Evidence] = {}
        self.texts: dict[str, PieceText] = {}
        self._matches: dict[int, list[Any]] = {}
        self.nlp_seconds = 0.0

    def add(
        self,
        kind: str,
        value: Any,
        segment: Segment,
        start: int = 0,
        end: int = 0,
        lot: str | None = None,
    ) -> Fact:
        place = (
            segment.place_at(start)
            if segment.blocks
            else (segment.article.place if segment.article else None)
        )
        fact = Fact(
            kind=kind,
            value=value,
            piece=segment.piece.path,
            place=place,
            article=segment.article_number,
            text=segment.text[start:end],
            lot=lot,
        )
        self.append(fact)
        self.evidence[id(fact)] = Evidence(segment, start, end)
        return fact

    def of(self, kind: str, piece: str | None = None) -> list[Fact]:
        return [f for f in self if f.kind == kind and (piece is None or f.piece == piece)]

    def excerpt(self, fact: Fact) -> str | None:
        ev = self.evidence.get(id(fact))
        if ev is None:
            return fact.text or None
        if not ev.segment.text:
            return ev.segment.article.heading if ev.segment.article else None
        return excerpt(ev.segment.text, ev.start, ev.end)

    def block_text(self, fact: Fact) -> str | None:
        ev = self.evidence.get(id(fact))
        if ev is None or not ev.segment.blocks:
            return None
        return ev.segment.block_at(ev.start).text

    def matches(self, segment: Segment) -> list[Any]:
        """spaCy pattern matches of a candidate segment (computed once)."""
        key = id(segment)
        if key not in self._matches:
            from review import nlp

            self._matches[key] = nlp.find(segment.text) if segment.text else []
        return self._matches[key]


def extract_facts(consultation: Consultation) -> Facts:
    """Every fact of every readable piece, in piece order."""
    from review import nlp
    from review.facts import (
        clause,
        contacts,
        hours,
        identity,
        lots,
        modalities,
        penalties,
        procedure,
        public,
        references,
    )

    spacy_before = nlp.STATS["seconds"]
    facts = Facts()
    for piece in consultation.pieces:
        if not piece.readable or not piece.blocks:
            continue
        text = PieceText(piece, segments(piece))
        facts.texts[piece.path] = text
        clause.extract(text, facts)
        lots.extract(text, facts)
        hours.extract(text, facts)
        references.extract(text, facts)
        public.extract(text, facts)
        modalities.extract(text, facts)
        contacts.extract(text, facts)
        penalties.extract(text, facts)
        procedure.extract(text, facts)
        identity.extract(text, facts)
    facts.nlp_seconds = nlp.STATS["seconds"] - spacy_before
    return facts
