"""CS9xx: reading problems are reported once each, with the profile's severities."""

from __future__ import annotations

from dce_builder import Doc, P, by_code, codes, run, write_dce

from clausier.profile import load_profile


def test_cs901_corrupt_piece_does_not_stop_the_review(tmp_path):
    root = write_dce(tmp_path)
    (root / "Annexe_clause.docx").write_bytes(b"PK\x03\x04 ceci n'est pas un document Word")
    report = run(root)
    found = by_code(report, "CS901")
    assert [f.piece for f in found] == ["Annexe_clause.docx"]
    assert codes(report)["CS901"] == 1 and len(report.findings) == 1


def test_cs903_word_piece_with_comments(tmp_path):
    from docx import Document

    root = write_dce(tmp_path)
    document = Document(str(root / "CCAP.docx"))
    paragraph = document.paragraphs[1]
    document.add_comment(paragraph.runs, text="À revoir", author="Relecteur")
    document.save(str(root / "CCAP.docx"))
    report = run(root)
    assert [f.piece for f in by_code(report, "CS903")] == ["CCAP.docx"]


def test_cs904_unknown_piece_and_profile_silence(tmp_path):
    root = write_dce(
        tmp_path, {"notes.docx": Doc([P("Quelques notes sans rapport avec la consultation.")])}
    )
    report = run(root)
    assert [f.piece for f in by_code(report, "CS904")] == ["notes.docx"]
    profile_file = tmp_path / "profil.toml"
    profile_file.write_text('[regles]\nCS904 = "désactivée"\n', encoding="utf-8")
    report = run(root, profile=load_profile(profile_file))
    assert "CS904" not in codes(report)
