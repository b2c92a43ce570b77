"""Page 1, « Relire un dossier »: upload a DCE, follow the review, read the report,
download the annotated and corrected copies and the JSON."""

from __future__ import annotations

import logging
import shutil
import zipfile
from datetime import date
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.requests import ClientDisconnect

from .downloads import attachment, download_name
from .jobs import DONE, FAILED, Job, JobFailed, JobStoreFull
from .rendering import render
from .uploads import (
    DCE_EXTENSIONS,
    PROFILE_EXTENSIONS,
    UploadedFile,
    UploadError,
    human_size,
    receive_multipart,
    safe_file_name,
    too_large_message,
    unique_name,
)

log = logging.getLogger("apps.web")
router = APIRouter()

ACCEPT = ",".join(f".{ext}" for ext in sorted(DCE_EXTENSIONS))


def _form_page(
    request: Request, error: str | None = None, status: int = 200, values=None
) -> HTMLResponse:
    state = request.app.state
    values = values or {}
    html = render(
        "relire.html.j2",
        title=("Erreur — " if error else "") + "Relire un dossier",
        active="relire",
        error=error,
        accept=ACCEPT,
        today=date.today().isoformat(),
        review_date=values.get("date_relecture") or date.today().isoformat(),
        name=values.get("nom", ""),
        profile_name=state.profile.name,
        profile_choice=values.get("profil", "serveur"),
        max_upload=human_size(state.settings.max_upload_bytes),
        max_files=state.settings.max_files,
        ttl_minutes=int(state.settings.job_ttl_seconds // 60),
    )
    return HTMLResponse(html, status_code=status)


@router.get("/", response_class=HTMLResponse)
def review_form(request: Request) -> HTMLResponse:
    return _form_page(request)


@router.post("/relire")
async def review_upload(request: Request) -> Response:
    state = request.app.state
    settings = state.settings
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_upload_bytes + 64 * 1024:
        # Refused before reading a byte; the multipart overhead is allowed for.
        return _form_page(request, too_large_message(settings.max_upload_bytes), status=413)

    # The body is received first, into a scratch folder: a job slot is taken only once
    # it is all here (slow or stalled clients never hold one).
    incoming = state.store.scratch()
    upload = job = None
    try:
        upload = await receive_multipart(
            request.headers.get("content-type", ""),
            request.stream(),
            incoming,
            max_total_bytes=settings.max_upload_bytes,
            max_files=settings.max_files,
            file_fields={"pieces": DCE_EXTENSIONS, "fichier_profil": PROFILE_EXTENSIONS},
        )
        try:
            job = state.store.new(date.today(), "DCE")
        except JobStoreFull:
            return _form_page(
                request,
                "Trop de relectures sont gardées en ce moment sur ce serveur. Réessayez dans "
                "quelques minutes, ou effacez vos relectures terminées.",
                status=503,
            )
        _adopt(upload, incoming, job.folder / "envoi")
        _prepare_job(job, upload, state)
    except UploadError as exc:
        if job is not None:
            state.store.delete(job.id)
        values = upload.fields if upload is not None else None
        return _form_page(request, exc.message, status=exc.status, values=values)
    except ClientDisconnect:  # the browser went away mid-upload: nothing to answer
        if job is not None:
            state.store.delete(job.id)
        return Response(status_code=400)
    except BaseException:
        if job is not None:
            state.store.delete(job.id)
        raise
    finally:
        shutil.rmtree(incoming, ignore_errors=True)
    state.store.submit(job, _review_work(settings, state.store.children))
    return RedirectResponse(f"/rapport/{job.id}", status_code=303)


def _adopt(upload, scratch: Path, folder: Path) -> None:
    """Move the received files from the request's scratch folder into the job's."""
    scratch.rename(folder)
    scratch.mkdir(mode=0o700)  # removed by the caller, like any scratch folder
    for item in upload.files:
        item.path = folder / item.path.name


def _prepare_job(job: Job, upload, state) -> None:
    """Check the form, set the files aside that are no DCE pieces, build the consultation
    folder (or keep the single .zip), choose the profile. Raises UploadError (French)."""
    fields = upload.fields
    raw_date = fields.get("date_relecture", "").strip()
    try:
        job.review_date = date.fromisoformat(raw_date) if raw_date else date.today()
    except ValueError:
        raise UploadError(
            f"La date de relecture « {raw_date} » n'est pas une date valide : "
            "choisissez-la dans le calendrier, au format AAAA-MM-JJ (exemple : 2026-11-25)."
        ) from None

    pieces = [f for f in upload.files if f.field == "pieces"]
    accepted: list[UploadedFile] = []
    for item in pieces:
        reason = _refusal(item)
        if reason:
            job.notices.append(reason)
        else:
            accepted.append(item)
    if not pieces:
        raise UploadError(
            "Aucun fichier reçu : choisissez les pièces du DCE (ou son archive .zip) avec le "
            "bouton « Parcourir », puis lancez la relecture."
        )
    if not accepted:
        raise UploadError(
            "Aucune pièce de DCE dans l'envoi. "
            + " ".join(job.notices)
            + " Déposez les pièces en .docx, .odt, .pdf (ou .doc, .rtf, .xlsx, .ods), "
            "ou l'archive .zip du DCE."
        )

    name = consultation_label(fields.get("nom", ""))
    if len(accepted) == 1 and accepted[0].extension == "zip":
        item = accepted[0]
        folder = job.folder / "dce"
        folder.mkdir(mode=0o700)
        target = unique_name(folder, safe_file_name(item.display_name, "dce.zip"))
        item.path.rename(target)
        job.source = target
        job.display_name = name or item.display_name.rsplit(".", 1)[0]
    else:
        folder = job.folder / "DCE"
        folder.mkdir(mode=0o700)
        for n, item in enumerate(accepted, start=1):
            fallback = f"piece_{n}.{item.extension}"
            target = unique_name(folder, safe_file_name(item.display_name, fallback))
            item.path.rename(target)
        job.source = folder
        job.display_name = name or (
            f"Dossier déposé ({len(accepted)} fichiers)"
            if len(accepted) > 1
            else accepted[0].display_name
        )

    _choose_profile(job, fields, upload, state)
    # The refused files are not kept a second longer than needed.
    shutil.rmtree(job.folder / "envoi", ignore_errors=True)


def _refusal(item: UploadedFile) -> str | None:
    what = item.kind_label()
    if what:
        return f"« {item.display_name} » est {what}, pas une pièce de DCE : ce fichier n'a pas été relu."
    if item.extension not in DCE_EXTENSIONS:
        shown = f".{item.extension}" if item.extension else "sans extension"
        return (
            f"« {item.display_name} » ({shown}) n'est pas un format de pièce de DCE : ce fichier "
            "n'a pas été relu."
        )
    if item.size == 0:
        return f"« {item.display_name} » est vide : ce fichier n'a pas été relu."
    return None


def _choose_profile(job: Job, fields: dict, upload, state) -> None:
    from clausier.profile import ProfileError, load_profile

    job.profile, job.profile_label = state.profile, f"{state.profile.name} — profil du serveur"
    if fields.get("profil") != "fichier":
        return
    files = [f for f in upload.files if f.field == "fichier_profil"]
    if not files:
        raise UploadError(
            "Vous avez choisi « Mon profil » sans joindre de fichier : choisissez votre profil "
            ".toml, ou gardez le profil du serveur."
        )
    item = files[0]
    if item.extension != "toml":
        raise UploadError(
            f"Le profil « {item.display_name} » n'est pas un fichier .toml : créez-en un avec "
            "« clausier profile init » puis déposez-le."
        )
    try:
        job.profile = load_profile(item.path)
    except ProfileError as exc:
        # The message names the server's temporary path: show the user's file name instead.
        message = (
            str(exc)
            .replace(str(item.path), item.display_name)
            .replace(item.path.name, item.display_name)
        )
        raise UploadError(f"Profil refusé : {message}") from None
    job.profile_label = f"{job.profile.name} — fichier « {item.display_name} »"


def _review_work(settings, children):
    """The job's work: the review runs in a child process that is killed past
    `settings.review_timeout` (apps.web.isolation); a killed review is a French page."""

    def work(job: Job) -> None:
        from .isolation import ReviewRequest, ReviewStopped

        request = ReviewRequest(
            source=job.source,
            display_name=job.display_name,
            review_date=job.review_date,
            profile=job.profile,
            limits=settings.limits,
            piece_timeout=settings.piece_timeout,
            plugins=settings.plugins,
        )
        job.step = "Lecture des pièces…"
        try:
            result = children.run(
                request, settings.review_timeout, on_step=lambda step: setattr(job, "step", step)
            )
        except ReviewStopped as stopped:
            raise JobFailed(stopped.message) from None
        job.report, job.fragment = result.report, result.fragment
        job.peak_mb, job.cpu_seconds = result.peak_mb, result.cpu_seconds
        log.info(
            "Relecture %s terminée : %.1f s de calcul, mémoire maximale %.0f Mo",
            job.id[:6],
            job.cpu_seconds,
            job.peak_mb,
        )

    return work


def _job_or_404(request: Request, job_id: str) -> Job:
    from starlette.exceptions import HTTPException

    job = request.app.state.store.get(job_id)
    if job is None:
        raise HTTPException(status_code=404)
    return job


# How long a request for a running review is held before the waiting page is sent: the
# report is answered as soon as it is ready (a fixed 2 s refresh made a 0.35 s review wait
# 2 s); the waiting page then asks again at once.
LONG_POLL_SECONDS = 5.0


@router.get("/rapport/{job_id}", response_class=HTMLResponse)
async def report_page(request: Request, job_id: str) -> HTMLResponse:
    job = _job_or_404(request, job_id)
    await _until_done(request, job, LONG_POLL_SECONDS)
    if job.status not in (DONE, FAILED):
        return HTMLResponse(
            render("attente.html.j2", title="Relecture en cours", active="relire", job=job)
        )
    return HTMLResponse(
        render(
            "rapport.html.j2",
            title=f"Relecture de {job.display_name}",
            active="relire",
            job=job,
            failed=job.status == FAILED,
            stylesheets=["/static/rapport.css"],
            ttl_minutes=int(request.app.state.settings.job_ttl_seconds // 60),
        )
    )


@router.get("/rapport/{job_id}/rapport.json")
def report_json(request: Request, job_id: str) -> Response:
    job = _done_job(request, job_id)
    from generators.reports import render_json

    return attachment(
        render_json([job.report]).encode("utf-8"), f"{job.display_name}.json", "application/json"
    )


@router.get("/rapport/{job_id}/rapport.html")
def report_html(request: Request, job_id: str) -> Response:
    job = _done_job(request, job_id)
    from generators.reports import render_html

    return attachment(
        render_html(job.report).encode("utf-8"), f"{job.display_name}.html", "text/html"
    )


@router.get("/rapport/{job_id}/avis.docx")
def avis_docx(request: Request, job_id: str) -> Response:
    """The facilitator's opinion letter, with the profile the review used."""
    job = _done_job(request, job_id)
    from generators.avis import render_avis

    profile = job.profile or request.app.state.profile
    return attachment(
        render_avis(job.report, profile),
        f"{job.display_name} - avis du facilitateur.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


@router.get("/rapport/{job_id}/annotees.zip")
def annotated_zip(request: Request, job_id: str) -> Response:
    return _copies(request, job_id, corrections=False)


@router.get("/rapport/{job_id}/corrigees.zip")
def corrected_zip(request: Request, job_id: str) -> Response:
    return _copies(request, job_id, corrections=True)


@router.post("/rapport/{job_id}/effacer", response_class=HTMLResponse)
def delete_job(request: Request, job_id: str) -> HTMLResponse:
    job = _job_or_404(request, job_id)
    request.app.state.store.delete(job.id)
    return HTMLResponse(
        render(
            "efface.html.j2",
            title="Fichiers effacés",
            active="relire",
            name=job.display_name,
        )
    )


async def _until_done(request: Request, job: Job, seconds: float) -> None:
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while job.status not in (DONE, FAILED) and loop.time() < deadline:
        if await request.is_disconnected():
            return
        await asyncio.sleep(0.05)


def _done_job(request: Request, job_id: str) -> Job:
    from starlette.exceptions import HTTPException

    job = _job_or_404(request, job_id)
    if job.status != DONE:
        raise HTTPException(status_code=404)
    return job


def _copies(request: Request, job_id: str, corrections: bool) -> Response:
    """The annotated (or corrected) copies as one .zip, made once per job then kept."""
    job = _done_job(request, job_id)
    label = "corrigees" if corrections else "annotees"
    archive = job.folder / f"{label}.zip"
    with job.lock:
        if not archive.exists():
            from generators.annotate import annotate

            out_dir = job.folder / label
            paths = annotate(job.report, job.source, out_dir, corrections=corrections, force=True)
            if not paths:
                return HTMLResponse(
                    render(
                        "message.html.j2",
                        title="Aucune copie à produire",
                        active="relire",
                        message=(
                            "Aucune pièce de ce dossier ne peut recevoir de remarques (les copies "
                            "annotées sont faites pour les pièces Word, PDF et ODT qui ont des "
                            "constats)."
                        ),
                        back=f"/rapport/{job.id}",
                    ),
                    status_code=200,
                )
            _zip_files(paths, out_dir, archive, corrected=corrections)
    name = f"{job.display_name} - {'copies corrigées' if corrections else 'copies annotées'}.zip"
    # Streamed from the job folder (the copies weigh as much as the DCE).
    return FileResponse(archive, media_type="application/zip", filename=download_name(name))


def consultation_label(raw: str | None) -> str:
    """The consultation's name as the buyer typed it: « DCE 2026/014 mairie » keeps its
    « / » (it is no file name: `display_name` would keep « 014 mairie »), without control
    characters, at most 120 characters; "" when blank."""
    import unicodedata

    text = unicodedata.normalize("NFC", raw or "")
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    text = " ".join(text.split())
    return text[:119] + "…" if len(text) > 120 else text


def _zip_files(paths: list[Path], base: Path, archive: Path, corrected: bool = False) -> None:
    """The copies as one .zip; corrected copies are named `<nom>_corrige.<ext>` so that
    both archives can be unpacked in one folder without overwriting each other."""
    partial = archive.with_suffix(".partiel")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in paths:
            try:
                arcname = path.relative_to(base).as_posix()
            except ValueError:
                arcname = path.name
            if corrected:
                head, sep, tail = arcname.rpartition("_annote")
                arcname = f"{head}_corrige{tail}" if sep else arcname
            zf.write(path, arcname)
    partial.rename(archive)  # complete or absent, never half-written
