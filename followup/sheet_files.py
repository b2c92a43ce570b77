"""Reading a spreadsheet's cells: .xlsx (openpyxl), .ods (content.xml), .csv (« ; »).

Returns plain grids of typed values (text, numbers, dates), one per sheet, with nothing
about the follow-up: `followup.sheet` finds the header row and reads the rows.
"""

from __future__ import annotations

import csv
import io
import zipfile
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
    if suffix == ".ods":
        return _ods_grids(data, shown)
    return _xlsx_grids(data, shown)


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


def _xlsx_grids(data: bytes, shown: str) -> list[Grid]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds
        raise SheetFileError(
            f"{shown} n'est pas un classeur Excel lisible (fichier endommagé ou protégé par un "
            "mot de passe) : ouvrez-le et enregistrez-le de nouveau au format .xlsx."
        ) from None
    grids = []
    try:
        for sheet in workbook.worksheets:
            rows: list[list[Cell]] = []
            for row in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
                rows.append(list(row))
                if len(rows) > MAX_ROWS:
                    raise _too_many(shown)
            grids.append(Grid(sheet.title, rows))
    finally:
        workbook.close()
    return grids


NS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
NS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
NS_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
T = f"{{{NS_TABLE}}}"
OFFICE = f"{{{NS_OFFICE}}}"


def _ods_grids(data: bytes, shown: str) -> list[Grid]:
    from lxml import etree

    unreadable = SheetFileError(
        f"{shown} n'est pas un classeur OpenDocument lisible : ouvrez-le dans LibreOffice et "
        "enregistrez-le de nouveau au format .ods."
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("content.xml")
            if info.file_size > MAX_BYTES * 4:
                raise unreadable
            content = archive.read("content.xml")
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.fromstring(content, parser)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        raise unreadable from None
    grids = []
    for table in root.iter(f"{T}table"):
        rows: list[list[Cell]] = []
        for row in table.iter(f"{T}table-row"):
            cells: list[Cell] = []
            for cell in row:
                if cell.tag not in (f"{T}table-cell", f"{T}covered-table-cell"):
                    continue
                repeat = min(int(cell.get(f"{T}number-columns-repeated", "1")), MAX_COLUMNS)
                value = _ods_value(cell)
                cells.extend([value] * repeat)
                if len(cells) >= MAX_COLUMNS:
                    break
            while cells and cells[-1] is None:
                cells.pop()
            repeat = int(row.get(f"{T}number-rows-repeated", "1"))
            if not cells:
                repeat = min(repeat, 1)  # trailing empty rows are repeated thousands of times
            for _ in range(min(repeat, MAX_ROWS)):
                rows.append(list(cells))
            if len(rows) > MAX_ROWS:
                raise _too_many(shown)
        while rows and not rows[-1]:
            rows.pop()
        grids.append(Grid(table.get(f"{T}name", ""), rows))
    return grids


def _ods_value(cell) -> Cell:
    kind = cell.get(f"{OFFICE}value-type")
    if kind in ("float", "percentage", "currency"):
        return float(cell.get(f"{OFFICE}value"))
    if kind == "date":
        text = cell.get(f"{OFFICE}date-value", "")
        try:
            return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text[:10])
        except ValueError:
            return text
    if kind == "boolean":
        return cell.get(f"{OFFICE}boolean-value") == "true"
    text = "\n".join("".join(p.itertext()) for p in cell.iter(f"{{{NS_TEXT}}}p")).strip()
    return text or None


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
