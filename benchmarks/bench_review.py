"""Benchmark: `clausier review` of a typical DCE from a cold start.

The DCE: an RC (.docx), a 40-page CCAP (.pdf) with its clause article, three AE (.docx)
and a clause annex (.odt), written by tools/simple_documents.py in a temporary folder.

Prints:
- the wall time of `clausier review DCE --format json` in a fresh process (target ≤ 2 s on
  2 cores), the median of a few runs, next to the baseline of the same run
  (`python -c pass` and `clausier --help`);
- the share of reading, spaCy, facts and rules, from the engine's `timings`, measured in a
  fresh `python -c` process (so spaCy's import and load are included).

Usage: python benchmarks/bench_review.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.simple_documents import Doc, H, P, PageBreak, T, write  # noqa: E402

FILLER = (
    "Les stipulations du présent article complètent celles du cahier des clauses administratives "
    "générales applicable aux marchés publics de travaux. Le titulaire informe le maître d'ouvrage "
    "de toute difficulté rencontrée dans l'exécution des prestations, dans les meilleurs délais et "
    "par écrit, en précisant les mesures qu'il propose pour y remédier."
)


def build_dce(root: Path) -> Path:
    lots = [
        ("1", "Gros œuvre – maçonnerie", "820 000", 615),
        ("2", "Charpente bois – couverture", "460 000", 270),
        ("3", "Plâtrerie – cloisons", "390 000", 360),
    ]
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
    items: list = [P("Cahier des clauses administratives particulières")]
    for article in range(1, 41):
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
    write(
        root / "02_CCAP.pdf",
        Doc(items, header="CCAP – Construction d'un pôle enfance", footer="CC du Val d'Exemple"),
    )
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


def timed(command: list[str], cwd: Path | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=False, capture_output=True, cwd=cwd)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="clausier-bench-"))
    try:
        dce = build_dce(work / "DCE")
        pages = subprocess.run(
            [
                sys.executable,
                "-c",
                f"import pypdfium2 as p; print(len(p.PdfDocument({str(dce / '02_CCAP.pdf')!r})))",
            ],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        clausier = shutil.which("clausier") or "clausier"
        baseline = statistics.median(
            timed([sys.executable, "-c", "pass"]) for _ in range(args.runs)
        )
        help_time = statistics.median(timed([clausier, "--help"]) for _ in range(args.runs))
        review_runs = [
            timed([clausier, "review", str(dce), "--format", "json", "--date", "2026-11-25"])
            for _ in range(args.runs)
        ]
        review_time = statistics.median(review_runs)
        probe = (
            "import json, time; t=time.perf_counter(); from datetime import date; "
            "from review.engine import review; timings={}; "
            f"r=review({str(dce)!r}, review_date=date(2026,11,25), timings=timings); "
            "timings['total']=time.perf_counter()-t; timings['findings']=len(r.findings); print(json.dumps(timings))"
        )
        out = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True
        ).stdout
        timings = json.loads(out.strip().splitlines()[-1])
        total = timings.pop("total")
        findings = timings.pop("findings")
        print(f"DCE : RC, CCAP PDF de {pages} pages, 3 AE, 1 annexe ({findings} constat(s))")
        print(f"python -c pass (référence)     : {baseline:6.2f} s")
        print(
            f"clausier --help                : {help_time:6.2f} s  ({help_time / baseline:4.1f} × référence)"
        )
        print(
            f"clausier review (médiane de {args.runs}) : {review_time:6.2f} s  ({review_time / baseline:4.1f} × référence ; objectif ≤ 2 s)"
        )
        print(f"relecture en processus neuf    : {total:6.2f} s, dont :")
        for key, label in (
            ("lecture", "lecture"),
            ("nlp", "spaCy"),
            ("faits", "faits"),
            ("regles", "règles"),
        ):
            value = timings.get(key, 0.0)
            print(f"  {label:<8} {value:6.2f} s  ({value / total:5.1%})")
        other = total - sum(timings.values())
        print(f"  {'imports':<8} {other:6.2f} s  ({other / total:5.1%})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
