"""The bundled samples are read with the right piece kinds and article outlines."""

from __future__ import annotations

from pathlib import Path

import pytest

from review.reading import read_consultation

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

KINDS = {
    "travaux-conforme": {
        "00_AAPC.pdf": "AAPC",
        "01_RC.docx": "RC",
        "02_CCAP.pdf": "CCAP",
        "03_AE_Lot01.docx": "AE",
        "03_AE_Lot02.docx": "AE",
        "03_AE_Lot03.docx": "AE",
        "03_AE_Lot04.docx": "AE",
        "04_Annexe_clause_sociale_insertion.odt": "ANNEXE_CLAUSE",
    },
    "travaux-avec-erreurs": {
        "AAPC.pdf": "AAPC",
        "AE.odt": "AE",
        "CCAP.docx": "CCAP",
        "RC.pdf": "RC",
    },
    "services-accord-cadre.zip": {
        "Avis d'appel public à la concurrence.pdf": "AAPC",
        "Pièces administratives/Règlement de consultation.pdf": "RC",
        "Pièces administratives/CCAP.docx": "CCAP",
        "Pièces administratives/Acte d'engagement.odt": "AE",
        "Annexes/Annexe clause sociale d'insertion.docx": "ANNEXE_CLAUSE",
    },
    "services-seuil-2026": {"AE.odt": "AE", "CCAP.pdf": "CCAP", "RC.docx": "RC"},
    "fournitures-sans-clause": {"AE.docx": "AE", "CCAP.pdf": "CCAP", "RC.odt": "RC"},
}


@pytest.mark.parametrize("sample", list(KINDS))
def test_sample_kinds_and_outlines(sample):
    path = SAMPLES / sample
    if not path.exists():
        pytest.skip(f"sample {sample} not built")
    consultation = read_consultation(path)
    assert consultation.findings == []
    assert {p.path: p.kind.value for p in consultation.pieces} == KINDS[sample]
    for piece in consultation.pieces:
        assert piece.readable and piece.findings == []
        numbers = [a.number for a in piece.articles]
        assert len(numbers) >= 3 and numbers[:3] == ["1", "2", "3"], (piece.path, numbers)


def test_clause_article_of_the_works_ccap():
    path = SAMPLES / "travaux-conforme"
    if not path.exists():
        pytest.skip("sample not built")
    consultation = read_consultation(path)
    [ccap] = consultation.by_kind(consultation.pieces[0].kind.__class__("CCAP"))
    clause = next(a for a in ccap.articles if "INSERTION" in a.title)
    assert [c.number for c in clause.children][:3] == [f"{clause.number}.{n}" for n in (1, 2, 3)]
    assert any(b.place.table is not None for b in clause.all_blocks())  # hours per lot table
