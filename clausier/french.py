"""French wording of dates and numbers, and the Jinja2 environment of every HTML page.

One place for what the reports, the rules, the generated clauses, the batch index and the
web pages all write: « 1er décembre 2026 », « 1 200 », « 420 000 € HT ». Jinja2 is
imported only when a page is rendered."""

from __future__ import annotations

from datetime import date

FR_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def fr_date(value: date) -> str:
    """« 25 novembre 2026 » (« 1er » for the first day, as French usage wants)."""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {FR_MONTHS[value.month - 1]} {value.year}"


def fr_int(value: float | int | None) -> str:
    """« 1 200 » with a narrow no-break space as thousands separator; « — » for None."""
    if value is None:
        return "—"
    return f"{round(value):,}".replace(",", "\u202f")


def fr_amount(value: float | None) -> str:
    """« 420 000 € HT » (cents only when there are some)."""
    if value is None:
        return "—"
    if float(value).is_integer():
        text = fr_int(value)
    else:
        text = f"{value:,.2f}".replace(",", "\u202f").replace(".", ",")
    return f"{text}\u00a0€\u00a0HT"


def html_environment(package: str, folder: str = "templates"):
    """A Jinja2 environment over `package`'s templates, with the French filters.

    Every text shown may come from a tender document or an upload: autoescape it all;
    an unknown variable is an error, never a blank."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader(package, folder),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(fr_int=fr_int, fr_amount=fr_amount, fr_date=fr_date)
    return env
