"""Nombres en toutes lettres (orthographe traditionnelle) et petits formats."""

U = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
     "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]
D = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _lt100(n):
    if n < 20:
        return U[n]
    d, u = divmod(n, 10)
    if d in (7, 9):
        base = "soixante" if d == 7 else "quatre-vingt"
        r = 10 + u
        if d == 7 and u == 1:
            return "soixante et onze"
        return base + "-" + U[r]
    if d == 8:
        return "quatre-vingts" if u == 0 else "quatre-vingt-" + U[u]
    if u == 0:
        return D[d]
    if u == 1:
        return D[d] + " et un"
    return D[d] + "-" + U[u]


def _lt1000(n, final=True):
    c, r = divmod(n, 100)
    if c == 0:
        return _lt100(r)
    head = "cent" if c == 1 else U[c] + " cent"
    if r == 0:
        return head + ("s" if c > 1 and final else "")
    return head + " " + _lt100(r)


def fr(n):
    n = int(n)
    if n == 0:
        return "zéro"
    parts = []
    m, r = divmod(n, 1_000_000)
    if m:
        parts.append(_lt1000(m) + (" million" if m == 1 else " millions"))
    k, r = divmod(r, 1000)
    if k:
        parts.append("mille" if k == 1 else _lt1000(k, final=False) + " mille")
    if r:
        parts.append(_lt1000(r))
    s = " ".join(parts)
    return s.replace("quatre-vingts mille", "quatre-vingt mille")


def eur(n):
    s = f"{int(n):,}".replace(",", " ")
    return s


MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]


def date_fr(iso):
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{'1er' if d == 1 else d} {MOIS[m - 1]} {y}"


if __name__ == "__main__":
    for x in (210, 285, 80, 81, 71, 91, 1000, 1200, 120000, 180000, 2450000, 300, 200, 95):
        print(x, fr(x))
