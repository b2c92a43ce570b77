"""Writing a bilan file: refuse to overwrite without force, never leave a partial file
(temporary file in the same folder, then rename), fixed zip dates (same figures, same
bytes)."""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from generators.clauses import GenerationError

ZIP_DATE = (2026, 1, 1, 0, 0, 0)


class BilanError(GenerationError):
    """A bilan or an export cannot be written; the French message says what to do."""


def check_suffix(path: Path, allowed: Sequence[str], what: str) -> str:
    """The lower-case extension of `path`, or a French error listing the allowed ones."""
    suffix = Path(path).suffix.lower()
    if suffix not in allowed:
        raise BilanError(
            f"{path} : choisissez un nom de fichier en {' ou '.join(allowed)} pour {what} "
            f"(l'extension décide du format)."
        )
    return suffix


def check_writable(path: Path, force: bool) -> None:
    """Refuse before any work when the file exists and `force` is not given."""
    path = Path(path)
    if path.is_dir():
        raise BilanError(f"{path} est un dossier : indiquez avec -o un nom de fichier.")
    if path.exists() and not force:
        raise BilanError(
            f"Le fichier {path} existe déjà : ajoutez --force pour le remplacer, ou "
            "choisissez un autre nom avec -o."
        )


def write_atomic(path: Path, data: bytes, force: bool) -> Path:
    """Write `data` to `path` whole or not at all."""
    path = Path(path)
    check_writable(path, force)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return path


def fixed_zip(data: bytes, when: date | None = None) -> bytes:
    """Rewrite an Office package with one fixed date on every member and, when `when` is
    given, as its created / modified dates (openpyxl writes the time of saving)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            member.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if when is not None and info.filename == "docProps/core.xml":
                content = _core_dates(content, when)
            target.writestr(member, content)
    return out.getvalue()


def _core_dates(xml: bytes, when: date) -> bytes:
    stamp = f"{when.isoformat()}T00:00:00Z".encode()
    for tag in (rb"dcterms:created", rb"dcterms:modified"):
        xml = re.sub(
            rb"(<" + tag + rb"[^>]*>)[^<]*(</" + tag + rb">)", rb"\g<1>" + stamp + rb"\g<2>", xml
        )
    return xml
