"""The territory profile: rates, trade table, penalties, facilitator, rule severities.

A profile is a TOML file with French keys (it is edited by facilitators). The default
profile ships in `clause_templates/profiles/defaut.toml`; a facilitator's file holds only
what differs and is deep-merged over it (trades merged key by key). Every value is
validated with a French message naming the file, the key and its line.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clausier.french import fr_plain
from clausier.model import Severity
from clausier.tomlfile import close_key_hint, dotted, find_line, read_toml, where  # noqa: F401 (find_line re-exported)


class ProfileError(ValueError):
    """A profile that cannot be used; the message is French and says where and what to do."""


@dataclass
class Trade:
    key: str
    label: str
    labour_share: float
    source: str = ""
    keywords: list[str] = field(default_factory=list)


@dataclass
class Facilitator:
    structure: str = ""
    nom: str = ""
    telephone: str = ""
    courriel: str = ""
    site: str = ""

    @property
    def is_complete(self) -> bool:
        """A structure and a way to reach it (phone or e-mail), as CS304 asks of a DCE.
        The default profile has none: no fictitious contact may reach a published piece."""
        return bool(self.structure.strip() and (self.telephone.strip() or self.courriel.strip()))


@dataclass
class Penalties:
    per_hour: str | float = ""  # € per hour not performed, or the formula as it must be written
    late_reporting: float | None = None  # € per day of delay in the reporting documents


# TOML [regles] values (French) -> Profile.rules values
RULE_LEVELS = {
    "erreur": "error",
    "avertissement": "warning",
    "information": "info",
    "desactivee": "off",
    "désactivée": "off",
    "desactive": "off",
    "désactivé": "off",
    # English spellings are accepted too: scripts and the web page may write them.
    "error": "error",
    "warning": "warning",
    "info": "info",
    "off": "off",
}
FRAMEWORK_FORMS = ("annuel", "tranche")


@dataclass
class FollowupSettings:
    """[suivi]: the follow-up after award (docs/suivi.md)."""

    retention_months: int = 24  # conservation_mois: participant rows kept after the last activity
    hours_per_fte: float = 1607.0  # heures_etp: hours of one full-time year
    late_margin: float = 0.25  # marge_retard: SU101 when done < (1 - margin) × expected
    months_without_hours: int = 2  # mois_sans_heures: SU102
    small_cell: int = 3  # seuil_effectif: counts below are shown « < 3 » in a bilan


@dataclass
class Profile:
    name: str
    insertion_rate: float
    hourly_cost: float
    rounding_step: int
    min_hours: int
    tolerance: float
    facilitator: Facilitator
    penalties: Penalties
    trades: dict[str, Trade]
    rules: dict[str, str] = field(default_factory=dict)
    framework_form: str = "annuel"
    tranche_amount: float = 50000.0
    source_path: Path | None = None
    followup: FollowupSettings = field(default_factory=FollowupSettings)

    def severity_for(self, code: str, default: Severity) -> Severity | None:
        """The severity this territory gives to a rule; None when the rule is silenced."""
        level = self.rules.get(code)
        if level is None:
            return default
        if level == "off":
            return None
        return Severity(level)


def default_profile_path() -> Path:
    import clause_templates

    return Path(clause_templates.__file__).parent / "profiles" / "defaut.toml"


# --------------------------------------------------------------------------- validation
# A checker returns None when the value is fine, or the French end of the sentence
# « la clé X … » explaining what is wrong.
Checker = Callable[[Any], str | None]


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _fr(value: Any) -> str:
    if isinstance(value, str):
        return f"« {value} »"
    if isinstance(value, bool):
        return "true" if value else "false"
    return fr_plain(value) if _is_number(value) else repr(value)


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"doit être un texte entre guillemets (trouvé : {_fr(value)})"
    return None


def _rate(value: Any) -> str | None:
    if not _is_number(value):
        return (
            f"doit être un nombre entre 0 et 1, par exemple 0.05 pour 5 % (trouvé : {_fr(value)})"
        )
    if not 0 <= value <= 1:
        return (
            f"vaut {_fr(value)} : un taux s'écrit entre 0 et 1 "
            "(0.45 pour 45 %, avec un point décimal)"
        )
    return None


def _positive(value: Any) -> str | None:
    if not _is_number(value):
        return f"doit être un nombre (trouvé : {_fr(value)})"
    if value <= 0:
        return f"vaut {_fr(value)} : il faut un montant strictement positif"
    return None


def _non_negative(value: Any) -> str | None:
    if not _is_number(value):
        return f"doit être un nombre (trouvé : {_fr(value)})"
    if value < 0:
        return f"vaut {_fr(value)} : il faut un nombre positif ou nul"
    return None


def _whole(value: Any) -> bool:
    """An integer, or a float without decimals (5.0): TOML users write both."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def _step(value: Any) -> str | None:
    if not _whole(value):
        return f"doit être un nombre entier d'heures, sans décimale, par exemple 5 (trouvé : {_fr(value)})"
    if value < 1:
        return f"vaut {_fr(value)} : l'arrondi est un nombre entier d'heures au moins égal à 1"
    return None


def _hours_min(value: Any) -> str | None:
    if not _whole(value):
        return f"doit être un nombre entier d'heures, par exemple 70 (trouvé : {_fr(value)})"
    if value < 0:
        return f"vaut {_fr(value)} : il faut un nombre d'heures positif ou nul"
    return None


def _months(value: Any) -> str | None:
    if not _whole(value):
        return f"doit être un nombre entier de mois, par exemple 24 (trouvé : {_fr(value)})"
    if value < 1:
        return f"vaut {_fr(value)} : il faut au moins 1 mois"
    return None


def _amount_or_text(value: Any) -> str | None:
    if isinstance(value, str):
        return None
    return _non_negative(value)


def _framework_form(value: Any) -> str | None:
    if value not in FRAMEWORK_FORMS:
        return f"vaut {_fr(value)} : écrivez « annuel » ou « tranche »"
    return None


def _keywords(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return 'doit être une liste de textes, par exemple ["peinture", "revetements muraux"]'
    return None


def _rule_codes() -> set[str]:
    from clausier.catalogue import load_catalogue

    return set(load_catalogue().rules)


def _rule_level(value: Any) -> str | None:
    if not isinstance(value, str) or value.strip().lower() not in RULE_LEVELS:
        return (
            f"vaut {_fr(value)} : écrivez « erreur », « avertissement », « information » "
            "ou « desactivee »"
        )
    return None


SCHEMA: dict[str, dict[str, Checker]] = {
    "profil": {
        "nom": _text,
        "taux_insertion": _rate,
        "cout_horaire": _positive,
        "arrondi": _step,
        "heures_min": _hours_min,
        "tolerance_ecart": _rate,
    },
    "facilitateur": {
        "structure": _text,
        "nom": _text,
        "telephone": _text,
        "courriel": _text,
        "site": _text,
    },
    "penalites": {"heure_non_realisee": _amount_or_text, "retard_justificatifs": _non_negative},
    "accords_cadres": {"forme": _framework_form, "tranche": _positive},
    "suivi": {
        "conservation_mois": _months,
        "heures_etp": _positive,
        "marge_retard": _rate,
        "mois_sans_heures": _months,
        "seuil_effectif": _months,
    },
}
TRADE_SCHEMA: dict[str, Checker] = {
    "libelle": _text,
    "taux_main_oeuvre": _rate,
    "source": _text,
    "mots_cles": _keywords,
}
TRADE_KEY = re.compile(r"^[a-z0-9_]+$")
RULE_CODE = re.compile(r"^CS\d{3}$")
TOP_LEVEL = [*SCHEMA, "metiers", "regles"]


def _unknown(
    file: str, text: str, path: tuple[str, ...], known: list[str], kind: str = "clé"
) -> ProfileError:
    hint = close_key_hint(path[-1], known)
    return ProfileError(
        f"Profil {where(file, text, path)} : {kind} inconnue « {dotted(path)} » ; "
        f"{hint}{'' if hint.endswith('?') else '.'} "
        "Corrigez le nom ou supprimez la ligne."
    )


def _bad(file: str, text: str, path: tuple[str, ...], why: str) -> ProfileError:
    return ProfileError(
        f"Profil {where(file, text, path)} : la clé « {dotted(path)} » {why}. "
        "Corrigez la valeur, puis vérifiez le fichier avec « clausier profile check »."
    )


def validate_profile_data(
    data: dict[str, Any], file: str, text: str, base_trades: set[str] | None = None
) -> None:
    """Check a parsed profile; raise ProfileError on the first problem.

    `base_trades` are the trades of the profile merged under this one: a trade already
    there may override a single value, a new trade must give its labour share.
    """
    base_trades = base_trades or set()
    for section, value in data.items():
        if section not in TOP_LEVEL:
            home = next((name for name, keys in SCHEMA.items() if section in keys), None)
            if home and not isinstance(value, dict):
                # « taux_insertion = 0.05 » written above every [table] header
                raise ProfileError(
                    f"Profil {where(file, text, (section,))} : la clé « {section} » doit "
                    f"être écrite sous l'en-tête [{home}] ; ajoutez la ligne [{home}] "
                    "au-dessus d'elle."
                )
            raise _unknown(file, text, (section,), TOP_LEVEL, "table")
        if not isinstance(value, dict):
            raise _bad(file, text, (section,), f"doit être une table [{section}]")
        if section == "metiers":
            _validate_trades(value, file, text, base_trades)
        elif section == "regles":
            for code, level in value.items():
                if not RULE_CODE.match(code):
                    raise ProfileError(
                        f"Profil {where(file, text, ('regles', code))} : « regles.{code} » "
                        "n'est pas un code de règle ; écrivez un code comme CS403."
                    )
                if code not in _rule_codes():
                    raise ProfileError(
                        f"Profil {where(file, text, ('regles', code))} : « regles.{code} » "
                        "n'est le code d'aucune règle de Clausier ; vérifiez le code (liste "
                        "des codes : docs/rules.md)."
                    )
                if why := _rule_level(level):
                    raise _bad(file, text, ("regles", code), why)
        else:
            schema = SCHEMA[section]
            for key, item in value.items():
                if key not in schema:
                    raise _unknown(file, text, (section, key), list(schema))
                if why := schema[key](item):
                    raise _bad(file, text, (section, key), why)


def _validate_trades(trades: dict[str, Any], file: str, text: str, base_trades: set[str]) -> None:
    for key, trade in trades.items():
        path = ("metiers", key)
        if not TRADE_KEY.match(key):
            raise ProfileError(
                f"Profil {where(file, text, path)} : le métier « {key} » doit être une clé "
                "en minuscules sans accent ni espace (lettres, chiffres, _), par exemple "
                "« peinture » ou « gros_oeuvre »."
            )
        if not isinstance(trade, dict):
            raise _bad(file, text, path, f"doit être une table [metiers.{key}]")
        for name, item in trade.items():
            if name not in TRADE_SCHEMA:
                raise _unknown(file, text, (*path, name), list(TRADE_SCHEMA))
            if why := TRADE_SCHEMA[name](item):
                raise _bad(file, text, (*path, name), why)
        if "taux_main_oeuvre" not in trade and key not in base_trades:
            raise ProfileError(
                f"Profil {where(file, text, path)} : le métier « metiers.{key} » n'a pas de "
                "taux de main-d'œuvre ; ajoutez une ligne « taux_main_oeuvre = 0.45 » "
                "(un nombre entre 0 et 1) dans sa table."
            )


# --------------------------------------------------------------------------- loading
def _read_toml(path: Path, what: str = "Profil") -> tuple[dict[str, Any], str]:
    if not path.exists():
        raise ProfileError(
            f"{what} introuvable : {path}. Vérifiez le chemin, ou créez un profil avec "
            "« clausier profile init »."
        )
    if path.is_dir():
        raise ProfileError(f"{what} {path} : c'est un dossier ; indiquez un fichier .toml.")
    return read_toml(path, what, ProfileError)


@functools.lru_cache(maxsize=1)
def _default_data() -> tuple[dict[str, Any], str]:
    path = default_profile_path()
    data, text = _read_toml(path, "Profil par défaut")
    validate_profile_data(data, str(path), text)
    return data, text


def merge_profile_data(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Deep merge: tables merged key by key (trades too), other values replaced."""
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge_profile_data(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def load_profile(path: Path | None = None) -> Profile:
    """The default profile, or the file `path` merged over it, validated."""
    default, _ = _default_data()
    if path is None:
        return profile_from_data(default, None)
    path = Path(path)
    data, text = _read_toml(path)
    validate_profile_data(data, str(path), text, base_trades=set(default.get("metiers", {})))
    return profile_from_data(merge_profile_data(default, data), path)


def profile_from_data(data: dict[str, Any], source_path: Path | None) -> Profile:
    """Build a Profile from merged, validated TOML data."""
    main = data.get("profil", {})
    fac = data.get("facilitateur", {})
    pen = data.get("penalites", {})
    framework = data.get("accords_cadres", {})
    suivi = data.get("suivi", {})
    trades = {
        key: Trade(
            key=key,
            label=t.get("libelle", key.replace("_", " ")),
            labour_share=float(t["taux_main_oeuvre"]),
            source=t.get("source", ""),
            keywords=list(t.get("mots_cles", [])),
        )
        for key, t in data.get("metiers", {}).items()
    }
    per_hour = pen.get("heure_non_realisee", "")
    late = pen.get("retard_justificatifs")
    return Profile(
        name=main.get("nom", "Profil sans nom"),
        insertion_rate=float(main.get("taux_insertion", 0.05)),
        hourly_cost=float(main.get("cout_horaire", 30.0)),
        rounding_step=int(main.get("arrondi", 5)),
        min_hours=int(main.get("heures_min", 70)),
        tolerance=float(main.get("tolerance_ecart", 0.25)),
        facilitator=Facilitator(**{k: fac.get(k, "") for k in SCHEMA["facilitateur"]}),
        penalties=Penalties(
            per_hour=per_hour if isinstance(per_hour, str) else float(per_hour),
            late_reporting=None if late is None else float(late),
        ),
        trades=trades,
        rules={
            code: RULE_LEVELS[level.strip().lower()]
            for code, level in data.get("regles", {}).items()
        },
        framework_form=framework.get("forme", "annuel"),
        tranche_amount=float(framework.get("tranche", 50000.0)),
        source_path=source_path,
        followup=FollowupSettings(
            retention_months=int(suivi.get("conservation_mois", 24)),
            hours_per_fte=float(suivi.get("heures_etp", 1607.0)),
            late_margin=float(suivi.get("marge_retard", 0.25)),
            months_without_hours=int(suivi.get("mois_sans_heures", 2)),
            small_cell=int(suivi.get("seuil_effectif", 3)),
        ),
    )
