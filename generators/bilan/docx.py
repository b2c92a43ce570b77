"""The bilan in Word: `clause_templates/bilan.docx` (built by tools/build_bilan_template.py,
restylable by a facilitator) rendered by docxtpl, with the three charts as pictures.

The context holds French text only (numbers already written « 1 234,5 », small counts
already « < 3 »); its variables are listed in docs/bilan.md. A template asking for a
variable the context does not hold is refused with a French message, never rendered
blank. docxtpl and jinja2 are imported only when a bilan is written.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from clausier.followup_figures import BilanFigures
from clausier.french import fr_date
from generators.clauses import TEMPLATES_DIR

from .charts import Chart, bilan_charts
from .files import BilanError, check_suffix, check_writable, fixed_zip, write_atomic
from .tables import (
    Table,
    bilan_tables,
    bilan_title,
    key_figures,
    penalties_table,
    period_text,
    small_cell_note,
)

TEMPLATE_NAME = "bilan.docx"
DEFAULT_TEMPLATE = TEMPLATES_DIR / TEMPLATE_NAME
PICTURE_WIDTH_MM = 152
KEY_NAMES = (
    "heures_prevues",
    "heures_realisees",
    "taux",
    "etp",
    "contrats",
    "participants",
    "entreprises",
    "siae",
)


def table_context(table: Table) -> dict[str, Any]:
    """A table as the template reads it: `titre`, `lignes` (key -> text), `total`, `note`."""
    return {
        "titre": table.title,
        "lignes": [{key: cell.text for key, cell in row.items()} for row in table.rows],
        "total": {key: cell.text for key, cell in (table.total or {}).items()},
        "note": table.note,
    }


def text_context(figures: BilanFigures) -> dict[str, Any]:
    """Everything but the pictures: plain French text (docxtpl escapes it)."""
    status = figures.status
    tables = bilan_tables(figures)
    tables.setdefault("penalites", penalties_table(figures))
    figures_by_key = dict(zip(KEY_NAMES, key_figures(figures), strict=True))
    context: dict[str, Any] = {
        "titre": bilan_title(figures),
        "final": figures.final,
        "operation": status.operation,
        "acheteur": status.buyer or "—",
        "objet": status.object or "",
        "facilitateur": figures.facilitator or "—",
        "periode": period_text(figures),
        "date_bilan": fr_date(status.date),
        "seuil": str(figures.small_cell_threshold),
        "note_secret": small_cell_note(figures),
        "chiffres": {key: cell.text for key, (_label, cell) in figures_by_key.items()},
        "libelles": {key: label for key, (label, _cell) in figures_by_key.items()},
    }
    context.update({key: table_context(table) for key, table in tables.items()})
    return context


def _pictures(document, charts: list[Chart]) -> tuple[dict[str, Any], dict[str, str]]:
    from docx.shared import Mm
    from docxtpl import InlineImage

    pictures = {
        chart.key: InlineImage(document, io.BytesIO(chart.png), width=Mm(PICTURE_WIDTH_MM))
        for chart in charts
    }
    captions = {
        chart.key: f"Figure {index} – {chart.caption}" for index, chart in enumerate(charts, 1)
    }
    return pictures, captions


def _open_template(template: Path):
    from docxtpl import DocxTemplate

    try:
        document = DocxTemplate(str(template))
        document.init_docx()
    except Exception as exc:  # BadZipFile, KeyError, PackageNotFoundError …
        raise BilanError(
            f"Le modèle {template} n'est pas un document Word (.docx) lisible "
            f"({exc.__class__.__name__}) : enregistrez-le au format .docx depuis Word ou "
            "LibreOffice."
        ) from None
    return document


def _render(document, context: dict[str, Any], template: Path, check: bool) -> None:
    """Render in place. `check`: first list the variables the template uses (a facilitator's
    template; the default one is checked by the tests, and the check costs half a second)."""
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    try:
        missing = document.get_undeclared_template_variables(env, context) if check else ()
        if missing:
            raise BilanError(
                f"Le modèle {template} utilise la variable « {sorted(missing)[0]} », que "
                "Clausier ne fournit pas. Corrigez le modèle ; variables disponibles : "
                + ", ".join(sorted(context))
                + " (voir docs/bilan.md)."
            )
        document.render(context, env, autoescape=True)
    except jinja2.UndefinedError as exc:
        raise BilanError(
            f"Le modèle {template} utilise une variable que Clausier ne fournit pas ({exc}). "
            "Corrigez le modèle (voir docs/bilan.md)."
        ) from None
    except jinja2.TemplateError as exc:
        raise BilanError(
            f"Le modèle {template} ne peut pas être rempli ({exc.__class__.__name__} : {exc}) : "
            "vérifiez que chaque {{ … }} et {% … %} est fermé et que les variables existent "
            "(voir docs/bilan.md)."
        ) from None


def render_bilan_docx(figures: BilanFigures, template: Path | None = None) -> bytes:
    """The Word bilan as bytes (same figures and template, same bytes)."""
    template = Path(template) if template else DEFAULT_TEMPLATE
    document = _open_template(template)
    pictures, captions = _pictures(document, bilan_charts(figures))
    context = {**text_context(figures), "graphiques": pictures, "legendes": captions}
    _render(document, context, template, check=template != DEFAULT_TEMPLATE)
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip(buffer.getvalue())


def write_bilan_docx(
    figures: BilanFigures, path: Path, force: bool = False, template: Path | None = None
) -> Path:
    """Write the Word bilan to `path` (.docx); refuses to replace a file without `force`."""
    path = Path(path)
    check_suffix(path, (".docx",), "le bilan Word")
    check_writable(path, force)
    return write_atomic(path, render_bilan_docx(figures, template), force)
