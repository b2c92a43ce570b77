"""Spreadsheets (BPU, DPGF, DQE): .xlsx with openpyxl (read-only), .ods with lxml.

Each sheet is a table: every non-empty cell is a Block with table (sheet index), row and
cell. openpyxl is imported only when a workbook is read.
"""

from __future__ import annotations

import io
from datetime import date, datetime

from clausier.model import Block, Piece, Place
from review.readers import ReadError
from review.readers.xmlsafe import open_package, required_part
from review.sources import SourceFile

MAX_ROWS = 20_000  # per sheet: a price schedule is far smaller; beyond is data, not a piece
MAX_COLUMNS = 200


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def read_xlsx(source: SourceFile) -> Piece:
    import openpyxl

    piece = Piece(path=source.path, format=source.format or "xlsx")
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(source.read_bytes()), read_only=True, data_only=True
        )
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds
        raise ReadError(
            f"{source.path} n'est pas un classeur Excel lisible (fichier endommagé ou protégé).",
            "Ouvrez-le dans Excel ou LibreOffice et enregistrez-le de nouveau au format .xlsx, "
            "sans mot de passe.",
        ) from error
    try:
        for index, sheet in enumerate(workbook.worksheets):
            for r, row in enumerate(sheet.iter_rows(values_only=True, max_row=MAX_ROWS)):
                for c, value in enumerate(row[:MAX_COLUMNS]):
                    text = cell_text(value)
                    if text:
                        piece.blocks.append(
                            Block(text=text, place=Place(table=index, row=r, cell=c))
                        )
    finally:
        workbook.close()
    return piece


OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def read_ods(source: SourceFile) -> Piece:
    piece = Piece(path=source.path, format="ods")
    advice = "Ouvrez-le dans LibreOffice et enregistrez-le de nouveau au format .ods."
    archive = open_package(
        source, f"{source.path} n'est pas un classeur OpenDocument lisible.", advice
    )
    with archive:
        content = required_part(
            archive,
            "content.xml",
            source.path,
            f"{source.path} n'est pas un classeur OpenDocument complet (contenu absent).",
            advice,
        )
    for index, table in enumerate(content.iter(TABLE + "table")):
        row = 0
        for tr in table.iter(TABLE + "table-row"):
            if row >= MAX_ROWS:
                break
            column = 0
            for tc in tr:
                if tc.tag not in (TABLE + "table-cell", TABLE + "covered-table-cell"):
                    continue
                repeat = tc.get(TABLE + "number-columns-repeated", "1")
                text = " ".join(
                    " ".join("".join(p.itertext()).split()) for p in tc.iter(TEXT + "p")
                ).strip()
                if text and column < MAX_COLUMNS:
                    piece.blocks.append(
                        Block(text=text, place=Place(table=index, row=row, cell=column))
                    )
                # Empty cells repeated to the sheet's edge only move the column on.
                column += int(repeat) if repeat.isdigit() else 1
            repeat = tr.get(TABLE + "number-rows-repeated", "1")
            row += int(repeat) if repeat.isdigit() else 1
    return piece
