"""Reading speed: Clausier's reading (sources + reader + structure) beside `pdftotext`.

Writes a 40-page CCAP as PDF and as .docx (tools.simple_documents, realistic article
text, a table of hours per lot), then measures in the same run:

1. in-process: `review.reading.read_consultation` on the PDF and on the .docx (modules
   already imported, best of N) beside `pdftotext` on the same PDF (a process, best of N;
   its start-up is tiny, so this is the fair « reading only » comparison);
2. whole process: `clausier pieces FILE --format json` (Python start-up and imports
   included) beside the same `pdftotext` process.

Target (issue 2): reading costs at most 1.5 × pdftotext. Usage:
    python benchmarks/bench_read.py [--pages 40] [--runs 7] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.simple_documents import Doc, H, P, T, write_docx, write_pdf  # noqa: E402

ARTICLES = [
    ("Objet du marché – Dispositions générales", ["Objet", "Décomposition en lots", "Maîtrise d'œuvre"]),
    ("Pièces constitutives du marché", ["Pièces particulières", "Pièces générales"]),
    ("Prix et règlement des comptes", ["Forme des prix", "Variation des prix", "Avance", "Paiement"]),
    ("Délais d'exécution", ["Délai global", "Prolongation des délais"]),
    ("Pénalités", ["Pénalités de retard", "Absence aux réunions", "Plafond"]),
    ("Réception des travaux", ["Opérations préalables", "Réserves"]),
    ("Garanties et assurances", ["Retenue de garantie", "Assurances"]),
    ("Clause sociale d'insertion", [
        "Objet et fondement juridique", "Volume d'heures par lot", "Publics éligibles",
        "Modalités de mise en œuvre", "Accompagnement par le facilitateur", "Contrôle et suivi",
        "Pénalités",
    ]),
    ("Sous-traitance", ["Déclaration", "Paiement direct"]),
    ("Résiliation", ["Résiliation pour faute", "Résiliation pour motif d'intérêt général"]),
    ("Règlement des litiges", ["Médiation", "Tribunal compétent"]),
    ("Dérogations aux documents généraux", ["Liste des dérogations"]),
]  # fmt: skip

PROSE = (
    "En application de l'article L2112-2 du Code de la commande publique et de l'article 20.1 "
    "du CCAG Travaux 2021, le titulaire met en œuvre une action d'insertion permettant l'accès "
    "ou le retour à l'emploi de personnes rencontrant des difficultés sociales ou "
    "professionnelles particulières. Le titulaire informe le facilitateur de la Maison de "
    "l'emploi du territoire de toute embauche, transmet chaque mois les justificatifs "
    "(contrats de travail, relevés d'heures, attestations des structures d'insertion) et "
    "participe aux réunions de suivi organisées par le maître d'ouvrage. Les pénalités "
    "prévues au présent article s'appliquent sans mise en demeure préalable, sur simple "
    "constat du maître d'ouvrage, et sont plafonnées dans les conditions fixées ci-après."
)


def ccap(pages: int) -> Doc:
    """A CCAP of about `pages` A4 pages in the PDF writer's layout."""
    doc = Doc(
        header="CCAP – Construction d'un pôle enfance – Commune exemple", footer="DCE 2026-014"
    )
    doc.add(P("Commune exemple"), P("CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES (CCAP)"))
    doc.add(P("Marché public de travaux – procédure adaptée"))
    per_sub = max(1, round(pages * 5.6 / sum(len(s) for _, s in ARTICLES)))
    for n, (title, subs) in enumerate(ARTICLES, start=1):
        doc.add(H(f"ARTICLE {n} – {title.upper()}"))
        doc.add(P(PROSE))
        for m, sub in enumerate(subs, start=1):
            doc.add(H(f"{n}.{m} {sub}", 2))
            for _ in range(per_sub):
                doc.add(P(PROSE))
            if "heures" in sub.lower():
                doc.add(T([["Lot", "Intitulé", "Montant HT", "Heures d'insertion"]]
                          + [[str(k), f"Lot {k}", f"{k * 150_000} €", f"{k * 70} heures"] for k in range(1, 7)]))  # fmt: skip
    return doc


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def run(args: argparse.Namespace) -> int:
    from review.reading import read_consultation

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="clausier-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    pdf = write_pdf(work / "CCAP.pdf", ccap(args.pages))
    docx = write_docx(work / "CCAP.docx", ccap(args.pages))
    pdftotext = shutil.which("pdftotext")

    piece_pdf = read_consultation(pdf).pieces[0]  # warm-up, and a check of what is read
    piece_docx = read_consultation(docx).pieces[0]
    n_articles = sum(1 for _ in piece_pdf.all_articles())
    print(f"CCAP PDF  : {pdf} — {piece_pdf.pages} pages, {len(piece_pdf.blocks)} lignes, "
          f"{n_articles} articles, type {piece_pdf.kind.value}")  # fmt: skip
    print(f"CCAP DOCX : {docx} — {piece_docx.paragraphs} paragraphes, "
          f"{sum(1 for _ in piece_docx.all_articles())} articles, type {piece_docx.kind.value}")  # fmt: skip

    t_pdf = best(lambda: read_consultation(pdf), args.runs)
    t_docx = best(lambda: read_consultation(docx), args.runs)
    print()
    print(f"1) Lecture seule (dans le processus, meilleur de {args.runs})")
    print(f"   Clausier PDF  : {t_pdf * 1000:8.1f} ms")
    print(f"   Clausier DOCX : {t_docx * 1000:8.1f} ms")
    if pdftotext is None:
        print("   pdftotext absent : pas de comparaison (apt-get install poppler-utils).")
        return 0
    t_ref = best(lambda: subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, check=True), args.runs)  # fmt: skip
    t_ref_plain = best(lambda: subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, check=True), args.runs)  # fmt: skip
    ref = min(t_ref, t_ref_plain)
    print(f"   pdftotext     : {ref * 1000:8.1f} ms (processus complet)")
    print(f"   rapport PDF / pdftotext  : {t_pdf / ref:5.2f} ×  (objectif ≤ 1,5 ×)")
    print(f"   rapport DOCX / pdftotext : {t_docx / ref:5.2f} ×")

    clausier = [sys.executable, "-m", "apps", "pieces", "--format", "json"]
    t_cli_pdf = best(lambda: subprocess.run([*clausier, str(pdf)], capture_output=True, check=True), max(3, args.runs // 2))  # fmt: skip
    t_cli_docx = best(lambda: subprocess.run([*clausier, str(docx)], capture_output=True, check=True), max(3, args.runs // 2))  # fmt: skip
    t_python = best(lambda: subprocess.run([sys.executable, "-c", "pass"], capture_output=True, check=True), 3)  # fmt: skip
    print()
    print("2) Processus complet (démarrage de Python et imports compris)")
    print(f"   clausier pieces PDF  : {t_cli_pdf * 1000:8.1f} ms")
    print(f"   clausier pieces DOCX : {t_cli_docx * 1000:8.1f} ms")
    print(f"   python -c pass       : {t_python * 1000:8.1f} ms (démarrage seul de Python)")
    print(f"   pdftotext            : {ref * 1000:8.1f} ms")
    print(f"   rapport PDF / pdftotext  : {t_cli_pdf / ref:5.2f} ×")
    print(f"   rapport DOCX / pdftotext : {t_cli_docx / ref:5.2f} ×")
    verdict = "atteint" if t_pdf <= 1.5 * ref else "NON atteint"
    print()
    print(f"Objectif « lecture ≤ 1,5 × pdftotext » (lecture dans le processus, PDF) : {verdict}.")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", help="write the documents into this folder and keep them")
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
