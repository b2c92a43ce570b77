"""Where each lot stands at a date: hours done and expected, participants, alerts, penalty.

`compute_statuses(session, at, profile, references=None)` answers for many operations with
a fixed number of queries (500 operations in well under half a second), and returns the
core's `OperationStatus` dataclasses (`clausier/followup_figures.py`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
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
    lot: Lot
    award: Award | None

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
    query = select(Operation).order_by(Operation.reference)
    if references:
        query = query.where(Operation.reference.in_(references))
    operations = list(session.scalars(query))
    if not operations:
        return []
    op_ids = [op.id for op in operations]
    rows = session.execute(
        select(Lot, Award)
        .outerjoin(Award, Award.lot_id == Lot.id)
        .where(Lot.operation_id.in_(op_ids))
        .order_by(Lot.operation_id, Lot.position)
    ).all()
    lots_by_op: dict[int, list[LotFacts]] = defaultdict(list)
    for lot, award in rows:
        lots_by_op[lot.operation_id].append(LotFacts(lot.operation_id, lot, award))
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
        self.done: dict[int, float] = defaultdict(float)
        for lot_id, hours in session.execute(
            select(MonthlyHours.lot_id, func.sum(MonthlyHours.hours))
            .where(MonthlyHours.lot_id.in_(lot_ids), upto)
            .group_by(MonthlyHours.lot_id)
        ):
            self.done[lot_id] += float(hours or 0)
        self.last_month: dict[int, str] = {}
        for lot_id, hours, last in session.execute(
            select(
                ArchivedHours.lot_id, func.sum(ArchivedHours.hours), func.max(ArchivedHours.month)
            )
            .where(ArchivedHours.lot_id.in_(lot_ids), ArchivedHours.month <= month)
            .group_by(ArchivedHours.lot_id)
        ):
            self.done[lot_id] += float(hours or 0)
            self.last_month[lot_id] = last
        for lot_id, last in session.execute(
            select(MonthlyHours.lot_id, func.max(MonthlyHours.month))
            .where(MonthlyHours.lot_id.in_(lot_ids), upto, MonthlyHours.hours > 0)
            .group_by(MonthlyHours.lot_id)
        ):
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
        self.months: dict[int, dict[str, float]] = defaultdict(dict)
        for lot_id, row_month, hours in session.execute(
            select(MonthlyHours.lot_id, MonthlyHours.month, func.sum(MonthlyHours.hours))
            .where(MonthlyHours.lot_id.in_(lot_ids), upto)
            .group_by(MonthlyHours.lot_id, MonthlyHours.month)
        ):
            self.months[lot_id][row_month] = float(hours or 0)
        self.after_end: dict[int, list[str]] = defaultdict(list)
        for lot_id, row_month, start, end in session.execute(
            select(MonthlyHours.lot_id, MonthlyHours.month, Action.start, Action.end)
            .join(Action, MonthlyHours.action_id == Action.id)
            .where(MonthlyHours.lot_id.in_(lot_ids), upto, MonthlyHours.hours > 0)
            .group_by(MonthlyHours.lot_id, MonthlyHours.month, Action.start, Action.end)
        ):
            if (end is not None and row_month > month_of(end)) or row_month < month_of(start):
                self.after_end[lot_id].append(row_month)
        self._session = session
        self._op_ids = op_ids
        self._activity: dict[int, list[date]] | None = None

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
    status.penalty_per_hour = penalty_amount(lot.penalty_per_hour, lot.penalty_text, end)
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
    outside = sorted(
        {
            m
            for m in figures.months.get(lot.id, {})
            if figures.months[lot.id][m] > 0 and _outside(m, start, end)
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


def _outside(month: str, start: date | None, end: date | None) -> bool:
    return bool((start and month < month_of(start)) or (end and month > month_of(end)))


def _months_without_hours(last: str | None, start: date, at: date) -> int:
    """Complete months, before the month of `at`, with no hours since the last month that
    had some (or since the start)."""
    reference = month_index(month_of(at)) - 1
    baseline = month_index(last) if last else month_index(month_of(start)) - 1
    return max(0, reference - baseline)


def _totals(
    status: OperationStatus, figures: _Figures, operation: Operation, settings: FollowupSettings
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
