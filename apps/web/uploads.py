"""Receiving uploaded files safely: streamed to disk, bounded, never named by the client.

The request body is parsed as it arrives (python-multipart's streaming parser), so a file
larger than the limit is cut off after `max_total_bytes` have been written, not after it
has been spooled whole somewhere. Each file is written as `piece_<n>.<ext>` in the job's
private folder; the name the browser sent is kept only as display text, sanitized.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from clausier.french import fr_size

# What a DCE is made of. Anything else is set aside with a French notice.
DCE_EXTENSIONS = frozenset(
    {"docx", "docm", "doc", "odt", "pdf", "rtf", "xlsx", "xls", "ods", "zip"}
)
PROFILE_EXTENSIONS = frozenset({"toml"})
MAX_PROFILE_BYTES = 256 * 1024
MAX_FIELD_BYTES = 4096
MAX_FIELDS = 20
# A client that stops sending (or sends a byte now and then) must not hold the request
# for ever: at most IDLE_SECONDS between two pieces of the body, BODY_SECONDS in all.
# After GRACE_SECONDS the body must have come at MIN_RATE bytes per second on average.
IDLE_SECONDS = 30.0
BODY_SECONDS = 900.0
GRACE_SECONDS = 60.0
MIN_RATE = 1024

# Magic numbers of files people drop by mistake, to name them in the French answer.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "une image PNG"),
    (b"\xff\xd8\xff", "une image JPEG"),
    (b"GIF8", "une image GIF"),
    (b"BM", "une image BMP"),
    (b"\x7fELF", "un programme"),
    (b"MZ", "un programme Windows"),
)


class UploadError(Exception):
    """An upload refused as a whole; `message` is French, `status` the HTTP status."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass
class UploadedFile:
    field: str  # the form field name
    display_name: str  # the client's name, sanitized, for people only
    extension: str  # lower-case, safe, without dot ("" when none)
    path: Path  # where it was written: <folder>/piece_<n>.<ext>
    size: int = 0
    head: bytes = b""  # first bytes, to recognise images and programs

    def kind_label(self) -> str | None:
        """« une image PNG » when the content is plainly not a tender piece."""
        for magic, label in _MAGIC:
            if self.head.startswith(magic):
                return label
        return None


@dataclass
class UploadResult:
    fields: dict[str, str] = field(default_factory=dict)
    files: list[UploadedFile] = field(default_factory=list)


# ---------------------------------------------------------------- names


def display_name(raw: str | None) -> str:
    """The client's file name reduced to something safe to show: last path component only
    (both / and \\ separators), no control characters, at most 120 characters."""
    text = unicodedata.normalize("NFC", raw or "")
    text = re.split(r"[\\/]", text)[-1]
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > 120:
        stem, dot, ext = text.rpartition(".")
        text = (stem[:110] + "…" + dot + ext[:8]) if dot and len(ext) <= 8 else text[:120]
    return text or "sans nom"


def safe_extension(name: str) -> str:
    """Lower-case extension made of letters and digits only, or ""."""
    _, dot, ext = name.rpartition(".")
    ext = ext.lower()
    if not dot or not re.fullmatch(r"[a-z0-9]{1,8}", ext):
        return ""
    return ext


def safe_file_name(name: str, fallback: str) -> str:
    """A file name for the consultation folder, built from a display name: letters, digits,
    spaces and a few signs only, no leading dot, no "..", never a path. `fallback` (e.g.
    "piece_3.pdf") is used when nothing usable is left."""
    name = display_name(name)
    ext = safe_extension(name)
    stem = name[: -(len(ext) + 1)] if ext else name
    stem = re.sub(r"[^\w .,()'’+\-]", "_", stem)
    stem = re.sub(r"\.{2,}", ".", stem).strip(" .-_")
    if not stem or stem.upper() in _WINDOWS_RESERVED:
        return fallback
    return f"{stem[:100]}.{ext}" if ext else stem[:100]


_WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(10)),
    *(f"LPT{i}" for i in range(10)),
}


def unique_name(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/name (2).ext` … when taken. Checked to stay inside `folder`."""
    ext = safe_extension(name)
    stem = name[: -(len(ext) + 1)] if ext else name
    candidate = folder / name
    n = 2
    while candidate.exists():
        candidate = folder / (f"{stem} ({n}).{ext}" if ext else f"{stem} ({n})")
        n += 1
    if candidate.resolve().parent != folder.resolve():
        raise UploadError("Nom de fichier refusé.")  # cannot happen after safe_file_name
    return candidate


# ---------------------------------------------------------------- streaming parser


async def receive_multipart(
    content_type: str,
    chunks: AsyncIterator[bytes],
    folder: Path,
    *,
    max_total_bytes: int,
    max_files: int,
    file_fields: dict[str, frozenset[str]],
    idle_seconds: float = IDLE_SECONDS,
    body_seconds: float = BODY_SECONDS,
) -> UploadResult:
    """Parse a multipart/form-data body as it streams in.

    `file_fields` maps each accepted file field to its accepted extensions (others are
    still stored, so that the caller can name them in its answer, but never opened).
    Raises `UploadError` (French) on a malformed body or a limit passed; the caller removes
    `folder` then.
    """
    from python_multipart.multipart import MultipartParser, parse_options_header

    kind, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise UploadError(
            "Le formulaire n'a pas été envoyé comme prévu : rechargez la page et recommencez."
        )

    result = UploadResult()
    state: dict = {"headers": {}, "field": b"", "value": b"", "total": 0}
    current: dict = {}

    def on_part_begin() -> None:
        state["headers"] = {}

    def on_header_field(data: bytes, start: int, end: int) -> None:
        state["field"] += data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        state["value"] += data[start:end]

    def on_header_end() -> None:
        state["headers"][state["field"].lower()] = state["value"]
        state["field"], state["value"] = b"", b""

    def on_headers_finished() -> None:
        disposition, params = parse_options_header(
            state["headers"].get(b"content-disposition", b"")
        )
        name = params.get(b"name", b"").decode("utf-8", "replace")
        current.clear()
        current["name"] = name
        if b"filename" in params:
            raw_name = params[b"filename"].decode("utf-8", "replace")
            if not raw_name:  # an empty file input sends a part with no name: skip it
                current["skip"] = True
                return
            if name not in file_fields:
                raise UploadError(
                    "Le formulaire contient un fichier inattendu : rechargez la page."
                )
            if len(result.files) >= max_files:
                raise UploadError(
                    f"Trop de fichiers : {max_files} au plus par envoi. "
                    "Regroupez les pièces dans une archive .zip.",
                    status=413,
                )
            shown = display_name(raw_name)
            ext = safe_extension(shown)
            n = len(result.files) + 1
            path = folder / (f"piece_{n}.{ext}" if ext else f"piece_{n}")
            upload = UploadedFile(field=name, display_name=shown, extension=ext, path=path)
            result.files.append(upload)
            current["file"] = upload
            current["handle"] = path.open("xb")
        else:
            if len(result.fields) >= MAX_FIELDS:
                raise UploadError("Le formulaire contient trop de champs : rechargez la page.")
            current["buffer"] = bytearray()

    def on_part_data(data: bytes, start: int, end: int) -> None:
        size = end - start
        # Every byte counts, kept or not: a part with filename="" is skipped, not free.
        state["total"] += size
        if state["total"] > max_total_bytes:
            raise UploadError(too_large_message(max_total_bytes), status=413)
        if current.get("skip"):
            return
        upload: UploadedFile | None = current.get("file")
        if upload is not None:
            handle: BinaryIO = current["handle"]
            handle.write(data[start:end])
            if len(upload.head) < 16:
                upload.head += data[start : start + 16 - len(upload.head)]
            upload.size += size
            limit = MAX_PROFILE_BYTES if upload.field == "fichier_profil" else max_total_bytes
            if upload.size > limit:
                raise UploadError(
                    "Le fichier de profil est trop gros : un profil tient en quelques kilo-octets.",
                    status=413,
                )
        else:
            buffer: bytearray = current["buffer"]
            buffer += data[start:end]
            if len(buffer) > MAX_FIELD_BYTES:
                raise UploadError("Un champ du formulaire est trop long.")

    def on_part_end() -> None:
        if current.get("skip"):
            return
        if "handle" in current:
            current.pop("handle").close()
        elif "buffer" in current:
            result.fields[current["name"]] = current.pop("buffer").decode("utf-8", "replace")

    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": on_part_begin,
            "on_part_data": on_part_data,
            "on_part_end": on_part_end,
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_headers_finished": on_headers_finished,
        },
    )
    try:
        async for chunk in timed(chunks, idle_seconds, body_seconds):
            if chunk:
                parser.write(chunk)
        parser.finalize()
    except UploadError:
        raise
    except Exception as exc:  # malformed multipart
        raise UploadError(
            "Le formulaire reçu est incomplet ou mal formé : rechargez la page et recommencez."
        ) from exc
    finally:
        handle = current.pop("handle", None)
        if handle is not None:
            handle.close()
    return result


SLOW_MESSAGE = (
    "L'envoi a été interrompu : le fichier arrivait trop lentement ou plus du tout. "
    "Vérifiez la connexion et recommencez ; pour un DCE très lourd, retirez les plans et "
    "photos, qui ne sont pas relus."
)


async def timed(
    chunks: AsyncIterator[bytes],
    idle_seconds: float = IDLE_SECONDS,
    body_seconds: float = BODY_SECONDS,
) -> AsyncIterator[bytes]:
    """`chunks`, or UploadError (408, French) when the client is too slow."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    deadline, received = started + body_seconds, 0
    iterator = chunks.__aiter__()
    while True:
        now = loop.time()
        wait = min(idle_seconds, deadline - now)
        slow = now - started > GRACE_SECONDS and received < MIN_RATE * (now - started)
        if wait <= 0 or slow:
            raise UploadError(SLOW_MESSAGE, status=408)
        try:
            chunk = await asyncio.wait_for(iterator.__anext__(), wait)
        except StopAsyncIteration:
            return
        except TimeoutError:
            raise UploadError(SLOW_MESSAGE, status=408) from None
        received += len(chunk)
        yield chunk


def too_large_message(limit: int) -> str:
    return (
        f"L'envoi dépasse la taille autorisée ({human_size(limit)} au plus). "
        "Retirez les pièces qui ne concernent pas la clause (plans, photos, CCTP volumineux) "
        "ou demandez à la personne qui gère le serveur d'augmenter la limite (--max-upload-mb)."
    )


human_size = fr_size  # the name the web pages use
