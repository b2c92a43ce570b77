"""Eligible public: « publics éligibles », « demandeurs d'emploi de longue durée »,
« bénéficiaires du RSA », « RQTH », « jeunes de moins de 26 ans »…"""

from __future__ import annotations

from typing import TYPE_CHECKING

from review.facts._matched import add_matches

if TYPE_CHECKING:
    from review.facts import Facts, PieceText


def extract(text: PieceText, facts: Facts) -> None:
    add_matches(text, facts, "PUBLIC", "public")
