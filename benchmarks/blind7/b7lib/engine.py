"""Writes the pieces of one consultation of the seventh blind corpus and deduces its answer key.

A case (b7lib/cases.py) is a dict; `build(case, outdir)` writes the files and returns
(key, texts) where texts maps each file name to the plain text written into it (for the
self-checks of build_corpus.py)."""

from __future__ import annotations

import datetime as dt
import math
import random
import shutil
from pathlib import Path

from . import render as R
from . import texts as T

# ------------------------------------------------------------------ hours (shared/spec/hours.md)
RATE, COST, STEP, HMIN = 0.05, 30.0, 5, 70
# labour share ranges of reference.md § 6.2; the middle is used
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
MO = {k: round((a + b) / 2, 4) for k, (a, b) in MO_RANGE.items()}


def raw_hours(amount, trade, share=None):
    m = MO[trade] if share is None else share
    return amount * m * RATE / COST


def round5(x):
    return int(math.floor(x / STEP + 0.5)) * STEP


def calc_hours(amount, trade):
    if trade == "fournitures":
        return None
    x = raw_hours(amount, trade)
    h = round5(x)
    return h if h >= HMIN else None


def hours_range(amount, trade):
    lo, hi = MO_RANGE[trade]
    return raw_hours(amount, trade, lo), raw_hours(amount, trade, hi)


KIND = {"RC": "RC", "CCAP": "CCAP", "CDC": "CCAP", "AECCAP": None, "AE": "AE", "ANNEX": "ANNEXE_CLAUSE",
        "FICHE": "ANNEXE_CLAUSE", "AAPC": "AAPC", "CCTP": "CCTP", "DPGF": "DPGF", "DQE": "DQE", "BPU": "BPU",
        "PLAN": None, "NOTES": None, "ATTEST": None, "COPY": None}


class Lot:
    def __init__(self, d):
        self.n = str(d["n"])
        self.title = d["title"]
        self.amount = d.get("amount")
        self.trade = d["trade"]
        self.reserved = d.get("reserved", False)
        self.excluded = d.get("excluded", False)
        self.calc = None if (self.reserved or self.excluded or self.amount is None) else calc_hours(self.amount, self.trade)
        self.covered = self.calc is not None
        self.stated = self.calc

    def label(self):
        return "Lot unique" if self.n == "unique" else f"Lot {self.n}"


class Ctx:
    """Everything the wordings need about one consultation."""

    def __init__(self, case):
        self.case = case
        self.name = case["name"]
        self.buyer = case["buyer"]
        self.bkind = case["bkind"]
        self.objet = case["objet"]
        self.ref = case["ref"]
        self.nature = case["nature"]
        self.ccag = "travaux" if self.nature == "travaux" else "fcs"
        self.proc = case["proc"]
        self.launch = dt.date.fromisoformat(case["launch"])
        self.review = case.get("review") or (self.launch - dt.timedelta(days=4)).isoformat()
        self.datefmt = case.get("datefmt", "long")
        self.amtfmt = case.get("amtfmt", "esp")
        self.lots = [Lot(d) for d in case["lots"]]
        self.unique = len(self.lots) == 1 and self.lots[0].n == "unique"
        self.ac = case.get("ac")
        self.clause = case.get("clause", "yes")
        self.layout = case.get("layout", "ccap_sub")
        self.facil = case.get("facil")
        self.mods = dict(case.get("mods", {}))
        self.traps = set(case.get("traps", []))
        self.errs = case.get("errs", [])
        self.removed = set()
        self.est_value = case.get("est_value") or sum(l.amount or 0 for l in self.lots) * (
            (self.ac or {}).get("years", 1) if (self.ac or {}).get("per") == "an" else 1)
        thr = {"travaux": 5_404_000}.get(self.nature, 140_000 if self.bkind == "etat" else 216_000)
        self.threshold = thr
        self.need_l21121 = (self.clause == "yes" and self.launch >= dt.date(2026, 8, 21)
                            and self.est_value >= thr)
        self.force = case.get("force", {})
        self.seed = self.name
        for e in self.errs:
            c = e["code"]
            if c == "CS302":
                self.removed.add("publics")
            elif c == "CS303":
                self.removed.add("modalites")
            elif c == "CS304":
                if e.get("vague"):
                    self.mods["facil"] = "vague"
                else:
                    self.removed.add("facil")
            elif c == "CS305":
                self.removed |= {"controle", "pen_docs"}
            elif c == "CS306":
                self.removed.add("pen_heure")
            elif c == "CS307":
                self.mods["pen_heure"] = e["how"]
            elif c == "CS308":
                self.removed.add("pen_docs")
            elif c == "CS301" and not e.get("lot"):
                self.removed.add("heures")
            elif c == "CS201" and e.get("how") in ("cmp14", "ord38"):
                if e.get("where", "clause") == "clause":
                    self.mods["basis"] = e["how"]
            elif c == "CS202":
                self.mods["basis"] = e["how"]
            elif c == "CS203" and e["how"] in ("wrongart", "ccag2009"):
                self.mods["basis"] = e["how"]
        # articles
        self.clause_art = str(case.get("clause_art", 6))
        self.pen_general = case.get("pen_general", False)
        self.pen_art = str(case.get("pen_art", int(self.clause_art) + 1))
        # hours stated and hours per piece
        if (self.ac or {}).get("per") == "tranche":
            for l in self.lots:
                l.stated = round5(raw_hours(self.ac["tranche"], l.trade))
                l.covered = True
        for e in self.errs:
            if e["code"] == "CS403":
                lot = self.lot(e["lot"])
                lot.stated = round5(lot.calc * e.get("factor", 4))
            if e["code"] == "CS405":
                lot = self.lot(e["lot"])
                lot.stated = e["hours"]
                lot.covered = True
            if e["code"] == "CS301" and e.get("lot"):
                self.lot(e["lot"]).stated = "tbd"
        if "heures" in self.removed:
            for l in self.lots:
                l.stated = None
        self.hour_kinds = list(case.get("hour_kinds", []))
        self.hp = {}
        for k in self.hour_kinds:
            self.hp[k] = {l.n: l.stated for l in self.lots if l.covered or l.stated is not None}
        for e in self.errs:
            if e["code"] == "CS401":
                self.hp[e["kind"]][e["lot"]] = e["value"]
            if e["code"] == "CS404":
                self.hp[e["kind"]].pop(e["lot"])
        self.total_override = None
        for e in self.errs:
            if e["code"] == "CS402":
                self.total_override = (e["kind"], e["total"])

    def lot(self, n):
        for l in self.lots:
            if l.n == str(n):
                return l
        raise KeyError(n)

    def d(self, date=None, style=None):
        return T.fdate(date or self.launch, style or self.datefmt)

    def amt(self, a, style=None):
        return T.famount(a, style or self.amtfmt)

    def pick(self, key, variants):
        forbid = set(self.removed)
        return T.pick(self.seed, key, variants, forbid=forbid, force=self.force.get(key))

    def covered_lots(self):
        return [l for l in self.lots if l.covered]

    def lots_phrase(self):
        cov = self.covered_lots()
        if self.unique:
            return "du marché"
        if len(cov) == len(self.lots):
            return "de tous les lots"
        nums = [l.n for l in cov]
        s = ", ".join(nums[:-1]) + " et " + nums[-1] if len(nums) > 1 else nums[0]
        return ("des lots " if len(nums) > 1 else "du lot ") + s

    def clause_ref(self):
        """Where the clause stands, as the other pieces cite it."""
        return {"annex": "l'annexe 1 à l'acte d'engagement",
                "cdc": f"l'article {self.clause_art} du cahier des charges",
                "aeccap": f"l'article {self.clause_art} du marché valant acte d'engagement et CCAP"}.get(
            self.layout, f"l'article {self.clause_art} du CCAP")


# ------------------------------------------------------------------ hours wordings
def _hval(v):
    if v == "tbd":
        return "à préciser avec le facilitateur"
    return T.hh(v)


def hours_blocks(C, kind, style=None):
    hp = C.hp.get(kind, {})
    style = style or C.case.get("hstyle", {}).get(kind) or C.case.get("hstyle_default")
    ac = C.ac or {}
    blocks = []
    if ac.get("per") == "tranche":
        h = C.lots[0].stated
        blocks.append(("p", f"Volume d'insertion : {h} heures de travail par tranche de "
                            f"{T._grp(ac['tranche'])} € HT du montant de chaque marché subséquent attribué au "
                            "titulaire, le calcul étant fait marché subséquent par marché subséquent."))
        return blocks
    if ac.get("per") == "an":
        h = hp.get(C.lots[0].n)
        y = ac["years"]
        blocks.append(("p", f"Le titulaire réalise {h} heures d'insertion par année d'exécution de "
                            f"l'accord-cadre ; sur sa durée maximale de {T.words(y)} ans, l'engagement représente "
                            f"{h * y} heures."))
        return blocks
    if C.unique:
        h = hp.get("unique")
        style = style or "min"
        if style == "pct":
            blocks.append(("p", "Le titulaire réserve à l'insertion 5 % des heures de travail nécessaires à "
                                f"l'exécution du marché, soit {h} heures."))
        elif style == "words":
            blocks.append(("p", f"L'engagement porte sur un minimum de {T.words(h)} heures de travail "
                                "d'insertion."))
        else:
            blocks.append(("p", f"Le titulaire consacre à l'insertion au moins {h} heures de travail pendant "
                                "l'exécution du marché."))
        return blocks
    style = style or "table"
    rows = []
    total = 0
    for l in C.lots:
        v = hp.get(l.n)
        if l.n not in hp:
            if C.case.get("show_uncovered", True) and not any(
                    e["code"] == "CS404" and e["lot"] == l.n and e["kind"] == kind for e in C.errs):
                rows.append((l, None))
            continue
        rows.append((l, v))
        if isinstance(v, int):
            total += v
    show_total = C.case.get("show_total", {}).get(kind, False)
    if C.total_override and C.total_override[0] == kind:
        show_total = True
        total = C.total_override[1]
    if style == "table":
        blocks.append(("p", "Le volume d'heures d'insertion est fixé comme suit :"))
        t = [["Lot", "Désignation", "Heures d'insertion"]]
        for l, v in rows:
            t.append([l.n, l.title, "Non concerné" if v is None else ("à préciser" if v == "tbd" else str(v))])
        if show_total:
            t.append(["Total", "", str(total)])
        blocks.append(("t", t))
    elif style == "list":
        blocks.append(("p", "Nombre d'heures d'insertion exigé par lot :"))
        for l, v in rows:
            blocks.append(("li", f"lot n° {l.n} – {l.title} : " + ("non concerné" if v is None else _hval(v))))
        if show_total:
            blocks.append(("p", f"Soit un total de {total} heures pour l'ensemble des lots."))
    else:  # prose, prose_words
        parts = []
        for l, v in rows:
            if v is None:
                continue
            hv = f"{T.words(v)} heures" if (style == "prose_words" and isinstance(v, int)) else _hval(v)
            parts.append(f"{hv} pour le lot {l.n} ({l.title})")
        nc = [l.n for l, v in rows if v is None]
        lead = ("Le titulaire réalise un minimum de " if style == "prose_words"
                else "Le volume d'heures d'insertion est de ")
        s = lead + " ; ".join(parts)
        if nc:
            s += " ; " + ("les lots " + ", ".join(nc) + " ne sont pas concernés" if len(nc) > 1
                          else f"le lot {nc[0]} n'est pas concerné")
        s += "."
        if show_total:
            s += f" L'ensemble représente {total} heures."
        blocks.append(("p", s))
    return blocks


def hours_compact(C, kind):
    hp = C.hp.get(kind, {})
    ac = C.ac or {}
    if ac.get("per") or C.unique:
        return " ".join(b[1] for b in hours_blocks(C, kind))
    parts = []
    total = 0
    for l in C.lots:
        if l.n not in hp:
            if not any(e["code"] == "CS404" and e["lot"] == l.n and e["kind"] == kind for e in C.errs):
                parts.append(f"lot {l.n} : non concerné")
            continue
        v = hp[l.n]
        parts.append(f"lot {l.n} : " + ("à préciser" if v == "tbd" else f"{v} h"))
        if isinstance(v, int):
            total += v
    s = " ; ".join(parts)
    show_total = C.case.get("show_total", {}).get(kind, False)
    if C.total_override and C.total_override[0] == kind:
        show_total, total = True, C.total_override[1]
    if show_total:
        s += f" ; total : {total} h"
    return s


# ------------------------------------------------------------------ clause content
def elements(C, kind):
    """Ordered (name, blocks) of the clause, elements removed by the case left out."""
    out = [("basis", [("p", C.pick("basis", T.basis_variants(C)))])]
    if "heures" not in C.removed:
        hb = hours_blocks(C, kind)
        extra = [("p", T.TRAPS[t]) for t in ("contrat150", "etp1607") if t in C.traps]
        out.append(("heures", hb + extra))
    if "publics" not in C.removed:
        out.append(("publics", C.pick("publics", T.publics_variants(C))))
    if "modalites" not in C.removed:
        out.append(("modalites", C.pick("modalites", T.modalites_variants(C))))
    if "facil" not in C.removed:
        out.append(("facil", C.pick("facil", T.facil_variants(C))))
    if "controle" not in C.removed:
        blk = list(C.pick("controle", T.controle_variants(C)))
        if C.mods.get("direccte"):
            blk.append(("p", "Une copie du bilan final est adressée pour information à la DIRECCTE."))
        out.append(("controle", blk))
    pen = []
    if "pen_heure" not in C.removed:
        pen += C.pick("pen_heure", T.pen_heure_variants(C))
    if "pen_docs" not in C.removed:
        pen += C.pick("pen_docs", T.pen_docs_variants(C))
    if C.pen_general:
        out.append(("pen", [("p", f"Les manquements du titulaire à la présente clause sont sanctionnés dans "
                                  f"les conditions de l'article {C.pen_art}.3.")]))
    elif pen:
        out.append(("pen", pen))
    return out, pen


def clause_blocks(C, kind, layout, art):
    """The clause as blocks in one of the layouts (heading included)."""
    title = C.case.get("clause_title") or T.pick(C.seed, "title", T.CLAUSE_TITLES, forbid=C.removed)
    els, pen = elements(C, kind)
    b = [("h", 1, art, title)]
    rng = random.Random(C.seed + "/sub")
    if layout in ("ccap_sub", "annex_sub"):
        for i, (name, blk) in enumerate(els, 1):
            st = T.SUB_TITLES[name][rng.randrange(len(T.SUB_TITLES[name]))]
            b.append(("h", 2, f"{art}.{i}", st))
            b.extend(blk)
    elif layout in ("ccap_letters", "ccap_degrees", "cdc", "aeccap"):
        marks = ("a) ", "b) ", "c) ", "d) ", "e) ", "f) ", "g) ", "h) ", "i) ")
        if layout == "ccap_degrees" or C.case.get("degrees"):
            marks = ("1° ", "2° ", "3° ", "4° ", "5° ", "6° ", "7° ", "8° ", "9° ")
        b.append(("p", C.case.get("letters_intro", "Les stipulations suivantes s'imposent au titulaire.")))
        for i, (name, blk) in enumerate(els):
            first = True
            for x in blk:
                if x[0] == "p" and first:
                    b.append(("p", marks[i] + x[1]))
                else:
                    b.append(x)
                first = False
    elif layout == "ccap_table":
        rows = [["Rubrique", "Contenu"]]
        for name, blk in els:
            if name == "heures":
                txt = hours_compact(C, kind)
                extra = [T.TRAPS[t] for t in ("contrat150", "etp1607") if t in C.traps]
                if extra:
                    rows.append([T.TABLE_LABELS[name], txt])
                    rows.append([T.TABLE_LABELS["extra"], " ".join(extra)])
                    continue
            elif name == "pen" and not C.pen_general:
                ph = [x[1] for x in C.pick("pen_heure", T.pen_heure_variants(C))] if "pen_heure" not in C.removed else []
                pd = [x[1] for x in C.pick("pen_docs", T.pen_docs_variants(C))] if "pen_docs" not in C.removed else []
                if ph:
                    rows.append([T.TABLE_LABELS["pen_heure"], " ".join(ph)])
                if pd:
                    rows.append([T.TABLE_LABELS["pen_docs"], " ".join(pd)])
                continue
            else:
                txt = " ".join(x[1] if x[0] in ("p", "li") else "" for x in blk).strip()
                if txt.startswith("Fondement : "):
                    txt = txt[len("Fondement : "):]
                    txt = txt[0].upper() + txt[1:]
            rows.append([T.TABLE_LABELS.get(name, "Pénalités"), txt])
        b.append(("p", "Le tableau ci-dessous fixe les éléments de la clause, condition d'exécution du marché."))
        b.append(("t", rows))
    else:  # prose
        for name, blk in els:
            b.extend(blk)
    return b, pen


# ------------------------------------------------------------------ general texts
def buyer_block(C):
    return f"{C.buyer} — {C.case.get('address', '')}".strip(" —")


def procedure_text(C):
    if C.proc == "ao":
        return ("Appel d'offres ouvert, en application des articles L. 2124-2 et R. 2124-2 1° du code de la "
                "commande publique.")
    return ("Procédure adaptée, en application des articles L. 2123-1 et R. 2123-1 1° du code de la commande "
            "publique.")


THRESH_TXT = {
    "s216": "La valeur estimée du besoin étant inférieure au seuil européen de 216 000 € HT applicable aux "
            "marchés de fournitures et de services des acheteurs autres que l'État, la consultation prend la forme d'une "
            "procédure adaptée.",
    "s5404": "La valeur estimée des travaux reste inférieure au seuil européen de 5 404 000 € HT.",
    "d60": "Des prestations similaires d'un montant inférieur à 60 000 € HT pourront être commandées sans "
           "publicité ni mise en concurrence préalables (article R. 2122-8 du code de la commande publique).",
    "s221": "La valeur estimée du besoin étant inférieure au seuil européen de 221 000 € HT applicable aux "
            "marchés de fournitures et de services, la consultation prend la forme d'une procédure adaptée.",
    "s5538": "Le montant prévisionnel des travaux demeure en deçà du seuil de procédure formalisée de "
             "5 538 000 € HT.",
    "d40": "Des travaux similaires d'un montant inférieur à 40 000 € HT pourront être confiés sans publicité ni "
           "mise en concurrence préalables, conformément à l'article R. 2122-8 du code de la commande publique.",
}

DEROG = ("Condition sociale d'exécution : en application de l'article L. 2112-2-1 du code de la commande publique "
         "(loi n° 2021-1104 du 22 août 2021, article 35), l'acheteur ne fixe pas de condition d'exécution relative "
         "au domaine social ou à l'emploi. Les prestations de maintenance et d'hébergement sont exécutées à "
         "distance, depuis les centres de service du titulaire, sans aucune intervention de personnel sur le "
         "territoire de la communauté : une telle condition n'aurait pas de lien suffisant avec l'objet du marché "
         "et ne pourrait être mise en œuvre ni contrôlée.")


def lots_table(C, with_amounts=True):
    rows = [["Lot", "Désignation"] + (["Montant estimé"] if with_amounts else [])]
    for l in C.lots:
        r = [l.n, l.title + (" (lot réservé)" if l.reserved else "")]
        if with_amounts:
            r.append(C.amt(l.amount))
        rows.append(r)
    return rows


# ------------------------------------------------------------------ RC
def build_rc(C, variant=0):
    cs = C.case
    doc = R.Doc(title=cs.get("rc_title", "Règlement de la consultation"),
                subtitle=f"{C.buyer} — {C.objet} — Réf. {C.ref}", hstyle=cs.get("rc_hstyle", "article_dash"))
    n = 0

    def art(t):
        nonlocal n
        n += 1
        doc.h(1, str(n), t)

    if cs.get("rc_date_top"):
        doc.p(f"Date d'envoi à la publication : {C.d()}")
    art("Acheteur")
    doc.p(f"{C.buyer}, {cs.get('address', '')}. Représentant : {cs.get('rep', 'le président')}.")
    art("Objet et forme de la consultation")
    doc.p(f"La consultation porte sur : {C.objet}.")
    doc.p(procedure_text(C))
    if C.ac:
        doc.p(cs.get("ac_text_rc", "Accord-cadre."))
    if not C.unique:
        doc.p("Allotissement :")
        doc.t(lots_table(C, with_amounts=cs.get("rc_amounts", True)))
    elif cs.get("rc_amounts", True) and C.lots[0].amount:
        doc.p(f"Montant estimé : {C.amt(C.lots[0].amount)}" + (" par an." if (C.ac or {}).get("per") == "an" else "."))
    for th in cs.get("rc_thresh", []):
        doc.p(THRESH_TXT[th])
    if "reserved" in C.traps:
        rl = [l for l in C.lots if l.reserved][0]
        doc.p(f"Le lot {rl.n} est réservé, en application de l'article L. 2113-13 du code de la commande publique, "
              "aux structures d'insertion par l'activité économique mentionnées à l'article L. 5132-4 du code du "
              "travail et aux structures équivalentes.")
    # clause announcement
    if C.clause == "yes" and not any(e["code"] == "CS102" for e in C.errs):
        art(cs.get("rc_clause_title", "Conditions particulières d'exécution"))
        v = random.Random(C.seed + "/rcann").randrange(3)
        where = C.clause_ref()
        if v == 0:
            doc.p(f"Le marché comporte une condition d'exécution à caractère social : le titulaire {C.lots_phrase()} "
                  f"réalise une action d'insertion professionnelle dans les conditions de {where}. Cette action "
                  "n'est pas un critère de sélection des offres.")
        elif v == 1:
            doc.p(f"Clause sociale d'insertion : l'exécution {C.lots_phrase()} est soumise à une clause "
                  f"d'insertion, condition d'exécution détaillée à {where}. Aucun document n'est demandé à ce titre "
                  "à l'appui de l'offre.")
        else:
            doc.p(f"Insertion professionnelle : l'exécution des prestations {C.lots_phrase()} comporte une "
                  f"obligation d'insertion (voir {where}). Le candidat s'y engage dans les pièces d'engagement "
                  "du dossier.")
        if "RC" in C.hp:
            doc.blocks.extend(hours_blocks(C, "RC", cs.get("hstyle", {}).get("RC", "list")))
        if cs.get("rc_facil") and "facil" not in C.removed and C.mods.get("facil") != "vague":
            f = C.facil
            doc.p(f"Les candidats peuvent interroger {f['struct']} sur la mise en œuvre de la clause : "
                  + ", ".join(x for x in (f.get("phone"), f.get("email")) if x) + ".")
    elif C.clause == "sans":
        art("Conditions particulières d'exécution")
        doc.p(cs.get("rc_sans", "Clause sociale d'insertion : sans objet."))
    elif C.clause == "derog":
        art("Conditions particulières d'exécution")
        doc.p(DEROG)
    art("Contenu du dossier de consultation")
    for f in cs["dce_list"]:
        doc.li(f)
    art("Jugement des offres")
    if "crit_r2152" in C.traps:
        doc.t([["Critère", "Pondération"], ["Prix des prestations", "50 %"], ["Valeur technique", "40 %"],
               ["Performance en matière d'insertion professionnelle des publics en difficulté "
                "(article R2152-7 du code de la commande publique)", "10 %"]])
        doc.p("Le troisième critère est apprécié au vu de la note du candidat décrivant l'encadrement et la "
              "formation qu'il propose, au-delà du minimum exigé par le CCAP.")
    else:
        doc.t([["Critère", "Pondération"], ["Prix", cs.get("w_prix", "60 %")],
               ["Valeur technique (mémoire)", cs.get("w_tech", "40 %")]])
    art("Remise des offres")
    lim = C.launch + dt.timedelta(days=cs.get("days", 35) + variant)
    doc.p(f"Les offres sont remises sur le profil d'acheteur au plus tard le {C.d(lim)} à 12 h 00.")
    art("Renseignements complémentaires")
    adm = cs.get("admin", ("M. Lucas Fertier", "service de la commande publique", "05 36 49 10 44"))
    doc.p(f"Correspondant administratif de la consultation : {adm[0]}, {adm[1]}, tél. {adm[2]}. Les questions sont "
          "posées par écrit sur le profil d'acheteur au plus tard dix jours avant la date limite.")
    for extra in cs.get("rc_extra", []):
        doc.p(extra)
    if not cs.get("rc_date_top"):
        doc.p(cs.get("rc_date_label", "Date d'envoi à la publication") + f" : {C.d()}")
    return doc


# ------------------------------------------------------------------ AAPC
def build_aapc(C):
    cs = C.case
    doc = R.Doc(title=cs.get("aapc_title", "Avis d'appel public à la concurrence"), subtitle=C.buyer)
    doc.p(f"{C.buyer} ({cs.get('address', '')}) lance une consultation ayant pour objet : {C.objet}.")
    doc.p(procedure_text(C))
    if not C.unique:
        doc.p("Lots : " + " ; ".join(f"lot {l.n} {l.title}" for l in C.lots) + ".")
    if "reserved" in C.traps:
        rl = [l for l in C.lots if l.reserved][0]
        doc.p(f"Le lot {rl.n} est réservé aux structures d'insertion par l'activité économique (article L. 2113-13 "
              "du code de la commande publique).")
    if C.clause == "yes" and not any(e["code"] == "CS104" for e in C.errs):
        ord38 = any(e["code"] == "CS201" and e.get("where") == "AAPC" for e in C.errs)
        ref = " (article 38 de l'ordonnance n° 2015-899 du 23 juillet 2015)" if ord38 else ""
        v = random.Random(C.seed + "/aapc").randrange(2)
        if v == 0:
            doc.p(f"L'exécution {C.lots_phrase()} comporte une clause sociale d'insertion{ref}, condition "
                  f"d'exécution précisée à {C.clause_ref()}.")
        else:
            doc.p(f"Conditions d'exécution : le titulaire {C.lots_phrase()} met en œuvre une action d'insertion "
                  f"professionnelle{ref} ; ses modalités figurent à {C.clause_ref()}.")
    elif C.clause == "sans":
        doc.p("Conditions particulières d'exécution : sans objet.")
    elif C.clause == "derog":
        doc.p("Conditions d'exécution : pas de condition sociale d'exécution, pour les motifs exposés au "
              "règlement de la consultation.")
    doc.p(f"Les dossiers sont téléchargeables gratuitement sur le profil d'acheteur. Date limite de réception des "
          f"offres : {C.d(C.launch + dt.timedelta(days=cs.get('days', 35)))} à 12 h 00.")
    doc.p(f"Date d'envoi du présent avis à la publication : {C.d()}.")
    return doc


# ------------------------------------------------------------------ CCAP and its stand-ins
def general_articles(C):
    """(title, blocks) of the administrative articles other than the clause."""
    cs = C.case
    g = T.CCAG[C.ccag]
    works = C.nature == "travaux"
    arts = []
    b = [("p", f"Le présent document a pour objet : {C.objet}.")]
    if not C.unique:
        b.append(("t", lots_table(C, with_amounts=cs.get("ccap_amounts", False))))
    if C.ac:
        b.append(("p", cs.get("ac_text_ccap", cs.get("ac_text_rc", ""))))
    arts.append(("Objet du marché – dispositions générales", b))
    if C.mods.get("basis") == "ccag2009" or cs.get("ccag2009_piece"):
        ccag_txt = ("le cahier des clauses administratives générales applicable aux marchés publics de travaux, "
                    "approuvé par l'arrêté du 8 septembre 2009" if works else
                    "le CCAG des marchés publics de fournitures courantes et de services approuvé par l'arrêté "
                    "du 19 janvier 2009")
    else:
        ccag_txt = "le " + g["long"]
    arts.append(("Pièces constitutives du marché", [
        ("p", "Le marché est constitué des pièces suivantes, par ordre de priorité décroissante : l'acte "
              "d'engagement et ses annexes ; le présent document ; le cahier des clauses techniques "
              f"particulières ; {ccag_txt} ; les documents de prix."),
    ]))
    pb = [("p", "Les prix sont fermes et actualisables dans les conditions de l'article R. 2112-10 du code de la "
                "commande publique. Le délai global de paiement est de 30 jours.")]
    if works:
        pb.append(("p", "Une retenue de garantie de 5 % du montant initial du marché est prélevée sur les acomptes ; "
                        "elle peut être remplacée par une garantie à première demande."))
    arts.append(("Prix et règlement des comptes", pb))
    db = []
    if works:
        db.append(("p", cs.get("delai_txt", f"Le délai d'exécution est de {cs.get('delai', 'dix')} mois à compter "
                                            "de l'ordre de service prescrivant le démarrage des travaux, période de "
                                            "préparation d'un mois comprise.")))
    else:
        db.append(("p", cs.get("duree_txt", "Le marché est conclu pour une durée d'un an à compter de sa "
                                            "notification.")))
    for t in ("horaires", "hebdo35", "delai72"):
        if t in C.traps:
            db.append(("p", T.TRAPS[t]))
    arts.append(("Délais et conditions d'exécution" if works else "Durée et exécution des prestations", db))
    if int(C.clause_art) >= 6 or cs.get("extra_art"):
        if works:
            arts.append(("Organisation du chantier", [
                ("p", "Le titulaire tient le chantier propre et assure le tri des déchets ; le compte rendu de chaque "
                      "réunion hebdomadaire vaut ordre de service pour les points qu'il arrête.")]))
        else:
            arts.append(("Organisation des prestations", [
                ("p", "Un interlocuteur unique du titulaire est désigné à la notification ; il participe à la "
                      "réunion trimestrielle de suivi organisée par l'acheteur.")]))
    return arts


def penalty_article(C, pen):
    works = C.nature == "travaux"
    if works:
        a = ("Retard d'exécution : par dérogation au CCAG, le titulaire subit une pénalité de 1/3 000e du montant "
             "hors taxes du marché par jour calendaire de retard.")
        b_ = "Absence aux réunions de chantier : 150 € HT par absence constatée sur le compte rendu."
    else:
        a = "Retard dans l'exécution d'une prestation : 100 € HT par jour calendaire de retard."
        b_ = "Absence à la réunion trimestrielle de suivi du marché : 120 € HT par absence."
    cap = "Le montant cumulé des pénalités est plafonné à 10 % du montant du marché."
    if C.pen_general:
        b = [("h", 2, f"{C.pen_art}.1", "Retards"), ("p", a),
             ("h", 2, f"{C.pen_art}.2", "Autres manquements"), ("p", b_), ("p", cap),
             ("h", 2, f"{C.pen_art}.3", "Manquements à la clause d'insertion")]
        b.extend(pen if pen else [("p", "Sans objet.")])
        return ("Pénalités", b)
    return ("Pénalités", [("p", a), ("p", b_), ("p", cap)])


def tail_articles(C):
    return [
        ("Assurances", [("p", "Le titulaire justifie, dans les quinze jours de la notification, d'une assurance "
                              "couvrant sa responsabilité civile." if "controle" not in C.removed else
                              "Le titulaire produit, dans les quinze jours de la notification, une attestation "
                              "d'assurance couvrant sa responsabilité civile.")]),
        ("Résiliation – litiges", [("p", "Le tribunal administratif territorialement compétent connaît des "
                                         "litiges nés de l'exécution du marché.")]),
        ("Dérogations au CCAG", [("p", "L'article relatif aux pénalités déroge au CCAG en ce qui concerne le "
                                       "montant des pénalités de retard.")]),
    ]


def technical_articles(C):
    works = C.nature == "travaux"
    if works:
        return [("Consistance des travaux", [("p", "Les travaux comprennent l'installation de chantier, les "
                                                   "démolitions préalables, la réalisation des ouvrages décrits au "
                                                   "présent cahier et le repli du chantier.")]),
                ("Prescriptions techniques", [("p", "Les ouvrages sont exécutés conformément aux normes NF DTU en "
                                                    "vigueur et aux règles de l'art. Les matériaux font l'objet "
                                                    "d'une fiche technique soumise au maître d'œuvre avant mise "
                                                    "en œuvre.")])]
    return [("Description des prestations", [("p", "Les prestations comprennent l'ensemble des opérations "
                                                   "décrites ci-après, selon les fréquences du tableau annexé.")]),
            ("Qualité des prestations", [("p", "Le titulaire emploie des produits disposant d'un écolabel et "
                                               "tient un cahier de passage sur chaque site.")])]


def sans_article(C):
    if C.clause == "sans":
        return ("Clause sociale", [("p", C.case.get("ccap_sans", "Clause sociale d'insertion : sans objet."))])
    if C.clause == "derog":
        return ("Condition sociale d'exécution", [("p", DEROG)])
    return None


def assemble(C, kind, pre=(), with_clause=True, tech=False, pointer=False):
    """Builds the administrative document's articles; returns (blocks, clause_art_number)."""
    arts = list(pre) + general_articles(C)
    if tech:
        arts += technical_articles(C)
    pos = int(C.clause_art) - 1
    blocks_by_art = []
    pen = []
    clause_item = None
    if C.clause == "yes" and with_clause and not any(e["code"] == "CS101" for e in C.errs):
        clause_item = "CLAUSE"
    elif C.clause in ("sans", "derog"):
        clause_item = sans_article(C)
    items = arts[:]
    if clause_item is not None:
        if pos > len(items):
            raise RuntimeError(f"{C.name}: clause_art {C.clause_art} beyond {len(items) + 1}")
        items.insert(pos, clause_item)
    C.pen_art = str(len(items) + 1)
    # penalties after the clause (or at the end of the general part)
    out = []
    num = 0
    pen_idx = None
    for it in items:
        num += 1
        if it == "CLAUSE":
            if str(num) != C.clause_art:
                raise RuntimeError(f"{C.name}: clause numbered {num} instead of {C.clause_art}")
            if pointer:
                out.append(("h", 1, str(num), C.case.get("clause_title", "Clause sociale d'insertion")))
                out.append(("p", "Les conditions de la clause sociale d'insertion, condition d'exécution du marché, "
                                 "figurent intégralement à l'annexe 1 à l'acte d'engagement « Engagement "
                                 "d'insertion », qui a valeur contractuelle."))
            else:
                cb, pen = clause_blocks(C, kind, C.layout, str(num))
                out.extend(cb)
            continue
        title, blk = it
        out.append(("h", 1, str(num), title))
        out.extend(blk)
        if title == "Délais et conditions d'exécution" or title == "Durée et exécution des prestations":
            pass
    # penalties, then tail
    num += 1
    ptitle, pblk = penalty_article(C, pen)
    out.append(("h", 1, str(num), ptitle))
    out.extend(pblk)
    for title, blk in tail_articles(C):
        num += 1
        out.append(("h", 1, str(num), title))
        out.extend(blk)
    return out


def build_ccap(C, kind="CCAP"):
    cs = C.case
    title = cs.get("ccap_title", "Cahier des clauses administratives particulières")
    doc = R.Doc(title=title, subtitle=f"{C.buyer} — {C.objet} — Réf. {C.ref}",
                hstyle=cs.get("ccap_hstyle", "article_dash"), autonum=cs.get("ccap_autonum", False),
                h2style=cs.get("h2style", "dot"))
    doc.blocks = assemble(C, kind, pointer=(C.layout == "annex"), tech=(C.layout == "cdc"))
    if cs.get("ccap_land"):
        # lot table on a landscape page
        t = ("t", lots_table(C, True))
        doc.blocks += [("land", True), ("h", 1, None, "Annexe au CCAP – Récapitulatif des lots"), t, ("land", False),
                       ("p", "Fin du document.")]
    return doc


def build_cdc(C):
    cs = C.case
    doc = R.Doc(title=cs.get("cdc_title", "Cahier des charges valant CCAP et CCTP"),
                subtitle=f"{C.buyer} — {C.objet} — Réf. {C.ref}", hstyle=cs.get("ccap_hstyle", "ART_dash"))
    doc.blocks = assemble(C, "CCAP", tech=True)
    return doc


def ae_engagement_blocks(C, kind):
    """The candidate's commitment to the hours, as an AE carries it."""
    cs = C.case
    style = cs.get("ae_style", "sentences")
    where = C.clause_ref()
    b = []
    if "heures" in C.removed:
        b.append(("p", f"Le titulaire s'engage à exécuter l'action d'insertion prévue à {where}."))
        return b
    ac = C.ac or {}
    hp = C.hp.get(kind, {})
    if ac.get("per") == "tranche":
        b.append(("p", f"Le titulaire s'engage à réaliser l'action d'insertion prévue à {where}, soit "
                       f"{C.lots[0].stated} heures par tranche de {T._grp(ac['tranche'])} € HT du montant de chaque "
                       "marché subséquent qui lui est attribué."))
        return b
    if ac.get("per") == "an":
        b.append(("p", f"Le titulaire s'engage à réaliser {hp.get(C.lots[0].n)} heures d'insertion par année "
                       f"d'exécution, dans les conditions de {where}."))
        return b
    if C.unique:
        b.append(("p", f"Je m'engage à réaliser {hp.get('unique')} heures d'insertion dans les conditions prévues "
                       f"à {where}."))
        return b
    if style == "table":
        b.append(("p", f"Le titulaire s'engage, pour le ou les lots qui lui sont attribués, à réaliser les heures "
                       f"d'insertion ci-dessous, selon {where} :"))
        t = [["Lot", "Heures d'insertion à réaliser"]]
        for l in C.lots:
            if l.n in hp:
                v = hp[l.n]
                t.append([f"{l.n} – {l.title}", "à préciser" if v == "tbd" else str(v)])
            elif cs.get("ae_uncovered", True) and not any(
                    e["code"] == "CS404" and e["lot"] == l.n and e["kind"] == kind for e in C.errs):
                t.append([f"{l.n} – {l.title}", "non concerné"])
        if C.total_override and C.total_override[0] == kind:
            t.append(["Total", str(C.total_override[1])])
        b.append(("t", t))
    else:
        b.append(("p", f"Au titre de la clause sociale d'insertion prévue à {where}, le titulaire s'engage à "
                       "réaliser :"))
        for l in C.lots:
            if l.n in hp:
                v = hp[l.n]
                b.append(("li", f"pour le lot n° {l.n} ({l.title}) : " + _hval(v) + " ;"))
    return b


def build_ae(C, kind="AE"):
    cs = C.case
    doc = R.Doc(title=cs.get("ae_title", "Acte d'engagement"), subtitle=f"{C.buyer} — {C.objet} — Réf. {C.ref}",
                hstyle=cs.get("ae_hstyle", "bare"))
    doc.h(1, "1", "Acheteur")
    doc.p(f"{C.buyer}. Personne habilitée à donner les renseignements : {cs.get('rep', 'le président')}.")
    doc.h(1, "2", "Titulaire")
    doc.p("Nom, prénom et qualité du signataire : ..............................................")
    doc.p("Raison sociale, adresse et numéro SIRET : ............................................")
    doc.h(1, "3", "Objet et prix")
    doc.p(f"Objet : {C.objet}." + ("" if C.unique else " Lot(s) : ........"))
    doc.p("Montant de l'offre : ................ € HT, soit ................ € TTC.")
    n = 3
    has_commit = C.clause == "yes" and not any(e["code"] == "CS103" for e in C.errs) and cs.get("ae_commit", True)
    if has_commit:
        n += 1
        doc.h(1, str(n), cs.get("ae_commit_title", "Engagement d'insertion"))
        if C.layout == "annex":
            doc.p("Le titulaire s'engage à exécuter l'action d'insertion décrite à l'annexe 1 au présent acte "
                  "d'engagement, qu'il signe.")
            if kind in C.hp:
                doc.blocks.extend(ae_engagement_blocks(C, kind))
        else:
            doc.blocks.extend(ae_engagement_blocks(C, kind))
    n += 1
    doc.h(1, str(n), "Signature")
    doc.p("Fait à ........................, le ........................")
    doc.p("Signature du candidat :")
    return doc


def build_annex(C):
    """Annex that holds the whole clause (layout annex) or a commitment form."""
    cs = C.case
    if C.layout == "annex":
        doc = R.Doc(title=cs.get("annex_title", "Annexe 1 à l'acte d'engagement – Engagement d'insertion"),
                    subtitle=f"{C.buyer} — {C.objet}", hstyle="bare")
        cb, pen = clause_blocks(C, "ANNEXE_CLAUSE", cs.get("annex_layout", "annex_sub"), "1")
        doc.blocks = cb
        doc.h(1, "2", "Engagement du candidat")
        doc.p("Je soussigné(e), représentant le candidat, m'engage à réaliser les heures d'insertion fixées au "
              "point 1 ci-dessus pour le ou les lots qui me seront attribués.")
        doc.p("Fait à ........................, le ........................ Signature :")
        return doc
    doc = R.Doc(title=cs.get("annex_title", "Fiche d'engagement – clause sociale d'insertion"),
                subtitle=f"{C.buyer} — {C.objet}", hstyle="bare")
    doc.p(f"La présente fiche est jointe à l'offre. Elle reprend l'engagement d'insertion prévu à {C.clause_ref()}.")
    doc.blocks.extend(ae_engagement_blocks(C, "ANNEXE_CLAUSE"))
    doc.p("Nom du candidat : ........................ Signature : ........................")
    return doc


def build_aeccap(C):
    cs = C.case
    doc = R.Doc(title="Marché valant acte d'engagement et cahier des clauses administratives particulières",
                subtitle=f"{C.buyer} — {C.objet} — Réf. {C.ref}", hstyle=cs.get("ccap_hstyle", "chap"))
    pre = [("Parties au marché", [("p", f"Acheteur : {C.buyer}."),
                                  ("p", "Titulaire (nom, adresse, SIRET, signataire) : ................................")]),
           ("Engagement du titulaire et prix",
            [("p", "Après avoir pris connaissance des pièces du marché, le titulaire s'engage à exécuter les "
                   "prestations au prix de ................ € HT.")] + ae_engagement_blocks(C, "AE"))]
    doc.blocks = assemble(C, "AE", pre=pre)
    doc.blocks += [("h", 1, None, "Signatures"), ("p", "Pour le titulaire : ............  Pour l'acheteur : ............")]
    return doc


# ------------------------------------------------------------------ other pieces
def build_cctp(C):
    cs = C.case
    doc = R.Doc(title=cs.get("cctp_title", "Cahier des clauses techniques particulières"),
                subtitle=f"{C.buyer} — {C.objet}", hstyle="bare")
    works = C.nature == "travaux"
    doc.h(1, "1", "Présentation de l'opération")
    doc.p(cs.get("cctp_intro", f"Le présent cahier décrit les prestations relatives à : {C.objet}."))
    for l in C.lots:
        if l.n == "unique":
            continue
        doc.h(2, f"1.{l.n}", f"Lot {l.n} – {l.title}")
        doc.p("Les prestations du lot sont décrites dans les articles ci-après et quantifiées dans les "
              "documents de prix." if not l.reserved else "Prestations décrites au dossier du lot réservé.")
    doc.h(1, "2", "Prescriptions générales")
    if works:
        doc.p("Les ouvrages respectent les normes NF DTU, les Eurocodes et la réglementation thermique en vigueur. "
              "Les déchets de chantier sont triés sur place en cinq flux au moins.")
    else:
        doc.p("Les prestations sont exécutées selon les fréquences du tableau annexé ; les produits employés "
              "disposent d'un écolabel européen.")
    doc.h(1, "3", "Réception et contrôles")
    doc.p(("Le maître d'œuvre" if works else "L'acheteur") + " procède à des contrôles contradictoires ; les "
          "non-conformités font l'objet d'une reprise sous huit jours.")
    return doc


def build_prices(C, kind):
    rows = [["N°", "Désignation", "Unité", "Quantité", "Prix unitaire HT", "Montant HT"]]
    rng = random.Random(C.seed + "/" + kind)
    items = ["Installation de chantier", "Terrassements en déblai", "Béton de propreté", "Fourniture et pose",
             "Évacuation des déblais", "Nettoyage de fin de chantier", "Repli des installations"]
    if C.nature != "travaux":
        items = ["Prestation de base mensuelle", "Intervention ponctuelle", "Remise en état après travaux",
                 "Fourniture de consommables", "Astreinte mensuelle"]
    for i, it in enumerate(items, 1):
        rows.append([f"{i}", it, rng.choice(["U", "m²", "m³", "ens.", "mois"]), rng.randint(1, 400), None, None])
    sheets = []
    for l in C.lots:
        sheets.append((f"Lot {l.n}" if l.n != "unique" else kind, rows))
    return sheets


def build_notes(C, planted):
    if planted:
        return ("Notes de relecture – à retirer avant mise en ligne\n"
                f"- {C.ref} : vérifier la date limite avec le service juridique\n"
                "- faire signer le RC par l'élu délégué\n"
                "- renuméroter les pages du CCTP\n")
    return "Liste des pièces transmises au service reprographie.\n"


def build_attest(C):
    doc = R.Doc(title="Attestation de visite des lieux", subtitle=C.buyer)
    doc.p(f"Consultation : {C.objet} (réf. {C.ref}).")
    doc.p("Je soussigné(e), représentant de l'acheteur, atteste que l'entreprise ............................ "
          "a visité le site le ........................ en présence de ........................")
    doc.p("Cachet et signature :")
    return doc


# ------------------------------------------------------------------ writing one file
def write(doc, path, fmt, seed):
    _write(doc, path, fmt, seed)
    if fmt in ("docx", "docx_auto", "odt"):
        R.normalize_zip(path)
    elif fmt == "lopdf":
        R.normalize_lo_pdf(path)
    elif fmt == "rtf":
        R.normalize_rtf(path)


def _write(doc, path, fmt, seed):
    if fmt == "docx":
        R.render_docx(doc, path)
    elif fmt == "docx_auto":
        doc.autonum = True
        R.render_docx(doc, path)
    elif fmt == "pdf":
        R.render_pdf(doc, path)
    elif fmt == "lopdf":
        if R.soffice_pdf(doc, path) != "soffice":
            print(f"  (soffice indisponible : {path.name} écrit par fpdf2)")
    elif fmt in ("doc", "rtf"):
        if not R.soffice_convert(doc, path, fmt):
            raise RuntimeError(f"LibreOffice n'a pas produit {path}")
    elif fmt == "odt":
        R.render_odt(doc, path)
    elif fmt == "scan":
        R.render_scanned_pdf(doc, path, seed=seed)
    elif fmt == "encrypted":
        R.render_pdf(doc, path, password="dce2026")
    elif fmt == "trunc_docx":
        R.render_docx(doc, path)
        R.normalize_zip(path)
        R.damage_truncate(path, 0.35)
    elif fmt == "empty":
        R.damage_empty(path)
    else:
        raise ValueError(fmt)


def _block_index(doc, sub):
    for i, b in enumerate(doc.blocks):
        if b[0] in ("p", "li") and sub in b[1]:
            return i
        if b[0] == "h" and sub in b[3]:
            return i
    raise KeyError(sub)


DCE_LABEL = {"RC": "le règlement de la consultation", "CCAP": "le cahier des clauses administratives particulières",
             "CDC": "le cahier des charges valant CCAP et CCTP", "AE": "l'acte d'engagement",
             "AECCAP": "le marché valant acte d'engagement et CCAP",
             "ANNEX": "l'annexe 1 à l'acte d'engagement (engagement d'insertion)",
             "FICHE": "la fiche d'engagement relative à la clause sociale", "AAPC": "l'avis de publicité",
             "CCTP": "le cahier des clauses techniques particulières", "DPGF": "la décomposition du prix global et "
             "forfaitaire", "DQE": "le détail quantitatif estimatif", "BPU": "le bordereau des prix unitaires",
             "PLAN": "le plan de situation", "ATTEST": "le modèle d'attestation de visite"}


def build(case, outdir: Path):
    if "dce_list" not in case:
        seen = []
        for role, _fmt, _f in case["files"]:
            lab = DCE_LABEL.get(role)
            if lab and lab not in seen:
                seen.append(lab)
        case = dict(case, dce_list=[x[0].upper() + x[1:] + " ;" for x in seen])
    C = Ctx(case)
    outdir.mkdir(parents=True, exist_ok=True)
    texts = {}
    kinds = {}
    seed = sum(ord(c) for c in C.name)
    files = case["files"]
    docs = {}
    for role, fmt, fname in files:
        path = outdir / fname
        kind = KIND[role]
        doc = None
        if role == "RC":
            doc = build_rc(C, variant=case.get("rc_variant", {}).get(fname, 0))
        elif role == "AAPC":
            doc = build_aapc(C)
        elif role == "CCAP":
            doc = build_ccap(C)
        elif role == "CDC":
            doc = build_cdc(C)
        elif role == "AECCAP":
            doc = build_aeccap(C)
        elif role == "AE":
            doc = build_ae(C)
        elif role in ("ANNEX", "FICHE"):
            doc = build_annex(C)
        elif role == "CCTP":
            doc = build_cctp(C)
        elif role == "ATTEST":
            doc = build_attest(C)
        elif role in ("DPGF", "DQE", "BPU"):
            if fmt == "xlsx":
                R.render_xlsx(build_prices(C, role), path, title=f"{role} – {C.objet}")
                R.normalize_zip(path)
                texts[fname] = "\n".join(" | ".join(str(c) for c in r if c is not None)
                                         for _n, rows in build_prices(C, role) for r in rows)
            elif fmt == "trunc_xlsx":
                R.render_xlsx(build_prices(C, role), path, title=f"{role} – {C.objet}")
                R.normalize_zip(path)
                R.damage_truncate(path, 0.4)
                texts[fname] = "(illisible)"
            else:
                doc = R.Doc(title=f"{role} – {C.objet}")
                for _n, rows in build_prices(C, role):
                    doc.t([[("" if c is None else str(c)) for c in r] for r in rows])
        elif role == "PLAN":
            R.render_plan(path, [C.buyer, C.objet, "Plan de situation – échelle 1/2000"], seed=seed)
            texts[fname] = ""
        elif role == "NOTES":
            path.write_text(build_notes(C, planted=case.get("notes_planted", False)), encoding="utf-8")
            texts[fname] = path.read_text(encoding="utf-8")
        elif role == "COPY":
            src = outdir / case["copy_of"]
            shutil.copyfile(src, path)
            texts[fname] = texts[case["copy_of"]]
            kind = kinds[case["copy_of"]]
        else:
            raise ValueError(role)
        if doc is not None:
            for sub, ins, dele in case.get("tracked", {}).get(fname, []):
                doc.tracked.append((_block_index(doc, sub), ins, dele))
            for sub, com in case.get("comments", {}).get(fname, []):
                doc.comments.append((_block_index(doc, sub), com))
            if fmt != "empty":
                write(doc, path, fmt, seed)
            else:
                R.damage_empty(path)
            docs[fname] = doc
            texts[fname] = doc.text() if fmt not in ("empty",) else ""
        if fmt in ("scan", "encrypted", "trunc_docx", "trunc_xlsx", "empty"):
            kind = None
        kinds[fname] = kind
    key = answer_key(C, kinds)
    return C, key, texts, docs


# ------------------------------------------------------------------ answer key
def clause_pieces(C):
    files = {r: f for r, _fmt, f in C.case["files"]}
    if C.layout == "annex":
        return [files["CCAP"], files["ANNEX"]]
    if C.layout == "cdc":
        return files["CDC"]
    if C.layout == "aeccap":
        return files["AECCAP"]
    return files["CCAP"]


def _kind_file(C, kind):
    role = {"RC": "RC", "AE": "AE", "ANNEXE_CLAUSE": "ANNEX", "CCAP": "CCAP"}[kind]
    for r, _f, fname in C.case["files"]:
        if r == role or (kind == "ANNEXE_CLAUSE" and r == "FICHE") or (kind == "CCAP" and r in ("CDC",)) or (
                kind == "AE" and r == "AECCAP"):
            return fname
    raise KeyError(kind)


def answer_key(C, kinds):
    cs = C.case
    F, O = [], []
    files = {f: (r, fmt) for r, fmt, f in cs["files"]}
    for e in C.errs:
        c = e["code"]
        note = e.get("note", "")
        piece = e.get("piece")
        lot = e.get("lot")
        if c in ("CS100", "CS103", "CS105", "CS501", "CS403", "CS405"):
            piece = None
        elif c.startswith("CS3"):
            piece = clause_pieces(C)
        elif c in ("CS401", "CS404"):
            piece = [_kind_file(C, k) for k in e["kinds"]]
        elif c == "CS402":
            piece = _kind_file(C, e["kind"])
        if c == "CS301" and not e.get("lot"):
            lot = None
        if c not in ("CS301", "CS401", "CS403", "CS404", "CS405"):
            lot = None
        F.append(dict(code=c, piece=piece, lot=lot, planted=True, note=note))
        if c == "CS305":
            F.append(dict(code="CS308", piece=clause_pieces(C), lot=None, planted=False,
                          note="le CS305 planté retire aussi la pénalité de retard des documents de suivi, qui n'ont "
                               "plus d'objet : aucune pénalité pour défaut de transmission"))
        if c == "CS101":
            for cc in ("CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
                O.append(dict(code=cc, piece=None, lot=None,
                              note="CCAP sans article de clause : le contenu de la clause n'est jugé dans aucune "
                                   "pièce (lecture des corpus précédents)"))
        if c == "CS301" and not e.get("lot"):
            O.append(dict(code="CS103", piece=None, lot=None,
                          note="l'AE s'engage sur la clause mais la clause ne fixe aucun nombre d'heures"))
        if c == "CS405":
            O.append(dict(code="CS403", piece=None, lot=e["lot"],
                          note="lot de fournitures seules : le calcul donne 0 h, l'écart est déjà CS405"))
        if c in ("CS901", "CS902"):
            O.append(dict(code="CS904", piece=e["piece"], lot=None,
                          note="pièce illisible ou scannée : son type ne peut être reconnu"))
    for fname, (role, fmt) in files.items():
        if role == "PLAN" or (role == "NOTES" and not cs.get("notes_planted")):
            F.append(dict(code="CS904", piece=fname, lot=None, planted=False,
                          note="fichier qui n'est pas une pièce du DCE (plan, liste)"))
        if fmt in ("doc", "rtf"):
            O.append(dict(code="CS901", piece=fname, lot=None,
                          note=f"format ancien .{fmt} (LibreOffice) : la spécification admet CS901 pour un format "
                               "que l'outil ne sait pas ouvrir ; un outil qui le lit ne doit rien signaler"))
            O.append(dict(code="CS904", piece=fname, lot=None, note=f"pièce .{fmt} qui peut ne pas être lue"))
            if role == "AE":
                O.append(dict(code="CS103", piece=None, lot=None,
                              note="si l'AE .rtf n'est pas lu, l'engagement n'est pas vu"))
    if C.clause == "none":
        F.append(dict(code="CS100", piece=None, lot=None, planted=False,
                      note="aucune pièce ne porte de clause et aucune ne dit « sans »"))
        if any(r == "AAPC" for r, _f, _n in cs["files"]):
            O.append(dict(code="CS104", piece=None, lot=None,
                          note="avis d'une consultation sans clause : CS104 n'a pas d'objet (lecture des corpus "
                               "précédents)"))
    if C.clause == "derog":
        O.append(dict(code="CS100", piece=None, lot=None,
                      note="la dérogation motivée tient lieu de mention ; CS100 (info) facultatif"))
    for o in cs.get("optional", []):
        O.append(o)
    lots = {}
    kinds_with_hours = [k for k in C.hour_kinds]
    for l in C.lots:
        if (C.ac or {}).get("per") == "tranche":
            continue
        vals = {k: C.hp[k].get(l.n) for k in kinds_with_hours if l.n in C.hp[k]}
        vals = {k: v for k, v in vals.items() if isinstance(v, int)}
        if not vals:
            continue
        if len(set(vals.values())) == 1:
            lots[l.n] = next(iter(vals.values()))
        else:
            lots[l.n] = vals
    key = dict(name=C.name, half="sealed", review_date=C.review, description=cs["desc"],
               pieces={f: kinds[f] for f in kinds}, lots=lots, findings=F, optional=O)
    return key
