"""The bilan (phase 03): Word, spreadsheet, HTML, charts and the territory's export, on
real files built from hand-written figures (tools/bilan_sample.py: 3 lots, 3 companies,
24 months, 50 participants, one alone in their public)."""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from gen_helpers import soffice_to_pdf
from openpyxl import load_workbook

from clausier.followup_figures import Count, ExportRow
from generators.bilan import (
    BilanError,
    render_bilan_html,
    write_bilan,
    write_bilan_docx,
    write_bilan_xlsx,
    write_export,
)
from generators.bilan.charts import public_chart
from generators.bilan.docx import render_bilan_docx
from tools.bilan_sample import sample_figures

NN = "\u202f"  # thousands separator
NB = "\u00a0"  # before % and €

LOT_ROWS = [
    [
        "1",
        "Gros œuvre",
        "Bâtir Ensemble SA",
        f"1{NN}400",
        "933,3",
        f"1{NN}012,5",
        f"72,3{NN}%",
        "28",
    ],
    ["2", "Électricité", "Élec Ouest SARL", "600", "400", "438", f"73{NN}%", "14"],
    ["3", "Menuiseries extérieures", "Menuiserie du Val", "450", "300", "180", f"40{NN}%", "10"],
]
TOTAL_ROW = ["Total", "", "", f"2{NN}450", f"1{NN}633,3", f"1{NN}630,5", f"66,6{NN}%", "50"]
KEY_FIGURES = [f"2{NN}450", f"1{NN}630,5", f"66,6{NN}%", "1,01", "56", "50", "3", "1"]


@pytest.fixture(scope="module")
def intermediate():
    return sample_figures(final=False)


@pytest.fixture(scope="module")
def final():
    return sample_figures(final=True)


@pytest.fixture(scope="module")
def bilans(tmp_path_factory, intermediate, final):
    folder = tmp_path_factory.mktemp("bilans")
    return {
        "docx": write_bilan_docx(intermediate, folder / "intermediaire.docx"),
        "final_docx": write_bilan_docx(final, folder / "final.docx"),
        "xlsx": write_bilan_xlsx(intermediate, folder / "intermediaire.xlsx"),
        "final_xlsx": write_bilan(final, folder / "final.xlsx"),
    }


def table_rows(path: Path) -> list[list[str]]:
    """Every row of every table of a .docx, as cell texts."""
    document = Document(str(path))
    return [[cell.text for cell in row.cells] for t in document.tables for row in t.rows]


def all_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell for row in table_rows(path) for cell in row]
    return "\n".join(parts)


def small_counts(figures) -> dict[str, int]:
    """Every category label whose count is 1 or 2."""
    lists = [
        figures.by_modality,
        figures.by_contract,
        figures.by_public,
        figures.by_sex,
        figures.by_age,
        figures.by_qualification,
        figures.by_qpv,
        figures.by_outcome,
    ]
    return {c.label: c.value for counts in lists for c in counts if 0 < c.value < 3}


# ------------------------------------------------------------------------- Word


def test_docx_holds_three_charts_with_captions(bilans):
    document = Document(str(bilans["docx"]))
    assert len(document.inline_shapes) >= 3
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions == [
        "Figure 1 – Heures réalisées cumulées et heures attendues, mois par mois",
        "Figure 2 – Heures prévues et heures réalisées par lot",
        "Figure 3 – Participants par public",
    ]


def test_docx_title_page_and_key_figures(bilans):
    document = Document(str(bilans["docx"]))
    texts = [p.text for p in document.paragraphs]
    assert "Bilan intermédiaire au 30 juin 2027" in texts
    assert "Construction du pôle enfance Jean-Moulin" in texts
    rows = table_rows(bilans["docx"])
    assert ["Acheteur", "Commune de Saint-Exemple"] in rows
    assert ["Période d'exécution", "du 1er mars 2026 au 29 février 2028"] in rows
    box = [cell.split("\n")[0] for row in rows if len(row) == 4 for cell in row]
    assert box[:8] == KEY_FIGURES
    assert "Bilan final" in [p.text for p in Document(str(bilans["final_docx"])).paragraphs]


def test_docx_lot_figures_equal_the_input(bilans, intermediate):
    rows = table_rows(bilans["docx"])
    for expected in LOT_ROWS:
        assert expected in rows
    assert TOTAL_ROW in rows
    # The same from the figures themselves, for every lot.
    for lot in intermediate.status.lots:
        row = next(r for r in rows if r[:2] == [lot.lot, lot.title])
        assert row[5].replace(NN, "").replace(",", ".") == f"{lot.hours_done:g}"
    companies = [r for r in rows if r and r[0] == "ETTI Tremplin Emploi"]
    assert companies == [["ETTI Tremplin Emploi", "38012986500027", "ETTI", "1, 3", "380", "16"]]


def test_docx_small_counts_are_masked(bilans, intermediate):
    small = small_counts(intermediate)
    assert small["Bénéficiaires de l'ASS"] == 1
    rows = table_rows(bilans["docx"])
    checked = 0
    for row in rows:
        if row and row[0] in small:
            checked += 1
            assert row[1:] == ["< 3", "—"], row
    assert checked == len(small)
    text = all_text(bilans["docx"])
    assert "Bénéficiaires de l'ASS" in text


def test_final_bilan_has_missing_hours_and_penalties(bilans):
    final_rows = table_rows(bilans["final_docx"])
    assert ["2", "Élec Ouest SARL", "600", "552", "48", f"45{NB}€", f"2{NN}160{NB}€"] in final_rows
    assert [
        "3",
        "Menuiserie du Val",
        "450",
        "405",
        "45",
        f"45{NB}€",
        f"2{NN}025{NB}€",
    ] in final_rows
    assert ["Total", "", f"2{NN}450", f"2{NN}357", "93", "", f"4{NN}185{NB}€"] in final_rows
    headings = [p.text for p in Document(str(bilans["final_docx"])).paragraphs]
    assert "5. Heures manquantes et pénalités" in headings
    assert "Validation du bilan" in headings

    texts = all_text(bilans["docx"])
    assert "Heures manquantes" not in texts
    assert "Pénalité due" not in texts
    assert "Validation du bilan" in texts


def test_docx_is_reproducible(intermediate):
    assert render_bilan_docx(intermediate) == render_bilan_docx(intermediate)


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice absent")
def test_docx_converts_to_pdf(bilans, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "pdf"
    run = soffice_to_pdf([bilans["docx"], bilans["final_docx"]], out, tmp_path / "lo")
    assert run.returncode == 0, run.stderr
    for name in ("intermediaire.pdf", "final.pdf"):
        reader = PdfReader(str(out / name))
        assert len(reader.pages) >= 3
        first = reader.pages[0].extract_text()
        assert "Bilan" in first and "Commune de Saint-Exemple" in first
    images = sum(len(page.images) for page in PdfReader(str(out / "final.pdf")).pages)
    assert images >= 3


def test_template_with_unknown_variable_is_refused(tmp_path, intermediate):
    template = tmp_path / "bilan.docx"
    document = Document()
    document.add_paragraph("Heures : {{ heures_inconnues }}")
    document.save(str(template))
    with pytest.raises(BilanError, match="heures_inconnues"):
        write_bilan_docx(intermediate, tmp_path / "sortie.docx", template=template)
    assert not (tmp_path / "sortie.docx").exists()


# ------------------------------------------------------------------------- spreadsheet


def sheet_rows(path: Path, name: str) -> list[list]:
    return [list(row) for row in load_workbook(path)[name].iter_rows(values_only=True)]


def test_xlsx_figures_equal_the_input(bilans, intermediate):
    workbook = load_workbook(bilans["xlsx"])
    assert "Pénalités" not in workbook.sheetnames
    for name in workbook.sheetnames:
        assert workbook[name].freeze_panes == "A2"
    lots = sheet_rows(bilans["xlsx"], "Lots")
    assert lots[0][:4] == ["Lot", "Intitulé", "Titulaire", "Heures prévues"]
    for row, lot in zip(lots[1:4], intermediate.status.lots, strict=True):
        assert row[0] == lot.lot
        assert row[3] == lot.hours_committed
        assert row[4] == lot.hours_expected
        assert row[5] == lot.hours_done
        assert row[6] == pytest.approx(lot.percent / 100)
        assert row[7] == lot.participants
    assert lots[4] == ["Total", None, None, 2450, 1633.3, 1630.5, pytest.approx(0.666), 50]
    sheet = workbook["Lots"]
    assert sheet["F3"].number_format == "#,##0"
    assert sheet["F2"].number_format == "#,##0.0"
    assert sheet["G2"].number_format == "0.0%"
    summary = {row[0]: row[1] for row in sheet_rows(bilans["xlsx"], "Synthèse")}
    assert summary["Équivalents temps plein"] == 1.01
    assert summary["Heures réalisées"] == 1630.5
    assert summary["dont SIAE"] == 1
    assert summary["Bilan"] == "Bilan intermédiaire au 30 juin 2027"


def test_xlsx_small_counts_are_masked(bilans, intermediate):
    small = small_counts(intermediate)
    workbook = load_workbook(bilans["xlsx"])
    seen = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            if row[0] in small:
                seen += 1
                assert row[1] == "< 3" and row[2] == "—", (sheet.title, row)
    assert seen == len(small)


def test_final_xlsx_has_penalties_sheet(bilans):
    rows = sheet_rows(bilans["final_xlsx"], "Pénalités")
    assert rows[2] == ["2", "Élec Ouest SARL", 600, 552, 48, 45, 2160]
    assert rows[-1] == ["Total", None, 2450, 2357, 93, None, 4185]


# ------------------------------------------------------------------------- HTML and charts


def test_html_view(intermediate):
    page = render_bilan_html(intermediate)
    assert page.startswith("<!DOCTYPE html>") and 'lang="fr"' in page
    assert page.count('src="data:image/png;base64,') == 3
    assert "Bilan intermédiaire au 30 juin 2027" in page
    assert f'<td class="num">1{NN}012,5</td>' in page
    assert '<td>Bénéficiaires de l&#39;ASS</td><td class="num">&lt; 3</td>' in page
    assert "Pénalité due" not in page
    fragment = render_bilan_html(replace(intermediate, final=True), standalone=False)
    assert fragment.startswith('<article class="clausier-bilan"')
    assert "Pénalité due" in fragment


def test_public_chart_hides_small_counts(intermediate):
    """One or two people in a public draw the same picture: the chart cannot tell them."""

    def with_ass(value: int) -> bytes:
        publics = [
            c if c.label != "Bénéficiaires de l'ASS" else Count(c.label, value)
            for c in intermediate.by_public
        ]
        return public_chart(replace(intermediate, by_public=publics))

    assert with_ass(1) == with_ass(2)
    assert with_ass(1) != with_ass(3)
    assert with_ass(1).startswith(b"\x89PNG")


# ------------------------------------------------------------------------- export


def export_rows() -> list[ExportRow]:
    rows = []
    for year in (2026, 2027):
        for lot, company, siret, committed, done, people in (
            ("1", "Bâtir Ensemble SA", "73282932000074", 700.0, 512.5, 20),
            ("2", "Élec Ouest SARL", "44306184100047", 300.0, 219.0, 2),
            ("3", "Menuiserie du Val", "51234567800019", 225.0, 90.0, 7),
        ):
            rows.append(
                ExportRow(
                    year,
                    "2026-014",
                    "Commune de Saint-Exemple",
                    "travaux",
                    lot,
                    company,
                    siret,
                    committed,
                    done,
                    people,
                    contracts_by_type={"CDD": people, "Contrat de mission": 1}
                    if lot != "3"
                    else {"Apprentissage": 4},
                    outcomes={"Emploi durable": 2, "Sortie positive": 5},
                )
            )
    return rows


def test_export_csv(tmp_path):
    path = write_export(export_rows(), tmp_path / "consolidation.csv", threshold=3)
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Année",
        "Opération",
        "Acheteur",
        "Nature",
        "Lot",
        "Entreprise",
        "SIRET",
        "Heures prévues",
        "Heures réalisées",
        "Participants",
        "Contrats – CDD",
        "Contrats – Contrat de mission",
        "Contrats – Apprentissage",
        "Sorties – Emploi durable",
        "Sorties – Sortie positive",
    ]
    body = rows[1:]
    assert len(body) == 6
    assert {(r[0], r[4]) for r in body} == {(y, lot) for y in ("2026", "2027") for lot in "123"}
    assert body[0] == [
        "2026",
        "2026-014",
        "Commune de Saint-Exemple",
        "travaux",
        "1",
        "Bâtir Ensemble SA",
        "73282932000074",
        "700",
        "512,5",
        "20",
        "20",
        "< 3",
        "0",
        "< 3",
        "5",
    ]
    lot2 = body[1]
    assert lot2[9] == "< 3" and lot2[10] == "< 3"
    for row in body:  # no raw 1 or 2 among the counts of people, contracts, outcomes
        assert not set(row[9:]) & {"1", "2"}, row


def test_export_xlsx(tmp_path):
    path = write_export(export_rows(), tmp_path / "consolidation.xlsx", threshold=3)
    workbook = load_workbook(path)
    sheet = workbook["Consolidation"]
    assert sheet.freeze_panes == "A2"
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert len(rows) == 7
    assert rows[1][:10] == [
        2026,
        "2026-014",
        "Commune de Saint-Exemple",
        "travaux",
        "1",
        "Bâtir Ensemble SA",
        "73282932000074",
        700,
        512.5,
        20,
    ]
    assert rows[2][9] == "< 3"
    for row in rows[1:]:
        assert not {1, 2} & {v for v in row[9:] if isinstance(v, int)}


# ------------------------------------------------------------------------- files


@pytest.mark.parametrize("name", ["bilan.docx", "bilan.xlsx", "export.csv", "export.xlsx"])
def test_refuses_to_overwrite_without_force(tmp_path, intermediate, name):
    path = tmp_path / name
    path.write_bytes(b"ancien")

    def write(force: bool):
        if name.startswith("export"):
            return write_export(export_rows(), path, threshold=3, force=force)
        return write_bilan(intermediate, path, force=force)

    with pytest.raises(BilanError, match="existe déjà.*--force"):
        write(False)
    assert path.read_bytes() == b"ancien"
    assert write(True) == path
    assert path.read_bytes() != b"ancien"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left


def test_unknown_extension_is_refused(tmp_path, intermediate):
    with pytest.raises(BilanError, match=r"\.docx ou \.xlsx"):
        write_bilan(intermediate, tmp_path / "bilan.pdf")
    with pytest.raises(BilanError, match=r"\.csv ou \.xlsx"):
        write_export(export_rows(), tmp_path / "export.ods")
    assert list(tmp_path.iterdir()) == []


def test_default_template_uses_only_known_variables(final):
    """The default template is not checked at each bilan (it costs time): check it here."""
    import jinja2
    from docxtpl import DocxTemplate

    from generators.bilan.docx import DEFAULT_TEMPLATE, text_context

    document = DocxTemplate(str(DEFAULT_TEMPLATE))
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    known = {*text_context(final), "graphiques", "legendes"}
    assert document.get_undeclared_template_variables(env) <= known


def test_committed_template_is_the_built_one(tmp_path):
    from generators.bilan.docx import DEFAULT_TEMPLATE
    from tools.build_bilan_template import build

    built = build(tmp_path / "bilan.docx")
    assert built.read_bytes() == DEFAULT_TEMPLATE.read_bytes(), (
        "clause_templates/bilan.docx differs from its build: run python -m tools.build_bilan_template"
    )
