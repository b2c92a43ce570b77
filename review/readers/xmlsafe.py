"""One safe XML parser for every package format (docx, odt, ods, xlsx).

External entities are never resolved and nothing is fetched from the network: a piece
can point to any URL or file, the reader does not follow it."""

from __future__ import annotations

import zipfile
from typing import TYPE_CHECKING

from lxml import etree

from review import budget
from review.members import MemberError, open_zip, read_member

if TYPE_CHECKING:
    from review.sources import SourceFile

# Office package parts are bounded by review.sources limits; this one refuses a single
# part larger than this once decompressed (a bomb hidden inside a .docx).
MAX_PART_BYTES = 200 * 1024 * 1024
# A part is also refused when it expands more than this many times above RATIO_MIN_BYTES
# (real document.xml and styles.xml expand 5 to 40 times; 150 MB of one repeated
# paragraph in a 400 KB .docx, 400 times).
MAX_PART_RATIO = 100.0
RATIO_MIN_BYTES = 2 * 1024 * 1024
# Numbers written inside documents (numbering start values, repeated spaces) drive
# loops and strings: they are read within these bounds (Word's own maximum start: 32767).
MAX_NUMBER = 32767
MAX_REPEAT = 1000


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


def parse(data: bytes, piece: str = "Le document") -> etree._Element:
    """The XML tree of `data`, charged to the consultation's reading budget: its elements
    are counted on the bytes before any tree is built, its text before it is read."""
    account = budget.current()
    if account is not None:
        account.charge_elements(budget.count_elements(data), piece)
        if account.characters + len(data) > account.limits.max_characters:
            root = etree.fromstring(data, _PARSER)
            account.check_characters(sum(len(t) for t in root.itertext()), piece)
            return root
    return etree.fromstring(data, _PARSER)


def bounded_int(text: str | None, default: int, high: int = MAX_NUMBER, low: int = 0) -> int:
    """A number written in a document (`w:start`, `text:start-value`, `text:c`), within
    [low, high]; `default` when it is not a number."""
    if not text or len(text) > 12 or not text.lstrip("-").isdecimal():
        return default
    try:
        value = int(text)
    except ValueError:
        return default
    return max(low, min(high, value))


def check_part(info: zipfile.ZipInfo, piece: str) -> None:
    """ReadError when a part of the package would expand past MAX_PART_BYTES, or by more
    than MAX_PART_RATIO (a bomb inside a .docx; its declared size is all zipfile knows
    before reading, and review.members makes sure no more is ever produced)."""
    size = info.file_size
    ratio = size / max(info.compress_size, 1)
    if size <= MAX_PART_BYTES and (size < RATIO_MIN_BYTES or ratio <= MAX_PART_RATIO):
        return
    from review.readers import ReadError

    if size > MAX_PART_BYTES:
        detail = f"dépasse {MAX_PART_BYTES // (1024 * 1024)} Mo une fois décompressée"
    else:
        detail = (
            f"se décompresse {ratio:.0f} fois plus grosse que dans le fichier (limite "
            f"{MAX_PART_RATIO:.0f}), le signe d'un document piégé"
        )
    raise ReadError(
        f"{piece} : une partie interne ({info.filename}) {detail} : le document n'a pas été lu.",
        "Enregistrez le document de nouveau depuis son logiciel, ou en PDF ; s'il vient d'une "
        "source inconnue, demandez-en une copie.",
    )


def read_part(archive: zipfile.ZipFile, name: str, piece: str = "Le document") -> bytes | None:
    """A package part's bytes, or None when the package has no such part."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    check_part(info, piece)
    try:
        return read_member(archive, info, MAX_PART_BYTES)
    except MemberError as error:
        from review.readers import ReadError

        raise ReadError(
            f"{piece} : une partie interne ({name}) est illisible ({error.reason}) : le "
            "document n'a pas été lu.",
            "Ouvrez-le dans son logiciel et enregistrez-le de nouveau, ou demandez une copie "
            "intacte.",
        ) from error


def parse_part(
    archive: zipfile.ZipFile, name: str, piece: str = "Le document"
) -> etree._Element | None:
    data = read_part(archive, name, piece)
    return None if data is None else parse(data, piece)


def open_package(source: SourceFile, damaged: str, advice: str) -> zipfile.ZipFile:
    """The piece's package (a zip: docx, odt, ods, xlsx); ReadError(damaged, advice)
    when the bytes are not one."""
    from review.readers import ReadError

    try:
        return open_zip(source.read_bytes())
    except MemberError as error:
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
