"""Where each lot stands at a date: hours done and expected, participants, alerts, penalty.

`compute_statuses(session, at, profile, references=None)` answers for many operations with
a fixed number of queries (500 operations in well under half a second), and returns the
core's `OperationStatus` dataclasses (`clausier/followup_figures.py`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from clausier.followup_figures import Alert, LotStatus, OperationStatus, Totals
from clausier.profile import FollowupSettings, Profile
from followup.models import Action, ArchivedHours, Award, Lot, MonthlyHours, Operation, Participant
from followup.months import add_months, month_end, month_index, month_of
from followup.penalty import penalty_amount
from followup.text import fr_day, fr_euros, fr_hours, fr_number, whole


@dataclass
class LotFacts:
    """A lot's row joined with its award and operation, as the status needs it."""

    operation_id: int
    lot: Row  # a row of the lots table (attributes as on `Lot`)
    award: Row | None  # a row of the awards table

    @property
    def start(self) -> date | None:
        return (self.award.start if self.award else None) or self.lot.start

    @property
    def end(self) -> date | None:
        return (self.award.end if self.award else None) or self.lot.end

    def committed(self) -> float | None:
        hours = self.award.hours if self.award and self.award.hours is not None else None
        if hours is None:
            hours = self.lot.hours_committed
        if hours is not None and self.lot.hours_per_year and self.start and self.end:
            years = max(1.0, round((self.end - self.start).days / 365.25))
            hours = round(hours * years)
        return hours


def compute_statuses(
    session: Session, at: date, profile: Profile, references: list[str] | None = None
) -> list[OperationStatus]:
    settings = profile.followup
    # Plain rows, not ORM objects: building 3 500 instances for 500 operations cost half of
    # the status' time (docs/suivi.md, « Mesures »). Rows have the same attribute names.
    query = select(Operation.__table__).order_by(Operation.reference)
    if references:
        query = query.where(Operation.reference.in_(references))
    operations = session.execute(query).all()
    if not operations:
        return []
    op_ids = [op.id for op in operations]
    lots = session.execute(
        select(Lot.__table__)
        .where(Lot.operation_id.in_(op_ids))
        .order_by(Lot.operation_id, Lot.position)
    ).all()
    awards = {
        award.lot_id: award
        for award in session.execute(
            select(Award.__table__).where(
                Award.lot_id.in_(select(Lot.id).where(Lot.operation_id.in_(op_ids)))
            )
        )
    }
    lots_by_op: dict[int, list[LotFacts]] = defaultdict(list)
    for lot in lots:
        lots_by_op[lot.operation_id].append(LotFacts(lot.operation_id, lot, awards.get(lot.id)))
    figures = _Figures(session, op_ids, month_of(at))
    statuses = []
    for operation in operations:
        status = OperationStatus(
            operation=operation.reference,
            date=at,
            buyer=operation.buyer,
            object=operation.object,
        )
        for facts in lots_by_op.get(operation.id, []):
            status.lots.append(_lot_status(facts, figures, at, settings))
        status.totals = _totals(status, figures, operation, settings)
        stale = figures.stale_participants(operation.id, at, settings.retention_months)
        if stale:
            status.alerts.append(
                Alert(
                    "SU301",
                    "info",
                    f"{stale} participant(s) sans activité depuis plus de "
                    f"{settings.retention_months} mois (durée de conservation) : lancez "
                    "« clausier followup purge » ; les totaux par lot sont gardés.",
                )
            )
        statuses.append(status)
    return statuses


class _Figures:
    """Every aggregate the status needs, one query each, for all operations at once."""

    def __init__(self, session: Session, op_ids: list[int], month: str) -> None:
        lot_ids = select(Lot.id).where(Lot.operation_id.in_(op_ids))
        upto = MonthlyHours.month <= month
        # One pass over the month totals gives the hours done, the months with hours and the
        # last of them (hours are never negative: a month's sum > 0 means hours that month).
        self.done: dict[int, float] = defaultdict(float)
        self.last_month: dict[int, str] = {}
        self.months: dict[int, dict[str, float]] = defaultdict(dict)
        for lot_id, row_month, hours in session.execute(
            select(MonthlyHours.lot_id, MonthlyHours.month, func.sum(MonthlyHours.hours))
            .where(MonthlyHours.lot_id.in_(lot_ids), upto)
            .group_by(MonthlyHours.lot_id, MonthlyHours.month)
        ):
            hours = float(hours or 0)
            self.done[lot_id] += hours
            self.months[lot_id][row_month] = hours
            if hours > 0 and row_month > self.last_month.get(lot_id, ""):
                self.last_month[lot_id] = row_month
        for lot_id, hours, last in session.execute(
            select(
                ArchivedHours.lot_id, func.sum(ArchivedHours.hours), func.max(ArchivedHours.month)
            )
            .where(ArchivedHours.lot_id.in_(lot_ids), ArchivedHours.month <= month)
            .group_by(ArchivedHours.lot_id)
        ):
            self.done[lot_id] += float(hours or 0)
            self.last_month[lot_id] = max(last, self.last_month.get(lot_id, last))
        self.participants = dict(
            session.execute(
                select(MonthlyHours.lot_id, func.count(func.distinct(MonthlyHours.participant_id)))
                .where(MonthlyHours.lot_id.in_(lot_ids), upto, MonthlyHours.hours > 0)
                .group_by(MonthlyHours.lot_id)
            ).all()
        )
        self.op_participants = dict(
            session.execute(
                select(Participant.operation_id, func.count(func.distinct(Participant.id)))
                .join(MonthlyHours, MonthlyHours.participant_id == Participant.id)
                .where(Participant.operation_id.in_(op_ids), upto, MonthlyHours.hours > 0)
                .group_by(Participant.operation_id)
            ).all()
        )
        self.unknown_public = dict(
            session.execute(
                select(MonthlyHours.lot_id, func.count(func.distinct(Participant.id)))
                .join(Participant, MonthlyHours.participant_id == Participant.id)
                .where(MonthlyHours.lot_id.in_(lot_ids), upto, Participant.public.is_(None))
                .group_by(MonthlyHours.lot_id)
            ).all()
        )
        self._months_of: dict[date, str] = {}  # thousands of rows share a few dates
        self._penalties: dict[tuple, float | None] = {}
        self.after_end: dict[int, list[str]] = defaultdict(list)
        for lot_id, row_month, start, end in session.execute(
            select(MonthlyHours.lot_id, MonthlyHours.month, Action.start, Action.end)
            .join(Action, MonthlyHours.action_id == Action.id)
            .where(MonthlyHours.lot_id.in_(lot_ids), upto, MonthlyHours.hours > 0)
            .group_by(MonthlyHours.lot_id, MonthlyHours.month, Action.start, Action.end)
        ):
            if (end is not None and row_month > self.month_of(end)) or row_month < self.month_of(
                start
            ):
                self.after_end[lot_id].append(row_month)
        self._session = session
        self._op_ids = op_ids
        self._activity: dict[int, list[date]] | None = None

    def month_of(self, day: date) -> str:
        try:
            return self._months_of[day]
        except KeyError:
            return self._months_of.setdefault(day, month_of(day))

    def penalty(self, number: float | None, text: str | None, on: date | None) -> float | None:
        """`penalty_amount`, once per formula and end date (the SMIC look-up is slow)."""
        memo_key = (number, text, on)
        if memo_key not in self._penalties:
            self._penalties[memo_key] = penalty_amount(number, text, on)
        return self._penalties[memo_key]

    def stale_participants(self, operation_id: int, at: date, retention_months: int) -> int:
        limit = add_months(at, -retention_months)
        if self._activity is None:
            self._activity = defaultdict(list)
            for op_id, last in last_activity(self._session, self._op_ids).values():
                self._activity[op_id].append(last)
        return sum(1 for last in self._activity.get(operation_id, []) if last < limit)


def last_activity(session: Session, op_ids: list[int]) -> dict[int, tuple[int, date]]:
    """participant id -> (operation id, day of last activity: the end of the last month with
    hours, or the latest start or end of an action)."""
    result: dict[int, tuple[int, date]] = {}

    def keep(pid: int, op_id: int, day: date | None) -> None:
        if day is None:
            return
        previous = result.get(pid)
        if previous is None or previous[1] < day:
            result[pid] = (op_id, day)

    for pid, op_id, month in session.execute(
        select(Participant.id, Participant.operation_id, func.max(MonthlyHours.month))
        .join(MonthlyHours, MonthlyHours.participant_id == Participant.id)
        .where(Participant.operation_id.in_(op_ids))
        .group_by(Participant.id, Participant.operation_id)
    ):
        keep(pid, op_id, month_end(month))
    for pid, op_id, start, end in session.execute(
        select(
            Participant.id, Participant.operation_id, func.max(Action.start), func.max(Action.end)
        )
        .join(Action, Action.participant_id == Participant.id)
        .where(Participant.operation_id.in_(op_ids))
        .group_by(Participant.id, Participant.operation_id)
    ):
        keep(pid, op_id, max(d for d in (start, end) if d is not None) if (start or end) else None)
    return result


def _lot_status(
    facts: LotFacts, figures: _Figures, at: date, settings: FollowupSettings
) -> LotStatus:
    lot, award = facts.lot, facts.award
    committed = facts.committed()
    done = round(figures.done.get(lot.id, 0.0), 2)
    start, end = facts.start, facts.end
    status = LotStatus(
        lot=lot.number,
        title=lot.title or "",
        company=award.company if award else None,
        siret=award.siret if award else None,
        hours_committed=whole(committed),
        hours_done=done,
        participants=figures.participants.get(lot.id, 0) + (lot.participants_archived or 0),
        start=start,
        end=end,
    )
    if committed:
        status.percent = round(done / committed * 100, 1)
    if committed is not None and start and end:
        status.hours_expected = round(committed * _elapsed(start, end, at), 1)
    status.penalty_per_hour = figures.penalty(lot.penalty_per_hour, lot.penalty_text, end)
    status.alerts = _lot_alerts(status, facts, figures, at, settings)
    return status


def _elapsed(start: date, end: date, at: date) -> float:
    if at <= start:
        return 0.0
    if at >= end:
        return 1.0
    return (at - start).days / max(1, (end - start).days)


def _lot_alerts(
    status: LotStatus, facts: LotFacts, figures: _Figures, at: date, settings: FollowupSettings
) -> list[Alert]:
    alerts: list[Alert] = []
    lot = facts.lot
    who = status.company or "le titulaire"
    committed, done, expected = status.hours_committed, status.hours_done, status.hours_expected
    start, end = status.start, status.end
    in_execution = start is not None and start <= at and (end is None or at <= end)
    if end is not None and at > end and committed and done < committed:
        missing = round(committed - done, 2)
        if status.penalty_per_hour is not None:
            status.penalty_due = round(missing * status.penalty_per_hour, 2)
            penalty = (
                f"pénalité due : {fr_euros(status.penalty_due)} HT ({fr_hours(missing)} × "
                f"{fr_euros(status.penalty_per_hour)} par heure non réalisée)"
            )
        else:
            penalty = (
                "pénalité à calculer : aucune pénalité par heure n'est connue pour ce lot "
                "(penalite_heure du fichier consultation, ou [penalites] du profil)"
            )
        alerts.append(
            Alert(
                "SU103",
                "error",
                f"Lot {lot.number} : la fin prévue ({fr_day(end)}) est passée et "
                f"{fr_hours(missing)} manquent sur {fr_hours(committed)} engagées ; {penalty}. "
                "Transmettez le constat à l'acheteur.",
                lot.number,
            )
        )
    elif in_execution and expected and done < (1 - settings.late_margin) * expected:
        share = round(done / expected * 100) if expected else 0
        alerts.append(
            Alert(
                "SU101",
                "warning",
                f"Lot {lot.number} : {fr_hours(done)} réalisées pour {fr_hours(expected)} "
                f"attendues au {fr_day(at)} ({share} % de l'attendu, marge "
                f"{round(settings.late_margin * 100)} %) : voyez avec {who} les recrutements "
                "à venir.",
                lot.number,
            )
        )
    if in_execution and start is not None:
        silent = _months_without_hours(figures.last_month.get(lot.id), start, at)
        if silent >= settings.months_without_hours:
            last = figures.last_month.get(lot.id)
            since = f"dernières heures en {last}" if last else "aucune heure depuis le début"
            alerts.append(
                Alert(
                    "SU102",
                    "warning",
                    f"Lot {lot.number} : aucune heure déclarée depuis {silent} mois ({since}) : "
                    f"demandez à {who} la feuille de suivi des mois manquants.",
                    lot.number,
                )
            )
    unknown = figures.unknown_public.get(lot.id, 0)
    if unknown:
        alerts.append(
            Alert(
                "SU201",
                "warning",
                f"Lot {lot.number} : le public de {unknown} participant(s) n'est pas renseigné "
                "ou est inconnu : demandez-le à l'employeur (colonne Public) ; sans lui, les "
                "heures ne peuvent pas être justifiées.",
                lot.number,
            )
        )
    first = figures.month_of(start) if start else None
    last = figures.month_of(end) if end else None
    outside = sorted(
        {
            m
            for m, hours in figures.months.get(lot.id, {}).items()
            if hours > 0 and ((first and m < first) or (last and m > last))
        }
        | set(figures.after_end.get(lot.id, []))
    )
    if outside:
        period = f"du {fr_day(start)} au {fr_day(end)}" if start and end else "non renseignée"
        alerts.append(
            Alert(
                "SU202",
                "warning",
                f"Lot {lot.number} : des heures sont déclarées hors de la période d'exécution "
                f"du lot ({period}) ou après la sortie du participant, en "
                f"{', '.join(outside)} : vérifiez les feuilles de {who}.",
                lot.number,
            )
        )
    return alerts


def _months_without_hours(last: str | None, start: date, at: date) -> int:
    """Complete months, before the month of `at`, with no hours since the last month that
    had some (or since the start)."""
    reference = month_index(month_of(at)) - 1
    baseline = month_index(last) if last else month_index(month_of(start)) - 1
    return max(0, reference - baseline)


def _totals(
    status: OperationStatus, figures: _Figures, operation: Row, settings: FollowupSettings
) -> Totals:
    committed = sum(lot.hours_committed or 0 for lot in status.lots)
    done = round(sum(lot.hours_done for lot in status.lots), 2)
    return Totals(
        hours_committed=whole(float(committed)),
        hours_done=done,
        percent=round(done / committed * 100, 1) if committed else None,
        participants=figures.op_participants.get(operation.id, 0)
        + (operation.participants_archived or 0),
        fte=round(done / settings.hours_per_fte, 2) if settings.hours_per_fte else 0.0,
    )


def has_errors(statuses: list[OperationStatus]) -> bool:
    return any(alert.severity == "error" for s in statuses for alert in s.all_alerts())


__all__ = ["compute_statuses", "has_errors", "last_activity", "fr_number"]
