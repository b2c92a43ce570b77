"""Writes one consultation of the third blind corpus from its description, and its answer key.

Every clause element has several wordings written for this corpus; the choice is drawn from a
seed (the consultation's name). Planted errors are entries of `case["errs"]` (code, detail)."""

from __future__ import annotations

import datetime as dt
import math
import random
import re
import shutil
from pathlib import Path

from .render import (Doc, damage_empty, damage_truncate, render_docx, render_odt, render_pdf,
                     render_plan, render_scanned_pdf, render_xlsx, soffice_pdf)

# -------------------------------------------------------------- hours (hours.md, default profile)
# labour share: middle of each range of reference.md § 6.2
LABOUR = {
    "vrd": 0.30, "gros_oeuvre": 0.45, "charpente_bois": 0.35, "charpente_metallique": 0.20,
    "couverture_etancheite": 0.40, "menuiseries_exterieures": 0.25, "menuiseries_interieures": 0.40,
    "platrerie": 0.55, "peinture": 0.65, "revetements_sols": 0.45, "electricite": 0.45,
    "plomberie_cvc": 0.35, "ascenseurs": 0.20, "espaces_verts_creation": 0.45,
    "espaces_verts_entretien": 0.65, "nettoyage": 0.85, "collecte_dechets": 0.55,
    "restauration": 0.45, "demolition_desamiantage": 0.50, "fournitures": 0.0,
}
RATE, COST, STEP, HMIN = 0.05, 30.0, 5, 70


def computed_hours(amount, trade):
    m = LABOUR[trade]
    if m <= 0:
        return None
    raw = amount * m * RATE / COST
    h = int(math.floor(raw / STEP + 0.5)) * STEP
    return h if h >= HMIN else None


MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]


def fdate(d, style=0):
    if style == 1:
        return d.strftime("%d/%m/%Y")
    j = "1er" if d.day == 1 else str(d.day)
    return f"{j} {MOIS[d.month - 1]} {d.year}"


def money(x):
    s = f"{x:,.0f}".replace(",", "\u202f")
    return f"{s} € HT"


def money_sep(x, sep):
    return f"{x:,.0f}".replace(",", sep) + " € HT"


def hs(n):
    return f"{n:,}".replace(",", " ")


# -------------------------------------------------------------- wordings
TITLES = ["Engagement en faveur de l'emploi", "Promotion de l'emploi des personnes en difficulté",
          "Volet social du marché", "Obligations d'insertion du titulaire",
          "Action d'insertion professionnelle", "Exigence sociale d'exécution"]

PUBLICS = [
    ("Les heures réservées bénéficient à des personnes qui, pour des raisons tenant à leur parcours, "
     "à leur âge, à leur santé ou à leur situation sociale, peinent à accéder à un emploi durable : "
     "demandeurs d'emploi inscrits depuis plus d'un an, allocataires du RSA ou de l'ASS, travailleurs "
     "bénéficiant d'une RQTH, jeunes de moins de 26 ans sans qualification, habitants d'un quartier "
     "prioritaire de la politique de la ville (QPV), et toute personne dont l'éligibilité est confirmée "
     "par le facilitateur."),
    ("Sont visées les personnes rencontrant des difficultés sociales ou professionnelles particulières, "
     "notamment : les demandeurs d'emploi de longue durée ; les bénéficiaires des minima sociaux (RSA, "
     "ASS, AAH) ; les jeunes de moins de 26 ans suivis par une mission locale ; les personnes reconnues "
     "travailleurs handicapés ; les salariés des structures d'insertion par l'activité économique ; les "
     "demandeurs d'emploi de plus de 50 ans."),
    ("Peuvent occuper les heures d'insertion : les personnes éloignées de l'emploi orientées par France "
     "Travail, une mission locale, Cap emploi ou le PLIE ; les titulaires d'un PASS IAE ; les allocataires "
     "du revenu de solidarité active ; les jeunes de moins de vingt-six ans de faible niveau de "
     "qualification ; les personnes handicapées au sens de l'article L5212-13 du code du travail. Le "
     "facilitateur se prononce sur l'éligibilité de chaque candidat avant son embauche."),
]
PUB_KEYS = ["RSA", "revenu de solidarité", "RQTH", "handicap", "26 ans", "vingt-six", "PASS IAE",
            "minima sociaux", "longue durée", "éligibilité", "éligibles", "difficultés sociales"]

MODAL = [
    ("Pour s'acquitter de cette obligation, le titulaire peut embaucher lui-même les personnes (CDD, "
     "CDI, contrat d'apprentissage ou de professionnalisation), faire appel à une entreprise de travail "
     "temporaire d'insertion, à une association intermédiaire ou à un GEIQ qui met du personnel à sa "
     "disposition, ou encore sous-traiter une partie des prestations à une structure d'insertion, une "
     "entreprise adaptée ou un ESAT. Ces moyens peuvent se combiner."),
    ("Trois voies sont ouvertes au titulaire : recruter directement des salariés en parcours d'insertion ; recourir "
     "à la mise à disposition de salariés par une ETTI, une AI ou un GEIQ ; confier une part du marché, "
     "en sous-traitance ou en cotraitance, à une SIAE, une EA ou un ESAT."),
]
MOD_KEYS = ["ETTI", "GEIQ", "association intermédiaire", "mise à disposition", "embaucher",
            "recruter", "ESAT", "SIAE", "sous-traiter", "structure d'insertion"]

SUIVI = [
    ("Chaque mois, avant le 10, le titulaire adresse au facilitateur un état nominatif des heures "
     "effectuées par les personnes en insertion, accompagné des copies des contrats de travail ou des "
     "relevés de mission. Un bilan récapitulatif est remis à la fin de l'exécution, avant le décompte "
     "général."),
    ("Le titulaire transmet, dans les quinze jours suivant l'ordre de service de démarrage, le nom de son "
     "référent insertion, puis, tous les trimestres, le tableau de suivi des heures réalisées et les "
     "pièces justificatives (bulletins de salaire, factures des structures d'insertion). Le facilitateur "
     "peut procéder à tout contrôle sur place."),
]
SUIVI_KEYS = ["état nominatif", "tableau de suivi", "bilan récapitulatif", "pièces justificatives",
              "relevés de mission", "référent insertion"]

PEN_HOUR = [
    "une pénalité de {eur} € HT par heure d'insertion non réalisée",
    "une pénalité égale à {coef} fois le SMIC horaire brut en vigueur à la date du constat, par heure "
    "d'insertion manquante",
    "une pénalité fixée à {coef} SMIC horaire brut (valeur applicable au jour du constat) pour chaque "
    "heure non effectuée",
]
PEN_CAPS = ["", " Le total de cette pénalité ne peut excéder 10 % du montant du marché.",
            " Cette pénalité n'est pas plafonnée."]
PEN_REP = [
    "Tout retard dans la remise des documents de suivi donne lieu à une pénalité de {r} € par jour "
    "calendaire de retard, après mise en demeure restée sans effet pendant huit jours.",
    "Chaque document de suivi manquant à l'échéance fixée entraîne une pénalité forfaitaire de {r} €.",
]
PENH_KEYS = ["par heure d'insertion", "heure d'insertion manquante", "chaque heure non effectuée",
             "SMIC"]
PENR_KEYS = ["par jour calendaire de retard, après mise en demeure", "document de suivi manquant"]

FAC = {
    "plie": ("PLIE du {terr}", "Mme Agathe Rivoire, chargée de mission clauses sociales"),
    "mde": ("Maison de l'emploi {terr}", "M. Hugo Bernardet, facilitateur"),
    "dep": ("service emploi du département {terr2}", "Mme Inès Carvalho, facilitatrice des clauses"),
    "agglo": ("cellule clauses sociales de l'agglomération {terr}", "M. Loïc Tessandier"),
}
PHONES = ["01 99 00 {a} {b}", "02 61 91 {a} {b}", "03 53 01 {a} {b}", "04 65 71 {a} {b}",
          "05 36 49 {a} {b}"]


def phone(rng, shape):
    a, b = f"{rng.randint(10, 99)}", f"{rng.randint(10, 99)}"
    p = rng.choice(PHONES).format(a=a, b=b)
    if shape == 1:
        return p.replace(" ", ".")
    if shape == 2:
        return "+33 " + p[1:]
    return p


# -------------------------------------------------------------- obsolete refs (self-check)
OBSOLETE = {
    "CS201": [r"2015-899", r"2016-360", r"code des marchés publics", r"\bCMP\b"],
    "CS202": [r"L\.? ?2113-13", r"R\.? ?2152-7"],
    "CS203": [r"2009", r"16\.1 du CCAG[- ]Travaux", r"20\.1 du CCAG[- ]FCS"],
    "CS204": [r"p[ôo]le[- ]emploi", r"DIRECCTE", r"\bZUS\b"],
    "CS205": [r"(?<!\d)(?<!\d )221 ?000", r"5 ?538 ?000", r"(?<!\d)(?<!\d )143 ?000", r"(?<!\d)(?<!\d )40 ?000 ?€"],
}


# -------------------------------------------------------------- the case writer
class Built:
    def __init__(self):
        self.files = {}   # name -> (kind, text or None)
        self.findings = []
        self.optional = []


def write(doc, path, fmt):
    if fmt == "docx":
        render_docx(doc, path)
    elif fmt == "pdf":
        render_pdf(doc, path)
    elif fmt == "lo":
        soffice_pdf(doc, path)
    elif fmt == "odt":
        render_odt(doc, path)
    elif fmt == "scan":
        render_scanned_pdf(doc, path, seed=len(doc.title))
    else:
        raise ValueError(fmt)


def ext(fmt):
    return {"docx": "docx", "pdf": "pdf", "lo": "pdf", "odt": "odt", "scan": "pdf"}[fmt]


def build_case(case, outdir: Path):
    rng = random.Random(case["name"])
    errs = {}
    for code, detail in case.get("errs", []):
        errs.setdefault(code, []).append(detail)
    E = lambda c: c in errs  # noqa: E731
    b = Built()
    lots = case["lots"]
    ac = case.get("ac_years")
    clause = case.get("clause", True)  # True | "sans" | "derog" | False
    nature = case["nature"]
    ccag = case.get("ccag", "travaux" if nature == "travaux" else "fcs")
    terr = case.get("terr", "Val de Brenne")
    send = case["send"]
    st = case.get("style", {})

    # ---- hours per lot
    hours = {}
    for lot in lots:
        if lot.get("excluded"):
            continue
        h = lot.get("hours") or computed_hours(lot["amount"], lot["trade"])
        if h:
            hours[lot["num"]] = h
    for d in errs.get("CS403", []):
        hours[d] = hours[d] * 4
    for d in errs.get("CS405", []):
        hours[d] = 140
    tbd = set(errs.get("CS301", [])) - {"all"}
    if "all" in errs.get("CS301", []):
        hours = {}
    hours_by_piece = {k: dict(hours) for k in ("CCAP", "RC", "AE", "ANNEXE_CLAUSE")}
    for d in errs.get("CS401", []):
        hours_by_piece["AE"][d] = hours[d] + 120
    ae_missing = set(errs.get("CS404", []))
    total_shift = 200 if E("CS402") else 0

    # ---- facilitator & penalties
    fk = st.get("fac", rng.choice(list(FAC)))
    fstruct, fperson = FAC[fk]
    fstruct = fstruct.format(terr=terr, terr2=case.get("dep", "de la Brenne"))
    mail = f"clauses.{re.sub(r'[^a-z]', '', case['name'].split('-')[1])}@{st.get('dom', 'insertion-emploi.test')}"
    tel = phone(rng, st.get("tshape", rng.randint(0, 2)))
    cshape = st.get("cshape", rng.randint(0, 3))
    if E("CS304"):
        contact = ("Le titulaire se rapproche, dès la notification, du facilitateur désigné par "
                   "l'acheteur, qui l'accompagne dans la mise en œuvre de l'action." if errs["CS304"][0] == "vague" else "")
    elif cshape == 0:
        contact = f"Facilitateur : {fstruct} – {fperson} – tél. {tel} – courriel : {mail}."
    elif cshape == 1:
        contact = (f"L'accompagnement est assuré par le {fstruct} ({fperson}), joignable au {tel} "
                   f"ou à l'adresse {mail}.")
    elif cshape == 2:
        contact = f"Contact insertion : {fstruct}, {mail}"
    else:
        contact = f"Pour toute question sur la clause, s'adresser au {fstruct} – Tél : {tel}."
    coef = rng.choice(["1,5", "deux", "2"])
    eur = rng.choice([35, 40, 45, 50])
    pk = st.get("pen", rng.randint(0, 2))
    pen_h = PEN_HOUR[pk].format(eur=eur, coef=coef)
    if E("CS307"):
        if errs["CS307"][0] == "vague":
            pen_h = "une pénalité dont le montant sera arrêté par l'acheteur au vu du bilan, par heure d'insertion non réalisée"
        else:
            pen_h = "une pénalité de 1,5 fois le SMIC horaire brut, soit 11,88 € × 1,5 = 17,82 € par heure d'insertion non réalisée"
    pen_h = "En cas d'inexécution, le titulaire encourt " + pen_h + "." + rng.choice(PEN_CAPS)
    pen_r = PEN_REP[st.get("penr", rng.randint(0, 1))].format(r=rng.choice([80, 100, 120, 150]))
    if E("CS306"):
        pen_h = ""
    if E("CS308") or E("CS305"):
        pen_r = ""
    publics = "" if E("CS302") else PUBLICS[st.get("pub", rng.randint(0, 2))]
    modal = "" if E("CS303") else MODAL[st.get("mod", rng.randint(0, 1))]
    suivi = "" if E("CS305") else SUIVI[st.get("suivi", rng.randint(0, 1))]

    # ---- legal basis
    above = case.get("value", sum(l["amount"] for l in lots) * (ac or 1)) >= threshold(case)
    after = send >= dt.date(2026, 8, 21)
    if ccag == "travaux":
        ccagref = rng.choice(["article 20.1 du CCAG Travaux (version 2021)",
                              "CCAG Travaux (version 2021), article 20.1",
                              "article 20.1 du CCAG applicable aux marchés de travaux (arrêté du 30 mars 2021)"])
    else:
        ccagref = rng.choice(["article 16.1 du CCAG FCS", "article 16.1 du CCAG-FCS de 2021",
                              "CCAG FCS (2021), art. 16.1"])
    base = rng.choice(["art. L. 2112-2 du code de la commande publique", "L2112-2 du CCP",
                       "article L2112-2 du Code de la commande publique"])
    if above and after:
        base += " et L2112-2-1"
    if E("CS201") and errs["CS201"][0][0] == "CCAP":
        base = errs["CS201"][0][1]
    if E("CS202"):
        base = errs["CS202"][0]
    if E("CS203"):
        ccagref = errs["CS203"][0]
    legal = f"Cette obligation est une condition d'exécution fondée sur {base} ; elle précise les stipulations de l'{ccagref}." \
        if not ccagref.startswith("CCAG") else f"Cette obligation est une condition d'exécution fondée sur {base} (références : {ccagref})."
    if E("CS204") and errs["CS204"][0][0] in ("CCAP", "ANNEXE_CLAUSE"):
        publics_extra = " " + errs["CS204"][0][1]
    else:
        publics_extra = ""

    covered = [l for l in lots if l["num"] in hours or l["num"] in tbd]
    lotlist = ", ".join(l["num"] for l in covered)
    single = len(lots) == 1

    # ---- hours block
    def hours_blocks(kind):
        H = hours_by_piece.get(kind, hours)
        hstyle = st.get("hours", "table")
        out = []
        if not H and not tbd:
            return [("p", "Le volume d'heures d'insertion sera communiqué ultérieurement par le facilitateur.")] if kind == "CCAP" else []
        unit = " par an" if ac else ""
        if single and not tbd:
            n = H["unique" if "unique" in H else lots[0]["num"]]
            if hstyle == "percent":
                worked = round(lots[0]["amount"] * LABOUR[lots[0]["trade"]] / COST)
                out.append(("p", f"Le titulaire réserve à l'insertion 5 % des heures travaillées{unit}, estimées à {hs(worked)} heures, soit {n} heures{unit}."))
            elif hstyle == "min":
                out.append(("p", f"Le titulaire doit réaliser au minimum {n} heures de travail d'insertion{unit}."))
            elif hstyle == "minpost":
                out.append(("p", f"Volume d'insertion exigé : {n} heures minimum{unit}."))
            else:
                out.append(("p", f"Nombre d'heures d'insertion à effectuer{unit} : {n} heures."))
            if ac:
                out.append(("p", f"Sur la durée maximale de l'accord-cadre ({ac} ans), l'engagement représente {n * ac} heures."))
            return out
        rows = [["Lot", "Désignation", "Heures d'insertion"]]
        for l in lots:
            if l["num"] in ae_missing and kind == "AE":
                continue
            if l["num"] in tbd:
                v = "à préciser"
            elif l["num"] in H:
                v = f"{H[l['num']]} h" if hstyle != "min" else f"{H[l['num']]} heures minimum"
                if hstyle == "tranche" and l.get("tf"):
                    tf = int(round(H[l["num"]] * l["tf"] / 5.0)) * 5
                    v = f"{H[l['num']]} h (tranche ferme : {tf} h ; tranche optionnelle : {H[l['num']] - tf} h)"
            else:
                v = "Non concerné" if l["trade"] != "fournitures" else "Sans objet (fourniture)"
            rows.append([l["num"], l["title"], v])
        tot = sum(v for k, v in H.items() if not (kind == "AE" and k in ae_missing))
        if kind == "CCAP" or (kind == "ANNEXE_CLAUSE" and case.get("where") == "annex"):
            rows.append(["", "Total", f"{tot + total_shift} h"])
        if hstyle == "merged" and kind in ("CCAP", "ANNEXE_CLAUSE"):
            out.append(("tm", "Répartition des heures d'insertion par lot", rows))
        else:
            out.append(("t", rows))
        return out

    # ---- the clause content, in the chosen presentation
    elems = [("Publics concernés", publics + publics_extra if publics else publics_extra.strip()),
             ("Modalités de réalisation", modal),
             ("Accompagnement", contact),
             ("Contrôle et justificatifs", suivi)]
    pen_general = st.get("pen_general", False)
    pen_text = " ".join(x for x in (pen_h, pen_r) if x)
    if not pen_general:
        elems.append(("Sanctions", pen_text))
    elems = [(t, x) for t, x in elems if x]

    def clause_blocks(kind, num):
        pres = st.get("elems", "sub")
        ti = st.get("title", rng.choice(TITLES))
        bl = [("h", 1, num, ti)]
        intro = (f"Le titulaire s'engage à réserver une part des heures de travail nécessaires à "
                 f"l'exécution du marché à des personnes éloignées de l'emploi"
                 + (f" (lots {lotlist})" if not single and lotlist else "") + ". " + legal)
        bl.append(("p", intro))
        if pres == "sub":
            bl.append(("h", 2, f"{num}.1", "Volume de l'engagement"))
            bl += hours_blocks(kind)
            for i, (t, x) in enumerate(elems):
                bl.append(("h", 2, f"{num}.{i + 2}", t))
                bl.append(("p", x))
        elif pres == "bullets":
            bl += hours_blocks(kind)
            bl.append(("p", "L'action d'insertion se présente ainsi :"))
            for t, x in elems:
                bl.append(("li", f"{t} — {x}"))
        elif pres == "numbered":
            bl += hours_blocks(kind)
            for i, (t, x) in enumerate(elems):
                bl.append(("p", f"{i + 1}° {x}"))
        elif pres == "table":
            bl += hours_blocks(kind)
            rows = [["Élément", "Contenu"]] + [[t, x] for t, x in elems]
            bl.append(("t", rows))
        elif pres == "qa":
            bl += hours_blocks(kind)
            qs = {"Publics concernés": "Quelles personnes peuvent être recrutées ?",
                  "Modalités de réalisation": "Comment le titulaire remplit-il son engagement ?",
                  "Accompagnement": "Qui accompagne le titulaire ?",
                  "Contrôle et justificatifs": "Quels justificatifs fournir et quand ?",
                  "Sanctions": "Que se passe-t-il si l'engagement n'est pas tenu ?"}
            for t, x in elems:
                bl.append(("p", "Question : " + qs[t]))
                bl.append(("p", "Réponse : " + x))
        if pen_general:
            bl.append(("p", f"Les sanctions attachées à cet engagement figurent à l'article {pen_general}."))
        return bl

    # ---- pieces
    fmts = case.get("fmt", {})
    pieces = []  # (filename, kind, Doc)
    buyer = case["buyer"]
    objet = case["objet"]
    ref = case.get("ref", f"2026-{rng.randint(10, 99)}")
    wants_rc = not ("RC" in errs.get("CS105", []))
    wants_ae = not ("AE" in errs.get("CS105", []))
    has_clause = clause is True
    where = case.get("where", "ccap")  # ccap | annex
    annex = has_clause and (where == "annex" or case.get("annex_fiche") or "AE" in errs.get("CS105", []))
    if E("CS101"):
        where = "annex"
        annex = True
    lot_rows = [["Lot", "Intitulé", "Montant estimé"]] + [[l["num"], l["title"], money_sep(l["amount"], st.get("msep", "\u202f")) + (" par an" if ac else "")] for l in lots]

    # RC
    if wants_rc:
        rc = Doc(f"Règlement de la consultation — {objet}", subtitle=f"{buyer} — consultation n° {ref}",
                 hstyle=st.get("rc_h", "article_dash"))
        rc.h(1, "1", "Objet et organisation de la consultation")
        rc.p(f"La présente consultation, passée par {buyer}, porte sur : {objet}. "
             + ("Elle est passée selon une procédure adaptée." if not above else "Elle est passée par appel d'offres ouvert."))
        if E("CS205"):
            rc.p(errs["CS205"][0])
        rc.p(f"Date d'envoi à la publication : {fdate(send, st.get('dstyle', 0))}.")
        if single:
            rc.p(f"Le marché n'est pas alloti. Montant estimé : {money(lots[0]['amount'])}" + (" par an" if ac else "") + ".")
            if ac:
                rc.p(f"Il s'agit d'un accord-cadre à bons de commande conclu pour une durée maximale de {ac} ans.")
        else:
            rc.t(lot_rows)
        rc.h(1, "2", "Conditions d'exécution")
        if has_clause and not E("CS102"):
            if E("CS201") and errs["CS201"][0][0] == "RC":
                rc.p(f"Conformément au {errs['CS201'][0][1]}, le marché comporte une clause sociale d'insertion.")
            rc.p("Le marché comporte une condition d'exécution à caractère social : une clause d'insertion "
                 "professionnelle" + (f" s'applique aux lots {lotlist}" if not single else " s'applique au marché")
                 + ". Son contenu est détaillé au CCAP" + (" et dans son annexe" if annex else "") + ".")
            if st.get("rc_hours"):
                rc.blocks += hours_blocks("RC")
            if st.get("rc_contact") and not E("CS304"):
                rc.p(contact)
        elif clause == "sans":
            rc.p("Clause sociale : sans objet.")
        elif clause == "derog":
            rc.p(case["derog"])
        else:
            rc.p("Les conditions d'exécution sont fixées au CCAP.")
        if E("CS204") and errs["CS204"][0][0] == "RC":
            rc.p(errs["CS204"][0][1])
        rc.h(1, "3", "Jugement des offres")
        rc.p(case.get("criteria", "Les offres sont classées selon le prix (60 %) et la valeur technique (40 %), appréciée au vu du mémoire technique."))
        rc.p("Les plis doivent parvenir sur le profil d'acheteur avant 12 h 00 à la date limite ; les questions sont posées au plus tard six jours avant cette date, et il y est répondu sous 48 heures.")
        rc.h(1, "4", "Renseignements complémentaires")
        rc.p(f"Renseignements administratifs : service de la commande publique de {buyer}, "
             f"tél. {phone(rng, 0)}, marches@{st.get('bdom', 'acheteur.test')}.")
        pieces.append((f"{case.get('rc_name', '01_RC')}.{ext(fmts.get('RC', 'docx'))}", "RC", rc, fmts.get("RC", "docx")))

    # CCAP
    cc = Doc(f"Cahier des clauses administratives particulières — {objet}", subtitle=buyer,
             hstyle=st.get("cc_h", "article_dash"), autonum=st.get("autonum", False))
    cc.h(1, "1", "Objet du marché")
    cc.p(f"Le présent marché a pour objet : {objet}." + ("" if single else " Il est décomposé en lots :"))
    if not single:
        cc.t([["Lot", "Intitulé"]] + [[l["num"], l["title"]] for l in lots])
    if ac:
        cc.p(f"Accord-cadre à bons de commande, sans minimum, d'une durée maximale de {ac} ans.")
    cc.h(1, "2", "Pièces contractuelles")
    cc.p(f"Prévalent, dans l'ordre : l'acte d'engagement, le présent CCAP{' et son annexe' if annex else ''}, le CCTP, "
         + ("le CCAG Travaux approuvé par l'arrêté du 30 mars 2021." if ccag == "travaux" else "le CCAG des marchés publics de fournitures courantes et de services de 2021."))
    cc.h(1, "3", "Prix et règlement")
    cc.p("Les prix sont fermes et actualisables. Une retenue de garantie de 5 % est appliquée sur chaque acompte ; elle peut être remplacée par une garantie à première demande."
         if nature == "travaux" else "Les prix sont révisables annuellement selon l'indice publié. Le délai de paiement est de 30 jours.")
    cc.h(1, "4", "Délais et pénalités")
    cc.p("Le délai d'exécution est fixé à l'acte d'engagement. Par jour de retard, le titulaire subit une pénalité égale à 1/3 000e du montant du marché.")
    cc.p("L'absence non excusée à une réunion de chantier ou de suivi est sanctionnée par une pénalité de 150 € par absence.")
    if pen_general and has_clause and where == "ccap":
        cc.h(2, "4.3", "Pénalités liées à l'engagement d'insertion")
        cc.p(pen_text or "Sans objet.")
    if has_clause and not E("CS101"):
        if where == "annex":
            cc.h(1, "5", st.get("title", TITLES[0]))
            cc.p("Le titulaire exécute l'action d'insertion décrite dans l'annexe au présent CCAP, qui en fixe "
                 f"le volume par lot, les publics, les moyens, l'accompagnement, le suivi et les sanctions. {legal}")
        else:
            cc.blocks += clause_blocks("CCAP", "5")
    elif clause == "sans":
        cc.h(1, "5", "Clause sociale")
        cc.p("Clause sociale : sans objet.")
    elif clause == "derog":
        cc.h(1, "5", "Considérations sociales")
        cc.p(case["derog"])
    if E("CS204") and errs["CS204"][0][0] == "CCAP" and not (has_clause and not E("CS101")):
        cc.p(errs["CS204"][0][1])
    cc.h(1, "6", "Dérogations au CCAG")
    cc.p("L'article 4 du présent CCAP déroge à l'article 19 du CCAG." if nature == "travaux" else "L'article 4 du présent CCAP déroge à l'article 14 du CCAG.")
    if E("CS903"):
        if errs["CS903"][0] == "comment":
            cc.comments.append((len(cc.blocks) - 1, "Vérifier le volume d'heures avec le facilitateur avant mise en ligne."))
        else:
            cc.tracked.append((len(cc.blocks) - 1, " Les autres stipulations du CCAG s'appliquent.", " (rédaction à revoir)"))
    pieces.append((f"{case.get('cc_name', '02_CCAP')}.{ext(fmts.get('CCAP', 'docx'))}", "CCAP", cc, fmts.get("CCAP", "docx")))

    # Annex
    if annex:
        an = Doc("Annexe au CCAP — clause sociale d'insertion" if where == "annex" else "Fiche d'engagement insertion",
                 subtitle=f"{buyer} — {objet}")
        if where == "annex":
            if st.get("annexlot") and not single:
                an.blocks += clause_blocks("ANNEXE_CLAUSE", "1")
                for l in lots:
                    if l["num"] in hours_by_piece["ANNEXE_CLAUSE"]:
                        an.h(2, None, f"Fiche du lot {l['num']} — {l['title']}")
                        an.p(f"Heures d'insertion du lot {l['num']} : {hours_by_piece['ANNEXE_CLAUSE'][l['num']]} heures.")
            else:
                an.blocks += clause_blocks("ANNEXE_CLAUSE", "1")
        an.h(1, None, "Engagement du candidat")
        an.p("Je soussigné(e), représentant du candidat, m'engage à réaliser les heures d'insertion "
             "indiquées ci-dessus pour le ou les lots dont je serai titulaire.")
        if where != "annex":
            an.blocks += hours_blocks("ANNEXE_CLAUSE")
        an.p("Date, nom et signature :")
        pieces.append((f"{case.get('an_name', '03_Annexe_clause_insertion')}.{ext(fmts.get('ANNEXE', 'docx'))}", "ANNEXE_CLAUSE", an, fmts.get("ANNEXE", "docx")))

    # AE
    if wants_ae:
        ae = Doc("Acte d'engagement", subtitle=f"{buyer} — {objet}")
        ae.h(1, "1", "Identification du candidat")
        ae.p("Raison sociale : …………………  SIRET : …………………")
        ae.h(1, "2", "Offre de prix")
        ae.p("Montant de l'offre (€ HT) : …………………" + (" (pour le lot : ……)" if not single else ""))
        if has_clause and not E("CS103"):
            ae.h(1, "3", "Engagement d'insertion")
            ae.p("Le candidat s'engage à exécuter l'action d'insertion prévue au CCAP, pour le volume suivant :")
            ae.blocks += hours_blocks("AE")
        ae.h(1, "4", "Signature")
        ae.p("Fait à ……………, le ……………")
        pieces.append((f"{case.get('ae_name', '04_AE')}.{ext(fmts.get('AE', 'docx'))}", "AE", ae, fmts.get("AE", "docx")))

    # AAPC
    if case.get("aapc") or "RC" in errs.get("CS105", []):
        av = Doc("Avis d'appel public à la concurrence", subtitle=buyer)
        av.p(f"Acheteur : {buyer}.")
        av.p(f"Objet : {objet}.")
        av.p(f"Date d'envoi du présent avis : {fdate(send, 1)}.")
        if not single:
            av.p("Lots : " + " ; ".join(f"{l['num']} – {l['title']}" for l in lots) + ".")
        if has_clause and not E("CS104"):
            if st.get("aapc_qa"):
                av.p("Le marché comporte-t-il des conditions d'exécution particulières ? Oui : une clause sociale "
                     "d'insertion, condition d'exécution" + (f", pour les lots {lotlist}" if not single else "") + " (voir CCAP).")
            else:
                av.p("Conditions particulières d'exécution : clause sociale d'insertion professionnelle"
                     + (f" (lots {lotlist})" if not single else "") + ", détaillée au CCAP.")
        elif clause == "sans":
            av.p("Clause sociale : sans.")
        av.p("Date limite de réception des offres : voir le profil d'acheteur, 12 h 00.")
        pieces.append((f"{case.get('av_name', '00_AAPC')}.{ext(fmts.get('AAPC', 'pdf'))}", "AAPC", av, fmts.get("AAPC", "pdf")))

    # CCTP
    if case.get("cctp", True):
        ct = Doc(f"Cahier des clauses techniques particulières — {objet}", subtitle=buyer)
        ct.h(1, "1", "Consistance des prestations")
        ct.p(case.get("cctp_text", "Les prestations comprennent la fourniture, la mise en œuvre et le repli des installations, conformément aux normes en vigueur."))
        ct.h(1, "2", "Horaires")
        ct.p("Les interventions ont lieu de 7 h 30 à 17 h 00, du lundi au vendredi. Toute anomalie est signalée sous 48 heures.")
        cf = fmts.get("CCTP", "pdf")
        if E("CS902") and errs["CS902"][0] == "CCTP":
            cf = "scan"
        if E("CS901") and errs["CS901"][0] == "CCTP":
            cf = "docx"
        pieces.append((f"{case.get('ct_name', '05_CCTP')}.{ext(cf)}", "CCTP", ct, cf))

    outdir.mkdir(parents=True, exist_ok=True)
    texts = {}
    kinds = {}
    for fname, kind, doc, fmt in pieces:
        write(doc, outdir / fname, fmt)
        texts[fname] = doc.text()
        kinds[fname] = kind if fmt != "scan" else None
    # extras
    if case.get("bpu"):
        nm = "06_DPGF.xlsx" if nature == "travaux" else "06_BPU.xlsx"
        rows = [["N°", "Désignation", "Unité", "Quantité", "Prix unitaire HT"]]
        for i in range(1, 9):
            rows.append([f"{i}.0", f"Poste {i} — {rng.choice(['installation', 'main-d’œuvre', 'matériaux', 'repli'])}", "u", rng.randint(1, 40), ""])
        render_xlsx([("Lot " + lots[0]["num"], rows)], outdir / nm, title=objet)
        texts[nm] = "\n".join(" ".join(map(str, r)) for r in rows)
        kinds[nm] = "DPGF" if nature == "travaux" else "BPU"
    for pl in case.get("plans", []):
        render_plan(outdir / pl, [objet[:60], pl], seed=len(pl))
        texts[pl] = ""
        kinds[pl] = None
        b.findings.append(dict(code="CS904", piece=pl, lot=None, planted=pl in errs.get("CS904", []),
                               note="plan ou photo : pas une pièce du DCE"))
    for nt in case.get("notes", []):
        t = case.get("note_text", "Notes de réunion interne : relire les pièces avant mise en ligne, prévoir la visite du site.")
        (outdir / nt).write_text(t + "\n", encoding="utf-8")
        texts[nt] = t
        kinds[nt] = None
        b.findings.append(dict(code="CS904", piece=nt, lot=None, planted=nt in errs.get("CS904", []),
                               note="notes libres : pas une pièce du DCE"))
    # scanned piece (attestation) for CS902
    for d in errs.get("CS902", []):
        if d == "CCTP":
            b.findings.append(dict(code="CS902", piece=_fname(pieces, "CCTP"), lot=None, planted=True, note="CCTP scanné sans couche texte"))
            b.optional.append(dict(code="CS904", piece=_fname(pieces, "CCTP"), lot=None, note="pièce scannée : type non reconnaissable"))
        else:
            nm = d
            at = Doc("Attestation de visite du site", subtitle=buyer)
            at.p("Le représentant de l'entreprise a visité le site le …… en présence du service technique.")
            render_scanned_pdf(at, outdir / nm, seed=3)
            kinds[nm] = None
            texts[nm] = ""
            b.findings.append(dict(code="CS902", piece=nm, lot=None, planted=True, note="attestation scannée sans couche texte"))
            b.optional.append(dict(code="CS904", piece=nm, lot=None, note="pièce scannée : type non reconnaissable"))
    for d in errs.get("CS901", []):
        if d == "CCTP":
            nm = _fname(pieces, "CCTP")
            damage_truncate(outdir / nm, 0.35)
            kinds[nm] = None
            texts[nm] = ""
            b.findings.append(dict(code="CS901", piece=nm, lot=None, planted=True, note="docx tronqué, illisible"))
        else:
            (outdir / d).write_bytes(b"")
            kinds[d] = None
            texts[d] = ""
            b.findings.append(dict(code="CS901", piece=d, lot=None, planted=True, note="fichier vide"))
        b.optional.append(dict(code="CS904", piece=nm if d == "CCTP" else d, lot=None, note="fichier illisible"))
    for d in errs.get("CS905", []):
        src, dst = d
        shutil.copyfile(outdir / src, outdir / dst)
        kinds[dst] = kinds[src]
        texts[dst] = texts[src]
        b.findings.append(dict(code="CS905", piece=[src, dst], lot=None, planted=True, note="deux versions d'une même pièce"))

    # ---- findings
    ccap_f = _fname(pieces, "CCAP")
    ann_f = _fname(pieces, "ANNEXE_CLAUSE")
    rc_f = _fname(pieces, "RC")
    ae_f = _fname(pieces, "AE")
    av_f = _fname(pieces, "AAPC")
    cl_piece = [ccap_f, ann_f] if (annex and where == "annex") else ccap_f
    dup = {s: t for s, t in errs.get("CS905", [])}

    def P(x):
        if isinstance(x, str) and x in dup:
            return [x, dup[x]]
        if isinstance(x, list):
            return x + [dup[y] for y in x if y in dup]
        return x

    def add(code, piece, lot=None, note="", planted=True):
        b.findings.append(dict(code=code, piece=P(piece), lot=lot, planted=planted, note=note))

    def opt(code, piece, lot=None, note=""):
        b.optional.append(dict(code=code, piece=P(piece), lot=lot, note=note))

    if E("CS101"):
        add("CS101", ccap_f, note="CCAP sans article de clause ; la clause n'est que dans l'annexe, non citée par le CCAP")
        for c in ("CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS308"):
            opt(c, None, note="CS101 : le contenu de la clause se juge hors du CCAP")
    if E("CS102"):
        add("CS102", rc_f, note="RC muet sur la clause")
    if E("CS103"):
        add("CS103", None, note="AE sans engagement d'heures et pas de fiche d'engagement")
    if E("CS104"):
        add("CS104", av_f, note="avis muet sur la condition sociale d'exécution")
    for d in errs.get("CS105", []):
        add("CS105", None, note=f"{d} absent du dossier")
    if E("CS201"):
        pc = errs["CS201"][0][0]
        add("CS201", ccap_f if pc == "CCAP" else rc_f, note=f"texte abrogé cité : {errs['CS201'][0][1]}")
    if E("CS202"):
        add("CS202", cl_piece if where == "annex" else ccap_f, note=f"fondement erroné : {errs['CS202'][0]}")
    if E("CS203"):
        add("CS203", cl_piece if where == "annex" else ccap_f, note=f"CCAG erroné : {errs['CS203'][0]}")
    if E("CS204"):
        pc = errs["CS204"][0][0]
        add("CS204", {"CCAP": ccap_f, "RC": rc_f, "ANNEXE_CLAUSE": ann_f}[pc], note="dénomination périmée")
    if E("CS205"):
        add("CS205", rc_f, note="seuil périmé cité au RC")
    if "all" in errs.get("CS301", []):
        add("CS301", cl_piece, note="aucun nombre d'heures")
        opt("CS103", None, note="l'AE s'engage sans nombre d'heures (CS301)")
    for d in tbd:
        add("CS301", cl_piece, lot=d, note="lot couvert « à préciser »")
    if E("CS302"):
        add("CS302", cl_piece, note="publics retirés")
    if E("CS303"):
        add("CS303", cl_piece, note="modalités retirées")
    if E("CS304"):
        add("CS304", cl_piece, note="aucun contact de facilitateur (structure, téléphone ou courriel)")
    if E("CS305"):
        add("CS305", cl_piece, note="aucune obligation de suivi")
        add("CS308", cl_piece, note="suivi retiré : pas de pénalité de retard des justificatifs", planted=False)
    if E("CS306"):
        add("CS306", cl_piece, note="pas de pénalité par heure non réalisée (seulement retard, réunions, justificatifs)")
    if E("CS307"):
        add("CS307", cl_piece, note="pénalité sans montant ou SMIC figé d'une année passée")
    if E("CS308"):
        add("CS308", cl_piece, note="pas de pénalité de retard des justificatifs")
    for d in errs.get("CS401", []):
        add("CS401", [ccap_f, ae_f], lot=d, note="heures du lot différentes entre CCAP et AE")
    if E("CS402"):
        add("CS402", [ccap_f, ann_f] if where == "annex" else ccap_f, note="total du tableau ≠ somme des lots")
    for d in errs.get("CS403", []):
        add("CS403", None, lot=d, note="heures ×4 par rapport au calcul (montant et métier au RC)")
    for d in errs.get("CS404", []):
        add("CS404", [ae_f, ccap_f], lot=d, note="lot absent du tableau de l'AE")
    for d in errs.get("CS405", []):
        add("CS405", None, lot=d, note="heures sur un lot de fournitures seules")
        opt("CS403", None, lot=d, note="lot de fournitures : calcul sans objet")
    if E("CS501"):
        add("CS501", None, note="au-dessus du seuil, lancé après le 21/08/2026, sans condition sociale ni justification")
    if E("CS903"):
        add("CS903", ccap_f, note="modification suivie ou commentaire")
    if clause is False:
        add("CS100", None, planted=False, note="aucune clause et aucune mention « sans »")
    if clause == "derog":
        opt("CS100", None, note="dérogation motivée au lieu de clause")
    if clause == "sans" and E("CS501"):
        pass
    # lots for key
    key_lots = {}
    if has_clause:
        for l in lots:
            n = l["num"]
            if n in tbd or n not in hours:
                continue
            if n in errs.get("CS401", []):
                key_lots[n] = {"CCAP": hours[n], "AE": hours_by_piece["AE"][n]}
                if st.get("rc_hours"):
                    key_lots[n]["RC"] = hours[n]
            else:
                key_lots["unique" if single else n] = hours[n]
    for k in case.get("key_lots_drop", []):
        key_lots.pop(k, None)
    for o in case.get("optional", []):
        b.optional.append(o)
    return dict(texts=texts, kinds=kinds, findings=b.findings, optional=b.optional,
                lots=key_lots, hours=hours, computed={l["num"]: computed_hours(l["amount"], l["trade"]) for l in lots},
                removed=_removed(errs), above=above, after=after)


def _fname(pieces, kind):
    for f, k, _d, _fmt in pieces:
        if k == kind:
            return f
    return None


def _removed(errs):
    r = {}
    if "CS302" in errs:
        r["publics"] = PUB_KEYS
    if "CS303" in errs:
        r["modalités"] = MOD_KEYS
    if "CS305" in errs:
        r["suivi"] = SUIVI_KEYS + PENR_KEYS
    if "CS306" in errs:
        r["pénalité horaire"] = PENH_KEYS
    if "CS308" in errs:
        r["pénalité de retard des justificatifs"] = PENR_KEYS
    if "CS304" in errs:
        r["contact"] = ["PLIE du", "Maison de l'emploi", "service emploi du département", "cellule clauses",
                        "clauses.", "Agathe", "Bernardet", "Carvalho", "Tessandier"]
    return r


def threshold(case):
    if case["nature"] == "travaux":
        return 5_404_000
    return 140_000 if case.get("state") else 216_000
