"""What a bilan and the territory's consolidation show, computed from the store.

`bilan_figures(store_or_session, reference, at, final, profile)` fills every field of the
core's `BilanFigures`; `export_rows(store_or_session, year)` gives one `ExportRow` per lot
and calendar year (aggregates only). The renderers (`generators/bilan`) read them; no
participant identifier leaves this module.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from contextlib import contextmanager
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from clausier.followup_figures import BilanFigures, CompanyRow, Count, ExportRow, MonthPoint
from clausier.profile import Profile
from followup.errors import FollowupError
from followup.models import (
    Action,
    ArchivedHours,
    Award,
    Employer,
    Lot,
    MonthlyHours,
    Operation,
    Participant,
)
from followup.months import month_end, month_from_index, month_index, month_of
from followup.status import compute_statuses
from followup.vocab import (
    AGE_BANDS,
    CONTRACTS,
    MODALITIES,
    OUTCOMES,
    PUBLICS,
    QUALIFICATIONS,
    SEXES,
    SIAE_KINDS,
    Vocabulary,
)

UNKNOWN = "non renseigné"


@contextmanager
def _session(source):
    if isinstance(source, Session):
        yield source
    else:
        with source.reading() as session:
            yield session


def bilan_figures(
    session_or_store, reference: str, at: date, final: bool, profile: Profile
) -> BilanFigures:
    with _session(session_or_store) as session:
        statuses = compute_statuses(session, at, profile, [reference])
        if not statuses:
            raise FollowupError(f"Aucune opération « {reference} » dans le suivi.")
        status = statuses[0]
        operation = session.scalar(select(Operation).where(Operation.reference == reference))
        lots = list(operation.lots)
        lot_ids = [lot.id for lot in lots]
        figures = BilanFigures(
            status=status,
            final=final,
            facilitator=_facilitator(profile),
            small_cell_threshold=profile.followup.small_cell,
        )
        starts = [s.start for s in status.lots if s.start]
        ends = [s.end for s in status.lots if s.end]
        figures.period_start = min(starts) if starts else None
        figures.period_end = max(ends) if ends else None
        figures.months = _months(session, status, lot_ids, at)
        actions = list(
            session.execute(
                select(Action, Employer)
                .join(Employer, Action.employer_id == Employer.id)
                .where(Action.lot_id.in_(lot_ids))
            )
        )
        figures.contracts = len(actions)
        figures.by_modality = _counts(Counter(a.modality for a, _ in actions), MODALITIES)
        figures.by_contract = _counts(Counter(a.contract for a, _ in actions), CONTRACTS)
        figures.by_outcome = _counts(
            Counter(a.outcome for a, _ in actions if a.outcome and (a.end is None or a.end <= at)),
            OUTCOMES,
        )
        figures.companies = _companies(session, lots, actions, month_of(at))
        figures.siae_count = len({e.siret for _, e in actions if e.kind in SIAE_KINDS})
        people = list(
            session.scalars(
                select(Participant).where(
                    Participant.id.in_(
                        select(MonthlyHours.participant_id).where(
                            MonthlyHours.lot_id.in_(lot_ids),
                            MonthlyHours.month <= month_of(at),
                            MonthlyHours.hours > 0,
                        )
                    )
                )
            )
        )
        figures.by_public = _counts(Counter(p.public for p in people), PUBLICS)
        figures.by_sex = _counts(Counter(p.sex for p in people), SEXES)
        figures.by_age = _counts(Counter(p.age_band for p in people), AGE_BANDS)
        figures.by_qualification = _counts(Counter(p.qualification for p in people), QUALIFICATIONS)
        qpv = Counter({True: "oui", False: "non", None: None}[p.qpv] for p in people)
        figures.by_qpv = [
            Count(label, qpv[key])
            for key, label in (("oui", "oui"), ("non", "non"), (None, UNKNOWN))
            if qpv[key]
        ]
        return figures


def _facilitator(profile: Profile) -> str | None:
    fac = profile.facilitator
    text = " — ".join(part for part in (fac.structure, fac.nom) if part)
    return text or None


def _counts(counter: Counter, vocabulary: Vocabulary) -> list[Count]:
    rows = [
        Count(label, counter[code]) for code, label in vocabulary.labels.items() if counter[code]
    ]
    if counter.get(None):
        rows.append(Count(UNKNOWN, counter[None]))
    return rows


def _months(session: Session, status, lot_ids: list[int], at: date) -> list[MonthPoint]:
    if not status.lots or not lot_ids:
        return []
    starts = [s.start for s in status.lots if s.start]
    monthly: dict[str, float] = defaultdict(float)
    for model in (MonthlyHours, ArchivedHours):
        for row_month, hours in session.execute(
            select(model.month, model.hours).where(
                model.lot_id.in_(lot_ids), model.month <= month_of(at)
            )
        ):
            monthly[row_month] += hours
    first_candidates = [month_index(month_of(d)) for d in starts] + [
        month_index(m) for m in monthly
    ]
    if not first_candidates:
        return []
    first, last = min(first_candidates), month_index(month_of(at))
    points, done = [], 0.0
    for index in range(first, last + 1):
        month = month_from_index(index)
        done += monthly.get(month, 0.0)
        day = min(month_end(month), at)
        expected = 0.0
        for lot in status.lots:
            if lot.hours_committed is None or not lot.start or not lot.end:
                continue
            span = max(1, (lot.end - lot.start).days)
            share = min(1.0, max(0.0, (day - lot.start).days / span))
            expected += lot.hours_committed * share
        points.append(MonthPoint(month, round(done, 2), round(expected, 1)))
    return points


def _companies(session: Session, lots: list[Lot], actions, upto: str) -> list[CompanyRow]:
    awards = {lot.award.siret: (lot.award.company, lot.number) for lot in lots if lot.award}
    lot_numbers = {lot.id: lot.number for lot in lots}
    hours: dict[str, float] = defaultdict(float)
    people: dict[str, set[int]] = defaultdict(set)
    lots_of: dict[str, set[str]] = defaultdict(set)
    names: dict[str, tuple[str, str | None]] = {}
    action_employer = {a.id: e for a, e in actions}
    for action, employer in actions:
        names[employer.siret] = (employer.name, employer.kind)
        lots_of[employer.siret].add(lot_numbers[action.lot_id])
    if action_employer:
        for action_id, pid, value in session.execute(
            select(MonthlyHours.action_id, MonthlyHours.participant_id, MonthlyHours.hours).where(
                MonthlyHours.action_id.in_(list(action_employer)), MonthlyHours.month <= upto
            )
        ):
            siret = action_employer[action_id].siret
            hours[siret] += value
            if value > 0:
                people[siret].add(pid)
    for siret, (company, number) in awards.items():
        names.setdefault(siret, (company, "titulaire"))
        lots_of[siret].add(number)
    rows = []
    for siret, (name, kind) in names.items():
        role = "titulaire" if siret in awards else (kind or "employeur")
        rows.append(
            CompanyRow(
                company=awards.get(siret, (name,))[0],
                siret=siret,
                role=role,
                lots=tuple(sorted(lots_of[siret])),
                hours_done=round(hours[siret], 2),
                participants=len(people[siret]),
            )
        )
    return sorted(rows, key=lambda r: (r.role != "titulaire", r.lots, r.company))


def export_rows(store, year: int | None) -> list[ExportRow]:
    """One row per lot and calendar year with hours (and per lot of a year asked)."""
    with _session(store) as session:
        lots = list(
            session.execute(
                select(Lot, Operation, Award)
                .join(Operation, Lot.operation_id == Operation.id)
                .outerjoin(Award, Award.lot_id == Lot.id)
                .order_by(Operation.reference, Lot.position)
            )
        )
        hours: dict[tuple[int, int], float] = defaultdict(float)
        people: dict[tuple[int, int], set[int]] = defaultdict(set)
        contracts: dict[tuple[int, int], Counter] = defaultdict(Counter)
        outcomes: dict[tuple[int, int], Counter] = defaultdict(Counter)
        seen_actions: set[tuple[int, int]] = set()
        for lot_id, row_month, value, pid, action_id, contract, outcome, end in session.execute(
            select(
                MonthlyHours.lot_id, MonthlyHours.month, MonthlyHours.hours,
                MonthlyHours.participant_id, Action.id, Action.contract, Action.outcome, Action.end,
            ).join(Action, MonthlyHours.action_id == Action.id)
        ):  # fmt: skip
            key = (lot_id, int(row_month[:4]))
            hours[key] += value
            if value > 0:
                people[key].add(pid)
            if (action_id, key[1]) not in seen_actions:
                seen_actions.add((action_id, key[1]))
                contracts[key][contract] += 1
                if outcome and end is not None and end.year == key[1]:
                    outcomes[key][outcome] += 1
        for lot_id, row_month, value in session.execute(
            select(ArchivedHours.lot_id, ArchivedHours.month, ArchivedHours.hours)
        ):
            hours[(lot_id, int(row_month[:4]))] += value
        rows = []
        years_by_lot: dict[int, list[int]] = defaultdict(list)
        for lot_id, row_year in sorted(hours):
            years_by_lot[lot_id].append(row_year)
        for lot, operation, award in lots:
            years = [year] if year is not None else years_by_lot.get(lot.id, [])
            for row_year in years:
                key = (lot.id, row_year)
                rows.append(
                    ExportRow(
                        year=row_year,
                        operation=operation.reference,
                        buyer=operation.buyer,
                        nature=operation.nature,
                        lot=lot.number,
                        company=award.company if award else None,
                        siret=award.siret if award else None,
                        hours_committed=(
                            award.hours
                            if award and award.hours is not None
                            else lot.hours_committed
                        ),
                        hours_done=round(hours.get(key, 0.0), 2),
                        participants=len(people.get(key, ())),
                        # French labels: they are the export's column headers.
                        contracts_by_type={
                            CONTRACTS.label(c): n for c, n in contracts.get(key, {}).items()
                        },
                        outcomes={OUTCOMES.label(o): n for o, n in outcomes.get(key, {}).items()},
                    )
                )
        return rows
