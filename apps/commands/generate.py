"""`clausier generate`: the insertion clause in Word (RC, CCAP, AE per lot, annex)."""

from __future__ import annotations

from pathlib import Path

import click

from apps.shell.options import (
    CONTEXT_SETTINGS,
    FORCE_OPTION,
    HELP_OPTION,
    PROFILE_OPTION,
    announce_default_profile,
    cannot_write,
    wrapped,
)


class InputError(click.ClickException):
    """A bad input (file, option, template): French message, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(wrapped(f"Erreur : {self.message}"), err=True)


@click.command("generate", context_settings=CONTEXT_SETTINGS)
@HELP_OPTION
@click.argument(
    "consultation_path",
    metavar="CONSULTATION.toml",
    required=False,
    type=click.Path(dir_okay=False, path_type=Path),
)
@click.option(
    "--from",
    "from_path",
    metavar="CHEMIN",
    type=click.Path(path_type=Path),
    help="Un DCE relu (dossier, .zip ou fichier) : lots, montants et métiers en sont tirés.",
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    metavar="DOSSIER",
    type=click.Path(file_okay=False, path_type=Path),
    help="Dossier où écrire les documents Word (créé s'il n'existe pas ; obligatoire).",
)
@PROFILE_OPTION
@click.option(
    "--templates",
    "templates",
    metavar="DOSSIER",
    type=click.Path(file_okay=False, path_type=Path),
    help="Dossier de modèles Word personnels (mêmes noms : rc_clause.docx, "
    "ccap_article.docx, ae_engagement.docx, annexe_clause.docx).",
)
@click.option(
    "--only",
    "only",
    metavar="rc,ccap,ae,annexe",
    help="Ne produire que ces documents (séparés par des virgules).",
)
@FORCE_OPTION
def command(
    consultation_path: Path | None,
    from_path: Path | None,
    out_dir: Path | None,
    profile_path: Path | None,
    templates: Path | None,
    only: str | None,
    force: bool,
) -> None:
    """Rédiger la clause sociale d'insertion en Word : l'article du règlement de la
    consultation, l'article du CCAP, un engagement par lot à joindre à l'acte
    d'engagement et l'annexe (fiche de liaison et tableau de suivi). Les heures sont
    celles de « clausier hours » ; rien n'est remplacé sans --force.

    \b
    Exemples :
      clausier generate samples/consultation-travaux.toml -o sortie/
      clausier generate consultation.toml -o sortie/ --only ccap,ae --profile mon-profil.toml
      clausier generate --from dossier-dce/ -o sortie/
    """
    from clausier.profile import ProfileError, load_profile
    from generators.clauses import GenerationError, generate, parse_only

    if consultation_path is None and from_path is None:
        raise InputError(
            "Indiquez un fichier consultation (clausier generate CONSULTATION.toml -o DOSSIER) "
            "ou un DCE relu (clausier generate --from CHEMIN -o DOSSIER)."
        )
    if consultation_path is not None and from_path is not None:
        raise InputError(
            "Indiquez soit un fichier consultation, soit un DCE relu avec --from, pas les deux."
        )
    if out_dir is None:
        raise InputError(
            "Indiquez le dossier de sortie avec -o DOSSIER (il est créé s'il n'existe pas)."
        )
    try:
        wanted = parse_only(only)
        profile = load_profile(profile_path)
    except (GenerationError, ProfileError) as exc:
        raise InputError(str(exc)) from None
    announce_default_profile(profile_path)
    if profile_path is not None and not profile.facilitator.is_complete:
        click.echo(
            f"Le profil {profile_path} ne donne pas le facilitateur (structure, et téléphone ou "
            "courriel) : les documents portent « à compléter », surligné. Complétez la table "
            "[facilitateur] du profil.",
            err=True,
        )

    options = {}
    if consultation_path is not None:
        spec = _spec_from_file(consultation_path)
    else:
        reported = _spec_from_tender(from_path, profile)
        spec = reported.spec
        options = {"buyer_type": reported.buyer_type, "file_stem": reported.file_stem}

    try:
        written = generate(
            spec, profile, out_dir, templates=templates, only=wanted, force=force, **options
        )
    except GenerationError as exc:
        raise InputError(str(exc)) from None
    except OSError as error:
        raise cannot_write(Path(error.filename or out_dir), error) from None
    click.echo(f"{len(written)} document(s) écrit(s) dans {out_dir} :")
    for path in written:
        click.echo(f"  {path.name}")


def _spec_from_file(path: Path):
    from clausier.consultation_file import ConsultationFileError, load_consultation_file

    try:
        return load_consultation_file(path)
    except ConsultationFileError as exc:
        raise InputError(str(exc)) from None


def _spec_from_tender(path: Path, profile):
    """Review the tender folder, then build the consultation from what it holds."""
    from generators.clauses import GenerationError, spec_from_report

    if not path.exists():
        raise InputError(f"{path} introuvable : indiquez un dossier, un .zip ou un fichier de DCE.")
    from review.engine import review

    report = review(path, profile=profile)
    try:
        reported = spec_from_report(report, profile)
    except GenerationError as exc:
        raise InputError(str(exc)) from None
    if reported.spec.framework and reported.spec.duration_years is None:
        # The review's `duration_years` fact: an accord-cadre's hours per year need it.
        durations = [f.value for f in report.facts if f.kind == "duration_years"]
        reported.spec.duration_years = max(durations, key=durations.count) if durations else None
    for warning in reported.warnings:
        click.echo(f"Attention : {warning} ({path}).", err=True)
    return reported
