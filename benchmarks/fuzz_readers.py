"""Fuzz the reading side with seeded mutations of real files (tools/hostile.py): bit
flips, truncation, member renames, members recompressed with bzip2/LZMA (sometimes
lying about their size), numbers inside the XML made huge.

    python benchmarks/fuzz_readers.py -n 5000            # a long run
    python benchmarks/fuzz_readers.py -n 300 --json      # what the test runs

Each case is written to a temporary folder, read (`read_consultation`, as every front end
does) and reviewed (`review_consultation`). A case fails when anything escapes (a
traceback), when it takes more than --max-seconds, or when a piece ends with no finding
and no text (it vanished silently). Prints one line per failure and a summary; with
--json, one JSON object (cases, failures, slowest, peak memory in MB).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from review.engine import review_consultation  # noqa: E402
from review.reading import read_consultation  # noqa: E402
from tools.hostile import mutants, seed_files  # noqa: E402


def run_case(folder: Path, name: str, data: bytes) -> dict:
    """Read and review one mutated file; what happened."""
    path = folder / name
    path.write_bytes(data)
    started = time.perf_counter()
    outcome: dict = {"case": name}
    try:
        consultation = read_consultation(path, piece_timeout=8.0)
        report = review_consultation(consultation)
        # A piece that lost its text must say so (CS901 or CS904), in French.
        silent = [p.path for p in consultation.pieces if not p.blocks and not p.findings]
        unsaid = [f.code for f in report.findings if f.code.startswith("CS9") and not f.message]
        if silent or unsaid:
            outcome["failure"] = f"pièce vide sans constat : {silent or unsaid}"
    except BaseException as error:  # noqa: BLE001 - that is what is looked for
        if isinstance(error, KeyboardInterrupt):
            raise
        outcome["failure"] = "".join(traceback.format_exception(error))[-2000:]
    finally:
        path.unlink(missing_ok=True)
    outcome["seconds"] = time.perf_counter() - started
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="number of cases")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--max-seconds", type=float, default=10.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    seeds = seed_files(ROOT / "samples", ROOT / "tests" / "fixtures" / "hostile")
    started = time.perf_counter()
    results = []
    with tempfile.TemporaryDirectory(prefix="clausier-fuzz-") as tmp:
        for name, data, _ in mutants(seeds, args.n, args.seed):
            outcome = run_case(Path(tmp), name, data)
            if outcome["seconds"] > args.max_seconds and "failure" not in outcome:
                outcome["failure"] = f"trop long : {outcome['seconds']:.1f} s"
            results.append(outcome)
            if "failure" in outcome and not args.json:
                print(f"ÉCHEC {name} : {outcome['failure']}", flush=True)
    failures = [r for r in results if "failure" in r]
    slowest = max(results, key=lambda r: r["seconds"]) if results else None
    summary = {
        "cases": len(results),
        "seeds": len(seeds),
        "failures": failures,
        "slowest": slowest,
        "seconds": time.perf_counter() - started,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(
            f"{summary['cases']} cas sur {summary['seeds']} fichiers, {len(failures)} échecs, "
            f"{summary['seconds']:.0f} s, le plus lent {slowest['seconds']:.1f} s "
            f"({slowest['case']}), mémoire maximale {summary['peak_mb']:.0f} Mo."
        )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
