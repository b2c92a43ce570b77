"""Write the insertion clause into Word: the RC article, the CCAP article, one AE
commitment per lot and the annex, from a consultation and a territory profile.

The hours come from `clausier.hours.compute` (the one calculation), the legal basis from
`clausier.law` (L2112-2-1 when the 2026 obligation applies, the CCAG 2021 article). The
templates are .docx files with Jinja tags (`clause_templates/*.docx`, built by
`tools/build_templates.py`), rendered by docxtpl with `autoescape=True`: a
buyer called « Dupont & Fils » must not break the XML of a table row. A facilitator may
replace them (`templates=DIR`, same file names); a template asking for a variable the
context does not hold is refused with a French message, never rendered blank.

docxtpl and jinja2 are imported only when a document is rendered.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from clausier.consultation_file import DEFAULT_CCAG, ConsultationSpec
from clausier.french import fr_date, fr_euros, fr_hours
from clausier.hours import HoursTable, LotHours, compute, requests_from_lots
from clausier.law import load_law
from clausier.profile import Profile

DOCUMENTS = ("rc", "ccap", "ae", "annexe")
TEMPLATE_FILES = {
    "rc": "rc_clause.docx",
    "ccap": "ccap_article.docx",
    "ae": "ae_engagement.docx",
    "annexe": "annexe_clause.docx",
}
TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "clause_templates"

NO_CLAUSE_TEXT = "sans clause (volume trop faible)"
# Article numbers used by the default templates; the buyer renumbers when pasting.
ARTICLE_RC = "1"
ARTICLE_CCAP = "1"

# Long titles of the 2021 CCAGs (the short names come from law.toml).
CCAG_TITLES = {
    "travaux": "cahier des clauses administratives générales applicables aux marchés publics "
    "de travaux",
    "fcs": "cahier des clauses administratives générales applicables aux marchés publics "
    "de fournitures courantes et de services",
    "pi": "cahier des clauses administratives générales applicables aux marchés publics "
    "de prestations intellectuelles",
    "tic": "cahier des clauses administratives générales applicables aux marchés publics "
    "de techniques de l'information et de la communication",
    "moe": "cahier des clauses administratives générales applicables aux marchés publics "
    "de maîtrise d'œuvre",
    "mi": "cahier des clauses administratives générales applicables aux marchés publics "
    "industriels",
}
NATURE_LABELS = {"travaux": "travaux", "services": "services", "fournitures": "fournitures"}

# Placeholders written when a value is unknown (generation from a reviewed folder).
PLACEHOLDER_BUYER = "[acheteur à compléter]"
PLACEHOLDER_OBJECT = "[objet de la consultation à compléter]"
PLACEHOLDER_REFERENCE = "[référence à compléter]"
PLACEHOLDER_PROCEDURE = "[procédure à compléter]"
# The default profile has no facilitator: the documents say so where a contact belongs
# (highlighted in Word), rather than print a fictitious one that could be published.
PLACEHOLDER_FACILITATOR = "[facilitateur à compléter : structure, nom, téléphone, courriel]"
PLACEHOLDER_CONTACT = "[téléphone ou courriel du facilitateur à compléter]"
# A placeholder as written in a document: between brackets, saying « à compléter ».
PLACEHOLDER_RE = re.compile(r"\[[^\[\]]*à compléter[^\[\]]*\]")


class GenerationError(ValueError):
    """Generation cannot go on; the French message says what is wrong and what to do."""


# --------------------------------------------------------------------------- formatting


def date_fr(value: date | None) -> str:
    """2026-12-01 -> « 1er décembre 2026 »."""
    return "" if value is None else fr_date(value)


def percent_fr(rate: float) -> str:
    """0.05 -> « 5 % »; 0.075 -> « 7,5 % »."""
    return f"{rate * 100:.4g}".replace(".", ",") + " %"


def euros(value: float | None) -> str:
    return fr_euros(value) if value is not None else ""


def safe_name(text: str, fallback: str = "consultation") -> str:
    """A file-name part with safe characters only: « 2026/014 – École » -> « 2026-014-Ecole »."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", text)
    text = re.sub(r"-{2,}", "-", text).strip("-._")
    return text[:60].rstrip("-._") or fallback


# --------------------------------------------------------------------------- context


def _period(table: HoursTable) -> tuple[str | None, float | None]:
    for lot in table.lots:
        if lot.period:
            return lot.period, lot.tranche_amount_ht
    return None, None


def _hours_text(hours: int, period: str | None, tranche: float | None) -> str:
    text = f"{fr_hours(hours)} heure{'s' if hours > 1 else ''}"
    if period == "year":
        return f"{text} par an"
    if period == "tranche":
        return f"{text} par tranche de {euros(tranche)} HT commandés"
    return text


def _has_clause(lot: LotHours) -> bool:
    return lot.hours is not None and lot.hours > 0


def _check_hours(table: HoursTable) -> None:
    """Every lot either has hours or is below the minimum; anything else (unknown amount
    or trade) cannot be written into a buyer's document."""
    problems = [
        f"lot {lot.number} : {lot.note or 'heures inconnues'}"
        for lot in table.lots
        if lot.hours is None and (lot.amount_ht is None or lot.labour_share is None)
    ]
    if problems:
        raise GenerationError(
            "Impossible de rédiger la clause, les heures de certains lots ne sont pas "
            "calculables : " + " ; ".join(problems) + ". Complétez le fichier consultation "
            "(montant et métier de chaque lot, ou heures fixées avec « heures = … »)."
        )
    if not any(_has_clause(lot) for lot in table.lots):
        raise GenerationError(
            "Aucun lot n'atteint le volume minimal d'heures d'insertion du profil : il n'y a "
            "pas de clause à rédiger. Vérifiez les montants et les métiers des lots, ou fixez "
            "les heures d'un lot avec « heures = … » dans le fichier consultation."
        )


def _lot_context(lot: LotHours, profile: Profile, period: str | None, tranche: float | None):
    trade = profile.trades.get(lot.trade or "")
    with_clause = _has_clause(lot)
    return {
        "numero": lot.number,
        "intitule": lot.title or "",
        "montant": f"{euros(lot.amount_ht)} HT" if lot.amount_ht is not None else "",
        "metier": lot.trade or "",
        "metier_libelle": trade.label if trade else "",
        "avec_clause": with_clause,
        "heures": fr_hours(lot.hours) if with_clause else "",
        "heures_nombre": lot.hours if with_clause else 0,
        "heures_texte": _hours_text(lot.hours, period, tranche) if with_clause else NO_CLAUSE_TEXT,
        "note": lot.note or "",
    }


def build_context(
    spec: ConsultationSpec, profile: Profile, table: HoursTable, buyer_type: str = "collectivite"
) -> dict[str, Any]:
    """Everything a template may use (documented in docs/generation.md). Strings are plain
    text: docxtpl escapes them (autoescape)."""
    law = load_law()
    period, tranche = _period(table)
    lots = [_lot_context(lot, profile, period, tranche) for lot in table.lots]
    ccag = (spec.ccag or DEFAULT_CCAG.get(spec.nature, "fcs")).lower()
    ccag_name = law.ccag_names.get(ccag, f"CCAG-{ccag.upper()}").split(" (")[0]
    obligation = law.social_obligation_applies(
        spec.launch_date, spec.total_amount or None, spec.nature, buyer_type
    )
    per_hour = profile.penalties.per_hour
    if isinstance(per_hour, int | float):
        per_hour_text = f"{euros(float(per_hour))} par heure"
    else:
        per_hour_text = str(per_hour or "").strip()
    late = profile.penalties.late_reporting
    hours_column = {
        "year": "Heures d'insertion par an",
        "tranche": "Heures d'insertion par tranche de commandes",
    }.get(period or "", "Heures d'insertion")
    facilitator = profile.facilitator
    return {
        "acheteur": spec.buyer or PLACEHOLDER_BUYER,
        "objet": spec.object or PLACEHOLDER_OBJECT,
        "reference": spec.reference or PLACEHOLDER_REFERENCE,
        "procedure": spec.procedure or PLACEHOLDER_PROCEDURE,
        "nature": spec.nature,
        "nature_libelle": NATURE_LABELS.get(spec.nature, spec.nature),
        "ccag": ccag,
        "ccag_nom": ccag_name,
        "ccag_intitule": CCAG_TITLES.get(ccag, "cahier des clauses administratives générales"),
        "ccag_article": law.ccag_insertion_article(ccag) or "",
        "date_lancement": date_fr(spec.launch_date),
        "montant_estime": euros(spec.total_amount) + " HT" if spec.total_amount else "",
        "accord_cadre": spec.framework,
        "duree_annees": fr_hours(spec.duration_years) if spec.duration_years else "",
        "periode": period or "",
        "tranche_montant": euros(tranche) if tranche else "",
        "obligation_sociale": obligation,
        "fondement": (
            "articles L2112-2 et L2112-2-1 du code de la commande publique"
            if obligation
            else "article L2112-2 du code de la commande publique"
        ),
        "article_rc": ARTICLE_RC,
        "article_ccap": ARTICLE_CCAP,
        "lots": lots,
        "lots_avec_clause": [lot for lot in lots if lot["avec_clause"]],
        "lots_sans_clause": [lot for lot in lots if not lot["avec_clause"]],
        "colonne_heures": hours_column,
        "colonne_montant": "Montant estimé HT",
        "total_heures": fr_hours(table.total_hours),
        "total_heures_nombre": table.total_hours,
        "total_texte": _hours_text(table.total_hours, period, tranche),
        "total_montant": f"{euros(spec.total_amount)} HT" if spec.total_amount else "",
        "facilitateur": facilitator_context(facilitator),
        "penalites": {
            "heure_non_realisee": per_hour_text,
            "retard_justificatifs": f"{euros(late)}" if late else "",
        },
        "profil": {
            "nom": profile.name,
            "taux_insertion": percent_fr(profile.insertion_rate),
            "cout_horaire": f"{euros(profile.hourly_cost)} par heure",
            "arrondi": str(profile.rounding_step),
            "heures_min": str(profile.min_hours),
        },
        "date_generation": date_fr(date.today()),
    }


def facilitator_context(facilitator) -> dict[str, str]:
    """The facilitator's fields, with « à compléter » where the profile has none (the
    default profile): the structure first, then a way to reach it."""
    fields = {
        "structure": facilitator.structure.strip(),
        "nom": facilitator.nom.strip(),
        "telephone": facilitator.telephone.strip(),
        "courriel": facilitator.courriel.strip(),
        "site": facilitator.site.strip(),
    }
    if not fields["structure"]:
        fields["structure"] = PLACEHOLDER_FACILITATOR
    elif not (fields["telephone"] or fields["courriel"]):
        fields["telephone"] = PLACEHOLDER_CONTACT
    return fields


def _check_profile(profile: Profile) -> None:
    where = f" ({profile.source_path})" if profile.source_path else ""
    if not str(profile.penalties.per_hour or "").strip():
        raise GenerationError(
            f"Le profil{where} ne fixe pas la pénalité par heure d'insertion non réalisée : "
            "sans elle, le CCAP ne permet pas de sanctionner le manquement. Ajoutez "
            "« heure_non_realisee » dans la table [penalites] (un montant en € par heure ou "
            "une formule)."
        )


# --------------------------------------------------------------------------- files


@dataclass
class Planned:
    """One document to write: which template, which file, with which context."""

    doc: str
    template: Path
    path: Path
    context: dict[str, Any]


def parse_only(text: str | None) -> set[str] | None:
    """« rc,ccap » -> {"rc", "ccap"}; French error on an unknown name."""
    if text is None:
        return None
    names = {part.strip().lower() for part in text.split(",") if part.strip()}
    unknown = sorted(names - set(DOCUMENTS))
    if unknown or not names:
        raise GenerationError(
            f"--only : « {', '.join(unknown) or text} » n'est pas un document connu ; "
            f"choisissez parmi {', '.join(DOCUMENTS)} (séparés par des virgules)."
        )
    return names


def _template_path(doc: str, templates: Path | None) -> Path:
    if templates is not None:
        candidate = Path(templates) / TEMPLATE_FILES[doc]
        if candidate.is_file():
            return candidate
    return TEMPLATES_DIR / TEMPLATE_FILES[doc]


def _check_templates_dir(templates: Path | None) -> None:
    if templates is None:
        return
    templates = Path(templates)
    if not templates.is_dir():
        raise GenerationError(
            f"Le dossier de modèles {templates} n'existe pas : indiquez avec --templates un "
            "dossier qui contient vos modèles Word (" + ", ".join(TEMPLATE_FILES.values()) + ")."
        )
    if not any((templates / name).is_file() for name in TEMPLATE_FILES.values()):
        raise GenerationError(
            f"Le dossier de modèles {templates} ne contient aucun modèle reconnu : les fichiers "
            "doivent s'appeler " + ", ".join(TEMPLATE_FILES.values()) + "."
        )


def file_names(reference: str, lots: Iterable[str]) -> dict[str, Any]:
    """Output file names built from the consultation reference (safe characters only)."""
    ref = safe_name(reference)
    names: dict[str, Any] = {
        "rc": f"RC_{ref}_clause_insertion.docx",
        "ccap": f"CCAP_{ref}_clause_insertion.docx",
        "annexe": f"Annexe_{ref}_clause_insertion.docx",
        "ae": {},
    }
    for number in lots:
        if number.strip().lower() in ("unique", "lot unique", ""):
            names["ae"][number] = f"AE_{ref}_engagement.docx"
        else:
            names["ae"][number] = f"AE_{ref}_lot{safe_name(number, 'x')}_engagement.docx"
    return names


def plan(
    spec: ConsultationSpec,
    profile: Profile,
    out_dir: Path,
    templates: Path | None = None,
    only: set[str] | None = None,
    buyer_type: str = "collectivite",
    file_stem: str | None = None,
) -> list[Planned]:
    """What `generate` would write, without writing anything."""
    if only is not None:
        parse_only(",".join(only))
    _check_templates_dir(templates)
    _check_profile(profile)
    table = compute(
        spec.lots, profile, framework=spec.framework, duration_years=spec.duration_years
    )
    _check_hours(table)
    context = build_context(spec, profile, table, buyer_type)
    lots_with_clause = context["lots_avec_clause"]
    names = file_names(file_stem or spec.reference, [lot["numero"] for lot in lots_with_clause])
    wanted = [doc for doc in DOCUMENTS if only is None or doc in only]
    planned: list[Planned] = []
    for doc in wanted:
        template = _template_path(doc, templates)
        if doc == "ae":
            for lot in lots_with_clause:
                planned.append(
                    Planned(
                        doc,
                        template,
                        Path(out_dir) / names["ae"][lot["numero"]],
                        {**context, "lot": lot},
                    )
                )
        else:
            planned.append(Planned(doc, template, Path(out_dir) / names[doc], context))
    return planned


# --------------------------------------------------------------------------- rendering


def render_document(template: Path, context: dict[str, Any]) -> bytes:
    """Render one template; French GenerationError naming the template and the variable
    when the context lacks one, or when the template is not a usable Word file."""
    import jinja2
    from docxtpl import DocxTemplate

    try:
        document = DocxTemplate(str(template))
        # Opening is lazy in docxtpl: force it to fail here on a file that is not Word.
        document.init_docx()
    except Exception as exc:  # zipfile.BadZipFile, KeyError, PackageNotFoundError …
        raise GenerationError(
            f"Le modèle {template} n'est pas un document Word (.docx) lisible ({exc.__class__.__name__}) : "
            "enregistrez-le au format .docx depuis Word ou LibreOffice."
        ) from None
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    try:
        missing = document.get_undeclared_template_variables(env, context)
    except jinja2.TemplateSyntaxError as exc:
        raise GenerationError(
            f"Le modèle {template} contient une balise Jinja mal formée ({exc.message}) : "
            "vérifiez que chaque {{ … }} et {% … %} est fermé."
        ) from None
    if missing:
        raise GenerationError(
            f"Le modèle {template} utilise la variable « {sorted(missing)[0]} »"
            + (f" (et {', '.join(sorted(missing)[1:])})" if len(missing) > 1 else "")
            + ", que Clausier ne fournit pas. Corrigez le modèle ; variables disponibles : "
            + ", ".join(sorted(context))
            + " (voir docs/generation.md)."
        )
    try:
        document.render(context, env, autoescape=True)
    except jinja2.UndefinedError as exc:
        raise GenerationError(
            f"Le modèle {template} utilise une variable que Clausier ne fournit pas "
            f"({_undefined_fr(exc)}). Corrigez le modèle (voir docs/generation.md)."
        ) from None
    except jinja2.TemplateError as exc:
        raise GenerationError(
            f"Le modèle {template} ne peut pas être rempli ({exc.__class__.__name__} : {exc}) : "
            "vérifiez ses balises Jinja."
        ) from None
    highlight_placeholders(document.docx.element.body)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def highlight_placeholders(body) -> int:
    """Highlight in yellow every « […à compléter…] » of the rendered document, in a run of
    its own, so that nobody publishes it unseen; returns how many were highlighted."""
    from docx.oxml.ns import qn

    count = 0
    for run in list(body.iter(qn("w:r"))):
        texts = run.findall(qn("w:t"))
        if len(texts) != 1 or not PLACEHOLDER_RE.search(texts[0].text or ""):
            continue
        if any(child.tag not in (qn("w:rPr"), qn("w:t")) for child in run):
            continue  # a run with breaks or tabs is left whole
        pieces = re.split(f"({PLACEHOLDER_RE.pattern})", texts[0].text)
        for piece in pieces:
            if not piece:
                continue
            new = _copy_run(run, piece)
            if PLACEHOLDER_RE.fullmatch(piece):
                _set_highlight(new)
                count += 1
            run.addprevious(new)
        run.getparent().remove(run)
    return count


def _copy_run(run, text: str):
    import copy

    from docx.oxml.ns import qn

    new = copy.deepcopy(run)
    for child in list(new):
        if child.tag != qn("w:rPr"):
            new.remove(child)
    t = new.makeelement(qn("w:t"), {})
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    new.append(t)
    return new


def _set_highlight(run) -> None:
    from docx.oxml.ns import qn

    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        rpr = run.makeelement(qn("w:rPr"), {})
        run.insert(0, rpr)
    for old in rpr.findall(qn("w:highlight")):
        rpr.remove(old)
    mark = rpr.makeelement(qn("w:highlight"), {qn("w:val"): "yellow"})
    # w:highlight comes after fonts, bold, colour, size in CT_RPr's order: before the
    # elements that must follow it.
    following = {
        qn(f"w:{n}")
        for n in (
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
        )
    }
    for index, child in enumerate(rpr):
        if child.tag in following:
            rpr.insert(index, mark)
            return
    rpr.append(mark)


def _undefined_fr(exc: Exception) -> str:
    """« 'dict object' has no attribute 'telefone' » -> « telefone » is unknown."""
    message = str(exc)
    match = re.search(r"has no attribute '([^']+)'", message) or re.search(
        r"'([^']+)' is undefined", message
    )
    if match:
        return f"« {match.group(1)} » n'existe pas"
    return message


def generate(
    spec: ConsultationSpec,
    profile: Profile,
    out_dir: Path,
    templates: Path | None = None,
    only: set[str] | None = None,
    force: bool = False,
    buyer_type: str = "collectivite",
    file_stem: str | None = None,
) -> list[Path]:
    """Write the RC article, the CCAP article, one AE commitment per lot with a clause and
    the annex into `out_dir`; returns the files written.

    Nothing is written when a file already exists (unless `force`) or when a template
    cannot be rendered: every document is rendered in memory first. `buyer_type`
    ("collectivite", "etat", "entite_adjudicatrice") sets the EU threshold of supplies and
    services; `file_stem` replaces the reference in the file names (unknown reference).
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise GenerationError(
            f"{out_dir} est un fichier, pas un dossier : indiquez avec -o un dossier de sortie."
        )
    planned = plan(spec, profile, out_dir, templates, only, buyer_type, file_stem)
    existing = [p.path for p in planned if p.path.exists()]
    if existing and not force:
        shown = ", ".join(str(p) for p in existing[:3])
        more = f" (et {len(existing) - 3} autres)" if len(existing) > 3 else ""
        if len(existing) == 1:
            what, pronoun = f"Le fichier {shown} existe déjà", "le"
        else:
            what, pronoun = f"Les fichiers {shown}{more} existent déjà", "les"
        raise GenerationError(
            f"{what} : ajoutez --force pour {pronoun} remplacer, ou choisissez un autre "
            "dossier avec -o."
        )
    rendered = [(p.path, render_document(p.template, p.context)) for p in planned]
    out_dir.mkdir(parents=True, exist_ok=True)
    for path, data in rendered:
        path.write_bytes(data)
    return [path for path, _ in rendered]


# --------------------------------------------------------------------------- from a review


@dataclass
class ReportedConsultation:
    """What a review tells about a consultation, ready for `generate`."""

    spec: ConsultationSpec
    warnings: list[str]  # French, for what had to be guessed or left « à compléter »
    buyer_type: str  # "collectivite", "etat", "entite_adjudicatrice"
    file_stem: str | None  # for the file names when the reference is unknown


def spec_from_report(report: Any, profile: Profile) -> ReportedConsultation:
    """A ConsultationSpec from a reviewed tender folder (`review.engine.review`): lots,
    amounts and trades from `report.lots`, the rest from the facts when found."""
    warnings: list[str] = []
    facts: dict[str, Any] = {}
    for fact in getattr(report, "facts", []) or []:
        facts.setdefault(fact.kind, fact.value)
    if not report.lots:
        raise GenerationError(
            f"Aucun lot n'a été trouvé dans {report.consultation} : Clausier ne peut pas "
            "calculer les heures. Écrivez un fichier consultation (modèle : "
            "samples/consultation-travaux.toml) et lancez « clausier generate FICHIER.toml »."
        )
    requests = requests_from_lots(report.lots, profile)
    for request, lot in zip(requests, report.lots, strict=True):
        stated = {h for h in (lot.hours or {}).values() if h}
        if request.amount_ht is None and len(stated) == 1:
            # No amount found, but every piece states the same hours: keep them.
            request.hours = stated.pop()
            warnings.append(
                f"lot {lot.number} : montant inconnu, heures reprises du dossier "
                f"({request.hours} h)"
            )
    nature = facts.get("nature") if facts.get("nature") in DEFAULT_CCAG else None
    if nature is None:
        warnings.append("nature du marché non trouvée : « travaux » retenu")
    launch = facts.get("launch_date")
    spec = ConsultationSpec(
        buyer=_text_fact(facts, "buyer", "acheteur"),
        object=_text_fact(facts, "object", "objet"),
        reference=_text_fact(facts, "consultation_reference", "reference_consultation"),
        nature=nature or "travaux",
        procedure=str(facts.get("procedure") or ""),
        ccag=_ccag_fact(facts) or DEFAULT_CCAG[nature or "travaux"],
        launch_date=launch if isinstance(launch, date) else None,
        estimated_amount=_float(facts.get("estimated_value")),
        framework=bool(facts.get("framework", False)),
        duration_years=None,
        lots=requests,
    )
    for value, missing in (
        (spec.buyer, "acheteur non trouvé"),
        (spec.object, "objet de la consultation non trouvé"),
        (spec.reference, "référence de la consultation non trouvée"),
    ):
        if not value:
            warnings.append(f"{missing} : « à compléter » dans les documents")
    buyer_type = facts.get("buyer_type")
    return ReportedConsultation(
        spec=spec,
        warnings=warnings,
        buyer_type=buyer_type if isinstance(buyer_type, str) else "collectivite",
        file_stem=None if spec.reference else str(report.consultation),
    )


def _text_fact(facts: dict[str, Any], *kinds: str) -> str:
    for kind in kinds:
        value = facts.get(kind)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _ccag_fact(facts: dict[str, Any]) -> str | None:
    value = facts.get("ccag")
    return value if isinstance(value, str) and value in CCAG_TITLES else None


def _float(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
