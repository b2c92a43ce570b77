"""Writes the pieces of one blind11 consultation from its description and derives its answer key.

All wording here was written for this corpus (blind11), in French, from the facts of
shared/domain/reference.md; none is taken from a published clause or from another corpus."""

from __future__ import annotations

import datetime as dt
import math
import random
from fractions import Fraction as F

from .render import Doc
from .words import date_long, date_num, euros, fr_words, num

# ------------------------------------------------------------------ hours (hours.md, default profile)
# labour shares: middle of the ranges of reference.md § 6.2 (the range itself for CS403 checks)
MO_RANGE = {
    "vrd": (F(25, 100), F(35, 100)), "gros_oeuvre": (F(40, 100), F(50, 100)),
    "charpente_bois": (F(30, 100), F(40, 100)), "charpente_metallique": (F(20, 100), F(20, 100)),
    "couverture_etancheite": (F(35, 100), F(45, 100)), "menuiseries_exterieures": (F(20, 100), F(30, 100)),
    "menuiseries_interieures": (F(35, 100), F(45, 100)), "platrerie": (F(50, 100), F(60, 100)),
    "peinture": (F(60, 100), F(70, 100)), "revetements_sols": (F(40, 100), F(50, 100)),
    "electricite": (F(40, 100), F(50, 100)), "plomberie_cvc": (F(30, 100), F(40, 100)),
    "ascenseurs": (F(15, 100), F(25, 100)), "espaces_verts_creation": (F(40, 100), F(50, 100)),
    "espaces_verts_entretien": (F(60, 100), F(70, 100)), "nettoyage": (F(80, 100), F(90, 100)),
    "collecte_dechets": (F(50, 100), F(60, 100)), "restauration": (F(40, 100), F(50, 100)),
    "demolition_desamiantage": (F(40, 100), F(60, 100)), "fournitures": (F(0), F(0)),
}
MO = {k: (a + b) / 2 for k, (a, b) in MO_RANGE.items()}
RATE, COST, STEP, HMIN = F(5, 100), F(30), 5, 70


def raw_hours(amount, trade, share=None):
    m = MO[trade] if share is None else share
    return F(int(round(amount))) * m * RATE / COST


def round5(x: F) -> int:
    return int(math.floor(x / STEP + F(1, 2))) * STEP


def computed(amount, trade):
    r = raw_hours(amount, trade)
    return None if r < HMIN else round5(r)


def edge_ok(amount, trade, small=False):
    """Amounts are kept away from rounding edges and from the minimum."""
    r = raw_hours(amount, trade)
    if trade == "fournitures":
        return True
    if small:
        return r < 60
    if r < 95:
        return False
    frac = (r / STEP) - math.floor(r / STEP)
    return abs(frac - F(1, 2)) > F(1, 10)


# ------------------------------------------------------------------ facilitators (invented; fiction phone ranges)
FAC = {
    "plie_sevre": dict(struct="PLIE du Pays de Sèvre-Vonne", person="Mme Élodie Garnaud",
                       role="chargée de mission clauses sociales", tel="05 36 49 21 08",
                       mail="clauses@plie-sevre-vonne.fr"),
    "mde_ormois": dict(struct="Maison de l'emploi du Grand Ormois", person="M. Karim Belhadj",
                       role="facilitateur des clauses sociales", tel="02 61 91 40 17",
                       mail="k.belhadj@mde-grandormois.fr"),
    "guichet_ormois": dict(struct="Guichet clauses sociales de Grand Ormois Agglomération",
                           person="Mme Sandrine Pellerin", role="chargée de mission clauses sociales",
                           tel="02 61 91 07 33", mail="guichet.clauses@grandormois-agglo.fr",
                           site="https://clauses.grandormois-agglo.fr"),
    "plie_marches": dict(struct="PLIE des Marches de Lyre", person="M. Thomas Rivoal",
                         role="chargé de mission clauses sociales", tel="03 53 01 62 90",
                         mail="t.rivoal@plie-marches-lyre.fr"),
    "dept_vonne": dict(struct="Mission insertion du Département de la Vonne", person="Mme Nadia Ferrand",
                       role="chargée de mission clauses sociales", tel="04 65 71 38 02",
                       mail="clauses.sociales@vonne.fr", site="https://suivi-clauses.vonne.fr"),
    "mde_caux": dict(struct="Maison de l'emploi et de la formation Caux-Aulne", person="M. Julien Cardinaud",
                     role="facilitateur", tel="01 99 00 52 64", mail="facilitation@mef-caux-aulne.fr"),
    "guichet_brevon": dict(struct="Guichet clauses sociales de la Communauté d'agglomération Brévon Agglo",
                           person="Mme Laure Quéméner", role="chargée de mission clauses sociales",
                           tel="05 36 49 77 15", mail="clauses.sociales@brevon-agglo.fr",
                           site="https://clauses.brevon-agglo.fr"),
}

CCAG = {
    "travaux": ("CCAG-Travaux", "cahier des clauses administratives générales applicable aux marchés "
                "publics de travaux", "20.1", "20.2"),
    "fcs": ("CCAG-FCS", "cahier des clauses administratives générales applicable aux marchés publics de "
            "fournitures courantes et de services", "16.1", "16.2"),
    "tic": ("CCAG-TIC", "cahier des clauses administratives générales applicable aux marchés publics de "
            "techniques de l'information et de la communication", "16.1", "16.2"),
}

THRESH = {"travaux": 5404000, "local": 216000, "etat": 140000}
LOI_CLIMAT = dt.date(2026, 8, 21)


# ------------------------------------------------------------------ case facts
class Case:
    def __init__(self, d):
        self.d = d
        self.name = d["name"]
        self.rng = random.Random(self.name)
        self.errs = {}
        for e in d.get("errs", []):
            code, arg = (e if isinstance(e, tuple) else (e, None))
            self.errs[code] = arg
        self.o = d.get("o", {})
        self.clause = d.get("clause", "yes")
        self.lots = []
        for L in d["lots"]:
            L = dict(L)
            a = L["a"]
            if L.get("trade") in MO and L["trade"] != "fournitures" and not L.get("fixed") and not L.get("reserved"):
                step = 5000 if not L.get("small") else -5000
                while not edge_ok(a, L["trade"], L.get("small")):
                    a += step
            L["a"] = a
            self.lots.append(L)
        self.ccag = d["ccag"]
        self.fac = FAC.get(d.get("fac", ""), None)
        self.hours = {}  # lot -> hours written in the clause (None: à préciser)
        self.covered = []
        for L in self.lots:
            if self.clause != "yes" or L.get("reserved") or L.get("exclude"):
                continue
            n = L["n"]
            if L.get("trade") == "fournitures":
                if self.errs.get("CS405") == n:
                    self.hours[n] = 140 if "CS405h" not in d else d["CS405h"]
                    self.covered.append(n)
                continue
            if L.get("fixed"):
                h = L["fixed"]
            elif L.get("trade") not in MO:
                continue
            else:
                h = computed(L["a"], L["trade"])
            if h is None:
                continue
            if self.errs.get("CS403") == n:
                h = round5(F(h) * 4)
            if (d.get("ac") or {}).get("mode") == "tranche":
                h = None  # hours per tranche of each marché subséquent: no number for the lot
            if self.errs.get("CS301") == n or (self.errs.get("CS301", 0) is None and "CS301" in self.errs):
                h = None
            self.hours[n] = h
            self.covered.append(n)
        self.ac = d.get("ac")

    # helpers -------------------------------------------------------
    def lot(self, n):
        return next(L for L in self.lots if L["n"] == n)

    def has(self, code):
        return code in self.errs

    def value(self):
        if self.ac and self.ac.get("max"):
            return self.ac["max"]
        tot = sum(L["a"] for L in self.lots)
        if self.ac and self.ac.get("years"):
            tot *= self.ac["years"]
        return tot

    def threshold(self):
        if self.d["nature"] == "travaux":
            return THRESH["travaux"]
        return THRESH["etat" if self.d.get("etat") else "local"]

    def obligation(self):
        return self.d["envoi"] >= LOI_CLIMAT and self.value() >= self.threshold()

    def single(self):
        return len(self.lots) == 1 and self.lots[0]["n"] == "unique"

    def pick(self, *opts):
        """Stable choice: the same call site gives the same wording in every version of a piece."""
        import hashlib
        h = int(hashlib.sha1((self.name + opts[0]).encode()).hexdigest()[:8], 16)
        return opts[h % len(opts)]


# ------------------------------------------------------------------ hours wording
def hfmt(c: Case, h, unit=None, style=None):
    st = style or c.o.get("hnum", "sp")
    u = unit or c.o.get("hunit", "heures")
    if st == "words":
        return f"{fr_words(h)} ({num(h, 'sp')}) {u}"
    return f"{num(h, st)} {u}"


def per_year(c):
    return " par an" if c.ac and c.ac.get("mode") == "year" else ""


def lot_label(c, L):
    if L["n"] == "unique":
        return "Marché"
    return f"Lot {L['n']} – {L['t']}"


def not_concerned_reason(c, L):
    if L.get("reserved"):
        return "non concerné (lot réservé aux structures d'insertion par l'activité économique)"
    if L.get("trade") == "fournitures":
        return "non concerné (fourniture livrée, sans main-d'œuvre sur place)"
    if L.get("exclude"):
        return "non concerné"
    return "non concerné (volume calculé inférieur à 70 heures)"


def hours_blocks(c: Case, role="ccap", total_ok=True):
    """The hours of the clause, in the case's way of writing them."""
    style = c.o.get("hstyle", "list")
    bul = c.o.get("bullet", "–")
    B = []
    py = per_year(c)
    if c.ac and c.ac.get("mode") == "tranche":
        B.append(("p", f"Chaque marché subséquent passé sur le fondement de l'accord-cadre comporte un volume "
                       f"d'insertion de {c.ac['per']} heures par tranche de {euros(c.ac['tranche'])} du montant "
                       f"du marché subséquent, toute tranche entamée étant due au prorata. Le nombre d'heures "
                       f"est rappelé dans la lettre de consultation de chaque marché subséquent."))
        return B
    if c.has("CS301") and c.errs["CS301"] is None:
        B.append(("p", "Le volume d'heures d'insertion sera communiqué au titulaire lors de la réunion de "
                       "lancement, en fonction du planning des interventions."))
        return B
    dur = c.d.get("duree", "")
    lines = []
    for L in c.lots:
        n = L["n"]
        if n in c.hours:
            h = c.hours[n]
            if h is None:
                val = "nombre d'heures à préciser"
            else:
                val = hfmt(c, h) + py
            if style == "sentence":
                who = "Pour le marché" if n == "unique" else f"Pour le lot {n} « {L['t']} »"
                if h is None:
                    lines.append(("p", f"{who} (estimation : {euros(L['a'])}{py and ' par an'} ; durée : {dur}), "
                                       f"le volume d'insertion reste à préciser."))
                else:
                    lines.append(("p", f"{who} (estimation : {euros(L['a'])}{py and ' par an'} ; durée : {dur}), "
                                       f"le titulaire réalise {val}."))
            elif style == "words" and h is not None:
                who = "Le titulaire du marché" if n == "unique" else f"Le titulaire du lot {n} ({L['t']})"
                lines.append(("p", f"{who} réalise au minimum {hfmt(c, h, style='words')}{py} d'insertion."))
            elif style == "table":
                lines.append(("row", [lot_label(c, L), val]))
            else:
                lines.append(("p", f"{bul} {lot_label(c, L)} : {val}"))
        else:
            if n == "unique":
                continue
            reason = not_concerned_reason(c, L)
            if style == "table":
                lines.append(("row", [lot_label(c, L), reason]))
            elif style in ("sentence", "words"):
                lines.append(("p", f"Le lot {n} ({L['t']}) est {reason}."))
            else:
                lines.append(("p", f"{bul} {lot_label(c, L)} : {reason}"))
    intro = c.pick("Le volume horaire d'insertion à la charge du titulaire est fixé comme suit :",
                   "Les heures d'insertion que le titulaire s'engage à réaliser sont les suivantes :",
                   "Nombre d'heures de travail réservées à l'insertion :")
    if c.single():
        intro = ""
    if intro:
        B.append(("p", intro))
    rows = [x[1] for x in lines if x[0] == "row"]
    if rows:
        B.append(("t", [["Lot", "Heures d'insertion" + (" par an" if py else "")]] + rows))
    B.extend(x for x in lines if x[0] == "p")
    known = [h for n, h in c.hours.items() if h is not None]
    if total_ok and c.o.get("total") and len(known) >= 2:
        tot = sum(known)
        if c.has("CS402") and role == c.errs.get("CS402", "ccap"):
            tot += 100
        B.append(("p", f"Soit un total de {hfmt(c, tot)}{py} pour l'ensemble des lots concernés."))
    if c.ac and c.ac.get("mode") == "year" and c.hours.get("unique"):
        h = c.hours["unique"]
        B.append(("p", f"Sur la durée maximale de {c.ac['years']} ans, l'engagement représente "
                       f"{hfmt(c, h * c.ac['years'])} au total."))
    return B


# ------------------------------------------------------------------ clause elements
def legal_basis(c: Case, with_ccag=True):
    art = "l'article L2112-2 du code de la commande publique"
    if c.obligation():
        art = "les articles L2112-2 et L2112-2-1 du code de la commande publique"
    if c.has("CS201") and c.errs["CS201"] == "ccap":
        art = "l'article 38 de l'ordonnance n° 2015-899 du 23 juillet 2015 relative aux marchés publics"
    if c.has("CS202"):
        art = {"L2113-13": "l'article L2113-13 du code de la commande publique",
               "R2152-7": "l'article R2152-7 du code de la commande publique"}[c.errs["CS202"]]
    short, _long, a_soc, _a_env = CCAG[c.ccag]
    ccag = f"l'article {a_soc} du {short}"
    if c.has("CS203") and c.errs["CS203"] == "art":
        ccag = {"travaux": "l'article 16.1 du CCAG-Travaux", "fcs": "l'article 20.1 du CCAG-FCS",
                "tic": "l'article 20.1 du CCAG-TIC"}[c.ccag]
    de = "des " + art[4:] if art.startswith("les ") else "de " + art
    s = (f"Sur le fondement {de}, l'exécution du marché comporte une action d'insertion professionnelle : "
         f"une part des heures de travail est réservée à des personnes en parcours d'insertion.")
    if with_ccag:
        s += f" La présente clause précise les modalités prévues à {ccag}."
    return s


PUB_ITEMS = [
    "demandeurs d'emploi de longue durée (au moins 12 mois d'inscription à France Travail au cours des "
    "18 derniers mois)",
    "allocataires de minima sociaux (RSA, ASS, AAH) et leurs ayants droit",
    "travailleurs reconnus handicapés (RQTH, article L5212-13 du code du travail)",
    "jeunes de moins de 26 ans de niveau de qualification inférieur au baccalauréat, suivis par une Mission locale",
    "demandeurs d'emploi âgés de 50 ans et plus",
    "résidents des quartiers prioritaires de la politique de la ville (QPV)",
    "salariés en parcours dans une structure d'insertion par l'activité économique, titulaires d'un PASS IAE",
    "toute personne rencontrant des difficultés particulières d'accès à l'emploi, sur avis motivé du facilitateur",
]


def el_publics(c: Case):
    items = list(PUB_ITEMS)
    if c.has("CS204") and c.errs["CS204"] == "pole":
        items[0] = ("demandeurs d'emploi de longue durée (au moins 12 mois d'inscription à Pôle emploi au cours des "
                    "18 derniers mois)")
    if c.has("CS204") and c.errs["CS204"] == "zus":
        items[5] = "habitants des zones urbaines sensibles (ZUS)"
    bul = c.o.get("bullet", "–")
    B = [("p", c.pick("Les publics éligibles sont, après validation de leur situation par le facilitateur :",
                      "Peuvent être recrutées au titre de la clause (public éligible, validé par le facilitateur) :"))]
    if c.o.get("numlist"):
        for i, it in enumerate(items):
            B.append(("p", f"{'abcdefghij'[i]}) les {it} ;"))
    else:
        B.extend(("p", f"{bul} {it[0].upper() + it[1:]} ;") for it in items)
    return B


MOD_ITEMS = [
    "l'embauche directe par le titulaire ou ses sous-traitants (CDI, CDD d'au moins trois mois, contrat "
    "d'apprentissage ou de professionnalisation)",
    "la mise à disposition de salariés par une entreprise de travail temporaire d'insertion (ETTI), une "
    "association intermédiaire ou un groupement d'employeurs pour l'insertion et la qualification (GEIQ)",
    "la sous-traitance ou la co-traitance d'une partie des prestations avec une entreprise d'insertion, un "
    "atelier et chantier d'insertion, une entreprise adaptée ou un ESAT",
    "la combinaison de ces modalités, au libre choix du titulaire",
]


def el_modalites(c: Case):
    B = [("p", "Le titulaire choisit librement la ou les modalités de mise en œuvre suivantes :")]
    for i, it in enumerate(MOD_ITEMS):
        B.append(("p", f"{'abcd'[i]}) {it} ;"))
    B.append(("p", "Les heures sont décomptées sur la base des heures effectivement travaillées par les salariés "
                   "en insertion sur le marché."))
    return B


def el_contact(c: Case):
    f = c.fac
    s = c.pick(
        f"Le titulaire est accompagné gratuitement par le facilitateur : {f['struct']} – {f['person']}, "
        f"{f['role']} – tél. {f['tel']} – courriel : {f['mail']}.",
        f"Interlocuteur pour la mise en œuvre : {f['person']} ({f['role']}), {f['struct']}, "
        f"{f['tel']}, {f['mail']}.",
    )
    B = [("p", s)]
    B.append(("p", "Le facilitateur aide le titulaire à identifier les candidats, propose des structures "
                   "partenaires et suit la réalisation des heures."))
    return B


def el_suivi(c: Case):
    f = c.fac or {}
    if c.o.get("suivi") == "plateforme" and f.get("site"):
        s = (f"Le titulaire déclare les heures réalisées sur la plateforme en ligne de suivi des clauses "
             f"({f['site']}) au plus tard le 10 de chaque mois pour le mois écoulé, et y dépose les "
             f"justificatifs : contrats de travail, relevés d'heures ou bulletins de paie.")
    else:
        s = ("Le titulaire remet chaque mois, au plus tard le 5 du mois suivant, un état récapitulatif des "
             "heures d'insertion réalisées (salarié désigné par un code, type de contrat, dates, heures), avec "
             "les justificatifs : contrats de travail, relevés d'heures ou bulletins de paie.")
    B = [("p", s)]
    B.append(("p", "Un bilan quantitatif et qualitatif est établi à la fin de l'exécution ; le facilitateur "
                   "délivre alors l'attestation de réalisation."))
    return B


def pen_hour_text(c: Case):
    if c.has("CS307"):
        if c.errs["CS307"] == "smic2025":
            return ("une pénalité de 1,5 fois le SMIC horaire brut de 2025, soit 11,88 € × 1,5 = 17,82 € par heure "
                    "d'insertion non réalisée")
        return ("une pénalité, par heure d'insertion non réalisée, dont le montant sera fixé ultérieurement par "
                "l'acheteur")
    return {
        "smic15": "une pénalité égale à 1,5 fois le SMIC horaire brut en vigueur à la date du constat, par heure "
                  "d'insertion non réalisée",
        "smic2": "une pénalité de deux fois le SMIC horaire brut applicable au mois du constat, par heure "
                 "d'insertion non réalisée",
        "fix40": "une pénalité de 40 € HT par heure d'insertion non réalisée",
        "fix35": "une pénalité de 35 € HT par heure d'insertion non réalisée à la fin de l'exécution",
    }[c.d.get("pen_h", "smic15")]


def pen_docs_text(c: Case):
    return {
        "day100": "100 € par jour calendaire de retard dans la transmission de l'état récapitulatif ou des "
                  "justificatifs demandés",
        "etat150": "150 € par état mensuel non transmis à l'échéance, après relance restée sans effet",
        "week200": "200 € par semaine de retard dans la transmission des justificatifs demandés",
    }[c.d.get("pen_d", "day100")]


def el_penalites(c: Case):
    with_h = not c.has("CS306")
    with_d = not (c.has("CS308") or c.has("CS305"))
    B = []
    if c.o.get("pen_table"):
        rows = [["Manquement constaté", "Sanction applicable"]]
        if with_h:
            rows.append(["Heures d'insertion non réalisées à l'échéance du marché", pen_hour_text(c)])
        if with_d:
            rows.append(["Retard dans la transmission des documents de suivi", pen_docs_text(c)])
        rows.append(["Refus de participer à la réunion de lancement", "mise en demeure, puis 150 € par réunion manquée"])
        B.append(("p", "En cas de non-respect de ses obligations d'insertion, le titulaire encourt, après mise en "
                       "demeure restée sans effet pendant quinze jours, les sanctions suivantes :"))
        B.append(("t", rows))
    else:
        if with_h:
            B.append(("p", f"En cas de non-respect du volume d'heures, le titulaire supporte {pen_hour_text(c)}."))
        if with_d:
            B.append(("p", f"En cas de non-respect des obligations de suivi, il supporte une pénalité de "
                           f"{pen_docs_text(c)}."))
        B.append(("p", "Ces pénalités ne sont pas plafonnées et s'ajoutent aux pénalités de l'article "
                       "« Pénalités » ci-après ; elles sont appliquées après mise en demeure."))
    return B


ELEMENTS = ["publics", "modalites", "contact", "suivi", "penalites"]
ELEMENT_TITLES = {"publics": "Publics éligibles", "modalites": "Modalités de mise en œuvre",
                  "contact": "Accompagnement par le facilitateur", "suivi": "Contrôle et suivi",
                  "penalites": "Sanctions", "base": "Objet et fondement", "hours": "Volume d'heures"}


def present_elements(c: Case):
    """Elements actually written (a planted CS30x removes one)."""
    out = []
    for e in ELEMENTS:
        if e == "publics" and c.has("CS302"):
            continue
        if e == "modalites" and c.has("CS303"):
            continue
        if e == "contact" and c.has("CS304"):
            continue
        if e == "suivi" and c.has("CS305"):
            continue
        if e == "penalites" and c.has("CS306") and (c.has("CS308") or c.has("CS305")):
            continue
        out.append(e)
    return out


def element_blocks(c, e):
    return {"publics": el_publics, "modalites": el_modalites, "contact": el_contact, "suivi": el_suivi,
            "penalites": el_penalites}[e](c)


def placement(c: Case):
    """Where each element lives: 'ccap' or 'annex'."""
    split = c.o.get("split")
    pl = {e: "ccap" for e in ELEMENTS}
    if split == "A":
        for e in ("publics", "modalites", "contact", "suivi"):
            pl[e] = "annex"
    elif split == "B":
        for e in ("modalites", "contact", "suivi", "penalites"):
            pl[e] = "annex"
    if c.has("CS101"):
        pl = {e: "annex" for e in ELEMENTS}
    return pl


# ------------------------------------------------------------------ pieces
def header_blocks(c: Case):
    return [("p", f"{c.d['buyer']} – Consultation n° {c.d['ref']}"), ("p", f"Objet : {c.d['objet']}")]


def lots_table(c: Case, with_hours=False):
    if c.single():
        return []
    rows = [["Lot", "Désignation", "Estimation HT" + (" annuelle" if c.ac and c.ac.get("mode") == "year" else "")]]
    for L in c.lots:
        rows.append([L["n"], L["t"] + (" (réservé SIAE, art. L2113-13 du CCP)" if L.get("reserved") else ""),
                     euros(L["a"])])
    return [("t", rows)]


def lots_phrase(c: Case):
    if c.single():
        return "marché"
    return ("lot " if len(c.covered) == 1 else "lots ") + ", ".join(c.covered)


def make_rc(c: Case, version=None):
    d = c.d
    doc = Doc("Règlement de la consultation", hstyle=c.o.get("rc_h", "article_dash"),
              subtitle=f"{d['buyer']} – {d['objet']} – Réf. {d['ref']}", seed=hash(c.name) % 1000)
    B = doc.blocks
    art = iter(range(1, 20))
    if version:
        B.append(("p", version))
    B.append(("p", f"Date d'envoi à la publication : {date_num(d['envoi'])}"))
    syn = [["Rubrique", "Contenu"], ["Acheteur", d["buyer"]], ["Procédure", d["proc"]],
           ["Durée", d.get("duree", "")]]
    if c.clause == "yes" and not c.has("CS102"):
        lots_txt = lots_phrase(c)
        syn.append(["Clause sociale d'insertion", f"Oui – condition d'exécution ({lots_txt})"])
    elif c.clause == "sans":
        syn.append(["Clause sociale d'insertion", "Sans objet"])
    if c.o.get("rc_syn", True):
        B.append(("t", syn))
    B.append(("h", 1, str(next(art)), "Objet et étendue de la consultation"))
    B.append(("p", f"La consultation porte sur : {d['objet']}. Lieu d'exécution : {d['lieu']}."))
    proc = f"Elle est passée selon la {d['proc']}"
    if c.has("CS205") and c.errs["CS205"] == "221":
        proc += ", le montant estimé restant inférieur au seuil européen de 221 000 € HT"
    elif c.has("CS205") and c.errs["CS205"] == "40k":
        proc += (". Les commandes d'un montant inférieur à 40 000 € HT peuvent être passées sans publicité ni "
                 "mise en concurrence préalables")
    elif c.o.get("rc_seuil"):
        proc += (f", le montant estimé restant inférieur au seuil européen de "
                 f"{num(c.threshold())} € HT applicable depuis le 1er janvier 2026")
    B.append(("p", proc + "."))
    if c.single():
        B.append(("p", f"Le marché n'est pas alloti. Estimation : {euros(c.lots[0]['a'])}"
                       f"{' par an' if c.ac and c.ac.get('mode') == 'year' else ''}."))
    else:
        B.append(("p", "La consultation est allotie comme suit :"))
        B.extend(lots_table(c))
    if c.ac:
        if c.ac.get("mode") == "tranche":
            B.append(("p", f"Il s'agit d'un accord-cadre multi-attributaire exécuté par marchés subséquents, d'une "
                           f"durée de {c.ac['years']} ans, pour un montant maximum de {euros(c.ac['max'])} sur sa durée."))
        elif c.ac.get("max"):
            B.append(("p", f"Il s'agit d'un accord-cadre à bons de commande d'une durée de {c.ac['years']} ans, "
                           f"sans minimum, avec un montant maximum de {euros(c.ac['max'])} sur sa durée."))
        else:
            B.append(("p", f"Il s'agit d'un accord-cadre à bons de commande conclu pour un an, reconductible "
                           f"tacitement {c.ac['years'] - 1} fois (durée maximale de {c.ac['years']} ans)."))
    for L in c.lots:
        if L.get("reserved"):
            B.append(("p", f"Le lot {L['n']} est réservé, en application de l'article L2113-13 du code de la "
                           f"commande publique, aux structures d'insertion par l'activité économique et aux "
                           f"structures équivalentes."))
    B.append(("p", f"Durée d'exécution : {d.get('duree', '')}."))
    B.append(("h", 1, str(next(art)), "Conditions de la consultation"))
    B.append(("p", "Les variantes ne sont pas autorisées. Le délai de validité des offres est de 120 jours à "
                   "compter de la date limite de remise des offres."))
    if c.clause == "yes" and not c.has("CS102"):
        B.append(("h", 1, str(next(art)), "Condition d'exécution à caractère social"))
        who = "Le marché" if c.single() else ("Les lots " + ", ".join(c.covered) if len(c.covered) > 1
                                              else f"Le lot {c.covered[0]}")
        where = ("l'annexe « Modalités de mise en œuvre de la clause sociale »" if c.has("CS101")
                 else "le CCAP" + (" et son annexe « Modalités de mise en œuvre de la clause sociale »"
                                   if c.o.get("split") else ""))
        B.append(("p", f"{who} {'comporte' if who.startswith('Le ') else 'comportent'} une clause sociale "
                       f"d'insertion, condition d'exécution du marché qui n'est pas un critère de jugement des "
                       f"offres. Son contenu est fixé par {where}."))
        if c.o.get("rc_hours") or c.has("CS101"):
            hb = hours_blocks(c, role="rc", total_ok=False)
            B.extend(hb)
        if c.o.get("rc_contact") and c.fac and not c.has("CS304"):
            f = c.fac
            B.append(("p", f"Les candidats peuvent se renseigner sur la clause auprès de {f['struct']} "
                           f"({f['tel']}, {f['mail']})."))
    elif c.clause == "derog":
        B.append(("h", 1, str(next(art)), "Absence de condition d'exécution sociale"))
        B.append(("p", c.d["derog"]))
    elif c.clause == "sans":
        B.append(("h", 1, str(next(art)), "Clause sociale"))
        B.append(("p", "Clause sociale d'insertion : sans objet pour la présente consultation."))
    B.append(("h", 1, str(next(art)), "Contenu du dossier de consultation"))
    B.append(("p", "Le dossier comprend le présent règlement, le CCAP, l'acte d'engagement, le CCTP et le cadre "
                   "de décomposition des prix, ainsi que les annexes mentionnées au CCAP."))
    B.append(("h", 1, str(next(art)), "Jugement des offres"))
    crit = "Prix des prestations : 60 % ; valeur technique appréciée au vu du mémoire : 40 %."
    if c.has("CS201") and c.errs["CS201"] == "rc":
        crit = ("Conformément à l'article 62 du décret n° 2016-360 du 25 mars 2016, les offres sont jugées sur "
                "les critères suivants : prix 60 %, valeur technique 40 %.")
    B.append(("p", crit))
    B.append(("h", 1, str(next(art)), "Remise des offres"))
    lim = d["envoi"] + dt.timedelta(days=33)
    B.append(("p", f"Les offres sont remises sur le profil d'acheteur avant le {date_num(lim)} à 12 h 00. "
                   f"Une visite facultative est organisée le mardi à 9 h 30."))
    B.append(("h", 1, str(next(art)), "Renseignements complémentaires"))
    B.append(("p", f"Service de la commande publique – {d['buyer']} – tél. {d['buyer_tel']} – "
                   f"commande.publique@{d['domain']}"))
    return doc


def make_ccap(c: Case, version=None):
    d = c.d
    short, longname, a_soc, a_env = CCAG[c.ccag]
    doc = Doc("Cahier des clauses administratives particulières (CCAP)", hstyle=c.o.get("ccap_h", "article_dash"),
              subtitle=f"{d['buyer']} – {d['objet']} – Réf. {d['ref']}", seed=(hash(c.name) + 7) % 1000)
    B = doc.blocks
    if version:
        B.append(("p", version))
    pl = placement(c)
    n = 1
    B.append(("h", 1, str(n), "Objet du marché – dispositions générales"))
    B.append(("p", f"Le présent CCAP fixe les stipulations administratives du marché : {d['objet']} "
                   f"({d['lieu']})."))
    if not c.single():
        B.append(("p", "Le marché est décomposé en lots :"))
        for L in c.lots:
            B.append(("p", f"{c.o.get('bullet', '–')} lot {L['n']} : {L['t']}"
                           + (" (lot réservé aux SIAE)" if L.get("reserved") else "")))
    if c.ac:
        if c.ac.get("mode") == "tranche":
            B.append(("p", "Le marché est un accord-cadre multi-attributaire exécuté par marchés subséquents."))
        else:
            B.append(("p", f"Le marché est un accord-cadre à bons de commande d'une durée maximale de "
                           f"{c.ac['years']} ans."))
    n += 1
    B.append(("h", 1, str(n), "Pièces contractuelles"))
    B.append(("p", "Les pièces contractuelles sont, par ordre de priorité décroissante :"))
    B.append(("p", "a) l'acte d'engagement ;"))
    B.append(("p", "b) le présent CCAP" + (" et son annexe n° 1 « Modalités de mise en œuvre de la clause sociale »"
                                            if c.o.get("split") and not c.has("CS101") else "") + " ;"))
    B.append(("p", "c) le CCTP ;"))
    arrete = "l'arrêté du 30 mars 2021"
    if c.has("CS203") and c.errs["CS203"] == "2009":
        arrete = {"travaux": "l'arrêté du 8 septembre 2009", "fcs": "l'arrêté du 19 janvier 2009",
                  "tic": "l'arrêté du 16 septembre 2009"}[c.ccag]
    B.append(("p", f"d) le {longname} ({short}), approuvé par {arrete}."))
    n += 1
    B.append(("h", 1, str(n), "Durée et délais d'exécution"))
    B.append(("p", f"Durée : {d.get('duree', '')}. {d.get('delai_trap', 'Les interventions ont lieu du lundi au vendredi, de 7 h 30 à 17 h 00.')}"))
    n += 1
    B.append(("h", 1, str(n), "Prix et règlement"))
    B.append(("p", "Les prix sont fermes et actualisables. Une retenue de garantie de 5 % est appliquée ; elle peut "
                   "être remplacée par une garantie à première demande. Le délai global de paiement est de 30 jours."))
    if c.o.get("env"):
        n += 1
        B.append(("h", 1, str(n), "Conditions d'exécution environnementales"))
        B.append(("p", f"Conformément à l'article {a_env} du {short}, le titulaire limite les déchets produits, "
                       f"privilégie les produits porteurs d'un écolabel et remet en fin d'exécution un relevé des "
                       f"déchets évacués et de leur filière."))
    clause_num = None
    if c.clause == "yes" and not c.has("CS101"):
        n += 1
        clause_num = str(n)
        B.append(("h", 1, clause_num, c.o.get("clause_title", "Clause sociale d'insertion")))
        subs = [("base", [("p", legal_basis(c))]), ("hours", hours_blocks(c, "ccap"))]
        for e in present_elements(c):
            if pl[e] == "ccap":
                subs.append((e, element_blocks(c, e)))
        annexed = [e for e in present_elements(c) if pl[e] == "annex"]
        k = 0
        for key, blocks in subs:
            k += 1
            B.append(("h", 2, f"{clause_num}.{k}", ELEMENT_TITLES[key]))
            B.extend(blocks)
        if annexed:
            k += 1
            names = {"publics": "les publics éligibles", "modalites": "les modalités de mise en œuvre",
                     "contact": "les coordonnées du facilitateur", "suivi": "les modalités de contrôle et de suivi",
                     "penalites": "les sanctions applicables"}
            lst = [names[e] for e in annexed]
            txt = ", ".join(lst[:-1]) + " et " + lst[-1] if len(lst) > 1 else lst[0]
            B.append(("h", 2, f"{clause_num}.{k}", "Renvoi à l'annexe"))
            B.append(("p", f"L'annexe n° 1 au présent CCAP, « Modalités de mise en œuvre de la clause sociale », "
                           f"fixe {txt}. Elle a valeur contractuelle."))
    elif c.clause == "sans":
        n += 1
        B.append(("h", 1, str(n), "Clause sociale"))
        B.append(("p", "Clause sociale d'insertion : sans objet."))
    elif c.clause == "derog":
        n += 1
        B.append(("h", 1, str(n), "Conditions d'exécution sociales"))
        B.append(("p", c.d["derog"]))
    n += 1
    B.append(("h", 1, str(n), "Pénalités"))
    B.append(("p", "Par dérogation à l'article du CCAG relatif aux pénalités de retard, le titulaire encourt une "
                   "pénalité de 1/3 000e du montant du marché par jour calendaire de retard."))
    B.append(("p", "Absence du titulaire à une réunion de chantier ou de coordination : 150 € par absence."))
    n += 1
    B.append(("h", 1, str(n), "Dérogations au CCAG"))
    B.append(("p", "L'article « Pénalités » du présent CCAP déroge à l'article du CCAG relatif aux pénalités de retard."))
    return doc, clause_num


def make_annex(c: Case):
    d = c.d
    doc = Doc("Modalités de mise en œuvre de la clause sociale d'insertion",
              hstyle=c.o.get("annex_h", "bare"),
              subtitle=(f"Annexe n° 1 au CCAP – {d['buyer']} – Réf. {d['ref']}" if not c.has("CS101")
                        else f"{d['buyer']} – Réf. {d['ref']}"), seed=(hash(c.name) + 13) % 1000)
    B = doc.blocks
    B.append(("p", f"Objet de la consultation : {d['objet']}."))
    pl = placement(c)
    k = 0
    if c.has("CS101"):
        k += 1
        B.append(("h", 1, str(k), "Objet et fondement"))
        B.append(("p", legal_basis(c)))
        k += 1
        B.append(("h", 1, str(k), "Volume d'heures"))
        B.extend(hours_blocks(c, "annex"))
    for e in present_elements(c):
        if pl[e] == "annex":
            k += 1
            B.append(("h", 1, str(k), ELEMENT_TITLES[e]))
            B.extend(element_blocks(c, e))
    return doc


def ae_hours_for(c: Case, n):
    h = c.hours.get(n)
    if h is not None and c.has("CS401") and c.errs["CS401"] == n:
        h = h + c.d.get("CS401delta", 35)
    return h


def ae_insertion_blocks(c: Case, lots, clause_num):
    """Insertion commitment in an AE, for the given lots (n list)."""
    mode = c.o.get("ae", "table")
    if c.o.get("ae_perlot") and mode == "table":
        mode = "sentence"
    art = f"l'article {clause_num} du CCAP" if clause_num else "l'annexe « Modalités de mise en œuvre de la clause sociale »"
    py = per_year(c)
    B = [("h", 1, "4", "Engagement d'insertion")]  # renumbered by make_ae
    if c.ac and c.ac.get("mode") == "tranche":
        B.append(("p", f"Le titulaire s'engage à réaliser, dans chaque marché subséquent, {c.ac['per']} heures "
                       f"d'insertion par tranche de {euros(c.ac['tranche'])} du montant du marché subséquent, "
                       f"selon {art}."))
        return B
    if c.has("CS301") and c.errs["CS301"] is None:
        B.append(("p", f"Le titulaire s'engage à exécuter la clause sociale d'insertion prévue à {art}."))
        return B
    miss = c.errs.get("CS404") if c.has("CS404") else None
    show = [n for n in lots if n in c.hours and n != miss]
    if not show:
        B.append(("p", "Sans objet pour ce lot : aucune heure d'insertion n'est demandée."))
        return B
    B.append(("p", f"Le candidat s'engage à réaliser les heures d'insertion prévues à {art} :"))
    rows = [["Lot", "Heures d'insertion" + (" par an" if py else "")]]
    for n in show:
        L = c.lot(n)
        h = ae_hours_for(c, n)
        lab = "Marché" if n == "unique" else f"Lot {n} – {L['t']}"
        if h is None:
            val = "à préciser"
        elif mode == "blank":
            val = f"minimum requis : {hfmt(c, h)}{py}"
        else:
            val = hfmt(c, h) + py
        if mode == "blank" and h is not None:
            B.append(("p", f"{lab} – Nombre d'heures proposé par le candidat : ………… heures{py} "
                           f"(minimum requis : {hfmt(c, h)}{py})"))
        elif mode == "sentence" or mode == "perlot":
            B.append(("p", f"{lab} : {val}."))
        else:
            rows.append([lab, val])
    if len(rows) > 1:
        B.append(("t", rows))
    return B


def make_ae(c: Case, clause_num, lot=None):
    d = c.d
    title = "Acte d'engagement" + (f" – Lot {lot}" if lot else "")
    doc = Doc(title, hstyle="ARTICLE_colon", subtitle=f"{d['buyer']} – {d['objet']} – Réf. {d['ref']}",
              seed=(hash(c.name) + 17) % 1000)
    B = doc.blocks
    B.append(("h", 1, "1", "Identification du candidat"))
    B.append(("p", "Raison sociale : …………………………  SIRET : …………………………  Adresse : …………………………"))
    B.append(("h", 1, "2", "Objet"))
    if lot:
        L = c.lot(lot)
        B.append(("p", f"Le présent acte d'engagement concerne le lot {lot} : {L['t']}."))
    elif not c.single():
        B.append(("p", "Lot(s) pour le(s)quel(s) le candidat présente une offre : ………… (une offre par lot)."))
    B.append(("h", 1, "3", "Prix"))
    B.append(("p", "Montant HT : ………………… €   TVA : ………………… €   Montant TTC : ………………… €"))
    lots = [lot] if lot else [L["n"] for L in c.lots]
    if c.clause == "yes" and not c.has("CS103"):
        B.extend(ae_insertion_blocks(c, lots, clause_num))
    B.append(("h", 1, str(sum(1 for b in B if b[0] == "h" and b[1] == 1) + 1), "Signature"))
    B.append(("p", "Fait à …………………, le ………………… – Signature du représentant habilité du candidat."))
    return doc


def make_fiche(c: Case, clause_num):
    d = c.d
    doc = Doc("Fiche d'engagement – clause sociale d'insertion", hstyle="bare",
              subtitle=f"{d['buyer']} – Réf. {d['ref']} – à joindre à l'offre", seed=(hash(c.name) + 23) % 1000)
    B = doc.blocks
    B.append(("p", "Je soussigné(e) …………………………, représentant l'entreprise …………………………, m'engage à "
                   f"réaliser les heures d'insertion prévues à l'article {clause_num} du CCAP :"))
    rows = [["Lot", "Heures d'insertion"]]
    for L in c.lots:
        if L["n"] in c.hours:
            rows.append([f"Lot {L['n']} – {L['t']}", hfmt(c, c.hours[L['n']])])
    B.append(("t", rows))
    B.append(("p", "Modalité envisagée : ☐ embauche directe  ☐ mise à disposition (ETTI, GEIQ…)  ☐ sous-traitance "
                   "à une structure d'insertion"))
    B.append(("p", "Date et signature : …………………"))
    return doc


def make_aapc(c: Case):
    d = c.d
    doc = Doc("Avis d'appel public à la concurrence", hstyle="bare", subtitle=d["buyer"],
              seed=(hash(c.name) + 29) % 1000)
    B = doc.blocks
    B.append(("p", f"Nom et adresse de l'acheteur : {d['buyer']}, {d['lieu']}."))
    B.append(("p", f"Objet : {d['objet']} – référence {d['ref']}."))
    B.append(("p", f"Procédure : {d['proc']}."))
    if not c.single():
        B.append(("p", "Lots : " + " ; ".join(f"lot {L['n']} – {L['t']}" for L in c.lots) + "."))
    for L in c.lots:
        if L.get("reserved"):
            B.append(("p", f"Le lot {L['n']} est réservé aux structures d'insertion par l'activité économique "
                           f"(article L2113-13 du code de la commande publique)."))
    if c.clause == "yes" and not c.has("CS104"):
        lots_txt = "" if c.single() else f" ({lots_phrase(c)})"
        B.append(("p", f"Conditions particulières d'exécution : le marché comporte une clause sociale d'insertion"
                       f"{lots_txt}, détaillée au CCAP."))
    elif c.clause == "sans":
        B.append(("p", "Conditions particulières d'exécution : sans objet."))
    B.append(("p", "Critères d'attribution : prix 60 %, valeur technique 40 %."))
    lim = d["envoi"] + dt.timedelta(days=33)
    B.append(("p", f"Date limite de réception des offres : {date_num(lim)} à 12 h 00."))
    B.append(("p", f"Date d'envoi du présent avis à la publication : {date_num(d['envoi'])}."))
    return doc


def make_cctp(c: Case, lot=None):
    d = c.d
    doc = Doc("Cahier des clauses techniques particulières" + (f" – Lot {lot}" if lot else ""), hstyle="bare",
              subtitle=f"{d['buyer']} – {d['objet']}", seed=(hash(c.name) + 31) % 1000)
    B = doc.blocks
    B.append(("h", 1, "1", "Description des prestations"))
    B.append(("p", d.get("cctp_text", "Les prestations sont décrites ci-après ; le titulaire fournit la "
                                      "main-d'œuvre, le matériel et les produits nécessaires.")))
    B.append(("h", 1, "2", "Contraintes d'exécution"))
    B.append(("p", d.get("cctp_trap", "Délai d'intervention en cas d'urgence : 4 heures. Horaires : de 7 h 30 à 17 h 00.")))
    B.append(("h", 1, "3", "Réception"))
    B.append(("p", "Les prestations font l'objet d'un contrôle contradictoire ; les réserves sont levées sous 30 jours."))
    return doc


def price_rows(c: Case, kind):
    rows = [[f"{kind} – {c.d['objet']}"], ["N°", "Désignation", "Unité", "Quantité", "Prix unitaire HT", "Total HT"]]
    for i, (lab, unit, q) in enumerate(c.d.get("prices", [("Installation et repli", "forfait", 1),
                                                          ("Prestation principale", "u", 120),
                                                          ("Prestation complémentaire", "u", 40)]), 1):
        rows.append([str(i), lab, unit, q, None, None])
    rows.append(["", "Total HT", "", "", "", None])
    return rows


def notes_text(c: Case):
    return (f"Notes – {c.d['ref']}\n- vérifier les clés des bâtiments avec les services techniques\n"
            f"- caler la date de visite (mardi 9 h 30)\n- relire la page de garde avant mise en ligne\n")
