"""Drafting of the pieces of the twelfth blind corpus, and the hours calculation.

Every wording here was written for this corpus, in French, from the facts of
shared/domain/reference.md and shared/spec/*.md. A case (cases.py) is a dict; `build(c)` returns
the list of pieces to write, each with its kind, its text (a render.Doc, xlsx sheets or plain
text) and the hours per lot that it states."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction as F
from math import floor

from .render import Doc

# --------------------------------------------------------------------------- hours (hours.md)
RANGES = {  # reference.md § 6.2, practice defaults (low, high)
    "vrd": (25, 35), "gros_oeuvre": (40, 50), "charpente_bois": (30, 40),
    "charpente_metallique": (20, 20), "couverture_etancheite": (35, 45),
    "menuiseries_exterieures": (20, 30), "menuiseries_interieures": (35, 45),
    "platrerie": (50, 60), "peinture": (60, 70), "revetements_sols": (40, 50),
    "electricite": (40, 50), "plomberie_cvc": (30, 40), "ascenseurs": (15, 25),
    "espaces_verts_creation": (40, 50), "espaces_verts_entretien": (60, 70),
    "nettoyage": (80, 90), "collecte_dechets": (50, 60), "restauration": (40, 50),
    "demolition_desamiantage": (40, 60), "fournitures": (0, 0),
}
MO = {k: F(a + b, 200) for k, (a, b) in RANGES.items()}  # middle of the range
RATE, COST, STEP, MIN_H = F(5, 100), F(30), 5, 70


def raw_hours(amount, trade, m=None):
    m = MO[trade] if m is None else F(m)
    return F(amount) * m * RATE / COST


def hours(amount, trade):
    r = raw_hours(amount, trade)
    return int(floor(r / STEP + F(1, 2))) * STEP


def hours_range(amount, trade):
    lo, hi = RANGES[trade]
    return (float(F(amount) * F(lo, 100) * RATE / COST), float(F(amount) * F(hi, 100) * RATE / COST))


# --------------------------------------------------------------------------- formatting
NNBSP, NBSP = "\u202f", "\u00a0"


def grp(n, sep=" "):
    s = f"{int(n):,}".replace(",", sep)
    return s


def money(a, sep=" "):
    return f"{grp(a, sep)} € HT"


def fh(h, style="heures", sep=" "):
    n = grp(h, sep)
    return {
        "heures": f"{n} heures",
        "h00": f"{n} h 00",
        "hdot": f"{n} h.",
        "H": f"{n} H",
        "h": f"{n} h",
    }[style]


MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]


def dfr(d, style="num"):
    if style == "num":
        return d.strftime("%d/%m/%Y")
    return f"{d.day}{'er' if d.day == 1 else ''} {MONTHS[d.month - 1]} {d.year}"


# --------------------------------------------------------------------------- helpers on a case
def is_ac(c):
    return c.get("ac") is not None


def marche(c):
    return "l'accord-cadre" if is_ac(c) else "le marché"


def marche_cap(c):
    return "L'accord-cadre" if is_ac(c) else "Le marché"


def lot_label(c, lot):
    st = c.get("lotfmt", "Lot {n}")
    n = lot["num"]
    if st == "Lot 0{n}":
        return f"Lot {int(n):02d}" if n.isdigit() else f"Lot {n}"
    if st == "LOT N°{n} -":
        return f"LOT N°{n}"
    if st == "lot n° {n}":
        return f"Lot n° {n}"
    return f"Lot {n}"


def lot_head(c, lot):
    if c.get("lotfmt") == "LOT N°{n} -":
        return f"LOT N°{lot['num']} - {lot['title']}"
    return f"{lot_label(c, lot)} – {lot['title']}"


def covered(lot):
    return lot.get("covered", True) and not lot.get("reserved")


def lot_hours(c):
    """hours written for each lot in the clause pieces (before per-piece plants)"""
    out = {}
    for lot in c["lots"]:
        if not covered(lot):
            continue
        if c.get("mode") == "ms_tranche":
            continue
        if lot.get("fixed") is not None:
            out[lot["num"]] = lot["fixed"]
            continue
        h = hours(lot["amount"], lot["trade"])
        if "CS403" in c["errs"] and lot["num"] in c["errs"]["CS403"]["lots"]:
            h = h * 4
        out[lot["num"]] = h
    if "CS301" in c["errs"]:
        for n in c["errs"]["CS301"].get("lots", list(out)):
            out.pop(n, None)
    return out


def est_value(c):
    tot = sum(l["amount"] for l in c["lots"])
    if c.get("mode") == "year" or c.get("annual"):
        tot *= c["years"]
    return tot


def threshold(c):
    if c["nature"] == "travaux":
        return 5404000
    return 140000 if c["buyer_kind"] == "etat" else 216000


def obligation_applies(c):
    return c["launch"] >= dt.date(2026, 8, 21) and est_value(c) >= threshold(c)


def has_clause(c):
    return c.get("clause", "yes") == "yes"


def E(c, code):
    return code in c["errs"]


# --------------------------------------------------------------------------- references
def base_ref(c):
    """the legal basis sentence of the clause (planted CS201 / CS202 here when asked)"""
    sty = c.get("refsty", 0)
    if E(c, "CS201") and c["errs"]["CS201"]["piece"] == "CCAP":
        return c["errs"]["CS201"]["text"]
    if E(c, "CS202") and c["errs"]["CS202"]["piece"] == "CCAP":
        return c["errs"]["CS202"]["text"]
    main = ["de l'article L. 2112-2 du CCP", "de l'art. L. 2112-2 du Code de la commande publique",
            "de l'article L.2112-2 du Code de la commande publique (ci-après CCP)",
            "des dispositions de l'article L. 2112-2 du CCP"][sty % 4]
    s = f"en application {main}"
    if obligation_applies(c):
        s += (", ainsi que de l'article L. 2112-2-1 du même code, la valeur estimée du besoin étant "
              "égale ou supérieure au seuil européen de procédure formalisée")
    return s


def ccag_ref(c):
    if E(c, "CS203") and c["errs"]["CS203"].get("where") == "clause":
        return c["errs"]["CS203"]["text"]
    return {
        "travaux": "l'article 20.1 du CCAG-Travaux (arrêté du 30/03/2021)",
        "fcs": "l'article 16.1 du CCAG-FCS (arrêté du 30/03/2021)",
        "tic": "l'article 16.1 du CCAG-TIC approuvé par l'arrêté du 30 mars 2021",
        "pi": "l'article 16.1 du CCAG-PI (arrêté du 30 mars 2021)",
    }[c["ccag"]]


def ccag_piece_line(c):
    if E(c, "CS203") and c["errs"]["CS203"].get("where") == "pieces":
        return c["errs"]["CS203"]["text"]
    name = {"travaux": "CCAG-Travaux", "fcs": "CCAG des marchés publics de fournitures courantes et de "
            "services (CCAG-FCS)", "tic": "CCAG-TIC", "pi": "CCAG-PI"}[c["ccag"]]
    return (f"Le {name} approuvé par l'arrêté du 30 mars 2021, dans sa version modifiée en vigueur à la "
            "date de lancement de la consultation.")


# --------------------------------------------------------------------------- clause elements
def publics_items(c):
    fe = "France Travail" if not (E(c, "CS204") and c["errs"]["CS204"]["piece"] == "CCAP"
                                  and c["errs"]["CS204"]["word"] == "pe") else "Pôle emploi"
    qpv = ("résidant dans un quartier prioritaire de la politique de la ville (QPV)"
           if not (E(c, "CS204") and c["errs"]["CS204"]["piece"] == "CCAP"
                   and c["errs"]["CS204"]["word"] == "zus") else "résidant en zone urbaine sensible (ZUS)")
    return [
        f"demandeurs d'emploi de longue durée, inscrits à {fe} depuis plus de 12 mois au cours des "
        "18 derniers mois ;",
        "bénéficiaires du RSA, de l'ASS, de l'AAH ou d'une pension d'invalidité ;",
        "travailleurs reconnus handicapés (RQTH, art. L. 5212-13 du code du travail) ;",
        "jeunes de moins de 26 ans sans qualification ou de niveau infra-bac, sortis du système "
        "scolaire depuis au moins six mois ;",
        "demandeurs d'emploi de 50 ans et plus ;",
        f"personnes {qpv} ;",
        "salariés d'une SIAE (art. L. 5132-4 du code du travail) ou titulaires d'un PASS IAE ;",
        "toute autre personne rencontrant des difficultés particulières d'accès à l'emploi, sur avis "
        + ("motivé du facilitateur." if not E(c, "CS304") else "motivé d'un prescripteur."),
    ]


def modal_items(c):
    return [
        "l'embauche directe par le titulaire (CDI, CDD d'au moins trois mois, contrat "
        "d'apprentissage ou de professionnalisation) ;",
        "la mise à disposition de salariés par une entreprise de travail temporaire d'insertion "
        "(ETTI), une association intermédiaire ou un GEIQ ;",
        "le recours, en sous-traitance ou en co-traitance, à une entreprise d'insertion, un atelier et "
        "chantier d'insertion, une entreprise adaptée ou un ESAT ;",
        "la combinaison de ces modalités, au choix du titulaire.",
    ]


def fac_line(c):
    f = c["fac"]
    return f"{f['structure']} – {f['person']} – tél. {f['tel']} – {f['mail']}"


def pen_hour_text(c):
    if E(c, "CS307"):
        return c["errs"]["CS307"]["text"]
    return c.get("pen", "une pénalité égale à 1,5 fois le SMIC horaire brut en vigueur à la date du "
                         "constat, par heure d'insertion non réalisée")


def pen_doc_text(c):
    return c.get("pen_doc", "une pénalité de 80 € HT par jour de retard dans la transmission des "
                            "documents de suivi")


# --------------------------------------------------------------------------- hours wording
def hours_rows(c, hrs, with_amount=True, kind="CCAP"):
    """table rows: lot | title | (amount) | hours"""
    hsty = c.get("hsty", "heures")
    sep = c.get("sep", " ")
    per = " par an" if c.get("mode") == "year" else ""
    head = ["Lot", "Désignation"] + (["Montant estimé" + (" annuel" if c.get("mode") == "year" else "")]
                                      if with_amount else []) + ["Heures d'insertion" + per]
    rows = [head]
    tot = 0
    for lot in c["lots"]:
        n = lot["num"]
        if kind == "AE" and E(c, "CS404") and n in c["errs"]["CS404"]["lots"]:
            continue
        r = [lot_label(c, lot), lot["title"]] + ([money(lot["amount"], sep)] if with_amount else [])
        if n in hrs:
            r.append(fh(hrs[n], hsty, sep))
            tot += hrs[n]
        elif covered(lot) and E(c, "CS301"):
            r.append("à préciser")
        elif lot.get("reserved"):
            r.append("Non concerné (lot réservé)")
        else:
            r.append("Non concerné")
        rows.append(r)
    return rows, tot


def piece_hours(c, kind):
    """hours per lot stated by a piece of this kind (plants applied)"""
    hrs = dict(lot_hours(c))
    if E(c, "CS401") and c["errs"]["CS401"]["kind"] == kind:
        for n, d in c["errs"]["CS401"]["delta"].items():
            hrs[n] = hrs[n] + d
    if kind == "AE" and E(c, "CS404"):
        for n in c["errs"]["CS404"]["lots"]:
            hrs.pop(n, None)
    return hrs


# --------------------------------------------------------------------------- the clause (CCAP)
def clause_blocks(c, hrs, numbering, hstyle):
    """list of (type, ...) blocks of the clause body. numbering: function(level, idx) -> label."""
    title = c.get("title", "Clause sociale d'insertion")
    B = []
    sep = c.get("sep", " ")
    hsty = c.get("hsty", "heures")

    def H(level, label, text):
        B.append(("H", level, label, text))

    # objet
    H(2, numbering(2, 1), "Objet et fondement")
    intro = ("une condition d'exécution à caractère social destinée à favoriser l'accès ou le retour "
             "à l'emploi de personnes rencontrant des difficultés sociales ou professionnelles "
             "particulières") if not E(c, "CS302") else "une condition d'exécution à caractère social"
    B.append(("p", f"{marche_cap(c)} comporte, {base_ref(c)}, {intro}. Elle précise les stipulations "
              f"de {ccag_ref(c)}, auxquelles elle ne déroge pas."))
    if is_ac(c) and c.get("multi"):
        B.append(("p", "Chaque titulaire de l'accord-cadre est tenu de la présente action pour les "
                  "marchés subséquents ou les bons de commande qui lui sont attribués."))
    # volume
    H(2, numbering(2, 2), "Volume d'heures")
    mode = c.get("mode", "lot")
    if E(c, "CS301") and not c["errs"]["CS301"].get("lots"):
        B.append(("p", "Le volume d'heures d'insertion sera arrêté avec le titulaire lors de la réunion "
                  "de lancement, au vu de son organisation."))
    elif mode == "ms_tranche":
        B.append(("p", f"Pour chaque marché subséquent, le titulaire réalise au moins 35 h d'insertion par "
                  f"tranche de 50{sep}000 € HT du montant du marché subséquent. Le nombre d'heures est "
                  "rappelé dans la lettre de consultation et dans l'acte d'engagement de chaque marché "
                  "subséquent."))
    else:
        lots_cov = [l for l in c["lots"] if l["num"] in hrs]
        if len(c["lots"]) == 1 and c["lots"][0]["num"] == "unique":
            h = hrs.get("unique")
            if mode == "year":
                B.append(("p", f"Le titulaire réalise {fh(h, hsty, sep)} d'insertion par année d'exécution, "
                          f"soit {fh(h * c['years'], hsty, sep)} sur la durée maximale de {c['years']} ans."))
            elif mode == "ac_total":
                B.append(("p", f"L'accord-cadre porte un volume global de {fh(h, hsty, sep)} d'insertion sur "
                          "toute sa durée. Chaque marché subséquent précise, au prorata de son montant, la "
                          "part de ce volume qu'il comporte."))
            else:
                B.append(("p", f"Le titulaire réalise au minimum {fh(h, hsty, sep)} d'insertion."))
        else:
            if mode == "year":
                B.append(("p", "Le titulaire de chaque lot concerné réalise, par année d'exécution, le "
                          "nombre d'heures d'insertion indiqué ci-dessous :"))
            elif mode == "ac_total":
                B.append(("p", "Le volume d'heures d'insertion est fixé pour toute la durée de "
                          "l'accord-cadre, lot par lot ; les bons de commande l'imputent au prorata de "
                          "leur montant :"))
            else:
                B.append(("p", "Le titulaire de chaque lot concerné réalise au minimum le nombre d'heures "
                          "d'insertion suivant :"))
            rows, tot = hours_rows(c, hrs, with_amount=c.get("ccap_amounts", False))
            if c.get("ccap_total", True) and len(lots_cov) > 1:
                t = tot + (c["errs"]["CS402"]["delta"] if E(c, "CS402") else 0)
                rows.append(["Total", ""] + ([""] if c.get("ccap_amounts", False) else []) + [fh(t, hsty, sep)])
            B.append(("t", rows))
            if mode == "year":
                B.append(("p", f"Ces volumes s'entendent par an ; sur la durée maximale de {c['years']} ans, "
                          f"ils représentent {fh(sum(hrs.values()) * c['years'], hsty, sep)} pour l'ensemble "
                          "des lots concernés."))
            nc = [l for l in c["lots"] if not covered(l)]
            for l in nc:
                if l.get("reserved"):
                    B.append(("p", f"Le {lot_label(c, l).lower()} est réservé en application de l'article "
                              f"{l['reserved']} du CCP ; il ne comporte pas d'heures d'insertion."))
            if any(not l.get("reserved") and not covered(l) for l in nc):
                B.append(("p", "Les lots non concernés présentent un volume de main-d'œuvre trop faible "
                          "pour qu'une action d'insertion y soit proposée."))
        if c.get("calc_xlsx"):
            B.append(("p", f"Le détail du calcul figure à l'annexe « Tableau de calcul des heures "
                      f"d'insertion » (taux d'insertion de 5 %, coût horaire moyen chargé de 30 €)."))
    # publics
    if not E(c, "CS302"):
        H(2, numbering(2, 3), "Publics éligibles")
        B.append(("p", "Les personnes recrutées au titre de la présente action relèvent notamment de "
                  "l'une des catégories suivantes :"))
        for it in publics_items(c):
            B.append(("li", it))
        B.append(("p", "L'éligibilité de chaque personne est validée par le facilitateur avant son "
                  "entrée en parcours." if not E(c, "CS304") else
                  "L'éligibilité de chaque personne est vérifiée avant son entrée en parcours."))
    # modalites
    if not E(c, "CS303"):
        H(2, numbering(2, 4), "Modalités de mise en œuvre")
        B.append(("p", "Le titulaire choisit librement entre :"))
        for it in modal_items(c):
            B.append(("li", it))
    # facilitateur
    if not E(c, "CS304"):
        H(2, numbering(2, 5), "Accompagnement du titulaire")
        B.append(("p", "Le titulaire est accompagné, gratuitement, par le facilitateur désigné par "
                  "l'acheteur, qui l'aide à identifier les candidats et les structures partenaires :"))
        B.append(("p", fac_line(c)))
        B.append(("p", "Le titulaire désigne un correspondant chargé de l'action dans les quinze jours "
                  "qui suivent la notification."))
    elif c["errs"]["CS304"].get("vague"):
        H(2, numbering(2, 5), "Accompagnement du titulaire")
        B.append(("p", "Le titulaire peut solliciter l'appui d'un facilitateur de la clause sociale, dont "
                  "les coordonnées lui seront communiquées ultérieurement."))
    # suivi
    if not E(c, "CS305"):
        H(2, numbering(2, 6), "Contrôle et suivi")
        who = "au facilitateur" if not E(c, "CS304") else "à l'acheteur"
        B.append(("p", f"Le titulaire adresse {who}, avant le 10 de chaque mois, une fiche de suivi "
                  "mensuelle indiquant, pour chaque personne, son statut, la modalité retenue, le type de "
                  "contrat et les heures réalisées, accompagnée des relevés d'heures ou des factures de "
                  "la structure d'insertion. Un bilan final de la clause est remis avec le projet de "
                  "décompte final." + (" Une copie du bilan est adressée à la DIRECCTE." if E(c, "CS204") and
                                       c["errs"]["CS204"]["piece"] == "CCAP" and c["errs"]["CS204"]["word"] == "direccte" else "")))
    # penalites
    if not c.get("pen_in_general"):
        H(2, numbering(2, 7), "Sanctions")
        B.extend(pen_blocks(c))
    else:
        H(2, numbering(2, 7), "Sanctions")
        B.append(("p", f"Les manquements à la présente action sont sanctionnés dans les conditions de "
                  f"l'article {c['pen_in_general']} du présent document."))
    return B


def pen_blocks(c):
    B = []
    hour = not E(c, "CS306")
    doc = not (E(c, "CS305") or E(c, "CS308"))
    if hour:
        B.append(("p", f"Si le nombre d'heures réalisé est inférieur au volume exigé, le titulaire "
                  f"encourt, sans mise en demeure préalable, {pen_hour_text(c)}."))
    if doc:
        B.append(("p", f"Le défaut ou le retard de production des documents de contrôle expose le "
                  f"titulaire à {pen_doc_text(c)}."))
    if not hour and not doc:
        B.append(("p", "Les manquements constatés sont signalés au titulaire par écrit."))
    return B


# --------------------------------------------------------------------------- numbering styles
def num_modern(art):
    return lambda level, i: f"{art}.{i}"


def render_blocks(doc, blocks, style, art, title):
    """adds the clause title and body to doc in the CCAP style"""
    if style == "modern":
        doc.h(1, art, title)
        for b in blocks:
            if b[0] == "H":
                doc.h(2, b[2], b[3])
            else:
                doc.blocks.append(b)
    elif style == "manual":
        doc.pb(f"{art}.\t{title.upper()}")
        for b in blocks:
            if b[0] == "H":
                doc.pb(f"{b[2]} –\t{b[3]}")
            elif b[0] == "li":
                doc.p("\t-\t" + b[1])
            else:
                doc.blocks.append(b)
    elif style == "annex_end":
        doc.h(1, None, f"ANNEXE 2 – {title.upper()}")
        for b in blocks:
            if b[0] == "H":
                doc.h(2, None, f"{b[2]}. {b[3]}")
            else:
                doc.blocks.append(b)


# --------------------------------------------------------------------------- pieces
def header_lines(c):
    return [c["buyer"], f"{c['objet']}", f"Référence : {c['ref']}"]


def proc_text(c):
    s = c["proc"]
    if is_ac(c):
        kind = {"bc": "exécuté par émission de bons de commande (art. R. 2162-13 et suivants du CCP)",
                "ms": "exécuté par la conclusion de marchés subséquents (art. R. 2162-7 et suivants du CCP)"}[c["ac"]]
        who = "multi-attributaire" if c.get("multi") else "mono-attributaire"
        s += f" ; accord-cadre {who} {kind}, conclu pour une durée de {c['years']} ans"
    return s


def lots_table_rows(c, hrs, rc_hours, clause_col=True):
    sep = c.get("sep", " ")
    hsty = c.get("hsty", "heures")
    rows = [["N°", "Intitulé du lot", "Montant estimatif" + (" annuel" if c.get("mode") == "year" else "")
             + " (€ HT)", "Durée", "Code CPV"] + (["Clause d'insertion"] if clause_col else [])
            + (["Heures d'insertion" + (" par an" if c.get("mode") == "year" else "")] if rc_hours else [])]
    for lot in c["lots"]:
        n = lot["num"]
        cl = "Oui" if covered(lot) and has_clause(c) else ("Non – lot réservé" if lot.get("reserved") else "Non")
        r = [lot_label(c, lot), lot["title"], grp(lot["amount"], sep), lot.get("duree", c.get("duree", "12 mois")),
             lot.get("cpv", c.get("cpv", "45000000-7"))] + ([cl] if clause_col else [])
        if rc_hours:
            r.append(fh(hrs[n], hsty, sep) if n in hrs else ("à préciser" if covered(lot) and E(c, "CS301") else "—"))
        rows.append(r)
    return rows


def gen_rc(c, version=None):
    d = Doc(title="Règlement de la consultation", author=c.get("author", "Service achats"))
    d.subtitle = " – ".join(header_lines(c))
    rc_hours = c.get("rc_hours", True)
    hrs = piece_hours(c, "RC")
    clause_ok = has_clause(c) and not E(c, "CS102")
    if version:
        d.p(version)
    d.p(f"Date d'envoi de l'avis à la publication : {dfr(c['launch'], c.get('datesty', 'num'))}")
    d.p("Date limite de remise des offres : " + dfr(c["launch"] + dt.timedelta(days=35)) + " à 12 h 00")
    d.h(1, "1", "Objet et étendue de la consultation")
    d.p(f"La consultation porte sur : {c['objet']}. {c.get('rc_objet_extra', '')}".strip())
    d.p(f"Procédure : {proc_text(c)}. Le Code de la commande publique (ci-après CCP) s'applique.")
    if E(c, "CS205") and c["errs"]["CS205"]["piece"] == "RC":
        d.p(c["errs"]["CS205"]["text"])
    if c.get("rc_criterion"):
        pass
    d.h(1, "2", "Allotissement")
    multi_lots = not (len(c["lots"]) == 1 and c["lots"][0]["num"] == "unique")
    if multi_lots:
        d.p("La consultation est divisée en lots, décrits dans le tableau ci-après.")
        rows = lots_table_rows(c, hrs, rc_hours and clause_ok and c.get("mode") != "ms_tranche",
                               clause_col=clause_ok)
        if c.get("rc_table") == "landscape":
            d.lt(rows)
        else:
            d.t(rows)
        for lot in c["lots"]:
            if lot.get("reserved"):
                d.p(f"Le {lot_label(c, lot).lower()} est réservé, en application de l'article "
                    f"{lot['reserved'].replace('L', 'L.')} du CCP, à des entreprises adaptées et à des "
                    "établissements et services d'aide par le travail (ou structures équivalentes).")
    else:
        d.p(f"La consultation n'est pas allotie : la prestation forme un ensemble indissociable. "
            f"Montant estimatif{' annuel' if c.get('mode') == 'year' else ''} : "
            f"{money(c['lots'][0]['amount'], c.get('sep', ' '))}.")
    if is_ac(c):
        d.p(f"L'accord-cadre est conclu pour une durée de {c['years']} ans à compter de sa notification. "
            + ("Il est attribué à trois opérateurs au plus par lot, remis en concurrence lors de chaque "
               "marché subséquent." if c.get("multi") else "Il est attribué à un seul opérateur par lot."))
    d.h(1, "3", "Contenu du dossier de consultation")
    for f in c["_files"]:
        if f["kind"] in ("RC",) or f.get("hidden"):
            continue
        d.li(f["label"])
    d.h(1, "4", "Présentation des candidatures et des offres")
    d.p("Chaque candidat produit les formulaires DC1 et DC2 (ou documents équivalents), l'acte "
        "d'engagement complété et signé, le cadre de prix et un mémoire technique.")
    d.h(1, "5", "Jugement des offres")
    if c.get("rc_criterion"):
        d.p("Les offres sont classées selon les critères suivants : prix (55 %), valeur technique "
            "(35 %), performance en matière d'insertion professionnelle des publics en difficulté, "
            "appréciée sur la note d'intention du candidat (10 %) — critère prévu à l'art. R. 2152-7 du CCP.")
    else:
        d.p("Les offres sont classées selon les critères suivants : prix (60 %) et valeur technique (40 %), "
            "appréciée sur le mémoire technique.")
    d.h(1, "6", c.get("rc_cond_title", "Conditions particulières d'exécution"))
    if c.get("clause") == "sans":
        d.p(c.get("sans_text", "Condition d'exécution à caractère social (clause sociale d'insertion) : "
                              "sans objet."))
    elif c.get("clause") == "derog":
        d.p(c["derog_text"])
    elif c.get("clause") == "none" or E(c, "CS102"):
        d.p("Les conditions d'exécution sont fixées par le CCAP.")
    else:
        t = c.get("title", "Clause sociale d'insertion")
        if c.get("mode") == "ms_tranche":
            d.p(f"{marche_cap(c)} comporte une condition d'exécution à caractère social (« {t} ») : chaque "
                f"marché subséquent comporte au moins 35 h d'insertion par tranche de "
                f"{grp(50000, c.get('sep', ' '))} € HT de son montant. Le détail figure au CCAP.")
        else:
            cov = [lot_label(c, l) for l in c["lots"] if covered(l)]
            lots_txt = "" if not multi_lots else f" pour les lots suivants : {', '.join(cov)}"
            d.p(f"{marche_cap(c)} comporte une condition d'exécution à caractère social, « {t} », "
                f"{lots_txt.strip() or 'pour l’ensemble des prestations'}. Elle n'est pas un critère de "
                f"sélection des candidatures." + (" Le nombre d'heures de chaque lot figure au tableau de "
                                                   "l'article 2." if rc_hours and multi_lots else ""))
            if rc_hours and not multi_lots and "unique" in hrs:
                per = " par an" if c.get("mode") == "year" else (" sur toute la durée de l'accord-cadre"
                                                                  if c.get("mode") == "ac_total" else "")
                d.p(f"Volume d'heures d'insertion : {fh(hrs['unique'], c.get('hsty', 'heures'), c.get('sep', ' '))}{per}.")
            elif rc_hours and multi_lots and E(c, "CS301") and not c["errs"]["CS301"].get("lots"):
                d.p("Le volume d'heures sera arrêté avec le titulaire après la notification.")
        if c.get("rc_fac", True) and not E(c, "CS304"):
            pass
        if c.get("rc_fac", True) and not E(c, "CS304") and not E(c, "CS102"):
            d.p(f"Les candidats peuvent se renseigner auprès du facilitateur : {fac_line(c)}.")
        if E(c, "CS204") and c["errs"]["CS204"]["piece"] == "RC":
            d.p(c["errs"]["CS204"]["text"])
        if E(c, "CS201") and c["errs"]["CS201"]["piece"] == "RC-clause":
            d.p(c["errs"]["CS201"]["text"])
    d.h(1, "7", "Conditions d'envoi des plis")
    d.p("Les plis sont remis par voie électronique sur le profil d'acheteur ; aucune remise papier "
        "n'est acceptée. Le pli peut être accompagné d'une copie de sauvegarde.")
    d.h(1, "8", "Renseignements complémentaires")
    d.p(f"Questions administratives : {c.get('buyer_contact', 'service de la commande publique, 01 99 00 18 40')}. "
        "Les questions sont posées au plus tard dix jours avant la date limite ; les réponses sont "
        "publiées sur le profil d'acheteur.")
    return d


def gen_ccap(c, version=None):
    style = c.get("ccap_style", "modern")
    d = Doc(title="Cahier des clauses administratives particulières (CCAP)", author=c.get("author", "Service achats"))
    d.subtitle = " – ".join(header_lines(c))
    hdr = (lambda n, t: d.h(1, n, t)) if style != "manual" else (lambda n, t: d.pb(f"{n}.\t{t.upper()}"))
    sub = (lambda n, t: d.h(2, n, t)) if style != "manual" else (lambda n, t: d.pb(f"{n} –\t{t}"))
    if version:
        d.p(version)
    if style == "manual":
        d.p("Document mis à jour à partir du modèle de l'établissement ; la numérotation est celle du "
            "modèle d'origine.")
    hrs = piece_hours(c, "CCAP")
    art_clause = c.get("art_clause", "8")
    hdr("1", "Objet – dispositions générales")
    sub("1.1", "Objet")
    d.p(f"Le présent CCAP fixe les stipulations administratives de {marche(c)} : {c['objet']}.")
    sub("1.2", "Forme du contrat")
    d.p(f"{proc_text(c)}.")
    if len(c["lots"]) > 1:
        sub("1.3", "Décomposition en lots")
        if c.get("lotfmt") == "LOT N°{n} -":
            for l in c["lots"]:
                d.p(lot_head(c, l))
        else:
            d.t([["Lot", "Intitulé"]] + [[lot_label(c, l), l["title"]] for l in c["lots"]])
    hdr("2", "Pièces constitutives")
    d.p("Les pièces constitutives sont, par ordre de priorité décroissante : l'acte d'engagement et ses "
        "annexes ; le présent CCAP et ses annexes ; le CCTP ; le cadre de prix ; puis :")
    d.li(ccag_piece_line(c))
    if E(c, "CS201") and c["errs"]["CS201"]["piece"] == "CCAP" and c["errs"]["CS201"].get("where") == "visa":
        d.li(c["errs"]["CS201"]["visa"])
    hdr("3", "Durée – délais d'exécution")
    d.p(c.get("duree_text", "Les prestations sont exécutées du lundi au vendredi, de 7 h 30 à 18 h 00 ; "
                            "toute intervention en urgence a lieu dans un délai de 4 heures."))
    hdr("4", "Prix – règlement")
    d.p("Les prix sont révisables annuellement. Le délai global de paiement est de 50 jours pour les "
        "établissements publics de santé et de 30 jours dans les autres cas. Une avance est versée "
        "dans les conditions du CCP." if c["buyer_kind"] == "hopital" else
        "Les prix sont révisables annuellement. Le délai global de paiement est de 30 jours. Une "
        "avance est versée dans les conditions du CCP.")
    if style == "manual":
        d.pb("4.1.1 –\tVariation des prix")
        d.p("Les prix sont révisés à chaque date anniversaire par application de l'index de référence du "
            "mois de remise des offres.")
        d.pb("4.1.2 –\tAvance")
        d.p("L'avance est de 10 % du montant initial, sauf renonciation du titulaire dans l'acte d'engagement.")
    if E(c, "CS205") and c["errs"]["CS205"]["piece"] == "CCAP":
        d.p(c["errs"]["CS205"]["text"])
    hdr("5", "Pénalités")
    d.p("Par dérogation au CCAG, les pénalités de retard sont calculées à raison de 1/3 000e du "
        "montant de la commande par jour calendaire de retard d'exécution. Une absence non excusée à "
        "une réunion de suivi donne lieu à une pénalité de 150 € HT.")
    if c.get("pen_in_general") and has_clause(c) and not E(c, "CS101"):
        sub(c["pen_in_general"], "Manquements à l'action d'insertion")
        for b in pen_blocks(c):
            d.blocks.append(b)
    hdr("6", "Assurances")
    d.p("Le titulaire justifie, dans les quinze jours de la notification, d'une assurance couvrant sa "
        "responsabilité civile professionnelle.")
    hdr("7", "Conditions d'exécution environnementales")
    d.p("Le titulaire limite les déchets produits et en assure la traçabilité ; les produits utilisés "
        "disposent d'une fiche de données de sécurité.")
    clause_title = c.get("title", "Clause sociale d'insertion")
    if c.get("clause") == "sans":
        hdr(art_clause, "Condition d'exécution à caractère social")
        d.p(c.get("sans_text", "Condition d'exécution à caractère social (clause sociale d'insertion) : "
                              "sans objet."))
        last = int(art_clause) + 1
    elif c.get("clause") == "derog":
        hdr(art_clause, "Condition d'exécution à caractère social")
        d.p(c["derog_text"])
        last = int(art_clause) + 1
    elif c.get("clause") == "none" or E(c, "CS101"):
        last = int(art_clause)
    else:
        numf = (lambda level, i: "ABCDEFGH"[i - 1]) if style == "annex_end" else num_modern(art_clause)
        blocks = clause_blocks(c, hrs, numf, style)
        if style == "annex_end":
            hdr(art_clause, "Conditions particulières d'exécution – volet social")
            d.p(f"Le titulaire exécute l'action décrite à l'annexe 2 du présent CCAP, « {clause_title} », "
                "qui en fait partie intégrante.")
        else:
            render_blocks(d, blocks, style, art_clause, clause_title)
        last = int(art_clause) + 1
    hdr(str(last), "Résiliation")
    d.p("Les stipulations du CCAG relatives à la résiliation s'appliquent.")
    hdr(str(last + 1), "Dérogations au CCAG")
    d.p("L'article 5 du présent CCAP déroge à l'article du CCAG relatif aux pénalités de retard.")
    if style == "annex_end":
        d.h(1, None, "ANNEXE 1 – LISTE DES SITES")
        d.t([["Site", "Adresse"]] + [[s, a] for s, a in c.get("sites", [("Site principal", "1 rue des Tilleuls")])])
        if has_clause(c) and not E(c, "CS101"):
            render_blocks(d, blocks, "annex_end", art_clause, clause_title)
    if E(c, "CS903") and c["errs"]["CS903"]["piece"] == "CCAP":
        idx = len(d.blocks) - 3
        if c["errs"]["CS903"]["how"] == "comment":
            d.comments.append((idx, c["errs"]["CS903"]["text"]))
        else:
            d.tracked.append((idx, c["errs"]["CS903"]["text"], "ancienne rédaction"))
    return d


def ae_commit_text(c):
    if c.get("mode") == "ms_tranche":
        return ("Le titulaire s'engage à réaliser, sur chaque marché subséquent qui lui est attribué, "
                "au moins 35 h d'insertion par tranche de 50 000 € HT de son montant, dans les conditions "
                "du CCAP.")
    return ("Le candidat s'engage, s'il est retenu, à réaliser l'action d'insertion prévue au CCAP pour le "
            "volume d'heures indiqué ci-dessous.")


def gen_ae(c, lot=None):
    d = Doc(title="Acte d'engagement" + (f" – {lot_label(c, lot)} : {lot['title']}" if lot else ""),
            author=c.get("author", "Service achats"))
    d.subtitle = " – ".join(header_lines(c))
    hrs = piece_hours(c, "AE")
    d.h(1, "A", "Objet de l'acte d'engagement")
    d.p(f"Objet : {c['objet']}" + (f" – {lot_label(c, lot)} {lot['title']}" if lot else "") + ".")
    d.h(1, "B", "Engagement du candidat")
    d.p("Après avoir pris connaissance des pièces du dossier, le candidat s'engage, sans réserve, à "
        "exécuter les prestations aux prix indiqués dans le cadre de prix, l'offre le liant pendant "
        "120 jours à compter de la date limite de remise des offres.")
    d.p("Raison sociale : ……………………………  SIRET : ……………………………")
    clause_ok = has_clause(c) and not E(c, "CS103")
    if clause_ok:
        d.h(1, "C", c.get("title", "Clause sociale d'insertion"))
        d.p(ae_commit_text(c))
        if c.get("mode") != "ms_tranche" and hrs:
            if lot:
                if not covered(lot):
                    d.p(f"Le {lot_label(c, lot).lower()} n'est pas concerné par l'action d'insertion.")
                elif lot["num"] not in hrs:
                    d.p(f"Volume d'heures d'insertion du {lot_label(c, lot).lower()} : à préciser.")
                if lot["num"] in hrs:
                    per = " par an" if c.get("mode") == "year" else ""
                    d.p(f"Volume d'heures d'insertion du {lot_label(c, lot).lower()} : "
                        f"{fh(hrs[lot['num']], c.get('hsty', 'heures'), c.get('sep', ' '))}{per}.")
            elif len(c["lots"]) == 1:
                per = " par an" if c.get("mode") == "year" else ""
                d.p(f"Volume d'heures : {fh(hrs['unique'], c.get('hsty', 'heures'), c.get('sep', ' '))}{per}.")
            else:
                rows, _ = hours_rows(c, hrs, with_amount=False, kind="AE")
                d.t(rows)
        elif E(c, "CS301") and c.get("mode") != "ms_tranche":
            d.p("Volume d'heures : à préciser." if not c["errs"]["CS301"].get("lots") else "")
            if c["errs"]["CS301"].get("lots"):
                rows, _ = hours_rows(c, hrs, with_amount=False, kind="AE")
                d.t(rows)
    d.h(1, "D", "Signature")
    d.p("Fait à …………………, le …………………  Signature du représentant habilité du candidat :")
    return d


def gen_ae_xlsx(c):
    """the AE given as a spreadsheet (habit of some purchasing groups)"""
    hrs = piece_hours(c, "AE")
    sep = c.get("sep", " ")
    rows = [["ACTE D'ENGAGEMENT"], [c["buyer"]], [c["objet"]], [f"Référence : {c['ref']}"], [],
            ["Raison sociale du candidat", ""], ["SIRET", ""], [],
            ["Le candidat s'engage à exécuter les prestations aux prix du bordereau et, pour chaque lot, à "
             "réaliser le volume d'heures d'insertion indiqué (" + c.get("title", "clause sociale d'insertion")
             + ", voir CCAP)."], [],
            ["Lot", "Intitulé", "Montant estimatif (€ HT)", "Heures d'insertion" +
             (" par an" if c.get("mode") == "year" else ""), "Offre du candidat (€ HT)"]]
    for lot in c["lots"]:
        if E(c, "CS404") and lot["num"] in c["errs"]["CS404"]["lots"]:
            continue
        h = hrs.get(lot["num"])
        rows.append([lot_label(c, lot), lot["title"], lot["amount"],
                     (fh(h, c.get("hsty", "heures"), sep) if h is not None else "Non concerné"), ""])
    rows += [[], ["Fait à", "", "le", ""], ["Signature du représentant habilité"]]
    return [("Acte d'engagement", rows, {})]


def gen_calc_xlsx(c):
    """« Tableau de calcul des heures d'insertion »: formulas with cached values"""
    hrs = piece_hours(c, "ANNEXE_CLAUSE")
    rows = [["Tableau de calcul des heures d'insertion"], [c["buyer"] + " – " + c["objet"]],
            [f"Taux d'insertion : 5 % – coût horaire moyen chargé : 30 € – arrondi à 5 h"], [],
            ["Lot", "Intitulé", "Montant estimé HT" + (" annuel" if c.get("mode") == "year" else ""),
             "Taux de main-d'œuvre", "Coût horaire (€)", "Taux d'insertion", "Heures travaillées",
             "Heures d'insertion" + (" par an" if c.get("mode") == "year" else "")]]
    cached = {}
    r0 = len(rows) + 1
    i = r0
    for lot in c["lots"]:
        m = float(MO[lot["trade"]])
        if lot["num"] in hrs:
            hw = F(lot["amount"]) * MO[lot["trade"]] / COST
            computed = hrs[lot["num"]] == hours(lot["amount"], lot["trade"])
            rows.append([lot_label(c, lot), lot["title"], lot["amount"], m, 30, 0.05,
                         f"=C{i}*D{i}/E{i}", f"=ROUND(G{i}*F{i}/5,0)*5" if computed else hrs[lot["num"]]])
            cached[f"G{i}"] = f"{float(hw):.4f}".rstrip("0").rstrip(".")
            if computed:
                cached[f"H{i}"] = str(hrs[lot["num"]])
        else:
            rows.append([lot_label(c, lot), lot["title"], lot["amount"], m, 30, 0.05, "", "Non concerné"])
        i += 1
    tot = sum(hrs.values())
    rows.append(["Total", "", "", "", "", "", "", f"=SUM(H{r0}:H{i - 1})"])
    cached[f"H{i}"] = str(tot)
    return [("Calcul des heures", rows, cached)]


def gen_fiche(c):
    d = Doc(title="Annexe à l'acte d'engagement – Fiche d'engagement insertion", author=c.get("author", "Service achats"))
    d.subtitle = " – ".join(header_lines(c))
    hrs = piece_hours(c, "ANNEXE_CLAUSE")
    d.p(f"Le candidat s'engage à réaliser l'action « {c.get('title', 'Clause sociale d insertion')} » prévue "
        "au CCAP, pour le volume d'heures suivant :")
    rows, _ = hours_rows(c, hrs, with_amount=False)
    d.t(rows)
    d.p("Modalité envisagée (à cocher) : ☐ embauche directe  ☐ mise à disposition (ETTI, AI, GEIQ)  "
        "☐ sous-traitance ou co-traitance avec une SIAE, une EA ou un ESAT" if not E(c, "CS303") else
        "Le candidat précise ici, s'il le souhaite, son organisation : ……………………")
    d.p("Nom et qualité du signataire : ……………………  Date et signature :")
    return d


def gen_aapc(c):
    d = Doc(title="Avis d'appel public à la concurrence", author=c.get("author", "Service achats"))
    d.p(f"Date d'envoi du présent avis à la publication : {dfr(c['launch'])}")
    d.h(1, "I", "Acheteur")
    d.p(c["buyer"])
    d.h(1, "II", "Objet")
    d.p(f"{c['objet']}. {proc_text(c)}.")
    d.p("Lots : " + " ; ".join(lot_head(c, l) for l in c["lots"]) + "."
        if len(c["lots"]) > 1 else "Consultation non allotie.")
    for lot in c["lots"]:
        if lot.get("reserved"):
            d.p(f"Le {lot_label(c, lot).lower()} est un marché réservé (article L.2113-12 du CCP) aux "
                "entreprises adaptées et aux ESAT.")
    d.h(1, "III", "Conditions de participation et d'exécution")
    d.p("Capacités : chiffre d'affaires et références des trois dernières années ; l'exigence de chiffre "
        "d'affaires n'excède pas 1,5 fois le montant estimé.")
    if has_clause(c) and not E(c, "CS104"):
        d.p(f"Conditions particulières d'exécution : {marche(c)} comporte une condition d'exécution à "
            "caractère social (insertion professionnelle" + ("" if E(c, "CS302") else " de personnes éloignées de l'emploi")
            + (" pour les lots " + ", ".join(l["num"] for l in c["lots"] if covered(l)) if len(c["lots"]) > 1 else "")
            + "), détaillée au CCAP.")
    elif c.get("clause") == "sans":
        d.p("Condition d'exécution à caractère social : sans objet.")
    d.h(1, "IV", "Procédure")
    d.p(f"Date limite de réception des offres : {dfr(c['launch'] + dt.timedelta(days=35))} à 12 h 00. "
        "Critères : voir le règlement de la consultation.")
    return d


def gen_cctp(c):
    d = Doc(title="Cahier des clauses techniques particulières (CCTP)", author=c.get("author", "Service technique"))
    d.subtitle = " – ".join(header_lines(c))
    d.h(1, "1", "Description des prestations")
    d.p(c.get("cctp_text", "Les prestations sont décrites par site ; le titulaire fournit le personnel, le "
                           "matériel et les produits nécessaires."))
    d.h(1, "2", "Exigences d'exécution")
    d.p("Le titulaire respecte les consignes de sécurité des sites, notamment les plans de prévention, "
        "et intervient en dehors des heures d'ouverture au public, entre 6 h 00 et 8 h 30 ou après 19 h 00.")
    d.h(1, "3", "Contrôle de la qualité")
    d.p("Un contrôle contradictoire est réalisé chaque mois sur une grille de 20 points ; le taux de "
        "conformité attendu est de 90 %.")
    for l in c["lots"]:
        d.h(2, None, lot_head(c, l))
        d.p(f"Prescriptions propres au {lot_label(c, l).lower()} : se reporter aux plans et au descriptif joint.")
    return d


def gen_price(c, kind):
    lot = c["lots"][0]
    head = {"DPGF": ["N°", "Désignation", "Unité", "Quantité", "Prix unitaire HT", "Montant HT"],
            "BPU": ["N°", "Désignation", "Unité", "Prix unitaire HT"],
            "DQE": ["N°", "Désignation", "Unité", "Quantité", "Prix unitaire HT", "Montant HT"]}[kind]
    title = {"DPGF": "Décomposition du prix global et forfaitaire", "BPU": "Bordereau des prix unitaires",
             "DQE": "Détail quantitatif estimatif"}[kind]
    rows = [[title], [c["buyer"] + " – " + c["objet"]], [f"{lot_label(c, lot)} – {lot['title']}"], [], head]
    items = c.get("price_items", ["Installation et repli", "Prestation courante", "Prestation ponctuelle",
                                  "Intervention en urgence", "Fourniture complémentaire"])
    for i, it in enumerate(items, 1):
        r = [f"{i}", it, "forfait" if i == 1 else "u"]
        if kind != "BPU":
            r += [1 if i == 1 else 10 * i, "", ""]
        else:
            r += [""]
        rows.append(r)
    return [(kind, rows, {})]


def gen_cr(c):
    d = Doc(title="Compte rendu de la réunion de préparation du DCE", author="Assistante du service")
    d.p(f"Réunion du {dfr(c['launch'] - dt.timedelta(days=20))} – présents : service achats, "
        "prescripteur, direction technique.")
    d.li("Relire le cadre de prix avant la mise en ligne.")
    d.li("Vérifier la liste des sites avec les services.")
    d.li("Prochain point téléphonique la semaine suivante.")
    return d
