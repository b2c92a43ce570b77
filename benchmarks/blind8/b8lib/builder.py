"""Places the files of a case and derives its answer key from the planted errors."""

from __future__ import annotations

import datetime as dt
import random
import re
import zlib
from pathlib import PurePosixPath

from . import engine as E

KIND = {"rc": "RC", "ccap": "CCAP", "ae": "AE", "ae_lot": "AE", "annex_lot": "ANNEXE_CLAUSE",
        "avis": "AAPC", "rectif": "AAPC", "cctp": "CCTP", "cctp_lot": "CCTP", "bpu": "BPU", "dqe": "DQE",
        "dpgf": "DPGF", "qr": None, "cadre": None, "planning": None, "notes": None, "png": None}
DEFAULT_NAMES = {"rc": ("RC.pdf", "pdf"), "ccap": ("CCAP.docx", "docx"), "ae": ("AE.docx", "docx"),
                 "avis": ("Avis.pdf", "pdf")}
DAMAGED = {"enc", "trunc", "empty", "scan"}


def seed_of(name):
    return zlib.crc32(name.encode("utf-8"))


def plan_files(case):
    """Returns [(relpath, role, fmt, payload, lotnum)], payload = Doc | str | sheets."""
    rng = random.Random(seed_of(case["name"]))
    E.prepare(case)
    e = case["_errs"]
    files = dict(DEFAULT_NAMES)
    files.update(case.get("files", {}))
    out = []
    clause = case.get("clause", True)

    def add(role, doc, lot=None, name=None):
        fname, fmt = files[role] if name is None else (name, files[role][1])
        out.append([fname, role, fmt, doc, lot])

    ccap_copy = e.get("CS905") == "ccap"
    if "rc" in files and not (e.get("CS105") == "rc"):
        add("rc", E.rc_doc(case, rng))
        if e.get("CS905") == "rc":
            out.append([case["rc_copy"], "rc", files["rc"][1], "COPY:" + files["rc"][0], None])
    if ccap_copy:
        s0 = seed_of(case["name"]) + 7
        add("ccap", E.ccap_doc(case, random.Random(s0), version_line="Version 1 – 02/09/2026"))
        out.append([case["ccap_copy"], "ccap", files["ccap"][1],
                    E.ccap_doc(case, random.Random(s0), version_line="Version 2 – 09/09/2026"), None])
    else:
        add("ccap", E.ccap_doc(case, rng))
    mode = case.get("ae", "single")
    lots = case["_lots"]
    if e.get("CS105") != "ae":
        if mode == "perlot":
            pat = files["ae_lot"][0]
            for l in lots:
                add("ae_lot", E.ae_doc(case, rng, l), l["num"], name=pat.format(n=l["num"]))
        else:
            add("ae", E.ae_doc(case, rng))
    if mode == "annex" and clause is True:
        pat = files["annex_lot"][0]
        for l in E.covered(case):
            add("annex_lot", E.annex_doc(case, rng, l), l["num"], name=pat.format(n=l["num"]))
    if "avis" in case.get("extras", []) or e.get("CS105") == "rc":
        add("avis", E.avis_doc(case, rng))
    for x in case.get("extras", []):
        if x == "avis":
            continue
        if x == "rectif":
            add("rectif", E.rectif_doc(case, rng))
        elif x == "qr":
            add("qr", E.qr_doc(case, rng))
        elif x == "cadre":
            add("cadre", E.cadre_doc(case, rng))
        elif x == "planning":
            add("planning", E.planning_doc(case, rng))
        elif x == "cctp":
            add("cctp", E.cctp_doc(case, rng))
        elif x == "cctp_lot":
            pat = files["cctp_lot"][0]
            for l in lots:
                add("cctp_lot", E.cctp_doc(case, rng, l), l["num"], name=pat.format(n=l["num"]))
        elif x in ("bpu", "dqe", "dpgf"):
            add(x, E.xlsx_sheets(case, x.upper()))
        elif x == "notes":
            add("notes", E.notes_doc(case))
        elif x == "png":
            add("png", ["Capture – profil d'acheteur", "Dépôt du DCE – écran de confirmation"])
    # CS903: revision marks on the CCAP
    if "CS903" in e:
        for f in out:
            if f[1] == "ccap" and isinstance(f[3], E.Doc):
                d = f[3]
                idx = next(i for i, b in enumerate(d.blocks) if b[0] == "p" and "délai" in b[1].lower())
                if e["CS903"] == "comment":
                    d.comments.append((idx, "À revoir avec le maître d'œuvre avant publication."))
                else:
                    d.tracked.append((idx, " La période de préparation peut être prolongée par ordre de service.",
                                      " La période de préparation est incluse."))
    return out


def answer_key(case, out):
    e = case["_errs"]
    pieces = {}
    role_files = {}
    damaged = {}
    for fname, role, fmt, doc, lot in out:
        b = PurePosixPath(fname).name
        if b in pieces:
            raise SystemExit(f"{case['name']}: duplicate base name {b}")
        pieces[b] = None if fmt in DAMAGED else KIND[role]
        role_files.setdefault(role, []).append(b)
        if fmt in DAMAGED:
            damaged[b] = fmt
    F, O = [], []

    def ccap():
        c = role_files.get("ccap", [])
        return c if len(c) > 1 else (c[0] if c else None)

    def rc():
        c = role_files.get("rc", [])
        return c if len(c) > 1 else (c[0] if c else None)

    def f(code, piece, lot=None, planted=True, note=""):
        F.append(dict(code=code, piece=piece, lot=lot, planted=planted, note=note))

    def opt(code, piece=None, lot=None, note=""):
        O.append(dict(code=code, piece=piece, lot=lot, note=note))

    hour_pieces = lambda num: [b for b in (role_files.get("ccap", []) + role_files.get("ae", []) +
                                           [PurePosixPath(x[0]).name for x in out if x[1] in ("ae_lot", "annex_lot") and x[4] == num] +
                                           (role_files.get("rc", []) if case.get("rc_hours") else []))]
    notes = {
        "CS101": "le CCAP ne contient aucun article de clause (la clause n'est qu'au RC et à l'AE)",
        "CS102": "le RC ne dit pas un mot de la clause (ni tableau de synthèse, ni article)",
        "CS103": "l'AE ne porte aucun engagement d'insertion et aucune annexe d'engagement n'existe",
        "CS104": "l'avis ne mentionne pas la condition d'exécution sociale",
        "CS105": "pièce usuelle retirée du dossier",
        "CS201": "référence abrogée plantée",
        "CS202": "article du CCP cité comme fondement de la clause d'exécution à tort",
        "CS203": "CCAG 2009 ou mauvais article du CCAG 2021 pour la clause",
        "CS204": "dénomination obsolète plantée",
        "CS205": "seuil périmé cité dans un dossier de 2026",
        "CS301": "heures de la clause « à préciser » / non fixées",
        "CS302": "publics éligibles retirés de toutes les pièces",
        "CS303": "modalités de mise en œuvre retirées de toutes les pièces",
        "CS304": "contact du facilitateur retiré (seuls restent le service acheteur et le maître d'œuvre)",
        "CS305": "obligations de suivi et de contrôle retirées de toutes les pièces",
        "CS306": "pénalité par heure non réalisée retirée (reste la pénalité de retard des documents)",
        "CS307": "pénalité figée sur le SMIC 2025 ou sans montant",
        "CS308": "pénalité de retard des documents de suivi retirée",
        "CS401": "heures du lot différentes entre le CCAP et l'AE/l'annexe",
        "CS402": "total écrit au CCAP différent de la somme des lots (+100 h)",
        "CS403": "heures du lot multipliées par 4 par rapport au calcul (montant et métier au RC)",
        "CS404": "lot chiffré au CCAP, absent du tableau de l'AE",
        "CS405": "heures demandées sur un lot de fournitures livrées sans main-d'œuvre sur place",
        "CS501": "lancée après le 21 août 2026, au-dessus du seuil, sans condition sociale ni justification",
        "CS901": "fichier illisible (chiffré, tronqué ou vide)",
        "CS902": "PDF scanné sans couche texte",
        "CS903": "modification suivie ou commentaire Word restant dans le CCAP",
        "CS904": "fichier qui n'est pas une pièce du DCE",
        "CS905": "deux versions d'une même pièce",
    }
    for code, arg in e.items():
        n = notes[code]
        if code == "CS101":
            f(code, ccap(), note=n)
            for c in ("CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
                opt(c, None, note="CS101 : le contenu de la clause n'est jugé dans aucune pièce")
        elif code == "CS102":
            f(code, rc(), note=n)
        elif code in ("CS103", "CS105", "CS501"):
            f(code, None, note=n)
        elif code == "CS104":
            f(code, role_files["avis"][0], note=n)
        elif code == "CS201":
            where = {"cmp14": ccap(), "ord38": role_files.get("avis", [None])[0], "cmp53rc": rc()}[arg]
            f(code, where, note=n)
        elif code == "CS204":
            f(code, rc() if arg == "zus_rc" else ccap(), note=n)
        elif code == "CS205":
            f(code, rc(), note=n)
        elif code == "CS301":
            f(code, ccap(), lot=None if arg == "all" else arg, note=n)
            if arg == "all":
                opt("CS103", None, note="aucun nombre d'heures : l'AE s'engage sur la clause sans nombre")
        elif code in ("CS202", "CS203", "CS302", "CS303", "CS304", "CS306", "CS307", "CS308", "CS402", "CS903"):
            f(code, ccap(), note=n)
        elif code == "CS305":
            f(code, ccap(), note=n)
            f("CS308", ccap(), planted=False, note="découle du CS305 : la pénalité de retard des documents "
                                                  "de suivi est retirée avec eux")
        elif code in ("CS401", "CS404"):
            ps = sorted(set(hour_pieces(arg)))
            f(code, ps, lot=arg, note=n)
        elif code == "CS403":
            f(code, None, lot=arg, note=n)
        elif code == "CS405":
            num = [l["num"] for l in case["_lots"] if l["flag"] == "cs405"][0]
            f(code, None, lot=num, note=n)
            opt("CS403", None, lot=num, note="lot de fournitures seules : CS405 attendu, CS403 facultatif")
        elif code in ("CS901", "CS902"):
            for b, fm in damaged.items():
                if (code == "CS902") == (fm == "scan"):
                    f(code, b, note=n + f" ({fm})")
                    opt("CS904", b, note="fichier illisible ou scanné : type non reconnu possible")
        elif code == "CS904":
            for x in out:
                if x[1] in ("notes", "png"):
                    f(code, PurePosixPath(x[0]).name, note="fichier de travail laissé dans le dossier")
        elif code == "CS905":
            pair = role_files["ccap"] if arg == "ccap" else role_files["rc"]
            f(code, sorted(pair), note=n)
    # natural findings
    for x in out:
        b = PurePosixPath(x[0]).name
        if x[1] in ("qr", "cadre", "planning") and b not in damaged:
            f("CS904", b, planted=False, note="document qui n'est aucune des pièces de output.md")
    clause = case.get("clause", True)
    if clause is None:
        f("CS100", None, planted=False, note="aucune pièce ne porte de clause ni ne dit « sans »")
    if clause == "derog":
        opt("CS100", None, note="dérogation motivée : tient lieu de mention ; CS100 facultatif")
    # lots key
    lots = {}
    if clause is True:
        kinds_present = set(v for v in pieces.values() if v)
        for l in case["_lots"]:
            if not l["covered"] or l["h"]["CCAP"] is None:
                continue
            per = {}
            if "CCAP" in kinds_present:
                per["CCAP"] = l["h"]["CCAP"]
            if "RC" in kinds_present and case.get("rc_hours") and "CS102" not in e:
                per["RC"] = l["h"]["RC"]
            mode = case.get("ae", "single")
            if "AE" in kinds_present and mode != "annex" and "CS103" not in e and e.get("CS404") != l["num"]:
                per["AE"] = l["h"]["AE"]
            if mode == "annex":
                per["ANNEXE_CLAUSE"] = l["h"]["ANNEXE_CLAUSE"]
            if "CS101" in e:
                per.pop("CCAP", None)
            if e.get("CS401") == l["num"] or e.get("CS404") == l["num"]:
                lots[l["num"]] = per
            else:
                vals = set(per.values())
                assert len(vals) == 1, (case["name"], l["num"], per)
                lots[l["num"]] = vals.pop()
    return dict(name=case["name"], half="sealed", review_date=case["review"], description=case["desc"],
                pieces=pieces, lots=lots, findings=F, optional=O)
