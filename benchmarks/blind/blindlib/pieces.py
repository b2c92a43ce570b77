"""Builders of the DCE pieces (RC, CCAP/CCP, AE, annex, AAPC, CCTP, price schedules, other files)
from a case description. Mistakes are planted only through the case's `err` dictionary, so that
the answer key (build_corpus.py) and the text come from the same facts."""

from __future__ import annotations

import random

from . import texts as T
from .render import Doc

H1_STYLES = [
    lambda n, t: f"ARTICLE {n} – {t.upper()}",
    lambda n, t: f"Article {n} : {t}",
    lambda n, t: f"{n}. {t.upper()}",
    lambda n, t: f"ARTICLE {n} - {t}",
    lambda n, t: f"Art. {n} – {t}",
    lambda n, t: f"{n} – {t.upper()}",
    lambda n, t: ("ARTICLE PREMIER – " + t.upper()) if n == "1" else f"ARTICLE {n} – {t.upper()}",
    lambda n, t: ("ARTICLE 1ER : " + t.upper()) if n == "1" else f"ARTICLE {n} : {t.upper()}",
]
H2_STYLES = [
    lambda n, t: f"{n} – {t}",
    lambda n, t: f"{n}. {t}",
    lambda n, t: f"{n.replace('.', '-')} {t}",
    lambda n, t: f"Article {n} : {t}",
    lambda n, t: f"{n} {t}",
]
# styles whose text Word can rebuild with automatic numbering (prefix + number + suffix)
AUTONUM_H1 = [lambda n, t: f"Article {n} – {t}", lambda n, t: f"ARTICLE {n} :", ]

CLAUSE_TITLES = [
    "Clause sociale d'insertion", "Insertion par l'activité économique",
    "Conditions particulières d'exécution – clause d'insertion", "Clause d'insertion professionnelle",
    "Action d'insertion", "Conditions d'exécution à caractère social",
]


def lot_label(lot):
    return "Lot unique" if lot["num"] == "unique" else f"Lot {lot['num']}"


class Ctx:
    """What the pieces of one case share while they are written."""

    def __init__(self, case):
        self.case = case
        self.rng = random.Random("blind-" + case.name)
        self.clause_art = None
        self.pen_art = None
        self.annex_name = None
        self.stated = {}  # lot -> {kind: hours}
        self.text = {}  # filename -> plain text (for the self-checks)

    def state(self, kind, lot, value):
        if value is None:
            return
        self.stated.setdefault(lot, {})
        prev = self.stated[lot].get(kind)
        if prev is not None and prev != value:
            raise AssertionError(f"{self.case.name}: two figures for lot {lot} in {kind}")
        self.stated[lot][kind] = value


# =========================================================================== helpers
def new_doc(case, ctx, role, title, autonum=False):
    # one template per kind of piece and per buyer's case: every AE of a case looks alike, and a
    # second version of a piece keeps the look of the first
    st = case.style.setdefault(role, {})
    h1 = st.setdefault("h1", ctx.rng.randrange(len(H1_STYLES)))
    h2 = st.setdefault("h2", ctx.rng.randrange(len(H2_STYLES)))
    if autonum:
        pref = st.get("autonum_fmt", 0)
        f1 = [lambda n, t: f"Article {n} – {t}", lambda n, t: f"ARTICLE {n} - {t}",
              lambda n, t: f"{n}. {t}"][pref]
        doc = Doc(f1, lambda n, t: f"{n} {t}", autonum=True, title=title)
    else:
        doc = Doc(H1_STYLES[h1], H2_STYLES[h2], title=title)
    return doc


def header(doc, case, piece_title, sub=None):
    b = case.buyer
    doc.p(b["name"], bold=True)
    doc.small(b["addr"])
    doc.add_title(piece_title)
    doc.p(case.objet, bold=True)
    doc.p(f"Référence de la consultation : {case.ref}")
    if sub:
        doc.p(sub)


def hv(case, role, lot):
    """Hours of a lot as written in the piece of this role (a planted CS401 changes one role)."""
    e = case.err.get("cs401")
    if e and e["lot"] == lot["num"] and e["role"] == role:
        return e["value"]
    return lot["hours"]


def unit_words(case, lot, short=False):
    if lot.get("unit") == "year":
        return " par an" if not short else "/an"
    return ""


def concerned(case):
    return [l for l in case.lots if l.get("concerned", True)]


def annex_ref(title):
    """« l'annexe n° 2 au CCAP – … » or « l'annexe « Fiche … » »."""
    if title.lower().startswith("annexe"):
        return "l'" + title[0].lower() + title[1:]
    return f"l'annexe « {title} »"


def a_lots(nums):
    ph = T.lots_phrase(nums)
    return ("aux " + ph[4:]) if ph.startswith("les ") else ("au " + ph[3:])


def not_concerned(case):
    return [l for l in case.lots if not l.get("concerned", True)]


def tranche_text(lot, v=0):
    h, amt = lot["tranche"]
    a = T.fmt_int(amt, "\u00a0")
    return [f"{h} H par tranche de {a} € de commandes",
            f"{h} heures d'insertion pour chaque tranche de {a} € HT de bons de commande notifiés",
            f"{h} heures par tranche de {a} € HT commandés"][v % 3]


def lot_hours_phrase(case, role, lot, style, sep):
    """'615 heures', 'six cent quinze (615) heures', '420 heures par an', tranche …"""
    if lot.get("unit") == "tranche":
        return tranche_text(lot, style)
    n = hv(case, role, lot)
    if n is None:
        return None
    return T.hours_str(n, style, sep) + unit_words(case, lot)


# =========================================================================== the clause itself
def hours_block(doc, case, ctx, role, kind):
    """Writes the hours of the clause in one of many shapes; records what it wrote."""
    cl = case.clause
    style = cl.get("hours_style", "table")
    sep = cl.get("sep", " ")
    hst = cl.get("hstyle", 0)
    lots = concerned(case)
    skip = None
    e404 = case.err.get("cs404")
    if e404 and e404["role"] == role:
        skip = e404["lot"]
    rows_lots = [l for l in lots if l["num"] != skip]
    if not case.allotted:
        lot = case.lots[0]
        n = hv(case, role, lot)
        if (("ccap" in case.amounts_in and kind == "CCAP") or
                ("annex" in case.amounts_in and kind == "ANNEXE_CLAUSE")):
            doc.p(("Montant annuel estimé des prestations" if case.ac else "Montant estimé du marché")
                  + f" : {T.fmt_eur(lot['amount'], chr(160))} ({lot['title']}).")
        if lot.get("unit") == "tranche":
            doc.p(f"Le volume d'insertion est fixé à {tranche_text(lot, hst)}, sur la base des "
                  f"montants effectivement commandés.")
            return
        if n is None:
            doc.p(case.err.get("cs301", {}).get("text", "Le nombre d'heures d'insertion sera arrêté "
                  "d'un commun accord avec le facilitateur au cours de la période de préparation."))
            return
        ctx.state(kind, "unique", n)
        u = unit_words(case, lot)
        s = T.fmt_int(n, sep)
        if style == "colon":
            doc.p(f"Nombre d'heures d'insertion à réaliser{' par an' if u else ''} : {s}.")
        elif style == "words":
            doc.p(f"Le titulaire réalise au minimum {T.fr_words(n)} ({s}) heures de travail{u} au "
                  f"titre de l'insertion.")
        elif style == "etp":
            doc.p(f"Le volume horaire d'insertion est de {s} heures{u} (soit environ "
                  f"{str(round(n / 1607, 2)).replace('.', ',')} équivalent temps plein sur la base de "
                  f"1 607 heures annuelles).")
        elif style == "table":
            doc.table([["Objet", "Heures d'insertion" + (" par an" if u else "")],
                       [case.objet, s]])
        else:
            doc.p(f"Le volume d'heures d'insertion à réaliser est fixé à {T.hours_str(n, hst, sep)}{u}.")
        if case.clause.get("total_years") and lot.get("unit") == "year":
            y = case.clause["total_years"]
            doc.p(f"Sur la durée maximale de l'accord-cadre ({y} ans), l'engagement représente donc "
                  f"{T.fmt_int(n * y, sep)} heures.")
        return
    # ---- divided into lots
    amounts = "ccap" in case.amounts_in and kind == "CCAP" or ("annex" in case.amounts_in and kind == "ANNEXE_CLAUSE")
    if style in ("table", "colon", "etp", "words"):
        head = ["Lot", "Intitulé"] + ([("Estimation annuelle (€ HT)" if case.ac else "Estimation (€ HT)")]
                                      if amounts else []) + \
               ["Heures d'insertion" + (" par an" if any(l.get("unit") == "year" for l in lots) else "")]
        rows = [head]
        for l in case.lots:
            if l["num"] == skip:
                continue
            if not l.get("concerned", True):
                if cl.get("list_nc", True):
                    rows.append([l["num"], l["title"]] + ([T.fmt_eur(l["amount"], sep)] if amounts else [])
                                + ["Non concerné"])
                continue
            if l.get("unit") == "tranche":
                cell = tranche_text(l, hst)
            else:
                n = hv(case, role, l)
                cell = T.fmt_int(n, sep) if n is not None else "à préciser"
                ctx.state(kind, l["num"], n)
            rows.append([l["num"], l["title"]] + ([T.fmt_eur(l["amount"], sep)] if amounts else []) + [cell])
        if cl.get("total_row") and kind == "CCAP":
            e = case.err.get("cs402")
            tot = e["total"] if e else sum(hv(case, role, l) or 0 for l in rows_lots)
            rows.append(["", "Total"] + ([""] if amounts else []) + [T.fmt_int(tot, sep)])
        doc.table(rows)
    elif style == "bullets":
        items = []
        for l in rows_lots:
            ph = lot_hours_phrase(case, role, l, hst, sep)
            if l.get("unit") != "tranche":
                ctx.state(kind, l["num"], hv(case, role, l))
            items.append(f"lot {l['num']} ({l['title']}) : {ph if ph else 'nombre d’heures à préciser'} ;")
        doc.p("Le volume d'heures d'insertion est réparti comme suit :")
        doc.bullets(items)
    else:  # sentence
        parts = []
        for l in rows_lots:
            ph = lot_hours_phrase(case, role, l, hst, sep)
            if l.get("unit") != "tranche":
                ctx.state(kind, l["num"], hv(case, role, l))
            parts.append(f"lot {l['num']} – {l['title']} : {ph if ph else 'à préciser'}")
        doc.p("Heures d'insertion à réaliser : " + " ; ".join(parts) + ".")
        if cl.get("total_row") and kind == "CCAP":
            e = case.err.get("cs402")
            tot = e["total"] if e else sum(hv(case, role, l) or 0 for l in rows_lots)
            doc.p(f"Soit un total de {T.fmt_int(tot, sep)} heures pour l'ensemble de l'opération.")
    nc = not_concerned(case)
    if nc and not cl.get("list_nc", True) or (nc and style in ("bullets", "sentence")):
        doc.p(("Les lots " if len(nc) > 1 else "Le lot ") + ", ".join(l["num"] for l in nc)
              + (" ne sont pas concernés" if len(nc) > 1 else " n'est pas concerné")
              + " par la clause d'insertion.")


def clause_elements(case):
    om = set(case.err.get("omit", []))
    return om


def write_clause(doc, case, ctx, where):
    """where: 'ccap' (the CCAP/CCP article, already opened) or 'annex' (full annex)."""
    cl = case.clause
    v = cl["v"]
    om = clause_elements(case)
    nm = T.names(case.inject_for(where_kind(where, case)))
    layout = cl.get("loc", "sub") if where == "ccap" else cl.get("annex_layout", "sub")
    kind = "CCAP" if where == "ccap" else "ANNEXE_CLAUSE"
    role = "CCAP" if where == "ccap" else "ANNEXE"
    basis = T.BASIS[cl.get("basis", "ok")]
    if where == "annex" and cl.get("loc") == "annex":
        basis = T.BASIS[cl.get("basis", "ok")]
    legal = T.legal_intro(v.get("legal", 0), case.ccag, basis, cl.get("ccag_art"),
                          above_eu=cl.get("above_eu", False))
    pen_here = cl.get("pen", "clause") == "clause"

    def sub(title):
        if layout == "sub":
            doc.h2(title)
        elif layout == "flat":
            doc.p(title + ".", bold=True)
        elif layout == "annex_h":
            doc.h1(title)

    sub(["Objet et fondement", "Principe", "Cadre juridique", "Objet de la clause"][v.get("legal", 0) % 4])
    doc.p(legal)
    if cl.get("extra_ref"):
        doc.p(cl["extra_ref"])
    sub(["Volume d'heures d'insertion", "Lots concernés et nombre d'heures", "Engagement horaire",
         "Heures à réaliser"][v.get("hours", 0) % 4])
    hours_block(doc, case, ctx, role, kind)
    if "public" not in om:
        sub(["Publics éligibles", "Public visé", "Personnes bénéficiaires"][v.get("public", 0) % 3])
        T.public_block(doc, v.get("public", 0), nm, anru=cl.get("anru", False))
    if "modal" not in om:
        sub(["Modalités de mise en œuvre", "Modalités de réalisation", "Comment réaliser les heures"]
            [v.get("modal", 0) % 3])
        T.modal_block(doc, v.get("modal", 0))
    if "contact" not in om:
        sub(["Accompagnement par le facilitateur", "Facilitateur", "Interlocuteur"][v.get("contact", 0) % 3])
        T.contact_block(doc, v.get("contact", 0), case.fac, partial=case.err.get("contact_partial", False))
    if "control" not in om:
        sub(["Contrôle et suivi", "Suivi de l'exécution de la clause", "Justificatifs et contrôle"]
            [v.get("control", 0) % 3])
        T.control_block(doc, v.get("control", 0), nm)
        if "direccte" in case.inject_for(where_kind(where, case)):
            doc.p(f"Une copie du bilan est adressée à {nm['ddets']} pour les besoins de l'évaluation "
                  f"des politiques d'emploi.")
    if cl.get("globalisation"):
        sub("Globalisation des heures")
        doc.p("À la demande du titulaire et avec l'accord de l'acheteur, les heures d'insertion de "
              "plusieurs marchés du même acheteur peuvent être regroupées sur un même parcours afin "
              "de proposer des contrats plus longs.")
    pen_lines = pen_sentences(case)
    if pen_here and pen_lines:
        sub(["Pénalités", "Sanctions en cas de manquement", "Pénalités spécifiques"][v.get("penh", 0) % 3])
        for s in pen_lines:
            doc.p(s)
    elif not pen_here and ctx.pen_art and pen_lines:
        doc.p(f"Les pénalités applicables en cas de manquement à l'obligation d'insertion sont fixées à "
              f"l'article {ctx.pen_art} " + ("du présent document." if where == "ccap" else "du CCAP."))


def pen_sentences(case):
    om = clause_elements(case)
    v = case.clause["v"]
    out = []
    if "penh" not in om:
        out.append(T.penh_text(v.get("penh", 0), case.err.get("penh_bad")))
    if "pend" not in om:
        out.append(T.pend_text(v.get("pend", 0)))
    return out


def where_kind(where, case):
    return "CCAP" if where == "ccap" else "ANNEXE"


# =========================================================================== CCAP / CCP
def build_ccap(case, ctx, fname, opts, combined=False):
    autonum = opts.get("autonum", False)
    title = "Cahier des clauses particulières (CCP)" if combined else \
        "Cahier des clauses administratives particulières"
    doc = new_doc(case, ctx, "CCAP", title, autonum=autonum)
    header(doc, case, title.upper() if ctx.rng.random() < 0.5 else title,
           sub=("Document unique valant cahier des clauses administratives et techniques particulières"
                if combined else None))
    c = T.CCAG[case.ccag]
    has_clause = case.clause is not None and "cs101" not in case.err
    works = case.nature == "travaux"
    # outline: the clause article may stand in several places
    outline = ["objet", "pieces", "prix", "delais", "penalites", "clause", "reception", "assurances",
               "resiliation", "litiges", "derogations"]
    if combined:
        outline = ["objet", "pieces", "technique", "prix", "delais", "penalites", "clause",
                   "assurances", "resiliation", "litiges"]
    pos = case.clause.get("art_pos", "after_pen") if case.clause else "after_pen"
    if case.clause is None and case.noclause in ("sans", "derog") and "ccap" in case.noclause_in:
        pass
    elif not has_clause:
        outline.remove("clause")
    if "clause" in outline:
        outline.remove("clause")
        idx = {"after_pen": outline.index("penalites") + 1, "early": 2,
               "after_delais": outline.index("delais") + 1, "late": len(outline) - 1}[pos]
        outline.insert(idx, "clause")
    # numbers (Doc numbering is sequential, so we can know them in advance)
    nums = {k: str(i + 1) for i, k in enumerate(outline)}
    ctx.clause_art = nums.get("clause")
    pen_general = case.clause is not None and case.clause.get("pen") == "general" and has_clause
    if pen_general:
        ctx.pen_art = nums["penalites"] + ".3"
    if case.summary.get("CCAP"):
        rows = [["Acheteur", case.buyer["name"]], ["Objet", case.objet],
                ["Procédure", case.procedure_label()], ["Durée", case.duration]]
        if case.clause is not None and has_clause:
            rows.append(["Clause d'insertion", f"Oui – article {ctx.clause_art}"])
        elif case.noclause == "sans":
            rows.append(["Clauses sociales", "Sans"])
        elif case.noclause == "derog":
            rows.append(["Condition d'exécution sociale", "Non – dérogation justifiée (article "
                         f"{nums.get('clause', '?')})"])
        rows.append(["CCAG applicable", f"{c['short']} 2021"])
        doc.kv(rows, title=case.summary["CCAP"])
    for key in outline:
        if key == "objet":
            doc.h1("Objet du marché – dispositions générales")
            if not case.allotted:
                doc.p(f"Le présent {'document' if combined else 'CCAP'} fixe les conditions d'exécution "
                      f"du marché ayant pour objet : {case.objet}. Le marché n'est pas alloti.")
            else:
                doc.p(f"Le présent CCAP concerne : {case.objet}. Les prestations sont réparties en "
                      f"{len(case.lots)} lots :")
                doc.bullets([f"{lot_label(l)} : {l['title']}" for l in case.lots])
            if case.ac:
                doc.p(case.ac_text())
            doc.p(f"Le titulaire exécute les prestations à {case.buyer['city']}.")
        elif key == "pieces":
            doc.h1("Pièces constitutives du marché")
            doc.p("Par ordre de priorité décroissante, les pièces contractuelles sont :")
            items = ["l'acte d'engagement et ses annexes" +
                     (", dont l'annexe « clause sociale d'insertion »" if case.has_annex() and has_clause else ""),
                     f"le présent {'CCP' if combined else 'CCAP'}"]
            if not combined:
                items.append("le cahier des clauses techniques particulières (CCTP)")
            e = case.err.get("cs203")
            if e and e.get("v") in ("ccag2009",):
                items.append(f"le {c['short']} approuvé par l'arrêté du "
                             f"{'8 septembre 2009' if case.ccag == 'travaux' else '19 janvier 2009'}")
            else:
                items.append(f"le {c['long']} ({c['short']}) approuvé par l'arrêté du 30 mars 2021")
            items.append("la décomposition du prix global et forfaitaire (DPGF)" if works
                         else "le bordereau des prix unitaires (BPU)")
            doc.bullets(items)
        elif key == "technique":
            doc.h1("Spécifications techniques")
            for l in case.lots[:3]:
                doc.p(f"{lot_label(l)} – {l['title']} : " + " ".join(T.CCTP_TRADES.get(l["trade"], T.CCTP_TRADES["fournitures"])[:2]))
        elif key == "prix":
            doc.h1("Prix et modalités de règlement")
            if works:
                doc.p("Les prix sont globaux et forfaitaires, établis en euros hors taxes, révisables "
                      "mensuellement par application de l'index BT01 ou de l'index du lot concerné.")
            else:
                doc.p("Les prestations sont réglées par application des prix unitaires du BPU aux "
                      "quantités réellement exécutées. Les prix sont révisables annuellement.")
            doc.p("Le délai global de paiement est de 30 jours (50 jours pour les établissements "
                  "publics de santé). Une avance de 10 % est versée sauf renonciation du titulaire.")
            e = case.err.get("cs205")
            if e and e["role"] == "CCAP":
                doc.p(e["text"])
        elif key == "delais":
            doc.h1("Délais d'exécution" if works else "Durée du marché")
            if opts.get("tracked"):
                doc.tracked([("n", "Le délai global d'exécution est de "),
                             ("del", "huit mois"), ("ins", "dix mois"),
                             ("n", ", période de préparation comprise, à compter de l'ordre de service "
                                   "de démarrage.")])
            else:
                doc.p(case.duration_text())
        elif key == "penalites":
            doc.h1("Pénalités")
            if works:
                doc.h2("Pénalités de retard")
                doc.p(T.RETARD[ctx.rng.randrange(len(T.RETARD))])
                doc.h2("Autres pénalités")
                doc.p(T.ABSENCE[ctx.rng.randrange(len(T.ABSENCE))])
            else:
                doc.h2("Pénalités pour retard d'exécution")
                doc.p(T.RETARD[ctx.rng.randrange(len(T.RETARD))])
                doc.h2("Pénalités pour défaut de qualité")
                doc.p("Toute prestation non conforme constatée contradictoirement et non reprise dans "
                      "les 48 heures donne lieu à une pénalité de 100 € HT par constat.")
            if pen_general:
                lines = pen_sentences(case)
                doc.h2(["Pénalités relatives à la clause d'insertion", "Pénalités liées à l'action "
                        "d'insertion", "Manquements à l'obligation d'insertion"][case.clause["v"].get("penh", 0) % 3])
                for s in lines:
                    doc.p(s)
                if not lines:
                    doc.p("Sans objet.")
            doc.p("Les pénalités ne sont pas plafonnées, sauf stipulation contraire ci-dessus ; elles "
                  "sont déduites des sommes dues au titulaire.")
        elif key == "clause":
            if case.clause is None:
                doc.h1("Conditions d'exécution")
                if case.noclause == "sans":
                    doc.p(case.sans_text())
                else:
                    doc.p(case.derog_text())
                continue
            cl = case.clause
            t = cl.get("title", CLAUSE_TITLES[cl["v"].get("legal", 0) % len(CLAUSE_TITLES)])
            doc.h1(t)
            if opts.get("comments"):
                doc.commented("La présente clause a été rédigée avec le facilitateur.",
                              "À relire : vérifier les heures avec la facilitatrice avant mise en ligne.")
            if cl.get("loc") == "annex":
                b = T.BASIS[cl.get("basis", "ok")]
                doc.p(f"Le titulaire est soumis à une obligation d'insertion professionnelle de "
                      f"personnes éloignées de l'emploi, prise en application de {b}. Son contenu "
                      f"(lots concernés et heures, publics, modalités, accompagnement, suivi et "
                      f"pénalités) est défini par {annex_ref(ctx.annex_title)}, jointe au présent "
                      f"document, qui a valeur contractuelle.")
                if cl.get("ccap_restates_hours"):
                    hours_block(doc, case, ctx, "CCAP", "CCAP")
            else:
                write_clause(doc, case, ctx, "ccap")
        elif key == "reception":
            doc.h1("Réception" if works else "Admission des prestations")
            doc.p("La réception est prononcée dans les conditions prévues par le CCAG-Travaux, en "
                  "présence du maître d'œuvre." if works and case.ccag == "travaux" else
                  "Les prestations font l'objet d'une vérification quantitative et qualitative dans "
                  "les conditions du CCAG applicable.")
        elif key == "assurances":
            doc.h1("Assurances")
            doc.p("Le titulaire justifie, dans un délai de quinze jours à compter de la notification, "
                  "d'une assurance de responsabilité civile" +
                  (" et d'une assurance décennale." if works else "."))
        elif key == "resiliation":
            doc.h1("Résiliation")
            doc.p("Les stipulations du CCAG relatives à la résiliation s'appliquent. En cas de "
                  "résiliation pour faute, les prestations peuvent être exécutées aux frais et risques "
                  "du titulaire.")
        elif key == "litiges":
            doc.h1("Règlement des litiges")
            doc.p(T.LITIGE.format(trib=case.buyer["trib"]))
        elif key == "derogations":
            doc.h1("Dérogations aux documents généraux")
            rows = [["Article du CCAP", "Article du CCAG auquel il est dérogé"],
                    [nums["penalites"], "article relatif aux pénalités de retard"]]
            if has_clause and case.clause:
                rows.append([ctx.clause_art, f"{case.clause.get('ccag_art') or c['art']} (montant des "
                             f"pénalités d'insertion)"])
            doc.table(rows)
    ctx.text[fname] = doc.plain_text()
    return doc


# =========================================================================== RC
def build_rc(case, ctx, fname, opts):
    doc = new_doc(case, ctx, "RC", "Règlement de la consultation")
    header(doc, case, ["RÈGLEMENT DE LA CONSULTATION", "Règlement de consultation (RC)",
                       "REGLEMENT DE LA CONSULTATION"][ctx.rng.randrange(3)])
    if opts.get("version_note"):
        doc.p(opts["version_note"])
    doc.p(f"Date d'envoi à la publication : {T.fmt_date(case.launch, case.date_style)}")
    doc.p(f"Date limite de réception des offres : {T.fmt_date(case.deadline, case.date_style)} à "
          f"12 h 00")
    if case.summary.get("RC"):
        rows = [["Acheteur", case.buyer["name"]], ["Objet", case.objet],
                ["Procédure", case.procedure_label()],
                ["Allotissement", f"{len(case.lots)} lots" if case.allotted else "Marché non alloti"]]
        if case.clause is not None and "cs102" not in case.err:
            art = ctx.clause_art or "—"
            rows.append(["Clause d'insertion", f"Oui – article {art} du CCAP"
                         if ctx.clause_art else "Oui – voir CCAP"])
        elif case.noclause == "sans" and ("rc" in case.noclause_in or "rc_kv" in case.noclause_in):
            rows.append(["Clauses sociales", "Sans"])
        rows.append(["Date limite de remise des offres", T.fmt_date(case.deadline, 1) + " – 12h00"])
        doc.kv(rows, title=case.summary["RC"])
    doc.h1("Objet de la consultation")
    doc.p(f"La consultation a pour objet : {case.objet}. Lieu d'exécution : {case.buyer['city']}.")
    if case.ac:
        doc.p(case.ac_text())
    doc.h1("Procédure")
    doc.p(case.procedure_text())
    e = case.err.get("cs205")
    if e and e["role"] == "RC":
        doc.p(e["text"])
    for t in case.rc_extra.get("procedure", []):
        doc.p(t)
    doc.h1("Allotissement" if case.allotted else "Décomposition de la consultation")
    if case.allotted:
        show = "rc" in case.amounts_in
        rows = [["Lot", "Intitulé"] + ([("Estimation annuelle (€ HT)" if case.ac else "Estimation (€ HT)")]
                                      if show else [])]
        for l in case.lots:
            rows.append([l["num"], l["title"]] + ([T.fmt_eur(l["amount"], "\u00a0")] if show else []))
        doc.table(rows)
        doc.p("Les candidats peuvent répondre à un ou plusieurs lots. Chaque lot fait l'objet d'un "
              "marché distinct.")
    else:
        doc.p("La consultation n'est pas allotie : les prestations forment un ensemble indissociable "
              "dont la division rendrait l'exécution techniquement plus difficile.")
        if "rc" in case.amounts_in:
            doc.p(("Montant annuel estimatif des prestations : " if case.ac else
                   "Montant estimatif des prestations : ") + T.fmt_eur(case.lots[0]["amount"], chr(160)) + ".")
    if case.show_value_rc:
        doc.p(f"Valeur estimée du besoin : {T.fmt_eur(case.value, chr(160), 1)}"
              + (" sur la durée maximale de l'accord-cadre." if case.ac else "."))
    doc.h1("Durée – délais")
    if opts.get("tracked"):
        doc.tracked([("n", "Les candidats sont tenus de respecter le délai d'exécution indiqué à l'acte "
                           "d'engagement, soit "), ("del", "douze mois"), ("ins", "quatorze mois"),
                     ("n", " à compter de la date fixée par l'ordre de service de démarrage.")])
    else:
        doc.p(case.duration_text())
    # ---- the clause announcement
    rc_head = ["Conditions particulières d'exécution", "Clause sociale d'insertion",
               "Conditions d'exécution – clause sociale", "Insertion professionnelle"]
    if case.clause is not None:
        e102 = case.err.get("cs102")
        if e102 is None:
            doc.h1(rc_head[case.clause["v"].get("rc", 0) % len(rc_head)])
            rc_announce(doc, case, ctx)
        elif e102 == "env":
            doc.h1("Conditions particulières d'exécution")
            doc.p("Le titulaire assure le tri à la source et la valorisation des déchets produits "
                  "par l'exécution du marché, dans les conditions prévues au CCAP. Il privilégie les "
                  "circuits de réemploi des matériaux.")
    elif case.noclause in ("sans", "derog") and "rc" in case.noclause_in:
        doc.h1("Conditions d'exécution")
        doc.p(case.sans_text() if case.noclause == "sans" else case.derog_text())
    doc.h1("Contenu du dossier de consultation")
    doc.bullets(case.dce_list())
    doc.h1("Présentation des candidatures et des offres")
    doc.p("Le candidat produit la lettre de candidature (DC1) et la déclaration du candidat (DC2) ou "
          "documents équivalents, l'acte d'engagement complété, un mémoire technique et, le cas "
          "échéant, les attestations d'assurance.")
    if case.clause is not None and "cs102" not in case.err and case.clause.get("rc_no_doc") is None:
        doc.p("Aucun document relatif à la clause d'insertion n'est exigé au stade de l'offre ; "
              "l'engagement figure dans l'acte d'engagement.")
    doc.h1("Jugement des offres")
    crit = [r[:] for r in T.CRITERIA[case.criteria % len(T.CRITERIA)]]
    if case.rc_extra.get("criterion_insertion"):
        crit[1][1] = str(int(crit[1][1].rstrip(" %")) - 10) + " %"
        crit.append(["Performance en matière d'insertion professionnelle des publics en difficulté "
                     "(article R2152-7 du Code de la commande publique)", "10 %"])
    doc.table(crit)
    e = case.err.get("cs201")
    if e and e["role"] == "RC":
        doc.p(e["text"])
    else:
        doc.p("Les offres sont classées selon les critères pondérés ci-dessus, conformément aux "
              "articles L2152-7 et R2152-7 du Code de la commande publique.")
    doc.h1("Conditions d'envoi des plis")
    doc.p(f"Les plis sont remis par voie électronique sur le profil d'acheteur : {case.buyer['site']}. "
          f"Ils doivent parvenir avant le {T.fmt_date(case.deadline, 0)} à 12h00.")
    doc.h1("Renseignements complémentaires")
    doc.p(f"Les questions sont posées par écrit sur le profil d'acheteur au plus tard huit jours avant "
          f"la date limite. Service : {case.buyer['service']}.")
    ctx.text[fname] = doc.plain_text()
    return doc


def rc_announce(doc, case, ctx):
    cl = case.clause
    v = cl["v"].get("rc", 0)
    art = ctx.clause_art
    ref = f"l'article {art} du CCAP" if art else "le CCAP"
    if ctx.annex_name and cl.get("loc") == "annex":
        ref = annex_ref(ctx.annex_title)
    a_ref = "au CCAP" if ref == "le CCAP" else "à " + ref
    lots = concerned(case)
    if "cs404" in case.err and case.err["cs404"]["role"] == "RC":
        lots = [l for l in lots if l["num"] != case.err["cs404"]["lot"]]
    nums = [l["num"] for l in lots]
    nc = [l["num"] for l in not_concerned(case)]
    om = set(clause_elements(case))
    if case.err.get("contact_partial"):
        om.add("contact")
    sep = cl.get("sep", " ")
    if not case.allotted:
        lot = case.lots[0]
        n = hv(case, "RC", lot)
        if v % 3 == 0 and n is not None and lot.get("unit") != "tranche":
            ctx.state("RC", "unique", n)
            hst = cl.get("hstyle", 0)
            hs = T.hours_str(n, 0 if hst % 5 == 3 else hst, sep)
            doc.p(f"Le titulaire devra réserver {hs} de travail{unit_words(case, lot)} à des personnes "
                  f"en insertion professionnelle "
                  f"(voir {ref}). Il s'agit d'une condition d'exécution du marché.")
        elif v % 3 == 1:
            doc.p(f"Le marché comporte une clause sociale d'insertion, condition d'exécution "
                  f"obligatoire, dont les modalités sont précisées {a_ref}.")
        else:
            doc.p(f"En application de l'article L2112-2 du Code de la commande publique, l'exécution "
                  f"du marché comporte une action d'insertion professionnelle au bénéfice de personnes "
                  f"éloignées de l'emploi. Le détail figure {a_ref}.")
        if "contact" not in om and cl.get("rc_contact"):
            f = case.fac
            doc.p(f"Les candidats peuvent se renseigner auprès {T.de_(f['structure'])} ({f['phone']}).")
        return
    if v % 5 == 0:
        doc.p(f"Le marché comporte une clause sociale d'insertion, condition d'exécution obligatoire, "
              f"applicable {a_lots(nums)}. Le volume d'heures et les modalités sont précisés à "
              f"{ref} ; la clause n'est pas un critère de jugement des offres.")
    elif v % 5 == 1:
        parts = []
        for l in lots:
            ph = lot_hours_phrase(case, "RC", l, cl.get("hstyle", 0), sep)
            if ph is None:
                parts.append(f"lot {l['num']}")
                continue
            if l.get("unit") != "tranche":
                ctx.state("RC", l["num"], hv(case, "RC", l))
            parts.append(f"lot {l['num']} : {ph}")
        doc.p(f"Clause sociale : {T.lots_phrase(nums)} "
              f"{'sont soumis' if len(nums) > 1 else 'est soumis'} à une obligation d'insertion de "
              f"personnes éloignées de l'emploi ({' ; '.join(parts)}). Le détail figure {a_ref}.")
    elif v % 5 == 2:
        ph = T.lots_phrase(nums)
        de = ("des " + ph[4:]) if ph.startswith("les ") else ("du " + ph[3:])
        doc.p(f"En application de l'article L2112-2 du Code de la commande publique, l'exécution "
              f"{de} comporte une action d'insertion professionnelle. Voir {ref}.")
        if "contact" not in om:
            f = case.fac
            doc.p(f"Les candidats peuvent prendre contact avec {f['structure']} : {f['person']}, "
                  f"{f['email']}.")
    elif v % 5 == 3:
        rows = [["Lot", "Clause d'insertion", "Heures"]]
        for l in case.lots:
            if l in lots:
                if l.get("unit") == "tranche":
                    rows.append([l["num"], "Oui", tranche_text(l, 2)])
                else:
                    n = hv(case, "RC", l)
                    ctx.state("RC", l["num"], n)
                    rows.append([l["num"], "Oui", (T.fmt_int(n, sep) + unit_words(case, l, True))
                                 if n is not None else "voir CCAP"])
            elif not l.get("concerned", True):
                rows.append([l["num"], "Non", "—"])
        doc.p(f"Certains lots comportent une clause d'insertion (condition d'exécution, voir {ref}) :")
        doc.table(rows)
    else:
        doc.p(f"Les candidats sont informés que l'exécution du marché est assortie d'une clause "
              f"d'insertion (voir {ref}). Lots concernés : {', '.join(nums)}."
              + (f" Lots non concernés : {', '.join(nc)}." if nc else ""))


# =========================================================================== AE
def build_ae(case, ctx, fname, opts, lot=None, attri=False):
    doc = new_doc(case, ctx, "AE", "Acte d'engagement")
    if attri:
        doc.p("MINISTÈRE DE L'ÉCONOMIE – Direction des affaires juridiques", bold=True)
        doc.add_title("ACTE D'ENGAGEMENT (ATTRI1)")
        doc.p(f"Acheteur : {case.buyer['name']}")
        doc.p(f"Objet : {case.objet} — référence {case.ref}")
        sections = ["A - Objet de l'acte d'engagement", "B - Engagement du titulaire ou du groupement "
                    "titulaire", "C - Signature du marché public par le titulaire", "D - Identification "
                    "et signature de l'acheteur"]
        doc.h1(sections[0], numbered=False)
        doc.p("Le présent acte d'engagement concerne l'ensemble des lots pour lesquels le candidat "
              "présente une offre (cocher) : " + "  ".join(f"☐ lot {l['num']}" for l in case.lots)
              if case.allotted else "Le présent acte d'engagement concerne le marché public désigné "
              "ci-dessus (marché non alloti).")
        doc.h1(sections[1], numbered=False)
        doc.p("B1 - Identification du titulaire : Nom commercial et dénomination sociale, adresse, "
              "SIRET : ………………")
        doc.p("B2 - Nature du groupement : ☐ conjoint ☐ solidaire")
        doc.p("B3 - Compte(s) à créditer : joindre un RIB.")
        doc.p("B4 - Avance : ☐ Je renonce au bénéfice de l'avance.")
        doc.p("B5 - Durée d'exécution : " + case.duration)
        ae_commitment(doc, case, ctx, lot, "B6 - Clause sociale d'insertion", numbered=False)
        doc.h1(sections[2], numbered=False)
        doc.p("Nom, prénom et qualité du signataire : ……………… Lieu et date : ……………… Signature :")
        doc.h1(sections[3], numbered=False)
        doc.p(f"Désignation de l'acheteur : {case.buyer['name']}. Personne habilitée à donner les "
              f"renseignements : {case.buyer['service']}.")
    else:
        doc.p(case.buyer["name"], bold=True)
        doc.add_title("ACTE D'ENGAGEMENT" + (f" – {lot_label(lot)}" if lot is not None else ""))
        doc.p(case.objet, bold=True)
        if lot is not None:
            doc.p(f"{lot_label(lot)} : {lot['title']}")
        doc.h1("Identification de l'acheteur")
        doc.p(f"{case.buyer['name']}, {case.buyer['addr']}.")
        doc.h1("Identification du titulaire")
        doc.p("Je soussigné(e) ………………, agissant au nom et pour le compte de ………………, après avoir pris "
              "connaissance des pièces du marché, m'engage à exécuter les prestations dans les "
              "conditions définies ci-après.")
        doc.h1("Prix")
        doc.p("Montant de l'offre : ……………… € HT, soit ……………… € TTC (TVA 20 %).")
        doc.h1("Délai")
        doc.p(case.duration_text())
        ae_commitment(doc, case, ctx, lot, "Engagement relatif à la clause d'insertion")
        doc.h1("Paiement")
        if opts.get("comments"):
            doc.commented("L'acheteur se libère des sommes dues par virement au compte désigné (RIB "
                          "joint).", "Vérifier avec la trésorerie si un RIB papier est encore exigé.")
        else:
            doc.p("L'acheteur se libère des sommes dues par virement au compte désigné (RIB joint).")
        doc.p("Fait à ………………, le ……………… — Signature du candidat")
    ctx.text[fname] = doc.plain_text()
    return doc


def ae_commitment(doc, case, ctx, lot, title, numbered=True):
    cl = case.clause
    if cl is None or "cs103" in case.err:
        return
    lots = concerned(case)
    if lot is not None and lot not in lots:
        return
    v = cl["v"].get("ae", 0)
    sep = cl.get("sep", " ")
    if lot is None and case.allotted:
        doc.h1(title, numbered=numbered)
        skip = case.err.get("cs404", {}).get("lot") if case.err.get("cs404", {}).get("role") == "AE" else None
        rows = [["Lot", "Intitulé", "Heures d'insertion sur lesquelles le candidat s'engage"]]
        for l in lots:
            if l["num"] == skip:
                continue
            if l.get("unit") == "tranche":
                rows.append([l["num"], l["title"], tranche_text(l, 1)])
                continue
            n = hv(case, "AE", l)
            ctx.state("AE", l["num"], n)
            rows.append([l["num"], l["title"], (T.fmt_int(n, sep) + unit_words(case, l, True))
                         if n is not None else "selon CCAP"])
        doc.p("Le candidat s'engage, pour chaque lot qu'il obtient, à réaliser l'action d'insertion "
              "prévue au CCAP :")
        doc.table(rows)
        return
    the_lot = lot if lot is not None else case.lots[0]
    key = the_lot["num"]
    if the_lot.get("unit") == "tranche":
        doc.h1(title, numbered=numbered)
        doc.p(f"Le titulaire s'engage à réaliser {tranche_text(the_lot, v)}.")
        return
    n = hv(case, "AE", the_lot)
    doc.h1(title, numbered=numbered)
    if n is None:
        doc.p("Le titulaire s'engage à réaliser l'action d'insertion prévue au CCAP.")
        return
    ctx.state("AE", key, n)
    hs = T.hours_str(n, v, sep) + unit_words(case, the_lot)
    pool = [
        f"Le titulaire s'engage à réaliser l'action d'insertion prévue au CCAP, soit {hs} réservées à "
        f"des personnes éloignées de l'emploi.",
        f"☒ J'atteste avoir pris connaissance de la clause d'insertion et m'engage à réaliser {hs} "
        f"d'insertion" + (f" sur le lot {key}." if key != "unique" else "."),
        f"Engagement relatif à la clause sociale – nombre d'heures d'insertion sur lequel le candidat "
        f"s'engage : {T.fmt_int(n, sep)}{unit_words(case, the_lot)}.",
        f"Le soussigné s'engage, en cas d'attribution, à consacrer {hs} à l'insertion professionnelle "
        f"selon les modalités du CCAP.",
    ]
    doc.p(pool[v % len(pool)])


# =========================================================================== annex
def build_annex(case, ctx, fname, opts):
    full = opts.get("full", False) or (case.clause and case.clause.get("loc") == "annex")
    title = ctx.annex_title
    doc = new_doc(case, ctx, "ANNEXE", title)
    doc.p(case.buyer["name"], bold=True)
    doc.add_title(title.upper())
    doc.p(f"{case.objet} — référence {case.ref}")
    if full:
        layout = case.clause.get("annex_layout", "sub")
        if layout == "sub":
            doc.h1("Contenu de la clause")
        write_clause(doc, case, ctx, "annex")
        doc.h1("Engagement du candidat") if layout in ("sub", "annex_h") else doc.p("Engagement du candidat", bold=True)
    else:
        doc.p("La présente fiche est jointe à l'acte d'engagement. Elle rappelle le volume d'heures "
              "d'insertion et recueille l'engagement du candidat.")
        annex_recap(doc, case, ctx)
        if "modal" not in clause_elements(case):
            doc.p("Modalité(s) envisagée(s) (cocher) : ☐ embauche directe ☐ mise à disposition par "
                  "une ETTI, une AI ou un GEIQ ☐ sous-traitance ou co-traitance avec une SIAE, une EA "
                  "ou un ESAT")
        if "contact" not in clause_elements(case) and not case.err.get("contact_partial"):
            f = case.fac
            doc.p(f"Contact facilitateur : {f['structure']} – {f['phone']} – {f['email']}")
    doc.p("Je soussigné(e) ………………, représentant l'entreprise ………………, m'engage à réaliser le volume "
          "d'heures d'insertion indiqué ci-dessus pour chaque lot qui me sera attribué.")
    doc.p("Fait à ………………, le ……………… — Cachet et signature")
    if opts.get("comments"):
        doc.commented("Document à compléter par le candidat.", "Ajouter le logo du PLIE ?")
    ctx.text[fname] = doc.plain_text()
    return doc


def annex_recap(doc, case, ctx):
    hours_block(doc, case, ctx, "ANNEXE", "ANNEXE_CLAUSE")


# =========================================================================== AAPC
def build_aapc(case, ctx, fname, opts):
    doc = new_doc(case, ctx, "AAPC", "Avis d'appel public à la concurrence")
    doc.add_title(["AVIS D'APPEL PUBLIC À LA CONCURRENCE", "Avis de marché",
                   "AVIS DE MARCHÉ – TRAVAUX" if case.nature == "travaux" else "AVIS DE MARCHÉ – SERVICES"]
                  [ctx.rng.randrange(3)])
    doc.h1("Section 1 : Identification de l'acheteur", numbered=False)
    doc.p(f"Nom complet de l'acheteur : {case.buyer['name']}")
    doc.p(f"Adresse : {case.buyer['addr']}")
    doc.p(f"Adresse du profil d'acheteur : {case.buyer['site']}")
    doc.h1("Section 2 : Procédure", numbered=False)
    doc.p(f"Type de procédure : {case.procedure_label()}")
    doc.p(f"Date et heure limite de réception des plis : {T.fmt_date(case.deadline, 1)} à 12:00")
    doc.h1("Section 3 : Identification du marché", numbered=False)
    doc.p(f"Intitulé du marché : {case.objet}")
    doc.p(f"Type de marché : {'Travaux' if case.nature == 'travaux' else 'Services' if case.nature == 'services' else 'Fournitures'}")
    doc.p(f"Lieu principal d'exécution : {case.buyer['city']}")
    if case.ac:
        doc.p("La consultation donne lieu à un accord-cadre à bons de commande.")
    if case.show_value_aapc:
        doc.p(f"Valeur estimée (H.T.) : {T.fmt_eur(case.value, ' ', 0)}")
    if case.clause is not None and "cs104" not in case.err:
        v = case.clause["v"].get("aapc", 0)
        nums = ", ".join(l["num"] for l in concerned(case)) if case.allotted else None
        pool = [
            f"Conditions particulières d'exécution : le marché comporte une clause d'insertion sociale"
            f"{' (lots ' + nums + ')' if nums else ''}. Voir le CCAP.",
            f"Conditions d'exécution : clause sociale d'insertion professionnelle (article L2112-2 du "
            f"Code de la commande publique){' pour les lots ' + nums if nums else ''}.",
            f"Le contrat comporte une condition d'exécution à caractère social relative à l'insertion "
            f"de personnes éloignées de l'emploi{' ; lots concernés : ' + nums if nums else ''}.",
            f"Considérations sociales : oui — clause d'insertion{' (lots ' + nums + ')' if nums else ''}.",
        ]
        doc.p(pool[v % len(pool)])
    elif case.clause is None and case.noclause == "sans" and "aapc" in case.noclause_in:
        doc.p("Considérations sociales : sans objet.")
    if case.allotted:
        doc.h1("Section 4 : Lots", numbered=False)
        for l in case.lots:
            doc.p(f"Lot n° {l['num']} – {l['title']}")
    doc.h1("Section 5 : Informations complémentaires", numbered=False)
    doc.p("Critères d'attribution : voir le règlement de la consultation.")
    doc.p(f"Instance chargée des procédures de recours : tribunal administratif de {case.buyer['trib']}.")
    doc.p(f"Date d'envoi du présent avis à la publication : {T.fmt_date(case.launch, 1)}")
    ctx.text[fname] = doc.plain_text()
    return doc


# =========================================================================== CCTP, prices, others
def build_cctp(case, ctx, fname, opts, lot=None):
    doc = new_doc(case, ctx, "CCTP", "Cahier des clauses techniques particulières")
    header(doc, case, "CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES",
           sub=f"{lot_label(lot)} – {lot['title']}" if lot else None)
    doc.h1("Généralités")
    doc.p("Le présent CCTP définit les prescriptions techniques applicables. Les ouvrages sont "
          "exécutés conformément aux documents techniques unifiés (DTU) et normes en vigueur.")
    doc.p("Horaires : les interventions ont lieu du lundi au vendredi de 7 h 30 à 17 h 30, hors "
          "jours fériés ; toute intervention en dehors de ces horaires est soumise à accord.")
    for l in ([lot] if lot else case.lots):
        doc.h1(f"{lot_label(l)} – {l['title']}")
        for s in T.CCTP_TRADES.get(l["trade"], T.CCTP_TRADES["fournitures"]):
            doc.p(s)
    if case.clause is not None and case.rc_extra.get("cctp_mention"):
        doc.h1("Accueil des personnes en insertion")
        doc.p(f"Le titulaire prévoit l'accueil et le tutorat des salariés recrutés au titre de la "
              f"clause d'insertion (voir CCAP, article {ctx.clause_art}).")
    ctx.text[fname] = doc.plain_text()
    return doc


PRICE_TITLES = {"DPGF": "Décomposition du prix global et forfaitaire", "BPU": "Bordereau des prix "
                "unitaires", "DQE": "Détail quantitatif estimatif"}


def price_sheet(case, lot, kind):
    """Rows of a price schedule workbook: a title, the consultation, then the table."""
    head = [[f"{PRICE_TITLES[kind].upper()} ({kind})"], [case.buyer["name"]],
            [case.objet + (f" — {lot_label(lot)} : {lot['title']}" if lot else "")], []]
    return head + price_rows(case, lot, kind)


def price_rows(case, lot, kind):
    rows = [["N°", "Désignation", "Unité", "Quantité", "PU HT", "Total HT"]]
    lines = {
        "vrd": [("Décapage de terre végétale", "m²", 1800), ("Tranchée pour réseaux", "ml", 420),
                ("Enrobé BBSG 0/10", "t", 160)],
        "gros_oeuvre": [("Béton de fondation C25/30", "m³", 85), ("Maçonnerie blocs de 20", "m²", 640),
                        ("Dalle béton armé", "m²", 510)],
        "peinture": [("Préparation des supports", "m²", 2300), ("Peinture acrylique velours", "m²", 2300)],
        "nettoyage": [("Nettoyage quotidien des bureaux", "mois", 12), ("Vitrerie", "passage", 4)],
    }.get(lot["trade"] if lot else "gros_oeuvre",
          [("Prestation principale", "forfait", 1), ("Prestation complémentaire", "u", 10)])
    for i, (d, u, q) in enumerate(lines, 1):
        rows.append([f"{i}", d, u, q, "", ""])
    rows.append(["", "TOTAL HT", "", "", "", ""])
    return rows


def build_price_doc(case, ctx, fname, kind, lot=None):
    doc = new_doc(case, ctx, kind, kind)
    full = {"DPGF": "Décomposition du prix global et forfaitaire", "BPU": "Bordereau des prix unitaires",
            "DQE": "Détail quantitatif estimatif"}[kind]
    header(doc, case, f"{full.upper()} ({kind})", sub=f"{lot_label(lot)} – {lot['title']}" if lot else None)
    doc.table(price_rows(case, lot, kind))
    doc.p("Le candidat complète les prix unitaires et les montants ; les quantités sont indicatives.")
    ctx.text[fname] = doc.plain_text()
    return doc


def build_dc(case, ctx, fname, which):
    doc = new_doc(case, ctx, which, which)
    t = {"DC1": "LETTRE DE CANDIDATURE – DÉSIGNATION DU MANDATAIRE PAR SES CO-TRAITANTS (DC1)",
         "DC2": "DÉCLARATION DU CANDIDAT INDIVIDUEL OU DU MEMBRE DU GROUPEMENT (DC2)"}[which]
    doc.add_title(t)
    doc.p(f"A - Identification de l'acheteur : {case.buyer['name']}")
    doc.p(f"B - Objet de la consultation : {case.objet}")
    if which == "DC1":
        doc.p("C - Objet de la candidature : ☐ le marché public ☐ le lot n° ……")
        doc.p("D - Présentation du candidat : ☐ candidat individuel ☐ groupement d'entreprises")
        doc.p("E - Identification des membres du groupement et répartition des prestations")
    else:
        doc.p("C - Identification du candidat : nom, adresse, SIRET, forme juridique")
        doc.p("D - Capacités économiques et financières : chiffre d'affaires des trois derniers exercices")
        doc.p("E - Capacités techniques et professionnelles : références, effectifs, moyens")
    ctx.text[fname] = doc.plain_text()
    return doc


AUTRE_KINDS = {
    "note": ("Note de présentation du projet",
             ["Le projet s'inscrit dans le programme pluriannuel d'investissement adopté par "
              "l'assemblée délibérante.", "Le bâtiment actuel ne répond plus aux besoins : surfaces "
              "insuffisantes, accessibilité incomplète, consommation énergétique élevée.",
              "Le présent document est fourni à titre d'information ; il n'a pas de valeur "
              "contractuelle."]),
    "planning": ("Planning prévisionnel de l'opération",
                 ["Phase 1 : préparation – 1 mois.", "Phase 2 : travaux de structure – 4 mois.",
                  "Phase 3 : second œuvre et finitions – 5 mois.", "Réception prévisionnelle : "
                  "fin du premier semestre 2028. Planning indicatif, non contractuel."]),
    "attestation": ("Attestation de visite des lieux",
                    ["Je soussigné(e), représentant de l'acheteur, atteste que l'entreprise "
                     "……………… a visité le site le ……………… .", "La visite est facultative ; elle se "
                     "déroule sur rendez-vous pris auprès des services techniques."]),
    "cadre": ("Cadre de réponse – mémoire technique",
              ["1. Moyens humains affectés à l'opération (organigramme, qualifications).",
               "2. Méthodologie d'exécution et planning détaillé.", "3. Mesures prises pour la "
               "sécurité et la limitation des nuisances.", "4. Fiches techniques des matériaux "
               "proposés."]),
}


def build_autre(case, ctx, fname, what):
    title, paras = AUTRE_KINDS[what]
    doc = new_doc(case, ctx, "AUTRE", title)
    doc.p(case.buyer["name"], bold=True)
    doc.add_title(title)
    doc.p(case.objet)
    for p in paras:
        doc.p(p)
    ctx.text[fname] = doc.plain_text()
    return doc


def readme_text(case):
    return (f"Notes de mise en ligne — dossier {case.ref}\n"
            f"Préparé par : {case.buyer['service']}\n\n"
            "- fichiers déposés sur le profil d'acheteur après validation par le responsable ;\n"
            "- les plans au format DWG sont disponibles sur demande écrite ;\n"
            "- ce fichier de notes ne fait pas partie du dossier de consultation.\n")
