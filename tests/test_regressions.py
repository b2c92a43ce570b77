"""Regression tests: one per bug found and fixed (append only)."""

from __future__ import annotations

# ---------------------------------------------------------------- batch


def test_reviews_in_two_threads_of_one_process_do_not_corrupt_spacy(tmp_path):
    """Dask workers run tasks in threads; spaCy's string store is not thread-safe and two
    simultaneous reviews ended in « KeyError: [E018] Can't retrieve string for hash ». The
    batch task now serialises reviews within a process."""
    from concurrent.futures import ThreadPoolExecutor
    from datetime import date

    from clausier.batch_worker import Task, review_task
    from generators.simple_documents import Doc, H, P, write

    tasks = []
    for n in range(6):
        folder = tmp_path / f"DCE-{n}"
        write(
            folder / "CCAP.docx",
            Doc(
                [
                    H("Cahier des clauses administratives particulières"),
                    H("Article 7 - Clause sociale d'insertion"),
                    P(f"Le titulaire réalise {100 + n} heures d'insertion (lot {n})."),
                ]
            ),
        )
        tasks.append(Task(id=folder.name, path=str(folder), review_date=date(2026, 11, 25)))
    with ThreadPoolExecutor(max_workers=3) as pool:
        outcomes = list(pool.map(review_task, tasks))
    for outcome in outcomes:
        assert not [f for f in outcome["report"]["findings"] if f["code"] == "CS901"], outcome


def test_hours_cell_with_non_breaking_space_is_read_whole(tmp_path):
    """Review: « 2 155 heures » (U+00A0) in a table total was read as 2 hours (CS402 false
    positive on the conforming works sample)."""
    from datetime import date as _date

    from generators.simple_documents import H as _H
    from generators.simple_documents import P as _P
    from generators.simple_documents import T as _T
    from generators.simple_documents import Doc as _Doc
    from generators.simple_documents import write as _write
    from review.engine import review as _review

    table = _T(
        [
            ["Lot", "Heures d'insertion"],
            ["1", "1\u00a0200 heures"],
            ["2", "955\u00a0heures"],
            ["Total", "2\u00a0155 heures"],
        ]
    )
    _write(tmp_path / "CCAP.docx", _Doc([_P("Cahier des clauses administratives particulières"), _H("Article 9 - Clause sociale d'insertion"), table]))
    report = _review(tmp_path, review_date=_date(2026, 11, 25), strict=True)
    assert "CS402" not in {f.code for f in report.findings}
    assert {lot.number: lot.hours.get("CCAP") for lot in report.lots} == {"1": 1200, "2": 955}
