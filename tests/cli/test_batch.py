"""`clausier batch` through click: options, French messages, exit status."""

from __future__ import annotations

import json

from click.testing import CliRunner
from clitext import flat

from apps.cli import cli
from tools.simple_documents import Doc, H, P, write

DATE = ["--date", "2026-11-25"]


def dce(folder, repealed: bool) -> None:
    reference = (
        "l'article 14 du Code des marchés publics"
        if repealed
        else "l'article L2112-2 du Code de la commande publique"
    )
    write(
        folder / "CCAP.docx",
        Doc(
            [
                H("Cahier des clauses administratives particulières"),
                H("Article 7 - Clause sociale d'insertion"),
                P(f"Le titulaire réalise 280 heures d'insertion, conformément à {reference}."),
            ]
        ),
    )


def run(*args: str):
    return CliRunner().invoke(cli, ["batch", *args], catch_exceptions=False)


def test_help_is_french():
    result = run("--help")
    assert result.exit_code == 0
    assert "Relire chaque consultation de RACINE" in flat(result.output)
    assert "--dask ADRESSE" in flat(result.output) and "Afficher cette aide" in flat(result.output)


def test_exit_status_follows_fail_on(tmp_path):
    root = tmp_path / "ROOT"
    dce(root / "DCE-faux", repealed=True)
    dce(root / "DCE-juste", repealed=False)
    out = tmp_path / "out"
    result = run(str(root), "-o", str(out), "-j", "2", *DATE)
    assert result.exit_code == 1, result.output
    assert "2 dossiers : 2 relus, 0 inchangé" in flat(result.output)
    assert "Constats :" in flat(result.output) and f"Synthèse : {out / 'index.html'}" in flat(
        result.output
    )
    report = json.loads((out / "DCE-faux.json").read_text(encoding="utf-8"))
    assert any(f["code"] == "CS201" for f in report["findings"])
    # The same command again: nothing to review, same findings, same status.
    again = run(str(root), "-o", str(out), *DATE)
    assert again.exit_code == 1
    assert "0 relu, 2 inchangés" in flat(again.output)
    assert run(str(root), "-o", str(out), *DATE, "--fail-on", "never").exit_code == 0


def test_usage_errors_exit_2_in_french(tmp_path):
    missing = run(str(tmp_path / "absent"), "-o", str(tmp_path / "out"))
    assert missing.exit_code == 2 and "absent" in flat(missing.output)
    root = tmp_path / "ROOT"
    dce(root / "DCE", repealed=False)
    no_output = run(str(root))
    assert no_output.exit_code == 2 and "-o" in flat(no_output.output)
    busy = tmp_path / "occupé"
    busy.mkdir()
    (busy / "à garder.txt").write_text("x", encoding="utf-8")
    refused = run(str(root), "-o", str(busy), *DATE)
    assert refused.exit_code == 2 and "--force" in flat(refused.output)
    forced = run(str(root), "-o", str(busy), *DATE, "--force", "--fail-on", "never")
    assert forced.exit_code == 0
    bad_date = run(str(root), "-o", str(tmp_path / "o2"), "--date", "25/11/2026")
    assert bad_date.exit_code == 2 and "AAAA-MM-JJ" in flat(bad_date.output)
    zero = run(str(root), "-o", str(tmp_path / "o3"), "-j", "0")
    assert zero.exit_code == 2
    timeout = run(str(root), "-o", str(tmp_path / "o4"), "--piece-timeout", "0")
    assert timeout.exit_code == 2 and "secondes" in flat(timeout.output)
    empty = tmp_path / "vide"
    empty.mkdir()
    nothing = run(str(empty), "-o", str(tmp_path / "o5"))
    assert nothing.exit_code == 2 and "Aucun dossier de consultation" in flat(nothing.output)


def test_bad_profile_is_a_usage_error(tmp_path):
    root = tmp_path / "ROOT"
    dce(root / "DCE", repealed=False)
    profile = tmp_path / "profil.toml"
    profile.write_text("[profil\ntaux_insertion = ", encoding="utf-8")
    result = run(str(root), "-o", str(tmp_path / "out"), "--profile", str(profile), *DATE)
    assert result.exit_code == 2 and "profil.toml" in flat(result.output)


def test_custom_register_and_loose_files(tmp_path):
    root = tmp_path / "ROOT"
    dce(root / "DCE", repealed=False)
    (root / "notes.txt").write_text("x", encoding="utf-8")
    register = tmp_path / "registre" / "passages.sqlite"
    result = CliRunner().invoke(
        cli,
        ["batch", str(root), "-o", str(tmp_path / "out"), "--register", str(register), *DATE,
         "--fail-on", "never"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert register.exists() and not (tmp_path / "out" / "clausier.sqlite").exists()
    assert "Fichier ignoré : notes.txt" in flat(result.output)
