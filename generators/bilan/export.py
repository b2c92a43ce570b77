"""The territory's consolidation: one row per lot and year, aggregates only, as CSV (BOM,
`;`, decimal comma: `generators.reports.csv_fr`) or XLSX, chosen by the file's extension.

Columns: année, opération, acheteur, nature, lot, entreprise, SIRET, heures prévues, heures
réalisées, participants, then one column per contract type and one per outcome found in
the rows (first seen, first placed). Counts of people, contracts and outcomes under the
threshold are written « < 3 » in every row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from clausier.followup_figures import ExportRow
from generators.reports.csv_fr import to_csv_fr

from .files import check_suffix, check_writable, write_atomic
from .tables import Cell, hours, people, text
from .xlsx import add_sheet, new_workbook, workbook_bytes

BASE_HEADERS = (
    "Année",
    "Opération",
    "Acheteur",
    "Nature",
    "Lot",
    "Entreprise",
    "SIRET",
    "Heures prévues",
    "Heures réalisées",
    "Participants",
)
CONTRACT_PREFIX = "Contrats – "
OUTCOME_PREFIX = "Sorties – "
EXPORT_DATE = date(2026, 1, 1)


def _keys(rows: Sequence[ExportRow], attribute: str) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        for key in getattr(row, attribute):
            seen.setdefault(key, None)
    return list(seen)


def export_headers(rows: Sequence[ExportRow]) -> list[str]:
    """The header row: the fixed columns, then contract types, then outcomes."""
    contracts = _keys(rows, "contracts_by_type")
    outcomes = _keys(rows, "outcomes")
    return [
        *BASE_HEADERS,
        *(CONTRACT_PREFIX + key for key in contracts),
        *(OUTCOME_PREFIX + key for key in outcomes),
    ]


def export_cells(rows: Sequence[ExportRow], threshold: int) -> list[list[Cell]]:
    """One list of cells per row, counts masked under `threshold`."""
    contracts = _keys(rows, "contracts_by_type")
    outcomes = _keys(rows, "outcomes")
    table = []
    for row in rows:
        cells = [
            Cell(row.year, str(row.year), "number"),
            text(row.operation),
            text(row.buyer),
            text(row.nature),
            text(row.lot),
            text(row.company),
            text(row.siret),
            hours(row.hours_committed),
            hours(row.hours_done),
            people(row.participants, threshold),
        ]
        cells += [people(row.contracts_by_type.get(key, 0), threshold) for key in contracts]
        cells += [people(row.outcomes.get(key, 0), threshold) for key in outcomes]
        table.append(cells)
    return table


def _csv_value(cell: Cell) -> float | int | str | None:
    if cell.kind == "text":
        return cell.value or None
    if cell.value is None:
        return cell.text if cell.kind == "count" else None
    return cell.value


def render_export_csv(rows: Sequence[ExportRow], threshold: int = 3) -> str:
    """The consolidation as CSV text (starting with a BOM)."""
    body = [[_csv_value(cell) for cell in cells] for cells in export_cells(rows, threshold)]
    return to_csv_fr([export_headers(rows), *body])


def render_export_xlsx(rows: Sequence[ExportRow], threshold: int = 3) -> bytes:
    workbook = new_workbook()
    add_sheet(
        workbook,
        "Consolidation",
        export_headers(rows),
        export_cells(rows, threshold),
        text_columns=(4, 6),
    )
    return workbook_bytes(workbook, EXPORT_DATE)


def write_export(
    rows: Sequence[ExportRow], path: Path, threshold: int = 3, force: bool = False
) -> Path:
    """Write the consolidation to `path`: .csv or .xlsx; refuses to replace a file
    without `force`, never leaves a partial file."""
    path = Path(path)
    suffix = check_suffix(path, (".csv", ".xlsx"), "l'export")
    check_writable(path, force)
    if suffix == ".csv":
        data = render_export_csv(rows, threshold).encode("utf-8")
    else:
        data = render_export_xlsx(rows, threshold)
    return write_atomic(path, data, force)
