#!/usr/bin/env python3
"""Builds the blind14 corpus (36 sealed consultations) and its answer keys, then checks them.

    /work/main/.venv/bin/python benchmarks/blind14/build_corpus.py [OUTDIR] [--no-answers] [--only ID ...]

OUTDIR defaults to benchmarks/blind14/corpus; consultations go to OUTDIR/sealed/<name>/, keys to
benchmarks/blind14/answers/sealed/<name>.json. Stops with an error when a self-check fails.
Nothing here reads, runs or imports the reviewed tool."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import shutil
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from b14lib import engine as E  # noqa: E402
from b14lib import readback as RB  # noqa: E402
from b14lib import render as OLD  # noqa: E402
from b14lib import rich as R  # noqa: E402
from b14lib import texts as X  # noqa: E402
from b14lib.cases import CASES  # noqa: E402

KIND = {"rc": "RC", "ccap": "CCAP", "ae": "AE", "annex": "ANNEXE_CLAUSE", "avis": "AAPC", "cctp": "CCTP"}
PLANTABLE = ["CS101", "CS102", "CS103", "CS104", "CS105", "CS201", "CS202", "CS203", "CS204", "CS205",
             "CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308", "CS401", "CS402",
             "CS403", "CS404", "CS405", "CS501", "CS901", "CS902", "CS903", "CS904", "CS905"]
NOTE = {
    "CS101": "le CCAP n'a aucun article de clause alors que le RC et l'AE donnent des heures",
    "CS102": "le RC n'annonce pas la clause",
    "CS103": "aucun AE ni annexe ne porte l'engagement d'heures",
    "CS104": "l'avis ne mentionne pas la condition d'exécution sociale",
    "CS105": "pièce usuelle absente du dossier",
    "CS201": "texte abrogé cité",
    "CS202": "article du CCP cité pour un autre mécanisme",
    "CS203": "CCAG de 2009 ou mauvais article du CCAG 2021",
    "CS204": "dénomination périmée",
    "CS205": "seuil périmé",
    "CS301": "aucun nombre d'heures",
    "CS302": "aucun public éligible",
    "CS303": "aucune modalité de réalisation",
    "CS304": "aucun contact de facilitateur",
    "CS305": "aucune obligation de suivi",
    "CS306": "aucune pénalité par heure non réalisée",
    "CS307": "pénalité sans montant ou figée sur un SMIC passé",
    "CS308": "aucune pénalité de retard des documents de suivi",
    "CS401": "heures d'un lot différentes d'une pièce à l'autre",
    "CS402": "total faux",
    "CS403": "heures hors de la fourchette du calcul",
    "CS404": "lot absent d'une pièce qui liste les lots",
    "CS405": "heures demandées sur une fourniture seule",
    "CS501": "consultation au-dessus du seuil après le 21 août 2026 sans condition sociale ni justification",
    "CS901": "pièce illisible",
    "CS902": "PDF scanné sans couche texte",
    "CS903": "document Word avec modifications suivies ou commentaires",
    "CS904": "fichier qui n'est pas une pièce du DCE",
    "CS905": "deux versions d'une même pièce",
}


class CheckError(Exception):
    pass


def need(cond, msg):
    if not cond:
        raise CheckError(msg)


# ==================================================================== writing
def fname(spec, key="name"):
    n = spec[key]
    return E.nfd(n) if spec.get("nfd") is True else n


def apply_patches(c, role, doc):
    for p in c.d.get("patches", []):
        if p["role"] != role:
            continue
        done = False
        for bi, b in enumerate(doc.blocks):
            if b[0] not in ("p", "li", "h", "t"):
                continue
            if b[0] == "t":
                for r in b[1]:
                    for ci, cell in enumerate(r):
                        segs = [cell] if isinstance(cell, str) else cell
                        new = _patch_segs(segs, p)
                        if new is not None:
                            r[ci] = new
                            done = True
                            break
                    if done:
                        break
            else:
                idx = 1 if b[0] != "h" else 2
                new = _patch_segs(b[idx], p)
                if new is not None:
                    lst = list(b)
                    lst[idx] = new
                    doc.blocks[bi] = tuple(lst)
                    done = True
            if done:
                break
        need(done, f"{c.name}: correctif {p} introuvable")


def _patch_segs(segs, p):
    for i, s in enumerate(segs):
        if isinstance(s, str) and p["find"] in s:
            a, b = s.split(p["find"], 1)
            if p["op"] == "track_ins_after":
                mid = [p["find"], ("ins", p["text"])]
            elif p["op"] == "track_prev":
                mid = [("del", p["old"]), ("ins", p["find"])]
            else:
                raise ValueError(p["op"])
            return segs[:i] + [x for x in [a] if x] + mid + [x for x in [b] if x] + segs[i + 1:]
    return None


def write_doc(doc, dest: Path, fmt, lo_jobs, seed=0):
    if fmt == "docx":
        R.render_docx(doc, dest)
    elif fmt == "pdf":
        R.render_pdf(doc, dest, seed=seed)
    elif fmt == "odt":
        R.render_odt(doc, dest)
    elif fmt == "lo":
        lo_jobs.append((doc, dest))
    elif fmt == "scan":
        R.render_scanned(R.plain_lines(doc, True), dest, seed=seed)
    else:
        raise ValueError(fmt)


def run_lo(lo_jobs):
    if not lo_jobs:
        return
    stage = Path(tempfile.mkdtemp(prefix="b14lo_"))
    srcs = []
    for i, (doc, dest) in enumerate(lo_jobs):
        src = stage / f"job{i:03d}.docx"
        R.render_docx(doc, src)
        srcs.append(src)
    outdir = stage / "out"
    R.soffice_convert(srcs, outdir)
    for i, (doc, dest) in enumerate(lo_jobs):
        out = outdir / f"job{i:03d}.pdf"
        need(out.exists() and out.stat().st_size > 1000, f"LibreOffice n'a pas converti {dest}")
        shutil.move(str(out), str(dest))
    shutil.rmtree(stage, ignore_errors=True)


def write_extra(c, ex, dest: Path):
    t = ex["type"]
    rng = random.Random(c.name + ex["name"])
    if t == "plan_png":
        OLD.render_plan(dest, [c.b["name"], "Plan des tournées de collecte – secteurs A à F",
                               "Échelle 1/25 000 – document indicatif"], seed=rng.randint(0, 999))
    elif t == "photo_jpg":
        from PIL import Image, ImageDraw, ImageFilter
        img = Image.new("RGB", (1200, 800), (150, 170, 140))
        dr = ImageDraw.Draw(img)
        for _ in range(60):
            x, y = rng.randint(0, 1150), rng.randint(0, 750)
            col = tuple(rng.randint(40, 230) for _ in range(3))
            dr.ellipse([x, y, x + rng.randint(20, 200), y + rng.randint(20, 160)], fill=col)
        img.filter(ImageFilter.GaussianBlur(3)).save(dest, "JPEG", quality=82)
    elif t == "screenshot_png":
        from PIL import Image, ImageDraw, ImageFont
        img = Image.new("RGB", (1440, 900), (236, 236, 236))
        dr = ImageDraw.Draw(img)
        f = ImageFont.truetype(str(R.FONT_DIR / "DejaVuSans.ttf"), 22)
        dr.rectangle([0, 0, 1440, 40], fill=(210, 210, 210))
        for k, col in enumerate([(255, 95, 86), (255, 189, 46), (39, 201, 63)]):
            dr.ellipse([14 + 26 * k, 12, 30 + 26 * k, 28], fill=col)
        dr.text((120, 100), "Profil d'acheteur – consultation " + c.ref, fill=(20, 20, 20), font=f)
        dr.text((120, 150), "Dépôt du dossier : 4 fichiers téléversés", fill=(20, 20, 20), font=f)
        dr.rectangle([120, 220, 1300, 800], outline=(120, 120, 120), width=2)
        img.save(dest)
    elif t == "notes_txt":
        dest.write_text("Réunion de préparation du marché de nettoyage – notes internes\n"
                        "- vérifier les horaires d'ouverture des bâtiments avec les services\n"
                        "- prévoir une visite des locaux en septembre\n"
                        "- relire le CCAP avec la maison de l'emploi avant publication\n", encoding="utf-8")
    elif t == "plan_pdf":
        from fpdf import FPDF
        pdf = FPDF(orientation="L", format="A4")
        pdf.set_creation_date(R.FIXED_TIME)
        pdf.add_font("DejaVu", "", str(R.FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_page()
        pdf.set_line_width(0.6)
        for _ in range(18):
            x, y = rng.randint(20, 230), rng.randint(20, 150)
            pdf.rect(x, y, rng.randint(12, 40), rng.randint(10, 30))
        pdf.line(10, 100, 287, 120)
        pdf.set_font("DejaVu", "", 9)
        pdf.rect(200, 170, 85, 30)
        pdf.set_xy(202, 172)
        pdf.multi_cell(80, 5, f"{c.b['name']}\nPlan de situation des résidences\nÉchelle 1/5 000 – indice A")
        pdf.output(str(dest))
    elif t == "delib_pdf":
        d = R.RDoc(title="EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL COMMUNAUTAIRE",
                   subtitle=f"{c.b['name']} – séance du 30 juin 2026", num="none", footer="")
        d.p("L'an deux mille vingt-six, le trente juin, le conseil communautaire, régulièrement convoqué, s'est "
            "réuni au siège de la communauté sous la présidence de son président.")
        d.p("Objet : renouvellement des contrats de collecte des déchets ménagers – autorisation de lancer la "
            "consultation et de signer les marchés.")
        d.p("Le conseil, après en avoir délibéré, à l'unanimité, autorise le président à lancer la consultation, "
            "à signer les marchés à intervenir et tout document s'y rapportant.")
        d.p("Membres en exercice : 32 – présents : 27 – votants : 30.")
        R.render_pdf(d, dest)
    elif t == "pages":
        with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(zipfile.ZipInfo("Index/Document.iwa", date_time=(2026, 9, 30, 10, 0, 0)),
                       bytes(rng.randint(0, 255) for _ in range(6000)))
            z.writestr(zipfile.ZipInfo("Index/Metadata.iwa", date_time=(2026, 9, 30, 10, 0, 0)),
                       bytes(rng.randint(0, 255) for _ in range(900)))
            z.writestr(zipfile.ZipInfo("Metadata/Properties.plist", date_time=(2026, 9, 30, 10, 0, 0)),
                       '<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict>'
                       '<key>documentUUID</key><string>6F1C2B7A-0D1E-4C55-9E3B-2B8A1C9D4E10</string>'
                       '<key>fileFormatVersion</key><string>14.1.1</string></dict></plist>')
    elif t == "html_pdf":
        dest.write_text("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
                        "<title>Session expirée</title></head>\n<body><h1>Votre session a expiré</h1>"
                        "<p>Le document demandé n'a pas pu être téléchargé. Veuillez vous reconnecter au profil "
                        "d'acheteur puis relancer le téléchargement.</p></body></html>\n", encoding="utf-8")
    elif t == "scan_pdf":
        lines = ["DÉTAIL QUANTITATIF ESTIMATIF", c.b["name"], c.objet]
        for l in c.lots:
            lines += [f"Lot {l.n} – {l.title}", "Désignation – unité – quantité – prix unitaire – montant",
                      "Collecte hebdomadaire – tournée – 52 – ………… – …………",
                      "Collecte supplémentaire – tournée – 6 – ………… – …………"]
        R.render_scanned(lines, dest, seed=rng.randint(0, 999))
    else:
        raise ValueError(t)


def build_case(c, outdir: Path, lo_jobs):
    """Writes the consultation's files. Returns dict with the written files by role, and the docs."""
    folder = outdir / c.name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    written = {}   # role -> list of (file name, lot or None, doc)
    docs = {}
    c._bookmarks = {}
    nums = {}
    if "ccap" in c.files:
        ccap, nums_full = E.build_ccap(c)
        nums = dict(nums_full)
        nums["ccap_clause"] = nums_full.get("clause") if c.clause and not c.err("CS101") else None
        apply_patches(c, "ccap", ccap)
        docs["ccap"] = ccap
    specs = c.files
    seed = int(hashlib.sha256(c.name.encode()).hexdigest()[:6], 16)
    # RC
    if "rc" in specs:
        rc = E.build_rc(c, nums)
        apply_patches(c, "rc", rc)
        docs["rc"] = rc
    if "annex" in specs:
        an = E.build_annex(c, nums)
        apply_patches(c, "annex", an)
        docs["annex"] = an
    if "avis" in specs:
        docs["avis"] = E.build_avis(c)
    if "cctp" in specs:
        docs["cctp"] = E.build_cctp(c)
    for role in ("rc", "ccap", "annex", "avis", "cctp"):
        if role in docs:
            sp = specs[role]
            name = fname(sp)
            write_doc(docs[role], folder / name, sp["fmt"], lo_jobs, seed=seed)
            written[role] = [(name, None, docs[role])]
    if "ae" in specs:
        sp = specs["ae"]
        if sp.get("perlot"):
            written["ae"] = []
            for l in c.lots:
                name = sp["names"][l.n]
                if l.n in sp.get("nfd", set()):
                    name = E.nfd(name)
                doc = E.build_ae(c, nums, lot=l)
                write_doc(doc, folder / name, sp["fmt"], lo_jobs, seed=seed)
                written["ae"].append((name, l.n, doc))
        else:
            doc = E.build_ae(c, nums)
            name = fname(sp)
            write_doc(doc, folder / name, sp["fmt"], lo_jobs, seed=seed)
            written["ae"] = [(name, None, doc)]
    written["prices"] = []
    for sp in specs.get("prices", []):
        name = fname(sp)
        OLD.render_xlsx(E.price_sheets(c, sp["kind"]), folder / name, title=f"{sp['kind']} – {c.ref}")
        written["prices"].append((name, sp["kind"], None))
    written["extras"] = []
    for ex in c.d.get("extras", []):
        name = E.nfd(ex["name"]) if ex.get("nfd") else ex["name"]
        write_extra(c, ex, folder / name)
        written["extras"].append((name, ex, None))
    return folder, written, docs


def make_dups(c, folder, written):
    """CS905: copies made once every file exists (LibreOffice outputs included)."""
    out = []
    for e in c.errs:
        if e["code"] != "CS905":
            continue
        src = written[e["dup"]][0][0]
        dst = E.nfd(src) if e.get("nfd") else e["name"]
        need(dst != src, f"{c.name}: la copie CS905 a le même nom")
        shutil.copyfile(folder / src, folder / dst)
        out.append((e["dup"], src, dst))
    return out


# ==================================================================== answer key
def clause_pieces(c, written, dups):
    """File(s) that hold the clause (content rules)."""
    files = []
    if "ccap" in written and c.layout != "annex":
        files.append(written["ccap"][0][0])
    if "annex" in written and c.files["annex"].get("kind") in ("clause", "spread", "liaison"):
        files.append(written["annex"][0][0])
    if "ccap" in written and c.layout == "annex":
        files.insert(0, written["ccap"][0][0])
    for role, src, dst in dups:
        if src in files:
            files.append(dst)
    return files


def hours_roles(c, written):
    roles = []
    if "ccap" in written and c.clause and not c.err("CS101") and c.layout in ("sub", "spread", "prose", "bullets"):
        roles.append("ccap")
    if "annex" in written and c.files["annex"].get("kind") in ("clause", "engagement", "liaison"):
        roles.append("annex")
    if "ae" in written and c.clause and not c.err("CS103"):
        roles.append("ae")
    if "rc" in written and c.d.get("rc_hours") and not c.err("CS102"):
        roles.append("rc")
    if c.hmode == "rate_only":
        return []
    return roles


def pieces_of(c, written, role, lot=None):
    out = []
    for name, ln, _doc in written.get(role, []):
        if ln is None or lot is None or ln == lot:
            out.append(name)
    return out


def one(x):
    x = list(dict.fromkeys(x))
    return x[0] if len(x) == 1 else x


def with_nfc(name):
    """A NFD file name may be reported in NFC by a tool: both forms are accepted for findings."""
    n = E.nfc(name)
    return [name, n] if n != name else name


def answer_key(c, written, dups):
    pieces = {}
    for role in ("rc", "ccap", "annex", "avis", "cctp", "ae"):
        for name, _ln, _d in written.get(role, []):
            k = KIND[role]
            if role == "cctp" and c.files["cctp"].get("fmt") == "scan":
                k = None
            pieces[name] = k
    for name, kind, _ in written.get("prices", []):
        pieces[name] = kind
    for name, _ex, _ in written.get("extras", []):
        pieces[name] = None
    for role, src, dst in dups:
        pieces[dst] = pieces[src]
    # hours
    lots = {}
    hr = hours_roles(c, written)
    for l in c.lots:
        if l.cover != "oui":
            continue
        vals = {}
        for r in hr:
            h = c.hours(l, r)
            if h is not None:
                vals[KIND[r]] = h
        if not vals:
            continue
        lots[l.n] = next(iter(vals.values())) if len(set(vals.values())) == 1 else vals
    findings, optional = [], []

    def add(code, piece, lot=None, planted=True, note=None):
        findings.append(dict(code=code, piece=piece, lot=lot, planted=planted, note=note or NOTE[code]))

    def opt(code, piece=None, lot=None, note=""):
        optional.append(dict(code=code, piece=piece, lot=lot, note=note))

    cl = one(clause_pieces(c, written, dups)) if c.clause else None
    for e in c.errs:
        code = e["code"]
        if code == "CS101":
            add(code, written["ccap"][0][0])
            for k in ("CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
                opt(k, None, note="CS101 : le contenu de la clause n'est jugé dans aucune pièce")
        elif code == "CS102":
            add(code, written["rc"][0][0])
        elif code in ("CS103", "CS105", "CS501"):
            add(code, None)
        elif code == "CS104":
            add(code, with_nfc(written["avis"][0][0]))
        elif code in ("CS201", "CS202", "CS203", "CS204", "CS205"):
            add(code, written[e["role"]][0][0])
        elif code in ("CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
            add(code, cl)
            if code == "CS305":
                add("CS308", cl, planted=False, note="découle du CS305 : sans suivi, pas de pénalité de retard "
                                                     "des documents")
        elif code == "CS301":
            lot = e.get("lot")
            add(code, cl, lot=lot)
            opt("CS103", None, note="aucun nombre d'heures : l'AE s'engage sur la clause sans nombre")
        elif code == "CS401":
            ps = []
            for r in hr:
                if c.hours(c.lot(e["lot"]), r) is not None:
                    ps += pieces_of(c, written, r, e["lot"])
            add(code, one(ps), lot=e["lot"])
        elif code == "CS402":
            add(code, written[e["role"]][0][0])
        elif code == "CS403":
            add(code, None, lot=e["lot"])
        elif code == "CS404":
            ps = pieces_of(c, written, e["role"])
            for r in hr:
                if c.hours(c.lot(e["lot"]), r) is not None:
                    ps += pieces_of(c, written, r, e["lot"])
            add(code, one(ps), lot=e["lot"])
            if e["role"] == "ae":
                opt("CS103", None, lot=e["lot"], note="le lot manque de l'AE, seule pièce d'engagement")
        elif code == "CS405":
            add(code, None, lot=e["lot"])
            opt("CS403", None, lot=e["lot"], note="fourniture seule : CS405 suffit")
        elif code in ("CS901", "CS902"):
            name = e["extra"]
            if code == "CS902" and "cctp" in written and written["cctp"][0][0] == name:
                pass
            add(code, name)
            opt("CS904", name, note="fichier illisible ou scanné : son type ne peut pas être reconnu")
        elif code == "CS903":
            add(code, written[e["role"]][0][0])
        elif code == "CS904":
            for name, ex, _ in written["extras"]:
                if ex.get("planted") == "CS904":
                    add(code, with_nfc(name))
        elif code == "CS905":
            pass
        else:
            raise ValueError(code)
    for role, src, dst in dups:
        add("CS905", [src, dst])
    # natural CS904 of plans, photos, notes
    for name, ex, _ in written.get("extras", []):
        if ex["type"] in ("plan_png", "photo_jpg", "notes_txt", "plan_pdf"):
            add("CS904", with_nfc(name), planted=False, note="fichier qui n'est pas une pièce (plan, photo, notes)")
    # no clause at all
    if not c.clause:
        if c.noclause == "rien":
            add("CS100", None, planted=False, note="aucune pièce ne porte de clause ni ne dit « sans »")
        if c.noclause == "derogation":
            opt("CS100", None, note="dérogation motivée : elle tient lieu de mention")
        if "avis" in written:
            opt("CS104", written["avis"][0][0], note="avis d'une consultation sans clause")
    # CS403 optional: trades outside the default table, hours per tranche / per order
    for l in c.lots:
        if l.trade not in E.MO and l.cover == "oui":
            opt("CS403", None, lot=l.n, note="métier hors de la table par défaut : heures fixées par l'acheteur")
        if l.cover in ("tranche", "bc"):
            opt("CS403", None, lot=l.n, note="heures par tranche de commandes ou par bon de commande")
    if c.d["id"] == "b14-03":
        opt("CS902", written["annex"][0][0], note="page de signature scannée d'une annexe dont le reste a une "
                                                  "couche texte")
    # piece of the copied CCAP: findings on it may target the copy
    for f in findings:
        for role, src, dst in dups:
            if f["piece"] == src and f["code"] != "CS905":
                f["piece"] = [src, dst]
    key = dict(name=c.name, half="sealed", review_date=c.review, description=c.d.get("desc", describe(c)),
               pieces=pieces, lots=lots, findings=findings, optional=optional)
    return key


def _lot(c, n):
    for l in c.lots:
        if l.n == n:
            return l
    raise KeyError(n)


E.Case.lot = _lot


LAYOUT = {"sub": "clause en sous-articles", "spread": "clause répartie entre le CCAP et une annexe",
          "annex": "clause en annexe", "prose": "clause en prose", "bullets": "clause en liste à puces"}
HMODE = {"annual": "heures par an", "total": "heures sur la durée", "min_annual": "minimum d'heures par an",
         "rate_fig": "5 % des heures travaillées avec le chiffre", "rate_only": "5 % des heures travaillées sans chiffre"}


def describe(c):
    planted = ", ".join(e["code"] for e in c.errs) or "aucune erreur plantée"
    bits = []
    if c.clause:
        bits += [LAYOUT[c.layout], HMODE.get(c.hmode, c.hmode)]
        if c.place("pen") == "general":
            bits.append("pénalités dans l'article général")
    else:
        bits.append({"rien": "aucune clause ni mention", "sans_objet": "« sans objet »",
                     "derogation": "dérogation motivée", "reserve": "marché réservé « sans objet »"}[c.noclause])
    if c.d.get("patches") or any(e["code"] == "CS903" for e in c.errs):
        bits.append("modifications suivies ou commentaires Word (lire le texte accepté)")
    if c.traps:
        bits.append("pièges : " + ", ".join(sorted(c.traps)))
    return f"{c.b['name']} – {c.objet} : {'; '.join(bits)} ({planted})"


# ==================================================================== checks
STALE = [r"code des marchés publics", r"2015-899", r"2016-360", r"\b2009\b", r"P[ôo]le[ -][Ee]mploi", r"DIRECCTE",
         r"\bZUS\b", r"zones? urbaines? sensibles?", r"(?<!\d)(?<!\d )221 000", r"(?<!\d)(?<!\d )5 538 000", r"(?<!\d)(?<!\d )143 000", r"(?<!\d)(?<!\d )215 000",
         r"(?<!\d)(?<!\d )40 000 € HT", r"11,65", r"11,88", r"18\.1", r"20\.1", r"L\. ?2113-12", r"L\. ?2113-13",
         r"L\. ?2152-7 du code de la commande publique, l'exécution"]


def accepted_text(path: Path):
    info = RB.read_any(path)
    t = info["text"]
    if "headfoot" in info:
        t += "\n" + info["headfoot"]
    return RB.norm(t), info


def check_case(c, folder, written, docs, key, dups):
    texts, infos = {}, {}
    on_disk = sorted(p.name for p in folder.iterdir())
    need(sorted(key["pieces"]) == on_disk, f"{c.name}: fichiers {on_disk} ≠ corrigé {sorted(key['pieces'])}")
    broken = {e.get("extra") for e in c.errs if e["code"] in ("CS901", "CS902")}
    for name in on_disk:
        p = folder / name
        need(p.stat().st_size > 0, f"{c.name}: {name} vide")
        if name in broken:
            ok = True
            try:
                info = RB.read_any(p)
                ok = not info["text"].strip()
            except Exception:
                ok = True
            need(ok, f"{c.name}: {name} devrait être illisible ou sans texte")
            continue
        if p.suffix.lower() in (".png", ".jpg"):
            from PIL import Image
            Image.open(p).verify()
            continue
        if p.suffix.lower() == ".docx":
            import docx
            docx.Document(str(p))  # python-docx must open it
        t, info = accepted_text(p)
        texts[name], infos[name] = t, info
        need(len(t) > 80, f"{c.name}: {name} : texte relu trop court")
        if p.suffix.lower() == ".pdf":
            pages = info["pages"]
            for i, pg in enumerate(pages):
                if c.d["id"] == "b14-03" and name == written["annex"][0][0] and i == len(pages) - 1:
                    need(pg["chars"] == 0 and pg["images"] >= 1, f"{c.name}: page scannée de l'annexe")
                    continue
                need(pg["chars"] > 0, f"{c.name}: {name} page {i + 1} sans couche texte")
    alltext = " \n ".join(texts.values())
    low = alltext.lower()
    # ---- Word revisions only in CS903 cases
    for name, info in infos.items():
        if name.endswith(".docx"):
            rev = info["has_ins"] or info["has_del"] or info["has_comments"]
            planted = any(e["code"] == "CS903" and written[e["role"]][0][0] == name for e in c.errs)
            need(rev == planted, f"{c.name}: {name} révisions={rev} alors que CS903 planté={planted}")
    # ---- removed elements absent everywhere; present elements present in the clause
    for el, sigs in X.SIG.items():
        removed = el in c.omit
        if c.err("CS306", shape="tracked") and el == "penhour":
            removed = True
        if not c.clause and c.noclause == "reserve" and el in ("public", "modal"):
            continue
        hits = [s for s in sigs if re.search(s, alltext, re.I)]
        if removed and c.clause:
            need(not hits, f"{c.name}: élément retiré « {el} » encore présent ({hits})")
        elif c.clause and not c.err("CS101"):
            cp = clause_pieces(c, written, dups)
            ctext = " ".join(texts.get(n, "") for n in cp)
            need(any(re.search(s, ctext, re.I) for s in sigs), f"{c.name}: élément « {el} » absent de la clause")
    if not c.clause:
        need("insertion" not in low or c.noclause in ("reserve", "sans_objet"), f"{c.name}: « insertion » dans un dossier sans "
                                                                   "clause")
    # ---- tracked deletions really hold what they should
    if c.err("CS306", shape="tracked"):
        dl = infos[written["ccap"][0][0]]["deleted"]
        need("par heure non réalisée" in RB.norm(dl), f"{c.name}: la suppression suivie ne porte pas la pénalité")
    if c.err("CS102", shape="tracked"):
        dl = RB.norm(infos[written["rc"][0][0]]["deleted"])
        need("clause sociale" in dl, f"{c.name}: la suppression suivie du RC ne porte pas la clause")
    for p in c.d.get("patches", []):
        name = written[p["role"]][0][0]
        info = infos[name]
        if p["op"] == "track_prev":
            need(p["old"] in RB.norm(info["deleted"]), f"{c.name}: suppression « {p['old']} » absente")
            need(p["old"] not in texts[name] or p["old"].isdigit(), f"{c.name}: « {p['old']} » reste dans le texte")
        need(RB.norm(p.get("text", p["find"])).strip() in texts[name], f"{c.name}: insertion absente")
    # ---- silent pieces
    if c.err("CS102"):
        t = texts[written["rc"][0][0]].lower()
        need("insertion" not in t and "clause sociale" not in t, f"{c.name}: RC pas muet")
    if c.err("CS104"):
        t = texts[written["avis"][0][0]].lower()
        need("insertion" not in t and "social" not in t, f"{c.name}: avis pas muet")
    if c.err("CS101"):
        t = texts[written["ccap"][0][0]].lower()
        need("insertion" not in t and "clause sociale" not in t, f"{c.name}: CCAP pas muet")
    if c.err("CS103"):
        for name, _l, _d in written["ae"]:
            need("insertion" not in texts[name].lower(), f"{c.name}: AE pas muet")
        need("annex" not in written, f"{c.name}: CS103 avec annexe")
    if c.err("CS304"):
        f = c.facil
        for s in (f["struct"], f["phone"], f["email"], f["person"]):
            need(s not in alltext, f"{c.name}: contact du facilitateur présent ({s})")
        need("@" not in re.sub(r"[\w.-]+@" + re.escape(c.b["mail"].split("@")[1]), "", alltext),
             f"{c.name}: courriel autre que celui de l'acheteur")
    if c.err("CS304", shape="comment"):
        com = infos[written["ccap"][0][0]]["comments"]
        need(c.facil["phone"] in com, f"{c.name}: le commentaire ne porte pas le contact")
    # ---- stale references only where planted (and the history traps)
    allowed = set()
    for e in c.errs:
        if e["code"] in ("CS201", "CS202", "CS203", "CS204", "CS205", "CS307"):
            allowed.add(e["code"])
    for name, t in texts.items():
        for s in STALE:
            for m in re.finditer(s, t, re.I):
                ctx = t[max(0, m.start() - 160): m.end() + 120]
                ok = False
                if c.trap("history_cmp") and "ancien code des marchés publics" in ctx:
                    ok = True
                if c.trap("history_zus") and "anciennes zones urbaines sensibles" in ctx:
                    ok = True
                if s.startswith(r"L\. ?2113-12") and ("réservé" in ctx or "réservés" in ctx):
                    ok = True
                if s.startswith(r"L\. ?2113-13") and ("réservé" in ctx or "réservés" in ctx):
                    ok = True
                if re.search(r"20\.1", s) and re.search(r"\d20\.1|20\.1\d", ctx):
                    ok = True
                if "40 000" in s and not re.search(r"dispense|publicité|seuil", ctx, re.I):
                    ok = True
                planted = planted_here(c, written, name, s)
                need(ok or planted, f"{c.name}: {name} : référence « {m.group(0)} » non plantée : …{ctx}…")
    for e in c.errs:
        if e["code"] in ("CS201", "CS202", "CS203", "CS204", "CS205"):
            name = written[e["role"]][0][0]
            pat = PLANTED_PAT[(e["code"], e.get("shape") or e.get("where"))]
            need(re.search(pat, texts[name], re.I), f"{c.name}: {e['code']} introuvable dans {name}")
            others = [n for n in texts if n != name and n not in {d for _r, s, d in dups}]
            for n in others:
                need(not re.search(pat, texts[n], re.I), f"{c.name}: {e['code']} aussi dans {n}")
    # ---- hours written where the key says
    for ln, want in key["lots"].items():
        lot = c.lot(ln)
        for r in hours_roles(c, written):
            h = c.hours(lot, r)
            if h is None:
                continue
            for name in pieces_of(c, written, r, ln):
                t = texts[name]
                pat = X.fmt_n(h, c.sep).replace("\u00a0", " ").replace("\u202f", " ")
                need(re.search(r"(?<!\d)(?<!\d )" + re.escape(pat) + r"(?![\d])(?! \d)", t),
                     f"{c.name}: {h} h du lot {ln} absent de {name}")
    # ---- hours of non-planted lots = computation; margins
    for l in c.lots:
        if l.trade in E.MO and l.trade != "fournitures":
            raw = E.raw_hours(l.amount, l.trade)
            if l.cover == "oui" and l.stated is None:
                need(raw >= 95, f"{c.name}: lot {l.n} : calcul brut {float(raw):.1f} h < 95 h")
                frac = raw % 5
                need(abs(frac - 2.5) > 0.5, f"{c.name}: lot {l.n} : calcul brut {float(raw):.2f} h trop près "
                                            "d'une moitié d'arrondi")
    for e in c.errs:
        if e["code"] == "CS403":
            l = c.lot(e["lot"])
            comp = E.computed_hours(l.amount, l.trade)
            r = e["hours"] / comp
            need(r >= 3.5 or r <= 0.3, f"{c.name}: CS403 trop proche du calcul ({r:.2f})")
        if e["code"] == "CS401":
            l = c.lot(e["lot"])
            comp = l.base_hours()
            need(abs(e["hours"] - comp) / comp <= 0.05, f"{c.name}: CS401 trop éloigné (CS403 possible)")
    # ---- CS501 planted exactly when the rule applies
    applies = (not c.clause and c.noclause in ("rien", "sans_objet") and c.value() >= c.threshold()
               and c.launch >= dt.date(2026, 8, 21))
    need(applies == bool(c.err("CS501")), f"{c.name}: CS501 planté={bool(c.err('CS501'))}, règle={applies}")
    if c.clause and c.above_threshold_after() and "ccap" in written and not c.err("CS101"):
        need(any("L. 2112-2-1" in texts.get(n, "") for n in clause_pieces(c, written, dups)),
             f"{c.name}: L. 2112-2-1 non cité")
    # ---- REF fields: the cached number is the number of the heading they point to
    if "ccap" in docs:
        doc = docs["ccap"]
        hn = doc.numbers()
        bms = {b[3].get("bm"): hn[i] for i, b in enumerate(doc.blocks) if b[0] == "h" and b[3].get("bm")}
        for b in doc.blocks:
            segs = b[1] if b[0] in ("p", "li") else []
            for sg in segs:
                if isinstance(sg, tuple) and sg[0] == "ref":
                    need(bms.get(sg[2]) == sg[1], f"{c.name}: champ REF {sg} ≠ titre {bms.get(sg[2])}")
                    need(sg[2] in infos[written["ccap"][0][0]]["xml"], f"{c.name}: signet absent du docx")
    # ---- dates
    src = written.get("rc") or written.get("avis")
    need("Date d'envoi" in texts[src[0][0]], f"{c.name}: pas de date d'envoi")
    # ---- RC says where the facilitator is in correct cases (not required) ; two-column page present
    for role in ("avis", "ccap"):
        sp = c.files.get(role, {})
        if sp.get("cols") and sp.get("fmt") == "pdf":
            name = written[role][0][0]
            pages = RB.read_pdf(folder / name)["pages"]
            need(len(pages) >= 2, f"{c.name}: {name} sans page à deux colonnes")
            check_two_columns(folder / name, c.name)
    return texts


def check_two_columns(path, cname):
    """A page whose lines hold text in both halves, with an empty gutter in the middle."""
    import pdfplumber
    found = False
    with pdfplumber.open(str(path)) as pdf:
        for pg in pdf.pages:
            mid = pg.width / 2
            rows = {}
            for ch in pg.chars:
                rows.setdefault(round(ch["top"]), []).append(ch)
            def band(chs):
                return any(ch["x0"] < mid + 4 and ch["x1"] > mid - 4 for ch in chs)
            lefts = sum(1 for chs in rows.values() if not band(chs) and any(ch["x1"] < mid - 4 for ch in chs))
            rights = sum(1 for chs in rows.values() if not band(chs) and any(ch["x0"] > mid + 4 for ch in chs)
                         and min(ch["x0"] for ch in chs) < mid + 60 or (not band(chs) and
                         any(ch["x1"] < mid - 4 for ch in chs) and any(ch["x0"] > mid + 4 for ch in chs)))
            both = min(lefts, rights)
            if both >= 8:
                found = True
    need(found, f"{cname}: {path.name} : aucune page à deux colonnes détectée")


PLANTED_PAT = {
    ("CS201", "rc_procedure"): r"article 27 du décret n° 2016-360",
    ("CS201", "rc_criteria"): r"article 53 du code des marchés publics",
    ("CS201", "tracked"): r"article 38 de l'ordonnance n° 2015-899",
    ("CS202", "L2152-7"): r"fondement de l'article L\. 2152-7",
    ("CS202", "L2113-12"): r"application de l'article L\. 2113-12 du code de la commande publique, le titulaire",
    ("CS203", "clause"): r"18\.1 du CCAG",
    ("CS203", "pieces"): r"dans sa version de 2009",
    ("CS204", "clause_control"): r"DIRECCTE",
    ("CS204", "rc"): r"zones urbaines sensibles",
    ("CS204", "clause_public"): r"agrément Pôle emploi",
    ("CS205", "143000"): r"143 000 € HT",
    ("CS205", "215000"): r"215 000 € HT",
    ("CS205", "40000"): r"(?<!\d)(?<!\d )40 000 € HT",
}


def planted_here(c, written, name, stale_pat):
    for e in c.errs:
        if e["code"] in ("CS201", "CS202", "CS203", "CS204", "CS205") and written[e["role"]][0][0] == name:
            return True
        if e["code"] == "CS307" and e.get("shape") == "smic2024" and stale_pat == r"11,65":
            return True
    for role, src, dst in getattr(c, "_dups", []):
        if name == dst:
            return planted_here(c, written, src, stale_pat)
    return False


def check_all(cases, keys, folders):
    planted = Counter()
    correct = faulty = 0
    for c in cases:
        n = len(c.errs)
        if n == 0:
            correct += 1
            key = keys[c.name]
            bad = [f for f in key["findings"] if f["code"] not in ("CS904", "CS100", "CS308")]
            need(not bad, f"{c.name}: dossier correct avec constats attendus {bad}")
            need(all(not f["planted"] for f in key["findings"]), f"{c.name}: correct mais planté")
        else:
            faulty += 1
            need(1 <= n <= 3, f"{c.name}: {n} erreurs plantées")
        for f in keys[c.name]["findings"]:
            if f["planted"]:
                planted[f["code"]] += 1
    if len(cases) == 36:
        need(correct == 12 and faulty == 24, f"{correct} corrects, {faulty} fautifs")
        for code in PLANTABLE:
            need(planted[code] >= 2, f"{code} planté {planted[code]} fois (< 2)")
    # all files different, except the CS905 pairs
    seen = {}
    for c in cases:
        folder = folders[c.name]
        pairs = {(s, d) for _r, s, d in c._dups}
        for p in sorted(folder.iterdir()):
            h = hashlib.sha256(p.read_bytes()).hexdigest()
            if h in seen:
                other = seen[h]
                ok = other[0] == c.name and ((other[1], p.name) in pairs or (p.name, other[1]) in pairs)
                need(ok, f"fichiers identiques : {other} et {c.name}/{p.name}")
            else:
                seen[h] = (c.name, p.name)
    return planted


def check_numbering(built):
    """Word / ODT automatic numbering: LibreOffice must show the numbers the texts refer to."""
    jobs = []
    for c, folder, written, docs in built:
        for role, lst in written.items():
            if role in ("prices", "extras"):
                continue
            for name, _ln, doc in lst:
                if doc is None or doc.num != "auto" or not name.lower().endswith((".docx", ".odt")):
                    continue
                jobs.append((c, folder / name, doc))
    if not jobs:
        return
    stage = Path(tempfile.mkdtemp(prefix="b14num_"))
    srcs = []
    for i, (c, path, doc) in enumerate(jobs):
        dst = stage / f"n{i:03d}{path.suffix}"
        shutil.copyfile(path, dst)
        srcs.append(dst)
    R.soffice_convert(srcs, stage / "out")
    for i, (c, path, doc) in enumerate(jobs):
        out = stage / "out" / f"n{i:03d}.pdf"
        need(out.exists(), f"{c.name}: {path.name} non converti pour le contrôle de numérotation")
        txt = RB.norm(RB.read_pdf(out)["poppler"])
        nums = doc.numbers()
        for bi, b in enumerate(doc.blocks):
            if b[0] == "h":
                want = RB.norm(doc.label(b[1], nums[bi]) + " " + R.seg_text(b[2]))
                need(want in txt, f"{c.name}: {path.name} : « {want} » absent du rendu LibreOffice")
    shutil.rmtree(stage, ignore_errors=True)
    print(f"numérotation automatique vérifiée par LibreOffice : {len(jobs)} fichiers")


# ==================================================================== main
def main(argv=None):
    ap = argparse.ArgumentParser(description="Construit le corpus aveugle blind14 et ses corrigés.")
    ap.add_argument("outdir", nargs="?", default=str(HERE / "corpus"))
    ap.add_argument("--no-answers", action="store_true")
    ap.add_argument("--only", nargs="*")
    a = ap.parse_args(argv)
    out = Path(a.outdir) / "sealed"
    out.mkdir(parents=True, exist_ok=True)
    cases = [E.Case(d) for d in CASES]
    if a.only:
        cases = [c for c in cases if c.d["id"] in a.only or c.name in a.only]
    ids = [c.d["id"] for c in cases]
    need(len(ids) == len(set(ids)), "identifiants en double")
    lo_jobs, built = [], []
    for c in cases:
        folder, written, docs = build_case(c, out, lo_jobs)
        built.append((c, folder, written, docs))
    run_lo(lo_jobs)
    keys, folders = {}, {}
    for c, folder, written, docs in built:
        c._dups = make_dups(c, folder, written)
        key = answer_key(c, written, c._dups)
        check_case(c, folder, written, docs, key, c._dups)
        keys[c.name] = key
        folders[c.name] = folder
    check_numbering(built)
    planted = check_all(cases, keys, folders)
    if not a.no_answers:
        ad = HERE / "answers" / "sealed"
        ad.mkdir(parents=True, exist_ok=True)
        for name, key in keys.items():
            (ad / f"{name}.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    # report
    typed = sum(1 for k in keys.values() for v in k["pieces"].values() if v is not None)
    nlots = sum(len(k["lots"]) for k in keys.values())
    derived = Counter(f["code"] for k in keys.values() for f in k["findings"] if not f["planted"])
    print(f"{len(keys)} consultations, {sum(planted.values())} erreurs plantées, {typed} fichiers typés, "
          f"{nlots} lots chiffrés")
    print("plantées : " + ", ".join(f"{k} {planted[k]}" for k in PLANTABLE))
    print("attendues non plantées : " + ", ".join(f"{k} {v}" for k, v in sorted(derived.items())))
    for c in cases:
        k = keys[c.name]
        print(f"  {c.name}: lots {k['lots']} ; " + ", ".join(
            f"{f['code']}{'' if f['planted'] else '*'}" for f in k["findings"]))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except CheckError as e:
        print(f"CONTRÔLE ÉCHOUÉ : {e}", file=sys.stderr)
        sys.exit(1)
