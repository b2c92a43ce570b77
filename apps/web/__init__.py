"""The web page of Clausier (`clausier serve`): FastAPI, Jinja2 templates, no script needed.

Imported only by `clausier serve` and the web tests (FastAPI is a heavy import).
"""

from __future__ import annotations


def create_app(*args, **kwargs):
    """See `apps.web.app.create_app`."""
    from .app import create_app as _create_app

    return _create_app(*args, **kwargs)


__all__ = ["create_app"]
