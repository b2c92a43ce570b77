"""The follow-up's errors: every message is French and says what to do."""

from __future__ import annotations

from dataclasses import dataclass


class FollowupError(Exception):
    """A follow-up operation refused; `str(error)` is the French message for the user."""


class StoreError(FollowupError):
    """The store cannot be opened or used (bad URL, newer schema, server unreachable)."""


@dataclass(frozen=True)
class Problem:
    """One problem of a sheet, placed by row and column as the company sees them."""

    file: str
    row: int | None  # 1-based, as in the spreadsheet; None: the whole sheet
    column: str | None  # letter (« L ») or None
    header: str | None  # the column's header as written
    message: str  # French: what is wrong and what to do

    def where(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"ligne {self.row}")
        if self.column is not None:
            parts.append(
                f"colonne {self.column}" + (f" (« {self.header} »)" if self.header else "")
            )
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.where()} : {self.message}"

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "header": self.header,
            "message": self.message,
        }


class SheetRejected(FollowupError):
    """One or more sheets refused as a whole: nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        files = sorted({p.file for p in problems})
        super().__init__(
            f"{len(problems)} problème(s) dans {', '.join(files)} : rien n'a été enregistré. "
            "Corrigez la feuille puis importez-la de nouveau."
        )
