"""PDF copies with a highlight over the words of each finding and its note.

Word positions come from pypdfium2's text page (one character index per glyph, boxes in
PDF user space); the copy is written with pypdf, which appends the annotations to the
original file's pages without rewriting their content.

Per finding: with words found on the page, a Highlight annotation (its note: message and
suggestion, opened from a Popup); without words, a Text annotation (a sticky note) at the
left of the paragraph the excerpt comes from, else at the top of the page.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from clausier.model import Finding, Piece

from .matching import excerpt_probe, find_all
from .placing import comment_text, finding_page, first_heading_page

HIGHLIGHT_COLOR = "ffe14d"  # a yellow that keeps black text readable when printed
NOTE_SIZE = 18


class _PageText:
    """The text of one page with one character per pdfium character index."""

    def __init__(self, pdf, index: int) -> None:
        import pypdfium2.raw as raw

        page = pdf[index]
        self.textpage = page.get_textpage()
        self.width, self.height = page.get_size()
        n = self.textpage.count_chars()
        handle = self.textpage.raw
        self.text = "".join(chr(raw.FPDFText_GetUnicode(handle, i) or 32) for i in range(n))

    def first_text(self) -> tuple[float, float] | None:
        """(left, top) of the page's first visible character: where a note about the whole
        piece goes (usually the title or first heading)."""
        for i, ch in enumerate(self.text):
            if not ch.isspace():
                left, _right, _bottom, top = self.textpage.get_charbox(i)
                return left, top
        return None

    def find(self, words: str) -> list[tuple[float, float, float, float]] | None:
        """Line boxes (left, bottom, right, top) of the first occurrence of `words`."""
        spans = find_all(self.text, words)
        if not spans:
            return None
        start, end = spans[0]
        count = self.textpage.count_rects(start, end - start)
        boxes = [self.textpage.get_rect(i) for i in range(count)]
        return boxes or None


def annotate_pdf(
    data: bytes,
    piece: Piece | None,
    findings: list[Finding],
    out: Path,
    author: str = "Clausier",
) -> int:
    """Write the annotated copy of a PDF piece to `out`; returns the number of notes."""
    import pypdfium2 as pdfium
    from pypdf import PdfReader, PdfWriter

    pdf = pdfium.PdfDocument(data)
    texts: dict[int, _PageText] = {}
    try:
        n_pages = len(pdf)

        def page_text(i: int) -> _PageText:
            if i not in texts:
                texts[i] = _PageText(pdf, i)
            return texts[i]

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        stamp = datetime.now(UTC).strftime("D:%Y%m%d%H%M%SZ")
        count = 0
        for number, finding in enumerate(findings):
            if n_pages == 0:
                break
            page = finding_page(piece, finding, n_pages)
            boxes, page = _place_words(page_text, n_pages, page, finding.target)
            meta = _meta(finding, author, stamp, number)
            if boxes:
                _add_highlight(writer, page, boxes, meta)
            else:
                if page is None:
                    page = first_heading_page(piece) if n_pages > 0 else 0
                probe = excerpt_probe(finding.excerpt)
                found = page_text(page).find(probe) if probe else None
                if found is None and probe:
                    for other in range(n_pages):
                        found = page_text(other).find(probe)
                        if found:
                            page = other
                            break
                _add_note(writer, page, page_text(page), found, meta)
            count += 1
        buffer = io.BytesIO()
        writer.write(buffer)
    finally:
        for text in texts.values():
            text.textpage.close()
        pdf.close()
    out.write_bytes(buffer.getvalue())
    return count


def _place_words(page_text, n_pages: int, page: int | None, target: str | None):
    """(boxes, page index) of the target words: on the finding's page first, then on the
    nearest page that holds them."""
    if not target:
        return None, page
    order = range(n_pages)
    if page is not None:
        order = sorted(order, key=lambda i: abs(i - page))
    for i in order:
        boxes = page_text(i).find(target)
        if boxes:
            return boxes, i
    return None, page


def _meta(finding: Finding, author: str, stamp: str, number: int) -> dict:
    from pypdf.generic import NameObject, TextStringObject

    return {
        NameObject("/T"): TextStringObject(author),
        NameObject("/Contents"): TextStringObject("\n".join(comment_text(finding))),
        NameObject("/Subj"): TextStringObject(finding.code),
        NameObject("/NM"): TextStringObject(f"clausier-{number}-{finding.code}"),
        NameObject("/M"): TextStringObject(stamp),
        NameObject("/CreationDate"): TextStringObject(stamp),
    }


def _add_highlight(writer, page: int, boxes, meta: dict) -> None:
    from pypdf.annotations import Highlight, Popup
    from pypdf.generic import ArrayObject, FloatObject, NameObject

    quads = []
    for left, bottom, right, top in boxes:
        # Quad points: upper-left, upper-right, lower-left, lower-right (Acrobat's order).
        quads += [left, top, right, top, left, bottom, right, bottom]
    rect = (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
    highlight = Highlight(
        rect=rect,
        quad_points=ArrayObject(FloatObject(round(q, 2)) for q in quads),
        highlight_color=HIGHLIGHT_COLOR,
        printing=True,
    )
    highlight.update(meta)
    added = writer.add_annotation(page_number=page, annotation=highlight)
    width = float(writer.pages[page].mediabox.width)
    popup = Popup(
        rect=(min(rect[2] + 10, width - 200), rect[1] - 80, min(rect[2] + 210, width), rect[3]),
        parent=added,
        open=False,
    )
    popup_ref = writer.add_annotation(page_number=page, annotation=popup)
    added[NameObject("/Popup")] = popup_ref.indirect_reference


def _add_note(writer, page: int, text: _PageText, found, meta: dict) -> None:
    from pypdf.annotations import Text
    from pypdf.constants import AnnotationFlag

    if found:
        top = max(b[3] for b in found)
        left = max(min(b[0] for b in found) - NOTE_SIZE - 4, 2)
    else:
        first = text.first_text()
        left, top = (first[0] - NOTE_SIZE - 4, first[1] + 4) if first else (18, text.height - 36)
        left = max(left, 2)
    note = Text(
        rect=(left, top - NOTE_SIZE, left + NOTE_SIZE, top),
        text="",
        open=False,
        flags=AnnotationFlag.PRINT,
    )
    note.update(meta)
    writer.add_annotation(page_number=page, annotation=note)
