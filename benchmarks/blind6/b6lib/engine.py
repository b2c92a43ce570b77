"""Writes the pieces of one consultation from its description (cases.py) and derives its key.

The key follows benchmarks/blind/README.md: name, half, review_date, description, pieces
{file: KIND or None}, lots {lot: hours or {KIND: hours}}, findings, optional."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from fractions import Fraction
from pathlib import Path

from . import render as R
from . import words as W

# labour share: middle of the ranges of reference.md § 6.2
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
RATE, COST, STEP, MINH = Fraction(5, 100), Fraction(30), 5, 70
WORKS_EU = 5_404_000
FS_EU = {"local": 216_000, "state": 140_000}
OBLIGATION_DATE = dt.date(2026, 8, 21)


def raw_hours(amount, trade):
    return Fraction(amount) * MO[trade] * RATE / COST


def calc(amount, trade):
    """hours.md: round half up to the nearest multiple of 5; None under 70 h."""
    assert not (Fraction(135, 2) <= raw_hours(amount, trade) < MINH), ("ambiguous near the minimum", amount, trade)
    x = raw_hours(amount, trade) / STEP
    n = int(x)
    if x - n >= Fraction(1, 2):
        n += 1
    h = n * STEP
    return None if h < MINH else h


def r5(x):
    return int(Fraction(x) / 5 + Fraction(1, 2)) * 5


class Ctx:
    """Everything derived once for a consultation."""

    def __init__(self, case):
        self.c = case
        self.o = case["o"]
        self.rng = random.Random(case["name"])
        self.errs = case.get("errs", [])
        self.codes = [e[0] for e in self.errs]
        self.has_clause = not any(e[0] == "CS501" for e in self.errs) and not self.o.get("noclause")
        self.lots = case["lots"]
        # base hours per lot
        self.base = {}
        self.reason = {}
        for L in self.lots:
            n = L["num"]
            if not self.has_clause:
                continue
            if L["trade"] == "fournitures":
                self.reason[n] = "fourn"
                continue
            if L.get("nc"):
                self.reason[n] = "nc"
                continue
            if L.get("tf"):
                a, b = calc(L["tf"], L["trade"]), calc(L["amount"] - L["tf"], L["trade"])
                assert a and b, (case["name"], n)
                self.base[n] = a + b
                L["_split"] = (a, b)
                continue
            h = calc(L["amount"], L["trade"])
            if L.get("pse"):
                L["_pse_h"] = calc(L["pse"][1], L["trade"])
                assert L["_pse_h"], (case["name"], n)
            if h is None:
                self.reason[n] = "min"
            else:
                self.base[n] = h
        # stated hours per source ("CLAUSE", "RC", "AE", "FICHE") and lot
        self.stated = {}
        sources = ["CLAUSE"]
        if self.o.get("rc_hours") and "CS102" not in self.codes:
            sources.append("RC")
        if "CS103" not in self.codes and not self.o.get("no_ae"):
            sources.append("AE")
        if self.o.get("fiche"):
            sources.append("FICHE")
        if "CS101" in self.codes:
            sources = [s for s in sources if s != "CLAUSE"]
        if not self.has_clause:
            sources = []
        self.sources = sources
        for s in sources:
            self.stated[s] = dict(self.base)
        self.tbd = set()
        for e in self.errs:
            if e[0] == "CS403":
                _, lot, f = e
                v = r5(self.base[lot] * f)
                for s in sources:
                    self.stated[s][lot] = v
            elif e[0] == "CS405":
                _, lot, v = e
                for s in sources:
                    self.stated[s][lot] = v
            elif e[0] == "CS401":
                _, lot, src, v = e
                self.stated[src][lot] = v
            elif e[0] == "CS404":
                _, lot, src = e
                del self.stated[src][lot]
            elif e[0] == "CS301" and e[1] is not None:
                lot = e[1]
                for s in sources:
                    self.stated[s].pop(lot, None)
                self.tbd.add(lot)
            elif e[0] == "CS301":
                for s in sources:
                    self.stated[s] = {}
                self.tbd = set(self.base)
        self.concerned = [L["num"] for L in self.lots if L["num"] in self.base or L["num"] in self.tbd
                          or any(L["num"] in self.stated[s] for s in sources)]
        self.removed = {e[0] for e in self.errs if e[0] in ("CS302", "CS303", "CS304", "CS305", "CS306")}
        if "CS305" in self.removed or "CS308" in self.codes:
            self.removed.add("RETARD")
        self.pen_err = next((e[1] for e in self.errs if e[0] == "CS307"), None)
        self.ref_err = next(((e[0], e[1]) for e in self.errs if e[0] in ("CS201", "CS202", "CS203")
                             and e[1] in ("ord2015", "L2113-12", "R2152-7", "20.2", "2009")), None)
        self.bad204 = next((e[1] for e in self.errs if e[0] == "CS204"), ())
        self.total = sum(L["amount"] + (L.get("pse") or (None, 0))[1] for L in self.lots)
        thr = WORKS_EU if case["nature"] == "travaux" else FS_EU[case.get("btype", "local")]
        self.above = (case["launch"] >= OBLIGATION_DATE and self.total * case.get("years", 1) >= thr)
        self.sep = self.rng.choice([" ", "\u202f", " "])
        self.files = []  # (relative path, kind, text, how)
        lay, heads = self.o.get("layout", "classic"), self.o.get("ccap_heads", "styled")
        self.clause_ref = ("l'article « " + self.o.get("clause_title", "Clause sociale d'insertion") + " » du CCAP"
                           if heads in ("bold", "underline") else
                           {"classic": "l'article 6 du CCAP", "deep342": "l'article 3.4.2 du CCAP",
                            "art9": "l'article 9.2 du CCAP"}[lay])

    def hours_of(self, src, lot):
        return self.stated.get(src, {}).get(lot)

    def lot(self, n):
        return next(L for L in self.lots if L["num"] == n)


# ------------------------------------------------------------------ small helpers
def lot_label(L, style=0):
    n = L["num"]
    return {0: f"Lot {n} – {L['title']}", 1: f"Lot n° {n} : {L['title']}", 2: f"{n} – {L['title']}"}[style]


def hours_txt(ctx, L, v, words=False):
    s = f"{W.nb(v, ctx.sep)} heures"
    if words:
        s = f"{W.en_lettres(v)} heures ({W.nb(v, ctx.sep)} h)"
    if L.get("_split") and v == ctx.base.get(L["num"]):
        a, b = L["_split"]
        s += f" (dont {W.nb(a, ctx.sep)} h en tranche ferme et {W.nb(b, ctx.sep)} h en tranche optionnelle)"
    if L.get("_pse_h"):
        s += (f" pour la solution de base ; la PSE n° 1 ({L['pse'][0]}), si elle est retenue, ajoute "
              f"{W.nb(L['_pse_h'], ctx.sep)} heures")
    return s


def why_not(ctx, L, short=False):
    r = ctx.reason.get(L["num"])
    if r == "fourn":
        return "fourniture seule, sans main-d'œuvre sur le chantier" if short else \
            "sans objet (fourniture seule, sans main-d'œuvre sur le chantier)"
    if r == "nc":
        return L["nc"] if short else "non concerné – " + L["nc"]
    return "volume calculé inférieur à 70 heures" if short else "non concerné (volume calculé inférieur à 70 heures)"


# ------------------------------------------------------------------ the clause
HEADS = [
    ["Fondement et objet", "Heures d'insertion exigées", "Personnes éligibles", "Voies de réalisation",
     "Facilitateur", "Suivi de l'exécution", "Sanctions"],
    ["Cadre de la clause", "Volume horaire par lot", "Publics visés", "Modalités de mise en œuvre",
     "Accompagnement", "Justificatifs et contrôle", "Pénalités"],
    ["Objet de la clause", "Nombre d'heures", "Bénéficiaires", "Modes d'exécution", "Interlocuteur",
     "Compte rendu", "Manquements"],
]


def hours_blocks(ctx, src, style):
    c = ctx.c
    words = ctx.o.get("hours_words")
    rows_lots = [L for L in ctx.lots]
    out = []
    st = ctx.stated.get(src, {})
    if style == "table":
        rows = [["Lot", "Désignation", "Heures d'insertion"]]
        tot = 0
        for L in rows_lots:
            n = L["num"]
            if n in st:
                rows.append([n, L["title"], W.nb(st[n], ctx.sep) + " h" + (" (TF + TO)" if L.get("_split") else "")])
                tot += st[n]
            elif n in ctx.tbd:
                rows.append([n, L["title"], "à préciser"])
            elif n in ctx.base and ("CS404", n, src) in [tuple(e) for e in ctx.errs]:
                continue
            else:
                rows.append([n, L["title"], "—"])
        if ctx.o.get("total_row", True) and tot:
            bad = next((e[2] for e in ctx.errs if e[0] == "CS402" and e[1] == src), None)
            rows.append(["Total", "", W.nb(bad if bad else tot, ctx.sep) + " h"])
        out.append(("p", "Le nombre minimal d'heures d'insertion est fixé par lot comme suit :"))
        out.append(("t", rows))
        for L in rows_lots:
            if L.get("_split") and L["num"] in st:
                a, b = L["_split"]
                out.append(("p", f"Lot {L['num']} : {W.nb(a, ctx.sep)} heures en tranche ferme et "
                                 f"{W.nb(b, ctx.sep)} heures en tranche optionnelle, soit "
                                 f"{W.nb(st[L['num']], ctx.sep)} heures si la tranche optionnelle est affermie."))
            if L.get("_pse_h") and L["num"] in st:
                out.append(("p", f"Lot {L['num']} : le volume indiqué vaut pour la solution de base ; la PSE "
                                 f"n° 1 ({L['pse'][0]}), si elle est retenue, ajoute "
                                 f"{W.nb(L['_pse_h'], ctx.sep)} heures."))
        nc = [L for L in rows_lots if L["num"] not in st and L["num"] not in ctx.tbd and L["num"] not in ctx.base]
        for L in nc:
            out.append(("p", f"Lot {L['num']} : {why_not(ctx, L)}."))
    else:
        out.append(("p", "Le titulaire de chaque lot réalise au minimum le volume d'heures suivant :"))
        tot = 0
        for L in rows_lots:
            n = L["num"]
            if n in st:
                out.append(("li", f"{lot_label(L)} : {hours_txt(ctx, L, st[n], words and st[n] >= 100)} ;"))
                tot += st[n]
            elif n in ctx.tbd:
                out.append(("li", f"{lot_label(L)} : nombre d'heures à préciser ;"))
            elif n in ctx.base and ("CS404", n, src) in [tuple(e) for e in ctx.errs]:
                continue
            else:
                out.append(("li", f"{lot_label(L)} : {why_not(ctx, L)} ;"))
        bad = next((e[2] for e in ctx.errs if e[0] == "CS402" and e[1] == src), None)
        if ctx.o.get("total_row", True) and tot:
            out.append(("p", f"Soit un total de {W.nb(bad if bad else tot, ctx.sep)} heures pour l'opération."))
    if "1607" in ctx.o.get("traps", ()):
        out.append(("p", W.TRAPS["1607"]))
    return out


def clause_elements(ctx, pen_ref=None):
    """[(key, heading, blocks)] in order. pen_ref: text that replaces the penalties (general article)."""
    c, o, rng = ctx.c, ctx.o, ctx.rng
    heads = HEADS[o.get("heads", rng.randrange(3))]
    els = []
    lots_txt = ", ".join(ctx.concerned) if ctx.concerned else ""
    b = [("p", s) for s in W.basis(rng, c["nature"], ctx.above, ctx.ref_err if ctx.ref_err and
                                   ctx.ref_err_piece == "CLAUSE" else None)]
    if ("CS201", "cmp14_tracked") in [tuple(e[:2]) for e in ctx.errs] or o.get("tracked_ok"):
        b = []
        if o.get("tracked_ok"):
            b.append(("tr", "La présente clause est prise en application de l'",
                      "article 14 du code des marchés publics",
                      "article L. 2112-2 du code de la commande publique",
                      " et précise l'article 20.1 du CCAG-Travaux 2021."))
        else:
            b.append(("tr", "La présente clause est prise en application de l'",
                      "article L. 2112-2 du code de la commande publique",
                      "article 14 du code des marchés publics",
                      " et précise l'article 20.1 du CCAG-Travaux 2021."))
    b.append(("p", W.objet_sentence(rng, lots_txt)))
    els.append(("base", heads[0], b))
    if o.get("hours_in_clause", True):
        els.append(("heures", heads[1], hours_blocks(ctx, "CLAUSE", o.get("hours_style", "table"))))
    if "CS302" not in ctx.removed:
        pst = "list" if "CS305" in ctx.removed else o.get("publics", rng.choice(["list", "table", "prose"]))
        els.append(("publics", heads[2], W.publics(rng, pst, ctx.bad204 if ctx.bad204_piece == "CLAUSE" else (),
                                                   no_siae="CS303" in ctx.removed)))
    if "CS303" not in ctx.removed:
        mst = "list" if "CS305" in ctx.removed else o.get("modal", rng.choice(["list", "table", "prose"]))
        els.append(("modalites", heads[3], W.modalites(rng, mst)))
    if "CS304" not in ctx.removed:
        els.append(("facil", heads[4], W.facilitateur(rng, c["fac"], o.get("facstyle", rng.randrange(3)))))
    else:
        els.append(("facil", heads[4], [("p", "Le titulaire désigne un correspondant chargé de la clause, qui "
                                              "se tient à la disposition du facilitateur de l'acheteur.")]))
    if "CS305" not in ctx.removed:
        cst = o.get("ctrl", rng.randrange(3))
        if "CS303" in ctx.removed:
            cst = 2
        els.append(("controle", heads[5], W.controle(rng, cst)))
    if pen_ref:
        els.append(("penalites", heads[6], [("p", pen_ref)]))
    else:
        els.append(("penalites", heads[6], penalty_blocks(ctx)))
    return els


def penalty_blocks(ctx):
    o, rng = ctx.o, ctx.rng
    out = []
    if "CS306" not in ctx.removed:
        out += W.pen_heure(rng, o.get("penh", rng.randrange(3)), ctx.pen_err)
    if "RETARD" not in ctx.removed:
        out += W.pen_retard(rng, o.get("penr", rng.randrange(3)))
    if not out:
        out.append(("p", "Les pénalités de retard d'exécution sont celles de l'article « Pénalités »."))
    return out


def emit_clause(ctx, level, num, title, head_fn, style):
    """Blocks of the clause: heading (level, num) then elements in the chosen style."""
    out = [head_fn(level, num, title)]
    if ctx.o.get("pagebreak_after_clause_head"):
        out.append(("pb",))
    els = clause_elements(ctx, pen_ref=ctx.pen_ref)
    for i, (key, head, blocks) in enumerate(els, 1):
        if style == "sub" and num:
            out.append(head_fn(level + 1, f"{num}.{i}", head))
        elif style == "bold":
            out.append(("hb", head + (" :" if ctx.rng.random() < 0.5 else "")))
        elif style == "underline":
            out.append(("hu", head))
        out.extend(blocks)
    return out


# ------------------------------------------------------------------ CCAP
FILL = [
    "Les stipulations du présent cahier prévalent sur celles du CCAG en cas de contradiction ; la liste "
    "des dérogations figure au dernier article.",
    "Les ordres de service sont notifiés par voie électronique au mandataire du groupement, qui en accuse "
    "réception dans les conditions du CCAG-Travaux 2021.",
    "Les variations de prix suivent l'index BT 01 ou l'index propre au lot indiqué dans l'acte d'engagement ; "
    "le mois zéro est celui de la remise des offres.",
    "Une avance est accordée au titulaire dans les conditions fixées par le code de la commande publique, "
    "sauf renonciation expresse dans l'acte d'engagement.",
    "Le titulaire tient à jour sur le chantier le registre des visites et les documents exigés par le "
    "coordonnateur SPS.",
    "Le paiement des acomptes intervient dans le délai global de trente jours à compter de la réception de "
    "la demande de paiement.",
]


PHASES = [
    "installation de chantier, clôtures et accès provisoires, relevés contradictoires de l'existant.",
    "terrassements généraux et dévoiement des réseaux existants, sous le contrôle de l'exploitant.",
    "réalisation des fondations et des radiers, essais de portance préalables.",
    "élévation des ouvrages et mise hors d'eau du bâtiment d'exploitation.",
    "pose des équipements, raccordements et essais à vide, puis en charge.",
    "mise en service progressive, formation du personnel de l'exploitant et repli.",
    "levée des réserves et remise du dossier des ouvrages exécutés.",
]


def make_heading_fn(mode):
    def fn(level, num, text):
        if mode == "bold":
            return ("hb", text.upper() if level == 1 else text)
        if mode == "underline":
            return ("hu", text)
        if mode == "caps":
            return ("h", level, num, text.upper() if level == 1 else text)
        return ("h", level, num, text)
    return fn


def ccap_doc(ctx, fname_annexe=None):
    c, o, rng = ctx.c, ctx.o, ctx.rng
    mode = o.get("ccap_heads", "styled")
    hf = make_heading_fn(mode)
    hst = {"caps": "caps"}.get(mode, o.get("hstyle", "article_dash"))
    doc = R.Doc("Cahier des clauses administratives particulières (CCAP)", hstyle=hst,
                autonum=o.get("autonum", False) and mode in ("styled", "caps"),
                subtitle=f"{c['buyer']} — {c['objet']}", author=o.get("author", "Direction de la commande publique"))
    layout = o.get("layout", "classic")
    B = doc.blocks
    clause_title = o.get("clause_title", "Clause sociale d'insertion")
    named_ref = mode in ("bold", "underline")
    pen_num = {"classic": "5.3", "deep342": "5.3", "art9": "10.3"}[layout]
    ctx.pen_ref = None
    if o.get("pen_general") and ctx.has_clause and "CS101" not in ctx.codes:
        ctx.pen_ref = ("Les pénalités encourues au titre de la présente clause sont fixées à l'article "
                       + ("« Pénalités » du présent CCAP." if named_ref else f"{pen_num} du présent CCAP."))

    def lots_list():
        out = [("p", "Les travaux sont répartis en lots traités par marchés séparés :")]
        for L in ctx.lots:
            out.append(("li", lot_label(L)))
        return out

    def pieces_article(num):
        out = [hf(1, num, "Pièces constitutives du marché")]
        out.append(("p", "Les pièces contractuelles sont, par ordre de priorité décroissante : l'acte "
                         "d'engagement et ses annexes, le présent CCAP" +
                         (" et son annexe n° 2 (clause sociale d'insertion)" if ctx.clause_in_annexe else "") +
                         ", le CCTP de chaque lot, la décomposition du prix global et forfaitaire, puis le CCAG."))
        if ("CS203", "2009") in [tuple(e[:2]) for e in ctx.errs]:
            out.append(("p", "Le cahier des clauses administratives générales applicable est le CCAG des marchés "
                             "publics de travaux approuvé par l'arrêté du 8 septembre 2009."))
        elif o.get("tracked_ccag"):
            out.append(("tr", "Le CCAG applicable est celui des marchés publics de travaux approuvé par l'arrêté du ",
                        "8 septembre 2009", "30 mars 2021", "."))
        else:
            out.append(("p", "Le CCAG applicable est celui des marchés publics de travaux approuvé par l'arrêté du "
                             "30 mars 2021, dans sa version modifiée."))
        return out

    def delais_blocks():
        out = [("p", FILL[0])]
        for i in range(o.get("pre_clause_filler", 0)):
            out.append(("p", f"Phase {i + 1} : " + PHASES[i % len(PHASES)]))
        for t in o.get("traps", ()):
            if t in ("semaines", "48h", "horaires", "reunion"):
                out.append(("p", W.TRAPS[t]))
        return out

    def penalites_article(num, sub_prefix):
        out = [hf(1, num, "Pénalités")]
        out.append(hf(2, f"{sub_prefix}.1", "Retard d'exécution"))
        out.append(("p", "Par dérogation au CCAG, le retard dans l'achèvement des travaux est sanctionné par une "
                         "pénalité journalière égale à 1/3 000e du montant HT du marché."))
        out.append(hf(2, f"{sub_prefix}.2", "Absence aux réunions de chantier"))
        out.append(("p", "Toute absence non excusée d'un lot convoqué donne lieu à une pénalité forfaitaire de "
                         "120 € HT."))
        if ctx.pen_ref:
            out.append(hf(2, f"{sub_prefix}.3", "Manquements à la clause sociale d'insertion"))
            out.extend(penalty_blocks(ctx))
        return out

    def clause_article(level, num, title):
        if "CS101" in ctx.codes or not ctx.has_clause:
            return []
        if ctx.clause_in_annexe:
            ref = (f"Les obligations du titulaire en matière d'insertion professionnelle sont décrites à "
                   f"l'annexe n° 2 au présent CCAP, « Clause sociale d'insertion », qui fait partie des pièces "
                   f"contractuelles.")
            return [hf(level, num, title), ("p", ref)]
        return emit_clause(ctx, level, num, title, hf, o.get("clause_style", "sub"))

    def sans_article(level, num):
        if o.get("sans_objet"):
            return [hf(level, num, "Clause sociale d'insertion"), ("p", "Sans objet.")]
        return []

    def env_blocks():
        return [("p", "Le titulaire trie ses déchets de chantier et en justifie la traçabilité (bordereaux de "
                      "suivi) ; ces obligations complètent l'article 20.2 du CCAG-Travaux 2021.")]

    if layout == "classic":
        B.append(hf(1, "1", "Objet du marché – dispositions générales"))
        B.append(hf(2, "1.1", "Objet"))
        B.append(("p", f"Le présent marché a pour objet : {c['objet']}."))
        B.append(hf(2, "1.2", "Allotissement"))
        B.extend(lots_list())
        B.extend(pieces_article("2"))
        B.append(hf(1, "3", "Prix et modalités de règlement"))
        B.append(("p", FILL[2]))
        B.append(("p", FILL[5]))
        B.append(hf(1, "4", "Délais d'exécution"))
        B.extend(delais_blocks())
        B.extend(penalites_article("5", "5"))
        if ctx.has_clause:
            B.extend(clause_article(1, "6", clause_title))
        else:
            B.extend(sans_article(1, "6"))
        n = 6 if (ctx.has_clause and "CS101" not in ctx.codes) or o.get("sans_objet") else 5
        B.append(hf(1, str(n + 1), "Réception des travaux"))
        B.append(("p", "La réception est prononcée dans les conditions du CCAG-Travaux ; les opérations "
                       "préalables sont organisées par le maître d'œuvre."))
        B.append(hf(1, str(n + 2), "Dérogations au CCAG"))
        B.append(("p", "Le présent CCAP déroge au CCAG-Travaux sur le montant des pénalités de retard (article "
                       "5.1)."))
    elif layout == "deep342":
        B.append(hf(1, "1", "Généralités"))
        B.append(hf(2, "1.1", "Objet de la consultation"))
        B.append(("p", f"Le présent marché a pour objet : {c['objet']}."))
        B.append(hf(2, "1.2", "Décomposition en lots"))
        B.extend(lots_list())
        B.extend(pieces_article("2"))
        B.append(hf(1, "3", "Exécution des travaux"))
        B.append(hf(2, "3.1", "Délais"))
        B.extend(delais_blocks())
        B.append(hf(2, "3.2", "Période de préparation"))
        B.append(("p", FILL[4]))
        B.append(hf(2, "3.3", "Organisation du chantier"))
        B.append(("p", "Le titulaire du lot gros œuvre assure la gestion du compte prorata ; les installations "
                       "communes sont décrites au plan d'installation de chantier."))
        B.append(hf(2, "3.4", "Conditions particulières d'exécution"))
        B.append(hf(3, "3.4.1", "Gestion environnementale du chantier"))
        B.extend(env_blocks())
        if ctx.has_clause:
            B.extend(clause_article(3, "3.4.2", clause_title) if "CS101" not in ctx.codes else [])
        else:
            B.extend(sans_article(3, "3.4.2"))
        B.append(hf(1, "4", "Prix et règlement des comptes"))
        B.append(("p", "Le décompte final et le décompte général sont établis selon l'article 12 du "
                       "CCAG-Travaux 2021."))
        B.append(("p", FILL[3]))
        B.extend(penalites_article("5", "5"))
        B.append(hf(1, "6", "Réception"))
        B.append(("p", "La réception peut être prononcée par lot ; les réserves sont levées dans le délai fixé "
                       "par le procès-verbal."))
        B.append(hf(1, "7", "Dérogations au CCAG"))
        B.append(("p", "Article 5.1 du présent CCAP : pénalités de retard."))
    elif layout == "art9":
        arts = [("Objet et parties", [("p", f"Le marché porte sur : {c['objet']}.")] + lots_list()),
                None,
                ("Durée et délais", delais_blocks()),
                ("Période de préparation", [("p", FILL[4])]),
                ("Prix", [("p", FILL[2])]),
                ("Avance", [("p", FILL[3])]),
                ("Règlement", [("p", FILL[5])]),
                ("Sous-traitance", [("p", "Les sous-traitants sont présentés au maître d'ouvrage avant toute "
                                          "intervention ; le paiement direct leur est ouvert dans les conditions "
                                          "légales.")] if "CS303" not in ctx.removed else
                 [("p", "Les entreprises intervenant pour le compte du titulaire sont présentées au maître "
                        "d'ouvrage avant toute intervention.")])]
        for i, a in enumerate(arts, 1):
            if a is None:
                B.extend(pieces_article(str(i)))
                continue
            B.append(hf(1, str(i), a[0]))
            B.extend(a[1])
        B.append(hf(1, "9", "Engagements sociaux et environnementaux"))
        B.append(hf(2, "9.1", "Environnement"))
        B.extend(env_blocks())
        if ctx.has_clause:
            B.extend(clause_article(2, "9.2", clause_title) if "CS101" not in ctx.codes else [])
        else:
            B.extend(sans_article(2, "9.2"))
        B.extend(penalites_article("10", "10"))
        B.append(hf(1, "11", "Dérogations au CCAG"))
        B.append(("p", "Article 10.1 : pénalités de retard."))
    if o.get("ccap_comment") is not None:
        idx = next(i for i, b in enumerate(B) if b[0] == "p" and "heures" in b[1])
        doc.comments.append((idx, o["ccap_comment"][1]))
    return doc


def annexe_doc(ctx):
    c, o = ctx.c, ctx.o
    doc = R.Doc("Annexe n° 2 au CCAP – Clause sociale d'insertion",
                subtitle=f"{c['buyer']} — {c['objet']}", hstyle=o.get("ann_hstyle", "art_short"),
                author="Service emploi – insertion")
    hf = make_heading_fn(o.get("ann_heads", "styled"))
    pre = [
        "La présente annexe fait partie des pièces contractuelles du marché ; elle est signée avec l'acte d'engagement.",
        "Le bassin d'emploi de l'opération connaît un chômage durable ; la construction d'un équipement public "
        "est l'occasion d'ouvrir des parcours vers les métiers du bâtiment.",
        "L'acheteur a retenu un taux de 5 % des heures de main-d'œuvre estimées de chaque lot, arrondi à 5 heures, "
        "et n'impose rien en deçà de 70 heures.",
        "Les entreprises qui ont déjà travaillé sur des opérations comportant une clause d'insertion peuvent faire "
        "valoir leur expérience dans le mémoire technique, sans que cela soit noté.",
        "Les heures réalisées au-delà du volume exigé ne donnent lieu à aucune rémunération supplémentaire.",
        "En cas de groupement, chaque membre réalise la part d'heures correspondant à ses prestations.",
        "La présente annexe ne modifie pas les prix : le coût de l'action d'insertion est réputé compris dans l'offre.",
        "Toute modification du montant d'un lot par avenant entraîne, s'il y a lieu, l'ajustement proportionnel "
        "du volume d'heures de ce lot.",
        "Les dispositions ci-après sont rédigées pour l'ensemble des lots ; les volumes propres à chacun figurent au "
        "tableau qui suit.",
    ]
    for i in range(o.get("ann_preamble", 0)):
        doc.blocks.append(("p", pre[i % len(pre)]))
    doc.blocks.extend(emit_clause(ctx, 1, "1", "Engagement d'insertion du titulaire", hf,
                                  o.get("ann_clause_style", "sub")))
    return doc


# ------------------------------------------------------------------ RC
def rc_doc(ctx):
    c, o, rng = ctx.c, ctx.o, ctx.rng
    doc = R.Doc("Règlement de la consultation", subtitle=f"{c['buyer']}\n{c['objet']}",
                hstyle=o.get("rc_hstyle", "ARTICLE_colon"), author="Service de la commande publique")
    B = doc.blocks
    B.append(("t", [["Acheteur", c["buyer"]], ["Objet", c["objet"]], ["Référence", c["ref"]],
                    ["Procédure", o.get("procedure", "Appel d'offres ouvert" if ctx.total >= WORKS_EU else
                                        "Procédure adaptée (articles R. 2123-1 et suivants du code de la "
                                        "commande publique)")]]))
    B.append(("p", o.get("rc_date_fmt", "Date d'envoi de l'avis à la publication : {d}").format(
        d=W.date_fr(c["launch"], o.get("date_style", 0)))))
    B.append(("h", 1, "1", "Objet et étendue de la consultation"))
    B.append(("p", f"La consultation porte sur : {c['objet']}."))
    thr = next((e[1] for e in ctx.errs if e[0] == "CS205"), None)
    if thr == "5538000":
        B.append(("p", "Le montant estimé des travaux restant inférieur au seuil européen de 5 538 000 € HT, la "
                       "consultation est passée selon une procédure adaptée ouverte."))
    elif thr == "40000":
        B.append(("p", "Aucun lot n'étant inférieur à 40 000 € HT, montant en deçà duquel l'acheteur peut "
                       "conclure sans publicité ni mise en concurrence préalables, tous les lots sont mis en "
                       "concurrence."))
    elif o.get("thr_trap"):
        B.append(("p", "La valeur estimée restant inférieure au seuil européen de 5 404 000 € HT applicable "
                       "depuis le 1er janvier 2026, une procédure adaptée ouverte est retenue ; aucun lot n'est "
                       "passé sans publicité, la dispense de 100 000 € HT prévue pour les travaux n'étant pas "
                       "utilisée."))
    elif ctx.total >= WORKS_EU:
        B.append(("p", "La valeur estimée de l'opération atteignant le seuil européen des marchés de travaux "
                       "(5 404 000 € HT), la consultation est passée par appel d'offres ouvert."))
    B.append(("p", "Allotissement et estimation :"))
    rows = [["Lot", "Désignation", "Montant estimatif HT"]]
    for L in ctx.lots:
        rows.append([L["num"], L["title"], W.euros(L["amount"], ctx.sep)])
    B.append(("t", rows))
    for L in ctx.lots:
        if L.get("tf"):
            B.append(("p", f"Le lot {L['num']} comporte une tranche ferme ({W.euros(L['tf'], ctx.sep)} HT) et une "
                           f"tranche optionnelle ({W.euros(L['amount'] - L['tf'], ctx.sep)} HT)."))
        if L.get("pse"):
            B.append(("p", f"Le lot {L['num']} comporte une prestation supplémentaire éventuelle (PSE n° 1 : "
                           f"{L['pse'][0]}), estimée à {W.euros(L['pse'][1], ctx.sep)} HT, que les candidats "
                           f"chiffrent obligatoirement."))
    B.append(("h", 1, "2", "Délais"))
    B.append(("p", o.get("rc_delai", "Le délai d'exécution est fixé par l'acte d'engagement ; le démarrage "
                                     "prévisionnel des travaux est prévu au premier trimestre 2027.")))
    n = 3
    if ctx.has_clause and "CS102" not in ctx.codes:
        B.append(("h", 1, str(n), o.get("rc_clause_title", "Conditions particulières d'exécution")))
        ref = "l'annexe n° 2 au CCAP" if ctx.clause_in_annexe else "le CCAP"
        lots_c = W.lots_phrase(ctx.concerned)
        B.append(("p", f"Le marché comporte une clause sociale d'insertion, condition d'exécution fixée par "
                       f"{ref}. Elle s'applique aux {lots_c}." if len(ctx.concerned) > 1 else
                       f"Le marché comporte une clause sociale d'insertion, condition d'exécution fixée par "
                       f"{ref}. Elle s'applique au {lots_c}."))
        others = [L for L in ctx.lots if L["num"] not in ctx.concerned]
        if others:
            B.append(("p", "Ne sont pas concernés : " + " ; ".join(
                f"lot {L['num']} ({why_not(ctx, L, short=True)})" for L in others) + "."))
        if "RC" in ctx.sources:
            st = ctx.stated["RC"]
            parts = []
            for L in ctx.lots:
                if L["num"] in st:
                    parts.append(f"lot {L['num']} ({L['title']}) : {hours_txt(ctx, L, st[L['num']], o.get('rc_words') and st[L['num']] >= 100)}")
                elif L["num"] in ctx.tbd:
                    parts.append(f"lot {L['num']} ({L['title']}) : à définir")
            B.append(("p", "Volumes d'heures d'insertion demandés : " + " ; ".join(parts) + "."))
            bad = next((e[2] for e in ctx.errs if e[0] == "CS402" and e[1] == "RC"), None)
            if o.get("rc_total"):
                B.append(("p", f"Total de l'opération : {W.nb(bad or sum(st.values()), ctx.sep)} heures."))
        B.append(("p", "Cette clause n'est pas un critère de sélection des candidatures ; le candidat s'y engage "
                       "en signant l'acte d'engagement." if not o.get("rc_criterion") else
                       "Cette condition d'exécution s'impose à tous les titulaires ; elle est distincte du critère "
                       "de jugement relatif à l'insertion défini à l'article des critères."))
        if o.get("rc_fac") and "CS304" not in ctx.removed:
            f = c["fac"]
            B.append(("p", f"Les candidats peuvent interroger le facilitateur pendant la consultation : "
                           f"{f['structure']}, {f['tel']}, {f['mail']}."))
        n += 1
    elif o.get("sans_objet"):
        B.append(("h", 1, str(n), "Clause sociale d'insertion"))
        B.append(("p", "Clause sociale d'insertion : sans objet."))
        n += 1
    B.append(("h", 1, str(n), "Contenu du dossier de consultation"))
    for label in ctx.dce_list:
        B.append(("li", label))
    n += 1
    B.append(("h", 1, str(n), "Jugement des offres"))
    decret = ("CS201", "decret62") in [tuple(e[:2]) for e in ctx.errs]
    intro = ("Conformément à l'article 62 du décret n° 2016-360 du 25 mars 2016, les offres sont classées "
             "selon les critères pondérés suivants :" if decret else
             "L'offre économiquement la plus avantageuse est choisie selon les critères pondérés suivants :")
    B.append(("p", intro))
    if o.get("rc_criterion") and ctx.has_clause:
        B.append(("t", [["Critère", "Pondération"], ["Prix des prestations", "50 %"],
                        ["Valeur technique (mémoire)", "40 %"],
                        ["Performance en matière d'insertion professionnelle des publics en difficulté", "10 %"]]))
        B.append(("p", "Le critère relatif à l'insertion, prévu par l'article R2152-7 du code de la commande "
                       "publique, est apprécié au vu de la note du candidat décrivant l'accompagnement et le "
                       "tutorat proposés au-delà du volume minimal imposé."))
    else:
        B.append(("t", [["Critère", "Pondération"], ["Prix", "60 %"], ["Valeur technique", "40 %"]]))
        if ctx.has_clause and "CS102" not in ctx.codes and o.get("rc_crit_note", True):
            B.append(("p", "L'engagement d'insertion, condition d'exécution, ne fait l'objet d'aucune notation."))
    n += 1
    B.append(("h", 1, str(n), "Renseignements complémentaires"))
    B.append(("p", f"Les questions sont posées sur le profil d'acheteur au plus tard dix jours avant la date "
                   f"limite. Service de la commande publique : {c.get('buyer_tel', '01 99 00 31 17')}."))
    return doc


# ------------------------------------------------------------------ AE
def ae_single_doc(ctx):
    c, o = ctx.c, ctx.o
    doc = R.Doc("Acte d'engagement", subtitle=f"{c['buyer']} — {c['objet']}", hstyle="art_short",
                author="Service de la commande publique")
    B = doc.blocks
    B.append(("h", 1, "1", "Identification du candidat"))
    B.append(("p", "Nom, raison sociale, adresse, SIRET : ................................................"))
    B.append(("h", 1, "2", "Offre"))
    B.append(("p", "Lot(s) pour le(s)quel(s) le candidat s'engage : ........ ; montant HT de l'offre : ........ €."))
    if "AE" in ctx.sources:
        B.append(("h", 1, "3", "Engagement d'insertion"))
        B.append(("p", "Le candidat s'engage, s'il est retenu, à réaliser l'action d'insertion prévue au "
                       + ("CCAP et à son annexe n° 2" if ctx.clause_in_annexe else "CCAP")
                       + ", pour le volume d'heures du ou des lots attribués :"))
        st = ctx.stated["AE"]
        rows = [["Lot", "Intitulé", "Heures d'insertion"]]
        for L in ctx.lots:
            n = L["num"]
            if n in st:
                rows.append([n, L["title"], W.nb(st[n], ctx.sep)])
            elif n in ctx.tbd:
                rows.append([n, L["title"], "à préciser"])
            elif ("CS404", n, "AE") in [tuple(e) for e in ctx.errs]:
                continue
            else:
                rows.append([n, L["title"], "non concerné"])
        B.append(("t", rows))
    elif ctx.o.get("ae_vague"):
        B.append(("h", 1, "3", "Engagement d'insertion"))
        B.append(("p", "Le candidat s'engage à mettre en œuvre l'action d'insertion prévue au CCAP."))
    B.append(("h", 1, "4", "Signature"))
    B.append(("p", "Fait à ................, le ................ Signature du représentant habilité."))
    return doc


def ae_lot_doc(ctx, L):
    c = ctx.c
    doc = R.Doc(f"Acte d'engagement – Lot n° {L['num']}", subtitle=f"{c['buyer']} — {c['objet']}",
                author="Service de la commande publique")
    B = doc.blocks
    rows = [["Rubrique", "Contenu"], ["Lot", f"{L['num']} – {L['title']}"],
            ["Titulaire (raison sociale, SIRET)", ""], ["Montant de l'offre HT", "........ €"]]
    if L.get("tf"):
        rows.append(["Dont tranche optionnelle HT", "........ €"])
    if L.get("pse"):
        rows.append(["PSE n° 1 – " + L["pse"][0], "........ € HT"])
    n = L["num"]
    ref = "l'annexe n° 2 au CCAP" if ctx.clause_in_annexe else ctx.clause_ref
    if "AE" in ctx.sources:
        st = ctx.stated["AE"]
        if n in st:
            rows.append(["Heures d'insertion à réaliser", hours_txt(ctx, L, st[n])])
            rows.append(["Référence de la clause", ref])
        elif n in ctx.tbd:
            rows.append(["Heures d'insertion à réaliser", "à préciser"])
        else:
            rows.append(["Clause d'insertion", "lot non concerné (voir " + ref + ")" if ctx.reason.get(n) != "fourn"
                         else "sans objet : fourniture seule"])
    B.append(("t", rows))
    if "AE" in ctx.sources and n in ctx.stated["AE"]:
        B.append(("p", "Le titulaire s'engage à réaliser le volume d'heures d'insertion indiqué ci-dessus, dans "
                       "les conditions de " + ref + "."))
    B.append(("p", "Le titulaire renonce / ne renonce pas (rayer la mention inutile) au bénéfice de l'avance."))
    B.append(("p", "Fait à ................, le ................ — Signature et cachet."))
    return doc


def fiche_doc(ctx):
    c = ctx.c
    doc = R.Doc("Fiche d'engagement – insertion professionnelle", subtitle=f"{c['buyer']} — {c['objet']}",
                author="Service emploi")
    B = doc.blocks
    B.append(("p", "À remplir et signer par le candidat ; la fiche est jointe à l'offre."))
    st = ctx.stated["FICHE"]
    rows = [["Lot", "Heures d'insertion", "Modalité envisagée (à compléter)"]]
    for L in ctx.lots:
        n = L["num"]
        if n in st:
            rows.append([f"{n} – {L['title']}", W.nb(st[n], ctx.sep) + " h", ""])
        elif ("CS404", n, "FICHE") in [tuple(e) for e in ctx.errs] or n not in ctx.concerned:
            continue
    B.append(("t", rows))
    B.append(("p", "Je soussigné(e) m'engage, si mon offre est retenue, à réaliser les heures d'insertion du ou "
                   "des lots attribués."))
    B.append(("p", "Nom, qualité, date et signature : ................................"))
    return doc


# ------------------------------------------------------------------ notice
def avis_doc(ctx):
    c, o = ctx.c, ctx.o
    doc = R.Doc(o.get("avis_title", "Avis d'appel public à la concurrence"),
                subtitle="Directive 2014/24/UE" if ctx.total >= WORKS_EU else "Avis de marché – procédure adaptée",
                author="Plateforme de publication")
    B = doc.blocks
    B.append(("hb", "Section I : Pouvoir adjudicateur"))
    B.append(("p", f"I.1) Nom et adresses : {c['buyer']}, {c.get('address', '12 place de la Mairie')}. "
                   f"Correspondant : service de la commande publique, tél. {c.get('buyer_tel', '01 99 00 31 17')}."))
    B.append(("hb", "Section II : Objet"))
    B.append(("p", f"II.1.1) Intitulé : {c['objet']}. Référence : {c['ref']}."))
    B.append(("p", "II.1.3) Type de marché : Travaux." if c["nature"] == "travaux" else "II.1.3) Type de marché : Services."))
    B.append(("p", f"II.1.5) Valeur totale estimée hors TVA : {W.nb(ctx.total, ' ')} EUR."))
    B.append(("p", f"II.1.6) Information sur les lots : ce marché est divisé en {len(ctx.lots)} lots."))
    for L in ctx.lots:
        txt = f"II.2.1) Lot n° {L['num']} – {L['title']}. II.2.4) Description des prestations : travaux du lot, " \
              f"selon CCTP."
        if ctx.has_clause and "CS104" not in ctx.codes and L["num"] in ctx.concerned and o.get("avis_perlot"):
            txt += " Le lot comporte une clause d'insertion (voir III.2.2)."
        B.append(("p", txt))
    B.append(("hb", "Section III : Renseignements d'ordre juridique, économique, financier et technique"))
    B.append(("p", "III.1.1) Habilitation à exercer l'activité professionnelle : voir le règlement de la "
                   "consultation."))
    if ctx.has_clause and "CS104" not in ctx.codes:
        B.append(("p", f"III.2.2) Conditions particulières d'exécution : clause sociale d'insertion "
                       f"(article L. 2112-2 du code de la commande publique) pour les "
                       f"{W.lots_phrase(ctx.concerned)} ; volumes d'heures et modalités au "
                       f"{'CCAP et à son annexe n° 2' if ctx.clause_in_annexe else 'CCAP'}."))
    elif "CS104" in ctx.codes:
        B.append(("p", "III.2.2) Conditions particulières d'exécution : chantier à faibles nuisances ; tri et "
                       "traçabilité des déchets selon le CCAP."))
    B.append(("hb", "Section IV : Procédure"))
    B.append(("p", "IV.1.1) Type de procédure : " + ("ouverte (appel d'offres)." if ctx.total >= WORKS_EU else
                                                    "procédure adaptée ouverte.")))
    B.append(("p", "IV.2.2) Date limite de réception des offres : voir le profil d'acheteur."))
    B.append(("hb", "Section VI : Renseignements complémentaires"))
    B.append(("p", "VI.3) Informations complémentaires : le dossier est téléchargeable gratuitement sur le profil "
                   "d'acheteur."))
    B.append(("p", f"VI.5) Date d'envoi du présent avis : {W.date_fr(c['launch'], 1)}"))
    return doc


# ------------------------------------------------------------------ technical pieces
def cctp_doc(ctx, L=None):
    c, o = ctx.c, ctx.o
    t = f"CCTP – Lot {L['num']} – {L['title']}" if L else "Cahier des clauses techniques particulières"
    doc = R.Doc(t, subtitle=c["objet"], hstyle="bare", author="Maîtrise d'œuvre")
    B = doc.blocks
    B.append(("h", 1, "1", "Généralités"))
    B.append(("p", "Les ouvrages sont exécutés conformément aux DTU en vigueur et aux avis techniques des produits "
                   "mis en œuvre. L'entrepreneur est réputé avoir pris connaissance du site."))
    B.append(("h", 1, "2", "Description des ouvrages"))
    what = L["title"] if L else "l'ensemble des lots"
    B.append(("p", f"Le présent document décrit les prestations de {what}. Les quantités sont données à titre "
                   f"indicatif ; l'entrepreneur les vérifie avant la remise de son offre."))
    B.append(("p", "Les échantillons sont soumis au visa du maître d'œuvre au moins trois semaines avant la mise "
                   "en œuvre."))
    if "horaires" in o.get("traps", ()):
        B.append(("p", "Les livraisons sont admises entre 8 h et 16 h 30 ; X"))
    B.append(("h", 1, "3", "Essais et réception"))
    B.append(("p", "Les essais COPREC et les autocontrôles sont fournis avant les opérations préalables à la "
                   "réception."))
    return doc


def dpgf_sheets(ctx, L):
    rng = random.Random(ctx.c["name"] + L["num"])
    rows = [["DPGF – Lot " + L["num"] + " – " + L["title"]], ["N°", "Désignation", "Unité", "Quantité",
                                                               "Prix unitaire HT", "Montant HT"]]
    items = ["Installation de chantier", "Dépose et évacuation", "Fourniture et pose", "Reprises ponctuelles",
             "Nettoyage et repli", "Essais et DOE"]
    for i, it in enumerate(items, 1):
        rows.append([f"{L['num']}.{i}", it, rng.choice(["ens", "m²", "ml", "u", "forfait"]),
                     rng.randint(1, 400), None, None])
    rows.append(["", "Total HT", "", "", "", None])
    return [("DPGF lot " + L["num"], rows)]


def note_doc(ctx, title, paras):
    doc = R.Doc(title, author="Chargé d'opération")
    for p in paras:
        doc.blocks.append(("p", p))
    return doc
