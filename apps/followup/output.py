"""`followup status` for people (a text table) and spreadsheets (CSV, « ; » and decimal
commas); the JSON is the core's `OperationStatus.to_dict()`."""

from __future__ import annotations

import csv
import io
import json

from clausier.followup_figures import OperationStatus
from followup.text import fr_day, fr_euros, fr_number

SEVERITY_MARK = {"error": "✖", "warning": "▲", "info": "•"}


def status_json(statuses: list[OperationStatus], single: bool) -> str:
    data = statuses[0].to_dict() if single else [s.to_dict() for s in statuses]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _cell(value: float | int | None, unit: str = "") -> str:
    if value is None:
        return "—"
    return fr_number(value) + unit


def _table(headers: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]

    def line(cells: list[str]) -> str:
        parts = [
            c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells)
        ]
        return "  " + "  ".join(parts).rstrip()

    return [line(headers), "  " + "─" * (sum(widths) + 2 * (len(widths) - 1)), *map(line, rows)]


def status_text(statuses: list[OperationStatus]) -> str:
    if not statuses:
        return "Aucune opération dans le suivi : ajoutez-en une avec clausier followup add.\n"
    out: list[str] = []
    for status in statuses:
        title = f"Opération {status.operation}"
        if status.object:
            title += f" — {status.object}"
        out.append(title)
        if status.buyer:
            out.append(f"Acheteur : {status.buyer}")
        out.append(f"Situation au {fr_day(status.date)}")
        out.append("")
        headers = [
            "Lot",
            "Titulaire",
            "Engagées",
            "Réalisées",
            "%",
            "Attendues",
            "Participants",
            "Pénalité",
        ]
        rows = [
            [
                lot.lot,
                (lot.company or "(non attribué)")[:40],
                _cell(lot.hours_committed, " h"),
                _cell(lot.hours_done, " h"),
                _cell(lot.percent, " %"),
                _cell(lot.hours_expected, " h"),
                str(lot.participants),
                fr_euros(lot.penalty_due) if lot.penalty_due is not None else "—",
            ]
            for lot in status.lots
        ]
        totals = status.totals
        rows.append(
            [
                "Total",
                f"{fr_number(totals.fte, 2)} ETP",
                _cell(totals.hours_committed, " h"),
                _cell(totals.hours_done, " h"),
                _cell(totals.percent, " %"),
                "",
                str(totals.participants),
                "",
            ]
        )
        out.extend(_table(headers, rows, right={2, 3, 4, 5, 6, 7}))
        alerts = status.all_alerts()
        out.append("")
        if alerts:
            for alert in sorted(
                alerts, key=lambda a: ("error", "warning", "info").index(a.severity)
            ):
                out.append(f"  {SEVERITY_MARK[alert.severity]} {alert.code} {alert.message}")
        else:
            out.append("  Aucune alerte.")
        counts = {
            s: sum(1 for a in alerts if a.severity == s) for s in ("error", "warning", "info")
        }
        out.append(
            f"{counts['error']} erreur(s), {counts['warning']} avertissement(s), "
            f"{counts['info']} information(s)"
        )
        out.append("")
    return "\n".join(out)


CSV_HEADERS = [
    "Opération", "Date", "Lot", "Titulaire", "SIRET", "Heures engagées", "Heures réalisées",
    "Taux de réalisation (%)", "Heures attendues", "Participants", "Pénalité due (€)", "Alertes",
]  # fmt: skip


def _csv_number(value: float | int | None) -> str:
    if value is None:
        return ""
    return (
        f"{value:.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    ).replace(".", ",")


def status_csv(statuses: list[OperationStatus]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    for status in statuses:
        for lot in status.lots:
            writer.writerow(
                [
                    status.operation,
                    status.date.isoformat(),
                    lot.lot,
                    lot.company or "",
                    lot.siret or "",
                    _csv_number(lot.hours_committed),
                    _csv_number(lot.hours_done),
                    _csv_number(lot.percent),
                    _csv_number(lot.hours_expected),
                    lot.participants,
                    _csv_number(lot.penalty_due),
                    " ".join(a.code for a in lot.alerts),
                ]
            )
    return "\ufeff" + buffer.getvalue()
