"""Reading monthly sheets (no store): headers below titles, loose headers and values,
months in many forms, personal data refused, every problem placed by row and column."""

from __future__ import annotations

from datetime import date

import pytest

from followup.months import MonthError, parse_month
from followup.sheet import forbidden_reason, parse_sheet
from followup.sheet_files import write_grid
from followup.siret import siret_problem

from .helpers import HEADERS

SIRET = "41234567000019"


def row(**changes) -> list:
    values = dict(zip(HEADERS, ["2027-03", "1", "P-1", "DELD", "Bâti", SIRET, "embauche directe",
                                "CDD", "01/03/2027", None, None, "35"], strict=True))  # fmt: skip
    values.update(changes)
    return list(values.values())


@pytest.mark.parametrize(
    "written, month",
    [
        ("2027-03", "2027-03"), ("03/2027", "2027-03"), ("3/2027", "2027-03"),
        ("mars 2027", "2027-03"), ("Mars-27", "2027-03"), ("15/03/2027", "2027-03"),
        ("2027-03-15", "2027-03"), ("févr. 2027", "2027-02"), ("Décembre 2027", "2027-12"),
        (date(2027, 3, 1), "2027-03"),
    ],
)  # fmt: skip
def test_months_written_the_ways_people_write_them(written, month):
    assert parse_month(written) == month


@pytest.mark.parametrize("written", ["13/2027", "2027-00", "mars", "", "trois"])
def test_impossible_or_unreadable_months(written):
    with pytest.raises(MonthError):
        parse_month(written)


def test_siret_check():
    assert siret_problem("412 345 670 00019") is None
    assert "Luhn" in siret_problem("41234567000018")
    assert "14 chiffres" in siret_problem("4123")
    assert siret_problem("35600000000010") is None  # La Poste: digit sum multiple of 5


@pytest.mark.parametrize(
    "header", ["Nom", "Prénom", "NOM Prénom", "Date de naissance", "Né le", "N° de sécurité sociale", "NIR", "RQTH", "Handicap"]
)  # fmt: skip
def test_personal_data_columns_are_named(header):
    assert forbidden_reason(header)


@pytest.mark.parametrize("header", ["Nom de l'employeur", "Commentaire", "Observations"])
def test_other_columns_are_not_personal_data(header):
    assert forbidden_reason(header) is None


@pytest.mark.parametrize("suffix", [".xlsx", ".ods", ".csv"])
def test_header_below_titles_loose_headers_and_values(tmp_path, suffix):
    headers = ["mois (*)", "LOT N°", "identifiant", "Public cible", "Raison sociale", "N° SIRET",
               "modalite", "type de contrat", "date d'entree", "date de sortie",
               "situation de sortie", "Heures réalisées", "Sexe", "Tranche d'âge", "Résidant QPV"]  # fmt: skip
    rows = [
        ["Suivi de la clause"],
        [],
        headers,
        ["03/2027", "Lot n°1", "P-1", "bénéficiaire du rsa", "Bâti", "412 345 670 00019",
         "Mise a disposition", "intérim", "01/03/2027", "31/03/2027", "Emploi de transition",
         "35,5", "f", "-26", "oui"],
    ]  # fmt: skip
    parsed = parse_sheet(write_grid(tmp_path / f"feuille{suffix}", rows), ["1", "2"])
    assert parsed.problems == []
    [only] = parsed.rows
    assert (only.row, only.month, only.lot, only.public, only.modality, only.contract) == (
        4,
        "2027-03",
        "1",
        "RSA",
        "mise_a_disposition",
        "interim",
    )
    assert (only.hours, only.outcome, only.sex, only.age_band, only.qpv) == (
        35.5,
        "emploi_transition",
        "F",
        "-26",
        True,
    )
    assert only.end == date(2027, 3, 31)


def test_every_problem_by_row_and_column(tmp_path):
    rows = [
        HEADERS,
        row(Lot="7"),
        row(Participant="Jean Dupont"),
        row(**{"SIRET employeur": "123"}),
        row(Modalité="stage"),
        row(Heures="300"),
        row(Entrée="01/04/2027", Sortie="01/03/2027"),
        row(Participant="185057800608436"),
    ]
    parsed = parse_sheet(write_grid(tmp_path / "erreurs.csv", rows), ["1", "2"])
    where = [(p.row, p.column) for p in parsed.problems]
    assert where == [(2, "B"), (3, "C"), (4, "F"), (5, "G"), (6, "L"), (7, "J"), (8, "C")]
    messages = [p.message for p in parsed.problems]
    assert "lots : 1, 2" in messages[0]
    assert "ressemble à un nom" in messages[1]
    assert "sécurité sociale" in messages[6]
    assert parsed.rows[:1] == []


def test_missing_columns_and_no_header(tmp_path):
    parsed = parse_sheet(
        write_grid(tmp_path / "a.csv", [["Mois", "Participant", "Heures", "Lot"]]), ["1"]
    )
    assert "colonne(s) manquante(s)" in parsed.problems[0].message
    assert "Public" in parsed.problems[0].message
    parsed = parse_sheet(write_grid(tmp_path / "b.csv", [["rien"], ["ici"]]), ["1"])
    assert "en-tête introuvable" in parsed.problems[0].message


def test_same_slot_twice_with_other_hours_is_a_problem(tmp_path):
    parsed = parse_sheet(write_grid(tmp_path / "d.xlsx", [HEADERS, row(), row(Heures="20")]), ["1"])
    assert [(p.row, p.column) for p in parsed.problems] == [(3, "L")]
    assert "ligne 2" in parsed.problems[0].message


def test_example_row_of_the_model_is_skipped(tmp_path):
    from followup.model_sheet import model_sheet_bytes

    path = tmp_path / "modele-suivi-mensuel.xlsx"
    path.write_bytes(model_sheet_bytes())
    parsed = parse_sheet(path, ["1"])
    assert parsed.problems == [] and parsed.rows == []
    assert any("exemple" in note for note in parsed.notes)


def test_model_sheet_has_validation_lists(tmp_path):
    import openpyxl

    from followup.model_sheet import model_sheet_bytes

    path = tmp_path / "m.xlsx"
    path.write_bytes(model_sheet_bytes())
    book = openpyxl.load_workbook(path)
    sheet = book["Suivi mensuel"]
    formulas = [v.formula1 for v in sheet.data_validations.dataValidation]
    assert any("Listes!" in (f or "") for f in formulas)
    assert "DELD" in [c.value for c in book["Listes"]["A"]]


def typed_rows() -> list[list]:
    """A title, an empty row, then typed cells as spreadsheet programs store them: the month
    as a date, the lot, SIRET and hours as numbers, the entry as a date."""
    return [
        ["Suivi de la clause — opération 2026-014"],
        [],
        HEADERS,
        [date(2027, 3, 1), 1, "P-1", "DELD", "Bâti", int(SIRET), "embauche directe", "CDD",
         date(2027, 3, 1), None, None, 35.5],
        [date(2027, 4, 1), 2, "P-2", "RSA", "Bâti", int(SIRET), "embauche directe", "CDI",
         date(2027, 4, 12), date(2027, 4, 30), None, 20],
    ]  # fmt: skip


def check_typed(parsed) -> None:
    assert parsed.problems == []
    assert [
        (r.row, r.month, r.lot, r.employer_siret, r.start, r.end, r.hours) for r in parsed.rows
    ] == [
        (4, "2027-03", "1", SIRET, date(2027, 3, 1), None, 35.5),
        (5, "2027-04", "2", SIRET, date(2027, 4, 12), date(2027, 4, 30), 20.0),
    ]


def test_xlsx_written_by_openpyxl_with_months_as_dates_and_a_merged_title(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Listes"  # another sheet first: the header is looked for in each
    book.active.append(["DELD", "RSA"])
    sheet = book.create_sheet("Suivi mensuel")
    for values in typed_rows():
        sheet.append(values)
    sheet.merge_cells("A1:L1")
    for cell in sheet["A"][3:]:
        cell.number_format = "mmmm yyyy"  # shown « mars 2027 », stored as a day
    path = tmp_path / "feuille.xlsx"
    book.save(path)
    check_typed(parse_sheet(path, ["1", "2"]))


def test_ods_written_by_odfpy_with_date_cells_and_repeated_cells(tmp_path):
    from odf.opendocument import load
    from odf.table import TableCell, TableRow

    path = write_grid(tmp_path / "feuille.ods", typed_rows())
    # LibreOffice writes runs of empty cells and rows once with a repeat count.
    document = load(str(path))
    table = document.spreadsheet.childNodes[0]
    empty = TableRow(numberrowsrepeated=1000)
    empty.addElement(TableCell(numbercolumnsrepeated=1024))
    table.addElement(empty)
    document.save(str(path))
    check_typed(parse_sheet(path, ["1", "2"]))


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_damaged_workbook_is_a_french_message_naming_the_file(tmp_path, suffix):
    from followup.sheet_files import SheetFileError, read_grids

    path = tmp_path / f"abîmé{suffix}"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(SheetFileError) as raised:
        read_grids(path)
    assert str(raised.value).startswith(f"abîmé{suffix} n'est pas un classeur")
    assert "enregistrez-le de nouveau" in str(raised.value)


def test_a_bad_value_repeated_is_reported_on_every_row(tmp_path):
    # Values read once are remembered per column: a bad one must not be remembered.
    rows = [
        HEADERS,
        row(Modalité="stage"),
        row(Participant="P-2", Modalité="stage"),
        row(Participant="P-3"),
    ]
    parsed = parse_sheet(write_grid(tmp_path / "stage.csv", rows), ["1"])
    assert [(p.row, p.column) for p in parsed.problems] == [(2, "G"), (3, "G")]
