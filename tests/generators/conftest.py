"""Fixtures of the report and annotation tests (helpers in gen_helpers.py)."""

from __future__ import annotations

import pytest
from gen_helpers import ccap_findings, make_report, piece

from clausier.model import Finding, Lot, PieceKind, Report, Severity


@pytest.fixture
def sample_report() -> Report:
    pieces = [
        piece("01_RC.pdf", "pdf", PieceKind.RC, pages=3),
        piece("02_CCAP.docx", "docx", paragraphs=12),
        piece("03_AE.odt", "odt", PieceKind.AE, paragraphs=20),
    ]
    findings = ccap_findings("02_CCAP.docx") + [
        Finding(
            "CS105",
            Severity.INFO,
            "Aucun DPGF dans le dossier : il n'a pas pu être relu.",
            None,
            None,
        )
    ]
    lots = [
        Lot("1", "Gros œuvre", 420000.0, "gros_oeuvre", {"CCAP": 280, "AE": 280}, 280),
        Lot("2", "Électricité", 150000.0, "electricite", {"CCAP": 120, "AE": 150}, 115),
    ]
    return make_report(pieces, findings, lots)
