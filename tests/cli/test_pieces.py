"""`clausier pieces PATH`: what was read, for people (text) and programs (json)."""

from __future__ import annotations

import json

from click.testing import CliRunner
from clitext import flat

from apps.cli import cli
from tools.simple_documents import Doc, H, P, write


def _folder(tmp_path):
    root = tmp_path / "DCE"
    write(
        root / "02_CCAP.docx",
        Doc().add(
            P("Cahier des clauses administratives particulières"),
            H("ARTICLE 1 – Objet"),
            P("Texte."),
            H("1.1 Lots", 2),
            H("ARTICLE 2 – Clause sociale d'insertion"),
        ),
    )
    write(root / "01_RC.pdf", Doc().add(P("Règlement de la consultation"), H("ARTICLE 1 – Objet")))
    (root / "vide.odt").write_bytes(b"")
    return root


def test_text_output(tmp_path):
    result = CliRunner().invoke(cli, ["pieces", str(_folder(tmp_path))])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Consultation : DCE — 3 fichiers" in out
    assert (
        "02_CCAP.docx\n  type : CCAP — titre : « Cahier des clauses administratives particulières »"
        in out
    )
    assert "  format : pdf, 1 page" in out
    assert "    1 Objet\n      1.1 Lots\n    2 Clause sociale d'insertion" in out
    assert "CS901 erreur : vide.odt est vide" in out


def test_json_output(tmp_path):
    result = CliRunner().invoke(cli, ["pieces", str(_folder(tmp_path)), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["consultation"] == "DCE"
    pieces = {p["path"]: p for p in data["pieces"]}
    ccap = pieces["02_CCAP.docx"]
    assert ccap["kind"] == "CCAP" and ccap["format"] == "docx" and ccap["paragraphs"] == 5
    assert [
        (a["number"], a["title"], [c["number"] for c in a["children"]]) for a in ccap["articles"]
    ] == [
        ("1", "Objet", ["1.1"]),
        ("2", "Clause sociale d'insertion", []),
    ]
    assert ccap["articles"][0]["paragraph"] == 1
    assert pieces["01_RC.pdf"]["pages"] == 1 and pieces["01_RC.pdf"]["articles"][0]["page"] == 1
    assert [f["code"] for f in pieces["vide.odt"]["findings"]] == ["CS901"]
    assert len(ccap["sha256"]) == 64


def test_missing_path_is_a_usage_error_in_french(tmp_path):
    result = CliRunner().invoke(cli, ["pieces", str(tmp_path / "absent")])
    assert result.exit_code == 2
    assert "n'existe pas" in flat(result.output) and "absent" in flat(result.output)


def test_help_is_french():
    result = CliRunner().invoke(cli, ["pieces", "--help"])
    assert result.exit_code == 0 and "plan des articles" in flat(result.output)
