"""Writes the pieces of one consultation of the eighth blind corpus and derives its answer key.

Every text here was written for this corpus. A case (cases.py) is a dict; `build_case` returns the
list of files to write (relative path, format, Doc or payload) and the answer key."""

from __future__ import annotations

import datetime as dt
import random
from fractions import Fraction

from .render import Doc

# middle of reference.md § 6.2 ranges (labour share by trade)
MO = {
    "vrd": Fraction(30, 100), "gros_oeuvre": Fraction(45, 100), "charpente_bois": Fraction(35, 100),
    "charpente_metallique": Fraction(20, 100), "couverture_etancheite": Fraction(40, 100),
    "menuiseries_exterieures": Fraction(25, 100), "menuiseries_interieures": Fraction(40, 100),
    "platrerie": Fraction(55, 100), "peinture": Fraction(65, 100), "revetements_sols": Fraction(45, 100),
    "electricite": Fraction(45, 100), "plomberie_cvc": Fraction(35, 100), "ascenseurs": Fraction(20, 100),
    "espaces_verts_creation": Fraction(45, 100), "espaces_verts_entretien": Fraction(65, 100),
    "nettoyage": Fraction(85, 100), "collecte_dechets": Fraction(55, 100),
    "restauration": Fraction(45, 100), "demolition_desamiantage": Fraction(50, 100),
    "fournitures": Fraction(0),
}
RATE, COST, STEP, HMIN = Fraction(5, 100), Fraction(30), 5, 70
OBLIG = dt.date(2026, 8, 21)
THRESH = {"travaux": 5_404_000, "etat": 140_000, "autre": 216_000}


def raw_hours(amount, trade):
    return Fraction(amount) * MO[trade] * RATE / COST


def hours_for(amount, trade):
    r = raw_hours(amount, trade)
    if r == 0:
        return None
    h = int((r / STEP + Fraction(1, 2)) // 1) * STEP
    if r < HMIN:
        return None
    return h


def ambiguous(amount, trade):
    r = raw_hours(amount, trade)
    if r == 0:
        return False
    frac = (r / STEP) - int(r / STEP)
    return abs(frac - Fraction(1, 2)) < Fraction(1, 20) or Fraction(62) <= r <= Fraction(78)


def eur(n):
    return f"{n:,}".replace(",", " ") + " € HT"


def fr_date(d):
    mois = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
            "octobre", "novembre", "décembre"]
    return f"{d.day if d.day > 1 else '1er'} {mois[d.month - 1]} {d.year}"


def num_date(d):
    return d.strftime("%d/%m/%Y")


# ------------------------------------------------------------------ facilitators (invented)
FACIL = {
    "aubreze": ("Mission insertion du Département de l'Aubrèze", "Claire Vaudrey", "+33 5 36 49 12 40",
                "clauses.insertion@aubreze-departement.fr"),
    "massif": ("Cellule clauses sociales de la Région Massif-Océan", "Yannick Ferrand", "04.65.71.22.18",
               "cellule.clauses@massif-ocean-region.fr"),
    "brenne": ("PLIE des Rives-de-Brenne", "Sonia Béraud", "03 53 01 47 26", "facilitation@plie-rivesdebrenne.fr"),
    "montveran": ("Maison de l'emploi du Pays de Montvéran", "Hugo Castagné", "+33 2 61 91 08 33",
                  "clause.sociale@mde-montveran.fr"),
    "ligeret": ("Mission insertion du Département du Ligeret", "Nadia Roussille", "01.99.00.41.52",
                "insertion.marches@ligeret.fr"),
    "saintaurele": ("PLIE de la Métropole de Saint-Aurèle", "Mathis Dorval", "+33 4 65 71 90 11",
                    "clauses@plie-saintaurele.fr"),
}

BUYER_CONTACT = {
    "dep": "Service de la commande publique",
    "reg": "Direction de la commande publique – pôle marchés",
    "metro": "Service de la commande publique métropolitain",
    "hop": "Direction des achats – cellule marchés",
    "etat": "Bureau des marchés et de la commande publique",
}


def lot_label(l):
    return f"lot {l['num']}"


def list_lots(ls):
    """'lots 1 à 4' when the numbers are 1..n consecutive integers, else an enumeration."""
    nums = [l["num"] for l in ls]
    if len(nums) >= 3 and all(n.isdigit() for n in nums) and [int(n) for n in nums] == list(
            range(int(nums[0]), int(nums[0]) + len(nums))):
        return f"lots {nums[0]} à {nums[-1]}"
    if len(nums) == 1:
        return f"lot {nums[0]}"
    return "lots " + ", ".join(nums[:-1]) + " et " + nums[-1]


# ------------------------------------------------------------------ the case model
def prepare(case):
    """Fills lots: computed hours, written hours, coverage; applies hour-planting errors."""
    errs = {e[0]: (e[1] if len(e) > 1 else None) for e in case.get("errs", [])}
    lots = []
    for num, title, amount, trade, *flag in case["lots"]:
        flag = flag[0] if flag else None
        if trade in MO and trade != "fournitures" and flag is None:
            while ambiguous(amount, trade):
                amount += 5000
        l = dict(num=num, title=title, amount=amount, trade=trade, flag=flag)
        l["calc"] = hours_for(amount, trade) if trade in MO else None
        if flag in ("reserved", "out"):
            l["covered"] = False
        elif trade == "fournitures":
            l["covered"] = bool(flag == "cs405")
        else:
            l["covered"] = l["calc"] is not None
        l["small"] = trade != "fournitures" and trade in MO and l["calc"] is None and flag is None
        if trade in MO and trade != "fournitures" and flag is None and ambiguous(amount, trade):
            raise SystemExit(f"{case['name']}: lot {num} ambiguous amount {amount}")
        h = l["calc"]
        if flag == "cs405":
            h = 140
        if "CS403" in errs and errs["CS403"] == num:
            h = h * 4
        if "CS301" in errs and errs["CS301"] == num:
            h = None
        if "CS301" in errs and errs["CS301"] == "all":
            h = None
        l["h"] = {"RC": h, "CCAP": h, "AE": h, "ANNEXE_CLAUSE": h}
        if "CS401" in errs and errs["CS401"] == num:
            l["h"]["AE"] = l["h"]["ANNEXE_CLAUSE"] = h + (10 if h < 400 else 25)
        lots.append(l)
    case["_lots"] = lots
    case["_errs"] = errs
    return case


def covered(case):
    return [l for l in case["_lots"] if l["covered"]]


def hours_text(h, rng):
    if h is None:
        return "à préciser"
    return f"{h} heures"


# ------------------------------------------------------------------ clause elements
def el_objet(case, rng):
    e = case["_errs"]
    works = case["nature"] == "travaux"
    ccag = "de l'article 20.1 du CCAG-Travaux 2021" if works else "de l'article 16.1 du CCAG-FCS 2021"
    if "CS203" in e and e["CS203"] == "article":
        ccag = "de l'article 20.1 du CCAG-FCS" if not works else "de l'article 16.1 du CCAG-Travaux"
    base = "de l'article L2112-2 du code de la commande publique"
    if case.get("l2112_2_1"):
        base = "des articles L2112-2 et L2112-2-1 du code de la commande publique"
    if "CS202" in e:
        base = {"R2152-7": "de l'article R2152-7 du code de la commande publique",
                "L2113-13": "de l'article L2113-13 du code de la commande publique"}[e["CS202"]]
    if "CS201" in e and e["CS201"] == "cmp14":
        base = "des dispositions de l'article 14 du Code des marchés publics"
    v = rng.choice([
        f"Sur le fondement {base} et {ccag}, le titulaire réalise, pendant l'exécution des prestations, "
        "une action d'insertion professionnelle au profit de personnes éloignées de l'emploi. Cette "
        "exigence est une condition d'exécution ; elle n'intervient pas dans le choix de l'offre.",
        f"Le présent marché comporte une condition d'exécution à caractère social, prise en application "
        f"{base} et {ccag} : une part des heures de travail générées par le marché est réservée à des "
        "personnes rencontrant des difficultés d'accès à l'emploi.",
    ])
    return v


def el_volume(case, rng, short=False):
    cov = covered(case)
    lots = case["_lots"]
    word = case.get("hword", "nombre minimal d'heures d'insertion")
    if case["_errs"].get("CS301") == "all":
        return ("Le " + word + " sera arrêté avec le titulaire lors de la réunion de démarrage, au vu "
                "du planning des interventions.")
    if len(lots) == 1 and lots[0]["num"] == "unique":
        return f"Le {word} à réaliser est fixé à {hours_text(cov[0]['h']['CCAP'], rng)}."
    parts = []
    for l in lots:
        if l["covered"]:
            parts.append(f"lot {l['num']} ({l['title']}) : {hours_text(l['h']['CCAP'], rng)}")
    txt = f"Le {word} est fixé comme suit : " + " ; ".join(parts) + "."
    others = [l for l in lots if not l["covered"]]
    for l in others:
        if l["flag"] == "reserved":
            txt += f" Le lot {l['num']}, réservé, n'est pas soumis à la clause."
        elif l["small"]:
            txt += (f" Le lot {l['num']} n'est pas concerné : le volume calculé reste inférieur à "
                    "soixante-dix heures.")
        elif l["trade"] == "fournitures":
            txt += f" Le lot {l['num']}, simple livraison, n'est pas concerné."
        else:
            txt += f" Le lot {l['num']} n'est pas soumis à la clause."
    if case.get("ccap_total"):
        tot = sum(l["h"]["CCAP"] for l in cov if l["h"]["CCAP"])
        if "CS402" in case["_errs"]:
            tot += 100
        txt += f" Total pour l'ensemble des lots : {tot} heures."
    return txt


PUBLICS = [
    "Sont éligibles, après validation par le facilitateur : les demandeurs d'emploi de longue durée "
    "inscrits à France Travail depuis plus de douze mois ; les bénéficiaires du RSA ou de l'ASS ; "
    "les travailleurs handicapés (RQTH) ; les jeunes de moins de 26 ans sans diplôme qualifiant ; les "
    "demandeurs d'emploi de plus de 50 ans ; les habitants des quartiers prioritaires (QPV) ; les "
    "salariés d'une structure d'insertion par l'activité économique ; toute autre personne dont la "
    "situation le justifie sur avis motivé d'un prescripteur.",
    "Les publics visés sont les personnes sans emploi rencontrant des difficultés sociales ou "
    "professionnelles : allocataires du RSA, demandeurs d'emploi inscrits depuis au moins douze mois, "
    "personnes reconnues travailleurs handicapés, jeunes de moins de 26 ans suivis par une mission "
    "locale, résidents d'un QPV, personnes titulaires d'un PASS IAE. Leur éligibilité est vérifiée par "
    "le facilitateur avant toute embauche.",
]
PUBLICS_POLE = ("Sont éligibles les personnes disposant d'un agrément Pôle emploi, les allocataires du RSA, "
                "les personnes reconnues travailleurs handicapés et les jeunes de moins de 26 ans sans "
                "qualification, après validation par le facilitateur.")
PUBLICS_POLE2 = ("Sont éligibles les demandeurs d'emploi inscrits à Pôle emploi depuis plus de douze mois, "
                 "les bénéficiaires du RSA, les personnes reconnues travailleurs handicapés et les jeunes "
                 "de moins de 26 ans, après validation par le facilitateur.")

MODALITES = [
    "Le titulaire choisit librement le moyen d'atteindre le volume : embauche directe (CDD, CDI, contrat "
    "d'apprentissage ou de professionnalisation), mise à disposition de salariés par une ETTI, une "
    "association intermédiaire ou un GEIQ, ou sous-traitance et cotraitance avec une SIAE, une entreprise "
    "adaptée ou un ESAT. Il peut combiner ces moyens.",
    "Trois voies sont ouvertes au titulaire, seules ou combinées : le recrutement direct de personnes "
    "éligibles ; le recours à la mise à disposition par une entreprise de travail temporaire d'insertion, "
    "une association intermédiaire ou un groupement d'employeurs pour l'insertion et la qualification ; "
    "la sous-traitance d'une partie des prestations à une structure d'insertion ou du secteur adapté.",
]


def el_contact(case, rng):
    s, p, t, m = FACIL[case["facil"]]
    return rng.choice([
        f"Le titulaire est accompagné gratuitement par {s}, qui identifie les candidats, valide leur "
        f"éligibilité et suit les parcours. Interlocutrice ou interlocuteur : {p}, téléphone {t}, "
        f"courriel {m}.",
        f"Accompagnement : {s} – {p} – {t} – {m}. Le titulaire prend contact avec cette structure dans "
        "les quinze jours suivant la notification et désigne un référent insertion.",
    ])


CONTROLE = [
    "Le titulaire adresse au facilitateur, avant le 10 de chaque mois, un tableau de suivi des heures "
    "réalisées (nom, date d'entrée, type de contrat, heures du mois), accompagné des copies des contrats "
    "et des relevés d'heures. Un bilan final est remis dans les quinze jours qui suivent la fin des "
    "prestations ; le facilitateur établit alors une attestation de réalisation.",
    "Chaque trimestre, le titulaire transmet une fiche de suivi par personne recrutée, avec les relevés "
    "d'heures ou les factures de la structure d'insertion. À l'achèvement du marché, un bilan récapitulatif "
    "est établi contradictoirement avec le facilitateur avant le règlement du solde.",
]


def pen_hour_text(case):
    e = case["_errs"]
    if e.get("CS307") == "smic2025":
        return ("une pénalité égale à 1,5 fois le SMIC horaire brut 2025, soit 17,82 € (1,5 × 11,88 €), "
                "par heure manquante")
    if e.get("CS307") == "sans":
        return "une pénalité dont le montant sera arrêté ultérieurement par l'acheteur, par heure manquante"
    return case.get("pen_h", [
        "une pénalité égale à deux fois le taux horaire du SMIC brut en vigueur à la date du constat, par "
        "heure d'insertion non réalisée",
        "une pénalité forfaitaire de 40 € HT par heure manquante",
        "une retenue sur le solde de 35 € HT par heure manquante, les pénalités de ce paragraphe étant "
        "plafonnées à 8 % du montant HT du marché",
        "une pénalité égale à 1,5 fois le taux horaire du SMIC brut en vigueur au jour du constat, par "
        "heure d'insertion non réalisée, dans la limite de 5 % du montant du marché",
    ][case.get("pen_i", 0)])


def pen_docs_text(case):
    return ["une pénalité de 100 € HT par semaine de retard dans la remise des documents de suivi",
            "une pénalité de 75 € HT par fiche manquante ou incomplète",
            "une pénalité de 50 € HT par jour calendaire de retard de transmission des documents de suivi"
            ][case.get("pend_i", 0)]


def el_sanctions(case):
    e = case["_errs"]
    parts = []
    if "CS306" not in e:
        parts.append("Lorsque le volume d'heures n'est pas atteint sans motif accepté par l'acheteur, le "
                     f"titulaire encourt {pen_hour_text(case)}.")
    if "CS305" not in e and "CS308" not in e:
        parts.append(f"Le défaut de production des justificatifs dans les délais donne lieu à "
                     f"{pen_docs_text(case)}.")
    return " ".join(parts)


# ------------------------------------------------------------------ RC
def rc_doc(case, rng, version_line=None):
    e = case["_errs"]
    d = Doc(title="Règlement de la consultation", subtitle=f"{case['buyer']} – {case['objet']}",
            hstyle=case.get("rc_hstyle", "article_dash"), author=case["buyer"])
    envoi = dt.date.fromisoformat(case["envoi"])
    rows = [["Fiche synthétique", ""], ["Acheteur", case["buyer"]], ["Objet", case["objet"]],
            ["Procédure", case.get("procedure", "Procédure adaptée ouverte")],
            ["Date d'envoi à la publication", num_date(envoi)],
            ["Date limite de remise des offres", num_date(envoi + dt.timedelta(days=35)) + " à 12 h 00"]]
    clause = case.get("clause", True)
    silent = "CS102" in e
    if clause is True and not silent:
        cl = list_lots(covered(case)) if case["_lots"][0]["num"] != "unique" else "marché unique"
        rows.append(["Clause sociale d'insertion", f"Oui – condition d'exécution ({cl}), voir le CCAP"])
    elif clause == "sans":
        rows.append(["Clause sociale d'insertion", "Sans objet"])
    elif clause == "derog":
        rows.append(["Condition d'exécution sociale", "Non retenue – justification à l'article 5"])
    if case.get("rc_summary_title") == "pc":
        rows[0][0] = "Principales caractéristiques"
    d.t(rows)
    if version_line:
        d.p(version_line)
    d.h(1, "1", "Objet et étendue de la consultation")
    d.p(f"La consultation porte sur : {case['objet']}. {case.get('rc_extra', '')}".strip())
    if "CS205" in e:
        d.p({"221": "Le montant estimé restant inférieur au seuil européen de 221 000 € HT, la procédure "
                    "adaptée est retenue.",
             "5538": "Le montant estimé de l'opération restant inférieur au seuil de procédure formalisée "
                     "de 5 538 000 € HT, la consultation est passée en procédure adaptée.",
             "40": "Les achats de faible montant inférieurs à 40 000 € HT, dispensés de publicité, ne "
                   "relèvent pas du présent règlement."}[e["CS205"]])
    if case.get("rc_threshold_trap"):
        d.p(case["rc_threshold_trap"])
    if "CS201" in e and e["CS201"] == "cmp53rc":
        pass
    lots = case["_lots"]
    if lots[0]["num"] != "unique":
        d.h(2, "1.1", "Allotissement")
        head = ["Lot", "Désignation", "Estimation (€ HT)"]
        showh = case.get("rc_hours") and clause is True and not silent
        if showh:
            head.append("Heures d'insertion")
        trs = [head]
        for l in lots:
            r = [l["num"], l["title"], eur(l["amount"]).replace(" € HT", "")]
            if showh:
                r.append(str(l["h"]["RC"]) if l["covered"] and l["h"]["RC"] else
                         ("à préciser" if l["covered"] else "—"))
            trs.append(r)
        d.t(trs)
    else:
        d.p(f"Le marché n'est pas alloti. Son montant est estimé à {eur(lots[0]['amount'])}.")
    tot = sum(l["amount"] for l in lots)
    d.p(f"Montant estimé de l'ensemble de la consultation : {eur(tot)}.")
    for tr in case.get("rc_traps", []):
        d.p(tr)
    if any(l["flag"] == "reserved" for l in lots):
        r = [l for l in lots if l["flag"] == "reserved"][0]
        d.p(f"Le lot {r['num']} est réservé, en application de l'article L2113-13 du code de la commande "
            "publique, aux structures d'insertion par l'activité économique et structures équivalentes.")
    d.h(1, "2", "Conditions d'exécution")
    if clause is True and not silent:
        txt = (f"Les {list_lots(covered(case))} comportent" if len(covered(case)) > 1 and lots[0]["num"] != "unique"
               else "Le marché comporte")
        txt += (" une condition d'exécution à caractère social : une action d'insertion professionnelle, "
                "détaillée au CCAP, que le titulaire s'engage à réaliser en signant son acte d'engagement.")
        d.p(txt)
        if "CS204" in e and e["CS204"] == "zus_rc":
            d.p("Les recrutements des habitants des ZUS de l'agglomération sont particulièrement "
                "encouragés.")
        if case.get("rc_recall_total") and all(l["h"]["RC"] for l in covered(case)):
            t = sum(l["h"]["RC"] for l in covered(case))
            d.p(f"Pour mémoire, le volume horaire d'insertion représente {t} heures pour l'ensemble des lots.")
        if case.get("rc_facil") and "CS304" not in e:
            s, p, t, m = FACIL[case["facil"]]
            d.p(f"Les candidats peuvent interroger le facilitateur de la clause : {s}, {t}, {m}.")
    elif clause == "sans":
        d.p("Clause sociale d'insertion : sans objet pour la présente consultation.")
    elif clause == "derog":
        d.p("Voir l'article 5 ci-dessous.")
    else:
        d.p("Les conditions d'exécution sont fixées par le CCAP.")
    d.h(1, "3", "Jugement des offres")
    crit = case.get("criteria", [("Prix", 60), ("Valeur technique", 40)])
    d.t([["Critère", "Pondération"]] + [[c, f"{w} %"] for c, w in crit])
    if case.get("crit_r2152"):
        d.p("Le critère « performance en matière d'insertion professionnelle des publics en difficulté » "
            "est prévu par l'article R2152-7 du code de la commande publique ; il est apprécié au vu du "
            "cadre de réponse.")
    if "CS201" in e and e["CS201"] == "cmp53rc":
        d.p("Les offres sont classées selon les critères de l'article 53 du CMP.")
    d.h(1, "4", "Renseignements complémentaires")
    bc = BUYER_CONTACT[case["btype"]]
    d.p(f"Questions administratives : {bc} – tél. {case.get('buyer_tel', '05 36 49 70 00')} – "
        f"{case.get('buyer_mail', 'marches@acheteur-fictif.fr')}. Les questions sont posées sur le profil "
        "d'acheteur au plus tard dix jours avant la date limite.")
    if clause == "derog":
        d.h(1, "5", "Justification de l'absence de condition d'exécution sociale")
        d.p(case["derog_text"])
    return d


# ------------------------------------------------------------------ CCAP
def ccap_doc(case, rng, version_line=None):
    e = case["_errs"]
    works = case["nature"] == "travaux"
    d = Doc(title="Cahier des clauses administratives particulières (CCAP)",
            subtitle=f"{case['buyer']} – {case['objet']}", hstyle=case.get("ccap_hstyle", "article_dash"),
            autonum=case.get("autonum", False), author=case["buyer"])
    if version_line:
        d.p(version_line)
    d.h(1, "1", "Objet du marché")
    d.p(f"Le présent CCAP fixe les stipulations administratives applicables à : {case['objet']}.")
    if case.get("moe"):
        d.p(f"Maîtrise d'œuvre : {case['moe']}.")
    d.h(1, "2", "Pièces constitutives")
    ccag = ("cahier des clauses administratives générales des marchés de travaux (CCAG-Travaux), approuvé "
            "par l'arrêté du 30 mars 2021 modifié" if works else
            "cahier des clauses administratives générales des marchés de fournitures courantes et de "
            "services (CCAG-FCS), approuvé par l'arrêté du 30 mars 2021 modifié")
    if e.get("CS203") == "2009":
        ccag = ("CCAG-Travaux approuvé par l'arrêté du 8 septembre 2009"
                if works else "CCAG-FCS approuvé par l'arrêté du 19 janvier 2009")
    d.p(f"Par ordre de priorité : l'acte d'engagement et ses annexes ; le présent CCAP ; le CCTP ; "
        f"les pièces financières ; le {ccag}.")
    d.h(1, "3", "Délais d'exécution")
    d.p(case.get("delai", "Le délai global d'exécution est de douze mois à compter de l'ordre de service "
                          "de démarrage, dont un mois de préparation."))
    for tr in case.get("ccap_traps", []):
        d.p(tr)
    d.h(1, "4", "Prix et règlement")
    d.p("Les prix sont fermes et actualisables. Le délai global de paiement est de trente jours.")
    clause = case.get("clause", True)
    if clause is True and "CS101" not in e:
        art = "5"
        title = case.get("cl_title", "Clause sociale d'insertion")
        d.h(1, art, title)
        pen_general = case.get("pen") == "general"
        if case.get("layout") == "table":
            rows = [["Rubrique", "Contenu"], ["Objet", el_objet(case, rng)],
                    ["Volume", el_volume(case, rng)]]
            if "CS302" not in e:
                pub = PUBLICS[case.get("pub_i", 0)]
                if e.get("CS204") == "agrement":
                    pub = PUBLICS_POLE
                if e.get("CS204") == "pole":
                    pub = PUBLICS_POLE2
                rows.append(["Public", pub])
            if "CS303" not in e:
                rows.append(["Modalités", MODALITES[case.get("mod_i", 0)]])
            if "CS304" not in e:
                rows.append(["Accompagnement", el_contact(case, rng)])
            if "CS305" not in e:
                c = CONTROLE[case.get("ctl_i", 0)]
                if e.get("CS204") == "direccte":
                    c += " Une copie du bilan est adressée à la DIRECCTE."
                rows.append(["Contrôle", c])
            if pen_general:
                rows.append(["Sanctions", "Voir l'article 7.4 du présent CCAP."])
            else:
                s = el_sanctions(case)
                if s:
                    rows.append(["Sanctions", s])
            d.t(rows)
        else:
            d.p(el_objet(case, rng))
            d.p(el_volume(case, rng))
            if case.get("ccap_hours_table") and e.get("CS301") != "all":
                trs = [["Lot", "Désignation", "Volume horaire d'insertion"]]
                for l in covered(case):
                    trs.append([l["num"], l["title"], hours_text(l["h"]["CCAP"], rng)])
                d.t(trs)
            if "CS302" not in e:
                pub = PUBLICS[case.get("pub_i", 1)]
                if e.get("CS204") == "agrement":
                    pub = PUBLICS_POLE
                if e.get("CS204") == "pole":
                    pub = PUBLICS_POLE2
                d.p(pub)
            if "CS303" not in e:
                d.p(MODALITES[case.get("mod_i", 1)])
            if "CS304" not in e:
                d.p(el_contact(case, rng))
            else:
                d.p("Le titulaire désigne un référent chargé du suivi de cette obligation.")
            if "CS305" not in e:
                c = CONTROLE[case.get("ctl_i", 1)]
                if e.get("CS204") == "direccte":
                    c += " Une copie du bilan est adressée à la DIRECCTE."
                d.p(c)
            if pen_general:
                d.p("Les sanctions attachées à cette obligation figurent à l'article 7.4 ci-après.")
            else:
                s = el_sanctions(case)
                if s:
                    d.p(s)
    elif clause == "sans":
        d.h(1, "5", "Conditions particulières d'exécution")
        d.p("Clause sociale d'insertion : sans objet.")
    d.h(1, "6", "Assurances")
    d.p("Le titulaire justifie, dans les quinze jours suivant la notification, d'une assurance couvrant "
        "sa responsabilité civile.")
    d.h(1, "7", "Pénalités")
    d.h(2, "7.1", "Retard d'exécution")
    d.p("Par jour calendaire de retard, une pénalité de 1/3 000e du montant HT du marché est appliquée.")
    d.h(2, "7.2", "Absence aux réunions")
    d.p("Toute absence non excusée à une réunion de chantier ou de pilotage entraîne une pénalité de 150 € HT.")
    d.h(2, "7.3", "Plafond")
    d.p("Les pénalités des articles 7.1 et 7.2 ne sont pas plafonnées.")
    if clause is True and "CS101" not in e and case.get("pen") == "general":
        d.h(2, "7.4", "Manquements à la clause d'insertion")
        s = el_sanctions(case)
        d.p(s if s else "Aucune stipulation particulière.")
    d.h(1, "8", "Dérogations au CCAG")
    d.p("L'article 7.1 déroge à l'article correspondant du CCAG.")
    return d


# ------------------------------------------------------------------ AE and annexes
def ae_doc(case, rng, lot=None):
    e = case["_errs"]
    title = "Acte d'engagement" + (f" – Lot {lot['num']} : {lot['title']}" if lot else "")
    d = Doc(title=title, subtitle=f"{case['buyer']} – {case['objet']}", author=case["buyer"])
    d.h(1, "1", "Identification du candidat")
    d.p("Nom, raison sociale, adresse, SIRET : ……………………………………")
    d.h(1, "2", "Engagement")
    d.p("Après avoir pris connaissance des pièces du marché, le candidat s'engage à exécuter les prestations "
        "aux prix de son offre, dans les conditions du CCAP.")
    clause = case.get("clause", True)
    mode = case.get("ae", "single")
    if clause is True and "CS103" not in e:
        if mode == "annex":
            d.p("Il s'engage en outre à réaliser l'action d'insertion professionnelle prévue au CCAP, pour le "
                "volume indiqué dans l'annexe d'engagement du lot, qu'il complète et signe.")
        elif lot is not None and not lot["covered"]:
            d.p("Ce lot n'est pas soumis à la clause d'insertion du CCAP.")
        elif lot is not None:
            h = lot["h"]["AE"]
            d.p(f"Il s'engage à réaliser le volume horaire d'insertion suivant : {hours_text(h, rng)}.")
        else:
            d.p("Il s'engage à réaliser l'action d'insertion professionnelle prévue au CCAP, soit :")
            lots = case["_lots"]
            if lots[0]["num"] == "unique":
                d.p(f"Quota d'heures d'insertion : {hours_text(lots[0]['h']['AE'], rng)}.")
            else:
                trs = [["Lot", "Intitulé", "Quota d'heures d'insertion"]]
                for l in covered(case):
                    if e.get("CS404") == l["num"]:
                        continue
                    trs.append([l["num"], l["title"], hours_text(l["h"]["AE"], rng)])
                d.t(trs)
    d.h(1, "3", "Signature")
    d.p("Fait à ……………, le ……………   Signature du candidat")
    return d


def annex_doc(case, rng, lot):
    d = Doc(title=f"Annexe d'engagement insertion – Lot {lot['num']}",
            subtitle=f"{case['buyer']} – {case['objet']} – {lot['title']}", author=case["buyer"])
    d.p(f"Volume horaire d'insertion exigé pour ce lot : {hours_text(lot['h']['ANNEXE_CLAUSE'], rng)}.")
    d.p("Moyen(s) envisagé(s) par le candidat (à cocher) : ☐ recrutement direct ☐ recours à une structure "
        "d'insertion ☐ sous-traitance à une structure d'insertion ou du secteur adapté ☐ autre : ……")
    d.p("Le candidat reconnaît que ce volume est une condition d'exécution du marché.")
    d.p("Nom et qualité du signataire : ……………   Date et signature : ……………")
    return d


def avis_doc(case, rng):
    e = case["_errs"]
    envoi = dt.date.fromisoformat(case["envoi"])
    d = Doc(title="Avis d'appel public à la concurrence", subtitle=case["buyer"], author=case["buyer"])
    d.p(f"Acheteur : {case['buyer']}.")
    d.p(f"Objet : {case['objet']}. {case.get('procedure', 'Procédure adaptée ouverte')}.")
    lots = case["_lots"]
    if lots[0]["num"] != "unique":
        d.p("Allotissement : " + " ; ".join(f"lot {l['num']} – {l['title']}" for l in lots) + ".")
    if case.get("clause", True) is True and "CS104" not in e:
        d.p(f"Condition particulière d'exécution : le marché comporte une clause d'insertion sociale "
            f"({list_lots(covered(case)) if lots[0]['num'] != 'unique' else 'marché unique'}), détaillée au "
            "CCAP.")
        if e.get("CS201") == "ord38":
            d.p("Cette condition est prévue à l'article 38 de l'ordonnance n° 2015-899 du 23 juillet 2015.")
    if any(l["flag"] == "reserved" for l in lots):
        r = [l for l in lots if l["flag"] == "reserved"][0]
        d.p(f"Le lot {r['num']} est réservé aux structures mentionnées à l'article L2113-13 du code de la "
            "commande publique.")
    d.p(f"Date limite de réception des offres : {num_date(envoi + dt.timedelta(days=35))} à 12 h 00.")
    d.p(f"Date d'envoi du présent avis à la publication : {num_date(envoi)}.")
    return d


def rectif_doc(case, rng):
    envoi = dt.date.fromisoformat(case["envoi"])
    d = Doc(title="Avis rectificatif", subtitle=case["buyer"], author=case["buyer"])
    d.p(f"Le présent avis modifie l'avis d'appel public à la concurrence envoyé le {fr_date(envoi)} pour : "
        f"{case['objet']}.")
    d.p(f"Rectification : la date limite de réception des offres est reportée au "
        f"{num_date(envoi + dt.timedelta(days=42))} à 12 h 00.")
    d.p("Les autres mentions de l'avis initial, dont la condition d'exécution à caractère social (clause "
        "d'insertion), restent inchangées.")
    d.p(f"Date d'envoi du présent avis rectificatif : {num_date(envoi + dt.timedelta(days=12))}.")
    return d


def qr_doc(case, rng):
    d = Doc(title="Questions des candidats et réponses de l'acheteur", subtitle=case["objet"], author=case["buyer"])
    d.p("Question 1 : la visite du site est-elle obligatoire ?")
    d.p("Réponse : non, elle est conseillée ; elle peut être organisée du lundi au jeudi de 9 h à 11 h 30.")
    d.p("Question 2 : les échantillons doivent-ils être remis avec l'offre ?")
    d.p("Réponse : aucun échantillon n'est demandé au stade de l'offre.")
    return d


def cadre_doc(case, rng):
    d = Doc(title="Cadre de réponse technique", subtitle=case["objet"], author=case["buyer"])
    d.p("Le candidat complète chaque rubrique ; ce cadre sert à l'appréciation de la valeur technique.")
    d.t([["Rubrique", "Réponse du candidat"], ["Organisation de l'équipe et encadrement", ""],
         ["Méthodes d'intervention et moyens matériels", ""], ["Mesures de sécurité", ""],
         ["Démarche environnementale", ""]])
    if case.get("crit_r2152"):
        d.t([["Rubrique", "Réponse du candidat"], ["Actions d'insertion proposées au-delà du minimum", ""]])
    return d


def planning_doc(case, rng):
    d = Doc(title="Planning prévisionnel des travaux", subtitle=case["objet"], author=case["buyer"])
    trs = [["Phase", "Début", "Durée"], ["Préparation", "S1", "4 semaines"]]
    for i, l in enumerate(case["_lots"]):
        trs.append([f"Lot {l['num']} – {l['title']}", f"S{5 + 3 * i}", f"{6 + i} semaines"])
    trs.append(["Opérations préalables à la réception", f"S{8 + 3 * len(case['_lots'])}", "2 semaines"])
    d.t(trs)
    return d


def cctp_doc(case, rng, lot=None):
    t = "Cahier des clauses techniques particulières" + (f" – Lot {lot['num']} : {lot['title']}" if lot else "")
    d = Doc(title=t, subtitle=case["objet"], author=case["buyer"])
    d.h(1, "1", "Consistance des prestations")
    d.p("Les prestations comprennent la fourniture, la mise en œuvre et les essais des ouvrages décrits "
        "ci-après, conformément aux normes et DTU en vigueur.")
    for tr in case.get("cctp_traps", []):
        d.p(tr)
    d.h(1, "2", "Prescriptions générales")
    d.p("Les matériaux sont neufs et de premier choix. Les échantillons sont soumis au maître d'œuvre avant "
        "toute commande.")
    return d


def notes_doc(case):
    return ("Notes de relecture internes – ne pas diffuser\n"
            "- vérifier les estimations avec le maître d'œuvre\n- relancer le service juridique sur la date\n")


def xlsx_sheets(case, kind):
    rows = [[{"BPU": "Bordereau des prix unitaires", "DQE": "Détail quantitatif estimatif",
              "DPGF": "Décomposition du prix global et forfaitaire"}[kind]], [case["objet"]],
            ["N°", "Désignation", "Unité", "Quantité", "Prix unitaire HT"]]
    items = ["Installation de chantier", "Prestation courante", "Intervention ponctuelle", "Repli"]
    for i, it in enumerate(items, 1):
        rows.append([f"{i}.0", it, "forfait" if i in (1, 4) else "u", 1 if i in (1, 4) else 10 * i, ""])
    return [(kind, rows)]
