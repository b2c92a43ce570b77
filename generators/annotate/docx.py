"""Word copies with one comment per finding and, optionally, tracked-change corrections.

Word anchors a comment on whole runs, so the run holding the finding's words is first
split into before / target / after runs that keep the run's formatting (`w:rPr`). The same
isolated runs are what a correction wraps in `w:del`, followed by a `w:ins` of the
replacement, so the buyer accepts or rejects it in Word.

Paragraph indexes follow the reader's reading order: every `w:p` of the body in document
order, table-cell paragraphs in place, text-box paragraphs excluded.
"""

from __future__ import annotations

import io
from copy import deepcopy
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from clausier.model import Finding, Piece

from .matching import excerpt_probe, find_all
from .placing import comment_text, finding_paragraph, initials, order_for_annotation

# Inline containers whose runs are part of the paragraph's text as the reader sees it
# (review/readers/docx.py): insertions kept, deletions dropped, hidden text left out.
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_INLINE = {
    _W + name
    for name in (
        "hyperlink",
        "ins",
        "moveTo",
        "smartTag",
        "fldSimple",
        "customXml",
        "sdt",
        "sdtContent",
        "bdo",
        "dir",
    )
}
_TEXT_XPATH = "w:br | w:cr | w:noBreakHyphen | w:ptab | w:t | w:tab"


@dataclass
class _Context:
    document: object
    paragraphs: list  # CT_P elements in reading order
    inserted: set  # w:r elements written by us (replacements): never matched again
    next_revision: int
    author: str
    stamp: str


def annotate_docx(
    data: bytes,
    piece: Piece | None,
    findings: list[Finding],
    out: Path,
    corrections: bool = False,
    author: str = "Clausier",
) -> tuple[int, int]:
    """Write the annotated copy of a Word piece to `out`; returns the number of comments
    and of tracked-change corrections written."""
    from docx import Document

    document = Document(io.BytesIO(data))
    body = document.element.body
    ctx = _Context(
        document=document,
        paragraphs=body.xpath(".//w:p[not(ancestor::w:txbxContent)]"),
        inserted=set(),
        next_revision=_max_id(document) + 1,
        author=author,
        stamp=datetime.now(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ"),
    )
    if not ctx.paragraphs:
        ctx.paragraphs = [body.add_p()] if hasattr(body, "add_p") else []
    count = fixed = 0
    for finding in order_for_annotation(findings):
        runs, matched = _anchor(ctx, piece, finding)
        if not runs:
            continue
        _add_comment(ctx, runs, finding)
        count += 1
        if corrections and matched and finding.replacement:
            _track_replacement(ctx, runs, finding.replacement)
            fixed += 1
    buffer = io.BytesIO()
    document.save(buffer)
    out.write_bytes(buffer.getvalue())
    return count, fixed


# ---------------------------------------------------------------- where


def _anchor(ctx: _Context, piece: Piece | None, finding: Finding) -> tuple[list, bool]:
    """The runs to anchor the comment on, and whether they are exactly the target words."""
    index = finding_paragraph(piece, finding, len(ctx.paragraphs))
    if finding.target:
        hit = _locate_target(ctx, finding.target, index)
        if hit is not None:
            p, start, end = hit
            return _isolate(ctx, p, start, end), True
    p = _locate_paragraph(ctx, piece, finding, index)
    runs = _visible_runs(ctx, p)
    if not [r for r in runs if r.text]:
        runs = [p.add_r()]  # an empty paragraph: anchor on an empty run
    return runs, False


def _locate_target(ctx: _Context, target: str, index: int | None):
    """(paragraph, start, end) of the target words: in the finding's paragraph first,
    then in the nearest paragraph that holds them."""
    order = range(len(ctx.paragraphs))
    if index is not None:
        order = sorted(order, key=lambda i: abs(i - index))
    for i in order:
        p = ctx.paragraphs[i]
        spans = find_all(_paragraph_text(ctx, p), target)
        if spans:
            start, end = spans[0]
            return p, start, end
    return None


def _locate_paragraph(ctx: _Context, piece: Piece | None, finding: Finding, index: int | None):
    probe = excerpt_probe(finding.excerpt)
    if index is not None and 0 <= index < len(ctx.paragraphs):
        p = ctx.paragraphs[index]
        if probe is None or find_all(_paragraph_text(ctx, p), probe):
            return p
    if probe is not None:
        hit = _locate_target(ctx, probe, index)
        if hit is not None:
            return hit[0]
    if index is not None and 0 <= index < len(ctx.paragraphs):
        return ctx.paragraphs[index]
    return _first_heading(ctx, piece)


def _first_heading(ctx: _Context, piece: Piece | None):
    """The piece's first article heading (from the reader), else the first paragraph with
    a heading style or outline level, else the first paragraph with text."""
    if piece is not None:
        for article in piece.all_articles():
            i = article.place.paragraph
            if i is not None and 0 <= i < len(ctx.paragraphs):
                return ctx.paragraphs[i]
    from docx.text.paragraph import Paragraph

    body = ctx.document._body
    for p in ctx.paragraphs:
        if p.xpath("./w:pPr/w:outlineLvl"):
            return p
        style = Paragraph(p, body).style
        name = (style.name or "") if style is not None else ""
        if name.lower().startswith(("heading", "titre", "title")) and _paragraph_text(ctx, p):
            return p
    for p in ctx.paragraphs:
        if _paragraph_text(ctx, p).strip():
            return p
    return ctx.paragraphs[0]


# ---------------------------------------------------------------- runs


def _visible_runs(ctx: _Context, p) -> list:
    runs: list = []

    def visit(element) -> None:
        for child in element:
            tag = child.tag
            if tag == _W + "r":
                if child not in ctx.inserted and not _hidden(child):
                    runs.append(child)
            elif tag in _INLINE:
                visit(child)
            elif tag == _MC + "AlternateContent":
                choice = child.find(_MC + "Choice")
                if choice is not None:
                    visit(choice)

    visit(p)
    return runs


def _hidden(r) -> bool:
    """Hidden text (w:vanish) is neither shown nor read."""
    vanish = r.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(_W + "val") not in ("0", "false", "off")


def _run_text(r) -> str:
    return "".join(str(e) for e in r.xpath(_TEXT_XPATH))


def _paragraph_text(ctx: _Context, p) -> str:
    return "".join(_run_text(r) for r in _visible_runs(ctx, p))


def _offsets(ctx: _Context, p) -> list[tuple[object, int, int]]:
    spans, pos = [], 0
    for r in _visible_runs(ctx, p):
        n = len(_run_text(r))
        spans.append((r, pos, pos + n))
        pos += n
    return spans


def _isolate(ctx: _Context, p, start: int, end: int) -> list:
    """Split runs so that [start, end) of the paragraph text is exactly a list of runs."""
    for cut in (end, start):
        for r, s, e in _offsets(ctx, p):
            if s < cut < e:
                _split_run(r, cut - s)
                break
    return [r for r, s, e in _offsets(ctx, p) if start <= s and e <= end and e > s]


def _split_run(r, k: int) -> None:
    """Split run `r` after its k-th character; both halves keep the run properties."""
    from docx.oxml.ns import qn

    right = deepcopy(r)
    pos = 0
    for left_child, right_child in zip(list(r), list(right), strict=True):
        if left_child.tag == qn("w:rPr"):
            continue
        n = len(str(left_child)) if left_child in r.xpath(_TEXT_XPATH) else 0
        if n and pos + n <= k:
            right.remove(right_child)
        elif n and pos >= k:
            r.remove(left_child)
        elif n:  # the cut falls inside this w:t
            cut = k - pos
            left_child.text, right_child.text = left_child.text[:cut], left_child.text[cut:]
            for t in (left_child, right_child):
                t.set(qn("xml:space"), "preserve")
        elif pos < k:  # zero-width content (field codes, drawings) stays where it was
            right.remove(right_child)
        else:
            r.remove(left_child)
        pos += n
    r.addnext(right)


# ---------------------------------------------------------------- comments and revisions


def _add_comment(ctx: _Context, runs: list, finding: Finding) -> None:
    from docx.text.run import Run

    document = ctx.document
    paragraphs = comment_text(finding)
    comment = document.add_comment(
        [Run(runs[0], None), Run(runs[-1], None)],
        text=paragraphs[0],
        author=ctx.author,
        initials=initials(ctx.author),
    )
    for text in paragraphs[1:]:
        comment.add_paragraph(text)


def _track_replacement(ctx: _Context, runs: list, replacement: str) -> None:
    """Wrap the target runs in w:del and add a w:ins of the replacement right after,
    with the formatting of the first target run."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    attrs = {qn("w:author"): ctx.author, qn("w:date"): ctx.stamp}
    groups: list[list] = []
    for r in runs:
        if groups and groups[-1][-1].getnext() is r:
            groups[-1].append(r)
        else:
            groups.append([r])
    rpr = runs[0].find(qn("w:rPr"))
    last = None
    for group in groups:
        deletion = OxmlElement("w:del", attrs={qn("w:id"): str(ctx.next_revision), **attrs})
        ctx.next_revision += 1
        group[0].addprevious(deletion)
        for r in group:
            deletion.append(r)
            for t in r.iter(qn("w:t")):
                t.tag = qn("w:delText")
            for t in r.iter(qn("w:instrText")):
                t.tag = qn("w:delInstrText")
        last = deletion
    insertion = OxmlElement("w:ins", attrs={qn("w:id"): str(ctx.next_revision), **attrs})
    ctx.next_revision += 1
    new_run = OxmlElement("w:r")
    if rpr is not None:
        new_run.append(deepcopy(rpr))
    text = OxmlElement("w:t")
    text.text = replacement
    text.set(qn("xml:space"), "preserve")
    new_run.append(text)
    insertion.append(new_run)
    last.addnext(insertion)
    ctx.inserted.add(new_run)


def _max_id(document) -> int:
    """The largest w:id in the main part, so revision ids never collide."""
    from docx.oxml.ns import qn

    ids = [0]
    for element in document.element.iter():
        value = element.get(qn("w:id")) if isinstance(element.tag, str) else None
        if value is not None and value.lstrip("-").isdigit():
            ids.append(int(value))
    return max(ids) + 1000
