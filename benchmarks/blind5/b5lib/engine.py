"""Writes the pieces of one consultation of the fifth blind corpus from its description
(b5lib/cases.py) and deduces its answer key. Every clause element has several wordings,
drawn from a seed = the consultation's name. Nothing here reads or imports the tool."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

from . import render as R
from .words import MO, MO_HORS_TABLE, ROMAN, date_fr, eur, grp, heures, hnum, pdate

KIND = {"rc": "RC", "ccap": "CCAP", "ae": "AE", "annex": "ANNEXE_CLAUSE", "avis": "AAPC",
        "cctp": "CCTP", "bpu": "BPU", "dqe": "DQE", "dpgf": "DPGF"}
LOI_CLIMAT = pdate("2026-08-21")
SEUIL_TRAVAUX, SEUIL_ETAT, SEUIL_COLL = 5_404_000, 140_000, 216_000


class Ctx:
    """Everything derived from a case description."""

    def __init__(self, case):
        self.c = case
        self.name = case["name"]
        self.r = random.Random(case["name"])
        self.errs = case.get("errs", [])
        self.codes = [e["code"] for e in self.errs]
        self.launch = pdate(case["launch"])
        self.review = case["review"]
        self.nature = case["nature"]
        self.travaux = self.nature == "travaux"
        self.ac = case.get("ac")  # years of an accord-cadre à bons de commande (amounts per year)
        self.unique = case.get("unique", False)
        self.lots = case["lots"]
        self.noclause = bool(case.get("noclause"))
        self.sans = case.get("sans")
        self.derog = case.get("derog")
        self.fac = case.get("fac")
        self.pen = case.get("pen", {})
        self.traps = set(case.get("traps", []))
        self.hstyle = case.get("hstyle", "space")
        self.hunit = case.get("hunit", " heures")
        self.files = dict(case["files"])
        if case.get("ae_perlot"):
            ext = case.get("ae_perlot_fmt", "pdf")
            fmt = {"pdf": "pdf", "docx": "docx", "odt": "odt"}[ext]
            self.files["ae_perlot"] = [(f"AE_Lot{lot['n']:0>2}.{ext}", fmt, lot["n"]) for lot in case["lots"]]
        self.texts = {}
        self.contrat = "accord-cadre" if self.ac else "marché"
        self.le_contrat = "l'accord-cadre" if self.ac else "le marché"
        if not case.get("domain"):
            slug = re.sub(r"[^a-z]+", "-", case["buyer"].lower().split("(")[0].split("–")[0]
                          .translate(str.maketrans("àâäéèêëîïôöùûüç'", "aaaeeeeiioouuuc-"))).strip("-")
            stop = {"de", "du", "des", "la", "le", "les", "sur", "en", "d", "l", "et", "s", "ville", "commune",
                    "communaute", "communes", "syndicat", "intercommunal", "mixte", "agglomeration"}
            words = [w for w in slug.split("-") if w not in stop]
            case["domain"] = "-".join(words[-2:]) + ".fr"
        self.ccag = case.get("ccag", "Travaux" if self.travaux else "FCS")
        self.ccag_art = "20.1" if self.ccag == "Travaux" else "16.1"
        self.ccag_long = ("CCAG applicable aux marchés publics de travaux, approuvé par l'arrêté du 30 mars 2021"
                          if self.ccag == "Travaux" else
                          "CCAG applicable aux marchés publics de fournitures courantes et de services, "
                          "approuvé par l'arrêté du 30 mars 2021")
        self.ccag_short = "CCAG-Travaux" if self.ccag == "Travaux" else "CCAG-FCS"
        for e in self.errs:
            if e["code"] == "CS203":
                self.ccag_bad = e
        # hours per lot
        self.h = {}
        for lot in self.lots:
            h = heures(lot["amount"], lot["trade"]) if lot["trade"] != "fournitures" else None
            cover = lot.get("cover", h is not None)
            lot["cover"] = cover and not self.noclause
            lot["computed"] = h
            self.h[lot["n"]] = h if lot["cover"] else None
        for e in self.errs:
            if e["code"] == "CS403":
                lot = self.lot(e["lot"])
                v = lot["computed"] * e["factor"]
                self.h[e["lot"]] = int(v / 5 + 0.5) * 5
            if e["code"] == "CS405":
                self.lot(e["lot"])["cover"] = True
                self.h[e["lot"]] = e["hours"]
            if e["code"] == "CS301" and e.get("lot"):
                self.h[e["lot"]] = "à préciser"
        self.nohours = any(e["code"] == "CS301" and not e.get("lot") for e in self.errs)
        self.has_clause = not self.noclause
        # which element of the clause is removed
        self.removed = {e["code"] for e in self.errs if e["code"] in
                        ("CS302", "CS303", "CS304", "CS305", "CS306", "CS308")}
        if "CS305" in self.removed:
            self.removed.add("CS308")
        self.ccap_no_clause = "CS101" in self.codes
        self.clause_in = case.get("clause_in", "ccap")
        self.refs = {}

    def lot(self, n):
        return next(lot for lot in self.lots if lot["n"] == n)

    def covered(self):
        return [lot for lot in self.lots if lot["cover"]]

    def err(self, code):
        return [e for e in self.errs if e["code"] == code]

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def value(self):
        """Estimated value: the sum of the lots, or of their maximum amounts for an accord-cadre."""
        if self.ac:
            return sum(maxi(self, lot) for lot in self.lots)
        return sum(lot["amount"] for lot in self.lots)

    def threshold(self):
        if self.travaux:
            return SEUIL_TRAVAUX
        return SEUIL_ETAT if self.c.get("bkind") == "etat" else SEUIL_COLL

    def l2112_2_1(self):
        return self.launch >= LOI_CLIMAT and self.value() >= self.threshold()

    def lot_label(self, lot):
        return lot.get("label") or f"Lot {lot['n']}"

    def fh(self, n):
        if n == "à préciser":
            return "à préciser"
        return hnum(n, self.hstyle) + self.hunit

    def hours_in(self, role, lot_n):
        """Hours stated by piece `role` for a lot: int, 'à préciser', None (no hours), 'absent'."""
        for e in self.err("CS404"):
            if e["lot"] == lot_n and role in e["roles"]:
                return "absent"
        if self.nohours:
            return None
        for e in self.err("CS401"):
            if e["lot"] == lot_n and e["role"] == role:
                return e["value"]
        return self.h.get(lot_n)

    def fname(self, role):
        f = self.files.get(role)
        return f[0] if f else None


# ------------------------------------------------------------------ clause elements
def el_basis(C: Ctx, footnotes=False):
    out = []
    cs202 = C.err("CS202")
    cs203 = [e for e in C.err("CS203") if e.get("where") == "basis"]
    art = f"article {C.ccag_art} du {C.ccag_short}"
    ccag_phrase = f"article {C.ccag_art} du {C.ccag_long}"
    if cs203:
        art = ccag_phrase = cs203[0]["text"]
    if [e for e in C.err("CS203") if e.get("where") == "pieces"]:
        art = ccag_phrase = "cahier des clauses administratives générales visé à l'article « Pièces constitutives »"
    legal = "article L2112-2 du code de la commande publique"
    if cs202:
        legal = cs202[0]["text"]
    el = "l'" if ccag_phrase.startswith("article") else "le "
    if footnotes:
        notes = [legal[0].upper() + legal[1:] + ".", ccag_phrase[0].upper() + ccag_phrase[1:] + "."]
        out.append(("pn", "Le titulaire met en œuvre une action d'insertion professionnelle, qui est une "
                          "condition d'exécution du présent " + C.contrat + ", dans le cadre légal et "
                          "contractuel rappelé en note.", notes))
    else:
        v = C.pick([0, 1, 2])
        if v == 0:
            out.append(("p", f"En application de l'{legal}, le présent {C.contrat} comporte une condition "
                              "d'exécution à caractère social : une part des heures de travail qu'il génère est "
                              "réservée à des personnes durablement éloignées de l'emploi. Les stipulations "
                              f"ci-après précisent {el}{ccag_phrase}."))
        elif v == 1:
            out.append(("p", "Par la présente clause, l'acheteur fait de l'insertion professionnelle une "
                              f"obligation contractuelle du titulaire ({legal} ; {art})."))
        else:
            out.append(("p", f"Base juridique : {legal}. Cadre contractuel : {ccag_phrase}. Le titulaire "
                              "s'oblige à faire travailler, pendant l'exécution des prestations, des personnes "
                              "qui rencontrent des difficultés sociales ou professionnelles."))
    if C.l2112_2_1() and not cs202:
        out.append(("p", "La valeur estimée du besoin atteignant le seuil européen de procédure formalisée, "
                          "cette condition répond en outre à l'obligation de l'article L2112-2-1 du code de la "
                          "commande publique."))
    return out


def el_hours(C: Ctx, role, with_amounts=False):
    out = []
    per = " par an" if C.ac else ""
    if C.nohours:
        out.append(("p", C.pick([
            "Le volume horaire sera arrêté d'un commun accord lors de la réunion de lancement.",
            "Le nombre d'heures d'insertion sera communiqué au titulaire par ordre de service après la "
            "notification."])))
        return out
    cov = C.covered()
    if C.unique:
        lot = C.lots[0]
        hv = C.hours_in(role, lot["n"])
        if C.ac:
            tot = hv * C.ac if isinstance(hv, int) else None
            out.append(("p", f"Le titulaire réalise au moins {C.fh(hv)} d'insertion par année d'exécution"
                             + (f", soit {hnum(tot, C.c.get('tstyle', C.hstyle))} heures sur la durée maximale "
                                f"de {C.ac} ans de l'accord-cadre." if tot else ".")))
        else:
            out.append(("p", C.pick([
                f"Volume exigé : {C.fh(hv)} d'insertion sur toute la durée du marché.",
                f"Le titulaire s'engage à réaliser {C.fh(hv)} de travail au profit des publics visés "
                "ci-dessous, sur la durée du marché."])))
        return out
    head = ["Lot", "Désignation"]
    if with_amounts:
        head.append("Montant estimatif" + (" annuel" if C.ac else "") + " HT")
    head.append("Heures d'insertion" + per)
    rows = [head]
    total = 0
    for lot in C.lots:
        hv = C.hours_in(role, lot["n"])
        if hv == "absent":
            continue
        row = [C.lot_label(lot), lot["title"]]
        if with_amounts:
            row.append(eur(lot["amount"]))
        if lot["cover"] and hv is not None:
            row.append(C.fh(hv) if hv != "à préciser" else "à préciser")
            if isinstance(hv, int):
                total += hv
        else:
            row.append(C.pick(["Non concerné", "Sans objet"]) + " – " + (
                "fourniture livrée, sans main-d'œuvre sur site" if lot["trade"] == "fournitures"
                else "volume trop faible"))
        rows.append(row)
    wrong = [e for e in C.err("CS402") if e["role"] == role]
    if C.c.get("total_row") or wrong:
        tv = wrong[0]["total"] if wrong else total
        rows.append(["Total" + (" annuel" if C.ac else ""), ""] + ([""] if with_amounts else []) + [C.fh(tv)])
    out.append(("p", C.pick([
        "Le volume d'heures d'insertion exigé est fixé lot par lot :",
        "Les heures d'insertion à la charge de chaque titulaire sont les suivantes :",
        "Chaque lot concerné porte le nombre d'heures indiqué ci-dessous."])))
    out.append(("t", rows))
    if C.ac and C.c.get("duration_total", True):
        tot = sum(C.h[lot["n"]] for lot in cov if isinstance(C.h[lot["n"]], int))
        out.append(("p", f"Ces volumes sont annuels ; sur la durée maximale de {C.ac} ans, l'effort cumulé "
                         f"de l'ensemble des lots représente {hnum(tot * C.ac, C.c.get('tstyle', C.hstyle))} "
                         "heures."))
    return out


def el_publics(C: Ctx):
    ft = "France Travail"
    qpv = "quartiers prioritaires de la politique de la ville (QPV)"
    for e in C.err("CS204"):
        if e.get("where") == "publics":
            if "Pôle" in e["text"]:
                ft = e["text"]
            else:
                qpv = e["text"]
    items = [
        f"les demandeurs d'emploi inscrits à {ft} depuis au moins douze mois au cours des dix-huit derniers mois",
        "les allocataires du revenu de solidarité active (RSA), de l'allocation de solidarité spécifique (ASS) "
        "ou de l'allocation aux adultes handicapés (AAH)",
        "les travailleurs reconnus handicapés (RQTH, article L5212-13 du code du travail)",
        "les jeunes de moins de 26 ans sans qualification ou peu qualifiés, accompagnés par une mission locale",
        "les demandeurs d'emploi de 50 ans et plus",
        f"les habitants des {qpv}",
        "les titulaires d'un PASS IAE",
        "toute autre personne en grande difficulté d'insertion, sur avis motivé d'un prescripteur et après "
        "validation par le facilitateur"]
    v = C.pick([0, 1])
    if v == 0:
        return [("p", C.pick(["Sont éligibles aux heures d'insertion :",
                              "Les heures sont réservées aux personnes suivantes :"]))] + [("li", i) for i in items]
    return [("p", "Les publics éligibles sont, notamment, " + " ; ".join(items) + ".")]


def el_modalites(C: Ctx):
    v = C.pick([0, 1])
    if v == 0:
        return [("p", "Le titulaire choisit librement les moyens d'atteindre le volume exigé, qu'il peut "
                      "combiner : embauche directe de personnes éligibles (CDI, CDD, contrat d'apprentissage ou "
                      "de professionnalisation) ; recours à des salariés mis à disposition par une entreprise de "
                      "travail temporaire d'insertion (ETTI), une association intermédiaire ou un groupement "
                      "d'employeurs pour l'insertion et la qualification (GEIQ) ; sous-traitance ou cotraitance "
                      "d'une part des prestations avec une entreprise d'insertion, un atelier et chantier "
                      "d'insertion, une entreprise adaptée ou un ESAT.")]
    return [("p", "Trois voies, cumulables, sont ouvertes au titulaire :"),
            ("li", "recrutement direct, y compris en alternance, de personnes relevant des publics visés ;"),
            ("li", "mise à disposition de salariés en parcours par une ETTI, une association intermédiaire "
                   "ou un GEIQ ;"),
            ("li", "achat d'une partie des prestations, en sous-traitance ou en cotraitance, à une structure "
                   "d'insertion par l'activité économique (SIAE), à une entreprise adaptée ou à un ESAT.")]


def fac_line(C: Ctx):
    f = C.fac
    if f.get("guichet"):
        return f"{f['struct']} – {f['mail']} – {f['web']}"
    parts = [f["struct"]]
    if f.get("team"):
        parts.append(f["team"])
    if f.get("person"):
        parts.append(f["person"])
    parts.append("tél. " + f["tel"])
    parts.append(f["mail"])
    return " – ".join(parts)


def el_facilitateur(C: Ctx, doc=None):
    if "CS304" in C.removed:
        if C.c.get("fac_vague"):
            return [("p", "L'acheteur mettra le titulaire en relation avec un facilitateur chargé de l'aider à "
                          "identifier des candidats.")]
        return []
    f = C.fac
    where = f.get("where", "body")
    intros = [
        "Le titulaire bénéficie, sans frais, de l'appui d'un facilitateur pour définir ses besoins, repérer "
        "des candidats et valider leur éligibilité.",
        "Un facilitateur aide gratuitement le titulaire : analyse des postes, présentation de candidats, "
        "mise en relation avec les structures d'insertion du territoire."]
    intro = intros[0] if "CS303" in C.removed else C.pick(intros)
    extra = []
    for e in C.err("CS204"):
        if e.get("where") == "facilitateur":
            extra.append(("p", e["text"]))
    if where == "textbox" and doc is not None:
        return [("p", intro + " Ses coordonnées figurent dans l'encadré ci-dessous."),
                ("box", ["FACILITATEUR DE LA CLAUSE SOCIALE", fac_line(C)])] + extra
    if where == "footer" and doc is not None:
        doc.footer = "Facilitateur clause d'insertion : " + fac_line(C)
        return [("p", intro + " Ses coordonnées sont rappelées en pied de chaque page du présent document.")] + extra
    if f.get("guichet"):
        return [("p", intro + f" Les demandes sont adressées au guichet unique : {f['struct']}, "
                              f"courriel {f['mail']}, site {f['web']}.")] + extra
    return [("p", intro), ("p", "Contact : " + fac_line(C) + ".")] + extra


def el_controle(C: Ctx):
    if "CS305" in C.removed:
        return []
    out = []
    v = C.pick([0, 1, 2])
    if v == 0:
        out.append(("p", "Avant le début des prestations, le titulaire remet au facilitateur une fiche de liaison "
                         "indiquant les postes proposés et la modalité retenue. Il transmet ensuite, au plus tard "
                         "le 10 du mois qui suit chaque trimestre, un tableau de suivi nominatif des heures "
                         "réalisées, accompagné des justificatifs (contrats, relevés d'heures, factures des "
                         "structures partenaires)."))
    elif v == 1:
        out.append(("p", "Chaque mois, le titulaire adresse au facilitateur et au représentant de l'acheteur un "
                         "état récapitulatif des heures effectuées par personne, avec les pièces justificatives "
                         "correspondantes. Un bilan est dressé à la fin de chaque période annuelle et à "
                         "l'achèvement du contrat."))
    else:
        out.append(("p", "Le respect de l'engagement est contrôlé sur pièces : le titulaire produit, dans les "
                         "quinze jours suivant chaque demande et au moins une fois par semestre, le relevé des "
                         "heures d'insertion accomplies et les justificatifs d'éligibilité des personnes "
                         "concernées. L'acheteur peut organiser un contrôle contradictoire."))
    for e in C.err("CS204"):
        if e.get("where") == "controle":
            out.append(("p", e["text"]))
    return out


def pen_hour_text(C: Ctx):
    if "CS306" in C.removed:
        return None
    e307 = C.err("CS307")
    if e307:
        return e307[0]["text"]
    kind = C.pen.get("hour", ("smic", "1,5"))
    if kind[0] == "smic":
        s = (f"Chaque heure d'insertion non réalisée, sans justification admise par l'acheteur, donne lieu à une "
             f"pénalité égale à {kind[1]} fois le SMIC horaire brut en vigueur à la date du constat")
        if "smic_1202" in C.traps:
            s += " (pour information, 12,02 € au 1er janvier 2026)"
        return s + "."
    s = f"Le titulaire supporte une pénalité de {kind[1]} € HT par heure d'insertion manquante"
    if len(kind) > 2 and kind[2]:
        s += f", dans la limite de {kind[2]} du montant HT du {C.contrat}"
    return s + "."


def pen_late_text(C: Ctx):
    if "CS308" in C.removed:
        return None
    kind = C.pen.get("late", ("semaine", 150))
    if kind[0] == "semaine":
        return (f"Le retard dans la transmission des documents de suivi est sanctionné par une pénalité de "
                f"{kind[1]} € par semaine de retard, après une relance restée sans effet huit jours.")
    if kind[0] == "jour":
        return (f"Faute de production des justificatifs dans le délai prévu, une pénalité de {kind[1]} € par "
                "jour de retard est appliquée, sans mise en demeure préalable.")
    return f"Chaque document de suivi non remis à l'échéance entraîne une pénalité de {kind[1]} €."


def el_penalites(C: Ctx):
    out = []
    h, l_ = pen_hour_text(C), pen_late_text(C)
    if h:
        out.append(("p", h))
    if l_:
        out.append(("p", l_))
    return out


CLAUSE_TITLES = ["CLAUSE SOCIALE D'INSERTION", "INSERTION PROFESSIONNELLE DES PERSONNES ÉLOIGNÉES DE L'EMPLOI",
                 "CONDITION D'EXÉCUTION À CARACTÈRE SOCIAL", "HEURES D'INSERTION À LA CHARGE DU TITULAIRE"]
SUBS = {
    "basis": ["Objet et fondement", "Cadre de l'obligation", "Nature de l'engagement"],
    "hours": ["Volume horaire exigé", "Nombre d'heures à réaliser", "Quantification de l'effort d'insertion"],
    "publics": ["Personnes pouvant occuper les heures", "Publics visés", "Bénéficiaires"],
    "modalites": ["Moyens de réalisation", "Voies de mise en œuvre", "Façons d'exécuter l'engagement"],
    "fac": ["Accompagnement du titulaire", "Interlocuteur insertion", "Facilitateur"],
    "controle": ["Suivi et justification", "Compte rendu d'exécution", "Contrôle de l'engagement"],
    "pen": ["Sanctions", "Pénalités propres à la clause", "Inexécution de l'engagement"],
}


def clause_parts(C: Ctx, role, doc=None, footnotes=False):
    """[(key, sub title, blocks)] of the clause, the removed elements left out."""
    parts = [("basis", el_basis(C, footnotes)), ("hours", el_hours(C, role))]
    if "CS302" not in C.removed:
        parts.append(("publics", el_publics(C)))
    if "CS303" not in C.removed:
        parts.append(("modalites", el_modalites(C)))
    parts.append(("fac", el_facilitateur(C, doc)))
    parts.append(("controle", el_controle(C)))
    if C.pen.get("where", "clause") == "clause":
        parts.append(("pen", el_penalites(C)))
    else:
        ref = C.refs.get("penalites.ins", "?")
        if pen_hour_text(C) or pen_late_text(C):
            parts.append(("pen", [("p", f"Les manquements à la présente clause sont sanctionnés par les pénalités "
                                        f"prévues à l'article {ref}.")]))
    v = C.r.randrange(3)
    return [(k, SUBS[k][v], b) for k, b in parts if b]


# ------------------------------------------------------------------ CCAP
class Art:
    def __init__(self, key, title, body=None, subs=None):
        self.key, self.title, self.body, self.subs = key, title, body or [], subs or []


def number_tree(layout, tree):
    """tree: [(group title or None, [Art])]. Returns flat list of blocks and refs."""
    refs, blocks = {}, []
    a = 0
    for g, (gt, arts) in enumerate(tree, 1):
        if layout in ("roman", "chapitre", "three") and gt:
            gnum = ROMAN[g] if layout == "roman" else str(g)
            blocks.append(("h", 1, gnum, gt))
        for k, art in enumerate(arts, 1):
            a += 1
            if layout == "three":
                num, lvl = f"{g}.{k}", 2
            elif layout in ("roman", "chapitre"):
                num, lvl = str(a), 2
            else:
                num, lvl = str(a), 1
            refs[art.key] = num
            art._num, art._lvl = num, lvl
            for j, sub in enumerate(art.subs, 1):
                refs[f"{art.key}.{sub[0]}"] = f"{num}.{j}"
    return refs


def emit_tree(doc, layout, tree):
    for g, (gt, arts) in enumerate(tree, 1):
        if layout in ("roman", "chapitre", "three") and gt:
            doc.h(1, ROMAN[g] if layout == "roman" else str(g), gt)
        for art in arts:
            title = art.title if layout in ("roman", "chapitre", "flat") else art.title.capitalize()
            doc.h(art._lvl, art._num, title)
            body = art.body(C_holder[0]) if callable(art.body) else art.body
            doc.blocks.extend(body)
            for j, (_k, st, sb) in enumerate(art.subs, 1):
                doc.h(art._lvl + 1, f"{art._num}.{j}", st)
                sb = sb(C_holder[0]) if callable(sb) else sb
                doc.blocks.extend(sb)


C_holder = [None]


def generic_lots_table(C: Ctx):
    if C.unique:
        return [("p", f"{C.le_contrat[0].upper() + C.le_contrat[1:]} n'est pas alloti : la nature des prestations ne se prête pas à une "
                      "division en lots séparés sans nuire à leur coordination.")]
    head = ["Lot", "Intitulé"]
    if C.ac:
        head += ["Montant minimum HT (durée totale)", "Montant maximum HT (durée totale)"]
    rows = [head]
    for lot in C.lots:
        if C.ac:
            rows.append([C.lot_label(lot), lot["title"], eur(mini(C, lot)), eur(maxi(C, lot))])
        else:
            rows.append([C.lot_label(lot), lot["title"]])
    return [("p", "La consultation est divisée en lots, chacun donnant lieu à un contrat distinct :"), ("t", rows)]


def mini(C, lot):
    return int(round(lot["amount"] * C.ac * 0.5, -3))


def maxi(C, lot):
    return int(round(lot["amount"] * C.ac * 1.5, -3))


def ccap_tree(C: Ctx, doc):
    c = C.c
    buyer = c["buyer"]
    g = c.get("grp")
    t_gen = []
    objet = f"Le présent {C.contrat} a pour objet {c['objet']}."
    if C.ac:
        objet += (" Il s'agit d'un accord-cadre à bons de commande, mono-attributaire" + ("" if C.unique else " par lot")
                  + ", conclu avec un "
                  "minimum et un maximum fixés pour sa durée totale.")
    t_gen.append(Art("objet", "OBJET ET FORME DU CONTRAT", [("p", objet)]))
    if g:
        t_gen.append(Art("grp", "GROUPEMENT DE COMMANDES", [("p", (
            f"Un groupement de commandes est constitué entre {', '.join(g['members'])} et {g['coord']}, "
            f"coordonnateur. Le coordonnateur conduit la procédure, signe et notifie {C.le_contrat} ; chaque "
            "membre émet ses propres bons de commande et règle les prestations qui le concernent."))]))
    t_gen.append(Art("lots", "DÉCOMPOSITION EN LOTS", generic_lots_table(C)))
    if c.get("ccap_contacts"):
        t_gen.append(Art("contacts", "REPRÉSENTANTS DES PARTIES", [("p", c["ccap_contacts"])]))
    if C.ac:
        dur = (f"L'accord-cadre prend effet à sa notification pour une première période de douze mois, "
               f"reconductible tacitement ; sa durée totale ne peut excéder {C.ac} ans.")
    else:
        dur = f"Le marché est conclu pour une durée de {c.get('duree', 'vingt-quatre mois')} à compter de sa notification."
    t_gen.append(Art("duree", "DURÉE", [("p", dur)]))
    ccag_txt = f"le {C.ccag_long}"
    for e in C.err("CS203"):
        if e.get("where") == "pieces":
            ccag_txt = e["text"]
    pieces = [("p", "Les pièces contractuelles prévalent dans l'ordre suivant :"),
              ("li", "l'acte d'engagement et ses annexes ;"),
              ("li", "le présent " + ("cahier des clauses administratives et techniques particulières"
                                      if c.get("ccatp") else "CCAP") + (" et son annexe relative à la clause sociale ;"
                                                                        if C.clause_in == "annex" and not C.ccap_no_clause
                                                                        else " ;"))]
    if not c.get("ccatp"):
        pieces.append(("li", "le cahier des clauses techniques particulières (CCTP) ;"))
    pieces.append(("li", ("le bordereau des prix unitaires ;" if not C.travaux else
                          "la décomposition du prix global et forfaitaire ;")))
    pieces.append(("li", ccag_txt + "."))
    t_gen.append(Art("pieces", "PIÈCES CONSTITUTIVES", pieces))

    t_prix = [Art("prix", "PRIX", [("p", (
        "Les prestations sont rémunérées par application des prix unitaires du bordereau aux quantités "
        "réellement commandées. Les prix sont révisables une fois par an selon la formule définie à "
        "l'annexe financière." if not C.travaux else
        "Les prix sont globaux et forfaitaires, actualisables dans les conditions prévues par le code de la "
        "commande publique."))]),
        Art("paiement", "RÈGLEMENT", [("p", "Les sommes dues sont payées dans un délai global de 30 jours à "
                                            "compter de la réception de la demande de paiement. Les factures "
                                            "sont déposées sur le portail Chorus Pro.")])]
    t_exec = []
    if C.ac:
        t_exec.append(Art("bons", "BONS DE COMMANDE", [("p", (
            "Chaque bon de commande précise les sites, la nature et la période des prestations. Il est émis par "
            + ("le membre du groupement concerné." if g else "le représentant de l'acheteur.")))]))
    if C.travaux:
        t_exec.append(Art("delais", "DÉLAIS D'EXÉCUTION", [("p", (
            f"Le délai d'exécution de chaque lot est fixé au calendrier prévisionnel ; il comprend une période de "
            f"préparation d'un mois. Les réunions de chantier se tiennent chaque mardi à 14 h 00."))]))
    else:
        trap = []
        if "horaires_6_9" in C.traps:
            trap.append("Les interventions ont lieu en dehors des heures d'ouverture au public, entre 6 h et 9 h "
                        "le matin ou après 18 h 30.")
        if "hebdo_35" in C.traps:
            trap.append("Le personnel affecté au contrat travaille sur la base de 35 heures hebdomadaires ; "
                        "l'effectif minimal sur site est de 12 agents.")
        if "delai_4h" in C.traps:
            trap.append("En cas de demande urgente, le délai d'intervention est de 4 heures.")
        if "livraison_11h" in C.traps:
            trap.append("Les repas sont livrés dans chaque office avant 11 h 15.")
        if "rondes_2h" in C.traps:
            trap.append("Les agents effectuent une ronde toutes les 2 heures, 24 h/24 et 7 j/7.")
        trap = trap or ["Le titulaire organise ses équipes de façon à respecter le calendrier d'intervention "
                        "arrêté avec chaque site."]
        t_exec.append(Art("conditions", "CONDITIONS D'INTERVENTION", [("p", " ".join(trap))]))
    # clause
    if C.has_clause and not C.ccap_no_clause:
        title = c.get("clause_title") or C.pick(CLAUSE_TITLES)
        if C.clause_in == "annex":
            ann = c.get("annex_title", "annexe n° 1 au présent CCAP")
            body = [("p", f"Le titulaire exécute l'action d'insertion professionnelle définie à l'{ann} "
                          "(« Clause sociale d'insertion »), qui fait partie des pièces contractuelles : volume "
                          "d'heures par lot, publics, modalités, accompagnement, suivi et pénalités.")]
            t_exec.append(Art("clause", title, body))
        elif c.get("clause_prose"):
            t_exec.append(Art("clause", title, lambda C_: [b for _k, _t, bl in
                                                               clause_parts(C_, "ccap", doc, c.get("footnotes"))
                                                               for b in bl]))
        else:
            t_exec.append(Art("clause", title, [], []))
    elif C.sans:
        t_exec.append(Art("clause", "CLAUSE SOCIALE", [("p", C.sans)]))
    elif C.derog:
        t_exec.append(Art("clause", "CONDITIONS D'EXÉCUTION À CARACTÈRE SOCIAL", [("p", C.derog)]))
    t_pen = []
    gen_pen = [("p", "Sauf stipulation contraire, les pénalités s'appliquent sans mise en demeure préalable et "
                     "ne sont pas plafonnées.")]
    retard = ("Retard d'exécution : 1/3 000e du montant du marché par jour calendaire de retard."
              if C.travaux else
              ("Prestation non exécutée à la date prévue par le bon de commande : 150 € par jour calendaire."
               if C.ac else "Prestation non exécutée à la date prévue au planning : 150 € par jour calendaire."))
    autres = "Absence non excusée à une réunion de coordination : 100 € par absence."
    art = Art("penalites", "PÉNALITÉS", gen_pen)
    if C.has_clause and not C.ccap_no_clause and C.pen.get("where") == "general" and C.clause_in == "ccap":
        ins = [("p", t) for t in (pen_hour_text(C), pen_late_text(C)) if t]
        art.subs = [("retard", "Retards", [("p", retard)]), ("autres", "Autres manquements", [("p", autres)])]
        if ins:
            art.subs.append(("ins", "Manquements à la clause d'insertion", ins))
    else:
        gen_pen += [("p", "a) " + retard), ("p", "b) " + autres)]
    t_pen.append(art)
    t_pen.append(Art("resiliation", "RÉSILIATION", [("p", "Les stipulations du CCAG relatives à la résiliation "
                                                          "s'appliquent.")]))
    t_pen.append(Art("litiges", "LITIGES", [("p", f"Le tribunal administratif de {c.get('ta', 'Nantes')} est "
                                                  "seul compétent.")]))
    return [("DISPOSITIONS GÉNÉRALES", t_gen), ("PRIX ET RÈGLEMENT", t_prix),
            ("CONDITIONS D'EXÉCUTION", t_exec), ("PÉNALITÉS ET FIN DU CONTRAT", t_pen)]


def ccap_doc(C: Ctx):
    c = C.c
    title = ("CAHIER DES CLAUSES ADMINISTRATIVES ET TECHNIQUES PARTICULIÈRES (CCATP)" if c.get("ccatp")
             else "CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES")
    layout = c.get("layout", "plain")
    fmt = C.files["ccap"][1]
    doc = R.Doc(title, layout=layout, autonum=c.get("autonum", False) and fmt == "docx",
                subtitle=f"{c['buyer']} – {c['objet'][0].upper() + c['objet'][1:]}",
                header=c["buyer"], pagenum=True)
    C_holder[0] = C
    tree = ccap_tree(C, doc)
    if c.get("ccatp"):
        tree[2][1].insert(0, Art("technique", "SPÉCIFICATIONS TECHNIQUES", [("p", c.get(
            "tech", "Les prestations sont exécutées selon les fréquences et les méthodes décrites au présent "
                    "article et au cadre de réponse technique."))]))
    if c.get("ccap_visa_note"):
        tree[0][1][0].body = [("pn", tree[0][1][0].body[0][1], [c["ccap_visa_note"]])]
    C.refs = number_tree(layout, tree)
    for _gt, arts in tree:
        for a in arts:
            if (a.key == "clause" and not a.body and not a.subs and C.has_clause and not C.ccap_no_clause
                    and C.clause_in == "ccap"):
                a.subs = clause_parts(C, "ccap", doc, c.get("footnotes"))
    C.refs = number_tree(layout, tree)
    emit_tree(doc, layout, tree)
    return doc


# ------------------------------------------------------------------ annex
def annex_doc(C: Ctx):
    c = C.c
    if C.clause_in == "annex":
        doc = R.Doc("ANNEXE N° 1 AU CCAP – CLAUSE SOCIALE D'INSERTION", layout="plain",
                    subtitle=f"{c['buyer']} – {c['objet']}", header=c["buyer"], pagenum=True)
        parts = clause_parts(C, "annex", doc, False)
        for i, (_k, st, bl) in enumerate(parts, 1):
            doc.h(1, str(i), st)
            doc.blocks.extend(bl)
        return doc
    # engagement form
    doc = R.Doc("FICHE D'ENGAGEMENT – ACTION D'INSERTION PROFESSIONNELLE", layout="none",
                subtitle=f"Annexe à l'acte d'engagement – {c['buyer']}", header=c["buyer"], pagenum=True)
    doc.p(f"Objet : {c['objet']}.")
    doc.p("Raison sociale du candidat : ………………………………………   SIRET : ……………………………")
    doc.h(1, None, "1. Engagement sur le volume d'heures")
    doc.blocks.extend(el_hours(C, "annex"))
    doc.p("Le candidat reconnaît avoir pris connaissance de la clause sociale du CCAP et s'engage à la respecter.")
    if "CS303" not in C.removed:
        doc.h(1, None, "2. Modalité envisagée (à cocher, plusieurs choix possibles)")
        doc.p("☐ embauche directe de personnes éligibles")
        doc.p("☐ mise à disposition par une ETTI, une association intermédiaire ou un GEIQ")
        doc.p("☐ sous-traitance ou cotraitance avec une SIAE, une entreprise adaptée ou un ESAT")
    if "CS304" not in C.removed:
        doc.h(1, None, "3. Facilitateur")
        doc.p(fac_line(C))
    doc.h(1, None, "Signature")
    doc.p("Fait à ………………………, le ………………………   Nom, qualité et signature du représentant habilité :")
    return doc


# ------------------------------------------------------------------ RC
def rc_announce(C: Ctx):
    c = C.c
    if "CS102" in C.codes:
        return []
    if C.noclause:
        if C.sans:
            return [("Clause sociale d'insertion", [("p", C.sans)])]
        if C.derog:
            return [("Conditions d'exécution à caractère social", [("p", C.derog)])]
        return []
    cov = C.covered()
    ref = C.refs.get("clause")
    where = (f"à l'article {ref} du {'CCATP' if c.get('ccatp') else 'CCAP'}" if ref and not C.ccap_no_clause
             else c.get("rc_where", "à l'annexe « Clause sociale » du dossier"))
    if C.clause_in == "annex":
        where = f"à l'annexe n° 1 du CCAP (article {ref} du CCAP)" if ref else where
    if C.unique:
        lots_txt = ""
    else:
        lots_txt = " Lots concernés : " + ", ".join(C.lot_label(lot) for lot in cov) + "."
        nc = [lot for lot in C.lots if not lot["cover"]]
        if nc:
            lots_txt += " " + ", ".join(C.lot_label(lot) for lot in nc) + (" : non concerné." if len(nc) == 1
                                                                           else " : non concernés.")
    v = C.pick([0, 1, 2])
    if v == 0:
        body = [("p", "Le contrat comporte une condition d'exécution à caractère social : une clause "
                      "d'insertion professionnelle (article L2112-2 du code de la commande publique), détaillée "
                      + where + "." + lots_txt)]
    elif v == 1:
        body = [("p", "Exigence d'insertion : le titulaire devra réserver une partie des heures travaillées à "
                      "des personnes en parcours d'insertion, dans les conditions fixées " + where + "." + lots_txt
                      + " Cette exigence est une condition d'exécution et non un critère de jugement des offres.")]
    else:
        body = [("p", "Clause sociale : oui. Il s'agit d'une obligation d'exécution (insertion de personnes "
                      "éloignées de l'emploi) dont le détail figure " + where + "." + lots_txt)]
    for e in C.err("CS204"):
        if e.get("where") == "rc":
            body.append(("p", e["text"]))
    if c.get("rc_hours") and not C.nohours:
        rows = [["Lot", "Heures d'insertion" + (" par an" if C.ac else "")]]
        for lot in cov:
            hv = C.hours_in("rc", lot["n"])
            if hv in (None, "absent"):
                continue
            rows.append([C.lot_label(lot) if not C.unique else "Marché unique", C.fh(hv)])
        body.append(("t", rows))
    if c.get("rc_fac") and "CS304" not in C.removed:
        body.append(("p", "Les candidats peuvent interroger le facilitateur sur la mise en œuvre de la clause : "
                          + fac_line(C) + "."))
    return [(c.get("rc_clause_title", "Condition d'exécution sociale"), body)]


def rc_doc(C: Ctx):
    c = C.c
    layout = c.get("rc_layout", "plain")
    doc = R.Doc("RÈGLEMENT DE LA CONSULTATION", layout=layout, subtitle=f"{c['buyer']}\n{c['objet'][0].upper() + c['objet'][1:]}",
                header=c["buyer"] + " – Règlement de la consultation", pagenum=True)
    secs = []
    intro = [("p", f"Pouvoir adjudicateur : {c['buyer']}" + (f", coordonnateur du groupement de commandes formé "
                                                             f"avec {', '.join(c['grp']['members'])}"
                                                             if c.get("grp") else "") + ".")]
    intro.append(("p", f"Objet : {c['objet']}."))
    proc = c.get("procedure") or ("appel d'offres ouvert (articles R2124-2 1° et R2161-2 à R2161-5 du code de la "
                                  "commande publique)" if C.value() >= C.threshold() else
                                  "procédure adaptée (article R2123-1 1° du code de la commande publique)")
    intro.append(("p", f"Procédure : {proc}."))
    if "seuil_216" in C.traps:
        intro.append(("p", "La valeur estimée du besoin dépasse le seuil européen applicable aux fournitures et "
                           "services des collectivités (216 000 € HT pour 2026-2027)."))
    for e in C.err("CS205") + C.err("CS201"):
        if e.get("role", "rc") == "rc" and e.get("where", "intro") == "intro":
            intro.append(("p", e["text"]))
    secs.append(("Objet et procédure", intro))
    # lots
    if C.unique:
        lot = C.lots[0]
        lt = [("p", f"{C.le_contrat[0].upper() + C.le_contrat[1:]} n'est pas alloti." + (f" Montant estimatif annuel : {eur(lot['amount'])} ; "
                                                     f"minimum {eur(mini(C, lot))} et maximum {eur(maxi(C, lot))} "
                                                     f"sur la durée totale." if C.ac else
                                                     f" Montant estimé : {eur(lot['amount'])}."))]
        if c.get("rc_trade"):
            lt.append(("p", f"Nature des prestations : {c['rc_trade']}."))
    else:
        head = ["Lot", "Intitulé", "Montant estimatif" + (" annuel" if C.ac else "") + " HT"]
        if C.ac:
            head += ["Minimum HT (durée totale)", "Maximum HT (durée totale)"]
        rows = [head]
        for lot in C.lots:
            r = [C.lot_label(lot), lot["title"], eur(lot["amount"])]
            if C.ac:
                r += [eur(mini(C, lot)), eur(maxi(C, lot))]
            rows.append(r)
        lt = [("p", "Allotissement :"), ("t", rows)]
    secs.append(("Lots et montants", lt))
    secs.append(("Durée", [("p", (f"Accord-cadre à bons de commande d'une durée maximale de {C.ac} ans."
                                  if C.ac else f"Durée du marché : {c.get('duree', 'vingt-quatre mois')}."))]))
    for h, body in rc_announce(C):
        secs.append((body and h, body))
    dce = [("p", "Le dossier de consultation comprend : le présent règlement, le "
                 + ("CCATP" if c.get("ccatp") else "CCAP") + ", l'acte d'engagement"
                 + (", l'annexe relative à la clause sociale" if C.files.get("annex") and "CS102" not in C.codes else "")
                 + (", le CCTP" if C.files.get("cctp") else "")
                 + (", le cadre de prix" if any(C.files.get(k) for k in ("bpu", "dqe", "dpgf")) else "") + ".")]
    secs.append(("Contenu du dossier", dce))
    secs.append(("Jugement des offres", [("p", c.get("criteres", "Prix : 55 % ; valeur technique appréciée au "
                                                                 "vu du mémoire : 45 %."))]))
    limite = date_fr(C.launch + dt.timedelta(days=36), 0)
    secs.append(("Remise des offres", [("p", f"Les offres sont déposées sur le profil d'acheteur au plus tard le "
                                             f"{limite} à 12 h 00.")]))
    ren = [("p", c.get("rc_contact", f"Renseignements administratifs : service de la commande publique, "
                                     f"commande.publique@{c.get('domain', 'acheteur.fr')}."))]
    if "tech_contact" in C.traps:
        ren.append(("p", f"Renseignements techniques : {c.get('tech_person', 'M. Olivier Bastide')}, responsable "
                         f"du service utilisateur, tél. {c.get('tech_tel', '03 53 01 12 40')}."))
    if "ref_marche" in C.traps:
        ren.append(("p", f"Référent marché : {c.get('ref_person', 'Mme Sandrine Quéméner')}, "
                         f"{c.get('ref_mail', 'marches@acheteur.fr')}."))
    secs.append(("Renseignements complémentaires", ren))
    for i, (h, body) in enumerate(secs, 1):
        if not body:
            continue
        doc.h(1, str(i), h)
        doc.blocks.extend(body)
    doc.p(c.get("rc_date_fmt", "Date d'envoi de l'avis à la publication : {d}.").format(
        d=date_fr(C.launch, c.get("dstyle", 0))))
    return doc


# ------------------------------------------------------------------ AE
def ae_doc(C: Ctx, lot=None, version=None):
    c = C.c
    kind = c.get("ae_kind", "form")
    title = ("ATTRI1 – ACTE D'ENGAGEMENT" if kind == "attri1" else "ACTE D'ENGAGEMENT")
    if lot is not None:
        title += f" – {C.lot_label(lot).upper()}"
    sub = c["buyer"] + (f" – {C.lot_label(lot)} : {lot['title']}" if lot else "")
    doc = R.Doc(title, layout="none", subtitle=sub, header=c["buyer"], pagenum=True)
    if version:
        doc.p(version)
    if kind == "attri1":
        doc.h(1, None, "A – Objet de l'acte d'engagement")
    else:
        doc.h(1, None, "1. Identification de l'acheteur et objet")
    doc.p(f"Acheteur : {c['buyer']}. Objet : {c['objet']}.")
    if not C.unique and lot is None:
        doc.p("Lot(s) pour le(s)quel(s) le candidat s'engage (cocher) :")
        for l_ in C.lots:
            if C.hours_in("ae", l_["n"]) == "absent":
                continue
            doc.p(f"☐ {C.lot_label(l_)} – {l_['title']}")
    doc.h(1, None, "B – Engagement du titulaire" if kind == "attri1" else "2. Le candidat")
    doc.p("☐ candidat individuel   ☐ groupement conjoint   ☐ groupement solidaire")
    doc.p("Nom, raison sociale : ……………………………………………  SIRET : ……………………………")
    doc.p("Après avoir pris connaissance des pièces du dossier, le candidat s'engage à exécuter les prestations "
          "aux prix de son offre, qui reste valable 120 jours.")
    rub = not ("CS103" in C.codes) and C.has_clause
    if rub:
        doc.h(1, None, "Engagement relatif à l'insertion professionnelle")
        if C.nohours:
            doc.p("☒ Le candidat s'engage à réaliser l'action d'insertion prévue au CCAP.")
        elif kind == "fill":
            lo = C.lots[0]
            hv = C.hours_in("ae", lo["n"])
            doc.p("☒ Le candidat s'engage sur ________ heures d'insertion" + (" par an" if C.ac else "")
                  + f" (minimum exigé : {C.fh(hv)}" + (" par an" if C.ac else "") + ").")
        elif lot is not None or C.unique:
            lo = lot or C.lots[0]
            hv = C.hours_in("ae", lo["n"])
            if lo["cover"] and hv not in (None, "absent"):
                doc.p(f"☒ Le candidat s'engage à réaliser {C.fh(hv)} d'insertion"
                      + (" par an" if C.ac else "") + ", selon les modalités du CCAP.")
            else:
                doc.p("☐ Sans objet pour ce lot (lot non concerné par la clause d'insertion).")
        else:
            doc.p("☒ Pour chaque lot attribué, le candidat s'engage à réaliser les heures d'insertion "
                  "suivantes :")
            rows = [["Lot", "Heures d'insertion" + (" par an" if C.ac else "")]]
            for l_ in C.lots:
                hv = C.hours_in("ae", l_["n"])
                if hv == "absent":
                    continue
                rows.append([C.lot_label(l_), C.fh(hv) if (l_["cover"] and hv is not None) else "non concerné"])
            doc.t(rows)
    elif C.sans or C.derog:
        pass
    doc.h(1, None, "C – Signature" if kind == "attri1" else "3. Signature")
    doc.p("Fait à …………………………, le ……………………")
    doc.p("Le candidat (nom, qualité, signature) :                    Pour l'acheteur, le représentant habilité :")
    return doc


# ------------------------------------------------------------------ others
def avis_doc(C: Ctx):
    c = C.c
    doc = R.Doc("AVIS D'APPEL PUBLIC À LA CONCURRENCE", layout="none", header=c["buyer"], pagenum=True)
    doc.h(1, None, "Section I – Acheteur")
    doc.p(c["buyer"] + (f", coordonnateur d'un groupement de commandes" if c.get("grp") else "") + ".")
    doc.h(1, None, "Section II – Objet")
    doc.p(c["objet"][0].upper() + c["objet"][1:] + ".")
    if not C.unique:
        doc.p("Lots : " + " ; ".join(f"{C.lot_label(l)} – {l['title']}" for l in C.lots) + ".")
    doc.p(f"Valeur totale estimée : {eur(C.value())}.")
    doc.h(1, None, "Section III – Conditions")
    if "CS104" not in C.codes and C.has_clause:
        doc.p(C.pick(["Conditions particulières d'exécution : le contrat comporte une clause sociale d'insertion "
                      "professionnelle, condition d'exécution dont le détail figure au CCAP.",
                      "Exécution : oui, condition sociale – heures d'insertion à la charge du titulaire (voir "
                      "le CCAP)."]))
    doc.p("Critères d'attribution : énoncés dans les documents de la consultation.")
    doc.h(1, None, "Section VI – Renseignements complémentaires")
    doc.p(f"Date d'envoi du présent avis à la publication : {date_fr(C.launch, 1)}.")
    return doc


def cctp_doc(C: Ctx):
    c = C.c
    doc = R.Doc("CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES", layout="plain", header=c["buyer"], pagenum=True,
                subtitle=c["objet"])
    doc.h(1, "1", "Description des prestations")
    doc.p(c.get("tech", "Les prestations comprennent l'ensemble des opérations décrites ci-après, site par site."))
    doc.h(1, "2", "Exigences de qualité")
    doc.p("Le titulaire met en place un plan de contrôle interne et présente ses procédures lors de la réunion "
          "de démarrage.")
    doc.h(1, "3", "Produits et matériels")
    doc.p("Les produits employés disposent d'un écolabel ou présentent des caractéristiques équivalentes.")
    return doc


def price_sheets(C: Ctx, kind):
    rows = [["N°", "Désignation", "Unité", "Quantité estimative" if kind == "dqe" else "Prix unitaire HT"]]
    items = C.c.get("price_items", ["Prestation de base", "Prestation complémentaire", "Intervention ponctuelle"])
    for i, it in enumerate(items, 1):
        rows.append([f"{i:02d}", it, "forfait" if kind == "dpgf" else "unité", "" if kind != "dqe" else 10 * i])
    name = {"bpu": "BPU", "dqe": "DQE", "dpgf": "DPGF"}[kind]
    return [(name, [[C.c["buyer"]], [name + " – " + C.c["objet"]], []] + rows)]


def notes_text(C: Ctx):
    return ("Notes de préparation du dossier\n"
            "- vérifier la liste des pièces avant la mise en ligne\n"
            "- caler la date de la commission avec le secrétariat\n"
            "- prévoir la visite des sites pour les candidats qui la demandent\n")


def odd_doc(C: Ctx):
    doc = R.Doc("Brouillon", layout="none")
    doc.p("Liste des entreprises à informer de la mise en ligne (courriel de courtoisie) :")
    doc.li("entreprises ayant répondu à la précédente consultation ;")
    doc.li("chambre de métiers et chambre de commerce du département.")
    doc.p("À supprimer avant la publication.")
    return doc


# ------------------------------------------------------------------ build one consultation
def _render(doc, path: Path, fmt, seed=0):
    if fmt == "docx":
        R.render_docx(doc, path)
    elif fmt == "pdf":
        R.render_pdf(doc, path)
    elif fmt == "soffice":
        R.soffice_pdf(doc, path)
    elif fmt == "odt":
        R.render_odt(doc, path)
    elif fmt == "scan":
        R.render_scanned_pdf(doc, path, seed)
    else:
        raise ValueError(fmt)


def build(case, outdir: Path):
    """Writes the consultation's files into outdir; returns (answer key, context)."""
    C = Ctx(case)
    outdir.mkdir(parents=True, exist_ok=True)
    seed = sum(map(ord, C.name))
    docs = {}  # filename -> (role, Doc or None, fmt)
    ccap = ccap_doc(C)
    docs_role = {"ccap": ccap}
    if C.files.get("rc"):
        docs_role["rc"] = rc_doc(C)
    if C.files.get("annex"):
        docs_role["annex"] = annex_doc(C)
    if C.files.get("avis"):
        docs_role["avis"] = avis_doc(C)
    if C.files.get("cctp"):
        docs_role["cctp"] = cctp_doc(C)
    if C.files.get("odd"):
        docs_role["odd"] = odd_doc(C)
    for e in C.err("CS903"):
        d = docs_role[e["role"]]
        idx = next(i for i, b in enumerate(d.blocks) if b[0] == "p")
        if e["how"] == "comment":
            d.comments.append((idx + e.get("offset", 0), e["text"]))
        else:
            d.tracked.append((idx + e.get("offset", 0), e["ins"], e["del"]))
    for role, d in docs_role.items():
        fn, fmt = C.files[role]
        docs[fn] = (role, d, fmt)
    # acts of engagement
    dup = next((e for e in C.err("CS905") if e["role"] == "ae"), None)
    if C.files.get("ae"):
        fn, fmt = C.files["ae"]
        if dup:
            for f2, ver in dup["versions"]:
                docs[f2] = ("ae", ae_doc(C, version=ver), fmt)
        else:
            docs[fn] = ("ae", ae_doc(C), fmt)
    for fn, fmt, lot_n in C.files.get("ae_perlot", []):
        docs[fn] = ("ae", ae_doc(C, lot=C.lot(lot_n)), fmt)
    damaged = {e["role"]: e for e in C.err("CS901")}
    scanned = {e["role"] for e in C.err("CS902")}
    written = {}
    for fn, (role, d, fmt) in docs.items():
        path = outdir / fn
        if role in scanned:
            fmt = "scan"
        if role in damaged and damaged[role]["how"] == "encrypt":
            R.render_pdf(d, path, password="b5-" + C.name[:6])
        else:
            _render(d, path, fmt, seed)
        if role in damaged:
            how = damaged[role]["how"]
            if how == "truncate":
                R.damage_truncate(path)
            elif how == "empty":
                R.damage_empty(path)
            elif how == "garbage":
                R.damage_garbage(path, seed)
        written[fn] = role
        C.texts[fn] = d.text()
    for role in ("bpu", "dqe", "dpgf"):
        if C.files.get(role):
            fn, fmt = C.files[role]
            sheets = price_sheets(C, role)
            if role in damaged and damaged[role]["how"] == "encrypt":
                d = R.Doc(sheets[0][0], blocks=[("t", [[str(x) for x in r] for r in sheets[0][1] if r])])
                R.render_pdf(d, outdir / fn, password="b5-" + C.name[:6])
                C.texts[fn] = d.text()
            else:
                R.render_xlsx(sheets, outdir / fn, title=sheets[0][0])
                C.texts[fn] = "\n".join(" ".join(str(x) for x in r) for r in sheets[0][1])
            written[fn] = role
    if C.files.get("plan"):
        fn = C.files["plan"][0]
        R.render_plan(outdir / fn, [C.c["buyer"], C.c["objet"][:70], "Plan de situation – sans échelle"], seed)
        written[fn] = "plan"
        C.texts[fn] = ""
    if C.files.get("notes"):
        fn = C.files["notes"][0]
        (outdir / fn).write_text(notes_text(C), encoding="utf-8")
        written[fn] = "notes"
        C.texts[fn] = notes_text(C)
    for e in C.err("CS905"):
        if e["role"] != "ae":
            src = C.files[e["role"]][0]
            (outdir / e["copy"]).write_bytes((outdir / src).read_bytes())
            written[e["copy"]] = e["role"]
            C.texts[e["copy"]] = C.texts[src]
    C.written = written
    return answer_key(C), C


def files_of(C: Ctx, role):
    return sorted(fn for fn, r in C.written.items() if r == role)


def one(lst):
    return lst[0] if len(lst) == 1 else lst


def answer_key(C: Ctx):
    c = C.c
    W = C.written
    pieces = {}
    for fn, role in sorted(W.items()):
        k = KIND.get(role)
        if role in {e["role"] for e in C.err("CS901")} | {e["role"] for e in C.err("CS902")}:
            k = None
        pieces[fn] = k
    F, O = [], []

    def add(code, piece, lot, planted, note, opt=False):
        (O if opt else F).append({"code": code, "piece": piece, "lot": lot, "planted": planted, "note": note})

    ccap_files = files_of(C, "ccap")
    # the clause is judged as a whole (CCAP and its annex or engagement form): either piece may be named
    clause_piece = one(ccap_files + files_of(C, "annex"))
    notes = {
        "CS101": "le CCAP n'a aucun article de clause alors que le RC et l'AE portent la clause et ses heures",
        "CS102": "le RC ne dit rien de la clause sociale (ni condition d'exécution ni lots concernés)",
        "CS103": "ni l'AE ni une annexe ne portent l'engagement du candidat sur les heures",
        "CS104": "l'avis ne mentionne pas la condition d'exécution sociale",
        "CS302": "aucun public éligible dans aucune pièce",
        "CS303": "aucune modalité de réalisation (embauche, mise à disposition, sous-traitance…) dans aucune pièce",
        "CS304": "aucun contact de facilitateur (structure et téléphone ou courriel) ; seuls des contacts de l'acheteur",
        "CS305": "aucune obligation de suivi ni de transmission de justificatifs",
        "CS306": "aucune pénalité par heure d'insertion non réalisée",
        "CS307": "pénalité par heure sans montant ou figée sur un SMIC d'une année passée",
        "CS308": "aucune pénalité pour la transmission tardive des documents de suivi",
        "CS501": "lancé après le 21 août 2026, au-dessus du seuil européen, sans condition sociale ni justification",
    }
    for e in C.errs:
        code = e["code"]
        note = e.get("note") or notes.get(code, "")
        if code == "CS101":
            add(code, one(ccap_files), None, True, note)
        elif code == "CS102":
            add(code, C.fname("rc"), None, True, note)
        elif code in ("CS103", "CS501"):
            add(code, None, None, True, note)
        elif code == "CS104":
            add(code, C.fname("avis"), None, True, note)
        elif code == "CS105":
            add(code, None, None, True, note or f"pièce absente du dossier : {e['missing']}")
        elif code in ("CS201", "CS202", "CS203", "CS204", "CS205"):
            role = e.get("role", "ccap")
            add(code, one(files_of(C, role)), None, True, note or f"{e['text']}")
        elif code in ("CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
            add(code, clause_piece, None, True, note)
        elif code == "CS301":
            add(code, clause_piece, e.get("lot"), True,
                "aucun nombre d'heures" + (f" pour le lot {e['lot']}, couvert par la clause" if e.get("lot")
                                           else " dans aucune pièce"))
        elif code == "CS401":
            lot = e["lot"]
            fl = [fn for fn, r in W.items() if r in ("rc", "ccap", "ae", "annex")
                  and stated(C, r, lot, fn) is not None]
            add(code, sorted(fl), lot, True, f"heures du lot {lot} différentes selon les pièces")
        elif code == "CS402":
            add(code, one(files_of(C, e["role"])), None, True,
                f"total affiché {e['total']} h ≠ somme des lots")
        elif code == "CS403":
            add(code, None, e["lot"], True, f"heures du lot {e['lot']} ×{e['factor']} du calcul (montant et métier donnés)")
        elif code == "CS404":
            lot = e["lot"]
            fl = [fn for fn, r in W.items() if r in ("rc", "ccap", "ae", "annex") and
                  (stated(C, r, lot, fn) is not None or r in e["roles"])]
            add(code, sorted(fl), lot, True, f"le lot {lot} a des heures dans une pièce et manque dans "
                                             f"{', '.join(KIND[r] for r in e['roles'])}")
        elif code == "CS405":
            add(code, None, e["lot"], True, f"heures demandées sur le lot {e['lot']}, fourniture seule")
            add("CS403", None, e["lot"], False, "lot de fournitures seules : écart au calcul facultatif", opt=True)
        elif code in ("CS901", "CS902"):
            fn = C.fname(e["role"])
            add(code, fn, None, True, note or ("pièce illisible" if code == "CS901" else "PDF scanné sans texte"))
            add("CS904", fn, None, False, "type non reconnaissable d'une pièce illisible ou scannée", opt=True)
        elif code == "CS903":
            add(code, C.fname(e["role"]), None, True, "modification suivie ou commentaire Word")
        elif code == "CS904":
            add(code, C.fname("odd"), None, True, "fichier qui n'est aucune pièce du DCE")
        elif code == "CS905":
            if e["role"] == "ae":
                add(code, [v[0] for v in e["versions"]], None, True, "deux versions de l'acte d'engagement")
            else:
                add(code, [C.fname(e["role"]), e["copy"]], None, True, "copie d'une pièce")
    # natural findings
    for role in ("plan", "notes"):
        if C.files.get(role):
            add("CS904", C.files[role][0], None, False, "fichier qui n'est pas une pièce (plan, notes)")
    if C.noclause and not C.sans and not C.derog:
        add("CS100", None, None, False, "aucune pièce ne porte de clause et aucune ne dit « sans »")
    if C.noclause and C.derog:
        add("CS100", None, None, False, "pas de clause, mais une dérogation motivée en tient lieu", opt=True)
    if "CS305" in C.codes and "CS308" not in C.codes:
        add("CS308", clause_piece, None, False, "le suivi retiré, la pénalité de retard des documents l'est aussi")
    if "CS101" in C.codes:
        for code in ("CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
            add(code, None, None, False, "CCAP sans clause : le contenu n'est jugé dans aucune pièce", opt=True)
    if C.nohours:
        add("CS103", None, None, False, "aucun nombre d'heures : l'AE s'engage sans chiffre (CS301)", opt=True)
    for lot in C.lots:
        if lot["trade"] in MO_HORS_TABLE and lot["cover"]:
            add("CS403", None, lot["n"], False, f"métier « {lot['trade']} » absent de la table par défaut : "
                                                "le calcul du profil n'est pas défini", opt=True)
    # hours per lot
    lots = {}
    for lot in C.lots:
        vals = {}
        for fn, r in sorted(W.items()):
            if r not in ("rc", "ccap", "ae", "annex") or pieces.get(fn) is None:
                continue
            v = stated(C, r, lot["n"], fn)
            if isinstance(v, int):
                vals.setdefault(KIND[r], set()).add(v)
        if not vals:
            continue
        flat = {v for s in vals.values() for v in s}
        key_n = "unique" if C.unique else lot["n"]
        if len(flat) == 1:
            lots[key_n] = flat.pop()
        else:
            assert all(len(s) == 1 for s in vals.values()), (C.name, vals)
            lots[key_n] = {k: next(iter(s)) for k, s in sorted(vals.items())}
    for f in F + O:
        if f["lot"] is not None and C.unique:
            f["lot"] = "unique"
    return {"name": C.name, "half": "sealed", "review_date": C.review, "description": c["description"],
            "pieces": pieces, "lots": lots, "findings": F, "optional": O}


def stated(C: Ctx, role, lot_n, fn=None):
    """Hours a piece of this role states for the lot (int), else None."""
    c = C.c
    if not C.has_clause or C.nohours:
        return None
    lot = C.lot(lot_n)
    if not lot["cover"]:
        return None
    if role == "ccap":
        if C.ccap_no_clause or C.clause_in != "ccap":
            return None
    elif role == "annex":
        if not C.files.get("annex"):
            return None
    elif role == "rc":
        if not c.get("rc_hours") or "CS102" in C.codes:
            return None
    elif role == "ae":
        if "CS103" in C.codes:
            return None
        if fn and C.files.get("ae_perlot"):
            mine = next(x[2] for x in C.files["ae_perlot"] if x[0] == fn)
            if mine != lot_n:
                return None
    v = C.hours_in(role, lot_n)
    return v if isinstance(v, int) else None
