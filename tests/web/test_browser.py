"""The page in a real headless Chromium (Debian's package), driven by Playwright, on a
`clausier serve` started on 127.0.0.1. Screenshots go to tests/artifacts/.

Set CLAUSIER_UPDATE_SCREENSHOTS=1 to also copy the report screenshot to
docs/images/rapport.png (the README's picture).
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
SAMPLE = ROOT / "samples" / "travaux-avec-erreurs"
# The network is closed here: without these flags Chromium waits on Google services.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="fr-FR", accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(120_000)
    yield page
    context.close()


@pytest.fixture
def page_without_script(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="fr-FR",
        accept_downloads=True,
        java_script_enabled=False,
    )
    page = context.new_page()
    page.set_default_timeout(120_000)
    yield page
    context.close()


def update_readme_picture(source: Path, target: Path, height: int = 1500) -> None:
    """The top of the report (header, pieces, lots, first findings), kept small."""
    from PIL import Image

    with Image.open(source) as image:
        top = image.crop((0, 0, image.width, min(height, image.height))).convert("RGB")
        top = top.quantize(colors=128)
        top.save(target, optimize=True)


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.mark.skipif(not SAMPLE.is_dir(), reason="samples not built")
def test_review_a_sample_without_javascript(live_server, page_without_script, tmp_path):
    page = page_without_script
    page.goto(live_server.url + "/")
    assert page.title() == "Relire un dossier — Clausier"
    shot(page, "accueil.png")

    page.set_input_files("#pieces", sorted(str(p) for p in SAMPLE.iterdir()))
    page.fill("#nom", "Travaux avec erreurs (exemple)")
    page.fill("#date_relecture", "2026-11-25")
    page.click("button:has-text('Lancer la relecture')")
    # « Relecture en cours… » refreshes itself (meta refresh) until the report is there.
    page.wait_for_selector("h1:has-text('Relecture de la consultation')")
    assert page.locator("h1").first.inner_text() == (
        "Relecture de la consultation « Travaux avec erreurs (exemple) »"
    )
    findings = page.locator("li.finding")
    assert findings.count() >= 5
    all_text = page.locator("main").inner_text()
    assert "CS201" in all_text and "Code des marchés publics" in all_text
    path = shot(page, "rapport.png")
    if os.environ.get("CLAUSIER_UPDATE_SCREENSHOTS") == "1":
        update_readme_picture(path, ROOT / "docs" / "images" / "rapport.png")

    with page.expect_download() as download_info:
        page.click("text=Copies annotées (.zip)")
    download = download_info.value
    assert download.suggested_filename.endswith(".zip")
    archive = tmp_path / "annotees.zip"
    download.save_as(str(archive))
    from docx import Document

    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert "CCAP_annote.docx" in names
        document = Document(io.BytesIO(zf.read("CCAP_annote.docx")))
    comments = list(document.comments)
    assert comments and any("Code des marchés publics" in c.text for c in comments)

    with page.expect_download() as download_info:
        page.click("text=Rapport JSON")
    assert download_info.value.suggested_filename.endswith(".json")

    page.click("button:has-text('Effacer maintenant')")
    page.wait_for_selector("text=ont été effacés")


def test_hours_form_and_documents(live_server, page, tmp_path):
    page.goto(live_server.url + "/heures")
    page.fill("#numero-0", "1")
    page.fill("#intitule-0", "Gros œuvre – maçonnerie")
    page.fill("#montant-0", "820 000")
    page.select_option("#metier-0", "gros_oeuvre")
    page.fill("#numero-1", "2")
    page.fill("#intitule-1", "Peinture")
    page.fill("#montant-1", "120 000")
    page.select_option("#metier-1", "peinture")
    page.click("button:has-text('Ajouter une ligne')")
    page.wait_for_selector("#numero-2")
    page.fill("#numero-2", "3")
    page.fill("#intitule-2", "Nettoyage de fin de chantier")
    page.fill("#montant-2", "15 000")
    page.select_option("#metier-2", "nettoyage")
    page.press("#montant-2", "Enter")  # Enter computes (never removes a row)
    page.wait_for_selector("#resultat")
    assert page.locator("input[name=numero]").count() == 3
    table = page.locator("section.result table").inner_text()
    assert "615" in table and "140" in table and "755" in table
    assert "minimum" in table.lower() or "70" in table  # lot 3 is below the minimum
    shot(page, "heures.png")

    with page.expect_download() as download_info:
        page.click("button:has-text('Télécharger le tableau (CSV)')")
    csv_path = tmp_path / "heures.csv"
    download_info.value.save_as(str(csv_path))
    assert "Gros œuvre – maçonnerie" in csv_path.read_text(encoding="utf-8-sig")

    page.fill("#acheteur", "Communauté de communes des Rives & Vallées")
    page.fill("#objet", "Construction d'un pôle enfance")
    page.fill("#reference", "2026-014")
    page.fill("#date_lancement", "2026-12-01")
    with page.expect_download() as download_info:
        page.click("button:has-text('Générer les documents Word (.zip)')")
    archive = tmp_path / "documents.zip"
    download_info.value.save_as(str(archive))
    from docx import Document

    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert len(names) >= 4 and all(n.endswith(".docx") for n in names)
        ccap = next(n for n in names if "CCAP" in n.upper())
        document = Document(io.BytesIO(zf.read(ccap)))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Rives & Vallées" in text and "615" in text


def test_profile_page_and_keyboard(live_server, page):
    page.goto(live_server.url + "/profil")
    assert "Profil du territoire" in page.locator("h1").inner_text()
    assert page.locator("table.data tbody tr").count() == 20
    shot(page, "profil.png")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Aller au contenu"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # visible focus
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Relire un dossier"
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/")


@pytest.mark.skipif(not SAMPLE.is_dir(), reason="samples not built")
def test_a_400_px_screen_keeps_the_page_within_its_width(live_server, browser):
    """Issue 12, item 18: at 400 px the pieces table overflowed the page and the hours
    form lost its labels; a « / » in the consultation's name cut it to its last segment."""
    context = browser.new_context(viewport={"width": 400, "height": 800}, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(120_000)
    try:
        page.goto(live_server.url + "/")
        page.set_input_files("#pieces", sorted(str(p) for p in SAMPLE.iterdir()))
        page.fill("#nom", "DCE 2026/014 mairie")
        page.fill("#date_relecture", "2026-11-25")
        page.click("button:has-text('Lancer la relecture')")
        page.wait_for_selector("h1:has-text('Relecture de la consultation')")
        assert "« DCE 2026/014 mairie »" in page.locator("h1").first.inner_text()
        width = "document.documentElement.scrollWidth"
        assert page.evaluate(width) <= 400
        shot(page, "rapport-400px.png")

        page.goto(live_server.url + "/heures")
        assert page.evaluate(width) <= 400
        label = page.locator("label[for='montant-0']")
        assert label.is_visible() and label.bounding_box()["width"] > 20
        shot(page, "heures-400px.png")
    finally:
        context.close()
