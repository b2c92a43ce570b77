"""Eligible public: « publics éligibles », « demandeurs d'emploi de longue durée »,
« bénéficiaires du RSA », « RQTH », « jeunes de moins de 26 ans »…"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from review.facts._matched import add_matches

if TYPE_CHECKING:
    from review.facts import Facts, PieceText


# The law's own words for the public (« personnes éloignées de l'emploi », « difficultés
# sociales ou professionnelles ») are a public when the clause uses them (« 300 heures au
# bénéfice de personnes éloignées de l'emploi »), not when they only define the clause, in
# its legal basis or its mechanism (« 6.1 Cadre juridique », « réserver une part des heures
# de travail … à des personnes éloignées de l'emploi »), unless that sentence says who is
# eligible or lists real categories beside them. Three blind corpora read it so.
_GENERIC = re.compile(r"^(?:personnes?|publics?)\s+eloigne|^difficultes?\b")
_ELIGIBILITY = re.compile(
    r"eligib|peuvent beneficier|pourront beneficier|sont concernes|publics? vises?"
    r"|valid|agre|orient|prescri"
    r"|\brsa\b|rqth|\bqpv\b|pass iae|demandeurs? d'emploi|jeunes|handicap|beneficiaires"
)
_LEGAL_BASIS = re.compile(
    r"cadre juridique|fondement|base legale|contexte|\bl\.?\s?21\d\d-\d|\bconformement\b"
    r"|en application|au sens de|code de la commande publique|\bccag\b"
    # the mechanism itself: « réserver une part (une partie, une fraction) des heures … à
    # des personnes éloignées de l'emploi »
    r"|reserv\w*|(?:une |la )?(?:part|partie|fraction) des heures|consacre\w* a"
)


# « personnes du public visé », « parmi les publics éligibles »: the label used as a
# complement points back to a list given elsewhere; it is that list only where the sentence
# goes on to say who (« Le public visé est … », « Publics éligibles : … »), or stands alone
# as the label of the list below it (blind4: a clause with no list read as complete).
_LABEL = re.compile(
    r"^(?:publics?|personnes?|beneficiaires?)\s+(?:eligible|vise|concerne|cible|prioritaire)"
)
_COMPLEMENT_BEFORE = re.compile(r"\b(?:du|des|de|au|aux|parmi\s+les|parmi)\s*$")
_SAYS_WHO = re.compile(
    r":|\b(?:est|sont|s'entend|s'entendent|comprend|comprennent|designe|designent|regroupe"
    r"|correspond|recouvre|notamment|suivants?|suivantes?)\b"
)


def _defines_public(match: str, sentence: str, offset: int, headings: str) -> bool:
    if _LABEL.search(match) and _COMPLEMENT_BEFORE.search(sentence[:offset]):
        return bool(_SAYS_WHO.search(sentence[offset + len(match) :]))
    if not _GENERIC.search(match) or _ELIGIBILITY.search(sentence):
        return True
    return not (_LEGAL_BASIS.search(sentence) or _LEGAL_BASIS.search(headings))


def extract(text: PieceText, facts: Facts) -> None:
    add_matches(text, facts, "PUBLIC", "public", keep=_defines_public)
