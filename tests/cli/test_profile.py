"""`clausier profile init` and `clausier profile check` through click's CliRunner."""

from __future__ import annotations

import tomllib
from pathlib import Path

from click.testing import CliRunner
from clitext import flat

from apps.cli import cli
from clausier.profile import load_profile

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def run(*args: str):
    return CliRunner().invoke(cli, ["profile", *args])


def test_init_writes_a_commented_profile_that_checks(tmp_path):
    path = tmp_path / "mon-profil.toml"
    result = run("init", str(path))
    assert result.exit_code == 0, result.output
    assert f"clausier profile check {path}" in flat(result.output)
    text = path.read_text(encoding="utf-8")
    # Every key of the top tables is explained by a French comment just above it.
    lines = text.splitlines()
    for key in ("taux_insertion", "cout_horaire", "arrondi", "heures_min", "tolerance_ecart",
                "structure", "courriel", "heure_non_realisee", "retard_justificatifs",
                "forme", "tranche"):  # fmt: skip
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{key} ="))
        assert lines[index - 1].startswith("# "), key
    assert "# [metiers.peinture]" in text and "# taux_main_oeuvre = 0.7" in text
    assert "[regles]" in text
    # Loaded, it gives the default values.
    profile = load_profile(path)
    default = load_profile()
    assert profile.trades == default.trades
    assert (profile.insertion_rate, profile.hourly_cost) == (0.05, 30.0)
    tomllib.loads(text)
    check = run("check", str(path))
    assert check.exit_code == 0 and check.output.startswith("Profil valide mais incomplet :")
    assert "facilitateur : à compléter" in flat(check.output)  # no fictitious contact


def test_init_default_name_and_no_overwrite_without_force(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("init").exit_code == 0
    path = tmp_path / "profil.toml"
    assert path.exists()
    path.write_text("# mon travail\n", encoding="utf-8")
    result = run("init")
    assert result.exit_code == 2
    assert "existe déjà" in flat(result.output) and "--force" in flat(result.output)
    assert path.read_text(encoding="utf-8") == "# mon travail\n"
    assert run("init", "--force").exit_code == 0
    assert "[profil]" in path.read_text(encoding="utf-8")


def test_check_a_valid_profile_prints_a_summary():
    result = run("check", str(SAMPLES / "profil-exemple.toml"))
    assert result.exit_code == 0, result.output
    assert "Profil valide" in flat(result.output) and "Exemple — territoire" in flat(result.output)
    assert "coût horaire 32 €/h" in flat(result.output) and "arrondi 10 h" in flat(result.output)
    assert "PLIE du Val d'Exemple" in flat(result.output)


def test_check_an_invalid_profile_exits_1_with_the_key_and_line(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('[metiers.peinture]\nlibelle = "P"\ntaux_main_oeuvre = 1.7\n', encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    assert "metiers.peinture.taux_main_oeuvre" in flat(result.output) and "ligne 3" in flat(
        result.output
    )
    assert "Profil valide" not in result.output


def test_check_a_missing_file_exits_1(tmp_path):
    result = run("check", str(tmp_path / "absent.toml"))
    assert result.exit_code == 1 and "introuvable" in flat(result.output)


def test_check_lists_rules(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('[regles]\nCS405 = "desactivee"\n', encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 0 and "CS405 désactivée" in flat(result.output)


def test_help_is_french():
    result = run("--help")
    assert result.exit_code == 0 and "Créer ou vérifier un profil" in flat(result.output)
