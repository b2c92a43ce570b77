"""Helpers: real pieces (written with tools.simple_documents or python-docx) and reports whose
findings point into them, for the report and annotation tests."""

from __future__ import annotations

import hashlib
import subprocess
from datetime import date
from pathlib import Path

from clausier.model import (
    Finding,
    Location,
    Lot,
    Piece,
    PieceKind,
    Report,
    Severity,
)
from tools.simple_documents import H, P, T

CCAP_ITEMS = [
    H("ARTICLE 1 - Objet du marché"),
    P("Le présent marché porte sur la construction d'un pôle enfance."),
    H("ARTICLE 7 - Clause sociale d'insertion"),
    P(
        "Conformément à l'article 14 du Code des marchés publics, le titulaire réserve "
        "des heures d'insertion."
    ),
    P("Le titulaire se rapproche de Pôle emploi pour recruter les personnes éligibles."),
    T([["Lot", "Heures d'insertion"], ["1", "280 heures"], ["2", "120 heures"]]),
    P("Le titulaire remet chaque trimestre un bilan des heures réalisées au facilitateur."),
]
# Paragraph indexes in reading order (tables in place, row by row, cell by cell):
# 0 H1, 1 P, 2 H7, 3 CMP, 4 Pôle emploi, 5-10 table cells, 11 bilan.
PARA_CMP, PARA_POLE, PARA_BILAN, PARA_LOT2 = 3, 4, 11, 10

CMP = "article 14 du Code des marchés publics"
CCP = "article L2112-2 du Code de la commande publique"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ccap_findings(piece: str, pdf: bool = False) -> list[Finding]:
    """Four findings on the CCAP: two with words (and a sure correction), one at a table
    paragraph, one about the whole piece."""

    def at(paragraph: int, page: int = 1) -> Location:
        return (
            Location(page=page, article="7") if pdf else Location(paragraph=paragraph, article="7")
        )

    return [
        Finding(
            "CS201",
            Severity.ERROR,
            "Référence abrogée : article 14 du Code des marchés publics.",
            "Article L2112-2 du Code de la commande publique.",
            piece,
            at(PARA_CMP),
            excerpt="Conformément à l'article 14 du Code des marchés publics, le titulaire",
            target=CMP,
            replacement=CCP,
        ),
        Finding(
            "CS204",
            Severity.WARNING,
            "Ancienne dénomination : Pôle emploi s'appelle France Travail depuis le 1er janvier 2024.",
            "France Travail",
            piece,
            at(PARA_POLE),
            excerpt="Le titulaire se rapproche de Pôle emploi pour recruter",
            target="Pôle emploi",
            replacement="France Travail",
        ),
        Finding(
            "CS401",
            Severity.ERROR,
            "Les heures du lot 2 diffèrent entre le CCAP (120 heures) et l'AE (150 heures).",
            None,
            piece,
            at(PARA_LOT2),
            lot="2",
            excerpt="120 heures",
        ),
        Finding(
            "CS302",
            Severity.ERROR,
            "La clause ne dit pas quels publics sont éligibles.",
            "Ajoutez la liste des publics éligibles (demandeurs d'emploi de longue durée, …).",
            piece,
        ),
    ]


def make_report(pieces: list[Piece], findings: list[Finding], lots: list[Lot] | None = None):
    return Report(
        consultation="DCE-2026-014",
        reviewed_at=date(2026, 11, 25),
        pieces=pieces,
        lots=lots or [],
        findings=findings,
    )


def piece(path: str, fmt: str, kind=PieceKind.CCAP, **kw) -> Piece:
    return Piece(path=path, format=fmt, kind=kind, **kw)


# ---------------------------------------------------------------- reading annotated copies

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def word_paragraphs(document) -> list:
    return document.element.body.xpath(".//w:p[not(ancestor::w:txbxContent)]")


def comment_anchors(path: Path) -> list[tuple[str, int, str]]:
    """(comment text, paragraph index, anchored text as it reads once changes are
    accepted) for every comment of a Word file, in document order."""
    from docx import Document

    document = Document(str(path))
    texts = {str(c.comment_id): c.text for c in document.comments}
    anchors = []
    for index, p in enumerate(word_paragraphs(document)):
        for start in p.iter(w("commentRangeStart")):
            cid = start.get(w("id"))
            words = []
            for element in start.itersiblings():
                if element.tag == w("commentRangeEnd") and element.get(w("id")) == cid:
                    break
                words += [t.text or "" for t in element.iter(w("t"))]
            anchors.append((texts[cid], index, "".join(words)))
    return anchors


def accept_all_changes(docx_in: Path, docx_out: Path) -> None:
    """What Word's « Accepter toutes les modifications » does to runs: drop w:del, keep
    the content of w:ins."""
    _apply_changes(docx_in, docx_out, accept=True)


def reject_all_changes(docx_in: Path, docx_out: Path) -> None:
    _apply_changes(docx_in, docx_out, accept=False)


def _apply_changes(docx_in: Path, docx_out: Path, accept: bool) -> None:
    import zipfile

    from lxml import etree

    drop, keep = ("del", "ins") if accept else ("ins", "del")
    with zipfile.ZipFile(docx_in) as package:
        members = [(info, package.read(info)) for info in package.infolist()]
    with zipfile.ZipFile(docx_out, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in members:
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                for element in list(root.iter(w(drop))):
                    element.getparent().remove(element)
                for element in list(root.iter(w(keep))):
                    if not accept:
                        for t in element.iter(w("delText")):
                            t.tag = w("t")
                    parent = element.getparent()
                    index = parent.index(element)
                    for offset, child in enumerate(list(element)):
                        parent.insert(index + offset, child)
                    parent.remove(element)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            out.writestr(info.filename, data)


def paragraph_texts(path: Path) -> list[str]:
    """The text of every paragraph (reading order), runs in w:ins/w:hyperlink included."""
    from docx import Document

    document = Document(str(path))
    return ["".join(t.text or "" for t in p.iter(w("t"))) for p in word_paragraphs(document)]


def soffice_to_pdf(files: list[Path], out: Path, profile_dir: Path) -> subprocess.CompletedProcess:
    """Convert with LibreOffice (headless, its own user profile under `profile_dir`)."""
    return subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile_dir}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )


def repealed_cmp_finding(paragraph: int = 1) -> Finding:
    """CS201 on the words CMP of a CCAP.docx paragraph, with the CCP correction."""
    return Finding(
        "CS201",
        Severity.ERROR,
        "Référence abrogée.",
        "L2112-2",
        "CCAP.docx",
        Location(paragraph=paragraph),
        target=CMP,
        replacement=CCP,
    )
