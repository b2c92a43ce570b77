"""Numbers written the ways French buyers write them: thousands separated by a space, a
no-break space (U+00A0), a narrow no-break space (U+202F) or a dot; amounts « 1.250.000 € »,
« 1 250 000,00 € H.T. », « 1 250 k€ »; hours « 850 h », « 850 hrs », « 850 heures »,
« huit cent cinquante (850) heures ». Traditional spelling for the words."""

from __future__ import annotations

from fractions import Fraction

NBSP = "\u00a0"
NNBSP = "\u202f"
SEPS = {"space": " ", "nbsp": NBSP, "nnbsp": NNBSP, "dot": "."}

_UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
          "onze", "douze", "treize", "quatorze", "quinze", "seize"]
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _below_100(n, final=True):
    if n <= 16:
        return _UNITS[n]
    if n < 20:
        return "dix-" + _UNITS[n - 10]
    t, u = divmod(n, 10)
    if t in _TENS:
        if u == 0:
            return _TENS[t]
        if u == 1:
            return _TENS[t] + " et un"
        return _TENS[t] + "-" + _UNITS[u]
    if t == 7:
        if n == 71:
            return "soixante et onze"
        return "soixante-" + _below_100(n - 60)
    # 80-99
    if n == 80:
        return "quatre-vingts" if final else "quatre-vingt"
    return "quatre-vingt-" + _below_100(n - 80)


def _below_1000(n, final=True):
    h, r = divmod(n, 100)
    if h == 0:
        return _below_100(r, final)
    head = "cent" if h == 1 else _UNITS[h] + " cent"
    if r == 0:
        return head + ("s" if h > 1 and final else "")
    return head + " " + _below_100(r, final)


def words(n: int) -> str:
    if n == 0:
        return "zéro"
    th, r = divmod(n, 1000)
    parts = []
    if th:
        parts.append("mille" if th == 1 else _below_1000(th, final=False) + " mille")
    if r:
        parts.append(_below_1000(r, final=True))
    return " ".join(parts)


def grp(n: int, sep: str = "space") -> str:
    s = str(int(n))
    ch = SEPS.get(sep, sep)
    out = []
    while len(s) > 3:
        out.insert(0, s[-3:])
        s = s[:-3]
    out.insert(0, s)
    return ch.join(out)


def amount(a: float, style: str = "plain", sep: str = "space") -> str:
    a = int(round(a))
    if style == "plain":
        return f"{grp(a, sep)} € HT"
    if style == "dec":
        return f"{grp(a, sep)},00 € H.T."
    if style == "dots":
        return f"{grp(a, 'dot')} € HT"
    if style == "euros":
        return f"{grp(a, sep)} euros hors taxes"
    if style == "keur":
        return f"{grp(a // 1000, sep)}" if a % 1000 == 0 else f"{a / 1000:.1f}".replace(".", ",")
    raise ValueError(style)


def hours(n: int, style: str = "heures", sep: str = "space") -> str:
    g = grp(n, sep)
    if style == "heures":
        return f"{g} heures"
    if style == "h":
        return f"{g} h"
    if style == "hrs":
        return f"{g} hrs"
    if style == "H":
        return f"{g} H"
    if style == "words":
        return f"{words(n)} ({g}) heures"
    raise ValueError(style)


# ------------------------------------------------------------------ the calculation (hours.md)
# Labour shares: the middle of the ranges of reference.md § 6.2.
MO = {
    "vrd": Fraction(30, 100), "gros_oeuvre": Fraction(45, 100), "charpente_bois": Fraction(35, 100),
    "charpente_metallique": Fraction(20, 100), "couverture_etancheite": Fraction(40, 100),
    "menuiseries_exterieures": Fraction(25, 100), "menuiseries_interieures": Fraction(40, 100),
    "platrerie": Fraction(55, 100), "peinture": Fraction(65, 100), "revetements_sols": Fraction(45, 100),
    "electricite": Fraction(45, 100), "plomberie_cvc": Fraction(35, 100), "ascenseurs": Fraction(20, 100),
    "espaces_verts_creation": Fraction(45, 100), "espaces_verts_entretien": Fraction(65, 100),
    "nettoyage": Fraction(85, 100), "collecte_dechets": Fraction(55, 100), "restauration": Fraction(45, 100),
    "demolition_desamiantage": Fraction(50, 100), "fournitures": Fraction(0),
}
# Ranges of reference.md § 6.2 (low, high), for the CS401 / CS403 margins.
MO_RANGE = {
    "vrd": (0.25, 0.35), "gros_oeuvre": (0.40, 0.50), "charpente_bois": (0.30, 0.40),
    "charpente_metallique": (0.20, 0.20), "couverture_etancheite": (0.35, 0.45),
    "menuiseries_exterieures": (0.20, 0.30), "menuiseries_interieures": (0.35, 0.45),
    "platrerie": (0.50, 0.60), "peinture": (0.60, 0.70), "revetements_sols": (0.40, 0.50),
    "electricite": (0.40, 0.50), "plomberie_cvc": (0.30, 0.40), "ascenseurs": (0.15, 0.25),
    "espaces_verts_creation": (0.40, 0.50), "espaces_verts_entretien": (0.60, 0.70),
    "nettoyage": (0.80, 0.90), "collecte_dechets": (0.50, 0.60), "restauration": (0.40, 0.50),
    "demolition_desamiantage": (0.40, 0.60), "fournitures": (0.0, 0.0),
}
RATE = Fraction(5, 100)
COST = Fraction(30)
STEP = 5
MIN_H = 70


def raw_hours(a, trade) -> Fraction:
    return Fraction(int(a)) * MO[trade] * RATE / COST


def round5(x: Fraction) -> int:
    """Half up to the nearest multiple of 5."""
    q = x / STEP
    n = int(q)
    if q - n >= Fraction(1, 2):
        n += 1
    return n * STEP


def computed(a, trade):
    r = raw_hours(a, trade)
    if r < MIN_H:
        return None
    return round5(r)


def labour_hours(a, trade) -> int:
    """Hours of labour (A × m / c), shown by the bailleurs, rounded to 5 h."""
    return round5(Fraction(int(a)) * MO[trade] / COST)


def range_hours(a, trade):
    lo, hi = MO_RANGE[trade]
    return a * lo * 0.05 / 30, a * hi * 0.05 / 30
