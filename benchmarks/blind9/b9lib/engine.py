"""Writes the pieces of one blind9 consultation from its description, and its answer key.

Every clause element has several wordings written for this corpus; the choice is seeded by the
consultation's name. Errors are planted from the case's `errs` list."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from fractions import Fraction
from pathlib import Path

from . import render as R
from .render import Doc

# middle of reference.md § 6.2 ranges
MO = {"vrd": "0.30", "gros_oeuvre": "0.45", "charpente_bois": "0.35", "charpente_metallique": "0.20",
      "couverture_etancheite": "0.40", "menuiseries_exterieures": "0.25", "menuiseries_interieures": "0.40",
      "platrerie": "0.55", "peinture": "0.65", "revetements_sols": "0.45", "electricite": "0.45",
      "plomberie_cvc": "0.35", "ascenseurs": "0.20", "espaces_verts_creation": "0.45",
      "espaces_verts_entretien": "0.65", "nettoyage": "0.85", "collecte_dechets": "0.55",
      "restauration": "0.45", "demolition_desamiantage": "0.50", "fournitures": "0",
      "accueil": "0.80"}  # accueil: not in the default table (CS403 optional there)
NOT_IN_TABLE = {"accueil"}
RATE, COST, STEP, MIN_H = Fraction(1, 20), Fraction(30), 5, 70
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre"]
OBLIG = dt.date(2026, 8, 21)
NB = "\u00a0"


def raw_hours(amount, trade):
    return Fraction(amount) * Fraction(MO[trade]) * RATE / COST


def round_h(x):
    return int((x / STEP + Fraction(1, 2)) // 1) * STEP


def safe_amount(amount, trade):
    """Shifts the amount by 5 000 € while the raw figure is near a rounding half or the minimum."""
    if trade == "fournitures":
        return amount
    while True:
        x = raw_hours(amount, trade)
        frac = (x / STEP) - int(x / STEP)
        if abs(frac - Fraction(1, 2)) < Fraction(1, 20) or 62 <= x < 78:
            amount += 5000
            continue
        return amount


def computed(amount, trade):
    if trade == "fournitures":
        return None
    h = round_h(raw_hours(amount, trade))
    return h if h >= MIN_H else None


def money(v, sep=NB):
    s = f"{int(v):,}".replace(",", sep)
    return f"{s}{NB}€ HT"


def hnum(h, sep=NB):
    return f"{h:,}".replace(",", sep)


def fdate(d, style):
    if style == 0:
        return f"{d.day} {MOIS[d.month - 1]} {d.year}" if d.day != 1 else f"1er {MOIS[d.month - 1]} {d.year}"
    return d.strftime("%d/%m/%Y")


# ------------------------------------------------------------------ wordings
def basis_text(c, rng):
    e = c["errs"]
    trav = c["nature"] == "travaux"
    l2121 = c["oblig"]
    if "CS201a" in e:
        b = ("L'action d'insertion est une condition d'exécution du marché, prévue par l'article 38 de "
             "l'ordonnance n° 2015-899 du 23 juillet 2015 relative aux marchés publics.")
    elif "CS201b" in e:
        b = ("Conformément à l'article 14 du Code des marchés publics, le marché comporte une condition "
             "d'exécution à caractère social destinée à favoriser le retour à l'emploi.")
    elif "CS202a" in e:
        b = ("Sur le fondement de l'article R2152-7 du Code de la commande publique, le titulaire doit "
             "réserver une part des heures de travail à des personnes éloignées de l'emploi.")
    elif "CS202b" in e:
        b = ("La présente obligation d'insertion est instituée en application de l'article L2113-13 du "
             "Code de la commande publique.")
    else:
        b = rng.choice([
            "Le marché comporte une condition d'exécution à caractère social, au sens de l'article L2112-2 "
            "du Code de la commande publique : une part des heures travaillées est réservée à des personnes "
            "rencontrant des difficultés d'accès à l'emploi.",
            "En application de l'article L. 2112-2 du Code de la commande publique, l'exécution du contrat "
            "est assortie d'une action d'insertion professionnelle au bénéfice de personnes éloignées du "
            "marché du travail.",
        ])
        if l2121:
            b += (" Le montant estimé de la consultation atteignant le seuil européen, cette condition répond "
                  "aussi à l'article L2112-2-1 du même code (loi n° 2021-1104 du 22 août 2021, article 35).")
    if "CS203a" in e:
        ccag = ("Elle complète l'article 20.1 du CCAG applicable aux marchés publics de travaux approuvé par "
                "l'arrêté du 8 septembre 2009.")
    elif "CS203b" in e:
        ccag = "Elle précise l'article 16.1 du CCAG-Travaux 2021, auquel elle ne déroge pas."
    elif trav:
        ccag = rng.choice(["Elle précise l'article 20.1 du CCAG-Travaux (arrêté du 30 mars 2021).",
                           "Les stipulations qui suivent complètent l'article 20.1 du CCAG-Travaux 2021."])
    else:
        ccag = rng.choice(["Elle précise l'article 16.1 du CCAG-FCS (arrêté du 30 mars 2021).",
                           "Les stipulations qui suivent complètent l'article 16.1 du CCAG-FCS 2021."])
    return b + " " + ccag


def publics_text(c, rng):
    pe = "Pôle emploi" if "CS204a" in c["errs"] else "France Travail"
    return rng.choice([
        f"Peuvent occuper les heures d'insertion, sous réserve de la validation du facilitateur : les "
        f"demandeurs d'emploi de longue durée (douze mois d'inscription à {pe} au moins) ; les allocataires "
        f"du RSA, de l'ASS ou de l'AAH ; les personnes bénéficiant d'une RQTH ; les jeunes de moins de "
        f"26 ans peu ou pas qualifiés suivis par une Mission locale ; les seniors de 50 ans et plus privés "
        f"d'emploi ; les résidents d'un QPV ; les personnes titulaires d'un PASS IAE. D'autres situations "
        f"peuvent être admises sur avis motivé d'un prescripteur.",
        f"Le public visé : personnes inscrites à {pe} depuis plus d'un an, bénéficiaires du RSA (et ayants "
        f"droit), de l'ASS ou de l'AAH, travailleurs reconnus handicapés (RQTH), jeunes de 16 à 25 ans révolus "
        f"sortis du système scolaire sans diplôme qualifiant, personnes de 50 ans ou plus en recherche "
        f"d'emploi, salariés en parcours dans une structure de l'insertion par l'activité économique, "
        f"habitants des quartiers prioritaires (QPV). L'éligibilité de chaque personne est vérifiée par le "
        f"facilitateur avant sa prise de poste.",
    ])


PUB_MARK = ["RSA", "RQTH", "AAH", "éligib", "Mission locale", "QPV"]


def modal_text(rng):
    return rng.choice([
        "Le titulaire choisit librement la manière d'atteindre son objectif : embauche directe (CDD, CDI, "
        "contrat d'apprentissage ou de professionnalisation) ; mise à disposition de salariés par une ETTI, "
        "une association intermédiaire ou un GEIQ ; confier une partie des prestations à une entreprise "
        "d'insertion, un ACI, une entreprise adaptée ou un ESAT. Plusieurs voies peuvent être combinées.",
        "Trois voies sont ouvertes au titulaire, seules ou ensemble : 1° l'embauche directe de personnes "
        "relevant de la clause ; 2° le recours à une ETTI, une AI, un GEIQ ou une agence d'intérim qui met à "
        "disposition des salariés en parcours ; 3° la sous-traitance ou la cotraitance avec une SIAE, une EA ou un ESAT.",
    ])


MOD_MARK = ["ETTI", "GEIQ", "embauche", "ESAT"]


def fac_text(c, rng):
    f = c["fac"]
    if "CS304" in c["errs"]:
        return ("Le titulaire peut solliciter l'appui du dispositif local d'accompagnement des clauses "
                "sociales, dont les coordonnées lui seront transmises.")
    return rng.choice([
        f"Le titulaire bénéficie sans frais de l'appui de {f['struct']} : {f['person']}, tél. {f['tel']}, "
        f"courriel {f['mail']}. Le facilitateur l'aide à repérer des candidats et des structures partenaires.",
        f"Interlocuteur insertion — {f['struct']} — {f['person']} — {f['tel']} — {f['mail']}. Le titulaire "
        f"prend contact avec lui dans les quinze jours qui suivent la notification.",
    ])


def control_text(c, rng):
    dire = " Une copie du bilan annuel est adressée à la DIRECCTE." if "CS204b" in c["errs"] else ""
    return rng.choice([
        "Chaque mois, le titulaire remet au facilitateur un état des heures réalisées (identité, statut, type "
        "de contrat, dates, heures) accompagné des justificatifs : copies des contrats, bulletins de paie ou "
        "relevés de mission, factures des structures d'insertion. Le facilitateur délivre en fin de marché "
        "une attestation de réalisation." + dire,
        "Au plus tard le 10 de chaque mois, la fiche de suivi nominative du mois écoulé est envoyée au "
        "facilitateur avec les pièces justificatives (contrats, relevés d'heures, factures des structures "
        "partenaires). L'acheteur peut demander tout document complémentaire." + dire,
    ])


CTRL_MARK = ["justificati", "fiche de suivi", "état des heures", "attestation de réalisation"]


def pen_hour_text(c):
    e = c["errs"]
    if "CS307a" in e:
        return ("une pénalité de 1,5 fois le SMIC horaire brut de 2025, soit 11,88 €, est appliquée par heure "
                "non réalisée")
    if "CS307b" in e:
        return "une pénalité dont le montant sera arrêté ultérieurement par l'acheteur est due par heure manquante"
    return {
        0: "une pénalité égale à 1,5 fois le SMIC horaire brut en vigueur à la date du constat est due par "
           "heure non réalisée",
        1: "le titulaire supporte, pour chaque heure d'insertion non effectuée, une pénalité égale à deux fois le "
           "taux horaire brut du SMIC applicable au jour du constat",
        2: "une pénalité forfaitaire de 40 € HT est retenue par heure manquante",
        3: "une somme de 30 € HT par heure non réalisée est déduite des paiements",
    }[c["pen_hour"]]


HPEN_MARK = ["heure non réalisée", "heure d'insertion non effectuée", "heure manquante", "SMIC"]


def pen_late_text(c):
    return {
        0: "150 € par jour calendaire de retard dans la remise des documents de suivi",
        1: "300 € par semaine de retard dans la transmission des éléments de suivi",
        2: "100 € par document manquant ou incomplet à l'échéance fixée",
    }[c["pen_late"]]


LPEN_MARK = ["jour calendaire de retard", "semaine de retard", "document manquant"]


# ------------------------------------------------------------------ hours
def stated(c):
    """Hours stated in the documents per lot (by kind), and the key's lots."""
    out = {}
    for lot in c["lots"]:
        num, title, amount, trade = lot[:4]
        opts = lot[4] if len(lot) > 4 else {}
        if opts.get("excluded"):
            continue
        h = computed(amount, trade)
        if opts.get("cs405"):
            h = 140
        if h is None:
            continue
        if opts.get("cs403"):
            h = round_h(Fraction(h * 4))
        if opts.get("cs301"):
            h = "?"
        out[num] = h
    return out


def lot_hours_in(c, kind):
    """The figure a given kind of piece prints for each lot (None: lot absent, '?': à préciser)."""
    st = stated(c)
    res = {}
    for num, h in st.items():
        v = h
        opts = lotopts(c, num)
        if kind == "AE" and opts.get("cs401") and h != "?":
            v = h + 35
        if kind == "AE" and opts.get("cs404"):
            v = None
        res[num] = v
    return res


def lotopts(c, num):
    for lot in c["lots"]:
        if lot[0] == num:
            return lot[4] if len(lot) > 4 else {}
    return {}


def hword(c, h):
    if h == "?":
        return "à préciser"
    if c.get("ac_years"):
        return f"{hnum(h)} heures par an"
    return f"{hnum(h)} heures"


def hours_table(c, kind, with_amount=False):
    hs = lot_hours_in(c, kind)
    head = ["Lot", "Intitulé"] + (["Estimation"] if with_amount else []) + [
        "Heures d'insertion par an" if c.get("ac_years") else "Heures d'insertion"]
    rows = [head]
    total = 0
    for lot in c["lots"]:
        num, title, amount, trade = lot[:4]
        opts = lot[4] if len(lot) > 4 else {}
        if kind == "AE" and opts.get("cs404"):
            continue
        if num in hs:
            v = hs[num]
            cell = "à préciser" if v == "?" else hnum(v)
            if v != "?":
                total += v
        else:
            cell = opts.get("nc", "Non concerné")
        rows.append([num, title] + ([money(amount)] if with_amount else []) + [cell])
    return rows, total


def hours_prose(c, kind):
    hs = lot_hours_in(c, kind)
    if c.get("unique"):
        h = hs.get("unique")
        if c.get("ac_years"):
            y = c["ac_years"]
            return (f"Le titulaire réalise au minimum {hword(c, h)} d'insertion, soit {hnum(h * y)} heures "
                    f"sur la durée maximale de l'accord-cadre ({y} ans).")
        return f"Le volume d'insertion exigé est de {hword(c, h)} de travail sur la durée du marché."
    parts = []
    for lot in c["lots"]:
        num, title = lot[0], lot[1]
        opts = lot[4] if len(lot) > 4 else {}
        if kind == "AE" and opts.get("cs404"):
            continue
        if num in hs:
            parts.append(f"lot {num} ({title}) : {hword(c, hs[num])}")
        else:
            parts.append(f"lot {num} ({title}) : {opts.get('nc', 'non concerné')}")
    return "Les heures d'insertion sont réparties ainsi : " + " ; ".join(parts) + "."


def total_line(c, kind):
    hs = lot_hours_in(c, kind)
    tot = sum(v for v in hs.values() if isinstance(v, int))
    if "CS402" in c["errs"] and kind == "CCAP":
        tot += 100
    return f"Total des heures d'insertion, tous lots confondus : {hnum(tot)} heures."


# ------------------------------------------------------------------ pieces
def trap_lines(c, where):
    return [t for w, t in c.get("traps", []) if w == where]


def clause_blocks(c, rng, d, art, kind="CCAP"):
    """Full clause in sub-articles (or prose) appended to d under article number art."""
    e = c["errs"]
    sub = c.get("sub", True)
    d.h(1, art, c.get("clause_title", "Clause sociale d'insertion"))
    items = []
    items.append(("Objet et fondement", [basis_text(c, rng)]))
    if "CS301all" in e:
        items.append(("Volume d'heures", ["Le volume d'heures d'insertion sera communiqué au titulaire lors de "
                                          "la réunion de démarrage."]))
    elif c.get("tranche"):
        items.append(("Volume d'heures", [c["tranche"]]))
    elif "CCAP" not in c["hours_in"] and kind == "CCAP":
        items.append(("Volume d'heures", ["Le nombre d'heures d'insertion exigé pour chaque lot est porté à "
                                          "l'acte d'engagement, qui fait foi."]))
    else:
        if c.get("unique") or c.get("hours_form") == "prose":
            items.append(("Volume d'heures", [hours_prose(c, kind)]))
        else:
            rows, _ = hours_table(c, kind)
            items.append(("Volume d'heures", [("t", rows), total_line(c, kind)] if c.get("total") else [("t", rows)]))
        for note in c.get("lot_notes", []):
            items[-1][1].append(note)
    if "CS302" not in e:
        items.append(("Publics éligibles", [publics_text(c, rng)]))
    if "CS303" not in e:
        items.append(("Modalités de mise en œuvre", [modal_text(rng)]))
    items.append(("Accompagnement", [fac_text(c, rng)]))
    if "CS305" not in e:
        items.append(("Suivi et contrôle", [control_text(c, rng)]))
    pen = []
    if c.get("pen_where") == "general":
        if "CS306" not in e or not ("CS305" in e or "CS308" in e):
            pen.append(f"Les manquements à la présente clause sont sanctionnés dans les conditions de l'article "
                       f"{c['pen_art']}.")
    else:
        if "CS306" not in e:
            t = pen_hour_text(c)
            pen.append("Si le volume d'heures n'est pas atteint, " + t + ", après constat contradictoire du "
                       "facilitateur.")
        if "CS305" not in e and "CS308" not in e:
            pen.append("Tout retard dans l'envoi des pièces de suivi donne lieu à une pénalité de "
                       + pen_late_text(c) + ".")
    if pen:
        items.append(("Sanctions", pen))
    items.extend(c.get("clause_extra", []))
    for i, (title, paras) in enumerate(items, 1):
        if sub:
            d.h(2, f"{art}.{i}", title)
        for p in paras:
            if isinstance(p, tuple):
                d.t(p[1])
            else:
                d.p(p)


def general_pen_blocks(c, d, art):
    e = c["errs"]
    d.h(1, art, "Pénalités")
    d.p("Faute d'achèvement dans le délai contractuel, le titulaire encourt une pénalité de 1/2 000 du montant "
        "du marché par jour de retard." if c["nature"] == "travaux" else
        "En cas de retard d'exécution, les pénalités prévues par le CCAG-FCS s'appliquent.")
    if c.get("pen_where") == "general":
        d.h(2, f"{art}.2", "Manquements à la clause d'insertion")
        if "CS306" not in e:
            d.p("Lorsque les heures d'insertion ne sont pas toutes réalisées, " + pen_hour_text(c) + ".")
        if "CS305" not in e and "CS308" not in e:
            d.p("Le défaut de transmission des documents de suivi est sanctionné à raison de "
                + pen_late_text(c) + ".")


def has_clause(c):
    return c.get("clause", True) is True


def build_ccap(c, rng):
    e = c["errs"]
    d = Doc(c.get("ccap_title", "Cahier des clauses administratives particulières"),
            hstyle=c["h1"], h2style=c["h2"], author=c["buyer"][:40])
    d.subtitle = f"{c['buyer']} — {c['objet']} — marché n° {c['ref']}"
    n = 1
    d.h(1, n, "Objet et durée")
    d.p(f"Le présent cahier fixe les stipulations administratives du marché « {c['objet']} ».")
    for t in trap_lines(c, "CCAP"):
        d.p(t)
    if not c.get("unique"):
        rows = [["Lot", "Désignation"]] + [[l[0], l[1]] for l in c["lots"]]
        d.t(rows)
    n += 1
    d.h(1, n, "Pièces contractuelles")
    trav = c["nature"] == "travaux"
    ccag = ("du CCAG-Travaux approuvé par l'arrêté du 8 septembre 2009" if "CS203a" in e else
            "du CCAG-Travaux approuvé par l'arrêté du 30 mars 2021" if trav else
            "du CCAG-FCS approuvé par l'arrêté du 30 mars 2021")
    d.p(f"Le marché est constitué, par ordre de priorité décroissante, de l'acte d'engagement, du présent "
        f"cahier et de ses annexes, du CCTP, des documents financiers et {ccag}.")
    n += 1
    d.h(1, n, "Prix et règlement")
    d.p("Les prix sont fermes et actualisables. Le délai global de paiement est de 30 jours." if trav else
        "Les prix sont révisés une fois par an. Le délai global de paiement est de 30 jours.")
    pen_art = None
    if has_clause(c) and c["placement"] == "ccap" and "CS101" not in e:
        n += 1
        art_clause = n
        n += 1
        pen_art = n
        c["pen_art"] = f"{pen_art}.2"
        clause_blocks(c, rng, d, art_clause)
        general_pen_blocks(c, d, pen_art)
    elif has_clause(c) and c["placement"] in ("annex", "ae_annex") and "CS101" not in e:
        n += 1
        an = c["files"]["ANNEXE"][0]
        d.h(1, n, c.get("clause_title", "Clause sociale d'insertion"))
        where = "à l'annexe n° 1 de l'acte d'engagement" if c["placement"] == "ae_annex" else "à l'annexe n° 1 du présent cahier"
        c["pen_art"] = f"{n + 1}.2 du CCAP"
        d.p(f"Le marché comporte une condition d'exécution sociale. L'ensemble de ses stipulations (fondement, "
            f"heures, publics, modalités, accompagnement, contrôle et sanctions) figure {where} "
            f"(fichier « {an} »), qui a valeur contractuelle.")
        n += 1
        general_pen_blocks(c, d, n)
    else:
        n += 1
        general_pen_blocks(c, d, n)
    n += 1
    d.h(1, n, "Résiliation et litiges")
    d.p("Les stipulations du CCAG s'appliquent. Le tribunal administratif territorialement compétent connaît des "
        "litiges.")
    if "CS903a" in e:
        d.comments.append((len(d.blocks) - 1, "À revoir avec le service juridique avant mise en ligne."))
    if "CS903b" in e:
        d.tracked.append((len(d.blocks) - 1, " La médiation est privilégiée.", " Toute conciliation est exclue."))
    return d


def build_annex(c, rng):
    d = Doc(c.get("annex_title", "Annexe n° 1 — Clause sociale d'insertion"), hstyle="num", h2style="dotdot",
            author=c["buyer"][:40])
    d.subtitle = f"{c['buyer']} — {c['objet']}"
    if "CS101" in c["errs"]:
        d.p("Document d'information à l'attention des candidats.")
    clause_blocks(c, rng, d, 1, kind="ANNEXE")
    if c.get("pen_where") == "general":
        pass
    return d


def build_engagement(c, rng):
    d = Doc("Fiche d'engagement — clause d'insertion", hstyle="num", h2style="dotdot", author=c["buyer"][:40])
    d.subtitle = f"{c['buyer']} — {c['objet']}"
    d.p("À compléter et signer par le titulaire ; cette fiche vaut engagement sur les heures ci-dessous, dans les "
        "conditions de la clause d'insertion du CCAP.")
    d.t(hours_table(c, "ANNEXE")[0])
    d.p("Voie(s) envisagée(s) : ☐ recrutement direct  ☐ structure d'insertion  ☐ autre : ________")
    d.p("Nom et qualité du signataire : ____________________")
    return d


def build_rc(c, rng):
    e = c["errs"]
    d = Doc("Règlement de la consultation", hstyle=c.get("rc_h1", c["h1"]), h2style=c["h2"], author=c["buyer"][:40])
    d.subtitle = f"{c['buyer']} — {c['objet']}"
    ds = c.get("date_style", 0)
    d.p(f"Date d'envoi à la publication : {fdate(c['sent'], ds)}")
    d.h(1, 1, "Objet et procédure")
    d.p(c["procedure"])
    for t in trap_lines(c, "RC"):
        d.p(t)
    if "CS205a" in e:
        d.p("Pour mémoire, le seuil de procédure formalisée applicable aux fournitures et services des "
            "collectivités est fixé à 221 000 € HT.")
    if "CS205b" in e:
        d.p("Les besoins inférieurs à 40 000 € HT peuvent faire l'objet d'un achat sans publicité ni mise en "
            "concurrence préalables ; tel n'est pas le cas de la présente consultation.")
    if c.get("unique"):
        d.p(f"Le marché n'est pas alloti. Montant estimé : {money(c['lots'][0][2])}"
            + (" par an." if c.get("ac_years") else "."))
    else:
        d.p("La consultation est divisée en lots :")
        d.t([["Lot", "Intitulé", "Montant estimé"]] + [[l[0], l[1], money(l[2])] for l in c["lots"]])
    d.h(1, 2, "Conditions d'exécution")
    if c.get("clause") == "sans":
        d.p("Clause sociale : sans objet.")
    elif c.get("clause") == "derog":
        d.p(c["derog"])
    elif c.get("clause") is False:
        d.p("Le délai d'exécution et les conditions de livraison sont fixés au cahier des charges.")
    elif "CS102" in e:
        d.p("Les conditions d'exécution sont précisées au cahier des clauses administratives particulières.")
    else:
        if c.get("cahier"):
            d.p("Le contrat comporte une clause sociale d'insertion, condition d'exécution décrite au cahier des "
                "charges.")
        else:
            covered = [n for n in stated(c)]
            lots = "" if c.get("unique") else " Lots concernés : " + ", ".join(covered) + "."
            d.p("Le marché comporte une condition d'exécution à caractère social : une action d'insertion "
                "professionnelle, dont le détail figure au CCAP." + lots)
        if "RC" in c["hours_in"] and "CS301all" not in e and not c.get("tranche"):
            if c.get("unique") or c.get("hours_form") == "prose":
                d.p(hours_prose(c, "RC"))
            else:
                d.t(hours_table(c, "RC")[0])
        if c.get("tranche") and "RC" in c["hours_in"]:
            d.p(c["tranche"])
        if c.get("rc_fac") and "CS304" not in e:
            f = c["fac"]
            d.p(f"Pour toute question sur la clause, les candidats peuvent joindre {f['struct']} ({f['mail']}).")
    d.h(1, 3, "Jugement des offres")
    d.p(c.get("criteria", "Critères : prix (60 %), valeur technique (40 %) appréciée au vu du mémoire."))
    d.h(1, 4, "Renseignements")
    d.p(f"Questions par la plateforme de dématérialisation, au plus tard 8 jours avant la date limite. "
        f"Service de la commande publique : {c.get('buyer_tel', '01 99 00 41 10')}.")
    return d


def build_ae(c, rng, lot=None):
    e = c["errs"]
    title = "Acte d'engagement" + (f" — lot {lot}" if lot else "")
    d = Doc(title, hstyle="num", h2style="dotdot", author=c["buyer"][:40])
    d.subtitle = f"{c['buyer']} — {c['objet']}"
    d.h(1, 1, "Identification du candidat")
    d.p("Nom, raison sociale, SIRET : ____________________")
    d.h(1, 2, "Prix")
    d.p("Le candidat s'engage sur les prix de son offre, établis sur la base des documents de la consultation.")
    if has_clause(c) and "CS103" not in e:
        d.h(1, 3, "Engagement d'insertion")
        if "CS301all" in e:
            d.p("Le candidat s'engage à exécuter la clause sociale d'insertion prévue par le CCAP.")
        elif c.get("tranche"):
            d.p("Le candidat s'engage à réaliser les heures d'insertion prévues au CCAP. " + c["tranche"])
        elif c["placement"] == "ae_annex":
            d.p("Le candidat s'engage à exécuter la clause sociale d'insertion figurant à l'annexe n° 1 au présent "
                "acte, dont il déclare avoir pris connaissance.")
        else:
            hs = lot_hours_in(c, "AE")
            if lot:
                v = hs.get(lot)
                if v is not None and lot in hs:
                    d.p(f"Pour ce lot, le candidat s'engage à réaliser {hword(c, v)} d'insertion.")
                else:
                    d.p("Ce lot n'est pas concerné par la clause d'insertion.")
            elif c.get("unique") or c.get("hours_form") == "prose":
                d.p("Le candidat s'engage à respecter la clause d'insertion. " + hours_prose(c, "AE"))
            else:
                d.p("Le candidat s'engage, pour le ou les lots attribués, à réaliser les heures suivantes :")
                d.t(hours_table(c, "AE")[0])
    d.h(1, 4, "Signature")
    d.p("Fait à ____________, le ____________. Signature du représentant habilité.")
    return d


def build_avis(c, rng):
    e = c["errs"]
    d = Doc("Avis d'appel public à la concurrence", hstyle="num", h2style="dotdot", author=c["buyer"][:40])
    rows = [["Rubrique", "Contenu"], ["Acheteur", c["buyer"]], ["Objet", c["objet"]],
            ["Date d'envoi du présent avis", fdate(c["sent"], 1)], ["Procédure", c["procedure"]]]
    if has_clause(c) and "CS104" not in e:
        rows.append(["Conditions d'exécution", "Clause sociale d'insertion (voir CCAP)."])
    for t in trap_lines(c, "AVIS"):
        rows.append(["Informations complémentaires", t])
    rows.append(["Date limite", "Voir le règlement de la consultation"])
    d.t(rows)
    return d


def build_cctp(c):
    d = Doc("Cahier des clauses techniques particulières", hstyle="num", h2style="dotdot", author=c["buyer"][:40])
    d.subtitle = c["objet"]
    d.h(1, 1, "Description des prestations")
    d.p(c.get("cctp_text", "Les prestations sont décrites ci-après ; le titulaire fournit les moyens humains et "
                           "matériels nécessaires."))
    d.h(1, 2, "Normes")
    d.p("Les normes et DTU en vigueur à la date de remise des offres s'appliquent.")
    return d


# ------------------------------------------------------------------ writing
def write(doc, path: Path, fmt, seed):
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "docx":
        R.render_docx(doc, path)
    elif fmt == "docx_auto":
        doc.autonum = True
        R.render_docx(doc, path)
    elif fmt == "pdf":
        R.render_pdf(doc, path)
    elif fmt == "lo":
        R.soffice_pdf(doc, path)
    elif fmt == "odt":
        R.render_odt(doc, path)
    elif fmt == "odt_outline":
        R.render_odt(doc, path, outline=True)
    elif fmt == "scan":
        R.render_scanned_pdf(doc, path, seed=seed)
    elif fmt == "encrypted":
        R.render_pdf(doc, path, password="b9secret")
    elif fmt == "truncated":
        R.render_docx(doc, path)
        R.damage_truncate(path, 0.45)
    else:
        raise ValueError(fmt)


def build_case(c, root: Path):
    """Writes the folder; returns (texts by file, kinds by file)."""
    rng = random.Random(int(hashlib.sha256(c["name"].encode()).hexdigest()[:12], 16))
    seed = rng.randint(0, 10 ** 6)
    folder = root / c["name"]
    texts, kinds = {}, {}
    files = c["files"]
    c["oblig"] = oblig_applies(c) and has_clause(c)
    builders = {"RC": build_rc, "CCAP": build_ccap, "AVIS": build_avis, "ANNEXE": build_annex,
                "ENGAGEMENT": build_engagement}
    kindmap = {"RC": "RC", "CCAP": "CCAP", "AVIS": "AAPC", "ANNEXE": "ANNEXE_CLAUSE", "AE": "AE",
               "ENGAGEMENT": "ANNEXE_CLAUSE"}
    for role in ("CCAP", "ANNEXE", "ENGAGEMENT", "RC", "AVIS"):
        if role not in files:
            continue
        fname, fmt = files[role][:2]
        doc = builders[role](c, random.Random(f"{c['name']}-{role}"))
        write(doc, folder / fname, fmt, seed)
        texts[fname] = doc.text()
        kinds[fname] = kindmap[role]
        if role == "CCAP" and c.get("dup_ccap"):
            dn = c["dup_ccap"]
            (folder / dn).write_bytes((folder / fname).read_bytes())
            texts[dn] = doc.text()
            kinds[dn] = "CCAP"
    if "AE" in files:
        spec = files["AE"]
        if isinstance(spec, list):
            for fname, fmt, lot in spec:
                doc = build_ae(c, rng, lot)
                write(doc, folder / fname, fmt, seed)
                texts[fname] = doc.text()
                kinds[fname] = "AE"
        else:
            fname, fmt = spec[:2]
            doc = build_ae(c, rng)
            write(doc, folder / fname, fmt, seed)
            texts[fname] = doc.text()
            kinds[fname] = "AE"
    if c.get("rc_versions"):
        # RC_v1 / RC_v2: only the version line differs
        v1, v2 = c["rc_versions"]
        for fname, ver in ((v1, "Version du 2 septembre 2026"), (v2, "Version du 9 septembre 2026")):
            doc = build_rc(c, random.Random(f"{c['name']}-RC"))
            doc.blocks.insert(0, ("p", ver))
            write(doc, folder / fname, "pdf", seed)
            texts[fname] = doc.text()
            kinds[fname] = "RC"
    for ex in c.get("extra", []):
        kind, fname = ex[0], ex[1]
        p = folder / fname
        p.parent.mkdir(parents=True, exist_ok=True)
        if kind == "plan":
            R.render_plan(p, [c["objet"][:60], f"Plan — {fname}", "Échelle 1/200"], seed=seed)
            texts[fname] = ""
            kinds[fname] = None
        elif kind == "notes":
            t = ex[2]
            p.write_text(t, encoding="utf-8")
            texts[fname] = t
            kinds[fname] = None
        elif kind in ("CCTP", "CCTP_scan", "CCTP_trunc"):
            d = build_cctp(c)
            fmt = {"CCTP": ex[2] if len(ex) > 2 else "docx", "CCTP_scan": "scan", "CCTP_trunc": "truncated"}[kind]
            write(d, p, fmt, seed)
            texts[fname] = d.text() if kind == "CCTP" else ""
            kinds[fname] = "CCTP" if kind == "CCTP" else None
        elif kind in ("BPU", "DPGF", "DQE"):
            rows = [["N°", "Désignation", "Unité", "Prix unitaire HT"]] + [
                [f"{i}", lab, u, ""] for i, (lab, u) in enumerate(ex[2], 1)]
            R.render_xlsx([(kind, rows)], p, title=f"{kind} — {c['objet']}")
            texts[fname] = "\n".join(" | ".join(map(str, r)) for r in rows)
            kinds[fname] = kind
        elif kind in ("DQE_enc", "DPGF_scan"):
            d = Doc("Détail quantitatif estimatif" if kind == "DQE_enc" else "Décomposition du prix global",
                    author=c["buyer"][:40])
            d.t([["Poste", "Quantité", "Prix"]] + [[lab, "1", ""] for lab, _u in ex[2]])
            write(d, p, "encrypted" if kind == "DQE_enc" else "scan", seed)
            texts[fname] = ""
            kinds[fname] = None
        elif kind == "planning":
            d = Doc("Planning prévisionnel", author=c["buyer"][:40])
            d.t([["Phase", "Début", "Fin"]] + [[a, b, cc] for a, b, cc in ex[2]])
            write(d, p, "pdf", seed)
            texts[fname] = d.text()
            kinds[fname] = None
        elif kind == "draft":
            d = Doc(ex[2], author="Utilisateur")
            for para in ex[3]:
                d.p(para)
            write(d, p, "docx" if fname.endswith(".docx") else "odt", seed)
            texts[fname] = d.text()
            kinds[fname] = None
        else:
            raise ValueError(kind)
    return texts, kinds


def oblig_applies(c):
    if c["sent"] < OBLIG:
        return False
    value = sum(l[2] for l in c["lots"]) * (c.get("ac_years") or 1)
    if c.get("value"):
        value = c["value"]
    thr = 5404000 if c["nature"] == "travaux" else (140000 if c.get("state") else 216000)
    return value >= thr
