#!/usr/bin/env python3
"""Builds the sixth blind corpus (sealed half only) and its answer keys, then checks them.

    /work/main/.venv/bin/python benchmarks/blind6/build_corpus.py [OUTDIR] [--no-answers] [--only NAME ...]

OUTDIR defaults to benchmarks/blind6/corpus; folders go to OUTDIR/sealed/<name>/ and keys to
benchmarks/blind6/answers/sealed/<name>.json. Stops with an error when a self-check fails.
Never imports nor runs the tool."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from b6lib import builder as B  # noqa: E402
from b6lib import engine as E  # noqa: E402
from b6lib import render as R  # noqa: E402
from b6lib.cases import CASES  # noqa: E402

PLANTABLE = ["CS101", "CS102", "CS103", "CS104", "CS105", "CS201", "CS202", "CS203", "CS204", "CS205",
             "CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308", "CS401", "CS402",
             "CS403", "CS404", "CS405", "CS501", "CS901", "CS902", "CS903", "CS904", "CS905"]

SP = "[ \u00a0\u202f]?"
OUTDATED = {
    "CMP": r"code des march[ée]s publics|\bC\.?M\.?P\b",
    "ORD2015": r"2015-899|ordonnance (?:n° ?)?du 23 juillet 2015",
    "DEC2016": r"2016-360",
    "CCAG2009": r"8 septembre 2009|CCAG[^.\n]{0,40}2009",
    "PE": r"P[ôo]le[ -]?emploi",
    "ZUS": r"\bZUS\b|zones? urbaines? sensibles?",
    "DIRECCTE": r"DIRECCTE",
    "THR": "|".join(rf"\b{x.replace(' ', SP)}\b" for x in ("5 538 000", "5 382 000", "5 350 000", "221 000",
                                                          "215 000", "214 000", "143 000")),
    "D40": rf"\b40{SP}000{SP}€",
    "SMICOLD": r"11,88|11,65",
    "L2113": r"L\.? ?2113-1[23]",
    "R2152": r"R\.? ?2152-7",
}
PLANT_PATTERN = {("CS201", "ord2015"): "ORD2015", ("CS201", "cmp14_tracked"): "CMP", ("CS201", "decret62"): "DEC2016",
                 ("CS203", "2009"): "CCAG2009", ("CS205", "5538000"): "THR", ("CS205", "40000"): "D40",
                 ("CS307", "smic2025"): "SMICOLD", ("CS202", "L2113-12"): "L2113", ("CS202", "R2152-7"): "R2152"}
REMOVED = {
    "CS302": [r"éligib", r"publics? (?:visés|éligibles|concernés)", r"demandeurs? d'emploi", r"\bRSA\b", r"RQTH",
              r"handicap", r"moins de 26 ans", r"50 ans", r"\bQPV\b", r"quartier prioritaire", r"minima sociaux",
              r"Bénéficiaires", r"publics en difficulté"],
    "CS303": [r"embauch", r"recrut", r"\bETTI\b", r"GEIQ", r"mise à disposition", r"mis à disposition",
              r"sous-trait", r"cotrait", r"co-trait", r"entreprise d'insertion", r"\bESAT\b", r"entreprise adaptée",
              r"association intermédiaire", r"apprentissage", r"professionnalisation", r"intérim", r"\bSIAE\b",
              r"structure d'insertion", r"activité économique", r"relevés de mission", r"structures partenaires"],
    "CS305": [r"suivi", r"justificati", r"relevés? d", r"bulletins? de", r"fiche de liaison", r"état nominatif",
              r"\bbilan", r"attestation de réalisation", r"tableau (?:mensuel|de suivi|des heures)"],
    "CS306": [r"heures? (?:d'insertion )?(?:manquantes?|non réalisées?|non effectuées?)", r"SMIC", r"par heure",
              r"P = H"],
    "RETARD": [r"documents de suivi", r"par document manquant", r"tableau de suivi à l'échéance",
               r"jour calendaire"],
}


class CheckError(Exception):
    pass


def fail(msg):
    raise CheckError(msg)


def pdf_pages(path):
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True)
    return out.stdout.split("\f")


def check_case(b, key):
    case, ctx = b.case, b.ctx
    name = case["name"]
    errs = [tuple(e) for e in case["errs"]]
    texts = {f["base"]: f["text"] for f in b.files}
    # files on disk = key
    disk = sorted(p.name for p in b.folder.rglob("*") if p.is_file())
    if len(disk) != len(set(disk)):
        fail(f"{name}: two files share a base name")
    if sorted(key["pieces"]) != disk:
        fail(f"{name}: files on disk {disk} differ from key {sorted(key['pieces'])}")
    # all files different except a planted CS905
    pairs = {frozenset((e[1], e[2])) for e in errs if e[0] == "CS905"}
    seen = {}
    for p in b.folder.rglob("*"):
        if p.is_file():
            h = hashlib.sha256(p.read_bytes()).hexdigest()
            if h in seen and frozenset((seen[h], p.name)) not in pairs:
                fail(f"{name}: {p.name} and {seen[h]} are identical")
            seen[h] = p.name
    tseen = {}
    for f in b.files:
        if "copy_of" in f or f["role"] in ("PLAN",):
            continue
        t = re.sub(r"\s+", " ", f["text"]).strip()
        if t in tseen:
            fail(f"{name}: {f['base']} has the same text as {tseen[t]}")
        tseen[t] = f["base"]
    for pr in pairs:
        a, c = sorted(pr)
        pa = next(p for p in b.folder.rglob("*") if p.name == a)
        pc = next(p for p in b.folder.rglob("*") if p.name == c)
        if pa.read_bytes() != pc.read_bytes():
            fail(f"{name}: CS905 pair differs")
    # outdated references only where planted
    planted = {}
    for e in errs:
        k = PLANT_PATTERN.get(tuple(e[:2]))
        if k:
            where = next(f["piece"] for f in key["findings"] if f["code"] == e[0])
            planted[k] = where
        if e[0] == "CS204":
            where = next(f["piece"] for f in key["findings"] if f["code"] == "CS204")
            for t in e[1]:
                planted[{"Pôle emploi": "PE", "ZUS": "ZUS", "DIRECCTE": "DIRECCTE"}[t]] = where
    for fname, t in texts.items():
        for k, pat in OUTDATED.items():
            if re.search(pat, t, re.I if k not in ("ZUS", "L2113", "R2152") else 0):
                ok = planted.get(k)
                ok = [ok] if isinstance(ok, str) else (ok or [])
                if k == "R2152" and case["o"].get("rc_criterion") and fname in B.file_of(b, "RC"):
                    continue
                if fname not in ok:
                    fail(f"{name}: outdated {k} in {fname} not planted there")
    for k, where in planted.items():
        where = [where] if isinstance(where, str) else where
        if not any(re.search(OUTDATED[k], texts[w], re.I if k not in ("ZUS", "L2113", "R2152") else 0) for w in where):
            fail(f"{name}: planted {k} not found in {where}")
    # 20.2 only in an environmental sentence, unless planted
    for fname, t in texts.items():
        for m in re.finditer(r"[^.\n]*20\.2[^.\n]*", t):
            if "insertion" in m.group(0) or ("CS203", "20.2") in errs:
                if not (("CS203", "20.2") in errs and fname == B.clause_file(b)):
                    fail(f"{name}: 20.2 in an insertion sentence of {fname}")
    # removed elements absent from all pieces
    removed = set(ctx.removed)
    for code in removed:
        for pat in REMOVED.get(code, []):
            for fname, t in texts.items():
                if re.search(pat, t, re.I):
                    fail(f"{name}: removed {code} still matches {pat!r} in {fname}")
    if "CS304" in removed:
        f = case["fac"]
        for fname, t in texts.items():
            if "@" in t or f["tel"] in t or f["structure"] in t:
                fail(f"{name}: facilitator contact left in {fname}")
    if "CS102" in ctx.codes:
        rc = B.file_of(b, "RC")[0]
        if re.search(r"insertion|clause sociale", texts[rc], re.I):
            fail(f"{name}: RC still announces the clause")
    if "CS104" in ctx.codes:
        av = B.file_of(b, "AVIS")[0]
        if re.search(r"insertion|social|emploi", texts[av], re.I):
            fail(f"{name}: notice still mentions the social condition")
    if not ctx.has_clause:
        for fname, t in texts.items():
            if re.search(r"heures d'insertion|insertion professionnelle", t, re.I):
                fail(f"{name}: clause wording in {fname} of a consultation without clause")
    if "CS101" in ctx.codes:
        cc = B.file_of(b, "CCAP")[0]
        if re.search(r"insertion", texts[cc], re.I):
            fail(f"{name}: CCAP still speaks of insertion")
    if "CS103" in ctx.codes:
        for fname in B.file_of(b, "AE"):
            if re.search(r"insertion", texts[fname], re.I):
                fail(f"{name}: AE still holds an insertion commitment")
    # hours: correct folders = calculation, shown in the clause piece
    if not errs:
        cf = B.clause_file(b)
        for L in ctx.lots:
            n = L["num"]
            want = None
            if L["trade"] != "fournitures" and not L.get("nc"):
                if L.get("tf"):
                    want = E.calc(L["tf"], L["trade"]) + E.calc(L["amount"] - L["tf"], L["trade"])
                else:
                    want = E.calc(L["amount"], L["trade"])
            got = key["lots"].get(n)
            if L.get("pse"):
                if got is not None:
                    fail(f"{name}: PSE lot {n} in the key")
                continue
            if got != want:
                fail(f"{name}: lot {n} key {got} != computed {want}")
            if want is not None and E.W.nb(want, ctx.sep) not in texts[cf]:
                fail(f"{name}: lot {n} hours {want} not written in {cf}")
        bad = [f for f in key["findings"] if f["code"] != "CS904"]
        if bad or key["optional"]:
            fail(f"{name}: a correct folder expects {bad} / {key['optional']}")
    else:
        if not 1 <= len(errs) <= 3:
            fail(f"{name}: {len(errs)} planted errors")
    # CS501 exactly when the date and the threshold require it
    thr = E.WORKS_EU if case["nature"] == "travaux" else E.FS_EU[case.get("btype", "local")]
    need = (case["launch"] >= E.OBLIGATION_DATE and ctx.total >= thr and not ctx.has_clause
            and not case["o"].get("justif"))
    if need != any(e[0] == "CS501" for e in errs):
        fail(f"{name}: CS501 planted={not need} but required={need}")
    if ctx.above and ctx.has_clause and "CS101" not in ctx.codes:
        if "L. 2112-2-1" not in texts[B.clause_file(b)]:
            fail(f"{name}: above threshold after 21/08/2026 without L2112-2-1")
    # dates: every RC and notice carries its sending date
    for f in b.files:
        if f["role"] == "RC" and not re.search(r"envoi[^\n]*publication[^\n]*\d{4}", f["text"], re.I):
            fail(f"{name}: RC without its date")
        if f["role"] == "AVIS" and "Date d'envoi du présent avis" not in f["text"]:
            fail(f"{name}: notice without its date")
    # PDFs: text layer except scanned and encrypted; docx revisions only where planted
    scanned = {e[1] for e in errs if e[0] == "CS902"}
    enc = {e[1] for e in errs if e[0] == "CS901" and e[2] == "enc"}
    broken = {e[1] for e in errs if e[0] == "CS901"}
    rev = {e[1] for e in errs if e[0] == "CS903"}
    for p in b.folder.rglob("*"):
        if p.suffix.lower() == ".pdf" and p.name not in enc:
            txt = "".join(pdf_pages(p)).strip()
            if (p.name in scanned) == bool(txt):
                fail(f"{name}: {p.name} text layer {'present' if txt else 'absent'}")
        if p.suffix.lower() == ".docx" and p.name not in broken:
            with zipfile.ZipFile(p) as z:
                doc = z.read("word/document.xml").decode("utf-8")
                has = "<w:ins " in doc or "<w:del " in doc or "word/comments.xml" in z.namelist()
            if has != (p.name in rev):
                fail(f"{name}: revisions/comments in {p.name}: {has}")
    # LibreOffice layout habits
    if case["o"].get("pagebreak_after_clause_head"):
        p = next(x for x in b.folder.rglob("*") if x.name == case["o"]["ccap_name"])
        pages = pdf_pages(p)
        title = case["o"].get("clause_title", "Clause sociale d'insertion").upper()
        hp = next(i for i, pg in enumerate(pages) if title in pg.upper())
        if "L'action d'insertion" in pages[hp] or "Base juridique" in pages[hp] or "En application" in pages[hp]:
            fail(f"{name}: clause body on the heading's page")
        if hp + 1 >= len(pages) or not pages[hp].strip().upper().endswith(title):
            fail(f"{name}: clause heading is not the last line of its page")
    if case["o"].get("ann_preamble"):
        p = next(x for x in b.folder.rglob("*") if x.name == case["o"]["ann_name"])
        pages = pdf_pages(p)
        n = sum(1 for pg in pages if "Heures d'insertion" in pg and "Désignation" in pg)
        if n < 2:
            fail(f"{name}: the hours table does not span two pages with a repeated header ({n})")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default=str(HERE / "corpus"))
    ap.add_argument("--no-answers", action="store_true")
    ap.add_argument("--only", nargs="*")
    a = ap.parse_args(argv)
    root = Path(a.out) / "sealed"
    root.mkdir(parents=True, exist_ok=True)
    cases = [c for c in CASES if not a.only or c["name"] in a.only]
    names = [c["name"] for c in CASES]
    if len(names) != len(set(names)):
        fail("duplicate case names")
    so = R.Soffice(profile_dir="/tmp/b6_lo_profile_blind6")
    built = [B.build_case(c, root, so) for c in cases]
    how = so.run()
    fallback = [p for p, h in how.items() if h != "soffice"]
    for b in built:
        for f in b.post:
            f()
    keys = []
    for b in built:
        k = B.key_of(b)
        check_case(b, k)
        keys.append(k)
    if not a.no_answers:
        ad = HERE / "answers" / "sealed"
        ad.mkdir(parents=True, exist_ok=True)
        for k in keys:
            (ad / f"{k['name']}.json").write_text(json.dumps(k, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    # counts
    planted = Counter(f["code"] for k in keys for f in k["findings"] if f["planted"])
    natural = Counter(f["code"] for k in keys for f in k["findings"] if not f["planted"])
    correct = sum(1 for c in cases if not c["errs"])
    print(f"{len(cases)} consultations ({correct} correctes, {len(cases) - correct} fautives), "
          f"{sum(planted.values())} erreurs plantées, {sum(natural.values())} constats naturels")
    print("plantés : " + ", ".join(f"{c} {planted[c]}" for c in PLANTABLE))
    print("naturels : " + ", ".join(f"{c} {n}" for c, n in sorted(natural.items())))
    print("taux de main-d'œuvre (milieu des fourchettes de reference.md § 6.2) : "
          + ", ".join(f"{k} {float(v):.2f}" for k, v in E.MO.items()))
    print("PDF LibreOffice : " + (f"{len(how) - len(fallback)} convertis" if how else "aucun")
          + (f", {len(fallback)} repli fpdf2" if fallback else ""))
    if not a.only:
        missing = [c for c in PLANTABLE if planted[c] < 1]
        if missing:
            fail(f"codes never planted: {missing}")
        once = [c for c in PLANTABLE if planted[c] == 1]
        print("plantés une seule fois : " + (", ".join(once) or "aucun"))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except CheckError as e:
        print(f"CONTRÔLE EN ÉCHEC : {e}", file=sys.stderr)
        sys.exit(1)
