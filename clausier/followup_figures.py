"""What the follow-up computes and the bilan shows: plain values, no store, no file format.

The follow-up library (`followup/`) fills these from its store; the bilan renderers
(`generators/bilan/`), the web pages and `followup status` only read them. Keeping them
in the core lets both sides meet without importing each other. Counts of people are
whole numbers here; hiding small counts (« < 3 ») is the renderers' job, with `masked`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Alert:
    """A follow-up alert (SU101–SU301), see docs/suivi.md."""

    code: str
    severity: str  # error | warning | info
    message: str  # French, says what and what to do
    lot: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "message": self.message}


@dataclass
class LotStatus:
    """Where one lot stands at a date (one row of `followup status`)."""

    lot: str
    title: str = ""
    company: str | None = None
    siret: str | None = None
    hours_committed: float | None = None
    hours_done: float = 0.0
    percent: float | None = None  # hours done / committed × 100, one decimal
    hours_expected: float | None = None  # committed × share of the execution period elapsed
    participants: int = 0
    penalty_due: float | None = None  # € once the planned end has passed with hours missing
    alerts: list[Alert] = field(default_factory=list)
    start: date | None = None
    end: date | None = None
    penalty_per_hour: float | None = None  # € HT per hour not done

    @property
    def hours_missing(self) -> float | None:
        if self.hours_committed is None:
            return None
        return max(0.0, round(self.hours_committed - self.hours_done, 2))

    def to_dict(self) -> dict[str, Any]:
        """The lot object of `followup status --format json`."""
        return {
            "lot": self.lot,
            "company": self.company,
            "siret": self.siret,
            "hours_committed": self.hours_committed,
            "hours_done": self.hours_done,
            "percent": self.percent,
            "hours_expected": self.hours_expected,
            "participants": self.participants,
            "penalty_due": self.penalty_due,
            "alerts": [alert.to_dict() for alert in self.alerts],
        }


@dataclass
class Totals:
    hours_committed: float = 0.0
    hours_done: float = 0.0
    percent: float | None = None
    participants: int = 0  # distinct participants over the operation
    fte: float = 0.0  # hours done / the profile's hours per full-time year

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class OperationStatus:
    """Where one operation stands at a date: the object of `followup status --format json`."""

    operation: str
    date: date
    lots: list[LotStatus] = field(default_factory=list)
    totals: Totals = field(default_factory=Totals)
    alerts: list[Alert] = field(default_factory=list)  # not tied to a lot (SU301)
    buyer: str | None = None
    object: str | None = None

    def all_alerts(self) -> list[Alert]:
        return [*self.alerts, *(alert for lot in self.lots for alert in lot.alerts)]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "operation": self.operation,
            "date": self.date.isoformat(),
            "lots": [lot.to_dict() for lot in self.lots],
            "totals": self.totals.to_dict(),
        }
        if self.alerts:
            data["alerts"] = [alert.to_dict() for alert in self.alerts]
        return data


@dataclass(frozen=True)
class MonthPoint:
    """One month of the cumulative chart: hours done so far against hours expected so far."""

    month: str  # « 2027-03 »
    hours_done: float  # cumulative, end of month
    hours_expected: float  # cumulative, end of month


@dataclass(frozen=True)
class Count:
    """How many (participants or actions) fall in one category, with its French label."""

    label: str
    value: int


@dataclass(frozen=True)
class CompanyRow:
    """Hours done for one company (holder, or employer such as an SIAE) over the operation."""

    company: str
    siret: str | None
    role: str  # « titulaire », « ETTI », « SIAE », …
    lots: tuple[str, ...]
    hours_done: float
    participants: int


@dataclass
class BilanFigures:
    """Everything a bilan shows, computed once at a date (intermediate or final)."""

    status: OperationStatus
    final: bool = False
    facilitator: str | None = None  # structure and contact, from the profile
    period_start: date | None = None
    period_end: date | None = None
    months: list[MonthPoint] = field(default_factory=list)
    companies: list[CompanyRow] = field(default_factory=list)
    contracts: int = 0  # actions (contracts or missions)
    siae_count: int = 0  # companies of the SIAE / EA / ESAT family among employers
    by_modality: list[Count] = field(default_factory=list)
    by_contract: list[Count] = field(default_factory=list)
    by_public: list[Count] = field(default_factory=list)
    by_sex: list[Count] = field(default_factory=list)
    by_age: list[Count] = field(default_factory=list)
    by_qualification: list[Count] = field(default_factory=list)
    by_qpv: list[Count] = field(default_factory=list)
    by_outcome: list[Count] = field(default_factory=list)
    small_cell_threshold: int = 3  # profile [suivi] seuil_effectif


@dataclass(frozen=True)
class ExportRow:
    """One row of the territory's consolidation: a lot over one calendar year, aggregates only."""

    year: int
    operation: str
    buyer: str | None
    nature: str | None
    lot: str
    company: str | None
    siret: str | None
    hours_committed: float | None
    hours_done: float
    participants: int
    contracts_by_type: dict[str, int] = field(default_factory=dict)
    outcomes: dict[str, int] = field(default_factory=dict)


def masked(count: int, threshold: int) -> str:
    """A count of people as a bilan may show it: below the threshold (but not zero) it is
    « < threshold », so that nobody alone in a category can be recognised."""
    if 0 < count < threshold:
        return f"< {threshold}"
    return str(count)
