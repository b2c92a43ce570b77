"""`clausier review` through click's CliRunner, on the shipped samples (copied first)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from clitext import flat

from apps.cli import cli
from apps.commands.review import use_color

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
DATE = "2026-11-25"


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, ["review", *args], env=env)


@pytest.fixture
def errors_dce(tmp_path: Path) -> Path:
    """travaux-avec-erreurs: errors and warnings in Word, PDF and ODT pieces."""
    return Path(shutil.copytree(SAMPLES / "travaux-avec-erreurs", tmp_path / "travaux"))


@pytest.fixture
def clean_dce(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SAMPLES / "fournitures-sans-clause", tmp_path / "fournitures"))


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def json_report(path: Path) -> dict:
    result = run(str(path), "--date", DATE, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# ---------------------------------------------------------------- formats


def test_text_report_groups_by_piece_and_ends_with_the_counts(errors_dce):
    result = run(str(errors_dce), "--date", DATE)
    assert result.exit_code == 1  # the sample has errors; default --fail-on error
    out = flat(result.stdout)
    assert "\x1b[" not in out  # not a terminal: no colour
    assert out.startswith("Relecture de la consultation travaux")
    assert "CCAP.docx (CCAP, docx" in out and "RC.pdf (RC, pdf" in out
    assert "CS201 erreur · paragraphe" in out and "→ À écrire : " in out
    data = json_report(errors_dce)
    s = data["summary"]
    plural = {"error": ("erreur", "erreurs"), "warning": ("avertissement", "avertissements"),
              "info": ("information", "informations")}  # fmt: skip
    expected = ", ".join(f"{s[k]} {plural[k][s[k] > 1]}" for k in ("error", "warning", "info"))
    assert result.stdout.rstrip("\n").splitlines()[-1] == expected


def test_json_follows_the_spec(errors_dce):
    data = json_report(errors_dce)
    assert data["consultation"] == "travaux" and data["reviewed_at"] == DATE
    assert {p["path"] for p in data["pieces"]} == {"AAPC.pdf", "AE.odt", "CCAP.docx", "RC.pdf"}
    assert all(set(p) == {"path", "kind", "format", "pages", "paragraphs"} for p in data["pieces"])
    assert all(isinstance(lot["number"], str) for lot in data["lots"])
    codes = {f["code"] for f in data["findings"]}
    assert {"CS201", "CS204"} <= codes
    for finding in data["findings"]:
        assert set(finding["location"]) == {"page", "paragraph", "article"}
        assert finding["severity"] in ("error", "warning", "info")
    counted = {k: sum(f["severity"] == k for f in data["findings"]) for k in data["summary"]}
    assert counted == data["summary"]


def test_html_to_a_file_never_overwritten_without_force(errors_dce, tmp_path):
    out = tmp_path / "rapport.html"
    result = run(str(errors_dce), "--date", DATE, "--format", "html", "-o", str(out))
    assert result.exit_code == 1
    assert result.stdout == ""  # the report went to the file
    assert f"Rapport écrit dans {out}" in flat(result.output)
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="fr">' in html
    assert "CS201" in html and "Lots et heures d'insertion" in html

    out.write_text("ne pas écraser", encoding="utf-8")
    result = run(str(errors_dce), "--date", DATE, "--format", "html", "-o", str(out))
    assert result.exit_code == 2
    assert "existe déjà" in flat(result.output) and "--force" in flat(result.output)
    assert out.read_text(encoding="utf-8") == "ne pas écraser"

    result = run(str(errors_dce), "--date", DATE, "--format", "html", "-o", str(out), "--force")
    assert result.exit_code == 1 and "CS201" in out.read_text(encoding="utf-8")


def test_text_to_a_file_has_no_colour(errors_dce, tmp_path):
    out = tmp_path / "rapport.txt"
    assert run(str(errors_dce), "--date", DATE, "-o", str(out)).exit_code == 1
    assert "\x1b[" not in out.read_text(encoding="utf-8")


def test_colour_only_on_a_terminal_without_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert use_color(False, None) is True
    assert use_color(True, None) is False
    assert use_color(False, Path("rapport.txt")) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(False, None) is False


# ---------------------------------------------------------------- exit status


@pytest.mark.parametrize(
    ("fail_on", "expected"), [("error", 1), ("warning", 1), ("info", 1), ("never", 0)]
)
def test_exit_status_follows_fail_on_with_errors(errors_dce, fail_on, expected):
    result = run(str(errors_dce), "--date", DATE, "--fail-on", fail_on, "--format", "json")
    assert result.exit_code == expected, result.output


def test_exit_status_matches_the_worst_finding(clean_dce, errors_dce):
    rank = {"info": 1, "warning": 2, "error": 3}
    for folder in (clean_dce, errors_dce):
        data = json_report(folder)
        worst = max((rank[f["severity"]] for f in data["findings"]), default=0)
        for level in ("error", "warning", "info"):
            result = run(str(folder), "--date", DATE, "--fail-on", level)
            assert result.exit_code == (1 if worst >= rank[level] else 0), (folder, level)


def test_clean_consultation_exits_zero(clean_dce):
    result = run(str(clean_dce), "--date", DATE, "--fail-on", "info")
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip().splitlines()[-1] == "0 erreur, 0 avertissement, 0 information"


# ---------------------------------------------------------------- usage errors


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["/nulle/part/DCE"], "n'existe pas"),
        (["{dce}", "--corrections"], "--annotate"),
        (["{dce}", "--date", "25/11/2026"], "AAAA-MM-JJ"),
        (["{dce}", "--format", "pdf"], "--format"),
        (["{dce}", "--fail-on", "tout"], "--fail-on"),
        (["{dce}", "--option-inconnue"], "--option-inconnue"),
    ],
)
def test_usage_errors_exit_2(clean_dce, args, words):
    result = run(*[a.format(dce=clean_dce) for a in args])
    assert result.exit_code == 2, result.output
    assert words in flat(result.output)


def test_usage_errors_we_write_are_french(clean_dce):
    result = run("/nulle/part/DCE")
    assert result.output.startswith("Erreur : Le chemin /nulle/part/DCE n'existe pas")
    assert "Aide : " in flat(result.output)


def test_bad_profile_is_a_french_usage_error(clean_dce, tmp_path):
    profile = tmp_path / "profil.toml"
    profile.write_text("[heures]\ntaux_insertion = « beaucoup »\n", encoding="utf-8")
    result = run(str(clean_dce), "--profile", str(profile))
    assert result.exit_code == 2
    assert "Erreur : " in flat(result.output) and "profil.toml" in flat(result.output)
    result = run(str(clean_dce), "--profile", str(tmp_path / "absent.toml"))
    assert result.exit_code == 2 and "absent.toml" in flat(result.output)


# ---------------------------------------------------------------- annotated copies


def test_annotate_writes_copies_and_never_touches_the_originals(errors_dce, tmp_path):
    before = digest(errors_dce)
    out = tmp_path / "annotes"
    result = run(str(errors_dce), "--date", DATE, "--annotate", str(out), "--author", "C. Martin")
    assert result.exit_code == 1
    assert digest(errors_dce) == before
    names = sorted(p.name for p in out.iterdir())
    assert names == ["AAPC_annote.pdf", "AE_annote.odt", "CCAP_annote.docx", "RC_annote.pdf"]
    assert f"4 copies annotées dans {out}" in flat(result.output)

    from docx import Document

    data = json_report(errors_dce)
    on_ccap = [f for f in data["findings"] if f["piece"] == "CCAP.docx"]
    comments = list(Document(str(out / "CCAP_annote.docx")).comments)
    assert len(comments) == len(on_ccap)
    assert {c.author for c in comments} == {"C. Martin"}


def test_annotate_keeps_existing_copies_without_force(errors_dce, tmp_path):
    out = tmp_path / "annotes"
    assert run(str(errors_dce), "--date", DATE, "--annotate", str(out)).exit_code == 1
    copy = out / "CCAP_annote.docx"
    copy.write_bytes(b"retouche du facilitateur")
    result = run(str(errors_dce), "--date", DATE, "--annotate", str(out))
    assert "existe déjà" in flat(result.output) and "--force" in flat(result.output)
    assert copy.read_bytes() == b"retouche du facilitateur"
    result = run(str(errors_dce), "--date", DATE, "--annotate", str(out), "--force")
    assert copy.read_bytes() != b"retouche du facilitateur"
    assert "4 copies annotées" in flat(result.output)


def test_corrections_are_counted_and_written_as_tracked_changes(errors_dce, tmp_path):
    out = tmp_path / "annotes"
    result = run(str(errors_dce), "--date", DATE, "--annotate", str(out), "--corrections")
    assert "en suivi des modifications" in flat(result.output)
    from docx import Document

    body = Document(str(out / "CCAP_annote.docx")).element.body
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    insertions = ["".join(t.text for t in i.iter(ns + "t")) for i in body.iter(ns + "ins")]
    assert "article L2112-2 du Code de la commande publique" in insertions
    assert "France Travail" in insertions


def test_annotate_into_a_file_is_a_usage_error(clean_dce, tmp_path):
    target = tmp_path / "fichier"
    target.write_text("x")
    result = run(str(clean_dce), "--annotate", str(target))
    assert result.exit_code == 2 and "attend un dossier" in flat(result.output)


def test_avis_writes_the_facilitator_letter(errors_dce, tmp_path):
    from docx import Document

    out = tmp_path / "avis.docx"
    result = run(str(errors_dce), "--date", DATE, "--avis", str(out))
    assert result.exit_code == 1 and f"Avis du facilitateur écrit dans {out}" in flat(result.output)
    body = "\n".join(p.text for p in Document(out).paragraphs)
    assert "À corriger avant la publication" in body and "Article L2112-2" in body
    again = run(str(errors_dce), "--date", DATE, "--avis", str(out))
    assert again.exit_code == 2 and "--force" in flat(again.output)
    wrong = run(str(errors_dce), "--avis", str(tmp_path / "avis.pdf"))
    assert wrong.exit_code == 2 and ".docx" in flat(wrong.output)
    inside = run(str(errors_dce), "--avis", str(errors_dce / "avis.docx"))
    assert inside.exit_code == 2 and not (errors_dce / "avis.docx").exists()
