"""PDF reader: page text with pypdfium2 (fast); tables from the page drawings.

Each line of text is a Block with its page. Lines repeated at the top or bottom of most
pages (running headers and footers, page numbers) are moved to `Piece.furniture`. Pages
with images but no text layer (scans) are reported (CS902). Pages with drawings are
looked at for ruled tables: borders and text positions from pypdfium2 give the cells;
pdfplumber (about a hundred times slower) is imported and used only for the pages whose
drawings are too complex for that, one page at a time, each page closed after use. Table
cells become Blocks with table/row/cell, in place of the lines they cover.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter

from clausier.model import Block, Piece, Place, Severity
from review.readers import ReadError, finding
from review.sources import SourceFile

_CONTROL = re.compile(r"[\x00-\x01\x03-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\r\f\v]+")  # ASCII runs only: U+00A0 / U+202F are kept as is
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?#(?:\s*(?:/|sur|of)\s*#)?$|^-\s*#\s*-$")  # on _key()
_EDGE_LINES = 3  # lines looked at, at the top and at the bottom of each page
_MIN_TABLE_PATHS = 4  # drawn shapes on a page before it is worth looking for a table


def clean_line(line: str) -> str:
    """One PDF line: soft hyphen markers kept as hyphens, controls dropped, runs of
    spaces collapsed."""
    line = line.replace("\x02", "-")
    line = _CONTROL.sub("", line)
    return _SPACES.sub(" ", line).strip()


# The confusions of a text layer made by character recognition (OCR) on a scanned page,
# that a reader corrects without noticing: « cIause » (capital i for l), « socia1e » (one
# for l), « lnsertion » (l for i at the start of a word), « rnarché » (rn for m), « heur es ».
_OCR_SLIPS = re.compile(
    r"(?<=[a-zà-ÿ])[I1](?=[a-zà-ÿ])|(?<=[a-zà-ÿ])0(?=[a-zà-ÿ])|\bl(?=n[a-zà-ÿ])|\brn(?=[aeiouyéè])"
    r"|\b(heur|pénalit|activit)\s(es?|és?)\b"
)


def _ocr_repair(line: str) -> str:
    def fix(match: re.Match[str]) -> str:
        found = match.group(0)
        if match.group(1):
            return match.group(1) + match.group(2)
        return {"I": "l", "1": "l", "0": "o", "l": "i", "rn": "m"}[found]

    return _OCR_SLIPS.sub(fix, line)


def _page_lines(raw: str) -> list[str]:
    """The non-empty cleaned lines of a page's text: `clean_line` on each line, with the
    replacements done once for the page (a page has forty lines)."""
    if any(c in raw for c in "\x0b\x0c\x1c\x1d\x1e"):  # controls that also break lines
        return [line for line in (clean_line(line) for line in raw.splitlines()) if line]
    raw = _CONTROL.sub("", raw.replace("\x02", "-"))
    return [line for line in (_SPACES.sub(" ", line).strip() for line in raw.splitlines()) if line]


# « … (M. Paul-Henri Lemoine2). » in the page, « 2 Courriel : p.lemoine@… » at its foot: a
# footnote, read where its mark stands (as Word's are), not after the page's last article.
_FOOTNOTE_START = re.compile(r"^(\d{1,2})\s+\S")
_FOOTNOTE_LINES = 6  # a footnote block sits in the last lines of its page
_NOT_A_MARK = re.compile(r"(?:\b[mM]|CO|DC|R\+|[A-Z])$")  # « m2 », « CO2 », « DC4 », « R+1 »


def _mark_line(lines: list[str], number: str, before: int) -> int | None:
    """The line, above the foot of the page, that carries the footnote mark `number`
    glued to a word (« Lemoine2 », « publique1 »)."""
    mark = re.compile(r"([^\W\d_]|[)»])" + number + r"(?!\d)(?=\W|$)")
    for index in range(before - 1, -1, -1):
        for match in mark.finditer(lines[index]):
            if not _NOT_A_MARK.search(lines[index][: match.start(1) + 1]):
                return index
    return None


def _footnotes_in_place(lines: list[str]) -> list[str]:
    """The page's lines with the footnotes at its foot moved right after the line that
    cites them, when each footnote's mark is found above."""
    first = max(len(lines) - _FOOTNOTE_LINES, 1)
    starts = [i for i in range(first, len(lines)) if _FOOTNOTE_START.match(lines[i])]
    if not starts:
        return lines
    start = starts[0]
    notes: list[tuple[int, list[str]]] = []  # (citing line, the note's lines)
    expected = int(_FOOTNOTE_START.match(lines[start]).group(1))
    for index in range(start, len(lines)):
        match = _FOOTNOTE_START.match(lines[index])
        if match and int(match.group(1)) == expected:
            cited = _mark_line(lines, match.group(1), start)
            if cited is None:
                return lines  # a numbered line, not a note: leave the page as it is
            notes.append((cited, [lines[index]]))
            expected += 1
        elif notes:
            notes[-1][1].append(lines[index])  # the note goes on over the next line
    result: list[str] = []
    for index, line in enumerate(lines[:start]):
        result.append(line)
        for cited, note in notes:
            if cited == index:
                result.extend(note)
    return result


def _open(data: bytes, name: str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        # PDFium's error code can be stale (it is global state): look at the file instead.
        if b"/Encrypt" in data:
            raise ReadError(
                f"{name} est un PDF protégé par un mot de passe : son texte n'a pas pu être lu.",
                "Demandez ou enregistrez une version du PDF sans mot de passe (Imprimer > "
                "Enregistrer au format PDF), puis relancez la relecture.",
            ) from error
        if re.search(rb"/Count\s+0\b", data) and not re.search(rb"/Count\s+[1-9]", data):
            raise _no_page(name) from error
        raise ReadError(
            f"{name} n'est pas un PDF lisible : le fichier est endommagé ou incomplet.",
            "Téléchargez-le de nouveau ou exportez-le de nouveau en PDF depuis son logiciel "
            "d'origine.",
        ) from error


def _no_page(name: str) -> ReadError:
    return ReadError(
        f"{name} est un PDF sans aucune page : il n'y a rien à relire.",
        "Exportez de nouveau la pièce en PDF depuis son logiciel d'origine.",
    )


def _key(line: str, page_no: int, n_pages: int) -> str:
    """The line with its page number (and the page count) blanked out, so that
    « Page 3 / 40 » and « Page 4 / 40 » compare equal but « Article 3 » and « Article 4 »
    do not."""
    text = " ".join(line.lower().split())
    return re.sub(
        r"\d+",
        lambda m: "#" if int(m.group()) in (page_no, n_pages) else m.group(),
        text,
    )


# A line that starts like a heading is never furniture, even when its number is the page's
# (one article per page: « Article 3 - … » atop page 3 looks like « Page 3 » once blanked).
_HEADING_KEY = re.compile(r"(?:article|art\.|chapitre|titre|section|partie)\s*#")


def _furniture(pages: list[list[str]]) -> set[tuple[int, int]]:
    """(page index, line index) of running headers and footers."""
    marked: set[tuple[int, int]] = set()
    with_text = [i for i, lines in enumerate(pages) if lines]
    zones: dict[str, Counter[str]] = {"top": Counter(), "bottom": Counter()}
    edges: list[tuple[int, int, str, str]] = []
    for i in with_text:
        lines = pages[i]
        n = len(lines)
        edge = min(_EDGE_LINES, max(1, n // 2))
        seen: dict[str, set[str]] = {"top": set(), "bottom": set()}
        for j in range(n):
            zone = "top" if j < edge else "bottom" if j >= n - edge else None
            if zone is None:
                continue
            key = _key(lines[j], i + 1, len(pages))
            edges.append((i, j, zone, key))
            if key not in seen[zone]:
                seen[zone].add(key)
                zones[zone][key] += 1
    threshold = max(2, math.ceil(0.5 * len(with_text)))
    for i, j, zone, key in edges:
        if _HEADING_KEY.match(key):
            continue  # « Article 3 » atop page 3, « Article 4 » atop page 4: headings
        if _PAGE_NUMBER.match(key) or (len(with_text) >= 2 and zones[zone][key] >= threshold):
            marked.add((i, j))
    return marked


def _page_objects(page, kind: int, limit: int) -> int:
    count = 0
    for _ in page.get_objects(filter=[kind], max_depth=2):
        count += 1
        if count >= limit:
            break
    return count


def _may_hold_table(page) -> bool:
    """Enough drawn shapes for a ruled table: several shapes, or one shape of many lines."""
    import pypdfium2.raw as pdfium_c

    # Raw handles, not page.get_objects(): that wraps every object of the page (text
    # runs included) in a Python object, a tenth of the reading of a page.
    count = 0
    for obj in _raw_objects(pdfium_c, page.raw):
        if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_PATH:
            count += 1
            if count >= _MIN_TABLE_PATHS or pdfium_c.FPDFPath_CountSegments(obj) >= 8:
                return True
    return False


def _raw_objects(pdfium_c, page_handle):
    """The page's objects and those of its forms, one level down (`max_depth=2`)."""
    for i in range(pdfium_c.FPDFPage_CountObjects(page_handle)):
        obj = pdfium_c.FPDFPage_GetObject(page_handle, i)
        if not obj:
            continue
        yield obj
        if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_FORM:
            for j in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
                child = pdfium_c.FPDFFormObj_GetObject(obj, j)
                if child:
                    yield child


def _describe_pages(numbers: list[int]) -> str:
    """[1, 2, 3, 7] -> « pages 1 à 3, 7 »."""
    spans: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        spans.append(f"{start}" if start == prev else f"{start} à {prev}")
        if n is not None:
            start = prev = n
    word = "page" if len(numbers) == 1 else "pages"
    return f"{word} {', '.join(spans)}"


def read_pdf(source: SourceFile) -> Piece:
    import pypdfium2.raw as pdfium_c

    data = source.read_bytes()
    piece = Piece(path=source.path, format="pdf")
    truncated = b"%%EOF" not in data[-2048:]
    pdf = _open(data, source.path)
    try:
        n_pages = len(pdf)
        piece.pages = n_pages
        if n_pages == 0:
            raise _no_page(source.path)
        pages: list[list[str]] = []
        scanned: list[int] = []
        tables: dict[int, _PageTables] = {}
        hard: list[int] = []  # pages whose drawings only pdfplumber understands
        for index in range(n_pages):
            page = pdf[index]
            try:
                # One text page per page, for the lines and for the tables (opening a page
                # and its text twice cost half of pdftotext's time on table pages).
                textpage = page.get_textpage()
                try:
                    raw = textpage.get_text_range()
                    lines = _page_lines(raw)
                    if _OCR_SLIPS.search(raw):
                        lines = [_ocr_repair(line) for line in lines]
                    if not lines:
                        if _page_objects(page, pdfium_c.FPDF_PAGEOBJ_IMAGE, 1):
                            scanned.append(index + 1)
                    elif _may_hold_table(page) and _page_tables(page, textpage, index, tables):
                        hard.append(index)
                finally:
                    textpage.close()
            finally:
                page.close()
            pages.append(lines)
        if hard:
            _plumber_tables(data, pdf, hard, tables)
    finally:
        pdf.close()

    furniture = _furniture(pages)
    table_index = 0
    for i, lines in enumerate(pages):
        kept: list[str] = []
        for j, line in enumerate(lines):
            if (i, j) in furniture:
                area = "header" if j < len(lines) / 2 else "footer"
                piece.furniture.append(Block(text=line, place=Place(page=i + 1), area=area))
            else:
                kept.append(line)
        kept = _footnotes_in_place(kept)
        if i in tables:
            table_index = _add_table_page(piece, i, kept, tables[i], table_index, furniture)
        else:
            piece.blocks.extend(Block(text=line, place=Place(page=i + 1)) for line in kept)

    if scanned:
        all_scanned = len(scanned) == n_pages
        piece.findings.append(
            finding(
                piece,
                "CS902",
                Severity.WARNING,
                f"{source.path} : {_describe_pages(scanned)} sans texte (image numérisée) : "
                + (
                    "le document n'a pas pu être relu."
                    if all_scanned
                    else "ces pages n'ont pas pu être relues."
                ),
                "Demandez la version d'origine (Word ou PDF exporté), ou passez le PDF dans un "
                "logiciel de reconnaissance de caractères (OCR) avant de relancer la relecture.",
                page=scanned[0],
            )
        )
    if truncated:
        piece.findings.append(
            finding(
                piece,
                "CS901",
                Severity.ERROR,
                f"{source.path} est un PDF incomplet (la fin du fichier manque) : le texte lu "
                "est peut-être tronqué.",
                "Téléchargez-le de nouveau ou exportez-le de nouveau en PDF depuis son logiciel "
                "d'origine.",
            )
        )
    return piece


# ---------------------------------------------------------------- tables


class _PageTables:
    """The tables found on one page, and the page's text segments around them."""

    def __init__(self, height: float, tables: list[tuple[tuple, list[list[str | None]]]]):
        self.height = height
        self.tables = tables  # (bbox (x0, top, x1, bottom) in top-down units, rows of cells)
        self.segments: list[tuple[float, float, float, float, str]] = []  # pdfium rects + text


_THIN = 3.0  # points: a drawn shape this thin is a rule (a table border)
_SNAP = 2.0  # points: borders closer than this are the same line


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > _SNAP:
            out.append(value)
    return out


def _index(value: float, bounds: list[float]) -> int | None:
    """Which interval of `bounds` (sorted) holds `value`."""
    for k in range(len(bounds) - 1):
        if bounds[k] - 1 <= value <= bounds[k + 1] + 1:
            return k
    return None


def _ruled_tables(page, segments) -> tuple[list[tuple[tuple, list[list[str]]]], bool]:
    """Tables drawn with rules (cell rectangles or border lines), read from the page's
    drawings and text with pypdfium2 only. Returns the tables and whether the drawings
    were too complex to be understood this way (then pdfplumber is asked)."""
    import pypdfium2.raw as pdfium_c

    horizontal: list[tuple[float, float, float]] = []  # y, x0, x1
    vertical: list[tuple[float, float, float]] = []  # x, y0, y1
    complex_paths = False
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        width, height = right - left, top - bottom
        if height <= _THIN < width:
            horizontal.append(((bottom + top) / 2, left, right))
        elif width <= _THIN < height:
            vertical.append(((left + right) / 2, bottom, top))
        elif width > _THIN and height > _THIN:
            if pdfium_c.FPDFPath_CountSegments(obj.raw) > 6:
                complex_paths = True  # a whole grid drawn as one shape
            horizontal += [(bottom, left, right), (top, left, right)]
            vertical += [(left, bottom, top), (right, bottom, top)]
    # Bands of the page that rules span vertically: one table per band.
    spans = sorted([(y, y) for y, _, _ in horizontal] + [(y0, y1) for _, y0, y1 in vertical])
    bands: list[list[float]] = []
    for y0, y1 in spans:
        if bands and y0 <= bands[-1][1] + _SNAP:
            bands[-1][1] = max(bands[-1][1], y1)
        else:
            bands.append([y0, y1])
    tables = []
    for low, high in bands:
        ys = _cluster([y for y, _, _ in horizontal if low - _SNAP <= y <= high + _SNAP])
        xs = _cluster([x for x, y0, y1 in vertical if y0 >= low - _SNAP and y1 <= high + _SNAP])
        if len(ys) < 3 or len(xs) < 3:
            continue  # a frame or a rule, not a table of at least 2 × 2 cells
        rows_top_down = list(reversed(ys))
        cells: dict[tuple[int, int], list[str]] = {}
        for left, bottom, right, top, text in segments:
            cx, cy = (left + right) / 2, (bottom + top) / 2
            if not (xs[0] - 1 <= cx <= xs[-1] + 1 and ys[0] - 1 <= cy <= ys[-1] + 1):
                continue
            column = _index(cx, xs)
            row = _index(-cy, [-y for y in rows_top_down])
            if column is not None and row is not None:
                cells.setdefault((row, column), []).append(text)
        rows = [
            [" ".join(cells.get((r, c), [])) for c in range(len(xs) - 1)]
            for r in range(len(ys) - 1)
        ]
        tables.append(((xs[0], ys[0], xs[-1], ys[-1]), rows))  # x0, bottom, x1, top
    return tables, complex_paths


def _segments(textpage) -> list[tuple[float, float, float, float, str]]:
    """The page's text runs with their rectangles (PDF units, bottom-up)."""
    segments = []
    for r in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(r)
        text = clean_line(textpage.get_text_bounded(left, bottom, right, top))
        if text:
            segments.append((left, bottom, right, top, text))
    return segments


def _page_tables(page, textpage, index: int, found: dict[int, _PageTables]) -> bool:
    """The ruled tables of an open page (0-based `index`), read from its drawings with
    pypdfium2, into `found`. True when the drawings are too complex for that: pdfplumber
    (slow, imported only then) is asked afterwards for such pages, one at a time."""
    segments = _segments(textpage)
    tables, complex_paths = _ruled_tables(page, segments)
    if not tables:
        return complex_paths
    height = page.get_height()
    top_down = [
        ((x0, height - top, x1, height - bottom), rows) for (x0, bottom, x1, top), rows in tables
    ]
    found[index] = _PageTables(height, top_down)
    found[index].segments = segments
    return False


def _plumber_tables(data: bytes, pdf, page_indices: list[int], found: dict) -> None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data), pages=[i + 1 for i in page_indices]) as doc:
        for index, page in zip(page_indices, doc.pages, strict=False):
            try:
                tables = [(t.bbox, t.extract()) for t in page.find_tables()]
                # A « table » of one row or one column is a frame, not a table.
                tables = [
                    (bbox, rows)
                    for bbox, rows in tables
                    if len(rows) >= 2 and max((len(r) for r in rows), default=0) >= 2
                ]
                if tables:
                    found[index] = _PageTables(float(page.height), tables)
            finally:
                page.close()
    for index in page_indices:
        if index in found:
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    found[index].segments = _segments(textpage)
                finally:
                    textpage.close()
            finally:
                page.close()


def _add_table_page(
    piece: Piece,
    index: int,
    kept: list[str],
    info: _PageTables,
    table_index: int,
    furniture: set[tuple[int, int]],
) -> int:
    """Lines outside the tables, and each table's cells, in top-to-bottom order."""
    page_no = index + 1
    furniture_texts = {b.text for b in piece.furniture if b.place.page == page_no}
    # (top in top-down units, order, block-or-table)
    items: list[tuple[float, int, object]] = []
    lines: list[tuple[float, float, str]] = []  # top-down y, x, text of segments outside tables
    for left, bottom, right, top, text in info.segments:
        y_center = info.height - (bottom + top) / 2
        x_center = (left + right) / 2
        inside = any(
            x0 - 1 <= x_center <= x1 + 1 and t0 - 1 <= y_center <= b0 + 1
            for (x0, t0, x1, b0), _ in info.tables
        )
        if not inside:
            lines.append((info.height - top, left, text))
    # Segments on the same line are joined, left to right.
    lines.sort()
    merged: list[tuple[float, str]] = []
    current: list[tuple[float, float, str]] = []
    for y, x, text in lines:
        if current and abs(y - current[0][0]) > 3:
            merged.append(
                (current[0][0], " ".join(t for _, _, t in sorted(current, key=lambda s: s[1])))
            )
            current = []
        current.append((y, x, text))
    if current:
        merged.append(
            (current[0][0], " ".join(t for _, _, t in sorted(current, key=lambda s: s[1])))
        )
    for order, (y, text) in enumerate(merged):
        if text not in furniture_texts:
            items.append((y, order, Block(text=text, place=Place(page=page_no))))
    for order, (bbox, rows) in enumerate(info.tables):
        items.append((bbox[1], 10_000 + order, rows))
    items.sort(key=lambda item: (item[0], item[1]))
    if not merged and not items:
        piece.blocks.extend(Block(text=line, place=Place(page=page_no)) for line in kept)
        return table_index
    for _, _, item in items:
        if isinstance(item, Block):
            piece.blocks.append(item)
            continue
        for r, row in enumerate(item):
            for c, cell in enumerate(row):
                text = clean_line(" ".join((cell or "").split("\n")))
                if text:
                    piece.blocks.append(
                        Block(
                            text=text,
                            place=Place(page=page_no, table=table_index, row=r, cell=c),
                        )
                    )
        table_index += 1
    return table_index
