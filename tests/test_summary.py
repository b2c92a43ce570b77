"""The batch summaries written from register entries: CSV, XLSX, index page."""

from __future__ import annotations

import csv
import io
import re

from apps.batch.register import Entry, make_changes
from apps.batch.summary import (
    FINDING_COLUMNS,
    SYNTHESE_COLUMNS,
    RunInfo,
    main_codes,
    stated_hours,
    write_all,
)


def finding(code: str, severity: str = "error", message: str = "Un constat.", **extra) -> dict:
    return {
        "code": code,
        "severity": severity,
        "message": message,
        "suggestion": extra.get("suggestion"),
        "piece": extra.get("piece", "CCAP.docx"),
        "location": {"page": extra.get("page"), "paragraph": 4, "article": "7.1"},
        "lot": extra.get("lot"),
        "excerpt": extra.get("excerpt"),
    }


def entry(cid: str, findings: list[dict], lots=None, status: str = "new") -> Entry:
    report = {
        "consultation": cid,
        "reviewed_at": "2026-11-25",
        "pieces": [{"path": "CCAP.docx", "kind": "CCAP", "format": "docx", "pages": None,
                    "paragraphs": 40}],
        "lots": lots or [],
        "findings": findings,
        "summary": {},
    }  # fmt: skip
    return Entry(
        id=cid,
        safe_name=cid.replace("/", "__"),
        input_hash="h",
        pieces=[],
        profile_hash="p",
        engine="e",
        review_date="2026-11-25",
        report=report,
        status=status,
        changes=make_changes(None, report, []),
    )


LOTS = [
    {"number": "1", "title": "Gros œuvre", "amount_ht": 420000.0, "trade": "gros_oeuvre",
     "hours": {"RC": 300, "CCAP": 280}, "computed_hours": 315},
    {"number": "2", "title": "Peinture", "amount_ht": None, "trade": None,
     "hours": {}, "computed_hours": None},
]  # fmt: skip

ENTRIES = [
    entry("calme", [finding("CS904", "info")]),
    entry("2026/grave", [finding("CS201"), finding("CS201"), finding("CS403", "warning")], LOTS),
    entry("<script>", [finding("CS102", "warning", message="=SOMME(A1:A9) « piège »")]),
]
INFO = RunInfo(root="/dce", review_date="2026-11-25", profile="Exemple", reviewed=3)


def test_main_codes_put_serious_and_frequent_first():
    report = ENTRIES[1].report
    assert main_codes(report) == "CS201 ×2, CS403"
    assert stated_hours(report) == 280  # the CCAP's hours win over the RC's


def test_csv_columns_and_values(tmp_path):
    write_all(tmp_path, ENTRIES, INFO)
    text = (tmp_path / "synthese.csv").read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0] == SYNTHESE_COLUMNS and len(rows) == 4
    grave = dict(zip(rows[0], rows[2], strict=True))
    assert grave["Dossier"] == "2026/grave"
    assert (grave["Erreurs"], grave["Avertissements"], grave["Lots"]) == ("2", "1", "2")
    assert (grave["Heures prévues (DCE)"], grave["Heures calculées (profil)"]) == ("280", "315")
    assert grave["Rapport HTML"] == "2026__grave.html"
    assert grave["Nouveaux constats"] == "3" and grave["État"] == "nouveau"


def test_xlsx_keeps_formula_like_text_as_text(tmp_path):
    from openpyxl import load_workbook

    write_all(tmp_path, ENTRIES, INFO)
    book = load_workbook(tmp_path / "synthese.xlsx")
    sheet = book["Constats"]
    assert [c.value for c in sheet[1]] == FINDING_COLUMNS
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == 5
    trap = next(r for r in rows if r[0].value == "<script>")
    message = trap[FINDING_COLUMNS.index("Message")]
    assert message.value == "=SOMME(A1:A9) « piège »" and message.data_type == "s"
    assert trap[FINDING_COLUMNS.index("Gravité")].value == "avertissement"
    assert sheet.auto_filter.ref == "A1:M6"


def test_index_is_sorted_by_severity_and_escapes_names(tmp_path):
    write_all(tmp_path, ENTRIES, INFO)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    order = re.findall(r'<a href="([^"]+)\.html">', page)
    assert order == ["2026__grave", "%3Cscript%3E", "calme"]
    assert "<script>" not in page.split("<tbody>")[1].split("</tbody>")[0]
    assert "&lt;script&gt;" in page
    assert "3 dossiers" in page and "<strong>2</strong> erreurs" in page


def test_interrupted_run_is_said_on_the_index(tmp_path):
    info = RunInfo(root="/dce", review_date="2026-11-25", profile="Exemple", interrupted=True,
                   not_done=7)  # fmt: skip
    write_all(tmp_path, ENTRIES[:1], info)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "Relecture interrompue : 7 dossiers" in page
