"""Insertion hours per lot and totals, in tables and in prose.

Prose: spaCy finds quantities of hours (« 1 200 heures », « 1200 h », « 1.200 heures ») and
insertion phrases (« heures d'insertion », « heures de travail réservées à l'insertion »…).
A quantity counts as insertion hours when its sentence says insertion, or when it stands
in the clause article and is not a delay or a working week (« sous 48 heures »,
« 35 heures par semaine »). The lot is the last « lot n° X » before it in the sentence,
else the lot of a per-lot piece; a « total » before it makes it a total.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from review.facts.lots import lot_in_cell, lot_tables
from review.facts.text import INSERTION_HINT, LOT_RE, normalise_lot
from review.nlp import OE, parse_number, unaccent

if TYPE_CHECKING:
    from review.facts import Facts, PieceText

_NOT_INSERTION_BEFORE = re.compile(
    r"(?:delai|sous|dans les|avant|apres|au plus tard|duree|pendant)\W*(?:de\s+|d'|a\s+)?\W*$"
)
_NOT_INSERTION_AFTER = re.compile(
    r"^\W*(?:par semaine|hebdo|par jour|de retard|apres|avant|suivant|ouvr|de travail(?! (?:d'insertion|reserv))|travaill|de main|de formation|de delai)"
)
_TOTAL_BEFORE = re.compile(
    r"(?:total\w*|au total|globa\w*|ensemble des lots|l'ensemble du marche|cumul\w*)[^.;]*$"
)
_PERIOD_AFTER = re.compile(
    r"^\W*(?:d'insertion\s*)?(?:par an\b|/\s*an\b|par annee|annuel|chaque annee|par tranche|/\s*tranche)"
)
_INSERTION_TABLE = re.compile(r"insertion|clause")


def _hours_value(text: str) -> int | None:
    match = re.search(r"\d[\d\s\u00a0\u202f.]*", text)
    if not match:
        return None
    value = parse_number(match.group(0).strip(" ."))
    if value is None or value <= 0 or value >= 1_000_000:
        return None
    return int(round(value))


def _period(text: str) -> str | None:
    norm = unaccent(text)
    if re.search(r"par an\b|/\s*an\b|par annee|annuel", norm):
        return "year"
    if "tranche" in norm:
        return "tranche"
    return None


def _tables(text: PieceText, facts: Facts) -> set[str]:
    """Hours columns of lot tables, and two-column « Nombre d'heures d'insertion | 150 » rows."""
    found: set[str] = set()
    from review.facts.lots import _segment_of

    for cols, rows in lot_tables(text):
        if cols.hours is None:
            continue
        header_norm = unaccent(" ".join(c for c, _ in rows[0]))
        seg0, _ = _segment_of(text, rows[0][0][1])
        if not (
            _INSERTION_TABLE.search(header_norm)
            or seg0.in_clause
            or INSERTION_HINT.search(unaccent(seg0.headings))
        ):
            continue
        for row in rows[1:]:
            cells = [c for c, _ in row]
            if cols.hours >= len(cells):
                continue
            hours_cell = cells[cols.hours]
            lot_cell = cells[cols.lot] if cols.lot is not None and cols.lot < len(cells) else ""
            seg, start = _segment_of(text, row[cols.hours][1])
            end = start + len(hours_cell)
            if re.search(r"total", unaccent(" ".join(cells[: cols.hours]))):
                value = _hours_value(hours_cell)
                if value is not None:
                    facts.add("hours_total", value, seg, start, end)
                continue
            number = lot_in_cell(lot_cell)
            if number is None:
                continue
            value = _hours_value(hours_cell)
            if value is None:
                continue  # « sans objet », « — »: the lot carries no hours
            facts.add("hours", value, seg, start, end, lot=number)
            period = cols.period or _period(hours_cell)
            if period:
                facts.add("hours_period", period, seg, start, end, lot=number)
            found.add(number)
    # Key/value rows: « Nombre d'heures d'insertion | 150 heures »
    from review.facts.text import table_rows

    for rows in table_rows(text.piece).values():
        for row in rows:
            if len(row) < 2:
                continue
            key = unaccent(row[0][0])
            if not (re.search(r"heures?", key) and re.search(r"insertion|clause", key)):
                continue
            value = _hours_value(row[1][0])
            if value is None:
                continue
            seg, start = _segment_of(text, row[1][1])
            lot = text.lot
            kind = "hours_total" if "total" in key else "hours"
            facts.add(
                kind,
                value,
                seg,
                start,
                start + len(row[1][0]),
                lot=lot if kind == "hours" else None,
            )
            period = _period(key + " " + row[1][0])
            if period and kind == "hours":
                facts.add("hours_period", period, seg, start, start + len(row[1][0]), lot=lot)
    return found


def extract(text: PieceText, facts: Facts) -> None:
    _tables(text, facts)
    for seg in text.segments:
        if not seg.text:
            continue
        if not (seg.in_clause or INSERTION_HINT.search(seg.norm)):
            continue
        matches = facts.matches(seg)
        phrases = [m for m in matches if m.label == "HOURS_PHRASE"]
        for match in matches:
            if match.label != "HOURS_QTY":
                continue
            block = seg.block_at(match.start)
            if block.place.table is not None:
                continue  # tables are read by column above
            s_start, s_end = seg.sentence_around(match.start)
            sentence = seg.norm[s_start:s_end]
            before = seg.norm[s_start : match.start]
            after = seg.norm[match.end : s_end]
            said_insertion = any(s_start <= p.start < s_end for p in phrases) or re.search(
                r"insertion|inser", sentence
            )
            if not (said_insertion or seg.in_clause):
                continue
            if _NOT_INSERTION_BEFORE.search(before[-40:]) or _NOT_INSERTION_AFTER.search(
                after[:30]
            ):
                continue
            window = before[-50:]
            if (
                re.search(rf"travaill|main[- ]d'{OE}uvre|heures de travail", window)
                and "insertion" not in window
            ):
                continue  # the hours worked of the formula, not the insertion hours
            if re.search(r"\bpar heure|l'heure\b", before[-15:]):
                continue
            value = _hours_value(match.text)
            if value is None:
                continue
            lot_matches = list(LOT_RE.finditer(before))
            total = _TOTAL_BEFORE.search(before[lot_matches[-1].end() :] if lot_matches else before)
            if total:
                facts.add("hours_total", value, seg, match.start, match.end)
                continue
            lot = normalise_lot(lot_matches[-1].group(1)) if lot_matches else text.lot
            facts.add("hours", value, seg, match.start, match.end, lot=lot)
            if _PERIOD_AFTER.search(after):
                period = "tranche" if "tranche" in after[:40] else "year"
                facts.add("hours_period", period, seg, match.start, match.end, lot=lot)
