"""The model sheet the companies fill in every month: `modele-suivi-mensuel.xlsx`.

Title rows, the header row, validation lists for the listed values, and an example row
(participant « EXEMPLE », skipped on import).
"""

from __future__ import annotations

import io
from datetime import date

from followup.sheet import COLUMNS, EXAMPLE_PARTICIPANT
from followup.vocab import (
    AGE_BANDS,
    CONTRACTS,
    EMPLOYER_KINDS,
    MODALITIES,
    OUTCOMES,
    PUBLICS,
    QUALIFICATIONS,
    SEXES,
    YES_NO,
)

FILE_NAME = "modele-suivi-mensuel.xlsx"
HEADER_ROW = 4
LISTS = {
    "public": PUBLICS,
    "employer_kind": EMPLOYER_KINDS,
    "modality": MODALITIES,
    "contract": CONTRACTS,
    "outcome": OUTCOMES,
    "sex": SEXES,
    "age_band": AGE_BANDS,
    "qualification": QUALIFICATIONS,
    "qpv": YES_NO,
}
EXAMPLE = {
    "month": "2027-03",
    "lot": "1",
    "participant": EXAMPLE_PARTICIPANT,
    "public": "DELD",
    "employer": "Bâti Sèvre SARL",
    "employer_siret": "732 829 320 00074",
    "employer_kind": "titulaire",
    "modality": "embauche directe",
    "contract": "CDD",
    "start": date(2027, 3, 1),
    "end": None,
    "outcome": None,
    "hours": 35.5,
    "sex": "F",
    "age_band": "26-49",
    "qualification": "3",
    "qpv": "non",
}


def model_sheet_bytes() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = "Suivi mensuel"
    lists = book.create_sheet("Listes")
    sheet["A1"] = "Suivi mensuel de la clause sociale d'insertion"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = (
        "Une ligne par participant, lot et mois. Identifiant du participant : celui donné par "
        "le facilitateur. N'écrivez ni nom, ni date de naissance, ni numéro de sécurité "
        "sociale. Colonnes marquées (*) : obligatoires. La ligne EXEMPLE est ignorée."
    )
    sheet["A2"].alignment = Alignment(wrap_text=False)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(HEADER_ROW, index, column.label + (" (*)" if column.required else ""))
        cell.font = Font(bold=True)
        cell.fill = fill
        sheet.column_dimensions[get_column_letter(index)].width = max(12, len(column.label) + 6)
        value = EXAMPLE.get(column.field)
        example = sheet.cell(HEADER_ROW + 1, index, value)
        if isinstance(value, date):
            example.number_format = "DD/MM/YYYY"
        if column.field in LISTS:
            vocabulary = LISTS[column.field]
            list_col = get_column_letter(list(LISTS).index(column.field) + 1)
            lists.cell(1, list(LISTS).index(column.field) + 1, column.label).font = Font(bold=True)
            labels = list(vocabulary.labels.values())
            for row, label in enumerate(labels, start=2):
                lists.cell(row, list(LISTS).index(column.field) + 1, label)
            rule = DataValidation(
                type="list",
                formula1=f"=Listes!${list_col}$2:${list_col}${len(labels) + 1}",
                allow_blank=True,
                showErrorMessage=False,
            )
            sheet.add_data_validation(rule)
            letter = get_column_letter(index)
            rule.add(f"{letter}{HEADER_ROW + 1}:{letter}2000")
        elif column.field == "hours":
            rule = DataValidation(
                type="decimal",
                operator="between",
                formula1="0",
                formula2="250",
                showErrorMessage=True,
                errorTitle="Heures",
                error="Les heures du mois vont de 0 à 250.",
            )
            sheet.add_data_validation(rule)
            letter = get_column_letter(index)
            rule.add(f"{letter}{HEADER_ROW + 1}:{letter}2000")
        elif column.field in ("start", "end"):
            letter = get_column_letter(index)
            for row in range(HEADER_ROW + 1, HEADER_ROW + 200):
                sheet[f"{letter}{row}"].number_format = "DD/MM/YYYY"
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
