"""The consultation file (TOML) of docs/heures.md."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clausier.consultation_file import (
    ConsultationFileError,
    load_consultation_file,
)
from clausier.french import parse_amount
from clausier.hours import LotRequest, compute
from clausier.profile import load_profile

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

SPEC_EXAMPLE = """\
[consultation]
acheteur = "Communauté de communes …"
objet = "Construction d'un pôle enfance"
reference = "2026-014"
nature = "travaux"                    # travaux | services | fournitures
procedure = "procédure adaptée"       # or "appel d'offres ouvert", …
ccag = "travaux"                      # travaux | fcs | pi | tic | moe | mi
date_lancement = 2026-12-01
montant_estime = 2450000.0            # optional: the sum of the lots otherwise
accord_cadre = false                  # true: hours per year (duree_annees) or per tranche

[[lots]]
numero = "1"
intitule = "Gros œuvre – maçonnerie"
montant = 820000.0
metier = "gros_oeuvre"                # a key of the profile's trade table
# taux_main_oeuvre = 0.5              # optional overrides
# heures = 300
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "consultation.toml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(ConsultationFileError) as info:
        load_consultation_file(write(tmp_path, text))
    return str(info.value)


def test_the_example_of_the_spec(tmp_path):
    spec = load_consultation_file(write(tmp_path, SPEC_EXAMPLE))
    assert spec.buyer == "Communauté de communes …"
    assert spec.object == "Construction d'un pôle enfance"
    assert spec.reference == "2026-014"
    assert (spec.nature, spec.procedure, spec.ccag) == ("travaux", "procédure adaptée", "travaux")
    assert spec.launch_date == date(2026, 12, 1)
    assert spec.estimated_amount == 2_450_000.0 and spec.total_amount == 2_450_000.0
    assert spec.framework is False and spec.duration_years is None
    assert spec.lots == [LotRequest("1", "Gros œuvre – maçonnerie", 820_000.0, "gros_oeuvre")]


def test_total_amount_is_the_sum_of_the_lots_without_montant_estime(tmp_path):
    spec = load_consultation_file(
        write(
            tmp_path,
            '[consultation]\nobjet = "x"\n[[lots]]\nnumero = 1\nmontant = 100000\n'
            '[[lots]]\nnumero = "2"\nmontant = "250 000,50"\n',
        )
    )
    assert spec.estimated_amount is None
    assert spec.total_amount == 350_000.5
    assert [lot.number for lot in spec.lots] == ["1", "2"]


def test_overrides_and_framework(tmp_path):
    spec = load_consultation_file(
        write(
            tmp_path,
            """
[consultation]
nature = "services"
accord_cadre = true
duree_annees = 4

[[lots]]
numero = "1"
intitule = "Nettoyage des locaux"
montant = 400000.0
metier = "nettoyage"
taux_main_oeuvre = 0.8
taux_insertion = 0.1
heures = 300
""",
        )
    )
    assert spec.ccag == "fcs"  # default CCAG of services
    assert spec.framework and spec.duration_years == 4.0
    lot = spec.lots[0]
    assert (lot.labour_share, lot.insertion_rate, lot.hours) == (0.8, 0.1, 300)


def test_sample_consultation_gives_the_documented_hours():
    spec = load_consultation_file(SAMPLES / "consultation-travaux.toml")
    assert len(spec.lots) == 4 and spec.nature == "travaux"
    table = compute(spec.lots, load_profile(), spec.framework, spec.duration_years)
    assert [lot.hours for lot in table.lots] == [615, 270, 360, 910]
    assert table.total_hours == 2155
    example = compute(spec.lots, load_profile(SAMPLES / "profil-exemple.toml"))
    assert [lot.hours for lot in example.lots] == [640, 250, 340, 850]


def test_unknown_key_names_the_lot_and_line(tmp_path):
    message = error_of(
        tmp_path,
        '[consultation]\nobjet = "x"\n[[lots]]\nnumero = "1"\n[[lots]]\nnumero = "2"\nmontnat = 5\n',
    )
    assert "lots[2].montnat" in message and "ligne 7" in message and "« montant »" in message


def test_bad_values(tmp_path):
    message = error_of(tmp_path, '[consultation]\nnature = "travail"\n[[lots]]\nnumero = "1"\n')
    assert "consultation.nature" in message and "ligne 2" in message
    message = error_of(tmp_path, '[[lots]]\nnumero = "1"\ntaux_main_oeuvre = 45\n')
    assert "lots[1].taux_main_oeuvre" in message and "entre 0 et 1" in message
    message = error_of(tmp_path, '[[lots]]\nnumero = "1"\nmontant = "beaucoup"\n')
    assert "lots[1].montant" in message and "ligne 3" in message
    message = error_of(
        tmp_path, '[consultation]\ndate_lancement = "01/12/2026"\n[[lots]]\nnumero = "1"\n'
    )
    assert "date_lancement" in message and "AAAA-MM-JJ" in message
    message = error_of(tmp_path, '[[lots]]\nintitule = "x"\n')
    assert "numéro" in message and "ligne 1" in message


def test_no_lots_and_syntax_error(tmp_path):
    assert "aucun lot" in error_of(tmp_path, '[consultation]\nobjet = "x"\n')
    message = error_of(tmp_path, "[consultation]\nobjet = x\n")
    assert "syntaxe TOML" in message and "ligne 2" in message


def test_missing_file(tmp_path):
    with pytest.raises(ConsultationFileError, match="introuvable"):
        load_consultation_file(tmp_path / "absent.toml")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("820000", 820000.0),
        ("820 000", 820000.0),
        ("820\u00a0000", 820000.0),
        ("820000,50", 820000.5),
        ("820000.50", 820000.5),
        ("1 200 000 €", 1200000.0),
    ],
)
def test_parse_amount(text, value):
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "-5"])
def test_parse_amount_fr_refuses(text):
    with pytest.raises(ValueError):
        parse_amount(text)
