"""Our own worker pool: one pipe per worker, a stuck consultation's worker alone is killed
and replaced, workers recycled after `max_tasks_per_child` consultations (see run.py)."""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from apps.batch.errors import BatchError
from apps.batch.worker import Task
from apps.shell.processes import short_multiprocessing_tempdir

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
        short_multiprocessing_tempdir()
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
