"""`followup report` and `followup export` on a real store (SQLite and PostgreSQL), and the
bilan on the web: the sample operation is built through the real commands (add, award,
import), then every figure of the bilan is compared with `followup status --format json`
for the same --date, and every produced file is searched for participant identifiers."""

from __future__ import annotations

import csv
import html
import io
import zipfile
from pathlib import Path

import pytest
from clitext import flat
from docx import Document
from openpyxl import load_workbook
from sqlalchemy import select

from clausier.followup_figures import masked
from followup.models import Participant
from followup.store import open_store

from .helpers import REFERENCE, followup, operation, status_json

DAY = "2027-06-30"
THRESHOLD = 3  # the default profile's [suivi] seuil_effectif
SPACES = str.maketrans("", "", "\u202f\u00a0 %")
CHROMIUM = Path("/usr/bin/chromium")


def build(db: str, tmp_path: Path) -> None:
    """The sample operation: added, three lots awarded, the four monthly sheets imported."""
    sheets = operation(db, tmp_path)
    for sheet in sorted(sheets.iterdir()):
        result = followup("import", REFERENCE, str(sheet), db=db)
        assert result.exit_code == 0, result.output


def report(db: str, path: Path, *extra: str) -> Path:
    result = followup("report", REFERENCE, "-o", str(path), "--date", DAY, *extra, db=db)
    assert result.exit_code == 0, result.output
    return path


def participant_codes(db: str) -> list[str]:
    store = open_store(db)
    try:
        with store.reading() as session:
            return list(session.scalars(select(Participant.code)))
    finally:
        store.close()


def value(text: str) -> float:
    """« 1 245 », « 66,7 % », « 0,52 » -> a number."""
    return float(text.translate(SPACES).replace(",", "."))


def shown(count: int) -> str:
    return masked(count, THRESHOLD)


def docx_table(document, first_header: str, header: str) -> list[dict[str, str]]:
    """The rows of the table whose header row starts with `first_header` and holds `header`."""
    for table in document.tables:
        headers = [cell.text for cell in table.rows[0].cells]
        if headers[0] == first_header and header in headers:
            return [
                dict(zip(headers, (c.text for c in row.cells), strict=True))
                for row in table.rows[1:]
            ]
    raise AssertionError(f"no table « {first_header} … {header} » in the bilan")


def docx_key_figures(document) -> dict[str, str]:
    """The summary box: cells « value\\nlabel »."""
    figures = {}
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                number, _, label = cell.text.partition("\n")
                if label:
                    figures[label] = number
    return figures


def office_text(path: Path) -> str:
    """Every part of an Office package (XML, relationships, pictures), decoded."""
    with zipfile.ZipFile(path) as package:
        return "\n".join(
            package.read(name).decode("utf-8", "replace") for name in package.namelist()
        )


# --------------------------------------------------------------------------- figures


def test_bilan_figures_equal_status(db_url, tmp_path):
    build(db_url, tmp_path)
    _, status = status_json(db_url, DAY)
    docx_path = report(db_url, tmp_path / "bilan.docx")
    xlsx_path = report(db_url, tmp_path / "bilan.xlsx")

    document = Document(str(docx_path))
    assert len(document.inline_shapes) >= 3
    with zipfile.ZipFile(docx_path) as package:
        assert len([n for n in package.namelist() if n.startswith("word/media/")]) >= 3

    lots = {row["Lot"]: row for row in docx_table(document, "Lot", "Heures réalisées")}
    sheet = load_workbook(xlsx_path)["Lots"]
    cells = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    for lot in status["lots"]:
        row = lots[lot["lot"]]
        assert value(row["Heures prévues"]) == lot["hours_committed"]
        assert value(row["Heures réalisées"]) == lot["hours_done"]
        assert value(row["Taux de réalisation"]) == lot["percent"]
        assert value(row["Heures attendues à date"]) == lot["hours_expected"]
        assert row["Participants"] == shown(lot["participants"])
        assert row["Titulaire"] == lot["company"]
        _, _, company, committed, expected, done, rate, people = cells[lot["lot"]]
        assert (company, committed, expected, done) == (
            lot["company"],
            lot["hours_committed"],
            lot["hours_expected"],
            lot["hours_done"],
        )
        assert rate == pytest.approx(lot["percent"] / 100)
        assert str(people) == shown(lot["participants"])

    totals = status["totals"]
    key = docx_key_figures(document)
    assert value(key["Heures prévues"]) == totals["hours_committed"]
    assert value(key["Heures réalisées"]) == totals["hours_done"]
    assert value(key["Taux de réalisation"]) == totals["percent"]
    assert value(key["Équivalents temps plein"]) == totals["fte"]
    assert key["Participants"] == shown(totals["participants"])
    total_row = lots["Total"]
    assert value(total_row["Heures réalisées"]) == totals["hours_done"]
    assert total_row["Participants"] == shown(totals["participants"])
    summary = dict(load_workbook(xlsx_path)["Synthèse"].iter_rows(min_row=2, values_only=True))
    assert summary["Heures réalisées"] == totals["hours_done"]
    assert summary["Équivalents temps plein"] == totals["fte"]
    assert str(summary["Participants"]) == shown(totals["participants"])


def test_final_bilan_states_the_penalties_of_status(sqlite_url, tmp_path):
    build(sqlite_url, tmp_path)
    day = "2028-01-31"  # every lot's planned end has passed
    _, status = status_json(sqlite_url, day)
    result = followup(
        "report", REFERENCE, "-o", str(tmp_path / "final.docx"), "--final", "--date", day,
        db=sqlite_url,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    document = Document(str(tmp_path / "final.docx"))
    rows = {r["Lot"]: r for r in docx_table(document, "Lot", "Pénalité due")}
    for lot in status["lots"]:
        assert value(rows[lot["lot"]]["Pénalité due"].replace("€", "")) == (lot["penalty_due"] or 0)


# --------------------------------------------------------------------------- secrecy


def test_alone_in_a_category_is_masked_and_no_identifier_anywhere(db_url, tmp_path, client_for):
    build(db_url, tmp_path)
    codes = participant_codes(db_url)
    assert len(codes) == 7 and all(code.startswith("P-014-") for code in codes)
    files = [
        report(db_url, tmp_path / "bilan.docx"),
        report(db_url, tmp_path / "bilan.xlsx"),
        report(db_url, tmp_path / "final.docx", "--final"),
    ]
    for name in ("export.csv", "export.xlsx"):
        result = followup("export", "--year", "2027", "-o", str(tmp_path / name), db=db_url)
        assert result.exit_code == 0, result.output
        files.append(tmp_path / name)

    document = Document(str(files[0]))
    publics = docx_table(document, "Public", "Participants")
    assert publics and {row["Participants"] for row in publics} == {"< 3"}  # each one alone
    assert {row["Part"] for row in publics} == {"—"}
    sheet = load_workbook(files[1])["Publics"]
    assert {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)} == {"< 3"}

    client = client_for(db_url)
    page = client.get(f"/suivi/{REFERENCE}/bilan?date={DAY}")
    assert page.status_code == 200 and "&lt; 3" in page.text
    downloads = [
        client.get(f"/suivi/{REFERENCE}/bilan.{ext}?date={DAY}").content for ext in ("docx", "xlsx")
    ]
    for index, content in enumerate(downloads):
        path = tmp_path / f"web-{index}.zip"
        path.write_bytes(content)
        files.append(path)

    texts = {page.url.path: html.unescape(page.text)}
    for path in files:
        texts[path.name] = (
            path.read_text(encoding="utf-8-sig") if path.suffix == ".csv" else office_text(path)
        )
    for name, content in texts.items():
        for code in [*codes, "P-014"]:
            assert code not in content, f"{code} in {name}"


# --------------------------------------------------------------------------- export


def test_export_csv_one_row_per_lot_and_year(db_url, tmp_path):
    build(db_url, tmp_path)
    _, status = status_json(db_url, "2027-12-31")
    out = tmp_path / "consolidation.csv"
    result = followup("export", "-o", str(out), db=db_url)
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [(r["Année"], r["Lot"]) for r in rows] == [("2027", "1"), ("2027", "2"), ("2027", "3")]
    done = {lot["lot"]: lot["hours_done"] for lot in status["lots"]}
    assert {r["Lot"]: value(r["Heures réalisées"]) for r in rows} == done
    assert all(r["Opération"] == REFERENCE and r["SIRET"] for r in rows)
    assert {r["Participants"] for r in rows} <= {"3", "< 3"}


def test_no_overwrite_without_force(sqlite_url, tmp_path):
    build(sqlite_url, tmp_path)
    for args, out in (
        (["report", REFERENCE, "--date", DAY], tmp_path / "bilan.docx"),
        (["export"], tmp_path / "export.csv"),
    ):
        out.write_bytes(b"a file of the user")
        refused = followup(*args, "-o", str(out), db=sqlite_url)
        assert refused.exit_code == 2
        assert "existe déjà" in flat(refused.stderr) and "--force" in flat(refused.stderr)
        assert out.read_bytes() == b"a file of the user"
        forced = followup(*args, "-o", str(out), "--force", db=sqlite_url)
        assert forced.exit_code == 0, forced.output
        assert out.read_bytes()[:2] in (b"PK", b"\xef\xbb")


def test_wrong_extension_and_unknown_operation(sqlite_url, tmp_path):
    build(sqlite_url, tmp_path)
    pdf = followup("report", REFERENCE, "-o", str(tmp_path / "bilan.pdf"), db=sqlite_url)
    assert pdf.exit_code == 2 and ".docx ou .xlsx" in flat(pdf.stderr)
    unknown = followup("report", "2099-999", "-o", str(tmp_path / "b.docx"), db=sqlite_url)
    assert unknown.exit_code == 2 and "2099-999" in flat(unknown.stderr)
    assert not (tmp_path / "bilan.pdf").exists() and not (tmp_path / "b.docx").exists()


# --------------------------------------------------------------------------- LibreOffice


@pytest.mark.soffice
def test_bilan_converts_to_pdf(sqlite_url, tmp_path):
    from tests.generators.gen_helpers import soffice_to_pdf

    build(sqlite_url, tmp_path)
    bilan = report(sqlite_url, tmp_path / "bilan.docx")
    out = tmp_path / "pdf"
    run = soffice_to_pdf([bilan], out, tmp_path / "lo")
    assert run.returncode == 0, run.stderr
    pdf = out / "bilan.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000


# --------------------------------------------------------------------------- web


@pytest.fixture
def client_for(tmp_path):
    from fastapi.testclient import TestClient

    from apps.web import create_app

    clients = []

    def make(db: str):
        client = TestClient(
            create_app(temp_root=tmp_path / "web", followup_db=db),
            base_url="http://127.0.0.1:8765",
        )
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


def test_web_bilan_page_and_files(sqlite_url, tmp_path, client_for):
    build(sqlite_url, tmp_path)
    client = client_for(sqlite_url)
    page = client.get(f"/suivi/{REFERENCE}?date={DAY}")
    assert f"/suivi/{REFERENCE}/bilan.docx" in page.text
    view = client.get(f"/suivi/{REFERENCE}/bilan?date={DAY}")
    assert view.status_code == 200
    assert view.text.count('src="data:image/png;base64,') == 3
    assert "/static/bilan.css" in view.text
    assert client.get("/static/bilan.css").text.startswith("/*")
    word = client.get(f"/suivi/{REFERENCE}/bilan.docx?date={DAY}&final=1")
    assert word.status_code == 200 and word.content[:2] == b"PK"
    assert "bilan-final-2026-014-2027-06-30.docx" in word.headers["content-disposition"]
    assert client.get(f"/suivi/{REFERENCE}/bilan.pdf").status_code == 404
    assert client.get("/suivi/2099-999/bilan").status_code == 404
    assert client.get("/suivi/2099-999/bilan.docx").status_code == 404


def test_web_bilan_needs_the_token(sqlite_url, tmp_path):
    from fastapi.testclient import TestClient

    from apps.web import create_app

    operation(sqlite_url, tmp_path)
    app = create_app(temp_root=tmp_path / "web", followup_db=sqlite_url, token="secret")
    with TestClient(app, base_url="http://clausier.example") as client:
        for path in (f"/suivi/{REFERENCE}/bilan", f"/suivi/{REFERENCE}/bilan.docx"):
            assert client.get(path).status_code == 401
        assert client.get(f"/suivi/{REFERENCE}/bilan?jeton=secret").status_code == 200


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
def test_word_bilan_button_and_html_view_in_chromium(sqlite_url, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    from tests.web.conftest import LiveServer
    from tests.web.test_browser import CHROMIUM_ARGS

    build(sqlite_url, tmp_path)
    (tmp_path / "tmp").mkdir()
    server = LiveServer(tmp_path / "tmp", "--db", sqlite_url)
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(locale="fr-FR", accept_downloads=True)
            page.set_default_timeout(60_000)
            page.goto(f"{server.url}/suivi/{REFERENCE}?date={DAY}")
            with page.expect_download() as download:
                page.click("button:has-text('Bilan Word (.docx)')")
            saved = tmp_path / download.value.suggested_filename
            download.value.save_as(saved)
            page.click("button:has-text('Voir le bilan')")
            page.wait_for_selector("article.clausier-bilan figure img")
            images = page.locator("article.clausier-bilan figure img")
            assert images.count() == 3
            widths = images.evaluate_all("imgs => imgs.map(i => i.complete && i.naturalWidth)")
            assert all(width and width > 100 for width in widths)
            assert "Heures réalisées" in page.locator("article.clausier-bilan").inner_text()
            browser.close()
    finally:
        server.stop()
    assert saved.name == "bilan-intermediaire-2026-014-2027-06-30.docx"
    assert len(Document(str(saved)).inline_shapes) >= 3
