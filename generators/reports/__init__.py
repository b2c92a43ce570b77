"""Reports for people and programs: terminal text, JSON (docs/sorties.md), HTML page.

Rendering libraries (rich, Jinja2) are imported only when a report is rendered.
"""

from .html import render_html, report_css
from .json_report import render_json
from .text import render_text

__all__ = ["render_html", "render_json", "render_text", "report_css"]
