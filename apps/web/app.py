"""The FastAPI application: `create_app(profile_path=None, token=None, ...)`.

Three pages (Relire un dossier, Calculer les heures, Profil), all plain HTML forms that
work without JavaScript. The engine runs behind them exactly as behind the command line.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .jobs import JobStore
from .rendering import error_page
from .security import SecurityMiddleware

log = logging.getLogger("apps.web")

DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024
DEFAULT_MAX_FILES = 100


@dataclass
class WebSettings:
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    max_files: int = DEFAULT_MAX_FILES
    job_ttl_seconds: float = 3600.0
    piece_timeout: float | None = 120.0
    limits: Any = None  # review.sources.Limits; None: the documented defaults
    review_timeout: float = 600.0  # one review's child process is killed after this
    plugins: tuple[str, ...] = ()  # modules every review process imports (tests' readers)


def create_app(
    profile_path: Path | None = None,
    token: str | None = None,
    *,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
    max_files: int = DEFAULT_MAX_FILES,
    job_ttl_seconds: float = 3600.0,
    temp_root: Path | None = None,
    allowed_hosts: set[str] | None = None,
    limits: Any = None,
    workers: int = 2,
    max_jobs: int = 20,
    piece_timeout: float | None = 120.0,
    review_timeout: float = 600.0,
    plugins: tuple[str, ...] = (),
    followup_db: str | None = None,
) -> FastAPI:
    """The web application.

    `profile_path`: the server's profile (None: the default one); loaded now, so that a
    bad file stops the start with its French message (`ProfileError`).
    `token`: when set, every request must carry it (query `?jeton=`, cookie or
    `Authorization: Bearer`). Without it only loopback host names are answered.
    `temp_root`: where job folders go (a fresh private temporary folder by default).
    """
    from clausier.profile import load_profile

    profile = load_profile(profile_path)
    store = JobStore(
        root=temp_root, ttl_seconds=job_ttl_seconds, max_jobs=max_jobs, workers=workers
    )
    settings = WebSettings(
        max_upload_bytes=max_upload_bytes,
        max_files=max_files,
        job_ttl_seconds=store.ttl,
        piece_timeout=piece_timeout,
        limits=limits,
        review_timeout=review_timeout,
        plugins=tuple(plugins),
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        from .isolation import start_engine

        start_engine()  # the engine loads now, not on the first upload
        store.start_janitor()
        try:
            yield
        finally:
            store.close()
            followup_store = getattr(app.state, "followup_store", None)
            if followup_store is not None:
                followup_store.close()

    app = FastAPI(
        title="Clausier",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=lifespan,
    )
    app.state.profile = profile
    app.state.profile_path = profile_path
    app.state.store = store
    app.state.settings = settings
    app.state.token = token
    app.state.followup_db = followup_db  # None: CLAUSIER_DB, else clausier-suivi.sqlite

    @app.get("/static/rapport.css", include_in_schema=False)
    def report_stylesheet() -> Response:
        # The report fragment's own stylesheet, from the outputs module (one source).
        from generators.reports.html import report_css

        return Response(report_css(), media_type="text/css; charset=utf-8")

    from . import pages_bilan, pages_followup, pages_hours, pages_profile, pages_review

    app.include_router(pages_review.router)
    app.include_router(pages_hours.router)
    app.include_router(pages_profile.router)
    app.include_router(pages_followup.router)
    app.include_router(pages_bilan.router)  # /static/bilan.css: before the mount
    # Routes are matched in order: the mount comes after rapport.css.
    app.mount(
        "/static",
        StaticFiles(directory=str(Path(__file__).parent / "static")),
        name="static",
    )

    _install_error_pages(app)
    app.add_middleware(
        SecurityMiddleware,
        token=token,
        render_page=error_page,
        allowed_hosts=frozenset(allowed_hosts) if allowed_hosts else None,
    )
    return app


def _install_error_pages(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> HTMLResponse:
        if exc.status_code == 404:
            title = "Page introuvable"
            message = (
                "Cette adresse ne correspond à aucune page de Clausier, ou la relecture "
                "demandée a été effacée (les fichiers déposés sont gardés une heure au plus). "
                "Revenez à l'accueil pour relire un dossier."
            )
        elif exc.status_code == 405:
            title = "Action non permise"
            message = "Cette adresse ne s'utilise pas ainsi : passez par les formulaires des pages."
        else:
            title = "Demande refusée"
            message = str(exc.detail) if isinstance(exc.detail, str) else "Demande refusée."
        return HTMLResponse(
            error_page(exc.status_code, title, message), status_code=exc.status_code
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> HTMLResponse:
        return HTMLResponse(
            error_page(
                400,
                "Demande incomplète",
                "Le formulaire envoyé est incomplet : rechargez la page et recommencez.",
            ),
            status_code=400,
        )
