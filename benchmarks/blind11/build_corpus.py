#!/usr/bin/env python3
"""Builds the blind11 corpus (36 consultations, half `sealed`) and its answer keys, then checks them.

    /work/main/.venv/bin/python benchmarks/blind11/build_corpus.py [OUT] [--no-answers] [--only NAME ...]

Written blind: from shared/spec/*.md, shared/domain/reference.md and the README files of the other
blind corpora only. Never imports or runs the tool."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from b11lib import engine as E  # noqa: E402
from b11lib import render as R  # noqa: E402
from b11lib.cases import CASES  # noqa: E402
from b11lib.words import num  # noqa: E402

PLANTABLE = ["CS101", "CS102", "CS103", "CS104", "CS105", "CS201", "CS202", "CS203", "CS204", "CS205",
             "CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308", "CS401", "CS402",
             "CS403", "CS404", "CS405", "CS501", "CS901", "CS902", "CS903", "CS904", "CS905"]
KIND = {"rc": "RC", "ccap": "CCAP", "ae": "AE", "annex": "ANNEXE_CLAUSE", "fiche": "ANNEXE_CLAUSE",
        "aapc": "AAPC", "cctp": "CCTP", "dpgf": "DPGF", "bpu": "BPU", "dqe": "DQE", "plan": None, "notes": None,
        "cr": None}
TRADES_IN_TABLE = set(E.MO_RANGE)


class BuildError(Exception):
    pass


def fail(msg):
    raise BuildError(msg)


# ------------------------------------------------------------------ file names
def ext(fmt, style):
    e = {"docx": "docx", "trunc": "docx", "pdf": "pdf", "lopdf": "pdf", "scan": "pdf", "crypt": "pdf",
         "odt": "odt", "xlsx": "xlsx", "png": "png", "txt": "txt"}[fmt]
    if style == "dce" and e in ("pdf", "docx"):
        e = e.upper()
    return e


def stem(style, ref, role, lot=None):
    S = {
        "num": {"rc": f"01_RC_{ref}", "ccap": "02_CCAP_v3_def", "ae": "03_AE", "annex":
                "04_Annexe 1 CCAP - Modalités clause sociale", "fiche": "04_Fiche d'engagement insertion",
                "aapc": "00_AAPC", "cctp": "05_CCTP", "dpgf": "06_DPGF", "bpu": "06_BPU", "dqe": "06_DQE",
                "plan": "07_Plan de situation", "notes": "notes_service", "cr": "Compte rendu réunion préparatoire"},
        "dce": {"rc": f"DCE {ref} - RC", "ccap": f"DCE {ref} - CCAP", "ae": f"DCE {ref} - AE",
                "annex": f"DCE {ref} - Modalités de mise en œuvre de la clause sociale",
                "fiche": f"DCE {ref} - Fiche engagement", "aapc": f"DCE {ref} - Avis", "cctp": f"DCE {ref} - CCTP",
                "dpgf": f"DCE {ref} - DPGF", "bpu": f"DCE {ref} - BPU", "dqe": f"DCE {ref} - DQE",
                "plan": f"DCE {ref} - Plan", "notes": "notes", "cr": "CR réunion préparation DCE"},
        "sub": {"rc": "Pièces administratives/Règlement de la consultation", "ccap": "Pièces administratives/CCAP définitif",
                "ae": "Pièces administratives/Acte d'engagement",
                "annex": "Pièces administratives/Annexe 1 au CCAP – Modalités de mise en œuvre de la clause sociale",
                "fiche": "Pièces administratives/Fiche d'engagement", "aapc": "Pièces administratives/Avis d'appel public",
                "cctp": "Pièces techniques/CCTP", "dpgf": "Pièces techniques/DPGF", "bpu": "Pièces techniques/BPU",
                "dqe": "Pièces techniques/DQE", "plan": "Pièces techniques/Plan masse", "notes": "Notes de travail",
                "cr": "Compte rendu de réunion"},
        "plain": {"rc": f"RC_{ref}", "ccap": f"CCAP {ref}", "ae": f"AE {ref}", "annex": "Annexe_modalites_clause_sociale",
                  "fiche": "Fiche_engagement_insertion", "aapc": "Avis_publicite", "cctp": "CCTP", "dpgf": "DPGF",
                  "bpu": "BPU", "dqe": "DQE", "plan": "plan", "notes": "notes", "cr": "compte-rendu"},
    }[style]
    s = S[role]
    if lot and role == "ae":
        s = {"num": f"03_AE_Lot{lot}", "dce": f"DCE {ref} - AE lot {lot}",
             "sub": f"Pièces administratives/Acte d'engagement lot {lot}", "plain": f"AE_Lot0{lot}"}[style]
    return s


# ------------------------------------------------------------------ one consultation
def render(doc_or_data, fmt, path: Path, seed):
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "docx":
        R.render_docx(doc_or_data, path)
    elif fmt == "pdf":
        R.render_pdf(doc_or_data, path)
    elif fmt == "lopdf":
        how = R.soffice_pdf(doc_or_data, path)
        return how
    elif fmt == "odt":
        R.render_odt(doc_or_data, path)
    elif fmt == "scan":
        R.render_scanned_pdf(doc_or_data, path, seed=seed)
    elif fmt == "crypt":
        R.render_pdf(doc_or_data, path, password="dce-" + str(seed))
    elif fmt == "trunc":
        R.render_docx(doc_or_data, path)
        R.damage_truncate(path, keep=0.45)
    elif fmt == "xlsx":
        R.render_xlsx(doc_or_data[0], path, title=doc_or_data[1])
    elif fmt == "png":
        R.render_plan(path, doc_or_data, seed=seed)
    elif fmt == "txt":
        path.write_text(doc_or_data, encoding="utf-8")
    return fmt


def find_block(doc, pred):
    for i, b in enumerate(doc.blocks):
        if pred(b):
            return i
    fail(f"bloc introuvable dans {doc.title}")


def build_case(d, out: Path):
    c = E.Case(d)
    st = d["files"]["style"]
    ref = d["ref"]
    fm = d["files"]
    seed = int(hashlib.sha1(c.name.encode()).hexdigest()[:6], 16)
    pieces = []  # (role, relpath, fmt, obj, lot)
    hw = set(c.o.get("hardwrap", []))

    def add(role, obj, fmt, lot=None, relstem=None):
        rel = (relstem or stem(st, ref, role, lot)) + "." + ext(fmt, st)
        if isinstance(obj, R.Doc):
            obj.seed = seed % 997
            if role in hw:
                obj.hardwrap = True
        pieces.append(dict(role=role, rel=rel, fmt=fmt, obj=obj, lot=lot))
        return rel

    ccap_doc, clause_num = E.make_ccap(c)
    # CS903 on the CCAP
    if c.has("CS903"):
        if c.errs["CS903"] == "comment":
            i = find_block(ccap_doc, lambda b: b[0] == "h" and b[1] == 1 and "insertion" in b[3].lower())
            ccap_doc.comments.append((i, "À valider avec le service juridique avant la mise en ligne."))
        else:
            i = find_block(ccap_doc, lambda b: b[0] == "p" and b[1].startswith("Les prix sont fermes"))
            ccap_doc.tracked.append((i, " Le délai global de paiement est ramené à 20 jours pour les PME.",
                                     " Le délai global de paiement est de 30 jours."))
    # RC
    if not (c.has("CS105") and c.errs["CS105"] == "rc"):
        if c.has("CS905") and c.errs["CS905"] == "rc":
            r1 = E.make_rc(c, version="Version du 19/10/2026")
            r2 = E.make_rc(c, version="Version du 23/10/2026 (définitive)")
            base = stem(st, ref, "rc")
            add("rc", r1, fm["rc"], relstem=base + "_v1")
            add("rc", r2, fm["rc"], relstem=base + "_v2")
        else:
            add("rc", E.make_rc(c), fm["rc"])
    # CCAP
    if c.has("CS905") and c.errs["CS905"] == "ccap":
        c2, _ = E.make_ccap(c, version="Version 2 – relue le 05/10/2026")
        c3, _ = E.make_ccap(c, version="Version 3 définitive – 09/10/2026")
        add("ccap", c2, fm["ccap"], relstem="02_CCAP_v2")
        add("ccap", c3, fm["ccap"], relstem="02_CCAP_v3_def")
    else:
        add("ccap", ccap_doc, fm["ccap"])
    # AE
    if not (c.has("CS105") and c.errs["CS105"] == "ae"):
        if c.o.get("ae_perlot"):
            for L in c.lots:
                add("ae", E.make_ae(c, clause_num, lot=L["n"]), fm["ae"], lot=L["n"])
        else:
            add("ae", E.make_ae(c, clause_num), fm["ae"])
    if fm.get("annex"):
        add("annex", E.make_annex(c), fm["annex"])
    if fm.get("fiche"):
        add("fiche", E.make_fiche(c, clause_num), fm["fiche"])
    if fm.get("aapc"):
        add("aapc", E.make_aapc(c), fm["aapc"])
    if fm.get("cctp"):
        add("cctp", E.make_cctp(c), fm["cctp"])
    for role in ("dpgf", "bpu", "dqe"):
        if fm.get(role):
            if fm[role] == "xlsx":
                add(role, ([(role.upper(), E.price_rows(c, role.upper()))], f"{role.upper()} {ref}"), "xlsx")
            else:
                doc = R.Doc(f"{role.upper()} – {d['objet']}", subtitle=d["buyer"])
                rows = E.price_rows(c, role.upper())[1:]
                doc.blocks.append(("t", [[("" if x is None else str(x)) for x in r] for r in rows]))
                add(role, doc, fm[role])
    if fm.get("plan"):
        add("plan", [f"{d['buyer']}", f"{d['objet']}", "Plan de situation – échelle 1/500"], "png")
    if fm.get("notes"):
        add("notes", E.notes_text(c), "txt")
    if c.has("CS904"):
        if c.errs["CS904"] == "cr":
            doc = R.Doc("Compte rendu de la réunion de préparation du dossier", subtitle=d["buyer"])
            doc.blocks += [("p", "Présents : service de la commande publique, services techniques."),
                           ("p", "Relecture de la page de garde ; mise à jour du calendrier ; impression des "
                                 "dossiers papier pour les élus."), ("p", "Prochaine réunion : jeudi à 14 h 00.")]
            add("cr", doc, "docx")
        else:
            add("notes", f"Notes de relecture – {ref}\n- numéroter les pages du CCTP\n- vérifier le logo de la "
                         f"page de garde\n- envoyer le dossier au service juridique\n", "txt",
                relstem="Notes relecture DCE")
    # write
    folder = out / c.name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    texts = {}
    for p in pieces:
        how = render(p["obj"], p["fmt"], folder / p["rel"], seed)
        p["how"] = how
        texts[p["rel"]] = logical_text(p["obj"])
    key = answer_key(c, pieces)
    checks(c, pieces, texts, key, folder)
    return c, key, pieces


def logical_text(obj):
    if isinstance(obj, R.Doc):
        return obj.text()
    if isinstance(obj, str):
        return obj
    if isinstance(obj, tuple):
        return "\n".join(" ".join("" if x is None else str(x) for x in r) for _n, rows in obj[0] for r in rows)
    if isinstance(obj, list):
        return "\n".join(obj)
    return ""


# ------------------------------------------------------------------ answer key
def answer_key(c: E.Case, pieces):
    from pathlib import PurePosixPath as P

    base = lambda rel: P(rel).name  # noqa: E731
    kinds = {}
    for p in pieces:
        k = KIND[p["role"]]
        if p["fmt"] in ("trunc", "crypt", "scan"):
            k = None
        kinds[base(p["rel"])] = k
    by_role = {}
    for p in pieces:
        by_role.setdefault(p["role"], []).append(base(p["rel"]))
    ccaps = by_role.get("ccap", [])
    annex = by_role.get("annex", [])
    clause_pieces = ccaps + (annex if (c.o.get("split") or c.has("CS101")) else [])
    F, O = [], []

    def f(code, piece=None, lot=None, planted=True, note=""):
        F.append(dict(code=code, piece=piece if not isinstance(piece, list) or len(piece) > 1 else piece[0],
                      lot=lot, planted=planted, note=note))

    def opt(code, piece=None, lot=None, note=""):
        O.append(dict(code=code, piece=piece if not isinstance(piece, list) or len(piece) > 1 else piece[0],
                      lot=lot, note=note))

    e = c.errs
    for code, arg in e.items():
        if code == "CS101":
            f(code, ccaps, note="le CCAP n'a aucun article de clause ; la clause n'est que dans le RC, l'AE et une "
                                "annexe que le CCAP ne cite pas")
            for k in ("CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
                opt(k, None, note="CCAP sans clause (CS101) : contenu jugé hors du CCAP")
        elif code == "CS102":
            f(code, by_role["rc"], note="le RC ne dit rien de la clause")
        elif code == "CS103":
            f(code, None, note="l'AE ne porte aucun engagement d'heures et il n'y a ni fiche ni annexe d'engagement")
        elif code == "CS104":
            f(code, by_role["aapc"], note="l'avis ne mentionne pas la condition d'exécution sociale")
        elif code == "CS105":
            f(code, None, note={"rc": "le RC manque (la date vient de l'avis)",
                                "ae": "l'AE manque ; la fiche d'engagement porte les heures (pas de CS103)"}[arg])
        elif code == "CS201":
            role = arg
            f(code, by_role[role], note={"ccap": "« article 38 de l'ordonnance n° 2015-899 » comme fondement",
                                         "rc": "« article 62 du décret n° 2016-360 » pour les critères"}[role])
        elif code == "CS202":
            f(code, ccaps, note=f"clause d'exécution fondée sur {arg}")
        elif code == "CS203":
            f(code, ccaps, note={"2009": "CCAG « approuvé par l'arrêté de 2009 » dans les pièces contractuelles",
                                 "art": "mauvais article du CCAG 2021 pour la clause"}[arg])
        elif code == "CS204":
            where = annex if E.placement(c)["publics"] == "annex" else ccaps
            f(code, where,
              note={"pole": "« Pôle emploi » dans la liste des publics", "zus": "« ZUS » dans la liste des publics"}[arg])
        elif code == "CS205":
            f(code, by_role["rc"], note={"221": "seuil européen de 221 000 € HT (2024-2025)",
                                         "40k": "dispense de 40 000 € HT"}[arg])
        elif code in ("CS302", "CS303", "CS304", "CS306", "CS307", "CS308"):
            f(code, clause_pieces, note="élément de clause retiré de toutes les pièces" if code != "CS307"
              else {"smic2025": "pénalité figée sur le SMIC 2025 (11,88 €)",
                    "vague": "pénalité « fixée ultérieurement » sans montant"}[arg])
        elif code == "CS305":
            f(code, clause_pieces, note="aucune obligation de suivi ni de justificatifs")
            f("CS308", clause_pieces, planted=False, note="découle du CS305 : plus de pénalité de retard des documents")
        elif code == "CS301":
            if arg is None:
                f(code, clause_pieces, note="aucun nombre d'heures dans aucune pièce")
                opt("CS103", None, note="aucun nombre d'heures : l'AE ne peut pas s'y engager")
            else:
                f(code, clause_pieces, lot=arg, note=f"lot {arg} couvert « à préciser » partout")
        elif code == "CS401":
            rcs = by_role.get("rc", []) if c.o.get("rc_hours") else []
            f(code, ccaps + rcs + by_role.get("ae", []), lot=arg, note="l'AE donne d'autres heures que le CCAP")
        elif code == "CS402":
            f(code, ccaps, note="total du CCAP faux de 100 h")
        elif code == "CS403":
            f(code, None, lot=arg, note="×4 du calcul, montant et métier au RC")
        elif code == "CS404":
            f(code, ccaps + by_role.get("ae", []), lot=arg, note=f"lot {arg} absent du tableau de l'AE")
        elif code == "CS405":
            f(code, None, lot=arg, note="heures demandées sur une fourniture livrée")
            opt("CS403", None, lot=arg, note="lot de fournitures (CS405)")
        elif code == "CS501":
            f(code, None, note="au-dessus du seuil, lancée après le 21 août 2026, sans condition sociale ni "
                               "justification" + (" (« sans objet » n'en est pas une)" if c.clause == "sans" else ""))
            if c.clause == "none":
                f("CS100", None, planted=False, note="aucune pièce ne porte de clause ni ne dit « sans »")
        elif code == "CS901":
            p = [base(x["rel"]) for x in pieces if x["fmt"] in ("trunc", "crypt")]
            f(code, p, note="fichier illisible (docx tronqué ou PDF chiffré)")
        elif code == "CS902":
            p = [base(x["rel"]) for x in pieces if x["fmt"] == "scan"]
            f(code, p, note="PDF scanné sans couche texte")
        elif code == "CS903":
            f(code, ccaps, note={"comment": "commentaire Word", "tracked": "modification suivie"}[arg])
        elif code == "CS904":
            p = [base(x["rel"]) for x in pieces if x["role"] in ("cr", "notes")]
            f(code, p, note="document de travail oublié dans le dossier")
        elif code == "CS905":
            p = by_role[arg]
            f(code, p, note="deux versions de la même pièce")
        else:
            fail(f"code inconnu {code}")
    # natural findings
    for p in pieces:
        if p["role"] in ("plan",) or (p["role"] == "notes" and not c.has("CS904")):
            f("CS904", base(p["rel"]), planted=False, note="fichier qui n'est pas une pièce (plan, notes)")
        if p["fmt"] in ("trunc", "crypt", "scan"):
            opt("CS904", base(p["rel"]), note="fichier illisible ou scanné : type non reconnaissable")
    if c.clause == "derog":
        opt("CS100", None, note="dérogation motivée à l'obligation de condition sociale")
    if c.clause in ("derog", "sans", "none") and by_role.get("aapc"):
        opt("CS104", by_role["aapc"], note="avis d'une consultation sans clause")
    for L in c.lots:
        if L["n"] in c.hours and L.get("trade") not in TRADES_IN_TABLE:
            opt("CS403", None, lot=L["n"], note="métier hors de la table par défaut (déménagement)")
    if c.ac and c.ac.get("mode") == "tranche":
        opt("CS403", None, note="heures par tranche de commande")
    # CS905: findings on a doubled piece may name either version
    if c.has("CS905"):
        pair = by_role[c.errs["CS905"]]
        for x in F + O:
            pc = x["piece"]
            if isinstance(pc, str) and pc in pair:
                x["piece"] = pair
    # hours per lot
    lots = {}
    for n, h in c.hours.items():
        if h is None:
            continue
        kinds_h = {}
        if c.has("CS101"):
            kinds_h["ANNEXE_CLAUSE"] = h
        else:
            kinds_h["CCAP"] = h
        if c.o.get("rc_hours") or c.has("CS101"):
            if by_role.get("rc"):
                kinds_h["RC"] = h
        if by_role.get("ae") and not c.has("CS103") and not (c.has("CS404") and c.errs["CS404"] == n):
            kinds_h["AE"] = E.ae_hours_for(c, n)
        if by_role.get("fiche"):
            kinds_h["ANNEXE_CLAUSE"] = h
        if (c.has("CS401") and c.errs["CS401"] == n) or (c.has("CS404") and c.errs["CS404"] == n):
            lots[n] = kinds_h
        else:
            assert len(set(kinds_h.values())) == 1
            lots[n] = h
    planted = sum(1 for x in F if x["planted"])
    desc = c.d.get("desc") or (f"{c.d['buyer']} – {c.d['objet']} ; " +
                               ("dossier correct" if not planted else "erreurs plantées : " +
                                ", ".join(sorted(e))))
    return {"name": c.name, "half": "sealed", "review_date": c.d["review"].isoformat(), "description": desc,
            "pieces": kinds, "lots": lots, "findings": F, "optional": O}


# ------------------------------------------------------------------ checks
SIG = {
    "publics": r"demandeurs? d'emploi|\bRSA\b|RQTH|26 ans|50 ans|\bQPV\b|PASS IAE|éligib|minima sociaux|"
               r"travailleurs (reconnus )?handicapés|difficultés particulières|éloignées? de l'emploi|ZUS",
    "modalites": r"embauche directe|mise à disposition|ETTI|GEIQ|sous-trait|co-trait|association intermédiaire|"
                 r"entreprise d'insertion|entreprise adaptée|ESAT|chantier d'insertion",
    "suivi": r"état récapitulatif|plateforme|relevés d'heures|bulletins de paie|justificatifs|bilan",
    "pen_hour": r"par heure d'insertion non réalisée|SMIC|par heure (manquante|non réalisée)",
    "pen_docs": r"jour calendaire de retard dans la transmission|état mensuel non transmis|semaine de retard dans la transmission",
}
STALE = {
    "CS201": r"2015-899|2016-360|code des marchés publics",
    "CS202": r"L2113-13|R2152-7",
    "CS203": r"2009|16\.1 du CCAG-Travaux|20\.1 du CCAG-(FCS|TIC)",
    "CS204": r"P[ôo]le emploi|DIRECCTE|\bZUS\b",
    "CS205": r"221 000|5 538 000|143 000|inférieur à 40 000 € HT",
    "CS307": r"11,88|fixé ultérieurement",
}


def norm(s):
    return unicodedata.normalize("NFC", s).replace("\u00a0", " ").replace("\u202f", " ")


def checks(c: E.Case, pieces, texts, key, folder: Path):
    from pathlib import PurePosixPath as P

    T = {rel: norm(t) for rel, t in texts.items()}
    alltext = "\n".join(T.values())
    # removed elements absent everywhere
    removed = []
    if c.has("CS302"):
        removed.append("publics")
    if c.has("CS303"):
        removed.append("modalites")
    if c.has("CS305"):
        removed += ["suivi", "pen_docs"]
    if c.has("CS306"):
        removed.append("pen_hour")
    if c.has("CS308"):
        removed.append("pen_docs")
    if c.clause != "yes":
        removed += ["publics", "modalites", "suivi", "pen_hour", "pen_docs"]
    for r in removed:
        for rel, t in T.items():
            m = re.search(SIG[r], t, re.I if r not in ("publics",) else 0)
            if m:
                fail(f"{c.name}: élément retiré « {r} » présent dans {rel} : {m.group(0)!r}")
    if c.clause == "yes":
        for r in ("publics", "modalites", "suivi", "pen_hour", "pen_docs"):
            if r not in removed and not re.search(SIG[r], alltext):
                fail(f"{c.name}: élément « {r} » absent alors qu'il n'est pas retiré")
    if c.has("CS304") or c.clause != "yes":
        for fac in E.FAC.values():
            for k in ("tel", "mail", "struct", "person"):
                if fac[k] in alltext:
                    fail(f"{c.name}: contact de facilitateur présent ({fac[k]})")
        if re.search(r"PLIE|Maison de l'emploi|[Gg]uichet clauses|chargée? de mission clauses", alltext):
            fail(f"{c.name}: structure de facilitation présente")
    # stale references only where planted
    for code, rx in STALE.items():
        for rel, t in T.items():
            hits = re.findall(rx, t, re.I)
            base = P(rel).name
            exp = [x for x in key["findings"] if x["code"] == code]
            allowed = any(base == x["piece"] or (isinstance(x["piece"], list) and base in x["piece"]) for x in exp)
            if code == "CS202":
                # legitimate L2113-13 for a reserved lot
                t2 = re.sub(r"L2113-13 du (code de la commande publique|CCP)\)?(, aux| aux|\.)", "", t)
                t2 = re.sub(r"réservé SIAE, art\. L2113-13 du CCP", "", t2)
                hits = re.findall(rx, t2)
            if hits and not allowed:
                fail(f"{c.name}: référence périmée {code} non plantée dans {rel} : {hits}")
        for x in key["findings"]:
            if x["code"] == code and x["planted"]:
                ps = x["piece"] if isinstance(x["piece"], list) else [x["piece"]]
                for pc in ps:
                    rel = next(r for r in T if P(r).name == pc)
                    rx2 = r"fixé ultérieurement" if (code == "CS307" and c.errs["CS307"] == "vague") else rx
                    if not re.search(rx2, T[rel], re.I):
                        fail(f"{c.name}: {code} planté absent de {pc}")
    # L2112-2-1 exactly when the obligation applies and the clause is written with its basis
    for rel, t in T.items():
        if "L2112-2-1" in t and not (c.obligation() or c.clause == "derog"):
            fail(f"{c.name}: L2112-2-1 cité sans obligation ({rel})")
    if c.obligation() and c.clause == "yes" and not (c.has("CS201") or c.has("CS202")) and "L2112-2-1" not in alltext:
        fail(f"{c.name}: obligation du 21 août 2026 sans L2112-2-1")
    # CS501 planted exactly when required
    need501 = c.obligation() and c.clause in ("none", "sans")
    if need501 != c.has("CS501"):
        fail(f"{c.name}: CS501 attendu={need501} planté={c.has('CS501')}")
    # silent pieces
    for p in pieces:
        t = T[p["rel"]]
        if p["role"] == "rc" and c.has("CS102") and re.search(r"insertion|clause sociale|social", t, re.I):
            fail(f"{c.name}: RC non muet (CS102)")
        if p["role"] == "aapc" and c.has("CS104") and re.search(r"insertion|social", t, re.I):
            fail(f"{c.name}: avis non muet (CS104)")
        if p["role"] == "ccap" and c.has("CS101") and re.search(r"insertion|clause sociale", t, re.I):
            fail(f"{c.name}: CCAP non muet (CS101)")
        if p["role"] == "ae" and c.has("CS103") and re.search(r"insertion|heures", t, re.I):
            fail(f"{c.name}: AE non muet (CS103)")
    # hours = calculation, CS401 within range, CS403 out of range
    for L in c.lots:
        n = L["n"]
        if n not in c.hours or c.hours[n] is None or L.get("fixed") or L.get("trade") == "fournitures":
            continue
        h = c.hours[n]
        calc = E.computed(L["a"], L["trade"])
        lo = E.raw_hours(L["a"], L["trade"], E.MO_RANGE[L["trade"]][0])
        hi = E.raw_hours(L["a"], L["trade"], E.MO_RANGE[L["trade"]][1])
        if c.errs.get("CS403") == n:
            if lo <= h <= hi:
                fail(f"{c.name}: CS403 dans la fourchette")
        elif h != calc:
            fail(f"{c.name}: heures du lot {n} {h} ≠ calcul {calc}")
        if c.errs.get("CS401") == n:
            h2 = E.ae_hours_for(c, n)
            if not (lo <= h2 <= hi):
                fail(f"{c.name}: CS401 hors fourchette ({h2} pour {float(lo):.0f}–{float(hi):.0f})")
    for L in c.lots:
        if L.get("small") and E.computed(L["a"], L["trade"]) is not None:
            fail(f"{c.name}: lot {L['n']} devait être sous le minimum")
    # files on disk = key; all different except a planted CS905
    on_disk = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    if sorted(P(x).name for x in on_disk) != sorted(key["pieces"]):
        fail(f"{c.name}: fichiers sur disque ≠ corrigé")
    if len(set(P(x).name for x in on_disk)) != len(on_disk):
        fail(f"{c.name}: noms de base en double")
    dup = set()
    if c.has("CS905"):
        dup = next(x for x in key["findings"] if x["code"] == "CS905")["piece"]
        dup = set(dup)
    seen_b, seen_t = {}, {}
    for p in pieces:
        b = (folder / p["rel"]).read_bytes()
        hb = hashlib.sha1(b).hexdigest()
        tt = re.sub(r"Version[^\n]*", "", T[p["rel"]])
        name = P(p["rel"]).name
        for store, h in ((seen_b, hb), (seen_t, tt)):
            if h in store and not ({store[h], name} <= dup):
                fail(f"{c.name}: {name} identique à {store[h]}")
            store[h] = name
    # planted count
    planted = [x for x in key["findings"] if x["planted"]]
    if c.errs and not (1 <= len(planted) <= 3):
        fail(f"{c.name}: {len(planted)} erreurs plantées")
    # every RC / AAPC dated
    for p in pieces:
        if p["role"] == "rc" and "Date d'envoi à la publication" not in T[p["rel"]]:
            fail(f"{c.name}: RC sans date d'envoi")
    # read back what was written
    for p in pieces:
        path = folder / p["rel"]
        got = extract(path, p["fmt"])
        if p["fmt"] in ("scan", "crypt", "trunc", "png"):
            if p["fmt"] == "scan" and got.strip():
                fail(f"{c.name}: PDF scanné avec du texte")
            continue
        g = dehyph(norm(got))
        want_nums = []
        k = KIND[p["role"]]
        for n, v in key["lots"].items():
            vv = v.get(k) if isinstance(v, dict) else v
            if isinstance(v, dict) and k not in v:
                continue
            if k in ("CCAP", "RC", "AE", "ANNEXE_CLAUSE") and vv is not None:
                if k == "ANNEXE_CLAUSE" and p["role"] == "annex" and not c.has("CS101"):
                    continue
                if (k == "CCAP" and c.has("CS101")) or (k == "AE" and c.has("CS103")):
                    continue
                if k == "RC" and not (c.o.get("rc_hours") or c.has("CS101")):
                    continue
                if k == "AE" and p.get("lot") and p["lot"] != n:
                    continue
                want_nums.append(vv)
        flat = re.sub(r"(?<=\d)[ .](?=\d{3}\b)", "", g)
        for h in want_nums:
            if not re.search(rf"(?<![\d,]){h}(?!\d)", flat):
                fail(f"{c.name}: {h} h introuvable dans {p['rel']} relu")
        for r in removed:
            m = re.search(SIG[r], g)
            if m:
                fail(f"{c.name}: élément retiré « {r} » relu dans {p['rel']} : {m.group(0)!r}")


def dehyph(s):
    return re.sub(r"([a-zà-ÿœ])-\n([a-zà-ÿœ])", r"\1\2", s)


def extract(path: Path, fmt):
    try:
        if fmt in ("docx", "trunc"):
            import docx

            d = docx.Document(str(path))
            out = [p.text for p in d.paragraphs]
            for t in d.tables:
                for r in t.rows:
                    out.append(" | ".join(cell.text for cell in r.cells))
            return "\n".join(out)
        if fmt in ("pdf", "lopdf", "scan", "crypt"):
            import pdfplumber

            with pdfplumber.open(str(path)) as pdf:
                return "\n".join((pg.extract_text() or "") for pg in pdf.pages)
        if fmt == "odt":
            from odf import teletype
            from odf.opendocument import load

            o = load(str(path))
            return "\n".join(teletype.extractText(e) for e in o.text.childNodes)
        if fmt == "xlsx":
            import openpyxl

            wb = openpyxl.load_workbook(str(path))
            return "\n".join(" ".join("" if v is None else str(v) for v in r) for ws in wb for r in ws.iter_rows(values_only=True))
        if fmt == "txt":
            return path.read_text(encoding="utf-8")
    except Exception as e:  # damaged files are expected to fail
        if fmt in ("trunc", "crypt"):
            return ""
        raise BuildError(f"{path}: illisible ({e})")
    return ""


# ------------------------------------------------------------------ main
def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default=str(HERE / "corpus"))
    ap.add_argument("--no-answers", action="store_true")
    ap.add_argument("--only", nargs="*")
    a = ap.parse_args(argv)
    out = Path(a.out) / "sealed"
    out.mkdir(parents=True, exist_ok=True)
    ans = HERE / "answers" / "sealed"
    ans.mkdir(parents=True, exist_ok=True)
    planted, natural, correct = Counter(), Counter(), 0
    soff = Counter()
    try:
        for d in CASES:
            if a.only and d["name"] not in a.only:
                continue
            c, key, pieces = build_case(d, out)
            soff.update(p["how"] for p in pieces if p["fmt"] == "lopdf")
            pl = [x["code"] for x in key["findings"] if x["planted"]]
            planted.update(pl)
            natural.update(x["code"] for x in key["findings"] if not x["planted"])
            if not pl:
                correct += 1
                bad = [x for x in key["findings"] if x["code"] != "CS904"]
                if bad:
                    fail(f"{c.name}: dossier correct avec constats {bad}")
            if not a.no_answers:
                (ans / f"{c.name}.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n",
                                                    encoding="utf-8")
            hs = ", ".join(f"{n}: {v}" for n, v in key["lots"].items()) or "—"
            print(f"{c.name}  {len(pieces):2d} fichiers  heures [{hs}]  plantés {pl}")
        if not a.only:
            if len(CASES) != 36 or correct != 12:
                fail(f"{len(CASES)} consultations, {correct} correctes")
            for code in PLANTABLE:
                if planted[code] < 2:
                    fail(f"{code} planté {planted[code]} fois")
    except BuildError as e:
        print("ÉCHEC :", e, file=sys.stderr)
        return 1
    print(f"\n{correct} correctes ; erreurs plantées : {sum(planted.values())}")
    print("plantées par code : " + ", ".join(f"{k} {v}" for k, v in sorted(planted.items())))
    print("attendues non plantées : " + ", ".join(f"{k} {v}" for k, v in sorted(natural.items())))
    print("PDF LibreOffice : " + ", ".join(f"{k} {v}" for k, v in soff.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
