"""Benchmark of the follow-up store: importing a big monthly sheet, the status of many
operations, memory over repeated runs.

    python benchmarks/bench_followup.py [--rows 10000] [--operations 500] [--db URL]

Prints, in one run:
- importing a sheet of --rows rows (.csv and .xlsx, made here) into a fresh store: CPU
  seconds (target <= 2 s for 10 000 rows), against a plain read of the same file (csv module,
  calamine; openpyxl's, the reader used before, for the record): the ratio says what checking and writing cost over just reading;
- `status` over --operations operations (3 lots each, hours in 12 months): seconds
  (target <= 0.5 s for 500), against one raw SQL count of the same rows;
- resident memory after each of 5 repeated imports and statuses (flat figures: no leak).
SQLite in a temporary folder by default; --db postgresql://… to measure PostgreSQL (the
store is emptied first: use a scratch database). Times are CPU seconds of this process (time.process_time), so that the machine's load
weighs less; they still depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from clausier.profile import load_profile  # noqa: E402
from followup.importer import import_sheets  # noqa: E402
from followup.operations import AwardRequest, LotPlan, OperationPlan, add_operation, award_lot  # noqa: E402
from followup.sheet_files import write_grid  # noqa: E402
from followup.store import open_store  # noqa: E402

HEADERS = [
    "Mois", "Lot", "Participant", "Public", "Employeur", "SIRET employeur", "Modalité",
    "Contrat", "Entrée", "Sortie", "Situation à la sortie", "Heures",
]  # fmt: skip
PUBLICS = ["DELD", "RSA", "JEUNE", "SENIOR", "TH", "QPV"]


def rss_mb() -> float:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def big_sheet(path: Path, rows: int) -> Path:
    """`rows` rows: participants × 12 months over 3 lots."""
    grid = [HEADERS]
    per_month = max(1, rows // 12)
    for month in range(1, 13):
        for n in range(per_month):
            if len(grid) > rows:
                break
            grid.append([f"2027-{month:02d}", str(n % 3 + 1), f"P-{n:05d}", PUBLICS[n % 6],
                         "Bâti Sèvre SARL", "41234567000019", "embauche directe", "CDD",
                         date(2027, 1, 4), None, None, 35.5])  # fmt: skip
    return write_grid(path, grid)


def fresh_store(url: str):
    store = open_store(url)
    from followup.models import Base

    Base.metadata.drop_all(store.engine)
    from sqlalchemy import text

    with store.engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    store.close()
    return open_store(url)


def operation_plan(reference: str) -> OperationPlan:
    return OperationPlan(
        reference=reference,
        buyer="Communauté de communes",
        lots=[
            LotPlan(str(n), f"Lot {n}", 600.0, start=date(2027, 1, 4), end=date(2027, 12, 17))
            for n in (1, 2, 3)
        ],
        penalty="1,5 × SMIC horaire brut",
    )


def bench_import(url: str, sheet: Path) -> float:
    store = fresh_store(url)
    try:
        with store.transaction() as session:
            add_operation(session, operation_plan("BENCH"))
            award_lot(
                session,
                "BENCH",
                AwardRequest("1", "Bâti Sèvre SARL", "41234567000019", date(2026, 12, 1)),
            )
        started = time.process_time()
        with store.transaction() as session:
            result = import_sheets(session, "BENCH", [(sheet, sheet.name)])
        elapsed = time.process_time() - started
        assert result.sheets[0].added == result.sheets[0].rows, result.sheets[0]
        return elapsed
    finally:
        store.close()


def plain_read(sheet: Path, reader: str = "calamine") -> float:
    import openpyxl

    started = time.process_time()
    if sheet.suffix == ".csv":
        import csv

        with open(sheet, encoding="utf-8-sig", newline="") as handle:
            count = sum(1 for _ in csv.reader(handle, delimiter=";"))
    elif reader == "openpyxl":
        book = openpyxl.load_workbook(sheet, read_only=True, data_only=True)
        count = sum(1 for _ in book.active.iter_rows(values_only=True))
        book.close()
    else:  # what followup.sheet_files reads .xlsx and .ods with
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(str(sheet))
        count = sum(1 for _ in book.get_sheet_by_index(0).iter_rows())
        book.close()
    assert count > 0
    return time.process_time() - started


def many_operations(url: str, operations: int):
    """`operations` operations, 3 lots each, 12 months of hours for 2 participants per lot,
    written with bulk inserts (the import is measured above)."""
    from sqlalchemy import insert

    from followup.models import Action, Employer, MonthlyHours, Participant

    store = fresh_store(url)
    with store.transaction() as session:
        employer = Employer(siret="41234567000019", name="Bâti Sèvre SARL", kind="titulaire")
        session.add(employer)
        for index in range(operations):
            operation = add_operation(session, operation_plan(f"OP-{index:04d}"))
            people = [
                Participant(operation_id=operation.id, code=f"P-{n}", public=PUBLICS[n % 6])
                for n in range(6)
            ]
            session.add_all(people)
            session.flush()
            actions = []
            for lot, person in zip(
                [lot for lot in operation.lots for _ in (0, 1)], people, strict=True
            ):
                actions.append(Action(participant_id=person.id, lot_id=lot.id, employer_id=employer.id,
                                      modality="embauche_directe", contract="CDD", start=date(2027, 1, 4)))  # fmt: skip
            session.add_all(actions)
            session.flush()
            session.execute(
                insert(MonthlyHours),
                [
                    {"participant_id": a.participant_id, "lot_id": a.lot_id, "action_id": a.id,
                     "month": f"2027-{m:02d}", "hours": 20.0}
                    for a in actions for m in range(1, 13) if not (index % 7 == 0 and m > 3)
                ],
            )  # fmt: skip
    return store


def bench_status(store, profile) -> tuple[float, int]:
    from followup.status import compute_statuses

    started = time.process_time()
    with store.reading() as session:
        statuses = compute_statuses(session, date(2027, 6, 30), profile)
    return time.process_time() - started, len(statuses)


def raw_count(store) -> float:
    from sqlalchemy import text

    started = time.process_time()
    with store.engine.connect() as connection:
        connection.execute(
            text(
                "SELECT lot_id, SUM(hours), COUNT(DISTINCT participant_id) FROM monthly_hours GROUP BY lot_id"
            )
        ).all()
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--operations", type=int, default=500)
    parser.add_argument("--db", default=None, help="postgresql://… (emptied first) or sqlite:///…")
    args = parser.parse_args()
    print(
        f"Machine : {os.cpu_count()} cœur(s), charge {os.getloadavg()[0]:.2f} — {datetime.now():%Y-%m-%d %H:%M}"
    )
    with tempfile.TemporaryDirectory(prefix="bench-suivi-") as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        print(f"Base : {url.split('@')[-1]}")
        for suffix in (".csv", ".xlsx", ".ods"):
            sheet = big_sheet(Path(folder) / f"feuille{suffix}", args.rows)
            read = min(plain_read(sheet) for _ in range(2))
            best = min(bench_import(url, sheet) for _ in range(2))
            reader = "csv" if suffix == ".csv" else "calamine"
            line = (
                f"Import de {args.rows} lignes ({suffix}) : {best:.2f} s de processeur (cible ≤ 2 s) ; "
                f"lecture {reader} seule {read:.2f} s ; rapport {best / read:.1f}×"
            )
            if suffix == ".xlsx":  # the reader used before, for the record
                line += f" ; lecture openpyxl (avant) {plain_read(sheet, 'openpyxl'):.2f} s"
            print(line)
        store = many_operations(url, args.operations)
        profile = load_profile()
        try:
            bench_status(store, profile)  # warm the statement cache
            status_time, count = min(bench_status(store, profile) for _ in range(3))
            raw = min(raw_count(store) for _ in range(3))
            print(
                f"Situation de {count} opérations : {status_time:.3f} s (cible ≤ 0,5 s) ; "
                f"requête SQL brute {raw:.3f} s ; rapport {status_time / raw:.1f}×"
            )
            memory = []
            for _ in range(5):
                bench_status(store, profile)
                memory.append(rss_mb())
        finally:
            store.close()
        import_memory = []
        for _ in range(3):
            bench_import(url, sheet)
            import_memory.append(rss_mb())
        print("Mémoire après chaque situation (Mo) : " + ", ".join(f"{m:.0f}" for m in memory))
        print("Mémoire après chaque import (Mo) : " + ", ".join(f"{m:.0f}" for m in import_memory))


if __name__ == "__main__":
    main()
