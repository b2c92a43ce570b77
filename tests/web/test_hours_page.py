"""« Calculer les heures »: rows added and removed without JavaScript, the table, the CSV,
the Word documents."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document

from clausier.french import parse_amount

from .conftest import text_of

LOTS = {
    "numero": ["1", "2"],
    "intitule": ["Gros œuvre – maçonnerie", "Peinture"],
    "montant": ["820 000", "120000,00 €"],
    "metier": ["gros_oeuvre", "peinture"],
}
CONSULTATION = {
    "acheteur": "Communauté de communes Rives & <Vallées>",
    "objet": "Construction d'un pôle enfance",
    "reference": "2026-014",
    "nature": "travaux",
    "procedure": "procédure adaptée",
    "ccag": "travaux",
    "date_lancement": "2026-12-01",
}


def test_form_lists_the_profile_trades(client):
    page = client.get("/heures")
    assert page.status_code == 200
    assert page.text.count('name="numero"') == 2
    assert '<option value="gros_oeuvre">' in page.text
    assert "<label" in page.text and 'for="montant-0"' in page.text


def test_add_and_remove_rows_keep_what_was_typed(client):
    added = client.post("/heures", data={**LOTS, "action": "ajouter"})
    assert added.text.count('name="numero"') == 3
    assert 'value="820 000"' in added.text
    removed = client.post("/heures", data={**LOTS, "action": "supprimer:0"})
    assert removed.text.count('name="numero"') == 1
    assert 'value="Peinture"' in removed.text and "820 000" not in removed.text


def test_hours_table(client):
    page = client.post("/heures", data={**LOTS, "action": "calculer"})
    assert page.status_code == 200
    text = text_of(page)
    # 820 000 × 0.45 × 5 % / 30 = 615 h; 120 000 × 0.70 × 5 % / 30 = 140 h
    assert "<strong>615</strong>" in text and "<strong>140</strong>" in text
    assert "<strong>755</strong>" in text


def test_bad_amount_is_pointed_at(client):
    page = client.post(
        "/heures", data={**LOTS, "montant": ["820 000", "beaucoup"], "action": "calculer"}
    )
    assert page.status_code == 400
    text = text_of(page)
    assert "Ligne 2" in text and "« beaucoup » n'est pas un nombre" in text
    assert 'aria-invalid="true"' in page.text


def test_no_lot(client):
    page = client.post(
        "/heures", data={"numero": "", "montant": "", "metier": "", "action": "calculer"}
    )
    assert page.status_code == 400
    assert "Ajoutez au moins un lot" in text_of(page)


def test_csv_download(client):
    response = client.post("/heures", data={**LOTS, "action": "csv"})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffLot;Intitulé;")
    assert "1;Gros œuvre – maçonnerie;820000;gros_oeuvre;0,45;" in text
    assert text.rstrip().endswith("Total;;;;;;;;755;;")


def test_documents_zip_opens_in_word(client):
    response = client.post("/heures", data={**LOTS, **CONSULTATION, "action": "documents"})
    assert response.status_code == 200, text_of(response)[:2000]
    assert response.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as zf:
        names = zf.namelist()
        assert len(names) >= 4
        assert all(name.endswith(".docx") for name in names)
        texts = []
        for name in names:
            document = Document(io.BytesIO(zf.read(name)))
            texts.append("\n".join(p.text for p in document.paragraphs))
            for table in document.tables:
                texts.extend(cell.text for row in table.rows for cell in row.cells)
    everything = "\n".join(texts)
    assert "Rives & <Vallées>" in everything
    assert "615" in everything and "140" in everything
    assert "{{" not in everything


def test_documents_need_buyer_object_reference(client):
    response = client.post("/heures", data={**LOTS, "action": "documents"})
    assert response.status_code == 400
    text = text_of(response)
    assert "Indiquez l'acheteur" in text and "Indiquez la référence" in text


def test_documents_leave_nothing_on_disk(make_app, tmp_path):
    from fastapi.testclient import TestClient

    from .conftest import BASE_URL, files_under

    app = make_app()
    with TestClient(app, base_url=BASE_URL) as c:
        assert (
            c.post("/heures", data={**LOTS, **CONSULTATION, "action": "documents"}).status_code
            == 200
        )
        assert files_under(tmp_path / "web") == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("820 000", 820000.0),
        ("820\u202f000,50 € HT", 820000.5),
        ("1.200.000", 1200000.0),
        ("820000.5", 820000.5),
        ("1 200 000 EUR", 1200000.0),
    ],
)
def test_parse_amount(text, value):
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["", "abc", "-5", "1,2,3", "12e5"])
def test_parse_amount_refuses(text):
    with pytest.raises(ValueError):
        parse_amount(text)


def test_documents_wording_and_xlsx_download(client):
    """Issue 12, item 18: the page promised « quatre documents » for a zip of seven (one
    engagement per lot); the table is offered as .xlsx too."""
    page = client.get("/heures").text
    assert "quatre documents" not in page and "pour chaque lot qui porte une clause" in page
    response = client.post("/heures", data={**LOTS, "action": "xlsx"})
    assert (
        response.status_code == 200
        and "heures-insertion.xlsx" in response.headers["content-disposition"]
    )
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert any(row[0] == "Total" for row in sheet.iter_rows(values_only=True))
