"""SIRET: 14 digits, the Luhn check (La Poste's establishments excepted)."""

from __future__ import annotations

import functools
import re

LA_POSTE_SIREN = "356000000"


def clean_siret(text: object) -> str:
    """« 123 456 789 00017 » -> « 12345678900017 » (spaces, dots and dashes removed)."""
    return re.sub(r"[\s.\-\u00a0\u202f]", "", str(text or ""))


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def siret_problem(text: object) -> str | None:
    """None when `text` is a valid SIRET, else the French reason (without a final dot)."""
    return _siret_problem(str(text or ""))


@functools.lru_cache(maxsize=4096)
def _siret_problem(text: str) -> str | None:
    siret = clean_siret(text)
    if not siret:
        return "le SIRET manque : 14 chiffres, sur l'avis de situation Sirene ou un Kbis"
    if not siret.isdigit() or len(siret) != 14:
        return (
            f"« {text} » n'est pas un SIRET : il faut 14 chiffres (espaces permis), "
            f"trouvé {len(re.sub(r'[^0-9]', '', siret))} chiffre(s)"
        )
    if siret.startswith(LA_POSTE_SIREN):
        if sum(int(c) for c in siret) % 5 == 0:
            return None
    elif luhn_ok(siret[:9]) and luhn_ok(siret):
        return None
    return (
        f"le SIRET {siret} ne passe pas le contrôle de clé (Luhn) : un chiffre est faux ou "
        "inversé ; recopiez-le depuis l'avis de situation Sirene (annuaire-entreprises.data.gouv.fr)"
    )
