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
from dataclasses import dataclass
from typing import TYPE_CHECKING

from clausier.french import NUMBER_WORDS, number_from_words
from review.facts.lots import LOT_LABEL, lot_in_cell, lot_tables
from review.facts.text import INSERTION_HINT, LOT_NUMBER, LOT_RE, lot_number, normalise_lot
from review.nlp import OE, parse_number, unaccent

if TYPE_CHECKING:
    from review.facts import Facts, PieceText

_NOT_INSERTION_BEFORE = re.compile(
    # « volume calculé inférieur à 70 heures », « en deçà de 70 heures »: a comparison with
    # the minimum, not the hours of a lot (sixth blind corpus: lot 12 got 70 hours).
    r"(?:delai|sous|dans les|avant|apres|au plus tard|duree|pendant"
    r"|inferieur\w*|superieur\w*|en\s+deca|au-dessous|en\s+dessous|seuil"
    # « (base de 1 607 heures par an pour un temps plein) »: the ETP's working year
    r"|base|sur\s+la\s+base)"
    r"(?:\s+(?:minimum|minimale|maximum|maximale|minimum\s+de\s+travail))?\W*(?:de\s+|d'|a\s+)?\W*$"
)
# A working time, not insertion hours: « la durée hebdomadaire de référence est de 35
# heures », « un équivalent temps plein représente 1 607 heures » (unless « …, soit 800
# heures » converts ETP into the hours).
_WORKING_TIME_BEFORE = re.compile(
    r"(?:hebdomadaire|par\s+semaine|temps\s+(?:plein|partiel)|\betp\b|duree\s+(?:legale|du\s+travail))"
    r"[^.;]{0,40}$"
)
_NOT_INSERTION_AFTER = re.compile(
    r"^\W*(?:/\s*24\b|par semaine|hebdo|par jour|de retard|apres|avant|suivant|ouvr|de travail(?! (?:d'insertion|reserv))|travaill|de main|de formation|de delai"
    r"|(?:par an\s+|annuelles\s+)?(?:pour\s+)?(?:un|une\s+personne\s+a)\s+temps\s+plein|(?:par an\s+)?pour\s+un\s+etp)"
)
# « La réunion … a lieu à 10 heures », « ouvert de 8 heures à 12 heures »: an hour of
# the day (a figure up to 24 right after « à », « de », « vers » in such a sentence).
_TIME_OF_DAY_BEFORE = re.compile(r"(?:\ba|\bde|\bvers|\bdes|jusqu'a)\s*$")
_TIME_OF_DAY_WORDS = re.compile(
    r"a lieu|aura lieu|se tien\w*|se deroul\w*|debut\w*|commenc\w*|ouvert\w*|ferm\w*"
    r"|reunion\w*|rendez-vous|visite\w*|permanence\w*|horaires?|accueil\w*|convoqu\w*"
)
# « 6.2 », « 4.1.3 »: an outline number (French decimals take a comma, thousands a dot
# before three digits).
_OUTLINE_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+(?!\d)")
# « 7 h 30 » (minutes), « de 7 h 30 à 17 h 30 », « 9 h - 12 h » (a span of the day).
_MINUTES_AFTER = re.compile(r"^\s?[0-5]\d\b")
_SPAN_AFTER = re.compile(r"^\s*(?:[0-5]\d\s*)?(?:a|-|–|jusqu'a)\s*\d{1,2}\s*(?:h|heures)\b")
_SPAN_BEFORE = re.compile(r"\d{1,2}\s*(?:h|heures)(?:\s*[0-5]\d)?\s*(?:a|-|–)\s*$")


def _time_of_day(before: str, after: str) -> bool:
    """A figure up to 24 that is an hour of the day, not a number of hours."""
    if _MINUTES_AFTER.match(after) or _SPAN_AFTER.match(after) or _SPAN_BEFORE.search(before):
        return True
    return bool(_TIME_OF_DAY_BEFORE.search(before) and _TIME_OF_DAY_WORDS.search(before))


# In the clause, « 350 heures de travail à des personnes rencontrant des difficultés »: the
# hours given to the public are the insertion hours even without the word.
_FOR_PEOPLE_AFTER = re.compile(
    r"^\W*de travail\b[^.;]{0,30}?(?:\ba des\b|au (?:profit|benefice) d|reserv|en faveur d"
    r"|pour des personnes|consacrees? a)"
)
# The base a rate applies to, when the result follows: « 5 % des heures travaillées,
# estimées à 5 383 heures, soit 270 heures ».
_RATE_BASE_BEFORE = re.compile(r"\d\s*%[^.;]{0,80}$")
# « …, soit 270 heures », « soit au minimum 420 heures »: the result of the rate
_SOIT_BEFORE = re.compile(
    r"\bsoit\s*(?:un\s+volume\s+(?:minimum\s+|minimal\s+)?de\s+|au\s+(?:minimum|moins)\s+"
    r"|un\s+minimum\s+de\s+|environ\s+)?$"
)
_THEN_SOIT = re.compile(r"^[^.;]{0,30}?\bsoit\s+(?:un\s+volume\s+de\s+)?\d")
_CONTRACT_LENGTH = re.compile(
    r"(?:contrats?|missions?|parcours|formations?|stages?)\b[^.;]{0,40}"
    r"(?:au moins|minimum|minimale?|d'une duree|plafon\w*|maximum|au-dela|au dela)[^.;]{0,15}$"
)
# « Nombre d'heures d'insertion à réaliser chaque année : 120 heures »: the period first.
# « 150 heures chaque année », « un volume annuel de 200 heures », « annuellement, 90 heures »
_PERIOD_BEFORE = re.compile(
    r"(?:chaque\s+annee|par\s+an(?:nee)?|annuel\w*)(?:\s+(?:minimum\s+|minimal\s+)?(?:de|d'))?\W{0,3}$"
)
_TOTAL_AFTER = re.compile(
    r"[^.;]{0,50}?(?:pour|sur)\s+l'ensemble\s+des\s+lots|[^.;]{0,50}?tous\s+lots\s+confondus"
)
# « au total », « ensemble des lots », « les lots 1 et 2 comportent ensemble »; not « 4 % du
# nombre total d'heures travaillées, soit 310 heures » (the base of the rate).
_TOTAL_BEFORE = re.compile(
    r"(?:total\w*(?!\s+(?:d'heures|des\s+heures)\s+(?:de\s+travail|travaill|de\s+main))|au total"
    r"|globa\w*|ensemble des lots|l'ensemble du marche|cumul\w*|\bensemble\b)[^.;]*$"
)
_PERIOD_AFTER = re.compile(
    r"^\W*(?:d'insertion\s*)?(?:par an\b|/\s*an\b|par annee|annuel|chaque annee|par tranche|/\s*tranche)"
)
# « 1 050 h 00 sur toute la durée de l'accord-cadre », « pour toute sa durée »: hours for
# the whole accord-cadre, not per year (twelfth blind corpus, CS403 judged them per year).
_WHOLE_AFTER = re.compile(
    r"^\W*(?:\d\d\W*)?(?:d'insertion\s*)?(?:sur|pour)\s+(?:toute\s+)?(?:la|sa)\s+duree"
    r"(?:\s+(?:totale|globale|de\s+l'accord-cadre|du\s+marche|du\s+contrat)|\s*[.,;)]|\s*$)"
)
_INSERTION_TABLE = re.compile(r"insertion|clause")
# « 35 H par tranche de 100 000 € de commandes », « 40 heures pour 100 000 € HT commandés »,
# « 1 heure par tranche de 3 000 € »: a rate of an accord-cadre, not a lot's total (folded).
_RATE_AFTER = re.compile(
    r"^\W*(?:d'insertion\s*)?(?:par|pour|toutes?\s+les|a\s+chaque)\s+(?:(?:tranche|part|chaque\s+tranche)\s+de\s+)?"
    r"(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)\s*(k\s?€|€|euros?\b|m€)"
)

# « 35 heures par bon de commande », « pour chaque marché subséquent »: hours per order
_PER_ORDER = re.compile(
    r"(?:par|pour\s+chaque|a\s+chaque)\s+(?:bons?\s+de\s+commande|commande|marche\s+subsequent)\b"
)
_PER_ORDER_AFTER = re.compile(r"^\W*(?:d'insertion\s*)?" + _PER_ORDER.pattern)


@dataclass(frozen=True)
class HoursRate:
    """Insertion hours per amount ordered or invoiced (accord-cadre à bons de commande)."""

    hours: int
    per_amount: float | None  # € HT; None: per order (« par bon de commande »)

    def describe(self) -> str:
        if self.per_amount is None:
            return f"{self.hours} heures par bon de commande"
        amount = f"{self.per_amount:,.0f}".replace(",", "\u202f")
        return f"{self.hours} heures par tranche de {amount} € HT"


@dataclass(frozen=True)
class Subtotal:
    """The hours of some lots together (« les lots 1 et 2 comportent ensemble 885 heures »)."""

    hours: int
    lots: tuple[str, ...]


def _named_lots(before: str, every: bool = False) -> tuple[str, ...]:
    """The lots a total names before its figure (« le total des lots 1 et 2 … »), none
    when it is the whole consultation's (« pour l'ensemble des lots », « tous lots
    confondus ») unless `every`."""
    from review.facts.clause import _LOT_LIST, lot_list

    if not every and re.search(r"ensemble\s+des\s+lots|tous\s+(?:les\s+)?lots", before):
        return ()
    named: list[str] = []
    for match in _LOT_LIST.finditer(before):
        named.extend(lot_list(match.group(1)))
    return tuple(dict.fromkeys(named))


_LEAST_HOURS_IN_WORDS = 50  # « une heure », « quarante-huit heures »: a delay, not insertion hours


# « article L. 2113-12 », « R2123-1 »: a Code's article, no quantity
_ARTICLE_NUMBER = re.compile(r"\b[LRD]\.?\s?\d{3,4}(?:-\d+)+")


def _hours_value(text: str) -> int | None:
    match = re.search(r"\d[\d\s\u00a0\u202f.]*", _ARTICLE_NUMBER.sub("", text))
    if not match:
        value = number_from_words(unaccent(text).lower())
        return value if value is not None and value >= _LEAST_HOURS_IN_WORDS else None
    value = parse_number(match.group(0).strip(" ."))
    if value is None or value <= 0 or value >= 1_000_000:
        return None
    return int(round(value))


def _period(text: str) -> str | None:
    norm = unaccent(text)
    if re.search(r"par an\b|/\s*an\b|par annee|annuel", norm):
        return "year"
    # « par tranche de 100 000 € de commandes »; not a « tranche ferme / optionnelle » (the
    # parts of a contract with tranches, whose hours add up to the lot's).
    if re.search(r"(?:par|/)\s*tranche|tranche\s+de\s+\d", norm):
        return "tranche"
    return None


# « lot réservé (article L. 2113-12) – pas d'heures d'insertion »: said anywhere in the cell
# (fifteenth blind corpus: the article's number was read as 2 113 hours)
_NO_HOURS_SAID = re.compile(r"\bpas\s+d'heures\b|\baucune\s+heure|\bsans\s+heures?\b")
_NOT_CONCERNED = re.compile(r"^(?:non\s+concerne\w*|sans\s+objet|neant|non|sans|exclu\w*)\b")


# « volume (d'heures) », « nombre d'heures » before « à préciser »
_HOURS_NOUN = r"(?:(?:volume|nombre|quantite)(?:\s+d'heures)?|heures)\s+"
# « à préciser », « volume à définir avec le facilitateur » in the hours column
_PENDING = re.compile(
    r"^(?:" + _HOURS_NOUN + r")?"
    r"(?:a\s+(?:preciser|definir|determiner|completer|fixer|calculer)|en\s+cours|xx+|\?+|\.{3,}|…+)(?!\w)"
)


_WHOLE_CONTRACT_CELL = re.compile(
    r"\s*(?:marche|lot|accord-cadre)\s+unique\b|\s*ensemble\s+du\s+marche\b"
)


def _tables(text: PieceText, facts: Facts, tables: list) -> set[str]:
    """Hours columns of lot tables (`tables`: the piece's `lot_tables`), and two-column
    « Nombre d'heures d'insertion | 150 » rows."""
    found: set[str] = set()
    from review.facts.lots import _segment_of

    for cols, rows in tables:
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
            if number is None and _WHOLE_CONTRACT_CELL.match(unaccent(lot_cell)):
                number = text.lot or "unique"  # « Marché unique | … | 5 440 h »
            if number is None:
                continue
            if _NOT_CONCERNED.match(unaccent(hours_cell).strip()) or _NO_HOURS_SAID.search(
                unaccent(hours_cell)
            ):
                # « Non concerné », « Sans objet », « Non concerné (moins de 70 h) » in the
                # hours column: the lot carries none (its figure is the minimum, not hours).
                facts.add("lot_no_clause", number, seg, start, end, lot=number)
                continue
            value = _hours_value(hours_cell)
            if value is None:
                if _PENDING.match(unaccent(hours_cell).strip()):
                    # « à préciser »: the clause's table covers the lot, with no hours yet
                    facts.add("clause_lots", [number], seg, start, end)
                continue  # « — »: no hours
            if _PER_ORDER.search(unaccent(hours_cell)):
                # « 20 h par bon de commande d'au moins 25 000 € HT »: a rate, as in prose
                facts.add("hours_rate", HoursRate(value, None), seg, start, end, lot=number)
                found.add(number)
                continue
            facts.add("hours", value, seg, start, end, lot=number)
            period = cols.period or _period(hours_cell)
            if period:
                facts.add("hours_period", period, seg, start, end, lot=number)
            found.add(number)
    # Key/value rows: « Nombre d'heures d'insertion | 150 heures »
    from review.facts.text import table_rows

    lot_ids = {id(rows) for _, rows in tables}
    for rows in table_rows(text.piece).values():
        if id(rows) not in lot_ids:
            _single_row_table(text, facts, rows)
    for rows in table_rows(text.piece).values():
        for row in rows:
            if len(row) < 2:
                continue
            key = unaccent(row[0][0])
            if not re.search(r"heures?", key):
                continue
            seg, start = _segment_of(text, row[1][1])
            # « Nombre d'heures d'insertion | 150 », or « Nombre d'heures | 420 heures
            # minimum » in a table of the clause article (« Élément | Contenu »).
            if not (
                re.search(r"insertion|clause", key)
                or (
                    seg.in_clause
                    and re.match(r"(?:nombre|volume|quantite)\s+(?:total\s+)?d'heures", key)
                )
            ):
                continue
            if len(row[1][0].split()) >= _PROSE_CELL_WORDS:
                continue  # a sentence in the cell: read as prose (lots named in it)
            value = _hours_value(row[1][0])
            if value is None:
                continue
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


def _single_row_table(text: PieceText, facts: Facts, rows) -> None:
    """« Objet | Heures d'insertion par an » over one row « Nettoyage des locaux | 215 »: a
    contract not divided into lots states its hours in a column without lot numbers."""
    from review.facts.lots import TableColumns, _segment_of

    if len(rows) != 2:
        return
    header = [c for c, _ in rows[0]]
    cols = TableColumns.from_header(header)
    if cols.hours is None or not _INSERTION_TABLE.search(unaccent(header[cols.hours])):
        return
    row = rows[1]
    if cols.hours >= len(row):
        return
    if cols.lot is not None and cols.lot < len(row) and lot_in_cell(row[cols.lot][0]):
        return  # « Lot | Heures » over « 2 | 120 »: one lot's row, read with the lot tables
    cell, place = row[cols.hours]
    value = _hours_value(cell)
    if value is None or re.search(r"[a-z]{3,}", unaccent(cell).replace("heures", "")):
        return
    seg, start = _segment_of(text, place)
    facts.add("hours", value, seg, start, start + len(cell), lot=text.lot)
    period = cols.period or _period(cell)
    if period:
        facts.add("hours_period", period, seg, start, start + len(cell), lot=text.lot)


# « Le nombre d'heures d'insertion est de 615 pour le lot 1 et de 270 pour le lot 2 »:
# figures without « heures » after a « nombre / volume d'heures » phrase (folded text).
_BARE = re.compile(
    r"(?:\b(?:est|sont)\s+(?:fixee?s?\s+)?(?:de|a)|\bet\s+(?:de|a)|:)\s*"
    r"(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d{1,6})(?=\s*(?:pour\b|au titre\b|par an\b|par annee\b|/\s*an\b|\(|[.;,]|$))"
)


def _quantities(seg, facts: Facts) -> list[tuple[int, int, str]]:
    """(start, end, text) of each hours quantity of a segment outside tables: spaCy's
    « 1 200 heures », and bare figures in a sentence that says « nombre d'heures »."""
    matches = facts.matches(seg)
    found = [(m.start, m.end, m.text) for m in matches if m.label == "HOURS_QTY"]
    for phrase in matches:
        if phrase.label != "HOURS_PHRASE" or not re.match(
            r"(?:nombre|volume)", unaccent(phrase.text)
        ):
            continue
        s_start, s_end = seg.sentence_around(phrase.start)
        if any(s_start <= start < s_end for start, _, _ in found):
            continue
        for bare in _BARE.finditer(seg.norm, phrase.end, s_end):
            found.append((bare.start(1), bare.end(1), seg.text[bare.start(1) : bare.end(1)]))
    if "heure" in seg.norm:
        # « Lot 3 – heures : 175 »: the unit as the label
        for label in _HOURS_LABEL.finditer(seg.norm):
            bare = _BARE.match(seg.norm, label.end())
            if bare:
                found.append((bare.start(1), bare.end(1), seg.text[bare.start(1) : bare.end(1)]))
        # « deux cent dix heures »: the figure in words only
        for words in _WORDS_HOURS.finditer(seg.norm):
            if number_from_words(words.group(1)) is not None:
                found.append((words.start(1), words.end(1), words.group(1)))
    return sorted(set(found))


_HOURS_LABEL = re.compile(r"\bheures?(?:\s+d'insertion)?\s*(?=:)")
_WORDS_HOURS = re.compile(
    r"(?<![\w-])((?:(?:"
    + "|".join(NUMBER_WORDS)
    + r")(?:\s+|-))*(?:"
    + "|".join(NUMBER_WORDS)
    + r"))"
    r"\s+heures?\b"
)


_INSERTION_VOLUME = re.compile(
    r"\b(?:volume|quota|nombre)\s+(?:horaire\s+|minimal\s+|total\s+)?d'(?:heures\s+d')?insertion\b"
)
_TO_INSERTION_BEFORE = re.compile(r"\b(?:a|pour)\s+l'insertion(?:\s+professionnelle)?\s*$")
_PROSE_CELL_WORDS = 6  # a cell that long is prose, read as such (« lot 1 : 675 heures ; … »)


def _hours_tables(tables: list) -> set[int]:
    """Indexes of the piece's lot tables that have an hours column (read by `_tables`);
    the cells of other tables are prose (« Rubrique | Contenu » rows of a clause written as
    a table: « Volume | lot 1 : 675 heures ; lot 2 : 295 heures »)."""
    return {
        rows[0][0][1].table for cols, rows in tables if cols.hours is not None and rows and rows[0]
    }


def _accepted(
    text: PieceText, seg, facts: Facts, by_column: set[int]
) -> list[tuple[int, int, int, int, int]]:
    """(start, end, value, sentence start, sentence end) of the quantities that are
    insertion hours (not a delay, a working week, the hours worked of a formula)."""
    phrases = [m for m in facts.matches(seg) if m.label == "HOURS_PHRASE"]
    result = []
    listed_until = -1  # end of a « … : lot 1 : 300 heures de travail ; » item named before
    for start, end, words in _quantities(seg, facts):
        block = seg.block_at(start)
        if block.place.table is not None and (
            block.place.table in by_column or len(block.text.split()) < _PROSE_CELL_WORDS
        ):
            continue  # lot tables and « label | 150 heures » rows are read as tables above
        s_start, s_end = seg.sentence_around(start)
        sentence = seg.norm[s_start:s_end]
        before = seg.norm[s_start:start]
        after = seg.norm[end:s_end]
        said_insertion = any(s_start <= p.start < s_end for p in phrases) or re.search(
            r"insertion|inser", sentence
        )
        if not (said_insertion or seg.in_clause):
            continue
        if _NOT_INSERTION_BEFORE.search(before[-40:]):
            continue
        if _WORKING_TIME_BEFORE.search(before[-60:]) and not _SOIT_BEFORE.search(before):
            continue  # « la durée hebdomadaire … est de 35 heures », « un ETP représente 1 607 heures »
        # « Le volume d'heures d'insertion est fixé à 640 heures de travail par an »: the
        # insertion phrase before the figure says what the hours are.
        named = any(s_start <= p.start < start for p in phrases)
        # « … réparti comme suit : lot 1 : 300 heures de travail ; lot 2 : 120 heures de
        # travail ; »: the next items of a list the insertion phrase named.
        named = named or 0 <= s_start - listed_until <= 2
        # « Le volume d'insertion exigé est de 90 heures de travail »: the insertion named
        named = named or bool(_INSERTION_VOLUME.search(before))
        # « le titulaire consacre à l'insertion 200 heures de travail »
        named = named or bool(_TO_INSERTION_BEFORE.search(before))
        if _NOT_INSERTION_AFTER.search(after[:30]) and not (
            (named and re.match(r"^\W*de travail\b", after))
            or (seg.in_clause and _FOR_PEOPLE_AFTER.match(after))
        ):
            continue
        window = before[-50:]
        worked = list(re.finditer(rf"travaill|main[- ]d'{OE}uvre|heures de travail", window))
        if (
            worked
            # « heures de travail d'insertion » names the insertion after; « réserve à
            # l'insertion 5 % des heures travaillées, estimées à 8 400 heures » before
            and "insertion" not in window[worked[-1].start() :]
            and not _SOIT_BEFORE.search(before)
        ):
            continue  # the hours worked of the formula, not the insertion hours
        if _RATE_BASE_BEFORE.search(before) and _THEN_SOIT.match(after):
            continue  # « 5 % des heures travaillées, estimées à 5 383 heures, soit 270 heures »
        if _CONTRACT_LENGTH.search(before[-60:]):
            continue  # « chaque contrat compte au moins 70 heures »: a contract's length
        if re.search(r"\bpar heure|l'heure\b", before[-15:]):
            continue
        if _OUTLINE_NUMBER.match(words):
            continue  # « 6.2 Heures d'insertion par lot »: a heading's number, not hours
        value = _hours_value(words)
        if value is None:
            continue
        if value <= 24 and _time_of_day(before, after):
            continue  # an hour of the day
        if named and seg.norm[s_end - 1 : s_end] == ";":
            listed_until = s_end
        result.append((start, end, value, s_start, s_end))
    return result


# « Lot 3 – Peinture : 420 000 € HT ; le titulaire réalise 290 h d'insertion »: a paragraph
# that opens with its lot's label is about that lot, past the « ; » or « . » that ends the
# label's sentence.
_OPENING_LOT = re.compile(LOT_LABEL, re.I)


def _opening_lot(seg, at: int) -> str | None:
    """The lot label that opens the paragraph holding offset `at`, when no other lot is
    named between it and `at`."""
    norm = seg.norm
    match = _OPENING_LOT.match(norm, seg.starts[seg.block_index(at)] if seg.starts else 0)
    if match is None or match.end() > at or LOT_RE.search(norm, match.end(), at):
        return None
    return normalise_lot(match.group(1))


def _lots_of(seg, found: list[tuple[int, int, int, int, int]]) -> list[str | None]:
    """The lot each quantity of one sentence is about. « Lot 1 : 615 heures, lot 2 : 270
    heures » names the lot before its figure; « 615 heures (lot 1) et 270 heures (lot 2) »,
    « 1 200 heures pour le lot 3 » after it: the first figure tells the sentence's style;
    a sentence that names none takes the lot its paragraph opens with."""
    norm = seg.norm
    lots: list[str | None] = []
    edges = [
        (found[i - 1][1] if i else q[3], found[i + 1][0] if i + 1 < len(found) else q[4])
        for i, q in enumerate(found)
    ]
    first_before = list(LOT_RE.finditer(norm, edges[0][0], found[0][0]))
    first_after = list(LOT_RE.finditer(norm, found[0][1], edges[0][1]))
    after_style = not first_before and bool(first_after)
    for (start, end, _value, s_start, _), (left, right) in zip(found, edges, strict=True):
        if after_style:
            match = LOT_RE.search(norm, end, right)
        else:
            chunk = list(LOT_RE.finditer(norm, left, start)) or list(
                LOT_RE.finditer(norm, s_start, start)
            )
            match = chunk[-1] if chunk else None
        lots.append(lot_number(match) if match else _opening_lot(seg, start))
    return lots


# « lot 1 : 170 h ; lot 2 : à préciser », « pour le lot n° 2 (Espaces verts) : à préciser
# avec le facilitateur »: the clause covers the lot, its hours are not set yet.
_PENDING_LOT = re.compile(
    r"\blots?\s*(?:n\s*[°o]\s*)?0*(" + LOT_NUMBER + r")\b[^.;:]{0,80}:\s*"
    r"(?:" + _HOURS_NOUN + r")?a\s+(?:preciser|definir|determiner|completer|fixer)\b"
)


_PER_LOT_AFTER = re.compile(
    r"^\W*(?:d'insertion\s+)?(?:par\s+lot|pour\s+chacun\s+des|pour\s+chaque\s+lot)"
)


def _each_lot(after: str) -> tuple[str, ...]:
    """« 280 heures par lot pour les lots 1 à 4 »: the same hours for each lot named."""
    if not _PER_LOT_AFTER.match(after):
        return ()
    named = _named_lots(after, every=True)
    return named if len(named) >= 2 else ()


def _pending_lots(seg, facts: Facts) -> None:
    for match in _PENDING_LOT.finditer(seg.norm):
        facts.add("clause_lots", [normalise_lot(match.group(1))], seg, match.start(), match.end())


# « tranche ferme : 420 heures ; tranche optionnelle 1 : 140 heures », « TO2 : 95 h »
_TRANCHE_LABEL = re.compile(
    r"(?:\btranche\s+(?:ferme|optionnelle|conditionnelle)(?:\s+n\s*[°o])?(?:\s*\d{1,2})?"
    r"|\bt[fo]\s*\d{0,2})\s*(?:\([^)]{0,40}\)\s*)?[:\-–—]?\s*$"
)
# « …, soit 560 heures pour le lot »: the lot's hours over its tranches
_TRANCHES_TOTAL = re.compile(r"(?:\bsoit\b|\btotal\b|au\s+total)[^.;:]{0,30}$")
_ALL_LOTS = re.compile(r"ensemble\s+des\s+lots|tous\s+les\s+lots|l'ensemble\s+du\s+marche|general")


def _tranche_groups(seg, facts: Facts, with_lots: list, piece_lot: str | None) -> set[int]:
    """The hours a paragraph gives per tranche (« Lot 1 : tranche ferme : 420 heures ;
    tranche optionnelle 1 : 140 heures, soit 560 heures pour le lot »): the lot's hours
    are over all its tranches, the total said after them or else their sum. Returns the
    starts of the quantities read here, for the caller to skip."""
    taken: set[int] = set()
    group: list = []  # [(start, end, value, lot)] of one lot's tranches

    def flush(total=None) -> None:
        if not group:
            return
        lot = next((g[3] for g in group if g[3]), None) or piece_lot
        start, end, value = total or (group[0][0], group[0][1], sum(g[2] for g in group))
        facts.add("hours", value, seg, start, end, lot=lot)
        group.clear()

    for (start, end, value, s_start, _s_end), lot in sorted(with_lots, key=lambda q: q[0][0]):
        block = seg.block_at(start)
        before = seg.norm[max(s_start, start - 60) : start]
        if _TRANCHE_LABEL.search(before):
            if group and (seg.block_at(group[0][0]) is not block or (lot and lot != group[0][3])):
                flush()
            group.append((start, end, value, lot))
            taken.add(start)
            continue
        since = seg.norm[group[-1][1] : start] if group else ""
        if (
            group
            and seg.block_at(group[0][0]) is block
            and _TRANCHES_TOTAL.search(since)
            and not _ALL_LOTS.search(seg.norm[start : start + 60])
            and not LOT_RE.search(since)
        ):
            flush((start, end, value))
            taken.add(start)
            continue
        flush()
    flush()
    return taken


def extract(text: PieceText, facts: Facts) -> None:
    tables = lot_tables(text)  # read once: the columns, the key/value rows, the prose cells
    _tables(text, facts, tables)
    by_column = _hours_tables(tables)
    for seg in text.segments:
        if not seg.text:
            continue
        if not (seg.in_clause or seg.text_says_insertion):
            continue
        _pending_lots(seg, facts)
        by_sentence: dict[int, list[tuple[int, int, int, int, int]]] = {}
        for quantity in _accepted(text, seg, facts, by_column):
            by_sentence.setdefault(quantity[3], []).append(quantity)
        lots_of = {key: _lots_of(seg, found) for key, found in by_sentence.items()}
        with_lots = [
            (quantity, lot)
            for key, found in by_sentence.items()
            for quantity, lot in zip(found, lots_of[key], strict=True)
        ]
        in_tranches = _tranche_groups(seg, facts, with_lots, text.lot)
        for key, found in by_sentence.items():
            for (start, end, value, s_start, s_end), lot in zip(found, lots_of[key], strict=True):
                if start in in_tranches:
                    continue
                before = seg.norm[s_start:start]
                lot_matches = list(LOT_RE.finditer(before))
                total = _TOTAL_BEFORE.search(
                    before[lot_matches[-1].end() :] if lot_matches else before
                ) or (len(_named_lots(before, every=True)) >= 2 and _TOTAL_BEFORE.search(before))
                # « Soit 230 heures d'insertion par an pour l'ensemble des lots »: said after.
                if not total and lot is None and len(found) == 1:
                    total = _TOTAL_AFTER.match(seg.norm, end, s_end)
                if total:
                    named = _named_lots(before)
                    if len(named) >= 2:  # « les lots 1 et 2 comportent ensemble 885 heures »
                        facts.add("hours_subtotal", Subtotal(value, named), seg, start, end)
                    else:
                        facts.add("hours_total", value, seg, start, end)
                    continue
                lot = lot or text.lot
                after = seg.norm[end:s_end]
                if _PER_ORDER_AFTER.match(after):
                    # « 35 heures par bon de commande supérieur à 50 000 € HT »: a rate per
                    # order, not the lot's hours
                    facts.add("hours_rate", HoursRate(value, None), seg, start, end, lot=lot)
                    continue
                rate = _RATE_AFTER.match(after)
                if rate:
                    per = parse_number(rate.group(1)) or 0
                    per *= 1000 if rate.group(2).startswith("k") else 1
                    per *= 1_000_000 if rate.group(2) == "m€" else 1
                    rate_end = end + rate.end()
                    facts.add("hours_rate", HoursRate(value, per), seg, start, rate_end, lot=lot)
                    continue
                each = _each_lot(after)
                for one in each or [lot]:
                    facts.add("hours", value, seg, start, end, lot=one)
                    if _PERIOD_AFTER.search(after) or _PERIOD_BEFORE.search(before[-40:]):
                        period = "tranche" if "tranche" in after[:40] else "year"
                        facts.add("hours_period", period, seg, start, end, lot=one)
                    elif _WHOLE_AFTER.search(after):
                        facts.add("hours_period", "whole", seg, start, end, lot=one)
