"""`followup purge`: participants whose last activity is older than the retention period
are removed; their hours stay as per-lot, per-month totals (`ArchivedHours`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from followup.models import Action, ArchivedHours, Lot, MonthlyHours, Operation, Participant
from followup.status import last_activity


@dataclass
class PurgePlan:
    before: date
    participants: list[int] = field(default_factory=list)
    by_operation: dict[str, int] = field(default_factory=dict)  # reference -> participants
    hour_rows: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "before": self.before.isoformat(),
            "participants": len(self.participants),
            "hour_rows": self.hour_rows,
            "operations": dict(self.by_operation),
        }


def plan_purge(session: Session, before: date) -> PurgePlan:
    """Who would be removed: participants whose last activity is before `before`."""
    plan = PurgePlan(before)
    op_ids = list(session.scalars(select(Operation.id)))
    references = dict(session.execute(select(Operation.id, Operation.reference)).all())
    counts: dict[str, int] = defaultdict(int)
    for pid, (op_id, last) in sorted(last_activity(session, op_ids).items()):
        if last < before:
            plan.participants.append(pid)
            counts[references[op_id]] += 1
    # Participants with neither hours nor actions have no activity at all: removed too.
    active = select(MonthlyHours.participant_id).union(select(Action.participant_id))
    for pid, op_id in session.execute(
        select(Participant.id, Participant.operation_id).where(Participant.id.not_in(active))
    ):
        plan.participants.append(pid)
        counts[references[op_id]] += 1
    plan.by_operation = dict(sorted(counts.items()))
    if plan.participants:
        plan.hour_rows = sum(
            1
            for _ in _chunked_rows(
                session, select(MonthlyHours.id), MonthlyHours.participant_id, plan.participants
            )
        )
    return plan


def apply_purge(session: Session, plan: PurgePlan) -> None:
    """Remove the planned participants, keeping per-lot totals (hours and head counts)."""
    if not plan.participants:
        return
    totals: dict[tuple[int, str], float] = defaultdict(float)
    people_by_lot: dict[int, set[int]] = defaultdict(set)
    people_by_op: dict[int, set[int]] = defaultdict(set)
    query = select(
        MonthlyHours.lot_id, MonthlyHours.month, MonthlyHours.hours, MonthlyHours.participant_id
    )
    for lot_id, month, hours, pid in _chunked_rows(
        session, query, MonthlyHours.participant_id, plan.participants
    ):
        totals[(lot_id, month)] += hours
        if hours > 0:
            people_by_lot[lot_id].add(pid)
    lots = {
        lot.id: lot
        for lot in session.scalars(select(Lot).where(Lot.id.in_({k[0] for k in totals} or {0})))
    }
    for lot_id, pids in people_by_lot.items():
        lot = lots[lot_id]
        lot.participants_archived = (lot.participants_archived or 0) + len(pids)
        people_by_op[lot.operation_id] |= pids
    for op_id, pids in people_by_op.items():
        operation = session.get(Operation, op_id)
        operation.participants_archived = (operation.participants_archived or 0) + len(pids)
    archived = {
        (a.lot_id, a.month): a
        for a in session.scalars(
            select(ArchivedHours).where(ArchivedHours.lot_id.in_(list(lots) or [0]))
        )
    }
    for (lot_id, month), hours in totals.items():
        entry = archived.get((lot_id, month))
        if entry is None:
            session.add(ArchivedHours(lot_id=lot_id, month=month, hours=round(hours, 2)))
        else:
            entry.hours = round(entry.hours + hours, 2)
    for chunk in _chunks(plan.participants):
        session.execute(delete(MonthlyHours).where(MonthlyHours.participant_id.in_(chunk)))
        session.execute(delete(Action).where(Action.participant_id.in_(chunk)))
        session.execute(delete(Participant).where(Participant.id.in_(chunk)))
    session.flush()


def _chunks(items: list[int], size: int = 500):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _chunked_rows(session: Session, query, column, ids: list[int]):
    for chunk in _chunks(ids):
        yield from session.execute(query.where(column.in_(chunk)))
