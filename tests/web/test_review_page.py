"""The review page on the server alone: upload, progress, report, downloads, failures."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from docx import Document
from fastapi.testclient import TestClient

from .conftest import BASE_URL, ccap_doc, docx_bytes, files_under, text_of, wait_for_job, zip_bytes

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def upload(c, files, **fields):
    data = {"date_relecture": "2026-11-25", **fields}
    response = c.post("/relire", data=data, files=files, follow_redirects=False)
    assert response.status_code == 303, text_of(response)
    return response.headers["location"]


def test_review_of_several_pieces_shows_the_findings_and_offers_downloads(make_app, tmp_path):
    app = make_app()
    with TestClient(app, base_url=BASE_URL) as c:
        location = upload(
            c, [("pieces", ("CCAP.docx", docx_bytes(ccap_doc(), tmp_path)))], nom="Pôle enfance"
        )
        assert location.startswith("/rapport/")
        job = wait_for_job(app, location)
        assert job.status == "terminee", job.error
        page = c.get(location)
        assert page.status_code == 200
        text = text_of(page)
        assert "Relecture de la consultation « Pôle enfance »" in text
        assert "CS201" in text and "Code des marchés publics" in text
        assert "2112-2 du Code de la commande publique" in text  # the suggestion
        assert 'href="/static/rapport.css"' in page.text
        for link in ("annotees.zip", "corrigees.zip", "rapport.json"):
            assert f'href="{location}/{link}"' in page.text

        report = c.get(f"{location}/rapport.json")
        assert report.status_code == 200
        assert "attachment" in report.headers["content-disposition"]
        data = json.loads(report.content)
        assert data["consultation"] == "Pôle enfance" and data["reviewed_at"] == "2026-11-25"
        assert any(f["code"] == "CS201" for f in data["findings"])

        annotated = c.get(f"{location}/annotees.zip")
        assert (
            annotated.status_code == 200 and annotated.headers["content-type"] == "application/zip"
        )
        with zipfile.ZipFile(io.BytesIO(annotated.content)) as zf:
            names = zf.namelist()
            assert names == ["CCAP_annote.docx"]
            document = Document(io.BytesIO(zf.read(names[0])))
        comments = list(document.comments)
        assert comments, "the annotated copy has Word comments"
        assert any("Code des marchés publics" in c.text or "L2112-2" in c.text for c in comments)

        corrected = c.get(f"{location}/corrigees.zip")
        with zipfile.ZipFile(io.BytesIO(corrected.content)) as zf:
            xml = zf.read(zf.namelist()[0])
        body = zipfile.ZipFile(io.BytesIO(xml)).read("word/document.xml").decode()
        assert "<w:ins " in body and "<w:del " in body  # tracked changes

        standalone = c.get(f"{location}/rapport.html")
        assert standalone.status_code == 200 and "<style>" in standalone.text


def test_a_zip_upload_is_reviewed_as_one_consultation(make_app, tmp_path):
    app = make_app()
    archive = zip_bytes({"DCE/CCAP.docx": docx_bytes(ccap_doc(), tmp_path)})
    with TestClient(app, base_url=BASE_URL) as c:
        location = upload(c, [("pieces", ("DCE 2026-014.zip", archive))])
        job = wait_for_job(app, location)
        text = text_of(c.get(location))
        annotated = c.get(f"{location}/annotees.zip")
    assert job.source.name == "DCE 2026-014.zip"
    with zipfile.ZipFile(io.BytesIO(annotated.content)) as zf:
        assert zf.namelist() == ["DCE/CCAP_annote.docx"]
    assert "Relecture de la consultation « DCE 2026-014 »" in text
    assert "CS201" in text


def test_zip_bomb_is_refused_with_a_french_finding(make_app, tmp_path):
    app = make_app()
    bomb = zip_bytes(
        {"CCAP.docx": docx_bytes(ccap_doc(), tmp_path), "plans.pdf": b"\0" * (40 * 1024 * 1024)}
    )
    assert len(bomb) < 200_000
    with TestClient(app, base_url=BASE_URL) as c:
        location = upload(c, [("pieces", ("DCE.zip", bomb))])
        job = wait_for_job(app, location)
        page = c.get(location)
    assert page.status_code == 200
    text = text_of(page)
    assert "CS901" in text and "bombe zip" in text
    assert "CS201" in text  # the rest of the work went on
    # Nothing was expanded to disk.
    assert sum(p.stat().st_size for p in job.folder.rglob("*") if p.is_file()) < 1_000_000


def test_a_piece_that_cannot_be_read_shows_its_cs901(make_app, tmp_path):
    app = make_app()
    with TestClient(app, base_url=BASE_URL) as c:
        location = upload(
            c,
            [
                ("pieces", ("CCAP.docx", docx_bytes(ccap_doc(), tmp_path))),
                ("pieces", ("AE.docx", b"PK\x03\x04 ceci n'est pas un document Word")),
            ],
        )
        wait_for_job(app, location)
        page = c.get(location)
    assert page.status_code == 200
    text = text_of(page)
    assert "CS901" in text and "AE.docx" in text


def plugin(tmp_path, name: str, code: str) -> str:
    """A module the review processes import (they do not share the test's memory)."""
    path = tmp_path / f"{name}.py"
    path.write_text(code, encoding="utf-8")
    return str(path)


def test_progress_page_refreshes_until_done(make_app, tmp_path):
    """A slow reader (registered the documented way) keeps the job running."""
    release = tmp_path / "release"
    slow = plugin(
        tmp_path,
        "slow_reader",
        "import time\nfrom pathlib import Path\nfrom review.readers import READERS\n"
        "original = READERS['docx']\n"
        "def slow(source):\n"
        f"    while not Path({str(release)!r}).exists():\n"
        "        time.sleep(0.05)\n"
        "    return original(source)\n"
        "READERS['docx'] = slow\n",
    )
    app = make_app(plugins=(slow,))
    try:
        with TestClient(app, base_url=BASE_URL) as c:
            location = upload(c, [("pieces", ("CCAP.docx", docx_bytes(ccap_doc(), tmp_path)))])
            waiting = c.get(location)
            assert waiting.status_code == 200
            assert '<meta http-equiv="refresh" content="1">' in waiting.text
            assert "Relecture en cours…" in text_of(waiting)
            assert c.get(f"{location}/annotees.zip").status_code == 404  # not ready yet
            release.touch()
            wait_for_job(app, location)
            done = c.get(location)
            assert 'http-equiv="refresh"' not in done.text and "CS201" in text_of(done)
    finally:
        release.touch()


def test_an_unexpected_engine_error_is_a_french_page_and_logged(make_app, tmp_path, caplog):
    # read_source turns reader failures into CS901: break the rendering instead.
    broken = plugin(
        tmp_path,
        "broken_renderer",
        "import generators.reports as reports\n"
        "def broken(*args, **kwargs):\n"
        "    raise RuntimeError('boom')\n"
        "reports.render_html = broken\n",
    )
    app = make_app(plugins=(broken,))
    with TestClient(app, base_url=BASE_URL) as c:
        location = upload(c, [("pieces", ("CCAP.docx", docx_bytes(ccap_doc(), tmp_path)))])
        job = wait_for_job(app, location)
        page = c.get(location)
    assert job.status == "echec"
    assert page.status_code == 200
    text = text_of(page)
    assert "La relecture n'a pas abouti" in text and "erreur inattendue" in text
    assert "boom" not in text and "Traceback" not in text
    assert any("erreur inattendue" in r.getMessage() for r in caplog.records)


def test_erase_now_and_expiry_remove_the_private_folder(make_app, tmp_path):
    app = make_app()
    store = app.state.store
    with TestClient(app, base_url=BASE_URL) as c:
        first = upload(c, [("pieces", ("CCAP.docx", docx_bytes(ccap_doc(), tmp_path)))])
        second = upload(c, [("pieces", ("CCAP.docx", docx_bytes(ccap_doc(), tmp_path)))])
        job1, job2 = wait_for_job(app, first), wait_for_job(app, second)
        assert (tmp_path / "web").stat().st_mode & 0o777 == 0o700
        assert job1.folder.stat().st_mode & 0o777 == 0o700

        erased = c.post(f"{first}/effacer")
        assert erased.status_code == 200 and "ont été effacés" in text_of(erased)
        assert not job1.folder.exists()
        assert c.get(first).status_code == 404

        assert store.cleanup(now=job2.created + store.ttl + 1) == 1
        assert not job2.folder.exists()
        assert c.get(second).status_code == 404
    assert not (tmp_path / "web").exists()  # removed when the server stops


@pytest.mark.skipif(not (SAMPLES / "travaux-avec-erreurs").is_dir(), reason="samples not built")
def test_sample_with_mistakes_gives_its_expected_codes(make_app):
    expected = json.loads(
        (SAMPLES / "travaux-avec-erreurs.expected.json").read_text(encoding="utf-8")
    )
    files = [
        ("pieces", (p.name, p.read_bytes()))
        for p in sorted((SAMPLES / "travaux-avec-erreurs").iterdir())
    ]
    app = make_app()
    with TestClient(app, base_url=BASE_URL) as c:
        location = upload(c, files, date_relecture=expected["review_date"])
        wait_for_job(app, location)
        data = c.get(f"{location}/rapport.json").json()
    found = sorted((f["code"], f["piece"]) for f in data["findings"])
    wanted = sorted((f["code"], f["piece"]) for f in expected["findings"])
    assert found == wanted
    assert files_under(SAMPLES / "travaux-avec-erreurs") == {
        "AAPC.pdf",
        "AE.odt",
        "CCAP.docx",
        "RC.pdf",
    }


def test_an_uploaded_profile_is_used_for_that_review_only(make_app, tmp_path):
    profile = '[profil]\nnom = "Territoire du test"\n\n[facilitateur]\nnom = "Alex Durand"\n'
    app = make_app()
    with TestClient(app, base_url=BASE_URL) as c:
        location = upload(
            c,
            [
                ("pieces", ("CCAP.docx", docx_bytes(ccap_doc(), tmp_path))),
                ("fichier_profil", ("mon-territoire.toml", profile.encode())),
            ],
            profil="fichier",
        )
        job = wait_for_job(app, location)
        text = text_of(c.get(location))
        assert "Profil utilisé : Territoire du test — fichier « mon-territoire.toml »" in text
        assert "Alex Durand" in text  # CS304 suggests this profile's facilitator
        assert job.profile.name == "Territoire du test"
        assert app.state.profile.name != "Territoire du test"  # the server's is unchanged


def test_annotated_and_corrected_zips_have_distinct_names(make_app, tmp_path):
    """Issue 12, item 19: both archives held « CCAP_annote.docx »: unpacking them in one
    folder overwrote the annotated copy with the corrected one."""
    app = make_app()
    with TestClient(app, base_url=BASE_URL) as c:
        location = upload(c, [("pieces", ("CCAP.docx", docx_bytes(ccap_doc(), tmp_path)))])
        assert wait_for_job(app, location).status == "terminee"
        names = {}
        for kind in ("annotees", "corrigees"):
            with zipfile.ZipFile(io.BytesIO(c.get(f"{location}/{kind}.zip").content)) as zf:
                names[kind] = zf.namelist()
    assert names == {"annotees": ["CCAP_annote.docx"], "corrigees": ["CCAP_corrige.docx"]}


def test_the_report_offers_the_facilitator_letter(make_app, tmp_path):
    """The « Avis du facilitateur » button: a Word letter with the errors, piece by piece."""
    app = make_app()
    with TestClient(app, base_url=BASE_URL) as c:
        location = upload(
            c, [("pieces", ("CCAP.docx", docx_bytes(ccap_doc(), tmp_path)))], nom="DCE 2026/014"
        )
        assert wait_for_job(app, location).status == "terminee"
        page = c.get(location)
        assert f'href="{location}/avis.docx"' in page.text
        assert "Avis du facilitateur" in text_of(page)
        letter = c.get(f"{location}/avis.docx")
    assert letter.status_code == 200 and "attachment" in letter.headers["content-disposition"]
    assert "avis%20du%20facilitateur.docx" in letter.headers["content-disposition"]
    body = "\n".join(p.text for p in Document(io.BytesIO(letter.content)).paragraphs)
    assert "À corriger avant la publication" in body and "CCAP.docx — CCAP" in body
    assert "L2112-2 du Code de la commande publique" in body


def test_a_slash_in_the_name_and_an_answer_as_soon_as_ready(make_app, tmp_path):
    """Issue 12, item 18: « DCE 2026/014 mairie » was cut to « 014 mairie » in the title and
    the download names; a fixed 2 s refresh made a quick review wait 2 s."""
    app = make_app()
    with TestClient(app, base_url=BASE_URL) as c:
        location = upload(
            c,
            [("pieces", ("CCAP.docx", docx_bytes(ccap_doc(), tmp_path)))],
            nom="DCE 2026/014 mairie",
        )
        page = c.get(location)  # held until the report is ready: no waiting page
        assert "Relecture de la consultation « DCE 2026/014 mairie »" in text_of(page)
        assert 'http-equiv="refresh"' not in page.text
        disposition = c.get(f"{location}/rapport.json").headers["content-disposition"]
    assert "DCE%202026_014%20mairie.json" in disposition
