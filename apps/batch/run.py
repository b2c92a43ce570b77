"""`clausier batch`: review every consultation under a folder, in parallel, incrementally.
The orchestration; discovery, fingerprints, progress, the pool and Dask have a module each.

    ROOT ─► discover() ─► key (content hash, profile, engine, date) ─► register: skip?
                                   │ to review
                                   ▼
          worker pool (or Dask) ─► review_task() ─► DIR/<name>.json, .html ─► register
                                   ▼
          summaries: DIR/synthese.csv, synthese.xlsx, index.html

The pool is ours rather than `concurrent.futures.ProcessPoolExecutor`: a consultation that
hangs must be stopped by killing the one worker that holds it, and the executor cannot
kill one worker without breaking the whole pool (every pending future then fails with
BrokenProcessPool). Our pool gives each worker its own pipe, knows which consultation
each one holds, kills and replaces exactly that worker, and recycles every worker after
`max_tasks_per_child` consultations so that memory stays flat (the same idea as the
executor's option of that name). Workers are forked from a "forkserver" process that has
already imported the engine and loaded its tokenizer and patterns, so a fresh worker starts in
milliseconds.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from apps.batch.discovery import discover, hash_consultation, safe_name
from apps.batch.errors import BatchError
from apps.batch.fingerprint import engine_fingerprint, load_effective_profile, profile_fingerprint
from apps.batch.on_dask import run_on_dask
from apps.batch.pool import LocalPool, Outcome
from apps.batch.progress import Progress
from apps.batch.register import (
    CHANGED,
    NEW,
    UNCHANGED,
    Entry,
    Register,
    make_changes,
    unchanged_changes,
)
from apps.batch.summary import RunInfo, write_all, write_atomic
from apps.batch.worker import Task, failure_report, render

DEFAULT_PIECE_TIMEOUT = 60.0  # seconds for one piece (read_consultation's alarm)
DEFAULT_CONSULTATION_TIMEOUT = 600.0  # seconds for one consultation (the watchdog)
MAX_TASKS_PER_CHILD = 40  # consultations per worker before it is replaced
REGISTER_NAME = "clausier.sqlite"


# ------------------------------------------------------------------ the batch


@dataclass
class BatchResult:
    out_dir: Path
    entries: list[Entry] = field(default_factory=list)  # every consultation done or skipped
    reviewed: int = 0
    skipped: int = 0
    failed: int = 0
    not_done: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    summaries: list[Path] = field(default_factory=list)
    loose: list[str] = field(default_factory=list)  # files of ROOT outside any consultation

    def totals(self) -> dict[str, int]:
        from apps.batch.summary import counts

        total = {"error": 0, "warning": 0, "info": 0}
        for entry in self.entries:
            for key, value in counts(entry.report).items():
                total[key] += value
        return total

    def fails(self, fail_on: str) -> bool:
        """True when a consultation holds a finding reaching `fail_on` (exit status 1)."""
        if fail_on == "never":
            return False
        from clausier.model import severity_rank

        threshold = severity_rank(fail_on)
        return any(
            severity_rank(f.get("severity")) >= threshold
            for entry in self.entries
            for f in entry.report.get("findings") or []
        )


def check_out_dir(out_dir: Path, register_path: Path, force: bool) -> None:
    """An output folder is reused freely when it holds a register (that is what makes
    re-runs normal); a non-empty folder without one is refused without --force, so that
    a mistyped -o never writes over someone's files."""
    if out_dir.exists() and not out_dir.is_dir():
        raise BatchError(
            f"{out_dir} existe et n'est pas un dossier : choisissez un dossier avec -o."
        )
    if force or register_path.exists() or not out_dir.exists():
        return
    if any(out_dir.iterdir()):
        raise BatchError(
            f"Le dossier de sortie {out_dir} n'est pas vide et ne contient pas de registre "
            f"Clausier ({register_path.name}). Choisissez un dossier vide ou nouveau, ou "
            "ajoutez --force pour y écrire quand même."
        )


def run_batch(
    root: Path,
    out_dir: Path,
    jobs: int | None = None,
    profile_path: Path | None = None,
    review_date: date | None = None,
    *,
    dask_address: str | None = None,
    force: bool = False,
    full: bool = False,
    register_path: Path | None = None,
    piece_timeout: float | None = DEFAULT_PIECE_TIMEOUT,
    consultation_timeout: float = DEFAULT_CONSULTATION_TIMEOUT,
    max_tasks_per_child: int = MAX_TASKS_PER_CHILD,
    plugins: Iterable[str] = (),
    progress: bool | None = None,
    engine_version: str | None = None,
    echo: Callable[[str], None] | None = None,
) -> BatchResult:
    """Review every consultation under `root` into `out_dir`; see the module docstring.

    `full` reviews everything again, ignoring the register. KeyboardInterrupt is caught:
    what is done is kept (register and summaries) and the result says `interrupted`.
    `engine_version` replaces the engine fingerprint (benchmarks run in a checkout that
    others edit meanwhile: they pin it so that the re-run measures the register, not them)."""
    started = time.perf_counter()
    root, out_dir = Path(root).resolve(), Path(out_dir).resolve()
    register_path = Path(register_path).resolve() if register_path else out_dir / REGISTER_NAME
    review_date = review_date or date.today()
    check_out_dir(out_dir, register_path, force)
    profile, profile_name = load_effective_profile(profile_path)
    found, loose = discover(root, exclude=[out_dir, register_path])
    if not found:
        raise BatchError(
            f"Aucun dossier de consultation trouvé dans {root} : ROOT doit contenir un "
            "sous-dossier ou un fichier .zip par consultation."
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    result = BatchResult(out_dir=out_dir, loose=loose)
    profile_hash = profile_fingerprint(profile, profile_path)
    engine = engine_version or engine_fingerprint()
    day = review_date.isoformat()

    with Register(register_path) as register:
        run_id = register.start_run(root, day, profile_hash, engine)
        taken = {name.lower() for name in register.safe_names()}
        done: dict[str, Entry] = {}
        keys: dict[str, tuple[str, list, Entry | None, str]] = {}
        tasks: list[Task] = []
        progress_bar: Progress | None = None
        try:
            for cid, path in found:
                input_hash, pieces = hash_consultation(path)
                previous = register.get(cid)
                name = previous.safe_name if previous else safe_name(cid, taken)
                taken.add(name.lower())
                keys[cid] = (input_hash, pieces, previous, name)
                if (
                    previous is not None
                    and not full
                    and previous.same_key(input_hash, profile_hash, engine, day)
                    and (out_dir / f"{name}.json").exists()
                    and (out_dir / f"{name}.html").exists()
                ):
                    previous.status = UNCHANGED
                    previous.changes = unchanged_changes(previous)
                    register.mark_unchanged(previous, run_id)
                    done[cid] = previous
                    result.skipped += 1
                    continue
                tasks.append(
                    Task(
                        id=cid,
                        path=str(path),
                        review_date=review_date,
                        profile=profile,
                        piece_timeout=piece_timeout,
                        plugins=list(plugins) if dask_address else [],
                    )
                )

            progress_bar = Progress(len(tasks), progress)

            def on_done(task: Task, outcome: Outcome | None, failure: str | None) -> None:
                input_hash, pieces, previous, name = keys[task.id]
                if outcome is None:
                    outcome = _failure_outcome(task, failure or "", name)
                    result.failed += 1
                _write_reports(out_dir, name, outcome)
                report = outcome["report"]
                entry = Entry(
                    id=task.id,
                    safe_name=name,
                    input_hash=input_hash,
                    pieces=pieces,
                    profile_hash=profile_hash,
                    # A consultation stopped by the watchdog is retried by the next run.
                    engine=engine if failure is None else "!retry",
                    review_date=day,
                    report=report,
                    status=NEW if previous is None else CHANGED,
                    changes=make_changes(previous, report, pieces),
                    elapsed=float(outcome.get("elapsed", 0.0)),
                    run_id=run_id,
                )
                register.save(entry)
                done[task.id] = entry
                result.reviewed += 1
                progress_bar.advance(
                    any(f.get("severity") == "error" for f in report.get("findings") or [])
                )

            if tasks and dask_address:
                run_on_dask(dask_address, tasks, on_done)
            elif tasks:
                jobs = jobs or _cpu_count()
                pool = LocalPool(
                    min(jobs, len(tasks)), max_tasks_per_child, consultation_timeout, list(plugins)
                )
                try:
                    pool.run(tasks, on_done)
                finally:
                    pool.close()
        except KeyboardInterrupt:
            result.interrupted = True
        finally:
            if progress_bar is not None:
                progress_bar.stop()
        with _interruptions_noted(result):  # a second Ctrl-C must not lose the summaries
            result.entries = [done[cid] for cid, _ in found if cid in done]
            result.not_done = len(found) - len(result.entries)
            result.seconds = time.perf_counter() - started
            info = RunInfo(
                root=str(root),
                review_date=day,
                profile=profile_name,
                reviewed=result.reviewed,
                skipped=result.skipped,
                failed=result.failed,
                seconds=result.seconds,
                interrupted=result.interrupted,
                not_done=result.not_done,
                missing=sorted(register.ids() - {cid for cid, _ in found}),
            )
            result.summaries = write_all(out_dir, result.entries, info)
            register.finish_run(run_id, "interrupted" if result.interrupted else "complete")
    return result


@contextlib.contextmanager
def _interruptions_noted(result: BatchResult) -> Iterator[None]:
    """While the summaries and the run's status are written, Ctrl-C only marks the run
    interrupted (main thread only: signal handlers cannot be set elsewhere)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def note(signum, frame) -> None:  # noqa: ARG001
        result.interrupted = True

    previous = signal.signal(signal.SIGINT, note)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _failure_outcome(task: Task, reason: str, name: str) -> Outcome:
    report = failure_report(
        task,
        f"Le dossier {task.id} n'a pas pu être relu : {reason}",
        f"Relisez-le seul avec « clausier review {task.path} » pour trouver la pièce en "
        "cause ; retirez ou réenregistrez cette pièce, ou augmentez --consultation-timeout.",
    )
    json_text, html_text = render(report)
    return {"id": task.id, "json": json_text, "report": json.loads(json_text), "html": html_text}


def _write_reports(out_dir: Path, name: str, outcome: Outcome) -> None:
    write_atomic(out_dir / f"{name}.json", outcome["json"])
    write_atomic(out_dir / f"{name}.html", outcome["html"])


def _cpu_count() -> int:
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not Linux
        return max(os.cpu_count() or 1, 1)


__all__ = [
    "BatchError",
    "BatchResult",
    "discover",
    "engine_fingerprint",
    "hash_consultation",
    "run_batch",
    "safe_name",
]
