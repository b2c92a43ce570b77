"""The batch summaries: synthese.csv, synthese.xlsx and index.html.

They are written from the register's entries (JSON reports, docs/sorties.md), so a
consultation skipped because it did not change appears exactly like one reviewed now.
openpyxl and Jinja2 are imported only when their file is written.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from apps.batch.register import STATUS_LABELS, Entry, flag_new
from clausier.french import fr_int, html_environment
from clausier.model import HOURS_ORDER, severity_label, severity_rank

# Which piece's stated hours count as « the hours of the DCE » for a lot, by preference.

SYNTHESE_COLUMNS = [
    "Dossier",
    "Pièces",
    "Lots",
    "Heures prévues (DCE)",
    "Heures calculées (profil)",
    "Erreurs",
    "Avertissements",
    "Informations",
    "Codes principaux",
    "État",
    "Nouveaux constats",
    "Constats corrigés",
    "Constats toujours ouverts",
    "Pièces modifiées",
    "Rapport HTML",
    "Rapport JSON",
]

FINDING_COLUMNS = [
    "Dossier",
    "Code",
    "Gravité",
    "Pièce",
    "Page",
    "Paragraphe",
    "Article",
    "Lot",
    "Message",
    "Suggestion",
    "Extrait",
    "Nouveau",
    "Rapport HTML",
]


@dataclass
class RunInfo:
    """What the index page says about the run itself."""

    root: str
    review_date: str
    profile: str
    reviewed: int = 0
    skipped: int = 0
    failed: int = 0  # stopped by the watchdog or a crashed worker
    seconds: float = 0.0
    interrupted: bool = False
    not_done: int = 0  # consultations left when the run was interrupted
    missing: list[str] = field(default_factory=list)  # in the register, no longer in ROOT


# ------------------------------------------------------------------ figures of one entry


def counts(report: dict[str, Any]) -> dict[str, int]:
    result = {"error": 0, "warning": 0, "info": 0}
    for finding in report.get("findings") or []:
        severity = finding.get("severity")
        if severity in result:
            result[severity] += 1
    return result


def worst(report: dict[str, Any]) -> str | None:
    found = counts(report)
    return next((s for s in ("error", "warning", "info") if found[s]), None)


def main_codes(report: dict[str, Any], limit: int = 4) -> str:
    """« CS201 ×3, CS403 » : the most serious codes first, then the most frequent."""
    findings = report.get("findings") or []
    number = Counter(f.get("code") for f in findings)
    rank: dict[str, int] = {}
    for f in findings:
        rank[f.get("code")] = max(rank.get(f.get("code"), 0), severity_rank(f.get("severity")))
    ordered = sorted(number, key=lambda c: (-rank[c], -number[c], str(c)))[:limit]
    return ", ".join(f"{c} ×{number[c]}" if number[c] > 1 else str(c) for c in ordered)


def stated_hours(report: dict[str, Any]) -> int | None:
    """Sum over lots of the hours the DCE states, read in the engine's order (CCAP, then
    annex, AE, RC, notice: `clausier.model.HOURS_ORDER`)."""
    total, found = 0, False
    for lot in report.get("lots") or []:
        hours = lot.get("hours") or {}
        value = next((hours[k] for k in HOURS_ORDER if hours.get(k) is not None), None)
        if value is None and hours:
            value = (
                max(v for v in hours.values() if v is not None)
                if any(v is not None for v in hours.values())
                else None
            )
        if value is not None:
            total += int(value)
            found = True
    return total if found else None


def computed_hours(report: dict[str, Any]) -> int | None:
    values = [lot.get("computed_hours") for lot in report.get("lots") or []]
    values = [v for v in values if v is not None]
    return int(sum(values)) if values else None


def changed_pieces(changes: dict[str, Any]) -> str:
    pieces = changes.get("pieces") or {}
    if changes.get("first_review"):
        return ""
    parts = [f"{p} (modifiée)" for p in pieces.get("modified", [])]
    parts += [f"{p} (ajoutée)" for p in pieces.get("added", [])]
    parts += [f"{p} (retirée)" for p in pieces.get("removed", [])]
    return ", ".join(parts)


def severity_order(entries: Iterable[Entry]) -> list[Entry]:
    """Most serious first: errors, then warnings, then information, then the name."""

    def key(entry: Entry) -> tuple:
        c = counts(entry.report)
        return (-c["error"], -c["warning"], -c["info"], entry.id.lower())

    return sorted(entries, key=key)


def synthese_rows(entries: Iterable[Entry]) -> list[dict[str, Any]]:
    rows = []
    for entry in entries:
        report, changes, c = entry.report, entry.changes, counts(entry.report)
        rows.append(
            {
                "Dossier": entry.id,
                "Pièces": len(report.get("pieces") or []),
                "Lots": len(report.get("lots") or []),
                "Heures prévues (DCE)": stated_hours(report),
                "Heures calculées (profil)": computed_hours(report),
                "Erreurs": c["error"],
                "Avertissements": c["warning"],
                "Informations": c["info"],
                "Codes principaux": main_codes(report),
                "État": STATUS_LABELS.get(entry.status, entry.status),
                "Nouveaux constats": changes.get("new", 0),
                "Constats corrigés": changes.get("fixed", 0),
                "Constats toujours ouverts": changes.get("open", 0),
                "Pièces modifiées": changed_pieces(changes),
                "Rapport HTML": f"{entry.safe_name}.html",
                "Rapport JSON": f"{entry.safe_name}.json",
            }
        )
    return rows


def finding_rows(entries: Iterable[Entry]) -> list[list[Any]]:
    rows = []
    for entry in entries:
        for finding, is_new in flag_new(entry):
            location = finding.get("location") or {}
            rows.append(
                [
                    entry.id,
                    finding.get("code"),
                    severity_label(finding.get("severity")),
                    finding.get("piece"),
                    location.get("page"),
                    location.get("paragraph"),
                    location.get("article"),
                    finding.get("lot"),
                    finding.get("message"),
                    finding.get("suggestion"),
                    finding.get("excerpt"),
                    "oui" if is_new else "non",
                    f"{entry.safe_name}.html",
                ]
            )
    return rows


# ------------------------------------------------------------------ writers


def write_atomic(path: Path, content: str | bytes | Callable[[Path], None]) -> None:
    """Write through a temporary file then rename: an interrupted run never leaves half a
    file. `content` may be a function writing the temporary path (openpyxl)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if callable(content):
            content(tmp)
        elif isinstance(content, bytes):
            tmp.write_bytes(content)
        else:
            tmp.write_text(content, encoding="utf-8", newline="")
        # mkstemp makes the file 0600: reports in a shared folder must be readable as the
        # umask allows, like any file the user writes.
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def current_umask() -> int:
    """The process's umask (reading it means setting it: set it back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_csv(path: Path, entries: list[Entry]) -> None:
    """synthese.csv: UTF-8 with BOM, `;`, decimal comma — opens as columns in a French
    spreadsheet."""
    from generators.reports.csv_fr import to_csv_fr

    rows = synthese_rows(entries)
    write_atomic(
        path, to_csv_fr([SYNTHESE_COLUMNS, *([r[c] for c in SYNTHESE_COLUMNS] for r in rows)])
    )


def _text_cell(ws, value: Any, **style: Any):
    """A write-only cell; text starting with « = » stays text (openpyxl would make it a
    formula, and a document's words must never become one)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    for name, val in style.items():
        setattr(cell, name, val)
    return cell


def write_xlsx(path: Path, entries: list[Entry]) -> None:
    """synthese.xlsx: sheet « Synthèse » (one row per consultation, a link to its report)
    and sheet « Constats » (every finding), both with filters and a frozen header."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F4E79")
    link_font = Font(color="0563C1", underline="single")

    workbook = Workbook(write_only=True)

    def sheet(title: str, columns: list[str], widths: dict[str, int]):
        ws = workbook.create_sheet(title)
        ws.freeze_panes = "A2"
        for index, column in enumerate(columns, start=1):
            letter = _column_letter(index)
            ws.column_dimensions[letter].width = widths.get(column, 14)
        return ws

    summary_rows = synthese_rows(entries)
    ws = sheet(
        "Synthèse",
        SYNTHESE_COLUMNS,
        {"Dossier": 36, "Codes principaux": 30, "Pièces modifiées": 40, "Rapport HTML": 28,
         "Rapport JSON": 28},
    )  # fmt: skip
    ws.auto_filter.ref = f"A1:{_column_letter(len(SYNTHESE_COLUMNS))}{len(summary_rows) + 1}"
    ws.append([_text_cell(ws, c, font=header_font, fill=header_fill) for c in SYNTHESE_COLUMNS])
    for row in summary_rows:
        cells = []
        for column in SYNTHESE_COLUMNS:
            value = row[column]
            if column.startswith("Rapport"):
                cell = _text_cell(ws, value, font=link_font)
                cell.hyperlink = quote(value)
            else:
                cell = _text_cell(ws, value)
            cells.append(cell)
        ws.append(cells)

    rows = finding_rows(entries)
    ws = sheet(
        "Constats",
        FINDING_COLUMNS,
        {"Dossier": 30, "Pièce": 26, "Message": 70, "Suggestion": 50, "Extrait": 50,
         "Rapport HTML": 28},
    )  # fmt: skip
    ws.auto_filter.ref = f"A1:{_column_letter(len(FINDING_COLUMNS))}{len(rows) + 1}"
    ws.append([_text_cell(ws, c, font=header_font, fill=header_fill) for c in FINDING_COLUMNS])
    for row in rows:
        cells = [_text_cell(ws, value) for value in row]
        cells[-1].hyperlink = quote(row[-1])
        cells[-1].font = link_font
        ws.append(cells)

    write_atomic(path, lambda tmp: workbook.save(tmp))


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def index_rows(entries: list[Entry]) -> list[dict[str, Any]]:
    rows = []
    for entry in severity_order(entries):
        c = counts(entry.report)
        level = worst(entry.report)
        rows.append(
            {
                "id": entry.id,
                "html": quote(f"{entry.safe_name}.html"),
                "json": quote(f"{entry.safe_name}.json"),
                "worst": level or "none",
                "worst_label": severity_label(level)
                if level
                else "aucun constat"
                if level
                else "aucun constat",
                "rank": severity_rank(level),
                "counts": c,
                "codes": main_codes(entry.report),
                "pieces": len(entry.report.get("pieces") or []),
                "lots": len(entry.report.get("lots") or []),
                "stated": stated_hours(entry.report),
                "computed": computed_hours(entry.report),
                "stated_label": fr_int(stated_hours(entry.report)),
                "computed_label": fr_int(computed_hours(entry.report)),
                "status": entry.status,
                "status_label": STATUS_LABELS.get(entry.status, entry.status),
                "new": entry.changes.get("new", 0),
                "fixed": entry.changes.get("fixed", 0),
                "open": entry.changes.get("open", 0),
                "changed_pieces": changed_pieces(entry.changes),
            }
        )
    return rows


def render_index(entries: list[Entry], info: RunInfo) -> str:
    env = html_environment("apps.batch")
    rows = index_rows(entries)
    totals = {s: sum(r["counts"][s] for r in rows) for s in ("error", "warning", "info")}
    return env.get_template("batch_index.html.j2").render(
        rows=rows,
        info=info,
        totals=totals,
        with_errors=sum(1 for r in rows if r["counts"]["error"]),
        new=sum(r["new"] for r in rows),
        fixed=sum(r["fixed"] for r in rows),
        fr_int=fr_int,
    )


def write_index(path: Path, entries: list[Entry], info: RunInfo) -> None:
    write_atomic(path, render_index(entries, info))


def write_all(out_dir: Path, entries: list[Entry], info: RunInfo) -> list[Path]:
    """The three summaries of a run; returns their paths."""
    paths = [out_dir / "synthese.csv", out_dir / "synthese.xlsx", out_dir / "index.html"]
    write_csv(paths[0], entries)
    write_xlsx(paths[1], entries)
    write_index(paths[2], entries, info)
    return paths
