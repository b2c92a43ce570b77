"""Quatrième corpus aveugle de Clausier (blind4) : 30 consultations scellées et leurs corrigés.

Usage : python benchmarks/blind4/build_corpus.py [DEST]   (DEST par défaut : benchmarks/blind4/corpus)
Écrit DEST/sealed/<nom>/… et benchmarks/blind4/answers/sealed/<nom>.json ; s'arrête en erreur si
un contrôle interne échoue ; affiche les comptes par code."""

from __future__ import annotations

import hashlib
import json
import math
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from b4lib.render import (Doc, damage_truncate, render_docx, render_odt, render_pdf,  # noqa: E402
                          render_plan, render_scanned_pdf, render_xlsx, soffice_pdf)
from b4lib.cases import CASES  # noqa: E402

REVIEW_DATE = "2026-12-01"
# milieu des fourchettes de reference.md § 6.2
MO = {"vrd": .30, "gros_oeuvre": .45, "charpente_bois": .35, "charpente_metallique": .20,
      "couverture_etancheite": .40, "menuiseries_exterieures": .25, "menuiseries_interieures": .40,
      "platrerie": .55, "peinture": .65, "revetements_sols": .45, "electricite": .45,
      "plomberie_cvc": .35, "ascenseurs": .20, "espaces_verts_creation": .45,
      "espaces_verts_entretien": .65, "nettoyage": .85, "collecte_dechets": .55, "restauration": .45,
      "demolition_desamiantage": .50, "fournitures": 0.0}


def calc_hours(amount, trade):
    x = amount * MO[trade] * 0.05 / 30.0
    h = int(math.floor(x / 5 + 0.5)) * 5
    return h if h >= 70 else None


def eur(n):
    s = f"{int(n):,}".replace(",", " ")
    return s + " € HT"


def fr_date(iso):
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


PUBLICS = [
    "personnes privées d'emploi depuis au moins douze mois, inscrites ou non auprès de France Travail",
    "bénéficiaires de minima sociaux (revenu de solidarité active, allocation de solidarité spécifique, allocation aux adultes handicapés)",
    "jeunes de moins de 26 ans sans diplôme qualifiant ou accompagnés par une mission locale",
    "personnes bénéficiant de la reconnaissance de la qualité de travailleur handicapé",
    "personnes en parcours dans une structure d'insertion par l'activité économique, titulaires d'un PASS IAE",
    "habitants d'un quartier prioritaire de la politique de la ville (QPV) rencontrant des freins d'accès à l'emploi",
]
MODALITES = [
    "recruter directement une ou plusieurs personnes du public visé (CDI, CDD, contrat de professionnalisation ou d'apprentissage)",
    "faire appel à une entreprise de travail temporaire d'insertion (ETTI), à une association intermédiaire ou à un groupement d'employeurs pour l'insertion et la qualification (GEIQ), qui met du personnel à sa disposition",
    "sous-traiter ou confier en cotraitance une part des prestations à une structure d'insertion par l'activité économique, à une entreprise adaptée ou à un ESAT",
]
MARK = {
    "publics": ["minima sociaux", "qualité de travailleur handicapé", "éligible"],
    "modalites": ["ETTI", "GEIQ", "ESAT"],
    "reporting": ["relevé mensuel", "bilan de fin"],
    "pen_hours": ["heure d'insertion non réalisée"],
    "pen_report": ["jour de retard dans la transmission"],
}


class Case:
    def __init__(self, c):
        self.c = c
        self.name = c["name"]
        self.errs = c.get("errs", [])
        self.codes = [e[0] for e in self.errs]
        self.clause = c.get("clause", True)  # True / "sans" / "derog" / False
        self.lots = c["lots"]
        self.multi = len(self.lots) > 1
        self.fac = c.get("fac")
        self.files = {}      # name -> (kind, writer)
        self.texts = {}      # name -> text
        self.findings, self.optional = [], []
        self.piece_hours = {}  # piece kind -> {lot: hours}
        self.base = {}
        for (num, title, amount, trade) in self.lots:
            h = calc_hours(amount, trade)
            if h:
                self.base[num] = h
        self.removed = set()
        for e in self.errs:
            if e[0] == "CS302":
                self.removed.add("publics")
            if e[0] == "CS303":
                self.removed.add("modalites")
            if e[0] == "CS304":
                self.removed.add("fac")
            if e[0] == "CS305":
                self.removed |= {"reporting", "pen_report"}
            if e[0] == "CS306":
                self.removed.add("pen_hours")
            if e[0] == "CS308":
                self.removed.add("pen_report")

    def has(self, code):
        return code in self.codes

    def err(self, code):
        for e in self.errs:
            if e[0] == code:
                return e
        return None

    # ---------------------------------------------------------------- hours seen by each piece
    def hours_for(self, kind):
        if self.clause is not True or self.has("CS301"):
            return {}
        h = dict(self.base)
        e = self.err("CS403")
        if e:
            h[e[1]] = h[e[1]] * 4
        e = self.err("CS405")
        if e:
            h[e[1]] = 140
        e = self.err("CS401")
        if e and kind == e[2]:
            h[e[1]] = e[3]
        e = self.err("CS404")
        if e and kind == e[2]:
            h.pop(e[1])
        return h

    def lotlabel(self, num):
        return "Lot unique" if num == "unique" else f"Lot {num}"

    def lot_title(self, num):
        for l in self.lots:
            if l[0] == num:
                return l[1]
        return ""


# ------------------------------------------------------------------ piece writers
def basis_sentence(k: Case):
    c = k.c
    if k.has("CS201") and k.err("CS201")[1] == "CCAP":
        return "La présente clause est prise sur le fondement de l'art. 14 du code des marchés publics."
    if k.has("CS202") and k.err("CS202")[1] == "L2113-12":
        return ("Cette obligation d'insertion trouve son fondement dans l'article L. 2113-12 du code de la "
                "commande publique.")
    if k.has("CS202") and k.err("CS202")[1] == "R2152-7":
        return ("L'action d'insertion est imposée en application de l'article R2152-7 du code de la commande "
                "publique.")
    base = "Cette condition d'exécution est prévue par l'article L. 2112-2 du code de la commande publique"
    if c["nature"] == "travaux":
        if k.has("CS203") and k.err("CS203")[1] == "2009":
            ccag = "et s'ajoute aux stipulations du CCAG-Travaux de 2009 relatives à la main-d'œuvre"
        else:
            ccag = "et précise l'article 20.1 du CCAG-Travaux approuvé par l'arrêté du 30 mars 2021"
    else:
        if k.has("CS203") and k.err("CS203")[1] == "art":
            ccag = "et précise l'article 20.1 du CCAG-FCS de 2021"
        else:
            ccag = "et précise l'article 16.1 du CCAG-FCS approuvé par l'arrêté du 30 mars 2021"
    return base + " " + ccag + "."


def fac_text(k: Case):
    f = k.fac
    return (f"Facilitateur de la clause : {f[0]} – {f[1]}, téléphone {f[2]}, courriel {f[3]}.")


def hours_rows(k: Case, h, kind, total=True, lots_filter=None):
    rows = [["Lot", "Désignation", "Heures d'insertion"]]
    s = 0
    for (num, title, amount, trade) in k.lots:
        if num in h:
            rows.append([k.lotlabel(num).replace("Lot ", "") if num != "unique" else "Unique", title,
                         f"{h[num]} h"])
            s += h[num]
        elif lots_filter is None and k.multi and num not in h and not (k.err("CS404") and k.err("CS404")[1] == num):
            rows.append([num, title, "non concerné"])
    if total and k.multi and len(h) > 1:
        t = s
        if k.has("CS402") and k.err("CS402")[1] == kind:
            t = s + k.err("CS402")[2]
        rows.append(["Total", "", f"{t} h"])
    return rows


def clause_blocks(k: Case, d: Doc, num, sub, kind="CCAP", contacts_in_annex=False, pen_ref=None):
    """Clause d'insertion (article num, sous-articles numérotés selon sub)."""
    c = k.c
    labels = {"dash": lambda i: f"{num}-{i}", "letter": lambda i: f"{num}.{'abcdefgh'[i - 1]}",
              "dot": lambda i: f"{num}.{i}"}[sub]
    d.h(1, num, c.get("clause_title", "Condition d'exécution en faveur de l'insertion professionnelle"))
    i = 1
    d.h(2, labels(i), "Principe et fondement")
    d.p("Le titulaire s'engage à réserver une partie des heures travaillées pour l'exécution du marché à des "
        "personnes éloignées de l'emploi. " + basis_sentence(k))
    i += 1
    d.h(2, labels(i), "Volume d'heures")
    h = k.hours_for(kind)
    if k.has("CS301"):
        d.p("Le volume de l'action d'insertion sera précisé avec le titulaire lors de la réunion de démarrage.")
    elif not k.multi:
        d.p(f"Le titulaire consacre à l'action d'insertion un volume minimal de {h['unique']} heures de travail "
            "sur la durée du marché.")
    else:
        d.p("Le volume d'heures à réaliser est fixé par lot dans le tableau ci-dessous ; les lots qui n'y "
            "figurent pas avec un nombre d'heures ne sont pas soumis à la clause.")
        d.t(hours_rows(k, h, kind))
    i += 1
    if "publics" not in k.removed:
        d.h(2, labels(i), "Personnes éligibles")
        d.p("Sont éligibles, après validation par le facilitateur :")
        for x in PUBLICS:
            d.li(x)
        i += 1
    if "modalites" not in k.removed:
        d.h(2, labels(i), "Moyens de mise en œuvre")
        d.p("Le titulaire choisit librement la façon de remplir son obligation ; il peut notamment :")
        for x in MODALITES:
            d.li(x)
        i += 1
    d.h(2, labels(i), "Accompagnement")
    if "fac" in k.removed:
        d.p("Le titulaire organise seul la recherche des candidats et la mise en œuvre de son engagement.")
    elif contacts_in_annex:
        d.p("Le titulaire se rapproche, dès la notification, du facilitateur dont les coordonnées figurent à "
            "l'annexe « Contacts » du présent document.")
    else:
        d.p(fac_text(k))
    i += 1
    if "reporting" not in k.removed:
        d.h(2, labels(i), "Justification et contrôle")
        d.p("Le titulaire remet au facilitateur, avant le 10 de chaque mois, un relevé mensuel des heures "
            "effectuées par chaque personne, accompagné des copies des contrats de travail ou de mise à "
            "disposition. Un bilan de fin de chantier est remis dans les trente jours qui suivent la "
            "réception des prestations.")
        i += 1
    d.h(2, labels(i), "Sanctions")
    if pen_ref:
        d.p(f"Les manquements à la présente clause sont sanctionnés dans les conditions de l'article {pen_ref}.")
    else:
        for r in penalty_lines(k):
            d.p(r)


def penalty_rows(k: Case):
    rows = []
    if "pen_hours" not in k.removed:
        e = k.err("CS307")
        if e and e[1] == "frozen":
            amt = ("1,5 fois le SMIC horaire brut 2024, soit 11,65 € × 1,5 = 17,48 € par heure d'insertion "
                   "non réalisée")
        elif e and e[1] == "none":
            amt = ("retenue dont le montant sera arrêté par le maître d'ouvrage, par heure d'insertion non "
                   "réalisée")
        else:
            amt = "1,5 fois le SMIC horaire brut en vigueur au jour du constat, par heure d'insertion non réalisée"
        rows.append(["Heures d'insertion non effectuées à l'issue du marché", amt])
    if "pen_report" not in k.removed:
        rows.append(["Pièces de suivi de l'insertion non remises à la date prévue",
                     "120 € par jour de retard dans la transmission des pièces demandées"])
    return rows


def penalty_lines(k):
    return [f"{a} : {b}." for a, b in penalty_rows(k)]


FILLER = ["Pièces constitutives", "Durée et délais d'exécution", "Prix et variation des prix",
          "Avance", "Modalités de paiement", "Retenue de garantie", "Sous-traitance", "Assurances",
          "Réunions de chantier", "Période de préparation", "Réception", "Garanties contractuelles",
          "Propreté et gestion des déchets", "Protection de la main-d'œuvre", "Confidentialité",
          "Propriété des résultats", "Résiliation", "Différends", "Dérogations au CCAG",
          "Ordres de service", "Documents à fournir", "Sécurité et santé", "Vérifications",
          "Intempéries"]


def filler_text(k, title, nat):
    if title == "Pièces constitutives":
        if nat == "travaux":
            if k.has("CS203") and k.err("CS203")[1] == "2009":
                ccag = "du cahier des clauses administratives générales applicable aux travaux (CCAG-Travaux de 2009)"
            else:
                ccag = "du CCAG applicable aux marchés publics de travaux (arrêté du 30 mars 2021)"
        else:
            ccag = "du CCAG des fournitures courantes et services (arrêté du 30 mars 2021)"
        return f"Le marché est constitué, par ordre de priorité décroissant, du présent document, de l'acte d'engagement et {ccag}."
    return {
        "Durée et délais d'exécution": "Le délai global court à compter de la date fixée par l'ordre de service de démarrage.",
        "Prix et variation des prix": "Les prix sont fermes et actualisables dans les conditions du présent article.",
        "Avance": "Une avance de 10 % est versée au titulaire, sauf renonciation expresse dans l'acte d'engagement.",
        "Modalités de paiement": "Le délai global de paiement est de trente jours.",
        "Retenue de garantie": "Une retenue de garantie de 5 % est appliquée ; elle peut être remplacée par une garantie à première demande.",
        "Sous-traitance": "Toute sous-traitance est déclarée et acceptée avant le début des prestations concernées.",
        "Assurances": "Le titulaire justifie de ses polices de responsabilité civile et décennale dans les quinze jours.",
        "Réunions de chantier": "Les réunions ont lieu chaque mardi à 9 h 30 ; l'absence non excusée est sanctionnée.",
        "Période de préparation": "La période de préparation est de un mois, comprise dans le délai global.",
        "Réception": "Les opérations préalables à la réception sont conduites contradictoirement.",
    }.get(title, "Les stipulations du CCAG s'appliquent sans modification sur ce point.")


def general_penalties(k, d: Doc, num, include_insertion):
    d.h(1, num, "Pénalités")
    rows = [["Manquement", "Pénalité"],
            ["Retard dans l'exécution", "1/3 000e du montant du marché par jour calendaire de retard"],
            ["Absence non excusée à une réunion", "150 € par absence"]]
    if include_insertion:
        rows += penalty_rows(k)
    d.t(rows)


def make_ccap(k: Case, fname):
    c = k.c
    nat = c["nature"]
    style = c.get("ccap_style", "std")
    single = style == "single"
    title = ("Marché public valant CCAP et CCTP" if single else
             "Cahier des clauses administratives particulières (CCAP)")
    d = Doc(title=title, subtitle=f"{c['buyer']} – {c['object']}", hstyle=c.get("hstyle", "article_dash"),
            h2style="dot")
    clause_here = k.clause is True and not k.has("CS101") and not c.get("annex_clause")
    if c.get("summary"):
        d.p("Les principales caractéristiques du contrat sont rappelées ci-dessous.")
        d.t([["Caractéristique", "Réponse"], ["Allotissement", "Oui" if k.multi else "Non"],
             ["Clause d'insertion par l'activité économique", "Oui" if clause_here or c.get("annex_clause") else "Non"],
             ["Variantes autorisées", "Non"], ["Avance", "Oui"], ["Reconduction", "Non"]])
    if k.clause == "sans":
        d.p("Clause sociale : sans objet.")
    n = 1
    d.h(1, n, "Objet du contrat")
    d.p(f"Le présent contrat a pour objet : {c['object']}.")
    if k.multi:
        d.p("Le contrat est divisé en lots : " + " ; ".join(f"lot {l[0]} – {l[1]}" for l in k.lots) + ".")
    n += 1
    end25 = style == "end25" or c.get("end25")
    fill = FILLER[: (21 if end25 else 6)]
    pen_in_general = c.get("pen_table") and clause_here
    for t in fill:
        d.h(1, n, t)
        d.p(filler_text(k, t, nat))
        n += 1
        if t == "Modalités de paiement" and c.get("pen_table"):
            general_penalties(k, d, n, pen_in_general)
            pen_num = n
            n += 1
    if not c.get("pen_table"):
        general_penalties(k, d, n, False)
        pen_num = None
        n += 1
    if single:
        d.h(1, n, "Spécifications techniques")
        d.p("Les prestations sont réalisées selon les fréquences et niveaux de qualité décrits au présent article.")
        d.t([["Zone", "Fréquence"], ["Bureaux", "quotidienne"], ["Sanitaires", "deux fois par jour"],
             ["Vitrerie", "trimestrielle"]])
        n += 1
    if end25:
        while n < 25:
            d.h(1, n, FILLER[n % len(FILLER)] + " (suite)")
            d.p("Sans stipulation particulière.")
            n += 1
    if c.get("annex_clause") and k.clause is True and not k.has("CS101"):
        d.h(1, n, "Insertion professionnelle")
        d.p("Le titulaire exécute l'action d'insertion définie à l'annexe « Clause d'insertion » jointe au "
            "présent CCAP, qui a valeur contractuelle.")
        n += 1
    elif clause_here:
        sub = {"sub_dash": "dash", "sub_letter": "letter"}.get(style, "dot")
        clause_blocks(k, d, n, sub, kind="CCAP", contacts_in_annex=c.get("contacts_annex", False),
                      pen_ref=(str(pen_num) if pen_in_general else None))
        n += 1
    if c.get("contacts_annex") and clause_here:
        d.h(1, None, "ANNEXE – CONTACTS")
        d.t([["Rôle", "Structure", "Coordonnées"],
             ["Conducteur d'opération", c["buyer"], "service des bâtiments, 01 99 00 40 10"]]
            + ([] if "fac" in k.removed else [["Facilitateur de la clause d'insertion", k.fac[0],
                                               f"{k.fac[1]} – {k.fac[2]} – {k.fac[3]}"]]))
    return d


def make_annex_clause(k: Case):
    d = Doc(title="Annexe au CCAP – Clause d'insertion", subtitle=k.c["buyer"], hstyle="chap", h2style="dash")
    clause_blocks(k, d, 1, "dot", kind="ANNEXE_CLAUSE")
    return d


def make_rc(k: Case, variant=0):
    c = k.c
    d = Doc(title="Règlement de la consultation", subtitle=f"{c['buyer']} – {c['object']}",
            hstyle="article_dash")
    d.p(f"Date d'envoi à la publication : {fr_date(c['date'])}")
    d.h(1, "1er", "Objet et acheteur")
    d.p(f"La consultation est lancée par {c['buyer']} et porte sur : {c['object']}.")
    d.h(1, 2, "Procédure")
    proc = ("La consultation est passée selon une procédure adaptée (article R. 2123-1 du code de la commande "
            "publique).")
    if k.has("CS201") and k.err("CS201")[1] == "RC":
        proc = "La consultation est passée en procédure adaptée, conformément à l'article 27 du décret 2016-360."
    if k.has("CS205") and k.err("CS205")[1] == "RC":
        proc += " Le montant estimé reste inférieur au seuil européen de 221 000 € HT."
    if c.get("formalised"):
        proc = "La consultation est passée selon la procédure de l'appel d'offres ouvert (articles R. 2124-2 et R. 2161-2 à R. 2161-5)."
    d.p(proc)
    d.h(1, 3, "Décomposition et estimation")
    d.t([["Lot", "Intitulé", "Estimation"]] + [[l[0] if l[0] != "unique" else "Unique", l[1], eur(l[2])]
                                               for l in k.lots])
    d.h(1, 4, "Conditions d'exécution")
    if k.clause is True and not k.has("CS102"):
        conc = [n for n in k.base] if not k.has("CS301") else [l[0] for l in k.lots]
        if k.err("CS405"):
            conc = conc + [k.err("CS405")[1]]
        lots_txt = ("l'ensemble du marché" if not k.multi else "les lots " + ", ".join(sorted(set(conc))))
        ref = "l'annexe « Clause d'insertion »" if (c.get("annex_clause") or k.has("CS101")) else "le CCAP"
        d.p(f"Une condition d'exécution à caractère social (insertion professionnelle de personnes éloignées "
            f"de l'emploi) s'applique à {lots_txt}, selon les modalités définies par {ref}.")
        if c.get("rc_hours"):
            h = k.hours_for("RC")
            d.p("Pour information, le volume d'heures d'insertion attendu est le suivant : " +
                " ; ".join(f"{k.lotlabel(n).lower()} : {v} heures" for n, v in h.items()) + ".")
        if k.has("CS204") and k.err("CS204")[1] == "RC":
            d.p("Les candidats peuvent obtenir la liste des structures d'insertion auprès de l'unité "
                "départementale de la DIRECCTE.")
    elif k.clause == "sans":
        d.p("Clause sociale : sans objet.")
    elif k.clause == "derog":
        d.p(c["derog"])
    else:
        d.p("Les conditions d'exécution sont définies au cahier des charges.")
    if c.get("reserved"):
        d.p(c["reserved"])
    d.h(1, 5, "Critères d'attribution")
    d.p("Les offres sont jugées sur le prix (60 %) et la valeur technique (40 %) appréciée au vu du mémoire.")
    d.h(1, 6, "Remise des offres")
    d.p("Les offres sont déposées sur le profil d'acheteur au plus tard le jour fixé dans l'avis, à 12 h 00.")
    d.h(1, 7, "Renseignements")
    d.p(f"Questions écrites sur le profil d'acheteur ; service de la commande publique, {c['buyer_mail']}.")
    if variant:
        d.p("Version mise à jour après la réponse aux questions des candidats.")
    return d


def make_ae(k: Case, cotraitant=False):
    c = k.c
    t = ("Acte d'engagement – modèle pour chaque cotraitant" if cotraitant else "Acte d'engagement")
    d = Doc(title=t, subtitle=f"{c['buyer']} – {c['object']}", hstyle="ARTICLE_colon")
    d.h(1, 1, "Identification du signataire")
    d.p("Nom, prénom, qualité : ……………… agissant " + ("en qualité de membre du groupement" if cotraitant
                                                      else "pour le compte de l'entreprise"))
    d.h(1, 2, "Prix")
    d.p("Montant de l'offre (HT) : ……………… €   TVA : ……… €   TTC : ……………… €")
    if k.clause is True and not k.has("CS103"):
        d.h(1, 3, "Engagement d'insertion")
        h = k.hours_for("AE")
        if k.has("CS301"):
            d.p("Je m'engage à exécuter la clause d'insertion selon les stipulations du marché.")
        elif not k.multi:
            d.p(f"Je m'engage à réaliser au moins {h['unique']} heures d'insertion pendant l'exécution du marché.")
        else:
            d.p("Je m'engage, pour le ou les lots dont je suis attributaire, à réaliser les heures suivantes :")
            d.t(hours_rows(k, h, "AE"))
    d.h(1, 4, "Signature")
    d.p("Fait à ……………, le ……………  Signature :")
    return d


def make_aapc(k: Case):
    c = k.c
    d = Doc(title="Avis d'appel public à la concurrence", subtitle=c["buyer"])
    rows = [["Rubrique", "Contenu"], ["Acheteur", c["buyer"]], ["Objet", c["object"]],
            ["Date d'envoi", fr_date(c["date"])],
            ["Lots", " / ".join(f"{l[0]} : {l[1]}" for l in k.lots)]]
    proc = "Procédure adaptée"
    if k.has("CS205") and k.err("CS205")[1] == "AAPC":
        proc += " (montant inférieur au seuil de 5 538 000 € HT)"
    rows.append(["Procédure", proc])
    if k.clause is True and not k.has("CS104"):
        rows.append(["Conditions particulières d'exécution",
                     "Clause sociale d'insertion professionnelle imposée aux titulaires (voir le CCAP)"])
    rows.append(["Date limite", "voir le règlement de la consultation"])
    d.t(rows)
    return d


def make_cctp(k: Case, extra=""):
    d = Doc(title="Cahier des clauses techniques particulières", subtitle=k.c["object"], hstyle="art_dot")
    for l in k.lots:
        d.h(1, l[0] if l[0] != "unique" else 1, l[1])
        d.p(f"Les ouvrages du {k.lotlabel(l[0]).lower()} sont exécutés selon les DTU en vigueur {extra}.")
    return d


def make_misc(k: Case):
    d = Doc(title="Compte rendu de la visite des lieux", subtitle=k.c["buyer"])
    d.p("La visite s'est tenue en présence de trois entreprises ; les accès ont été montrés et les questions "
        "notées. Aucune précision n'a été apportée sur les pièces du dossier.")
    return d


def normalise_zip(path: Path):
    """Réécrit une archive (docx, odt, xlsx) avec des dates fixes : octets reproductibles."""
    import zipfile
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for i, data in items:
            if i.filename.endswith(".xml"):
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?", b"2026-06-01T09:00:00Z", data)
            zi = zipfile.ZipInfo(i.filename, date_time=(2026, 6, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_STORED if i.filename == "mimetype" else zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)


def write(doc, path: Path, fmt):
    if fmt == "docx":
        render_docx(doc, path)
        normalise_zip(path)
    elif fmt == "odt":
        render_odt(doc, path)
        normalise_zip(path)
    elif fmt == "pdf":
        render_pdf(doc, path)
    elif fmt == "soffice":
        soffice_pdf(doc, path)
    elif fmt == "scan":
        render_scanned_pdf(doc, path, seed=len(doc.title))


def rc_with_scanned_page(doc: Doc, path: Path):
    """PDF dont les premières pages portent du texte et la dernière est une page scannée."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont
    import tempfile
    from b4lib import render as R
    pdf = R._pdf_new(doc)
    R._pdf_body(pdf, doc)
    img = Image.new("L", (1240, 1754), 244)
    dr = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(R.FONT_DIR / "DejaVuSerif.ttf"), 24)
    for i, ln in enumerate(["Plan d'accès au site et visa du service", "Vu et approuvé par l'acheteur",
                            "(page numérisée)"]):
        dr.text((110, 120 + 40 * i), ln, fill=40, font=font)
    tmp = Path(tempfile.mkdtemp()) / "scan.png"
    img.save(tmp)
    pdf.add_page()
    pdf.image(str(tmp), x=0, y=0, w=210, h=297)
    pdf.output(str(path))


def first_p(d):
    return next(i for i, b in enumerate(d.blocks) if b[0] == "p" and i > 0)


def build_case(cd, root: Path):
    k = Case(cd)
    c = k.c
    out = root / k.name
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    pieces = {}
    docs = {}

    def put(fname, kind, doc, fmt):
        p = out / fname
        write(doc, p, fmt)
        pieces[fname] = kind
        docs[fname] = doc
        return p

    N = c.get("names", {})
    # RC
    if not (k.has("CS105") and k.err("CS105")[1] == "RC"):
        rcn = N.get("RC", "01_RC.docx")
        fmt = rcn.rsplit(".", 1)[1]
        if k.has("CS905") and k.err("CS905")[1] == "RC":
            put("RC_v1.pdf", "RC", make_rc(k, 0), "pdf")
            put("RC_v2.pdf", "RC", make_rc(k, 1), "pdf")
        elif c.get("rc_scanpage"):
            d = make_rc(k)
            rc_with_scanned_page(d, out / rcn)
            pieces[rcn] = "RC"
            docs[rcn] = d
        else:
            d = make_rc(k)
            if k.has("CS903") and k.err("CS903")[1] == "RC":
                d.comments.append((first_p(d), "À vérifier avant mise en ligne"))
            put(rcn, "RC", d, fmt)
    # CCAP
    ccn = N.get("CCAP", "02_CCAP.docx")
    d = make_ccap(k, ccn)
    if k.has("CS903") and k.err("CS903")[1] == "CCAP":
        d.comments.append((first_p(d), "Faut-il maintenir cette rédaction ? À revoir avec le service juridique."))
    put(ccn, "CCAP", d, ccn.rsplit(".", 1)[1])
    if k.has("CS905") and k.err("CS905")[1] == "CCAP":
        stem, ext = ccn.rsplit(".", 1)
        shutil.copy(out / ccn, out / f"{stem} (copie).{ext}")
        pieces[f"{stem} (copie).{ext}"] = "CCAP"
        docs[f"{stem} (copie).{ext}"] = d
    if k.clause is True and (c.get("annex_clause") or k.has("CS101")):
        an = N.get("ANNEXE", "Annexe_clause_insertion.docx")
        da = make_annex_clause(k)
        if k.has("CS204") and k.err("CS204")[1] == "ANNEXE":
            da.p("Les candidats recrutés peuvent être orientés par l'agence Pôle emploi du secteur.")
        put(an, "ANNEXE_CLAUSE", da, an.rsplit(".", 1)[1])
    # AE
    if not (k.has("CS105") and k.err("CS105")[1] == "AE"):
        aen = N.get("AE", "03_AE.docx")
        d = make_ae(k)
        if k.has("CS903") and k.err("CS903")[1] == "AE":
            d.tracked.append((1, "agissant au nom et pour le compte du mandataire", ""))
        fmt = aen.rsplit(".", 1)[1]
        put(aen, "AE", d, fmt)
        if c.get("ae_cotraitant"):
            put("03b_AE_cotraitant.docx", "AE", make_ae(k, True), "docx")
    if c.get("aapc"):
        put(N.get("AAPC", "00_Avis_AAPC.pdf"), "AAPC", make_aapc(k), "soffice")
    # annexes diverses
    if c.get("cctp"):
        fmt = c["cctp"]
        fn = "CCTP." + {"scan": "pdf", "broken": "docx"}.get(fmt, fmt)
        put(fn, None if fmt in ("scan", "broken") else "CCTP", make_cctp(k, k.name), "docx" if fmt == "broken" else fmt)
        if fmt == "broken":
            normalise_zip(out / fn)
            damage_truncate(out / fn, 0.35)
    if c.get("dpgf"):
        render_xlsx([("DPGF", [["Poste", "Désignation", "Quantité", "PU HT"]] +
                      [[i + 1, l[1], 1, ""] for i, l in enumerate(k.lots)])], out / "DPGF.xlsx", title=k.name)
        normalise_zip(out / "DPGF.xlsx")
        pieces["DPGF.xlsx"] = "DPGF"
    if c.get("plan"):
        render_plan(out / "plan_situation.png", [k.name, c["object"][:60]], seed=len(k.name))
        pieces["plan_situation.png"] = None
        k.findings.append(dict(code="CS904", piece="plan_situation.png", lot=None, planted=False,
                               note="plan : pas une pièce du DCE"))
    if c.get("notes"):
        (out / "notes_preparation.txt").write_text(
            f"Notes internes {k.name} : relancer le bureau d'études sur le planning ; vérifier le DPGF.\n",
            encoding="utf-8")
        pieces["notes_preparation.txt"] = None
        k.findings.append(dict(code="CS904", piece="notes_preparation.txt", lot=None, planted=False,
                               note="notes .txt : pas une pièce"))
    if k.has("CS904"):
        put("Document_2.docx", None, make_misc(k), "docx")
    # ---------------------------------------------------------------- answer key
    key_findings(k, pieces)
    lots = {}
    if k.clause is True and not k.has("CS301"):
        kinds = {v for v in pieces.values() if v in ("RC", "AE", "CCAP", "ANNEXE_CLAUSE")}
        per = {}
        for kind in sorted(kinds):
            if kind == "RC" and not (c.get("rc_hours") and not k.has("CS102")):
                continue
            if kind == "AE" and k.has("CS103"):
                continue
            if kind == "CCAP" and (c.get("annex_clause") or k.has("CS101")):
                continue
            per[kind] = k.hours_for(kind)
        allnums = set().union(*[set(v) for v in per.values()]) if per else set()
        for num in sorted(allnums):
            vals = {kd: v[num] for kd, v in per.items() if num in v}
            if len(set(vals.values())) == 1:
                lots[num] = next(iter(vals.values()))
            else:
                lots[num] = vals
    texts = {}
    for fn, dd in docs.items():
        texts[fn] = dd.text()
    for fn in pieces:
        if fn.endswith(".txt"):
            texts[fn] = (out / fn).read_text(encoding="utf-8")
    key = {"name": k.name, "half": "sealed", "review_date": REVIEW_DATE, "description": c["desc"],
           "pieces": pieces, "lots": lots, "findings": k.findings, "optional": k.optional}
    return k, key, texts, out


def key_findings(k: Case, pieces):
    F, O = k.findings, k.optional
    inv = {}
    for fn, kd in pieces.items():
        inv.setdefault(kd, []).append(fn)

    def pk(kind):
        l = inv.get(kind, [])
        return l[0] if len(l) == 1 else (l or None)

    clause_piece = pk("CCAP")
    if k.c.get("annex_clause"):
        clause_piece = [pk("CCAP"), pk("ANNEXE_CLAUSE")]
    for e in k.errs:
        code = e[0]
        note = f"{code} planté — {k.c['desc']}"
        f = dict(code=code, piece=None, lot=None, planted=True, note=note)
        if code == "CS101":
            f["piece"] = pk("CCAP")
            for cc in ("CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
                O.append(dict(code=cc, piece=None, lot=None, note="CS101 : contenu jugé hors du CCAP"))
        elif code == "CS102":
            f["piece"] = pk("RC")
        elif code in ("CS103", "CS105", "CS501"):
            pass
        elif code == "CS104":
            f["piece"] = pk("AAPC")
        elif code in ("CS201", "CS202", "CS203", "CS204", "CS205"):
            where = {"CS201": {"CCAP": "CCAP", "RC": "RC"}, "CS202": {}, "CS203": {}, "CS204": {},
                     "CS205": {}}
            tgt = e[1] if e[1] in ("RC", "AAPC", "ANNEXE", "CCAP") else "CCAP"
            f["piece"] = pk("ANNEXE_CLAUSE") if tgt == "ANNEXE" else pk(tgt)
            if code in ("CS202",) or (code == "CS203" and e[1] == "art"):
                f["piece"] = clause_piece
        elif code in ("CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
            f["piece"] = clause_piece
            if code == "CS301":
                O.append(dict(code="CS103", piece=None, lot=None, note="aucun nombre d'heures : CS103 facultatif"))
            if code == "CS305":
                F.append(dict(code="CS308", piece=clause_piece, lot=None, planted=False,
                              note="le retrait du suivi retire aussi la pénalité de retard des justificatifs"))
        elif code == "CS401":
            f["piece"] = [pk("AE"), pk("CCAP")] if not isinstance(pk("AE"), list) else pk("AE") + [pk("CCAP")]
            f["lot"] = e[1]
        elif code == "CS402":
            f["piece"] = pk(e[1])
        elif code == "CS403":
            f["lot"] = e[1]
        elif code == "CS404":
            f["piece"] = [pk("AE"), pk("CCAP")]
            f["lot"] = e[1]
        elif code == "CS405":
            f["lot"] = e[1]
            O.append(dict(code="CS403", piece=None, lot=e[1], note="fourniture seule : CS403 facultatif"))
        elif code == "CS901":
            f["piece"] = "CCTP.docx"
            O.append(dict(code="CS904", piece="CCTP.docx", lot=None, note="pièce illisible : type inconnu"))
        elif code == "CS902":
            f["piece"] = e[1]
            O.append(dict(code="CS904", piece=e[1], lot=None, note="pièce scannée : type inconnu"))
        elif code == "CS903":
            f["piece"] = pk(e[1])
        elif code == "CS904":
            f["piece"] = "Document_2.docx"
        elif code == "CS905":
            f["piece"] = [fn for fn, kd in pieces.items() if kd == e[1]]
        F.append(f)
    if k.clause is False or k.clause == "derog":
        if k.clause == "derog":
            O.append(dict(code="CS100", piece=None, lot=None, note="dérogation motivée : CS100 facultatif"))
        else:
            F.append(dict(code="CS100", piece=None, lot=None, planted=False, note="aucune clause et aucun « sans »"))
    if k.c.get("rc_scanpage"):
        O.append(dict(code="CS902", piece=pk("RC"), lot=None,
                      note="une seule page du RC est scannée (plan d'accès), le reste a du texte"))
    if k.c.get("cotraitant_note"):
        pass


def check(k: Case, key, texts, out: Path):
    alltext = "\n".join(texts.values())
    for el in k.removed:
        if el == "fac":
            marks = list(k.fac[1:]) + [k.fac[0]]
        else:
            marks = MARK[el]
        for m in marks:
            assert m not in alltext, (k.name, el, m)
    if k.clause is True and not (k.removed & {"fac"}):
        assert k.fac[3] in alltext, (k.name, "fac absent")
    ref = {"CS201": ["code des marchés", "2016-360"], "CS203": ["2009", "20.1 du CCAG-FCS"],
           "CS204": ["Pôle emploi", "DIRECCTE"], "CS205": ["221 000", "5 538 000"],
           "CS202": ["L. 2113-12", "R2152-7"]}
    for code, ms in ref.items():
        found = {fn for fn, t in texts.items() for m in ms if m in t}
        if k.has(code):
            assert found, (k.name, code)
        else:
            assert not found, (k.name, code, found)
    n = len(k.errs)
    assert n <= 2, k.name
    # files all different except planted CS905
    hs = {}
    for f in sorted(out.iterdir()):
        h = hashlib.sha256(f.read_bytes()).hexdigest()
        if h in hs and not k.has("CS905"):
            raise AssertionError((k.name, "doublon", f.name, hs[h]))
        hs[h] = f.name
    assert set(key["pieces"]) == {f.name for f in out.iterdir()}, (k.name, "pièces")
    if not k.errs and k.clause is True:
        for num, v in key["lots"].items():
            assert v == k.base[num], (k.name, num)
    return n


def main():
    dest = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "corpus"
    root = dest / "sealed"
    root.mkdir(parents=True, exist_ok=True)
    ans = HERE / "answers" / "sealed"
    ans.mkdir(parents=True, exist_ok=True)
    planted, natural = Counter(), Counter()
    ncorrect = nfaulty = 0
    names = set()
    for cd in CASES:
        assert cd["name"] not in names
        names.add(cd["name"])
        k, key, texts, out = build_case(cd, root)
        n = check(k, key, texts, out)
        if n:
            nfaulty += 1
        else:
            ncorrect += 1
        for f in key["findings"]:
            (planted if f["planted"] else natural)[f["code"]] += 1
        (ans / f"{k.name}.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n",
                                             encoding="utf-8")
    allcodes = (["CS10%d" % i for i in range(1, 6)] + ["CS20%d" % i for i in range(1, 6)] +
                ["CS30%d" % i for i in range(1, 9)] + ["CS40%d" % i for i in range(1, 6)] + ["CS501"] +
                ["CS90%d" % i for i in range(1, 6)])
    missing = [c for c in allcodes if not planted[c]]
    assert not missing, missing
    assert ncorrect == 10 and nfaulty == 20, (ncorrect, nfaulty)
    print(f"{len(CASES)} consultations : {ncorrect} correctes, {nfaulty} fautives, "
          f"{sum(planted.values())} erreurs plantées")
    for c in sorted(set(planted) | set(natural)):
        print(f"  {c}: planté {planted[c]}, naturel {natural[c]}")


if __name__ == "__main__":
    main()
