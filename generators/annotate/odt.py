"""ODT copies with one ODF annotation (`office:annotation`) per finding.

Only `content.xml` changes: every other member of the package is copied as it is, in the
same order, `mimetype` first and stored, as ODF requires. With words, the annotation covers
them (`office:annotation` … `office:annotation-end`); otherwise it sits at the start of the
paragraph.

Paragraph indexes follow the reader's reading order: every `text:p` / `text:h` of the body
in document order, table-cell paragraphs in place, excluding paragraphs nested in another
paragraph (notes, frames), in text boxes, in annotations and in text:tracked-changes
(as review/readers/odt.py counts them).
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from clausier.model import Finding, Piece

from .matching import excerpt_probe, find_all
from .placing import comment_text, finding_paragraph

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
}
_PARAGRAPHS = (
    "//office:body/office:text//*[self::text:p or self::text:h]"
    "[not(ancestor::text:p) and not(ancestor::text:h) and not(ancestor::office:annotation)"
    " and not(ancestor::text:tracked-changes) and not(ancestor::draw:*)]"
)


def _q(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


# Elements whose content is not part of the paragraph's running text.
# (as review/readers/odt.py reads them: list numbers and bookmark references left out).
_SKIP = {
    _q("office", "annotation"),
    _q("office", "annotation-end"),
    _q("text", "note"),
    _q("text", "number"),
    _q("text", "bookmark-ref"),
}


def annotate_odt(
    data: bytes,
    piece: Piece | None,
    findings: list[Finding],
    out: Path,
    author: str = "Clausier",
) -> int:
    """Write the annotated copy of an ODT piece to `out`; returns the number of notes."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        members = [(info, package.read(info)) for info in package.infolist()]
    content = next(d for i, d in members if i.filename == "content.xml")
    root = etree.fromstring(content, etree.XMLParser(huge_tree=True, remove_blank_text=False))
    paragraphs = root.xpath(_PARAGRAPHS, namespaces=NS)
    stamp = datetime.now().replace(microsecond=0).isoformat()
    count = 0
    for number, finding in enumerate(findings):
        if not paragraphs:
            break
        name = f"clausier-{number + 1}"
        note = _annotation(finding, author, stamp, name)
        index = finding_paragraph(piece, finding, len(paragraphs))
        hit = _locate(paragraphs, finding.target, index) if finding.target else None
        if hit is not None:
            paragraph, start, end = hit
            end_mark = etree.Element(_q("office", "annotation-end"))
            end_mark.set(_q("office", "name"), name)
            _insert_at(paragraph, end, end_mark)
            _insert_at(paragraph, start, note)
        else:
            paragraph = _paragraph_for(paragraphs, piece, finding, index)
            _insert_at(paragraph, 0, note)
        count += 1
    new_content = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    _write_package(out, members, new_content)
    return count


def _annotation(finding: Finding, author: str, stamp: str, name: str):
    from lxml import etree

    note = etree.Element(_q("office", "annotation"), nsmap={k: NS[k] for k in ("office", "dc")})
    note.set(_q("office", "name"), name)
    etree.SubElement(note, _q("dc", "creator")).text = author
    etree.SubElement(note, _q("dc", "date")).text = stamp
    for text in comment_text(finding):
        etree.SubElement(note, _q("text", "p")).text = text
    return note


# ---------------------------------------------------------------- text and positions


def _segments(paragraph) -> list[tuple[object, str, str]]:
    """The paragraph's running text as (element, "text" | "tail" | "atom", string) in order."""
    result: list[tuple[object, str, str]] = []

    def walk(element) -> None:
        if element.text:
            result.append((element, "text", element.text))
        for child in element:
            if not isinstance(child.tag, str):
                pass  # comment or processing instruction: no text of its own
            elif child.tag in _SKIP:
                pass
            elif child.tag == _q("text", "s"):
                result.append((child, "atom", " " * int(child.get(_q("text", "c"), "1"))))
            elif child.tag == _q("text", "tab"):
                result.append((child, "atom", "\t"))
            elif child.tag == _q("text", "line-break"):
                result.append((child, "atom", "\n"))
            else:
                walk(child)
            if child.tail:
                result.append((child, "tail", child.tail))

    walk(paragraph)
    return result


def _text(paragraph) -> str:
    return "".join(s for _, _, s in _segments(paragraph))


def _insert_at(paragraph, position: int, new) -> None:
    """Insert element `new` at character `position` of the paragraph's running text."""
    pos = 0
    for element, kind, string in _segments(paragraph):
        n = len(string)
        if position < pos + n:
            k = position - pos
            if kind == "text":
                new.tail = element.text[k:]
                element.text = element.text[:k]
                element.insert(0, new)
            elif kind == "tail":
                new.tail = element.tail[k:]
                element.tail = element.tail[:k]
                element.addnext(new)
            else:  # an atom (space run, tab, line break): before it
                element.addprevious(new)
            return
        pos += n
    # At the very end of the paragraph.
    last = paragraph[-1] if len(paragraph) else None
    if last is None:
        paragraph.append(new)
    else:
        last.addnext(new)  # after the last child and its tail


def _locate(paragraphs: list, target: str, index: int | None):
    order = range(len(paragraphs))
    if index is not None:
        order = sorted(order, key=lambda i: abs(i - index))
    for i in order:
        spans = find_all(_text(paragraphs[i]), target)
        if spans:
            return paragraphs[i], spans[0][0], spans[0][1]
    return None


def _paragraph_for(paragraphs: list, piece: Piece | None, finding: Finding, index: int | None):
    probe = excerpt_probe(finding.excerpt)
    if index is not None:
        paragraph = paragraphs[index]
        if probe is None or find_all(_text(paragraph), probe):
            return paragraph
    if probe is not None:
        hit = _locate(paragraphs, probe, index)
        if hit is not None:
            return hit[0]
    if index is not None:
        return paragraphs[index]
    if piece is not None:
        for article in piece.all_articles():
            i = article.place.paragraph
            if i is not None and 0 <= i < len(paragraphs):
                return paragraphs[i]
    for paragraph in paragraphs:
        if paragraph.tag == _q("text", "h") and _text(paragraph).strip():
            return paragraph
    for paragraph in paragraphs:
        if _text(paragraph).strip():
            return paragraph
    return paragraphs[0]


# ---------------------------------------------------------------- package


def _write_package(out: Path, members: list, content: bytes) -> None:
    """Same members in the same order; `mimetype` first and stored (ODF 1.2, 3.3)."""
    members = sorted(members, key=lambda m: m[0].filename != "mimetype")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for info, data in members:
            if info.filename == "mimetype":
                info.compress_type = zipfile.ZIP_STORED
                info.extra = b""
            package.writestr(info, content if info.filename == "content.xml" else data)
    out.write_bytes(buffer.getvalue())
