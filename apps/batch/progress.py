"""The batch's progress line (rich), or nothing when the output is no terminal."""

from __future__ import annotations

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
