"""What runs inside a batch worker: review one consultation and render its reports.

The same `review_task` runs in the local process pool (`apps.batch.run`) and on a Dask
cluster (`--dask`), so both give the same results. It never raises: a consultation whose
review fails becomes a report holding one CS901 finding, and the batch goes on.

Imported only by workers (and the Dask path); `warm_up()` loads the heavy parts (the tokenizer,
readers) once per process, before the first consultation.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import json
import os
import signal
import threading
import time
import traceback
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

# Modules listed here (comma-separated) are imported by every worker before its first
# consultation: a way to register extra readers in `review.readers.READERS` (the tests
# register a reader that hangs) that also works with "spawn" workers and on Dask.
PLUGINS_ENV = "CLAUSIER_BATCH_PLUGINS"


@dataclass
class Task:
    """One consultation to review (picklable: sent to a worker process or a Dask worker)."""

    id: str  # path relative to ROOT, posix
    path: str  # absolute path of the folder or .zip
    review_date: date
    profile: Any = None  # clausier.profile.Profile, or None for the default profile
    piece_timeout: float | None = None
    plugins: list[str] = field(default_factory=list)


_warm = False
# Reviews of one process take turns: the per-piece alarm is the main thread's, and the
# engine's per-process caches are not written for concurrent use (the spaCy pipeline that
# once shared its string store badly is gone, the rule stays). Parallelism comes from
# processes (pool workers, Dask workers with --nthreads 1).
_REVIEW_LOCK = threading.Lock()
_loaded: set[str] = set()


def load_plugins(plugins: list[str] | tuple[str, ...] = ()) -> None:
    """Import the plugin modules (dotted names or .py paths) named by the caller and by
    $CLAUSIER_BATCH_PLUGINS, once per process."""
    names = list(plugins) + [
        n.strip() for n in os.environ.get(PLUGINS_ENV, "").split(",") if n.strip()
    ]
    for name in names:
        if name in _loaded:
            continue
        if name.endswith(".py"):  # a file path: works whatever sys.path the worker has
            spec = importlib.util.spec_from_file_location(Path(name).stem, name)
            if spec is None or spec.loader is None:
                raise ImportError(f"plugin introuvable : {name}")
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
        else:
            importlib.import_module(name)
        _loaded.add(name)


def warm_up() -> None:
    """Load the engine once per process (see generators/warm.py)."""
    global _warm
    if _warm:
        return
    _warm = True
    from generators.warm import warm_up_engine

    warm_up_engine()


def worker_init(plugins: list[str] | tuple[str, ...] = ()) -> None:
    """Start of a pool worker: Ctrl-C is the parent's business, plugins, warm-up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_plugins(plugins)
    warm_up()


def _read(path: Path, piece_timeout: float | None):
    from review.reading import read_consultation

    if (
        piece_timeout is not None
        and "piece_timeout" in inspect.signature(read_consultation).parameters
    ):
        return read_consultation(path, piece_timeout=piece_timeout)
    return read_consultation(path)


def failure_report(task: Task, message: str, suggestion: str, name: str | None = None):
    """A report holding one CS901 finding: the consultation could not be reviewed."""
    from clausier.model import Finding, Report, Severity

    return Report(
        consultation=name or Path(task.path).name,
        reviewed_at=task.review_date,
        findings=[
            Finding(code="CS901", severity=Severity.ERROR, message=message, suggestion=suggestion)
        ],
    )


def render(report) -> tuple[str, str]:
    """(JSON text, HTML page) of one report."""
    from generators.reports import render_html, render_json

    return render_json([report]), render_html(report)


def review_task(task: Task) -> dict[str, Any]:
    """Review one consultation; never raises. Returns the JSON report (as a dict and as
    text), the HTML page and the seconds spent."""
    started = time.perf_counter()
    load_plugins(task.plugins)
    try:
        from review.engine import review_consultation

        with _REVIEW_LOCK:
            consultation = _read(Path(task.path), task.piece_timeout)
            report = review_consultation(
                consultation, profile=task.profile, review_date=task.review_date
            )
    except Exception as error:  # noqa: BLE001 - one broken consultation never stops the batch
        where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
        detail = f"{type(error).__name__}: {error}"[:300]
        if where is not None:
            detail += f" ({Path(where.filename).name}, ligne {where.lineno})"
        report = failure_report(
            task,
            f"Le dossier {task.id} n'a pas pu être relu : la relecture s'est arrêtée sur une "
            f"erreur interne ({detail}).",
            f"Relancez « clausier review {task.path} » pour voir la pièce en cause, et "
            "signalez l'erreur à l'équipe Clausier avec ce message.",
        )
    try:
        json_text, html_text = render(report)
    except Exception as error:  # noqa: BLE001
        report = failure_report(
            task,
            f"Les rapports du dossier {task.id} n'ont pas pu être écrits ({type(error).__name__}: "
            f"{error}).",
            "Signalez l'erreur à l'équipe Clausier avec ce message.",
            name=getattr(report, "consultation", None),
        )
        json_text, html_text = render(report)
    return {
        "id": task.id,
        "json": json_text,
        "report": json.loads(json_text),
        "html": html_text,
        "elapsed": time.perf_counter() - started,
    }


def worker_main(conn, plugins: list[str], max_tasks: int) -> None:
    """A pool worker: announce readiness, then review the tasks sent through `conn` until
    `max_tasks` are done (the parent then starts a fresh worker: memory stays flat)."""
    try:
        worker_init(plugins)
    except BaseException as error:  # noqa: BLE001 - tell the parent why, then stop
        try:
            conn.send(("init-error", f"{type(error).__name__}: {error}"))
        finally:
            os._exit(1)
    try:
        conn.send(("ready", os.getpid()))
        for _ in range(max_tasks):
            task = conn.recv()
            if task is None:
                break
            conn.send(("done", review_task(task)))
    except (EOFError, BrokenPipeError, KeyboardInterrupt):
        pass
    finally:
        conn.close()
        # os._exit: a reader thread left running must not keep this process alive.
        os._exit(0)
