#!/usr/bin/env python3
"""Builds the blind test corpus of Clausier: consultations (DCE folders) in two halves, `tune` and
`sealed`, and their answer keys.

    /work/main/.venv/bin/python benchmarks/blind/build_corpus.py [OUTDIR] [--answers DIR] [--half H]

OUTDIR defaults to benchmarks/blind/corpus/ (git-ignored). The answer keys are written to
benchmarks/blind/answers/<half>/<name>.json (committed). Everything is deterministic: the random
choices are seeded by the case names, dates and metadata are fixed.

The corpus was written blind: from shared/domain/reference.md and shared/spec/*.md only, without
reading the tool. See README.md."""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from blindlib import engine as E  # noqa: E402
from blindlib import render as R  # noqa: E402


def load_cases():
    from blindlib import cases_sealed, cases_tune

    out = []
    for half, mod, prefix in (("tune", cases_tune, "t"), ("sealed", cases_sealed, "s")):
        defs = list(mod.CASES)
        order = list(range(len(defs)))
        random.Random(f"order-{half}").shuffle(order)
        for i, idx in enumerate(order, 1):
            d = dict(defs[idx])
            slug = d.pop("slug")
            d["name"] = f"{prefix}{i:02d}-{slug}"
            d["half"] = half
            out.append(E.Case(**d))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description="Construit le corpus aveugle de Clausier.")
    ap.add_argument("outdir", nargs="?", default=str(HERE / "corpus"))
    ap.add_argument("--answers", default=str(HERE / "answers"),
                    help="dossier des corrigés (défaut : benchmarks/blind/answers)")
    ap.add_argument("--half", choices=["tune", "sealed", "both"], default="both")
    ap.add_argument("--no-answers", action="store_true", help="n'écrit pas les corrigés")
    a = ap.parse_args(argv)
    out = Path(a.outdir)
    out.mkdir(parents=True, exist_ok=True)
    ans = Path(a.answers)
    cases = [c for c in load_cases() if a.half in ("both", c.half)]
    problems = []
    count = Counter()
    planted = {"tune": Counter(), "sealed": Counter()}
    expected = {"tune": Counter(), "sealed": Counter()}
    correct = Counter()
    ways = Counter()
    for case in cases:
        ctx, made, w = E.build_case(case, out)
        ways.update(w.values())
        key = E.answer_key(case, ctx, made)
        problems += E.self_check(case, ctx, key, made)
        count[case.half] += 1
        if case.correct:
            correct[case.half] += 1
        for f in key["findings"]:
            expected[case.half][f["code"]] += 1
            if f["planted"]:
                planted[case.half][f["code"]] += 1
        if not a.no_answers:
            d = ans / case.half
            d.mkdir(parents=True, exist_ok=True)
            (d / f"{case.name}.json").write_text(
                json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for half in ("tune", "sealed"):
        if not count[half]:
            continue
        miss = [c for c in E.PLANTABLE if planted[half][c] < 2]
        if miss:
            problems.append(f"{half}: codes planted fewer than twice: {', '.join(miss)}")
        print(f"{half}: {count[half]} consultations ({correct[half]} correctes, "
              f"{count[half] - correct[half]} avec erreurs plantées)")
        print("  plantées : " + ", ".join(f"{c}×{planted[half][c]}" for c in E.PLANTABLE))
        other = {c: n for c, n in expected[half].items() if n != planted[half][c]}
        print("  attendues en plus (non plantées) : " +
              ", ".join(f"{c}×{n - planted[half][c]}" for c, n in sorted(other.items())))
    if ways:
        print("PDF : " + ", ".join(f"{k}×{v}" for k, v in sorted(ways.items())))
        if not R.soffice_available():
            print("soffice absent : les PDF « convertis » ont été faits avec fpdf2 (même texte, même nom).")
    if problems:
        print("\nCONTRÔLES EN ÉCHEC :", file=sys.stderr)
        for p in problems:
            print("  - " + p, file=sys.stderr)
        return 1
    print("Contrôles internes : OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
