#!/usr/bin/env python3
"""Builds the twelfth blind corpus (36 sealed consultations) and its answer keys, then checks
what it wrote.

    python benchmarks/blind12/build_corpus.py [OUT] [--no-answers] [--only NAME ...]

OUT defaults to benchmarks/blind12/corpus. Answers go to benchmarks/blind12/answers/sealed/.
Stops with an error when a check fails. Never reads nor runs the tool."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
import zipfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from b12lib import engine as E  # noqa: E402
from b12lib import render as R  # noqa: E402
from b12lib.cases import CASES  # noqa: E402

PLANTABLE = ["CS101", "CS102", "CS103", "CS104", "CS105", "CS201", "CS202", "CS203", "CS204", "CS205",
             "CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308", "CS401", "CS402",
             "CS403", "CS404", "CS405", "CS501", "CS901", "CS902", "CS903", "CS904", "CS905"]


class CheckError(Exception):
    pass


def fail(msg):
    raise CheckError(msg)


# ----------------------------------------------------------------------------- writing
def prepare(c):
    for f in c["files"]:
        if c.get("errs", {}).get("CS102") is not None:
            if f["kind"] == "ANNEXE_CLAUSE":
                f["label"] = "Annexe n° 3 au CCAP" if f["key"] == "calc" else "Annexe à l'acte d'engagement"
    c["_files"] = c["files"]


def write_case(c, out: Path):
    prepare(c)
    folder = out / "sealed" / c["name"]
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    stated = {}  # file name -> {lot: hours}
    for f in c["files"]:
        p = folder / f["name"]
        key, fmt = f["key"], f["fmt"]
        doc = None
        if key == "rc":
            doc = E.gen_rc(c, version=f.get("version"))
            if E.E(c, "CS903") and c["errs"]["CS903"]["piece"] == "RC":
                doc.comments.append((len(doc.blocks) - 6, c["errs"]["CS903"]["text"]))
            if c.get("rc_table") == "landscape" and fmt == "pdf":
                doc.landscape = True
            stated[f["name"]] = rc_hours(c)
        elif key == "ccap":
            doc = E.gen_ccap(c)
            stated[f["name"]] = {} if (E.E(c, "CS101") or not E.has_clause(c)) else E.piece_hours(c, "CCAP")
        elif key == "ccap_copy":
            src = folder / next(x["name"] for x in c["files"] if x["key"] == "ccap")
            shutil.copyfile(src, p)
            stated[f["name"]] = stated[src.name]
            continue
        elif key == "ae":
            stated[f["name"]] = ae_hours(c)
            if fmt == "xlsx":
                R.render_xlsx_formulas(E.gen_ae_xlsx(c) if not E.E(c, "CS103") else ae_xlsx_plain(c), p,
                                       title="Acte d'engagement")
                continue
            doc = E.gen_ae(c)
        elif key == "ae_lot":
            lot = next(l for l in c["lots"] if l["num"] == f["lot"])
            doc = E.gen_ae(c, lot)
            h = ae_hours(c)
            stated[f["name"]] = {lot["num"]: h[lot["num"]]} if lot["num"] in h else {}
        elif key == "calc":
            R.render_xlsx_formulas(E.gen_calc_xlsx(c), p, title="Tableau de calcul des heures d'insertion")
            stated[f["name"]] = E.piece_hours(c, "ANNEXE_CLAUSE")
            continue
        elif key == "fiche":
            doc = E.gen_fiche(c)
            stated[f["name"]] = E.piece_hours(c, "ANNEXE_CLAUSE")
        elif key == "aapc":
            doc = E.gen_aapc(c)
        elif key == "cctp":
            doc = E.gen_cctp(c)
        elif key in ("dpgf", "bpu", "dqe"):
            sheets = E.gen_price(c, key.upper())
            if fmt == "xlsx":
                R.render_xlsx_formulas(sheets, p, title=sheets[0][0])
                continue
            doc = R.Doc(title=sheets[0][1][0][0])
            doc.t([[str(x) for x in r] for r in sheets[0][1][4:]])
        elif key == "plan":
            R.render_plan(p if fmt == "png" else p.with_suffix(".png"),
                          [c["buyer"][:60], c["objet"][:60], "Plan indicatif – sans échelle"], seed=len(c["name"]) + len(p.name))
            if fmt == "jpg":
                from PIL import Image
                Image.open(p.with_suffix(".png")).convert("RGB").save(p, quality=85)
                p.with_suffix(".png").unlink()
            continue
        elif key == "notes":
            txt = notes_text(c, f)
            p.write_text(txt, encoding="utf-8")
            continue
        elif key == "cr":
            doc = E.gen_cr(c)
        else:
            fail(f"clé inconnue {key}")
        # render doc
        if fmt == "docx":
            R.render_docx(doc, p)
        elif fmt == "trunc":
            R.render_docx(doc, p)
            R.damage_truncate(p, 0.45)
        elif fmt == "pdf":
            R.render_pdf(doc, p)
        elif fmt == "enc":
            R.render_pdf(doc, p, password="dce2026")
        elif fmt == "lopdf":
            how = R.soffice_pdf(doc, p)
            c.setdefault("_lo", []).append((f["name"], how))
        elif fmt == "odt":
            R.render_odt(doc, p)
        elif fmt == "scan":
            R.render_scanned_pdf(doc, p, seed=len(c["name"]))
        else:
            fail(f"format inconnu {fmt}")
        c.setdefault("_docs", {})[f["name"]] = doc
    c["_stated"] = stated
    return folder


def ae_xlsx_plain(c):
    rows = [["ACTE D'ENGAGEMENT"], [c["buyer"]], [c["objet"]], [f"Référence : {c['ref']}"], [],
            ["Raison sociale du candidat", ""], ["SIRET", ""], [],
            ["Le candidat s'engage à exécuter les prestations aux prix du bordereau de chaque marché subséquent."],
            [], ["Lot", "Intitulé", "Montant estimatif (€ HT)", "Offre du candidat (€ HT)"]]
    for lot in c["lots"]:
        rows.append([E.lot_label(c, lot), lot["title"], lot["amount"], ""])
    rows += [[], ["Fait à", "", "le", ""], ["Signature du représentant habilité"]]
    return [("Acte d'engagement", rows, {})]


def rc_hours(c):
    if not c.get("rc_hours", True) or not E.has_clause(c) or E.E(c, "CS102") or c.get("mode") == "ms_tranche":
        return {}
    return E.piece_hours(c, "RC")


def ae_hours(c):
    if not E.has_clause(c) or E.E(c, "CS103") or c.get("mode") == "ms_tranche":
        return {}
    return E.piece_hours(c, "AE")


def notes_text(c, f):
    if E.E(c, "CS904") and c["errs"]["CS904"]["file"] == f["name"]:
        return ("Relecture DCE – points à reprendre\n- vérifier les montants des lots avec la direction\n"
                "- demander la version signée du CCTP\n- relire le cadre de prix\n")
    return (f"{c['ref']} – notes du service\nEnvoi au profil d'acheteur prévu le {E.dfr(c['launch'])}.\n"
            "Penser à joindre les plans au format PDF.\n")


# ----------------------------------------------------------------------------- reading back
def norm(t):
    t = t.replace("\u202f", " ").replace("\u00a0", " ").replace("’", "'")
    t = re.sub(r"[ \t]+", " ", t)
    return t


def read_text(p: Path):
    suf = p.suffix.lower()
    try:
        if suf == ".docx":
            with zipfile.ZipFile(p) as z:
                parts = [n for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")]
                xml = " ".join(z.read(n).decode("utf-8") for n in parts)
            xml = re.sub(r"<w:tab/>", " ", xml)
            xml = re.sub(r"</w:p>", "\n", xml)
            return norm(re.sub(r"<[^>]+>", "", xml).replace("&apos;", "'").replace("&amp;", "&")
                        .replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">"))
        if suf == ".odt":
            with zipfile.ZipFile(p) as z:
                xml = z.read("content.xml").decode("utf-8")
            xml = re.sub(r"<text:tab/>", " ", xml)
            xml = re.sub(r"</text:(p|h)>", "\n", xml)
            return norm(re.sub(r"<[^>]+>", "", xml).replace("&apos;", "'").replace("&amp;", "&")
                        .replace("&quot;", '"'))
        if suf == ".pdf":
            import pdfplumber
            with pdfplumber.open(p) as pdf:
                return norm("\n".join((pg.extract_text() or "") for pg in pdf.pages))
        if suf == ".xlsx":
            import openpyxl
            out = []
            for data_only in (False, True):
                wb = openpyxl.load_workbook(p, data_only=data_only)
                for ws in wb.worksheets:
                    for row in ws.iter_rows(values_only=True):
                        out.append(" | ".join("" if v is None else str(v) for v in row))
            return norm("\n".join(out))
        if suf == ".txt":
            return norm(p.read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        return None
    return ""


def nums(text):
    """text with thousands separators removed between digits"""
    return re.sub(r"(?<=\d) (?=\d{3}\b)", "", text)


# ----------------------------------------------------------------------------- answer key
def file_of(c, key):
    return next((f["name"] for f in c["files"] if f["key"] == key), None)


def answer_key(c):
    errs = c["errs"]
    pieces = {f["name"]: f["kind"] for f in c["files"]}
    ccap = file_of(c, "ccap")
    ccap_p = [ccap, file_of(c, "ccap_copy")] if file_of(c, "ccap_copy") else ccap
    rc = file_of(c, "rc")
    findings, optional = [], []

    def add(code, piece=None, lot=None, planted=True, note=""):
        findings.append(dict(code=code, piece=piece, lot=lot, planted=planted, note=note))

    def opt(code, piece=None, lot=None, note=""):
        optional.append(dict(code=code, piece=piece, lot=lot, note=note))

    # lots
    lots = {}
    stated = c["_stated"]
    kinds = {f["name"]: f["kind"] for f in c["files"]}
    for n in E.lot_hours(c):
        per = {}
        for fname, h in stated.items():
            if n in h:
                per.setdefault(kinds[fname], set()).add(h[n])
        if not per:
            continue
        vals = set().union(*per.values())
        if len(vals) == 1:
            lots[n] = vals.pop()
        else:
            for k, v in per.items():
                if len(v) != 1:
                    fail(f"{c['name']} lot {n}: plusieurs valeurs pour {k}")
            lots[n] = {k: next(iter(v)) for k, v in per.items()}
    givers = lambda n: sorted(fn for fn, h in stated.items() if n in h)  # noqa: E731

    for code, prm in errs.items():
        if code == "CS101":
            add(code, ccap, note="CCAP sans article d'insertion ; la clause est au RC, à l'AE et en annexe")
            for k in ["CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"]:
                opt(k, None, note="CS101 : le contenu de la clause n'est pas jugé au CCAP")
        elif code == "CS102":
            add(code, rc, note="RC muet sur la condition d'exécution sociale")
        elif code == "CS103":
            add(code, None, note="aucun AE, annexe ou fiche ne porte l'engagement sur les heures")
        elif code == "CS104":
            add(code, file_of(c, "aapc"), note="avis muet sur la condition d'exécution sociale")
        elif code == "CS105":
            add(code, None, note=f"pièce retirée : {prm['removed'].upper()}")
        elif code == "CS201":
            add(code, rc if prm["piece"].startswith("RC") else ccap_p, note="texte abrogé cité")
        elif code == "CS202":
            add(code, ccap_p, note="article du CCP employé pour un autre mécanisme")
        elif code == "CS203":
            add(code, ccap_p, note="CCAG de 2009 ou mauvais article du CCAG 2021")
        elif code == "CS204":
            add(code, rc if prm["piece"] == "RC" else ccap_p, note=f"dénomination périmée ({prm['word']})")
        elif code == "CS205":
            add(code, rc if prm["piece"] == "RC" else ccap_p, note="seuil périmé")
        elif code == "CS301":
            if prm.get("lots"):
                for n in prm["lots"]:
                    add(code, ccap_p, lot=n, note="heures du lot « à préciser »")
            else:
                add(code, ccap_p, note="aucun nombre d'heures")
                opt("CS103", None, note="aucun nombre d'heures : l'engagement ne peut en porter")
        elif code in ("CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
            add(code, ccap_p, note="élément de clause retiré ou défectueux")
            if code == "CS305":
                add("CS308", ccap_p, planted=False, note="le suivi retiré emporte la pénalité de retard des documents")
        elif code == "CS401":
            for n in prm["delta"]:
                add(code, givers(n), lot=n, note="heures du lot différentes entre pièces")
        elif code == "CS402":
            add(code, ccap_p, note=f"total faux de {prm['delta']} h")
        elif code == "CS403":
            for n in prm["lots"]:
                add(code, None, lot=n, note="heures à 4 fois le calcul")
        elif code == "CS404":
            for n in prm["lots"]:
                add(code, givers(n) + [file_of(c, "ae")], lot=n, note="lot absent du tableau de l'AE")
        elif code == "CS405":
            for n in prm["lots"]:
                add(code, None, lot=n, note="heures sur un lot de fournitures")
                opt("CS403", None, lot=n, note="fournitures : calcul nul")
        elif code == "CS501":
            add(code, None, note="État, valeur au-dessus du seuil, lancé après le 21 août 2026, sans condition "
                                 "sociale ni justification")
            if c.get("clause") == "none":
                add("CS100", None, planted=False, note="aucune clause et aucune pièce ne dit « sans »")
            if file_of(c, "aapc"):
                opt("CS104", file_of(c, "aapc"), note="avis d'une consultation sans clause")
        elif code in ("CS901", "CS902"):
            add(code, prm["file"], note="pièce abîmée ou scannée")
            opt("CS904", prm["file"], note="type non reconnaissable d'une pièce illisible")
        elif code == "CS903":
            add(code, rc if prm["piece"] == "RC" else ccap, note="commentaire ou modification suivie")
        elif code == "CS904":
            add(code, prm["file"], note="fichier qui n'est pas une pièce")
        elif code == "CS905":
            pair = [prm["v1"], prm["v2"]] if "v1" in prm else [ccap, prm["copy"]]
            add(code, pair, note="deux versions d'une même pièce")
        else:
            fail(f"code inconnu {code}")
    # natural findings
    for f in c["files"]:
        if f["key"] in ("plan", "notes") and not (E.E(c, "CS904") and c["errs"]["CS904"]["file"] == f["name"]):
            add("CS904", f["name"], planted=False, note="plan ou notes : pas une pièce")
    if c.get("clause") == "derog":
        opt("CS100", None, note="dérogation motivée : pas de clause")
        if file_of(c, "aapc"):
            opt("CS104", file_of(c, "aapc"), note="avis d'une consultation sans clause")
    if c.get("mode") == "ms_tranche":
        for l in c["lots"]:
            opt("CS403", None, lot=l["num"], note="heures par tranche de marché subséquent")
    key = dict(name=c["name"], half="sealed", review_date=c["review"].isoformat(), description=c["desc"],
               pieces=pieces, lots=lots, findings=findings, optional=optional)
    return key


# ----------------------------------------------------------------------------- checks
REMOVED = {
    "CS302": [r"éligibl", r"demandeurs? d'emploi", r"\brsa\b", r"rqth", r"moins de 26 ans",
              r"difficultés (sociales|particulières)", r"éloignées? de l'emploi", r"pass iae"],
    "CS303": [r"embauche directe", r"mise à disposition", r"\betti\b", r"geiq", r"association intermédiaire",
              r"co-traitance", r"entreprise adaptée", r"\besat\b"],
    "CS305": [r"fiche de suivi", r"relevés? d'heures", r"bilan final", r"tableau de suivi",
              r"documents de (suivi|contrôle)"],
    "CS306": [r"heures? d'insertion non réalisées?", r"par heure (d'insertion )?(non réalisée|manquante)",
              r"nombre d'heures réalisé est inférieur"],
    "CS308": [r"retard (dans la transmission|de production)", r"documents de suivi"],
}
STALE = {
    "cmp": r"code des marchés publics|\bcmp\b",
    "ord": r"2015-899",
    "dec": r"2016-360",
    "ccag2009": r"2009",
    "wrongart": r"16\.1 du ccag-travaux|20\.1 du ccag-(fcs|tic|pi)",
    "l211313": r"l\. ?2113-13",
    "r21527": r"r\. ?2152-7",
    "l211312": r"l\. ?2113-12",
    "pe": r"p[ôo]le[ -]emploi",
    "direccte": r"direccte",
    "zus": r"\bzus\b",
    "seuils": r"221 000|5 538 000|143 000|(?<!\d)(?<!\d )40 000",
    "smic": r"11,88",
    "ult": r"fixé ultérieurement",
}


def planted_stale(c):
    """{pattern key: set of file names where it must be (and only there)}"""
    errs = c["errs"]
    rc, ccap = file_of(c, "rc"), file_of(c, "ccap")
    ccaps = {ccap} | ({file_of(c, "ccap_copy")} if file_of(c, "ccap_copy") else set())
    want = {}
    if "CS201" in errs:
        t = errs["CS201"]["text"].lower()
        k = "cmp" if "marchés publics" in t and "code" in t else ("ord" if "2015-899" in t else "dec")
        want[k] = {rc} if errs["CS201"]["piece"].startswith("RC") else ccaps
    if "CS202" in errs:
        want["l211313" if "2113-13" in errs["CS202"]["text"] else "r21527"] = ccaps
    if "CS203" in errs:
        want["ccag2009" if "2009" in errs["CS203"]["text"] else "wrongart"] = ccaps
    if "CS204" in errs:
        want[errs["CS204"]["word"]] = {rc} if errs["CS204"]["piece"] == "RC" else ccaps
    if "CS205" in errs:
        want["seuils"] = {rc} if errs["CS205"]["piece"] == "RC" else ccaps
    if "CS307" in errs:
        want["smic" if "11,88" in errs["CS307"]["text"] else "ult"] = ccaps
    if c.get("rc_criterion"):
        want["r21527"] = {rc}
    if any(l.get("reserved") for l in c["lots"]):
        want["l211312"] = {rc} | ({file_of(c, "aapc")} if file_of(c, "aapc") else set())
    return want


def check_case(c, folder: Path, key):
    name = c["name"]
    texts = {}
    for f in c["files"]:
        p = folder / f["name"]
        if not p.exists():
            fail(f"{name}: fichier absent {f['name']}")
        texts[f["name"]] = read_text(p)
    on_disk = sorted(x.name for x in folder.iterdir())
    if on_disk != sorted(key["pieces"]):
        fail(f"{name}: fichiers sur disque ≠ corrigé : {on_disk}")
    flat = lambda t: re.sub(r" +", " ", t.replace("-\n", "-").replace("\n", " "))  # noqa: E731
    texts = {n: (flat(t) if t else t) for n, t in texts.items()}
    readable = {n: t.lower() for n, t in texts.items() if t}
    # damaged / scanned
    for f in c["files"]:
        t = texts[f["name"]]
        if f["fmt"] in ("trunc", "enc") and t:
            fail(f"{name}: {f['name']} devrait être illisible")
        if f["fmt"] == "scan" and t and t.strip():
            fail(f"{name}: {f['name']} scanné a une couche texte")
        if f["fmt"] not in ("trunc", "enc", "scan", "png", "jpg") and not t:
            fail(f"{name}: {f['name']} illisible")
    # removed elements
    for code, pats in REMOVED.items():
        removed = code in c["errs"] or (code == "CS308" and "CS305" in c["errs"])
        for pat in pats:
            hits = [n for n, t in readable.items() if re.search(pat, t)]
            if removed and hits:
                fail(f"{name}: {code} retiré mais « {pat} » trouvé dans {hits}")
        if not removed and E.has_clause(c) and not E.E(c, "CS101"):
            ccap_t = readable[file_of(c, "ccap")]
            if not any(re.search(p, ccap_t) for p in pats):
                fail(f"{name}: élément {code} absent du CCAP alors qu'il n'est pas retiré")
    # facilitator
    fac = c["fac"]
    fac_hits = [n for n, t in readable.items() if any(x.lower() in t for x in (fac["tel"], fac["mail"], fac["structure"]))]
    if E.E(c, "CS304"):
        if fac_hits:
            fail(f"{name}: CS304 mais contact trouvé dans {fac_hits}")
        if not c["errs"]["CS304"].get("vague") and any("facilitat" in t for t in readable.values()):
            fail(f"{name}: CS304 sans facilitateur, mais le mot figure")
    elif E.has_clause(c) and not E.E(c, "CS101") and file_of(c, "ccap") not in fac_hits:
        fail(f"{name}: contact du facilitateur absent du CCAP")
    # stale references
    want = planted_stale(c)
    for k, pat in STALE.items():
        hits = {n for n, t in readable.items() if re.search(pat, t)}
        exp = want.get(k, set())
        if k in want:
            if not hits or not hits <= exp:
                fail(f"{name}: « {k} » attendu dans {exp}, trouvé dans {hits}")
        elif hits:
            fail(f"{name}: référence « {k} » non plantée trouvée dans {hits}")
    # L2112-2-1
    if E.has_clause(c) and not E.E(c, "CS101") and not E.E(c, "CS201") and not E.E(c, "CS202"):
        has = "2112-2-1" in readable[file_of(c, "ccap")]
        if has != E.obligation_applies(c):
            fail(f"{name}: L2112-2-1 cité={has}, obligation={E.obligation_applies(c)}")
    # CS501
    planted501 = "CS501" in c["errs"]
    need501 = (E.obligation_applies(c) and c.get("clause") in ("none", "sans"))
    if planted501 != need501:
        fail(f"{name}: CS501 planté={planted501}, exigé={need501}")
    # silent pieces
    silent_pat = r"insertion|clause sociale|condition d'exécution à caractère social"
    if E.E(c, "CS102") and re.search(silent_pat, readable[file_of(c, "rc")]):
        fail(f"{name}: RC non muet")
    if E.E(c, "CS104") and re.search(silent_pat + r"|social", readable[file_of(c, "aapc")]):
        fail(f"{name}: avis non muet")
    if E.E(c, "CS103") and re.search(r"insertion|heures", readable[file_of(c, "ae")]):
        fail(f"{name}: AE non muet")
    if E.E(c, "CS101") and re.search(r"insertion|clause sociale|à caractère social", readable[file_of(c, "ccap")]):
        fail(f"{name}: CCAP non muet")
    if c.get("clause") == "none" and any(re.search(r"insertion|clause sociale|à caractère social", t)
                                         for t in readable.values()):
        fail(f"{name}: dossier sans clause qui parle d'insertion")
    # the RC (or avis) is dated
    datefile = file_of(c, "rc") or file_of(c, "aapc")
    if E.dfr(c["launch"]) not in (texts[datefile] or ""):
        fail(f"{name}: date d'envoi absente de {datefile}")
    # hours: every stated number present in its piece; non planted lots = calculation
    for fname, hrs in c["_stated"].items():
        t = nums(texts[fname] or "")
        for n, h in hrs.items():
            if not re.search(rf"(?<![\d,.]){h}(?![\d,])", t):
                fail(f"{name}: {h} h (lot {n}) absent de {fname}")
    for lot in c["lots"]:
        n = lot["num"]
        raw = float(E.raw_hours(lot["amount"], lot["trade"]))
        planted = any(n in (p.get("lots") or p.get("delta") or {}) for k, p in c["errs"].items()
                      if k in ("CS403", "CS405", "CS401", "CS301"))
        if E.covered(lot) and lot["trade"] != "fournitures" and E.has_clause(c) and c.get("mode") != "ms_tranche":
            if raw < 95:
                fail(f"{name}: lot {n} couvert à {raw:.1f} h brutes (< 95)")
            frac = (raw / 5) % 1
            if abs(frac - 0.5) < 0.1:
                fail(f"{name}: lot {n} près d'une moitié d'arrondi ({raw:.2f})")
            lo, hi = E.hours_range(lot["amount"], lot["trade"])
            for fname, hrs in c["_stated"].items():
                if n not in hrs:
                    continue
                h = hrs[n]
                if not planted and h != E.hours(lot["amount"], lot["trade"]):
                    fail(f"{name}: lot {n} {h} ≠ calcul dans {fname}")
                if "CS401" in c["errs"] and n in c["errs"]["CS401"]["delta"] and not (lo <= h <= hi):
                    fail(f"{name}: CS401 lot {n} {h} hors fourchette {lo:.0f}-{hi:.0f}")
                if "CS403" in c["errs"] and n in c["errs"]["CS403"]["lots"] and lo <= h <= hi * 1.5:
                    fail(f"{name}: CS403 lot {n} {h} trop près de la fourchette")
        elif not E.covered(lot) and not lot.get("reserved") and lot["trade"] != "fournitures":
            if raw >= 60:
                fail(f"{name}: lot {n} non concerné à {raw:.1f} h brutes")
    # per-piece coverage: a piece that gives hours gives them for every lot (except planted CS404/CS301)
    full = set(E.lot_hours(c))
    for f in c["files"]:
        h = c["_stated"].get(f["name"])
        if not h or f["key"] == "ae_lot":
            continue
        missing = full - set(h)
        if "CS404" in c["errs"] and f["kind"] == "AE":
            missing -= set(c["errs"]["CS404"]["lots"])
        if missing:
            fail(f"{name}: {f['name']} ne donne pas les lots {missing}")
    # files all different (bytes and text) except the CS905 pair
    pair = set()
    if "CS905" in c["errs"]:
        p = c["errs"]["CS905"]
        pair = {p.get("v1"), p.get("v2")} if "v1" in p else {file_of(c, "ccap"), p["copy"]}
    seen_b, seen_t = {}, {}
    for f in c["files"]:
        b = hashlib.sha256((folder / f["name"]).read_bytes()).hexdigest()
        t = texts[f["name"]]
        for store, val in ((seen_b, b), (seen_t, t)):
            if val and val in store and not {store[val], f["name"]} <= pair:
                fail(f"{name}: {f['name']} identique à {store[val]}")
            if val:
                store[val] = f["name"]
    # answer-key sanity
    if not c["errs"]:
        bad = [x for x in key["findings"] if x["code"] != "CS904"]
        if bad:
            fail(f"{name}: dossier correct avec constats {bad}")
    elif not 1 <= len(c["errs"]) <= 3:
        fail(f"{name}: {len(c['errs'])} erreurs plantées")
    if E.has_clause(c) and c.get("mode") != "ms_tranche" and "CS301" not in c["errs"] and not key["lots"]:
        fail(f"{name}: aucune heure dans le corrigé")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default=str(HERE / "corpus"))
    ap.add_argument("--no-answers", action="store_true")
    ap.add_argument("--only", nargs="*")
    a = ap.parse_args(argv)
    out = Path(a.out)
    cases = [c for c in CASES if not a.only or c["name"] in a.only]
    names = [c["name"] for c in CASES]
    if len(CASES) != 36 or len(set(names)) != 36:
        fail("36 consultations attendues")
    correct = [c for c in CASES if not c["errs"]]
    if len(correct) != 12:
        fail(f"12 dossiers corrects attendus, {len(correct)}")
    per_code = Counter(code for c in CASES for code in c["errs"])
    for code in PLANTABLE:
        if per_code[code] < 2:
            fail(f"{code} planté {per_code[code]} fois")
    ans = HERE / "answers" / "sealed"
    ans.mkdir(parents=True, exist_ok=True)
    natural = Counter()
    for c in cases:
        folder = write_case(c, out)
        key = answer_key(c)
        check_case(c, folder, key)
        for x in key["findings"]:
            if not x["planted"]:
                natural[x["code"]] += 1
        if not a.no_answers:
            (ans / f"{c['name']}.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
        lo = ", ".join(f"{n}:{h}" for n, h in c.get("_lo", []))
        print(f"{c['name']}: {len(c['files'])} fichiers, erreurs {sorted(c['errs']) or '—'}, heures "
              f"{key['lots']}" + (f" [{lo}]" if lo else ""))
    print(f"\n{len(cases)} consultations, {len(correct)} correctes ; erreurs plantées : {sum(per_code.values())}")
    print("par code : " + ", ".join(f"{k}×{per_code[k]}" for k in PLANTABLE))
    print("constats attendus non plantés : " + ", ".join(f"{k}×{v}" for k, v in sorted(natural.items())))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except CheckError as e:
        print(f"ERREUR DE CONTRÔLE : {e}", file=sys.stderr)
        sys.exit(1)
