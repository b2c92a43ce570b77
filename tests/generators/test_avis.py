"""The facilitator's opinion letter (`generators/avis.py`, `review --avis`)."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from gen_helpers import soffice_to_pdf

from clausier.profile import load_profile
from generators.avis import render_avis

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TERRITORY = (
    '[facilitateur]\nstructure = "PLIE du Val d\'Exemple"\nnom = "Dominique Bernard"\n'
    'telephone = "05 99 00 45 67"\ncourriel = "clauses@plie.example.org"\n'
)


@pytest.fixture(scope="module")
def report():
    from review.engine import review

    return review(SAMPLES / "travaux-avec-erreurs", review_date=date(2026, 11, 25))


def letter(report, profile) -> Document:
    return Document(io.BytesIO(render_avis(report, profile)))


def texts(document: Document) -> tuple[str, list[list[str]]]:
    body = "\n".join(p.text for p in document.paragraphs)
    tables = [[" | ".join(c.text for c in row.cells) for row in t.rows] for t in document.tables]
    return body, [row for table in tables for row in table]


def test_every_error_is_under_its_piece_with_the_wording_to_use(report, tmp_path):
    path = tmp_path / "territoire.toml"
    path.write_text(TERRITORY, encoding="utf-8")
    body, _ = texts(letter(report, load_profile(path)))
    to_correct = body.split("2 – À corriger avant la publication")[1].split("3 – Points")[0]
    errors = [f for f in report.findings if f.severity.value == "error"]
    assert errors
    for finding in errors:
        section = to_correct.split(f"{finding.piece} —")[1] if finding.piece else to_correct
        assert finding.message.rstrip(".")[:60] in section, finding.code
        assert finding.suggestion in section, finding.code
    to_check = body.split("3 – Points à vérifier")[1].split("4 – Heures")[0]
    for finding in report.findings:
        if finding.severity.value != "error":
            assert finding.message.rstrip(".")[:60] in to_check, finding.code
    # The signature block is the profile's facilitator.
    signature = body.split("Le facilitateur de la clause sociale d'insertion")[-1]
    assert "PLIE du Val d'Exemple" in signature and "clauses@plie.example.org" in signature
    assert "Consultation « travaux-avec-erreurs »" in body and "25 novembre 2026" in body


def test_the_hours_table_holds_every_lot(report):
    _, rows = texts(letter(report, load_profile()))
    header = next(r for r in rows if r.startswith("Lot | Intitulé"))
    assert "Heures dans les pièces" in header and "Heures calculées" in header
    for lot in report.lots:
        row = next(r for r in rows if r.startswith(f"{lot.number} | {lot.title}"))
        row = row.replace("\u202f", "")  # « 1 200 » has a narrow no-break space
        assert row.endswith(f"{lot.computed_hours} h")
        for kind, hours in lot.hours.items():
            assert f"{kind} : {hours} h" in row


def test_without_a_facilitator_the_signature_is_to_be_completed(report):
    document = letter(report, load_profile())
    runs = [r for p in document.paragraphs for r in p.runs]
    marked = [r.text for r in runs if r.font.highlight_color and "à compléter" in r.text]
    assert marked and "facilitateur" in marked[0]
    assert "example.org" not in "".join(r.text for r in runs)


@pytest.mark.soffice
@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_the_letter_converts_to_pdf(report, tmp_path):
    path = tmp_path / "avis.docx"
    path.write_bytes(render_avis(report, load_profile()))
    run = soffice_to_pdf([path], tmp_path / "pdf", tmp_path / "lo")
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "pdf" / "avis.pdf").stat().st_size > 5000
