"""The batch register (SQLite): storing, reading back, comparing runs, refusing bad files."""

from __future__ import annotations

import sqlite3

import pytest

from apps.batch.register import (
    CHANGED,
    NEW,
    Entry,
    Register,
    RegisterError,
    compare_findings,
    compare_pieces,
    make_changes,
    unchanged_changes,
)


def finding(code: str, piece: str = "CCAP.docx", article: str | None = "7", lot=None, **extra):
    return {
        "code": code,
        "severity": extra.get("severity", "error"),
        "message": extra.get("message", f"Constat {code}"),
        "suggestion": None,
        "piece": piece,
        "location": {"page": None, "paragraph": extra.get("paragraph", 3), "article": article},
        "lot": lot,
        "excerpt": None,
    }


def report(*findings) -> dict:
    return {"consultation": "DCE", "reviewed_at": "2026-11-25", "pieces": [], "lots": [],
            "findings": list(findings), "summary": {}}  # fmt: skip


def entry(cid: str = "DCE-A", **changes) -> Entry:
    data = report(finding("CS201"), finding("CS403", lot="1", severity="warning"))
    return Entry(
        id=cid,
        safe_name=cid,
        input_hash="h1",
        pieces=[["CCAP.docx", 10, "aa"]],
        profile_hash="p",
        engine="e",
        review_date="2026-11-25",
        report=data,
        changes=make_changes(None, data, [["CCAP.docx", 10, "aa"]]),
        **{"status": NEW, **changes},
    )


def test_findings_are_matched_by_code_piece_lot_and_article():
    before = report(finding("CS201", paragraph=3), finding("CS201", paragraph=9), finding("CS102"))
    # The piece was edited: paragraphs moved, one CS201 corrected, a CS403 appeared.
    after = report(
        finding("CS201", paragraph=5, message="autre texte"),
        finding("CS403", lot="2"),
        finding("CS102", article="8"),  # another article: a new finding, the old one fixed
    )
    new, fixed, still_open = compare_findings(before, after)
    assert [f["code"] for f in still_open] == ["CS201"]
    assert sorted(f["code"] for f in new) == ["CS102", "CS403"]
    assert sorted(f["code"] for f in fixed) == ["CS102", "CS201"]


def test_first_review_has_everything_new():
    new, fixed, still_open = compare_findings(None, report(finding("CS201")))
    assert (len(new), len(fixed), len(still_open)) == (1, 0, 0)


def test_pieces_added_removed_modified():
    assert compare_pieces(
        [["RC.docx", 1, "a"], ["CCAP.docx", 1, "b"], ["AE.odt", 1, "c"]],
        [["RC.docx", 1, "a"], ["CCAP.docx", 2, "B"], ["Annexe.pdf", 1, "d"]],
    ) == {"added": ["Annexe.pdf"], "removed": ["AE.odt"], "modified": ["CCAP.docx"]}


def test_save_and_get_round_trip(tmp_path):
    path = tmp_path / "sortie" / "clausier.sqlite"
    with Register(path) as register:
        run = register.start_run(tmp_path, "2026-11-25", "p", "e")
        register.save(entry(run_id=run))
        register.finish_run(run, "complete")
    with Register(path) as register:
        got = register.get("DCE-A")
        assert got is not None and got.same_key("h1", "p", "e", "2026-11-25")
        assert not got.same_key("h2", "p", "e", "2026-11-25")
        assert not got.same_key("h1", "p", "e", "2026-11-26")
        assert got.report["findings"][0]["code"] == "CS201"
        assert got.changes["new"] == 2 and got.changes["first_review"]
        assert register.safe_names() == {"DCE-A": "DCE-A"}
        assert register.get("absent") is None
    db = sqlite3.connect(path)
    rows = db.execute("SELECT code, severity, lot, article, is_new FROM findings ORDER BY code")
    assert rows.fetchall() == [("CS201", "error", None, "7", 1), ("CS403", "warning", "1", "7", 1)]


def test_saving_again_replaces_the_findings(tmp_path):
    path = tmp_path / "clausier.sqlite"
    with Register(path) as register:
        register.save(entry())
        previous = register.get("DCE-A")
        data = report(finding("CS201"))
        again = entry(status=CHANGED)
        again.report = data
        again.changes = make_changes(previous, data, again.pieces)
        register.save(again)
        assert again.changes["fixed"] == 1 and again.changes["new"] == 0
        skipped = register.get("DCE-A")
        skipped.changes = unchanged_changes(skipped)
        register.mark_unchanged(skipped, 7)
        assert register.get("DCE-A").status == "unchanged"
    db = sqlite3.connect(path)
    assert db.execute("SELECT code, is_new FROM findings").fetchall() == [("CS201", 0)]


def test_a_file_that_is_not_a_register_is_refused(tmp_path):
    path = tmp_path / "clausier.sqlite"
    path.write_text("ceci n'est pas une base", encoding="utf-8")
    with pytest.raises(RegisterError, match="--register"):
        Register(path)


def test_a_register_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "clausier.sqlite"
    Register(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    db.commit()
    db.close()
    with pytest.raises(RegisterError, match="plus récente"):
        Register(path)


class _InterruptedAfterCommit(sqlite3.Connection):
    """A real connection on which Ctrl-C lands just after COMMIT succeeded."""

    def execute(self, sql, *args):
        cursor = super().execute(sql, *args)
        if sql == "COMMIT":
            raise KeyboardInterrupt
        return cursor


def test_ctrl_c_after_commit_is_an_interruption_not_a_rollback_error(tmp_path):
    """3 runs in 10 issued ROLLBACK after a successful COMMIT: « cannot rollback - no
    transaction is active », a traceback and exit 1 instead of 130."""
    path = tmp_path / "clausier.sqlite"
    with Register(path) as register:
        register.db.close()
        register.db = sqlite3.connect(
            str(path), isolation_level=None, factory=_InterruptedAfterCommit
        )
        with pytest.raises(KeyboardInterrupt):
            register.save(entry("DCE-A"))
    with Register(path) as register:
        assert register.get("DCE-A") is not None  # the commit stands
