"""Plain text (.txt): one Block per non-empty line, numbered like paragraphs."""

from __future__ import annotations

from clausier.model import Block, Piece, Place
from review.sources import SourceFile


def read_text(source: SourceFile) -> Piece:
    data = source.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Windows French notepad files
    piece = Piece(path=source.path, format="txt")
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.strip():
            piece.blocks.append(Block(text=line.rstrip(), place=Place(paragraph=index)))
    piece.paragraphs = len(lines)
    return piece
