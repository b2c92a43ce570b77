"""The Jinja2 environment of the web pages and the French page helpers."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from clausier import __version__
from clausier.french import html_environment


def fr_percent(value: float | None) -> str:
    """0.45 -> « 45 % », 0.055 -> « 5,5 % » (narrow no-break space before %)."""
    if value is None:
        return "—"
    text = f"{value * 100:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text}\u202f%"


def fr_number(value: float | None, decimals: int = 1) -> str:
    """833.33 -> « 833,3 »; thousands separated by a narrow no-break space."""
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


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
