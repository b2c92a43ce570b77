"""The fast French tokenizer and its patterns."""

from __future__ import annotations

import pytest

from review import nlp


def test_elisions_hyphens_and_numbers_with_spaces():
    tokens = nlp.tokens(
        "Les heures d’insertion et d'insertion : 1 200 heures, 5\u202f404\u00a0000 € HT, e-mail"
    )
    assert "d’" in tokens and "d'" in tokens and tokens.count("insertion") == 2
    assert "1 200" in tokens and "5 404 000" in tokens
    assert tokens[-3:] == ["e", "-", "mail"]


def test_phone_numbers_are_not_joined():
    assert nlp.tokens("01 99 00 12 34") == ["01", "99", "00", "12", "34"]


@pytest.mark.parametrize(
    "text",
    [
        "heures d'insertion",
        "heure d’insertion",
        "heures insérées",
        "nombre d'heures de travail réservées à l'insertion",
        "heures de travail d'insertion",
        "HEURES D'INSERTION",
    ],
)
def test_insertion_hours_phrases(text):
    assert any(m.label == "HOURS_PHRASE" for m in nlp.find(text))


@pytest.mark.parametrize(
    "text, value",
    [("1 200 heures", 1200), ("1200 h", 1200), ("1.200 heures", 1200), ("1\u202f200 heures", 1200)],
)
def test_hours_quantities(text, value):
    found = [m for m in nlp.find(text) if m.label == "HOURS_QTY"]
    assert len(found) == 1 and int(nlp.parse_number(found[0].text.rsplit(" ", 1)[0])) == value


@pytest.mark.parametrize(
    "title",
    [
        "Clause sociale d'insertion",
        "CLAUSE D'INSERTION",
        "Insertion professionnelle",
        "Action d’insertion",
    ],
)
def test_clause_titles(title):
    assert any(m.label == "CLAUSE_TITLE" for m in nlp.find(title))


def test_near_miss_no_clause_title_in_ordinary_heading():
    assert not [
        m
        for m in nlp.find("Article 4 – Délais d'exécution et pénalités de retard")
        if m.label == "CLAUSE_TITLE"
    ]


def test_offsets_are_those_of_the_input():
    text = "Le titulaire réalise 1\u00a0200 heures d’insertion."
    for match in nlp.find(text):
        assert text[match.start : match.end] == match.text


def test_pipeline_is_built_once():
    assert nlp.get_nlp() is nlp.get_nlp()
