"""Loading, validating and merging territory profiles."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from clausier.model import Severity
from clausier.profile import (
    ProfileError,
    default_profile_path,
    find_line,
    load_profile,
)

TRADE_KEYS = [
    "vrd", "gros_oeuvre", "charpente_bois", "charpente_metallique", "couverture_etancheite",
    "menuiseries_exterieures", "menuiseries_interieures", "platrerie", "peinture",
    "revetements_sols", "electricite", "plomberie_cvc", "ascenseurs", "espaces_verts_creation",
    "espaces_verts_entretien", "nettoyage", "collecte_dechets", "restauration",
    "demolition_desamiantage", "fournitures",
]  # fmt: skip
SHARES = {
    "vrd": 0.30, "gros_oeuvre": 0.45, "charpente_bois": 0.35, "charpente_metallique": 0.20,
    "couverture_etancheite": 0.40, "menuiseries_exterieures": 0.25,
    "menuiseries_interieures": 0.40, "platrerie": 0.55, "peinture": 0.70,
    "revetements_sols": 0.45, "electricite": 0.45, "plomberie_cvc": 0.35, "ascenseurs": 0.20,
    "espaces_verts_creation": 0.45, "espaces_verts_entretien": 0.65, "nettoyage": 0.85,
    "collecte_dechets": 0.55, "restauration": 0.45, "demolition_desamiantage": 0.50,
    "fournitures": 0.05,
}  # fmt: skip


def write(tmp_path: Path, text: str, name: str = "profil.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> str:
    path = write(tmp_path, text)
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    return str(info.value)


# --------------------------------------------------------------------------- default
def test_default_profile_has_the_contract_values():
    profile = load_profile()
    assert profile.insertion_rate == 0.05
    assert profile.hourly_cost == 30.0
    assert profile.rounding_step == 5
    assert profile.min_hours == 70
    assert profile.tolerance == 0.25
    assert profile.framework_form == "annuel" and profile.tranche_amount == 50_000.0
    assert profile.rules == {}
    assert profile.source_path is None
    assert list(profile.trades) == TRADE_KEYS
    assert {k: t.labour_share for k, t in profile.trades.items()} == SHARES
    # No fictitious facilitator: it is to be completed (issue 12, item 10).
    assert not profile.facilitator.is_complete and profile.facilitator.structure == ""
    assert profile.penalties.per_hour == "1,5 × SMIC horaire brut en vigueur à la date du constat"
    assert profile.penalties.late_reporting == 100.0


def test_every_default_trade_has_a_label_a_source_and_keywords():
    for trade in load_profile().trades.values():
        assert trade.label and trade.keywords, trade.key
        assert trade.source, trade.key


def test_unverified_values_are_marked_a_valider_and_sourced_ones_are_not():
    trades = load_profile().trades
    # Values found in a source (reference § 6.2: mefsud77): no "à valider".
    for key in ("peinture", "charpente_metallique"):
        assert "à valider" not in trades[key].source and "mefsud77" in trades[key].source
    # Practice defaults, unverified in the reference:
    for key in ("vrd", "platrerie", "nettoyage", "ascenseurs", "gros_oeuvre"):
        assert "à valider" in trades[key].source


def test_default_profile_file_is_plain_toml_with_french_keys():
    data = tomllib.loads(default_profile_path().read_text(encoding="utf-8"))
    assert set(data) == {
        "profil",
        "facilitateur",
        "penalites",
        "accords_cadres",
        "suivi",
        "regles",
        "metiers",
    }
    assert data["regles"] == {}
    assert data["profil"]["tolerance_ecart"] == 0.25


# --------------------------------------------------------------------------- merge
def test_a_facilitator_file_holds_only_what_differs(tmp_path):
    path = write(
        tmp_path,
        """
[profil]
nom = "Haut Val de Sèvre"
cout_horaire = 32.0

[metiers.peinture]
taux_main_oeuvre = 0.65

[metiers.vitrerie]
libelle = "Vitrerie"
taux_main_oeuvre = 0.30
mots_cles = ["vitrerie", "miroiterie"]

[regles]
CS405 = "desactivee"
CS403 = "information"
""",
    )
    profile = load_profile(path)
    assert profile.name == "Haut Val de Sèvre" and profile.source_path == path
    assert profile.hourly_cost == 32.0
    assert profile.insertion_rate == 0.05 and profile.rounding_step == 5  # from the default
    peinture = profile.trades["peinture"]
    assert peinture.labour_share == 0.65
    assert peinture.label == "Peinture, revêtements muraux"  # merged per key
    assert "peinture" in peinture.keywords
    assert profile.trades["vitrerie"].labour_share == 0.30
    assert len(profile.trades) == 21
    assert profile.facilitator.nom == ""  # from the default: to be completed
    assert profile.severity_for("CS405", Severity.INFO) is None
    assert profile.severity_for("CS403", Severity.WARNING) is Severity.INFO
    assert profile.severity_for("CS101", Severity.ERROR) is Severity.ERROR


def test_merge_does_not_change_the_default(tmp_path):
    load_profile(write(tmp_path, "[metiers.peinture]\ntaux_main_oeuvre = 0.10\n"))
    assert load_profile().trades["peinture"].labour_share == 0.70


def test_empty_file_is_the_default(tmp_path):
    profile = load_profile(write(tmp_path, "# rien\n"))
    assert profile.trades == load_profile().trades


def test_penalty_per_hour_may_be_an_amount(tmp_path):
    profile = load_profile(write(tmp_path, "[penalites]\nheure_non_realisee = 25.0\n"))
    assert profile.penalties.per_hour == 25.0


def test_framework_form_tranche(tmp_path):
    profile = load_profile(
        write(tmp_path, '[accords_cadres]\nforme = "tranche"\ntranche = 100000.0\n')
    )
    assert profile.framework_form == "tranche" and profile.tranche_amount == 100_000.0


# --------------------------------------------------------------------------- errors
def test_rate_outside_0_1_names_key_and_line(tmp_path):
    message = error_of(
        tmp_path,
        '[profil]\nnom = "X"\n\n[metiers.peinture]\nlibelle = "P"\ntaux_main_oeuvre = 70\n',
    )
    assert "metiers.peinture.taux_main_oeuvre" in message
    assert "ligne 6" in message and "profil.toml" in message
    assert "entre 0 et 1" in message


def test_insertion_rate_outside_0_1(tmp_path):
    message = error_of(tmp_path, "[profil]\ntaux_insertion = 1.5\n")
    assert "profil.taux_insertion" in message and "ligne 2" in message


def test_unknown_key_suggests_the_closest(tmp_path):
    message = error_of(tmp_path, '[profil]\nnom = "X"\ntaux_insertoin = 0.05\n')
    assert "clé inconnue « profil.taux_insertoin »" in message
    assert "ligne 3" in message and "taux_insertion" in message


def test_unknown_key_in_a_trade(tmp_path):
    message = error_of(tmp_path, "[metiers.peinture]\ntaux_main_oeuvr = 0.6\n")
    assert "metiers.peinture.taux_main_oeuvr" in message and "ligne 2" in message
    assert "« taux_main_oeuvre »" in message


def test_unknown_table(tmp_path):
    message = error_of(tmp_path, "\n[metier.peinture]\ntaux_main_oeuvre = 0.6\n")
    assert "« metier »" in message and "ligne 2" in message and "« metiers »" in message


def test_negative_or_zero_cost(tmp_path):
    message = error_of(tmp_path, "[profil]\ncout_horaire = -30\n")
    assert "profil.cout_horaire" in message and "ligne 2" in message and "positif" in message
    message = error_of(tmp_path, "[profil]\n\ncout_horaire = 0\n")
    assert "profil.cout_horaire" in message and "ligne 3" in message


def test_non_integer_step(tmp_path):
    message = error_of(tmp_path, "[profil]\narrondi = 2.5\n")
    assert "profil.arrondi" in message and "entier" in message and "ligne 2" in message


def test_new_trade_without_labour_share(tmp_path):
    message = error_of(tmp_path, '[profil]\nnom = "X"\n[metiers.vitrerie]\nlibelle = "Vitrerie"\n')
    assert "metiers.vitrerie" in message and "taux_main_oeuvre" in message
    assert "ligne 3" in message


def test_wrong_type(tmp_path):
    message = error_of(tmp_path, '[profil]\ntaux_insertion = "5 %"\n')
    assert "profil.taux_insertion" in message and "nombre" in message and "ligne 2" in message
    message = error_of(tmp_path, "[facilitateur]\nnom = 12\n")
    assert "facilitateur.nom" in message and "texte" in message
    message = error_of(tmp_path, '[metiers.peinture]\nmots_cles = "peinture"\n')
    assert "metiers.peinture.mots_cles" in message and "liste" in message


def test_whole_float_step_is_accepted(tmp_path):
    profile = load_profile(write(tmp_path, "[profil]\narrondi = 10.0\nheures_min = 35.0\n"))
    assert profile.rounding_step == 10 and isinstance(profile.rounding_step, int)
    assert profile.min_hours == 35


def test_bool_is_not_a_number(tmp_path):
    message = error_of(tmp_path, "[profil]\nheures_min = true\n")
    assert "profil.heures_min" in message


def test_dotted_keys_are_found_too(tmp_path):
    message = error_of(tmp_path, "[metiers]\npeinture.taux_main_oeuvre = 2\n")
    assert "metiers.peinture.taux_main_oeuvre" in message and "ligne 2" in message


def test_bad_rule_level_and_code(tmp_path):
    message = error_of(tmp_path, '[regles]\nCS403 = "fort"\n')
    assert "regles.CS403" in message and "avertissement" in message and "ligne 2" in message
    message = error_of(tmp_path, '[regles]\nR12 = "erreur"\n')
    assert "R12" in message and "CS403" in message


def test_bad_framework_form(tmp_path):
    message = error_of(tmp_path, '[accords_cadres]\nforme = "mensuel"\n')
    assert "accords_cadres.forme" in message and "annuel" in message


def test_toml_syntax_error_gives_line_and_column_in_french(tmp_path):
    message = error_of(tmp_path, '[profil]\nnom = "X"\ncout_horaire = trente\n')
    assert "syntaxe TOML" in message and "ligne 3, colonne" in message
    assert "profil.toml" in message


def test_missing_file(tmp_path):
    with pytest.raises(ProfileError, match="introuvable"):
        load_profile(tmp_path / "absent.toml")


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes('[profil]\nnom = "Sèvre"\n'.encode("latin-1"))
    with pytest.raises(ProfileError, match="UTF-8"):
        load_profile(path)


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes('\ufeff[profil]\nnom = "Sèvre"\n'.encode())
    assert load_profile(path).name == "Sèvre"


# --------------------------------------------------------------------------- find_line
def test_find_line_follows_tables_and_arrays():
    text = """# comment
[consultation]
objet = "x"

[[lots]]
numero = "1"
montant = 1

[[lots]]
numero = "2"
montant = 2
"""
    assert find_line(text, ("consultation", "objet")) == 3
    assert find_line(text, ("lots", 0, "montant")) == 7
    assert find_line(text, ("lots", 1, "montant")) == 11
    assert find_line(text, ("lots", 1)) == 9
    assert find_line(text, ("absent", "x")) is None
