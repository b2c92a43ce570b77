"""Turns a consultation description (dict) into DCE pieces and an answer key.

Each clause element is written by one function with several wordings (chosen from a seed that is
the consultation's name); a planted error removes or alters one element, or adds a reference or a
defect to one piece, and the answer key is derived from the same description."""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
from pathlib import Path

from . import render as R
from .words import LABOUR, euros, fr_date, hours_for, hours_range, num, round_step, words

WORKS_EU, FS_LOCAL_EU, FS_STATE_EU = 5_404_000, 216_000, 140_000
LAUNCH_OBLIGATION = "2026-08-21"

CCAG_NAME = {
    "travaux": ("CCAG des marchés publics de travaux", "20.1", "CCAG-Travaux"),
    "fcs": ("CCAG des marchés publics de fournitures courantes et de services", "16.1", "CCAG-FCS"),
    "pi": ("CCAG des marchés publics de prestations intellectuelles", "16.1", "CCAG-PI"),
    "tic": ("CCAG des marchés publics de techniques de l'information et de la communication", "16.1",
            "CCAG-TIC"),
}

# ------------------------------------------------------------------ planted wordings
OBSOLETE = {  # CS201
    "ord38": "art. 38 de l'ordonnance du 23/07/2015",
    "dec13": "décret 2016-360 art.13",
    "cmp14": "CMP art. 14",
    "cmp14long": "l'article 14 du Code des Marchés Publics",
    "ord899": "l'ordonnance n°2015-899 du 23 juillet 2015",
    "cmp53": "l'article 53-I du code des marchés publics",
    "dec62": "l'article 62 du décret n° 2016-360",
}
WRONGBASIS = {  # CS202
    "l211313": "l'article L.2113-13 du code de la commande publique",
    "r21527": "l'article R2152-7 du code de la commande publique",
    "l211312": "l'article L2113-12 du Code de la commande publique",
}
OLDNAMES = {  # CS204 : (wording inserted in the eligible-public list or elsewhere)
    "pole": "les demandeurs d'emploi inscrits à Pôle emploi depuis au moins un an",
    "agrement": "les personnes titulaires d'un agrément Pôle emploi au titre de l'IAE",
    "zus": "les habitants d'une zone urbaine sensible (ZUS) du territoire",
    "direccte": "toute personne dont la situation a été reconnue par la DIRECCTE comme relevant de l'insertion",
}
OLDTHRESH = {  # CS205
    "221": "Le montant estimé du besoin restant inférieur au seuil européen de 221 000 € HT, la "
           "consultation est passée selon une procédure adaptée.",
    "5538": "La valeur estimée des travaux est inférieure au seuil des procédures formalisées "
            "(5 538 000 € HT) : la procédure adaptée s'applique.",
    "40k": "Pour mémoire, les achats de moins de 40 000 € HT sont dispensés de publicité et de mise "
           "en concurrence ; tel n'est pas le cas de la présente consultation.",
    "143": "Le seuil de 143 000 € HT applicable aux services de l'État n'étant pas atteint, la "
           "procédure adaptée a été retenue.",
}

# keywords whose absence is checked when an element is removed
CHECK = {
    "public": [r"\bRSA\b", r"RQTH", r"demandeurs? d'emploi", r"26 ans", r"\bQPV\b", r"handicap",
               r"publics? (éligible|visé|concerné)", r"personnes éligibles", r"\bASS\b", r"minima sociaux",
               r"éloignées? de l'emploi", r"difficultés sociales"],
    "modal": [r"\bETTI\b", r"\bGEIQ\b", r"mise à disposition", r"sous-trait", r"co-trait", r"embauche",
              r"\bSIAE\b", r"\bESAT\b", r"entreprise adaptée", r"intérim", r"recrutement direct",
              r"association intermédiaire", r"contrat d'apprentissage"],
    "contact": [r"\b0\d([ .]?\d\d){4}\b", r"\+33", r"@", r"Maison de l'emploi", r"\bPLIE\b"],
    "report": [r"tableau de suivi", r"fiche de suivi", r"justificatif", r"bulletins? de (salaire|paie)",
               r"relevés? d'heures", r"attestation", r"\bbilan", r"état (mensuel|des heures)", r"fiche de liaison"],
    "penhour": [r"heures? (d'insertion )?non (réalisée|effectuée|exécutée|accomplie)", r"\bSMIC\b",
                r"par heure", r"heure manquante", r"heures manquantes"],
    "pendocs": [r"(retard|défaut)[^.]{0,90}(document|justificatif|suivi|tableau|fiche|état)",
                r"document de suivi non"],
}

FICTION_PHONES = ["01 99 00", "02 61 91", "03 53 01", "04 65 71", "05 36 49"]


def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


class Ctx:
    def __init__(self, case):
        self.c = case
        self.rng = random.Random(case["name"])
        self.errs = {}
        for e in case.get("errs", []):
            self.errs.setdefault(e["code"], []).append(e)
        self.removed = {k for k, code in [("public", "CS302"), ("modal", "CS303"), ("contact", "CS304"),
                                          ("report", "CS305"), ("penhour", "CS306"), ("pendocs", "CS308")]
                        if code in self.errs}
        if "CS305" in self.errs:
            self.removed.add("pendocs")
        self.lots = []
        for lot in case["lots"]:
            lot = dict(lot)
            calc = hours_for(lot["amount"], lot["trade"])
            if lot.get("concerned") is None:
                lot["concerned"] = calc is not None and lot["trade"] != "fournitures"
            lot["calc"] = calc
            lot["hours"] = lot.get("hours", calc if lot["concerned"] else None)
            self.lots.append(lot)
        for e in self.errs.get("CS403", []):
            lot = self.lot(e["lot"])
            mid = sum(LABOUR[lot["trade"]]) / 2
            lot["hours"] = round_step(lot["amount"] * mid * 0.05 / 30 * e.get("factor", 4))
        for e in self.errs.get("CS405", []):
            lot = self.lot(e["lot"])
            lot["concerned"] = True
            lot["hours"] = e["hours"]
        for e in self.errs.get("CS301", []):
            if e.get("lot"):
                self.lot(e["lot"])["hours"] = None  # covered lot, no figure anywhere
        self.nolot_hours = "CS301" in self.errs and not self.errs["CS301"][0].get("lot")
        c = case
        self.clause = c.get("clause", "yes") == "yes"
        self.files = {}  # file name -> (kind, Doc or text, format)
        self.texts = {}  # file name -> plain text (for checks)
        self.kinds = {}
        self.ccap_file = None
        self.annex_file = None
        self.clause_art = None
        self.pen_art = None

    def lot(self, n):
        for lot in self.lots:
            if lot["num"] == str(n):
                return lot
        raise KeyError(n)

    @property
    def multi(self):
        return len(self.lots) > 1

    def concerned(self):
        return [lot for lot in self.lots if lot["concerned"]]

    def not_concerned(self):
        return [lot for lot in self.lots if not lot["concerned"]]

    def hours_in(self, kind, lot):
        """Hours stated for `lot` in a piece of `kind` (None: not stated)."""
        if self.nolot_hours or lot["hours"] is None:
            return None
        for e in self.errs.get("CS401", []):
            if str(e["lot"]) == lot["num"] and e["kind"] == kind:
                return e["value"]
        return lot["hours"]

    def omitted(self, kind, lot):
        return any(str(e["lot"]) == lot["num"] and e["kind"] == kind for e in self.errs.get("CS404", []))

    def state_buyer(self):
        return self.c.get("bkind") == "state"

    def value(self):
        return self.c.get("value", sum(lot["amount"] for lot in self.lots) * (self.c.get("ac", {}) or {}).get("years", 1))

    def above_eu(self):
        v = self.value()
        if self.c.get("nature", "travaux") == "travaux":
            return v >= WORKS_EU
        return v >= (FS_STATE_EU if self.state_buyer() else FS_LOCAL_EU)

    def proc(self):
        return "appel d'offres ouvert" if self.above_eu() else "procédure adaptée"

    def after_obligation(self):
        return self.c["date_rc"] >= LAUNCH_OBLIGATION

    def plant(self, code, piece_kind):
        return [e for e in self.errs.get(code, []) if e.get("piece", "CCAP") == piece_kind]


def lot_label(ctx, lot, style=None):
    st = ctx.c.get("lotstyle", 0) if style is None else style
    if lot["num"] == "unique":
        return "Marché unique"
    return [f"Lot {lot['num']}", f"Lot n° {lot['num']}", f"LOT {int(lot['num']):02d}", f"Lot {lot['num']}"][st]


def hours_phrase(ctx, h, style):
    if style == 0:
        return f"{num(h)} heures"
    if style == 1:
        return f"{words(h)} ({num(h)}) heures"
    if style == 2:
        return f"{num(h)} h"
    return f"{num(h)} heures de travail"


# ------------------------------------------------------------------ clause elements
def el_basis(ctx, piece="CCAP"):
    c, rng = ctx.c, ctx.rng
    name, art, short = CCAG_NAME[c.get("ccag", "travaux")]
    law = "l'article L2112-2 du code de la commande publique"
    if ctx.above_eu() and ctx.after_obligation():
        law = "les articles L2112-2 et L2112-2-1 du code de la commande publique"
    for e in ctx.plant("CS201", piece):
        law = OBSOLETE[e["variant"]]
    for e in ctx.plant("CS202", piece):
        law = WRONGBASIS[e["variant"]]
    ccag_art = f"l'article {art} du {short} 2021"
    for e in ctx.plant("CS203", piece):
        if e["variant"] == "wrongart":
            wrong = {"20.1": "16.1", "16.1": "20.1"}[art]
            ccag_art = f"l'article {wrong} du {short}"
    de = ("des " + law[4:]) if law.startswith("les ") else ("de " + law)
    if not law.startswith(("l'", "les ")):
        de = "du texte suivant : " + law
    forms = [
        f"En application {de}, l'exécution du marché est assortie d'une condition à caractère social "
        f"destinée à favoriser l'insertion professionnelle. Le présent article complète {ccag_art}.",
        f"Fondement juridique : {law} ; {ccag_art} (dispositions relatives à l'insertion). La clause constitue une "
        f"condition d'exécution et non un critère de choix des offres.",
        f"La présente clause, prise sur le fondement {de}, précise les modalités prévues par {ccag_art}. "
        f"Son respect est une obligation contractuelle du titulaire.",
    ]
    return pick(rng, forms)


def el_object(ctx):
    if "public" in ctx.removed:
        return pick(ctx.rng, [
            "Le titulaire réserve une part des heures de travail nécessaires au marché à une action "
            "d'insertion professionnelle.",
            "Pendant toute la durée du marché, le titulaire conduit une action d'insertion professionnelle "
            "dont le volume est précisé ci-après.",
        ])
    return pick(ctx.rng, [
        "Le titulaire réserve une part des heures de travail générées par le marché à des personnes "
        "éloignées de l'emploi, qu'il recrute ou fait intervenir selon l'une des modalités décrites ci-dessous.",
        "L'objectif est de permettre à des personnes connaissant des difficultés sociales ou professionnelles "
        "d'accéder à une expérience de travail sur le chantier ou la prestation.",
        "Il s'agit de confier une fraction des heures travaillées à des personnes rencontrant des obstacles "
        "pour accéder à un emploi durable.",
    ])


def el_hours(ctx, kind, doc, with_amounts=False, style=None):
    """Writes the hours into doc (table or sentences); returns nothing."""
    c, rng = ctx.c, ctx.rng
    st = c.get("hstyle", 0) if style is None else style
    ac = c.get("ac")
    per = " par an" if ac else ""
    if ctx.nolot_hours:
        doc.p(pick(rng, [
            "Le volume d'heures d'insertion sera précisé au titulaire lors de la réunion de lancement.",
            "Le nombre d'heures à réaliser est arrêté avec le facilitateur après la notification.",
        ]))
        return
    conc = [lot for lot in ctx.concerned() if not ctx.omitted(kind, lot)]
    if not ctx.multi:
        lot = ctx.lots[0]
        h = ctx.hours_in(kind, lot)
        if h is None:
            return
        if ac:
            doc.p(f"Le titulaire s'engage sur un volume de {hours_phrase(ctx, h, st % 4)} d'insertion par année "
                  f"d'exécution de l'accord-cadre.")
            if c.get("ac_total"):
                doc.p(f"Sur la durée maximale de {words(ac['years'])} ans, reconductions comprises, l'engagement "
                      f"représente ainsi {num(h * ac['years'])} heures.")
        else:
            doc.p(pick(rng, [
                f"Le volume d'heures d'insertion à réaliser est fixé à {hours_phrase(ctx, h, st % 4)}.",
                f"Nombre d'heures d'insertion exigé : {num(h)}.",
                f"L'action d'insertion représente au minimum {hours_phrase(ctx, h, st % 4)} sur la durée du marché.",
            ]))
        return
    if c.get("htable", True):
        head = ["Lot", "Intitulé"] + (["Montant estimé HT"] if with_amounts else []) + [f"Heures d'insertion{per}"]
        rows = [head]
        for lot in ctx.lots:
            if ctx.omitted(kind, lot):
                continue
            h = ctx.hours_in(kind, lot)
            if lot["concerned"] and h is None and not c.get("list_uncovered", True):
                continue
            cell = num(h) if h is not None else ("—" if lot["concerned"] else pick(rng, ["Non concerné", "Sans objet"]))
            if lot["concerned"] and h is None:
                cell = "à préciser"
            rows.append([lot_label(ctx, lot), lot["title"]] + ([euros(lot["amount"])] if with_amounts else []) + [cell])
        total = c.get("total") if kind in c.get("total_in", ["CCAP"]) else None
        if total:
            s = sum(ctx.hours_in(kind, lot) or 0 for lot in conc)
            for e in ctx.errs.get("CS402", []):
                if e.get("piece", "CCAP") == kind:
                    s = e["value"]
            rows.append(["Total", ""] + ([""] if with_amounts else []) + [num(s)])
        doc.t(rows)
    else:
        for lot in conc:
            h = ctx.hours_in(kind, lot)
            if h is None:
                continue
            doc.li(f"{lot_label(ctx, lot)} – {lot['title']} : {hours_phrase(ctx, h, st % 4)}{per}")
        total = c.get("total") if kind in c.get("total_in", ["CCAP"]) else None
        if total:
            s = sum(ctx.hours_in(kind, lot) or 0 for lot in conc)
            for e in ctx.errs.get("CS402", []):
                if e.get("piece", "CCAP") == kind:
                    s = e["value"]
            doc.p(f"Soit un total de {num(s)} heures pour l'ensemble des lots concernés.")
    nc = [lot for lot in ctx.not_concerned() if not ctx.omitted(kind, lot)]
    if nc and not c.get("htable", True):
        doc.p(pick(rng, ["Ne sont pas concernés par la clause : ", "La clause ne s'applique pas aux lots suivants : "])
              + ", ".join(f"{lot_label(ctx, x)} ({x['title']})" for x in nc) + ".")


def el_public(ctx, doc, piece="CCAP"):
    if "public" in ctx.removed:
        return
    rng = ctx.rng
    items = [
        "demandeurs d'emploi de longue durée (plus de douze mois d'inscription à France Travail au cours des "
        "dix-huit derniers mois)",
        "allocataires de minima sociaux : RSA, ASS, AAH",
        "personnes bénéficiant d'une reconnaissance de la qualité de travailleur handicapé (RQTH)",
        "jeunes de moins de 26 ans sortis du système scolaire sans diplôme qualifiant ou suivis par une mission locale",
        "demandeurs d'emploi âgés de 50 ans et plus",
        "résidents des quartiers prioritaires de la politique de la ville (QPV)",
    ]
    if "modal" not in ctx.removed:
        items.append("salariés en parcours dans une structure d'insertion par l'activité économique (SIAE), "
                     "titulaires d'un PASS IAE")
    if ctx.c.get("ex_pole"):
        items[0] = ("demandeurs d'emploi inscrits depuis plus d'un an à France Travail (ex-Pôle emploi), "
                    "y compris en activité réduite")
    for e in ctx.plant("CS204", piece):
        items[0 if e["variant"] in ("pole", "agrement") else 5 if e["variant"] == "zus" else len(items) - 1] = \
            OLDNAMES[e["variant"]]
    rng.shuffle(items)
    intro = pick(rng, [
        "Peuvent bénéficier des heures d'insertion les personnes relevant notamment des publics éligibles suivants :",
        "Sont éligibles à la clause, sous réserve de validation par le facilitateur :",
        "Publics visés (liste indicative) :",
    ])
    if ctx.c.get("public_prose"):
        doc.p(intro + " " + " ; ".join(items) + ".")
    else:
        doc.p(intro)
        for it in items:
            doc.li(it[0].upper() + it[1:])
    doc.p(pick(rng, [
        "D'autres personnes en difficulté d'insertion peuvent être retenues sur avis motivé du facilitateur, "
        "qui vérifie l'éligibilité de chaque candidat avant le début de sa mission.",
        "Le facilitateur se prononce sur l'éligibilité de toute personne avant son affectation ; les heures "
        "effectuées sans cette validation ne sont pas comptabilisées.",
    ]))


def el_modal(ctx, doc):
    if "modal" in ctx.removed:
        return
    rng = ctx.rng
    opts = [
        "le recrutement direct par le titulaire, en CDI, en CDD ou en contrat d'apprentissage ou de "
        "professionnalisation",
        "la mise à disposition de salariés par une entreprise de travail temporaire d'insertion (ETTI), une "
        "association intermédiaire ou un groupement d'employeurs pour l'insertion et la qualification (GEIQ)",
        "la sous-traitance ou la co-traitance d'une partie des prestations à une SIAE, à une entreprise "
        "adaptée ou à un ESAT",
    ]
    if ctx.c.get("modal_prose") or rng.random() < 0.4:
        doc.p(pick(rng, ["Le titulaire choisit librement entre ", "Pour remplir son engagement, le titulaire peut combiner "])
              + " ; ".join(opts) + ".")
    else:
        doc.p(pick(rng, ["Modalités de réalisation ouvertes au titulaire :", "L'engagement peut être tenu par :"]))
        for o in opts:
            doc.li(o[0].upper() + o[1:])
    if ctx.c.get("training_cap"):
        doc.p("Les heures de formation suivies par les salariés en insertion sont comptées dans la limite de "
              "150 heures par personne.")


def contact_of(ctx):
    c = ctx.c
    f = c.get("fac") or {}
    rng = random.Random(c["name"] + "fac")
    pref = FICTION_PHONES[rng.randrange(5)]
    phone = f.get("phone", f"{pref} {rng.randint(10, 99)} {rng.randint(10, 99)}")
    return dict(struct=f.get("struct", "Maison de l'emploi du territoire"), person=f.get("person", "Mme Leroux"),
                phone=phone, mail=f.get("mail", "clauses@insertion-territoire.fr"), style=f.get("style", 0))


def el_contact(ctx, doc):
    if "contact" in ctx.removed:
        doc.p(pick(ctx.rng, [
            "Le titulaire se rapproche du facilitateur de la clause sociale dès la notification du marché.",
            "Un accompagnement est proposé au titulaire par le facilitateur désigné par l'acheteur.",
        ]))
        return
    k = contact_of(ctx)
    s = k["style"]
    dots = k["phone"].replace(" ", ".")
    intl = "+33 " + k["phone"][1:]
    if s == 0:
        doc.p(f"Facilitateur de la clause sociale : {k['struct']} – {k['person']} – tél. {k['phone']} – "
              f"courriel : {k['mail']}.")
    elif s == 1:
        doc.p(f"Pour la mise en œuvre de l'action, le titulaire prend contact avec {k['person']}, chargée de "
              f"mission clauses sociales ({k['struct']}), à l'adresse {k['mail']}.")
    elif s == 2:
        doc.p(f"Accompagnement : {k['struct']}, tél. {dots}, qui aide le titulaire à identifier les candidats et "
              f"les structures partenaires.")
    elif s == 3:
        doc.p(f"Interlocuteur : {k['person']} ({k['struct']}) – {intl} – {k['mail']}")
    else:
        doc.t([["Facilitateur", k["struct"]], ["Référente", k["person"]], ["Téléphone", k["phone"]],
               ["Messagerie", k["mail"]]])


def el_report(ctx, doc):
    if "report" in ctx.removed:
        return
    doc.p(pick(ctx.rng, [
        "Le titulaire adresse au facilitateur, au plus tard le 10 de chaque mois, l'état des heures réalisées le "
        "mois précédent pour chaque salarié concerné (type de contrat, dates, heures), avec la copie des contrats "
        "et des bulletins de salaire ou des relevés d'heures des structures partenaires.",
        "Dans les quinze jours suivant la notification, le titulaire remet une fiche de liaison indiquant les "
        "postes proposés et le calendrier prévisionnel. Il complète ensuite chaque mois le tableau de suivi "
        "transmis par le facilitateur et y joint les justificatifs correspondants.",
        "Un bilan trimestriel des heures est transmis à l'acheteur et au facilitateur ; avant le solde du marché, "
        "le facilitateur délivre une attestation de réalisation établie sur la base des justificatifs produits "
        "(contrats, relevés d'heures, factures des structures d'insertion).",
    ]))


def el_pen_hour(ctx, doc):
    if "penhour" in ctx.removed:
        return
    rng = ctx.rng
    for e in ctx.errs.get("CS307", []):
        if e["variant"] == "noamount":
            doc.p(pick(rng, [
                "Le non-respect de l'engagement d'insertion expose le titulaire à des pénalités dont le montant "
                "est déterminé par le pouvoir adjudicateur.",
                "En cas de manquement à l'engagement d'insertion, des pénalités pourront être appliquées.",
            ]))
        else:
            doc.p(pick(rng, [
                "Chaque heure d'insertion non réalisée donne lieu à une pénalité de 1,5 × 11,65 € (valeur du "
                "SMIC horaire brut au 1er janvier 2024), soit 17,48 € HT.",
                "Pénalité par heure non effectuée : deux fois le SMIC horaire brut 2025, soit 2 × 11,88 € = 23,76 €.",
            ]))
        return
    p = ctx.c.get("pen", "smic15")
    doc.p({
        "smic15": "Pour chaque heure d'insertion non réalisée, sauf cas justifié accepté par l'acheteur, le "
                  "titulaire supporte une pénalité égale à 1,5 fois le SMIC horaire brut en vigueur à la date du "
                  "constat.",
        "fixed45": "Heures non effectuées : pénalité forfaitaire de 45 € HT par heure non effectuée au regard de "
                   "l'engagement.",
        "smic2": "Le montant de la pénalité est égal, par heure manquante, à deux fois le SMIC horaire brut "
                 "applicable au jour de la constatation.",
        "formula30": "P = N × 30 € HT, N étant le nombre d'heures d'insertion non exécutées constaté en fin de "
                     "marché.",
    }[p])


def el_pen_docs(ctx, doc):
    if "pendocs" in ctx.removed:
        return
    doc.p(pick(ctx.rng, [
        "À défaut de transmission des justificatifs de suivi dans le délai imparti, une pénalité de 100 € par jour "
        "calendaire de retard est appliquée, après mise en demeure restée sans effet pendant huit jours.",
        "Tout retard dans la remise du tableau de suivi mensuel entraîne une pénalité journalière de 80 €.",
        "Une pénalité de 150 € est retenue pour chaque document de suivi non produit à l'échéance fixée.",
    ]))


SUBTITLES = [
    ["Fondement", "Volume horaire", "Publics éligibles", "Modalités de mise en œuvre", "Accompagnement",
     "Suivi et contrôle", "Pénalités"],
    ["Objet et base légale", "Heures d'insertion par lot", "Personnes concernées", "Moyens de réalisation",
     "Facilitateur", "Justificatifs à fournir", "Sanctions"],
    ["Cadre", "Engagement horaire", "Bénéficiaires", "Modes d'exécution", "Contact", "Contrôle de l'exécution",
     "Non-respect de l'engagement"],
]


def write_clause(ctx, doc, art, kind, place, pen_ref=None):
    """Writes the clause into doc as article `art` (sub-articles or prose). pen_ref: penalties elsewhere."""
    rng = ctx.rng
    titles = pick(rng, SUBTITLES)
    title = pick(rng, ["Clause sociale d'insertion", "Insertion professionnelle des publics en difficulté",
                       "Condition d'exécution à caractère social", "Action d'insertion"])
    doc.h(1, str(art), title)
    if place == "prose":
        doc.p(el_basis(ctx) + " " + el_object(ctx))
        el_hours(ctx, kind, doc)
        el_public(ctx, doc)
        el_modal(ctx, doc)
        el_contact(ctx, doc)
        el_report(ctx, doc)
        if pen_ref:
            doc.p(f"Les pénalités attachées à cet engagement figurent à l'article {pen_ref}.")
        else:
            el_pen_hour(ctx, doc)
            el_pen_docs(ctx, doc)
        return
    n = 0

    def sub(t):
        nonlocal n
        n += 1
        doc.h(2, f"{art}.{n}", t)

    sub(titles[0])
    doc.p(el_basis(ctx))
    doc.p(el_object(ctx))
    sub(titles[1])
    el_hours(ctx, kind, doc)
    if place == "split":
        doc.p(pick(rng, [f"La liste des publics éligibles et les obligations de suivi sont précisées à "
                         f"l'annexe n° 1 au présent document ({ctx.annex_title}).",
                         f"Les personnes pouvant bénéficier de la clause et les pièces de suivi à produire sont "
                         f"détaillées dans l'annexe « {ctx.annex_title} »."]))
    else:
        if "public" not in ctx.removed:
            sub(titles[2])
            el_public(ctx, doc)
    if "modal" not in ctx.removed:
        sub(titles[3])
        el_modal(ctx, doc)
    sub(titles[4])
    el_contact(ctx, doc)
    if place != "split" and "report" not in ctx.removed:
        sub(titles[5])
        el_report(ctx, doc)
    if pen_ref:
        sub(titles[6])
        doc.p(pick(rng, [f"Les manquements à la présente clause sont sanctionnés dans les conditions de "
                         f"l'article {pen_ref}.", f"Voir l'article {pen_ref} (pénalités)."]))
    elif not ({"penhour", "pendocs"} <= ctx.removed):
        sub(titles[6])
        el_pen_hour(ctx, doc)
        el_pen_docs(ctx, doc)


# ------------------------------------------------------------------ plants outside the clause article
def extra_sentences(ctx, kind, codes=("CS201", "CS202", "CS204", "CS205")):
    """Sentences carrying a planted reference in a piece where no clause element holds it."""
    out = []
    for e in ctx.plant("CS201", kind) if "CS201" in codes else []:
        out.append(pick(ctx.rng, [f"La clause d'insertion est prévue par {OBSOLETE[e['variant']]}.",
                                  f"Condition d'exécution sociale ({OBSOLETE[e['variant']]})."]))
    for e in ctx.plant("CS202", kind) if "CS202" in codes else []:
        out.append(f"L'action d'insertion demandée au titulaire repose sur {WRONGBASIS[e['variant']]}.")
    for e in ctx.plant("CS204", kind) if "CS204" in codes else []:
        out.append({"pole": "Les candidats peuvent se renseigner sur les profils disponibles auprès de l'agence "
                            "Pôle emploi la plus proche.",
                    "agrement": "Seules les personnes disposant d'un agrément Pôle emploi sont prises en compte.",
                    "zus": "Une attention particulière est portée aux habitants des ZUS de l'agglomération.",
                    "direccte": "Le dispositif est suivi par la DIRECCTE et le facilitateur."}[e["variant"]])
    for e in ctx.plant("CS205", kind) if "CS205" in codes else []:
        out.append(OLDTHRESH[e["variant"]])
    return out


def ccag_sentence(ctx, kind):
    name, _art, short = CCAG_NAME[ctx.c.get("ccag", "travaux")]
    for e in ctx.plant("CS203", kind):
        if e["variant"] == "2009":
            date = "8 septembre 2009" if ctx.c.get("ccag", "travaux") == "travaux" else "19 janvier 2009"
            return f"le {short} approuvé par l'arrêté du {date}"
    return pick(ctx.rng, [f"le {name} approuvé par l'arrêté du 30 mars 2021, dans sa version en vigueur",
                          f"le {short} de 2021 (arrêté du 30 mars 2021 modifié)"])


DEROG = [
    "Le besoin porte sur des fournitures standardisées livrées en l'état, pour lesquelles une solution "
    "immédiatement disponible existe sur le marché : aucune condition d'exécution sociale n'est prévue, "
    "conformément aux dérogations de l'article L2112-2-1 du code de la commande publique.",
    "L'acheteur a écarté toute condition d'exécution relative à l'emploi : eu égard à la nature très "
    "spécialisée de la prestation, une telle condition n'aurait pas de lien suffisant avec l'objet du marché "
    "(article L2112-2-1 du code de la commande publique).",
    "Justification de l'absence de clause sociale : une condition d'insertion restreindrait la concurrence "
    "(trois fabricants seulement en Europe) et rendrait l'exécution techniquement difficile ; l'acheteur fait "
    "donc usage de la faculté de dérogation prévue par la loi n° 2021-1104 du 22 août 2021 (art. 35).",
    "Motif de l'absence de considération sociale dans les conditions d'exécution : prestation disponible "
    "immédiatement sous forme d'abonnement standard, sans intervention de personnel dédié (dérogation au "
    "titre de l'article L2112-2-1 du CCP).",
]


def lots_phrase(ctx, lots):
    labels = [lot["num"] for lot in lots]
    if len(labels) == 1:
        return f"le lot {labels[0]}"
    return "les lots " + ", ".join(labels[:-1]) + " et " + labels[-1]


def ref_ccap(ctx):
    if ctx.c.get("place") == "annex":
        return f"l'annexe « {ctx.annex_title} » du {ctx.ccap_short}"
    return f"l'article {ctx.clause_art} du {ctx.ccap_short}"


# ------------------------------------------------------------------ pieces
def build_rc(ctx):
    c, rng = ctx.c, ctx.rng
    doc = R.Doc(title=pick(rng, ["Règlement de la consultation", "RÈGLEMENT DE LA CONSULTATION (RC)",
                                 "Règlement particulier de la consultation"]),
                subtitle=f"{c['buyer']} – {c['objet']} – réf. {c['ref']}")
    doc.hstyle = c.get("rc_hstyle", pick(rng, ["article_dash", "ARTICLE_colon", "art_dot", "bare"]))
    doc.autonum = c.get("fmt", {}).get("RC") == "autonum"
    date = fr_date(c["date_rc"], c.get("datestyle", 0))
    announce = ctx.clause and "CS102" not in ctx.errs
    if c.get("rc_summary"):
        rows = [[pick(rng, ["Pouvoir adjudicateur", "Acheteur"]), c["buyer"]], ["Objet", c["objet"]],
                ["Procédure", c.get("proc", ctx.proc())]]
        if announce:
            rows.append([pick(rng, ["Clause sociale", "Insertion professionnelle", "Clause d'insertion"]),
                         pick(rng, [f"Oui, voir article 3", f"Oui – {lots_phrase(ctx, ctx.concerned())}"
                                    if ctx.multi else "Oui, voir article 3"])])
        elif c.get("clause") == "sans":
            rows.append(pick(rng, [["Clause sociale", "Sans objet"], ["Clause sociale d'insertion", "Sans"]]))
        elif c.get("clause") == "non":
            rows.append(["Insertion professionnelle", "Non"])
        rows.append([pick(rng, ["Date d'envoi à la publication", "Envoi de l'avis à la publication"]), date])
        doc.t(rows)
    else:
        doc.p(pick(rng, [f"Date d'envoi de l'avis à la publication : {date}",
                         f"Avis envoyé à la publication le {date}."]))
    doc.h(1, "1", "Objet et étendue de la consultation")
    doc.p(f"La présente consultation, lancée par {c['buyer']}, porte sur : {c['objet']}.")
    ac = c.get("ac")
    if ac:
        doc.p(f"Il s'agit d'un accord-cadre à bons de commande conclu pour un an, reconductible tacitement "
              f"{words(ac['years'] - 1)} fois, soit {words(ac['years'])} ans au plus. Montant annuel estimé : "
              f"{euros(ctx.lots[0]['amount'])}.")
    show = c.get("show_amounts", True) and "RC" in c.get("amounts_in", ["RC"])
    if ctx.multi:
        rows = [["Lot", "Désignation"] + (["Estimation HT"] if show else [])]
        for lot in ctx.lots:
            rows.append([lot_label(ctx, lot), lot["title"]] + ([euros(lot["amount"])] if show else []))
        doc.t(rows)
    elif show and not ac:
        doc.p(f"Le marché n'est pas alloti. Son montant est estimé à {euros(ctx.lots[0]['amount'])}.")
    if c.get("state_value"):
        doc.p(f"Valeur estimée du besoin, toutes reconductions comprises : {euros(ctx.value())}.")
    doc.h(1, "2", "Conditions de la consultation")
    doc.p(f"Procédure : {c.get('proc', ctx.proc())}. Les offres restent valables 120 jours à compter "
          f"de la date limite de réception. Les variantes ne sont pas autorisées.")
    for s in extra_sentences(ctx, "RC", codes=("CS205",)):
        doc.p(s)
    if announce or c.get("clause") in ("sans", "derog"):
        doc.h(1, "3", pick(rng, ["Conditions particulières d'exécution", "Clause sociale", "Clause d'insertion"]))
    else:
        doc.h(1, "3", "Délai d'exécution")
    if announce:
        conc = ctx.concerned()
        which = lots_phrase(ctx, conc) if ctx.multi else "le marché"
        which_a = ("aux " + which[4:] if which.startswith("les ") else "au " + which[3:]) if ctx.multi else "l'ensemble du marché"
        st = c.get("rc_style", "refer")
        doc.p(pick(rng, [
            f"Une condition d'exécution à caractère social (insertion professionnelle) s'applique {which_a}. "
            f"Ses modalités sont fixées par {ref_ccap(ctx)}.",
            f"Le titulaire devra réaliser une action d'insertion, condition d'exécution du marché, pour {which} ; "
            f"voir {ref_ccap(ctx)}.",
        ]))
        if st == "full":
            doc.p("Volume d'heures d'insertion demandé :")
            el_hours(ctx, "RC", doc, with_amounts=False)
        doc.p("Cette condition n'est pas un critère de jugement des offres : elle s'impose au titulaire quel "
              "qu'il soit.")
        for s in extra_sentences(ctx, "RC", codes=("CS201", "CS202", "CS204")):
            doc.p(s)
        if c.get("rc_contact") and "contact" not in ctx.removed:
            el_contact(ctx, doc)
    elif c.get("clause") == "derog":
        doc.p(DEROG[c.get("derog", 0)])
    elif c.get("clause") == "sans":
        doc.p(pick(rng, ["Sans objet : le marché ne comporte pas de clause sociale d'insertion.",
                         "Clause sociale : sans."]))
    else:
        doc.p("Le délai d'exécution et les conditions de livraison sont précisés dans le CCAP.")
    doc.h(1, "4", "Contenu du dossier de consultation")
    doc.p("Le dossier comprend les pièces suivantes, téléchargeables gratuitement sur le profil d'acheteur :")
    for f in ctx.listing:
        doc.li(f)
    doc.h(1, "5", "Présentation des candidatures et des offres")
    doc.p("Chaque candidat produit les formulaires DC1 et DC2 ou le DUME, l'acte d'engagement complété et un "
          "mémoire technique présentant les moyens affectés à l'exécution.")
    doc.h(1, "6", "Jugement des offres")
    if c.get("criterion"):
        doc.t([["Critère", "Pondération"], ["Prix des prestations", "50 %"], ["Valeur technique", "40 %"],
               ["Performance en matière d'insertion professionnelle des publics en difficulté (R2152-7 du "
                "code de la commande publique)", "10 %"]])
    else:
        doc.t([["Critère", "Pondération"], ["Prix", pick(rng, ["60 %", "55 %", "40 %"])],
               ["Valeur technique appréciée au vu du mémoire", "solde"]])
    doc.h(1, "7", "Remise des plis")
    doc.p(pick(rng, ["Les plis sont déposés par voie électronique sur le profil d'acheteur avant la date et "
                     "l'heure limites indiquées sur la page de la consultation, à 12 h 00.",
                     "Date limite de réception des offres : se reporter à l'avis ; l'heure limite est fixée à 16 h 00."]))
    doc.h(1, "8", "Renseignements complémentaires")
    doc.p(pick(rng, ["Les questions sont posées sur le profil d'acheteur au plus tard dix jours avant la date "
                     "limite ; il y est répondu dans un délai de 48 heures ouvrées.",
                     "Les demandes de renseignements se font uniquement par la messagerie de la plateforme. "
                     "Le service de la commande publique est ouvert au public de 9 h 00 à 12 h 00."]))
    if c.get("buyer_phone") and "contact" not in ctx.removed:
        doc.p(f"Renseignements techniques : service bâtiments, tél. 02 61 91 40 17.")
    return doc


def pre_articles(ctx, doc, kind):
    c, rng = ctx.c, ctx.rng
    doc.h(1, "1", pick(rng, ["Objet du marché", "Objet et dispositions générales", "Objet – étendue"]))
    doc.p(f"Le présent {ctx.ccap_short} fixe les conditions administratives du marché passé par {c['buyer']} "
          f"ayant pour objet : {c['objet']}.")
    show = c.get("show_amounts", True) and "CCAP" in c.get("amounts_in", ["RC"])
    if ctx.multi:
        rows = [["Lot", "Désignation"] + (["Montant prévisionnel HT"] if show else [])]
        for lot in ctx.lots:
            rows.append([lot_label(ctx, lot), lot["title"]] + ([euros(lot["amount"])] if show else []))
        doc.t(rows)
    if c.get("ac"):
        doc.p(f"Accord-cadre à bons de commande sans minimum, d'une durée d'un an reconductible, pour une durée "
              f"totale maximale de {words(c['ac']['years'])} ans.")
    doc.h(1, "2", "Pièces contractuelles")
    doc.p("Par ordre de priorité décroissante : l'acte d'engagement et ses annexes ; le présent document ; "
          + ("le CCTP ; " if not c.get("ccp") else "")
          + "la décomposition ou le bordereau des prix ; " + ccag_sentence(ctx, kind) + ".")
    doc.h(1, "3", pick(rng, ["Délais d'exécution", "Durée et délais"]))
    if c.get("nature", "travaux") == "travaux":
        doc.p(pick(rng, [
            "Le délai global d'exécution est de 14 mois à compter de l'ordre de service de démarrage, période de "
            "préparation de deux mois comprise.",
            "Les délais propres à chaque lot sont fixés par le calendrier d'exécution ; le délai d'ensemble est "
            "de 11 mois, congés compris.",
        ]))
    else:
        doc.p(pick(rng, [
            "Le marché prend effet à sa notification. Les bons de commande sont exécutés dans un délai de 10 "
            "jours ouvrés ; en cas d'urgence, l'intervention a lieu sous 48 heures.",
            "Les prestations sont exécutées du lundi au vendredi entre 7 h 30 et 18 h 00, selon le planning "
            "validé à la réunion de démarrage.",
        ]))
    doc.h(1, "4", "Prix et règlement")
    doc.p(pick(rng, [
        "Les prix sont fermes et actualisables. Le délai de paiement est de 30 jours. Une avance de 10 % est "
        "versée lorsque le montant du marché dépasse 50 000 € HT et que le délai d'exécution excède deux mois.",
        "Les prix sont révisés annuellement selon l'indice figurant au bordereau. Les sommes dues sont payées "
        "dans un délai global de 30 jours par virement.",
    ]))
    n = 4
    if ctx.garantie:
        n += 1
        doc.h(1, str(n), "Retenue de garantie")
        doc.p("Une retenue de garantie de 5 % est prélevée sur les acomptes ; elle peut être remplacée par une "
              "garantie à première demande.")
    return n


def build_ccap(ctx):
    c, rng = ctx.c, ctx.rng
    if c.get("ccp"):
        title = "Cahier des clauses particulières (CCP)"
    else:
        title = pick(rng, ["Cahier des clauses administratives particulières",
                           "CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES (CCAP)", "C.C.A.P."])
    doc = R.Doc(title=title, subtitle=f"{c['buyer']} – {c['objet']}")
    doc.hstyle = c.get("ccap_hstyle", pick(rng, ["article_dash", "ARTICLE_colon", "art_dot", "chap"]))
    doc.h2style = pick(rng, ["dot", "dash"])
    doc.autonum = c.get("fmt", {}).get("CCAP") == "autonum"
    place = c.get("place", "sub")
    has_art = ctx.clause and "CS101" not in ctx.errs
    if c.get("ccap_summary"):
        rows = [["Objet", c["objet"]], ["CCAG de référence", CCAG_NAME[c.get("ccag", "travaux")][2] + " 2021"]]
        if has_art:
            rows.append([pick(rng, ["Clause sociale", "Clause d'insertion", "Insertion par l'activité économique"]),
                         f"Oui, voir article {ctx.clause_art}"])
        elif c.get("clause") == "sans":
            rows.append(["Clause sociale", "Sans objet"])
        elif c.get("clause") == "non":
            rows.append(["Insertion professionnelle", "Non"])
        rows.append(["Pénalités", f"Article {ctx.pen_art}"])
        doc.t(rows)
    n = pre_articles(ctx, doc, "CCAP")
    assert n + 1 == ctx.clause_art or not has_art, (n, ctx.clause_art)
    pen_sub = None
    if has_art:
        n += 1
        if place in ("sub", "prose"):
            pen_ref = f"{ctx.pen_art}.3" if c.get("pen_general") else None
            write_clause(ctx, doc, n, "CCAP", place, pen_ref=pen_ref)
            pen_sub = bool(pen_ref)
        elif place == "split":
            write_clause(ctx, doc, n, "CCAP", "split", pen_ref=f"{ctx.pen_art}.3")
            pen_sub = True
        elif place == "annex":
            doc.h(1, str(n), pick(rng, ["Clause sociale d'insertion", "Insertion professionnelle"]))
            doc.p(pick(rng, [
                f"Le marché comporte une condition d'exécution à caractère social dont le contenu (heures par "
                f"lot, publics, modalités, suivi, pénalités) est défini à l'annexe « {ctx.annex_title} », qui fait "
                f"partie des pièces contractuelles.",
                f"L'action d'insertion à la charge du titulaire est entièrement décrite dans l'annexe au présent "
                f"document intitulée « {ctx.annex_title} ».",
            ]))
    elif ctx.clause and "CS101" in ctx.errs:
        pass
    elif c.get("clause") in ("sans", "non"):
        n += 1
        doc.h(1, str(n), "Clause sociale")
        doc.p("Sans objet.")
    elif c.get("clause") == "derog":
        n += 1
        doc.h(1, str(n), "Considérations sociales")
        doc.p(DEROG[c.get("derog", 0)])
    codes = {"CS205"}
    if not (has_art and place in ("sub", "prose", "split")):
        codes |= {"CS201", "CS202"}
    if not (has_art and place in ("sub", "prose") and "public" not in ctx.removed):
        codes.add("CS204")
    for s in extra_sentences(ctx, "CCAP", codes=tuple(codes)):
        doc.p(s)
    n += 1
    assert n == ctx.pen_art, (n, ctx.pen_art)
    doc.h(1, str(n), "Pénalités")
    doc.h(2, f"{n}.1", "Retard d'exécution")
    doc.p("Par dérogation au CCAG, le titulaire encourt, par jour calendaire de retard dans l'achèvement des "
          "prestations, une pénalité égale à 1/3 000e du montant du marché.")
    doc.h(2, f"{n}.2", "Absence aux réunions")
    doc.p("Toute absence non excusée aux réunions de chantier ou de suivi donne lieu à une pénalité de 100 €.")
    if pen_sub and not ({"penhour", "pendocs"} <= ctx.removed):
        doc.h(2, f"{n}.3", pick(rng, ["Manquements à la clause d'insertion", "Insertion professionnelle"]))
        el_pen_hour(ctx, doc)
        el_pen_docs(ctx, doc)
    n += 1
    doc.h(1, str(n), "Assurances")
    doc.p("Le titulaire justifie, dans les quinze jours suivant la notification, d'une assurance couvrant sa "
          "responsabilité civile.")
    n += 1
    doc.h(1, str(n), "Résiliation")
    doc.p("Les stipulations du CCAG relatives à la résiliation s'appliquent sans modification.")
    if c.get("ccp"):
        n += 1
        doc.h(1, str(n), "Spécifications techniques")
        doc.p(cctp_text(ctx)[0])
    n += 1
    doc.h(1, str(n), "Dérogations aux documents généraux")
    doc.p(f"L'article {ctx.pen_art}.1 déroge à l'article du CCAG relatif aux pénalités de retard.")
    return doc


def build_annex(ctx):
    """Clause annex (place annex: whole clause; place split: publics and follow-up)."""
    c, rng = ctx.c, ctx.rng
    place = c.get("place")
    doc = R.Doc(title=ctx.annex_title, subtitle=f"Annexe au {ctx.ccap_short} – {c['buyer']} – {c['objet']}")
    doc.hstyle = "article_dash"
    if place == "annex":
        doc.h(1, "1", "Fondement et objet")
        doc.p(el_basis(ctx, "ANNEXE_CLAUSE"))
        doc.p(el_object(ctx))
        doc.h(1, "2", "Heures d'insertion")
        el_hours(ctx, "ANNEXE_CLAUSE", doc)
        if "public" not in ctx.removed:
            doc.h(1, "3", "Personnes pouvant bénéficier de la clause")
            el_public(ctx, doc, "ANNEXE_CLAUSE")
        doc.h(1, "4", "Mise en œuvre et accompagnement")
        el_modal(ctx, doc)
        el_contact(ctx, doc)
        if "report" not in ctx.removed:
            doc.h(1, "5", "Suivi")
            el_report(ctx, doc)
        if not ({"penhour", "pendocs"} <= ctx.removed):
            doc.h(1, "6", "Pénalités")
            el_pen_hour(ctx, doc)
            el_pen_docs(ctx, doc)
    else:
        if "public" not in ctx.removed:
            doc.h(1, "1", "Publics éligibles")
            el_public(ctx, doc, "ANNEXE_CLAUSE")
        if "report" not in ctx.removed:
            doc.h(1, "2", "Suivi et contrôle de l'action")
            el_report(ctx, doc)
    codes = {"CS205"} | ({"CS201", "CS202"} if place != "annex" else set())
    if "public" in ctx.removed:
        codes.add("CS204")
    for s in extra_sentences(ctx, "ANNEXE_CLAUSE", codes=tuple(codes)):
        doc.p(s)
    return doc


def build_eng(ctx):
    c, rng = ctx.c, ctx.rng
    doc = R.Doc(title=pick(rng, ["Fiche d'engagement – clause sociale d'insertion",
                                 "Annexe à l'acte d'engagement : engagement d'insertion"]),
                subtitle=f"{c['buyer']} – {c['objet']}")
    doc.p("Je soussigné(e), représentant le candidat, m'engage, si le marché m'est attribué, à réaliser l'action "
          f"d'insertion prévue par {ref_ccap(ctx)} pour le volume suivant :")
    el_hours(ctx, "ANNEXE_CLAUSE", doc, style=0)
    if "modal" not in ctx.removed:
        doc.p("Modalité envisagée (à cocher) : ☐ recrutement direct  ☐ mise à disposition (ETTI, AI, GEIQ)  "
              "☐ sous-traitance à une SIAE ou une entreprise adaptée")
    doc.p("Nom, qualité et signature du représentant : ……………………")
    return doc


def ae_insertion(ctx, doc, lots=None):
    rng = ctx.rng
    if lots is None:
        doc.p(pick(rng, [f"Le titulaire s'engage à exécuter l'action d'insertion définie par {ref_ccap(ctx)}, "
                         f"à hauteur du nombre d'heures indiqué ci-dessous pour le ou les lots attribués :",
                         f"Engagement d'insertion ({ref_ccap(ctx)}) :"]))
        el_hours(ctx, "AE", doc)
        return
    lot = lots
    h = ctx.hours_in("AE", lot)
    if lot["concerned"] and h is not None:
        doc.p(f"Le titulaire s'engage à réaliser {hours_phrase(ctx, h, ctx.c.get('hstyle', 0) % 4)} d'insertion "
              f"pour le {lot_label(ctx, lot).lower().replace('lot n°', 'lot')}, selon {ref_ccap(ctx)}.")
    elif not lot["concerned"]:
        doc.p("Ce lot n'est pas concerné par la clause sociale d'insertion.")


def build_ae(ctx, lot=None):
    c, rng = ctx.c, ctx.rng
    kind = c.get("ae", "single")
    with_ins = ctx.clause and "CS103" not in ctx.errs and not c.get("ae_plain")
    if kind == "attri1":
        doc = R.Doc(title="ATTRI1 – Acte d'engagement", subtitle=f"{c['buyer']} – {c['objet']}")
        doc.hstyle = "bare"
        doc.p("Formulaire ATTRI1 complété par l'acheteur.")
        doc.h(1, "A", "Objet de l'acte d'engagement")
        doc.p(f"Objet : {c['objet']}. Référence : {c['ref']}. " +
              (f"Lot : {lot['num']} – {lot['title']}." if lot else "Offre de base."))
        doc.h(1, "B", "Engagement du titulaire ou du groupement")
        doc.p("Après avoir pris connaissance des pièces du marché, le signataire s'engage sur la base de son offre, "
              "au prix indiqué ci-dessous : montant HT ……… ; TVA ……… ; montant TTC ………")
        if with_ins:
            doc.h(1, "C", "Clause sociale d'insertion")
            ae_insertion(ctx, doc, lot)
        doc.h(1, "D", "Compte à créditer")
        doc.p("IBAN : ……………………  BIC : ………")
        doc.h(1, "E", "Durée d'exécution")
        doc.p("Se reporter au CCAP. L'offre est valable 120 jours.")
        doc.h(1, "F", "Signature")
        doc.p("Fait à ……………, le ………")
        return doc
    doc = R.Doc(title=pick(rng, ["Acte d'engagement", "ACTE D'ENGAGEMENT"]) + (f" – {lot_label(ctx, lot)}" if lot else ""),
                subtitle=f"{c['buyer']} – {c['objet']}" + (f" – {lot['title']}" if lot else ""))
    doc.hstyle = "article_dash"
    doc.h(1, "1", "Identification de l'acheteur")
    doc.p(f"{c['buyer']}, représenté par son exécutif dûment habilité.")
    doc.h(1, "2", "Engagement du candidat")
    doc.p("Nom, prénom, qualité du signataire : ……… ; raison sociale : ……… ; SIRET : ………")
    doc.p("Je m'engage, sans réserve, à exécuter les prestations conformément aux pièces du marché, pour le prix "
          "figurant à la décomposition des prix annexée.")
    doc.h(1, "3", "Délai")
    doc.p("Le délai d'exécution est celui fixé au CCAP.")
    if with_ins:
        doc.h(1, "4", pick(rng, ["Action d'insertion", "Clause sociale"]))
        ae_insertion(ctx, doc, lot)
    doc.h(1, "5" if with_ins else "4", "Signature")
    doc.p("Fait en un seul original, à ……………, le ………")
    return doc


def build_aapc(ctx):
    c, rng = ctx.c, ctx.rng
    doc = R.Doc(title=pick(rng, ["Avis d'appel public à la concurrence", "AVIS DE MARCHÉ"]),
                subtitle=c["buyer"])
    doc.hstyle = "bare"
    doc.h(1, "1", "Acheteur")
    doc.p(f"{c['buyer']} – {c.get('city', '')}. Profil d'acheteur : plateforme régionale des marchés publics.")
    doc.h(1, "2", "Objet")
    doc.p(f"{c['objet']} (réf. {c['ref']}). Procédure : {c.get('proc', ctx.proc())}.")
    if ctx.multi:
        doc.p("Allotissement : " + " ; ".join(f"lot {lot['num']} : {lot['title']}" for lot in ctx.lots) + ".")
    if c.get("reserved"):
        doc.p(f"Le lot {c['reserved']} est réservé aux structures d'insertion par l'activité économique en "
              f"application de l'article L2113-13 du code de la commande publique.")
    doc.h(1, "3", "Conditions d'exécution")
    if ctx.clause and "CS104" not in ctx.errs:
        conc = ctx.concerned()
        doc.p(pick(rng, [f"Le marché comporte une clause sociale d'insertion, condition d'exécution, pour "
                         f"{lots_phrase(ctx, conc) if ctx.multi else 'l’ensemble des prestations'} ; voir le "
                         f"{ctx.ccap_short}.",
                         "Condition d'exécution à caractère social : réalisation d'heures d'insertion "
                         f"({'lots ' + ', '.join(x['num'] for x in conc) if ctx.multi else 'marché unique'})."]))
    else:
        doc.p("Les conditions d'exécution sont précisées dans les documents de la consultation.")
    for s in extra_sentences(ctx, "AAPC"):
        doc.p(s)
    doc.h(1, "4", "Critères d'attribution")
    doc.p("Offre économiquement la plus avantageuse appréciée selon les critères énoncés dans le règlement.")
    doc.h(1, "5", "Dates")
    doc.p(f"Date d'envoi du présent avis à la publication : {fr_date(c['date_rc'], 1)}.")
    return doc


def cctp_text(ctx):
    n = ctx.c.get("nature", "travaux")
    if n == "travaux":
        return ["Les ouvrages sont exécutés selon les DTU en vigueur. Les horaires de chantier sont de 7 h 30 à "
                "17 h 30 ; toute intervention hors de ces plages est soumise à accord préalable 48 heures à "
                "l'avance.",
                "Les échantillons sont soumis au maître d'œuvre avant toute commande. Les réservations sont "
                "coordonnées en réunion hebdomadaire.",
                "Le nettoyage de fin de chantier est à la charge de chaque entreprise pour ses propres déchets."]
    return ["Le personnel affecté travaille sur la base de 35 heures hebdomadaires, du lundi au vendredi. Les "
            "équipes interviennent entre 6 h 00 et 9 h 00 dans les locaux occupés.",
            "Le prestataire fournit les produits, matériels et équipements de protection nécessaires et respecte "
            "les fiches techniques du fabricant.",
            "Un contrôle contradictoire de la qualité est réalisé chaque mois avec le référent de l'acheteur."]


def build_cctp(ctx, lot=None):
    c = ctx.c
    doc = R.Doc(title="Cahier des clauses techniques particulières" + (f" – {lot_label(ctx, lot)}" if lot else ""),
                subtitle=f"{c['buyer']} – {c['objet']}" + (f" – {lot['title']}" if lot else ""))
    doc.hstyle = "bare"
    for i, t in enumerate(cctp_text(ctx), 1):
        doc.h(1, str(i), ["Généralités", "Exécution des prestations", "Fin des prestations"][i - 1])
        doc.p(t)
    return doc


def dpgf_rows(ctx, lot):
    rows = [["Poste", "Désignation", "Unité", "Quantité", "Prix unitaire HT", "Total HT"]]
    for i, (d, u, q) in enumerate([("Installation de chantier", "ens", 1), ("Fourniture et pose", "m²", 120),
                                   ("Prestations diverses", "u", 14), ("Nettoyage et repli", "ens", 1)], 1):
        rows.append([f"{lot['num']}.{i}", d, u, q, "", ""])
    return rows


# ------------------------------------------------------------------ assembling a consultation
EXT = {"docx": "docx", "autonum": "docx", "pdf": "pdf", "soffice": "pdf", "odt": "odt"}
DEFAULT_FMT = {"RC": "pdf", "CCAP": "docx", "AE": "docx", "ANNEXE": "docx", "ENG": "docx", "AAPC": "pdf",
               "CCTP": "pdf"}
KIND = {"RC": "RC", "CCAP": "CCAP", "AE": "AE", "ANNEXE": "ANNEXE_CLAUSE", "ENG": "ANNEXE_CLAUSE",
        "AAPC": "AAPC", "CCTP": "CCTP"}
OLD_RX = [r"[Cc]ode des [Mm]archés [Pp]ublics", r"\bCMP\b", r"2015-899", r"2016-360", r"23/07/2015",
          r"\b2009\b", r"P[ôo]le [Ee]mploi", r"DIRECCTE", r"\bZUS\b", r"(?<!\d)(?<!\d )221 000",
          r"(?<!\d)(?<!\d )5 538 000", r"(?<!\d)(?<!\d )143 000", r"(?<!\d)(?<!\d )40 000 € HT", r"L\.?2113-1[23]", r"R2152-7", r"11,65", r"11,88"]


def stem_names(c):
    st = c.get("naming", 0)
    ref = c["ref"].replace("/", "-")
    ccap = "CCP" if c.get("ccp") else "CCAP"
    if st == 0:
        return dict(RC="01_RC", CCAP=f"02_{ccap}", AE="03_AE", ANNEXE="04_Annexe_clause_insertion",
                    ENG="05_Fiche_engagement_insertion", AAPC="00_AAPC", CCTP="06_CCTP", DPGF="07_DPGF")
    if st == 1:
        return dict(RC=f"RC_{ref}", CCAP=f"{ccap}_{ref}", AE=f"AE_{ref}", ANNEXE=f"Annexe_{ccap}_insertion",
                    ENG="Engagement_insertion", AAPC=f"Avis_{ref}", CCTP=f"CCTP_{ref}", DPGF=f"DPGF_{ref}")
    return dict(RC="Reglement_de_consultation", CCAP="Cahier_clauses_particulieres" if c.get("ccp") else
                "Cahier_clauses_administratives", AE="Acte_engagement", ANNEXE="Annexe_clause_sociale",
                ENG="Fiche_engagement", AAPC="Avis_publicite", CCTP="Cahier_techniques", DPGF="Bordereau_prix")


class Built:
    pass


def make_case(case, outroot: Path):
    c = case
    ctx = Ctx(c)
    rng = ctx.rng
    ctx.garantie = random.Random(c["name"] + "g").random() < 0.5
    ctx.ccap_short = "CCP" if c.get("ccp") else "CCAP"
    place = c.get("place", "sub")
    ctx.annex_title = ("Annexe n° 2 – Clause sociale d'insertion" if place == "annex"
                       else "Annexe n° 1 – Publics et suivi de l'insertion")
    has_art = ctx.clause and "CS101" not in ctx.errs
    base_n = 5 if ctx.garantie else 4
    ctx.clause_art = base_n + 1
    ctx.pen_art = base_n + (2 if (has_art or c.get("clause") in ("sans", "non", "derog")) else 1)
    fmt = dict(DEFAULT_FMT)
    fmt.update(c.get("fmt", {}))
    stems = stem_names(c)
    stems.update(c.get("names", {}))
    missing = {e["piece"] for e in ctx.errs.get("CS105", [])}
    roles = []  # (role, file, builder)
    if "RC" not in missing:
        roles.append(("RC", stems["RC"] + "." + EXT[fmt["RC"]], lambda: build_rc(ctx)))
    roles.append(("CCAP", stems["CCAP"] + "." + EXT[fmt["CCAP"]], lambda: build_ccap(ctx)))
    if "AE" not in missing:
        if c.get("ae") in ("perlot", "attri1") and ctx.multi:
            pre = "ATTRI1" if c.get("ae") == "attri1" else "AE"
            for lot in ctx.lots:
                roles.append(("AE", f"{pre}_lot{lot['num']}." + EXT[fmt["AE"]], (lambda L=lot: build_ae(ctx, L))))
        else:
            nm = "ATTRI1_" + c["ref"].replace("/", "-") if c.get("ae") == "attri1" else stems["AE"]
            roles.append(("AE", nm + "." + EXT[fmt["AE"]], lambda: build_ae(ctx)))
    if ctx.clause and place in ("annex", "split") and has_art:
        roles.append(("ANNEXE", stems["ANNEXE"] + "." + EXT[fmt["ANNEXE"]], lambda: build_annex(ctx)))
    if c.get("eng"):
        roles.append(("ENG", stems["ENG"] + "." + EXT[fmt["ENG"]], lambda: build_eng(ctx)))
    if c.get("aapc"):
        roles.append(("AAPC", stems["AAPC"] + "." + EXT[fmt["AAPC"]], lambda: build_aapc(ctx)))
    extras = c.get("extras", [])
    if "cctp" in extras:
        roles.append(("CCTP", stems["CCTP"] + "." + EXT[fmt["CCTP"]], lambda: build_cctp(ctx)))
    if "cctp_lots" in extras:
        for lot in ctx.lots:
            roles.append(("CCTP", f"CCTP_lot{lot['num']}." + EXT[fmt["CCTP"]], (lambda L=lot: build_cctp(ctx, L))))
    other = []  # (file, kind, writer)
    if "dpgf" in extras:
        nm = stems["DPGF"] + ".xlsx"
        kindp = "DPGF" if c.get("nature", "travaux") == "travaux" else "BPU"
        other.append((nm, kindp, "xlsx"))
    if "plan" in extras:
        other.append((c.get("plan_name", "plan_de_situation.png"), None, "png"))
    if "notes" in extras:
        other.append((c.get("notes_name", "notes_redaction.txt"), None, "txt"))
    if "planning" in extras:
        other.append(("Planning_previsionnel.pdf", None, "planning"))
    for e in ctx.errs.get("CS901", []) + ctx.errs.get("CS902", []):
        other.append((e["file"], None, e["code"]))
    ctx.listing = [f for _r, f, _b in roles] + [f for f, _k, w in other if w not in ("txt", "CS901")]
    for e in ctx.errs.get("CS905", []):
        ctx.listing.append(e["copy"])

    outdir = outroot / c["half"] / c["name"]
    if outdir.exists():
        shutil.rmtree(outdir)
    outdir.mkdir(parents=True)
    kinds, texts, docs = {}, {}, {}
    for role, fname, builder in roles:
        doc = builder()
        for e in ctx.errs.get("CS903", []):
            if e["piece"] == fname:
                idx = [i for i, b in enumerate(doc.blocks) if b[0] == "p"][2]
                if e.get("variant") == "comment":
                    doc.comments.append((idx, "À valider par le service juridique avant mise en ligne."))
                else:
                    doc.tracked.append((idx, " Le délai pourra être prolongé par ordre de service.", ""))
        f = fmt[role] if role != "AE" or not fname.endswith(".docx") else fmt["AE"]
        path = outdir / fname
        if f in ("docx", "autonum"):
            R.render_docx(doc, path)
        elif f == "pdf":
            R.render_pdf(doc, path)
        elif f == "soffice":
            R.soffice_pdf(doc, path)
        elif f == "odt":
            R.render_odt(doc, path)
        kinds[fname] = KIND[role]
        texts[fname] = doc.text()
        docs[fname] = doc
    for fname, kindp, w in other:
        path = outdir / fname
        if w == "xlsx":
            sheets = [(f"Lot {lot['num']}", dpgf_rows(ctx, lot)) for lot in ctx.lots]
            R.render_xlsx(sheets, path, title=f"Décomposition des prix – {c['objet']}")
            texts[fname] = "\n".join(" ".join(map(str, r)) for _n, rows in sheets for r in rows)
            kinds[fname] = kindp
        elif w == "png":
            labels = [f"Plan de situation – {c['objet']}", f"{c['buyer']} – échelle 1/2000"]
            R.render_plan(path, labels, seed=len(c["name"]))
            texts[fname] = "\n".join(labels)
            kinds[fname] = None
        elif w == "txt":
            t = (f"Notes de rédaction – dossier {c['ref']} (ne pas publier)\n- relancer le bureau d'études pour "
                 f"les quantités\n- vérifier la date de la visite sur site\n- caler la réunion avec les élus\n")
            path.write_text(t, encoding="utf-8")
            texts[fname] = t
            kinds[fname] = None
        elif w == "planning":
            d = R.Doc(title="Planning prévisionnel", subtitle=c["objet"])
            d.t([["Phase", "Durée"], ["Préparation", "2 mois"], ["Travaux", "12 mois"], ["Réception", "1 mois"]])
            R.render_pdf(d, path)
            texts[fname] = d.text()
            kinds[fname] = None
    for e in ctx.errs.get("CS901", []) + ctx.errs.get("CS902", []):
        path = outdir / e["file"]
        d = build_cctp(ctx) if e.get("doc", "cctp") == "cctp" else R.Doc(
            title="Attestation de visite", subtitle=c["objet"],
            blocks=[("p", "Le représentant de l'entreprise ……… a visité le site le ……… en présence de ………"),
                    ("p", "Signature et cachet :")])
        texts[e["file"]] = ""
        kinds[e["file"]] = None
        if e["code"] == "CS902":
            R.render_scanned_pdf(d, path, seed=len(c["name"]))
        elif e["damage"] == "encrypt":
            R.render_pdf(d, path, password="dce2026")
        elif e["damage"] == "empty":
            path.write_bytes(b"")
        else:
            if path.suffix == ".docx":
                R.render_docx(d, path)
            else:
                R.render_pdf(d, path)
            R.damage_truncate(path, 0.35)
    for e in ctx.errs.get("CS905", []):
        shutil.copy(outdir / e["piece"], outdir / e["copy"])
        kinds[e["copy"]] = kinds[e["piece"]]
        texts[e["copy"]] = texts[e["piece"]]
    b = Built()
    b.ctx, b.kinds, b.texts, b.outdir, b.docs = ctx, kinds, texts, outdir, docs
    b.key = answer_key(ctx, kinds, roles)
    return b


def files_of(roles, role):
    return [f for r, f, _b in roles if r == role]


def answer_key(ctx, kinds, roles):
    c = ctx.c
    place = c.get("place", "sub")
    has_art = ctx.clause and "CS101" not in ctx.errs
    F, O = [], []

    def add(code, piece, lot=None, planted=True, note=""):
        F.append(dict(code=code, piece=piece, lot=lot, planted=planted, note=note))

    def opt(code, piece, lot=None, note=""):
        O.append(dict(code=code, piece=piece, lot=lot, note=note))

    one = lambda role: (files_of(roles, role) or [None])[0]  # noqa: E731
    holders = [one("CCAP")] + (files_of(roles, "ANNEXE") if place in ("annex", "split") else [])
    holder = holders if len(holders) > 1 else holders[0]
    rolekind = {"CCAP": "CCAP", "RC": "RC", "AAPC": "AAPC", "ANNEXE_CLAUSE": "ANNEXE", "AE": "AE"}
    for e in c.get("errs", []):
        code, note = e["code"], e.get("note", "")
        if code == "CS101":
            add(code, one("CCAP"), note=note or "le CCAP n'a aucun article de clause alors que le RC et l'AE en portent une")
            for k in ("CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
                opt(k, None, note="contenu de la clause jugé hors du CCAP (CS101)")
        elif code == "CS102":
            add(code, one("RC"), note=note or "le RC n'annonce pas la clause")
        elif code in ("CS103", "CS105", "CS501"):
            add(code, None, note=note)
        elif code == "CS104":
            add(code, one("AAPC"), note=note or "l'avis ne mentionne pas la condition d'exécution sociale")
        elif code in ("CS201", "CS202", "CS203", "CS204", "CS205"):
            add(code, one(rolekind[e.get("piece", "CCAP")]), note=note or f"variante {e.get('variant')}")
        elif code == "CS301":
            add(code, holder, lot=e.get("lot"), note=note or "aucun nombre d'heures")
            if not e.get("lot"):
                opt("CS103", None, note="pas d'heures : l'engagement ne peut porter sur un nombre")
        elif code in ("CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
            add(code, holder, note=note)
            if code == "CS305":
                add("CS308", holder, planted=False, note="sans obligation de suivi, pas de pénalité de retard des documents")
        elif code in ("CS401", "CS404"):
            other = e.get("other", "CCAP")
            pa = [f for r, f, _b in roles if KIND[r] == e["kind"]]
            pb = [f for r, f, _b in roles if KIND[r] == other]
            for lst in (pa, pb):
                if len(lst) > 1:
                    sel = [f for f in lst if f"lot{e['lot']}." in f]
                    lst[:] = sel or lst
            add(code, sorted(set(pa + pb)), lot=str(e["lot"]), note=note)
        elif code == "CS402":
            add(code, one(rolekind[e.get("piece", "CCAP")]), note=note or "total faux")
        elif code == "CS403":
            add(code, None, lot=str(e["lot"]), note=note or "heures hors de la fourchette calculée")
        elif code == "CS405":
            add(code, None, lot=str(e["lot"]), note=note or "heures sur un lot de fournitures seules")
            opt("CS403", None, lot=str(e["lot"]), note="fournitures : fourchette nulle")
        elif code in ("CS901", "CS902"):
            add(code, e["file"], note=note)
            opt("CS904", e["file"], note="pièce illisible : type inconnu")
        elif code == "CS903":
            add(code, e["piece"], note=note or "modifications suivies / commentaire")
        elif code == "CS905":
            add(code, sorted([e["piece"], e["copy"]]), note=note or "deux versions d'une pièce")
    for e in ctx.errs.get("CS905", []):  # a finding on a duplicated piece may name either version
        for x in F + O:
            if x["code"] == "CS905" or x["piece"] is None:
                continue
            lst = x["piece"] if isinstance(x["piece"], list) else [x["piece"]]
            if e["piece"] in lst and e["copy"] not in lst:
                x["piece"] = sorted(lst + [e["copy"]])
    if c.get("clause") == "none" and "CS501" not in ctx.errs:
        add("CS100", None, planted=False, note="aucune clause et aucune mention « sans »")
    elif c.get("clause") == "none":
        add("CS100", None, planted=False, note="aucune clause et aucune mention « sans » (CS501 aussi)")
    if c.get("clause") in ("derog", "non"):
        opt("CS100", None, note="pas de clause : dérogation motivée ou « Non »")
    if not ctx.clause and c.get("aapc"):
        opt("CS104", one("AAPC"), note="pas de clause : l'avis n'a rien à annoncer")
    for fname, k in kinds.items():
        if fname.endswith((".png", ".jpg", ".txt")):
            add("CS904", fname, planted=False, note="fichier qui n'est pas une pièce (plan, notes)")
        elif fname == "Planning_previsionnel.pdf":
            opt("CS904", fname, note="planning : type AUTRE ou inconnu")
    for extra in c.get("optional", []):
        O.append(extra)
    # hours per lot
    stating = []
    if ctx.clause:
        if has_art and place in ("sub", "prose", "split"):
            stating.append("CCAP")
        if has_art and place == "annex":
            stating.append("ANNEXE_CLAUSE")
        if c.get("eng"):
            stating.append("ANNEXE_CLAUSE")
        if c.get("rc_style") == "full" and "CS102" not in ctx.errs and files_of(roles, "RC"):
            stating.append("RC")
        if "CS103" not in ctx.errs and not c.get("ae_plain") and files_of(roles, "AE"):
            stating.append("AE")
    lots = {}
    for lot in ctx.lots:
        vals = {k: ctx.hours_in(k, lot) for k in stating if not ctx.omitted(k, lot)}
        vals = {k: v for k, v in vals.items() if v is not None}
        if not vals:
            continue
        if len(set(vals.values())) > 1:
            lots[lot["num"]] = vals
        else:
            lots[lot["num"]] = next(iter(vals.values()))
    ctx.stating = stating
    return dict(name=c["name"], half=c["half"], review_date=c["review"], description=c["desc"],
                pieces=kinds, lots=lots, findings=F, optional=O)


# ------------------------------------------------------------------ self-checks
def pdf_text(path):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    out = []
    for i in range(len(pdf)):
        out.append(pdf[i].get_textpage().get_text_range())
    return "\n".join(out)


def check(b):
    """Raises AssertionError when the written consultation does not match its description."""
    ctx, c, texts, key = b.ctx, b.ctx.c, b.texts, b.key
    name = c["name"]
    alltext = "\n".join(texts.values())
    errs = ctx.errs
    # 1. removed clause elements appear nowhere
    for el in ctx.removed:
        for rx in CHECK[el]:
            for f, t in texts.items():
                m = re.search(rx, t)
                assert not m, f"{name}: élément retiré « {el} » encore présent ({rx!r} dans {f}: {m.group(0)!r})"
    # 2. planted references only in the announced piece
    allowed = set()
    for code, lst in errs.items():
        for e in lst:
            if code not in ("CS201", "CS202", "CS203", "CS204", "CS205", "CS307"):
                continue
            if code == "CS201":
                s = OBSOLETE[e["variant"]]
            elif code == "CS202":
                s = WRONGBASIS[e["variant"]]
            elif code == "CS203":
                s = "2009" if e["variant"] == "2009" else "l'article " + {"20.1": "16.1", "16.1": "20.1"}[
                    CCAG_NAME[c.get("ccag", "travaux")][1]] + " du "
            elif code == "CS204":
                s = {"pole": "Pôle emploi", "agrement": "agrément Pôle emploi", "zus": "ZUS",
                     "direccte": "DIRECCTE"}[e["variant"]]
            elif code == "CS205":
                s = {"221": "221 000", "5538": "5 538 000", "40k": "moins de 40 000 € HT", "143": "143 000"}[e["variant"]]
            else:
                s = {"noamount": "pénalit", "frozen": "SMIC"}[e["variant"]]
            if code != "CS307":
                want = key_piece = [x for x in key["findings"] if x["code"] == code][0]["piece"]
                where = [f for f, t in texts.items() if s in t]
                wl = want if isinstance(want, list) else [want]
                assert where and set(where) <= set(wl), f"{name}: {code} {s!r} dans {where}, attendu {key_piece}"
            allowed.add(code)
    # 3. no stale reference anywhere else
    for f, t in texts.items():
        for rx in OLD_RX:
            for m in re.finditer(rx, t):
                ctxt = t[max(0, m.start() - 120): m.end() + 120]
                if rx.startswith("L\\.?2113") and ("réservé" in ctxt or "CS202" in allowed):
                    continue
                if rx == "R2152-7" and ("critère" in ctxt.lower() or "Critère" in ctxt or "R2152-7 du code de la commande publique)" in ctxt or "CS202" in allowed):
                    continue
                if allowed & {"CS201", "CS202", "CS203", "CS204", "CS205", "CS307"}:
                    continue
                if "40 000" in rx and t[max(0, m.start() - 2): m.start()] == "| ":
                    continue  # a lot's amount in a table, not a threshold
                if c.get("ex_pole") and "ex-Pôle emploi" in ctxt:
                    continue
                raise AssertionError(f"{name}: référence périmée non plantée {m.group(0)!r} dans {f}")
    # 4. files differ unless CS905
    hashes = {}
    for p in sorted(b.outdir.iterdir()):
        h = hashlib.sha256(p.read_bytes()).hexdigest()
        hashes.setdefault(h, []).append(p.name)
    dup = [v for v in hashes.values() if len(v) > 1]
    want_dup = [sorted([e["piece"], e["copy"]]) for e in errs.get("CS905", [])]
    assert sorted(map(sorted, dup)) == sorted(want_dup), f"{name}: doublons {dup} (attendus {want_dup})"
    # 5. the RC carries its sending date
    for f, k in key["pieces"].items():
        if k == "RC":
            assert re.search(r"envo(i|y)", texts[f].lower()), f"{name}: RC sans date d'envoi"
    # 6. planted count
    planted = [x for x in key["findings"] if x["planted"]]
    if c.get("correct"):
        assert not planted, f"{name}: dossier correct avec erreurs plantées"
        for x in key["findings"]:
            assert x["code"] in ("CS100", "CS904"), f"{name}: constat attendu {x['code']} dans un dossier correct"
    else:
        assert 1 <= len(planted) <= 3, f"{name}: {len(planted)} erreurs plantées"
    # 7. files on disk = key pieces; PDFs have (or lack) a text layer as described
    on_disk = sorted(p.name for p in b.outdir.iterdir())
    assert on_disk == sorted(key["pieces"]), f"{name}: {on_disk} vs {sorted(key['pieces'])}"
    scanned = {e["file"] for e in errs.get("CS902", [])}
    broken = {e["file"] for e in errs.get("CS901", [])}
    for p in b.outdir.iterdir():
        if p.suffix == ".pdf" and p.name not in broken:
            t = pdf_text(p)
            if p.name in scanned:
                assert not t.strip(), f"{name}: {p.name} scanné mais avec texte"
            else:
                assert len(t.strip()) > 50, f"{name}: {p.name} sans texte"
    # 8. hours: every concerned lot (not CS301) has hours in the key; amounts known for CS403 plants
    for lot in ctx.lots:
        if ctx.clause and lot["concerned"] and lot["hours"] is not None and not ctx.nolot_hours:
            assert lot["num"] in key["lots"], f"{name}: lot {lot['num']} sans heures dans le corrigé"
        if c.get("correct") and lot["num"] in key["lots"] and lot["trade"] != "fournitures":
            lo, hi = hours_range(lot["amount"], lot["trade"])
            h = key["lots"][lot["num"]]
            assert isinstance(h, int) and lo - 5 <= h <= hi + 5, f"{name}: lot {lot['num']} {h} h hors [{lo:.0f}, {hi:.0f}]"
    for e in errs.get("CS403", []):
        assert c.get("show_amounts", True), f"{name}: CS403 sans montants"
    # 9. launch-date obligation consistent with the description
    if "CS501" in errs:
        assert ctx.above_eu() and ctx.after_obligation() and not ctx.clause and c.get("clause") != "derog"
    elif not ctx.clause and c.get("clause") != "derog":
        assert not (ctx.above_eu() and ctx.after_obligation()), f"{name}: CS501 non annoncé"
    return True


def write_key(b, answers_root: Path):
    d = answers_root / b.ctx.c["half"]
    d.mkdir(parents=True, exist_ok=True)
    (d / f"{b.ctx.c['name']}.json").write_text(json.dumps(b.key, ensure_ascii=False, indent=1) + "\n",
                                                encoding="utf-8")
