"""Months written the ways people write them: « 2027-03 », « 03/2027 », « mars 2027 »,
« Mars-27 », or any date in the month (a date cell, « 15/03/2027 », « 2027-03-15 »)."""

from __future__ import annotations

import re
from datetime import date, datetime

from followup.vocab import key

MONTH_NAMES = {
    "janvier": 1, "janv": 1, "jan": 1,
    "fevrier": 2, "fevr": 2, "fev": 2,
    "mars": 3, "mar": 3,
    "avril": 4, "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7, "juil": 7,
    "aout": 8,
    "septembre": 9, "sept": 9, "sep": 9,
    "octobre": 10, "oct": 10,
    "novembre": 11, "nov": 11,
    "decembre": 12, "dec": 12,
}  # fmt: skip


class MonthError(ValueError):
    """The French reason a month cannot be read."""


def _year(text: str) -> int:
    year = int(text)
    return 2000 + year if year < 100 else year


def _checked(year: int, month: int, written: object) -> str:
    if not 1 <= month <= 12:
        raise MonthError(f"« {written} » : le mois {month} n'existe pas (les mois vont de 1 à 12)")
    if not 2000 <= year <= 2100:
        raise MonthError(f"« {written} » : l'année {year} n'est pas plausible")
    return f"{year:04d}-{month:02d}"


def parse_month(value: object) -> str:
    """The month « AAAA-MM » of a cell; MonthError (French) when it cannot be read."""
    if isinstance(value, datetime | date):
        return f"{value.year:04d}-{value.month:02d}"
    text = str(value or "").strip()
    if not text:
        raise MonthError("le mois manque")
    if m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[ T].*)?", text):
        return _checked(int(m[1]), int(m[2]), text)
    if m := re.fullmatch(r"(?:(\d{1,2})[-/.])?(\d{1,2})[-/.](\d{4}|\d{2})", text):
        return _checked(_year(m[3]), int(m[2]), text)
    words = key(text).replace("-", " ").split()
    if len(words) == 2 and words[1].isdigit() and len(words[1]) in (2, 4):
        name = words[0].rstrip(".")
        if name in MONTH_NAMES:
            return _checked(_year(words[1]), MONTH_NAMES[name], text)
    if len(words) == 3 and words[0].isdigit() and words[1] in MONTH_NAMES and words[2].isdigit():
        return _checked(_year(words[2]), MONTH_NAMES[words[1]], text)  # « 15 mars 2027 »
    raise MonthError(
        f"« {text} » n'est pas un mois lisible : écrivez 2027-03, 03/2027 ou mars 2027"
    )


def month_index(month: str) -> int:
    """« 2027-03 » -> a month count, to subtract months."""
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_from_index(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), kept inside the month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    import calendar

    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_end(month: str) -> date:
    import calendar

    year, number = int(month[:4]), int(month[5:7])
    return date(year, number, calendar.monthrange(year, number)[1])
