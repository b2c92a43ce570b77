"""Operations added from a reviewed DCE and from an accord-cadre's consultation file; the
web pages when the store cannot be opened."""

from __future__ import annotations

import json
from datetime import date

from clitext import flat
from sqlalchemy import select

from followup.models import Lot
from followup.penalty import penalty_amount
from followup.store import open_store

from .helpers import ROOT, followup, status_json
from .test_web import client_for, text_of  # noqa: F401 - the fixture is used by name

DCE = ROOT / "samples" / "travaux-conforme"


def stored_lots(db: str) -> list[tuple]:
    store = open_store(db)
    try:
        with store.reading() as session:
            return [
                (lot.number, lot.hours_committed, lot.hours_per_year, lot.start, lot.end,
                 lot.penalty_text, lot.penalty_source)
                for lot in session.scalars(select(Lot).order_by(Lot.position))
            ]  # fmt: skip
    finally:
        store.close()


def test_add_from_a_reviewed_dce(sqlite_url):
    added = followup("add", "--from", str(DCE), db=sqlite_url)
    assert added.exit_code == 0, added.output + added.stderr
    assert "Opération 2026-014 ajoutée au suivi (4 lot(s))" in flat(added.output)
    lots = stored_lots(sqlite_url)
    assert [(n, h, y) for n, h, y, *_ in lots] == [
        ("1", 615.0, False), ("2", 270.0, False), ("3", 360.0, False), ("4", 910.0, False)
    ]  # fmt: skip
    # The penalty as the CCAP writes it (accents, case), not the RC's repetition.
    penalty = lots[0][5]
    assert penalty.startswith("En cas de non-réalisation de tout ou partie des heures")
    assert "1,5 × SMIC horaire brut" in penalty and lots[0][6] == "ccap"
    # The DCE gives no execution dates: they come from the award (--start, --end).
    assert {(start, end) for _, _, _, start, end, *_ in lots} == {(None, None)}
    awarded = followup(
        "award", "2026-014", "--lot", "1", "--company", "Bâti Sèvre SARL", "--siret",
        "41234567000019", "--notified", "2026-12-10", "--start", "2027-01-04", "--end",
        "2027-03-31", db=sqlite_url,
    )  # fmt: skip
    assert awarded.exit_code == 0, awarded.output + awarded.stderr
    code, status = status_json(sqlite_url, "2027-06-30")
    lot = status["lots"][0]
    per_hour = penalty_amount(None, penalty, date(2027, 3, 31))
    assert per_hour and code == 1  # the lot ended with no hours: an error alert
    assert lot["penalty_due"] == round(615 * per_hour, 2)
    assert [a["code"] for a in lot["alerts"]] == ["SU103"]


def test_add_from_a_folder_without_reference_is_a_french_message(sqlite_url, tmp_path):
    empty = tmp_path / "dce-vide"
    empty.mkdir()
    (empty / "note.txt").write_text("rien", encoding="utf-8")
    result = followup("add", "--from", str(empty), db=sqlite_url)
    assert result.exit_code == 2
    assert "Traceback" not in result.output + result.stderr
    assert "référence" in flat(result.stderr) or "lot" in flat(result.stderr)


def test_accord_cadre_hours_per_year_count_over_its_years(sqlite_url, tmp_path):
    consultation = tmp_path / "accord-cadre.toml"
    consultation.write_text(
        """[consultation]
acheteur = "Ville d'Exemple"
objet = "Entretien des espaces verts"
reference = "AC-2027-03"
nature = "services"
accord_cadre = true
duree_annees = 3
penalite_heure = 40

[[lots]]
numero = "1"
intitule = "Espaces verts"
montant = 900000.0
metier = "espaces_verts_entretien"
debut = 2027-01-01
fin = 2029-12-31
""",
        encoding="utf-8",
    )
    added = followup("add", str(consultation), db=sqlite_url)
    assert added.exit_code == 0, added.output + added.stderr
    [(number, per_year_hours, per_year, start, end, *_)] = stored_lots(sqlite_url)
    assert per_year and per_year_hours and (start, end) == (date(2027, 1, 1), date(2029, 12, 31))
    _, status = status_json(sqlite_url, "2028-06-30", reference="AC-2027-03")
    lot = status["lots"][0]
    # Hours stated per year, over three years of execution.
    assert lot["hours_committed"] == round(per_year_hours * 3)
    assert status["totals"]["hours_committed"] == lot["hours_committed"]


def test_web_page_when_the_store_cannot_be_opened(tmp_path, client_for):  # noqa: F811
    folder = tmp_path / "pas-un-dossier"
    folder.write_text("un fichier, pas un dossier", encoding="utf-8")
    client = client_for(f"sqlite:///{folder / 'suivi.sqlite'}")
    for path in ("/suivi", "/suivi/2026-014"):
        page = client.get(path)
        assert page.status_code == 503, path
        text = text_of(page)
        assert "Base de suivi indisponible" in text
        assert "Traceback" not in page.text and "sqlite3" not in page.text.lower()
    unknown = client_for("mysql://localhost/suivi")
    page = unknown.get("/suivi")
    assert page.status_code == 503 and "Base de suivi indisponible" in text_of(page)
    assert json.dumps(page.status_code)


def test_add_refuses_a_trade_the_profile_does_not_know(sqlite_url, tmp_path):
    """A lot whose trade is unknown got « heures non renseignées » silently: it is refused,
    naming the lot and the nearest trade, and nothing is written."""
    consultation = tmp_path / "consultation.toml"
    consultation.write_text(
        '[consultation]\nacheteur = "Ville"\nobjet = "Travaux"\nreference = "2026-099"\n'
        'nature = "travaux"\n\n[[lots]]\nnumero = "1"\nintitule = "Gros œuvre"\n'
        'montant = 820000.0\nmetier = "grosoeuvre"\n',
        encoding="utf-8",
    )
    result = followup("add", str(consultation), db=sqlite_url)
    assert result.exit_code == 2
    message = flat(result.output)
    assert "lot 1" in message and "« grosoeuvre »" in message and "gros_oeuvre" in message
    assert stored_lots(sqlite_url) == []
