"""Each web review runs in a child process that can be killed, as the batch's do.

The reading alarm (SIGALRM) only rings in a main thread; the server's reviews ran in
worker threads, so a hostile upload held a worker for minutes and Ctrl+C could not stop
the server. Now a review is read, reviewed and rendered in a child process whose main
thread has the alarm, watched by the job's thread: past `timeout` seconds the child (and
anything it started, such as LibreOffice) is killed and the job ends with a French
message. Children are forked from a "forkserver" that imported the engine and built
the tokenizer's patterns when the server started, so a review starts in milliseconds and the
first upload does not pay the engine's load.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from apps.shell.processes import short_multiprocessing_tempdir

PRELOAD = "apps.web.preload"


class ReviewStopped(Exception):
    """The child was killed or died; `message` is French, for the job's page."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class ReviewRequest:
    """What a child needs (picklable)."""

    source: Path
    display_name: str
    review_date: date
    profile: Any = None
    limits: Any = None
    piece_timeout: float | None = None
    plugins: tuple[str, ...] = ()  # modules (dotted names or .py paths) imported first


@dataclass
class ReviewResult:
    report: Any  # clausier.model.Report
    fragment: str  # render_html(report, standalone=False)
    peak_mb: float  # the child's peak memory and CPU time (logged: what an upload cost)
    cpu_seconds: float


_context_lock = threading.Lock()
_context: Any = None


def context():
    """The forkserver context, preloaded with the engine (spawn where there is none)."""
    global _context
    with _context_lock:
        if _context is None:
            if "forkserver" in multiprocessing.get_all_start_methods():
                short_multiprocessing_tempdir()
                _context = multiprocessing.get_context("forkserver")
                _context.set_forkserver_preload([PRELOAD])
            else:
                _context = multiprocessing.get_context("spawn")
        return _context


def start_engine() -> None:
    """Start the forkserver now (it imports the engine and loads its tokenizer and patterns), so
    that the first upload does not wait for it. Called when the server starts."""
    ctx = context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


class Children:
    """The live review processes of one server, killed together when it stops."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._live: set[Any] = set()
        self.closed = False

    def run(self, request: ReviewRequest, timeout: float, on_step=None) -> ReviewResult:
        """The review's report and HTML fragment; ReviewStopped when the child is killed
        after `timeout` seconds, dies, or the server stops."""
        ctx = context()
        parent, child = ctx.Pipe(duplex=False)
        process = ctx.Process(target=_child_main, args=(child, request), name="clausier-web")
        with self._lock:
            if self.closed:
                raise ReviewStopped(STOPPED)
            process.start()
            self._live.add(process)
        child.close()
        try:
            return self._wait(process, parent, timeout, on_step)
        finally:
            with self._lock:
                self._live.discard(process)
            _kill(process)
            parent.close()

    def _wait(self, process, conn, timeout: float, on_step) -> ReviewResult:
        import time

        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ReviewStopped(
                    f"La relecture a été arrêtée après {timeout:.0f} s : une pièce est sans "
                    "doute trop lourde, endommagée ou piégée. Relisez les pièces une à une "
                    "pour la trouver, ou enregistrez-les de nouveau (ou en PDF)."
                )
            try:
                ready = conn.poll(min(left, 0.5))
                message = conn.recv() if ready else None
            except (EOFError, OSError):
                message = ("died", None)
            if message is None:
                if self.closed:
                    raise ReviewStopped(STOPPED)
                if not process.is_alive() and not conn.poll(0):
                    message = ("died", None)
                else:
                    continue
            kind, value = message
            if kind == "step" and on_step is not None:
                on_step(value)
            elif kind == "done":
                return value
            elif kind == "error":
                raise RuntimeError(value)
            elif kind == "died":
                process.join(1)
                raise ReviewStopped(
                    "La relecture s'est arrêtée brutalement (le processus qui s'en chargeait "
                    f"a disparu, code {process.exitcode}) : une pièce a probablement épuisé "
                    "la mémoire. Relisez les pièces une à une pour la trouver."
                )

    def close(self) -> None:
        """Kill every live review (the server stops)."""
        with self._lock:
            self.closed = True
            live = list(self._live)
        for process in live:
            _kill(process)


STOPPED = "Le serveur s'est arrêté pendant la relecture : relancez-la une fois qu'il a redémarré."


def _kill(process) -> None:
    if process.is_alive():
        with contextlib.suppress(Exception):  # psutil missing, or already gone
            import psutil

            for child in psutil.Process(process.pid).children(recursive=True):
                child.kill()
        process.kill()
    process.join(5)


def _load_plugins(plugins: tuple[str, ...]) -> None:
    """Import the plugin modules (a test registers a slow reader in review.readers.READERS
    this way: the child does not share the server's memory)."""
    import importlib
    import importlib.util

    for name in plugins:
        if name.endswith(".py"):
            spec = importlib.util.spec_from_file_location(Path(name).stem, name)
            if spec is None or spec.loader is None:
                raise ImportError(f"module introuvable : {name}")
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
        else:
            importlib.import_module(name)


def _child_main(conn, request: ReviewRequest) -> None:
    """In the child: read, review, render; send ("done", (report, fragment))."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the server's business
    try:
        _load_plugins(request.plugins)
        from generators.reports import render_html
        from review.engine import review_consultation
        from review.reading import read_consultation
        from review.sources import DEFAULT_LIMITS

        conn.send(("step", "Lecture des pièces…"))
        consultation = read_consultation(
            request.source,
            limits=request.limits or DEFAULT_LIMITS,
            piece_timeout=request.piece_timeout,
        )
        count = len(consultation.pieces)
        conn.send(("step", f"Relecture de {count} pièce{'s' if count > 1 else ''}…"))
        report = review_consultation(
            consultation, profile=request.profile, review_date=request.review_date
        )
        report.consultation = request.display_name
        fragment = render_html(report, standalone=False)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        cpu = usage.ru_utime + usage.ru_stime
        conn.send(("done", ReviewResult(report, fragment, usage.ru_maxrss / 1024, cpu)))
    except BaseException as error:  # noqa: BLE001 - told to the server, which logs it
        import traceback

        with contextlib.suppress(Exception):
            conn.send(("error", "".join(traceback.format_exception(error))[-4000:]))
    finally:
        conn.close()
        os._exit(0)  # a reader's thread left running must not keep the child alive
