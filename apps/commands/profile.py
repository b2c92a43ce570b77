"""`clausier profile init [FILE]` and `clausier profile check FILE`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from apps.shell.options import (
    CONTEXT_SETTINGS,
    FORCE_OPTION,
    HELP_OPTION,
    cannot_write,
    fit,
    wrapped,
)


class InputError(click.ClickException):
    """French message on stderr; exit status 2 (usage error) unless told otherwise."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(wrapped(f"Erreur : {self.message}"), err=True)


@click.group(
    "profile", context_settings=CONTEXT_SETTINGS, subcommand_metavar="COMMANDE [ARGUMENTS]..."
)
@HELP_OPTION
def command() -> None:
    """Créer ou vérifier un profil de territoire (taux, métiers, pénalités, contact du
    facilitateur). Le détail de chaque clé : docs/profil.md."""


@command.command("init", context_settings=CONTEXT_SETTINGS)
@HELP_OPTION
@click.argument(
    "file", required=False, type=click.Path(dir_okay=False, path_type=Path), metavar="[FICHIER]"
)
@FORCE_OPTION
def init(file: Path | None, force: bool) -> None:
    """Écrire un profil commenté à adapter (par défaut : profil.toml).

    Le fichier reprend les valeurs du profil livré avec Clausier ; la table des métiers
    y est en commentaire : ne décommentez que ce que vous changez.
    """
    path = file or Path("profil.toml")
    if path.exists() and not force:
        raise InputError(
            f"Le fichier {path} existe déjà : ajoutez --force pour le remplacer, "
            "ou indiquez un autre nom (clausier profile init mon-profil.toml)."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(commented_profile(str(path)), encoding="utf-8")
    except OSError as error:
        raise cannot_write(path, error) from None
    click.echo(
        f"Profil écrit dans {path}. Adaptez-le, puis vérifiez-le avec : "
        f"clausier profile check {path}"
    )


@command.command("check", context_settings=CONTEXT_SETTINGS)
@HELP_OPTION
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), metavar="FICHIER")
def check(file: Path) -> None:
    """Vérifier un profil : clés connues, taux entre 0 et 1, montants positifs…
    Code de sortie 1 si le profil est invalide."""
    from clausier.profile import ProfileError, load_profile

    try:
        profile = load_profile(file)
    except ProfileError as exc:
        raise InputError(str(exc), exit_code=1) from None
    click.echo(fit(summary(profile, file).splitlines()))


def summary(profile, file: Path) -> str:
    """« Profil valide : … » with the values that matter for the hours."""
    from clausier.french import fr_euros, fr_hours, fr_rate

    unverified = [t.key for t in profile.trades.values() if "valider" in t.source.lower()]
    complete = profile.facilitator.is_complete
    lines = [
        f"Profil {'valide' if complete else 'valide mais incomplet'} : {file} — « {profile.name} »",
        f"  taux d'insertion {fr_rate(profile.insertion_rate)}, "
        f"coût horaire {fr_hours(profile.hourly_cost)} €/h, "
        f"arrondi {profile.rounding_step} h, minimum {profile.min_hours} h, "
        f"tolérance {fr_rate(profile.tolerance)}",
        f"  {len(profile.trades)} métiers ; {len(unverified)} taux de main-d'œuvre encore "
        "« à valider »" + (f" ({', '.join(unverified)})" if unverified else ""),
        f"  accords-cadres : heures {'par an' if profile.framework_form == 'annuel' else 'par tranche de ' + fr_euros(profile.tranche_amount) + ' HT commandés'}",
        _facilitator_line(profile.facilitator),
    ]
    if profile.rules:
        from clausier.model import severity_label

        rules = ", ".join(
            f"{code} {severity_label(level)}" for code, level in sorted(profile.rules.items())
        )
        lines.append(f"  règles : {rules}")
    return "\n".join(lines)


def _facilitator_line(facilitator) -> str:
    if not facilitator.is_complete:
        return (
            "  facilitateur : à compléter — ajoutez dans la table [facilitateur] la structure "
            "et un téléphone ou un courriel (sinon les clauses générées portent « à compléter » "
            "et la relecture ne peut pas proposer le contact)"
        )
    contact = ", ".join(
        x for x in (facilitator.nom, facilitator.telephone, facilitator.courriel) if x
    )
    return f"  facilitateur : {facilitator.structure} ({contact})"


# --------------------------------------------------------------------------- the template
def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | list):
        # JSON strings and lists of strings are valid TOML.
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


KEY_COMMENTS: dict[str, dict[str, str]] = {
    "profil": {
        "nom": "Nom du profil, affiché en tête des tableaux d'heures.",
        "taux_insertion": "Part des heures travaillées réservée à l'insertion, entre 0 et 1 "
        "(0.05 = 5 % ; pratique courante 5 à 10 %).",
        "cout_horaire": "Coût horaire moyen chargé de la main-d'œuvre, en € HT par heure.",
        "arrondi": "Les heures sont arrondies au multiple le plus proche de ce pas (nombre "
        "entier d'heures ; la moitié arrondit vers le haut).",
        "heures_min": "En dessous de ce nombre d'heures, aucune clause n'est proposée pour le lot.",
        "tolerance_ecart": "Écart toléré entre les heures écrites dans le DCE et les heures "
        "calculées avant de le signaler (règle CS403) : 0.25 = ±25 %.",
    },
    "facilitateur": {
        "structure": "Structure qui porte le facilitateur (maison de l'emploi, PLIE…).",
        "nom": "Prénom et nom du facilitateur.",
        "telephone": "Téléphone écrit dans les clauses générées.",
        "courriel": "Adresse électronique écrite dans les clauses générées.",
        "site": "Site de la structure (facultatif).",
    },
    "penalites": {
        "heure_non_realisee": "Pénalité par heure d'insertion non réalisée : un montant en € "
        "(ex. 25.0) ou la formule, entre guillemets, telle qu'elle sera écrite au CCAP.",
        "retard_justificatifs": "Pénalité par jour de retard dans la remise des justificatifs, en €.",
    },
    "accords_cadres": {
        "forme": "Accords-cadres : « annuel » (heures par an = montant ÷ durée) ou « tranche » "
        "(heures par tranche de montant commandé).",
        "tranche": "Montant d'une tranche en € HT (forme « tranche »).",
    },
}

HEADER = """\
# Profil de territoire pour Clausier.
#
# Vérifiez-le avec :   clausier profile check {name}
# Utilisez-le avec :   clausier hours --profile {name} …   (et review, generate, batch)
#
# Toute clé absente de ce fichier garde la valeur du profil livré avec Clausier : vous
# pouvez supprimer les lignes que vous ne changez pas. Les nombres décimaux s'écrivent
# avec un point (0.05, et non 0,05) ; les textes entre guillemets. Détail : docs/profil.md.
"""

RULES_COMMENT = """\
[regles]
# Gravité des règles de relecture pour votre territoire, par code de règle :
# "erreur", "avertissement", "information" ou "desactivee".
# Exemple (décommentez) :
# CS405 = "desactivee"
# CS403 = "information"
"""

TRADES_COMMENT = """\
# Table des métiers. Pour chaque métier :
#   libelle           le nom affiché ;
#   taux_main_oeuvre  la part du montant HT qui paie des heures de travail, entre 0 et 1 ;
#   source            d'où vient la valeur (« validé par … le … ») ;
#   mots_cles         les mots reconnus dans l'intitulé d'un lot (sans accents ni majuscules).
# Les valeurs ci-dessous sont celles du profil par défaut, en commentaire. Pour en changer
# une, décommentez l'en-tête [metiers.…] et la ligne changée. Pour ajouter un métier,
# écrivez une nouvelle table avec au moins taux_main_oeuvre, par exemple :
#
# [metiers.vitrerie]
# libelle = "Vitrerie, miroiterie"
# taux_main_oeuvre = 0.30
# source = "validé par le comité clauses du territoire le 2026-12-01"
# mots_cles = ["vitrerie", "miroiterie"]
"""


def commented_profile(name: str = "profil.toml") -> str:
    """The text written by `profile init`: the default values, every key explained."""
    from clausier.profile import _default_data

    data, _ = _default_data()
    out = [HEADER.format(name=name)]
    for section, comments in KEY_COMMENTS.items():
        out.append(f"[{section}]")
        for key, comment in comments.items():
            if key in data.get(section, {}):
                out.append(f"# {comment}")
                out.append(f"{key} = {_toml(data[section][key])}")
        out.append("")
    out.append(RULES_COMMENT)
    out.append(TRADES_COMMENT)
    for key, trade in data.get("metiers", {}).items():
        out.append(f"# [metiers.{key}]")
        for field_name in ("libelle", "taux_main_oeuvre", "source", "mots_cles"):
            if field_name in trade:
                out.append(f"# {field_name} = {_toml(trade[field_name])}")
        out.append("")
    return "\n".join(out)
