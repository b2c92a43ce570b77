"""The samples with mistakes give exactly their expected findings.

Each `samples/<case>` (folder or .zip) with `samples/<case>.expected.json` next to it is
reviewed at the date the file gives (2026-11-25); the multiset of (code, piece, lot) must
equal the expected one. Recall and precision over all samples are printed (pytest -s).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from review.engine import review

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _cases() -> list[tuple[str, Path, Path]]:
    cases = []
    for expected in sorted(SAMPLES.glob("*.expected.json")):
        name = expected.name[: -len(".expected.json")]
        for candidate in (SAMPLES / name, SAMPLES / f"{name}.zip"):
            if candidate.exists():
                cases.append((name, candidate, expected))
                break
    return cases


CASES = _cases()


def _found(path: Path, when: date) -> Counter:
    report = review(path, review_date=when, strict=True)
    return Counter((f.code, f.piece, f.lot) for f in report.findings)


def _expected(file: Path) -> tuple[Counter, date]:
    data = json.loads(file.read_text(encoding="utf-8"))
    when = date.fromisoformat(data.get("review_date", "2026-11-25"))
    return Counter((f["code"], f["piece"], f["lot"]) for f in data["findings"]), when


@pytest.mark.skipif(not CASES, reason="no samples with expected findings")
@pytest.mark.parametrize("name,path,expected_file", CASES, ids=[c[0] for c in CASES])
def test_sample_gives_exactly_its_expected_findings(name, path, expected_file):
    expected, when = _expected(expected_file)
    found = _found(path, when)
    missing = expected - found
    extra = found - expected
    assert not missing and not extra, (
        f"{name}: manquants {sorted(missing)} ; en trop {sorted(extra)}"
    )


@pytest.mark.skipif(not CASES, reason="no samples with expected findings")
def test_recall_and_precision_over_all_samples():
    true_positive = expected_total = found_total = 0
    for _name, path, expected_file in CASES:
        expected, when = _expected(expected_file)
        found = _found(path, when)
        true_positive += sum((expected & found).values())
        expected_total += sum(expected.values())
        found_total += sum(found.values())
    recall = true_positive / expected_total if expected_total else 1.0
    precision = true_positive / found_total if found_total else 1.0
    print(f"\nÉchantillons : {len(CASES)} ; rappel {recall:.3f} ; précision {precision:.3f}")
    assert recall == 1.0 and precision == 1.0
