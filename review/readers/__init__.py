"""Readers: one module per format, each turning a `SourceFile` into a `Piece` of blocks.

The format is recognised from the content first (a .pdf that is really a Word file is
read as Word), the extension second. `read_source` never raises: every failure becomes
a CS901 finding on the Piece, in French, naming the file and what to do. Readers never
execute or fetch anything a document points to (no external entities, no network).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from clausier.model import Finding, Location, Piece, Place, Severity
from review.budget import BudgetSpent
from review.members import (
    ENCRYPTED,
    MemberError,
    is_standard,
    open_zip,
    read_member,
    standard_copy,
)
from review.sources import SourceFile, extension


class ReadError(Exception):
    """A piece that cannot be read, with the French message and advice for the user."""

    def __init__(self, message: str, suggestion: str) -> None:
        super().__init__(message)
        self.message = message
        self.suggestion = suggestion


class ReadTimeout(BaseException):  # noqa: N818 - BaseException so readers' `except Exception` lets it through
    """Raised by the reading alarm when a reader runs too long (see review.reading)."""


def finding(
    piece: Piece | str,
    code: str,
    severity: Severity,
    message: str,
    suggestion: str | None = None,
    page: int | None = None,
    paragraph: int | None = None,
) -> Finding:
    return Finding(
        code=code,
        severity=severity,
        message=message,
        suggestion=suggestion,
        piece=piece.path if isinstance(piece, Piece) else piece,
        location=Location(page=page, paragraph=paragraph),
    )


def paragraph_place(paragraph: int, cell: tuple[int, int, int] | None) -> Place:
    """Where a Word/ODT paragraph stands: its reading-order number, and its table cell
    (table, row, cell) when it is in one."""
    if cell is None:
        return Place(paragraph=paragraph)
    table, row, column = cell
    return Place(paragraph=paragraph, table=table, row=row, cell=column)


def unreadable(piece: Piece, message: str, suggestion: str) -> None:
    piece.findings.append(finding(piece, "CS901", Severity.ERROR, message, suggestion))


_REVISION_ADVICE = {
    "changes": {
        "odt": "Dans LibreOffice : Édition > Suivi des modifications > Gérer > Tout accepter (ou "
        "Tout refuser), puis enregistrez.",
        "docx": "Dans Word : Révision > Accepter > Accepter toutes les modifications (ou les "
        "refuser), puis enregistrez.",
    },
    "comments": {
        "odt": "Dans LibreOffice : clic droit sur un commentaire > Supprimer tous les "
        "commentaires, puis enregistrez.",
        "docx": "Dans Word : Révision > Supprimer > Supprimer tous les commentaires du document, "
        "puis enregistrez.",
    },
}


def revision_findings(
    piece: Piece, first_change: int | None = None, first_comment: int | None = None
) -> None:
    """CS903 when a word-processing piece still holds tracked changes or comments."""
    app = "odt" if piece.format == "odt" else "docx"
    if piece.has_tracked_changes:
        piece.findings.append(
            finding(
                piece,
                "CS903",
                Severity.WARNING,
                f"{piece.path} contient encore des modifications suivies : il n'est pas prêt à "
                "être publié (le texte a été relu comme si elles étaient acceptées).",
                _REVISION_ADVICE["changes"][app],
                paragraph=first_change,
            )
        )
    if piece.has_comments:
        piece.findings.append(
            finding(
                piece,
                "CS903",
                Severity.WARNING,
                f"{piece.path} contient des commentaires : il n'est pas prêt à être publié.",
                _REVISION_ADVICE["comments"][app],
                paragraph=first_comment,
            )
        )


# ---------------------------------------------------------------- format sniffing

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

FORMAT_NAMES = {
    "docx": "un document Word (.docx)",
    "doc": "un document Word ancien (.doc)",
    "pdf": "un PDF",
    "odt": "un texte OpenDocument (.odt)",
    "ods": "un classeur OpenDocument (.ods)",
    "xlsx": "un classeur Excel (.xlsx)",
    "xls": "un classeur Excel ancien (.xls)",
    "rtf": "un document RTF",
    "zip": "une archive zip",
    "txt": "un texte brut",
}


def sniff(data: bytes) -> str | None:
    """The real format of `data` from its first bytes, or None when unknown.

    "encrypted-office": an Office file protected by a password (an OLE2 container holding
    an "EncryptedPackage" stream instead of the usual zip)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _sniff_zip(data)
    if data.startswith(OLE2_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data[:1_000_000] or (
            "EncryptedPackage".encode("utf-16-le") in data
        ):
            return "encrypted-office"
        if "WordDocument".encode("utf-16-le") in data:
            return "doc"
        if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
            return "xls"
        return "ole"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    return None


def _sniff_zip(data: bytes) -> str:
    """docx, xlsx, odt, ods or zip; "zip-damaged" or "zip-encrypted" for a package that
    cannot be opened. Never raises: every zipfile error (a corrupt directory, « zip file
    version 8.4 », an encrypted « mimetype ») is an answer."""
    try:
        with open_zip(data) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "mimetype" in names:
                mimetype = read_member(archive, archive.getinfo("mimetype"), 1024)[:100]
                if b"opendocument.text" in mimetype:
                    return "odt"
                if b"opendocument.spreadsheet" in mimetype:
                    return "ods"
            if "content.xml" in names:
                return "odt"
    except MemberError as error:
        return "zip-encrypted" if error.reason == ENCRYPTED else "zip-damaged"
    except Exception:  # noqa: BLE001 - whatever a hostile directory raises, it is damaged
        return "zip-damaged"
    return "zip"


PACKAGE_FORMATS = {"docx", "docm", "odt", "ods", "xlsx", "xlsm"}


def _standard_package(data: bytes, name: str) -> bytes:
    """The package's bytes as every reader may open them: a package whose parts are
    compressed with bzip2 or LZMA (Word and LibreOffice never write them; zipfile does
    not bound them) is rewritten with stored parts, each read with a bound. ReadError
    when a part cannot be read."""
    from review.readers.xmlsafe import MAX_PART_BYTES, check_part

    try:
        with open_zip(data) as archive:
            seen: set[str] = set()
            for info in archive.infolist():
                check_part(info, name)
                if info.filename in seen:  # which one would Word read? Neither is trusted.
                    raise ReadError(
                        f"{name} contient deux parties internes du même nom ({info.filename}) : "
                        "son contenu est ambigu, il n'a pas été lu.",
                        "Ouvrez-le dans son logiciel et enregistrez-le de nouveau, ou demandez "
                        "une copie intacte.",
                    )
                seen.add(info.filename)
            if is_standard(archive):
                return data
            return standard_copy(archive, MAX_PART_BYTES)
    except MemberError as error:
        raise ReadError(
            f"{name} n'a pas pu être ouvert : une partie interne est illisible ({error.reason}).",
            "Ouvrez-le dans son logiciel et enregistrez-le de nouveau, ou demandez une copie "
            "intacte.",
        ) from error


# ---------------------------------------------------------------- dispatch


def _read_docx(source: SourceFile) -> Piece:
    from review.readers.docx import read_docx

    return read_docx(source)


def _read_pdf(source: SourceFile) -> Piece:
    from review.readers.pdf import read_pdf

    return read_pdf(source)


def _read_odt(source: SourceFile) -> Piece:
    from review.readers.odt import read_odt

    return read_odt(source)


def _read_xlsx(source: SourceFile) -> Piece:
    from review.readers.sheets import read_xlsx

    return read_xlsx(source)


def _read_ods(source: SourceFile) -> Piece:
    from review.readers.sheets import read_ods

    return read_ods(source)


def _read_legacy(source: SourceFile) -> Piece:
    from review.readers.legacy import read_legacy

    return read_legacy(source)


def _read_text(source: SourceFile) -> Piece:
    from review.readers.text import read_text

    return read_text(source)


# format -> reader. Tests may register a reader (e.g. a slow one) for a made-up format.
READERS: dict[str, Callable[[SourceFile], Piece]] = {
    "docx": _read_docx,
    "docm": _read_docx,
    "pdf": _read_pdf,
    "odt": _read_odt,
    "xlsx": _read_xlsx,
    "xlsm": _read_xlsx,
    "ods": _read_ods,
    "doc": _read_legacy,
    "rtf": _read_legacy,
    "xls": _read_legacy,
    "txt": _read_text,
    "md": _read_text,  # a readme or notes file: plain text, typed (CS904), never CS901
}

# Files that are not written pieces (plans, pictures, data): listed, never read.
NON_DOCUMENT_FORMATS = {
    "jpg", "jpeg", "png", "gif", "tif", "tiff", "bmp", "webp", "svg", "heic",
    "dwg", "dxf", "dwf", "ifc", "rvt", "skp", "mp4", "mov", "avi", "mp3", "wav",
    "xml", "html", "htm", "json", "csv", "eml", "msg", "p7s", "sig", "xades",
}  # fmt: skip

# Formats with a signature: a file with one of these extensions whose content has none
# of the known signatures is not what it claims to be.
_SIGNED_FORMATS = {"pdf", "docx", "docm", "odt", "ods", "xlsx", "xlsm", "doc", "xls", "rtf"}


def real_format(source: SourceFile, data: bytes) -> str | None:
    """The format to read `data` with: its content's, else its extension's when that
    format has no signature (text); None when the content contradicts the extension."""
    sniffed = sniff(data)
    if sniffed is not None:
        return sniffed
    return None if source.format in _SIGNED_FORMATS else source.format


def read_source(source: SourceFile) -> Piece:
    """Read one file into a Piece. Never raises (except the reading alarm, ReadTimeout)."""
    piece = Piece(path=source.path, format=source.format, size=source.size)
    try:
        data = source.read_bytes()
    except MemberError as error:
        unreadable(
            piece,
            f"{source.path} n'a pas pu être décompressé ({error.reason}).",
            "Téléchargez de nouveau l'archive ou demandez-en une copie intacte.",
        )
        return piece
    except OSError as error:
        unreadable(
            piece,
            f"{source.path} n'a pas pu être ouvert ({error.strerror or error}).",
            "Vérifiez que le fichier existe, qu'il est lisible et qu'il n'est pas ouvert "
            "ailleurs en écriture.",
        )
        return piece
    piece.size = len(data)
    piece.sha256 = hashlib.sha256(data).hexdigest()
    if not data.strip():
        unreadable(
            piece,
            f"{source.path} est vide : il ne contient aucun texte à relire.",
            "Remplacez-le par la version complète de la pièce.",
        )
        return piece
    try:
        fmt = real_format(source, data)
    except Exception:  # noqa: BLE001 - the sniffer must never lose the consultation
        fmt = "zip-damaged" if data.startswith(b"PK") else None
    if fmt in NON_DOCUMENT_FORMATS:
        return piece  # a plan or a picture: listed, not read (classify says so, CS904)
    problem = _format_problem(source, fmt)
    if problem:
        unreadable(piece, *problem)
        return piece
    assert fmt is not None
    try:
        if fmt in PACKAGE_FORMATS:
            data = _standard_package(data, source.path)
        in_memory = SourceFile(source.path, fmt, len(data), origin=source.origin, data=data)
        read = READERS[fmt](in_memory)
    except (ReadError, BudgetSpent) as error:
        unreadable(piece, error.message, error.suggestion)
        return piece
    except (RecursionError, MemoryError):
        unreadable(
            piece,
            f"{source.path} est trop complexe pour être lu (structure trop profonde ou trop "
            "grande).",
            "Enregistrez-le de nouveau depuis son logiciel d'origine, ou en PDF.",
        )
        return piece
    except Exception as error:  # noqa: BLE001 - any reader failure is a finding, never a crash
        unreadable(
            piece,
            f"{source.path} n'a pas pu être lu : le fichier semble endommagé ou incomplet "
            f"({type(error).__name__}).",
            "Ouvrez-le dans son logiciel et enregistrez-le de nouveau, ou demandez une copie "
            "intacte.",
        )
        return piece
    read.path, read.size, read.sha256 = piece.path, piece.size, piece.sha256
    from review.readers.tables import label_cells

    label_cells(read)  # « Clauses sociales | Sans »: every format's tables alike
    return read


def _format_problem(source: SourceFile, fmt: str | None) -> tuple[str, str] | None:
    """French message and advice when the content cannot be read at all."""
    name = source.path
    if fmt == "encrypted-office":
        return (
            f"{name} est protégé par un mot de passe : son contenu est chiffré et n'a pas pu "
            "être lu.",
            "Ouvrez-le dans Word et enregistrez-le sans mot de passe (Fichier > Informations > "
            "Protéger le document), puis relancez la relecture.",
        )
    if fmt == "zip-encrypted":
        return (
            f"{name} est protégé par un mot de passe : une partie de son contenu est chiffrée "
            "et n'a pas pu être lue.",
            "Ouvrez-le dans son logiciel et enregistrez-le sans mot de passe, puis relancez "
            "la relecture.",
        )
    if fmt == "zip-damaged" or (
        fmt is None and source.format in {"docx", "docm", "odt", "ods", "xlsx", "xlsm"}
    ):
        return (
            f"{name} est endommagé ou incomplet (le fichier est tronqué ou n'est pas "
            f"{FORMAT_NAMES.get(source.format, 'un document')}).",
            "Ouvrez-le dans son logiciel et enregistrez-le de nouveau, ou demandez une copie "
            "intacte.",
        )
    if fmt is None:
        expected = FORMAT_NAMES.get(source.format, f"un fichier .{source.format}")
        return (
            f"{name} ne contient pas {expected} comme son extension l'annonce : son contenu "
            "n'est pas reconnu.",
            "Vérifiez le fichier ; enregistrez la pièce au format .docx, .odt ou PDF.",
        )
    if fmt == "ole":
        return (
            f"{name} est un ancien fichier Office d'un type non pris en charge.",
            "Enregistrez-le au format .docx ou PDF.",
        )
    if fmt == "zip":
        return (
            f"{name} est une archive zip qui ne contient pas un document Word ni OpenDocument.",
            "Renommez-le en .zip pour que ses pièces soient lues.",
        )
    if fmt not in READERS:
        shown = f".{source.format}" if source.format else "sans extension"
        return (
            f"{name} : format {shown} non pris en charge, le fichier n'a pas été relu.",
            "Enregistrez la pièce au format .docx, .odt ou PDF.",
        )
    return None


__all__ = [
    "READERS",
    "ReadError",
    "ReadTimeout",
    "extension",
    "finding",
    "read_source",
    "sniff",
    "unreadable",
]
