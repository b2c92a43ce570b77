"""Imported by the web server's forkserver before it forks any review: the engine, the
readers, the renderers and the tokenizer's patterns are loaded once, when the server starts, and
shared by every review process (copy-on-write)."""

from __future__ import annotations

import contextlib
import importlib

_MODULES = (
    "review.engine",
    "review.reading",
    "review.readers.docx",
    "review.readers.pdf",
    "review.readers.odt",
    "review.readers.sheets",
    "review.readers.text",
    "pdfplumber",
    "generators.reports",
)


def warm_up() -> None:
    """Import the engine and review a one-paragraph consultation (builds the tokenizer's patterns)."""
    for name in _MODULES:
        with contextlib.suppress(Exception):  # a missing reader is the review's business
            importlib.import_module(name)
    with contextlib.suppress(Exception):  # an optimisation: the reviews report real errors
        from clausier.model import Block, Consultation, Piece, Place
        from generators.reports import render_html
        from review.engine import review_consultation

        text = "Article 1 - Clause sociale d'insertion : 35 heures d'insertion pour le lot 1."
        piece = Piece(path="CCAP.docx", format="docx", blocks=[Block(text, Place(paragraph=0))])
        render_html(review_consultation(Consultation(name="amorce", pieces=[piece])))


warm_up()
