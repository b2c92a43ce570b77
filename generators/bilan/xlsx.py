"""The bilan as a spreadsheet (openpyxl): a summary sheet, then one sheet per table, with
French headers, number formats (the spreadsheet shows « 1 234,5 » in French), frozen
header rows. A masked count is the text « < 3 », never a number."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from clausier.followup_figures import BilanFigures
from clausier.french import fr_date

from .files import check_suffix, check_writable, fixed_zip, write_atomic
from .tables import Cell, Table, bilan_tables, bilan_title, key_figures, period_text, text

HEADER_FILL = "DCE4EE"
ACCENT = "1F3A5F"


def number_format(cell: Cell) -> str | None:
    """The spreadsheet format of a numeric cell (None: general / text)."""
    value = cell.value
    if cell.kind == "hours" and isinstance(value, int | float):
        return "#,##0" if float(value).is_integer() else "#,##0.0"
    return {
        "percent": "0.0%",
        "fte": "0.00",
        "euros": '#,##0.00" €"',
        "count": "0",
        "number": "0",
    }.get(cell.kind)


def cell_value(cell: Cell) -> float | int | str | None:
    """What goes into the spreadsheet: the number, the rate as a fraction, or the text
    (« < 3 », « — »)."""
    if cell.kind == "text":
        return cell.value or None
    if cell.value is None or isinstance(cell.value, str):
        return cell.text
    if cell.kind == "percent":
        return round(float(cell.value) / 100, 6)
    return cell.value


def new_workbook():
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def add_sheet(
    workbook,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    total: Sequence[Cell] | None = None,
    text_columns: Sequence[int] = (),
):
    """One sheet: shaded bold header row (frozen), the rows, a bold total row."""
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet = workbook.create_sheet(title[:31])
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True, color=ACCENT)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in [*rows, *([total] if total else [])]:
        sheet.append([cell_value(cell) for cell in row])
        for target, cell in zip(sheet[sheet.max_row], row, strict=True):
            _format(target, cell, target.column - 1 in text_columns)
    if total:
        for target in sheet[sheet.max_row]:
            target.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    _widths(sheet, headers, rows)
    return sheet


def _format(target, cell: Cell, as_text: bool) -> None:
    from openpyxl.styles import Alignment

    if as_text:
        target.number_format = "@"
        return
    fmt = number_format(cell)
    if fmt and not isinstance(target.value, str):
        target.number_format = fmt
    elif cell.kind != "text":
        target.alignment = Alignment(horizontal="right")


def _widths(sheet, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    from openpyxl.utils import get_column_letter

    for index, header in enumerate(headers):
        longest = max([len(cell[index].text) for cell in rows if index < len(cell)] + [8])
        width = min(max(longest + 2, min(len(header), 24) + 2), 50)
        sheet.column_dimensions[get_column_letter(index + 1)].width = width


def workbook_bytes(workbook, when: date) -> bytes:
    """The saved workbook with fixed dates: same figures, same bytes."""
    stamp = datetime(when.year, when.month, when.day)
    workbook.properties.creator = "Clausier"
    workbook.properties.created = stamp
    workbook.properties.language = "fr-FR"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return fixed_zip(buffer.getvalue(), when)


def summary_rows(figures: BilanFigures) -> list[list[Cell]]:
    status = figures.status
    rows = [
        [text("Bilan"), text(bilan_title(figures))],
        [text("Acheteur"), text(status.buyer)],
        [text("Opération"), text(status.operation)],
        [text("Objet"), text(status.object)],
        [text("Facilitateur"), text(figures.facilitator)],
        [text("Période d'exécution"), text(period_text(figures))],
        [text("Situation arrêtée au"), text(fr_date(status.date))],
    ]
    rows += [[text(label), cell] for label, cell in key_figures(figures)]
    return rows


def table_sheet(workbook, table: Table) -> None:
    keys = [key for key, _header in table.columns]
    rows = [[row[key] for key in keys] for row in table.rows]
    total = [table.total[key] for key in keys] if table.total else None
    text_columns = [i for i, key in enumerate(keys) if key in ("siret", "lot")]
    add_sheet(workbook, table.sheet, [h for _k, h in table.columns], rows, total, text_columns)


def render_bilan_xlsx(figures: BilanFigures) -> bytes:
    """The spreadsheet bilan as bytes."""
    workbook = new_workbook()
    add_sheet(workbook, "Synthèse", ["Rubrique", "Valeur"], summary_rows(figures))
    for table in bilan_tables(figures).values():
        table_sheet(workbook, table)
    return workbook_bytes(workbook, figures.status.date)


def write_bilan_xlsx(figures: BilanFigures, path: Path, force: bool = False) -> Path:
    """Write the spreadsheet bilan to `path` (.xlsx); refuses to replace a file without
    `force`."""
    path = Path(path)
    check_suffix(path, (".xlsx",), "le bilan tableur")
    check_writable(path, force)
    return write_atomic(path, render_bilan_xlsx(figures), force)
