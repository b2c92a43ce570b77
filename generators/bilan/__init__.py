"""The bilan of the insertion clause (phase 03): Word, spreadsheet and HTML views of the
figures that the follow-up computes (`clausier.followup_figures.BilanFigures`), with three
matplotlib charts, and the territory's consolidation (CSV / XLSX) from `ExportRow`s.

No participant identifier reaches these modules (the figures hold none); every count of
people under the profile's small-cell threshold is written « < 3 » (`masked`).
matplotlib, docxtpl, openpyxl and jinja2 are imported only when a file is written.
"""

from __future__ import annotations

from pathlib import Path

from clausier.followup_figures import BilanFigures

from .docx import write_bilan_docx
from .export import write_export
from .files import BilanError, check_suffix
from .html import render_bilan_html
from .xlsx import write_bilan_xlsx

__all__ = [
    "BilanError",
    "render_bilan_html",
    "write_bilan",
    "write_bilan_docx",
    "write_bilan_xlsx",
    "write_export",
]


def write_bilan(
    figures: BilanFigures, path: Path, force: bool = False, template: Path | None = None
) -> Path:
    """The bilan as .docx or .xlsx, chosen by the extension of `path`."""
    path = Path(path)
    if check_suffix(path, (".docx", ".xlsx"), "le bilan") == ".docx":
        return write_bilan_docx(figures, path, force=force, template=template)
    return write_bilan_xlsx(figures, path, force=force)
