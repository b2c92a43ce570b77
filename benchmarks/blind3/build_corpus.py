#!/usr/bin/env python3
"""Builds the third blind corpus (one half, `sealed`) and its answer keys.

    python benchmarks/blind3/build_corpus.py [OUTDIR] [--no-answers] [--only NAME ...]

Writes OUTDIR/sealed/<name>/... (default benchmarks/blind3/corpus) and
benchmarks/blind3/answers/sealed/<name>.json, then checks what it wrote."""

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

from b3lib.cases import CASES  # noqa: E402
from b3lib.engine import LABOUR, OBSOLETE, build_case, computed_hours  # noqa: E402

PLANTABLE = ["CS101", "CS102", "CS103", "CS104", "CS105", "CS201", "CS202", "CS203", "CS204", "CS205",
             "CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308", "CS401", "CS402",
             "CS403", "CS404", "CS405", "CS501", "CS901", "CS902", "CS903", "CS904", "CS905"]


def fail(msg):
    print("CONTRÔLE ÉCHOUÉ : " + msg, file=sys.stderr)
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser(description="Construit le corpus aveugle n° 3 (moitié sealed).")
    ap.add_argument("outdir", nargs="?", default=str(HERE / "corpus"))
    ap.add_argument("--no-answers", action="store_true")
    ap.add_argument("--only", nargs="*")
    a = ap.parse_args()
    root = Path(a.outdir) / "sealed"
    ans = HERE / "answers" / "sealed"
    ans.mkdir(parents=True, exist_ok=True)
    planted = Counter()
    expected = Counter()
    n_ok = n_bad = 0
    names = set()
    for case in CASES:
        name = case["name"]
        if name in names:
            fail(f"nom en double {name}")
        names.add(name)
        if a.only and name not in a.only:
            continue
        out = root / name
        if out.exists():
            shutil.rmtree(out)
        r = build_case(case, out)
        errs = case.get("errs", [])
        codes = [c for c, _ in errs]
        if errs and not 1 <= len(errs) <= 3:
            fail(f"{name} : {len(errs)} erreurs plantées")
        for c in codes:
            planted[c] += 1
        n_bad += bool(errs)
        n_ok += not errs
        texts = {k: v.lower() for k, v in r["texts"].items()}
        # 1. removed elements appear nowhere
        for what, keys in r["removed"].items():
            for k in keys:
                for f, t in texts.items():
                    if k.lower() in t:
                        fail(f"{name} : élément retiré ({what}) encore présent « {k} » dans {f}")
        # 2. obsolete references only where planted
        for code, pats in OBSOLETE.items():
            where = set()
            for f, t in r["texts"].items():
                if any(re.search(p, t, re.I) for p in pats):
                    where.add(f)
            want = set()
            for fd in r["findings"]:
                if fd["code"] == code and fd.get("planted"):
                    pc = fd["piece"]
                    want |= set(pc if isinstance(pc, list) else [pc])
            if code in codes:
                if not where or not where <= want:
                    fail(f"{name} : {code} trouvé dans {sorted(where)}, annoncé dans {sorted(want)}")
            elif where:
                fail(f"{name} : référence {code} non plantée dans {sorted(where)}")
        # 3. files differ unless a CS905 is planted
        dups = {tuple(sorted(d)) for c, d in errs if c == "CS905"}
        seen = {}
        for f in sorted(p.name for p in out.iterdir()):
            data = (out / f).read_bytes()
            h = hashlib.sha256(data).hexdigest() if data else "vide-" + f
            t = r["texts"].get(f, "")
            for key in (h, "txt:" + t if t else None):
                if key is None:
                    continue
                if key in seen and tuple(sorted((seen[key], f))) not in dups:
                    fail(f"{name} : {seen[key]} et {f} identiques sans CS905 planté")
                seen.setdefault(key, f)
        on_disk = {p.name for p in out.iterdir()}
        if on_disk != set(r["kinds"]):
            fail(f"{name} : fichiers {sorted(on_disk ^ set(r['kinds']))} hors corrigé")
        # 4. correct cases: hours = calculation; no planted finding
        if not errs:
            for lot, h in r["lots"].items():
                lots = {l["num"]: l for l in case["lots"]}
                l = lots[case["lots"][0]["num"]] if lot == "unique" else lots[lot]
                if h != computed_hours(l["amount"], l["trade"]):
                    fail(f"{name} : lot {lot} {h} h ≠ calcul")
            if any(f["planted"] for f in r["findings"]):
                fail(f"{name} : dossier correct avec constat planté")
        # CS501 exactly when date and threshold say so
        no_clause = case.get("clause", True) in (False, "sans")
        if (r["above"] and r["after"] and no_clause) != ("CS501" in codes):
            fail(f"{name} : CS501 incohérent avec la date et le seuil")
        for fd in r["findings"]:
            expected[fd["code"]] += 1
        key = dict(name=name, half="sealed", review_date=case["review"], description=case.get("desc", ""),
                   pieces=r["kinds"], lots=r["lots"], findings=r["findings"], optional=r["optional"])
        if not a.no_answers:
            (ans / f"{name}.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not a.only:
        for c in PLANTABLE:
            if planted[c] < 2:
                fail(f"{c} planté {planted[c]} fois (< 2)")
    print(f"moitié sealed : {n_ok + n_bad} consultations, {n_ok} correctes, {n_bad} avec erreurs, "
          f"{sum(planted.values())} erreurs plantées")
    print("code   plantés  attendus")
    for c in sorted(set(planted) | set(expected)):
        print(f"{c}  {planted[c]:7d}  {expected[c]:8d}")
    print("taux de main-d'œuvre (milieu des fourchettes) :", ", ".join(f"{k}={v}" for k, v in LABOUR.items()))


if __name__ == "__main__":
    main()
