"""A complete operation on SQLite and PostgreSQL: three lots, three companies, sheets in
three styles, a correcting sheet, bad sheets refused with nothing written (issue 14)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from clitext import flat
from sqlalchemy import func, select

from followup.models import Action, ImportLog, MonthlyHours, Participant
from followup.sheet_files import write_grid
from followup.store import open_store

from .helpers import HEADERS, REFERENCE, followup, operation, status_json

ETTI = ["Intérim Insertion Val", "745 678 904 00046"]


def counts(db: str) -> dict[str, int]:
    store = open_store(db)
    try:
        with store.reading() as session:
            return {
                model.__tablename__: session.scalar(select(func.count()).select_from(model))
                for model in (Participant, Action, MonthlyHours, ImportLog)
            }
    finally:
        store.close()


def import_all(db: str, sheets) -> None:
    for name in sorted(p.name for p in sheets.iterdir()):
        result = followup("import", REFERENCE, str(sheets / name), db=db)
        assert result.exit_code == 0, result.output + result.stderr


def test_complete_operation_hours_alerts_penalties(db_url, tmp_path):
    sheets = operation(db_url, tmp_path)
    import_all(db_url, sheets)
    code, data = status_json(db_url)
    assert code == 1  # SU103 is an error
    assert data["operation"] == REFERENCE and data["date"] == "2027-06-30"
    lots = {lot["lot"]: lot for lot in data["lots"]}
    # Lot 1: 60 + 70 + 50 + 70 + 40 and March corrected for P-014-02 (65 h, not 55 h).
    assert lots["1"]["hours_done"] == 355.0
    assert lots["1"]["hours_committed"] == 615
    assert lots["1"]["company"] == "Bâti Sèvre SARL" and lots["1"]["siret"] == "41234567000019"
    assert lots["1"]["participants"] == 3
    # 2027-01-04 -> 2027-12-17 (347 days), 177 days elapsed on 2027-06-30.
    assert lots["1"]["hours_expected"] == round(615 * 177 / 347, 1)
    assert lots["1"]["percent"] == 57.7
    assert [a["code"] for a in lots["1"]["alerts"]] == ["SU102"]
    # Lot 2 ended on 2027-05-31 with 14,5 h missing: 1,5 × SMIC of 2027 (12,02 €) per hour.
    assert lots["2"]["hours_done"] == 255.5
    assert lots["2"]["hours_expected"] == 270.0
    assert lots["2"]["penalty_due"] == round(14.5 * round(1.5 * 12.02, 2), 2)
    su103 = next(a for a in lots["2"]["alerts"] if a["code"] == "SU103")
    assert su103["severity"] == "error"
    assert "261,44" in flat(su103["message"]) and "14,5 h" in flat(su103["message"])
    # Lot 3: months as ODS date cells; one participant without a public.
    assert lots["3"]["hours_done"] == 230.0
    assert [a["code"] for a in lots["3"]["alerts"]] == ["SU201"]
    assert data["totals"] == {
        "hours_committed": 1245,
        "hours_done": 840.5,
        "percent": 67.5,
        "participants": 7,
        "fte": round(840.5 / 1607, 2),
    }


def test_same_sheet_again_changes_nothing_and_later_sheet_replaces(db_url, tmp_path):
    sheets = operation(db_url, tmp_path)
    first = sheets / "01-bati-sevre-lot1.xlsx"
    assert followup("import", REFERENCE, str(first), db=db_url).exit_code == 0
    before = counts(db_url)
    again = followup("import", REFERENCE, str(first), db=db_url)
    assert again.exit_code == 0
    assert "Aucun changement" in flat(again.output)
    assert counts(db_url) == before
    correction = followup(
        "import", REFERENCE, str(sheets / "04-bati-sevre-correction-mars.csv"), db=db_url
    )
    assert correction.exit_code == 0
    text = flat(correction.output)
    assert "1 remplacé(s)" in text
    assert "Lot 1, P-014-02, 2027-03 : 65 h remplacent les 55 h déjà enregistrées" in text


def test_dry_run_shows_changes_and_writes_nothing(db_url, tmp_path):
    sheets = operation(db_url, tmp_path)
    before = counts(db_url)
    result = followup(
        "import", REFERENCE, str(sheets / "02-charpentes-du-val-lot2.csv"), "--dry-run",
        "--format", "json", db=db_url,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["dry_run"] is True and data["sheets"][0]["added"] == 8
    assert counts(db_url) == before


def bad_rows() -> list[list]:
    good = [
        "2027-04",
        "1",
        "P-014-09",
        "DELD",
        *ETTI,
        "mise à disposition",
        "intérim",
        "01/04/2027",
        None,
        None,
        "20",
    ]
    negative = [
        "2027-04",
        "1",
        "P-014-10",
        "RSA",
        *ETTI,
        "mise à disposition",
        "intérim",
        "01/04/2027",
        None,
        None,
        "-4",
    ]
    impossible = [
        "13/2027",
        "1",
        "P-014-11",
        "RSA",
        *ETTI,
        "mise à disposition",
        "intérim",
        "01/04/2027",
        None,
        None,
        "12",
    ]
    return [HEADERS, good, negative, impossible]  # fmt: skip


def test_negative_hour_and_impossible_month_reject_the_sheet(db_url, tmp_path):
    sheets = operation(db_url, tmp_path)
    import_all(db_url, sheets)
    before = counts(db_url)
    bad = write_grid(tmp_path / "avril-erreurs.csv", bad_rows())
    result = followup("import", REFERENCE, str(bad), db=db_url)
    assert result.exit_code == 2
    errors = flat(result.stderr)
    assert "rien n'a été enregistré" in errors
    assert (
        "avril-erreurs.csv, ligne 3, colonne L (« Heures ») : -4 h : les heures ne peuvent pas être négatives"
        in errors
    )
    assert (
        "avril-erreurs.csv, ligne 4, colonne A (« Mois ») : « 13/2027 » : le mois 13 n'existe pas"
        in errors
    )
    assert counts(db_url) == before  # the good row was not written either


def test_sheet_with_a_name_column_is_refused_saying_which_and_why(db_url, tmp_path):
    operation(db_url, tmp_path)
    rows = bad_rows()[:2]
    rows[0] = [*HEADERS, "Nom du salarié"]
    rows[1] = [*rows[1], "Dupont"]
    sheet = write_grid(tmp_path / "avec-noms.xlsx", rows)
    before = counts(db_url)
    result = followup("import", REFERENCE, str(sheet), db=db_url)
    assert result.exit_code == 2
    errors = flat(result.stderr)
    assert "avec-noms.xlsx, colonne M (« Nom du salarié ») : cette colonne est refusée" in errors
    assert "noms ou prénoms" in errors and "identifiant pseudonyme" in errors
    assert counts(db_url) == before


def test_a_rejected_sheet_among_good_ones_writes_nothing(db_url, tmp_path):
    sheets = operation(db_url, tmp_path)
    bad = write_grid(tmp_path / "mauvaise.csv", bad_rows())
    before = counts(db_url)
    result = followup(
        "import", REFERENCE, str(sheets / "01-bati-sevre-lot1.xlsx"), str(bad), db=db_url
    )
    assert result.exit_code == 2
    assert counts(db_url) == before


def test_status_before_start_and_text_and_csv(db_url, tmp_path):
    sheets = operation(db_url, tmp_path)
    import_all(db_url, sheets)
    code, data = status_json(db_url, "2026-12-31")
    assert code == 0
    assert all(lot["hours_done"] == 0 and lot["hours_expected"] == 0 for lot in data["lots"])
    text = followup("status", REFERENCE, "--date", "2027-06-30", db=db_url)
    assert text.exit_code == 1
    out = flat(text.output)
    assert "Opération 2026-014" in out and "Situation au 30/06/2027" in out
    assert "Bâti Sèvre SARL 615 h 355 h 57,7 %" in out
    assert "SU103" in out and "1 erreur(s), 2 avertissement(s)" in out
    target = tmp_path / "situation.csv"
    csv_run = followup(
        "status", "--date", "2027-06-30", "--format", "csv", "-o", str(target), db=db_url
    )
    assert csv_run.exit_code == 1
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Opération;Date;Lot;Titulaire")
    assert (
        "2026-014;2027-06-30;2;Charpentes du Val;52345678800026;270;255,5;94,6;270;2;261,44;SU103"
        in lines
    )
    again = followup("status", "--format", "csv", "-o", str(target), db=db_url)
    assert again.exit_code == 2 and "--force" in again.stderr


def test_su101_su202_and_su301(db_url, tmp_path):
    operation(db_url, tmp_path)
    late = [HEADERS, ["2027-11", "3", "P-014-20", "AUTRE", "Plâtres et Cloisons SAS", "63456789500038",
                      "embauche directe", "CDD", "01/11/2027", None, None, "10"]]  # fmt: skip
    sheet = write_grid(tmp_path / "novembre.csv", late)
    assert followup("import", REFERENCE, str(sheet), db=db_url).exit_code == 0
    _, data = status_json(db_url, "2027-11-30")
    lot3 = next(lot for lot in data["lots"] if lot["lot"] == "3")
    codes = [a["code"] for a in lot3["alerts"]]
    assert "SU202" in codes and "SU103" in codes  # outside 2027-03-01 … 2027-10-29
    lot1 = next(lot for lot in data["lots"] if lot["lot"] == "1")
    assert {a["code"] for a in lot1["alerts"]} == {"SU101", "SU102"}  # nothing in 11 months
    _, later = status_json(db_url, "2030-01-31")
    assert [a["code"] for a in later["alerts"]] == ["SU301"]


def test_purge_keeps_lot_totals(db_url, tmp_path):
    sheets = operation(db_url, tmp_path)
    import_all(db_url, sheets)
    _, before = status_json(db_url, "2030-01-31")
    result = followup("purge", "--before", "2029-07-01", "--yes", db=db_url)
    assert result.exit_code == 0, result.output
    assert "7 participant(s)" in flat(result.output)
    assert counts(db_url)["participants"] == 0 and counts(db_url)["monthly_hours"] == 0
    _, after = status_json(db_url, "2030-01-31")
    assert [lot["hours_done"] for lot in after["lots"]] == [
        lot["hours_done"] for lot in before["lots"]
    ]
    assert after["totals"]["participants"] == 7
    assert "alerts" not in after  # SU301 gone
    nothing = followup("purge", "--before", "2029-07-01", "--yes", db=db_url)
    assert "rien à supprimer" in flat(nothing.output)


def test_add_twice_and_unknown_operation_and_bad_siret(db_url, tmp_path):
    operation(db_url, tmp_path)
    again = followup("add", str(tmp_path / "consultation.toml"), db=db_url)
    assert again.exit_code == 2 and "déjà suivie" in flat(again.stderr)
    unknown = followup("status", "2099-001", db=db_url)
    assert unknown.exit_code == 2 and "Aucune opération « 2099-001 »" in flat(unknown.stderr)
    bad = followup(
        "award", REFERENCE, "--lot", "1", "--company", "X", "--siret", "41234567000018",
        "--notified", "2026-12-10", db=db_url,
    )  # fmt: skip
    assert bad.exit_code == 2 and "contrôle de clé (Luhn)" in flat(bad.stderr)


@pytest.mark.parametrize("day", [date(2027, 6, 30)])
def test_status_over_all_operations_is_a_json_list(db_url, tmp_path, day):
    operation(db_url, tmp_path)
    result = followup("status", "--date", day.isoformat(), "--format", "json", db=db_url)
    data = json.loads(result.stdout)
    assert isinstance(data, list) and data[0]["operation"] == REFERENCE


def test_a_detail_changed_then_changed_back_ends_as_the_last_row_says(sqlite_url, tmp_path):
    # The importer compares a participant's details only when they differ from its previous
    # row: DELD, RSA, then DELD again must end as DELD.
    operation(sqlite_url, tmp_path)
    base = ["1", "P-9", None, "Bâti Sèvre SARL", "41234567000019", "embauche directe", "CDD",
            "04/01/2027", None, None, "10"]  # fmt: skip
    rows = [HEADERS]
    for month, public in (("2027-01", "DELD"), ("2027-02", "RSA"), ("2027-03", "DELD")):
        values = [month, *base]
        values[3] = public
        rows.append(values)
    sheet = write_grid(tmp_path / "aller-retour.csv", rows)
    result = followup("import", REFERENCE, str(sheet), db=sqlite_url)
    assert result.exit_code == 0, result.output + result.stderr
    store = open_store(sqlite_url)
    try:
        with store.reading() as session:
            public = session.scalar(select(Participant.public).where(Participant.code == "P-9"))
    finally:
        store.close()
    assert public == "DELD"
