"""The OpenDocument reader on real .odt files written with odfpy."""

from __future__ import annotations

from pathlib import Path

from odf import dc
from odf.draw import Frame, TextBox
from odf.office import Annotation, ChangeInfo
from odf.opendocument import OpenDocumentText
from odf.style import ListLevelProperties, Style, TextProperties
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import (
    ChangedRegion,
    ChangeEnd,
    ChangeStart,
    Deletion,
    H,
    Insertion,
    List,
    ListItem,
    ListLevelStyleNumber,
    ListStyle,
    Note,
    NoteBody,
    NoteCitation,
    OutlineLevelStyle,
    OutlineStyle,
    P,
    Span,
    TrackedChanges,
)
from reading_helpers import codes, outline

from clausier.model import PieceKind
from review.readers import read_source
from review.reading import read_consultation
from review.sources import SourceFile
from tools.simple_documents import Doc, T, write_odt
from tools.simple_documents import H as DocH
from tools.simple_documents import P as DocP

XML_NS = "http://www.w3.org/XML/1998/namespace"
TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def read(path: Path):
    return read_source(SourceFile(path.name, "odt", path.stat().st_size, origin=path))


def test_headings_paragraphs_tables_and_page_furniture(tmp_path):
    doc = Doc(header="RC – Pôle enfance", footer="Commune exemple").add(
        DocP("RÈGLEMENT DE LA CONSULTATION"),
        DocH("ARTICLE 1 – Objet"),
        DocP("Texte de l'objet."),
        T([["Lot", "Heures"], ["1", "280"]]),
        DocH("1.1 Lots", 2),
        DocP("Après."),
    )
    path = write_odt(tmp_path / "RC.odt", doc)
    piece = read(path)
    assert [(b.text, b.place.paragraph, b.level) for b in piece.blocks if not b.in_table] == [
        ("RÈGLEMENT DE LA CONSULTATION", 0, None),
        ("ARTICLE 1 – Objet", 1, 1),
        ("Texte de l'objet.", 2, None),
        ("1.1 Lots", 7, 2),
        ("Après.", 8, None),
    ]
    assert piece.tables() == {0: [["Lot", "Heures"], ["1", "280"]]}
    assert {(b.area, b.text) for b in piece.furniture} == {
        ("header", "RC – Pôle enfance"),
        ("footer", "Commune exemple"),
    }
    full = read_consultation(path).pieces[0]
    assert full.kind == PieceKind.RC
    assert outline(full) == [("1", "Objet", 1), ("1.1", "Lots", 2)]


def _list_style(name: str, suffix: str = ".") -> ListStyle:
    style = ListStyle(name=name)
    for level in (1, 2):
        number = ListLevelStyleNumber(
            level=level, numformat="1", numsuffix=suffix, displaylevels=level
        )
        number.addElement(ListLevelProperties())
        style.addElement(number)
    return style


def test_list_and_outline_numbering(tmp_path):
    document = OpenDocumentText()
    document.automaticstyles.addElement(_list_style("L1"))
    outline_style = OutlineStyle(name="Outline")
    for level, (prefix, suffix) in {1: ("Article ", " :"), 2: ("", "")}.items():
        outline_style.addElement(
            OutlineLevelStyle(
                level=level, numformat="1", numprefix=prefix, numsuffix=suffix, displaylevels=level
            )
        )
    document.styles.addElement(outline_style)
    document.text.addElement(P(text="Cahier des clauses administratives particulières"))
    document.text.addElement(H(outlinelevel=1, text="Objet"))
    items = List(stylename="L1")
    for text in (
        "Le titulaire transmet les justificatifs chaque mois.",
        "Le titulaire informe le facilitateur.",
    ):
        item = ListItem()
        item.addElement(P(text=text))
        items.addElement(item)
    document.text.addElement(items)
    document.text.addElement(H(outlinelevel=2, text="Lots"))
    document.text.addElement(H(outlinelevel=1, text="Clause sociale"))
    path = tmp_path / "ccap.odt"
    document.save(str(path))

    piece = read(path)
    assert [(b.number, b.text[:15]) for b in piece.blocks if b.number] == [
        ("Article 1 :", "Objet"),
        ("1.", "Le titulaire tr"),
        ("2.", "Le titulaire in"),
        ("1.1", "Lots"),
        ("Article 2 :", "Clause sociale"),
    ]
    full = read_consultation(path).pieces[0]
    assert outline(full) == [("1", "Objet", 1), ("1.1", "Lots", 2), ("2", "Clause sociale", 1)]


def test_tracked_changes_and_annotations(tmp_path):
    document = OpenDocumentText()
    changes = TrackedChanges()
    for cid, element in (("c1", Deletion()), ("c2", Insertion())):
        region = ChangedRegion(qattributes={(XML_NS, "id"): cid, (TEXT_NS, "id"): cid})
        info = ChangeInfo()
        info.addElement(dc.Creator(text="Acheteur"))
        info.addElement(dc.Date(text="2026-01-05T10:00:00"))
        element.addElement(info)
        if cid == "c1":
            element.addElement(P(text="200"))
        region.addElement(element)
        changes.addElement(region)
    document.text.addElement(changes)
    paragraph = P(text="Le titulaire réalise ")
    paragraph.addElement(ChangeStart(changeid="c2"))
    paragraph.addText("280")
    paragraph.addElement(ChangeEnd(changeid="c2"))
    paragraph.addText(" heures d'insertion.")
    document.text.addElement(paragraph)
    commented = P(text="Clause sociale")
    note = Annotation()
    note.addElement(dc.Creator(text="Relecteur"))
    note.addElement(P(text="Vérifier le volume"))
    commented.addElement(note)
    document.text.addElement(commented)
    path = tmp_path / "ae.odt"
    document.save(str(path))

    piece = read(path)
    assert [b.text for b in piece.blocks] == [
        "Le titulaire réalise 280 heures d'insertion.",
        "Clause sociale",
    ]
    assert piece.has_tracked_changes and piece.has_comments
    assert codes(piece.findings) == ["CS903", "CS903"]
    assert "LibreOffice" in piece.findings[0].suggestion
    assert ("comment", "Vérifier le volume") in {(b.area, b.text) for b in piece.furniture}


def test_notes_text_boxes_and_spans(tmp_path):
    document = OpenDocumentText()
    bold = Style(name="Fort", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    paragraph = P(text="Voir la note")
    citation = Note(id="n1", noteclass="footnote")
    citation.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="Article L2112-2 du code."))
    citation.addElement(body)
    paragraph.addElement(citation)
    paragraph.addElement(Span(stylename=bold, text=" et la suite"))
    document.text.addElement(paragraph)
    frame_holder = P(text="Ancre")
    frame = Frame(width="5cm", height="2cm", anchortype="paragraph")
    box = TextBox()
    box.addElement(P(text="Texte du cadre"))
    frame.addElement(box)
    frame_holder.addElement(frame)
    document.text.addElement(frame_holder)
    table = Table()
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    row = TableRow()
    for text in ("Lot 1", "280 heures"):
        cell = TableCell()
        cell.addElement(P(text=text))
        row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    path = tmp_path / "n.odt"
    document.save(str(path))

    piece = read(path)
    # notes and boxes read in place, after the paragraph that holds them
    assert [(b.area, b.text, b.place.paragraph) for b in piece.blocks] == [
        ("body", "Voir la note et la suite", 0),
        ("footnote", "Article L2112-2 du code.", 0),
        ("body", "Ancre", 1),
        ("textbox", "Texte du cadre", 1),
        ("body", "Lot 1", 2),
        ("body", "280 heures", 3),
    ]
    assert piece.furniture == []
    assert piece.paragraphs == 4
    assert piece.findings == []
