"""Importing monthly sheets into the store: all or nothing, idempotent.

`import_sheets(session, reference, files)` checks every sheet first (`followup.sheet`); one
problem anywhere raises `SheetRejected` before anything is written. Then each row becomes a
participant, an employer, an action and the month's hours. The same rows again change
nothing; a later sheet for the same participant, lot and month replaces that month's hours
and says so. The caller commits (import) or rolls back (`--dry-run`, the web check).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from followup.errors import SheetRejected
from followup.models import Action, Employer, ImportLog, Lot, MonthlyHours, Participant
from followup.operations import get_operation
from followup.sheet import ParsedSheet, SheetRow, parse_sheet

PROFILE_FIELDS = ("public", "sex", "age_band", "qualification", "qpv")
ACTION_FIELDS = ("modality", "contract", "end", "outcome")


@dataclass
class SheetOutcome:
    file: str
    sha256: str
    rows: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    updated: int = 0  # participants or actions whose details changed
    lines: list[str] = field(default_factory=list)  # French, one change per line
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.updated)

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "rows": self.rows,
            "added": self.added,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "updated": self.updated,
            "changes": list(self.lines),
            "notes": list(self.notes),
        }


@dataclass
class ImportResult:
    reference: str
    sheets: list[SheetOutcome] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(sheet.changed for sheet in self.sheets)

    def to_dict(self) -> dict[str, object]:
        return {"operation": self.reference, "sheets": [s.to_dict() for s in self.sheets]}


def check_sheets(
    session: Session, reference: str, files: list[tuple[Path, str]]
) -> list[ParsedSheet]:
    """Parse every sheet against the operation's lots; SheetRejected lists all problems."""
    operation = get_operation(session, reference)
    numbers = [lot.number for lot in operation.lots]
    parsed = [parse_sheet(path, numbers, display) for path, display in files]
    problems = [problem for sheet in parsed for problem in sheet.problems]
    if problems:
        raise SheetRejected(problems)
    return parsed


def import_sheets(session: Session, reference: str, files: list[tuple[Path, str]]) -> ImportResult:
    """Check then write the sheets `files` ((path, name shown)) of operation `reference`."""
    parsed = check_sheets(session, reference, files)
    operation = get_operation(session, reference)
    return _Writer(session, operation.id, list(operation.lots)).write(reference, parsed)


def _h(hours: float) -> str:
    text = f"{hours:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} h"


class _Writer:
    def __init__(self, session: Session, operation_id: int, lots: list[Lot]) -> None:
        self.session = session
        self.operation_id = operation_id
        self.lots = {lot.number: lot for lot in lots}
        lot_ids = [lot.id for lot in lots]
        self.participants = {
            p.code: p
            for p in session.scalars(
                select(Participant).where(Participant.operation_id == operation_id)
            )
        }
        self.actions = {
            (a.participant_id, a.lot_id, a.employer_id, a.start): a
            for a in session.scalars(select(Action).where(Action.lot_id.in_(lot_ids)))
        }
        self.hours = {
            (h.participant_id, h.lot_id, h.month): h
            for h in session.scalars(select(MonthlyHours).where(MonthlyHours.lot_id.in_(lot_ids)))
        }
        self.employers: dict[str, Employer] = {}
        self.pending: list[dict] = []  # new hour rows, inserted at once at the end

    def write(self, reference: str, parsed: list[ParsedSheet]) -> ImportResult:
        result = ImportResult(reference)
        self._load_employers(parsed)
        now = datetime.now().replace(microsecond=0)
        for sheet in parsed:
            outcome = SheetOutcome(sheet.file, sheet.sha256, rows=len(sheet.rows))
            outcome.notes = list(sheet.notes)
            log = ImportLog(
                operation_id=self.operation_id,
                file_name=sheet.file[:300],
                sha256=sheet.sha256,
                imported_at=now,
                rows=len(sheet.rows),
                added=0,
                replaced=0,
                unchanged=0,
                summary="",
            )
            self.session.add(log)
            self._prepare(sheet.rows, outcome)
            self.session.flush()  # ids of new participants, employers, actions and the log
            for row in sheet.rows:
                self._hours(row, log, outcome)
            log.added, log.replaced, log.unchanged = (
                outcome.added,
                outcome.replaced,
                outcome.unchanged,
            )
            log.summary = "\n".join(outcome.lines)[:100_000]
            if not outcome.changed:
                self.session.expunge(log) if log.id is None else self.session.delete(log)
            result.sheets.append(outcome)
        if self.pending:
            self.session.execute(insert(MonthlyHours), self.pending)
        self.session.flush()
        return result

    def _load_employers(self, parsed: list[ParsedSheet]) -> None:
        sirets = {row.employer_siret for sheet in parsed for row in sheet.rows}
        for chunk in _chunks(sorted(sirets), 500):
            for employer in self.session.scalars(select(Employer).where(Employer.siret.in_(chunk))):
                self.employers[employer.siret] = employer

    def _prepare(self, rows: list[SheetRow], outcome: SheetOutcome) -> None:
        """Participants and employers first (flushed), then the actions. Details written on
        a row exactly as on the previous row of the same participant, employer or action
        (the next month's row) change nothing: they are not compared again."""
        people: dict[str, tuple] = {}
        employers: dict[str, tuple] = {}
        for row in rows:
            details = tuple(getattr(row, name) for name in PROFILE_FIELDS)
            if people.get(row.participant) != details:
                people[row.participant] = details
                self._participant(row, outcome)
            details = (row.employer, row.employer_kind, self._kind(row))
            if employers.get(row.employer_siret) != details:
                employers[row.employer_siret] = details
                self._employer(row)
        self.session.flush()
        actions: dict[tuple, tuple] = {}
        for row in rows:
            slot = (row.participant, row.lot, row.employer_siret, row.start)
            details = tuple(getattr(row, name) for name in ACTION_FIELDS)
            if actions.get(slot) != details:
                actions[slot] = details
                self._action(row, outcome)

    def _participant(self, row: SheetRow, outcome: SheetOutcome) -> None:
        participant = self.participants.get(row.participant)
        if participant is None:
            participant = Participant(operation_id=self.operation_id, code=row.participant)
            for name in PROFILE_FIELDS:
                setattr(participant, name, getattr(row, name))
            self.session.add(participant)
            self.participants[row.participant] = participant
            return
        changed = []
        for name in PROFILE_FIELDS:
            value = getattr(row, name)
            if value is not None and getattr(participant, name) != value:
                setattr(participant, name, value)
                changed.append(name)
        if changed and participant.id is not None:
            outcome.updated += 1
            outcome.lines.append(
                f"{row.participant} : {', '.join(_FIELD_LABELS[c] for c in changed)} mis à jour "
                f"(ligne {row.row})."
            )

    def _employer(self, row: SheetRow) -> None:
        employer = self.employers.get(row.employer_siret)
        kind = row.employer_kind or self._kind(row)
        if employer is None:
            employer = Employer(siret=row.employer_siret, name=row.employer, kind=kind)
            self.session.add(employer)
            self.employers[row.employer_siret] = employer
            return
        if employer.name != row.employer:
            employer.name = row.employer
        if kind and employer.kind != kind and (row.employer_kind or not employer.kind):
            employer.kind = kind

    def _kind(self, row: SheetRow) -> str | None:
        award = self.lots[row.lot].award
        if award is not None and award.siret == row.employer_siret:
            return "titulaire"
        return None

    def _action_key(self, row: SheetRow) -> tuple:
        participant = self.participants[row.participant]
        employer = self.employers[row.employer_siret]
        return (participant.id, self.lots[row.lot].id, employer.id, row.start)

    def _action(self, row: SheetRow, outcome: SheetOutcome) -> None:
        action_key = self._action_key(row)
        action = self.actions.get(action_key)
        if action is None:
            action = Action(
                participant_id=action_key[0],
                lot_id=action_key[1],
                employer_id=action_key[2],
                start=row.start,
                modality=row.modality,
                contract=row.contract,
                end=row.end,
                outcome=row.outcome,
            )
            self.session.add(action)
            self.actions[action_key] = action
            return
        changed = []
        for name in ACTION_FIELDS:
            value = getattr(row, name)
            given = name in ("modality", "contract") or value is not None
            if given and getattr(action, name) != value:
                setattr(action, name, value)
                changed.append(name)
        if changed and action.id is not None:
            outcome.updated += 1
            outcome.lines.append(
                f"Lot {row.lot}, {row.participant} : {', '.join(_FIELD_LABELS[c] for c in changed)} "
                f"de l'action mis à jour (ligne {row.row})."
            )

    def _hours(self, row: SheetRow, log: ImportLog, outcome: SheetOutcome) -> None:
        action = self.actions[self._action_key(row)]
        participant = self.participants[row.participant]
        lot = self.lots[row.lot]
        slot = (participant.id, lot.id, row.month)
        existing = self.hours.get(slot)
        if existing is None:
            entry = {
                "participant_id": participant.id,
                "lot_id": lot.id,
                "action_id": action.id,
                "month": row.month,
                "hours": row.hours,
                "import_id": log.id,
            }
            self.pending.append(entry)
            self.hours[slot] = entry
            outcome.added += 1
            return
        pending = isinstance(existing, dict)
        hours = existing["hours"] if pending else existing.hours
        action_id = existing["action_id"] if pending else existing.action_id
        if hours == row.hours and action_id == action.id:
            outcome.unchanged += 1
            return
        outcome.replaced += 1
        outcome.lines.append(
            f"Lot {row.lot}, {row.participant}, {row.month} : {_h(row.hours)} remplacent les "
            f"{_h(hours)} déjà enregistrées (ligne {row.row})."
        )
        if pending:
            existing.update(hours=row.hours, action_id=action.id, import_id=log.id)
        else:
            existing.hours = row.hours
            existing.action_id = action.id
            existing.import_id = log.id


_FIELD_LABELS = {
    "public": "public",
    "sex": "sexe",
    "age_band": "tranche d'âge",
    "qualification": "niveau de qualification",
    "qpv": "résidence en QPV",
    "modality": "modalité",
    "contract": "contrat",
    "end": "date de sortie",
    "outcome": "situation à la sortie",
}


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]
