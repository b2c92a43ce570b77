"""`clausier followup`: the follow-up after award (spec/followup.md).

init, add, award, import, status, purge (and demo). Every command is one transaction of
the store (`--db URL`, `CLAUSIER_DB`, or `clausier-suivi.sqlite` here). Exit status: 0; 1
when `status` shows an error alert; 2 for a usage error or a rejected sheet.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from apps.shell.options import (
    CONTEXT_SETTINGS,
    FORCE_OPTION,
    HELP_OPTION,
    PROFILE_OPTION,
    FrenchUsageError,
    check_new_output,
    format_option,
    output_file_option,
    write_output,
)

DB_OPTION = click.option(
    "--db",
    "db_url",
    default=None,
    metavar="URL",
    help="Base de suivi : sqlite:///chemin.sqlite ou postgresql://utilisateur@serveur/base "
    "(par défaut : variable CLAUSIER_DB, sinon clausier-suivi.sqlite dans ce dossier).",
)


def _day(ctx, param, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"« {value} » n'est pas une date au format AAAA-MM-JJ (exemple : 2027-06-30)."
        ) from None


def date_option(name: str, help: str, required: bool = False):
    return click.option(
        name, callback=_day, default=None, metavar="AAAA-MM-JJ", help=help, required=required
    )


def _fail(error: Exception) -> None:
    raise FrenchUsageError(str(error))


def _store(db_url: str | None):
    from followup.errors import StoreError
    from followup.store import open_store

    try:
        return open_store(db_url)
    except StoreError as error:
        _fail(error)


def _profile(path: Path | None):
    from clausier.profile import ProfileError, load_profile

    try:
        return load_profile(path)
    except ProfileError as error:
        _fail(error)


@click.group(context_settings=CONTEXT_SETTINGS, subcommand_metavar="COMMANDE [ARGUMENTS]...")
@HELP_OPTION
def command() -> None:
    """Suivre l'exécution de la clause après l'attribution : titulaires, participants,
    heures de chaque mois, alertes et pénalités.

    Exemple : clausier followup status 2026-014 --date 2027-06-30
    """


# ---------------------------------------------------------------- init


@command.command("init", context_settings=CONTEXT_SETTINGS)
@HELP_OPTION
@DB_OPTION
@FORCE_OPTION
def init_command(db_url: str | None, force: bool) -> None:
    """Créer (ou mettre à jour) la base de suivi et écrire la feuille modèle
    modele-suivi-mensuel.xlsx dans ce dossier."""
    from followup.model_sheet import FILE_NAME, model_sheet_bytes
    from followup.store import resolve_url, shown_url

    store = _store(db_url)
    store.close()
    click.echo(f"Base de suivi prête : {shown_url(resolve_url(db_url))}")
    target = Path(FILE_NAME)
    if target.exists() and not force:
        click.echo(f"{FILE_NAME} existe déjà : gardé tel quel (--force pour le remplacer).")
        return
    target.write_bytes(model_sheet_bytes())
    click.echo(
        f"Feuille modèle écrite : {FILE_NAME} (à envoyer aux entreprises : une ligne par "
        "participant, lot et mois)."
    )


# ---------------------------------------------------------------- add


@command.command("add", context_settings=CONTEXT_SETTINGS)
@HELP_OPTION
@click.argument("consultation", required=False, type=click.Path(path_type=Path))
@click.option(
    "--from",
    "dce",
    type=click.Path(path_type=Path),
    default=None,
    metavar="DCE",
    help="Un DCE relu (dossier, .zip ou pièce) : lots, heures et pénalité trouvés par la relecture.",
)
@DB_OPTION
@PROFILE_OPTION
def add_command(
    consultation: Path | None, dce: Path | None, db_url: str | None, profile_path: Path | None
) -> None:
    """Ajouter une opération attribuée au suivi, depuis un fichier consultation (TOML) ou un
    DCE relu (--from)."""
    from followup.errors import FollowupError
    from followup.operations import add_operation, plan_from_consultation_file, plan_from_review

    if (consultation is None) == (dce is None):
        raise FrenchUsageError(
            "indiquez soit un fichier consultation (clausier followup add consultation.toml), "
            "soit un DCE relu (clausier followup add --from DOSSIER), pas les deux."
        )
    profile = _profile(profile_path)
    source = consultation or dce
    if not source.exists():
        raise FrenchUsageError(f"{source} est introuvable : vérifiez le chemin.")
    store = _store(db_url)
    try:
        plan = (
            plan_from_consultation_file(consultation, profile)
            if consultation
            else plan_from_review(dce, profile)
        )
        with store.transaction() as session:
            add_operation(session, plan)
    except FollowupError as error:
        _fail(error)
    finally:
        store.close()
    from followup.text import fr_hours

    click.echo(f"Opération {plan.reference} ajoutée au suivi ({len(plan.lots)} lot(s)) :")
    for lot in plan.lots:
        hours = fr_hours(lot.hours) if lot.hours is not None else "heures non renseignées"
        click.echo(f"  lot {lot.number} : {lot.title or ''} — {hours}".replace(" :  —", " —"))
    click.echo(
        f'Ensuite : clausier followup award {plan.reference} --lot N --company "RAISON SOCIALE" '
        "--siret SIRET --notified AAAA-MM-JJ"
    )


# ---------------------------------------------------------------- award


@command.command("award", context_settings=CONTEXT_SETTINGS)
@HELP_OPTION
@click.argument("reference")
@click.option("--lot", "lot", default=None, metavar="N", help="Numéro du lot attribué.")
@click.option("--company", default=None, metavar="RAISON SOCIALE", help="Le titulaire du lot.")
@click.option("--siret", default=None, metavar="SIRET", help="SIRET du titulaire (14 chiffres).")
@date_option("--notified", "Date de notification du marché.")
@date_option("--start", "Début d'exécution (par défaut : celui du lot, sinon la notification).")
@date_option("--end", "Fin d'exécution prévue (par défaut : celle du lot).")
@click.option(
    "--hours",
    type=float,
    default=None,
    metavar="H",
    help="Heures d'insertion engagées, si l'acte les donne.",
)
@click.option(
    "--from",
    "act",
    type=click.Path(path_type=Path),
    default=None,
    metavar="AE",
    help="L'acte d'engagement signé (.pdf, .docx, .odt) : titulaire, SIRET et lot y sont lus.",
)
@click.option("--yes", is_flag=True, help="Ne pas demander de confirmation (scripts).")
@DB_OPTION
def award_command(
    reference: str,
    lot: str | None,
    company: str | None,
    siret: str | None,
    notified: date | None,
    start: date | None,
    end: date | None,
    hours: float | None,
    act: Path | None,
    yes: bool,
    db_url: str | None,
) -> None:
    """Enregistrer le titulaire d'un lot : par options, ou lu dans l'acte d'engagement (--from)."""
    from followup.errors import FollowupError
    from followup.operations import AwardRequest, award_lot

    source = None
    if act is not None:
        from followup.act import read_act

        if not act.exists():
            raise FrenchUsageError(f"{act} est introuvable : vérifiez le chemin.")
        try:
            found = read_act(act)
        except FollowupError as error:
            _fail(error)
        click.echo(f"Lu dans {act.name} :")
        click.echo(f"  titulaire : {found.company or '(non trouvé)'}")
        click.echo(f"  SIRET     : {found.siret or '(non trouvé)'}")
        click.echo(f"  lot       : {found.lot or '(non trouvé)'}")
        if found.hours is not None:
            click.echo(f"  heures    : {found.hours:g}")
        lot = lot or found.lot
        company = company or found.company
        siret = siret or found.siret
        hours = hours if hours is not None else found.hours
        source = str(act)
    missing = [
        name
        for name, value in (
            ("--lot", lot),
            ("--company", company),
            ("--siret", siret),
            ("--notified", notified),
        )
        if not value
    ]
    if missing:
        raise FrenchUsageError(
            "il manque "
            + ", ".join(missing)
            + (" (non trouvé dans l'acte : donnez-le en option)." if act else ".")
        )
    if act is not None and not yes:
        if not sys.stdin.isatty():
            raise FrenchUsageError(
                "confirmez ce qui a été lu : relancez avec --yes (ou dans un terminal)."
            )
        click.confirm("Enregistrer ce titulaire ?", abort=True)
    store = _store(db_url)
    try:
        with store.transaction() as session:
            award, replaced = award_lot(
                session,
                reference,
                AwardRequest(lot, company, siret, notified, start, end, hours, source),
            )
            lot_number = award.lot.number
            period = (award.start, award.end)
    except FollowupError as error:
        _fail(error)
    finally:
        store.close()
    from followup.text import fr_day

    verb = "remplacé" if replaced else "enregistré"
    dates = f", exécution du {fr_day(period[0])}" + (
        f" au {fr_day(period[1])}" if period[1] else ""
    )
    click.echo(f"Lot {lot_number} de {reference} : titulaire {verb}, {company} ({siret}){dates}.")


# ---------------------------------------------------------------- import


@command.command("import", context_settings=CONTEXT_SETTINGS)
@HELP_OPTION
@click.argument("reference")
@click.argument("sheets", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--dry-run", is_flag=True, help="Vérifier et montrer ce qui changerait, sans rien enregistrer."
)
@format_option("output_format", ["text", "json"], "Format du compte rendu.")
@DB_OPTION
def import_command(
    reference: str, sheets: tuple[Path, ...], dry_run: bool, output_format: str, db_url: str | None
) -> None:
    """Importer les feuilles de suivi mensuel des entreprises (.xlsx, .ods, .csv).

    Une feuille est prise en entier ou pas du tout : au moindre problème, rien n'est
    enregistré et chaque problème est listé avec sa ligne et sa colonne.
    """
    import json

    from followup.errors import FollowupError, SheetRejected
    from followup.importer import import_sheets

    for sheet in sheets:
        if not sheet.is_file():
            raise FrenchUsageError(f"{sheet} est introuvable : vérifiez le chemin.")
    store = _store(db_url)
    files = [(path, path.name) for path in sheets]
    try:
        session = store.sessions()
        try:
            result = import_sheets(session, reference, files)
            if dry_run:
                session.rollback()
            else:
                session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
    except SheetRejected as rejected:
        if output_format == "json":
            click.echo(
                json.dumps(
                    {
                        "operation": reference,
                        "rejected": True,
                        "problems": [p.to_dict() for p in rejected.problems],
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            click.echo("Feuille(s) refusée(s) — rien n'a été enregistré :", err=True)
            for problem in rejected.problems:
                click.echo(f"  ✖ {problem}", err=True)
            click.echo(
                f"{len(rejected.problems)} problème(s). Corrigez la feuille puis importez-la de nouveau.",
                err=True,
            )
        sys.exit(2)
    except FollowupError as error:
        _fail(error)
    finally:
        store.close()
    if output_format == "json":
        data = result.to_dict()
        data["dry_run"] = dry_run
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    _import_text(result, dry_run)


def _import_text(result, dry_run: bool) -> None:
    prefix = "Vérification (--dry-run, rien n'est enregistré)" if dry_run else "Import"
    click.echo(f"{prefix} pour l'opération {result.reference} :")
    for sheet in result.sheets:
        would = "seraient " if dry_run else ""
        click.echo(
            f"  {sheet.file} : {sheet.rows} ligne(s) ; {sheet.added} mois-participant(s) "
            f"{would}ajouté(s), {sheet.replaced} {would}remplacé(s), {sheet.unchanged} inchangé(s)"
            + (f", {sheet.updated} fiche(s) mise(s) à jour" if sheet.updated else "")
        )
        for line in sheet.lines:
            click.echo(f"    • {line}")
        for note in sheet.notes:
            click.echo(f"    (note) {note}")
    if not result.changed:
        click.echo("Aucun changement : ces lignes sont déjà dans le suivi.")


# ---------------------------------------------------------------- status


@command.command("status", context_settings=CONTEXT_SETTINGS)
@HELP_OPTION
@click.argument("reference", required=False)
@date_option("--date", "Date de la situation (par défaut : aujourd'hui).")
@format_option("output_format", ["text", "json", "csv"], "Format de sortie.")
@output_file_option("Écrire dans ce fichier plutôt qu'à l'écran.", dir_okay=False)
@FORCE_OPTION
@PROFILE_OPTION
@DB_OPTION
def status_command(
    reference: str | None,
    date: date | None,
    output_format: str,
    output: Path | None,
    force: bool,
    profile_path: Path | None,
    db_url: str | None,
) -> None:
    """Où en est chaque lot : titulaire, heures engagées, réalisées, attendues à la date,
    participants, alertes (SU101–SU301) et pénalités. Code de sortie 1 si une alerte est
    une erreur (SU103)."""
    from datetime import date as date_type

    from apps.followup.output import status_csv, status_json, status_text
    from followup.errors import FollowupError
    from followup.operations import get_operation
    from followup.status import compute_statuses, has_errors

    if output is not None:
        check_new_output(output, force)
    profile = _profile(profile_path)
    at = date or date_type.today()
    store = _store(db_url)
    try:
        with store.reading() as session:
            if reference:
                get_operation(session, reference)
            statuses = compute_statuses(session, at, profile, [reference] if reference else None)
    except FollowupError as error:
        _fail(error)
    finally:
        store.close()
    if output_format == "json":
        content = status_json(statuses, single=bool(reference))
    elif output_format == "csv":
        content = status_csv(statuses)
    else:
        content = status_text(statuses)
    write_output(output, content, force=force)
    if output is not None:
        click.echo(f"Situation écrite dans {output}.", err=True)
    if has_errors(statuses):
        sys.exit(1)


# ---------------------------------------------------------------- purge


@command.command("purge", context_settings=CONTEXT_SETTINGS)
@HELP_OPTION
@date_option(
    "--before",
    "Supprimer les participants sans activité depuis cette date (par défaut : aujourd'hui "
    "moins la durée de conservation du profil, [suivi] conservation_mois).",
)
@click.option("--yes", is_flag=True, help="Ne pas demander de confirmation (scripts).")
@PROFILE_OPTION
@DB_OPTION
def purge_command(
    before: date | None, yes: bool, profile_path: Path | None, db_url: str | None
) -> None:
    """Appliquer la durée de conservation : supprimer les participants dont la dernière
    activité est trop ancienne, en gardant les totaux d'heures par lot."""
    from datetime import date as date_type

    from followup.months import add_months
    from followup.purge import apply_purge, plan_purge
    from followup.text import fr_day

    profile = _profile(profile_path)
    months = profile.followup.retention_months
    limit = before or add_months(date_type.today(), -months)
    store = _store(db_url)
    try:
        with store.transaction() as session:
            plan = plan_purge(session, limit)
            if not plan.participants:
                click.echo(
                    f"Aucun participant sans activité depuis le {fr_day(limit)} : rien à supprimer."
                )
                return
            click.echo(
                f"{len(plan.participants)} participant(s) sans activité depuis le {fr_day(limit)} "
                f"({plan.hour_rows} ligne(s) d'heures) :"
            )
            for reference, count in plan.by_operation.items():
                click.echo(f"  {reference} : {count} participant(s)")
            if not yes:
                if not sys.stdin.isatty():
                    raise FrenchUsageError(
                        "confirmez la suppression : relancez avec --yes (ou dans un terminal)."
                    )
                click.confirm(
                    "Supprimer ces participants (les totaux par lot sont gardés) ?", abort=True
                )
            apply_purge(session, plan)
    finally:
        store.close()
    click.echo("Supprimés. Les totaux d'heures par lot et par mois sont gardés.")


# ---------------------------------------------------------------- demo


@command.command("demo", context_settings=CONTEXT_SETTINGS)
@HELP_OPTION
@date_option("--date", "Date de la situation (par défaut : 2027-06-30).")
@format_option("output_format", ["text", "json", "csv"], "Format de sortie.")
@click.option(
    "--db",
    "db_url",
    default=None,
    metavar="URL",
    help="Base où construire l'exemple (par défaut : une base temporaire).",
)
def demo_command(date: date | None, output_format: str, db_url: str | None) -> None:
    """Construire un suivi d'exemple depuis samples/suivi/ et en montrer la situation."""
    import tempfile
    from datetime import date as date_type

    from apps.followup.output import status_csv, status_json, status_text
    from clausier.profile import load_profile
    from followup.demo import SAMPLES, build_demo
    from followup.errors import FollowupError
    from followup.status import compute_statuses
    from followup.store import open_store

    at = date or date_type(2027, 6, 30)
    with tempfile.TemporaryDirectory(prefix="clausier-suivi-") as folder:
        store = open_store(db_url or f"sqlite:///{Path(folder) / 'demo.sqlite'}")
        try:
            try:
                reference, notes = build_demo(store, SAMPLES)
            except FollowupError as error:
                _fail(error)
            for note in notes:
                click.echo(note, err=True)
            with store.reading() as session:
                statuses = compute_statuses(session, at, load_profile(), [reference])
        finally:
            store.close()
    if output_format == "json":
        click.echo(status_json(statuses, single=True), nl=False)
    elif output_format == "csv":
        click.echo(status_csv(statuses), nl=False)
    else:
        click.echo(status_text(statuses), nl=False)


# ---------------------------------------------------------------- report, export
# The bilan's commands live in their own module (imported last: it reuses the helpers above).
from apps.followup.bilan_commands import export_command, report_command  # noqa: E402

command.add_command(report_command)
command.add_command(export_command)
