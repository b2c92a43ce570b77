"""The batch register: an embedded SQLite file that makes `clausier batch` incremental.

One row per consultation (keyed by its path relative to ROOT) holds what the last review
was made from (content hash of every piece, profile hash, engine fingerprint, review
date) and what it found (the JSON report). A re-run compares the new key with the stored
one: equal -> the consultation is skipped and its stored report reused; different -> it
is reviewed again and its findings compared with the previous ones (new / fixed / still
open). The register is committed after every consultation, so an interrupted run keeps
everything already done.

A `findings` table repeats every finding in columns so that a user can query the
register with any SQLite tool (e.g. « which consultations still hold CS201? »).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1

# Status of a consultation in this run, compared with the register.
NEW = "new"  # never reviewed before
CHANGED = "changed"  # reviewed again: a piece, the profile, the engine or the date changed
UNCHANGED = "unchanged"  # skipped: the stored report is reused
STATUS_LABELS = {NEW: "nouveau", CHANGED: "modifié", UNCHANGED: "inchangé"}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    root TEXT NOT NULL,
    review_date TEXT NOT NULL,
    profile_hash TEXT NOT NULL,
    engine TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'running'   -- running | complete | interrupted
);
CREATE TABLE IF NOT EXISTS consultations (
    id TEXT PRIMARY KEY,              -- path relative to ROOT, posix ("2026/DCE-014.zip")
    safe_name TEXT NOT NULL UNIQUE,   -- base name of the report files in the output folder
    input_hash TEXT NOT NULL,         -- sha256 over every piece's path and content hash
    pieces TEXT NOT NULL,             -- JSON [[path, size, sha256], ...]
    profile_hash TEXT NOT NULL,
    engine TEXT NOT NULL,             -- rule catalogue / engine fingerprint
    review_date TEXT NOT NULL,
    report TEXT NOT NULL,             -- the JSON report (docs/sorties.md)
    status TEXT NOT NULL,             -- new | changed | unchanged (in the last run)
    changes TEXT NOT NULL,            -- JSON: new / fixed / open findings, changed pieces
    elapsed REAL NOT NULL DEFAULT 0,  -- seconds of the last real review
    run_id INTEGER,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS findings (
    consultation TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    severity TEXT NOT NULL,
    piece TEXT,
    page INTEGER,
    paragraph INTEGER,
    article TEXT,
    lot TEXT,
    message TEXT,
    suggestion TEXT,
    is_new INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS findings_by_consultation ON findings(consultation);
CREATE INDEX IF NOT EXISTS findings_by_code ON findings(code);
"""


class RegisterError(RuntimeError):
    """The register file cannot be used; the message is French and says what to do."""


@dataclass
class Entry:
    """One consultation as the register knows it."""

    id: str
    safe_name: str
    input_hash: str
    pieces: list[list[Any]]  # [[path, size, sha256], ...]
    profile_hash: str
    engine: str
    review_date: str
    report: dict[str, Any]
    status: str = NEW
    changes: dict[str, Any] = field(default_factory=dict)
    elapsed: float = 0.0
    run_id: int | None = None

    def same_key(self, input_hash: str, profile_hash: str, engine: str, review_date: str) -> bool:
        return (self.input_hash, self.profile_hash, self.engine, self.review_date) == (
            input_hash,
            profile_hash,
            engine,
            review_date,
        )


def finding_key(finding: dict[str, Any]) -> tuple[str, str, str, str]:
    """What identifies a finding from one run to the next: code, piece, lot, article.
    Messages and paragraph numbers move when a piece is edited; these do not."""
    location = finding.get("location") or {}
    return (
        str(finding.get("code") or ""),
        str(finding.get("piece") or ""),
        str(finding.get("lot") or ""),
        str(location.get("article") or ""),
    )


def compare_findings(
    previous: dict[str, Any] | None, current: dict[str, Any]
) -> tuple[list[dict], list[dict], list[dict]]:
    """(new, fixed, still open) findings of `current` against `previous` (JSON reports).

    Keys are counted as a multiset: two CS201 in the same article of the same piece, one
    of which was corrected, give one fixed and one still open."""
    now = current.get("findings") or []
    before = (previous or {}).get("findings") or []
    remaining = Counter(finding_key(f) for f in before)
    new, still_open = [], []
    for finding in now:
        key = finding_key(finding)
        if remaining[key] > 0:
            remaining[key] -= 1
            still_open.append(finding)
        else:
            new.append(finding)
    fixed = []
    for finding in before:
        key = finding_key(finding)
        if remaining[key] > 0:
            remaining[key] -= 1
            fixed.append(finding)
    return new, fixed, still_open


def flag_new(entry: Entry) -> Iterator[tuple[dict[str, Any], bool]]:
    """Each finding of the entry's report, with whether it is new in this run (one of the
    `changes` record's new findings; keys counted as a multiset, as in compare_findings)."""
    new_keys = Counter(
        finding_key({**f, "location": {"article": f.get("article")}})
        for f in entry.changes.get("new_findings", [])
    )
    for finding in entry.report.get("findings") or []:
        key = finding_key(finding)
        is_new = new_keys[key] > 0
        if is_new:
            new_keys[key] -= 1
        yield finding, is_new


def compare_pieces(previous: list[list[Any]] | None, current: list[list[Any]]) -> dict[str, list]:
    """Pieces added, removed and modified since the previous run (paths)."""
    before = {p[0]: p[2] for p in previous or []}
    now = {p[0]: p[2] for p in current}
    return {
        "added": sorted(set(now) - set(before)),
        "removed": sorted(set(before) - set(now)),
        "modified": sorted(p for p in set(now) & set(before) if now[p] != before[p]),
    }


def _short(finding: dict[str, Any]) -> dict[str, Any]:
    location = finding.get("location") or {}
    return {
        "code": finding.get("code"),
        "severity": finding.get("severity"),
        "piece": finding.get("piece"),
        "lot": finding.get("lot"),
        "article": location.get("article"),
        "message": finding.get("message"),
    }


def make_changes(
    previous: Entry | None, report: dict[str, Any], pieces: list[list[Any]]
) -> dict[str, Any]:
    """The `changes` record of a consultation reviewed in this run."""
    new, fixed, still_open = compare_findings(previous.report if previous else None, report)
    return {
        "new": len(new),
        "fixed": len(fixed),
        "open": len(still_open),
        "new_findings": [_short(f) for f in new],
        "fixed_findings": [_short(f) for f in fixed],
        "pieces": compare_pieces(previous.pieces if previous else None, pieces),
        "first_review": previous is None,
    }


def unchanged_changes(entry: Entry) -> dict[str, Any]:
    """The `changes` record of a skipped consultation: nothing new, nothing fixed."""
    return {
        "new": 0,
        "fixed": 0,
        "open": len(entry.report.get("findings") or []),
        "new_findings": [],
        "fixed_findings": [],
        "pieces": {"added": [], "removed": [], "modified": []},
        "first_review": False,
    }


class Register:
    """The SQLite register of one output folder. Only the batch's main process writes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # isolation_level=None: explicit transactions, one per consultation.
            self.db = sqlite3.connect(str(path), isolation_level=None, timeout=30)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.executescript(_SCHEMA)
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError as error:
            raise RegisterError(
                f"Le registre {path} n'est pas une base Clausier lisible ({error}). "
                "Supprimez-le pour tout relire, ou indiquez un autre fichier avec --register."
            ) from None
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        elif int(row[0]) > SCHEMA_VERSION:
            raise RegisterError(
                f"Le registre {path} a été écrit par une version plus récente de Clausier "
                f"(schéma {row[0]}). Mettez Clausier à jour, ou indiquez un autre fichier "
                "avec --register."
            )

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ runs

    def start_run(self, root: Path, review_date: str, profile_hash: str, engine: str) -> int:
        cursor = self.db.execute(
            "INSERT INTO runs (started_at, root, review_date, profile_hash, engine) "
            "VALUES (?, ?, ?, ?, ?)",
            (_now(), str(root), review_date, profile_hash, engine),
        )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, status: str) -> None:
        self.db.execute(
            "UPDATE runs SET finished_at = ?, status = ? WHERE id = ?", (_now(), status, run_id)
        )

    # ------------------------------------------------------------ consultations

    def get(self, consultation_id: str) -> Entry | None:
        row = self.db.execute(
            "SELECT id, safe_name, input_hash, pieces, profile_hash, engine, review_date, "
            "report, status, changes, elapsed, run_id FROM consultations WHERE id = ?",
            (consultation_id,),
        ).fetchone()
        if row is None:
            return None
        return Entry(
            id=row[0],
            safe_name=row[1],
            input_hash=row[2],
            pieces=json.loads(row[3]),
            profile_hash=row[4],
            engine=row[5],
            review_date=row[6],
            report=json.loads(row[7]),
            status=row[8],
            changes=json.loads(row[9]),
            elapsed=row[10],
            run_id=row[11],
        )

    def safe_names(self) -> dict[str, str]:
        """safe name -> consultation id, for every consultation ever registered."""
        return {
            name: cid for cid, name in self.db.execute("SELECT id, safe_name FROM consultations")
        }

    def ids(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT id FROM consultations")}

    def save(self, entry: Entry) -> None:
        """Store one consultation and its findings, in one committed transaction."""
        rows = []
        for finding, is_new in flag_new(entry):
            location = finding.get("location") or {}
            rows.append(
                (
                    entry.id,
                    finding.get("code"),
                    finding.get("severity"),
                    finding.get("piece"),
                    location.get("page"),
                    location.get("paragraph"),
                    location.get("article"),
                    finding.get("lot"),
                    finding.get("message"),
                    finding.get("suggestion"),
                    int(is_new),
                )
            )
        db = self.db
        db.execute("BEGIN")
        try:
            db.execute(
                "INSERT INTO consultations (id, safe_name, input_hash, pieces, profile_hash, "
                "engine, review_date, report, status, changes, elapsed, run_id, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET safe_name = excluded.safe_name, "
                "input_hash = excluded.input_hash, pieces = excluded.pieces, "
                "profile_hash = excluded.profile_hash, engine = excluded.engine, "
                "review_date = excluded.review_date, report = excluded.report, "
                "status = excluded.status, changes = excluded.changes, "
                "elapsed = excluded.elapsed, run_id = excluded.run_id, "
                "updated_at = excluded.updated_at",
                (
                    entry.id,
                    entry.safe_name,
                    entry.input_hash,
                    json.dumps(entry.pieces, ensure_ascii=False),
                    entry.profile_hash,
                    entry.engine,
                    entry.review_date,
                    json.dumps(entry.report, ensure_ascii=False),
                    entry.status,
                    json.dumps(entry.changes, ensure_ascii=False),
                    entry.elapsed,
                    entry.run_id,
                    _now(),
                ),
            )
            db.execute("DELETE FROM findings WHERE consultation = ?", (entry.id,))
            db.executemany("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            db.execute("COMMIT")
        except BaseException:
            # Ctrl-C may land after COMMIT succeeded (then no transaction is left: a
            # ROLLBACK would raise « cannot rollback » and hide the interruption).
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def mark_unchanged(self, entry: Entry, run_id: int) -> None:
        """A skipped consultation: its status and changes say « nothing changed »."""
        self.db.execute(
            "UPDATE consultations SET status = ?, changes = ?, run_id = ?, updated_at = ? "
            "WHERE id = ?",
            (
                UNCHANGED,
                json.dumps(entry.changes, ensure_ascii=False),
                run_id,
                _now(),
                entry.id,
            ),
        )
        self.db.execute("UPDATE findings SET is_new = 0 WHERE consultation = ?", (entry.id,))


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")
