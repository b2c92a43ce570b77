#!/usr/bin/env python3
"""Builds the tenth blind corpus (36 consultations, sealed half) and its answer keys, then checks them.

    /work/main/.venv/bin/python benchmarks/blind10/build_corpus.py [OUT] [--no-answers] [--only NAME ...]

OUT defaults to benchmarks/blind10/corpus; keys go to benchmarks/blind10/answers/sealed/.
Stops with an error when a check fails. Never runs nor imports the tool."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from b10lib import engine as E  # noqa: E402
from b10lib import render as R  # noqa: E402
from b10lib.cases import CASES  # noqa: E402
from b10lib.writers import Doc10, render_docx, render_odt, render_pdf, soffice_batch  # noqa: E402

KIND = {"RC": "RC", "RC_V2": "RC", "CCAP": "CCAP", "CCAP_COPY": "CCAP", "AE": "AE", "ANNEXE": "ANNEXE_CLAUSE",
        "DC4": "DC4", "AAPC": "AAPC", "CCTP": "CCTP", "DPGF": "DPGF", "BPU": "BPU", "DQE": "DQE",
        "PLAN": None, "NOTES": None, "PHOTO": None, "PROGRAMME": None}
DAMAGED = {"scan", "enc", "trunc", "empty"}
CS3 = ["CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308"]
PLANTABLE = ["CS101", "CS102", "CS103", "CS104", "CS105", "CS201", "CS202", "CS203", "CS204", "CS205"] + CS3 + \
    ["CS401", "CS402", "CS403", "CS404", "CS405", "CS501", "CS901", "CS902", "CS903", "CS904", "CS905"]


class CheckError(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise CheckError(msg)


# ------------------------------------------------------------------ pieces
class _Plain:
    """Adapter for render.render_scanned_pdf (needs plain_lines())."""

    def __init__(self, doc: Doc10):
        self.doc = doc

    def plain_lines(self):
        d = self.doc
        out = [d.title] + list(d.cover)
        for b in d.blocks:
            if b[0] == "h":
                out.append(d.heading_text(b[1], b[2], b[3]))
            elif b[0] in ("p", "pb", "li"):
                out.append(b[1])
            elif b[0] == "t":
                out += [" | ".join(r) for r in b[1]]
        return out


def lot_of(k, spec):
    if len(spec) > 3:
        return next(l for l in k.lots if l["num"] == spec[3])
    return None


def make_doc(k, spec):
    kind = spec[0]
    lot = lot_of(k, spec)
    if kind in ("RC", "RC_V2"):
        return E.rc(k, version="v2" if kind == "RC_V2" else None)
    if kind in ("CCAP", "CCAP_COPY"):
        d = E.ccap(k)
        if k.has("CS903") and k.errs["CS903"]["piece"] == "CCAP":
            idx = next(i for i, b in enumerate(d.blocks) if b[0] == "p" and "Le marché a pour objet" in b[1])
            d.comments = [(idx, "Relecture interne : objet à harmoniser avec l'avis avant mise en ligne.")]
        return d
    if kind == "AE":
        return E.ae(k, only_lot=lot)
    if kind == "ANNEXE":
        return E.annexe_engagement(k)
    if kind == "DC4":
        return E.dc4(k)
    if kind == "AAPC":
        return E.aapc(k)
    if kind == "CCTP":
        return E.cctp(k, lot)
    if kind == "PROGRAMME":
        return E.programme(k)
    raise ValueError(kind)


def strip_dates(d: Doc10):
    """LibreOffice recomputes DATE fields: a converted document keeps the cached date as plain text."""
    d.blocks = [("p", b[1] + b[2]) if b[0] == "date" else b for b in d.blocks]
    return d


def build_case(k, out_dir: Path, jobs):
    c = k.c
    folder = out_dir / "sealed" / c["name"]
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    models = {}
    if c.get("sdt_runs") is True:
        c["sdt_runs"] = sorted({E.hfmt(k.written(l, "CCAP"), 0) for l in k.lots
                                if isinstance(k.written(l, "CCAP"), int)}, key=len, reverse=True)
    if c.get("layout") == "sub":
        c["clause_art_label"] = f"{c['clause_art']}.2 du CCAP"
    else:
        c["clause_art_label"] = f"{c['clause_art']} du CCAP"
    for spec in c["pieces"]:
        kind, fname, fmt = spec[0], spec[1], spec[2]
        path = folder / fname
        if kind == "CCAP_COPY":
            continue  # copied after the original is written
        if kind == "PLAN":
            R.render_plan(path, [c["objet"], f"{c['buyer']} – plan indicatif", "Échelle 1/500"], seed=c["name"])
            models[fname] = None
            continue
        if kind == "PHOTO":
            R.render_plan(path, ["Photographie – état existant"], seed=c["name"] + "p")
            models[fname] = None
            continue
        if kind == "NOTES":
            path.write_text(E.notes_txt(k), encoding="utf-8")
            models[fname] = None
            continue
        if kind in ("DPGF", "BPU", "DQE") and fmt == "xlsx":
            R.render_xlsx(E.prices_xlsx(k, kind, lot_of(k, spec)), path, title=kind)
            models[fname] = None
            continue
        if kind in ("DPGF", "BPU", "DQE"):
            rows = E.prices_xlsx(k, kind, lot_of(k, spec))[0][1]
            d = Doc10(rows[0][0], header=f"{c['short']} – {kind}", footer=f"Réf. {c['ref']}")
            d.t([[str(x) for x in r] for r in rows[2:]])
        else:
            d = make_doc(k, spec)
        models[fname] = d
        if fmt == "docx":
            render_docx(d, path)
        elif fmt == "pdf":
            render_pdf(d, path)
        elif fmt == "odt":
            render_odt(d, path)
        elif fmt in ("lopdf", "rtf", "doc"):
            jobs.append((strip_dates(d), path, {"lopdf": "pdf", "rtf": "rtf", "doc": "doc"}[fmt]))
        elif fmt == "scan":
            R.render_scanned_pdf(_Plain(d), path, seed=zlib.crc32(c["name"].encode()) % 1000)
        elif fmt == "enc":
            render_pdf(d, path, password="dce2026")
        elif fmt == "trunc":
            render_docx(d, path)
            R.damage_truncate(path, 0.45)
        else:
            raise ValueError(fmt)
    return folder, models


def finish_copies(k, folder):
    for spec in k.c["pieces"]:
        if spec[0] == "CCAP_COPY":
            src = next(s[1] for s in k.c["pieces"] if s[0] == "CCAP")
            shutil.copyfile(folder / src, folder / spec[1])


# ------------------------------------------------------------------ text extraction (for the checks)
def _xml_text(xml):
    xml = re.sub(r"<w:tab/>|<text:tab/>", "\t", xml)
    xml = re.sub(r"</w:p>|</text:p>|</text:h>", "\n", xml)
    xml = re.sub(r"</w:tc>|</table:table-cell>", " | ", xml)
    xml = re.sub(r"<[^>]+>", "", xml)
    return (xml.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'")
            .replace("&quot;", '"'))


def extract(path: Path, lo_txt: dict):
    suf = path.suffix.lower()
    try:
        if suf == ".docx":
            with zipfile.ZipFile(path) as z:
                parts = [n for n in z.namelist() if re.match(r"word/(document|header\d*|footer\d*|comments)\.xml", n)]
                return "\n".join(_xml_text(z.read(n).decode("utf-8")) for n in sorted(parts))
        if suf == ".odt":
            with zipfile.ZipFile(path) as z:
                return "\n".join(_xml_text(z.read(n).decode("utf-8")) for n in ("content.xml", "styles.xml"))
        if suf == ".pdf":
            import pdfplumber

            with pdfplumber.open(path) as p:
                return "\n".join((pg.extract_text() or "") for pg in p.pages)
        if suf == ".xlsx":
            import openpyxl

            wb = openpyxl.load_workbook(path, read_only=True)
            return "\n".join(" ".join(str(v) for v in row if v is not None) for ws in wb for row in ws.iter_rows(values_only=True))
        if suf == ".txt":
            return path.read_text(encoding="utf-8")
        if suf in (".rtf", ".doc"):
            return lo_txt[path]
    except Exception as e:  # damaged on purpose
        return f"<<illisible {type(e).__name__}>>"
    return ""


def lo_texts(paths):
    out = {}
    if not paths:
        return out
    tmp = Path(tempfile.mkdtemp(prefix="b10txt_"))
    srcs = []
    for n, p in enumerate(paths):
        s = tmp / f"t{n:03d}{p.suffix}"
        shutil.copyfile(p, s)
        srcs.append((s, p))
    subprocess.run(["soffice", "-env:UserInstallation=file:///tmp/lo_blind10", "--headless", "--convert-to",
                    "txt:Text (encoded):UTF8", "--outdir", str(tmp / "o")] + [str(s) for s, _ in srcs],
                   capture_output=True, timeout=600, check=False)
    for s, p in srcs:
        t = tmp / "o" / (s.stem + ".txt")
        out[p] = t.read_text(encoding="utf-8", errors="replace") if t.exists() else ""
    shutil.rmtree(tmp, ignore_errors=True)
    return out


# ------------------------------------------------------------------ answer key
def hour_kinds(k):
    """Kinds of pieces that write hours per lot."""
    kinds = []
    if not k.clause or (k.has("CS301") and k.errs["CS301"].get("lot") is None):
        return kinds
    if not k.has("CS101"):
        kinds.append("CCAP")
    if E.rc_gives_hours(k) and any(s[0] in ("RC", "RC_V2") for s in k.c["pieces"]):
        kinds.append("RC")
    if not k.has("CS103") and any(s[0] == "AE" for s in k.c["pieces"]):
        kinds.append("AE")
    if any(s[0] == "ANNEXE" for s in k.c["pieces"]):
        kinds.append("ANNEXE_CLAUSE")
    return kinds


def files_of(k, kind):
    return [s[1] for s in k.c["pieces"] if KIND.get(s[0]) == kind and s[2] not in DAMAGED]


def answer_key(k):
    c = k.c
    pieces = {}
    for s in c["pieces"]:
        pieces[s[1]] = None if s[2] in DAMAGED else KIND[s[0]]
    ccap_files = files_of(k, "CCAP")
    ccap_piece = ccap_files[0] if len(ccap_files) == 1 else ccap_files
    rc_files = files_of(k, "RC")
    lots = {}
    kinds = hour_kinds(k)
    for l in k.lots:
        h = k.true_hours(l)
        if h is None or not kinds:
            continue
        vals = {}
        for kd in kinds:
            if kd == "AE":
                ae_specs = [s for s in c["pieces"] if s[0] == "AE"]
                if all(len(s) > 3 for s in ae_specs) and not any(s[3] == l["num"] for s in ae_specs):
                    continue
            vals[kd] = k.written(l, kd)
        if any(v == "preciser" for v in vals.values()):
            continue
        vals = {kd: v for kd, v in vals.items() if v != "absent"}
        if len(set(vals.values())) == 1 and not (k.has("CS404") and k.errs["CS404"]["lot"] == l["num"]):
            lots[l["num"]] = next(iter(vals.values()))
        else:
            lots[l["num"]] = vals
    F, O = [], []

    def add(code, piece, lot=None, planted=True, note=""):
        F.append(dict(code=code, piece=piece, lot=lot, planted=planted, note=note))

    def opt(code, piece=None, lot=None, note=""):
        O.append(dict(code=code, piece=piece, lot=lot, note=note))

    for code, e in k.errs.items():
        if code == "CS101":
            add(code, ccap_piece, note="CCAP sans article de clause (la clause n'est portée que par le RC et l'AE)")
            for cc in CS3:
                opt(cc, None, note="contenu de la clause jugé hors du CCAP (CS101)")
        elif code == "CS102":
            add(code, rc_files[0], note="le RC n'annonce pas la clause")
        elif code == "CS103":
            add(code, None, note="l'AE n'a pas de rubrique d'insertion et aucune annexe d'engagement")
        elif code == "CS104":
            add(code, files_of(k, "AAPC")[0], note="l'avis ne mentionne pas la condition d'exécution sociale")
        elif code == "CS105":
            add(code, None, note=f"pièce manquante : {e['piece']}")
        elif code == "CS201":
            add(code, rc_files[0] if e["piece"] == "RC" else ccap_piece,
                note="article 14 du CMP (RC)" if e["piece"] == "RC" else "article 38 de l'ordonnance 2015-899 (CCAP)")
        elif code == "CS202":
            add(code, ccap_piece, note=f"clause fondée sur {e['ref']} au lieu de L2112-2")
        elif code == "CS203":
            add(code, ccap_piece, note="CCAG-Travaux 2009" if e["kind"] == "2009" else "article 16.1 du CCAG-Travaux")
        elif code == "CS204":
            add(code, rc_files[0] if e["piece"] == "RC" else ccap_piece, note=e["word"])
        elif code == "CS205":
            add(code, rc_files[0], note="seuil 221 000 € HT" if e["kind"] == "221000" else "dispense de 40 000 € HT")
        elif code == "CS301":
            add(code, ccap_piece, lot=e.get("lot"), note="heures « à préciser »" if e.get("lot") else "aucun nombre d'heures")
            if e.get("lot") is None:
                opt("CS103", None, note="l'AE s'engage sans nombre d'heures (CS301)")
        elif code in CS3:
            add(code, ccap_piece, note={"CS302": "publics retirés", "CS303": "modalités retirées",
                                        "CS304": "facilitateur évoqué sans structure ni coordonnées",
                                        "CS305": "suivi et justificatifs retirés (et la pénalité de retard des documents)",
                                        "CS306": "pas de pénalité par heure non réalisée",
                                        "CS307": "SMIC 2025 figé (11,88 €)" if e.get("kind") == "smic2025" else "montant « fixé ultérieurement »",
                                        "CS308": "pas de pénalité de retard des documents"}[code])
            if code == "CS305":
                add("CS308", ccap_piece, planted=False, note="découle du CS305 : plus de pénalité de retard des documents")
        elif code == "CS401":
            kinds_l = list(lots[e["lot"]].keys())
            fl = [f for kd in kinds_l for f in files_of(k, kd)]
            add(code, fl, lot=e["lot"], note=f"{e['piece_kind']} : {e.get('delta', 35):+d} h")
        elif code == "CS402":
            add(code, ccap_piece, note="total du CCAP faux de 100 h")
        elif code == "CS403":
            add(code, None, lot=e["lot"], note="heures ×4 du calcul, montant et métier donnés")
        elif code == "CS404":
            fl = [f for kd in kinds for f in files_of(k, kd)]
            add(code, fl, lot=e["lot"], note=f"lot absent de {e['piece_kind']}")
        elif code == "CS405":
            add(code, None, lot=e["lot"], note="140 h sur un lot de fourniture livrée")
            opt("CS403", None, lot=e["lot"], note="fourniture : le calcul ne donne pas d'heures")
        elif code == "CS501":
            add(code, None, note="au-dessus du seuil, lancé après le 21 août 2026, sans condition sociale ni justification")
            if c.get("noclause") == "silent":
                add("CS100", None, planted=False, note="aucune pièce ne porte de clause ni ne dit « sans »")
        elif code in ("CS901", "CS902"):
            add(code, e["piece"] if code == "CS901" else next(s[1] for s in c["pieces"] if s[0] == e["piece"]),
                note="fichier illisible" if code == "CS901" else "PDF scanné sans couche texte")
        elif code == "CS903":
            add(code, rc_files[0] if e["piece"] == "RC" else ccap_piece,
                note="commentaire Word" if e["kind"] == "comment" else "modification suivie")
        elif code == "CS904":
            add(code, e["piece"], note="fichier qui n'est pas une pièce")
        elif code == "CS905":
            add(code, e["files"], note="deux versions d'une même pièce")
        else:
            raise ValueError(code)
    planted904 = {e["piece"] for cd, e in k.errs.items() if cd == "CS904"}
    for s in c["pieces"]:
        if s[0] in ("PLAN", "NOTES", "PHOTO") and s[1] not in planted904:
            add("CS904", s[1], planted=False, note="plan, photo ou notes : pas une pièce du DCE")
        if s[0] == "PROGRAMME":
            opt("CS904", s[1], note="programme de l'opération : pièce usuelle d'une conception-réalisation, type hors liste")
        if s[2] in DAMAGED:
            opt("CS904", s[1], note="fichier abîmé ou scanné")
    if c.get("noclause") == "derog":
        opt("CS100", None, note="dérogation motivée : aucune clause, mais l'absence est expliquée")
    if not k.clause:
        for f in files_of(k, "AAPC"):
            opt("CS104", f, note="avis d'une consultation sans clause")
    if c.get("tca"):
        opt("CS403", None, lot="unique", note="marché global tous corps d'état : le métier n'est pas unique")
    desc = c["objet"] + " – " + c["buyer"]
    if k.errs:
        desc += " ; erreurs plantées : " + ", ".join(k.errs)
    return dict(name=c["name"], half="sealed", review_date=c["send"].isoformat(), description=desc,
                pieces=pieces, lots=lots, findings=F, optional=O)


# ------------------------------------------------------------------ checks
STALE = {
    "CS201": r"Code des marchés publics|2015-899|2016-360",
    "CS203": r"8 septembre 2009|article 16\.1 du CCAG-Travaux",
    "CS204": r"P[ôo]le emploi|DIRECCTE|\bZUS\b",
    "CS205": r"(?<!\d)(?<!\d\s)(221 000|5 538 000)|inférieurs à 40 000 € HT",
    "CS307": r"11,88|fixé ultérieurement",
}
REMOVED = {
    "CS302": r"RSA|RQTH|demandeurs? d'emploi|moins de 26 ans|[ée]ligib|PASS IAE|travailleur handicapé",
    "CS303": r"[Ee]mbauch|mise à disposition|ETTI|GEIQ|association intermédiaire|entreprise d'insertion|entreprise adaptée|ESAT|co-traitance",
    "CS305": r"tableau de suivi|relevés d'heures|attestation de réalisation|justificatifs|documents de suivi",
    "CS306": r"par heure manquante|heure d'insertion non|SMIC|par heure non",
    "CS308": r"par jour de retard dans la remise|par document manquant|par semaine de retard|documents de suivi",
}


def run_checks(built, texts):
    counts = Counter()
    correct = faulty = 0
    all_text = {}
    for k, folder, key, models in built:
        c = k.c
        name = c["name"]
        tx = texts[name]
        all_text[name] = tx
        # files on disk = key
        on_disk = sorted(p.name for p in folder.iterdir())
        check(on_disk == sorted(key["pieces"]), f"{name}: fichiers {on_disk} ≠ corrigé {sorted(key['pieces'])}")
        # errors per case
        n = len(k.errs)
        if n == 0:
            correct += 1
            check(all(f["code"] == "CS904" and not f["planted"] for f in key["findings"]),
                  f"{name}: dossier correct avec constats {key['findings']}")
        else:
            faulty += 1
            check(1 <= n <= 3, f"{name}: {n} erreurs plantées")
        counts.update(k.errs.keys())
        # readable text where it must be
        for fn, t in tx.items():
            spec = next(s for s in c["pieces"] if s[1] == fn)
            if spec[2] in DAMAGED:
                if spec[2] in ("scan", "enc", "trunc"):
                    check("clause" not in t.lower() or spec[2] != "scan", f"{name}/{fn}: le scan a une couche texte")
                continue
            if spec[0] not in ("PLAN", "PHOTO"):
                check(len(t) > 80, f"{name}/{fn}: texte vide")
        # RC / AAPC dates
        rcs = [fn for fn in tx if key["pieces"].get(fn) == "RC"]
        for fn in rcs:
            check("Date d'envoi de l'avis à la publication" in tx[fn], f"{name}/{fn}: RC sans date d'envoi")
        if not rcs:
            check(any("Date d'envoi du présent avis" in tx[f] for f in tx if key["pieces"].get(f) == "AAPC"),
                  f"{name}: ni RC ni avis daté")
        # sommaire and the clause heading
        for fn, t in tx.items():
            kd = key["pieces"].get(fn)
            spec = next(s for s in c["pieces"] if s[1] == fn)
            if kd in ("RC", "CCAP") and c.get("toc", True) and spec[2] not in DAMAGED:
                check("SOMMAIRE" in t, f"{name}/{fn}: pas de sommaire")
            if kd == "CCAP" and spec[2] not in DAMAGED:
                nclause = t.lower().count("clause sociale d'insertion")
                if k.clause and not k.has("CS101"):
                    check(nclause >= (2 if c.get("toc", True) else 1), f"{name}/{fn}: titre de clause absent du sommaire ou du corps ({nclause})")
                elif k.has("CS101") or c.get("noclause") == "silent":
                    check("insertion" not in t.lower(), f"{name}/{fn}: le CCAP parle d'insertion ({k.has('CS101')})")
        # presence errors really planted
        if k.has("CS102"):
            for fn in rcs:
                check(not re.search(r"insertion|clause sociale", tx[fn], re.I), f"{name}/{fn}: le RC annonce la clause")
        if k.has("CS103"):
            for fn in tx:
                if key["pieces"].get(fn) in ("AE", "ANNEXE_CLAUSE"):
                    check("insertion" not in tx[fn].lower(), f"{name}/{fn}: l'AE porte un engagement")
        if k.has("CS104"):
            for fn in tx:
                if key["pieces"].get(fn) == "AAPC":
                    check(not re.search(r"insertion|social", tx[fn], re.I), f"{name}/{fn}: l'avis parle de la clause")
        if k.clause and not k.has("CS104"):
            for fn in tx:
                if key["pieces"].get(fn) == "AAPC":
                    check("clause sociale d'insertion" in tx[fn], f"{name}/{fn}: avis muet")
        if k.clause and not k.has("CS102"):
            for fn in rcs:
                check("clause sociale d'insertion" in tx[fn], f"{name}/{fn}: RC muet")
        # removed elements absent from every piece
        for code, rx in REMOVED.items():
            hits = [fn for fn, t in tx.items() if re.search(rx, t)]
            if k.has(code) or (code == "CS308" and k.has("CS305")):
                check(not hits, f"{name}: {code} planté mais trouvé dans {hits}")
            elif k.clause and not k.has("CS101"):
                ccapf = [f for f in tx if key["pieces"].get(f) == "CCAP"]
                check(all(re.search(rx, tx[f]) for f in ccapf), f"{name}: élément {code} absent du CCAP")
        f = c["fac"]
        fac_hits = [fn for fn, t in tx.items() if any(x in t for x in (f["tel"], f["mail"], f["struct"], f["person"]))]
        if k.has("CS304"):
            check(not fac_hits, f"{name}: CS304 planté mais contact dans {fac_hits}")
        elif k.clause and not k.has("CS101"):
            check(any(key["pieces"].get(x) == "CCAP" for x in fac_hits), f"{name}: contact absent du CCAP")
        # stale references only where planted
        for code, rx in STALE.items():
            hits = sorted(fn for fn, t in tx.items() if re.search(rx, t))
            if k.has(code):
                want = [x for x in key["findings"] if x["code"] == code][0]["piece"]
                want = want if isinstance(want, list) else [want]
                check(hits and set(hits) <= set(want) and set(want) & set(hits),
                      f"{name}: {code} attendu dans {want}, trouvé dans {hits}")
            else:
                check(not hits, f"{name}: référence périmée {code} non plantée dans {hits}")
        # CS202: L2113-13 / R2152-7 only where planted or legitimately used
        for ref in ("L2113-13", "R2152-7"):
            hits = [fn for fn, t in tx.items() if ref in t]
            legit = []
            if ref == "L2113-13" and c.get("reserved_note"):
                legit = [fn for fn in hits if key["pieces"].get(fn) == "AAPC"]
            if ref == "R2152-7" and c.get("criterion"):
                legit = rcs
            bad = [h for h in hits if h not in legit]
            if k.has("CS202") and k.errs["CS202"]["ref"] == ref:
                check(bad and all(key["pieces"].get(h) == "CCAP" for h in bad), f"{name}: CS202 mal placé {bad}")
            else:
                check(not bad, f"{name}: {ref} hors emploi légitime dans {bad}")
        # L2112-2 basis present unless replaced
        if k.clause and not k.has("CS101"):
            ccapf = [fn for fn in tx if key["pieces"].get(fn) == "CCAP"]
            has_basis = all("L2112-2 " in tx[fn] or "L2112-2 du" in tx[fn] for fn in ccapf)
            check(has_basis == (not k.has("CS202") and not (k.has("CS201") and k.errs["CS201"]["piece"] == "CCAP")),
                  f"{name}: fondement L2112-2 incohérent")
        # obligation of 21 Aug 2026
        cites = any("L2112-2-1" in t for t in tx.values())
        check(k.has("CS501") == (k.obligation() and c.get("noclause") in ("sans", "silent")),
              f"{name}: CS501 planté ≠ obligation ({k.obligation()})")
        check(cites == (k.obligation() and (k.clause or c.get("noclause") == "derog")),
              f"{name}: L2112-2-1 cité ({cites}) ≠ obligation")
        # hours as written: each piece that lists hours has the number of each lot
        for num, want in key["lots"].items():
            vals = want if isinstance(want, dict) else {kd: want for kd in hour_kinds(k)}
            for kd, h in vals.items():
                s = f"{h:,}".replace(",", " ")
                for fn in [x for x in tx if key["pieces"].get(x) == kd]:
                    spec = next(sp for sp in c["pieces"] if sp[1] == fn)
                    if kd == "AE" and len(spec) > 3 and spec[3] != num:
                        continue
                    check(re.search(rf"(?<!\d)(?<!\d\s){re.escape(s)}\s?(h|heures)\b", re.sub(r"\s+", " ", tx[fn])),
                          f"{name}/{fn}: {s} h du lot {num} introuvables")
        # hours of the correct cases = calculation
        if not k.errs:
            for l in k.lots:
                h = E.computed(l["amount"], l["trade"]) if not l.get("tranches") else \
                    sum(E.computed(a, l["trade"]) for _x, a in l["tranches"])
                if l.get("excluded") or l.get("reserved") or l["trade"] == "fournitures" or not k.clause:
                    check(l["num"] not in key["lots"], f"{name}: lot {l['num']} non concerné dans le corrigé")
                elif h is None:
                    check(l["num"] not in key["lots"], f"{name}: lot {l['num']} sous le minimum dans le corrigé")
                else:
                    check(key["lots"].get(l["num"]) == h, f"{name}: heures du lot {l['num']} {key['lots'].get(l['num'])} ≠ {h}")
        # files all different, except the CS905 pair
        pair = set(k.errs["CS905"]["files"]) if k.has("CS905") else set()
        digests = {}
        for p in folder.iterdir():
            hsh = hashlib.sha256(p.read_bytes()).hexdigest()
            if hsh in digests:
                check({p.name, digests[hsh]} <= pair, f"{name}: {p.name} = {digests[hsh]}")
            digests[hsh] = p.name
        seen = {}
        for fn, t in tx.items():
            if len(t) < 80:
                continue
            if t in seen:
                check({fn, seen[t]} <= pair, f"{name}: même texte {fn} / {seen[t]}")
            seen[t] = fn
    check(correct == 12 and faulty == 24, f"{correct} corrects / {faulty} fautifs")
    for code in PLANTABLE:
        check(counts[code] >= 2, f"{code} planté {counts[code]} fois")
    # no stale reference of any kind in another case's pieces: done per case above
    return counts


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default=str(HERE / "corpus"))
    ap.add_argument("--no-answers", action="store_true")
    ap.add_argument("--only", nargs="*")
    a = ap.parse_args(argv)
    out = Path(a.out)
    cases = [c for c in CASES if not a.only or c["name"] in a.only]
    jobs, built = [], []
    for c in cases:
        k = E.Case(json.loads(json.dumps(c, default=str)) if False else c)
        folder, models = build_case(k, out, jobs)
        built.append([k, folder, None, models])
    log = []
    soffice_batch(jobs, log)
    for b in built:
        finish_copies(b[0], b[1])
        b[2] = answer_key(b[0])
    lo = lo_texts([p for b in built for p in b[1].iterdir() if p.suffix in (".rtf", ".doc")])
    texts = {b[0]["name"]: {p.name: extract(p, lo) for p in sorted(b[1].iterdir())} for b in built}
    fpdf_fallback = [t for m, t in log if m == "fpdf"]
    try:
        counts = run_checks(built, texts) if not a.only else Counter()
    except CheckError as e:
        print("CONTRÔLE ÉCHOUÉ :", e, file=sys.stderr)
        return 1
    if not a.no_answers:
        adir = HERE / "answers" / "sealed"
        adir.mkdir(parents=True, exist_ok=True)
        for k, _f, key, _m in built:
            (adir / f"{k['name']}.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(built)} consultations écrites dans {out / 'sealed'}")
    print(f"PDF LibreOffice : {sum(1 for m, _ in log if m == 'soffice')} ; repli fpdf2 : {len(fpdf_fallback)}")
    tot = sum(counts.values())
    print(f"Erreurs plantées : {tot} — " + ", ".join(f"{c} {counts[c]}" for c in PLANTABLE))
    print("Heures par lot (corrigé) :")
    for k, _f, key, _m in built:
        print(f"  {k['name']}: {key['lots']}")
    print("Taux de main-d'œuvre (milieu des fourchettes) : " + ", ".join(f"{t} {float(v):.2f}" for t, v in E.MO.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
