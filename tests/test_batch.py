"""The batch: real consultations (folders and zips) written with simple_documents, a
corrupt piece, a zip bomb, a reader that hangs and one that crashes its worker, the
register across runs, and the Dask path."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from datetime import date
from pathlib import Path

import pytest

from apps.batch.discovery import discover, hash_consultation, safe_name
from apps.batch.errors import BatchError
from apps.batch.run import run_batch
from apps.batch.summary import FINDING_COLUMNS, SYNTHESE_COLUMNS
from tools.simple_documents import Doc, H, P, T, write, write_zip

PLUGIN = str(Path(__file__).with_name("batch_plugin.py"))
REVIEW_DATE = date(2026, 11, 25)


def rc(title: str = "Construction d'un groupe scolaire") -> Doc:
    return Doc(
        [
            H("Règlement de la consultation"),
            P(f"Objet de la consultation : {title}."),
            H("Article 1 - Allotissement"),
            P("Le marché est décomposé en deux lots : lot 1 Gros œuvre, lot 2 Peinture."),
            H("Article 5 - Clause sociale d'insertion"),
            P(
                "En application de l'article L2112-2 du Code de la commande publique, les "
                "lots 1 et 2 comportent une clause sociale d'insertion par l'activité "
                "économique. Lot 1 : 280 heures d'insertion. Lot 2 : 140 heures d'insertion."
            ),
        ]
    )


def ccap(repealed: bool = True) -> Doc:
    reference = (
        "conformément à l'article 14 du Code des marchés publics"
        if repealed
        else "conformément à l'article L2112-2 du Code de la commande publique"
    )
    return Doc(
        [
            H("Cahier des clauses administratives particulières"),
            H("Article 7 - Clause sociale d'insertion"),
            P(
                f"Le titulaire réalise une action d'insertion, {reference}. Le volume "
                "d'heures d'insertion est fixé à 280 heures pour le lot 1 et à 140 heures "
                "pour le lot 2."
            ),
            P(
                "Le facilitateur de la Maison de l'emploi accompagne le titulaire. Tout "
                "manquement est sanctionné par une pénalité de 60 euros par heure non réalisée."
            ),
            T([["Lot", "Heures"], ["1", "280"], ["2", "140"]]),
        ]
    )


def ae() -> Doc:
    return Doc(
        [
            H("Acte d'engagement"),
            P("Le titulaire s'engage à réaliser 280 heures d'insertion pour le lot 1."),
        ]
    )


def piece_bytes(name: str, doc: Doc, tmp: Path) -> bytes:
    return write(tmp / name, doc).read_bytes()


def build_root(root: Path) -> Path:
    """ROOT with: two folders, a zip, a container folder, a corrupt piece, a zip bomb and a
    piece whose reader hangs."""
    scratch = root.parent / f"{root.name}-scratch"
    scratch.mkdir(parents=True, exist_ok=True)
    a = root / "DCE-A"
    write(a / "RC.docx", rc())
    write(a / "CCAP.pdf", ccap())
    write(a / "AE.odt", ae())
    write(root / "2026" / "DCE-C" / "RC.odt", rc("Réhabilitation de la piscine"))
    write(root / "2026" / "DCE-C" / "CCAP.docx", ccap(repealed=False))
    write_zip(
        root / "DCE-B.zip",
        {
            "RC.docx": piece_bytes("RC.docx", rc("Entretien des espaces verts"), scratch),
            "CCAP.docx": piece_bytes("CCAP.docx", ccap(), scratch),
        },
    )
    corrupt = root / "DCE-corrompu"
    write(corrupt / "RC.docx", rc())
    (corrupt / "CCAP.docx").write_bytes(b"PK\x03\x04" + os.urandom(3000))
    bomb = root / "DCE-bombe.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("RC.docx", piece_bytes("RC.docx", rc(), scratch))
        archive.writestr("Annexe.pdf", b"\0" * (24 * 1024 * 1024))  # ~1000:1
    slow = root / "DCE-lent"
    write(slow / "RC.docx", rc())
    (slow / "notes.lent").write_bytes(b"this piece makes its reader hang")
    return root


EXPECTED_IDS = {"DCE-A", "2026/DCE-C", "DCE-B.zip", "DCE-corrompu", "DCE-bombe.zip", "DCE-lent"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return build_root(tmp_path_factory.mktemp("batch") / "ROOT")


@pytest.fixture(scope="module")
def first_run(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "sortie"
    result = run_batch(
        corpus,
        out,
        jobs=2,
        review_date=REVIEW_DATE,
        piece_timeout=2,
        plugins=[PLUGIN],
        progress=False,
    )
    return result, out


def load_report(out: Path, result, cid: str) -> dict:
    entry = next(e for e in result.entries if e.id == cid)
    return json.loads((out / f"{entry.safe_name}.json").read_text(encoding="utf-8"))


# ------------------------------------------------------------------ discovery


def test_discover_folders_zips_and_containers(corpus, tmp_path):
    found, loose = discover(corpus)
    assert {cid for cid, _ in found} == EXPECTED_IDS
    assert loose == []
    root = tmp_path / "R"
    write(root / "A" / "RC.docx", rc())
    (root / "A" / "sous-dossier").mkdir()
    write(root / "A" / "sous-dossier" / "Annexe.docx", ae())  # part of A
    write_zip(root / "territoire" / "2025" / "X.zip", {"RC.txt": b"x"})
    write_zip(root / "territoire" / "Y.zip", {"RC.txt": b"x"})
    (root / "lisez-moi.txt").write_text("notes", encoding="utf-8")
    (root / ".DS_Store").write_bytes(b"junk")
    (root / "sortie").mkdir()
    (root / "sortie" / "index.html").write_text("old", encoding="utf-8")
    found, loose = discover(root, exclude=[root / "sortie"])
    assert [cid for cid, _ in found] == ["A", "territoire/2025/X.zip", "territoire/Y.zip"]
    assert loose == ["lisez-moi.txt"]


def test_root_of_loose_pieces_is_one_consultation(tmp_path):
    root = tmp_path / "DCE-seul"
    write(root / "RC.docx", rc())
    found, _ = discover(root)
    assert [cid for cid, _ in found] == ["DCE-seul"]


def test_safe_names_are_unique_and_avoid_summary_names():
    assert safe_name("a/b", set()) == "a__b"
    assert safe_name("a__b", {"a__b"}) == "a__b-2"
    assert safe_name("a__b", {"a__b", "a__b-2"}) == "a__b-3"
    assert safe_name("index", set()) == "index-dossier"
    assert safe_name("Synthese", set()) == "Synthese-dossier"
    assert safe_name("X.zip", set()) == "X"
    assert safe_name("x", {"x"}) == "x-2"  # "X" taken: case-insensitive file systems
    assert safe_name("é<>:", set()) == "é___"


def test_hash_changes_with_content_only(tmp_path):
    folder = tmp_path / "D"
    write(folder / "RC.docx", rc())
    first, pieces = hash_consultation(folder)
    assert [p[0] for p in pieces] == ["RC.docx"]
    os.utime(folder / "RC.docx", (1, 1))  # a touched file is not a changed file
    assert hash_consultation(folder)[0] == first
    (folder / "~$RC.docx").write_bytes(b"lock")  # Word's lock file is not a piece
    assert hash_consultation(folder)[0] == first
    write(folder / "RC.docx", rc("Autre objet"))
    assert hash_consultation(folder)[0] != first


# ------------------------------------------------------------------ a whole run


def test_every_consultation_gets_json_and_html(first_run):
    result, out = first_run
    assert not result.interrupted and result.not_done == 0
    assert {e.id for e in result.entries} == EXPECTED_IDS
    assert result.reviewed == len(EXPECTED_IDS) and result.skipped == 0
    for entry in result.entries:
        data = json.loads((out / f"{entry.safe_name}.json").read_text(encoding="utf-8"))
        assert {"consultation", "reviewed_at", "pieces", "lots", "findings", "summary"} <= set(data)
        assert data["reviewed_at"] == "2026-11-25"
        page = (out / f"{entry.safe_name}.html").read_text(encoding="utf-8")
        assert page.lstrip().lower().startswith("<!doctype html")
    a = load_report(out, result, "DCE-A")
    assert {p["path"] for p in a["pieces"]} == {"RC.docx", "CCAP.pdf", "AE.odt"}
    b = load_report(out, result, "DCE-B.zip")
    assert {p["path"] for p in b["pieces"]} == {"RC.docx", "CCAP.docx"}


def cs901(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["code"] == "CS901"]


def test_corrupt_piece_bomb_and_hanging_reader_end_as_cs901(first_run):
    result, out = first_run
    corrupt = load_report(out, result, "DCE-corrompu")
    assert [f["piece"] for f in cs901(corrupt)] == ["CCAP.docx"]
    assert any(p["path"] == "RC.docx" for p in corrupt["pieces"])  # the rest was read
    bomb = load_report(out, result, "DCE-bombe.zip")
    assert any("bombe zip" in f["message"] for f in cs901(bomb))
    slow = load_report(out, result, "DCE-lent")
    [finding] = cs901(slow)
    assert finding["piece"] == "notes.lent" and "interrompue" in finding["message"]
    # Neither of them costs the other consultations their review.
    clean = load_report(out, result, "2026/DCE-C")
    assert cs901(clean) == []
    assert result.failed == 0  # the per-piece limit was enough: no worker was killed


def test_csv_reads_as_columns_after_the_bom(first_run):
    result, out = first_run
    raw = (out / "synthese.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == SYNTHESE_COLUMNS
    by_name = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert set(by_name) == EXPECTED_IDS
    for cid in EXPECTED_IDS:
        report = load_report(out, result, cid)
        row = by_name[cid]
        errors = sum(1 for f in report["findings"] if f["severity"] == "error")
        assert int(row["Erreurs"]) == errors
        assert int(row["Pièces"]) == len(report["pieces"])
        assert row["État"] == "nouveau"
        assert row["Rapport HTML"].endswith(".html")
    assert "CS901" in by_name["DCE-corrompu"]["Codes principaux"]


def test_xlsx_holds_every_finding(first_run):
    from openpyxl import load_workbook

    result, out = first_run
    book = load_workbook(out / "synthese.xlsx")
    assert book.sheetnames == ["Synthèse", "Constats"]
    summary, findings = book["Synthèse"], book["Constats"]
    assert [c.value for c in summary[1]] == SYNTHESE_COLUMNS
    assert summary.max_row == len(EXPECTED_IDS) + 1
    assert summary.freeze_panes == "A2" and findings.freeze_panes == "A2"
    assert summary.auto_filter.ref and findings.auto_filter.ref
    assert [c.value for c in findings[1]] == FINDING_COLUMNS
    expected = sorted(
        (cid, f["code"], f["piece"] or "", f["message"])
        for cid in EXPECTED_IDS
        for f in load_report(out, result, cid)["findings"]
    )
    got = sorted(
        (row[0], row[1], row[3] or "", row[8])
        for row in findings.iter_rows(min_row=2, values_only=True)
    )
    assert got == expected and len(got) > len(EXPECTED_IDS)
    link_column = SYNTHESE_COLUMNS.index("Rapport HTML") + 1
    for row in range(2, summary.max_row + 1):
        cell = summary.cell(row=row, column=link_column)
        assert cell.hyperlink is not None and (out / cell.value).exists()


def test_index_links_every_report_sorted_by_severity(first_run):
    import re

    result, out = first_run
    page = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in page and "http" not in page.split("<body>")[1]
    links = re.findall(r'<a href="([^"]+\.html)">', page)
    assert sorted(links) == sorted(f"{e.safe_name}.html" for e in result.entries)
    errors_in_order = [
        int(n)
        for n in re.findall(
            r'<td class="num" data-sort="(\d+)">\d+</td>\s*<td class="num" data-sort="\d+">\d+</td>\s*<td class="num" data-sort="\d+">\d+</td>\s*<td>',
            page,
        )
    ]
    assert errors_in_order == sorted(errors_in_order, reverse=True)
    assert len(errors_in_order) == len(EXPECTED_IDS)


def test_register_keeps_every_consultation_and_finding(first_run):
    result, out = first_run
    db = sqlite3.connect(out / "clausier.sqlite")
    ids = {row[0] for row in db.execute("SELECT id FROM consultations")}
    assert ids == EXPECTED_IDS
    [(n,)] = db.execute("SELECT COUNT(*) FROM findings")
    assert n == sum(len(e.report["findings"]) for e in result.entries)
    [(status,)] = db.execute("SELECT status FROM runs ORDER BY id DESC LIMIT 1")
    assert status == "complete"


# ------------------------------------------------------------------ incremental runs


def test_rerun_skips_unchanged_and_reports_what_changed(tmp_path):
    root = tmp_path / "ROOT"
    write(root / "DCE-A" / "RC.docx", rc())
    write(root / "DCE-A" / "CCAP.docx", ccap(repealed=True))
    write(root / "DCE-C" / "RC.odt", rc("Réhabilitation de la piscine"))
    out = tmp_path / "out"
    options = {"jobs": 2, "review_date": REVIEW_DATE, "progress": False}
    first = run_batch(root, out, **options)
    assert first.reviewed == 2
    before = {e.id: e.report for e in first.entries}
    assert any(f["code"] == "CS201" for f in before["DCE-A"]["findings"]), before["DCE-A"]

    again = run_batch(root, out, **options)
    assert (again.reviewed, again.skipped) == (0, 2)
    assert {e.status for e in again.entries} == {"unchanged"}
    assert {e.id: e.report for e in again.entries} == before  # the stored reports

    write(root / "DCE-A" / "CCAP.docx", ccap(repealed=False))  # the buyer fixed the CCAP
    third = run_batch(root, out, **options)
    assert (third.reviewed, third.skipped) == (1, 1)
    a = next(e for e in third.entries if e.id == "DCE-A")
    assert a.status == "changed"
    assert a.changes["pieces"]["modified"] == ["CCAP.docx"]
    assert a.changes["fixed"] >= 1
    assert any(f["code"] == "CS201" for f in a.changes["fixed_findings"])
    assert a.changes["open"] == len(a.report["findings"]) - a.changes["new"]
    rows = list(
        csv.DictReader(
            io.StringIO((out / "synthese.csv").read_text(encoding="utf-8-sig")), delimiter=";"
        )
    )
    row = next(r for r in rows if r["Dossier"] == "DCE-A")
    assert row["État"] == "modifié" and row["Pièces modifiées"] == "CCAP.docx (modifiée)"
    assert int(row["Constats corrigés"]) == a.changes["fixed"]
    assert next(r for r in rows if r["Dossier"] == "DCE-C")["État"] == "inchangé"
    assert "modifié" in (out / "index.html").read_text(encoding="utf-8")

    # Another review date, or --full, reviews everything again.
    later = run_batch(root, out, **{**options, "review_date": date(2027, 1, 4)})
    assert later.reviewed == 2
    full = run_batch(root, out, **{**options, "review_date": date(2027, 1, 4)}, full=True)
    assert full.reviewed == 2


def test_deleted_report_is_written_again(tmp_path):
    root = tmp_path / "ROOT"
    write(root / "DCE-A" / "RC.docx", rc())
    out = tmp_path / "out"
    run_batch(root, out, jobs=1, review_date=REVIEW_DATE, progress=False)
    (out / "DCE-A.html").unlink()
    result = run_batch(root, out, jobs=1, review_date=REVIEW_DATE, progress=False)
    assert result.reviewed == 1 and (out / "DCE-A.html").exists()


def test_foreign_output_folder_is_refused_without_force(tmp_path):
    root = tmp_path / "ROOT"
    write(root / "DCE-A" / "RC.docx", rc())
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("à garder", encoding="utf-8")
    with pytest.raises(BatchError, match="--force"):
        run_batch(root, out, jobs=1, review_date=REVIEW_DATE, progress=False)
    run_batch(root, out, jobs=1, review_date=REVIEW_DATE, progress=False, force=True)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "à garder"
    assert (out / "DCE-A.json").exists()


def test_empty_root_is_an_error(tmp_path):
    (tmp_path / "ROOT").mkdir()
    with pytest.raises(BatchError, match="Aucun dossier"):
        run_batch(tmp_path / "ROOT", tmp_path / "out", progress=False)


# ------------------------------------------------------------------ watchdog


def test_watchdog_stops_a_hung_consultation_and_the_batch_completes(tmp_path):
    root = tmp_path / "ROOT"
    write(root / "DCE-A" / "RC.docx", rc())
    write(root / "DCE-lent" / "RC.docx", rc())
    (root / "DCE-lent" / "notes.lent").write_bytes(b"hang")
    write(root / "DCE-Z" / "RC.docx", rc())
    result = run_batch(
        root,
        tmp_path / "out",
        jobs=1,  # one worker: the others wait for the hung one to be replaced
        review_date=REVIEW_DATE,
        piece_timeout=None,  # no per-piece alarm: only the watchdog can stop it
        consultation_timeout=4,
        plugins=[PLUGIN],
        progress=False,
    )
    assert result.failed == 1 and result.reviewed == 3
    slow = next(e for e in result.entries if e.id == "DCE-lent")
    [finding] = slow.report["findings"]
    assert finding["code"] == "CS901" and "moins de 4 s" in finding["message"]
    for cid in ("DCE-A", "DCE-Z"):
        report = next(e for e in result.entries if e.id == cid).report
        assert cs901(report) == [] and report["pieces"]
    # A consultation stopped by the watchdog is not taken as done: the next run retries it.
    db = sqlite3.connect(tmp_path / "out" / "clausier.sqlite")
    [(engine,)] = db.execute("SELECT engine FROM consultations WHERE id = 'DCE-lent'")
    assert engine == "!retry"


def test_a_crashed_worker_is_replaced(tmp_path):
    root = tmp_path / "ROOT"
    write(root / "DCE-A" / "RC.docx", rc())
    write(root / "DCE-crash" / "RC.docx", rc())
    (root / "DCE-crash" / "notes.crash").write_bytes(b"crash")
    write(root / "DCE-Z" / "RC.docx", rc())
    result = run_batch(
        root, tmp_path / "out", jobs=1, review_date=REVIEW_DATE, plugins=[PLUGIN], progress=False
    )
    assert result.failed == 1 and len(result.entries) == 3
    crashed = next(e for e in result.entries if e.id == "DCE-crash").report
    assert "arrêté brutalement" in crashed["findings"][0]["message"]
    assert all(cs901(e.report) == [] for e in result.entries if e.id != "DCE-crash")


def test_workers_are_recycled(tmp_path):
    root = tmp_path / "ROOT"
    for n in range(5):
        write(root / f"DCE-{n}" / "RC.docx", rc())
    result = run_batch(
        root,
        tmp_path / "out",
        jobs=2,
        review_date=REVIEW_DATE,
        max_tasks_per_child=1,  # every consultation in a fresh worker
        progress=False,
    )
    assert result.reviewed == 5 and result.failed == 0
    assert all(e.report["pieces"] for e in result.entries)


# ------------------------------------------------------------------ Ctrl-C


def test_ctrl_c_keeps_what_is_done(tmp_path):
    root = tmp_path / "ROOT"
    write(root / "DCE-1" / "RC.docx", rc())
    for n in range(2, 5):
        write(root / f"DCE-{n}" / "RC.docx", rc())
        (root / f"DCE-{n}" / "notes.lent").write_bytes(b"hang")
    out = tmp_path / "out"
    env = {**os.environ, "CLAUSIER_BATCH_PLUGINS": PLUGIN, "PYTHONFAULTHANDLER": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "apps", "batch", str(root), "-o", str(out), "-j", "1",
         "--date", "2026-11-25", "--piece-timeout", "600"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    register = out / "clausier.sqlite"
    deadline = time.monotonic() + 120
    done = 0
    while time.monotonic() < deadline and done == 0:
        time.sleep(0.2)
        if register.exists():
            try:
                with sqlite3.connect(register) as db:
                    done = db.execute("SELECT COUNT(*) FROM consultations").fetchone()[0]
            except sqlite3.OperationalError:
                pass
    assert done == 1, "the first consultation was never registered"
    process.send_signal(signal.SIGINT)
    try:
        stdout, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        # Seen once in a loaded full run, never alone: say where the batch was stuck
        # (PYTHONFAULTHANDLER dumps every thread's stack on SIGABRT) instead of a bare timeout.
        process.send_signal(signal.SIGABRT)
        stdout, stderr = process.communicate(timeout=30)
        raise AssertionError(f"the batch did not stop within 60 s of Ctrl-C:\n{stderr}") from None
    assert process.returncode == 130, stderr
    assert "Interrompu" in stderr and "relancez" in stderr
    with sqlite3.connect(register) as db:
        assert [r[0] for r in db.execute("SELECT id FROM consultations")] == ["DCE-1"]
        assert db.execute("SELECT status FROM runs").fetchone()[0] == "interrupted"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "DCE-1.html" in index and "interrompue" in index
    assert (out / "DCE-1.json").exists() and not (out / "DCE-2.json").exists()


# ------------------------------------------------------------------ Dask


def test_dask_gives_the_same_reports(corpus, first_run, tmp_path):
    distributed = pytest.importorskip("distributed")
    result, out = first_run
    root = tmp_path / "ROOT"
    shutil.copytree(corpus, root, ignore=shutil.ignore_patterns("DCE-lent"))
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        on_dask = run_batch(
            root,
            tmp_path / "out",
            review_date=REVIEW_DATE,
            dask_address=cluster.scheduler_address,
            progress=False,
        )
    assert {e.id for e in on_dask.entries} == EXPECTED_IDS - {"DCE-lent"}
    local = {e.id: e.report for e in result.entries}
    for entry in on_dask.entries:
        codes = sorted((f["code"], f["piece"] or "") for f in entry.report["findings"])
        assert cs901(entry.report) == cs901(local[entry.id]), entry.report["findings"][0]["message"]
        assert codes == sorted((f["code"], f["piece"] or "") for f in local[entry.id]["findings"])
    assert (tmp_path / "out" / "synthese.xlsx").exists()


def test_dask_is_not_imported_without_the_option(tmp_path):
    root = tmp_path / "ROOT"
    write(root / "DCE-A" / "RC.docx", rc())
    code = (
        "import sys; from pathlib import Path; from apps.batch.run import run_batch; "
        f"run_batch(Path({str(root)!r}), Path({str(tmp_path / 'out')!r}), jobs=1, progress=False); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip().splitlines()[-1] == "[]"


def test_unreachable_dask_scheduler_is_a_clear_error(tmp_path):
    pytest.importorskip("distributed")
    root = tmp_path / "ROOT"
    write(root / "DCE-A" / "RC.docx", rc())
    with pytest.raises(BatchError, match="cluster Dask"):
        run_batch(root, tmp_path / "out", dask_address="tcp://127.0.0.1:9", progress=False)


def test_a_changed_profile_reviews_again_but_a_comment_does_not(tmp_path):
    root = tmp_path / "ROOT"
    write(root / "DCE-A" / "RC.docx", rc())
    profile = tmp_path / "profil.toml"
    profile.write_text('[profil]\nnom = "Essai"\ncout_horaire = 32.0\n', encoding="utf-8")
    out = tmp_path / "out"
    options = {"jobs": 1, "review_date": REVIEW_DATE, "progress": False}
    assert run_batch(root, out, profile_path=profile, **options).reviewed == 1
    profile.write_text(
        '# une remarque\n[profil]\nnom = "Essai"\ncout_horaire = 32.0\n', encoding="utf-8"
    )
    assert run_batch(root, out, profile_path=profile, **options).skipped == 1
    profile.write_text('[profil]\nnom = "Essai"\ncout_horaire = 35.0\n', encoding="utf-8")
    again = run_batch(root, out, profile_path=profile, **options)
    assert again.reviewed == 1 and again.entries[0].status == "changed"
