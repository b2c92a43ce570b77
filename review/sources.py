"""Walk a consultation safely: a folder, a .zip (nested folders and zips) or a single file.

Archives come from outside and are treated as untrusted: nothing is ever extracted to
disk, the expanded size, the number of members, the size of each member and its
compression ratio are bounded (zip bombs), member paths that leave the archive and
symbolic links are refused. Every refusal is a CS901 finding in French; the rest of the
consultation is still collected. Input files are only ever opened for reading.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from clausier.french import fr_size
from clausier.model import Finding, Location, Severity
from review.members import MemberError, open_zip, read_member

MIB = 1024 * 1024


@dataclass
class Limits:
    """Bounds applied to what a consultation may hold (documented in docs/lecture.md)."""

    max_file_bytes: int = 150 * MIB  # one file (on disk or expanded from a zip)
    max_total_bytes: int = 1024 * MIB  # everything expanded from archives, all together
    max_members: int = 5000  # files in one consultation's archives, all together
    max_ratio: float = 100.0  # expanded size / compressed size of one member
    max_depth: int = 3  # zips inside zips
    ratio_min_bytes: int = 2 * MIB  # the ratio is only checked above this expanded size
    # The reading budget (review.budget): work, not bytes.
    max_characters: int = 20_000_000  # text read from all pieces (a long CCAP: ~200 000)
    min_characters: int = 200_000  # ... at least, whatever the consultation's size
    characters_per_byte: float = 2.0  # ... else per byte handed in (real pieces: < 1)
    max_elements: int = 5_000_000  # XML elements parsed in all pieces (a CCAP: ~50 000)
    max_pieces: int = 1000  # documents read (plans and pictures are only listed)
    max_seconds: float = 300.0  # reading the whole consultation


DEFAULT_LIMITS = Limits()

# Files that are never pieces: Office lock files, desktop litter, macOS resource forks.
_IGNORED_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}
_IGNORED_DIRS = {"__macosx"}


class Archive:
    """A zip of the consultation (on disk, or a nested zip's bytes), opened once, when
    its first member is read."""

    def __init__(self, origin: Path | bytes) -> None:
        self.origin = origin
        self._zip: zipfile.ZipFile | None = None

    def zip(self) -> zipfile.ZipFile:
        if self._zip is None:
            self._zip = open_zip(str(self.origin) if isinstance(self.origin, Path) else self.origin)
        return self._zip


@dataclass
class Member:
    """A zip member, read only when its piece is read (never more than `limit` bytes,
    whatever the archive claims): the consultation's members are not all held in memory."""

    archive: Archive
    info: zipfile.ZipInfo
    limit: int

    def read(self) -> bytes:
        return read_member(self.archive.zip(), self.info, self.limit)


@dataclass
class SourceFile:
    """One file of the consultation, on disk (`origin`), in a zip (`member`) or in
    memory (`data`)."""

    path: str  # posix path relative to the consultation root; nested zip: "DCE.zip/RC.pdf"
    format: str  # lower-case extension without dot ("docx", "pdf", ...; "" when none)
    size: int
    origin: Path | None = None
    data: bytes | None = None
    member: Member | None = field(default=None, repr=False)

    def read_bytes(self) -> bytes:
        """The file's bytes; OSError when they cannot be read (a zip member's is a
        MemberError, with its French reason)."""
        if self.data is not None:
            return self.data
        if self.member is not None:
            return self.member.read()
        if self.origin is None:
            return b""
        with open(self.origin, "rb") as handle:  # read only, never written
            return handle.read()

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name


@dataclass
class SourceSet:
    name: str
    root: Path
    sources: list[SourceFile] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def source_finding(piece: str, message: str, suggestion: str) -> Finding:
    """A CS901 finding about a file met while collecting (French message and advice)."""
    return Finding(
        code="CS901",
        severity=Severity.ERROR,
        message=message,
        suggestion=suggestion,
        piece=piece,
        location=Location(),
    )


def extension(name: str) -> str:
    suffix = PurePosixPath(name).suffix
    return suffix[1:].lower() if suffix else ""


def is_ignored(name: str) -> bool:
    """Hidden files, Office lock files (~$CCAP.docx) and desktop litter are not pieces."""
    return name.startswith((".", "~$")) or name.lower() in _IGNORED_NAMES


human_size = fr_size


class _Collector:
    def __init__(self, limits: Limits, result: SourceSet) -> None:
        self.limits = limits
        self.result = result
        self.expanded = 0  # bytes expanded from archives so far
        self.members = 0
        self.stopped: set[str] = set()  # archives abandoned after a global bound
        self.taken: set[str] = set()  # piece paths given so far, case-folded

    def refuse(self, piece: str, message: str, suggestion: str) -> None:
        self.result.findings.append(source_finding(piece, message, suggestion))

    # ------------------------------------------------------------ files on disk

    def add_disk_file(self, file: Path, rel: str) -> None:
        if file.is_symlink():
            self.refuse(
                rel,
                f"{rel} est un lien symbolique : Clausier ne suit pas les liens, le fichier "
                "n'a pas été lu.",
                "Copiez le fichier lui-même dans le dossier de la consultation.",
            )
            return
        try:
            size = file.stat().st_size
        except OSError as error:
            self.refuse(
                rel,
                f"{rel} n'a pas pu être ouvert ({error.strerror}).",
                "Vérifiez que le fichier existe et qu'il est lisible.",
            )
            return
        if extension(rel) == "zip":
            try:
                with open(file, "rb") as handle:
                    head = handle.read(4)
            except OSError:
                head = b""
            if head.startswith(b"PK"):
                self.add_zip(file, rel, depth=1)
                return
        if size > self.limits.max_file_bytes:
            self.refuse(
                rel,
                f"{rel} est trop volumineux : il dépasse la taille maximale de "
                f"{human_size(self.limits.max_file_bytes)} ({human_size(size)}), il n'a pas "
                "été lu.",
                "Séparez les plans et annexes lourdes des pièces écrites, ou relisez ce "
                "fichier à part.",
            )
            return
        self.result.sources.append(SourceFile(rel, extension(rel), size, origin=file))

    def walk_folder(self, folder: Path, prefix: str = "") -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name.lower())
        except OSError as error:
            self.refuse(
                prefix or folder.name,
                f"Le dossier {prefix or folder} n'a pas pu être parcouru ({error.strerror}).",
                "Vérifiez les droits de lecture du dossier.",
            )
            return
        for entry in entries:
            if is_ignored(entry.name) or entry.name.lower() in _IGNORED_DIRS:
                continue
            rel = f"{prefix}{entry.name}"
            if entry.is_symlink():
                self.refuse(
                    rel,
                    f"{rel} est un lien symbolique : Clausier ne suit pas les liens, il n'a "
                    "pas été lu.",
                    "Copiez le fichier ou le dossier lui-même dans la consultation.",
                )
            elif entry.is_dir(follow_symlinks=False):
                self.walk_folder(Path(entry.path), f"{rel}/")
            elif entry.is_file(follow_symlinks=False):
                self.add_disk_file(Path(entry.path), rel)
            # sockets, fifos, devices: not documents, silently left alone

    # ------------------------------------------------------------ archives

    def add_zip(
        self, origin: Path | bytes, rel: str, depth: int, prefix: str | None = None
    ) -> None:
        """Collect the members of the archive `rel`; their paths start with `prefix`
        (default "rel/"; "" when the archive is the consultation itself)."""
        prefix = f"{rel}/" if prefix is None else prefix
        if depth > self.limits.max_depth:
            self.refuse(
                rel,
                f"{rel} est une archive imbriquée au-delà de {self.limits.max_depth} niveaux : "
                "elle n'a pas été ouverte.",
                "Décompressez les archives imbriquées et déposez les pièces directement.",
            )
            return
        archive = Archive(origin)
        try:
            infos = archive.zip().infolist()
        except MemberError as error:
            self.refuse(
                rel,
                f"{rel} n'est pas une archive zip lisible ({error.reason}).",
                "Téléchargez de nouveau l'archive ou demandez-en une copie intacte.",
            )
            return
        for info in infos:
            if rel in self.stopped:
                return
            self.add_member(archive, info, rel, prefix, depth)

    def add_member(
        self,
        archive: Archive,
        info: zipfile.ZipInfo,
        zip_rel: str,
        prefix: str,
        depth: int,
    ) -> None:
        name = member_name(info)
        shown = f"{prefix}{name}"
        if info.is_dir() or name.endswith("/"):
            return
        if not is_safe_member(name):
            self.refuse(
                shown,
                f"Dans {zip_rel}, le chemin « {name} » sort du dossier de l'archive (chemin "
                "absolu ou « .. ») : ce membre a été refusé.",
                "Refaites l'archive à partir du dossier des pièces, sans chemins absolus ni "
                "« .. ».",
            )
            return
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if any(is_ignored(p) or p.lower() in _IGNORED_DIRS for p in parts):
            return
        rel = self.unique(zip_rel, prefix, "/".join(p for p in parts if p not in ("", ".")))
        mode = (info.external_attr >> 16) & 0xFFFF
        if info.create_system == 3 and stat.S_ISLNK(mode):
            self.refuse(
                rel,
                f"{rel} est un lien symbolique dans l'archive : il n'a pas été suivi.",
                "Placez dans l'archive le fichier lui-même, pas un lien.",
            )
            return
        if info.flag_bits & 0x1:
            self.refuse(
                rel,
                f"{rel} est protégé par un mot de passe dans l'archive : il n'a pas pu être lu.",
                "Refaites l'archive sans mot de passe.",
            )
            return
        self.members += 1
        if self.members > self.limits.max_members:
            self.refuse(
                zip_rel,
                f"{zip_rel} contient plus de {self.limits.max_members} fichiers : la lecture de "
                "l'archive a été arrêtée là.",
                "Vérifiez que l'archive est bien celle du DCE ; sinon relisez-la en plusieurs "
                "parties.",
            )
            self.stopped.add(zip_rel)
            return
        size = info.file_size
        if size > self.limits.max_file_bytes:
            self.refuse(
                rel,
                f"{rel} est trop volumineux une fois décompressé : il dépasse la taille "
                f"maximale de {human_size(self.limits.max_file_bytes)} ({human_size(size)}), il "
                "n'a pas été lu.",
                "Relisez ce fichier à part, ou retirez-le de l'archive s'il ne s'agit pas d'une "
                "pièce écrite.",
            )
            return
        ratio = size / max(info.compress_size, 1)
        if size >= self.limits.ratio_min_bytes and ratio > self.limits.max_ratio:
            self.refuse(
                rel,
                f"{rel} se décompresse {ratio:.0f} fois plus gros que dans l'archive (limite "
                f"{self.limits.max_ratio:.0f}) : c'est le signe d'une « bombe zip », il n'a pas "
                "été décompressé.",
                "Vérifiez l'origine de l'archive ; si elle est sûre, décompressez-la vous-même "
                "et relisez le dossier.",
            )
            return
        if self.expanded + size > self.limits.max_total_bytes:
            self.refuse(
                zip_rel,
                f"Le contenu de {zip_rel} dépasse {human_size(self.limits.max_total_bytes)} une "
                "fois décompressé : la lecture de l'archive a été arrêtée là.",
                "Vérifiez l'origine de l'archive ; retirez les fichiers lourds (plans, photos) "
                "ou relisez-la en plusieurs parties.",
            )
            self.stopped.add(zip_rel)
            return
        self.expanded += size
        member = Member(archive, info, self.limits.max_file_bytes)
        if extension(rel) == "zip":
            # A nested archive is read now (its members are listed), within the same bound.
            try:
                data = member.read()
            except MemberError as error:
                self.refuse(
                    rel,
                    f"{rel} n'a pas pu être décompressé ({error.reason}).",
                    "Téléchargez de nouveau l'archive ou demandez-en une copie intacte.",
                )
                return
            if data.startswith(b"PK"):
                self.add_zip(data, rel, depth + 1)
                return
        # Other members are read when their piece is: bounded the same way (review.members).
        self.result.sources.append(SourceFile(rel, extension(rel), size, member=member))

    def unique(self, zip_rel: str, prefix: str, name: str) -> str:
        """The member's piece path, unique in the consultation whatever the case: an
        archive may hold two « CCAP.docx » (or « CCAP.docx » and « ccap.DOCX »), and a
        member named « . » has no name at all. The second one becomes « CCAP (2).docx »
        (the archive's order decides: the same archive always gives the same paths), with
        a warning; annotations, the batch and the web use this path."""
        wanted = prefix + (name or "sans nom")
        rel, n = wanted, 2
        while rel.casefold() in self.taken:
            stem, dot, ext = wanted.rpartition(".")
            rel = f"{stem} ({n}).{ext}" if dot and "/" not in ext else f"{wanted} ({n})"
            n += 1
        self.taken.add(rel.casefold())
        if rel != prefix + name:
            shown = f"« {name} »" if name else "sans nom (« . »)"
            self.result.findings.append(
                Finding(
                    code="CS901",
                    severity=Severity.WARNING,
                    message=f"Dans {zip_rel}, un fichier {shown} porte le même nom qu'un autre "
                    f"ou n'a pas de nom : il est relu sous le nom « {rel} ».",
                    suggestion="Refaites l'archive avec un seul fichier par nom (gardez la bonne "
                    "version de chaque pièce).",
                    piece=rel,
                    location=Location(),
                )
            )
        return rel


_DRIVE = re.compile(r"^[A-Za-z]:")


def is_safe_member(name: str) -> bool:
    """False for a member path that would leave the archive's folder."""
    path = name.replace("\\", "/")
    if path.startswith("/") or _DRIVE.match(path):
        return False
    return ".." not in path.split("/")


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its author wrote it.

    With the UTF-8 flag (bit 11) zipfile already decoded it. Without the flag zipfile
    decoded cp437; Windows French tools write cp850 (and some tools write UTF-8 without
    the flag), so the original bytes are recovered and decoded again."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    if raw.isascii():
        return info.filename
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp850")


def collect_sources(path: Path, limits: Limits = DEFAULT_LIMITS) -> SourceSet:
    """The files of a consultation: a folder (recursively), a .zip, or a single file.

    Raises FileNotFoundError (French message) when `path` does not exist; every other
    problem is a CS901 finding in `SourceSet.findings`."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise FileNotFoundError(
            f"Le chemin {path} n'existe pas : indiquez un dossier de pièces, un .zip ou un fichier."
        )
    if path.is_dir() and not path.is_symlink():
        result = SourceSet(name=path.resolve().name or str(path), root=path)
        _Collector(limits, result).walk_folder(path)
        _flag_no_piece(result, path.name or str(path), f"Le dossier {path}")
        return result
    name = path.stem if extension(path.name) == "zip" else path.name
    result = SourceSet(name=name, root=path)
    collector = _Collector(limits, result)
    if extension(path.name) == "zip" and not path.is_symlink():
        # The archive is the consultation: member paths are relative to it. It is read
        # from disk member by member, so only its members are bounded, not its size.
        collector.add_zip(path, path.name, depth=1, prefix="")
        _flag_no_piece(result, path.name, f"L'archive {path.name}")
        return result
    collector.add_disk_file(path, path.name)
    return result


def input_size(path: Path) -> int:
    """Bytes handed in: the file (a .zip, a piece) or the files of the folder."""
    path = Path(path)
    if not path.is_dir():
        return path.stat().st_size if path.is_file() else 0
    total = 0
    for folder, _, names in os.walk(path):
        for name in names:
            try:
                total += os.lstat(os.path.join(folder, name)).st_size
            except OSError:
                continue
    return total


def _flag_no_piece(result: SourceSet, piece: str, where: str) -> None:
    # An empty folder or archive (often the wrong path) must not pass as a clean review.
    if not result.sources and not result.findings:
        result.findings.append(
            source_finding(
                piece,
                f"{where} ne contient aucune pièce (ni .docx, ni .pdf, ni .odt, ni .zip) : "
                "rien n'a été relu.",
                "Vérifiez le chemin : indiquez le dossier des pièces du DCE ou son archive .zip.",
            )
        )


def read_source_bytes(path: Path, piece_path: str) -> bytes:
    """The original bytes of one piece (`Piece.path`) of the consultation at `path`."""
    path = Path(path)
    if path.is_dir():
        direct = path / piece_path
        if direct.is_file() and not direct.is_symlink():
            with open(direct, "rb") as handle:
                return handle.read()
    elif path.is_file() and extension(path.name) != "zip" and piece_path == path.name:
        with open(path, "rb") as handle:
            return handle.read()
    for source in collect_sources(path).sources:
        if source.path == piece_path:
            return source.read_bytes()
    raise FileNotFoundError(f"La pièce {piece_path} est introuvable dans {path}.")
