"""Word (.docx) reader: lxml straight on the package XML.

Reads the body in reading order (paragraphs, with table-cell paragraphs in place), the
displayed automatic numbers computed from numbering.xml (not stored in the text), styles
and outline levels. Text boxes and foot- or endnotes are read in place, as blocks of their
own (area "textbox", "footnote") right after the paragraph that anchors or cites them:
what an « encadré » or a note says belongs to the article it stands in (a facilitator's
contact in a box, a decree cited in a note). Headers, footers, comments and notes that
nothing cites stay apart (`Piece.furniture`). Tracked changes are read as they will read once accepted (insertions
kept, deletions dropped).

Paragraph index (`Place.paragraph`): the 0-based position of the `w:p` among all `w:p`
of `w:body` in document order, text boxes excluded — i.e.
``body.xpath('.//w:p[not(ancestor::w:txbxContent)]')`` — empty paragraphs included.
"""

from __future__ import annotations

import hashlib
import re
import threading
import zipfile
from collections import OrderedDict
from dataclasses import dataclass, field

from lxml import etree

from clausier.model import Block, Piece, Place
from review import budget
from review.readers import paragraph_place, revision_findings
from review.readers.xmlsafe import (
    bounded_int,
    open_package,
    parse,
    parse_part,
    read_part,
    required_part,
)
from review.sources import SourceFile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
VAL = W + "val"

# Inline containers whose runs are part of the paragraph's visible text.
_INLINE_CONTAINERS = {
    W + "hyperlink",
    W + "ins",
    W + "moveTo",
    W + "smartTag",
    W + "fldSimple",
    W + "customXml",
    W + "sdt",
    W + "sdtContent",
    W + "bdo",
    W + "dir",
}
_DELETED = {W + "del", W + "moveFrom"}
_CHANGE_TAGS = (
    W + "ins",
    W + "del",
    W + "moveFrom",
    W + "moveTo",
    W + "rPrChange",
    W + "pPrChange",
    W + "sectPrChange",
    W + "tblPrChange",
    W + "trPrChange",
    W + "tcPrChange",
    W + "cellIns",
    W + "cellDel",
)


def _on(element: etree._Element | None) -> bool | None:
    """Value of a Word toggle property (<w:b/>, <w:b w:val="0"/>), None when absent."""
    if element is None:
        return None
    return element.get(VAL, "true").lower() not in ("0", "false", "off", "none")


# ---------------------------------------------------------------- styles


@dataclass
class _Style:
    name: str
    based_on: str | None
    outline: int | None
    num_id: str | None
    ilvl: int | None
    bold: bool | None


class Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        if root is None:
            return
        for style in root.iter(W + "style"):
            style_id = style.get(W + "styleId")
            if not style_id:
                continue
            name_el = style.find(W + "name")
            based = style.find(W + "basedOn")
            ppr = style.find(W + "pPr")
            outline = num_id = ilvl = None
            if ppr is not None:
                lvl = ppr.find(W + "outlineLvl")
                if lvl is not None and lvl.get(VAL, "").isdigit():
                    outline = int(lvl.get(VAL))
                num_pr = ppr.find(W + "numPr")
                if num_pr is not None:
                    nid = num_pr.find(W + "numId")
                    il = num_pr.find(W + "ilvl")
                    num_id = nid.get(VAL) if nid is not None else None
                    ilvl = (
                        int(il.get(VAL)) if il is not None and il.get(VAL, "").isdigit() else None
                    )
            rpr = style.find(W + "rPr")
            bold = _on(rpr.find(W + "b")) if rpr is not None else None
            self.styles[style_id] = _Style(
                name=_display_name(name_el.get(VAL) if name_el is not None else style_id),
                based_on=based.get(VAL) if based is not None else None,
                outline=outline,
                num_id=num_id,
                ilvl=ilvl,
                bold=bold,
            )
            if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true"):
                self.default_paragraph = style_id

    def chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = style.based_on

    def name(self, style_id: str | None) -> str | None:
        style = self.styles.get(style_id or "")
        return style.name if style else style_id

    def outline(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            if style.outline is not None:
                return style.outline
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        for style in self.chain(style_id):
            if style.num_id is not None:
                return style.num_id, style.ilvl
        return None, None

    def bold(self, style_id: str | None) -> bool:
        for style in self.chain(style_id):
            if style.bold is not None:
                return style.bold
        return False


# The AEs of a DCE share one Word template: its styles.xml (300 KB is common, three
# quarters of reading a one-page AE) is parsed once per content (sha256) and per process.
# Styles is never changed after it is built. The reading budget is still charged, as if
# the part were parsed again (`_charge_as_parsed`).
_STYLES_CACHE: OrderedDict[bytes, tuple[Styles, etree._Element]] = OrderedDict()
_STYLES_CACHE_SIZE = 8
_STYLES_LOCK = threading.Lock()


def read_styles(archive: zipfile.ZipFile, piece: str) -> Styles:
    """The styles of a Word package, from the cache when the same styles.xml was read."""
    data = read_part(archive, "word/styles.xml", piece)
    if data is None:
        return Styles(None)
    key = hashlib.sha256(data).digest()
    with _STYLES_LOCK:
        hit = _STYLES_CACHE.get(key)
        if hit is not None:
            _STYLES_CACHE.move_to_end(key)
    if hit is not None:
        _charge_as_parsed(data, piece, hit[1])
        return hit[0]
    root = parse(data, piece)
    styles = Styles(root)
    with _STYLES_LOCK:
        _STYLES_CACHE[key] = (styles, root)
        while len(_STYLES_CACHE) > _STYLES_CACHE_SIZE:
            _STYLES_CACHE.popitem(last=False)
    return styles


def _charge_as_parsed(data: bytes, piece: str, root: etree._Element) -> None:
    """What `xmlsafe.parse` charges to the reading budget for `data` (tree already built)."""
    account = budget.current()
    if account is None:
        return
    account.charge_elements(budget.count_elements(data), piece)
    if account.characters + len(data) > account.limits.max_characters:
        account.check_characters(sum(len(t) for t in root.itertext()), piece)


_BUILTIN_HEADING = re.compile(r"^heading (\d)$")


def _display_name(name: str) -> str:
    """Word stores built-in names in lower case ("heading 1"); show them as Word does."""
    match = _BUILTIN_HEADING.match(name)
    if match:
        return f"Heading {match.group(1)}"
    return {"title": "Title", "subtitle": "Subtitle", "normal": "Normal"}.get(name, name)


_HEADING_NAME = re.compile(r"^(?:heading|titre|title)\s*(\d)$", re.IGNORECASE)


def style_level(name: str | None) -> int | None:
    if not name:
        return None
    match = _HEADING_NAME.match(name.strip())
    return int(match.group(1)) if match else None


# ---------------------------------------------------------------- numbering


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # 1-based level after which it restarts; 0 = never
    legal: bool = False
    pstyle: str | None = None


def _parse_level(lvl: etree._Element) -> _Level:
    def val(tag: str) -> str | None:
        el = lvl.find(W + tag)
        return el.get(VAL) if el is not None else None

    start = val("start")
    restart = val("lvlRestart")
    return _Level(
        start=bounded_int(start, 1),
        fmt=val("numFmt") or "decimal",
        text=val("lvlText") or "",
        restart=int(restart) if restart and restart.isdigit() else None,
        legal=_on(lvl.find(W + "isLgl")) or False,
        pstyle=val("pStyle"),
    )


@dataclass
class _Num:
    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, _Level] = field(default_factory=dict)


class Numbering:
    """Computes the number Word displays in front of each numbered paragraph."""

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.style_links: dict[str, str] = {}  # abstract id -> numStyleLink style id
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        self.styles = styles
        if root is None:
            return
        for abstract in root.iter(W + "abstractNum"):
            aid = abstract.get(W + "abstractNumId")
            self.abstracts[aid] = {
                int(lvl.get(W + "ilvl", "0")): _parse_level(lvl) for lvl in abstract.iter(W + "lvl")
            }
            link = abstract.find(W + "numStyleLink")
            if link is not None:
                self.style_links[aid] = link.get(VAL)
        for num in root.iter(W + "num"):
            nid = num.get(W + "numId")
            aid_el = num.find(W + "abstractNumId")
            if nid is None or aid_el is None:
                continue
            entry = _Num(abstract=aid_el.get(VAL))
            for override in num.iter(W + "lvlOverride"):
                ilvl = int(override.get(W + "ilvl", "0"))
                start = override.find(W + "startOverride")
                if start is not None and start.get(VAL, "").lstrip("-").isdecimal():
                    entry.start_overrides[ilvl] = bounded_int(start.get(VAL), 1)
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    entry.level_overrides[ilvl] = _parse_level(lvl)
            self.nums[nid] = entry

    def _abstract_id(self, num_id: str, depth: int = 0) -> str | None:
        num = self.nums.get(num_id)
        if num is None:
            return None
        aid = num.abstract
        # A list defined by a numbering style points to the style's own list.
        if aid in self.style_links and depth < 3:
            linked_num, _ = self.styles.numbering(self.style_links[aid])
            if linked_num and linked_num != num_id:
                return self._abstract_id(linked_num, depth + 1) or aid
        return aid

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        aid = self._abstract_id(num_id)
        for ilvl, level in self.abstracts.get(aid or "", {}).items():
            if style_id and level.pstyle == style_id:
                return ilvl
        return 0

    def _levels(self, num_id: str, aid: str) -> dict[int, _Level]:
        levels = dict(self.abstracts.get(aid, {}))
        num = self.nums[num_id]
        for ilvl, level in num.level_overrides.items():
            levels[ilvl] = level
        for ilvl, start in num.start_overrides.items():
            base = levels.get(ilvl, _Level())
            levels[ilvl] = _Level(start, base.fmt, base.text, base.restart, base.legal, base.pstyle)
        return levels

    def next(self, num_id: str, ilvl: int) -> str | None:
        """Advance the list `num_id` at level `ilvl`; the displayed number, or None for a
        bullet or an unknown list."""
        if num_id in ("", "0") or num_id not in self.nums:
            return None
        aid = self._abstract_id(num_id)
        if aid is None:
            return None
        levels = self._levels(num_id, aid)
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(aid, {})
        if num_id not in self.started:
            # A list instance that overrides its start restarts those levels.
            self.started.add(num_id)
            for overridden in self.nums[num_id].start_overrides:
                counters.pop(overridden, None)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [d for d in counters if d > ilvl]:
            restart = levels.get(deeper, _Level()).restart
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        if level.fmt == "bullet":
            return None
        text = level.text

        def replace(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            lvl = levels.get(k, _Level())
            value = counters.get(k, lvl.start)
            fmt = "decimal" if level.legal and k != ilvl else lvl.fmt
            return format_number(value, fmt)

        return re.sub(r"%(\d)", replace, text).strip() or None


_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def roman(value: int) -> str:
    out = []
    for amount, letters in _ROMAN:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


def format_number(value: int, fmt: str) -> str:
    """`value` written as Word or ODT numbers it; decimal beyond what roman numerals and
    letters write (3999, 780: they would make strings of any length)."""
    if fmt in ("upperRoman", "lowerRoman") and not 0 < value < 4000:
        fmt = "decimal"
    if fmt in ("upperLetter", "lowerLetter") and not 0 < value <= 780:
        fmt = "decimal"
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("upperRoman", "lowerRoman"):
        text = roman(value)
        return text.upper() if fmt == "upperRoman" else text
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "ordinal":
        return f"{value}er" if value == 1 else f"{value}e"
    if fmt == "none":
        return ""
    return str(value)


# ---------------------------------------------------------------- text


class _Reader:
    def __init__(self, piece: Piece, styles: Styles, numbering: Numbering) -> None:
        self.piece = piece
        self.styles = styles
        self.numbering = numbering
        self.paragraph = 0
        self.table = 0
        self.first_change: int | None = None
        self.first_comment: int | None = None
        # (reference tag, note id) -> the note's element, taken when first cited
        self.notes: dict[tuple[str, str | None], etree._Element] = {}

    # A paragraph's visible text, bold state, and the text boxes and notes met on the way.
    def paragraph_text(
        self, p: etree._Element
    ) -> tuple[str, bool, list[tuple[str, etree._Element]]]:
        parts: list[str] = []
        boxes: list[tuple[str, etree._Element]] = []
        runs = [0, 0]  # runs with text, bold runs with text

        def run(r: etree._Element) -> None:
            rpr = r.find(W + "rPr")
            if rpr is not None and _on(rpr.find(W + "vanish")):
                return  # hidden text is neither shown nor printed
            bold = _on(rpr.find(W + "b")) if rpr is not None else None
            start = len(parts)
            for child in r:
                tag = child.tag
                if tag == W + "t":
                    parts.append(child.text or "")
                elif tag == W + "tab" or tag == W + "ptab":
                    parts.append("\t")
                elif tag == W + "br":
                    if child.get(W + "type") not in ("page", "column"):
                        parts.append(" ")
                elif tag == W + "cr":
                    parts.append(" ")
                elif tag == W + "noBreakHyphen":
                    parts.append("-")
                elif tag in (W + "drawing", W + "pict", W + "object", MC + "AlternateContent"):
                    boxes.extend(("textbox", box) for box in _text_boxes(child))
                elif tag in (W + "footnoteReference", W + "endnoteReference"):
                    note = self.notes.pop((tag, child.get(W + "id")), None)
                    if note is not None:  # each note once, where it is first cited
                        boxes.append(("footnote", note))
                elif tag == W + "commentReference" and self.first_comment is None:
                    self.first_comment = self.paragraph
            if any(parts[start:]):
                runs[0] += 1
                if bold is True:
                    runs[1] += 1

        def visit(el: etree._Element) -> None:
            for child in el:
                tag = child.tag
                if tag == W + "r":
                    run(child)
                elif tag in _DELETED:
                    self._change()
                elif tag in _INLINE_CONTAINERS:
                    if tag in (W + "ins", W + "moveTo"):
                        self._change()
                    visit(child)
                elif tag == MC + "AlternateContent":
                    choice = child.find(MC + "Choice")
                    if choice is not None:
                        visit(choice)
                elif tag == W + "commentRangeStart" and self.first_comment is None:
                    self.first_comment = self.paragraph

        visit(p)
        all_bold = runs[0] > 0 and runs[1] == runs[0]
        return "".join(parts), all_bold, boxes

    def _change(self) -> None:
        if self.first_change is None:
            self.first_change = self.paragraph

    def add_paragraph(self, p: etree._Element, cell: tuple[int, int, int] | None) -> None:
        ppr = p.find(W + "pPr")
        style_id = num_id = None
        ilvl: int | None = None
        outline: int | None = None
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            style_id = ps.get(VAL) if ps is not None else None
            ol = ppr.find(W + "outlineLvl")
            if ol is not None and ol.get(VAL, "").isdigit():
                outline = int(ol.get(VAL))
            num_pr = ppr.find(W + "numPr")
            if num_pr is not None:
                nid = num_pr.find(W + "numId")
                il = num_pr.find(W + "ilvl")
                num_id = nid.get(VAL) if nid is not None else None
                if il is not None and il.get(VAL, "").isdigit():
                    ilvl = int(il.get(VAL))
        style_id = style_id or self.styles.default_paragraph
        if num_id is None:
            num_id, style_ilvl = self.styles.numbering(style_id)
            if num_id is not None and ilvl is None:
                ilvl = (
                    style_ilvl
                    if style_ilvl is not None
                    else self.numbering.level_for_style(num_id, style_id)
                )
        if outline is None:
            outline = self.styles.outline(style_id)
        text, bold, boxes = self.paragraph_text(p)
        number = None
        if num_id is not None and text.strip():
            # An empty numbered paragraph still advances Word's counter only when shown;
            # Word skips empty ones in practice for headings, so do we.
            number = self.numbering.next(num_id, ilvl or 0)
        name = self.styles.name(style_id)
        level = outline + 1 if outline is not None and outline < 9 else style_level(name)
        if text.strip():
            self.piece.blocks.append(
                Block(
                    text=text,
                    place=paragraph_place(self.paragraph, cell),
                    style=name,
                    level=level,
                    number=number,
                    bold=bold or self.styles.bold(style_id),
                )
            )
        for area, box in boxes:
            for block in furniture_blocks(box, area, self.styles):
                block.place = paragraph_place(self.paragraph, cell)
                self.piece.blocks.append(block)
        self.paragraph += 1

    def add_table(self, tbl: etree._Element) -> None:
        index = self.table
        self.table += 1
        for r, tr in enumerate(tbl.iterchildren(W + "tr")):
            column = 0
            for tc in _cells(tr):
                span_el = tc.find(f"{W}tcPr/{W}gridSpan")
                span = (
                    int(span_el.get(VAL))
                    if span_el is not None and span_el.get(VAL, "").isdigit()
                    else 1
                )
                self.walk(tc, (index, r, column))
                column += max(span, 1)

    def walk(self, container: etree._Element, cell: tuple[int, int, int] | None = None) -> None:
        for child in container:
            tag = child.tag
            if tag == W + "p":
                self.add_paragraph(child, cell)
            elif tag == W + "tbl":
                self.add_table(child)
            elif tag in (W + "sectPr", W + "tcPr", W + "tblPr", W + "tblGrid", W + "trPr"):
                continue
            elif tag in _DELETED:
                self._change()
                self.skip_paragraphs(child)
            elif tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                if choice is not None:
                    self.walk(choice, cell)
            elif isinstance(tag, str):
                self.walk(child, cell)  # w:sdt, w:sdtContent, w:customXml, w:ins …

    def skip_paragraphs(self, container: etree._Element) -> None:
        """Paragraphs deleted as a whole still count in the paragraph index."""
        for _ in container.iter(W + "p"):
            self.paragraph += 1


def _cells(tr: etree._Element):
    for child in tr:
        if child.tag == W + "tc":
            yield child
        elif child.tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if content is not None:
                yield from (c for c in content if c.tag == W + "tc")


def _text_boxes(element: etree._Element) -> list[etree._Element]:
    """Text box contents under a drawing, outside the duplicate mc:Fallback copies."""
    boxes = []
    for box in element.iter(W + "txbxContent"):
        if any(a.tag == MC + "Fallback" for a in box.iterancestors()):
            continue
        boxes.append(box)
    return boxes


def furniture_blocks(container: etree._Element, area: str, styles: Styles) -> list[Block]:
    """Blocks of a header, footer, note, comment or text box (their own reading order)."""
    piece = Piece(path="", format="docx")
    reader = _Reader(piece, styles, Numbering(None, styles))
    reader.walk(container)
    for block in piece.blocks:
        block.area = area
        block.place = Place()
        block.number = None
    return [*piece.blocks, *piece.furniture]


# ---------------------------------------------------------------- the reader


def _relationships(archive: zipfile.ZipFile, name: str) -> dict[str, tuple[str, str]]:
    """rId -> (type suffix, part name) for the part `name` (e.g. word/document.xml)."""
    folder, _, base = name.rpartition("/")
    root = parse_part(archive, f"{folder}/_rels/{base}.rels")
    rels: dict[str, tuple[str, str]] = {}
    if root is None:
        return rels
    for rel in root.iter(REL + "Relationship"):
        if rel.get("TargetMode") == "External":
            continue  # never followed
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}"
        rels[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], _normpath(part))
    return rels


def _normpath(part: str) -> str:
    out: list[str] = []
    for segment in part.split("/"):
        if segment == "..":
            if out:
                out.pop()
        elif segment not in ("", "."):
            out.append(segment)
    return "/".join(out)


def _notes(archive: zipfile.ZipFile, path: str) -> dict[tuple[str, str | None], etree._Element]:
    """Foot- and endnotes by the tag and id that cite them, separators left out."""
    notes: dict[tuple[str, str | None], etree._Element] = {}
    for part, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
        root = parse_part(archive, part, path)
        if root is None:
            continue
        for note in root.iter(W + tag):
            if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            notes[(W + tag + "Reference", note.get(W + "id"))] = note
    return notes


def read_docx(source: SourceFile) -> Piece:
    piece = Piece(path=source.path, format=source.format or "docx")
    archive = open_package(
        source,
        f"{source.path} est endommagé : ce n'est pas un document Word lisible.",
        "Ouvrez-le dans Word et enregistrez-le de nouveau, ou demandez une copie intacte.",
    )
    with archive:
        document = required_part(
            archive,
            "word/document.xml",
            source.path,
            f"{source.path} n'est pas un document Word complet (partie principale absente).",
            "Ouvrez-le dans Word et enregistrez-le de nouveau au format .docx.",
        )
        styles = read_styles(archive, source.path)
        numbering = Numbering(parse_part(archive, "word/numbering.xml", source.path), styles)
        body = document.find(W + "body")
        reader = _Reader(piece, styles, numbering)
        reader.notes = _notes(archive, source.path)
        if body is not None:
            reader.walk(body)
        piece.paragraphs = reader.paragraph
        piece.has_tracked_changes = next(document.iter(*_CHANGE_TAGS), None) is not None

        rels = _relationships(archive, "word/document.xml")
        for kind, part in sorted(rels.values(), key=lambda item: (item[0], item[1])):
            area = {"header": "header", "footer": "footer"}.get(kind)
            if area is None:
                continue
            root = parse_part(archive, part, source.path)
            if root is not None:
                piece.furniture.extend(furniture_blocks(root, area, styles))
                if next(root.iter(W + "ins", W + "del"), None) is not None:
                    piece.has_tracked_changes = True
        for note in reader.notes.values():  # cited nowhere in the body
            piece.furniture.extend(furniture_blocks(note, "footnote", styles))
        comments = parse_part(archive, "word/comments.xml", source.path)
        if comments is not None:
            for comment in comments.iter(W + "comment"):
                piece.has_comments = True
                piece.furniture.extend(furniture_blocks(comment, "comment", styles))
        if reader.first_comment is not None:
            piece.has_comments = True
    revision_findings(piece, reader.first_change, reader.first_comment)
    return piece
