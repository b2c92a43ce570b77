"""The insertion hours calculation (docs/heures.md)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clausier.hours import (
    HoursTable,
    LotRequest,
    compute,
    compute_lot,
    expected_range,
    guess_trade,
    raw_hours,
    requests_from_lots,
    round_half_up,
)
from clausier.model import Lot
from clausier.profile import load_profile


@pytest.fixture(scope="module")
def profile():
    return load_profile()


def test_worked_example_of_the_spec_gives_835(profile):
    # A = 1 000 000, m = 0.50, t = 0.05, c = 30 -> 833.3 -> 835
    lot = compute_lot(LotRequest("1", "Gros œuvre", 1_000_000.0, labour_share=0.50), profile)
    assert lot.hours == 835
    assert lot.hours_worked == pytest.approx(16666.67, abs=0.01)
    assert lot.to_dict()["hours_worked"] == 16666.7


def test_json_of_a_lot_has_the_keys_of_the_spec(profile):
    example = replace(profile, name="Exemple — territoire")
    example.trades = dict(profile.trades)
    example.trades["gros_oeuvre"] = replace(profile.trades["gros_oeuvre"], labour_share=0.5)
    table = compute([LotRequest("1", "Gros œuvre", 1_000_000.0, "gros_oeuvre")], example)
    assert table.to_dict() == {
        "profile": "Exemple — territoire",
        "lots": [
            {
                "number": "1",
                "title": "Gros œuvre",
                "amount_ht": 1000000.0,
                "trade": "gros_oeuvre",
                "labour_share": 0.5,
                "insertion_rate": 0.05,
                "hourly_cost": 30.0,
                "hours_worked": 16666.7,
                "hours": 835,
                "note": None,
            }
        ],
        "total_hours": 835,
    }


@pytest.mark.parametrize(
    ("raw", "step", "expected"),
    [
        ("832.5", 5, 835),  # exactly half a step: up
        ("832.4999", 5, 830),
        ("837.5", 5, 840),
        ("833.3", 5, 835),
        ("835", 10, 840),  # half of 10: up
        ("834.9", 10, 830),
        ("17.5", 35, 35),
        ("0", 5, 0),
    ],
)
def test_rounding_is_half_up_to_the_step(raw, step, expected):
    from decimal import Decimal

    assert round_half_up(Decimal(raw), step) == expected


def test_half_up_is_exact_despite_binary_floats(profile):
    # 390 000 × 0.55 × 0.05 / 30 = 357.5 exactly (floats say 357.50000000000006)
    assert raw_hours(390_000, 0.55, 0.05, 30) == 357.5
    # 1 110 000 × 0.45 × 0.05 / 30 = 832.5: half of a step goes up (Python's round() -> 830)
    lot = compute_lot(LotRequest("1", "Gros œuvre", 1_110_000.0, "gros_oeuvre"), profile)
    assert lot.hours == 835
    lot = compute_lot(LotRequest("3", "Plâtrerie", 390_000.0, "platrerie"), profile)
    assert lot.hours == 360


def test_below_the_minimum_no_hours_and_a_french_reason(profile):
    lot = compute_lot(LotRequest("2", "Peinture", 50_000.0, "peinture"), profile)
    # 50 000 × 0.70 × 0.05 / 30 = 58.3 h < 70 h
    assert lot.hours is None
    assert lot.note == ("clause non proposée : volume trop faible (58,3 h calculées, minimum 70 h)")
    assert compute([LotRequest("2", "Peinture", 50_000.0, "peinture")], profile).total_hours == 0


def test_exactly_the_minimum_is_proposed(profile):
    # 60 000 × 0.70 × 0.05 / 30 = 70 h
    lot = compute_lot(LotRequest("2", "Peinture", 60_000.0, "peinture"), profile)
    assert lot.hours == 70 and lot.note is None


def test_override_of_the_labour_share_is_kept_and_shown(profile):
    lot = compute_lot(
        LotRequest("1", "Gros œuvre", 1_000_000.0, "gros_oeuvre", labour_share=0.5), profile
    )
    assert lot.hours == 835 and lot.labour_share == 0.5
    assert lot.overrides == ["labour_share"]
    assert "taux de main-d'œuvre fixé pour ce lot : 0,50 au lieu de 0,45" in lot.note
    assert lot.to_dict()["overrides"] == ["labour_share"]


def test_override_of_the_insertion_rate(profile):
    lot = compute_lot(
        LotRequest("1", "Gros œuvre", 1_000_000.0, "gros_oeuvre", insertion_rate=0.10), profile
    )
    assert lot.hours == 1500 and lot.insertion_rate == 0.10
    assert lot.overrides == ["insertion_rate"]
    assert "taux d'insertion fixé pour ce lot : 0,10 au lieu de 0,05" in lot.note


def test_override_of_the_hours_wins_even_below_the_minimum(profile):
    lot = compute_lot(LotRequest("1", "Gros œuvre", 1_000_000.0, "gros_oeuvre", hours=900), profile)
    assert lot.hours == 900
    assert lot.note == "heures fixées par l'acheteur : 900 h (calcul : 750 h)"
    small = compute_lot(LotRequest("2", "Peinture", 10_000.0, "peinture", hours=50), profile)
    assert small.hours == 50 and small.overrides == ["hours"]
    assert small.note.startswith("heures fixées par l'acheteur : 50 h")


def test_unknown_trade_names_it_and_says_how_to_add_it(profile):
    lot = compute_lot(LotRequest("3", "Vitrerie", 300_000.0, "vitrerie"), profile)
    assert lot.hours is None and lot.labour_share is None
    assert "métier « vitrerie » absent du profil" in lot.note
    assert "[metiers.vitrerie]" in lot.note and "taux_main_oeuvre" in lot.note


def test_unknown_trade_with_a_labour_share_override_is_computed(profile):
    lot = compute_lot(LotRequest("3", "Vitrerie", 300_000.0, "vitrerie", labour_share=0.3), profile)
    assert lot.hours == 150  # 300 000 × 0.3 × 0.05 / 30


def test_missing_amount_and_missing_trade(profile):
    no_amount = compute_lot(LotRequest("1", "Gros œuvre", None, "gros_oeuvre"), profile)
    assert no_amount.hours is None and "montant HT du lot inconnu" in no_amount.note
    no_trade = compute_lot(LotRequest("1", "Lot sans mot connu", 500_000.0), profile)
    assert no_trade.hours is None and "métier du lot inconnu" in no_trade.note


def test_trade_is_guessed_from_the_title_when_missing(profile):
    lot = compute_lot(LotRequest("2", "Lot 2 - Gros œuvre, maçonnerie", 820_000.0), profile)
    assert lot.trade == "gros_oeuvre" and lot.hours == 615
    assert "métier déduit de l'intitulé" in lot.note


def test_framework_per_year(profile):
    # 400 000 € over 4 years: 100 000 €/year × 0.85 × 0.05 / 30 = 141.7 -> 140 h per year
    lot = compute_lot(
        LotRequest("1", "Nettoyage", 400_000.0, "nettoyage"),
        profile,
        framework=True,
        duration_years=4,
    )
    assert lot.hours == 140 and lot.period == "year"
    assert "140 h par an" in lot.note
    assert lot.to_dict()["period"] == "year"


def test_framework_per_tranche(profile):
    tranche = replace(profile, framework_form="tranche", tranche_amount=50_000.0)
    # 50 000 × 0.42 × 0.05 / 30 = 35 h per tranche
    lot = compute_lot(
        LotRequest("1", "Voirie", 2_000_000.0, "vrd", labour_share=0.42), tranche, framework=True
    )
    assert lot.hours == 35 and lot.period == "tranche" and lot.tranche_amount_ht == 50_000.0
    assert "35 h par tranche de 50 000 € HT commandés" in lot.note
    assert lot.to_dict()["tranche_amount_ht"] == 50_000.0


def test_framework_minimum_is_checked_on_the_whole_contract(profile):
    tranche = replace(profile, framework_form="tranche")
    # 30 000 € in all: 30 000 × 0.30 × 0.05 / 30 = 15 h < 70 h: no clause
    small = compute_lot(LotRequest("1", "Voirie", 30_000.0, "vrd"), tranche, framework=True)
    assert small.hours is None and "volume trop faible" in small.note


def test_framework_per_year_without_duration_falls_back_to_tranches(profile):
    lot = compute_lot(LotRequest("1", "Nettoyage", 400_000.0, "nettoyage"), profile, framework=True)
    assert lot.period == "tranche" and "durée de l'accord-cadre inconnue" in lot.note


def test_not_a_framework_has_no_period(profile):
    lot = compute_lot(LotRequest("1", "Nettoyage", 400_000.0, "nettoyage"), profile)
    assert lot.period is None and "period" not in lot.to_dict()


def test_total_is_the_sum_of_proposed_hours(profile):
    table = compute(
        [
            LotRequest("1", "Gros œuvre", 820_000.0, "gros_oeuvre"),
            LotRequest("2", "Peinture", 10_000.0, "peinture"),
            LotRequest("3", "Peinture", 780_000.0, "peinture"),
        ],
        profile,
    )
    assert isinstance(table, HoursTable)
    assert [lot.hours for lot in table.lots] == [615, None, 910]
    assert table.total_hours == 1525


def test_expected_range_is_the_computed_hours_plus_or_minus_the_tolerance(profile):
    # 750 h computed, ±25 %: 562.5 -> 565, 937.5 -> 940
    assert expected_range(LotRequest("1", None, 1_000_000.0, "gros_oeuvre"), profile) == (565, 940)
    assert expected_range(LotRequest("1", None, None, "gros_oeuvre"), profile) is None
    assert expected_range(LotRequest("1", None, 1_000_000.0, "inconnu"), profile) is None
    assert expected_range(LotRequest("1", None, 1_000_000.0, None), profile) is None
    narrow = replace(profile, tolerance=0.0)
    assert expected_range(LotRequest("1", None, 1_000_000.0, "gros_oeuvre"), narrow) == (750, 750)


@pytest.mark.parametrize(
    ("title", "trade"),
    [
        ("Lot 2 - Gros œuvre, maçonnerie", "gros_oeuvre"),
        ("GROS OEUVRE", "gros_oeuvre"),
        ("Menuiseries extérieures aluminium", "menuiseries_exterieures"),
        ("Menuiseries intérieures bois", "menuiseries_interieures"),
        ("Charpente métallique - serrurerie", "charpente_metallique"),
        ("Charpente bois – couverture", "charpente_bois"),
        ("Lot 7 : Électricité CFO/CFA", "electricite"),
        ("Plomberie - chauffage - ventilation", "plomberie_cvc"),
        ("Fourniture et pose de carrelage", "revetements_sols"),
        ("Entretien des espaces verts", "espaces_verts_entretien"),
        ("Aménagement des espaces verts", "espaces_verts_creation"),
        ("Nettoyage des locaux", "nettoyage"),
        ("Désamiantage et démolition", "demolition_desamiantage"),
        ("Fourniture de mobilier scolaire", "fournitures"),
        # work named beside a supply word: the work's trade (blind5: catering as a supply)
        ("Confection et livraison des repas", "restauration"),
        # blind7: trades the titles name in other words
        ("Réseaux secs", "electricite"),
        ("Charpente – bardage métallique", "charpente_metallique"),
        ("Isolation des façades – ravalement", "gros_oeuvre"),
        ("Fourniture de denrées d'épicerie (livraison)", "fournitures"),
        ("Étanchéité toiture terrasse", "couverture_etancheite"),
        # blind14: a supply whose words name a trade; near misses: the work, the meal
        ("Fourniture de produits d'entretien et de consommables sanitaires", "fournitures"),
        ("Fourniture et pose d'appareils sanitaires", "plomberie_cvc"),
        ("Fourniture de repas en liaison froide", "restauration"),
        ("Fourniture et entretien des espaces verts", "espaces_verts_entretien"),
        # blind17: « (sans pose) » keeps a supply a supply
        ("Fourniture de paillasses et sorbonnes (sans pose)", "fournitures"),
    ],
)
def test_guess_trade(profile, title, trade):
    assert guess_trade(title, profile) == trade


def test_guess_trade_returns_none_when_nothing_matches(profile):
    assert guess_trade("Mission de conseil juridique", profile) is None
    assert guess_trade("", profile) is None


def test_requests_from_review_lots(profile):
    lots = [
        Lot(number="1", title="Gros œuvre – maçonnerie", amount_ht=820_000.0),
        Lot(number="2", title="Peinture", amount_ht=None, trade="peinture"),
        Lot(number="3", title=None, amount_ht=10_000.0),
    ]
    requests = requests_from_lots(lots, profile)
    assert requests == [
        LotRequest("1", "Gros œuvre – maçonnerie", 820_000.0, "gros_oeuvre"),
        LotRequest("2", "Peinture", None, "peinture"),
        LotRequest("3", None, 10_000.0, None),
    ]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("deux cent dix", 210),
        ("quatre-vingt-dix", 90),
        ("quatre-vingts", 80),
        ("soixante et onze", 71),
        ("mille deux cents", 1200),
        ("cent vingt mille", 120000),
        ("heures", None),  # not a number word
    ],
)
def test_number_from_words(words, value):
    from clausier.french import number_from_words

    assert number_from_words(words) == value
