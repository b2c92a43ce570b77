"""OpenDocument text (.odt) reader: lxml on content.xml and styles.xml.

Reads headings (text:h with their outline level), paragraphs, lists (with their numbers
as far as the list styles say) and tables in place. Tracked changes are read as
accepted (deleted text lives apart, in text:tracked-changes, and is skipped). Notes and
text boxes are read in place, as blocks of their own (area "footnote", "textbox") right
after the paragraph that holds them, as in the Word reader; comments (office:annotation)
and the page headers and footers of styles.xml go to `Piece.furniture`.

Paragraph index: the 0-based position of the text:p / text:h among those of office:text
in document order, leaving out the ones inside annotations, notes, text boxes (draw:frame)
and text:tracked-changes.
"""

from __future__ import annotations

from lxml import etree

from clausier.model import Block, Piece, Place
from review.readers import paragraph_place, revision_findings
from review.readers.docx import format_number
from review.readers.xmlsafe import (
    MAX_REPEAT,
    bounded_int,
    open_package,
    parse_part,
    required_part,
)
from review.sources import SourceFile

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"

_SKIPPED = {
    TEXT + "tracked-changes",
    TEXT + "sequence-decls",
    TEXT + "variable-decls",
    TEXT + "user-field-decls",
    OFFICE + "forms",
    TEXT + "soft-page-break",
}
_ODF_FORMATS = {
    "1": "decimal",
    "a": "lowerLetter",
    "A": "upperLetter",
    "i": "lowerRoman",
    "I": "upperRoman",
}


def decode_style_name(name: str) -> str:
    """ODF escapes spaces in style names: « Heading_20_1 » -> « Heading 1 »."""
    return name.replace("_20_", " ")


class _Styles:
    def __init__(self, roots: list[etree._Element]) -> None:
        self.parent: dict[str, str] = {}
        self.display: dict[str, str] = {}
        self.bold: dict[str, bool] = {}
        self.lists: dict[str, dict[int, dict[str, str]]] = {}
        self.outline: dict[int, dict[str, str]] = {}
        for root in roots:
            for style in root.iter(STYLE + "style"):
                name = style.get(STYLE + "name")
                if not name:
                    continue
                if style.get(STYLE + "parent-style-name"):
                    self.parent[name] = style.get(STYLE + "parent-style-name")
                self.display[name] = style.get(STYLE + "display-name") or decode_style_name(name)
                props = style.find(STYLE + "text-properties")
                if props is not None and props.get(FO + "font-weight"):
                    self.bold[name] = props.get(FO + "font-weight") in ("bold", "700", "800", "900")
            for list_style in root.iter(TEXT + "list-style"):
                self.lists[list_style.get(STYLE + "name", "")] = _levels(list_style)
            for outline in root.iter(TEXT + "outline-style"):
                self.outline = _levels(outline)

    def name(self, style: str | None) -> str | None:
        """The author's style name: automatic styles (P1, P2 …) stand for their parent."""
        seen = set()
        while style and style not in seen:
            seen.add(style)
            if style in self.display and not _automatic(style):
                return self.display[style]
            if style not in self.parent:
                return self.display.get(style, decode_style_name(style))
            style = self.parent[style]
        return None

    def is_bold(self, style: str | None) -> bool:
        seen = set()
        while style and style not in seen:
            seen.add(style)
            if style in self.bold:
                return self.bold[style]
            style = self.parent.get(style)
        return False


def _automatic(name: str) -> bool:
    return len(name) <= 4 and name[:1] in "PTL" and name[1:].isdigit()


def _levels(element: etree._Element) -> dict[int, dict[str, str]]:
    levels: dict[int, dict[str, str]] = {}
    for child in element:
        level = child.get(TEXT + "level")
        if level is None or not level.isdigit():
            continue
        if child.tag in (TEXT + "list-level-style-number", TEXT + "outline-level-style"):
            levels[int(level)] = {
                "format": child.get(STYLE + "num-format", ""),
                "prefix": child.get(STYLE + "num-prefix", ""),
                "suffix": child.get(STYLE + "num-suffix", ""),
                "display": child.get(TEXT + "display-levels", "1"),
                "start": child.get(TEXT + "start-value", "1"),
            }
        else:  # bullets and images: no number
            levels[int(level)] = {"format": ""}
    return levels


def _render(levels: dict[int, dict[str, str]], counters: dict[int, int], level: int) -> str | None:
    spec = levels.get(level)
    if not spec or not spec.get("format"):
        return None
    shown = bounded_int(spec.get("display"), 1, high=10)
    parts = []
    for k in range(max(1, level - shown + 1), level + 1):
        fmt = _ODF_FORMATS.get(levels.get(k, {}).get("format", "1"), "decimal")
        parts.append(format_number(counters.get(k, 1), fmt))
    return f"{spec.get('prefix', '')}{'.'.join(parts)}{spec.get('suffix', '')}".strip() or None


class _Reader:
    def __init__(self, piece: Piece, styles: _Styles) -> None:
        self.piece = piece
        self.styles = styles
        self.paragraph = 0
        self.table = 0
        self.outline_counters: dict[int, int] = {}
        self.list_counters: dict[str, dict[int, int]] = {}  # list style -> level -> n
        self.first_change: int | None = None
        self.first_comment: int | None = None
        self.furniture_area: str | None = None  # set while reading headers, notes …
        self.in_place: list[Block] = []  # notes and boxes of the paragraph being read

    # ------------------------------------------------------------ inline text

    def text_of(self, element: etree._Element) -> str:
        parts = [element.text or ""]
        for child in element:
            tag = child.tag
            if tag == TEXT + "s":
                parts.append(" " * bounded_int(child.get(TEXT + "c"), 1, high=MAX_REPEAT))
            elif tag == TEXT + "tab":
                parts.append("\t")
            elif tag == TEXT + "line-break":
                parts.append(" ")
            elif tag == TEXT + "note":
                body = child.find(TEXT + "note-body")
                if body is not None:
                    self.aside(body, "footnote")
            elif tag == OFFICE + "annotation":
                self.piece.has_comments = True
                if self.first_comment is None:
                    self.first_comment = self.paragraph
                self.aside(child, "comment")
            elif tag in (TEXT + "change", TEXT + "change-start", TEXT + "change-end"):
                if self.first_change is None:
                    self.first_change = self.paragraph
            elif tag == DRAW + "frame" or tag.startswith(DRAW):
                for box in child.iter(DRAW + "text-box"):
                    self.aside(box, "textbox")
            elif tag in (TEXT + "number", OFFICE + "annotation-end", TEXT + "bookmark-ref"):
                pass
            elif isinstance(tag, str):
                parts.append(self.text_of(child))
            parts.append(child.tail or "")
        return "".join(parts).replace("\n", " ")

    def aside(self, container: etree._Element, area: str) -> None:
        """Comments go to the furniture; notes and text boxes wait to be placed after the
        paragraph that holds them (`place_asides`)."""
        reader = _Reader(Piece(path="", format="odt"), self.styles)
        reader.walk(container)
        for block in reader.piece.blocks:
            block.area, block.place, block.number = area, Place(), None
        if area == "comment":
            self.piece.furniture.extend(reader.piece.blocks)
        else:
            self.in_place.extend(reader.piece.blocks)
        self.piece.furniture.extend(reader.piece.furniture)
        self.piece.has_comments |= reader.piece.has_comments

    def place_asides(self, paragraph: int, cell: tuple[int, int, int] | None) -> None:
        for block in self.in_place:
            block.place = paragraph_place(paragraph, cell)
            self.piece.blocks.append(block)
        self.in_place = []

    # ------------------------------------------------------------ blocks

    def add_paragraph(
        self,
        element: etree._Element,
        cell: tuple[int, int, int] | None,
        number: str | None = None,
    ) -> None:
        style = element.get(TEXT + "style-name")
        level = None
        if element.tag == TEXT + "h":
            raw = element.get(TEXT + "outline-level", "1")
            level = bounded_int(raw, 1, high=10, low=1)  # ODF outline levels: 1 to 10
            explicit = element.find(TEXT + "number")
            if explicit is not None and (explicit.text or "").strip():
                number = explicit.text.strip()
            elif number is None and self.styles.outline:
                self.outline_counters[level] = self.outline_counters.get(level, 0) + 1
                for deeper in [d for d in self.outline_counters if d > level]:
                    del self.outline_counters[deeper]
                number = _render(self.styles.outline, self.outline_counters, level)
        text = self.text_of(element)
        if text.strip():
            self.piece.blocks.append(
                Block(
                    text=text,
                    place=paragraph_place(self.paragraph, cell),
                    style=self.styles.name(style),
                    level=level,
                    number=number,
                    bold=self.styles.is_bold(style),
                )
            )
        self.place_asides(self.paragraph, cell)
        self.paragraph += 1

    def add_list(
        self,
        element: etree._Element,
        cell: tuple[int, int, int] | None,
        depth: int = 1,
        style: str | None = None,
    ) -> None:
        style = element.get(TEXT + "style-name") or style or ""
        levels = self.styles.lists.get(style, {})
        if (
            depth == 1
            and element.get(TEXT + "continue-numbering") != "true"
            and not element.get(TEXT + "continue-list")
        ):
            self.list_counters[style] = {}
        counters = self.list_counters.setdefault(style, {})
        for item in element:
            if item.tag not in (TEXT + "list-item", TEXT + "list-header"):
                continue
            number = None
            has_paragraph = any(c.tag in (TEXT + "p", TEXT + "h") for c in item)
            if item.tag == TEXT + "list-item" and has_paragraph:
                start = item.get(TEXT + "start-value")
                default = bounded_int(levels.get(depth, {}).get("start"), 1)
                counters[depth] = (
                    bounded_int(start, 1)
                    if start and start.isdecimal()
                    else counters.get(depth, default - 1) + 1
                )
                for deeper in [d for d in counters if d > depth]:
                    del counters[deeper]
                number = _render(levels, counters, depth)
            first = True
            for child in item:
                if child.tag in (TEXT + "p", TEXT + "h"):
                    self.add_paragraph(child, cell, number if first else None)
                    first = False
                elif child.tag == TEXT + "list":
                    self.add_list(child, cell, depth + 1, style)
                else:
                    self.walk_one(child, cell)

    def add_table(self, element: etree._Element) -> None:
        index = self.table
        self.table += 1
        row = 0
        for tr in _rows(element):
            repeat = tr.get(TABLE + "number-rows-repeated", "1")
            column = 0
            for tc in tr:
                if tc.tag not in (TABLE + "table-cell", TABLE + "covered-table-cell"):
                    continue
                span = tc.get(TABLE + "number-columns-repeated", "1")
                self.walk(tc, (index, row, column))
                column += int(span) if span.isdigit() else 1
            row += int(repeat) if repeat.isdigit() and not _has_text(tr) else 1

    def walk_one(self, child: etree._Element, cell: tuple[int, int, int] | None) -> None:
        tag = child.tag
        if tag in (TEXT + "p", TEXT + "h"):
            self.add_paragraph(child, cell)
        elif tag == TEXT + "list":
            self.add_list(child, cell)
        elif tag == TABLE + "table":
            self.add_table(child)
        elif tag == TEXT + "tracked-changes":
            if len(child):
                self.piece.has_tracked_changes = True
        elif tag in _SKIPPED:
            return
        elif tag == DRAW + "frame" or (isinstance(tag, str) and tag.startswith(DRAW)):
            for box in child.iter(DRAW + "text-box"):
                self.aside(box, "textbox")
            self.place_asides(max(self.paragraph - 1, 0), cell)  # a frame between paragraphs
        elif tag == OFFICE + "annotation":
            self.piece.has_comments = True
            self.aside(child, "comment")
        elif isinstance(tag, str):
            self.walk(child, cell)  # text:section, text:table-of-content, text:index-body …

    def walk(self, container: etree._Element, cell: tuple[int, int, int] | None = None) -> None:
        for child in container:
            self.walk_one(child, cell)


def _rows(table: etree._Element):
    for child in table:
        if child.tag == TABLE + "table-row":
            yield child
        elif child.tag in (
            TABLE + "table-header-rows",
            TABLE + "table-rows",
            TABLE + "table-row-group",
        ):
            yield from _rows(child)


def _has_text(row: etree._Element) -> bool:
    return any((t or "").strip() for t in row.itertext())


def read_odt(source: SourceFile) -> Piece:
    piece = Piece(path=source.path, format="odt")
    archive = open_package(
        source,
        f"{source.path} est endommagé : ce n'est pas un document OpenDocument lisible.",
        "Ouvrez-le dans LibreOffice et enregistrez-le de nouveau, ou demandez une copie intacte.",
    )
    with archive:
        content = required_part(
            archive,
            "content.xml",
            source.path,
            f"{source.path} n'est pas un document OpenDocument complet (contenu absent).",
            "Ouvrez-le dans LibreOffice et enregistrez-le de nouveau au format .odt.",
        )
        styles_root = parse_part(archive, "styles.xml", source.path)
    styles = _Styles([r for r in (styles_root, content) if r is not None])
    reader = _Reader(piece, styles)
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is not None:
        reader.walk(body)
    piece.paragraphs = reader.paragraph
    if styles_root is not None:
        for master in styles_root.iter(STYLE + "master-page"):
            for part in master:
                local = etree.QName(part).localname
                area = (
                    "header"
                    if local.startswith("header")
                    else "footer"
                    if local.startswith("footer")
                    else None
                )
                if area is None:
                    continue
                aside = _Reader(Piece(path="", format="odt"), styles)
                aside.walk(part)
                for block in aside.piece.blocks:
                    block.area, block.place, block.number = area, Place(), None
                    piece.furniture.append(block)
    revision_findings(piece, reader.first_change, reader.first_comment)
    return piece
