"""Collecting the files of a consultation: folders, zips (nested, legacy names), single files."""

from __future__ import annotations

import zipfile

import pytest
from reading_helpers import Utf8NoFlagInfo, zip_with

from review.reading import read_consultation
from review.sources import Limits, collect_sources, member_name, read_source_bytes
from tools.simple_documents import Doc, P, write, write_zip, zip_bytes


def _doc(title: str) -> Doc:
    return Doc().add(P(title), P("Texte."))


def test_folder_is_walked_recursively_sorted_without_hidden_and_lock_files(tmp_path):
    root = tmp_path / "DCE-2026-014"
    write(root / "02_CCAP.docx", _doc("CCAP"))
    write(root / "01_RC.pdf", _doc("RC"))
    write(root / "Annexes" / "Annexe_clause_insertion.odt", _doc("Annexe"))
    (root / "~$02_CCAP.docx").write_bytes(b"lock")
    (root / ".DS_Store").write_bytes(b"x")
    (root / ".cache").mkdir()
    (root / ".cache" / "x.pdf").write_bytes(b"%PDF-1.4")
    (root / "Thumbs.db").write_bytes(b"x")
    sources = collect_sources(root)
    assert sources.name == "DCE-2026-014"
    assert [s.path for s in sources.sources] == [
        "01_RC.pdf",
        "02_CCAP.docx",
        "Annexes/Annexe_clause_insertion.odt",
    ]
    assert [s.format for s in sources.sources] == ["pdf", "docx", "odt"]
    assert sources.findings == []
    assert all(s.origin is not None and s.data is None for s in sources.sources)


def test_zip_with_folders_nested_zip_and_cp850_names(tmp_path):
    inner = zip_bytes({"DC4.docx": (write(tmp_path / "dc4.docx", _doc("DC4"))).read_bytes()})
    archive = write_zip(
        tmp_path / "DCE.zip",
        {
            "Pièces administratives/Règlement de consultation.pdf": write(
                tmp_path / "rc.pdf", _doc("RC")
            ),
            "Pièces administratives/Acte d'engagement.odt": write(tmp_path / "ae.odt", _doc("AE")),
            "Formulaires.zip": inner,
        },
        cp437_names=True,
    )
    # Really stored without the UTF-8 flag, in cp850:
    with zipfile.ZipFile(archive) as z:
        assert all(not (i.flag_bits & 0x800) for i in z.infolist())
        raw = z.infolist()[0].filename.encode("cp437")
        assert raw == "Pièces administratives/Règlement de consultation.pdf".encode("cp850")
    sources = collect_sources(archive)
    assert sources.name == "DCE"
    assert [s.path for s in sources.sources] == [
        "Pièces administratives/Règlement de consultation.pdf",
        "Pièces administratives/Acte d'engagement.odt",
        "Formulaires.zip/DC4.docx",
    ]
    # Members are read when their piece is (nothing held in memory meanwhile).
    assert all(s.member is not None and s.origin is None for s in sources.sources)
    assert all(s.read_bytes() for s in sources.sources)
    assert read_source_bytes(archive, "Formulaires.zip/DC4.docx").startswith(b"PK")


def test_cp850_only_characters_are_decoded():
    # « Ê » is 0xD2 in cp850 but a box-drawing character in cp437.
    info = zipfile.ZipInfo("x")
    info.filename = "ÊTAPE É.pdf".encode("cp850").decode("cp437")
    info.flag_bits = 0
    assert member_name(info) == "ÊTAPE É.pdf"


def test_utf8_names_with_and_without_the_flag(tmp_path):
    archive = zip_with(
        tmp_path / "DCE.zip",
        [
            ("Règlement.pdf", b"%PDF-1.4 a"),
            (Utf8NoFlagInfo("Cahier des clauses é.pdf"), b"%PDF-1.4 b"),
        ],
    )
    assert [s.path for s in collect_sources(archive).sources] == [
        "Règlement.pdf",
        "Cahier des clauses é.pdf",
    ]


def test_single_file(tmp_path):
    path = write(tmp_path / "CCAP.pdf", _doc("Cahier des clauses administratives particulières"))
    sources = collect_sources(path)
    assert [s.path for s in sources.sources] == ["CCAP.pdf"]
    assert read_source_bytes(path, "CCAP.pdf") == path.read_bytes()
    consultation = read_consultation(path)
    assert [p.path for p in consultation.pieces] == ["CCAP.pdf"]


def test_zip_inside_a_folder_is_opened(tmp_path):
    root = tmp_path / "DCE"
    write(root / "01_RC.docx", _doc("Règlement de la consultation"))
    write_zip(
        root / "Annexes.zip",
        {"Annexe_clause_insertion.odt": write(tmp_path / "a.odt", _doc("Annexe"))},
    )
    consultation = read_consultation(root)
    assert [p.path for p in consultation.pieces] == [
        "01_RC.docx",
        "Annexes.zip/Annexe_clause_insertion.odt",
    ]
    assert read_source_bytes(root, "Annexes.zip/Annexe_clause_insertion.odt").startswith(b"PK")
    assert read_source_bytes(root, "01_RC.docx") == (root / "01_RC.docx").read_bytes()
    with pytest.raises(FileNotFoundError):
        read_source_bytes(root, "absent.pdf")


def test_missing_path_raises_a_french_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="n'existe pas"):
        collect_sources(tmp_path / "absent")


def test_member_count_and_depth_limits(tmp_path):
    archive = zip_with(tmp_path / "many.zip", [(f"f{i}.pdf", b"%PDF-1.4") for i in range(10)])
    sources = collect_sources(archive, Limits(max_members=4))
    assert len(sources.sources) == 4
    [finding] = sources.findings
    assert finding.code == "CS901" and "plus de 4 fichiers" in finding.message

    level3 = zip_bytes({"RC.pdf": b"%PDF-1.4"})
    level2 = zip_bytes({"c.zip": level3})
    nested = zip_with(tmp_path / "nested.zip", [("b.zip", level2), ("top.pdf", b"%PDF-1.4")])
    sources = collect_sources(nested, Limits(max_depth=2))
    assert [s.path for s in sources.sources] == ["top.pdf"]
    assert [f.piece for f in sources.findings] == ["b.zip/c.zip"]
    assert "imbriquée" in sources.findings[0].message
    assert [s.path for s in collect_sources(nested).sources] == ["b.zip/c.zip/RC.pdf", "top.pdf"]


def test_total_expanded_size_is_bounded(tmp_path):
    members = [(f"p{i}.pdf", b"%PDF-1.4 " + bytes(range(256)) * 40) for i in range(5)]
    archive = zip_with(tmp_path / "big.zip", members)
    sources = collect_sources(archive, Limits(max_total_bytes=25_000))
    assert len(sources.sources) == 2
    assert sources.findings[0].code == "CS901" and "dépasse" in sources.findings[0].message
