"""The hours table as people and spreadsheets read it: terminal text (rich) and French CSV.

Shared by `clausier hours` and the web page's hours form.
"""

from __future__ import annotations

CSV_HEADER = [
    "Lot",
    "Intitulé",
    "Montant HT (€)",
    "Métier",
    "Taux de main-d'œuvre",
    "Taux d'insertion",
    "Coût horaire (€)",
    "Heures travaillées",
    "Heures d'insertion",
    "Période",
    "Note",
]
PERIOD_LABELS = {None: "", "year": "par an", "tranche": "par tranche"}


def render_csv(table) -> str:
    from generators.reports.csv_fr import to_csv_fr

    return to_csv_fr([CSV_HEADER, *table_rows(table)])


def table_rows(table) -> list[list]:
    """One row per lot, then the total row, in the columns of CSV_HEADER (CSV and .xlsx)."""
    rows: list[list] = []
    for lot in table.lots:
        rows.append(
            [
                lot.number,
                lot.title,
                lot.amount_ht,
                lot.trade,
                lot.labour_share,
                lot.insertion_rate,
                lot.hourly_cost,
                None if lot.hours_worked is None else round(lot.hours_worked, 1),
                lot.hours,
                PERIOD_LABELS[lot.period],
                lot.note,
            ]
        )
    period = PERIOD_LABELS[_common_period(table)]
    rows.append(
        ["Total", None, None, None, None, None, None, None, table.total_hours, period, None]
    )
    return rows


def _common_period(table) -> str | None:
    """An accord-cadre's lots give hours per year (or per tranche): so does their total."""
    periods = {lot.period for lot in table.lots if lot.hours is not None}
    return periods.pop() if len(periods) == 1 else None


# Below this width the table keeps the lot, its amount and its hours: the labour share and
# the hours worked would squeeze the titles to a word per line.
NARROW = 100


def _wide_width(table, total: float) -> int:
    """Columns the wide layout needs with its title column at its narrowest: rich crops
    figures (« 61 » for 615 h) rather than wrap a column that must not wrap."""
    from clausier.french import fr_euros, fr_hours, fr_rate

    columns = [
        ["Lot", "Total", *(lot.number for lot in table.lots)],
        ["Montant HT", fr_euros(total), *(fr_euros(lot.amount_ht or 0) for lot in table.lots)],
        ["Métier", *(lot.trade or "—" for lot in table.lots)],
        ["Taux MO", *(fr_rate(lot.labour_share or 0) for lot in table.lots)],
        ["travaillées", *(fr_hours(round(lot.hours_worked or 0)) for lot in table.lots)],
        ["d'insertion", f"{fr_hours(table.total_hours)} h/tranche", *(
            f"{fr_hours(lot.hours or 0)} h/tranche" for lot in table.lots
        )],
        ["Note", "(9)"],
    ]  # fmt: skip
    return sum(max(map(len, column)) + 3 for column in columns) + 24 + 3 + 2


def render_text(table, profile, width: int = 120) -> str:
    """The table for a terminal `width` columns wide (every line fits)."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from clausier.french import fr_euros, fr_hours, fr_rate

    total = sum(lot.amount_ht or 0 for lot in table.lots)
    narrow = width < NARROW or _wide_width(table, total) > width
    view = Table(box=box.SIMPLE_HEAD, show_footer=True)
    view.add_column("Lot", footer="Total", no_wrap=True)
    view.add_column("Intitulé", min_width=12 if narrow else 24, max_width=40)
    view.add_column("Montant HT", justify="right", footer=fr_euros(total), no_wrap=True)
    if not narrow:
        view.add_column("Métier", no_wrap=True)
        view.add_column("Taux MO", justify="right", no_wrap=True)
        view.add_column("Heures\ntravaillées", justify="right", no_wrap=True)
    per = {"year": "/an", "tranche": "/tranche"}.get(_common_period(table), "")
    view.add_column(
        "Heures\nd'insertion",
        justify="right",
        footer=f"{fr_hours(table.total_hours)} h{per}",
        no_wrap=True,
    )
    view.add_column("Note", no_wrap=True)
    # Notes are long sentences: the table shows their number, the full text follows it.
    notes: list[str] = []
    for lot in table.lots:
        hours = "—" if lot.hours is None else f"{fr_hours(lot.hours)} h"
        if lot.hours is not None and lot.period == "year":
            hours += "/an"
        elif lot.hours is not None and lot.period == "tranche":
            hours += "/tranche"
        cells = [
            lot.number,
            lot.title or "",
            "—" if lot.amount_ht is None else fr_euros(lot.amount_ht),
        ]
        if not narrow:
            cells.append(lot.trade or "—")
            cells.append("—" if lot.labour_share is None else fr_rate(lot.labour_share))
            cells.append("—" if lot.hours_worked is None else fr_hours(round(lot.hours_worked)))
        view.add_row(*cells, hours, _note_ref(lot, notes))
    console = Console(
        width=width, record=True, file=_Null(), color_system=None, markup=False, highlight=False
    )
    # The title above the table, not in it: rich crops a table title wider than the table.
    console.print(f"Heures d'insertion — {profile.name}")
    console.print(view)
    for number, note in enumerate(notes, start=1):
        console.print(f"({number}) {note}")
    if notes:
        console.print()
    console.print(
        f"heures = montant HT × taux MO × {fr_rate(profile.insertion_rate)} "
        f"(taux d'insertion) ÷ {fr_hours(profile.hourly_cost)} €/h (coût horaire), "
        f"arrondies à {profile.rounding_step} h ; aucune clause sous {profile.min_hours} h."
    )
    lines = console.export_text().splitlines()
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _note_ref(lot, notes: list[str]) -> str:
    if not lot.note:
        return ""
    label = "lot unique" if lot.number == "unique" else f"lot {lot.number}"
    notes.append(f"{label} : {lot.note}")
    return f"({len(notes)})"


class _Null:
    """A file that drops what it gets: the console only records, the command writes."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass
