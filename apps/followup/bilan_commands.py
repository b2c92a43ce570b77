"""`clausier followup report` and `export`: the bilan of an operation (Word or spreadsheet)
and the territory's consolidation (CSV or spreadsheet), spec/followup.md « The bilan ».

They open the store, load the profile and word their errors exactly as the other
`followup` commands (the helpers of `apps.followup.command`); the figures come from
`followup.figures`, the files from `generators.bilan`. Nothing here sees a participant
identifier: the figures are aggregates. Registered on the group at the end of
`apps/followup/command.py`.
"""

from __future__ import annotations

from pathlib import Path

import click

from apps.followup.command import DB_OPTION, _fail, _profile, _store, date_option
from apps.shell.options import (
    CONTEXT_SETTINGS,
    FORCE_OPTION,
    HELP_OPTION,
    PROFILE_OPTION,
    FrenchUsageError,
)

BILAN_SUFFIXES = (".docx", ".xlsx")
EXPORT_SUFFIXES = (".csv", ".xlsx")


def _output_option(metavar: str, help: str):
    return click.option(
        "-o",
        "--output",
        "output",
        required=True,
        type=click.Path(dir_okay=False, path_type=Path),
        metavar=metavar,
        help=help,
    )


def _check_output(path: Path, suffixes: tuple[str, ...], what: str, force: bool) -> None:
    """Refuse a wrong extension or an existing file before any work (exit 2)."""
    from generators.bilan import BilanError
    from generators.bilan.files import check_suffix, check_writable

    try:
        check_suffix(path, suffixes, what)
        check_writable(path, force)
    except BilanError as error:
        _fail(error)


@click.command("report", context_settings=CONTEXT_SETTINGS)
@HELP_OPTION
@click.argument("reference")
@_output_option(
    "FICHIER.docx|FICHIER.xlsx",
    "Le fichier du bilan : .docx (Word, avec graphiques) ou .xlsx (une feuille par tableau).",
)
@click.option(
    "--final",
    is_flag=True,
    help="Bilan final (heures manquantes et pénalités par lot) plutôt qu'intermédiaire.",
)
@date_option("--date", "Date de situation du bilan (par défaut : aujourd'hui).")
@FORCE_OPTION
@click.option(
    "--template",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FICHIER.docx",
    help="Votre modèle Word du bilan (copie restylée de clause_templates/bilan.docx).",
)
@DB_OPTION
@PROFILE_OPTION
def report_command(
    reference: str,
    output: Path,
    final: bool,
    date,
    force: bool,
    template: Path | None,
    db_url: str | None,
    profile_path: Path | None,
) -> None:
    """Écrire le bilan d'une opération : intermédiaire (par défaut) ou final (--final), en
    Word ou en tableur selon l'extension de -o. Aucun identifiant de participant n'y figure ;
    un effectif sous le seuil du profil ([suivi] seuil_effectif) est écrit « < 3 »."""
    from datetime import date as date_type

    from followup.errors import FollowupError
    from followup.figures import bilan_figures
    from generators.bilan import BilanError, write_bilan

    _check_output(output, BILAN_SUFFIXES, "le bilan", force)
    if template is not None:
        if output.suffix.lower() != ".docx":
            raise FrenchUsageError(
                "--template ne sert qu'au bilan Word : choisissez -o FICHIER.docx."
            )
        if not template.is_file():
            raise FrenchUsageError(f"{template} est introuvable : vérifiez le chemin du modèle.")
    profile = _profile(profile_path)
    at = date or date_type.today()
    store = _store(db_url)
    try:
        figures = bilan_figures(store, reference, at, final, profile)
    except FollowupError as error:
        _fail(error)
    finally:
        store.close()
    try:
        write_bilan(figures, output, force=force, template=template)
    except BilanError as error:
        _fail(error)
    kind = "final" if final else "intermédiaire"
    click.echo(f"Bilan {kind} de l'opération {reference} écrit dans {output}.")


@click.command("export", context_settings=CONTEXT_SETTINGS)
@HELP_OPTION
@click.option(
    "--year",
    type=click.IntRange(1900, 2999),
    default=None,
    metavar="AAAA",
    help="Année civile à consolider (par défaut : toutes les années qui ont des heures).",
)
@_output_option(
    "FICHIER.csv|FICHIER.xlsx",
    "Le fichier de consolidation : .csv (« ; », UTF-8 avec BOM) ou .xlsx.",
)
@FORCE_OPTION
@DB_OPTION
@PROFILE_OPTION
def export_command(
    year: int | None, output: Path, force: bool, db_url: str | None, profile_path: Path | None
) -> None:
    """Écrire la consolidation du territoire : une ligne par lot et par année (heures
    prévues et réalisées, participants, contrats, sorties), sans aucune donnée personnelle."""
    from followup.errors import FollowupError
    from followup.figures import export_rows
    from generators.bilan import BilanError, write_export

    _check_output(output, EXPORT_SUFFIXES, "l'export", force)
    profile = _profile(profile_path)
    store = _store(db_url)
    try:
        rows = export_rows(store, year)
    except FollowupError as error:
        _fail(error)
    finally:
        store.close()
    try:
        write_export(rows, output, threshold=profile.followup.small_cell, force=force)
    except BilanError as error:
        _fail(error)
    scope = f"l'année {year}" if year else "toutes les années"
    click.echo(f"Consolidation ({scope}, {len(rows)} ligne(s) lot × année) écrite dans {output}.")
