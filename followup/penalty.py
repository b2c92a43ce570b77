"""The penalty per hour not done: a number of € HT, or a SMIC formula evaluated with the
SMIC in force at the lot's planned end (dated law data, `clausier.law`)."""

from __future__ import annotations

import re
from datetime import date

from clausier.law import load_law

_COEFFICIENT = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(?:[x×*]|fois)\s*(?:le\s+)?smic|smic[^0-9]{0,40}?(?:[x×*]|fois)\s*(\d+(?:[.,]\d+)?)",
    re.IGNORECASE,
)
_AMOUNT = re.compile(r"(\d+(?:[  .]\d{3})*(?:[.,]\d+)?)\s*(?:€|euros?)", re.IGNORECASE)


def smic_coefficient(text: str) -> float | None:
    """« 1,5 × SMIC horaire brut » -> 1.5; « SMIC horaire » -> 1.0; no SMIC -> None."""
    if "smic" not in text.lower():
        return None
    match = _COEFFICIENT.search(text)
    if match is None:
        return 1.0
    return float((match[1] or match[2]).replace(",", "."))


def penalty_amount(number: float | None, text: str | None, on: date | None) -> float | None:
    """€ HT per hour not done: the number, else the formula with the SMIC on `on`."""
    if number is not None:
        return number
    if not text:
        return None
    coefficient = smic_coefficient(text)
    if coefficient is not None:
        smic = load_law().smic_on(on or date.today())
        return round(coefficient * smic, 2)
    match = _AMOUNT.search(text)
    if match:
        return float(re.sub(r"[  .](?=\d{3})", "", match[1]).replace(",", "."))
    return None


def split_penalty(value: float | str | None) -> tuple[float | None, str | None]:
    """(number, text) as the store keeps them."""
    if value is None or value == "":
        return None, None
    if isinstance(value, int | float):
        return float(value), None
    return None, str(value).strip()
