"""CSV that a French spreadsheet (LibreOffice Calc, Excel) opens as columns on a double
click: UTF-8 with a byte-order mark, `;` separator, decimal comma.

Every CSV of the project goes through `to_csv_fr`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from clausier.french import fr_plain

BOM = "\ufeff"


def format_cell(value: Any) -> str:
    """One cell: None -> "", True -> "oui", 833.3 -> "833,3" (no thousands separator,
    so that the spreadsheet reads a number)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float):
        if value == int(value) and abs(value) < 1e15:
            return str(int(value))
        text = repr(value)
        if "e" in text or "E" in text:
            text = f"{value:.10f}".rstrip("0").rstrip(".")
        return fr_plain(text)
    if isinstance(value, list | tuple | set):
        return ", ".join(format_cell(v) for v in value)
    return str(value)


def to_csv_fr(rows: Iterable[Sequence[Any] | Mapping[str, Any]]) -> str:
    """Rows (the first one is the header; or dicts, whose keys make the header) -> CSV text
    starting with a BOM. Write it with encoding="utf-8"."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    header: list[str] | None = None
    for row in rows:
        if isinstance(row, Mapping):
            if header is None:
                header = list(row)
                writer.writerow(header)
            writer.writerow([format_cell(row.get(key)) for key in header])
        else:
            writer.writerow([format_cell(cell) for cell in row])
    return BOM + out.getvalue()
