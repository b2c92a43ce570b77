"""Every bad input of a tender folder, as a real file: each gives a French CS901 naming the
file and what to do, the other pieces are still read, and no input is written or moved."""

from __future__ import annotations

import os
import shutil
import time
import zipfile

import pytest
from reading_helpers import (
    add_zip_part,
    encrypted_pdf,
    fingerprint,
    password_docx_bytes,
    symlink_member,
    zero_page_pdf,
    zip_with,
)

from clausier.model import PieceKind
from review import readers
from review.reading import read_consultation
from review.sources import DEFAULT_LIMITS, Limits
from tools.simple_documents import Doc, H, P, write

RC = Doc().add(P("RÈGLEMENT DE LA CONSULTATION"), H("ARTICLE 1 – Objet"), P("Travaux."))
CCAP = Doc().add(
    P("CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES"), H("ARTICLE 1 – Objet"), P("Travaux.")
)


@pytest.fixture
def bad_folder(tmp_path):
    """A DCE with two good pieces and one file of every bad kind."""
    root = tmp_path / "DCE"
    write(root / "01_RC.docx", RC)
    write(root / "02_CCAP.pdf", CCAP)
    good_docx = (root / "01_RC.docx").read_bytes()
    good_pdf = (root / "02_CCAP.pdf").read_bytes()

    (root / "vide.docx").write_bytes(b"")
    (root / "tronque.docx").write_bytes(good_docx[: len(good_docx) // 2])
    (root / "tronque.pdf").write_bytes(good_pdf[: len(good_pdf) // 2])
    (root / "protege.docx").write_bytes(password_docx_bytes())
    encrypted_pdf(root / "02_CCAP.pdf", root / "protege.pdf")
    zero_page_pdf(root / "sans_page.pdf")
    (root / "faux.pdf").write_text("Ceci n'est pas un PDF, juste du texte.", encoding="utf-8")
    (root / "corrompu.docx").write_bytes(good_docx)
    add_zip_part(root / "corrompu.docx", "word/document.xml", b"<w:document><w:body><w:p>")
    (root / "AE_deguise.pdf").write_bytes(
        write(tmp_path / "ae.docx", Doc().add(P("Acte d'engagement"))).read_bytes()
    )
    (root / "archive_cassee.zip").write_bytes(b"PK\x03\x04" + os.urandom(200))
    (root / "plan.dwg").write_bytes(b"AC1032" + os.urandom(100))
    (root / "inconnu.xyz").write_bytes(b"\x00\x01binary")

    bomb = b"\0" * (DEFAULT_LIMITS.ratio_min_bytes + 1024 * 1024)
    zip_with(
        root / "bombe.zip",
        [
            ("bombe.pdf", bomb),
            (
                "AE.docx",
                write(tmp_path / "ae2.docx", Doc().add(P("Acte d'engagement"))).read_bytes(),
            ),
        ],
    )
    zip_with(
        root / "chemins.zip",
        [
            ("../../evade.docx", good_docx),
            ("/etc/absolu.docx", good_docx),
            ("C:\\Windows\\lecteur.docx", good_docx),
            (symlink_member("lien.pdf", "/etc/passwd"), b"/etc/passwd"),
            (
                "sain/DC4.docx",
                write(
                    tmp_path / "dc4.docx", Doc().add(P("DC4 – Déclaration de sous-traitance"))
                ).read_bytes(),
            ),
        ],
    )
    outside = tmp_path / "hors_dossier.pdf"
    shutil.copy(root / "02_CCAP.pdf", outside)
    os.symlink(outside, root / "lien.pdf")
    with open(root / "enorme.pdf", "wb") as handle:  # sparse: no disk used
        handle.truncate(DEFAULT_LIMITS.max_file_bytes + 1)
    return root


def _by_piece(consultation):
    found: dict[str, list] = {}
    for finding in consultation.findings:
        found.setdefault(finding.piece, []).append(finding)
    for piece in consultation.pieces:
        for finding in piece.findings:
            found.setdefault(piece.path, []).append(finding)
    return found


def test_every_bad_input_gives_its_finding_and_the_rest_is_read(bad_folder):
    before = fingerprint(bad_folder.parent)
    consultation = read_consultation(bad_folder)
    found = _by_piece(consultation)

    expected = {
        "vide.docx": "vide",
        "tronque.docx": "endommagé ou incomplet",
        "tronque.pdf": "PDF",
        "protege.docx": "mot de passe",
        "protege.pdf": "mot de passe",
        "sans_page.pdf": "sans aucune page",
        "faux.pdf": "ne contient pas un PDF",
        "corrompu.docx": "endommagé",
        "archive_cassee.zip": "archive zip",
        "inconnu.xyz": "non pris en charge",
        "bombe.zip/bombe.pdf": "bombe zip",
        "chemins.zip/../../evade.docx": "sort du dossier",
        "chemins.zip//etc/absolu.docx": "sort du dossier",
        "chemins.zip/C:\\Windows\\lecteur.docx": "sort du dossier",
        "chemins.zip/lien.pdf": "lien symbolique",
        "lien.pdf": "lien symbolique",
        "enorme.pdf": "trop volumineux",
    }
    for path, words in expected.items():
        assert path in found, path
        [finding] = [f for f in found[path] if f.code == "CS901"]
        assert words in finding.message, (path, finding.message)
        name = path.rsplit("/", 1)[-1].split("\\")[-1]
        assert name in finding.message or path.split("/")[0] in finding.message, finding.message
        assert finding.suggestion and finding.severity.value == "error"

    pieces = {p.path: p for p in consultation.pieces}
    # The good pieces, and the good members of the bad archives, are read.
    assert pieces["01_RC.docx"].kind == PieceKind.RC and pieces["01_RC.docx"].readable
    assert pieces["02_CCAP.pdf"].kind == PieceKind.CCAP and pieces["02_CCAP.pdf"].articles
    assert pieces["bombe.zip/AE.docx"].kind == PieceKind.AE
    assert pieces["chemins.zip/sain/DC4.docx"].kind == PieceKind.DC4
    # A Word file named .pdf is read as what it is.
    assert (
        pieces["AE_deguise.pdf"].kind == PieceKind.AE and pieces["AE_deguise.pdf"].format == "docx"
    )
    assert pieces["AE_deguise.pdf"].readable
    # A plan is listed, not an error.
    assert [f.code for f in pieces["plan.dwg"].findings] == ["CS904"]
    # Nothing was written, moved or extracted.
    assert fingerprint(bad_folder.parent) == before
    assert sorted(p.name for p in bad_folder.parent.iterdir()) == [
        "DCE",
        "ae.docx",
        "ae2.docx",
        "dc4.docx",
        "hors_dossier.pdf",
    ]


def test_zip_member_larger_than_the_limit_is_not_expanded(tmp_path):
    archive = zip_with(
        tmp_path / "DCE.zip", [("gros.pdf", b"%PDF-1.4" + os.urandom(5000)), ("RC.pdf", b"%PDF")]
    )
    consultation = read_consultation(archive, Limits(max_file_bytes=4000))
    assert [p.path for p in consultation.pieces] == ["RC.pdf"]
    assert "trop volumineux une fois décompressé" in consultation.findings[0].message


def test_encrypted_zip_member(tmp_path):
    archive = zip_with(tmp_path / "DCE.zip", [("RC.pdf", b"%PDF-1.4")])
    data = bytearray(archive.read_bytes())
    # Set the "encrypted" bit of the member in both headers.
    with zipfile.ZipFile(archive) as z:
        info = z.infolist()[0]
    data[6] |= 1
    central = data.find(b"PK\x01\x02")
    data[central + 8] |= 1
    archive.write_bytes(bytes(data))
    consultation = read_consultation(archive)
    assert consultation.pieces == []
    assert (
        "mot de passe" in consultation.findings[0].message
        and info.filename in consultation.findings[0].message
    )


def test_a_reader_that_runs_too_long_is_stopped(tmp_path, monkeypatch):
    def slow(source):
        time.sleep(30)

    monkeypatch.setitem(readers.READERS, "lent", slow)
    root = tmp_path / "DCE"
    write(root / "01_RC.docx", RC)
    (root / "piece.lent").write_text("x")
    started = time.monotonic()
    consultation = read_consultation(root, piece_timeout=0.3)
    assert time.monotonic() - started < 20
    pieces = {p.path: p for p in consultation.pieces}
    [finding] = pieces["piece.lent"].findings
    assert finding.code == "CS901" and "lecture interrompue après 0.3 s" in finding.message
    assert len(pieces["piece.lent"].sha256) == 64
    assert pieces["01_RC.docx"].kind == PieceKind.RC


def test_old_word_file_without_libreoffice(tmp_path, monkeypatch):
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    monkeypatch.setenv("PATH", str(empty_bin))
    path = tmp_path / "CCAP.doc"
    # The head of a real OLE2 Word file: the reader must not need more to decide.
    path.write_bytes(
        readers.OLE2_MAGIC + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 1000
    )
    piece = read_consultation(path).pieces[0]
    [finding] = piece.findings
    assert finding.code == "CS901" and "LibreOffice" in finding.message
    assert ".docx ou PDF" in finding.suggestion


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) absent")
def test_old_word_and_rtf_files_through_libreoffice(tmp_path):
    import subprocess

    source = write(tmp_path / "src" / "CCAP.docx", CCAP)
    out = tmp_path / "dce"
    for target in ("doc", "rtf"):
        subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                "--convert-to",
                target,
                "--outdir",
                str(out),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    before = fingerprint(out)
    consultation = read_consultation(out)
    assert [(p.path, p.format, p.kind) for p in consultation.pieces] == [
        ("CCAP.doc", "doc", PieceKind.CCAP),
        ("CCAP.rtf", "rtf", PieceKind.CCAP),
    ]
    for piece in consultation.pieces:
        assert [(a.number, a.title) for a in piece.articles] == [("1", "Objet")]
        assert piece.findings == []
    assert fingerprint(out) == before
