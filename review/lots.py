"""The lots and their hours as the pieces state them, one view for the engine (the
report's lots), the consistency rules and `clausier hours --from`: hours per lot and piece,
the lots' titles and amounts, the accord-cadre terms."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from clausier.model import Consultation, Fact, Lot, PieceKind, hours_rank

if TYPE_CHECKING:
    from clausier.profile import Profile
    from review.facts import Facts


def kind_of(consultation: Consultation, path: str) -> PieceKind:
    for piece in consultation.pieces:
        if piece.path == path:
            return piece.kind
    return PieceKind.AUTRE


def lot_key(fact: Fact, facts: Facts) -> str | None:
    """The lot an hours fact is about; « unique » for a consultation without lots."""
    if fact.lot is not None:
        return fact.lot
    if not facts.of("lot") and not any(f.lot not in (None, "unique") for f in facts.of("hours")):
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
    return min(pieces, key=lambda p: (hours_rank(kind_of(consultation, p)), p))


def merged_lots(facts: Facts) -> dict[str, dict]:
    """lot number -> {title, amount_ht} from every piece (first value found wins)."""
    lots: dict[str, dict] = {}
    objects = [f.value for f in facts.of("object")]
    for fact in facts.of("lot"):
        info = fact.value
        entry = lots.setdefault(
            info.number,
            {
                "title": None,
                "amount_ht": None,
                "amount_period": None,
                "ceiling": False,
                "objects": objects,  # the consultation's object, as the pieces state it
            },
        )
        if entry["title"] is None and info.title:
            entry["title"] = info.title
        # an estimate from any piece beats an accord-cadre's maximum (« Montant maximum »)
        if info.amount_ht and (
            entry["amount_ht"] is None
            or (entry.get("ceiling") and not info.ceiling)
            # the same amount another piece says is per year: it is per year
            or (info.amount_ht == entry["amount_ht"] and info.amount_period == "year")
        ):
            entry["amount_ht"] = info.amount_ht
            entry["amount_period"] = info.amount_period
            entry["ceiling"] = info.ceiling
    if not lots:
        lots.update(_single_lot(facts, objects))
    _annual_by_their_sum(lots, facts)
    titles = [entry["title"] for entry in lots.values()]
    for entry in lots.values():
        entry["titles"] = titles
    return lots


def _annual_by_their_sum(lots: dict[str, dict], facts: Facts) -> None:
    """Lots of 158 000, 96 000 and 38 000 € HT in an accord-cadre of 4 years « (valeur
    estimée sur la durée : 1 168 000 € HT) »: their sum is the value of one year, so each
    amount is a year's (thirteenth blind corpus: CS403 judged them over four years)."""
    amounts = [e for e in lots.values() if e["amount_ht"] and not e.get("estimated")]
    if len(amounts) < 2 or any(e["amount_period"] or e.get("ceiling") for e in amounts):
        return
    years = most_stated([f.value for f in facts.of("duration_years")])
    if not years or years <= 1:
        return
    total = sum(e["amount_ht"] for e in amounts)
    values = {f.value for f in facts.of("estimated_value")}
    if any(abs(total - v) <= 0.01 * v for v in values):
        return  # the lots add up to the whole value: amounts for the whole duration
    if any(abs(total * years - v) <= 0.01 * v for v in values):
        for entry in amounts:
            entry["amount_period"] = "year"


def _single_lot(facts: Facts, objects: list) -> dict[str, dict]:
    """A contract without lots whose hours stand for the whole (« unique »): its amount is
    the estimated value the pieces state, when they state one value only, and its trade
    the object's (« Le marché n'est pas alloti. Montant estimé : 100 000 € HT »)."""
    hours = facts.of("hours")
    if not hours or any(f.lot not in (None, "unique") for f in hours):
        return {}
    values = {f.value for f in facts.of("estimated_value")}
    if len(values) != 1:
        return {}
    annual = bool(facts.of("estimated_value_period"))
    return {
        "unique": {
            "title": None,
            "amount_ht": values.pop(),
            "amount_period": "year" if annual else None,
            "ceiling": False,
            "objects": objects,
            # the whole consultation's value, not a lot's amount: a coarser guess (CS403)
            "estimated": True,
        }
    }


# ---------------------------------------------------------------- accords-cadres


@dataclass(frozen=True)
class HoursTerms:
    """How the tender states its hours, for `clausier.hours` (the one calculation):
    an accord-cadre or not, its duration in years, and the period of its hours."""

    framework: bool = False
    duration_years: float | None = None
    # "year" / "tranche" when the pieces state hours so, "whole" when they say the hours
    # are for the accord-cadre's whole duration
    period: str | None = None

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


def most_stated(values: list[float]) -> float | None:
    """The value the pieces state most often; on a tie the largest (« durée d'un an » in
    one piece, « un an reconductible deux fois » in the other: three years)."""
    return max(set(values), key=lambda v: (values.count(v), v)) if values else None


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
        framework=framework or period in ("year", "tranche"),
        duration_years=most_stated(durations),
        period=period,
    )


def lot_request(entry: dict, number: str, profile: Profile, terms: HoursTerms):
    """The `LotRequest` of a lot found (whole-contract amount) and the duration to use."""
    from clausier.hours import LotRequest, guess_trade

    title = entry["title"]
    amount, duration = terms.for_lot(entry["amount_ht"], entry.get("amount_period"))
    trade = guess_trade(title, profile) if title else None
    if (
        trade is None
        and entry.get("objects")
        and not any(guess_trade(other, profile) for other in entry.get("titles", ()) if other)
    ):
        # « Zones d'activités », « Bords de rivière » in a contract for « l'entretien des
        # espaces verts … »: when no lot names a trade, the lots are places and the object
        # names the trade (not when the other lots name theirs: « Signalisation » beside
        # « Terrassements – chaussées » is a trade of its own the profile lacks).
        trades = {guess_trade(text, profile) for text in entry["objects"]} - {None}
        trade = trades.pop() if len(trades) == 1 else None
    return LotRequest(number=number, title=title, amount_ht=amount, trade=trade), duration


# ---------------------------------------------------------------- the report's lots


def build_lots(consultation: Consultation, facts: Facts, profile: Profile) -> list[Lot]:
    """The lots found, with the hours stated per piece kind and the profile's hours (for
    the period the pieces state: per year for an accord-cadre that says so)."""
    from clausier.hours import compute_lot

    info = merged_lots(facts)
    hours = hours_by_piece(consultation, facts)
    numbers = list(dict.fromkeys([*info, *hours]))
    lots = []
    for number in sorted(numbers, key=_lot_sort_key):
        entry = info.get(number, {"title": None, "amount_ht": None, "amount_period": None})
        terms = hours_terms(facts, number)
        request, duration = lot_request(entry, number, profile, terms)
        stated: dict[str, int] = {}
        by_path = hours.get(number, {})
        for path in sorted(by_path, key=lambda p: (hours_rank(kind_of(consultation, p)), p)):
            stated.setdefault(kind_of(consultation, path).value, by_path[path].value)
        computed = None
        if request.amount_ht is not None and request.trade is not None:
            computed = compute_lot(request, profile, terms.framework, duration, terms.period).hours
        lots.append(Lot(number, request.title, request.amount_ht, request.trade, stated, computed))
    return lots


def _lot_sort_key(number: str) -> tuple:
    """Lots in their order: « 2 » before « 3.1 » before « 3.2 » before « 10 »; letters last."""
    match = re.match(r"(\d+)(?:\.(\d+))?", number)
    if not match:
        return (1, 0, 0, number)
    return (0, int(match.group(1)), int(match.group(2) or 0), number)
