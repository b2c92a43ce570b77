"""Small French helpers: numbers in words, dates, amounts, hours computation (hours.md defaults)."""

from __future__ import annotations

import datetime as dt
import math

UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
         "douze", "treize", "quatorze", "quinze", "seize"]
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]

# reference.md § 6.2: ranges of labour share; the middle of each range is used
LABOUR = {
    "vrd": (0.25, 0.35), "gros_oeuvre": (0.40, 0.50), "charpente_bois": (0.30, 0.40),
    "charpente_metallique": (0.20, 0.20), "couverture_etancheite": (0.35, 0.45),
    "menuiseries_exterieures": (0.20, 0.30), "menuiseries_interieures": (0.35, 0.45),
    "platrerie": (0.50, 0.60), "peinture": (0.60, 0.70), "revetements_sols": (0.40, 0.50),
    "electricite": (0.40, 0.50), "plomberie_cvc": (0.30, 0.40), "ascenseurs": (0.15, 0.25),
    "espaces_verts_creation": (0.40, 0.50), "espaces_verts_entretien": (0.60, 0.70),
    "nettoyage": (0.80, 0.90), "collecte_dechets": (0.50, 0.60), "restauration": (0.40, 0.50),
    "demolition_desamiantage": (0.40, 0.60), "fournitures": (0.0, 0.0),
}
RATE, COST, STEP, MINIMUM = 0.05, 30.0, 5, 70


def round_step(x, step=STEP):
    return int(math.floor(x / step + 0.5) * step)


def hours_for(amount, trade, share=None):
    lo, hi = LABOUR[trade]
    m = share if share is not None else round((lo + hi) / 2, 4)
    h = round_step(amount * m * RATE / COST)
    return h if h >= MINIMUM else None


def hours_range(amount, trade):
    lo, hi = LABOUR[trade]
    return amount * lo * RATE / COST, amount * hi * RATE / COST


def _below100(n):
    if n <= 16:
        return UNITS[n]
    if n < 20:
        return "dix-" + UNITS[n - 10]
    t, u = divmod(n, 10)
    if t in (7, 9):
        base = "soixante" if t == 7 else "quatre-vingt"
        rest = 10 + u
        if t == 7 and u == 1:
            return "soixante et onze"
        return base + "-" + _below100(rest)
    if t == 8:
        return "quatre-vingts" if u == 0 else "quatre-vingt-" + UNITS[u]
    if u == 0:
        return TENS[t]
    if u == 1:
        return TENS[t] + " et un"
    return TENS[t] + "-" + UNITS[u]


def words(n):
    if n < 100:
        return _below100(n)
    if n < 1000:
        c, r = divmod(n, 100)
        head = "cent" if c == 1 else UNITS[c] + " cent" + ("s" if r == 0 else "")
        return head if r == 0 else head + " " + _below100(r)
    m, r = divmod(n, 1000)
    head = "mille" if m == 1 else words(m) + " mille"
    return head if r == 0 else head + " " + words(r)


def num(n):
    """12 345 with a narrow no-break space as French typography (plain space here)."""
    s = f"{int(n):,}".replace(",", " ")
    return s


def euros(a, style=0):
    if style == 0:
        return f"{num(a)} € HT"
    if style == 1:
        return f"{num(a)},00 euros HT"
    return f"{int(a)} € H.T."


def parse_date(s):
    return dt.date.fromisoformat(s)


def fr_date(s, style=0):
    d = parse_date(s)
    if style == 0:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == 1:
        return d.strftime("%d/%m/%Y")
    if style == 2:
        return f"{'1er' if d.day == 1 else d.day} {MONTHS[d.month - 1]} {d.year}"
    return d.strftime("%d.%m.%Y")
