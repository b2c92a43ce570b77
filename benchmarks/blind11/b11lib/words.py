"""Numbers written the way French buyers write them (blind11)."""

U = ("zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
     "dix-sept dix-huit dix-neuf").split()
T = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _w99(n):
    if n < 20:
        return U[n]
    t, u = divmod(n, 10)
    if t == 7:
        return "soixante et onze" if u == 1 else "soixante-" + U[10 + u]
    if t == 8:
        return "quatre-vingts" if u == 0 else "quatre-vingt-" + U[u]
    if t == 9:
        return "quatre-vingt-" + U[10 + u]
    if u == 0:
        return T[t]
    if u == 1:
        return T[t] + " et un"
    return T[t] + "-" + U[u]


def _w999(n):
    h, r = divmod(n, 100)
    if h == 0:
        return _w99(r)
    head = "cent" if h == 1 else U[h] + " cent" + ("s" if r == 0 else "")
    return head + (" " + _w99(r) if r else "")


def fr_words(n: int) -> str:
    assert 0 < n < 100000
    th, r = divmod(n, 1000)
    if th == 0:
        return _w999(r)
    head = "mille" if th == 1 else _w999(th).replace("cents", "cent").replace("vingts", "vingt") + " mille"
    return head + (" " + _w999(r) if r else "")


def num(n: int, style="sp") -> str:
    """1050 → '1 050' (sp), '1.050' (dot), '1050' (plain), '1\u00a0050' (nb)."""
    s = str(int(n))
    if len(s) <= 3 or style == "plain":
        return s
    sep = {"sp": " ", "dot": ".", "nb": "\u00a0"}[style]
    out = ""
    while len(s) > 3:
        out = sep + s[-3:] + out
        s = s[:-3]
    return s + out


def euros(a: float) -> str:
    return num(int(round(a)), "sp") + " € HT"


MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre"]


def date_long(d):
    j = "1er" if d.day == 1 else str(d.day)
    return f"{j} {MOIS[d.month - 1]} {d.year}"


def date_num(d):
    return d.strftime("%d/%m/%Y")
