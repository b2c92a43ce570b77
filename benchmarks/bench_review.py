"""Benchmark: `clausier review` of a typical DCE, cold and warm, beside pdftotext.

The DCE: an RC (.docx), a 43-page CCAP (.pdf) with its clause article, three AE (.docx)
and a clause annex (.odt), written by tools/simple_documents.py in a temporary folder.

Prints, in one run:
1. cold process: `clausier review DCE --format json` in a fresh process, median of
   --runs, wall and CPU time (target ≤ 1.0 s), beside `python -c pass`; with the
   bytecode cache an installation has (and, when PYTHONDONTWRITEBYTECODE is set, without);
2. warm review: `review.engine.review` in this process (modules imported, caches of
   earlier DCEs cleared), beside `pdftotext` on the same PDF, CPU time (the fair measure
   on a shared machine) and wall time, and their ratio (target ≤ 2 ×);
3. the share of each stage of the warm review (reading, tokens and patterns, facts,
   rules), from the engine's `timings`;
4. pages → seconds: the warm review of a CCAP of 50 to 1 500 pages, each in a fresh
   process (CPU seconds, milliseconds per page, peak memory), to see that it stays linear.

Usage: python benchmarks/bench_review.py [--runs N] [--pages 50,200,500,1000,1500]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from tools.simple_documents import Doc, H, P, PageBreak, T, write  # noqa: E402

REVIEW_DATE = date(2026, 11, 25)
STAGES = (
    ("lecture", "lecture"),
    ("nlp", "jetons et motifs"),
    ("faits", "faits"),
    ("regles", "règles"),
)

FILLER = (
    "Les stipulations du présent article complètent celles du cahier des clauses administratives "
    "générales applicable aux marchés publics de travaux. Le titulaire informe le maître d'ouvrage "
    "de toute difficulté rencontrée dans l'exécution des prestations, dans les meilleurs délais et "
    "par écrit, en précisant les mesures qu'il propose pour y remédier."
)


LOTS = [
    ("1", "Gros œuvre – maçonnerie", "820 000", 615),
    ("2", "Charpente bois – couverture", "460 000", 270),
    ("3", "Plâtrerie – cloisons", "390 000", 360),
]


def ccap(articles: int, lots: list = LOTS) -> Doc:
    """A CCAP of `articles` one-page articles, its clause in article 12 bis."""
    items: list = [P("Cahier des clauses administratives particulières")]
    for article in range(1, articles + 1):
        items.append(H(f"Article {article} - Stipulations {article}"))
        if article == 12:
            items += [
                H("Article 12 bis - Clause sociale d'insertion"),
                P(
                    "En application de l'article L2112-2 du Code de la commande publique et de l'article 20.1 du CCAG-Travaux, le titulaire réalise une action d'insertion."
                ),
                T([["Lot", "Heures d'insertion"], *[[n, str(h)] for n, _, _, h in lots]]),
                P(
                    "Publics éligibles : demandeurs d'emploi de longue durée, bénéficiaires du RSA. Modalités : embauche directe, mise à disposition par une ETTI."
                ),
                P(
                    "Facilitatrice : Maison de l'emploi du territoire (exemple), 01 99 00 12 34, clause.insertion@example.org. Le titulaire transmet chaque mois un tableau de suivi."
                ),
                P(
                    "Pour chaque heure d'insertion non réalisée, une pénalité de 1,5 fois le SMIC horaire brut en vigueur est appliquée. En cas de retard dans la transmission des documents de suivi, une pénalité de 100 € par jour de retard est appliquée."
                ),
            ]
        for _ in range(6):
            items.append(P(FILLER))
        items.append(PageBreak())  # one article per page: a 40-page CCAP
    return Doc(items, header="CCAP – Construction d'un pôle enfance", footer="CC du Val d'Exemple")


def build_dce(root: Path) -> Path:
    lots = LOTS
    write(
        root / "01_RC.docx",
        Doc(
            [
                P("Règlement de la consultation"),
                H("Article 1 - Objet"),
                P(
                    "Marché public de travaux, procédure adaptée. Date d'envoi de l'avis : 1er décembre 2026."
                ),
                T(
                    [
                        ["Lot", "Intitulé", "Montant estimé"],
                        *[[n, t, f"{a} € HT"] for n, t, a, _ in lots],
                    ]
                ),
                H("Article 5 - Conditions particulières d'exécution"),
                P(
                    "Le marché comporte une clause sociale d'insertion : "
                    + " ; ".join(f"lot {n} : {h} heures d'insertion" for n, _, _, h in lots)
                    + "."
                ),
            ]
        ),
    )
    write(root / "02_CCAP.pdf", ccap(40, lots))
    for n, t, _, h in lots:
        write(
            root / f"03_AE_Lot{n}.docx",
            Doc(
                [
                    P(f"Acte d'engagement – Lot {n} : {t}"),
                    P(f"Le candidat s'engage à réaliser {h} heures d'insertion."),
                ]
            ),
        )
    write(
        root / "04_Annexe_clause_sociale.odt",
        Doc(
            [
                P("Annexe clause sociale d'insertion – fiche de liaison"),
                T([["Lot", "Heures d'insertion"], *[[n, str(h)] for n, _, _, h in lots]]),
            ]
        ),
    )
    return root


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], env: dict | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of a process."""
    cpu, started = _child_cpu(), time.perf_counter()
    subprocess.run(command, check=False, capture_output=True, env=env)
    return time.perf_counter() - started, _child_cpu() - cpu


def installed_env(work: Path) -> dict:
    """The environment of an installed tool: Python's bytecode cache written and read (pip
    compiles it at install time). A machine with PYTHONDONTWRITEBYTECODE=1 would otherwise
    compile every module of the tool from source in each cold process (~0.2 s)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


def median_pair(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def clear_caches() -> None:
    """Forget what earlier DCEs left in this process (the styles of Word templates), so
    that a warm review pays for its own files."""
    from review.readers import docx

    docx._STYLES_CACHE.clear()


def warm(dce: Path, runs: int) -> tuple[float, float, dict[str, float]]:
    """Median wall and CPU seconds of an in-process review, and the stages of the best."""
    from review.engine import review

    review(dce, review_date=REVIEW_DATE)
    results = []
    for _ in range(runs):
        clear_caches()
        timings: dict[str, float] = {}
        cpu, started = time.process_time(), time.perf_counter()
        review(dce, review_date=REVIEW_DATE, timings=timings)
        results.append((time.perf_counter() - started, time.process_time() - cpu, timings))
    wall = statistics.median(r[0] for r in results)
    cpu = statistics.median(r[1] for r in results)
    return wall, cpu, min(results, key=lambda r: r[1])[2]


_SIZE_PROBE = """
import json, resource, sys, time
from dataclasses import replace
from datetime import date
from review.engine import review_consultation
from review.reading import read_consultation
from review.readers import docx
from review.sources import DEFAULT_LIMITS
# The generated PDFs hold more text per byte than real ones: a larger reading budget.
limits = replace(DEFAULT_LIMITS, characters_per_byte=100.0)
def run():
    return review_consultation(read_consultation(sys.argv[1], limits), review_date=date(2026, 11, 25))
run()
docx._STYLES_CACHE.clear()
cpu = time.process_time()
report = run()
assert report.pieces[0].readable and report.facts, "the CCAP was not read"
print(json.dumps({"cpu": time.process_time() - cpu, "pages": report.pieces[0].pages,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def pages_series(work: Path, sizes: list[int]) -> list[dict]:
    """The warm review of one CCAP of each size, each in a fresh process."""
    from synth import write_pdf_fast

    out = []
    for size in sizes:
        path = write_pdf_fast(work / f"CCAP-{size}.pdf", ccap(size))
        result = subprocess.run(
            [sys.executable, "-c", _SIZE_PROBE, str(path)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        out.append(json.loads(result.stdout.strip().splitlines()[-1]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", default="50,200,500,1000,1500", help="sizes of the series")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="clausier-bench-"))
    try:
        dce = build_dce(work / "DCE")
        pdf = dce / "02_CCAP.pdf"
        python = median_pair([timed([sys.executable, "-c", "pass"]) for _ in range(args.runs)])
        cli = [sys.executable, "-m", "apps", "review", str(dce), "--format", "json"]
        cli += ["--date", "2026-11-25"]
        env = installed_env(work)
        timed(cli, env)  # fills the bytecode cache, as an installation does
        cold = median_pair([timed(cli, env) for _ in range(args.runs)])
        uncompiled = (
            median_pair([timed(cli) for _ in range(args.runs)])
            if os.environ.get("PYTHONDONTWRITEBYTECODE")
            else None
        )
        wall, cpu, stages = warm(dce, args.runs)
        pdftotext = shutil.which("pdftotext")
        floor = (
            median_pair([timed([pdftotext, str(pdf), "-"]) for _ in range(args.runs)])
            if pdftotext
            else None
        )

        from review.reading import read_consultation

        pages = read_consultation(pdf).pieces[0].pages
        print(f"DCE : RC, CCAP PDF de {pages} pages, 3 AE, 1 annexe ; médianes de {args.runs}")
        print()
        print("1) Processus neuf (démarrage de Python et imports compris)")
        print(f"   python -c pass    : {python[0]:6.2f} s  (CPU {python[1]:5.2f} s)")
        print(
            f"   clausier review   : {cold[0]:6.2f} s  (CPU {cold[1]:5.2f} s) ; objectif ≤ 1,0 s : "
            + ("atteint" if min(cold) <= 1.0 else "NON atteint")
        )
        if uncompiled:
            print(
                f"   sans bytecode     : {uncompiled[0]:6.2f} s  (CPU {uncompiled[1]:5.2f} s) ; "
                "PYTHONDONTWRITEBYTECODE=1 ici : chaque module compilé à chaque lancement"
            )
        print()
        print("2) Relecture dans un processus déjà chargé, à côté de pdftotext sur le même PDF")
        print(f"   relecture         : {wall * 1000:6.0f} ms  (CPU {cpu * 1000:5.0f} ms)")
        if floor:
            ratio_cpu, ratio_wall = cpu / floor[1], wall / floor[0]
            print(
                f"   pdftotext         : {floor[0] * 1000:6.0f} ms  (CPU {floor[1] * 1000:5.0f} ms)"
            )
            print(
                f"   rapport           : {ratio_cpu:4.2f} × en CPU, {ratio_wall:4.2f} × en durée ; "
                "objectif ≤ 2 × : " + ("atteint" if ratio_cpu <= 2 else "NON atteint")
            )
        else:
            print("   pdftotext absent : pas de comparaison (apt-get install poppler-utils).")
        print()
        total = sum(stages.values())
        print(f"3) Étapes de la relecture la plus rapide ({total * 1000:.0f} ms)")
        for key, label in STAGES:
            value = stages.get(key, 0.0)
            print(f"   {label:<17} : {value * 1000:6.0f} ms  ({value / total:5.1%})")
        print()
        sizes = [int(n) for n in args.pages.split(",") if n.strip()]
        print("4) Pages → secondes (relecture d'un CCAP seul, processus neuf, CPU)")
        for row in pages_series(work, sizes):
            print(
                f"   {row['pages']:5d} pages : {row['cpu']:6.2f} s  "
                f"({row['cpu'] / row['pages'] * 1000:4.1f} ms par page, "
                f"mémoire max {row['rss'] / 1024:5.0f} Mo)"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
