"""The reading budget of one consultation: characters, XML elements and seconds.

Byte limits (review.sources.Limits) say how big a file may be, not how much work it
gives: a small archive can hold thousands of small documents, a 400 KB .docx 150 MB of
text, a 600 KB one six million paragraphs. While a consultation is read, one `Account`
(set by `review.reading.read_consultation` in a context variable, so readers need no
new parameter) counts what has been spent; a piece that would pass the budget ends in
`BudgetSpent` (a CS901 naming the file and what to do) and the pieces after it are not
read (one CS901 lists them).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from review.sources import Limits


class BudgetSpent(Exception):
    """The consultation's reading budget is spent; `message`/`suggestion` are French."""

    def __init__(self, message: str, suggestion: str) -> None:
        super().__init__(message)
        self.message = message
        self.suggestion = suggestion


ADVICE = (
    "Relisez cette pièce à part, ou enregistrez-la de nouveau depuis son logiciel (ou en "
    "PDF) : un document de cette taille n'est pas une pièce écrite ordinaire d'un DCE."
)


def thousands(n: int) -> str:
    """500000 -> « 500 000 » (no-break spaces, as the reports write numbers)."""
    return f"{n:,}".replace(",", "\u202f")


@dataclass
class Account:
    """What one consultation has spent so far, against its limits.

    The characters allowed grow with what the user handed in (`input_bytes`: the archive,
    or the folder's files): `characters_per_byte` per byte (real pieces hold less than one
    character of text per byte of .docx or .pdf), never less than `min_characters`, never
    more than `max_characters`. A 26 KB archive that unfolds into millions of characters
    is stopped early; a 30 MB DCE gets the whole budget."""

    limits: Limits
    started: float
    input_bytes: int = 0
    characters: int = 0
    elements: int = 0
    pieces: int = 0

    @property
    def max_characters(self) -> int:
        limits = self.limits
        grown = int(self.input_bytes * limits.characters_per_byte)
        return min(limits.max_characters, max(limits.min_characters, grown))

    def seconds_left(self) -> float:
        return self.limits.max_seconds - (time.monotonic() - self.started)

    def spent(self) -> str | None:
        """Why nothing more may be read (French), or None."""
        if self.seconds_left() <= 0:
            return f"la lecture du dossier a dépassé {self.limits.max_seconds:g} s"
        if self.characters >= self.max_characters:
            return f"le dossier dépasse {self._characters_budget()}"
        if self.elements >= self.limits.max_elements:
            return f"le dossier dépasse {thousands(self.limits.max_elements)} éléments XML"
        if self.pieces >= self.limits.max_pieces:
            return f"le dossier dépasse {self.limits.max_pieces} documents lus"
        return None

    def _characters_budget(self) -> str:
        from review.sources import human_size

        return (
            f"{thousands(self.max_characters)} caractères de texte (budget d'un dossier de "
            f"{human_size(self.input_bytes)})"
        )

    def charge_elements(self, count: int, piece: str) -> None:
        if self.elements + count > self.limits.max_elements:
            self._spend("elements")
            raise BudgetSpent(
                f"{piece} est trop complexe pour être lu : il compte environ "
                f"{thousands(count)} éléments XML, au-delà du budget de lecture du dossier "
                f"({thousands(self.limits.max_elements)} éléments) : il n'a pas été lu.",
                ADVICE,
            )
        self.elements += count

    def check_characters(self, count: int, piece: str) -> None:
        if self.characters + count > self.max_characters:
            self._spend("characters")
            raise BudgetSpent(
                f"{piece} contient trop de texte pour être lu : environ {thousands(count)} "
                f"caractères, au-delà du budget de lecture ({self._characters_budget()}) : "
                "il n'a pas été lu.",
                ADVICE,
            )

    def _spend(self, name: str) -> None:
        # A piece past the budget ends the reading: the pieces after it are not read (a
        # hostile archive holds thousands of them; each refused one would still be read).
        setattr(
            self, name, self.max_characters if name == "characters" else self.limits.max_elements
        )

    def charge_characters(self, count: int, piece: str) -> None:
        self.check_characters(count, piece)
        self.characters += count


_CURRENT: ContextVar[Account | None] = ContextVar("clausier_reading_account", default=None)


def current() -> Account | None:
    """The account of the consultation being read, or None (a piece read on its own)."""
    return _CURRENT.get()


@contextmanager
def account(limits: Limits, input_bytes: int = 0) -> Iterator[Account]:
    """Count the reading of one consultation against `limits`."""
    spending = Account(limits=limits, started=time.monotonic(), input_bytes=input_bytes)
    token = _CURRENT.set(spending)
    try:
        yield spending
    finally:
        _CURRENT.reset(token)


def count_elements(xml: bytes) -> int:
    """Elements in an XML text, counted on the bytes (before any tree is built): every
    tag opens with « < »; closing tags (« </ ») do not open an element."""
    return xml.count(b"<") - xml.count(b"</")
