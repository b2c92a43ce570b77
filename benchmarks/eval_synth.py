"""Recall and precision of the review on a synthetic corpus with planted mistakes.

    python benchmarks/eval_synth.py [DIR] [-n 150] [--seed 0] [--errors 1.0]

Builds the corpus with benchmarks/synth.py when DIR has no manifest.json, reviews every
consultation (review date 2026-11-25) and compares, per consultation, the set of error and
warning codes found with the codes the manifest expects. Prints the misses and the extras.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", nargs="?", type=Path)
    parser.add_argument("-n", type=int, default=150)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--errors", type=float, default=1.0, help="share with planted mistakes")
    args = parser.parse_args()
    root = args.root or Path(tempfile.mkdtemp(prefix="clausier-eval-"))
    manifest_path = root / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    else:
        from synth import make_corpus

        print(f"corpus: {args.n} consultations in {root} …", flush=True)
        manifest = make_corpus(root, args.n, seed=args.seed, mix={"errors": args.errors})
        manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")

    from review.engine import review

    true_pos = extra = missing = 0
    by_code: Counter[str] = Counter()
    started = time.perf_counter()
    for entry in manifest:
        report = review(root / entry["name"], review_date=date(2026, 11, 25))
        found = {f.code for f in report.findings if f.severity.value != "info"}
        expected = set(entry["expected_codes"])
        true_pos += len(found & expected)
        for code in sorted(found - expected):
            extra += 1
            by_code[f"en trop {code}"] += 1
            print(f"{entry['name']}: {code} en trop")
        for code in sorted(expected - found):
            missing += 1
            by_code[f"manquant {code}"] += 1
            print(f"{entry['name']}: {code} manquant")
    elapsed = time.perf_counter() - started
    recall = true_pos / (true_pos + missing) if true_pos + missing else 1.0
    precision = true_pos / (true_pos + extra) if true_pos + extra else 1.0
    print(dict(by_code) or "aucun écart")
    print(
        f"{len(manifest)} consultations en {elapsed:.1f} s : {true_pos} justes, {extra} en trop, "
        f"{missing} manquants ; rappel {recall:.3f}, précision {precision:.3f}"
    )


if __name__ == "__main__":
    main()
