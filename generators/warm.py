"""Loading the review engine, its readers and renderers ahead of the first review.

The batch's workers and the web server's review processes are forked from a forkserver
that calls this once: every child then shares the loaded modules (copy-on-write) and the
first consultation does not pay for the imports."""

from __future__ import annotations

import contextlib
import importlib

# The engine imports readers lazily; importing them here puts them in the forkserver too.
ENGINE_MODULES = (
    "review.engine",
    "review.reading",
    "review.readers.docx",
    "review.readers.pdf",
    "review.readers.odt",
    "review.readers.sheets",
    "review.readers.text",
    "pypdfium2",
    "pypdfium2.raw",
    "pdfplumber",
    "generators.reports",
)


def warm_up_engine() -> None:
    """Import the engine and review and render a one-paragraph consultation. An
    optimisation only: a module that fails here fails again, reported, in the review."""
    for name in ENGINE_MODULES:
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    with contextlib.suppress(Exception):
        from clausier.model import Block, Consultation, Piece, Place
        from generators.reports import render_html, render_json
        from review.engine import review_consultation

        text = "Article 1 - Clause sociale d'insertion : 35 heures d'insertion pour le lot 1."
        piece = Piece(path="CCAP.docx", format="docx", blocks=[Block(text, Place(paragraph=0))])
        report = review_consultation(Consultation(name="amorce", pieces=[piece]))
        render_json([report])
        render_html(report)
