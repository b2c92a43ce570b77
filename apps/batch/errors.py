"""The batch's own error: a French message, exit status 2."""

from __future__ import annotations


class BatchError(RuntimeError):
    """A batch that cannot start (French message: what is wrong and what to do)."""
