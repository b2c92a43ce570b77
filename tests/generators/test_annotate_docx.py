"""Word copies: one comment per finding at the right words, tracked-change corrections."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from gen_helpers import (
    CCAP_ITEMS,
    CCP,
    CMP,
    PARA_BILAN,
    PARA_CMP,
    PARA_LOT2,
    PARA_POLE,
    accept_all_changes,
    ccap_findings,
    comment_anchors,
    make_report,
    paragraph_texts,
    piece,
    reject_all_changes,
    repealed_cmp_finding,
    sha256,
    soffice_to_pdf,
    w,
)

from clausier.model import Finding, Location, Severity
from generators.annotate import annotate, annotate_report
from tools.simple_documents import Doc, P, write_docx, write_zip


@pytest.fixture
def dce(tmp_path: Path) -> Path:
    folder = tmp_path / "DCE"
    write_docx(folder / "02_CCAP.docx", Doc(list(CCAP_ITEMS)))
    return folder


def ccap_report(findings=None):
    return make_report(
        [piece("02_CCAP.docx", "docx", paragraphs=12)],
        findings if findings is not None else ccap_findings("02_CCAP.docx"),
    )


def test_one_comment_per_finding_at_the_words_or_paragraph(dce, tmp_path):
    out = tmp_path / "annotes"
    written = annotate(ccap_report(), dce, out)
    assert written == [out / "02_CCAP_annote.docx"]
    anchors = comment_anchors(written[0])
    assert len(anchors) == 4
    by_code = {text.splitlines()[-1].split()[1]: (i, words) for text, i, words in anchors}
    assert by_code["CS201"] == (PARA_CMP, CMP)
    assert by_code["CS204"] == (PARA_POLE, "Pôle emploi")
    assert by_code["CS401"] == (PARA_LOT2, "120 heures")  # the table cell paragraph
    assert by_code["CS302"] == (0, "ARTICLE 1 - Objet du marché")  # no place: first heading
    text = next(t for t, _, _ in anchors if "CS201" in t)
    assert text.splitlines() == [
        "Référence abrogée : article 14 du Code des marchés publics.",
        "Suggestion : Article L2112-2 du Code de la commande publique.",
        "Clausier CS201 (erreur)",
    ]


def test_comments_carry_the_author_and_keep_the_text(dce, tmp_path):
    original = paragraph_texts(dce / "02_CCAP.docx")
    (copy,) = annotate(ccap_report(), dce, tmp_path / "out", author="Camille Martin")
    from docx import Document

    comments = list(Document(str(copy)).comments)
    assert {c.author for c in comments} == {"Camille Martin"}
    assert {c.initials for c in comments} == {"CM"}
    assert paragraph_texts(copy) == original  # comments only: not one character changed


def test_original_is_never_touched(dce, tmp_path):
    before = sha256(dce / "02_CCAP.docx")
    annotate(ccap_report(), dce, tmp_path / "out", corrections=True)
    assert sha256(dce / "02_CCAP.docx") == before
    assert sorted(p.name for p in dce.iterdir()) == ["02_CCAP.docx"]


def test_existing_copy_is_kept_without_force(dce, tmp_path):
    out = tmp_path / "out"
    (copy,) = annotate(ccap_report(), dce, out)
    copy.write_bytes(b"precious")
    result = annotate_report(ccap_report(), dce, out)
    assert result.written == [] and result.kept == [copy]
    assert copy.read_bytes() == b"precious"
    assert "existe déjà" in result.notes[0] and "--force" in result.notes[0]
    assert annotate(ccap_report(), dce, out, force=True) == [copy]
    assert len(comment_anchors(copy)) == 4


def test_target_spanning_runs_keeps_each_run_formatting(tmp_path):
    from docx import Document

    folder = tmp_path / "DCE"
    folder.mkdir()
    document = Document()
    document.add_heading("Article 7 - Clause sociale", 1)
    p = document.add_paragraph("Conformément à l'article 14 du ")
    bold = p.add_run("Code des marchés")
    bold.bold = True
    italic = p.add_run(" publics, le titulaire réserve des heures.")
    italic.italic = True
    document.save(str(folder / "CCAP.docx"))
    report = make_report([piece("CCAP.docx", "docx")], [repealed_cmp_finding(1)])
    (copy,) = annotate(report, folder, tmp_path / "out")
    [(text, index, words)] = comment_anchors(copy)
    assert (index, words) == (1, CMP)
    runs = Document(str(copy)).paragraphs[1].runs
    texts = [(r.text, bool(r.bold), bool(r.italic)) for r in runs if r.text]
    assert texts == [
        ("Conformément à l'", False, False),
        ("article 14 du ", False, False),
        ("Code des marchés", True, False),
        (" publics", False, True),
        (", le titulaire réserve des heures.", False, True),
    ]


def test_corrections_accepted_replace_only_the_targets(dce, tmp_path):
    original = paragraph_texts(dce / "02_CCAP.docx")
    (copy,) = annotate(ccap_report(), dce, tmp_path / "out", corrections=True)
    accepted = tmp_path / "accepted.docx"
    accept_all_changes(copy, accepted)
    expected = list(original)
    expected[PARA_CMP] = expected[PARA_CMP].replace(CMP, CCP)
    expected[PARA_POLE] = expected[PARA_POLE].replace("Pôle emploi", "France Travail")
    assert paragraph_texts(accepted) == expected
    rejected = tmp_path / "rejected.docx"
    reject_all_changes(copy, rejected)
    assert paragraph_texts(rejected) == original
    # Comments stay, one per finding, the corrected ones over the deletion and insertion.
    assert len(comment_anchors(copy)) == 4


def test_corrections_are_tracked_with_author_date_and_run_formatting(tmp_path):
    from docx import Document

    folder = tmp_path / "DCE"
    folder.mkdir()
    document = Document()
    p = document.add_paragraph("Le titulaire contacte ")
    run = p.add_run("Pôle emploi et la DIRECCTE")
    run.bold = True
    run.font.name = "Arial"
    document.save(str(folder / "CCAP.docx"))
    finding = Finding(
        "CS204",
        Severity.WARNING,
        "Ancien nom.",
        "France Travail",
        "CCAP.docx",
        Location(paragraph=0),
        target="Pôle emploi",
        replacement="France Travail",
    )
    report = make_report([piece("CCAP.docx", "docx")], [finding])
    (copy,) = annotate(report, folder, tmp_path / "out", corrections=True, author="C. Martin")
    body = Document(str(copy)).element.body
    [deletion] = body.iter(w("del"))
    [insertion] = body.iter(w("ins"))
    for change in (deletion, insertion):
        assert change.get(w("author")) == "C. Martin"
        assert change.get(w("date")).endswith("Z")
    assert deletion.get(w("id")) != insertion.get(w("id"))
    assert "".join(t.text for t in deletion.iter(w("delText"))) == "Pôle emploi"
    assert not list(deletion.iter(w("t")))
    [new_run] = insertion.iter(w("r"))
    assert new_run.find(f"{w('rPr')}/{w('b')}") is not None
    assert new_run.find(f"{w('rPr')}/{w('rFonts')}").get(w("ascii")) == "Arial"
    assert insertion.getprevious() is deletion


def test_without_corrections_no_tracked_change(dce, tmp_path):
    (copy,) = annotate(ccap_report(), dce, tmp_path / "out")
    from docx import Document

    body = Document(str(copy)).element.body
    assert not list(body.iter(w("del"))) and not list(body.iter(w("ins")))


def test_excerpt_finds_the_paragraph_when_the_index_is_missing(dce, tmp_path):
    finding = Finding(
        "CS305",
        Severity.WARNING,
        "Aucun délai pour le bilan.",
        "Précisez le délai.",
        "02_CCAP.docx",
        Location(article="7"),
        excerpt="… remet chaque trimestre un bilan des heures réalisées …",
    )
    (copy,) = annotate(ccap_report([finding]), dce, tmp_path / "out")
    [(_, index, _)] = comment_anchors(copy)
    assert index == PARA_BILAN


def test_paragraph_indexes_agree_with_the_word_reader(tmp_path):
    """The annotator and review/readers/docx.py count paragraphs the same way."""
    from docx import Document

    import review.readers as readers
    from generators.annotate.docx import annotate_docx  # noqa: F401 (same counting below)
    from review.sources import SourceFile

    document = Document()
    document.add_heading("Article 1", 1)
    document.add_paragraph("")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Lot"
    table.cell(0, 1).text = "Heures"
    table.cell(1, 0).text = "1"
    table.cell(1, 1).paragraphs[0].text = "280 heures"
    table.cell(1, 1).add_paragraph("par an")
    document.add_paragraph("Après le tableau.")
    path = tmp_path / "a.docx"
    document.save(str(path))
    piece_read = readers.read_source(
        SourceFile(path="a.docx", format="docx", size=path.stat().st_size, origin=path)
    )
    texts = paragraph_texts(path)
    blocks = [b for b in piece_read.blocks if b.text.strip()]
    assert len(blocks) >= 6
    for block in blocks:
        assert texts[block.place.paragraph] == block.text


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice absent")
def test_annotated_and_corrected_copies_convert_to_pdf(dce, tmp_path):
    annotated = annotate(ccap_report(), dce, tmp_path / "a")[0]
    corrected = annotate(ccap_report(), dce, tmp_path / "c", corrections=True)[0]
    corrected = corrected.rename(corrected.with_name("corrige.docx"))
    out = tmp_path / "pdf"
    run = soffice_to_pdf([annotated, corrected], out, tmp_path / "lo")
    assert run.returncode == 0, run.stderr
    for name in ("02_CCAP_annote.pdf", "corrige.pdf"):
        assert (out / name).stat().st_size > 1000


# ---------------------------------------------------------------- with the review engine

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
REVIEW_DATE = date(2026, 11, 25)


def _review_accepted(folder: Path, piece_path: str, tmp_path: Path):
    """Review `folder`, write corrected copies, accept every change of `piece_path`'s copy,
    put it back in a copy of the folder and review that: (before, after) reports."""
    from review.engine import review

    before = review(folder, review_date=REVIEW_DATE)
    out = tmp_path / "corrige"
    annotate(before, folder, out, corrections=True)
    accepted_folder = Path(shutil.copytree(folder, tmp_path / "accepte"))
    copy = out / piece_path.replace(".docx", "_annote.docx")
    accept_all_changes(copy, accepted_folder / piece_path)
    return before, review(accepted_folder, review_date=REVIEW_DATE), copy


def test_accepted_corrections_leave_no_reference_finding(tmp_path):
    folder = tmp_path / "DCE"
    items = [
        *CCAP_ITEMS[:4],
        P("Le titulaire se rapproche de Pôle emploi pour les candidats résidant en ZUS."),
        *CCAP_ITEMS[5:],
    ]
    write_docx(folder / "CCAP.docx", Doc(items))
    before, after, copy = _review_accepted(folder, "CCAP.docx", tmp_path)
    fixed = [f for f in before.findings if f.code.startswith("CS2") and f.replacement]
    assert {f.code for f in fixed} >= {"CS201", "CS204"}
    assert not [f for f in after.findings if f.code.startswith("CS2")]
    # Only the corrected words changed.
    accepted = paragraph_texts(tmp_path / "accepte" / "CCAP.docx")
    original = paragraph_texts(folder / "CCAP.docx")
    for finding in fixed:
        i = next(i for i, t in enumerate(original) if finding.target in t)
        original[i] = original[i].replace(finding.target, finding.replacement, 1)
    assert accepted == original
    assert len(comment_anchors(copy)) == len([f for f in before.findings if f.piece == "CCAP.docx"])


def test_accepted_corrections_of_the_sample_remove_every_corrected_finding(tmp_path):
    before, after, _ = _review_accepted(SAMPLES / "travaux-avec-erreurs", "CCAP.docx", tmp_path)
    corrected = {
        (f.code, f.target) for f in before.findings if f.piece == "CCAP.docx" and f.replacement
    }
    assert corrected  # the sample has sure corrections
    remaining = {(f.code, f.target) for f in after.findings if f.piece == "CCAP.docx"}
    assert not corrected & remaining
    # Findings without a sure correction are still there: accepting changed nothing else.
    untouched = {
        (f.code, f.target)
        for f in before.findings
        if f.piece == "CCAP.docx" and not f.replacement and not f.code.startswith("CS2")
    }
    assert untouched <= remaining


def test_pieces_of_a_zip_are_annotated_in_their_folder(tmp_path):
    """A DCE given as a Windows zip (cp850 names, sub-folders): the copy keeps the folder."""
    from review.engine import review

    source = write_docx(tmp_path / "CCAP.docx", Doc(list(CCAP_ITEMS)))
    archive = write_zip(
        tmp_path / "DCE.zip", {"Pièces administratives/CCAP.docx": source}, cp437_names=True
    )
    before = sha256(archive)
    report = review(archive, review_date=REVIEW_DATE)
    on_ccap = [f for f in report.findings if f.piece == "Pièces administratives/CCAP.docx"]
    assert on_ccap
    (copy,) = annotate(report, archive, tmp_path / "out")
    assert copy == tmp_path / "out" / "Pièces administratives" / "CCAP_annote.docx"
    assert len(comment_anchors(copy)) == len(on_ccap)
    assert sha256(archive) == before


def test_review_command_imports_no_heavy_library():
    import sys

    code = (
        "import sys, apps.commands.review; "
        "print(','.join(m for m in ('docx', 'pypdf', 'pypdfium2', 'rich', 'jinja2', 'spacy',"
        " 'pdfplumber', 'lxml') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_piece_with_existing_comments_and_hyperlink_keeps_them(tmp_path):
    """A piece that already holds a comment (CS903) and the target inside a hyperlink."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    folder = tmp_path / "DCE"
    folder.mkdir()
    document = Document()
    document.add_heading("Article 7", 1)
    p = document.add_paragraph("Voir ")
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), "cmp")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "article 14 du Code des marchés publics"
    run.append(text)
    link.append(run)
    p._p.append(link)
    p.add_run(" pour le détail.")
    old = document.add_paragraph("Texte déjà commenté.")
    document.add_comment(old.runs, text="Remarque de l'acheteur", author="Acheteur")
    document.save(str(folder / "CCAP.docx"))
    report = make_report([piece("CCAP.docx", "docx")], [repealed_cmp_finding(1)])
    (copy,) = annotate(report, folder, tmp_path / "out", corrections=True)
    anchors = comment_anchors(copy)
    assert ("Remarque de l'acheteur", 2, "Texte déjà commenté.") in anchors
    ours = [a for a in anchors if "CS201" in a[0]]
    assert [(i, words) for _, i, words in ours] == [(1, CCP)]
    accepted = tmp_path / "accepted.docx"
    accept_all_changes(copy, accepted)
    assert paragraph_texts(accepted)[1] == f"Voir {CCP} pour le détail."
