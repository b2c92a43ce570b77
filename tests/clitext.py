"""Terminal text as tests should read it: wrapped lines joined.

The report and the hours table follow the terminal's width, and click wraps its help: where a
line breaks depends on the width and on the length of temp paths. Assert on JSON, or on the
text with its whitespace collapsed (`flat`)."""

from __future__ import annotations


def flat(text: str) -> str:
    """Every run of whitespace (line breaks and indents included) as one space."""
    return " ".join(text.split())
