"""The bilan as HTML: a standalone page (inline CSS, charts as PNG data URIs, no script,
no network) or, with `standalone=False`, the `<article>` for the web page."""

from __future__ import annotations

import base64
from functools import lru_cache
from importlib import resources
from typing import Any

from clausier.followup_figures import BilanFigures
from clausier.french import fr_date, html_environment

from .charts import WIDTH_IN, bilan_charts
from .tables import bilan_tables, bilan_title, key_figures, period_text, small_cell_note

CHART_WIDTH_PX = round(WIDTH_IN * 110)


@lru_cache(maxsize=1)
def _environment():
    return html_environment("generators.bilan")


def bilan_css() -> str:
    """The bilan's stylesheet, for pages that embed the fragment."""
    return resources.files("generators.bilan").joinpath("templates/bilan.css").read_text("utf-8")


def _charts(figures: BilanFigures) -> dict[str, dict[str, Any]]:
    charts = {}
    for index, chart in enumerate(bilan_charts(figures), 1):
        uri = "data:image/png;base64," + base64.b64encode(chart.png).decode("ascii")
        caption = f"Figure {index} – {chart.caption}"
        charts[chart.key] = {"uri": uri, "caption": caption, "width": CHART_WIDTH_PX}
    return charts


def _context(figures: BilanFigures) -> dict[str, Any]:
    status = figures.status
    return {
        "title": bilan_title(figures),
        "final": figures.final,
        "operation": status.operation,
        "object": status.object,
        "identity": [
            ("Acheteur", status.buyer or "—"),
            ("Opération", status.operation),
            ("Facilitateur", figures.facilitator or "—"),
            ("Période d'exécution", period_text(figures)),
            ("Situation arrêtée au", fr_date(status.date)),
        ],
        "key_figures": key_figures(figures),
        "small_cell_note": small_cell_note(figures),
        "tables": bilan_tables(figures),
        "charts": _charts(figures),
    }


def render_bilan_html(figures: BilanFigures, standalone: bool = True) -> str:
    """A standalone French page, or (standalone=False) the bilan's `<article>` only."""
    env = _environment()
    context = _context(figures)
    if not standalone:
        return env.get_template("bilan_body.html.j2").render(**context)
    return env.get_template("bilan.html.j2").render(css=bilan_css(), **context)
