#!/usr/bin/env python3
"""Builds the fifth blind corpus of Clausier (sealed half only) and its answer keys.

    /work/main/.venv/bin/python benchmarks/blind5/build_corpus.py [OUT] [--no-answers] [--only NAME ...]

OUT defaults to benchmarks/blind5/corpus; consultations go to OUT/sealed/<name>/, answer keys to
benchmarks/blind5/answers/sealed/<name>.json. The script checks what it wrote and stops with an
error when a check fails. It never reads, imports or runs the tool."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from b5lib import engine as E  # noqa: E402
from b5lib.cases import CASES  # noqa: E402
from b5lib.words import MO, MO_HORS_TABLE, heures, raw_hours  # noqa: E402

PLANTABLE = ["CS101", "CS102", "CS103", "CS104", "CS105", "CS201", "CS202", "CS203", "CS204", "CS205",
             "CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308", "CS401", "CS402",
             "CS403", "CS404", "CS405", "CS501", "CS901", "CS902", "CS903", "CS904", "CS905"]
ONCE_OK = {"CS904"}  # planted once (natural CS904 findings elsewhere)

MARKERS = {
    "CS302": ["RSA", "RQTH", "QPV", "PASS IAE", "longue durée", "demandeurs d'emploi", "26 ans",
              "publics éligibles", "Sont éligibles", "réservées aux personnes suivantes"],
    "CS303": ["ETTI", "GEIQ", "association intermédiaire", "mise à disposition", "mis à disposition",
              "embauche directe", "recrutement direct", "entreprise d'insertion", "ESAT", "entreprise adaptée",
              "chantier d'insertion", "SIAE", "structure d'insertion", "structures d'insertion"],
    "CS305": ["tableau de suivi", "fiche de liaison", "état récapitulatif", "justificatif", "relevé", "bilan",
              "fiche de suivi", "documents de suivi"],
    "CS306": ["non réalisée", "manquante", "non effectuée"],
}
LATE_RE = re.compile(r"(retard|non remis|faute de production)[^.]{0,150}(suivi|justificatif|tableau|fiche|relevé)"
                     r"|(suivi|justificatif|tableau|fiche|relevé)[^.]{0,150}(retard|non remis)", re.I)
OUTDATED = {
    "CS201": re.compile(r"code des march[ée]s publics|\bCMP\b|2015-899|2016-360", re.I),
    "CS202": re.compile(r"R\.? ?2152-7|L\.? ?2113-1[23]"),
    "CS203": re.compile(r"2009|16\.1 du CCAG-Travaux|20\.1 du CCAG-FCS"),
    "CS204": re.compile(r"P[ôo]le[ -]?[Ee]mploi|DIRECCTE|\bZUS\b"),
    "CS205": re.compile(r"(seuil|dispens|inférieurs? à)[^.]{0,80}(221 000|5 538 000|143 000|40 000|215 000|"
                        r"5 382 000)", re.I),
    "CS307": re.compile(r"11,88|11,65"),
}


def norm(t):
    return t.replace("\u00a0", " ").replace("\u202f", " ")


class CheckError(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise CheckError(msg)


def pdf_text(path):
    import pypdf

    r = pypdf.PdfReader(str(path))
    if r.is_encrypted:
        return None
    return "".join((p.extract_text() or "") for p in r.pages)


def check_case(case, key, C, folder: Path):
    name = case["name"]
    texts = {fn: norm(t) for fn, t in C.texts.items()}
    alltext = "\n".join(texts.values())
    codes = [e["code"] for e in case.get("errs", [])]
    # files on disk = key
    on_disk = sorted(p.name for p in folder.iterdir())
    check(on_disk == sorted(key["pieces"]), f"{name}: fichiers {on_disk} ≠ corrigé {sorted(key['pieces'])}")
    # all files different except planted CS905
    digests = {}
    for p in folder.iterdir():
        digests.setdefault(hashlib.sha256(p.read_bytes()).hexdigest(), []).append(p.name)
    dups = [v for v in digests.values() if len(v) > 1]
    allowed = [sorted([C.fname(e["role"]), e["copy"]]) for e in C.err("CS905") if e["role"] != "ae"]
    check(sorted(sorted(d) for d in dups) == sorted(allowed), f"{name}: doublons {dups} (attendus {allowed})")
    same_text = Counter(texts[f] for f in texts if texts[f])
    for t, n in same_text.items():
        if n > 1:
            fs = sorted(f for f in texts if texts[f] == t)
            check(fs in allowed, f"{name}: même texte dans {fs}")
    # removed elements absent everywhere
    removed = C.removed
    for code, marks in MARKERS.items():
        if code in removed:
            for m in marks:
                for fn, t in texts.items():
                    check(m.lower() not in t.lower(), f"{name}: élément retiré {code} encore présent : « {m} » dans {fn}")
    if "CS304" in removed:
        f = C.fac
        for m in [f.get("struct"), f.get("tel"), f.get("mail"), f.get("web")]:
            if m:
                check(m not in alltext, f"{name}: contact du facilitateur encore présent ({m})")
    if "CS308" in removed:
        for fn, t in texts.items():
            check(not LATE_RE.search(t), f"{name}: pénalité de retard des documents encore présente dans {fn}: "
                                         f"{LATE_RE.search(t) and LATE_RE.search(t).group(0)}")
    # outdated references only where planted
    for code, rx in OUTDATED.items():
        planted = [e for e in case.get("errs", []) if e["code"] == code]
        for fn, t in texts.items():
            role = C.written.get(fn)
            hit = rx.search(t)
            ok_roles = {e.get("role", "ccap") for e in planted}
            if code == "CS307":
                ok_roles = {"ccap"} if planted and "11,88" in planted[0]["text"] else set()
            if hit:
                check(role in ok_roles, f"{name}: {code} non planté trouvé dans {fn} : « {hit.group(0)} »")
        for e in planted:
            if code == "CS307":
                continue
            role = e.get("role", "ccap")
            fl = [fn for fn, r in C.written.items() if r == role]
            check(any(rx.search(texts[fn]) for fn in fl), f"{name}: {code} planté absent de {role}")
    # wrong CCAG article by nature
    bad_art = "20.1" if C.ccag == "FCS" else "16.1"
    for fn, t in texts.items():
        if bad_art in t:
            check("CS203" in codes, f"{name}: article {bad_art} du mauvais CCAG dans {fn}")
    # launch date written in the RC (or the notice)
    src = C.fname("rc") or C.fname("avis")
    check(src is not None, f"{name}: ni RC ni avis")
    check(E.date_fr(C.launch, case.get("dstyle", 0)) in C.texts[src] or E.date_fr(C.launch, 1) in C.texts[src],
          f"{name}: date d'envoi absente de {src}")
    # PDFs have a text layer, except scanned / damaged
    bad = {e["role"] for e in C.err("CS901")} | {e["role"] for e in C.err("CS902")}
    for fn, role in C.written.items():
        if fn.endswith(".pdf") and role not in bad:
            t = pdf_text(folder / fn)
            check(t and len(t) > 200, f"{name}: {fn} sans couche texte")
        if fn.endswith(".pdf") and role in {e["role"] for e in C.err("CS902")}:
            t = pdf_text(folder / fn)
            check(not (t or "").strip(), f"{name}: {fn} scanné mais avec texte")
    # CS501 planted exactly when required
    need = (C.launch >= E.LOI_CLIMAT and C.value() >= C.threshold() and not C.has_clause and not C.derog)
    check(need == ("CS501" in codes), f"{name}: CS501 attendu={need}, planté={'CS501' in codes}")
    # hours of correct folders = computation
    if not codes:
        want = {}
        for lot in C.lots:
            if lot["cover"]:
                want["unique" if C.unique else lot["n"]] = heures(lot["amount"], lot["trade"])
        check(key["lots"] == want, f"{name}: heures {key['lots']} ≠ calcul {want}")
        for f in key["findings"]:
            check(f["code"] in ("CS904",), f"{name}: dossier correct avec constat {f['code']}")
    else:
        check(1 <= len(codes) <= 3, f"{name}: {len(codes)} erreurs plantées")
    # every covered lot stated in every piece that gives hours (except planted CS404 / CS301 lot)
    for lot in C.lots:
        if not lot["cover"] or C.nohours or isinstance(C.h[lot["n"]], str):
            continue
        for fn, role in C.written.items():
            if role not in ("rc", "ccap", "ae", "annex"):
                continue
            gives = any(E.stated(C, role, l2["n"], fn) is not None for l2 in C.lots)
            mine = E.stated(C, role, lot["n"], fn)
            if gives and mine is None and not C.files.get("ae_perlot"):
                check(any(e["lot"] == lot["n"] and role in e["roles"] for e in C.err("CS404")),
                      f"{name}: lot {lot['n']} sans heures dans {fn}")
    # planted CS403 far from the computation, with amounts written in the RC
    for e in C.err("CS403"):
        lot = C.lot(e["lot"])
        ratio = C.h[e["lot"]] / raw_hours(lot["amount"], lot["trade"])
        check(ratio > 3 or ratio < 0.34, f"{name}: CS403 trop proche du calcul ({ratio:.2f})")
        check(E.eur(lot["amount"]) in C.texts[C.fname("rc")], f"{name}: montant du lot {e['lot']} absent du RC")
    return codes


def main(argv=None):
    ap = argparse.ArgumentParser(description="Construit le cinquième corpus aveugle (moitié sealed).")
    ap.add_argument("out", nargs="?", default=str(HERE / "corpus"))
    ap.add_argument("--no-answers", action="store_true")
    ap.add_argument("--only", nargs="*")
    a = ap.parse_args(argv)
    out = Path(a.out) / "sealed"
    ans = HERE / "answers" / "sealed"
    cases = [c for c in CASES if not a.only or c["name"] in a.only]
    names = [c["name"] for c in CASES]
    assert len(set(names)) == len(names), "noms en double"
    planted = Counter()
    correct = faulty = 0
    print("Taux de main-d'œuvre (milieu des fourchettes de reference.md § 6.2) :")
    print("  " + ", ".join(f"{k} {v:.2f}" for k, v in MO.items()))
    print("  hors table (CS403 facultatif) : " + ", ".join(f"{k} {v:.2f}" for k, v in MO_HORS_TABLE.items()))
    for case in cases:
        folder = out / case["name"]
        if folder.exists():
            shutil.rmtree(folder)
        key, C = E.build(case, folder)
        try:
            codes = check_case(case, key, C, folder)
        except CheckError as e:
            print(f"CONTRÔLE ÉCHOUÉ : {e}", file=sys.stderr)
            return 1
        planted.update(codes)
        if codes:
            faulty += 1
        else:
            correct += 1
        hrs = ", ".join(f"lot {k} : {v}" for k, v in key["lots"].items()) or "aucune heure"
        exp = ", ".join(f"{f['code']}{'*' if f['planted'] else ''}" for f in key["findings"]) or "—"
        print(f"{case['name']:40s} {hrs:60s} attendus : {exp}")
        if not a.no_answers:
            ans.mkdir(parents=True, exist_ok=True)
            (ans / f"{case['name']}.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n",
                                                      encoding="utf-8")
    print(f"\n{len(cases)} consultations : {correct} correctes, {faulty} avec erreurs, "
          f"{sum(planted.values())} erreurs plantées")
    print("Plantées par code : " + ", ".join(f"{c} ×{planted[c]}" for c in PLANTABLE))
    if not a.only:
        for c in PLANTABLE:
            need = 1 if c in ONCE_OK else 2
            if planted[c] < need:
                print(f"CONTRÔLE ÉCHOUÉ : {c} planté {planted[c]} fois (< {need})", file=sys.stderr)
                return 1
        if len(cases) != 36 or correct != 12:
            print(f"CONTRÔLE ÉCHOUÉ : {len(cases)} consultations, {correct} correctes", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
