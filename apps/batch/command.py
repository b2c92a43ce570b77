"""`clausier batch ROOT -o DIR`: review every consultation of a folder, in parallel."""

from __future__ import annotations

from pathlib import Path

import click

from apps.shell.options import (
    CONTEXT_SETTINGS,
    DATE_OPTION,
    FAIL_ON_OPTION,
    HELP_OPTION,
    PROFILE_OPTION,
    announce_default_profile,
)


def _positive(ctx: click.Context, param: click.Parameter, value: float | None) -> float | None:
    if value is not None and value <= 0:
        raise click.BadParameter("indiquez un nombre de secondes supérieur à 0.")
    return value


@click.command(
    "batch",
    context_settings=CONTEXT_SETTINGS,
    short_help="Relire tous les DCE d'un dossier, en parallèle.",
)
@HELP_OPTION
@click.argument(
    "root", type=click.Path(exists=True, file_okay=False, path_type=Path), metavar="RACINE"
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DOSSIER",
    help="Dossier des rapports et de la synthèse (réutilisable : voir « Relances »).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Nombre de dossiers relus en même temps (par défaut : un par cœur du processeur).",
)
@PROFILE_OPTION
@DATE_OPTION
@FAIL_ON_OPTION
@click.option(
    "--dask",
    "dask_address",
    default=None,
    metavar="ADRESSE",
    help="Relire sur un cluster Dask existant (ex. tcp://10.0.0.5:8786). "
    "Demande « pip install clausier[dask] ».",
)
@click.option(
    "--force",
    is_flag=True,
    help="Écrire dans un dossier de sortie non vide qui ne contient pas de registre Clausier.",
)
@click.option(
    "--full",
    is_flag=True,
    help="Tout relire, même les dossiers inchangés depuis le passage précédent.",
)
@click.option(
    "--register",
    "register_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FICHIER",
    help="Registre des passages (SQLite). Par défaut : DOSSIER/clausier.sqlite.",
)
@click.option(
    "--piece-timeout",
    type=float,
    default=60.0,
    show_default=True,
    callback=_positive,
    metavar="S",
    help="Temps maximal de lecture d'une pièce, en secondes (au-delà : constat CS901).",
)
@click.option(
    "--consultation-timeout",
    type=float,
    default=600.0,
    show_default=True,
    callback=_positive,
    metavar="S",
    help="Temps maximal pour un dossier entier, en secondes (au-delà : constat CS901).",
)
def command(
    root: Path,
    out_dir: Path,
    jobs: int | None,
    profile_path: Path | None,
    review_date,
    fail_on: str,
    dask_address: str | None,
    force: bool,
    full: bool,
    register_path: Path | None,
    piece_timeout: float,
    consultation_timeout: float,
) -> None:
    """Relire chaque consultation de RACINE (un sous-dossier ou un .zip par consultation)
    avec le même moteur que « clausier review », en parallèle.

    Écrit dans DOSSIER un rapport JSON et HTML par dossier, la synthèse synthese.csv et
    synthese.xlsx, et la page index.html qui relie tous les rapports.

    Relances : le registre DOSSIER/clausier.sqlite retient ce qui a été relu. Relancer la même
    commande avec le même -o ne relit que les dossiers dont une pièce, le profil, la date
    ou les règles ont changé, et la synthèse indique les constats nouveaux, corrigés et
    toujours ouverts.

    Code de sortie : 1 si un constat atteint le niveau --fail-on, 0 sinon, 2 pour une
    erreur d'utilisation, 130 après une interruption (Ctrl-C).

    Exemple : clausier batch DCE-2026/ -o relecture-2026/ -j 4
    """
    from apps.batch.register import RegisterError
    from apps.batch.run import BatchError, run_batch
    from clausier.profile import ProfileError

    announce_default_profile(profile_path)
    try:
        result = run_batch(
            root,
            out_dir,
            jobs=jobs,
            profile_path=profile_path,
            review_date=review_date,
            dask_address=dask_address,
            force=force,
            full=full,
            register_path=register_path,
            piece_timeout=piece_timeout,
            consultation_timeout=consultation_timeout,
        )
    except (BatchError, RegisterError, ProfileError) as error:
        raise click.UsageError(str(error)) from None
    except OSError as error:  # disk full, no permission on DIR ...
        raise click.ClickException(
            f"Impossible d'écrire dans {out_dir} ({error.strerror or error}) : vérifiez "
            "l'espace disque et les droits sur ce dossier, puis relancez la même commande."
        ) from None

    for name in result.loose:
        click.echo(
            f"Fichier ignoré : {name} est directement dans {root} ; placez les pièces d'une "
            "consultation dans un sous-dossier ou un .zip.",
            err=True,
        )
    totals = result.totals()
    total = len(result.entries) + result.not_done
    click.echo(
        f"{total} dossier{'s' if total > 1 else ''} : {result.reviewed} relu"
        f"{'s' if result.reviewed > 1 else ''}, {result.skipped} inchangé"
        f"{'s' if result.skipped > 1 else ''} (déjà relu{'s' if result.skipped > 1 else ''})"
        + (f", {result.failed} en échec (CS901)" if result.failed else "")
        + f" en {result.seconds:.1f} s.".replace(".", ",", 1)  # French decimal comma
    )
    click.echo(
        f"Constats : {totals['error']} erreur{'s' if totals['error'] > 1 else ''}, "
        f"{totals['warning']} avertissement{'s' if totals['warning'] > 1 else ''}, "
        f"{totals['info']} information{'s' if totals['info'] > 1 else ''}."
    )
    new = sum(e.changes.get("new", 0) for e in result.entries if not e.changes.get("first_review"))
    fixed = sum(e.changes.get("fixed", 0) for e in result.entries)
    if new or fixed:
        click.echo(f"Depuis le passage précédent : {new} nouveau(x), {fixed} corrigé(s).")
    click.echo(f"Synthèse : {result.out_dir / 'index.html'}")
    if result.interrupted:
        click.echo(
            f"Interrompu : {result.not_done} dossier{'s' if result.not_done > 1 else ''} "
            "non relu(s). Ce qui était terminé est conservé ; relancez la même commande pour "
            "continuer.",
            err=True,
        )
        raise SystemExit(130)
    raise SystemExit(1 if result.fails(fail_on) else 0)
