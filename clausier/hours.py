"""The insertion hours of a lot: the one implementation used by `clausier hours`, the
review's CS403 and the clause generation.

    heures = arrondi(A × m × t / c)

A the lot's amount (€ HT), m the trade's labour share, t the insertion rate, c the loaded
hourly cost; `arrondi` rounds half up to the profile's step. Decimal arithmetic keeps the
half-up exact (832.5 h -> 835 h with a 5 h step, never 830 because of a binary float).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from clausier.french import fr_euros, fr_hours, fr_rate, unaccent

if TYPE_CHECKING:
    from clausier.model import Lot
    from clausier.profile import Profile


@dataclass
class LotRequest:
    number: str
    title: str | None = None
    amount_ht: float | None = None
    trade: str | None = None
    # Overrides decided by the buyer, kept and shown:
    labour_share: float | None = None
    insertion_rate: float | None = None
    hours: int | None = None


@dataclass
class LotHours:
    number: str
    title: str | None
    amount_ht: float | None
    trade: str | None
    labour_share: float | None
    insertion_rate: float | None
    hourly_cost: float | None
    hours_worked: float | None  # A × m / c, for the same period as `hours`
    hours: int | None  # None: no clause proposed, `note` says why
    note: str | None = None
    overrides: list[str] = field(default_factory=list)  # "labour_share", "insertion_rate", "hours"
    period: str | None = None  # None (whole contract), "year", "tranche"
    tranche_amount_ht: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The keys of docs/heures.md `hours --format json`; `overrides`, `period` and
        `tranche_amount_ht` are added only when they say something."""
        data: dict[str, Any] = {
            "number": self.number,
            "title": self.title,
            "amount_ht": None if self.amount_ht is None else float(self.amount_ht),
            "trade": self.trade,
            "labour_share": self.labour_share,
            "insertion_rate": self.insertion_rate,
            "hourly_cost": self.hourly_cost,
            "hours_worked": None if self.hours_worked is None else round(self.hours_worked, 1),
            "hours": self.hours,
            "note": self.note,
        }
        if self.overrides:
            data["overrides"] = list(self.overrides)
        if self.period:
            data["period"] = self.period
            if self.tranche_amount_ht is not None:
                data["tranche_amount_ht"] = self.tranche_amount_ht
        return data


@dataclass
class HoursTable:
    profile: str
    lots: list[LotHours]
    total_hours: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "profile": self.profile,
            "lots": [lot.to_dict() for lot in self.lots],
            "total_hours": self.total_hours,
        }


# --------------------------------------------------------------------------- arithmetic
def _dec(value: float | int) -> Decimal:
    # str() gives the shortest repr: 0.05 -> Decimal("0.05"), not the binary expansion.
    return Decimal(str(value))


def raw_hours(amount: float, labour_share: float, rate: float, hourly_cost: float) -> Decimal:
    """A × m × t / c, exact in decimal."""
    return _dec(amount) * _dec(labour_share) * _dec(rate) / _dec(hourly_cost)


def round_half_up(value: Decimal | float, step: int) -> int:
    """Nearest multiple of `step`, halves going up: 832.5 -> 835 (step 5), 832.4 -> 830."""
    value = value if isinstance(value, Decimal) else _dec(value)
    units = (value / Decimal(step)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(units) * step


# --------------------------------------------------------------------------- calculation
def _trade_keys(profile: Profile) -> str:
    return ", ".join(sorted(profile.trades))


def _labour_share(request: LotRequest, profile: Profile) -> float | None:
    if request.labour_share is not None:
        return request.labour_share
    trade = profile.trades.get(request.trade or "")
    return trade.labour_share if trade else None


def compute_lot(
    request: LotRequest,
    profile: Profile,
    framework: bool = False,
    duration_years: float | None = None,
    period: str | None = None,
) -> LotHours:
    """The insertion hours of one lot, with a French note when none are proposed.

    `framework`: an accord-cadre; its hours are given per year (profile form "annuel",
    amount ÷ `duration_years`) or per tranche of amount ordered (form "tranche"). The
    profile's minimum is checked on the whole contract's volume. `period` ("year" or
    "tranche"), when the tender states its hours so, wins over the profile's form (and
    implies an accord-cadre); "whole" says the hours are for the whole accord-cadre.
    """
    trade = request.trade
    notes: list[str] = []
    if trade is None and request.title:
        trade = guess_trade(request.title, profile)
        if trade:
            notes.append(f"métier déduit de l'intitulé : {profile.trades[trade].label}")
    elif trade is not None and trade not in profile.trades:
        # People write the trade as they say it (« Gros œuvre », « PEINTURE »), not its key.
        known = _trade_written_as(trade, profile)
        if known:
            notes.append(f"métier « {trade} » lu comme {known} ({profile.trades[known].label})")
            trade = known
    request = LotRequest(**{**request.__dict__, "trade": trade})
    rate = request.insertion_rate if request.insertion_rate is not None else profile.insertion_rate
    share = _labour_share(request, profile)
    overrides = [
        name
        for name in ("labour_share", "insertion_rate", "hours")
        if getattr(request, name) is not None
    ]
    result = LotHours(
        number=request.number,
        title=request.title,
        amount_ht=request.amount_ht,
        trade=trade,
        labour_share=share,
        insertion_rate=rate,
        hourly_cost=profile.hourly_cost,
        hours_worked=None,
        hours=None,
        overrides=overrides,
    )
    if request.labour_share is not None:
        base = profile.trades.get(trade or "")
        was = f" au lieu de {fr_rate(base.labour_share)}" if base else ""
        notes.append(f"taux de main-d'œuvre fixé pour ce lot : {fr_rate(share)}{was}")
    if request.insertion_rate is not None:
        notes.append(
            f"taux d'insertion fixé pour ce lot : {fr_rate(rate)} "
            f"au lieu de {fr_rate(profile.insertion_rate)}"
        )

    computed: int | None = None
    problem: str | None = None
    if request.amount_ht is None:
        problem = "montant HT du lot inconnu : indiquez-le pour calculer les heures"
    elif share is None and trade:
        problem = (
            f"métier « {trade} » absent du profil : ajoutez à votre profil une table "
            f"[metiers.{trade}] avec libelle et taux_main_oeuvre (par exemple 0.45), "
            "ou fixez taux_main_oeuvre pour ce lot"
        )
    elif share is None:
        problem = (
            "métier du lot inconnu : indiquez un métier du profil "
            f"({_trade_keys(profile)}) ou fixez taux_main_oeuvre pour ce lot"
        )
    else:
        amount, period_note = _period_amount(
            request.amount_ht, profile, framework, duration_years, result, period
        )
        total = raw_hours(request.amount_ht, share, rate, profile.hourly_cost)
        total_rounded = round_half_up(total, profile.rounding_step)
        result.hours_worked = float(_dec(amount) * _dec(share) / _dec(profile.hourly_cost))
        if total_rounded < profile.min_hours and request.hours is None:
            problem = (
                f"clause non proposée : volume trop faible ({fr_hours(float(total))} h "
                f"calculées, minimum {profile.min_hours} h)"
            )
        else:
            computed = round_half_up(
                raw_hours(amount, share, rate, profile.hourly_cost), profile.rounding_step
            )
            if period_note:
                notes.append(period_note.format(hours=computed))

    if request.hours is not None:
        result.hours = request.hours
        calc = f" (calcul : {computed} h)" if computed is not None else ""
        notes.append(f"heures fixées par l'acheteur : {request.hours} h{calc}")
    elif problem:
        notes.append(problem)
    else:
        result.hours = computed
    result.note = " ; ".join(notes) if notes else None
    return result


def _period_amount(
    amount: float,
    profile: Profile,
    framework: bool,
    duration_years: float | None,
    result: LotHours,
    period: str | None = None,
) -> tuple[float, str | None]:
    """The amount the hours are stated for, and the note template describing the period.
    `period` ("year" / "tranche") overrides the profile's form; "whole" (hours for the
    accord-cadre's whole duration) is the contract's amount."""
    if period == "whole" or (not framework and period is None):
        return amount, None
    form = {"year": "annuel", "tranche": "tranche"}.get(period or "", profile.framework_form)
    if form == "annuel" and duration_years and duration_years > 0:
        result.period = "year"
        years = fr_hours(float(duration_years))
        return (
            float(_dec(amount) / _dec(duration_years)),
            f"{{hours}} h par an (accord-cadre sur {years} an{'s' if duration_years > 1 else ''})",
        )
    result.period = "tranche"
    result.tranche_amount_ht = profile.tranche_amount
    prefix = ""
    if form == "annuel":
        prefix = "durée de l'accord-cadre inconnue (duree_annees) : "
    return (
        profile.tranche_amount,
        prefix + f"{{hours}} h par tranche de {fr_euros(profile.tranche_amount)} HT commandés",
    )


def compute(
    requests: Iterable[LotRequest],
    profile: Profile,
    framework: bool = False,
    duration_years: float | None = None,
    period: str | None = None,
) -> HoursTable:
    lots = [compute_lot(r, profile, framework, duration_years, period) for r in requests]
    return HoursTable(
        profile=profile.name,
        lots=lots,
        total_hours=sum(lot.hours for lot in lots if lot.hours is not None),
    )


def expected_range(
    request: LotRequest,
    profile: Profile,
    framework: bool = False,
    duration_years: float | None = None,
    period: str | None = None,
) -> tuple[int, int] | None:
    """The hours a piece may state for this lot without CS403: computed ± tolerance, each
    bound rounded to the step, for the same period as `compute_lot` with the same
    arguments (an accord-cadre's hours per year or per tranche). None when the amount or
    the labour share is unknown, or when hours per year are asked without a duration."""
    share = _labour_share(request, profile)
    if request.amount_ht is None or share is None:
        return None
    probe = LotHours(request.number, None, None, None, None, None, None, None, None)
    amount, _ = _period_amount(request.amount_ht, profile, framework, duration_years, probe, period)
    if period == "year" and probe.period != "year":
        return None  # hours per year, duration unknown: no honest range
    rate = request.insertion_rate if request.insertion_rate is not None else profile.insertion_rate
    raw = raw_hours(amount, share, rate, profile.hourly_cost)
    tolerance = _dec(profile.tolerance)
    low = round_half_up(raw * (1 - tolerance), profile.rounding_step)
    high = round_half_up(raw * (1 + tolerance), profile.rounding_step)
    return low, high


# --------------------------------------------------------------------------- trades
_STOP_WORDS = {
    "de", "des", "du", "d", "la", "le", "les", "l", "et", "en", "a", "au", "aux",
    "pour", "sur", "un", "une", "lot",
}  # fmt: skip


@functools.lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    """Lower-case, no accents, œ -> oe, plural -s dropped, stop words removed (cached: the
    profile's keywords are tokenised again for every lot title)."""
    words = re.findall(r"[a-z0-9]+", unaccent(text))
    return tuple(
        w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w not in _STOP_WORDS
    )


def _trade_written_as(text: str, profile: Profile) -> str | None:
    """The profile's trade key for a trade written by its label or its key in another case
    or with spaces (« Gros œuvre » -> "gros_oeuvre"); None when it is none of them."""
    wanted = _tokens(text)
    for key, trade in profile.trades.items():
        if wanted and wanted in (_tokens(key.replace("_", " ")), _tokens(trade.label)):
            return key
    return None


# A lot titled « Fourniture de … » with no word of work on site (pose, installation…).
# « Fourniture de pompes », « Fourniture de produits d'entretien et de consommables
# sanitaires »: a supply, even when a word names a trade (« sanitaires »), unless the title
# names work (« pose », « entretien » of something) or a meal, which is cooked.
_SUPPLY_ONLY = re.compile(
    r"^\W*(?:lot\s*\w*\s*[-–:]\s*)?fournitures?\s+(?:de|d'|des|du)\b"
    # « (sans pose) », « hors installation »: a supply still
    r"(?!.*\b(?<!sans )(?<!hors )(?:pose|posee?s?|install\w*|montage|mise en (?:oe|œ)uvre|maintenance"
    r"|(?<!produits d')entretien|travaux|service\w*|repas))"
)


_SUPPLY_SHARE = 0.10  # a trade at or below this labour share is a supply, no work on site


def guess_trade(title: str, profile: Profile) -> str | None:
    """The trade whose keyword best matches a lot title (longest keyword, then earliest):
    « Lot 2 - Gros œuvre, maçonnerie » -> "gros_oeuvre". None when nothing matches."""
    trades = guess_trades(title, profile)
    return trades[0] if trades else None


def guess_trades(title: str, profile: Profile) -> list[str]:
    """Every trade a lot title names, best match first (longest keyword, then earliest):
    « Peinture – sols souples » names two trades, and hours right for either are right."""
    words = _tokens(title)
    scores: dict[str, tuple[int, int]] = {}  # key -> (length, -position) of its best keyword
    for key, trade in profile.trades.items():
        # The key itself counts only for a trade without keywords: "fournitures" must not
        # catch « Fourniture et pose de carrelage ».
        for keyword in trade.keywords or [key.replace("_", " ")]:
            needle = _tokens(keyword)
            if not needle:
                continue
            for start in range(len(words) - len(needle) + 1):
                if words[start : start + len(needle)] == needle:
                    score = (len(" ".join(needle)), -start)
                    if key not in scores or score > scores[key]:
                        scores[key] = score
                    break
    order = list(profile.trades)
    found = sorted(
        scores,
        key=lambda k: (
            # « Confection et livraison des repas », « Fourniture et pose de … »: a title that
            # names work and a supply word is the work's trade (fifth blind corpus).
            profile.trades[k].labour_share > _SUPPLY_SHARE,
            scores[k][0],
            scores[k][1],
            -order.index(k),
        ),
        reverse=True,
    )
    if "fournitures" in profile.trades and _SUPPLY_ONLY.match(unaccent(title)):
        # a supply, no work on site; the trades its words name come after (CS403 tries them)
        return ["fournitures", *(k for k in found if k != "fournitures")]
    return found


def requests_from_lots(lots: list[Lot], profile: Profile) -> list[LotRequest]:
    """LotRequests from the lots a review found; the trade is guessed from the title when
    the review did not give one."""
    requests = []
    for lot in lots:
        trade = lot.trade or (guess_trade(lot.title, profile) if lot.title else None)
        requests.append(
            LotRequest(number=lot.number, title=lot.title, amount_ht=lot.amount_ht, trade=trade)
        )
    return requests
