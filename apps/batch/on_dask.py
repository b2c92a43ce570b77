"""The same review task on an existing Dask distributed cluster (`--dask`)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from apps.batch.errors import BatchError
from apps.batch.pool import Outcome
from apps.batch.worker import Task, review_task

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
