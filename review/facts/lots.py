"""Lots: number, title, estimated amount HT, from tables and from « Lot n° 1 : … » lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from review.facts.text import LOT_NUMBER, Segment, has_digit, normalise_lot, table_rows
from review.nlp import parse_number, unaccent

if TYPE_CHECKING:
    from review.facts import Facts, PieceText


@dataclass(frozen=True)
class LotInfo:
    number: str
    title: str | None = None
    amount_ht: float | None = None
    amount_period: str | None = None  # "year": the amount is per year (accord-cadre)
    ceiling: bool = False  # the amount is an accord-cadre's maximum, no estimate


# (a line break may split the thousands of a PDF line: « seuil européen de 5 538 » / « 000 € »)
AMOUNT_RE = re.compile(
    r"(\d{1,3}(?:[ \u00a0\u202f.\n]\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)\s*(?:€|euros?\b|eur\b|k€)"
    r"(?:\s*(?:ht|h\.t\.|hors taxes?))?",
    re.I,
)
# « Montant estimatif annuel : 160 000 € HT », « 80 000 € HT par an »
ANNUAL = re.compile(r"annuel|par an\b|/ ?an\b|par annee")
# The floor and ceiling of an accord-cadre (« Montant minimum HT (durée totale) »,
# « Maximum HT »): bounds of what may be ordered, not the estimate the hours are
# computed on (fifth blind corpus: the minimum was taken for the lot's amount).
_BOUND = re.compile(r"\b(?:minimum|maximum|mini|maxi|plafond|plancher|minimal|maximal)\b")
# « Lot n° 1 : Gros œuvre – maçonnerie (estimé à 420 000 € HT) »
# (« Lot A : Menuiseries » too: a capital letter standing alone names a lot)
# The label that opens a lot's line or paragraph: « Lot n° 1 : », « – LOT 3.1 – », « Lot A. »
LOT_LABEL = (
    r"\s*(?:[-•–*]\s*)?lot\s*(?:n\s*[°o]\s*|no\.?\s*)?(0*" + LOT_NUMBER + r"|(?-i:[A-Z]))"
    r"\s*[:\-–—.)]"
)
LOT_LINE_RE = re.compile(r"^" + LOT_LABEL + r"\s*(.+)$", re.I)
_CELL_LOT_RE = re.compile(
    r"^\s*(?:lot\s*)?(?:n\s*[°o]\s*)?0*(" + LOT_NUMBER + r")\s*(?:[:\-–—.]|$)"
    r"|^\s*lot\s*(?:n\s*[°o]\s*)?((?-i:[A-Z]))\s*(?:[:\-–—.]|$)",
    re.I,
)


def lot_in_cell(cell: str) -> str | None:
    """« 1 », « Lot 02 », « Lot A – Menuiseries » (a letter only after « Lot »)."""
    match = _CELL_LOT_RE.match(cell)
    return normalise_lot(match.group(1) or match.group(2)) if match else None


def amount_in(text: str) -> float | None:
    """The first € amount in `text` (« 420 000 € HT », « 1,2 M€ » is not handled)."""
    match = AMOUNT_RE.search(text)
    if not match:
        return None
    value = parse_number(match.group(1))
    if value is not None and "k€" in match.group(0).lower():
        value *= 1000
    return value


def clean_title(text: str) -> str | None:
    """The title part of « Gros œuvre – maçonnerie (estimé à 420 000 € HT) : 280 heures »."""
    title = re.split(
        r"\s*(?:\(|:|;|,?\s+(?:estim|montant|pour un montant|soit)\b|\d[\d  .]*\s*(?:€|heures?\b|h\b))",
        text,
        maxsplit=1,
    )[0]
    title = title.strip(" .–—-")
    return title or None


# « Heures travaillées » (A × m ÷ c), « Taux d'insertion », « Coût horaire » in a workbook
# that computes the hours (twelfth blind corpus): the steps of the calculation, not the
# lot's insertion hours nor a « clause : oui / non » column.
_NOT_INSERTION_COLUMN = re.compile(
    r"^\W*(?:heures?\s+(?:travaillees?|de\s+travail|de\s+main)|taux\b|cout\b|ratio\b)"
)


@dataclass
class TableColumns:
    lot: int | None = None
    title: int | None = None
    amount: int | None = None
    hours: int | None = None
    period: str | None = None  # hours per year / per tranche
    clause: int | None = None  # « Clause d'insertion : oui / non » column
    annual_amount: int | None = None  # « Montant annuel estimé » (used when no other amount)
    maximum: int | None = None  # « Montant maximum » (used when the table gives no estimate)
    maximum_period: str | None = None  # "year": « Montant maximum annuel »
    # columns whose header counts in thousands (« Montant (k€ HT) », « en milliers d'euros »)
    thousands: frozenset[int] = frozenset()

    @classmethod
    def from_header(cls, header: list[str]) -> TableColumns:
        cols = cls()
        for index, cell in enumerate(header):
            norm = unaccent(cell)
            if _NOT_INSERTION_COLUMN.search(norm):
                continue
            if re.search(r"heure|\bh\b|volume", norm) and (
                cols.hours is None
                or ("insertion" in norm and "insertion" not in unaccent(header[cols.hours]))
            ):
                cols.hours = index
                if re.search(r"par an|/ ?an\b|annuel|par annee", norm):
                    cols.period = "year"
                elif "tranche" in norm:
                    cols.period = "tranche"
            elif cols.clause is None and re.search(r"clause|insertion", norm):
                cols.clause = index
            elif _BOUND.search(norm):
                # « Montant minimum / maximum » of an accord-cadre: bounds, no estimate; the
                # maximum stands in when nothing else gives the amount.
                if cols.maximum is None and re.search(r"\bmaxi", norm):
                    cols.maximum = index
                    cols.maximum_period = "year" if ANNUAL.search(norm) else None
                continue
            elif re.search(r"montant|estimat|€|\bht\b|valeur", norm) and (
                cols.amount is None or cols.annual_amount is None
            ):
                if ANNUAL.search(norm):
                    cols.annual_amount = index if cols.annual_amount is None else cols.annual_amount
                elif cols.amount is None:
                    cols.amount = index
            elif cols.lot is None and re.search(r"\blots?\b|n\s*°", norm):
                cols.lot = index
            elif cols.title is None and re.search(
                r"intitule|designation|libelle|objet|nature|metier|corps", norm
            ):
                cols.title = index
        cols._over_tranches(header)
        cols.thousands = frozenset(
            i for i, cell in enumerate(header) if _THOUSANDS.search(unaccent(cell))
        )
        if cols.lot is None and (
            cols.hours is not None or cols.amount is not None or cols.annual_amount is not None
        ):
            cols.lot = (
                0 if 0 not in (cols.hours, cols.amount, cols.annual_amount, cols.title) else None
            )
        return cols

    def _over_tranches(self, header: list[str]) -> None:
        """« Tranche ferme | Tranche optionnelle 1 | Total du lot »: a lot's hours (or its
        amount) are those of its total column, not of its first tranche."""
        norms = [unaccent(cell) for cell in header]
        tranches = [i for i, n in enumerate(norms) if _TRANCHE_COLUMN.search(n)]
        total = next((i for i, n in enumerate(norms) if re.search(r"\btotal", n)), None)
        if not tranches or total is None:
            return
        said = " ".join(norms[i] for i in [*tranches, total])
        if re.search(r"heure|\bh\b|volume", said) or (self.hours is None and self.amount is None):
            self.hours, self.period = total, None
            if self.lot == total:
                self.lot = None
        elif re.search(r"montant|estimat|€|\bht\b|valeur", said):
            self.amount = total


_THOUSANDS = re.compile(r"\bk\s*(?:€|eur)|\bkeur\b|milliers?\s+d'euros|\ben\s+k€")
_TRANCHE_COLUMN = re.compile(
    r"\btranche\s+(?:ferme|optionnelle|conditionnelle)|^\s*t[fo]\s*\d{0,2}\b"
)


def _without_title_row(rows: list) -> list:
    """« Répartition des heures d'insertion par lot » merged over the whole first row, the
    header below it: the table starts at the header. A workbook may stack several such
    rows (title, buyer, the rates used) above its header."""
    start = next(
        (i for i, row in enumerate(rows[:4]) if len([c for c, _ in row if c.strip()]) != 1), 0
    )
    return rows[start:] if start and len(rows) - start >= 2 and len(rows[start]) >= 2 else rows


def _merged_header(rows: list) -> list:
    """« Lot | Désignation | Clause sociale » over « (merged) | (merged) | Heures | Montant
    estimé »: a header on two rows (cells merged across and down), read as one row whose
    cells are the lower ones, under the upper one that spans them."""
    if len(rows) < 3 or has_digit(rows[0]) or has_digit(rows[1]) or not has_digit(rows[2]):
        return rows
    top, sub = rows[0], rows[1]
    spanned = any(
        cell.strip() and (index >= len(top) or not top[index][0].strip())
        for index, (cell, _) in enumerate(sub)
    )
    if not spanned:
        return rows  # « Bâtiment A » under « Lot »: a section row, not the header's lower half
    header, parent = [], ""
    for index in range(max(len(top), len(sub))):
        above = top[index][0].strip() if index < len(top) else ""
        parent = above or parent  # a blank upper cell: the span of the one before
        below, place = sub[index] if index < len(sub) else ("", top[index][1])
        header.append((_header_words(above or parent, below.strip()), place))
    return [header, *rows[2:]]


def _header_words(parent: str, child: str) -> str:
    """The words of a column under a spanning cell: the lower cell's, with the upper one's
    when it says hours the lower does not (« Heures d'insertion » over « Tranche ferme »)."""
    if not child:
        return parent
    if re.search(r"heure|volume", unaccent(parent)) and not re.search(
        r"heure|montant|€", unaccent(child)
    ):
        return f"{parent} {child}"
    return child


def lot_tables(text: PieceText) -> list[tuple[TableColumns, list[list[tuple[str, object]]]]]:
    """Tables whose header names lots (with a title, amount or hours column)."""
    found = []
    for rows in table_rows(text.piece).values():
        rows = _merged_header(_without_title_row(rows))
        if len(rows) < 2:
            continue
        header = [c for c, _ in rows[0]]
        cols = TableColumns.from_header(header)
        if cols.lot is None:
            continue
        if not any(re.search(r"\blots?\b", unaccent(c)) for c in header) and not any(
            lot_in_cell(row[cols.lot][0] if cols.lot < len(row) else "")
            and "lot" in unaccent(row[cols.lot][0])
            for row in rows[1:]
        ):
            continue
        found.append((cols, rows))
    return found


# « Lot | Intitulé | Estimation » then « Unique | Accueil | 260 000 € HT »: a consultation
# without lots gives its estimated value in the lots table (blind4: a State contract above
# its threshold with no clause went without CS501, its value unread).
_SINGLE_LOT = re.compile(
    r"^\s*(?:lot\s+)?unique\b|^\s*marche\s+unique\b|^\s*(?:non\s+alloti|sans\s+lot|aucun\s+lot)"
)


def _add_single_lot_value(text: PieceText, facts: Facts, cols: TableColumns, row: list) -> None:
    cells = [c for c, _ in row]
    if cols.amount is None or cols.amount >= len(cells) or not re.search(r"\d", cells[cols.amount]):
        return
    amount = amount_in(cells[cols.amount] + " €")
    if amount is not None and amount >= 1000:
        seg, start = _segment_of(text, row[cols.amount][1])
        facts.add("estimated_value", amount, seg, start, start + len(cells[cols.amount]))


_TOTAL_AMOUNT = re.compile(r"\btotal\w*\W{0,5}(?:de\s+)?(?=\d)", re.I)
_TRANCHE_AMOUNT = re.compile(r"\b(?:tranche|t[fo]\b)", re.I)


def _cell_amount(cell: str) -> float | None:
    """The amount of a lot's cell; « TF : 695 000 € HT ; TO n° 1 : 260 000 € HT (total
    955 000 € HT) »: the total over the tranches (said, or else the sum)."""
    total = _TOTAL_AMOUNT.search(cell)
    if total:
        found = amount_in(cell[total.end() :])
        if found is not None:
            return found
    if _TRANCHE_AMOUNT.search(cell):
        amounts = [amount_in(m.group(0)) for m in AMOUNT_RE.finditer(cell)]
        amounts = [a for a in amounts if a is not None]
        if len(amounts) >= 2:
            return sum(amounts)
    return amount_in(cell + " €")


def _segment_of(text: PieceText, place: object) -> tuple[Segment, int]:
    for seg in text.segments:
        for index, block in enumerate(seg.blocks):
            if block.place is place or block.place == place:
                return seg, seg.starts[index]
    return text.segments[0], 0


# « Chaque lot donne lieu à un accord-cadre … ; les estimations ci-dessus sont annuelles. »
_ANNUAL_NOTE = re.compile(
    r"\b(?:estimations?|montants?|valeurs?)\s+(?:estim\w+\s+)?(?:ci-dessus|indique\w*|du\s+tableau)"
    r"[^.]{0,40}?\b(?:annuel\w*|par\s+an)\b"
    r"|\b(?:montants?|estimations?)\s+(?:estimati\w+|estime\w*)\s+annuel\w*"
)


def _annual_note_after(text: PieceText, rows: list) -> bool:
    """The paragraph just after a lot table says its amounts are per year."""
    last = rows[-1][-1][1]
    blocks = text.piece.blocks
    index = next((i for i, b in enumerate(blocks) if b.place is last), None)
    if index is None:
        return False
    after = [b for b in blocks[index + 1 : index + 4] if b.place.table is None][:2]
    return any(_ANNUAL_NOTE.search(unaccent(b.text)) for b in after)


def extract(text: PieceText, facts: Facts) -> None:
    seen: set[str] = set()
    for cols, rows in lot_tables(text):
        annual_note = _annual_note_after(text, rows)
        for row in rows[1:]:
            cells = [c for c, _ in row]
            if cols.lot is None or cols.lot >= len(cells):
                continue
            number = lot_in_cell(cells[cols.lot])
            if number is None and _SINGLE_LOT.match(unaccent(cells[cols.lot])):
                _add_single_lot_value(text, facts, cols, row)
                continue
            if number is None or number in seen:
                continue
            title = (
                cells[cols.title] if cols.title is not None and cols.title < len(cells) else None
            )
            if title is None and re.match(r"\s*lot\b", cells[cols.lot], re.I):
                rest = re.sub(
                    r"^\s*lot\s*(?:n\s*[°o]\s*)?(?:0*"
                    + LOT_NUMBER
                    + r"|(?-i:[A-Z])\b)\s*[:\-–—.]?\s*",
                    "",
                    cells[cols.lot],
                    flags=re.I,
                )
                title = clean_title(rest) if rest else None
            amount, amount_period = None, None
            ceiling = False
            for column, period in (
                (cols.amount, None),
                (cols.annual_amount, "year"),
                (cols.maximum, cols.maximum_period),
            ):
                if column is not None and column < len(cells) and re.search(r"\d", cells[column]):
                    amount, amount_period = _cell_amount(cells[column]), period
                    if (
                        amount is not None
                        and column in cols.thousands
                        and not re.search(r"€|eur", unaccent(cells[column]))
                    ):
                        amount *= 1000  # « 1 250 » under « Montant (k€ HT) »
                    if annual_note and column == cols.amount:
                        amount_period = "year"
                    if amount is not None:
                        ceiling = column == cols.maximum
                        break
            seg, start = _segment_of(text, row[cols.lot][1])
            if cols.clause is not None and cols.clause < len(cells):
                answer = unaccent(cells[cols.clause]).strip(" .")
                if answer in ("oui", "x", "✓", "✔", "concerne", "applicable"):
                    facts.add("clause_lots", [number], seg, start, start + len(cells[cols.lot]))
            facts.add(
                "lot",
                LotInfo(number, title or None, amount, amount_period if amount else None, ceiling),
                seg,
                start,
                start + len(cells[cols.lot]),
                lot=number,
            )
            seen.add(number)
    for seg in text.segments:
        for index, block in enumerate(seg.blocks):
            if block.place.table is not None:
                continue
            match = LOT_LINE_RE.match(block.text)
            if not match:
                continue
            number = normalise_lot(match.group(1))
            rest = match.group(2)
            title = clean_title(rest)
            amount, amount_period = None, None
            amount_match = re.search(
                r"(?:estim\w*|montant\w*|valeur)[^€\d]{0,30}" + AMOUNT_RE.pattern, rest, re.I
            )
            if amount_match:
                amount = amount_in(amount_match.group(0))
                around = unaccent(rest[max(0, amount_match.start() - 30) : amount_match.end() + 15])
                amount_period = "year" if ANNUAL.search(around) else None
            if number in seen:
                continue
            start = seg.starts[index]
            facts.add(
                "lot",
                LotInfo(number, title, amount, amount_period),
                seg,
                start,
                start + len(block.text),
                lot=number,
            )
            seen.add(number)
