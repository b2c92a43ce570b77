"""Annotated copies of the buyer's own pieces: Word comments (and tracked-change
corrections), PDF highlights and notes, ODT annotations.

The original files are only read (through `review.sources.read_source_bytes`); every copy
goes under the output folder as `<name>_annote.<ext>`, keeping the piece's sub-folders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from clausier.model import Finding, Piece, Report

SUPPORTED = ("docx", "pdf", "odt")
SUFFIX = "_annote"


@dataclass
class AnnotationResult:
    """What `annotate_report` did; `notes` are French sentences for the user."""

    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # existing outputs left alone (no --force)
    notes: list[str] = field(default_factory=list)
    comments: int = 0  # comments / annotations written, all copies together
    corrections: int = 0  # findings with a proposed tracked change (Word)


def annotate(
    report: Report,
    source_path: Path,
    out_dir: Path,
    corrections: bool = False,
    force: bool = False,
    author: str = "Clausier",
) -> list[Path]:
    """Write an annotated copy of every readable piece that has findings; the paths written."""
    return annotate_report(report, source_path, out_dir, corrections, force, author).written


def annotate_report(
    report: Report,
    source_path: Path,
    out_dir: Path,
    corrections: bool = False,
    force: bool = False,
    author: str = "Clausier",
) -> AnnotationResult:
    from review.sources import read_source_bytes

    result = AnnotationResult()
    out_dir = Path(out_dir)
    by_piece: dict[str, list[Finding]] = {}
    for finding in report.findings:
        if finding.piece:
            by_piece.setdefault(finding.piece, []).append(finding)
    used: set[str] = set()
    for piece in report.pieces:
        findings = by_piece.get(piece.path)
        if not findings:
            continue
        fmt = piece.format.lower()
        if fmt not in SUPPORTED:
            result.notes.append(
                f"{piece.path} : pas de copie annotée pour le format .{fmt} "
                "(Word .docx, PDF et .odt seulement) ; ses constats sont dans le rapport."
            )
            continue
        if not piece.readable:
            result.notes.append(
                f"{piece.path} : pièce illisible, pas de copie annotée (voir le constat CS901)."
            )
            continue
        out = output_path(out_dir, piece.path, used)
        if out.exists() and not force:
            result.kept.append(out)
            result.notes.append(
                f"{out} existe déjà : copie annotée non refaite (ajoutez --force pour la remplacer)."
            )
            continue
        try:
            data = read_source_bytes(source_path, piece.path)
        except (OSError, ValueError) as error:
            result.notes.append(f"{piece.path} : pièce introuvable pour l'annoter ({error}).")
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        try:
            count, fixed = _annotate_one(fmt, data, piece, findings, out, corrections, author)
        except Exception as error:  # a file the reader accepted but the writer cannot handle
            out.unlink(missing_ok=True)
            result.notes.append(
                f"{piece.path} : la copie annotée n'a pas pu être écrite ({type(error).__name__} : "
                f"{error}) ; ses constats sont dans le rapport."
            )
            continue
        result.written.append(out)
        result.comments += count
        result.corrections += fixed
    return result


def _annotate_one(
    fmt: str,
    data: bytes,
    piece: Piece,
    findings: list[Finding],
    out: Path,
    corrections: bool,
    author: str,
) -> tuple[int, int]:
    """(comments, tracked-change corrections) written for one piece."""
    if fmt == "docx":
        from .docx import annotate_docx

        return annotate_docx(data, piece, findings, out, corrections=corrections, author=author)
    if fmt == "pdf":
        from .pdf import annotate_pdf

        return annotate_pdf(data, piece, findings, out, author=author), 0
    from .odt import annotate_odt

    return annotate_odt(data, piece, findings, out, author=author), 0


_UNSAFE = re.compile(r'[<>:"|?*\x00-\x1f\\]')


def output_path(out_dir: Path, piece_path: str, used: set[str] | None = None) -> Path:
    """`out_dir/<sub-folders>/<name>_annote.<ext>` for a piece path; never outside out_dir.

    Archive members keep their folders (`DCE.zip/RC.pdf` -> `DCE_zip/RC_annote.pdf`);
    `..`, absolute parts and characters Windows refuses are dropped or replaced; two
    pieces that would land on the same name get `-2`, `-3` …
    """
    parts = []
    for part in PurePosixPath(piece_path.replace("\\", "/")).parts:
        if part in ("", ".", "..", "/"):
            continue
        part = _UNSAFE.sub("_", part).strip(" .")
        if part:
            parts.append(part)
    if not parts:
        parts = ["piece"]
    *folders, name = parts
    folders = [f.replace(".", "_") for f in folders]  # "DCE.zip" -> "DCE_zip"
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    base = "/".join([*folders, f"{stem}{SUFFIX}"])
    candidate, n = base, 1
    used = used if used is not None else set()
    while candidate.lower() in used:
        n += 1
        candidate = f"{base}-{n}"
    used.add(candidate.lower())
    out = Path(out_dir, *candidate.split("/"))
    out = out.with_name(out.name + (f".{ext.lower()}" if ext else ""))
    root = Path(out_dir).resolve()
    if not out.resolve().is_relative_to(root):  # defence in depth: never leave out_dir
        out = Path(out_dir) / f"{stem}{SUFFIX}-{len(used)}.{ext.lower()}"
    return out


__all__ = ["AnnotationResult", "annotate", "annotate_report", "output_path"]
