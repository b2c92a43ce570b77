"""What several rules need to know about the consultation, computed once per run:
does it carry a clause, does a piece say it carries none, where is the clause article
that content findings point at, which text is the clause."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from clausier.model import Consultation, Fact, Location, PieceKind

if TYPE_CHECKING:
    from clausier.profile import Profile
    from review.facts import Facts, PieceText
    from review.facts.text import Segment
    from review.rules import RuleContext

# Pieces whose clause text binds the holder (the RC does not).
CONTRACTUAL = (PieceKind.CCAP, PieceKind.ANNEXE_CLAUSE, PieceKind.AE)
# Where hours are compared, in the order a facilitator reads them.
KIND_ORDER = {
    PieceKind.CCAP: 0,
    PieceKind.ANNEXE_CLAUSE: 1,
    PieceKind.AE: 2,
    PieceKind.RC: 3,
    PieceKind.AAPC: 4,
}


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


def kind_of(consultation: Consultation, path: str) -> PieceKind:
    for piece in consultation.pieces:
        if piece.path == path:
            return piece.kind
    return PieceKind.AUTRE


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
        return KIND_ORDER.get(kind_of(consultation, fact.piece), 9)

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


# ---------------------------------------------------------------- lots and hours


def lot_key(fact: Fact, facts: Facts) -> str | None:
    """The lot an hours fact is about; « unique » for a consultation without lots."""
    if fact.lot is not None:
        return fact.lot
    if not facts.of("lot") and not any(f.lot for f in facts.of("hours")):
        return "unique"
    return None


def hours_by_piece(consultation: Consultation, facts: Facts) -> dict[str, dict[str, Fact]]:
    """lot -> piece path -> the first hours fact stated for that lot in that piece."""
    table: dict[str, dict[str, Fact]] = {}
    for fact in facts.of("hours"):
        lot = lot_key(fact, facts)
        if lot is None:
            continue
        table.setdefault(lot, {}).setdefault(fact.piece, fact)
    return table


def reference_piece(consultation: Consultation, pieces: dict[str, Fact]) -> str:
    """The piece whose value is the reference for a lot: CCAP, then annex, AE, RC…"""
    return min(pieces, key=lambda p: (KIND_ORDER.get(kind_of(consultation, p), 9), p))


def merged_lots(facts: Facts) -> dict[str, dict]:
    """lot number -> {title, amount_ht} from every piece (first value found wins)."""
    lots: dict[str, dict] = {}
    for fact in facts.of("lot"):
        info = fact.value
        entry = lots.setdefault(
            info.number, {"title": None, "amount_ht": None, "amount_period": None}
        )
        if entry["title"] is None and info.title:
            entry["title"] = info.title
        if entry["amount_ht"] is None and info.amount_ht:
            entry["amount_ht"] = info.amount_ht
            entry["amount_period"] = info.amount_period
    return lots


# ---------------------------------------------------------------- accords-cadres


@dataclass(frozen=True)
class HoursTerms:
    """How the tender states its hours, for `clausier.hours` (the one calculation):
    an accord-cadre or not, its duration in years, and the period of its hours."""

    framework: bool = False
    duration_years: float | None = None
    period: str | None = None  # "year" / "tranche" when the pieces state hours so

    def for_lot(
        self, amount: float | None, amount_period: str | None
    ) -> tuple[float | None, float | None]:
        """(amount over the whole contract, duration) for a lot whose table gives
        `amount` per year (`amount_period` "year") or for the whole contract."""
        if amount is None or amount_period != "year":
            return amount, self.duration_years
        if self.duration_years:
            return amount * self.duration_years, self.duration_years
        return amount, 1.0  # only the yearly amount is known: it is the year's amount


def hours_terms(facts: Iterable[Fact], lot: str | None = None) -> HoursTerms:
    """The accord-cadre terms the pieces state (for one lot's period when `lot` is given).
    `facts`: the review's facts (`Facts`, or `Report.facts`)."""
    framework = any(f.kind == "framework" for f in facts)
    durations = [f.value for f in facts if f.kind == "duration_years"]
    periods = [
        f.value for f in facts if f.kind == "hours_period" and (lot is None or f.lot in (lot, None))
    ]
    period = max(set(periods), key=periods.count) if periods else None
    return HoursTerms(
        framework=framework or period is not None,
        duration_years=max(set(durations), key=durations.count) if durations else None,
        period=period,
    )


def lot_request(entry: dict, number: str, profile: Profile, terms: HoursTerms):
    """The `LotRequest` of a lot found (whole-contract amount) and the duration to use."""
    from clausier.hours import LotRequest, guess_trade

    title = entry["title"]
    amount, duration = terms.for_lot(entry["amount_ht"], entry.get("amount_period"))
    trade = guess_trade(title, profile) if title else None
    return LotRequest(number=number, title=title, amount_ht=amount, trade=trade), duration
