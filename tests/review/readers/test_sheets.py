"""Price schedules as spreadsheets: .xlsx (openpyxl) and .ods (odfpy), read as tables."""

from __future__ import annotations

from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from clausier.model import PieceKind
from review.reading import read_consultation


def test_ods_with_repeated_cells(tmp_path):
    document = OpenDocumentSpreadsheet()
    table = Table(name="DPGF")
    rows = [
        ["DÉCOMPOSITION DU PRIX GLOBAL ET FORFAITAIRE"],
        ["Poste", "Montant HT"],
        ["Gros œuvre", "420000"],
    ]
    for values in rows:
        row = TableRow()
        for value in values:
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        row.addElement(TableCell(numbercolumnsrepeated=1000))  # empty cells to the sheet's edge
        table.addElement(row)
    table.addElement(TableRow(numberrowsrepeated=100000))  # empty rows to the sheet's end
    document.spreadsheet.addElement(table)
    document.save(str(tmp_path / "lot1.ods"))

    piece = read_consultation(tmp_path / "lot1.ods").pieces[0]
    assert piece.kind == PieceKind.DPGF
    assert piece.tables() == {
        0: [
            ["DÉCOMPOSITION DU PRIX GLOBAL ET FORFAITAIRE"],
            ["Poste", "Montant HT"],
            ["Gros œuvre", "420000"],
        ]
    }


def test_xlsx_several_sheets(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["Détail quantitatif estimatif"])
    second = workbook.create_sheet("Lot 2")
    second.append(["Article", "Quantité"])
    second.append(["Heure de nettoyage", 1200])
    workbook.save(tmp_path / "DQE.xlsx")
    piece = read_consultation(tmp_path / "DQE.xlsx").pieces[0]
    assert piece.kind == PieceKind.DQE
    assert piece.tables()[1] == [["Article", "Quantité"], ["Heure de nettoyage", "1200"]]
    assert piece.blocks[-1].place.table == 1 and piece.blocks[-1].place.row == 1
