"""Bilan speed: the Word bilan of an operation with 50 participants and 24 months
(tools/bilan_sample.py, final bilan) beside a baseline measured in the same run.

1. in-process (modules imported, best of N): `render_bilan_docx` (three matplotlib charts,
   docxtpl template, fixed zip) and `render_bilan_xlsx`, beside the baseline: a plain
   python-docx document holding the same three pictures (already drawn);
2. whole process: a fresh Python that imports Clausier and writes the .docx bilan
   (start-up, matplotlib import and font cache included), beside a fresh Python that
   writes the baseline document.

Target (issue 15): the bilan in ≤ 3 s. Usage:
    python benchmarks/bench_bilan.py [--runs 5]
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generators.bilan.charts import bilan_charts  # noqa: E402
from generators.bilan.docx import render_bilan_docx  # noqa: E402
from generators.bilan.xlsx import render_bilan_xlsx  # noqa: E402
from tools.bilan_sample import sample_figures  # noqa: E402

TARGET_S = 3.0
BILAN_SCRIPT = """
import sys; sys.path.insert(0, {root!r})
from pathlib import Path
from generators.bilan import write_bilan_docx
from tools.bilan_sample import sample_figures
write_bilan_docx(sample_figures(final=True), Path({path!r}), force=True)
"""
BASELINE_SCRIPT = """
import io
import os
import resource
from docx import Document
from docx.shared import Mm
document = Document()
for name in {pictures!r}:
    document.add_paragraph("Figure")
    document.add_picture(name, width=Mm(152))
document.save({path!r})
"""


def best(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def baseline_document(pictures: list[bytes]) -> bytes:
    from docx import Document
    from docx.shared import Mm

    document = Document()
    for png in pictures:
        document.add_paragraph("Figure")
        document.add_picture(io.BytesIO(png), width=Mm(152))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def process_time(script: str) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of a fresh Python running `script`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", script], check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    figures = sample_figures(final=True)
    print(
        f"Opération : {len(figures.status.lots)} lots, {len(figures.months)} mois, "
        f"{figures.status.totals.participants} participants"
    )
    render_bilan_docx(figures)  # warm-up: imports, font cache
    pictures = [chart.png for chart in bilan_charts(figures)]
    docx_s = best(lambda: render_bilan_docx(figures), args.runs)
    xlsx_s = best(lambda: render_bilan_xlsx(figures), args.runs)
    charts_s = best(lambda: bilan_charts(figures), args.runs)
    base_s = best(lambda: baseline_document(pictures), args.runs)
    print(f"bilan Word (en mémoire, meilleur de {args.runs}) : {docx_s:.2f} s")
    print(f"  dont les trois graphiques : {charts_s:.2f} s")
    print(f"bilan tableur : {xlsx_s:.3f} s")
    print(f"référence python-docx avec les trois images : {base_s:.3f} s")
    print(f"rapport bilan / référence : {docx_s / base_s:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        names = []
        for index, png in enumerate(pictures):
            names.append(str(Path(tmp) / f"g{index}.png"))
            Path(names[-1]).write_bytes(png)
        bilan_script = BILAN_SCRIPT.format(root=str(ROOT), path=str(Path(tmp) / "b.docx"))
        base_script = BASELINE_SCRIPT.format(pictures=names, path=str(Path(tmp) / "r.docx"))
        bilan_p, bilan_cpu = min(process_time(bilan_script) for _ in range(3))
        base_p, base_cpu = min(process_time(base_script) for _ in range(3))
    print(
        f"processus complet (démarrage et imports compris) : bilan {bilan_p:.2f} s "
        f"(CPU {bilan_cpu:.2f} s), référence {base_p:.2f} s (CPU {base_cpu:.2f} s), "
        f"rapport {bilan_p / base_p:.1f}"
    )
    load = os.getloadavg()[0]
    print(f"charge de la machine : {load:.1f} pour {os.cpu_count()} processeur(s)")
    verdict = "atteint" if bilan_p <= TARGET_S else "NON atteint"
    print(f"objectif ≤ {TARGET_S:.0f} s pour le bilan (processus complet) : {verdict}")
    return 0 if bilan_p <= TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
