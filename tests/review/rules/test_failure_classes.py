"""The failure classes seen on documents written by others (issue 13): each in the style
that failed, and its near-miss, so that the fix neither misses the style nor overreaches."""

from __future__ import annotations

from collections import Counter

import pytest
from dce_builder import (
    RC_OBJECT,
    Doc,
    P,
    T,
    ae,
    ccap,
    run,
    write_dce,
)

from tools.simple_documents import H


def _only(report, *expected: str) -> None:
    found = Counter(f.code for f in report.findings)
    assert found == Counter(expected), [
        (f.code, f.piece, f.lot, f.message) for f in report.findings
    ]


def _summary_rc(*rows: list[str]) -> Doc:
    """An RC that opens with a summary table of label | value rows, without colons."""
    return Doc(
        [
            P("Règlement de la consultation"),
            T([["L'essentiel du contrat", ""], ["Objet", "Construction d'un pôle enfance"], *rows]),
            H("Article 1 - Objet de la consultation"),
            P(RC_OBJECT),
        ]
    )


NO_CLAUSE_CCAP = ccap(clause_title=None)
NO_CLAUSE_AE = ae(commitment=None)


# ---------------------------------------------------------------- 1. key-value tables


@pytest.mark.parametrize("extension", ["docx", "odt", "pdf"])
def test_summary_table_row_sans_is_a_contract_without_clause(tmp_path, extension):
    """« Clauses sociales | Sans » in the RC's summary table: the consultation carries no
    clause, whatever the format draws the table with: no CS101, no CS103, no CS100."""
    rc_doc = _summary_rc(["Clauses sociales", "Sans"], ["Procédure", "Procédure adaptée"])
    report = run(
        write_dce(
            tmp_path,
            {
                "RC.docx": None,
                f"RC.{extension}": rc_doc,
                "CCAP.docx": NO_CLAUSE_CCAP,
                "AE.docx": NO_CLAUSE_AE,
            },
        )
    )
    _only(report)
    nones = [f for f in report.facts if f.kind == "clause_none"]
    assert [f.text for f in nones] == ["Clauses sociales : Sans"]


def test_summary_table_row_oui_announces_the_clause(tmp_path):
    """Near-miss: « Clause d'insertion | Oui – article 9 » announces a clause; the CCAP
    without a clause article is then CS101 (and the AE without hours CS103)."""
    rc_doc = _summary_rc(["Clause d'insertion", "Oui – article 9 du CCAP"])
    report = run(
        write_dce(
            tmp_path, {"RC.docx": rc_doc, "CCAP.docx": NO_CLAUSE_CCAP, "AE.docx": NO_CLAUSE_AE}
        )
    )
    _only(report, "CS101", "CS103")


def test_summary_table_other_row_sans_objet_is_not_the_clause(tmp_path):
    """Near-miss: « Variantes | Sans objet » and « Clauses environnementales | Sans » beside a
    full clause: the clause is not silenced."""
    rc_doc = _summary_rc(
        ["Variantes", "Sans objet"],
        ["Clauses environnementales", "Sans"],
        ["Clause sociale", "Oui – article 9 du CCAP"],
    )
    rc_doc.items.append(H("Article 5 - Conditions particulières d'exécution"))
    rc_doc.items.append(P("Lot 1 : 615 heures d'insertion ; lot 2 : 270 heures d'insertion."))
    report = run(write_dce(tmp_path, {"RC.docx": rc_doc}))
    _only(report)
    assert not [f for f in report.facts if f.kind == "clause_none"]
