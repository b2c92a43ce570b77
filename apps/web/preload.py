"""Imported by the web server's forkserver before it forks any review: the engine, the
readers and the renderers are loaded once, when the server starts, and shared by every
review process (copy-on-write)."""

from __future__ import annotations

from generators.warm import warm_up_engine

warm_up_engine()
