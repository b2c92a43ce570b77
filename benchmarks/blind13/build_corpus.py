#!/usr/bin/env python3
"""Builds the thirteenth blind corpus of Clausier (36 sealed consultations) and its answer keys,
then checks what it wrote.

    /work/main/.venv/bin/python benchmarks/blind13/build_corpus.py [OUT] [--no-answers] [--only ID ...]

OUT defaults to benchmarks/blind13/corpus; consultations go to OUT/sealed/<name> (one of them is a
.zip). Answer keys go to benchmarks/blind13/answers/sealed/<name>.json. The script stops with an
error when a check fails. It never reads nor runs the tool."""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
import zipfile
import zlib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from b13lib import engine as E  # noqa: E402
from b13lib import nums, render, writers  # noqa: E402
from b13lib.cases import CASES  # noqa: E402
from b13lib.texts import norm, typo  # noqa: E402

SEVERITY = {
    "CS100": "info", "CS101": "error", "CS102": "error", "CS103": "warning", "CS104": "warning", "CS105": "info",
    "CS201": "error", "CS202": "error", "CS203": "error", "CS204": "warning", "CS205": "warning",
    "CS301": "error", "CS302": "error", "CS303": "warning", "CS304": "warning", "CS305": "warning",
    "CS306": "error", "CS307": "warning", "CS308": "info",
    "CS401": "error", "CS402": "error", "CS403": "warning", "CS404": "warning", "CS405": "info",
    "CS501": "error", "CS901": "error", "CS902": "warning", "CS903": "warning", "CS904": "info", "CS905": "warning",
}
PLANTABLE = [c for c in SEVERITY if c != "CS100"]

KIND = {"rc": "RC", "ccap": "CCAP", "ccap_b": "CCAP", "ae": "AE", "ae_lot": "AE", "ae_copy": "AE",
        "annexe_split": "ANNEXE_CLAUSE", "annexe_full": "ANNEXE_CLAUSE", "engagement": "ANNEXE_CLAUSE",
        "engagement_lot": "ANNEXE_CLAUSE", "aapc": "AAPC", "cctp": "CCTP", "cctp_lot": "CCTP", "dpgf": "DPGF",
        "dpgf_lot": "DPGF", "bpu": "BPU", "dqe": "DQE"}
DAMAGED = {"trunc", "garbage", "scan"}
NATURAL_904 = {"plan", "photo", "notes"}
PLANTED_904 = {"courrier", "note_interne"}


class CheckError(Exception):
    pass


def fail(msg):
    raise CheckError(msg)


# ============================================================================ rendering
def role_base(role):
    return role.split(":")[0]


def role_lot(c, role):
    if ":" in role:
        n = role.split(":")[1]
        return next(l for l in c.lots if l.num == n)
    return None


def make_doc(c, role):
    base, lot = role_base(role), role_lot(c, role)
    has_b = any(f[0] == "ccap_b" for f in c.files)
    if base == "rc":
        return E.doc_rc(c)
    if base == "ccap":
        return E.doc_ccap(c, variant=f"Indice A du {E.fr_date(c.launch)}" if has_b else None)
    if base == "ccap_b":
        return E.doc_ccap(c, variant=f"Indice B du {E.fr_date(c.review)} – report de la date limite de remise des "
                                     "offres")
    if base in ("ae", "ae_lot"):
        return E.doc_ae(c, lot)
    if base == "annexe_split":
        return E.doc_annex_split(c)
    if base == "annexe_full":
        return E.doc_annex_full(c)
    if base in ("engagement", "engagement_lot"):
        return E.doc_engagement(c, lot)
    if base == "aapc":
        return E.doc_aapc(c)
    if base in ("cctp", "cctp_lot"):
        return E.doc_cctp(c, lot)
    if base == "courrier":
        return E.doc_courrier(c)
    if base == "note_interne":
        return E.doc_note_interne(c)
    if base == "geotech":
        return E.doc_geotech(c)
    raise ValueError(role)


def typo_doc(d):
    d.title = typo(d.title)
    d.subtitle = [typo(s) for s in d.subtitle]
    out = []
    for b in d.blocks:
        if b[0] == "h":
            out.append(("h", b[1], typo(b[2])))
        elif b[0] == "p":
            out.append(("p", typo(b[1]), b[2]))
        elif b[0] == "li":
            out.append(("li", typo(b[1])))
        elif b[0] == "t":
            rows = [[(dict(x, t=typo(x["t"])) if isinstance(x, dict) else (typo(x) if isinstance(x, str) else x))
                     for x in r] for r in b[1]]
            out.append(("t", rows, b[2]))
        elif b[0] == "box":
            out.append(("box", typo(b[1]), [typo(x) for x in b[2]]))
        elif b[0] == "frame":
            out.append(("frame", [typo(x) for x in b[1]]))
        else:
            out.append(b)
    d.blocks = out
    return d


class ScanAdapter:
    def __init__(self, d):
        self.d = d

    def plain_lines(self):
        return self.d.text().split("\n")


def image(path, labels, seed, jpg=False):
    if jpg:
        tmp = path.with_suffix(".tmp.png")
        render.render_plan(tmp, labels, seed=seed)
        from PIL import Image

        Image.open(tmp).convert("RGB").save(path, "JPEG", quality=80)
        tmp.unlink()
    else:
        render.render_plan(path, labels, seed=seed)


def write_files(c, root, lo_jobs, tmpdir):
    """Writes every file of case c under root; LibreOffice conversions are queued in lo_jobs."""
    texts = {}
    for role, rel, fmt in c.files:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        base = role_base(role)
        seed = zlib.crc32(f"{c.id}/{rel}".encode()) % 10_000
        if fmt == "copy":
            continue
        if base in ("dpgf", "dpgf_lot", "bpu", "dqe"):
            kind = {"dpgf": "DPGF", "dpgf_lot": "DPGF", "bpu": "BPU", "dqe": "DQE"}[base]
            if fmt == "garbage":
                rng = random.Random(c.id + rel)
                path.write_bytes(b"PK\x03\x04" + bytes(rng.getrandbits(8) for _ in range(4000)))
            else:
                render.render_xlsx(E.dpgf_sheets(c, role_lot(c, role), kind), path, title=f"{kind} {c.ref}")
                writers.fix_zip_times(path)
            continue
        if base == "plan":
            image(path, [f"{c.buyer['name']} – {c.objet}", f"{path.stem.replace('_', ' ')} – échelle 1/200",
                         f"Indice B – {c.ref}"], seed=seed, jpg=(fmt == "jpg"))
            continue
        if base == "photo":
            image(path, [c.objet, "Prise de vue : état existant"], seed=seed, jpg=True)
            continue
        if base == "notes":
            path.write_text(E.NOTES_TXT[c.id], encoding="utf-8")
            continue
        d = make_doc(c, role)
        if c.o["typo"]:
            typo_doc(d)
        texts[rel] = d.text()
        if fmt == "docx":
            writers.render_docx(d, path)
        elif fmt == "odt":
            writers.render_odt(d, path)
        elif fmt == "pdf":
            writers.render_pdf(d, path)
        elif fmt == "trunc":
            writers.render_pdf(d, path)
            render.damage_truncate(path, keep=0.35)
        elif fmt == "scan":
            render.render_scanned_pdf(ScanAdapter(d), path, seed=seed)
        elif fmt == "pdf_lo":
            src = tmpdir / f"{c.id}_{len(lo_jobs['pdf'])}" / (path.stem + ".docx")
            src.parent.mkdir(parents=True)
            writers.render_docx(d, src)
            lo_jobs["pdf"].append((src, path))
        elif fmt == "pdf_lo_odt":
            src = tmpdir / f"{c.id}_o{len(lo_jobs['pdf'])}" / (path.stem + ".odt")
            src.parent.mkdir(parents=True)
            writers.render_odt(d, src)
            lo_jobs["pdf"].append((src, path))
        elif fmt == "docx_lo":
            src = tmpdir / f"{c.id}_d{len(lo_jobs['docx'])}" / (path.stem + ".odt")
            src.parent.mkdir(parents=True)
            writers.render_odt(d, src)
            lo_jobs["docx"].append((src, path))
        else:
            raise ValueError(fmt)
    return texts


def finish_files(c, root):
    for role, rel, fmt in c.files:
        if fmt == "copy":
            n = role.split(":")[1]
            src = next(r for ro, r, f in c.files if ro == f"ae_lot:{n}")
            shutil.copyfile(root / src, root / rel)


def zip_folder(folder, zpath, arc_root):
    with zipfile.ZipFile(zpath, "w") as z:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                zi = zipfile.ZipInfo(f"{arc_root}/{p.relative_to(folder).as_posix()}", date_time=(2026, 11, 2, 9, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o644 << 16
                z.writestr(zi, p.read_bytes())


# ============================================================================ reading back
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data_zip):
    from lxml import etree

    out = []
    names = [n for n in data_zip.namelist() if re.match(r"word/(document|footnotes|comments|header\d*|footer\d*)\.xml$", n)]
    for n in sorted(names, key=lambda x: (x != "word/document.xml", x)):
        root = etree.fromstring(data_zip.read(n))
        for p in root.iter(W + "p"):
            parts = []
            for t in p.iter(W + "t"):
                anc = t.getparent()
                while anc is not None and anc.tag != W + "p":
                    anc = anc.getparent()
                if anc is p:
                    parts.append(t.text or "")
            out.append("".join(parts))
    return "\n".join(out)


def odt_text(data_zip):
    from lxml import etree

    TN = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    root = etree.fromstring(data_zip.read("content.xml"))
    out = []

    def tx(el):
        s = el.text or ""
        for ch in el:
            if ch.tag == TN + "s":
                s += " " * int(ch.get(TN + "c", "1"))
            elif ch.tag in (TN + "tab",):
                s += "\t"
            elif ch.tag == TN + "line-break":
                s += "\n"
            elif ch.tag in (TN + "p", TN + "h"):
                pass
            else:
                s += tx(ch)
            s += ch.tail or ""
        return s

    for el in root.iter(TN + "p", TN + "h"):
        out.append(tx(el))
    return "\n".join(out)


def read_back(path: Path, fmt: str):
    """Text of a file as a reader would get it; raises when it cannot be read."""
    suf = path.suffix.lower()
    if suf == ".docx":
        import docx

        docx.Document(str(path))
        with zipfile.ZipFile(path) as z:
            return docx_text(z)
    if suf == ".odt":
        from odf.opendocument import load

        load(str(path))
        with zipfile.ZipFile(path) as z:
            return odt_text(z)
    if suf == ".pdf":
        import pdfplumber

        with pdfplumber.open(str(path)) as pdf:
            return "\n".join((pg.extract_text() or "") for pg in pdf.pages)
    if suf == ".xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(str(path), read_only=True)
        out = []
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                out.append(" ".join(str(v) for v in row if v is not None))
        return "\n".join(out)
    if suf == ".txt":
        return path.read_text(encoding="utf-8")
    if suf in (".png", ".jpg"):
        from PIL import Image

        Image.open(path).verify()
        return ""
    raise ValueError(path)


# ============================================================================ answer key
def files_of(c, *bases):
    return [Path(rel).name for role, rel, fmt in c.files if role_base(role) in bases]


def clause_pieces(c):
    ps = files_of(c, "ccap", "ccap_b") + files_of(c, "annexe_split", "annexe_full", "engagement", "engagement_lot")
    return ps[0] if len(ps) == 1 else ps


def one(ps):
    return ps[0] if len(ps) == 1 else ps


def hour_roles(c):
    """Piece roles that state hours, with their kinds and files."""
    out = []
    if not c.has_clause:
        return out
    for role, rel, fmt in c.files:
        base = role_base(role)
        name = Path(rel).name
        if base == "rc" and c.o["rc_hours"] and not c.err("CS102"):
            out.append(("RC", "RC", name, None))
        elif base in ("ccap", "ccap_b") and not c.err("CS101"):
            out.append(("CCAP", "CCAP", name, None))
        elif base == "ae" and not c.err("CS103"):
            out.append(("AE", "AE", name, None))
        elif base in ("ae_lot", "ae_copy") and not c.err("CS103"):
            out.append(("AE", "AE", name, role.split(":")[1]))
        elif base == "annexe_full":
            out.append(("ANNEXE", "ANNEXE_CLAUSE", name, None))
        elif base == "engagement":
            out.append(("ANNEXE", "ANNEXE_CLAUSE", name, None))
        elif base == "engagement_lot":
            out.append(("ANNEXE", "ANNEXE_CLAUSE", name, role.split(":")[1]))
    return out


def lot_sources(c, lot):
    """[(role, kind, file, hours)] for every piece that gives this lot's hours."""
    out = []
    for role, kind, name, only in hour_roles(c):
        if only is not None and only != lot.num:
            continue
        if role in lot.omit:
            continue
        h = lot.hours_for(role)
        if h is not None:
            out.append((role, kind, name, h))
    return out


def answer_key(c):
    pieces = {}
    for role, rel, fmt in c.files:
        base = role_base(role)
        k = KIND.get(base)
        if fmt in DAMAGED:
            k = None
        pieces[Path(rel).name] = k
    lots = {}
    if c.has_clause and not (c.err("CS301") and c.o.get("cs301") == "all"):
        for l in c.lots:
            if l.status != "covered":
                continue
            src = lot_sources(c, l)
            if not src:
                fail(f"{c.id} lot {l.num} : aucune pièce ne donne ses heures")
            vals = {}
            for _r, kind, _n, h in src:
                vals.setdefault(kind, set()).add(h)
            if any(len(v) > 1 for v in vals.values()):
                fail(f"{c.id} lot {l.num} : deux valeurs pour un même type de pièce {vals}")
            flat = {k: next(iter(v)) for k, v in vals.items()}
            lots[l.num] = flat[next(iter(flat))] if len(set(flat.values())) == 1 else flat
    F, O = [], []
    notes = c.d.get("notes", {})

    def add(code, piece, lot=None, planted=True, note=None):
        F.append(dict(code=code, piece=piece, lot=lot, planted=planted, note=note or notes.get(code, "")))

    def opt(code, piece, lot=None, note=""):
        O.append(dict(code=code, piece=piece, lot=lot, note=note))

    ccap = one(files_of(c, "ccap", "ccap_b")) if files_of(c, "ccap", "ccap_b") else None
    for code in c.errs:
        if code == "CS101":
            add(code, ccap)
            for k in ("CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
                opt(k, None, note="CS101 : le contenu de la clause n'est jugé dans aucune pièce")
        elif code == "CS102":
            add(code, one(files_of(c, "rc")))
        elif code in ("CS103", "CS105", "CS501"):
            add(code, None)
        elif code == "CS104":
            add(code, one(files_of(c, "aapc")))
        elif code == "CS201":
            add(code, ccap)
        elif code == "CS202":
            add(code, ccap)
        elif code == "CS203":
            add(code, one(files_of(c, "ae")) if c.o.get("cs203") == "ae" else ccap)
        elif code == "CS204":
            add(code, ccap)
        elif code == "CS205":
            add(code, one(files_of(c, c.o["cs205_in"])))
        elif code == "CS301":
            if c.o.get("cs301") == "lot":
                tbd = [l for l in c.lots if l.status == "tbd"]
                for l in tbd:
                    add(code, clause_pieces(c), l.num)
            else:
                add(code, clause_pieces(c))
                opt("CS103", None, note="aucun nombre d'heures : l'AE s'engage sans nombre")
        elif code in ("CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"):
            add(code, clause_pieces(c))
            if code == "CS305":
                add("CS308", clause_pieces(c), planted=False,
                    note="découle du CS305 : sans documents de suivi, pas de pénalité de retard des documents")
        elif code == "CS401":
            for l in c.lots:
                if l.by:
                    add(code, one([n for _r, _k, n, _h in lot_sources(c, l)]), l.num)
        elif code == "CS402":
            add(code, ccap)
        elif code == "CS403":
            for l in c.lots:
                if l.stated is not None and l.trade != "fournitures":
                    add(code, None, l.num)
        elif code == "CS404":
            for l in c.lots:
                if l.omit:
                    lacking = [Path(rel).name for role, rel, f in c.files
                               if KIND.get(role_base(role)) and E_role(role) in l.omit]
                    having = [n for _r, _k, n, _h in lot_sources(c, l)]
                    add(code, lacking + having, l.num)
        elif code == "CS405":
            for l in c.lots:
                if l.stated is not None and l.trade == "fournitures":
                    add(code, None, l.num)
                    opt("CS403", None, l.num, note="lot de fournitures : CS405 attendu, CS403 facultatif")
        elif code in ("CS901", "CS902"):
            f = [Path(rel).name for role, rel, fmt in c.files if fmt in (("trunc", "garbage") if code == "CS901"
                                                                          else ("scan",))]
            add(code, one(f))
            opt("CS904", one(f), note="fichier illisible ou scanné : type non reconnu possible")
        elif code == "CS903":
            add(code, ccap)
        elif code == "CS904":
            add(code, one([Path(rel).name for role, rel, fmt in c.files if role_base(role) in PLANTED_904]))
        elif code == "CS905":
            if any(f[0] == "ccap_b" for f in c.files):
                add(code, files_of(c, "ccap", "ccap_b"))
            else:
                n = next(r.split(":")[1] for r, _rel, f in c.files if r.startswith("ae_copy"))
                add(code, [Path(rel).name for role, rel, f in c.files if role in (f"ae_lot:{n}", f"ae_copy:{n}")])
        else:
            fail(f"code inconnu {code}")
    for role, rel, fmt in c.files:
        if role_base(role) in NATURAL_904:
            add("CS904", Path(rel).name, planted=False, note="fichier qui n'est pas une pièce (plan, photo, notes)")
    if c.mode == "noclause":
        add("CS100", None, planted=False, note="aucune pièce ne porte de clause ni ne dit « sans »")
        if files_of(c, "aapc"):
            opt("CS104", one(files_of(c, "aapc")), note="avis d'une consultation sans clause")
    if c.mode == "derog":
        opt("CS100", None, note="la dérogation motivée tient lieu de mention")
    desc = c.d.get("traps") or "; ".join(f"{k} : {v}" for k, v in notes.items())
    name = c.name + (".zip" if c.zip else "")
    return dict(name=name, half="sealed", review_date=c.review, description=desc, pieces=pieces, lots=lots,
                findings=F, optional=O)


def E_role(role):
    b = role_base(role)
    return {"rc": "RC", "ccap": "CCAP", "ccap_b": "CCAP", "ae": "AE", "ae_lot": "AE", "engagement": "ANNEXE",
            "engagement_lot": "ANNEXE", "annexe_full": "ANNEXE"}.get(b, b)


# ============================================================================ checks
SIG = {
    "CS302": [r"demandeurs? d'emploi", r"\brsa\b", r"revenu de solidarite", r"\brqth\b", r"26 ans", r"50 ans",
              r"\bqpv\b", r"quartiers? prioritaires?", r"pass iae", r"publics? eligibles?", r"personnes eligibles",
              r"allocataires", r"eloignees de l'emploi", r"difficultes (sociales|particulieres)", r"\baah\b"],
    "CS303": [r"embauche directe", r"recrutement direct", r"mise a disposition", r"\betti\b", r"\bgeiq\b",
              r"association intermediaire", r"travail temporaire", r"sous-trait", r"co-?traitance",
              r"entreprise d'insertion", r"entreprise adaptee", r"\besat\b", r"\bsiae\b", r"structures? d'insertion",
              r"chantier d'insertion", r"apprentissage", r"professionnalisation"],
    "CS305": [r"fiche de liaison", r"tableau de suivi", r"etat des heures", r"releves? d'heures", r"justificatif",
              r"bilan", r"attestation de realisation", r"documents? de suivi", r"chaque trimestre",
              r"le 10 de chaque mois", r"tableau mensuel"],
    "CS306": [r"par heure", r"heures? manquantes?", r"heures? (d'insertion )?non realisees?",
              r"heures? non effectuees?", r"\bsmic\b"],
    "CS308": [r"retard dans la remise", r"documents? de suivi non remis", r"par document", r"remise des documents"],
}


def text_has(text, pattern):
    return re.search(pattern, norm(text)) is not None


OUTDATED = [r"code des marches publics", r"2015-899", r"2016-360", r"2009", r"pole emploi", r"direccte", r"\bzus\b",
            r"seuil.{0,80}(?<!\d)(?<!\d )(221 000|5 538 000|143 000|215 000|214 000|5 382 000|40 000)", r"11,88",
            r"l\.? ?2113-1[23]", r"r\.? ?2152-7", r"18\.1", r"16\.2", r"20\.2"]


def check_case(c, root, key, texts_read):
    alltext = {n: t for n, t in texts_read.items()}
    # files on disk = key
    on_disk = sorted(alltext)
    if sorted(key["pieces"]) != on_disk:
        fail(f"{c.id}: fichiers {on_disk} ≠ corrigé {sorted(key['pieces'])}")
    fmts = {Path(rel).name: fmt for role, rel, fmt in c.files}
    roles = {Path(rel).name: role for role, rel, fmt in c.files}
    for n, t in alltext.items():
        f = fmts[n]
        if f in ("trunc", "garbage"):
            if t is not None:
                fail(f"{c.id}: {n} devait être illisible")
        elif f == "scan":
            if t is None or t.strip():
                fail(f"{c.id}: {n} scanné devrait n'avoir aucune couche texte")
        elif t is None:
            fail(f"{c.id}: {n} illisible")
    good = {n: t for n, t in alltext.items() if t}
    # launch date
    first = files_of(c, "rc") or files_of(c, "aapc")
    date_txt = norm(E.fr_date(c.launch, c.o["date_style"]))
    if not any(date_txt in norm(good[n]) for n in first):
        fail(f"{c.id}: date d'envoi absente de {first}")
    # hours in the pieces that give them
    for l in c.lots:
        for role, kind, name, h in (lot_sources(c, l) if c.has_clause else []):
            g = norm(nums.grp(h, c.o["hsep"]))
            if not re.search(r"(?<!\d)" + re.escape(g) + r" ?(heures|h\b|hrs|\))", norm(good[name])):
                fail(f"{c.id}: {h} h du lot {l.num} absentes de {name}")
    # elements removed from every piece
    for code, pats in SIG.items():
        if c.err(code) or (code == "CS308" and c.err("CS305")):
            for n, t in good.items():
                for p in pats:
                    if text_has(t, p):
                        fail(f"{c.id}: {code} planté mais « {p} » présent dans {n}")
        elif c.has_clause and not c.err("CS101") and code != "CS308":
            clause_txt = " ".join(good[n] for n in good if KIND.get(role_base(roles[n])) in ("CCAP", "ANNEXE_CLAUSE"))
            if not any(text_has(clause_txt, p) for p in pats):
                fail(f"{c.id}: élément {code} absent alors qu'il n'est pas planté")
    if c.has_clause and not c.err("CS101") and not c.err("CS308") and not c.err("CS305"):
        clause_txt = " ".join(good[n] for n in good if KIND.get(role_base(roles[n])) in ("CCAP", "ANNEXE_CLAUSE"))
        if not any(text_has(clause_txt, p) for p in SIG["CS308"]):
            fail(f"{c.id}: pénalité de retard des documents absente")
    # facilitator
    if c.fac:
        f = c.fac
        for n, t in good.items():
            nt = norm(t)
            if c.err("CS304"):
                if norm(f["tel"]) in nt or norm(f["mail"]) in nt:
                    fail(f"{c.id}: CS304 planté mais contact présent dans {n}")
                if c.o.get("cs304") == "none" and "facilitat" in nt:
                    fail(f"{c.id}: CS304 (aucun) mais « facilitateur » dans {n}")
        if c.has_clause and not c.err("CS304") and not c.err("CS101"):
            if not any(norm(f["mail"]) in norm(good[n]) for n in good if KIND.get(role_base(roles[n])) == "CCAP"):
                fail(f"{c.id}: courriel du facilitateur absent du CCAP")
    # outdated references: only where planted (or quoted as history in b13-04)
    for n, t in good.items():
        for p in OUTDATED:
            if text_has(t, p):
                ok = False
                if c.id == "b13-04" and p == r"code des marches publics":
                    ok = True
                if c.id == "b13-08" and p.startswith(r"l\.? ?2113"):
                    ok = True
                if p in (r"l\.? ?2113-1[23]",) and c.err("CS202"):
                    ok = True
                if p in (r"code des marches publics", r"2009") and c.err("CS201"):
                    ok = True
                if p == r"2009" and c.err("CS203"):
                    ok = True
                if p == r"18\.1" and c.err("CS203"):
                    ok = True
                if p in (r"pole emploi", r"direccte") and c.err("CS204"):
                    ok = True
                if p.startswith("seuil") and c.err("CS205"):
                    ok = True
                if p == r"11,88" and c.err("CS307"):
                    ok = True
                if not ok:
                    fail(f"{c.id}: référence périmée « {p} » non plantée dans {n}")
    planted_needles = {
        "CS201": c.o.get("cs201_text"), "CS202": c.o.get("cs202_text"), "CS203": c.o.get("cs203_text"),
        "CS204": c.o.get("cs204_text") or ("agrement pole emploi" if c.o.get("cs204") == "agrement" else None),
        "CS205": c.o.get("cs205_text"), "CS307": c.o.get("cs307_text"),
    }
    for code, needle in planted_needles.items():
        if c.err(code):
            kf = [x for x in key["findings"] if x["code"] == code][0]
            piece = kf["piece"] if isinstance(kf["piece"], list) else [kf["piece"]]
            nd = norm(needle).rstrip(" ;.")
            where = [n for n, t in good.items() if nd in norm(t)]
            if not where or not set(where) <= set(piece):
                fail(f"{c.id}: {code} « {nd} » trouvé dans {where}, attendu {piece}")
    # revisions and comments only where CS903 is planted
    for role, rel, fmt in c.files:
        p = root / rel
        if p.suffix.lower() == ".docx" and fmt not in DAMAGED:
            with zipfile.ZipFile(p) as z:
                xml = z.read("word/document.xml").decode("utf-8")
                has_c = "word/comments.xml" in z.namelist() and "<w:comment " in z.read("word/comments.xml").decode()
            rev = ("<w:ins " in xml) or ("<w:del " in xml)
            want = c.err("CS903") and role_base(role) == "ccap"
            if (rev or has_c) != want:
                fail(f"{c.id}: {rel} révisions={rev} commentaires={has_c}, CS903 attendu={want}")
    # Word habits that the case asks for are really in the files
    for role, rel, fmt in c.files:
        p = root / rel
        if p.suffix.lower() != ".docx" or fmt in DAMAGED:
            continue
        with zipfile.ZipFile(p) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        if role_base(role) in ("ccap", "ccap_b"):
            if (c.o["fac_fn"] or c.o["basis_fn"] or c.o.get("cs201") == "footnote" or c.o.get("cs204") == "footnote") \
                    and "footnoteReference" not in xml:
                fail(f"{c.id}: note de bas de page absente de {rel}")
            if c.o["hours_in"] == "box" and "txbxContent" not in xml:
                fail(f"{c.id}: zone de texte absente de {rel}")
            if c.o["merged_hdr"] and c.o["hours_in"] in ("table", "share") and not c.err("CS101") \
                    and not ("gridSpan" in xml and "vMerge" in xml):
                fail(f"{c.id}: cellules fusionnées absentes de {rel}")
    # silences
    def silent(names, pats, code):
        for n in names:
            for p in pats:
                if text_has(good[n], p):
                    fail(f"{c.id}: {code} — « {p} » présent dans {n}")
    if c.err("CS102"):
        silent(files_of(c, "rc"), [r"insertion", r"clause sociale", r"facilitat"], "CS102")
    if c.err("CS104"):
        silent(files_of(c, "aapc"), [r"insertion", r"social"], "CS104")
    if c.err("CS101"):
        silent(files_of(c, "ccap"), [r"insertion", r"clause sociale", r"facilitat"], "CS101")
    if c.err("CS103"):
        silent(files_of(c, "ae", "ae_lot"), [r"insertion", r"clause sociale"], "CS103")
    if c.mode == "noclause":
        silent(list(good), [r"insertion", r"clause sociale", r"sans objet"], "CS501")
    if c.mode == "sans":
        for n in files_of(c, "rc", "ccap"):
            if "sans objet" not in norm(good[n]):
                fail(f"{c.id}: « sans objet » absent de {n}")
    # L2112-2-1 cited exactly when the obligation applies
    if c.has_clause and not c.err("CS101"):
        cc = " ".join(good[n] for n in files_of(c, "ccap", "ccap_b", "annexe_full"))
        cited = "l2112-2-1" in norm(cc)
        if c.err("CS202"):
            cited = c.obliged
        if cited != c.obliged:
            fail(f"{c.id}: L2112-2-1 cité={cited} alors que l'obligation={c.obliged}")
    # CS501 planted exactly when required
    need501 = c.mode in ("noclause", "sans") and c.obliged
    if need501 != c.err("CS501"):
        fail(f"{c.id}: CS501 planté={c.err('CS501')} alors que requis={need501}")
    # computed hours
    for l in c.lots:
        if l.status == "covered":
            r = nums.raw_hours(l.amount, l.trade)
            comp = nums.round5(r)
            lo, hi = nums.range_hours(l.amount, l.trade)
            if l.stated is None:
                if float(r) < 85 or abs(float(r % 5) - 2.5) < 0.6:
                    fail(f"{c.id} lot {l.num}: calcul brut {float(r):.2f} trop près d'un arrondi ou du minimum")
                for role, h in l.by.items():
                    if not (lo <= h <= hi + 2.5) or h == comp:
                        fail(f"{c.id} lot {l.num}: CS401 {h} hors fourchette {lo:.0f}–{hi:.0f}")
            elif l.trade != "fournitures":
                if lo / 2.5 <= l.stated <= hi * 2.5:
                    fail(f"{c.id} lot {l.num}: CS403 {l.stated} trop près de la fourchette {lo:.0f}–{hi:.0f}")
        elif l.status == "low":
            if float(nums.raw_hours(l.amount, l.trade)) >= 60:
                fail(f"{c.id} lot {l.num}: lot non concerné à {float(nums.raw_hours(l.amount, l.trade)):.1f} h")
        elif l.status == "tbd" and l.amount and nums.raw_hours(l.amount, l.trade) < 85:
            fail(f"{c.id} lot {l.num}: lot « à définir » sous le minimum")
    if c.o["hours_in"] == "share":
        for l in c.lots:
            if l.status == "covered":
                lab = nums.labour_hours(l.amount, l.trade)
                from fractions import Fraction

                if nums.round5(Fraction(lab) * Fraction(5, 100)) != l.hours_for("CCAP"):
                    fail(f"{c.id} lot {l.num}: 5 % de {lab} h ≠ {l.hours_for('CCAP')} h")
    # planted counts
    if c.id <= "b13-12":
        if c.errs:
            fail(f"{c.id}: dossier correct avec erreurs plantées")
        bad = [f for f in key["findings"] if SEVERITY[f["code"]] in ("error", "warning")]
        if bad:
            fail(f"{c.id}: dossier correct avec constats {bad}")
    elif not 1 <= len(c.errs) <= 3:
        fail(f"{c.id}: {len(c.errs)} erreurs plantées")
    planted = [f for f in key["findings"] if f["planted"]]
    if Counter(f["code"] for f in planted) != Counter(c.errs):
        # CS401/CS404 etc. give one finding per planted code here
        fail(f"{c.id}: constats plantés {Counter(f['code'] for f in planted)} ≠ errs {c.errs}")


def check_unique(c, root_files):
    """Every file differs from the others (bytes and text), but the planted CS905 pair."""
    seen = {}
    for p in root_files:
        h = zlib.crc32(p.read_bytes())
        if h in seen:
            names = {p.name, seen[h].name}
            if not (c.err("CS905") and any("Copie" in n for n in names)):
                fail(f"{c.id}: {p.name} identique à {seen[h].name}")
        seen[h] = p


# ============================================================================ main
def main(argv=None):
    ap = argparse.ArgumentParser(description="Construit le corpus aveugle blind13 et ses corrigés.")
    ap.add_argument("out", nargs="?", default=str(HERE / "corpus"))
    ap.add_argument("--no-answers", action="store_true")
    ap.add_argument("--only", nargs="*")
    a = ap.parse_args(argv)
    out = Path(a.out) / "sealed"
    out.mkdir(parents=True, exist_ok=True)
    ans = HERE / "answers" / "sealed"
    ans.mkdir(parents=True, exist_ok=True)
    cases = [E.Case(d) for d in CASES]
    if len(cases) != 36 or len({c.id for c in cases}) != 36:
        fail("il faut 36 consultations distinctes")
    if a.only:
        cases = [c for c in cases if c.id in a.only or c.name in a.only]
    tmpdir = Path(tempfile.mkdtemp(prefix="b13build_"))
    lo_jobs = {"pdf": [], "docx": []}
    roots = {}
    for c in cases:
        for old in (out / c.name, out / (c.name + ".zip")):
            if old.is_dir():
                shutil.rmtree(old)
            elif old.exists():
                old.unlink()
        root = (tmpdir / "zip" / c.name) if c.zip else (out / c.name)
        root.mkdir(parents=True)
        roots[c.id] = root
        write_files(c, root, lo_jobs, tmpdir)
    print(f"LibreOffice : {len(lo_jobs['pdf'])} PDF, {len(lo_jobs['docx'])} .docx depuis ODT")
    writers.lo_convert(lo_jobs["pdf"], "pdf")
    writers.lo_convert(lo_jobs["docx"], "docx", "MS Word 2007 XML")
    for _src, final in lo_jobs["docx"]:
        writers.fix_zip_times(final)
    totals = Counter()
    derived = Counter()
    n_typed = n_lots = 0
    for c in cases:
        root = roots[c.id]
        finish_files(c, root)
        key = answer_key(c)
        files = [p for p in sorted(root.rglob("*")) if p.is_file()]
        texts = {}
        for p in files:
            fmt = next(f for r, rel, f in c.files if Path(rel).name == p.name)
            try:
                texts[p.name] = read_back(p, fmt)
            except Exception:  # noqa: BLE001 - damaged files are expected not to open
                texts[p.name] = None
        check_case(c, root, key, texts)
        check_unique(c, files)
        if c.zip:
            zpath = out / (c.name + ".zip")
            zip_folder(root, zpath, c.d["zip_root"])
            with zipfile.ZipFile(zpath) as z:
                inside = sorted(Path(n).name for n in z.namelist())
            if inside != sorted(key["pieces"]):
                fail(f"{c.id}: contenu du zip {inside}")
        if not a.no_answers:
            (ans / (c.name + ".json")).write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
        for f in key["findings"]:
            (totals if f["planted"] else derived)[f["code"]] += 1
        n_typed += sum(1 for v in key["pieces"].values() if v)
        n_lots += len(key["lots"])
        print(f"{c.name:48s} {len(c.errs)} err  lots={key['lots']}  "
              f"constats={[f['code'] for f in key['findings']]}")
    shutil.rmtree(tmpdir, ignore_errors=True)
    if not a.only:
        missing = [k for k in PLANTABLE if totals[k] < 2]
        if missing:
            fail(f"codes plantés moins de deux fois : {missing}")
        correct = [c for c in cases if not c.errs]
        if len(correct) != 12:
            fail(f"{len(correct)} dossiers corrects au lieu de 12")
    print("Erreurs plantées par code :", dict(sorted(totals.items())), "total", sum(totals.values()))
    print("Constats attendus non plantés :", dict(sorted(derived.items())))
    print(f"{len(cases)} consultations, {n_typed} fichiers typés, {n_lots} lots chiffrés")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except CheckError as e:
        print(f"CONTRÔLE ÉCHOUÉ : {e}", file=sys.stderr)
        sys.exit(1)
