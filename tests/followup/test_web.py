"""The « Suivi » pages (FastAPI TestClient, and real Chromium for upload → check → confirm)."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from clitext import flat

from followup.sheet_files import write_grid

from .helpers import HEADERS, REFERENCE, operation, status_json

BASE_URL = "http://127.0.0.1:8765"
CHROMIUM = Path("/usr/bin/chromium")


def text_of(response) -> str:
    return flat(html.unescape(response.text))


@pytest.fixture
def client_for(tmp_path):
    from fastapi.testclient import TestClient

    from apps.web import create_app

    clients = []

    def make(db: str):
        client = TestClient(
            create_app(temp_root=tmp_path / "web", followup_db=db), base_url=BASE_URL
        )
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


def test_operations_operation_check_confirm(db_url, tmp_path, client_for):
    sheets = operation(db_url, tmp_path)
    client = client_for(db_url)
    listing = client.get("/suivi?date=2027-06-30")
    assert listing.status_code == 200
    assert "2026-014" in text_of(listing) and "<progress" in listing.text
    page = client.get(f"/suivi/{REFERENCE}?date=2027-06-30")
    assert "Bâti Sèvre SARL" in text_of(page) and "Aucune feuille importée" in text_of(page)
    sheet = sheets / "02-charpentes-du-val-lot2.csv"
    check = client.post(
        f"/suivi/{REFERENCE}/verifier",
        files={"feuille": (sheet.name, sheet.read_bytes(), "text/csv")},
    )
    assert check.status_code == 200
    assert "8 mois-participant(s) à ajouter" in text_of(check)
    assert status_json(db_url)[1]["totals"]["hours_done"] == 0  # nothing written yet
    job = check.text.split('name="verification" value="')[1].split('"')[0]
    done = client.post(
        f"/suivi/{REFERENCE}/confirmer", data={"verification": job}, follow_redirects=False
    )
    assert done.status_code == 303
    after = client.get(done.headers["location"] + "&date=2027-06-30")
    assert "La feuille a été importée" in text_of(after) and sheet.name in text_of(after)
    assert "255,5 h" in text_of(after)
    again = client.post(f"/suivi/{REFERENCE}/confirmer", data={"verification": job})
    assert again.status_code == 404  # a check is confirmed once


def test_rejected_sheet_lists_every_problem_and_writes_nothing(sqlite_url, tmp_path, client_for):
    operation(sqlite_url, tmp_path)
    rows = [HEADERS + ["Date de naissance"],
            ["13/2027", "1", "P-1", "DELD", "Bâti", "41234567000019", "embauche directe", "CDD", "01/03/2027", None, None, "-2", "01/01/1990"]]  # fmt: skip
    bad = write_grid(tmp_path / "bad.xlsx", rows)
    client = client_for(sqlite_url)
    check = client.post(
        f"/suivi/{REFERENCE}/verifier",
        files={"feuille": (bad.name, bad.read_bytes(), "application/octet-stream")},
    )
    text = text_of(check)
    assert "Feuille refusée : rien n'a été enregistré" in text
    assert "dates de naissance" in text
    assert "Confirmer" not in text


def test_model_download_and_wrong_file_and_unknown_operation(sqlite_url, tmp_path, client_for):
    operation(sqlite_url, tmp_path)
    client = client_for(sqlite_url)
    model = client.get("/suivi/modele-suivi-mensuel.xlsx")
    assert model.status_code == 200 and model.content[:2] == b"PK"
    assert "modele-suivi-mensuel.xlsx" in model.headers["content-disposition"]
    wrong = client.post(
        f"/suivi/{REFERENCE}/verifier",
        files={"feuille": ("photo.png", b"\x89PNG\r\n\x1a\n", "image/png")},
    )
    assert wrong.status_code == 400 and "n'est pas une feuille de suivi" in text_of(wrong)
    assert client.get("/suivi/2099-999").status_code == 404
    cross = client.post(
        f"/suivi/{REFERENCE}/verifier",
        headers={"sec-fetch-site": "cross-site"},
        files={"feuille": ("a.csv", b"x", "text/csv")},
    )
    assert cross.status_code == 403


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
def test_upload_check_confirm_in_chromium(db_url, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    from tests.web.conftest import LiveServer
    from tests.web.test_browser import CHROMIUM_ARGS

    sheets = operation(db_url, tmp_path)
    (tmp_path / "tmp").mkdir()
    server = LiveServer(tmp_path / "tmp", "--db", db_url)
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(locale="fr-FR")
            page.set_default_timeout(60_000)
            page.goto(server.url + "/suivi")
            page.click(f"text={REFERENCE}")
            page.set_input_files("#feuille", str(sheets / "03-platres-et-cloisons-lot3.ods"))
            page.click("button:has-text('Vérifier la feuille')")
            page.wait_for_selector("#changements")
            assert "8 mois-participant(s) à ajouter" in flat(
                page.locator("#changements").inner_text()
            )
            page.click('button:has-text("Confirmer l\'import")')
            page.wait_for_selector("text=La feuille a été importée")
            page.goto(f"{server.url}/suivi/{REFERENCE}?date=2027-06-30")
            lots = flat(page.locator("table.lots").inner_text())
            assert "230 h" in lots
            browser.close()
    finally:
        server.stop()
    lots = {lot["lot"]: lot for lot in status_json(db_url)[1]["lots"]}
    assert lots["3"]["hours_done"] == 230.0
