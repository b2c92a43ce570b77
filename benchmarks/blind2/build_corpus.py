#!/usr/bin/env python3
"""Builds the second blind corpus of Clausier and its answer keys.

    python benchmarks/blind2/build_corpus.py [OUT] [--half tune|sealed|all] [--answers DIR] [--no-answers]
                                             [--only NAME ...]

Writes OUT/<half>/<name>/... (default benchmarks/blind2/corpus) and answers/<half>/<name>.json,
checks what it wrote (see b2lib/engine.py, `check`) and prints, per half, the number of
consultations and of planted errors per code. Exits with status 1 when a check fails."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from b2lib import engine  # noqa: E402


def load(half):
    if half == "tune":
        from b2lib.cases_tune import CASES
    else:
        from b2lib.cases_sealed import CASES
    return CASES


PLANTABLE = ["CS101", "CS102", "CS103", "CS104", "CS105", "CS201", "CS202", "CS203", "CS204", "CS205",
             "CS301", "CS302", "CS303", "CS304", "CS305", "CS306", "CS307", "CS308", "CS401", "CS402",
             "CS403", "CS404", "CS405", "CS501", "CS901", "CS902", "CS903", "CS905"]


def main(argv=None):
    ap = argparse.ArgumentParser(description="Construit le second corpus aveugle de Clausier.")
    ap.add_argument("out", nargs="?", default=str(HERE / "corpus"))
    ap.add_argument("--half", choices=["tune", "sealed", "all"], default="all")
    ap.add_argument("--answers", default=str(HERE / "answers"))
    ap.add_argument("--no-answers", action="store_true")
    ap.add_argument("--only", nargs="*")
    a = ap.parse_args(argv)
    halves = ["tune", "sealed"] if a.half == "all" else [a.half]
    failed = False
    for half in halves:
        cases = load(half)
        names = [c["name"] for c in cases]
        assert len(names) == len(set(names)), "noms en double"
        planted, natural = Counter(), Counter()
        correct = 0
        for c in cases:
            if a.only and c["name"] not in a.only:
                continue
            b = engine.make_case(c, Path(a.out))
            try:
                engine.check(b)
            except AssertionError as e:
                print(f"CONTRÔLE ÉCHOUÉ : {e}", file=sys.stderr)
                failed = True
            if not a.no_answers:
                engine.write_key(b, Path(a.answers))
            for f in b.key["findings"]:
                (planted if f["planted"] else natural)[f["code"]] += 1
            correct += bool(c.get("correct"))
        n = len(cases) if not a.only else len([c for c in cases if c["name"] in a.only])
        print(f"== moitié {half} : {n} consultations, dont {correct} correctes, "
              f"{sum(planted.values())} erreurs plantées")
        print("   plantées : " + ", ".join(f"{k}×{v}" for k, v in sorted(planted.items())))
        print("   attendues sans être plantées : " + ", ".join(f"{k}×{v}" for k, v in sorted(natural.items())))
        if not a.only:
            need = 2 if half == "sealed" else 1
            short = [k for k in PLANTABLE if planted[k] < need]
            if short:
                print(f"CONTRÔLE ÉCHOUÉ : codes plantés moins de {need} fois : {short}", file=sys.stderr)
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
