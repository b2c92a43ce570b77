"""The PDF reader on real PDFs written by fpdf2 (tools.simple_documents) and pypdf."""

from __future__ import annotations

from pathlib import Path

import pytest
from reading_helpers import codes, encrypted_pdf, scanned_pdf, zero_page_pdf

from review.readers import read_source
from review.readers.pdf import clean_line
from review.sources import SourceFile
from tools.simple_documents import Doc, H, P, PageBreak, T, write_pdf


def read(path: Path):
    return read_source(SourceFile(path.name, "pdf", path.stat().st_size, origin=path))


def _long_doc() -> Doc:
    doc = Doc(header="CCAP – Construction du pôle enfance", footer="Commune exemple")
    titles = ["Objet", "Durée", "Prix", "Pénalités"]
    for n, title in enumerate(titles, start=2):
        doc.add(H(f"ARTICLE {n} – {title}"), P(f"Texte de l'article {n}."), PageBreak())
    return doc


def test_lines_with_pages_and_running_headers_set_apart(tmp_path):
    piece = read(write_pdf(tmp_path / "ccap.pdf", _long_doc()))
    assert piece.pages == 5  # the last page break opens an empty page
    body = [(b.text, b.place.page) for b in piece.blocks]
    assert ("ARTICLE 3 – Durée", 2) in body
    assert ("Texte de l'article 3.", 2) in body
    assert all("Construction du pôle enfance" not in text for text, _ in body)
    assert all("Commune exemple" not in text for text, _ in body)
    headers = [b for b in piece.furniture if b.area == "header"]
    footers = [b for b in piece.furniture if b.area == "footer"]
    assert {b.text for b in headers} == {"CCAP – Construction du pôle enfance"}
    assert {b.text for b in footers} == {f"Commune exemple - Page {n}" for n in range(1, 6)}
    assert piece.findings == []


def test_tables_become_cells_in_place(tmp_path):
    doc = Doc().add(
        H("ARTICLE 1 – Heures d'insertion par lot"),
        P("Le tableau suivant fixe les heures."),
        T([["Lot", "Intitulé", "Heures"], ["1", "Gros œuvre", "280"], ["2", "Électricité", "120"]]),
        P("Texte après le tableau."),
    )
    piece = read(write_pdf(tmp_path / "t.pdf", doc))
    texts = [b.text for b in piece.blocks]
    assert texts.index("Le tableau suivant fixe les heures.") < texts.index("Gros œuvre")
    assert texts.index("Gros œuvre") < texts.index("Texte après le tableau.")
    assert piece.tables() == {
        0: [["Lot", "Intitulé", "Heures"], ["1", "Gros œuvre", "280"], ["2", "Électricité", "120"]]
    }
    cell = next(b for b in piece.blocks if b.text == "120")
    assert (cell.place.page, cell.place.table, cell.place.row, cell.place.cell) == (1, 0, 2, 2)
    # The cells are not also read as lines.
    assert not any("Gros œuvre 280" in t for t in texts)


def test_whitespace_runs_are_collapsed_but_non_breaking_spaces_kept():
    assert clean_line("  Lot   1 :\t280\u00a0heures  ") == "Lot 1 : 280\u00a0heures"
    assert clean_line("inser\x02") == "inser-"


def test_scanned_page_is_reported(tmp_path):
    path = scanned_pdf(tmp_path / "scan.pdf", ["Règlement de la consultation", "Article 2"])
    piece = read(path)
    assert piece.readable
    [warning] = [f for f in piece.findings if f.code == "CS902"]
    assert "page 3" in warning.message and "scan.pdf" in warning.message
    assert warning.location.page == 3


def test_fully_scanned_pdf(tmp_path):
    piece = read(scanned_pdf(tmp_path / "scan.pdf"))
    assert codes(piece.findings) == ["CS902"]
    assert "n'a pas pu être relu" in piece.findings[0].message


def test_encrypted_pdf_is_cs901_with_password_advice(tmp_path):
    source = write_pdf(tmp_path / "clair.pdf", Doc().add(P("Règlement de la consultation")))
    piece = read(encrypted_pdf(source, tmp_path / "RC.pdf"))
    assert codes(piece.findings) == ["CS901"]
    assert "mot de passe" in piece.findings[0].message and "RC.pdf" in piece.findings[0].message
    assert piece.blocks == []


def test_zero_page_pdf(tmp_path):
    piece = read(zero_page_pdf(tmp_path / "vide.pdf"))
    assert codes(piece.findings) == ["CS901"]
    assert "sans aucune page" in piece.findings[0].message


def _grid_pdf(path: Path, one_shape: bool) -> Path:
    """A table whose borders are separate lines (as LibreOffice exports them) or one
    single shape of many lines (read through pdfplumber)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.text(20, 20, "ARTICLE 1 - Heures par lot")
    xs, ys = [20, 60, 120], [30, 40, 50, 60]
    if one_shape:
        with pdf.new_path() as shape:
            for y in ys:
                shape.move_to(xs[0], y)
                shape.line_to(xs[-1], y)
            for x in xs:
                shape.move_to(x, ys[0])
                shape.line_to(x, ys[-1])
    else:
        for y in ys:
            pdf.line(xs[0], y, xs[-1], y)
        for x in xs:
            pdf.line(x, ys[0], x, ys[-1])
    for r, row in enumerate([["Lot", "Heures"], ["1", "280"], ["2", "120"]]):
        for c, text in enumerate(row):
            pdf.text(xs[c] + 2, ys[r] + 7, text)
    pdf.text(20, 80, "Texte après le tableau.")
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("one_shape", [False, True], ids=["traits", "forme-unique"])
def test_tables_drawn_with_lines(tmp_path, one_shape):
    piece = read(_grid_pdf(tmp_path / "grille.pdf", one_shape))
    assert piece.tables() == {0: [["Lot", "Heures"], ["1", "280"], ["2", "120"]]}
    assert [b.text for b in piece.blocks if not b.in_table] == [
        "ARTICLE 1 - Heures par lot",
        "Texte après le tableau.",
    ]


def _footnoted_page(last_line: str) -> Doc:
    return Doc(
        [
            H("ARTICLE 5 – Clause sociale d'insertion"),
            P("Le titulaire est accompagné par le GIP Emploi de la vallée (M. Paul Lemoine2)."),
            P("Il transmet chaque mois un état des heures réalisées."),
            H("ARTICLE 6 – Pénalités"),
            P("Les pénalités de retard sont de 1/3 000 du montant par jour."),
            P(last_line),
        ]
    )


def test_footnote_at_the_foot_of_the_page_is_read_where_its_mark_is(tmp_path):
    """blind13: a LibreOffice PDF's footnote « 2 Courriel : … » sat after the page's last
    article, away from the facilitator whose name carries the mark (CS304)."""
    piece = read(
        write_pdf(tmp_path / "ccap.pdf", _footnoted_page("2 Courriel : p.lemoine@exemple.fr."))
    )
    texts = [b.text for b in piece.blocks]
    mark = next(i for i, t in enumerate(texts) if "Lemoine2" in t)
    assert texts[mark + 1] == "2 Courriel : p.lemoine@exemple.fr."
    assert texts[-1].startswith("Les pénalités de retard")


def test_numbered_line_at_the_foot_of_the_page_without_its_mark_stays(tmp_path):
    # Near miss: « 3 exemplaires … » starts with a figure, and no word above carries « 3 ».
    piece = read(
        write_pdf(tmp_path / "ccap.pdf", _footnoted_page("3 exemplaires signés sont remis."))
    )
    assert piece.blocks[-1].text == "3 exemplaires signés sont remis."


def test_slips_of_a_character_recognition_layer_are_read_as_meant(tmp_path):
    """blind16: a scanned RC with its OCR layer (« cIause socia1e d'lnsertion », « rnarché »,
    « 330 heur es ») was read as no clause (CS102)."""
    doc = Doc(
        [
            P("Le rnarché comporte une cIause socia1e d'lnsertion."),
            P("Lot n° 1 : 330 heur es."),
            # near misses: codes and units keep their figures and capitals
            P("Articles R2123-1 et L2112-2 ; 12 m2 ; émissions de CO2 ; norme NF EN 1090."),
        ]
    )
    texts = [b.text for b in read(write_pdf(tmp_path / "rc.pdf", doc)).blocks]
    assert texts[0] == "Le marché comporte une clause sociale d'insertion."
    assert texts[1] == "Lot n° 1 : 330 heures."
    assert texts[2] == "Articles R2123-1 et L2112-2 ; 12 m2 ; émissions de CO2 ; norme NF EN 1090."
