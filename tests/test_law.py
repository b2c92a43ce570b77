from datetime import date

from clausier.law import load_law, normalise_ccp_article


def test_thresholds_follow_the_launch_date():
    law = load_law()
    assert law.eu_threshold("travaux", on=date(2026, 12, 1)) == 5_404_000
    assert law.eu_threshold("travaux", on=date(2025, 6, 1)) == 5_538_000
    assert law.eu_threshold("services", on=date(2026, 12, 1)) == 216_000
    assert law.eu_threshold("services", "etat", on=date(2026, 12, 1)) == 140_000
    assert law.eu_threshold("fournitures", "entite_adjudicatrice", on=date(2026, 2, 1)) == 432_000


def test_outdated_thresholds_depend_on_the_date():
    law = load_law()
    assert 221_000 in law.outdated_thresholds(date(2026, 11, 25))
    assert 221_000 not in law.outdated_thresholds(date(2025, 6, 1))
    # 140 000 is the State threshold in 2022-2023 and again in 2026-2027: never outdated then.
    assert 140_000 not in law.outdated_thresholds(date(2026, 11, 25))


def test_social_obligation_from_21_august_2026_at_the_threshold():
    law = load_law()
    applies = law.social_obligation_applies
    assert applies(date(2026, 8, 21), 5_404_000, "travaux")
    assert not applies(date(2026, 8, 20), 9_000_000, "travaux")
    assert not applies(date(2026, 12, 1), 5_403_999, "travaux")
    assert applies(date(2026, 12, 1), 216_000, "services")
    assert not applies(date(2026, 12, 1), 216_000, "services", defence=True)
    assert not applies(None, 1e9, "travaux")


def test_names_texts_and_ccag():
    law = load_law()
    assert [n.old for n in law.obsolete_names_on(date(2023, 6, 1))].count("Pôle emploi") == 0
    names = [n.old for n in law.obsolete_names_on(date(2026, 1, 1))]
    assert names.index("agrément Pôle emploi") < names.index("Pôle emploi")
    assert law.repealed_text("cmp").articles["14"] == "L2112-2"
    assert law.repealed_text("decret_2016_360").articles["62"] == "R2152-7"
    assert law.ccag_insertion_article("travaux") == "20.1"
    assert law.ccag_insertion_article("FCS") == "16.1"
    assert law.ccag_insertion_article("moe") == "18.1"
    assert law.mechanism_of("L. 2113-13") == "marche_reserve"
    assert law.mechanism_of("L.2112-2") == "condition_execution"
    assert normalise_ccp_article("R. 2152-7") == "R2152-7"


def test_smic_values():
    law = load_law()
    assert law.smic_on(date(2026, 11, 25)) == 12.02
    assert (date(2024, 1, 1), 11.65) in law.smic_values_before(date(2026, 11, 25))
    assert all(v != 12.02 for _, v in law.smic_values_before(date(2026, 11, 25)))
