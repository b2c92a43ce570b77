"""French numbers and dates as the follow-up writes them (« 1 012,5 h », « 30/06/2027 »)."""

from __future__ import annotations

from datetime import date

NBSP = "\u00a0"


def fr_number(value: float | int, decimals: int = 1) -> str:
    """1012.5 -> « 1 012,5 »; 615.0 -> « 615 »."""
    text = f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",")
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text.replace(" ", NBSP)


def fr_hours(value: float | int) -> str:
    return f"{fr_number(value)}{NBSP}h"


def fr_euros(value: float) -> str:
    text = fr_number(value, 2)
    if "," in text and len(text.split(",")[1]) == 1:
        text += "0"
    return f"{text}{NBSP}€"


def fr_day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def whole(value: float | None) -> float | int | None:
    """615.0 -> 615 (as the spec's JSON writes committed hours)."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
