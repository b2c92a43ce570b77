"""The engine: one entry point, timings, zip input, faulty rules, sorting, JSON."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "rules"))
from dce_builder import Doc, P, ccap, rc, write_dce  # noqa: E402

from review import rules as rules_module  # noqa: E402
from review.engine import review  # noqa: E402
from tools.simple_documents import write_zip  # noqa: E402

WHEN = date(2026, 11, 25)


def test_timings_are_filled(tmp_path):
    timings: dict[str, float] = {}
    review(write_dce(tmp_path), review_date=WHEN, timings=timings)
    assert set(timings) == {"lecture", "nlp", "faits", "regles"}
    assert all(v >= 0 for v in timings.values())


def test_zip_gives_the_same_findings_as_the_folder(tmp_path):
    folder = write_dce(tmp_path / "DCE", {"RC.docx": rc(clause=None)})
    members = {p.name: p for p in folder.iterdir()}
    archive = write_zip(tmp_path / "DCE.zip", members, cp437_names=True)
    by_folder = [(f.code, f.piece, f.lot) for f in review(folder, review_date=WHEN).findings]
    by_zip = [(f.code, f.piece, f.lot) for f in review(archive, review_date=WHEN).findings]
    assert by_folder == by_zip == [("CS102", "RC.docx", None)]


def test_findings_sorted_by_piece_then_place(tmp_path):
    root = write_dce(
        tmp_path,
        {
            "CCAP.docx": ccap(
                public="Publics éligibles : inscrits à Pôle emploi.",
                extra=[P("Vu l'article 14 du Code des marchés publics.")],
            ),
            "RC.docx": rc(clause=None),
        },
    )
    report = review(root, review_date=WHEN)
    order = [p.path for p in report.pieces]
    keys = [(order.index(f.piece), f.location.paragraph or 0) for f in report.findings if f.piece]
    assert keys == sorted(keys)


def test_a_failing_rule_does_not_stop_the_review_unless_strict(tmp_path, monkeypatch):
    def broken(consultation, facts, ctx):
        raise RuntimeError("boom")

    rules_module._load_families()
    original = rules_module.RULES["CS302"]
    monkeypatch.setitem(
        rules_module.RULES, "CS302", rules_module.Rule("CS302", original.severity, broken)
    )
    root = write_dce(tmp_path, {"RC.docx": rc(clause=None)})
    report = review(root, review_date=WHEN)
    assert [f.code for f in report.findings] == ["CS102"]
    with pytest.raises(RuntimeError):
        review(root, review_date=WHEN, strict=True)


def test_report_json_has_the_keys_of_the_spec(tmp_path):
    root = write_dce(
        tmp_path, {"CCAP.docx": ccap(extra=[P("Vu l'article 14 du Code des marchés publics.")])}
    )
    data = json.loads(json.dumps(review(root, review_date=WHEN).to_dict()))
    assert set(data) >= {"consultation", "reviewed_at", "pieces", "lots", "findings", "summary"}
    finding = data["findings"][0]
    assert set(finding) == {
        "code",
        "severity",
        "message",
        "suggestion",
        "piece",
        "location",
        "lot",
        "excerpt",
    }
    assert finding["code"] == "CS201" and finding["location"]["article"] == "9.7"
    assert len(finding["excerpt"]) <= 200
    assert data["summary"] == {"error": 1, "warning": 0, "info": 0}


def test_single_lot_consultation_is_lot_unique(tmp_path):
    root = write_dce(
        tmp_path,
        {
            "RC.docx": rc(
                lots=None,
                clause="Le marché comporte une clause sociale d'insertion de 150 heures d'insertion.",
            ),
            "CCAP.docx": ccap(hours=None, total="Le titulaire réalise 150 heures d'insertion."),
            "AE.docx": Doc(
                [
                    P("Acte d'engagement"),
                    P("Le candidat s'engage à réaliser 150 heures d'insertion."),
                ]
            ),
        },
    )
    report = review(root, review_date=WHEN)
    assert [(lot.number, lot.hours) for lot in report.lots] == [
        ("unique", {"CCAP": 150, "RC": 150, "AE": 150})
    ]
    assert report.findings == []
