#!/usr/bin/env python3
"""Construit le corpus aveugle blind16 (moitié « sealed ») et ses corrigés, puis se contrôle.

    /work/main/.venv/bin/python benchmarks/blind16/build_corpus.py [SORTIE] [--no-answers]

Rien ici ne lit ni n'importe l'outil."""
from __future__ import annotations

import json
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from b16lib import render as R  # noqa: E402
from b16lib.text import (MO, computed_hours, raw_hours, hours_phrase, amount_phrase,  # noqa: E402
                         LEGAL_OK, LEGAL_BAD, publics, modalites, contact_line, suivi,
                         pen_heure, pen_retard)
from b16lib.words import fr, eur, date_fr  # noqa: E402
from b16lib.cases import CASES  # noqa: E402

REVIEW_DATE = "2026-12-02"
KIND = {"RC": "RC", "RC2": "RC", "CCAP": "CCAP", "CCAP2": "CCAP", "AE": "AE",
        "ANNEXE": "ANNEXE_CLAUSE", "AAPC": "AAPC", "CCTP": "CCTP", "DPGF": "DPGF", "DC1": "DC1",
        "PLAN": None, "PHOTO": None, "NOTES": None}
HKIND = {"RC": "RC", "CCAP": "CCAP", "AE": "AE", "ANNEXE": "ANNEXE_CLAUSE", "DPGF": "DPGF"}


# ============================================================ état d'un cas
class St:
    def __init__(self, c):
        self.c = c
        self.errs = c.get("errs", [])
        self.codes = [e[0] for e in self.errs]
        self.sty = c.get("style", {})
        self.clause = c.get("clause", True)
        self.files = c["files"]
        self.removed = set()
        for e in self.errs:
            m = {"CS302": "publics", "CS303": "modalites", "CS304": "contact",
                 "CS305": "suivi", "CS306": "pen_heure", "CS308": "pen_retard"}.get(e[0])
            if m:
                self.removed.add(m)
            if e[0] == "CS305":
                self.removed.add("pen_retard")
        # heures de base par lot
        self.H = {}
        for lot in c["lots"]:
            num = lot["num"]
            if not self.clause or lot.get("covered") is False:
                continue
            h = lot.get("hours")
            if h is None:
                h = computed_hours(lot["amount"], lot["trade"])
            if h is None:
                lot["covered"] = False
                continue
            self.H[num] = h
        for e in self.errs:
            if e[0] == "CS403":
                self.H[e[1]] = e[2]
            if e[0] == "CS301":
                if e[1] is None:
                    self.H = {}
                else:
                    self.H.pop(e[1], None)
        self.no_hours_lots = [e[1] for e in self.errs if e[0] == "CS301" and e[1]]
        self.nohours_all = any(e[0] == "CS301" and e[1] is None for e in self.errs)

    def err(self, code):
        for e in self.errs:
            if e[0] == code:
                return e
        return None

    def errs_of(self, code):
        return [e for e in self.errs if e[0] == code]

    def hours_in(self, role, num):
        """heures écrites pour le lot dans la pièce (None : la pièce ne les donne pas)."""
        for e in self.errs_of("CS401"):
            if e[1] == num and e[2] == role:
                return e[3]
        for e in self.errs_of("CS404"):
            if e[1] == num and e[2] == role:
                return None
        return self.H.get(num)

    def lots_listed(self, role):
        out = []
        for lot in self.c["lots"]:
            if any(e[1] == lot["num"] and e[2] == role for e in self.errs_of("CS404")):
                continue
            out.append(lot)
        return out

    def fn(self, role):
        f = self.files.get(role)
        return f[0] if f else None

    def sub(self, text, role):
        """références fautives plantées dans la pièce `role`."""
        for e in self.errs:
            if e[0] in ("CS204", "CS205", "CS201") and len(e) > 2 and e[1] == role:
                pass
        return text


# ============================================================ numérotation manuelle
def labels(style, n):
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    if style == "roman":
        return [f"{romans[i]} – " for i in range(n)]
    if style == "letters":
        return [f"{chr(65 + i)}. " for i in range(n)]
    return [f"Article {i + 1} – " for i in range(n)]


def sublabel(style, art_index, j):
    if style == "arabic":
        return f"{art_index + 1}.{j + 1} "
    return f"{'abcdefghij'[j]}) "


def piece_sections_to_blocks(title_lines, sections, table=False, style="arabic"):
    """sections : [(intitulé, [lignes])] ; numérotées à la main."""
    blocks = [("T", t) for t in title_lines]
    labs = labels(style, len(sections))
    if table:
        rows = [["Article", "Contenu"]]
        for lab, (name, lines) in zip(labs, sections):
            rows.append([lab + name, "\n".join(lines)])
        blocks.append(("TAB", rows))
        return blocks
    for lab, (name, lines) in zip(labs, sections):
        blocks.append(("B", lab + name))
        for ln in lines:
            blocks.append(("P", ln))
    return blocks


# ============================================================ la clause
def clause_items(s: St, where="CCAP"):
    """Éléments de la clause, sous forme [(sous-titre, [lignes])]."""
    c, sty = s.c, s.sty
    fmt = sty.get("hours_fmt", "digits") if where == "CCAP" else sty.get("annex_hours_fmt", "digits")
    items = []
    legal = LEGAL_OK["fcs" if c["ccag"] == "fcs" else "travaux"]
    for e in s.errs:
        if e[0] in ("CS201", "CS202", "CS203") and e[1] == where and f"{e[0]}:{e[2]}" in LEGAL_BAD:
            legal = LEGAL_BAD[f"{e[0]}:{e[2]}"]
    if c.get("above_eu"):
        legal += (" Le montant estimé atteignant le seuil européen, l'article L2112-2-1 du même "
                  "code impose une condition d'exécution sociale.")
    items.append(("Objet et fondement", [
        "Le titulaire consacre une partie des heures de travail du marché à l'insertion "
        "professionnelle de personnes qui rencontrent des difficultés sociales ou professionnelles.",
        legal]))
    # heures
    hl = []
    listed = s.lots_listed(where)
    per = " par an" if sty.get("per_year") else ""
    for lot in listed:
        num = lot["num"]
        h = s.hours_in(where, num)
        name = lot["title"] if num == "unique" else f"Lot n° {num} – {lot['title']}"
        if num in s.no_hours_lots:
            hl.append(f"– {name} : volume d'heures à préciser avec le facilitateur à la "
                      "préparation du chantier.")
        elif s.nohours_all:
            pass
        elif h is None:
            hl.append(f"– {name} : non concerné par la clause.")
        else:
            hl.append(f"– {name} : {hours_phrase(h, fmt)}{per}.")
    if s.nohours_all:
        hl.append("Le volume d'heures d'insertion sera arrêté avec le titulaire lors de la "
                  "réunion de démarrage, en fonction des besoins du chantier.")
    if sty.get("per_year") and s.H:
        tot = sum(s.H.values()) * sty["per_year"]
        hl.append(f"Rappel : soit {tot} heures sur la durée totale de {fr(sty['per_year'])} ans.")
    tot_err = [e for e in s.errs_of("CS402") if e[1] == where]
    if sty.get("total") or tot_err:
        tot = tot_err[0][2] if tot_err else sum(v for k, v in s.H.items())
        hl.append(f"Volume total à réaliser : {hours_phrase(tot, fmt)}.")
    items.append(("Volume d'heures d'insertion", hl))
    pv = None
    for e in s.errs_of("CS204"):
        if e[1] == where:
            pv = e[2]
    if "publics" not in s.removed:
        items.append(("Personnes concernées", publics(pv)))
    if "modalites" not in s.removed:
        items.append(("Mise en œuvre", modalites()))
    if "contact" not in s.removed and "ccap" in sty.get("contact_in", {"ccap"}):
        items.append(("Accompagnement", [contact_line(c["fac"]),
                                         "Le titulaire désigne un correspondant insertion dès la notification."]))
    if "suivi" not in s.removed:
        items.append(("Suivi et contrôle", suivi()))
    pens = []
    if "pen_heure" not in s.removed:
        v = s.err("CS307")
        pens.append(pen_heure(v[1] if v else None))
    if "pen_retard" not in s.removed:
        pens.append(pen_retard())
    if sty.get("pen_general"):
        items.append(("Pénalités", ["Les manquements à la présente clause sont sanctionnés par "
                                    "les pénalités du paragraphe « Clause d'insertion » de "
                                    "l'article Pénalités ci-après."]))
    elif pens:
        items.append(("Pénalités", pens))
    return items, pens


def split_items(items):
    """style 'split' : le CCAP garde fondement, heures, pénalités ; l'annexe le reste."""
    keep = [it for it in items if it[0] in ("Objet et fondement", "Volume d'heures d'insertion", "Pénalités")]
    rest = [it for it in items if it not in keep]
    return keep, rest


# ============================================================ les pièces
def head_lines(s, piece_title):
    c = s.c
    return [c["buyer"], piece_title, c["objet"]]


def lots_lines(s, role, words=False):
    out = []
    for lot in s.lots_listed(role):
        if lot["num"] == "unique":
            out.append(f"Marché non alloti. Montant estimé : {amount_phrase(lot['amount'], words)}"
                       + (" par an" if s.sty.get("per_year") else "") + ".")
        else:
            out.append(f"Lot n° {lot['num']} – {lot['title']} – estimation : "
                       f"{amount_phrase(lot['amount'], words)}.")
    return out


def ccag_line(s):
    c = s.c
    if any(e[0] == "CS203" and e[2] == "2009" for e in s.errs):
        return "CCAG-Travaux approuvé par l'arrêté du 8 septembre 2009."
    if c["ccag"] == "fcs":
        return "CCAG des fournitures courantes et services (arrêté du 30 mars 2021)."
    return "CCAG-Travaux (arrêté du 30 mars 2021, modifié)."


def ccap(s: St, copy=False):
    c, sty = s.c, s.sty
    st = sty.get("num", "arabic")
    secs = [("Objet du marché", [f"Le présent cahier régit le marché : {c['objet']}."] + lots_lines(s, "CCAP", sty.get("amount_words"))),
            ("Pièces contractuelles", ["Par ordre de priorité : l'acte d'engagement, le présent CCAP"
                                       + (" et son annexe n° 1 (clause sociale d'insertion)" if sty.get("clause_in") == "split" else "")
                                       + ", le CCTP, le " + ccag_line(s)]),
            ("Délais", [c.get("delai", "Délai global d'exécution : dix mois à compter de l'ordre de service n° 1."),
                        "Horaires de chantier : de 7 h 30 à 17 h 00, sauf accord du maître d'ouvrage."]
             if c["ccag"] != "fcs" else
             [c.get("delai", "Durée du marché : un an à compter de la notification."),
              "Horaires d'intervention : de 6 h 00 à 13 h 00 du lundi au vendredi."]),
            ("Prix – règlement", ["Prix global et forfaitaire, révisable selon l'index du CCTP."
                                  if c["ccag"] != "fcs" else "Prix unitaires du bordereau, révisables chaque année.",
                                  "Avance : sans, sauf demande du titulaire dans l'acte d'engagement.",
                                  "Délai de paiement : 30 jours."])]
    pens_general = ["Retard d'exécution : 1/3000e du montant du marché par jour calendaire de retard.",
                    "Absence aux réunions de chantier : 80 € par absence."]
    items, pens = clause_items(s, "CCAP")
    if s.err("CS501") or s.clause == "sans" or s.clause == "derog" or s.clause is False:
        if s.clause == "sans":
            secs.append(("Clause sociale", ["Clause sociale : sans objet pour ce marché."]))
        elif s.clause == "derog":
            secs.append(("Considérations sociales", c["derog_text"]))
    elif s.err("CS101"):
        pass
    else:
        if sty.get("clause_in") == "split":
            keep, _rest = split_items(items)
            keep.insert(1, ("Renvoi", ["Les personnes concernées, les formes de mise en œuvre, "
                                       "l'accompagnement et le suivi figurent à l'annexe n° 1 du présent CCAP."]))
            items = keep
        if st == "arabic":
            art = len(secs)
            lines = []
            for j, (name, ls) in enumerate(items):
                lines.append(("SUB", f"{art + 1}.{j + 1} {name}"))
                lines += ls
        else:
            lines = []
            for j, (name, ls) in enumerate(items):
                lines.append(("SUB", f"{'abcdefghij'[j]}) {name}"))
                lines += ls
        secs.append(("Clause sociale d'insertion professionnelle", lines))
        if sty.get("pen_general"):
            pens_general.append(("SUB", "Clause d'insertion :"))
            pens_general += pens
    for e in s.errs_of("CS204"):
        if e[1] == "CCAP" and e[2] == "direccte":
            secs[2][1].append("Le titulaire tient à jour le registre du personnel, consultable par la DIRECCTE.")
    if sty.get("history") == "cmp":
        secs[1][1].append("Historique : les clauses de ce type relevaient autrefois de l'article 14 de "
                          "l'ancien Code des marchés publics, abrogé en 2016 ; seul le code de la "
                          "commande publique s'applique désormais.")
    secs.append(("Pénalités", pens_general))
    secs.append(("Litiges", ["Tribunal administratif territorialement compétent, après tentative de "
                             "règlement amiable."]))
    # mise à plat : les lignes ("SUB", …) deviennent des lignes en gras
    blocks = [("T", t) for t in head_lines(s, "Cahier des clauses administratives particulières")]
    labs = labels(st, len(secs))
    if sty.get("ccap_table"):
        rows = [["Article", "Contenu"]]
        for lab, (name, ls) in zip(labs, secs):
            rows.append([lab + name, "\n".join(x[1] if isinstance(x, tuple) else x for x in ls)])
        blocks.append(("TAB", rows))
    else:
        for lab, (name, ls) in zip(labs, secs):
            blocks.append(("B", lab + name.upper() if st == "roman" else lab + name))
            for x in ls:
                blocks.append(("B", x[1]) if isinstance(x, tuple) else ("P", x))
    return blocks


def annexe(s: St):
    c, sty = s.c, s.sty
    blocks = [("T", c["buyer"]), ("T", "Annexe n° 1 – Clause sociale d'insertion"), ("P", c["objet"])]
    items, pens = clause_items(s, "ANNEXE")
    if s.err("CS101") or sty.get("clause_in") == "split":
        body = items if s.err("CS101") else split_items(items)[1]
        if not s.err("CS101"):
            # l'annexe reprend aussi les heures (tableau) : voir plus bas
            pass
        for j, (name, ls) in enumerate(body):
            blocks.append(("B", f"{['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'][j]} – {name}"))
            blocks += [("P", x) for x in ls]
    if "contact" not in s.removed and "annexe" in sty.get("contact_in", set()):
        blocks.append(("P", contact_line(c["fac"])))
    rows = [["Lot", "Heures d'insertion", "Correspondant de l'entreprise", "Signature"]]
    for lot in s.lots_listed("ANNEXE"):
        h = s.hours_in("ANNEXE", lot["num"])
        if h is None:
            continue
        rows.append([lot["num"] if lot["num"] != "unique" else "Marché unique",
                     hours_phrase(h, sty.get("annex_hours_fmt", "digits")), "", ""])
    if len(rows) > 1:
        blocks.append(("B", "Fiche d'engagement du candidat"))
        blocks.append(("P", "Le candidat s'engage à réaliser les heures d'insertion ci-dessous."))
        blocks.append(("TAB", rows))
    return blocks


def rc(s: St, version=1):
    c, sty = s.c, s.sty
    st = sty.get("rc_num", "letters")
    proc = ["Procédure adaptée ouverte (articles R2123-1 et suivants du code de la commande publique)."]
    for e in s.errs_of("CS205"):
        if e[1] == "RC":
            proc.append({"221": "La procédure adaptée est retenue car le montant estimé reste sous le "
                                "seuil européen de 221 000 € HT.",
                         "40": "Les achats de moins de 40 000 € HT restent dispensés de publicité ; "
                               "ce n'est pas le cas de la présente consultation."}[e[2]])
    if sty.get("sans_trap"):
        proc.append("Variantes : sans. Visite du site : sans objet.")
    secs = [("Acheteur et objet", [c["buyer"] + ".", f"Objet : {c['objet']}.",
                                   f"Date d'envoi à la publication : {date_fr(c['date'])}."]),
            ("Procédure", proc),
            ("Allotissement", lots_lines(s, "RC", sty.get("rc_amount_words")))]
    if s.clause is True and not s.err("CS102"):
        conc = [l for l in s.lots_listed("RC") if l["num"] in s.H or l["num"] in s.no_hours_lots
                or (s.nohours_all and l.get("covered") is not False)]
        if s.c["lots"][0]["num"] == "unique":
            lotsw = "le marché"
        else:
            lotsw = "les lots n° " + ", ".join(l["num"] for l in conc)
        ann = [f"Le marché comporte une clause sociale d'insertion, condition d'exécution au sens de "
               f"l'article L2112-2 du code de la commande publique ; elle porte sur {lotsw}. Elle "
               "n'est pas un critère de choix des offres. Le détail figure au CCAP."]
        for e in s.errs_of("CS201"):
            if e[1] == "RC":
                ann[0] = ann[0].replace("au sens de l'article L2112-2 du code de la commande publique",
                                        "au sens de l'article 38 de l'ordonnance n° 2015-899 du 23 juillet 2015")
        if sty.get("rc_hours"):
            fmt = sty.get("rc_hours_fmt", "digits")
            for lot in s.lots_listed("RC"):
                h = s.hours_in("RC", lot["num"])
                if h is None:
                    continue
                name = "Marché" if lot["num"] == "unique" else f"Lot n° {lot['num']}"
                ann.append(f"– {name} : {hours_phrase(h, fmt)}" + (" par an" if sty.get("per_year") else "") + ".")
            for e in s.errs_of("CS402"):
                if e[1] == "RC":
                    ann.append(f"Total : {hours_phrase(e[2], fmt)}.")
        if "contact" not in s.removed and "rc" in sty.get("contact_in", set()):
            ann.append("Questions sur la clause : " + contact_line(c["fac"]))
        secs.append(("Condition d'exécution sociale", ann))
    elif s.clause == "sans":
        secs.append(("Clause sociale", ["Clause sociale : sans objet."]))
    lim = "mardi 17 novembre 2026 à 12 h 00" if version == 1 else "vendredi 20 novembre 2026 à 12 h 00"
    secs.append(("Remise des offres", [f"Date limite : {lim}, sur le profil d'acheteur.",
                                       "Les offres restent valables 120 jours."]))
    secs.append(("Jugement des offres", ["Prix : 60 % ; valeur technique : 40 % (mémoire technique)."]))
    return piece_sections_to_blocks(head_lines(s, "Règlement de la consultation"), secs, style=st)


def ae_blocks(s: St):
    c = s.c
    secs = [("Identification", [c["buyer"], f"Objet : {c['objet']}",
                                "Le candidat : ……………………………… (raison sociale, SIRET)"]),
            ("Prix", ["Montant de l'offre : …………… € HT, soit …………… € TTC."])]
    if s.clause is True and not s.err("CS103"):
        ls = []
        if s.nohours_all:
            ls.append("Le candidat s'engage à réaliser l'action d'insertion prévue au CCAP.")
        for lot in s.lots_listed("AE"):
            h = s.hours_in("AE", lot["num"])
            if h is None:
                continue
            name = "le marché" if lot["num"] == "unique" else f"le lot n° {lot['num']}"
            ls.append(f"Pour {name}, le candidat s'engage à réaliser {hours_phrase(h, s.sty.get('ae_hours_fmt', 'digits'))} "
                      "d'insertion" + (" par an" if s.sty.get("per_year") else "") + ", selon la clause du CCAP.")
        secs.append(("Engagement d'insertion", ls))
    secs.append(("Signature", ["Fait à ……………, le ……………", "Signature du candidat"]))
    return piece_sections_to_blocks(head_lines(s, "Acte d'engagement"), secs, style="roman")


def ae_xlsx(s: St):
    c = s.c
    rows = [["Rubrique", "Contenu", "Heures d'insertion"],
            ["Acheteur", c["buyer"], ""], ["Objet", c["objet"], ""],
            ["Candidat", "(raison sociale, SIRET)", ""]]
    for lot in s.lots_listed("AE"):
        h = s.hours_in("AE", lot["num"]) if (s.clause is True and not s.err("CS103")) else None
        name = "Marché unique" if lot["num"] == "unique" else f"Lot {lot['num']} – {lot['title']}"
        rows.append([name, "Montant offert (€ HT) :", h if h is not None else ""])
    if s.clause is True and not s.err("CS103"):
        rows.append(["Engagement insertion", "Je m'engage à réaliser les heures d'insertion indiquées "
                     "dans la colonne de droite, selon la clause du CCAP.", "oui"])
    rows.append(["Signature", "Nom, qualité, date", ""])
    return [("Acte d'engagement", rows)]


def dpgf_xlsx(s: St):
    sheets = []
    for lot in s.c["lots"]:
        h = s.hours_in("DPGF", lot["num"]) if s.clause is True else None
        rows = [["N°", "Désignation", "Unité", "Quantité", "PU HT", "Total HT", "Heures d'insertion"],
                ["1", "Installation de chantier", "ens", 1, "", "", ""],
                ["2", "Travaux du lot : " + lot["title"], "ens", 1, "", "", ""],
                ["3", "Nettoyage et repli", "ens", 1, "", "", ""],
                ["", "TOTAL DU LOT", "", "", "", "", h if h is not None else ""]]
        sheets.append((f"Lot {lot['num']}", rows))
    return sheets


def avis(s: St):
    c = s.c
    ls = [c["buyer"], f"Objet : {c['objet']}", "Procédure adaptée ouverte.",
          "Lots : " + "; ".join(f"{l['num']} – {l['title']}" for l in c["lots"]) + "."]
    if s.clause is True and not s.err("CS104"):
        ls.append("Conditions particulières d'exécution : le marché comporte une clause sociale "
                  "d'insertion (article L2112-2 du code de la commande publique) ; voir le CCAP.")
    ls.append(f"Date d'envoi du présent avis à la publication : {date_fr(c['date'])}.")
    ls.append("Date limite de réception des offres : 17 novembre 2026 à 12 h 00.")
    return [("T", "Avis d'appel public à la concurrence")] + [("P", x) for x in ls]


def cctp(s: St):
    c = s.c
    return [("T", c["buyer"]), ("T", "Cahier des clauses techniques particulières"), ("P", c["objet"]),
            ("B", "A. Généralités"),
            ("P", "Les ouvrages sont exécutés selon les DTU en vigueur et les règles de l'art."),
            ("P", "– Accès au site par la rue principale ; stockage sur l'aire désignée."),
            ("P", "– Les livraisons ont lieu entre 8 h 00 et 11 h 30."),
            ("B", "B. Prescriptions"),
            ("P", "• Protection des ouvrages existants pendant toute la durée des travaux."),
            ("P", "• Évacuation des déchets de chantier vers une filière agréée, bordereaux remis sous 48 heures."),
            ("B", "C. Réception"),
            ("P", "Les essais sont réalisés en présence du maître d'œuvre avant la réception.")]


# ============================================================ écriture
def write_piece(s: St, role, folder, lo_jobs):
    fname, fmt = s.files[role][:2]
    opts = s.files[role][2] if len(s.files[role]) > 2 else {}
    path = folder / fname
    c = s.c
    if role in ("PLAN", "PHOTO"):
        R.render_plan(path, opts.get("labels", ["Plan de situation", c["buyer"]]), seed=len(fname), photo=role == "PHOTO")
        return
    if role == "NOTES":
        path.write_text(opts.get("text", "Notes prises à la réunion préparatoire :\n- vérifier l'accès des "
                                          "camions par la cour\n- prévoir un rendez-vous avec l'architecte\n- "
                                          "envoyer le plan au bureau de contrôle\n"), encoding="utf-8")
        return
    if fmt == "empty":
        path.write_bytes(b"")
        return
    if role in ("AE",) and fmt == "xlsx":
        R.render_xlsx(ae_xlsx(s), path)
        return
    if role == "DPGF":
        R.render_xlsx(dpgf_xlsx(s), path)
        return
    blocks = {"RC": lambda: rc(s), "RC2": lambda: rc(s, 2), "CCAP": lambda: ccap(s),
              "CCAP2": lambda: ccap(s), "AE": lambda: ae_blocks(s), "ANNEXE": lambda: annexe(s),
              "AAPC": lambda: avis(s), "CCTP": lambda: cctp(s), "DC1": lambda: cctp(s)}[role]()
    header = footer = None
    if role in ("CCAP", "CCAP2"):
        ci = s.sty.get("contact_in", {"ccap"})
        if "ccap_header" in ci and "contact" not in s.removed:
            header = c["buyer"] + " – CCAP – " + contact_line(c["fac"])
        if "ccap_footer" in ci and "contact" not in s.removed:
            footer = "Clause d'insertion – " + contact_line(c["fac"])
    tracked = comment = None
    e903 = [e for e in s.errs if e[0] == "CS903" and e[1] == role]
    if e903:
        if e903[0][2] == "ins":
            tracked = {"anchor": "Délai global", "deleted": " (huit mois)", "inserted": " (dix mois)"}
        else:
            comment = {"anchor": "Délai de paiement", "text": "À vérifier avec la trésorerie avant envoi."}
    if fmt == "docx" or fmt == "trunc":
        R.render_docx(blocks, path, header=header, footer=footer, tracked=tracked, comment=comment)
        if fmt == "trunc":
            R.damage_truncate(path)
    elif fmt == "odt":
        R.render_odt(blocks, path)
    elif fmt == "lo":
        tmp = folder / (fname + ".src.docx")
        R.render_docx(blocks, tmp, header=header, footer=footer)
        lo_jobs.append((tmp, path))
    elif fmt == "pdf":
        R.render_pdf(blocks, path, head_left=opts.get("hl", "14/10/2026 09:41"),
                     head_right=opts.get("hr", c["buyer"][:60]),
                     foot_left=opts.get("url", "https://www.example-commune.fr/marches/dce"),
                     width=opts.get("width", 120))
    elif fmt == "ocr":
        # page 1 : texte ; pages suivantes : image + couche OCR fautive
        cut = next(i for i, b in enumerate(blocks) if b[0] == "B" and "Condition d'exécution" in b[1])
        first, rest = blocks[:cut], blocks[cut:]
        ocr = [_ocr(b[1]) for b in R._flat(rest)]
        R.render_pdf(first, path, head_left=opts.get("hl", "Numérisé le 09/10/2026 16:02"),
                     head_right="SCAN-RC", foot_left=opts.get("url", "scanner://copieur-accueil"),
                     ocr_pages=[(rest, ocr)])
    elif fmt == "scan":
        R.render_scanned_pdf(blocks, path)
    else:
        raise ValueError(fmt)


def _ocr(t):
    t = t.replace("insertion", "lnsertion").replace("heures", "heur es").replace("clause", "cIause")
    t = t.replace("Condition", "Conditlon").replace("sociale", "socia1e").replace("Le marché", "Le rnarché")
    return t


# ============================================================ corrigé
def answer_key(s: St):
    c = s.c
    F, O = [], []
    fn = s.fn
    cl = fn("CCAP")
    clause_piece = [fn("CCAP"), fn("ANNEXE")] if (s.sty.get("clause_in") == "split" and fn("ANNEXE")) else cl
    if fn("CCAP2"):
        clause_piece = [fn("CCAP"), fn("CCAP2")]

    def add(code, piece, lot=None, planted=True, note=""):
        F.append(dict(code=code, piece=piece, lot=lot, planted=planted, note=note))

    def opt(code, piece=None, lot=None, note=""):
        O.append(dict(code=code, piece=piece, lot=lot, note=note))

    role_of = {"CCAP": fn("CCAP"), "RC": fn("RC"), "AE": fn("AE"), "ANNEXE": fn("ANNEXE"), "AAPC": fn("AAPC")}
    for e in s.errs:
        code = e[0]
        if code == "CS101":
            add(code, cl, note="le CCAP n'a aucun article de clause ; la clause n'est que dans d'autres pièces")
            for k in ("CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
                opt(k, None, note="contenu jugé hors du CCAP (CS101)")
        elif code == "CS102":
            add(code, fn("RC"), note="le RC n'annonce pas la clause")
        elif code == "CS103":
            add(code, None, note="aucun AE ni annexe ne porte l'engagement d'heures")
        elif code == "CS104":
            add(code, fn("AAPC"), note="l'avis ne mentionne pas la condition d'exécution sociale")
        elif code == "CS105":
            add(code, None, note=f"pièce manquante : {e[1]}")
        elif code in ("CS201", "CS202", "CS203", "CS204", "CS205"):
            add(code, role_of[e[1]], note=f"{e[2]} dans {e[1]}")
        elif code == "CS301":
            add(code, clause_piece, lot=e[1], note="pas de nombre d'heures" + (f" pour le lot {e[1]}" if e[1] else ""))
            if e[1] is None:
                opt("CS103", None, note="pas de nombre d'heures : l'AE s'engage sans nombre")
        elif code in ("CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
            add(code, clause_piece, note={"CS302": "pas de publics", "CS303": "pas de modalités",
                                          "CS304": "pas de contact du facilitateur", "CS305": "pas de suivi",
                                          "CS306": "pas de pénalité par heure", "CS307": f"pénalité {e[1] if len(e) > 1 else ''}",
                                          "CS308": "pas de pénalité de retard des justificatifs"}[code])
            if code == "CS305":
                add("CS308", clause_piece, planted=False, note="sans obligation de suivi, pas de pénalité de retard des justificatifs")
        elif code == "CS401":
            add(code, [role_of[e[2]], cl], lot=e[1], note=f"lot {e[1]} : {e[3]} h dans {e[2]}, {s.H[e[1]]} h au CCAP")
        elif code == "CS402":
            add(code, role_of[e[1]], note=f"total {e[2]} h ≠ somme {sum(s.H.values())} h")
        elif code == "CS403":
            lot = next(l for l in c["lots"] if l["num"] == e[1])
            add(code, None, lot=e[1], note=f"{e[2]} h écrites, calcul ≈ {computed_hours(lot['amount'], lot['trade'])} h")
        elif code == "CS404":
            others = [role_of[r] for r in ("CCAP", "RC", "AE", "ANNEXE") if role_of[r] and r != e[2]]
            add(code, [role_of[e[2]]] + others, lot=e[1], note=f"lot {e[1]} absent de {e[2]}")
            opt("CS103", None, lot=None, note="lot absent de l'AE")
        elif code == "CS405":
            add(code, None, lot=e[1], note="heures demandées sur un lot de fournitures seules")
            opt("CS403", None, lot=e[1], note="lot de fournitures")
        elif code == "CS501":
            add(code, None, note="lancée après le 21 août 2026, au-dessus du seuil, sans condition sociale ni justification")
            add("CS100", None, planted=False, note="aucune pièce ne porte de clause")
        elif code in ("CS901", "CS902", "CS903", "CS904"):
            add(code, fn(e[1]), note={"CS901": "fichier illisible", "CS902": "PDF sans couche texte",
                                      "CS903": "modifications suivies ou commentaires", "CS904": "fichier qui n'est pas une pièce"}[code])
            if code in ("CS901", "CS902"):
                opt("CS904", fn(e[1]), note="type indéterminable")
        elif code == "CS905":
            add(code, [fn(e[1]), fn(e[2])], note="deux versions d'une même pièce")
    planted904 = {fn(e[1]) for e in s.errs if e[0] == "CS904"}
    for role in ("PLAN", "PHOTO", "NOTES"):
        if fn(role) and fn(role) not in planted904:
            add("CS904", fn(role), planted=False, note="plan, photo ou notes : pas une pièce")
    if "rc" in s.sty.get("contact_in", set()) and "ccap" not in s.sty.get("contact_in", {"ccap"}) \
            and "contact" not in s.removed:
        opt("CS304", None, note="contact du facilitateur seulement dans le RC")
    if s.clause == "derog":
        opt("CS100", None, note="dérogation motivée à l'obligation sociale")
    if s.clause is False and not s.err("CS501"):
        add("CS100", None, planted=False, note="aucune pièce ne porte de clause")
    pieces = {}
    for role, f in s.files.items():
        k = KIND.get(role)
        if f[1] in ("trunc", "empty", "scan"):
            k = None
        pieces[f[0]] = k
    lots = {}
    for num, h in s.H.items():
        d401 = [e for e in s.errs_of("CS401") if e[1] == num]
        if d401:
            lots[num] = {"CCAP": h}
            for e in d401:
                lots[num][HKIND[e[2]]] = e[3]
        else:
            lots[num] = h
    if s.err("CS101"):
        pass
    return dict(name=c["id"], half="sealed", review_date=REVIEW_DATE, description=c["desc"],
                pieces=pieces, lots=lots, findings=F, optional=O)


# ============================================================ contrôles
def check_case(s: St, folder: Path, key):
    problems = []
    texts = {}
    for role, f in s.files.items():
        p = folder / f[0]
        if not p.exists():
            problems.append(f"absent : {f[0]}")
            continue
        if f[1] in ("trunc", "empty", "png", "jpg", "scan"):
            if f[1] == "scan":
                t, _ = R.read_text(p)
                if t.strip():
                    problems.append(f"{f[0]} : le scan a du texte")
            if f[1] == "trunc":
                import zipfile
                try:
                    zipfile.ZipFile(p).testzip()
                    problems.append(f"{f[0]} : encore lisible")
                except Exception:
                    pass
            continue
        if role in ("PLAN", "PHOTO"):
            from PIL import Image
            Image.open(p).verify()
            continue
        t, extra = R.read_text(p)
        texts[role] = t
        if not t.strip():
            problems.append(f"{f[0]} : vide à la relecture")
    allt = "\n".join(texts.values())
    norm = re.sub(r"\s+", " ", allt)
    # éléments retirés : absents partout
    markers = {"publics": ["RSA", "Mission locale"], "modalites": ["ETTI", "GEIQ"],
               "contact": [s.c["fac"]["tel"], s.c["fac"]["mail"]], "suivi": ["tableau de suivi"],
               "pen_heure": ["heure d'insertion non réalisée", "heures d'insertion non réalisées"],
               "pen_retard": ["remise des justificatifs"]}
    for el, ms in markers.items():
        present = any(m in norm for m in ms)
        if s.err("CS101") and not s.fn("ANNEXE"):
            continue
        should = s.clause is True and el not in s.removed
        if present != should:
            problems.append(f"élément {el} : présent={present}, attendu={should}")
    # références plantées : présentes dans la pièce, absentes ailleurs
    refs = {"cmp14": "article 14 du Code des marchés publics", "L2113-13": "L2113-13", "R2152-7": "R2152-7",
            "2009": "8 septembre 2009", "fcs20": "article 20.1 du CCAG des fournitures", "pole": "Pôle emploi",
            "zus": "ZUS", "direccte": "DIRECCTE", "221": "221 000", "40": "40 000", "ord38": "2015-899"}
    for e in s.errs:
        if e[0] in ("CS201", "CS202", "CS203", "CS204", "CS205"):
            r = refs[e[2]]
            if r not in re.sub(r"\s+", " ", texts.get(e[1], "")):
                problems.append(f"{e[0]} : « {r} » absent de {e[1]}")
            for role, t in texts.items():
                if role != e[1] and r in re.sub(r"\s+", " ", t) and not (role == "CCAP2"):
                    problems.append(f"{e[0]} : « {r} » aussi dans {role}")
    for bad in ("Code des marchés publics", "2015-899", "2016-360", "Pôle emploi", "ZUS", "DIRECCTE",
                "221 000", "40 000", "2009", "L2113-13", "R2152-7"):
        planted = any(e[0].startswith("CS2") and refs.get(e[2]) and bad in refs[e[2]] for e in s.errs)
        hist = s.sty.get("history") == "cmp" and bad == "Code des marchés publics"
        if re.search(r"(?<!\d)" + re.escape(bad), norm) and not planted and not hist:
            problems.append(f"référence « {bad} » non plantée présente")
    # heures du corrigé : retrouvées dans chaque pièce qui les donne
    for num, want in key["lots"].items():
        vals = want.values() if isinstance(want, dict) else [want]
        for v in vals:
            if str(v) not in norm and fr(v) not in norm:
                problems.append(f"heures {v} du lot {num} introuvables")
    # annonces
    if s.err("CS102") and "clause sociale" in texts.get("RC", "").lower():
        problems.append("RC parle de la clause malgré CS102")
    if s.err("CS104") and "insertion" in texts.get("AAPC", "").lower():
        problems.append("avis parle de la clause malgré CS104")
    if s.err("CS101") and "insertion" in texts.get("CCAP", "").lower():
        problems.append("CCAP parle d'insertion malgré CS101")
    if s.err("CS103") and "insertion" in texts.get("AE", "").lower().replace("heures d'insertion", ""):
        problems.append("AE s'engage malgré CS103")
    if s.clause is not True and "insertion" in norm.lower():
        problems.append("dossier sans clause qui parle d'insertion")
    # modifications suivies / commentaires
    import zipfile
    for role, f in s.files.items():
        if f[1] == "docx":
            with zipfile.ZipFile(folder / f[0]) as z:
                names = z.namelist()
                xml = z.read("word/document.xml").decode()
            has = "<w:ins " in xml or "<w:del " in xml or "word/comments.xml" in names
            want = any(e[0] == "CS903" and e[1] == role for e in s.errs)
            if has != want:
                problems.append(f"{f[0]} : révisions/commentaires {has} attendu {want}")
    return problems


def main(argv):
    out = HERE / "corpus"
    write_answers = "--no-answers" not in argv
    args = [a for a in argv if not a.startswith("--")]
    if args:
        out = Path(args[0])
    half = out / "sealed"
    if half.exists():
        shutil.rmtree(half)
    half.mkdir(parents=True)
    ans = HERE / "answers" / "sealed"
    ans.mkdir(parents=True, exist_ok=True)
    states, lo_jobs = [], []
    for c in CASES:
        s = St(c)
        folder = half / c["id"]
        folder.mkdir()
        for role in s.files:
            write_piece(s, role, folder, lo_jobs)
        states.append(s)
    R.soffice_batch(lo_jobs)
    for src, _dst in lo_jobs:
        src.unlink()
    planted, problems, total_err = Counter(), [], 0
    ntyped, nlots = 0, 0
    for s in states:
        key = answer_key(s)
        ntyped += sum(1 for v in key["pieces"].values() if v)
        nlots += len(key["lots"])
        for f in key["findings"]:
            if f["planted"]:
                planted[f["code"]] += 1
        nerr = sum(1 for f in key["findings"] if f["planted"])
        if s.c.get("correct"):
            bad = [f for f in key["findings"] if f["code"] not in ("CS904", "CS308", "CS100")]
            if bad or s.errs:
                problems.append(f"{s.c['id']} : dossier correct avec constats {bad}")
        elif not 1 <= nerr <= 3:
            problems.append(f"{s.c['id']} : {nerr} erreurs plantées")
        total_err += nerr
        for p in check_case(s, half / s.c["id"], key):
            problems.append(f"{s.c['id']} : {p}")
        # cohérence des heures calculées (dossiers corrects et lots non plantés)
        for lot in s.c["lots"]:
            if lot["num"] in s.H and not any(e[0] in ("CS403", "CS405", "CS401") and e[1] == lot["num"] for e in s.errs) \
                    and lot.get("hours") is None:
                r = raw_hours(lot["amount"], lot["trade"])
                if r < 95 or abs((r % 5) - 2.5) < 0.5:
                    problems.append(f"{s.c['id']} lot {lot['num']} : calcul fragile {r:.2f}")
        if write_answers:
            (ans / f"{s.c['id']}.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
    plantable = ["CS101", "CS102", "CS103", "CS104", "CS105", "CS201", "CS202", "CS203", "CS204", "CS205",
                 "CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308", "CS401", "CS402",
                 "CS403", "CS404", "CS405", "CS501", "CS901", "CS902", "CS903", "CS904", "CS905"]
    for code in plantable:
        if planted[code] < 2:
            problems.append(f"{code} planté {planted[code]} fois")
    ncorrect = sum(1 for s in states if s.c.get("correct"))
    print(f"{len(states)} consultations ({ncorrect} correctes), {total_err} erreurs plantées, "
          f"{ntyped} fichiers typés, {nlots} lots avec heures")
    print(" ".join(f"{k}:{planted[k]}" for k in plantable))
    if problems:
        print("CONTRÔLES EN ÉCHEC :")
        for p in problems:
            print("  -", p)
        return 1
    print("contrôles : OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
