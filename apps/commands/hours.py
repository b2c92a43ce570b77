"""`clausier hours`: the insertion hours of every lot, as a table, CSV or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from apps.shell.options import (
    CONTEXT_SETTINGS,
    FORCE_OPTION,
    HELP_OPTION,
    PROFILE_OPTION,
    announce_default_profile,
    format_for_output,
    format_option,
    output_file_option,
    terminal_width,
    wrapped,
    write_output,
)

# The table's format from the -o file's extension (`format_for_output`).
HOURS_SUFFIXES = {".txt": "text", ".csv": "csv", ".json": "json", ".xlsx": "xlsx"}


class InputError(click.ClickException):
    """A bad input file or value: French message, exit status 2 (usage error)."""

    exit_code = 2

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(wrapped(f"Erreur : {self.message}"), err=True)


def parse_lot_option(value: str):
    """« NUMERO;INTITULE;MONTANT;METIER » -> LotRequest (INTITULE, MONTANT, METIER optional)."""
    from clausier.french import parse_amount
    from clausier.hours import LotRequest

    if ";" not in value and "," in value:
        # « 1,Gros oeuvre,1000000 »: read as one lot numbered « 1,Gros oeuvre,1000000 », with
        # neither amount nor trade, that gave 0 h.
        fixed = value.replace(",", ";")
        raise InputError(
            f"--lot « {value} » : séparez les champs par des points-virgules, pas des virgules : "
            f'--lot "{fixed}" (NUMERO;INTITULE;MONTANT;METIER).'
        )
    parts = [p.strip() for p in value.split(";")]
    if len(parts) > 4 or not parts[0]:
        raise InputError(
            f'--lot « {value} » : écrivez --lot "NUMERO;INTITULE;MONTANT;METIER", par exemple '
            '--lot "1;Gros œuvre;820 000;gros_oeuvre" (le métier peut être omis).'
        )
    parts += [""] * (4 - len(parts))
    number, title, amount_text, trade = parts
    amount = None
    if amount_text:
        try:
            amount = parse_amount(amount_text)
        except ValueError:
            raise InputError(
                f"--lot « {value} » : montant « {amount_text} » illisible ; écrivez par exemple "
                "820000, 820 000 ou 820000,50 (€ HT)."
            ) from None
    return LotRequest(number=number, title=title or None, amount_ht=amount, trade=trade or None)


@click.command("hours", context_settings=CONTEXT_SETTINGS)
@HELP_OPTION
@click.option(
    "--lot",
    "lot_options",
    multiple=True,
    metavar='"NUMERO;INTITULE;MONTANT;METIER"',
    help="Un lot (option répétable). Le montant est en € HT (820000, « 820 000 » ou "
    "820000,50) ; le métier, une clé du profil, est déduit de l'intitulé s'il manque.",
)
@click.option(
    "--consultation",
    "consultation_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Fichier consultation (TOML) qui décrit les lots.",
)
@click.option(
    "--from",
    "from_path",
    type=click.Path(path_type=Path),
    help="Un DCE (dossier, .zip ou fichier) : les lots et montants trouvés à la relecture.",
)
@PROFILE_OPTION
@click.option(
    "--accord-cadre",
    "framework",
    is_flag=True,
    default=None,
    help="Accord-cadre : heures par an ou par tranche commandée, selon le profil.",
)
@click.option(
    "--duree-annees",
    "duration_years",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    help="Durée de l'accord-cadre en années (heures par an).",
)
@format_option(
    "output_format",
    ["text", "csv", "json", "xlsx"],
    "Tableau lisible, CSV pour un tableur (point-virgule, virgule décimale), JSON, ou "
    "classeur .xlsx (avec -o). Par défaut : celui de l'extension de -o.",
)
@output_file_option("Écrire dans ce fichier plutôt qu'à l'écran.", dir_okay=False)
@FORCE_OPTION
@click.pass_context
def command(
    ctx: click.Context,
    lot_options: tuple[str, ...],
    consultation_path: Path | None,
    from_path: Path | None,
    profile_path: Path | None,
    framework: bool | None,
    duration_years: float | None,
    output_format: str,
    output: Path | None,
    force: bool,
) -> None:
    """Calculer les heures d'insertion de chaque lot :
    heures = montant HT × taux de main-d'œuvre × taux d'insertion ÷ coût horaire,
    arrondies au pas du profil.

    \b
    Exemples :
      clausier hours --lot "1;Gros œuvre;820 000;gros_oeuvre" --lot "2;Peinture;390000"
      clausier hours --consultation samples/consultation-travaux.toml --format csv -o heures.csv
      clausier hours --from dossier-dce/ --profile mon-profil.toml
    """
    from clausier.consultation_file import ConsultationFileError, load_consultation_file
    from clausier.hours import compute
    from clausier.profile import ProfileError, load_profile

    output_format = format_for_output(ctx, "output_format", output_format, output, HOURS_SUFFIXES)
    if output_format == "xlsx" and output is None:
        raise InputError(
            "--format xlsx écrit un classeur : indiquez le fichier avec -o heures.xlsx."
        )
    requests = [parse_lot_option(value) for value in lot_options]
    if not requests and consultation_path is None and from_path is None:
        raise InputError(
            'Aucun lot : indiquez au moins un --lot "NUMERO;INTITULE;MONTANT;METIER", '
            "un fichier --consultation ou un DCE avec --from."
        )
    if output is not None and output.exists() and not force:
        raise InputError(
            f"Le fichier {output} existe déjà : ajoutez --force pour le remplacer, "
            "ou choisissez un autre nom avec -o."
        )
    try:
        profile = load_profile(profile_path)
    except ProfileError as exc:
        raise InputError(str(exc)) from None
    announce_default_profile(profile_path)

    is_framework = bool(framework)
    period = None
    lot_origin = {request.number: "--lot" for request in requests}
    if consultation_path is not None:
        try:
            spec = load_consultation_file(consultation_path)
        except ConsultationFileError as exc:
            raise InputError(str(exc)) from None
        requests.extend(spec.lots)
        lot_origin.update({r.number: str(consultation_path) for r in spec.lots})
        is_framework = spec.framework if framework is None else is_framework
        duration_years = duration_years or spec.duration_years
    if from_path is not None:
        found, terms = _requests_from_tender(from_path, profile)
        requests.extend(found)
        # What the review found, unless the options say otherwise: an accord-cadre, its
        # duration, hours per year or per tranche (as the tender states them).
        is_framework = terms.framework if framework is None else is_framework
        duration_years = duration_years or terms.duration_years
        period = terms.period if framework is None else None

    _refuse_duplicate_lots(requests)
    table = compute(
        requests, profile, framework=is_framework, duration_years=duration_years, period=period
    )
    # What the user described must give hours (or a stated reason, below the minimum);
    # what a tender holds is reported as it is.
    _refuse_lots_without_hours(table, lot_origin, profile)
    from generators.reports.hours_table import render_csv, render_text

    if output_format == "json":
        content = json.dumps(table.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif output_format == "csv":
        content = render_csv(table)
    elif output_format == "xlsx":
        from generators.reports.hours_xlsx import render_xlsx

        content = render_xlsx(table, profile)
    else:
        content = render_text(table, profile, width=terminal_width(120) if output is None else 120)
    write_output(output, content, force=force)
    if output is not None:
        click.echo(f"Heures écrites dans {output}.", err=True)


def _refuse_lots_without_hours(table, lot_origin: dict[str, str], profile) -> None:
    """A lot with no amount, or whose trade is not the profile's, gets 0 h: a usage error
    naming the lot, where it was given, and the nearest trade."""
    for lot in table.lots:
        origin = lot_origin.get(lot.number)
        if origin is None or lot.hours is not None:
            continue
        where = f"Le lot {lot.number}" + (f" (« {lot.title} »)" if lot.title else "")
        where += " de l'option --lot" if origin == "--lot" else f" du fichier {origin}"
        if lot.amount_ht is None:
            how = (
                f'--lot "{lot.number};{lot.title or "INTITULE"};820000;{lot.trade or "METIER"}"'
                if origin == "--lot"
                else "montant = 820000.0 dans sa table [[lots]]"
            )
            raise InputError(
                f"{where} n'a pas de montant HT : sans lui, aucune heure ne peut être calculée. "
                f"Indiquez-le, par exemple : {how}."
            )
        if lot.labour_share is None:
            raise InputError(f"{where} : {_unknown_trade(lot.trade, profile, origin)}")


def _unknown_trade(trade: str | None, profile, origin: str) -> str:
    import difflib

    from clausier.french import unaccent

    keys = sorted(profile.trades)
    if not trade:
        how = (
            'en quatrième champ (--lot "NUMERO;INTITULE;MONTANT;METIER")'
            if origin == "--lot"
            else "avec metier = dans sa table [[lots]]"
        )
        return (
            f"son métier n'a pas été reconnu dans l'intitulé ; indiquez-le {how}, parmi : "
            f"{', '.join(keys)}."
        )
    squeezed = {unaccent(k).replace("_", ""): k for k in keys}
    squeezed.update({unaccent(t.label).replace(" ", ""): k for k, t in profile.trades.items()})
    wanted = unaccent(trade).replace("_", "").replace(" ", "").replace("-", "")
    close = difflib.get_close_matches(wanted, list(squeezed), n=1, cutoff=0.8)
    hint = (
        f"vouliez-vous dire « {squeezed[close[0]]} » ({profile.trades[squeezed[close[0]]].label}) ?"
        if close
        else f"métiers du profil : {', '.join(keys)}."
    )
    return (
        f"le métier « {trade} » n'est pas dans le profil, {hint} Pour un métier nouveau, "
        f"ajoutez à votre profil une table [metiers.{trade}] avec libelle et taux_main_oeuvre."
    )


def _refuse_duplicate_lots(requests) -> None:
    # The same lot given twice (--lot beside --consultation, or twice in a file) would be
    # counted twice in the total.
    seen: set[str] = set()
    for request in requests:
        if request.number in seen:
            raise InputError(
                f"Le lot {request.number} est décrit deux fois (options --lot, fichier "
                "--consultation ou DCE --from) : ses heures seraient comptées deux fois dans le total. "
                "Gardez une seule description de chaque lot."
            )
        seen.add(request.number)


def _requests_from_tender(path: Path, profile):
    """The lots a review finds in a tender folder, as LotRequests, and the accord-cadre
    terms it states (`review.lots.HoursTerms`)."""
    if not path.exists():
        raise InputError(f"{path} introuvable : indiquez un dossier, un .zip ou un fichier de DCE.")
    from clausier.hours import requests_from_lots
    from review.engine import review
    from review.lots import hours_terms

    report = review(path, profile=profile)
    if not report.lots:
        raise InputError(
            f"Aucun lot ni montant trouvé dans {path} : décrivez les lots avec --lot ou "
            "--consultation."
        )
    return requests_from_lots(report.lots, profile), hours_terms(report.facts)
