"""Finding the consultations under a root, hashing their pieces, naming their reports."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_RESERVED = {"index", "synthese", "clausier"}  # base names the summaries use
_HASH_CHUNK = 1 << 20

# ------------------------------------------------------------------ discovery


def _is_ignored(name: str) -> bool:
    from review.sources import is_ignored

    return is_ignored(name) or name.lower() == "__macosx"


def discover(root: Path, exclude: Iterable[Path] = ()) -> tuple[list[tuple[str, Path]], list[str]]:
    """Every consultation under ROOT as (id, path), id = path relative to ROOT (posix),
    and the loose files of ROOT that were left aside.

    Each sub-folder of ROOT and each .zip is one consultation; below ROOT, a folder holding
    only sub-folders and .zip files is descended (a territory's « 2026/ » folder), and a
    folder holding any other file is one consultation (its sub-folders and zips are part
    of it). ROOT holding only loose files is itself one consultation."""
    excluded = {p.resolve() for p in exclude}
    found: list[tuple[str, Path]] = []
    loose: list[str] = []

    def children_of(folder: Path) -> list[Path]:
        try:
            children = sorted(folder.iterdir(), key=lambda p: p.name.lower())
        except OSError:
            return []
        return [c for c in children if not _is_ignored(c.name) and c.resolve() not in excluded]

    def visit(folder: Path, top: bool) -> None:
        children = children_of(folder)
        containers = [c for c in children if c.is_dir() or c.suffix.lower() == ".zip"]
        others = [c for c in children if c.is_file() and c.suffix.lower() != ".zip"]
        if others and (not top or not containers):
            found.append((_relative(root, folder), folder))
            return
        loose.extend(_relative(root, c) for c in others)
        for child in containers:
            if child.is_file():
                found.append((_relative(root, child), child))
            else:
                visit(child, top=False)

    visit(root, top=True)
    return found, loose


def _relative(root: Path, path: Path) -> str:
    relative = path.relative_to(root).as_posix()
    return relative if relative != "." else path.resolve().name


def hash_consultation(path: Path) -> tuple[str, list[list[Any]]]:
    """(content hash, [[relative path, size, sha256], ...]) of a consultation's files.
    The bytes are hashed as they are, without parsing: this is what makes a re-run of
    unchanged consultations fast."""
    if path.is_file():
        files = [(path.name, path)]
    else:
        files = []
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames[:] = sorted(d for d in dirnames if not _is_ignored(d))
            for name in sorted(filenames):
                if not _is_ignored(name):
                    full = Path(dirpath) / name
                    files.append((full.relative_to(path).as_posix(), full))
    pieces = []
    total = hashlib.sha256()
    for relative, full in files:
        digest = hashlib.sha256()
        size = 0
        try:
            with open(full, "rb") as handle:
                while chunk := handle.read(_HASH_CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
        except OSError as error:  # unreadable: the review will say so; hash the error
            digest.update(f"unreadable:{error.errno}".encode())
        pieces.append([relative, size, digest.hexdigest()])
        total.update(f"{relative}\0{digest.hexdigest()}\n".encode())
    return total.hexdigest(), pieces


def safe_name(consultation_id: str, taken: set[str]) -> str:
    """A file name for a consultation's reports, unique in the output folder. `taken`
    holds the names already given, lower-cased (file systems may ignore case)."""
    base = consultation_id[:-4] if consultation_id.lower().endswith(".zip") else consultation_id
    cleaned = "".join(
        c if (c.isalnum() or c in "-_.() ") else "_" for c in base.replace("/", "__")
    ).strip(" .")
    cleaned = cleaned[:120] or "dossier"
    if cleaned.lower() in _RESERVED:
        cleaned += "-dossier"
    name, n = cleaned, 2
    while name.lower() in taken:
        name = f"{cleaned}-{n}"
        n += 1
    return name
