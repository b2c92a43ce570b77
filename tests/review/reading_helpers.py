"""Helpers of the reading tests: real documents written by code.

- Word files with automatic numbering (numbering.xml), tracked changes, comments, text
  boxes and footnotes (python-docx plus a little raw WordprocessingML);
- a password-protected Word file: an OLE2 (Compound File Binary) container holding the
  "EncryptionInfo" and "EncryptedPackage" streams, as Word writes it;
- PDFs that are encrypted, without pages, or scanned (an image and no text);
- zips with dangerous members (../, absolute paths, symbolic links, bombs);
- a fingerprint of a folder, to prove that reading never writes an input.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# ---------------------------------------------------------------- Word


def numbering_xml(
    abstracts: dict[int, list[tuple[str, str, int]]], nums: dict[int, tuple[int, dict[int, int]]]
) -> str:
    """numbering.xml: abstract id -> levels [(numFmt, lvlText, start)], num id ->
    (abstract id, {ilvl: startOverride})."""
    parts = [f'<w:numbering xmlns:w="{W_NS}">']
    for aid, levels in abstracts.items():
        parts.append(
            f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>'
        )
        for ilvl, (fmt, text, start) in enumerate(levels):
            parts.append(
                f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
            )
        parts.append("</w:abstractNum>")
    for nid, (aid, overrides) in nums.items():
        parts.append(f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>')
        for ilvl, start in overrides.items():
            parts.append(
                f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            )
        parts.append("</w:num>")
    parts.append("</w:numbering>")
    return "".join(parts)


def set_numbering(document, xml: str) -> None:
    """Replace the numbering definitions of a python-docx Document."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(xml):
        numbering.append(child)


def numbered(paragraph, num_id: int, ilvl: int = 0) -> None:
    """Give a python-docx paragraph an automatic number (w:numPr)."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


def raw_paragraph(document, inner_xml: str):
    """Append a paragraph made of raw WordprocessingML runs (w:ins, w:del, w:pict …)."""
    from docx.oxml import parse_xml

    p = parse_xml(
        f'<w:p xmlns:w="{W_NS}" xmlns:v="urn:schemas-microsoft-com:vml">{inner_xml}</w:p>'
    )
    document.element.body.insert(len(document.element.body) - 1, p)  # before sectPr
    return p


def add_zip_part(path: Path, name: str, data: bytes) -> None:
    """Add (or replace) one part of an Office package, rewriting the zip."""
    with zipfile.ZipFile(path) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    members[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(member, content)


def footnotes_xml(texts: Sequence[str]) -> bytes:
    notes = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    ]
    for i, text in enumerate(texts, start=1):
        notes.append(f'<w:footnote w:id="{i}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>')
    return f'<w:footnotes xmlns:w="{W_NS}">{"".join(notes)}</w:footnotes>'.encode()


# ---------------------------------------------------------------- OLE2 (CFB)

_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def cfb_bytes(streams: dict[str, bytes]) -> bytes:
    """A minimal, valid Compound File Binary (version 3, 512-byte sectors) holding the
    given streams. Streams are padded to 4096 bytes so that none lives in the mini
    stream. Layout: sector 0 = FAT, sector 1 = directory, then the streams."""
    sector = 512
    names = list(streams)
    assert len(names) <= 3, "one directory sector holds the root and three streams"
    data = {n: streams[n] + b"\0" * max(0, 4096 - len(streams[n])) for n in names}
    fat = [_FAT, _END]
    starts = {}
    next_sector = 2
    for name in names:
        count = -(-len(data[name]) // sector)
        starts[name] = next_sector
        fat.extend(next_sector + i + 1 for i in range(count - 1))
        fat.append(_END)
        next_sector += count
    assert len(fat) <= sector // 4
    fat += [_FREE] * (sector // 4 - len(fat))

    def entry(
        name: str, kind: int, left: int, right: int, child: int, start: int, size: int
    ) -> bytes:
        encoded = name.encode("utf-16-le") + b"\0\0"
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", left, right, child)
            + b"\0" * 16
            + struct.pack("<I", 0)
            + b"\0" * 16
            + struct.pack("<IQ", start, size)
        )

    # The root's child is the first stream; the others hang as right siblings (a valid,
    # all-black, degenerate tree).
    entries = [entry("Root Entry", 5, _FREE, _FREE, 1 if names else _FREE, _END, 0)]
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else _FREE
        entries.append(entry(name, 2, _FREE, right, _FREE, starts[name], len(data[name])))
    while len(entries) < 4:
        entries.append(entry("", 0, _FREE, _FREE, _FREE, 0, 0))
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", _FREE) * 108
    )
    assert len(header) == sector
    body = struct.pack(f"<{sector // 4}I", *fat) + b"".join(entries)
    for name in names:
        chunk = data[name]
        body += chunk + b"\0" * (-len(chunk) % sector)
    return header + body


def password_docx_bytes() -> bytes:
    """What Word writes for a .docx saved with a password: an OLE2 container whose
    "EncryptedPackage" stream holds the encrypted zip (here random bytes)."""
    info = struct.pack("<HHI", 4, 4, 0x40) + b'<?xml version="1.0"?><encryption/>'
    package = struct.pack("<Q", 8000) + os.urandom(8000)
    return cfb_bytes({"EncryptionInfo": info, "EncryptedPackage": package})


# ---------------------------------------------------------------- PDF


def encrypted_pdf(source: Path, target: Path, password: str = "secret") -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(str(source)).pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password="owner-" + password)
    with open(target, "wb") as handle:
        writer.write(handle)
    return target


def zero_page_pdf(target: Path) -> Path:
    from pypdf import PdfWriter

    with open(target, "wb") as handle:
        PdfWriter().write(handle)
    return target


def scanned_pdf(target: Path, text_pages: Iterable[str] = ()) -> Path:
    """A PDF whose first pages carry text and whose last page is only an image."""
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=11)
    for text in text_pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    image = io.BytesIO()
    Image.new("RGB", (200, 280), "white").save(image, format="PNG")
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=180)
    pdf.output(str(target))
    return target


# ---------------------------------------------------------------- zips


def zip_with(path: Path, members: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            archive.writestr(info, data)
    return path


def symlink_member(name: str, target: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = 0o120777 << 16
    return info


class Utf8NoFlagInfo(zipfile.ZipInfo):
    """A member name stored in UTF-8 without the UTF-8 flag (some tools do so)."""

    def _encodeFilenameFlags(self):  # noqa: N802
        return self.filename.encode("utf-8"), self.flag_bits & ~0x800


# ---------------------------------------------------------------- inputs untouched


def fingerprint(root: Path) -> dict[str, tuple[int, str]]:
    """path -> (mtime_ns, sha256) of every regular file under root (links not followed)."""
    prints = {}
    for folder, _, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            if path.is_symlink():
                prints[str(path)] = (path.lstat().st_mtime_ns, "link")
                continue
            stat = path.stat()
            if stat.st_size > 50 * 1024 * 1024:
                prints[str(path)] = (stat.st_mtime_ns, f"size:{stat.st_size}")  # sparse giant
                continue
            prints[str(path)] = (stat.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
    return prints


def outline(piece) -> list[tuple[str | None, str, int]]:
    """(number, title, level) of every article of a piece, in order."""
    return [(a.number, a.title, a.level) for a in piece.all_articles()]


def codes(findings) -> list[str]:
    return [f.code for f in findings]
