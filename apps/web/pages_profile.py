"""Page 3, « Profil »: the server's profile, readable."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from clausier.model import severity_label

from .rendering import render

router = APIRouter()

FRAMEWORK_FORMS = {"annuel": "heures par an", "tranche": "heures par tranche de montant commandé"}


@router.get("/profil", response_class=HTMLResponse)
def profile_page(request: Request) -> HTMLResponse:
    profile = request.app.state.profile
    source = getattr(profile, "source_path", None)
    html = render(
        "profil.html.j2",
        title="Profil",
        active="profil",
        profile=profile,
        # Only the file name: the server's folders are nobody's business.
        source_name=source.name if source else None,
        trades=sorted(profile.trades.values(), key=lambda t: t.label.lower()),
        rules=sorted((getattr(profile, "rules", None) or {}).items()),
        rule_label=severity_label,
        framework_label=FRAMEWORK_FORMS.get(getattr(profile, "framework_form", ""), ""),
        per_hour_is_amount=isinstance(profile.penalties.per_hour, int | float),
    )
    return HTMLResponse(html)
