"""One safe XML parser for every package format (docx, odt, ods, xlsx).

External entities are never resolved and nothing is fetched from the network: a piece
can point to any URL or file, the reader does not follow it."""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from review.sources import SourceFile

# Office package parts are bounded by review.sources limits; this one refuses a single
# part larger than this once decompressed (a bomb hidden inside a .docx).
MAX_PART_BYTES = 200 * 1024 * 1024


def parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=True,  # long CCAPs exceed libxml2's default depth/text limits
        remove_comments=True,
        remove_pis=True,
    )


_PARSER = parser()


def parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, _PARSER)


def read_part(archive: zipfile.ZipFile, name: str, piece: str = "Le document") -> bytes | None:
    """A package part's bytes, or None when the package has no such part."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        from review.readers import ReadError

        raise ReadError(
            f"{piece} : une partie interne ({name}) dépasse "
            f"{MAX_PART_BYTES // (1024 * 1024)} Mo une fois décompressée : le document n'a "
            "pas été lu.",
            "Enregistrez le document de nouveau depuis son logiciel, ou en PDF.",
        )
    with archive.open(info) as member:
        return member.read(info.file_size + 1)


def parse_part(
    archive: zipfile.ZipFile, name: str, piece: str = "Le document"
) -> etree._Element | None:
    data = read_part(archive, name, piece)
    return None if data is None else parse(data)


def open_package(source: SourceFile, damaged: str, advice: str) -> zipfile.ZipFile:
    """The piece's package (a zip: docx, odt, ods, xlsx); ReadError(damaged, advice)
    when the bytes are not one."""
    from review.readers import ReadError

    try:
        return zipfile.ZipFile(io.BytesIO(source.read_bytes()))
    except zipfile.BadZipFile as error:
        raise ReadError(damaged, advice) from error


def required_part(
    archive: zipfile.ZipFile, name: str, piece: str, missing: str, advice: str
) -> etree._Element:
    """A part the format cannot do without (document.xml, content.xml); ReadError(missing,
    advice) when the package lacks it."""
    root = parse_part(archive, name, piece)
    if root is None:
        from review.readers import ReadError

        raise ReadError(missing, advice)
    return root
