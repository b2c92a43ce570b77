"""The hours table as a spreadsheet (`clausier hours -o heures.xlsx`): the columns of the
CSV, numbers kept as numbers with a French display format, a bold total, the formula and
the profile under the table.

openpyxl is imported only when the file is written.
"""

from __future__ import annotations

import io

from generators.reports.hours_table import CSV_HEADER, table_rows

# Display formats by column (Excel's codes; LibreOffice shows them with a decimal comma).
NUMBER_FORMATS = {
    "Montant HT (€)": '#,##0 "€"',
    "Taux de main-d'œuvre": "0%",
    "Taux d'insertion": "0.0%",
    "Coût horaire (€)": '#,##0.00 "€"',
    "Heures travaillées": "#,##0",
    "Heures d'insertion": '#,##0 "h"',
}
WIDTHS = {"Intitulé": 38, "Note": 60, "Métier": 18}
HEADER_FILL = "1F4E79"


def render_xlsx(table, profile) -> bytes:
    """The workbook's bytes: one sheet « Heures d'insertion »."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from clausier.french import fr_hours, fr_rate

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Heures d'insertion"
    sheet.append([f"Heures d'insertion — {profile.name}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(CSV_HEADER)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    rows = table_rows(table)
    for row in rows:
        sheet.append(row)
        for column, cell in zip(CSV_HEADER, sheet[sheet.max_row], strict=True):
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # a lot title must never become a formula
            if column in NUMBER_FORMATS and isinstance(cell.value, int | float):
                cell.number_format = NUMBER_FORMATS[column]
            if column in ("Intitulé", "Note"):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    for index, column in enumerate(CSV_HEADER, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(column, 14)
    sheet.append([])
    sheet.append(
        [
            f"heures = montant HT × taux de main-d'œuvre × {fr_rate(profile.insertion_rate)} "
            f"(taux d'insertion) ÷ {fr_hours(profile.hourly_cost)} €/h (coût horaire), "
            f"arrondies à {profile.rounding_step} h ; aucune clause sous {profile.min_hours} h."
        ]
    )
    workbook.properties.creator = "Clausier"
    workbook.properties.language = "fr-FR"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
