"""The bilan on the web (spec/followup.md « The bilan »): an operation's bilan as a page
(the same tables and charts as the Word document) and as the two files to download.

    GET /suivi/{reference}/bilan[?date=AAAA-MM-JJ&final=1]        the page
    GET /suivi/{reference}/bilan.docx | bilan.xlsx [?date&final]  the files
    GET /static/bilan.css                                         its stylesheet

The figures come from the `followup` library, the views from `generators.bilan`: they
hold aggregates only, so no participant identifier can reach a page or a file here.
Every request goes through the same middleware as the other pages (token, host, headers);
these are GET answers that change nothing. The store is the « Suivi » pages' one.
"""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from .downloads import attachment
from .pages_followup import _date_param, _page, _store_or_page, _unknown

router = APIRouter()
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@router.get("/static/bilan.css", include_in_schema=False)
def bilan_stylesheet() -> Response:
    # One source for the bilan's style: the renderers' own stylesheet (CSP: no inline style).
    from generators.bilan.html import bilan_css

    return Response(bilan_css(), media_type="text/css; charset=utf-8")


def _figures(request: Request, store, reference: str, at: date, final: bool):
    """The bilan's figures, or None when the operation is not in the store."""
    from followup.errors import FollowupError
    from followup.figures import bilan_figures

    try:
        return bilan_figures(store, reference, at, final, request.app.state.profile)
    except FollowupError:
        return None


def _final(request: Request) -> bool:
    return request.query_params.get("final", "") in ("1", "on", "oui")


def file_name(reference: str, at: date, final: bool, extension: str) -> str:
    """« bilan-intermediaire-2026-014-2027-06-30.docx », « bilan-final-2026-014-… »."""
    kind = "final" if final else "intermediaire"
    return f"bilan-{kind}-{reference}-{at.isoformat()}.{extension}"


@router.get("/suivi/{reference}/bilan", response_class=HTMLResponse)
def bilan_page(request: Request, reference: str) -> HTMLResponse:
    from markupsafe import Markup

    from generators.bilan import render_bilan_html

    store, failure = _store_or_page(request)
    if failure:
        return failure
    at, final = _date_param(request), _final(request)
    figures = _figures(request, store, reference, at, final)
    if figures is None:
        return _unknown(reference)
    return _page(
        "suivi_bilan.html.j2",
        title=f"Bilan {reference}",
        reference=reference,
        at=at,
        final=final,
        article=Markup(render_bilan_html(figures, standalone=False)),
        stylesheets=["/static/bilan.css"],
    )


@router.get("/suivi/{reference}/bilan.{extension}")
def bilan_file(request: Request, reference: str, extension: str) -> Response:
    from generators.bilan.docx import render_bilan_docx
    from generators.bilan.xlsx import render_bilan_xlsx

    if extension not in MEDIA_TYPES:
        return _unknown(reference)
    store, failure = _store_or_page(request)
    if failure:
        return failure
    at, final = _date_param(request), _final(request)
    figures = _figures(request, store, reference, at, final)
    if figures is None:
        return _unknown(reference)
    render = render_bilan_docx if extension == "docx" else render_bilan_xlsx
    return attachment(
        render(figures), file_name(reference, at, final, extension), MEDIA_TYPES[extension]
    )
