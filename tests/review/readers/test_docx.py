"""The Word reader on real .docx files written by python-docx (plus raw WordprocessingML
for what python-docx cannot write: numbering definitions, tracked changes, text boxes,
footnotes)."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from reading_helpers import (
    add_zip_part,
    codes,
    footnotes_xml,
    numbered,
    numbering_xml,
    outline,
    raw_paragraph,
    set_numbering,
)

from clausier.model import PieceKind
from review.readers import read_source
from review.reading import read_consultation
from review.sources import SourceFile


def read(path: Path):
    return read_source(SourceFile(path.name, path.suffix[1:], path.stat().st_size, origin=path))


def read_one(path: Path):
    return read_consultation(path).pieces[0]


def test_body_tables_in_place_and_paragraph_indices(tmp_path):
    document = Document()
    document.add_paragraph("Avant le tableau")
    document.add_paragraph("")  # empty paragraphs count in the index, without a block
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Lot"
    table.cell(0, 1).text = "Heures"
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "280 heures"
    document.add_paragraph("Après le tableau")
    path = tmp_path / "t.docx"
    document.save(path)

    piece = read(path)
    texts = [
        (b.text, b.place.paragraph, b.place.table, b.place.row, b.place.cell) for b in piece.blocks
    ]
    assert texts == [
        ("Avant le tableau", 0, None, None, None),
        ("Lot", 2, 0, 0, 0),
        ("Heures", 3, 0, 0, 1),
        ("1", 4, 0, 1, 0),
        ("280 heures", 5, 0, 1, 1),
        ("Après le tableau", 6, None, None, None),
    ]
    assert piece.paragraphs == 7
    assert piece.tables() == {0: [["Lot", "Heures"], ["1", "280 heures"]]}


def test_styles_and_outline_levels(tmp_path):
    document = Document()
    document.add_heading("Objet du marché", level=1)
    document.add_heading("Lots", level=2)
    paragraph = document.add_paragraph("Texte")
    path = tmp_path / "s.docx"
    document.save(path)
    piece = read(path)
    assert [(b.style, b.level) for b in piece.blocks] == [
        ("Heading 1", 1),
        ("Heading 2", 2),
        ("Normal", None),
    ]
    assert paragraph.text == "Texte"


def _numbered_ccap(path: Path) -> Path:
    document = Document()
    set_numbering(
        document,
        numbering_xml(
            {
                1: [
                    ("decimal", "Article %1 :", 1),
                    ("decimal", "%1.%2", 1),
                    ("decimal", "%1.%2.%3", 1),
                ],
                2: [("decimal", "%1.", 1)],
                3: [("upperRoman", "%1.", 1)],
            },
            {1: (1, {}), 2: (2, {}), 3: (2, {0: 1}), 4: (3, {})},
        ),
    )
    document.add_paragraph("CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES")
    for text, num, lvl in [
        ("Objet du marché", 1, 0),
        ("Lots", 1, 1),
        ("Variantes", 1, 1),
        ("Clause sociale d'insertion", 1, 0),
        ("Volume d'heures", 1, 1),
        ("Par lot", 1, 2),
        ("Publics éligibles", 1, 1),
    ]:
        numbered(document.add_paragraph(text), num, lvl)
        if text == "Lots":
            # A numbered list inside the article: its own list, not an article.
            numbered(
                document.add_paragraph(
                    "Le titulaire transmet les justificatifs chaque mois au facilitateur."
                ),
                2,
            )
            numbered(
                document.add_paragraph(
                    "Le titulaire informe le facilitateur de toute embauche réalisée."
                ),
                2,
            )
            # A second list over the same definition restarts at 1 (startOverride).
            numbered(
                document.add_paragraph("Première pièce demandée au titulaire en fin de chantier."),
                3,
            )
    numbered(document.add_paragraph("Chapitre en chiffres romains"), 4)
    path = path / "02_CCAP.docx"
    document.save(path)
    return path


def test_automatic_numbering_is_computed_from_numbering_xml(tmp_path):
    piece = read(_numbered_ccap(tmp_path))
    numbers = [(b.number, b.text[:20]) for b in piece.blocks if b.number]
    assert numbers == [
        ("Article 1 :", "Objet du marché"),
        ("1.1", "Lots"),
        ("1.", "Le titulaire transme"),
        ("2.", "Le titulaire informe"),
        ("1.", "Première pièce deman"),
        ("1.2", "Variantes"),
        ("Article 2 :", "Clause sociale d'ins"),
        ("2.1", "Volume d'heures"),
        ("2.1.1", "Par lot"),
        ("2.2", "Publics éligibles"),
        ("I.", "Chapitre en chiffres"),
    ]


def test_automatic_numbering_gives_the_article_outline(tmp_path):
    piece = read_one(_numbered_ccap(tmp_path))
    assert piece.kind == PieceKind.CCAP
    assert outline(piece)[:7] == [
        ("1", "Objet du marché", 1),
        ("1.1", "Lots", 2),
        ("1.2", "Variantes", 2),
        ("2", "Clause sociale d'insertion", 1),
        ("2.1", "Volume d'heures", 2),
        ("2.1.1", "Par lot", 3),
        ("2.2", "Publics éligibles", 2),
    ]
    lots = piece.articles[0].children[0]
    assert "Le titulaire transmet les justificatifs" in lots.text


def test_heading_style_linked_to_numbering(tmp_path):
    """CCAP templates number their headings through the style (Heading 1 -> list)."""
    from docx.oxml import parse_xml

    document = Document()
    set_numbering(
        document,
        numbering_xml({7: [("decimal", "ARTICLE %1 -", 1), ("decimal", "%1.%2", 1)]}, {9: (7, {})}),
    )
    for style_name, ilvl in (("Heading 1", 0), ("Heading 2", 1)):
        ppr = document.styles[style_name].element.get_or_add_pPr()
        ppr.append(
            parse_xml(
                f'<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f'<w:ilvl w:val="{ilvl}"/><w:numId w:val="9"/></w:numPr>'
            )
        )
    document.add_heading("Objet", 1)
    document.add_paragraph("Le marché porte sur des travaux.")
    document.add_heading("Pénalités", 1)
    document.add_heading("Retard", 2)
    path = tmp_path / "CCAP.docx"
    document.save(path)
    piece = read_one(path)
    assert [b.number for b in piece.blocks if b.number] == ["ARTICLE 1 -", "ARTICLE 2 -", "2.1"]
    assert outline(piece) == [("1", "Objet", 1), ("2", "Pénalités", 1), ("2.1", "Retard", 2)]


def test_headers_footers_are_furniture_text_boxes_and_cited_notes_read_in_place(tmp_path):
    """A box or a note belongs to the article it stands in (a facilitator's contact in an
    « encadré », a decree in a footnote); headers, footers and uncited notes stay apart."""
    document = Document()
    document.sections[0].header.paragraphs[0].text = "CCAP – Pôle enfance"
    document.sections[0].footer.paragraphs[0].text = "Page de pied"
    document.add_paragraph("Corps du document")
    raw_paragraph(
        document,
        "<w:r><w:t>Avant le cadre </w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
        "<w:p><w:r><w:t>Texte du cadre</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>"
        "</w:pict></w:r><w:r><w:t>après</w:t></w:r>",
    )
    raw_paragraph(
        document,
        '<w:r><w:t>Voir la note</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>',
    )
    document.add_paragraph("Fin")
    path = tmp_path / "f.docx"
    document.save(path)
    add_zip_part(
        path, "word/footnotes.xml", footnotes_xml(["Note : article L2112-2.", "Note orpheline"])
    )

    piece = read(path)
    assert [(b.area, b.text, b.place.paragraph) for b in piece.blocks] == [
        ("body", "Corps du document", 0),
        ("body", "Avant le cadre après", 1),
        ("textbox", "Texte du cadre", 1),
        ("body", "Voir la note", 2),
        ("footnote", "Note : article L2112-2.", 2),
        ("body", "Fin", 3),
    ]
    areas = {(b.area, b.text) for b in piece.furniture}
    assert areas == {
        ("header", "CCAP – Pôle enfance"),
        ("footer", "Page de pied"),
        ("footnote", "Note orpheline"),
    }
    assert piece.paragraphs == 4  # the text box paragraph is not a body paragraph


def test_tracked_changes_read_as_accepted_and_reported(tmp_path):
    document = Document()
    document.add_paragraph("CCAP")
    raw_paragraph(
        document,
        '<w:r><w:t xml:space="preserve">Le titulaire réalise </w:t></w:r>'
        '<w:del w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>200</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:t>280</w:t></w:r></w:ins>'
        '<w:r><w:t xml:space="preserve"> heures d\'insertion.</w:t></w:r>',
    )
    path = tmp_path / "c.docx"
    document.save(path)
    piece = read(path)
    assert piece.blocks[1].text == "Le titulaire réalise 280 heures d'insertion."
    assert piece.has_tracked_changes and not piece.has_comments
    [warning] = [f for f in piece.findings if f.code == "CS903"]
    assert "modifications suivies" in warning.message and "c.docx" in warning.message
    assert warning.location.paragraph == 1 and warning.severity.value == "warning"


def test_comments_detected(tmp_path):
    document = Document()
    paragraph = document.add_paragraph("Le titulaire réalise 280 heures.")
    document.add_comment(paragraph.runs, text="À vérifier avec le facilitateur", author="Relecteur")
    path = tmp_path / "k.docx"
    document.save(path)
    piece = read(path)
    assert piece.has_comments and not piece.has_tracked_changes
    assert codes(piece.findings) == ["CS903"]
    assert "commentaires" in piece.findings[0].message
    assert ("comment", "À vérifier avec le facilitateur") in {
        (b.area, b.text) for b in piece.furniture
    }
    assert [b.text for b in piece.blocks] == ["Le titulaire réalise 280 heures."]


def test_clean_document_has_no_finding(tmp_path):
    document = Document()
    document.add_paragraph("Acte d'engagement")
    path = tmp_path / "AE.docx"
    document.save(path)
    piece = read_one(path)
    assert piece.findings == [] and piece.kind == PieceKind.AE
    assert len(piece.sha256) == 64 and piece.size == path.stat().st_size


def test_external_entities_and_links_are_never_followed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("MOT-DE-PASSE-SECRET")
    document = Document()
    document.add_paragraph("Texte")
    path = tmp_path / "xxe.docx"
    document.save(path)
    body = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Avant &x; après</w:t></w:r></w:p></w:body></w:document>"
    )
    add_zip_part(path, "word/document.xml", body.encode())
    piece = read(path)
    assert all("MOT-DE-PASSE-SECRET" not in b.text for b in piece.blocks)
