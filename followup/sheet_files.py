"""Reading a spreadsheet's cells: .xlsx and .ods (calamine), .csv (« ; »).

Returns plain grids of typed values (text, numbers, dates), one per sheet, with nothing
about the follow-up: `followup.sheet` finds the header row and reads the rows.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from followup.errors import FollowupError

MAX_ROWS = 100_000
MAX_COLUMNS = 60
MAX_BYTES = 50 * 1024 * 1024
EXTENSIONS = (".xlsx", ".xlsm", ".ods", ".csv")

Cell = str | float | int | date | datetime | bool | None


@dataclass
class Grid:
    name: str  # the sheet's name (« Suivi mensuel »), the file name for a CSV
    rows: list[list[Cell]]


class SheetFileError(FollowupError):
    """A file that is not a readable spreadsheet (French message)."""


def read_grids(path: Path, display: str | None = None) -> list[Grid]:
    """Every sheet of the spreadsheet at `path`; `display` is the name shown in messages."""
    path = Path(path)
    shown = display or path.name
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        raise SheetFileError(
            f"{shown} : le format {suffix or '(sans extension)'} n'est pas lu ; envoyez la "
            "feuille de suivi au format .xlsx, .ods ou .csv (séparateur « ; »)."
        )
    if not path.is_file():
        raise SheetFileError(f"{shown} : fichier introuvable ; vérifiez le chemin.")
    if path.stat().st_size > MAX_BYTES:
        raise SheetFileError(
            f"{shown} : le fichier dépasse 50 Mo ; une feuille de suivi mensuel est bien plus "
            "petite. Vérifiez qu'il s'agit du bon fichier."
        )
    data = path.read_bytes()
    if suffix == ".csv":
        return [Grid(shown, _csv_rows(data, shown))]
    return _workbook_grids(data, shown, suffix)


def _csv_rows(data: bytes, shown: str) -> list[list[Cell]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", "\t", ","), key=first.count) if first else ";"
    if first and first.count(delimiter) == 0:
        delimiter = ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[Cell]] = []
    for row in reader:
        rows.append([cell.strip() or None for cell in row[:MAX_COLUMNS]])
        if len(rows) > MAX_ROWS:
            raise _too_many(shown)
    return rows


def _too_many(shown: str) -> SheetFileError:
    return SheetFileError(
        f"{shown} : plus de {MAX_ROWS} lignes ; découpez la feuille par mois ou par lot."
    )


_UNREADABLE = {
    ".ods": "n'est pas un classeur OpenDocument lisible : ouvrez-le dans LibreOffice et "
    "enregistrez-le de nouveau au format .ods.",
    "": "n'est pas un classeur Excel lisible (fichier endommagé ou protégé par un mot de "
    "passe) : ouvrez-le et enregistrez-le de nouveau au format .xlsx.",
}


def _workbook_grids(data: bytes, shown: str, suffix: str) -> list[Grid]:
    """.xlsx, .xlsm and .ods through calamine (Rust): 15 to 20 times faster than openpyxl's
    read-only mode or an lxml walk of content.xml on a 10 000-row sheet (docs/suivi.md,
    « Mesures »); cells come back typed (dates, numbers, booleans), '' for an empty cell."""
    from python_calamine import CalamineWorkbook

    message = f"{shown} {_UNREADABLE.get(suffix, _UNREADABLE[''])}"
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - calamine raises its own kinds and ValueError
        raise SheetFileError(message) from None
    grids = []
    try:
        for name in workbook.sheet_names:
            try:
                sheet = workbook.get_sheet_by_name(name)
                if sheet.height > MAX_ROWS + 1:
                    raise _too_many(shown)
                rows = [_cells(row) for row in sheet.iter_rows()]
            except SheetFileError:
                raise
            except Exception:  # noqa: BLE001 - a damaged sheet inside a readable archive
                raise SheetFileError(message) from None
            while rows and not rows[-1]:
                rows.pop()
            grids.append(Grid(name, rows))
    finally:
        workbook.close()
    return grids


def _cells(row: list) -> list[Cell]:
    """A row's first MAX_COLUMNS cells, None for empty ones, without trailing empties."""
    cells: list[Cell] = [None if value == "" else value for value in row[:MAX_COLUMNS]]
    while cells and cells[-1] is None:
        cells.pop()
    return cells


# ---------------------------------------------------------------- writing (samples, tests, benchmark)


def write_grid(path: Path, rows: list[list[Cell]], sheet_name: str = "Suivi mensuel") -> Path:
    """Write `rows` as a spreadsheet chosen by the extension: .xlsx (openpyxl), .ods
    (odfpy, dates as date cells), .csv (« ; », decimal commas, dates JJ/MM/AAAA, UTF-8)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        _write_csv(path, rows)
    elif suffix == ".ods":
        _write_ods(path, rows, sheet_name)
    else:
        _write_xlsx(path, rows, sheet_name)
    return path


def _csv_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def _write_csv(path: Path, rows: list[list[Cell]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([_csv_text(v) for v in row])
    path.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")


def _write_xlsx(path: Path, rows: list[list[Cell]], sheet_name: str) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name)
    for row in rows:
        sheet.append(list(row))
    book.save(path)


def _write_ods(path: Path, rows: list[list[Cell]], sheet_name: str) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name=sheet_name)
    for row in rows:
        table_row = TableRow()
        for value in row:
            if value is None:
                cell = TableCell()
            elif isinstance(value, bool):
                cell = TableCell(valuetype="boolean", booleanvalue=str(value).lower())
                cell.addElement(P(text="VRAI" if value else "FAUX"))
            elif isinstance(value, datetime | date):
                day = value.date() if isinstance(value, datetime) else value
                cell = TableCell(valuetype="date", datevalue=day.isoformat())
                cell.addElement(P(text=day.strftime("%d/%m/%Y")))
            elif isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=str(value))
                cell.addElement(P(text=str(value).replace(".", ",")))
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    document.save(str(path))
