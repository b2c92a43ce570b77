"""One amount grammar: the command line (`hours --lot`), the consultation file and the web
hours form accept and refuse the same inputs, with the same value (clausier.french)."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from apps.cli import cli
from clausier.consultation_file import ConsultationFileError, load_consultation_file
from clausier.french import parse_amount

ACCEPTED = [
    ("820000", 820000.0),
    ("820 000", 820000.0),
    ("820\u00a0000", 820000.0),
    ("820\u202f000,50 € HT", 820000.5),
    ("1.200.000", 1200000.0),
    ("820.000,50", 820000.5),
    ("820000.5", 820000.5),
    ("820000,50", 820000.5),
    ("1 200 000 €", 1200000.0),
    ("1 200 000 EUR", 1200000.0),
]
REFUSED = ["abc", "-5", "1,2,3", "12e5", "1.2.3", "€"]


def cli_amount(text: str) -> float | None:
    result = CliRunner().invoke(
        cli, ["hours", "--lot", f"1;Gros œuvre;{text};gros_oeuvre", "--format", "json"]
    )
    if result.exit_code != 0:
        return None
    return json.loads(result.stdout)["lots"][0]["amount_ht"]


def file_amount(text: str, tmp_path) -> float | None:
    path = tmp_path / "consultation.toml"
    path.write_text(
        '[consultation]\nacheteur = "Ville"\nobjet = "Travaux"\nreference = "2026-1"\n'
        'nature = "travaux"\n\n[[lots]]\nnumero = "1"\nintitule = "Gros œuvre"\n'
        f'montant = "{text}"\nmetier = "gros_oeuvre"\n',
        encoding="utf-8",
    )
    try:
        return load_consultation_file(path).lots[0].amount_ht
    except ConsultationFileError:
        return None


def web_hours(text: str, client) -> list[str] | None:
    """The hours table the web form shows for one lot of that amount; None when refused.
    (The page shows hours, not the amount: the same amount gives the same hours.)"""
    page = client.post(
        "/heures",
        data={
            "numero": ["1"],
            "intitule": ["Gros œuvre"],
            "montant": [text],
            "metier": ["gros_oeuvre"],
            "action": "calculer",
        },
    )
    if page.status_code == 400:
        assert 'role="alert"' in page.text
        return None
    assert page.status_code == 200
    return re.findall(r"<strong>([^<]*)</strong>", page.text)


@pytest.mark.parametrize(("text", "value"), ACCEPTED)
def test_accepted_everywhere_with_the_same_value(text, value, tmp_path, client):
    assert parse_amount(text) == value
    assert cli_amount(text) == value
    assert file_amount(text, tmp_path) == value
    shown = web_hours(text, client)
    assert shown and shown == web_hours(repr(value), client)


@pytest.mark.parametrize("text", REFUSED)
def test_refused_everywhere(text, tmp_path, client):
    with pytest.raises(ValueError):
        parse_amount(text)
    assert cli_amount(text) is None
    assert file_amount(text, tmp_path) is None
    assert web_hours(text, client) is None
