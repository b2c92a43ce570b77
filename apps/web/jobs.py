"""Review jobs: one private folder and one background run per uploaded DCE.

A job is known only by an unguessable id (`secrets.token_urlsafe`), checked against a
strict pattern and then looked up in memory: no path is ever built from what a client
sends. Folders live under one temporary root (mode 0700) and are removed when the job is
deleted, when it expires (one hour at most) and when the server stops.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import shutil
import tempfile
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .isolation import Children

log = logging.getLogger("apps.web")

JOB_ID_BYTES = 24  # token_urlsafe(24) -> 32 characters
JOB_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{32}")

PENDING, RUNNING, DONE, FAILED = "en_attente", "en_cours", "terminee", "echec"


@dataclass
class Job:
    id: str
    folder: Path
    created: float
    review_date: date
    display_name: str
    source: Path | None = None  # the consultation: a folder or a .zip inside `folder`
    profile: Any = None  # clausier.profile.Profile
    profile_label: str = ""
    notices: list[str] = field(default_factory=list)  # French, shown above the report
    status: str = PENDING
    step: str = "En attente de démarrage…"
    report: Any = None  # clausier.model.Report
    fragment: str = ""  # render_html(report, standalone=False)
    error: str = ""  # French, when status == FAILED
    started: float | None = None
    finished: float | None = None
    peak_mb: float = 0.0  # the review process's peak memory and CPU time
    cpu_seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)  # copies
    future: Future | None = field(default=None, repr=False)  # the background run


class JobStore:
    """Jobs in memory, their folders under one private root, a bounded worker pool."""

    def __init__(
        self,
        root: Path | None = None,
        ttl_seconds: float = 3600.0,
        max_jobs: int = 20,
        workers: int = 2,
    ) -> None:
        if root is None:
            remove_stale_roots(Path(tempfile.gettempdir()))
            # The pid in the name lets the next server know whether this one still runs.
            root = Path(tempfile.mkdtemp(prefix=f"{ROOT_PREFIX}{os.getpid()}-"))  # mode 0700
        else:
            root.mkdir(mode=0o700, parents=True, exist_ok=True)
            # A new store has no job yet: what is there was left by a server that was killed.
            for child in root.iterdir():
                shutil.rmtree(child, ignore_errors=True)
        root.chmod(0o700)
        self.root = root
        self.ttl = min(float(ttl_seconds), 3600.0)  # never more than an hour
        self.max_jobs = max_jobs
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="clausier-job")
        self._stop = threading.Event()
        self._janitor: threading.Thread | None = None
        self.children = Children()  # the review processes (apps.web.isolation)

    # ------------------------------------------------------------ lifecycle

    def new(self, review_date: date, display_name: str) -> Job:
        self.cleanup()
        with self._lock:
            if len(self._jobs) >= self.max_jobs:
                raise JobStoreFull()
            job_id = secrets.token_urlsafe(JOB_ID_BYTES)
            folder = self.root / job_id
            folder.mkdir(mode=0o700)
            job = Job(
                id=job_id,
                folder=folder,
                created=time.monotonic(),
                review_date=review_date,
                display_name=display_name,
            )
            self._jobs[job_id] = job
        return job

    def scratch(self) -> Path:
        """A private folder for one request's work (removed by the caller, or by cleanup)."""
        folder = self.root / f"tmp-{secrets.token_urlsafe(12)}"
        folder.mkdir(mode=0o700)
        return folder

    def get(self, job_id: str) -> Job | None:
        """The job, or None for an unknown, expired or malformed id."""
        if not isinstance(job_id, str) or not JOB_ID_PATTERN.fullmatch(job_id):
            return None
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None or self._expired(job, time.monotonic()):
            return None
        return job

    def delete(self, job_id: str) -> bool:
        with self._lock:
            job = self._jobs.pop(job_id, None)
        if job is None:
            return False
        shutil.rmtree(job.folder, ignore_errors=True)
        return True

    def submit(self, job: Job, work) -> None:
        job.future = self._pool.submit(self._run, job, work)

    def _run(self, job: Job, work) -> None:
        job.status, job.started = RUNNING, time.monotonic()
        try:
            work(job)
            job.status = DONE
        except JobFailed as failed:  # a review stopped on purpose: its reason, no traceback
            log.warning("Relecture %s arrêtée : %s", job.id[:6], failed.message)
            job.error, job.status = failed.message, FAILED
        except Exception:
            log.exception("Relecture %s : erreur inattendue", job.id[:6])
            job.error = (
                "La relecture s'est arrêtée sur une erreur inattendue. Le détail est dans le "
                "journal du serveur ; réessayez, et si l'erreur revient, signalez-la avec les "
                "pièces en cause."
            )
            job.status = FAILED
        finally:
            job.finished = time.monotonic()

    def _expired(self, job: Job, now: float) -> bool:
        return now - job.created > self.ttl

    def cleanup(self, now: float | None = None) -> int:
        """Remove expired jobs (and stray scratch folders). Returns how many were removed."""
        now = time.monotonic() if now is None else now
        with self._lock:
            expired = [j for j in self._jobs.values() if self._expired(j, now)]
            for job in expired:
                del self._jobs[job.id]
            known = set(self._jobs)
        for job in expired:
            shutil.rmtree(job.folder, ignore_errors=True)
        # Folders not owned by a live job (scratch left by a crashed request) older than ttl.
        wall = time.time()
        for child in self.root.iterdir() if self.root.exists() else ():
            if child.name in known:
                continue
            try:
                age = wall - child.stat().st_mtime
            except OSError:
                continue
            if age > self.ttl:
                shutil.rmtree(child, ignore_errors=True)
        return len(expired)

    def start_janitor(self, every_seconds: float = 60.0) -> None:
        if self._janitor is not None:
            return

        def loop() -> None:
            while not self._stop.wait(every_seconds):
                try:
                    self.cleanup()
                except Exception:  # never let the janitor die
                    log.exception("Nettoyage des dossiers temporaires")

        self._janitor = threading.Thread(target=loop, name="clausier-janitor", daemon=True)
        self._janitor.start()

    def close(self) -> None:
        """Stop the janitor and the workers, remove every job folder and the root."""
        self._stop.set()
        self.children.close()  # the running reviews are killed: their threads return
        self._pool.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            self._jobs.clear()
        shutil.rmtree(self.root, ignore_errors=True)

    def __len__(self) -> int:
        with self._lock:
            return len(self._jobs)


class JobStoreFull(Exception):
    """Too many reviews kept at once."""


class JobFailed(Exception):
    """A job that ends with a French reason for the user (`message`)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


ROOT_PREFIX = "clausier-web-"
_PID_ROOT = re.compile(re.escape(ROOT_PREFIX) + r"(\d+)-")


def remove_stale_roots(temp: Path, now: float | None = None) -> int:
    """Remove the private roots left in `temp` by servers that were killed (their
    uploads would stay there for good): those whose server (the pid in the name) is gone,
    and those of older versions (no pid) untouched for more than an hour. Only our own
    folders (same user) are looked at. Returns how many were removed."""
    now = time.time() if now is None else now
    removed = 0
    for child in temp.glob(f"{ROOT_PREFIX}*"):
        try:
            info = child.lstat()
        except OSError:
            continue
        if not child.is_dir() or child.is_symlink() or info.st_uid != os.getuid():
            continue
        match = _PID_ROOT.match(child.name)
        stale = not _alive(int(match.group(1))) if match else now - info.st_mtime > 3600
        if stale:
            shutil.rmtree(child, ignore_errors=True)
            removed += 1
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True
