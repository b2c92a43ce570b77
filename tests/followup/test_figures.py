"""Bilan figures and the territory's export rows, from the sample operation."""

from __future__ import annotations

from datetime import date

from clausier.followup_figures import masked
from clausier.profile import load_profile
from followup.figures import bilan_figures, export_rows
from followup.store import open_store

from .helpers import REFERENCE, followup, operation


def build(db: str, tmp_path):
    sheets = operation(db, tmp_path)
    for sheet in sorted(sheets.iterdir()):
        assert followup("import", REFERENCE, str(sheet), db=db).exit_code == 0


def test_bilan_figures_fill_every_field(db_url, tmp_path):
    build(db_url, tmp_path)
    store = open_store(db_url)
    try:
        figures = bilan_figures(store, REFERENCE, date(2027, 6, 30), False, load_profile())
    finally:
        store.close()
    assert figures.status.totals.hours_done == 840.5
    assert (figures.period_start, figures.period_end) == (date(2027, 1, 4), date(2027, 12, 17))
    assert figures.months[0].month == "2027-01" and figures.months[-1].month == "2027-06"
    assert figures.months[-1].hours_done == 840.5
    assert figures.contracts == 7
    assert {c.label: c.value for c in figures.by_public}["non renseigné"] == 1
    assert {c.label: c.value for c in figures.by_modality}["sous-traitance"] == 1
    assert {c.label: c.value for c in figures.by_outcome} == {"emploi durable": 1}
    roles = {c.company: c.role for c in figures.companies}
    assert roles["Bâti Sèvre SARL"] == "titulaire" and "Bois Solidaire" in roles
    holder = next(c for c in figures.companies if c.company == "Bâti Sèvre SARL")
    assert holder.hours_done == 60 + 70 + 70 + 40 and holder.lots == ("1",)
    assert figures.small_cell_threshold == 3 and masked(1, 3) == "< 3"
    assert figures.facilitator is None or isinstance(figures.facilitator, str)


def test_export_rows_per_lot_and_year(sqlite_url, tmp_path):
    build(sqlite_url, tmp_path)
    store = open_store(sqlite_url)
    try:
        rows = export_rows(store, 2027)
        none = export_rows(store, None)
    finally:
        store.close()
    assert [(r.lot, r.hours_done, r.participants) for r in rows] == [
        ("1", 355.0, 3),
        ("2", 255.5, 2),
        ("3", 230.0, 2),
    ]
    assert rows[1].contracts_by_type == {"CDDI": 1, "CDI": 1}
    assert rows[1].outcomes == {"emploi durable": 1}
    assert [r.year for r in none] == [2027, 2027, 2027]
