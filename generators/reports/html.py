"""The review as one standalone HTML page (inline CSS, no script, no network).

The page body is a separate template (`report_body.html.j2`) so the web page and the batch
index can embed a report as a fragment with `render_html(report, standalone=False)` and
the stylesheet from `report_css()`.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from clausier.french import html_environment
from clausier.model import Report

from .common import (
    counts_line,
    group_findings,
    hours_kinds,
    kind_label,
    lot_disagrees,
    lot_label,
    piece_label,
    place_label,
    suggestion_label,
)


@lru_cache(maxsize=1)
def _environment():
    env = html_environment("generators.reports")
    env.globals.update(
        place_label=place_label,
        suggestion_label=suggestion_label,
        piece_label=piece_label,
        kind_label=kind_label,
        lot_label=lot_label,
        lot_disagrees=lot_disagrees,
    )
    return env


def report_css() -> str:
    """The report's stylesheet, for pages that embed fragments."""
    return (
        resources.files("generators.reports")
        .joinpath("templates/report.css")
        .read_text(encoding="utf-8")
    )


def _context(report: Report) -> dict:
    groups, quiet = group_findings(report)
    return {
        "report": report,
        "groups": groups,
        "quiet": quiet,
        "kinds": hours_kinds(report.lots),
        "summary": report.summary(),
        "counts": counts_line(report),
        "any_differs": any(lot_disagrees(lot) for lot in report.lots),
    }


def render_html(report: Report, standalone: bool = True) -> str:
    """A standalone French page, or (standalone=False) the report's `<article>` only."""
    env = _environment()
    context = _context(report)
    if not standalone:
        return env.get_template("report_body.html.j2").render(**context)
    return env.get_template("report.html.j2").render(css=report_css(), **context)
