"""« Suivi »: the follow-up after award, for the facilitator.

Operations with their progress; an operation's page (lots, alerts, imports); upload a
company's monthly sheet, see the check (what will change, or every problem by row), then
confirm; download the model sheet. The store is the `followup` library's (`--db`,
CLAUSIER_DB); this module never imports the `followup` command (a peer application).
Participant identifiers appear only on these pages, never in a download.
"""

from __future__ import annotations

import threading
from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.requests import ClientDisconnect

from .jobs import JobStoreFull
from .rendering import render
from .uploads import UploadError, receive_multipart, too_large_message

router = APIRouter()
SHEET_EXTENSIONS = frozenset({"xlsx", "ods", "csv"})
_store_lock = threading.Lock()


def followup_store(request: Request):
    """The follow-up store of this server, opened (and migrated) on first use."""
    from followup.store import open_store

    state = request.app.state
    with _store_lock:
        store = getattr(state, "followup_store", None)
        if store is None:
            store = open_store(getattr(state, "followup_db", None))
            state.followup_store = store
    return store


def _page(template: str, http_status: int = 200, **context) -> HTMLResponse:
    return HTMLResponse(render(template, active="suivi", **context), status_code=http_status)


def _store_or_page(request: Request):
    from followup.errors import StoreError

    try:
        return followup_store(request), None
    except StoreError as error:
        return None, _page(
            "message.html.j2", 503, title="Base de suivi indisponible", message=str(error), back="/"
        )


def _statuses(request: Request, store, at: date, references=None):
    from followup.status import compute_statuses

    with store.reading() as session:
        return compute_statuses(session, at, request.app.state.profile, references)


@router.get("/suivi", response_class=HTMLResponse)
def operations_page(request: Request) -> HTMLResponse:
    store, failure = _store_or_page(request)
    if failure:
        return failure
    at = _date_param(request)
    statuses = _statuses(request, store, at)
    return _page("suivi.html.j2", title="Suivi", statuses=statuses, at=at)


def _date_param(request: Request) -> date:
    raw = request.query_params.get("date", "")
    try:
        return date.fromisoformat(raw) if raw else date.today()
    except ValueError:
        return date.today()


@router.get("/suivi/modele-suivi-mensuel.xlsx")
def model_sheet() -> Response:
    from followup.model_sheet import FILE_NAME, model_sheet_bytes

    return Response(
        model_sheet_bytes(),
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"content-disposition": f'attachment; filename="{FILE_NAME}"'},
    )


def _operation_context(request: Request, store, reference: str, at: date) -> dict | None:
    from sqlalchemy import select

    from followup.models import ImportLog, Operation

    statuses = _statuses(request, store, at, [reference])
    if not statuses:
        return None
    with store.reading() as session:
        operation_id = session.scalar(select(Operation.id).where(Operation.reference == reference))
        imports = list(
            session.execute(
                select(
                    ImportLog.file_name,
                    ImportLog.imported_at,
                    ImportLog.rows,
                    ImportLog.added,
                    ImportLog.replaced,
                )
                .where(ImportLog.operation_id == operation_id)
                .order_by(ImportLog.imported_at.desc(), ImportLog.id.desc())
                .limit(50)
            )
        )
    return {"status": statuses[0], "imports": imports, "at": at, "reference": reference}


@router.get("/suivi/{reference}", response_class=HTMLResponse)
def operation_page(request: Request, reference: str) -> HTMLResponse:
    store, failure = _store_or_page(request)
    if failure:
        return failure
    context = _operation_context(request, store, reference, _date_param(request))
    if context is None:
        return _unknown(reference)
    imported = request.query_params.get("importe") == "1"
    return _page(
        "suivi_operation.html.j2", title=f"Suivi {reference}", imported=imported, **context
    )


def _unknown(reference: str) -> HTMLResponse:
    return _page(
        "message.html.j2",
        404,
        title="Opération introuvable",
        message=f"Aucune opération « {reference} » n'est suivie dans cette base.",
        back="/suivi",
    )


@router.post("/suivi/{reference}/verifier", response_class=HTMLResponse)
async def check_sheet(request: Request, reference: str) -> Response:
    """Receive a sheet, check it against the store without writing: what would change."""
    store, failure = _store_or_page(request)
    if failure:
        return failure
    state = request.app.state
    settings = state.settings
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_upload_bytes + 64 * 1024:
        return _operation_error(
            request, store, reference, too_large_message(settings.max_upload_bytes), 413
        )
    try:
        job = state.store.new(date.today(), reference)
    except JobStoreFull:
        return _operation_error(
            request,
            store,
            reference,
            "Le serveur est occupé : réessayez dans quelques minutes.",
            503,
        )
    incoming = job.folder / "envoi"
    incoming.mkdir(mode=0o700)
    try:
        upload = await receive_multipart(
            request.headers.get("content-type", ""),
            request.stream(),
            incoming,
            max_total_bytes=settings.max_upload_bytes,
            max_files=1,
            file_fields={"feuille": SHEET_EXTENSIONS},
        )
        if not upload.files:
            raise UploadError("Choisissez la feuille de suivi à envoyer (.xlsx, .ods ou .csv).")
        sheet = upload.files[0]
        if sheet.extension not in SHEET_EXTENSIONS:
            raise UploadError(
                f"« {sheet.display_name} » n'est pas une feuille de suivi : envoyez un fichier "
                ".xlsx, .ods ou .csv (le modèle est téléchargeable sur cette page)."
            )
    except UploadError as exc:
        state.store.delete(job.id)
        return _operation_error(request, store, reference, exc.message, exc.status)
    except ClientDisconnect:
        state.store.delete(job.id)
        return Response(status_code=400)
    except BaseException:
        state.store.delete(job.id)
        raise
    job.source = sheet.path
    job.profile_label = sheet.display_name
    outcome = _try_import(store, reference, sheet.path, sheet.display_name, commit=False)
    if outcome["rejected"] or outcome["error"]:
        state.store.delete(job.id)
    return _page(
        "suivi_verification.html.j2",
        200 if not outcome["error"] else 404,
        title=f"Vérification — {reference}",
        reference=reference,
        job_id=job.id,
        file=sheet.display_name,
        **outcome,
    )


def _try_import(store, reference: str, path, shown: str, commit: bool) -> dict:
    from followup.errors import FollowupError, SheetRejected
    from followup.importer import import_sheets

    outcome = {"result": None, "problems": [], "rejected": False, "error": None}
    session = store.sessions()
    try:
        outcome["result"] = import_sheets(session, reference, [(path, shown)])
        if commit:
            session.commit()
        else:
            session.rollback()
    except SheetRejected as rejected:
        session.rollback()
        outcome["rejected"] = True
        outcome["problems"] = rejected.problems
    except FollowupError as error:
        session.rollback()
        outcome["error"] = str(error)
    finally:
        session.close()
    return outcome


@router.post("/suivi/{reference}/confirmer", response_class=HTMLResponse)
async def confirm_sheet(request: Request, reference: str) -> Response:
    store, failure = _store_or_page(request)
    if failure:
        return failure
    form = await request.form()
    job = request.app.state.store.get(str(form.get("verification", "")))
    if job is None or job.display_name != reference or job.source is None:
        return _page(
            "message.html.j2",
            404,
            title="Vérification expirée",
            message="Cette vérification n'existe plus (elle est gardée une heure au plus) : "
            "envoyez la feuille de nouveau.",
            back=f"/suivi/{reference}",
        )
    try:
        outcome = _try_import(store, reference, job.source, job.profile_label, commit=True)
    finally:
        request.app.state.store.delete(job.id)
    if outcome["rejected"] or outcome["error"]:
        return _page(
            "suivi_verification.html.j2",
            200,
            title=f"Vérification — {reference}",
            reference=reference,
            job_id=None,
            file=job.profile_label,
            **outcome,
        )
    return RedirectResponse(f"/suivi/{reference}?importe=1", status_code=303)


def _operation_error(
    request: Request, store, reference: str, message: str, status: int
) -> HTMLResponse:
    context = _operation_context(request, store, reference, date.today())
    if context is None:
        return _unknown(reference)
    return _page(
        "suivi_operation.html.j2", status, title=f"Suivi {reference}", error=message, **context
    )
