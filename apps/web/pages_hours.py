"""Page 2, « Calculer les heures »: a form of lots -> the hours table, its CSV, and the
Word documents (RC, CCAP, AE, annexe) as one .zip.

One form, several submit buttons (`action`): add a row, remove a row, compute, download
the CSV, generate the documents. Everything works without JavaScript: each button sends
the whole form back and the page is drawn again with what was typed.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from dataclasses import dataclass, field
from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from clausier import consultation_file
from clausier.french import parse_amount

from .downloads import attachment
from .rendering import render

router = APIRouter()

MAX_ROWS = 60
NATURES = tuple((nature, nature.capitalize()) for nature in consultation_file.NATURES)
CCAGS = (
    ("travaux", "CCAG Travaux (2021)"),
    ("fcs", "CCAG Fournitures courantes et services (2021)"),
    ("pi", "CCAG Prestations intellectuelles (2021)"),
    ("tic", "CCAG Techniques de l'information et de la communication (2021)"),
    ("moe", "CCAG Maîtrise d'œuvre (2021)"),
    ("mi", "CCAG Marchés industriels (2021)"),
)
# The consultation file's keys the form asks for: the estimated amount is the lots' sum and
# the accord-cadre has its own box.
CONSULTATION_FIELDS = tuple(
    key
    for key in consultation_file.CONSULTATION_KEYS
    if key not in ("montant_estime", "accord_cadre")
)


@dataclass
class Row:
    numero: str = ""
    intitule: str = ""
    montant: str = ""
    metier: str = ""
    errors: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.numero.strip() or self.intitule.strip() or self.montant.strip() or self.metier
        )


@dataclass
class HoursForm:
    rows: list[Row]
    values: dict[str, str]
    framework: bool = False
    errors: list[str] = field(default_factory=list)  # general errors (French)
    field_errors: dict[str, str] = field(default_factory=dict)  # consultation field -> error


def _default_form() -> HoursForm:
    values = {
        "nature": "travaux",
        "ccag": "travaux",
        "procedure": "procédure adaptée",
        "date_lancement": date.today().isoformat(),
    }
    return HoursForm(rows=[Row(), Row()], values=values)


async def _read_form(request: Request) -> tuple[HoursForm, str]:
    form = await request.form(max_files=0, max_fields=8 * MAX_ROWS + 40, max_part_size=8192)
    lists = [form.getlist(name) for name in ("numero", "intitule", "montant", "metier")]
    n = min(max((len(x) for x in lists), default=0), MAX_ROWS)
    rows = []
    for i in range(n):
        cells = [str(x[i]).strip()[:300] if i < len(x) else "" for x in lists]
        rows.append(Row(*cells))
    values = {name: str(form.get(name, "")).strip()[:300] for name in CONSULTATION_FIELDS}
    hours_form = HoursForm(
        rows=rows or [Row()], values=values, framework=form.get("accord_cadre") == "oui"
    )
    return hours_form, str(form.get("action", "calculer"))


def _page(request: Request, hours_form: HoursForm, table=None, status: int = 200) -> HTMLResponse:
    profile = request.app.state.profile
    trades = sorted(profile.trades.values(), key=lambda t: t.label.lower())
    html = render(
        "heures.html.j2",
        # Screen readers announce the title first: say at once that something is wrong.
        title=("Erreur — " if status >= 400 else "") + "Calculer les heures",
        active="heures",
        form=hours_form,
        table=table,
        trades=trades,
        trade_labels={t.key: t.label for t in trades},
        profile=profile,
        natures=NATURES,
        ccags=CCAGS,
        max_rows=MAX_ROWS,
    )
    return HTMLResponse(html, status_code=status)


@router.get("/heures", response_class=HTMLResponse)
def hours_form_page(request: Request) -> HTMLResponse:
    return _page(request, _default_form())


@router.post("/heures")
async def hours_action(request: Request) -> Response:
    hours_form, action = await _read_form(request)
    if action == "ajouter":
        if len(hours_form.rows) < MAX_ROWS:
            hours_form.rows.append(Row())
        else:
            hours_form.errors.append(f"{MAX_ROWS} lots au plus sur cette page.")
        return _page(request, hours_form)
    if action.startswith("supprimer:"):
        index = action.partition(":")[2]
        if index.isdigit() and int(index) < len(hours_form.rows):
            del hours_form.rows[int(index)]
        if not hours_form.rows:
            hours_form.rows.append(Row())
        return _page(request, hours_form)

    requests = _lot_requests(hours_form, request.app.state.profile)
    if hours_form.errors or any(r.errors for r in hours_form.rows):
        return _page(request, hours_form, status=400)
    table = _compute(requests, hours_form, request.app.state.profile)
    if hours_form.errors:
        return _page(request, hours_form, status=400)
    if action == "csv":
        from generators.reports.hours_table import render_csv  # as `clausier hours`

        return attachment(
            render_csv(table).encode("utf-8"), "heures-insertion.csv", "text/csv; charset=utf-8"
        )
    if action == "xlsx":
        from generators.reports.hours_xlsx import render_xlsx  # as `clausier hours -o x.xlsx`

        return attachment(
            render_xlsx(table, request.app.state.profile),
            "heures-insertion.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    if action == "documents":
        return await _documents(request, hours_form, requests, table)
    return _page(request, hours_form, table=table)


def _lot_requests(hours_form: HoursForm, profile) -> list:
    from clausier.hours import LotRequest

    requests = []
    seen: set[str] = set()
    for i, row in enumerate(hours_form.rows):
        if row.empty:
            continue
        number = row.numero.strip() or str(i + 1)
        if number in seen:
            row.errors.append(
                f"Le numéro de lot « {number} » est déjà utilisé : numérotez chaque lot différemment."
            )
        seen.add(number)
        amount = None
        if not row.montant:
            row.errors.append("Indiquez le montant estimé du lot, hors taxes (exemple : 820 000).")
        else:
            try:
                amount = parse_amount(row.montant)
            except ValueError:
                row.errors.append(
                    f"Le montant « {row.montant} » n'est pas un nombre : écrivez-le en euros hors "
                    "taxes, par exemple 820 000 ou 820000,50."
                )
        if row.metier and row.metier not in profile.trades:
            row.errors.append("Choisissez le métier dans la liste.")
        requests.append(
            LotRequest(
                number=number,
                title=row.intitule or None,
                amount_ht=amount,
                trade=row.metier or None,
            )
        )
    if not requests and not any(r.errors for r in hours_form.rows):
        hours_form.errors.append(
            "Ajoutez au moins un lot : son numéro, son intitulé, son montant et son métier."
        )
    return requests


def _duration(hours_form: HoursForm) -> float | None:
    text = hours_form.values.get("duree_annees", "")
    if not hours_form.framework or not text:
        return None
    try:
        value = parse_amount(text)
    except ValueError:
        value = 0.0
    if value <= 0:
        hours_form.field_errors["duree_annees"] = (
            f"La durée « {text} » n'est pas un nombre d'années (exemple : 4)."
        )
        return None
    return value


def _compute(requests: list, hours_form: HoursForm, profile):
    from clausier.hours import compute

    duration = _duration(hours_form)
    if hours_form.field_errors:
        hours_form.errors.append("Corrigez les champs signalés.")
        return None
    return compute(requests, profile, framework=hours_form.framework, duration_years=duration)


async def _documents(request: Request, hours_form: HoursForm, requests: list, table) -> Response:
    from starlette.concurrency import run_in_threadpool

    values = hours_form.values
    required = {
        "acheteur": "Indiquez l'acheteur (le nom de la collectivité ou de l'organisme).",
        "objet": "Indiquez l'objet de la consultation.",
        "reference": "Indiquez la référence de la consultation (elle nomme les fichiers).",
    }
    for name, message in required.items():
        if not values.get(name):
            hours_form.field_errors[name] = message
    if values.get("nature") not in dict(NATURES):
        hours_form.field_errors["nature"] = "Choisissez la nature du marché dans la liste."
    if values.get("ccag") not in dict(CCAGS):
        hours_form.field_errors["ccag"] = "Choisissez le CCAG dans la liste."
    launch = None
    if values.get("date_lancement"):
        try:
            launch = date.fromisoformat(values["date_lancement"])
        except ValueError:
            hours_form.field_errors["date_lancement"] = (
                f"La date « {values['date_lancement']} » n'est pas valide (format AAAA-MM-JJ)."
            )
    if hours_form.field_errors:
        hours_form.errors.append("Pour rédiger les documents, complétez les champs signalés.")
        return _page(request, hours_form, table=table, status=400)

    from clausier.consultation_file import ConsultationSpec

    spec = ConsultationSpec(
        buyer=values["acheteur"],
        object=values["objet"],
        reference=values["reference"],
        nature=values["nature"],
        procedure=values.get("procedure") or "procédure adaptée",
        ccag=values["ccag"],
        launch_date=launch,
        estimated_amount=None,
        framework=hours_form.framework,
        duration_years=_duration(hours_form),
        lots=requests,
    )
    store = request.app.state.store
    profile = request.app.state.profile
    folder = store.scratch()
    try:
        content = await run_in_threadpool(_generate_zip, spec, profile, folder)
    except ValueError as exc:  # GenerationError and its kin: French, says what to do
        hours_form.errors.append(str(exc))
        return _page(request, hours_form, table=table, status=400)
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # nothing kept after the answer
    return attachment(
        content, f"{values['reference']} - documents clause sociale.zip", "application/zip"
    )


def _generate_zip(spec, profile, folder) -> bytes:
    from generators.clauses import generate

    out_dir = folder / "documents"
    paths = generate(spec, profile, out_dir)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in paths:
            try:
                arcname = path.relative_to(out_dir).as_posix()
            except ValueError:
                arcname = path.name
            zf.write(path, arcname)
    return buffer.getvalue()
