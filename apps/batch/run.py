"""`clausier batch`: review every consultation under a folder, in parallel, incrementally.

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
already imported the engine and built spaCy's pipeline, so a fresh worker starts in
milliseconds.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

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
from apps.batch.worker import Task, failure_report, render, review_task
from clausier import __version__

DEFAULT_PIECE_TIMEOUT = 60.0  # seconds for one piece (read_consultation's alarm)
DEFAULT_CONSULTATION_TIMEOUT = 600.0  # seconds for one consultation (the watchdog)
MAX_TASKS_PER_CHILD = 40  # consultations per worker before it is replaced
REGISTER_NAME = "clausier.sqlite"
_RESERVED = {"index", "synthese", "clausier"}  # base names the summaries use
_HASH_CHUNK = 1 << 20


class BatchError(RuntimeError):
    """A batch that cannot start (French message: what is wrong and what to do)."""


# ------------------------------------------------------------------ discovery


def _is_ignored(name: str) -> bool:
    from review.sources import is_ignored

    return is_ignored(name) or name.lower() == "__macosx"


def discover(root: Path, exclude: Iterable[Path] = ()) -> tuple[list[tuple[str, Path]], list[str]]:
    """Every consultation under ROOT as (id, path), id = path relative to ROOT (posix),
    and the loose files of ROOT that were left aside.

    Each sub-folder of ROOT and each .zip is one consultation; below ROOT, a folder holding
    only sub-folders and .zip files is descended (a territory's « 2026/ » folder), and a
    folder holding any other file is one consultation (its sub-folders and zips are part
    of it). ROOT holding only loose files is itself one consultation."""
    excluded = {p.resolve() for p in exclude}
    found: list[tuple[str, Path]] = []
    loose: list[str] = []

    def children_of(folder: Path) -> list[Path]:
        try:
            children = sorted(folder.iterdir(), key=lambda p: p.name.lower())
        except OSError:
            return []
        return [c for c in children if not _is_ignored(c.name) and c.resolve() not in excluded]

    def visit(folder: Path, top: bool) -> None:
        children = children_of(folder)
        containers = [c for c in children if c.is_dir() or c.suffix.lower() == ".zip"]
        others = [c for c in children if c.is_file() and c.suffix.lower() != ".zip"]
        if others and (not top or not containers):
            found.append((_relative(root, folder), folder))
            return
        loose.extend(_relative(root, c) for c in others)
        for child in containers:
            if child.is_file():
                found.append((_relative(root, child), child))
            else:
                visit(child, top=False)

    visit(root, top=True)
    return found, loose


def _relative(root: Path, path: Path) -> str:
    relative = path.relative_to(root).as_posix()
    return relative if relative != "." else path.resolve().name


def hash_consultation(path: Path) -> tuple[str, list[list[Any]]]:
    """(content hash, [[relative path, size, sha256], ...]) of a consultation's files.
    The bytes are hashed as they are, without parsing: this is what makes a re-run of
    unchanged consultations fast."""
    if path.is_file():
        files = [(path.name, path)]
    else:
        files = []
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames[:] = sorted(d for d in dirnames if not _is_ignored(d))
            for name in sorted(filenames):
                if not _is_ignored(name):
                    full = Path(dirpath) / name
                    files.append((full.relative_to(path).as_posix(), full))
    pieces = []
    total = hashlib.sha256()
    for relative, full in files:
        digest = hashlib.sha256()
        size = 0
        try:
            with open(full, "rb") as handle:
                while chunk := handle.read(_HASH_CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
        except OSError as error:  # unreadable: the review will say so; hash the error
            digest.update(f"unreadable:{error.errno}".encode())
        pieces.append([relative, size, digest.hexdigest()])
        total.update(f"{relative}\0{digest.hexdigest()}\n".encode())
    return total.hexdigest(), pieces


def safe_name(consultation_id: str, taken: set[str]) -> str:
    """A file name for a consultation's reports, unique in the output folder. `taken`
    holds the names already given, lower-cased (file systems may ignore case)."""
    base = consultation_id[:-4] if consultation_id.lower().endswith(".zip") else consultation_id
    cleaned = "".join(
        c if (c.isalnum() or c in "-_.() ") else "_" for c in base.replace("/", "__")
    ).strip(" .")
    cleaned = cleaned[:120] or "dossier"
    if cleaned.lower() in _RESERVED:
        cleaned += "-dossier"
    name, n = cleaned, 2
    while name.lower() in taken:
        name = f"{cleaned}-{n}"
        n += 1
    return name


# ------------------------------------------------------------------ what a result depends on


def profile_fingerprint(profile: Any, profile_path: Path | None) -> str:
    """Hash of the effective profile (values, not the file: a comment does not count)."""
    if profile is not None and is_dataclass(profile):
        data = asdict(profile)
        data.pop("source_path", None)
        text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    elif profile_path is not None:
        text = profile_path.read_bytes().hex()
    else:
        text = "default"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# Code and data whose change can change a report: the core, the review engine, the
# renderers and the data in clause_templates (law, rule catalogue, default profile). Their
# content hash, with the version and the rule catalogue's version, is the « engine » part
# of the register's key.
_ENGINE_PACKAGES = ("clausier", "review", "generators.reports", "clause_templates")
_ENGINE_SUFFIXES = {".py", ".toml", ".j2", ".html", ".css", ".json", ".txt"}


def engine_fingerprint() -> str:
    """The rule-catalogue version, with a hash of the engine's source and data, without
    importing the engine (a re-run of unchanged consultations must not load spaCy)."""
    import importlib.util

    from clausier.catalogue import load_catalogue

    digest = hashlib.sha256(__version__.encode())
    files: list[Path] = []
    for package in _ENGINE_PACKAGES:
        spec = importlib.util.find_spec(package)
        for location in (spec.submodule_search_locations or []) if spec else []:
            files += [p for p in Path(location).rglob("*") if p.suffix in _ENGINE_SUFFIXES]
    for file in sorted(set(files)):
        if "__pycache__" in file.parts:
            continue
        try:
            content = file.read_bytes()
        except OSError:
            continue
        digest.update(file.name.encode() + b"\0" + content)
    return f"{load_catalogue().version}+{digest.hexdigest()[:12]}"


def load_effective_profile(profile_path: Path | None) -> tuple[Any, str]:
    """(Profile or None, its French display name). ProfileError goes to the caller."""
    from clausier.profile import load_profile

    profile = load_profile(profile_path)
    return profile, getattr(profile, "name", None) or str(profile_path or "profil par défaut")


# ------------------------------------------------------------------ progress


class Progress:
    """A rich progress bar on stderr (done / total, consultations with errors, time
    left); silent when stderr is not a terminal."""

    def __init__(self, total: int, enabled: bool | None) -> None:
        self.bar = None
        self.errors = 0
        if total == 0:
            return
        from rich.console import Console

        console = Console(stderr=True)
        if enabled is None:
            enabled = console.is_terminal
        if not enabled:
            return
        from rich import progress as rp

        self.bar = rp.Progress(
            rp.TextColumn("Relecture"),
            rp.BarColumn(),
            rp.MofNCompleteColumn(),
            rp.TextColumn("· {task.fields[errors]} avec erreurs"),
            rp.TextColumn("· écoulé"),
            rp.TimeElapsedColumn(),
            rp.TextColumn("· reste"),
            rp.TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self.bar.start()
        self.task = self.bar.add_task("batch", total=total, errors=0)

    def advance(self, has_errors: bool) -> None:
        self.errors += int(has_errors)
        if self.bar is not None:
            self.bar.update(self.task, advance=1, errors=self.errors)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


# ------------------------------------------------------------------ local pool


@dataclass
class _Worker:
    process: Any
    conn: Any
    ready: bool = False
    task: Task | None = None
    started: float = 0.0
    done: int = 0


Outcome = dict[str, Any]


def _context():
    """forkserver (workers share the preloaded engine) where it exists, else spawn.
    Never plain fork: a forked copy of a parent that holds threads (rich, sqlite) is not
    safe, and recycling needs a clean start."""
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["apps.batch.preload"])
        return ctx
    return multiprocessing.get_context("spawn")


class LocalPool:
    """`jobs` worker processes, each replaced after `max_tasks` consultations, after a
    crash, or when its consultation exceeds `timeout` seconds."""

    def __init__(self, jobs: int, max_tasks: int, timeout: float, plugins: list[str]) -> None:
        self.ctx = _context()
        self.jobs = jobs
        self.max_tasks = max_tasks
        self.timeout = timeout
        self.plugins = plugins
        self.workers: list[_Worker] = []
        self.failed_starts = 0

    def _start(self) -> _Worker:
        from apps.batch.worker import worker_main

        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(
            target=worker_main, args=(child, self.plugins, self.max_tasks), name="clausier-batch"
        )
        process.start()
        child.close()
        return _Worker(process=process, conn=parent)

    def _stop(self, worker: _Worker, kill: bool) -> None:
        if kill and worker.process.is_alive():
            _kill_descendants(worker.process.pid)  # e.g. a converter a reader started
            worker.process.kill()
        worker.process.join(timeout=5)
        if worker.process.is_alive():  # a recycled worker stuck on exit
            worker.process.kill()
            worker.process.join(timeout=5)
        worker.conn.close()

    def close(self) -> None:
        for worker in self.workers:
            self._stop(worker, kill=True)
        self.workers = []

    def run(
        self,
        tasks: Iterable[Task],
        on_done: Callable[[Task, Outcome | None, str | None], None],
    ) -> None:
        """Run every task; `on_done(task, outcome, failure)` is called in this process
        for each one, with `failure` a French reason when the worker was lost."""
        from multiprocessing.connection import wait

        pending = deque(tasks)
        self.workers = [self._start() for _ in range(min(self.jobs, len(pending)))]
        while pending or any(w.task is not None for w in self.workers):
            for worker in self.workers:
                if worker.ready and worker.task is None and pending:
                    self._assign(worker, pending)
            handles = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
            wait(handles, timeout=0.5)
            for index, worker in enumerate(list(self.workers)):
                replace = self._service(worker, on_done, pending)
                if replace:
                    self._stop(worker, kill=True)
                    self.workers[index] = self._start() if pending else None  # type: ignore[call-overload]
            self.workers = [w for w in self.workers if w is not None]
            if not self.workers and pending:
                self.workers = [self._start()]

    def _assign(self, worker: _Worker, pending: deque[Task]) -> None:
        task = pending.popleft()
        worker.conn.send(task)
        worker.task, worker.started = task, time.monotonic()

    def _service(self, worker: _Worker, on_done, pending: deque[Task]) -> bool:
        """Handle what a worker has to say; True when it must be replaced."""
        try:
            while worker.conn.poll():
                kind, value = worker.conn.recv()
                if kind == "ready":
                    worker.ready = True
                    self.failed_starts = 0
                elif kind == "init-error":
                    raise BatchError(
                        "Les processus de relecture n'ont pas pu démarrer : "
                        f"{value}. Vérifiez l'installation de Clausier."
                    )
                elif kind == "done":
                    task, worker.task = worker.task, None
                    worker.done += 1
                    if worker.done < self.max_tasks and pending:
                        self._assign(worker, pending)  # keep it busy while we write
                    on_done(task, value, None)  # type: ignore[arg-type]
                    if worker.done >= self.max_tasks:
                        return True  # it exits by itself: start a fresh one
        except (EOFError, OSError):
            pass
        if worker.task is not None and time.monotonic() - worker.started > self.timeout:
            task, worker.task = worker.task, None
            on_done(
                task,
                None,
                f"le dossier n'a pas été relu en moins de {self.timeout:.0f} s : sa relecture "
                "a été arrêtée (une pièce est peut-être trop lourde ou endommagée).",
            )
            return True
        if not worker.process.is_alive():
            if worker.task is not None:
                task, worker.task = worker.task, None
                code = worker.process.exitcode
                on_done(
                    task,
                    None,
                    "la relecture de ce dossier a arrêté brutalement le processus qui s'en "
                    f"chargeait (code {code}) : une pièce a probablement épuisé la mémoire "
                    "ou fait planter un lecteur.",
                )
            elif not worker.ready:
                self.failed_starts += 1
                if self.failed_starts > 3:
                    raise BatchError(
                        "Les processus de relecture s'arrêtent dès leur démarrage (code "
                        f"{worker.process.exitcode}). Vérifiez l'installation de Clausier ; "
                        "depuis un script Python, placez l'appel à run_batch sous "
                        '« if __name__ == "__main__": ».'
                    )
            return True
        return False


def _kill_descendants(pid: int | None) -> None:
    """Kill what a worker started (LibreOffice for an old .doc ...) so that nothing is
    left running after it; needs psutil, silently skipped without it."""
    try:
        import psutil

        for child in psutil.Process(pid).children(recursive=True):
            child.kill()
    except Exception:  # noqa: BLE001 - psutil missing, or the process is already gone
        pass


# ------------------------------------------------------------------ Dask


def run_on_dask(
    address: str,
    tasks: list[Task],
    on_done: Callable[[Task, Outcome | None, str | None], None],
) -> None:
    """The same task on an existing Dask distributed cluster. Dask is imported here only.
    A Dask worker cannot be killed per task: the per-piece time limit still applies."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise BatchError(
            "--dask demande le module Dask distributed, qui n'est pas installé : "
            "installez-le avec « pip install clausier[dask] »."
        ) from None
    try:
        _check_reachable(address)
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError, ValueError) as error:
        raise BatchError(
            f"Impossible de joindre le cluster Dask {address} ({error}). Vérifiez l'adresse "
            "du scheduler (par exemple tcp://192.168.1.10:8786) et qu'il est démarré."
        ) from None
    try:
        slots = max(2 * sum(client.nthreads().values()), 2)
        pending = deque(tasks)
        submitted: dict[Any, Task] = {}

        def submit() -> Any:
            task = pending.popleft()
            future = client.submit(review_task, task, pure=False)
            submitted[future] = task
            return future

        futures = as_completed([submit() for _ in range(min(slots, len(pending)))])
        for future in futures:
            task = submitted.pop(future)
            try:
                outcome, failure = future.result(), None
            except Exception as error:  # noqa: BLE001 - a lost worker is a CS901, not a crash
                outcome, failure = None, f"le cluster Dask n'a pas rendu ce dossier ({error})."
            on_done(task, outcome, failure)
            if pending:
                futures.add(submit())
    except KeyboardInterrupt:
        client.cancel(list(submitted))
        raise
    finally:
        client.close()


def _check_reachable(address: str) -> None:
    """Fail in a second, not after Dask's connection timeout, when nothing listens."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme in ("tcp", "tls") and parts.hostname and parts.port:
        socket.create_connection((parts.hostname, parts.port), timeout=5).close()


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
