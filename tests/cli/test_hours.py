"""`clausier hours` through click's CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from clitext import flat

from apps.cli import cli

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CONSULTATION = str(SAMPLES / "consultation-travaux.toml")


def run(*args: str, columns: int = 120):
    # The table follows the terminal's width: tests give it one.
    return CliRunner().invoke(cli, ["hours", *args], env={"COLUMNS": str(columns)})


def test_text_table_with_total_and_french_numbers():
    result = run("--consultation", CONSULTATION)
    assert result.exit_code == 0, result.output
    out = result.output
    for header in ("Lot", "Intitulé", "Montant HT", "Métier", "Taux MO", "Heures d'insertion"):
        assert header in out
    assert "820 000 €" in out and "0,45" in out and "615 h" in out
    assert "2 450 000 €" in out  # total amount
    assert "2 155 h" in out  # total hours
    assert "Total" in out


def test_lot_options_amount_formats_and_guessed_trade():
    result = run(
        "--lot", "1;Gros œuvre – maçonnerie;820 000",
        "--lot", "2;Peinture;780000,00;peinture",
        "--lot", "3;Plâtrerie;390000",
        "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [lot["trade"] for lot in data["lots"]] == ["gros_oeuvre", "peinture", "platrerie"]
    assert [lot["hours"] for lot in data["lots"]] == [615, 910, 360]
    assert data["total_hours"] == 1885


def test_json_exactly_as_the_spec():
    result = run("--lot", "1;Gros œuvre;1000000;gros_oeuvre", "--format", "json")
    data = json.loads(result.stdout)
    assert set(data) == {"profile", "lots", "total_hours"}
    lot = data["lots"][0]
    assert list(lot) == [
        "number", "title", "amount_ht", "trade", "labour_share", "insertion_rate",
        "hourly_cost", "hours_worked", "hours", "note",
    ]  # fmt: skip
    assert lot["amount_ht"] == 1000000.0 and lot["hours_worked"] == 15000.0
    assert lot["hours"] == 750 and lot["note"] is None


def test_json_below_minimum_has_null_hours_and_french_note():
    result = run("--lot", "1;Peinture;50000;peinture", "--format", "json")
    lot = json.loads(result.stdout)["lots"][0]
    assert lot["hours"] is None
    assert lot["note"].startswith("clause non proposée : volume trop faible")


def read_csv_fr(raw: bytes) -> list[list[str]]:
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: LibreOffice/Excel detect the encoding
    text = raw[3:].decode("utf-8")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_csv_opens_as_columns(tmp_path):
    out = tmp_path / "heures.csv"
    result = run("--consultation", CONSULTATION, "--format", "csv", "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = read_csv_fr(out.read_bytes())
    header = rows[0]
    assert header == [
        "Lot", "Intitulé", "Montant HT (€)", "Métier", "Taux de main-d'œuvre",
        "Taux d'insertion", "Coût horaire (€)", "Heures travaillées", "Heures d'insertion",
        "Période", "Note",
    ]  # fmt: skip
    assert all(len(row) == len(header) for row in rows)
    lot1 = dict(zip(header, rows[1], strict=True))
    assert lot1["Lot"] == "1" and lot1["Intitulé"] == "Gros œuvre – maçonnerie"
    assert lot1["Montant HT (€)"] == "820000"
    assert lot1["Taux de main-d'œuvre"] == "0,45"  # decimal comma
    assert lot1["Heures d'insertion"] == "615"
    lot2 = dict(zip(header, rows[2], strict=True))
    assert lot2["Heures travaillées"] == "5366,7"
    assert rows[-1][0] == "Total" and rows[-1][8] == "2155"


def test_csv_to_stdout_has_the_bom():
    result = run("--lot", "1;Peinture;780000;peinture", "--format", "csv")
    rows = read_csv_fr(result.stdout_bytes)
    assert rows[1][8] == "910"


def test_output_is_never_overwritten_without_force(tmp_path):
    out = tmp_path / "heures.json"
    out.write_text("précieux", encoding="utf-8")
    result = run("--lot", "1;Peinture;780000", "--format", "json", "-o", str(out))
    assert result.exit_code == 2
    assert "existe déjà" in flat(result.output) and "--force" in flat(result.output)
    assert out.read_text(encoding="utf-8") == "précieux"
    result = run("--lot", "1;Peinture;780000", "--format", "json", "-o", str(out), "--force")
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["total_hours"] == 910


def test_profile_option_changes_the_hours():
    result = run(
        "--consultation", CONSULTATION,
        "--profile", str(SAMPLES / "profil-exemple.toml"),
        "--format", "json",
    )  # fmt: skip
    data = json.loads(result.stdout)
    assert data["profile"] == "Exemple — territoire"
    assert [lot["hours"] for lot in data["lots"]] == [640, 250, 340, 850]


def test_bad_profile_is_a_french_error_naming_the_key(tmp_path):
    bad = tmp_path / "profil.toml"
    bad.write_text("[profil]\ncout_horaire = -1\n", encoding="utf-8")
    result = run("--lot", "1;Peinture;780000", "--profile", str(bad))
    assert result.exit_code == 2
    assert "profil.cout_horaire" in flat(result.output) and "ligne 2" in flat(result.output)


def test_bad_consultation_file(tmp_path):
    bad = tmp_path / "c.toml"
    bad.write_text('[[lots]]\nnumero = "1"\nmontant = "n/a"\n', encoding="utf-8")
    result = run("--consultation", str(bad))
    assert result.exit_code == 2 and "lots[1].montant" in flat(result.output)


def test_no_lots_is_a_usage_error_in_french():
    result = run()
    assert result.exit_code == 2
    assert "Aucun lot" in flat(result.output) and "--lot" in flat(result.output)


@pytest.mark.parametrize("value", ["1;x;abc", ";x;1000", "1;a;2;b;c"])
def test_bad_lot_option(value):
    result = run("--lot", value)
    assert result.exit_code == 2 and "--lot" in flat(result.output)


def test_framework_options():
    result = run(
        "--lot", "1;Nettoyage;400000;nettoyage", "--accord-cadre", "--duree-annees", "4",
        "--format", "json",
    )  # fmt: skip
    lot = json.loads(result.stdout)["lots"][0]
    assert lot["hours"] == 140 and lot["period"] == "year"
    text = run("--lot", "1;Nettoyage;400000;nettoyage", "--accord-cadre", "--duree-annees", "4")
    assert "140 h/an" in flat(text.output) and "140 h par an" in flat(text.output)


def test_notes_are_listed_under_the_table():
    result = run("--lot", "1;Peinture;20000;peinture")
    assert result.exit_code == 0
    assert "(1) lot 1 : clause non proposée : volume trop faible" in flat(result.output)


def test_a_trade_absent_from_the_profile_is_a_usage_error():
    # It gave 0 h with exit 0 (issue 12, item 12).
    result = run("--lot", "1;Vitrerie;300000;vitrerie")
    assert result.exit_code == 2
    assert "Le lot 1 (« Vitrerie ») de l'option --lot" in flat(result.output)
    assert "[metiers.vitrerie]" in flat(result.output)


def test_from_a_tender_folder():
    result = run("--from", str(SAMPLES / "travaux-conforme"), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [lot["number"] for lot in data["lots"]] == ["1", "2", "3", "4"]
    assert [lot["amount_ht"] for lot in data["lots"]] == [820000.0, 460000.0, 390000.0, 780000.0]
    assert [lot["trade"] for lot in data["lots"]] == [
        "gros_oeuvre", "charpente_bois", "platrerie", "peinture",
    ]  # fmt: skip
    assert data["total_hours"] == 2155


def test_from_a_zipped_framework_tender():
    result = run(
        "--from", str(SAMPLES / "services-accord-cadre.zip"), "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    trades = [lot["trade"] for lot in json.loads(result.stdout)["lots"]]
    assert trades == ["nettoyage", "espaces_verts_entretien"]


def test_from_a_missing_path(tmp_path):
    result = run("--from", str(tmp_path / "absent"))
    assert result.exit_code == 2 and "introuvable" in flat(result.output)


def test_xlsx_holds_the_table_as_numbers(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "heures.xlsx"
    result = run("--consultation", CONSULTATION, "-o", str(out))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).active
    rows = [row for row in sheet.iter_rows(values_only=True) if row[0] is not None]
    header = rows.index(next(r for r in rows if r[0] == "Lot"))
    assert rows[header][8] == "Heures d'insertion"
    lots = rows[header + 1 : header + 5]
    assert [(r[0], r[2], r[8]) for r in lots][0] == ("1", 820000, 615)
    assert rows[header + 5][0] == "Total" and rows[header + 5][8] == 2155
    amount = next(c for row in sheet.iter_rows() for c in row if c.value == 820000)
    assert amount.number_format.endswith('"€"')


def test_xlsx_needs_a_file(tmp_path):
    result = run("--lot", "1;Peinture;200000;peinture", "--format", "xlsx")
    assert result.exit_code == 2 and "-o heures.xlsx" in flat(result.output)


def test_a_lot_title_is_never_a_formula(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "heures.xlsx"
    assert run("--lot", "1;=1+1 peinture;200000;peinture", "-o", str(out)).exit_code == 0
    cell = next(
        c
        for row in load_workbook(out).active.iter_rows()
        for c in row
        if c.value == "=1+1 peinture"
    )
    assert cell.data_type == "s"
