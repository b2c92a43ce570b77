"""PDF copies (highlight + note per finding) and ODT copies (office:annotation)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from gen_helpers import (
    CCAP_ITEMS,
    CMP,
    PARA_CMP,
    PARA_LOT2,
    PARA_POLE,
    ccap_findings,
    make_report,
    piece,
    sha256,
    soffice_to_pdf,
)

from clausier.model import Finding, Location, PieceKind, Severity
from generators.annotate import annotate, output_path
from generators.annotate.matching import fold_target
from tools.simple_documents import Doc, H, P, PageBreak, write_odt, write_pdf

# ---------------------------------------------------------------- PDF

PDF_ITEMS = [
    H("ARTICLE 1 - Objet du marché"),
    P("Le présent marché porte sur la construction d'un pôle enfance."),
    PageBreak(),
    *CCAP_ITEMS[2:],
]


def pdf_annotations(path: Path) -> list[dict]:
    """Markup annotations (popups left out) with page index, subject, contents and the
    words under their rectangle."""
    import pdfplumber
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    found = []
    with pdfplumber.open(str(path)) as plumber:
        for index, page in enumerate(reader.pages):
            height = float(page.mediabox.height)
            for ref in page.get("/Annots", []):
                annot = ref.get_object()
                if annot["/Subtype"] == "/Popup":
                    continue
                x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
                words = ""
                if annot["/Subtype"] == "/Highlight":
                    # The characters whose centre lies under the highlight.
                    chars = [
                        c
                        for c in plumber.pages[index].chars
                        if x0 <= (c["x0"] + c["x1"]) / 2 <= x1
                        and y0 <= height - (c["top"] + c["bottom"]) / 2 <= y1
                    ]
                    chars.sort(key=lambda c: (round(c["top"]), c["x0"]))
                    words = "".join(c["text"] for c in chars)
                found.append(
                    {
                        "page": index,
                        "subtype": annot["/Subtype"],
                        "code": annot["/Subj"],
                        "author": annot["/T"],
                        "contents": annot["/Contents"],
                        "words": words,
                        "popup": annot.get("/Popup"),
                    }
                )
    return found


@pytest.fixture
def pdf_dce(tmp_path: Path) -> Path:
    folder = tmp_path / "DCE"
    write_pdf(folder / "CCAP.pdf", Doc(list(PDF_ITEMS)))
    return folder


def pdf_report():
    findings = ccap_findings("CCAP.pdf", pdf=True)
    for finding in findings[:3]:
        finding.location = Location(page=2, article="7")
    return make_report([piece("CCAP.pdf", "pdf", pages=2)], findings)


def test_pdf_one_annotation_per_finding_on_the_right_page_and_words(pdf_dce, tmp_path):
    (copy,) = annotate(pdf_report(), pdf_dce, tmp_path / "out")
    assert copy == tmp_path / "out" / "CCAP_annote.pdf"
    annotations = pdf_annotations(copy)
    by_code = {a["code"]: a for a in annotations}
    assert len(annotations) == len(by_code) == 4
    assert by_code["CS201"]["subtype"] == "/Highlight" and by_code["CS201"]["page"] == 1
    assert fold_target(by_code["CS201"]["words"]) == fold_target(CMP)
    assert by_code["CS204"]["words"] == "Pôle emploi"
    assert by_code["CS201"]["popup"] is not None  # the note that opens on the highlight
    assert by_code["CS201"]["contents"].splitlines()[:2] == [
        "Référence abrogée : article 14 du Code des marchés publics.",
        "Suggestion : Article L2112-2 du Code de la commande publique.",
    ]
    # Without words: a note on the page of the finding; without a place: on page 1.
    assert by_code["CS401"]["subtype"] == "/Text" and by_code["CS401"]["page"] == 1
    assert by_code["CS302"]["subtype"] == "/Text" and by_code["CS302"]["page"] == 0
    assert {a["author"] for a in annotations} == {"Clausier"}


def test_pdf_words_are_searched_on_other_pages_when_the_page_is_wrong(pdf_dce, tmp_path):
    finding = Finding(
        "CS204",
        Severity.WARNING,
        "Ancien nom.",
        "France Travail",
        "CCAP.pdf",
        Location(page=1),
        target="Pôle emploi",
    )
    report = make_report([piece("CCAP.pdf", "pdf", pages=2)], [finding])
    (copy,) = annotate(report, pdf_dce, tmp_path / "out")
    [annotation] = pdf_annotations(copy)
    assert (annotation["page"], annotation["words"]) == (1, "Pôle emploi")


def test_pdf_original_untouched_and_text_kept(pdf_dce, tmp_path):
    import pypdfium2 as pdfium

    before = sha256(pdf_dce / "CCAP.pdf")
    (copy,) = annotate(pdf_report(), pdf_dce, tmp_path / "out")
    assert sha256(pdf_dce / "CCAP.pdf") == before

    def texts(path):
        pdf = pdfium.PdfDocument(str(path))
        try:
            return [page.get_textpage().get_text_range() for page in pdf]
        finally:
            pdf.close()

    assert texts(copy) == texts(pdf_dce / "CCAP.pdf")


# ---------------------------------------------------------------- ODT

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
DC = "http://purl.org/dc/elements/1.1/"


def odt_annotations(path: Path) -> list[tuple[int, str, str, str]]:
    """(paragraph index, author, note text, annotated words) per office:annotation."""
    from lxml import etree

    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("content.xml"))
    ns = {"office": OFFICE, "text": TEXT}
    paragraphs = root.xpath(
        "//office:body/office:text//*[self::text:p or self::text:h]"
        "[not(ancestor::text:p) and not(ancestor::text:h) and not(ancestor::office:annotation)]",
        namespaces=ns,
    )
    result = []
    for index, paragraph in enumerate(paragraphs):
        for note in paragraph.iter(f"{{{OFFICE}}}annotation"):
            name = note.get(f"{{{OFFICE}}}name")
            words = note.tail or ""
            for sibling in note.itersiblings():
                is_end = sibling.tag == f"{{{OFFICE}}}annotation-end"
                if is_end and sibling.get(f"{{{OFFICE}}}name") == name:
                    break
                words += "".join(sibling.itertext()) + (sibling.tail or "")
            else:
                words = ""  # a note at a point, not over words
            author = note.findtext(f"{{{DC}}}creator")
            text = "\n".join(p.text for p in note.iter(f"{{{TEXT}}}p"))
            result.append((index, author, text, words))
    return result


@pytest.fixture
def odt_dce(tmp_path: Path) -> Path:
    folder = tmp_path / "DCE"
    write_odt(folder / "sous dossier" / "CCAP.odt", Doc(list(CCAP_ITEMS)))
    return folder


def odt_report():
    path = "sous dossier/CCAP.odt"
    return make_report([piece(path, "odt", paragraphs=12)], ccap_findings(path))


def test_odt_one_annotation_per_finding_at_the_right_paragraph(odt_dce, tmp_path):
    (copy,) = annotate(odt_report(), odt_dce, tmp_path / "out", author="Camille Martin")
    assert copy == tmp_path / "out" / "sous dossier" / "CCAP_annote.odt"
    notes = odt_annotations(copy)
    assert len(notes) == 4
    by_code = {text.splitlines()[-1].split()[1]: (i, words) for i, _, text, words in notes}
    assert by_code["CS201"] == (PARA_CMP, CMP)
    assert by_code["CS204"] == (PARA_POLE, "Pôle emploi")
    assert by_code["CS401"] == (PARA_LOT2, "")
    assert by_code["CS302"] == (0, "")
    assert {author for _, author, _, _ in notes} == {"Camille Martin"}


def test_odt_package_keeps_every_other_member_and_stored_mimetype_first(odt_dce, tmp_path):
    original = odt_dce / "sous dossier" / "CCAP.odt"
    before = sha256(original)
    (copy,) = annotate(odt_report(), odt_dce, tmp_path / "out")
    assert sha256(original) == before
    with zipfile.ZipFile(original) as a, zipfile.ZipFile(copy) as b:
        assert [i.filename for i in b.infolist()][0] == "mimetype"
        assert b.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        assert sorted(a.namelist()) == sorted(b.namelist())
        for name in a.namelist():
            if name != "content.xml":
                assert a.read(name) == b.read(name), name
    from odf.opendocument import load

    load(str(copy))  # odfpy opens it


def test_odt_text_is_unchanged_apart_from_the_notes(odt_dce, tmp_path):
    from lxml import etree

    (copy,) = annotate(odt_report(), odt_dce, tmp_path / "out")

    def body_text(path: Path) -> str:
        with zipfile.ZipFile(path) as package:
            root = etree.fromstring(package.read("content.xml"))
        for note in root.iter(f"{{{OFFICE}}}annotation"):
            tail = note.tail
            parent = note.getparent()
            previous = note.getprevious()
            parent.remove(note)
            if tail:  # keep the text that followed the note
                if previous is not None:
                    previous.tail = (previous.tail or "") + tail
                else:
                    parent.text = (parent.text or "") + tail
        return "".join(root.find(f".//{{{OFFICE}}}text").itertext())

    assert body_text(copy) == body_text(odt_dce / "sous dossier" / "CCAP.odt")


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice absent")
def test_annotated_odt_and_pdf_convert_to_pdf(odt_dce, pdf_dce, tmp_path):
    odt_copy = annotate(odt_report(), odt_dce, tmp_path / "a")[0]
    out = tmp_path / "pdf"
    run = soffice_to_pdf([odt_copy], out, tmp_path / "lo")
    assert run.returncode == 0, run.stderr
    assert (out / "CCAP_annote.pdf").stat().st_size > 1000


def test_odt_paragraph_indexes_agree_with_the_odt_reader(tmp_path):
    """The annotator and review/readers/odt.py count paragraphs the same way, with an
    empty paragraph, a table and a text box in the way."""
    from generators.annotate.odt import _PARAGRAPHS, NS, _text
    from review.readers import read_source
    from review.sources import SourceFile

    path = write_odt(
        tmp_path / "a.odt",
        Doc([H("Article 1"), P(""), *CCAP_ITEMS[2:], P("Fin.")]),
    )
    _add_text_box(path)
    piece_read = read_source(
        SourceFile(path="a.odt", format="odt", size=path.stat().st_size, origin=path)
    )
    from lxml import etree

    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("content.xml"))
    paragraphs = root.xpath(_PARAGRAPHS, namespaces=NS)
    assert len(piece_read.blocks) >= 10
    assert piece_read.paragraphs == len(paragraphs)
    for block in piece_read.blocks:
        if block.area != "body":
            continue  # a text box is read in place, at the paragraph before it
        assert _text(paragraphs[block.place.paragraph]) == block.text
    box = [b for b in piece_read.blocks if b.area == "textbox"]
    assert [b.text for b in box] == ["Encadré hors du corps"]
    assert _text(paragraphs[box[0].place.paragraph]) == "Article 1"


def _add_text_box(path: Path) -> None:
    """Put a page-anchored text box (draw:frame) between the first two paragraphs."""
    from lxml import etree

    with zipfile.ZipFile(path) as package:
        members = [(i, package.read(i)) for i in package.infolist()]
    draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
    with zipfile.ZipFile(path, "w") as package:
        for info, data in members:
            if info.filename == "content.xml":
                root = etree.fromstring(data)
                body = root.find(f".//{{{OFFICE}}}text")
                frame = etree.Element(f"{{{draw}}}frame", nsmap={"draw": draw, "svg": svg})
                frame.set(f"{{{svg}}}width", "5cm")
                box = etree.SubElement(frame, f"{{{draw}}}text-box")
                etree.SubElement(box, f"{{{TEXT}}}p").text = "Encadré hors du corps"
                first = body.find(f"{{{TEXT}}}h")
                first.addnext(frame)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            package.writestr(info, data)


# ---------------------------------------------------------------- output names


def test_output_paths_never_leave_the_output_folder(tmp_path):
    out = tmp_path / "out"
    used: set[str] = set()
    assert output_path(out, "02_CCAP.docx", used) == out / "02_CCAP_annote.docx"
    assert output_path(out, "DCE.zip/RC.PDF", used) == out / "DCE_zip" / "RC_annote.pdf"
    assert output_path(out, "../../etc/passwd.docx", used) == out / "etc" / "passwd_annote.docx"
    assert output_path(out, "/abs/x.odt", used) == out / "abs" / "x_annote.odt"
    assert output_path(out, "a<b>:c?.docx", used) == out / "a_b__c__annote.docx"
    # Two pieces that would share a name get distinct copies.
    assert output_path(out, "02_ccap.docx", used) == out / "02_ccap_annote-2.docx"
    for path in [output_path(out, p, used) for p in ("..", "a/../../b.pdf", "C:\\x\\y.pdf")]:
        assert path.resolve().is_relative_to(out.resolve())


def test_pieces_without_findings_unreadable_or_other_formats_get_no_copy(tmp_path):
    folder = tmp_path / "DCE"
    write_odt(folder / "AE.odt", Doc([P("Acte d'engagement")]))
    (folder / "BPU.xlsx").write_bytes(b"not really")
    (folder / "RC.docx").write_bytes(b"broken")
    pieces = [
        piece("AE.odt", "odt", PieceKind.AE),
        piece("BPU.xlsx", "xlsx", PieceKind.BPU),
        piece("RC.docx", "docx", PieceKind.RC),
    ]
    pieces[2].findings.append(Finding("CS901", Severity.ERROR, "Illisible.", None, "RC.docx"))
    findings = [
        Finding("CS904", Severity.INFO, "Type inconnu.", None, "BPU.xlsx"),
        pieces[2].findings[0],
    ]
    from generators.annotate import annotate_report

    result = annotate_report(make_report(pieces, findings), folder, tmp_path / "out")
    assert result.written == []
    assert any("BPU.xlsx" in n and ".xlsx" in n for n in result.notes)
    assert any("RC.docx" in n and "illisible" in n for n in result.notes)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
