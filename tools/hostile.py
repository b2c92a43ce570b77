"""Hostile files, made by code: one builder per class of issue 12 (« Hostile input »), and
the seeded mutations of real files that the fuzz test and benchmarks/fuzz_readers.py run.

Every builder returns (file name, bytes). Nothing here is clever: a zip is written by
hand when its headers must lie, otherwise with zipfile.
"""

from __future__ import annotations

import bz2
import io
import lzma
import random
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

# ---------------------------------------------------------------- zips that lie


def raw_zip(members: list[tuple[str, int, bytes, int, int]], version: int = 20) -> bytes:
    """A zip written by hand: (name, method, compressed bytes, declared size, CRC) per
    member, so that sizes, methods and versions can say anything."""
    out, central = io.BytesIO(), io.BytesIO()
    for name, method, data, declared, crc in members:
        encoded = name.encode("utf-8")
        offset = out.tell()
        out.write(
            struct.pack(
                "<4s5H3L2H",
                b"PK\x03\x04",
                version,
                0x800,
                method,
                0,
                0,
                crc,
                len(data),
                declared,
                len(encoded),
                0,
            )  # fmt: skip
        )
        out.write(encoded + data)
        central.write(
            struct.pack(
                "<4s6H3L5H2L",
                b"PK\x01\x02",
                version,
                version,
                0x800,
                method,
                0,
                0,
                crc,
                len(data),
                declared,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )  # fmt: skip
        )
        central.write(encoded)
    start, size = out.tell(), central.tell()
    out.write(central.getvalue())
    out.write(
        struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), size, start, 0)
    )
    return out.getvalue()


def deflate(data: bytes) -> bytes:
    """Raw deflate, as a zip member holds it."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def lzma_zip_data(data: bytes) -> bytes:
    """`data` compressed as zip's LZMA method writes it (header, properties, raw LZMA1)."""
    compressor = lzma.LZMACompressor(lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA1}])
    body = compressor.compress(data) + compressor.flush()
    props = lzma._encode_filter_properties({"id": lzma.FILTER_LZMA1})
    return struct.pack("<BBH", 9, 4, len(props)) + props + body


def lying_bomb(method: int = zipfile.ZIP_BZIP2, expanded: int = 32 << 20, name: str = "CCAP.pdf"):
    """A member whose real expansion (`expanded` bytes) is far past its declared size."""
    real = b"\0" * expanded
    data = bz2.compress(real, 9) if method == zipfile.ZIP_BZIP2 else lzma_zip_data(real)
    return f"bomb-{method}.zip", raw_zip([(name, method, data, 1 << 20, zlib.crc32(real))])


def package_with_lying_part(package: bytes, part: str, method: int = zipfile.ZIP_BZIP2):
    """A .docx/.odt whose `part` is replaced by a bzip2/LZMA bomb that lies about its size."""
    source = zipfile.ZipFile(io.BytesIO(package))
    real = b"<w:t>" + b"\0" * (16 << 20)
    members = []
    for info in source.infolist():
        if info.filename == part:
            data = bz2.compress(real, 9) if method == zipfile.ZIP_BZIP2 else lzma_zip_data(real)
            members.append((part, method, data, info.file_size, zlib.crc32(real)))
        else:
            content = source.read(info)
            members.append((info.filename, 8, deflate(content), len(content), zlib.crc32(content)))
    return raw_zip(members)


def corrupt_deflate(package: bytes) -> bytes:
    """The first deflated member's data scrambled in the middle (CRC kept): zlib.error."""
    data = bytearray(package)
    info = next(i for i in zipfile.ZipFile(io.BytesIO(package)).infolist() if i.compress_type == 8)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(info.compress_size // 3, info.compress_size // 3 + 64):
        data[start + k] ^= 0xFF
    return bytes(data)


def encrypted_member(package: bytes, name: str = "mimetype") -> bytes:
    """`name` flagged as encrypted (bit 0) in both headers: zipfile raises RuntimeError."""
    data = bytearray(package)
    for info in zipfile.ZipFile(io.BytesIO(package)).infolist():
        if info.filename == name:
            data[info.header_offset + 6] |= 1
    end = package.rfind(b"PK\x05\x06")
    start = struct.unpack("<L", package[end + 16 : end + 20])[0]
    position = start
    while package[position : position + 4] == b"PK\x01\x02":
        n, m, k = struct.unpack("<3H", package[position + 28 : position + 34])
        if package[position + 46 : position + 46 + n].decode("utf-8", "replace") == name:
            data[position + 8] |= 1
        position += 46 + n + m + k
    return bytes(data)


def future_version(package: bytes) -> bytes:
    """Every central entry says « needs zip version 8.4 »: NotImplementedError in zipfile."""
    data = bytearray(package)
    end = package.rfind(b"PK\x05\x06")
    position = struct.unpack("<L", package[end + 16 : end + 20])[0]
    while package[position : position + 4] == b"PK\x01\x02":
        data[position + 6 : position + 8] = struct.pack("<H", 84)
        n, m, k = struct.unpack("<3H", package[position + 28 : position + 34])
        position += 46 + n + m + k
    return bytes(data)


# ---------------------------------------------------------------- numbers inside documents

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
    'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
    'application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def docx(document_body: str, numbering: str | None = None, name: str = "CCAP.docx"):
    """A minimal .docx: `document_body` inside <w:body>, `numbering` inside <w:numbering>."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELS)
        package.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{W}"><w:body>{document_body}</w:body></w:document>',
        )
        if numbering is not None:
            package.writestr(
                "word/numbering.xml", f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>'
            )
    return name, buffer.getvalue()


def numbered_docx(start: str = "100000000000", fmt: str = "lowerRoman"):
    """Article titles numbered by a list whose start value is `start` (1e11 roman: one
    string of 10⁸ « m »; 2e10 letters: one of 7.7·10⁸ letters)."""
    numbering = (
        f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="Article %1 -"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    paragraphs = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        f"<w:r><w:t>Clause sociale d'insertion {n}</w:t></w:r></w:p>"
        for n in range(3)
    )
    return docx(paragraphs, numbering, name=f"numbering-{fmt}-{start[:12]}.docx")


ODF = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
)


def odt(body: str, automatic_styles: str = "", name: str = "CCAP.odt"):
    """A minimal .odt with `body` inside <office:text>."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        package.writestr(
            "content.xml",
            f"<office:document-content {ODF}><office:automatic-styles>{automatic_styles}"
            f"</office:automatic-styles><office:body><office:text>{body}</office:text>"
            "</office:body></office:document-content>",
        )
    return name, buffer.getvalue()


def numbered_odt(start: str = "20000000000", spaces: str = "3000000000"):
    """A list starting at `start` (letters) and a `text:s` repeating `spaces` spaces."""
    styles = (
        '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" '
        f'style:num-format="a" text:start-value="{start}"/></text:list-style>'
    )
    body = (
        '<text:list text:style-name="L1"><text:list-item><text:p>Clause sociale'
        "</text:p></text:list-item>"
        f'<text:list-item text:start-value="{start}"><text:p>Heures</text:p></text:list-item>'
        f'</text:list><text:p>Article 1<text:s text:c="{spaces}"/>Insertion</text:p>'
    )
    return odt(body, styles, name=f"numbering-{start[:12]}.odt")


# ---------------------------------------------------------------- amplification


def nested_zip(archives: int = 3, members: int = 600, member_bytes: int = 500_000):
    """Zips of `members` text members, each zip and each member under the size above
    which the ratio is checked (2 MB): 900 MB of text in 20 KB."""
    line = "Article 4 - Clause sociale d'insertion : le titulaire réalise des heures.\n"
    text = (line * (member_bytes // len(line) + 1))[:member_bytes].encode("utf-8")
    packed, crc = deflate(text), zlib.crc32(text)  # compressed once, written 1800 times
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_DEFLATED) as top:
        for k in range(archives):
            inner = raw_zip(
                [(f"piece-{k}-{n}.txt", 8, packed, len(text), crc) for n in range(members)]
            )
            top.writestr(f"lot-{k}.zip", inner)
    return "nested-3x600.zip", outer.getvalue()


def many_paragraphs_docx(paragraphs: int = 2_000_000):
    """A .docx of millions of one-word paragraphs (elements, not bytes)."""
    return docx("<w:p><w:r><w:t>a</w:t></w:r></w:p>" * paragraphs, name="paragraphes.docx")


def much_text_docx(characters: int = 40_000_000):
    """A .docx holding `characters` of one repeated sentence (a 400 KB file)."""
    sentence = "Le titulaire réalise des heures d'insertion. "
    text = sentence * (characters // len(sentence))
    return docx(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>", name="texte.docx")


# ---------------------------------------------------------------- identity and profiles


def duplicate_names_zip(pieces: dict[str, bytes]):
    """Members written under the same name (and the same name in another case), plus a
    member named « . »."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in pieces.items():
            archive.writestr(name, data)
            archive.writestr(name, data)
            archive.writestr(name.lower(), data)
        archive.writestr(".", next(iter(pieces.values())))
    return "doublons.zip", buffer.getvalue()


def deep_profile(levels: int = 5000) -> tuple[str, bytes]:
    return "profil-profond.toml", ("a = " + "[" * levels + "]" * levels + "\n").encode()


# ---------------------------------------------------------------- mutations (fuzzing)

Mutation = Callable[[bytes, random.Random], bytes]


def flip_bits(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        position = rng.randrange(len(out))
        out[position] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, max(len(data), 2))]


def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]] | None:
    """The members of a zip, read with the same bound as Clausier (a seed may be a bomb)."""
    from review.members import read_member

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        return [(i, read_member(archive, i, 8 << 20)) for i in archive.infolist()]
    except Exception:  # noqa: BLE001 - not a package, or a bomb: other mutations then
        return None


def _rezip(members: list[tuple[str, int, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, method, content in members:
            archive.writestr(zipfile.ZipInfo(name), content, compress_type=method)
    return buffer.getvalue()


def rename_member(data: bytes, rng: random.Random) -> bytes:
    """A member renamed: dropped letter, other case, « . », or another member's name."""
    members = _members(data)
    if not members:
        return flip_bits(data, rng)
    names = [i.filename for i, _ in members]
    k = rng.randrange(len(members))
    name = names[k]
    choice = rng.randrange(4)
    if choice == 0 and len(name) > 1:
        cut = rng.randrange(len(name))
        name = name[:cut] + name[cut + 1 :]
    elif choice == 1:
        name = name.swapcase()
    elif choice == 2:
        name = rng.choice([".", "./", "a/../b", "/" + name, "sous/./" + name])
    else:
        name = rng.choice(names)
    return _rezip(
        [(name if n == k else i.filename, i.compress_type, c) for n, (i, c) in enumerate(members)]
    )


def recompress(data: bytes, rng: random.Random) -> bytes:
    """Members recompressed with bzip2 or LZMA (honest sizes), sometimes with lying ones."""
    members = _members(data)
    if not members:
        return flip_bits(data, rng)
    method = rng.choice([zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
    rezipped = _rezip([(i.filename, method, c) for i, c in members])
    if rng.random() < 0.5:
        return rezipped
    # Lie: every declared size divided by 4 (central directory and local headers).
    out = bytearray(rezipped)
    for info in zipfile.ZipFile(io.BytesIO(rezipped)).infolist():
        out[info.header_offset + 22 : info.header_offset + 26] = struct.pack(
            "<L", info.file_size // 4
        )
    return bytes(out)


_NUMBERS = re.compile(
    rb'(w:start w:val="|w:val="|text:start-value="|text:c="|text:level="|'
    rb'table:number-columns-repeated="|table:number-rows-repeated="|w:ilvl w:val=")(-?\d+)'
)
_HUGE = [b"100000000000", b"20000000000", b"-99999999999", b"9" * 5000, b"4294967296", b"0"]


def inflate_numbers(data: bytes, rng: random.Random) -> bytes:
    """Numbers written in the package's XML (start values, repeat counts, levels) made huge."""
    members = _members(data)
    if not members:
        return flip_bits(data, rng)

    def swap(match: re.Match[bytes]) -> bytes:
        return match.group(1) + (rng.choice(_HUGE) if rng.random() < 0.5 else match.group(2))

    changed = []
    for info, content in members:
        if info.filename.endswith(".xml"):
            content = _NUMBERS.sub(swap, content)
        changed.append((info.filename, zipfile.ZIP_DEFLATED, content))
    return _rezip(changed)


MUTATIONS: dict[str, Mutation] = {
    "flip_bits": flip_bits,
    "truncate": truncate,
    "rename_member": rename_member,
    "recompress": recompress,
    "inflate_numbers": inflate_numbers,
}

SEED_SUFFIXES = {".docx", ".odt", ".pdf", ".xlsx", ".ods", ".zip"}


def seed_files(*roots: Path) -> list[Path]:
    """The real files the mutations start from (samples and test fixtures)."""
    found: list[Path] = []
    for root in roots:
        if root.is_dir():
            found += sorted(p for p in root.rglob("*") if p.suffix.lower() in SEED_SUFFIXES)
    return found


def mutants(seeds: list[Path], count: int, seed: int = 12):
    """`count` (name, bytes, mutation) cases, the same for the same `seed`."""
    rng = random.Random(seed)
    originals = [(p.name, p.read_bytes()) for p in seeds]
    names = sorted(MUTATIONS)
    for n in range(count):
        name, data = originals[n % len(originals)]
        mutation = (
            names[(n // len(originals)) % len(names)]
            if n < len(originals) * len(names)
            else rng.choice(names)
        )
        yield f"{n:05d}-{mutation}-{name}", MUTATIONS[mutation](data, rng), mutation
