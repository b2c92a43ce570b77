"""In-memory pieces for extractor tests: the blocks a reader would give for a short text,
classified and cut into articles by the real structure module, without writing a file.

The blocks are those the Word reader gives for `tools.simple_documents` items: one block
per paragraph in reading order (`Place.paragraph`), headings with a « Heading N » style and
their outline level, table cells counted in place with their table, row and cell, row
labels set by the readers' own `label_cells`. So a case reads as it would in a .docx, in
microseconds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePosixPath

from clausier.model import Block, Consultation, Piece, PieceKind, Place
from review.readers.tables import label_cells
from review.structure import build_articles, classify
from tools.simple_documents import H, Item, P, T

_HEADING_LINE = re.compile(r"^(#{1,6})\s+(.*)$")


def items_from_text(text: str) -> list[Item]:
    """The items of a case written as lines: « # Article 9 - Clause » a heading (« ## » a
    sub-article), « Lot | Heures d'insertion » a table row (consecutive rows make one
    table, the first is its header), any other non-blank line a paragraph."""
    items: list[Item] = []
    rows: list[list[str]] = []
    for line in text.splitlines():
        if "|" in line:
            rows.append([cell.strip() for cell in line.split("|")])
            continue
        if rows:
            items.append(T(rows))
            rows = []
        if not line.strip():
            continue
        heading = _HEADING_LINE.match(line.strip())
        if heading:
            items.append(H(heading.group(2).strip(), len(heading.group(1))))
        else:
            items.append(P(line.strip()))
    if rows:
        items.append(T(rows))
    return items


def blocks_from_items(items: Sequence[Item]) -> list[Block]:
    """The body blocks the Word reader gives for these items (page breaks give none)."""
    blocks: list[Block] = []
    table = 0
    for item in items:
        if isinstance(item, H):
            level = min(max(item.level, 1), 9)
            place = Place(paragraph=len(blocks))
            blocks.append(Block(item.text, place, style=f"Heading {level}", level=level, bold=True))
        elif isinstance(item, P):
            blocks.append(
                Block(item.text, Place(paragraph=len(blocks)), style="Normal", bold=item.bold)
            )
        elif isinstance(item, T):
            for r, row in enumerate(item.rows):
                for c, cell in enumerate(row):
                    place = Place(paragraph=len(blocks), table=table, row=r, cell=c)
                    blocks.append(Block(cell, place, style="Normal"))
            table += 1
    return blocks


def build_piece(
    items: Sequence[Item] | str, path: str = "CCAP.docx", kind: str | PieceKind | None = None
) -> Piece:
    """A piece as `review.reading.read_piece` would return it: blocks, row labels, kind
    (given, else classified from its title and file name) and articles."""
    if isinstance(items, str):
        items = items_from_text(items)
    blocks = blocks_from_items(items)
    piece = Piece(
        path=path,
        format=PurePosixPath(path).suffix.lstrip(".").lower() or "docx",
        blocks=blocks,
        paragraphs=len(blocks),
    )
    label_cells(piece)
    if kind is None:
        classify(piece)
    else:
        piece.kind = PieceKind(kind)
    build_articles(piece)
    return piece


def build_consultation(*pieces: Piece, name: str = "table") -> Consultation:
    return Consultation(name=name, pieces=list(pieces))
