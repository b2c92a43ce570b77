"""Reading one member of a zip (a DCE archive, or a part of a .docx/.odt/.xlsx package)
with a bound on what is really produced.

`zipfile` trusts the sizes written in the archive: for deflate it decompresses at most
what is asked, but for bzip2 and LZMA it decompresses a whole chunk of input in one call
and only then cuts it to the declared size, so 1.5 KB of bzip2 can allocate gigabytes
before any check runs. Here every method is decompressed by us, chunk by chunk, with a
`max_length`: a member never produces more than its declared size nor more than the
caller's limit, whatever it claims. Every failure (damaged data, wrong checksum,
password, unknown method, version) is one `MemberError` with a French reason.
"""

from __future__ import annotations

import bz2
import io
import itertools
import lzma
import struct
import zipfile
import zlib
from collections.abc import Iterator

CHUNK = 1 << 20  # compressed bytes fed at a time, and the most produced per call
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # zipfile's sizeFileHeader (30 bytes)
_HANDLED = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}

# Errors any zip library call may raise on hostile bytes.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    lzma.LZMAError,
    OSError,
    EOFError,
    ValueError,
    KeyError,
    IndexError,
    struct.error,
    NotImplementedError,
    RuntimeError,
    OverflowError,
)

DAMAGED = "archive endommagée ou incomplète"
ENCRYPTED = "protégé par un mot de passe"
METHOD = "méthode de compression non prise en charge"
CHECKSUM = "somme de contrôle fausse : archive endommagée"
SIZE = "taille annoncée fausse : archive endommagée ou piégée"
TOO_LARGE = "trop volumineux une fois décompressé"


class MemberError(OSError):
    """A member that cannot be read; `reason` is French (one of the constants above).
    An OSError: reading a piece's bytes raises OSError whatever holds them."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def open_zip(data: bytes | io.IOBase | str) -> zipfile.ZipFile:
    """A ZipFile over bytes or a path; MemberError (French) instead of zipfile's many
    exceptions (BadZipFile, NotImplementedError for « zip file version 8.4 » …)."""
    try:
        return zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data)
    except ZIP_ERRORS as error:
        raise MemberError(_reason(error)) from error


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """The member's bytes, at most `limit` of them (MemberError(TOO_LARGE) beyond)."""
    return b"".join(iter_member(archive, info, limit))


def iter_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
    """The member's bytes chunk by chunk (at most CHUNK each), checked as they come."""
    if info.flag_bits & 0x1:
        raise MemberError(ENCRYPTED)
    if info.compress_type not in _HANDLED:
        raise MemberError(METHOD)
    if info.file_size > limit:
        raise MemberError(TOO_LARGE)
    produced, crc = 0, 0
    try:
        for chunk in _decompressed(archive, info):
            produced += len(chunk)
            if produced > info.file_size:
                raise MemberError(SIZE)
            crc = zlib.crc32(chunk, crc)
            yield chunk
    except MemberError:
        raise
    except ZIP_ERRORS as error:
        raise MemberError(_reason(error)) from error
    if produced != info.file_size:
        raise MemberError(SIZE)
    if crc != info.CRC:
        raise MemberError(CHECKSUM)


def _decompressed(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    raw = _raw_chunks(archive, info)
    method = info.compress_type
    if method == zipfile.ZIP_STORED:
        yield from raw
        return
    if method == zipfile.ZIP_DEFLATED:
        decompressor = zlib.decompressobj(-15)
    elif method == zipfile.ZIP_BZIP2:
        decompressor = bz2.BZ2Decompressor()
    else:
        decompressor, raw = _lzma_decompressor(raw)
    yield from _bounded(decompressor, raw, info.file_size)


def _bounded(decompressor, raw: Iterator[bytes], declared: int) -> Iterator[bytes]:
    """Feed `raw` to the decompressor, never asking it for more than CHUNK at once and
    stopping one byte past the declared size (the caller then says the size lies)."""
    produced = 0
    is_zlib = not hasattr(decompressor, "needs_input")
    for data in raw:
        while True:
            ask = min(CHUNK, declared - produced + 1)
            out = decompressor.decompress(data, ask)
            produced += len(out)
            if out:
                yield out
            if produced > declared or decompressor.eof:
                return
            if is_zlib:
                data = decompressor.unconsumed_tail
                if not data and len(out) < ask:
                    break
            else:
                data = b""
                if decompressor.needs_input:
                    break


def _raw_chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's compressed bytes, read from the archive's file after its local header."""
    fp = archive.fp
    if fp is None:
        raise MemberError(DAMAGED)
    fp.seek(info.header_offset)
    header = fp.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise MemberError(DAMAGED)
    fields = _LOCAL_HEADER.unpack(header)
    fp.seek(fields[-2] + fields[-1], io.SEEK_CUR)  # name and extra field
    left = info.compress_size
    while left > 0:
        data = fp.read(min(CHUNK, left))
        if not data:
            raise MemberError(DAMAGED)
        left -= len(data)
        yield data


def _lzma_decompressor(raw: Iterator[bytes]) -> tuple[lzma.LZMADecompressor, Iterator[bytes]]:
    """LZMA in a zip starts with a 4-byte header (version, size of the properties) and
    the properties; what follows is raw LZMA1 (as zipfile.LZMADecompressor reads it).
    Returns the decompressor and the compressed bytes after the header."""
    head = b""
    for data in raw:
        head += data
        if len(head) >= 4 and len(head) >= 4 + struct.unpack("<H", head[2:4])[0]:
            break
    else:
        raise MemberError(DAMAGED)
    size = struct.unpack("<H", head[2:4])[0]
    filters = [lzma._decode_filter_properties(lzma.FILTER_LZMA1, head[4 : 4 + size])]
    decompressor = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=filters)
    return decompressor, itertools.chain([head[4 + size :]], raw)


def _reason(error: BaseException) -> str:
    text = str(error).lower()
    if isinstance(error, RuntimeError) and "encrypt" in text:
        return ENCRYPTED
    if "crc" in text:
        return CHECKSUM
    if isinstance(error, NotImplementedError) or "compression" in text:
        return METHOD
    return DAMAGED


def is_standard(archive: zipfile.ZipFile) -> bool:
    """True when every member is stored or deflated (what Word and LibreOffice write)."""
    return all(
        i.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for i in archive.infolist()
    )


def standard_copy(archive: zipfile.ZipFile, limit: int) -> bytes:
    """The package rewritten with stored members, each read with a bound: for readers
    that open packages themselves (openpyxl), which must never meet bzip2 or LZMA."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as copy:
        for info in archive.infolist():
            if info.is_dir():
                continue
            copy.writestr(info.filename, read_member(archive, info, limit))
    return buffer.getvalue()
