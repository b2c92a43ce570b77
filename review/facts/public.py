"""Eligible public: « publics éligibles », « demandeurs d'emploi de longue durée »,
« bénéficiaires du RSA », « RQTH », « jeunes de moins de 26 ans »…"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from review.facts._matched import add_matches

if TYPE_CHECKING:
    from review.facts import Facts, PieceText


# The law's own words for the public (« personnes éloignées de l'emploi », « difficultés
# sociales ou professionnelles ») say what a clause is, not whom it admits: alone, they
# define no public, unless the sentence says who is eligible or who validates it, or
# lists real categories beside them.
_GENERIC = re.compile(r"^(?:personnes?|publics?)\s+eloigne|^difficultes?\b")
_ELIGIBILITY = re.compile(
    r"eligib|peuvent beneficier|pourront beneficier|sont concernes|publics? vises?"
    r"|valid|agre|orient|prescri"
    # or a list that names real categories beside the law's words
    r"|\brsa\b|rqth|\bqpv\b|pass iae|demandeurs? d'emploi|jeunes|handicap|beneficiaires"
)


def _defines_public(match: str, sentence: str, offset: int) -> bool:
    return not _GENERIC.search(match) or bool(_ELIGIBILITY.search(sentence))


def extract(text: PieceText, facts: Facts) -> None:
    add_matches(text, facts, "PUBLIC", "public", keep=_defines_public)
