"""The Jinja2 environment of the web pages and the French page helpers."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from clausier import __version__
from clausier.french import fr_number, fr_percent, html_environment


@lru_cache(maxsize=1)
def environment():
    env = html_environment("apps.web")
    env.filters.update(fr_percent=fr_percent, fr_number=fr_number)
    env.globals.update(version=__version__)
    return env


def render(template: str, **context: Any) -> str:
    context.setdefault("active", "")
    context.setdefault("head_extra", [])
    return environment().get_template(template).render(**context)


def error_page(status: int, title: str, message: str) -> str:
    """A complete French page for an error answer (used by the middleware too)."""
    return render("erreur.html.j2", status=status, title=title, message=message)
