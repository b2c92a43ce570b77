"""File answers: a download with a safe Content-Disposition (ASCII name + UTF-8 name)."""

from __future__ import annotations

import re
from urllib.parse import quote

from fastapi.responses import Response

from clausier.french import ascii_name


def download_name(filename: str) -> str:
    """The name offered to the browser, cleaned of anything a header could misread
    (quotes, line breaks, path separators)."""
    return re.sub(r'[\x00-\x1f\x7f"\\/]', "_", filename).strip() or "clausier"


def attachment(content: bytes, filename: str, media_type: str) -> Response:
    """A download held in memory (small files: JSON, CSV, a few Word documents)."""
    cleaned = download_name(filename)
    disposition = f"attachment; filename=\"{ascii_name(cleaned)}\"; filename*=UTF-8''{quote(cleaned, safe='')}"
    return Response(content, media_type=media_type, headers={"Content-Disposition": disposition})
