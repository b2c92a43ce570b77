"""Small formatting helpers (numbers, amounts, dates) for the fifth blind corpus."""

from __future__ import annotations

import datetime as dt
import math

MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]
ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]

# labour share: middle of reference.md § 6.2 ranges (blind corpora decision)
MO = {
    "vrd": 0.30, "gros_oeuvre": 0.45, "charpente_bois": 0.35, "charpente_metallique": 0.20,
    "couverture_etancheite": 0.40, "menuiseries_exterieures": 0.25, "menuiseries_interieures": 0.40,
    "platrerie": 0.55, "peinture": 0.65, "revetements_sols": 0.45, "electricite": 0.45,
    "plomberie_cvc": 0.35, "ascenseurs": 0.20, "espaces_verts_creation": 0.45,
    "espaces_verts_entretien": 0.65, "nettoyage": 0.85, "collecte_dechets": 0.55,
    "restauration": 0.45, "demolition_desamiantage": 0.50, "fournitures": 0.0,
}
# trades that are not in the default table (hours.md): a share chosen for this corpus only,
# CS403 is optional on these lots (the profile cannot compute them)
MO_HORS_TABLE = {"gardiennage": 0.85, "demenagement": 0.65, "blanchisserie": 0.55}
TAUX, COUT, PAS, MINI = 0.05, 30.0, 5, 70


def heures(amount, trade):
    """hours.md: arrondi(A × m × t / c), half up to the step; None under the minimum."""
    m = MO.get(trade, MO_HORS_TABLE.get(trade))
    if m is None:
        raise KeyError(trade)
    x = amount * m * TAUX / COUT
    h = int(math.floor(x / PAS + 0.5)) * PAS
    return h if h >= MINI else None


def raw_hours(amount, trade):
    m = MO.get(trade, MO_HORS_TABLE.get(trade))
    return amount * m * TAUX / COUT


def grp(n, sep=" "):
    s = f"{int(n):d}"
    out = ""
    while len(s) > 3:
        out = sep + s[-3:] + out
        s = s[:-3]
    return s + out


def eur(n, sep=" "):
    return grp(n, sep) + " € HT"


def hnum(n, style="plain"):
    """Typography of an hour figure: plain 1250, space 1 250, nbsp, nnbsp (narrow), dot 1.250."""
    sep = {"plain": "", "space": " ", "nbsp": "\u00a0", "nnbsp": "\u202f", "dot": "."}[style]
    return grp(n, sep) if sep else str(int(n))


def date_fr(d: dt.date, style=0):
    if style == 0:
        return f"{d.day if d.day > 1 else '1er'} {MOIS[d.month - 1]} {d.year}"
    if style == 1:
        return d.strftime("%d/%m/%Y")
    if style == 2:
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    return f"{d.day} {MOIS[d.month - 1]} {d.year}"


def pdate(s):
    return dt.date.fromisoformat(s)
