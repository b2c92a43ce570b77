"""The text of a piece as the extractors see it: segments (one per article), sentences,
tables, and the way back from a character offset to the block and its place.

A segment holds the blocks an article owns (not its sub-articles), joined by "\\n"; the
blocks before the first article form a segment without article. Character offsets in a
segment map back to the block they fall in, so every fact keeps its place.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from clausier.model import Article, Block, Piece, Place
from review.nlp import fold, unaccent

# Quick pre-filter (on unaccented lower text): only segments that say one of these are
# given to spaCy.
# Headings and phrases of a clause that never says « insertion »: « Engagement en faveur de
# l'emploi », « Promotion de l'emploi des personnes en difficulté », « Volet social du
# marché » (not « obligations sociales et fiscales », which are the URSSAF's).
SOCIAL_EMPLOYMENT = (
    r"(?:en faveur de|promotion de|promouvoir|acces a) l'emploi|emploi des personnes"
    r"|personnes (?:eloignees|en difficulte|rencontrant des difficultes)|volet social"
    r"|engagement social|dimension sociale|clause (?:d'emploi|emploi)"
)
INSERTION_HINT = re.compile(
    r"insertion|clauses? sociales?|heures? inserees|facilitat|\biae\b|siae|"
    r"condition[s]? (?:particulieres? )?d'execution|" + SOCIAL_EMPLOYMENT
)
# A line break ends a sentence before a bullet, or before a capital or a figure unless the
# line ends with a dash, a comma or a colon: a PDF line « … ; lot 2 – » goes on with « Plâtrerie –
# isolation : 195 heures », the same item.
_SENTENCE_END = re.compile(
    # (not after « art. », « cf. », « M. », « tél. », « réf. »: « réservé SIAE, art. L2113-13 »)
    r"(?<=[.!?;])(?<!\b[Aa]rt\.)(?<!\bcf\.)(?<!\bM\.)(?<!\b[Tt]él\.)(?<!\b[Rr]éf\.)\s+(?=\S)"
    r"|\n(?=\s*[-•–*▪◦·])"
    # a new line that starts with a capital, a figure, « or an item mark « (1) » starts a
    # sentence; « (Collèges du nord) : 175 heures » after « … : lot 1 » goes on with it,
    # and so does « (160) heures » after « … réalise cent soixante »
    r"|(?<![–—,:\-])(?<![–—,:\-] )\n(?=\s*(?:[A-ZÀ-Ý0-9«]|\([0-9a-z]{1,3}\)(?!\s*(?:heures|h\b))))"
)


@dataclass
class Segment:
    piece: Piece
    article: Article | None  # the deepest article owning these blocks
    chain: tuple[Article, ...]  # the article and its ancestors, outermost first
    blocks: list[Block]
    text: str = ""
    starts: list[int] = field(default_factory=list)
    in_clause: bool = False  # inside a clause article (set by review.facts.clause)
    _norm: str | None = None
    _sentences: list[tuple[int, int]] | None = None
    _sentence_starts: list[int] = field(default_factory=list)
    _hint: bool | None = None
    _text_hint: bool | None = None

    def __post_init__(self) -> None:
        parts, pos = [], 0
        for block in self.blocks:
            self.starts.append(pos)
            parts.append(block.text)
            pos += len(block.text) + 1
        self.text = "\n".join(parts)

    @property
    def norm(self) -> str:
        """Folded text (lower case, no accents, ' for ’), same offsets as `text`: see
        `review.nlp.fold` (« œ » stays; patterns write it OE)."""
        if self._norm is None:
            self._norm = _keep_lot_letters(self.text, fold(self.text))
        return self._norm

    @property
    def text_says_insertion(self) -> bool:
        """Its own text says insertion (INSERTION_HINT): asked by every extractor, so
        computed once."""
        if self._text_hint is None:
            self._text_hint = bool(INSERTION_HINT.search(self.norm))
        return self._text_hint

    @property
    def says_insertion(self) -> bool:
        """Its text or the headings above it say insertion."""
        if self._hint is None:
            self._hint = self.text_says_insertion or bool(
                INSERTION_HINT.search(unaccent(self.headings))
            )
        return self._hint

    @property
    def article_number(self) -> str | None:
        for article in reversed(self.chain):
            if article.number:
                return article.number
        return None

    @property
    def headings(self) -> str:
        return " / ".join(a.heading for a in self.chain)

    def block_index(self, offset: int) -> int:
        """The index in `blocks` of the block holding `offset`."""
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def block_at(self, offset: int) -> Block:
        return self.blocks[self.block_index(offset)]

    def place_at(self, offset: int) -> Place | None:
        return self.block_at(offset).place if self.blocks else None

    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence-like unit: split on . ! ? ; and on line starts
        that look like a new item. Computed once: every extractor asks for them."""
        if self._sentences is None:
            self._sentences = list(_split_sentences(self.text))
            self._sentence_starts = [start for start, _ in self._sentences]
        return self._sentences

    def sentence_around(self, offset: int) -> tuple[int, int]:
        sentences = self.sentences()
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < sentences[index][1]:
            return sentences[index]
        return 0, len(self.text)


def _split_sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if text[match.start() - 1 : match.start()] == ";" and _open_bracket(text, start, match):
            continue  # « Pour le lot 1 (estimation : 380 000 € HT ; durée : 2 ans), … »
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def _open_bracket(text: str, start: int, match: re.Match) -> bool:
    """A « ; » inside a parenthesis opened shortly before in this sentence (a PDF may
    break the line inside it)."""
    before = text[max(start, match.start() - 200) : match.start()]
    return before.count("(") > before.count(")")


def excerpt(text: str, start: int, end: int, width: int = 200) -> str:
    """At most `width` characters of `text` around [start, end), on one line, with
    « … » where it is cut."""
    text = text.replace("\n", " ")
    span = end - start
    if len(text) <= width:
        return text.strip()
    room = max(width - span - 2, 0)
    left = max(start - room // 2, 0)
    right = min(left + width - 2, len(text))
    left = max(right - (width - 2), 0)
    out = text[left:right].strip()
    return ("…" if left > 0 else "") + out + ("…" if right < len(text) else "")


def segments(piece: Piece) -> list[Segment]:
    """The piece's body cut into article segments, in reading order."""
    owner: dict[int, tuple[Article, tuple[Article, ...]]] = {}

    def visit(article: Article, chain: tuple[Article, ...]) -> None:
        chain = (*chain, article)
        for block in article.blocks:
            owner[id(block)] = (article, chain)
        for child in article.children:
            visit(child, chain)

    for article in piece.articles:
        visit(article, ())

    result: list[Segment] = []
    current_key: int | None = -1
    current: list[Block] = []
    current_owner: tuple[Article, tuple[Article, ...]] | None = None
    for block in piece.blocks:
        own = owner.get(id(block))
        key = id(own[0]) if own else None
        if key != current_key and current:
            art, chain = current_owner if current_owner else (None, ())
            result.append(Segment(piece, art, chain, current))
            current = []
        current_key, current_owner = key, own
        current.append(block)
    if current:
        art, chain = current_owner if current_owner else (None, ())
        result.append(Segment(piece, art, chain, current))
    # Articles with a heading and no own block still count (e.g. "Clause sociale : sans objet").
    seen = {id(s.article) for s in result if s.article is not None}

    def empty(article: Article, chain: tuple[Article, ...]) -> None:
        chain = (*chain, article)
        if id(article) not in seen and not article.blocks:
            result.append(Segment(piece, article, chain, []))
        for child in article.children:
            empty(child, chain)

    for article in piece.articles:
        empty(article, ())
    return result


def table_rows(piece: Piece) -> dict[int, list[list[tuple[str, Place]]]]:
    """Table index -> rows -> cells (text, place of the cell's first block)."""
    cells: dict[int, dict[tuple[int, int], list[Block]]] = {}
    for block in piece.blocks:
        p = block.place
        if p.table is None:
            continue
        cells.setdefault(p.table, {}).setdefault((p.row or 0, p.cell or 0), []).append(block)
    result: dict[int, list[list[tuple[str, Place]]]] = {}
    for index, table in cells.items():
        n_rows = max(r for r, _ in table) + 1
        rows: list[list[tuple[str, Place]]] = [[] for _ in range(n_rows)]
        for (r, c), blocks in sorted(table.items()):
            row = rows[r]
            while len(row) < c:
                row.append(("", blocks[0].place))
            row.append((" ".join(b.text for b in blocks if b.text).strip(), blocks[0].place))
        result[index] = [row for row in rows if row]
    return _join_page_continuations(piece, result)


# Lines a PDF may put between the end of a table and its continuation on the next page.
_BETWEEN_PAGES = re.compile(
    r"^\s*(?:(?:page\s*)?\d+(?:\s*(?:/|sur)\s*\d+)?|\(?suite\)?.*)?\s*$", re.I
)


def _join_page_continuations(
    piece: Piece, tables: dict[int, list[list[tuple[str, Place]]]]
) -> dict[int, list[list[tuple[str, Place]]]]:
    """A PDF table cut by a page break is read as two tables: the second (on the next page,
    nothing but page furniture in between, same number of columns) continues the first;
    its first row is dropped when it repeats the header."""
    if len(tables) < 2:
        return tables
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for position, block in enumerate(piece.blocks):
        index = block.place.table
        if index is None:
            continue
        first.setdefault(index, position)
        last[index] = position
    order = sorted(tables, key=lambda i: first.get(i, 0))
    result: dict[int, list[list[tuple[str, Place]]]] = {}
    previous: int | None = None  # the table the current one may continue (in result)
    previous_last = 0  # its last block's position
    for index in order:
        rows = tables[index]
        if previous is not None and _continues(
            piece, tables, result[previous], previous_last, index, first
        ):
            header = [fold(c) for c, _ in result[previous][0]]
            body = rows[1:] if [fold(c) for c, _ in rows[0]] == header else rows
            if body and _cut_row(body[0]):
                # « Électricité courants forts » / « et faibles »: the last row of the page
                # goes on at the top of the next one
                result[previous] = result[previous][:-1] + [
                    _joined_row(result[previous][-1], body[0])
                ]
                body = body[1:]
            result[previous] = result[previous] + body
            previous_last = last[index]
            continue
        result[index] = rows
        previous, previous_last = index, last.get(index, 0)
    return result


def _cut_row(row: list[tuple[str, Place]]) -> bool:
    """A row whose first cell is empty and whose others hold words only: the rest of a
    row cut by a page break (« | et faibles | »)."""
    return (
        len(row) >= 2
        and not row[0][0].strip()
        and any(c.strip() for c, _ in row[1:])
        and not has_digit(row)
    )


def _joined_row(
    row: list[tuple[str, Place]], rest: list[tuple[str, Place]]
) -> list[tuple[str, Place]]:
    cells = list(row) + [("", place) for _, place in rest[len(row) :]]
    for index, (text, _) in enumerate(rest):
        if text.strip():
            cell, place = cells[index]
            cells[index] = (f"{cell} {text}".strip(), place)
    return cells


def _continues(
    piece: Piece,
    tables: dict[int, list[list[tuple[str, Place]]]],
    head_rows: list[list[tuple[str, Place]]],
    head_last: int,
    index: int,
    first: dict[int, int],
) -> bool:
    rows = tables[index]
    start = first.get(index)
    if start is None or not rows or not head_rows:
        return False
    end_page = piece.blocks[head_last].place.page
    start_page = piece.blocks[start].place.page
    if end_page is None or start_page != end_page + 1:
        return False
    if any(
        b.place.table is None and not _BETWEEN_PAGES.match(b.text)
        for b in piece.blocks[head_last + 1 : start]
    ):
        return False
    if max(len(r) for r in rows) != max(len(r) for r in head_rows):
        return False
    opening = [fold(c) for c, _ in rows[0]]
    if opening == [fold(c) for c, _ in head_rows[0]]:
        return True  # the header repeated at the top of the page
    if _cut_row(rows[0]):
        return True  # the end of the previous page's last row
    # A row with a figure continues the table; a row of words alone is another table's header.
    return has_digit(rows[0])


def has_digit(row: list[tuple[str, Place]]) -> bool:
    """A table row with a figure in one of its cells."""
    return any(ch.isdigit() for cell, _ in row for ch in cell)


# A lot's number: « 2 », « 2a », and a sub-lot « 3.1 » (« LOT N°3.1 – Plâtrerie », twelfth
# blind corpus), its dot followed by one or two digits that end it (« 12.500 » is no sub-lot).
LOT_NUMBER = r"\d{1,2}(?:\.\d{1,2}(?!\d|,\d))?[a-z]?"

# « lot 2 », « lot n° 03 », « lot 2a », « lot 3.1 », and lots named by a capital letter (« Lot A »,
# « LOT B : … »): the letter only as a capital standing alone, so that « le lot à
# réaliser » is no lot. Segment.norm keeps such capitals (`_keep_lot_letters`).
LOT_RE = re.compile(
    r"\blots?\s*(?:n\s*[°o]\s*|no\.?\s*|numero\s*)?(?:0*("
    + LOT_NUMBER
    + r")\b|((?-i:[A-Z]))(?![\w'’]))",
    re.I,
)
_LOT_LETTER = re.compile(r"\b[Ll][Oo][Tt][Ss]?\s*(?:[Nn]\s*[°o]\s*)?([A-Z])(?![\w'’°])")


def lot_number(match: re.Match[str]) -> str:
    """The normalised lot of a LOT_RE match."""
    return normalise_lot(match.group(1) or match.group(2))


def _keep_lot_letters(text: str, folded: str) -> str:
    """The folded text with the capital of « Lot A » kept (same offsets)."""
    if "lot" not in folded:  # most segments: one substring test
        return folded
    letters = [(m.start(1), m.group(1)) for m in _LOT_LETTER.finditer(text)]
    if not letters:
        return folded
    chars = list(folded)
    for at, letter in letters:
        chars[at] = letter
    return "".join(chars)


def lot_fold(text: str) -> str:
    """`fold` keeping the capital of « Lot A » (a label, a cell), for LOT_RE."""
    return _keep_lot_letters(text, fold(text))


def normalise_lot(text: str) -> str:
    """« 01 » → « 1 », « 2A » → « 2a », « 03.01 » → « 3.1 », « a » or « A » (a lot named by
    a letter) → « A »."""
    text = text.strip().lower()
    if re.fullmatch(r"[a-z]", text):
        return text.upper()
    match = re.fullmatch(r"0*(\d+)(?:\.0*(\d+))?([a-z]?)", text)
    if not match:
        return text
    sub_lot = "." + (match.group(2) or "0") if match.group(2) is not None else ""
    return (match.group(1) or "0") + sub_lot + match.group(3)
