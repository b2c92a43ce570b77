"""The whole reading side, for every front end: sources -> readers -> structure."""

from __future__ import annotations

import hashlib
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from clausier.model import Consultation, Piece, PieceKind, Severity
from review import budget
from review.readers import NON_DOCUMENT_FORMATS, ReadTimeout, finding, read_source, unreadable
from review.sources import (
    DEFAULT_LIMITS,
    Limits,
    SourceFile,
    collect_sources,
    input_size,
    source_finding,
)
from review.structure import build_articles, classify


@contextmanager
def _alarm(seconds: float | None) -> Iterator[None]:
    """Raise ReadTimeout in the reader after `seconds` (main thread only: SIGALRM)."""
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def ring(signum, frame):  # noqa: ARG001
        raise ReadTimeout()

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_piece(source: SourceFile, piece_timeout: float | None = None) -> Piece:
    """Read, classify and structure one file. Never raises."""
    try:
        with _alarm(piece_timeout):
            piece = read_source(source)
    except ReadTimeout:
        piece = Piece(path=source.path, format=source.format, size=source.size)
        with suppress(OSError):
            piece.sha256 = hashlib.sha256(source.read_bytes()).hexdigest()
        unreadable(
            piece,
            f"{source.path} : lecture interrompue après {piece_timeout:g} s (document trop long "
            "ou trop complexe à lire).",
            "Enregistrez-le de nouveau (ou en PDF) pour l'alléger, ou relisez-le à part avec un "
            "délai plus long.",
        )
    account = budget.current()
    if account is not None:
        _charge(account, piece, source)  # before the structure: its work grows with the text
    try:
        classify(piece)
        build_articles(piece)
    except Exception as error:  # noqa: BLE001 - a structure bug must not lose the piece
        piece.findings.append(
            finding(
                piece,
                "CS901",
                Severity.ERROR,
                f"{piece.path} a été lu mais son plan (articles) n'a pas pu être analysé "
                f"({type(error).__name__}).",
                "Signalez ce fichier à l'équipe de Clausier ; relisez la pièce à la main.",
            )
        )
    if piece.kind == PieceKind.AUTRE and piece.readable:
        if source.format in NON_DOCUMENT_FORMATS:
            message = (
                f"{piece.path} n'est pas une pièce écrite (fichier .{source.format}) : il n'a "
                "pas été relu."
            )
            advice = "Rien à faire si c'est un plan ou une image ; sinon, fournissez la pièce en .docx, .odt ou PDF."
        else:
            message = f"{piece.path} : le type de pièce n'a pas été reconnu ({piece.kind_reason})."
            advice = (
                "Si c'est un RC, un CCAP, un AE ou l'annexe de la clause, donnez-lui son titre "
                "en première page ou un nom de fichier explicite (ex. 02_CCAP.docx)."
            )
        piece.findings.append(finding(piece, "CS904", Severity.INFO, message, advice))
    return piece


def read_consultation(
    path: Path, limits: Limits = DEFAULT_LIMITS, piece_timeout: float | None = None
) -> Consultation:
    """Read every piece of a consultation (folder, .zip or single file).

    Raises FileNotFoundError (French message) when `path` does not exist; every other
    problem is a finding on the Consultation or on its pieces."""
    sources = collect_sources(Path(path), limits)
    consultation = Consultation(name=sources.name, findings=list(sources.findings))
    with budget.account(limits, input_size(Path(path))) as account:
        for index, source in enumerate(sources.sources):
            reason = account.spent()
            if reason is not None:
                consultation.findings.append(_not_read(sources.sources[index:], reason))
                break
            # The piece's alarm never rings later than the consultation's deadline.
            left = max(account.seconds_left(), 0.001)
            timeout = left if piece_timeout is None else min(piece_timeout, left)
            consultation.pieces.append(read_piece(source, timeout))
    return consultation


def _charge(account: budget.Account, piece: Piece, source: SourceFile) -> None:
    """Count the piece's text; a piece that passes the budget is kept as unread (its text
    would make the review itself run for minutes)."""
    if source.format not in NON_DOCUMENT_FORMATS:
        account.pieces += 1
    text = sum(len(b.text) for b in piece.blocks) + sum(len(b.text) for b in piece.furniture)
    try:
        account.charge_characters(text, piece.path)
    except budget.BudgetSpent as spent:
        piece.blocks, piece.furniture, piece.articles = [], [], []
        unreadable(piece, spent.message, spent.suggestion)


def _not_read(left: list[SourceFile], reason: str):
    """One CS901 for the pieces left when the budget is spent, naming them."""
    names = [s.path for s in left]
    shown = ", ".join(names[:10]) + (f" et {len(names) - 10} autres" if len(names) > 10 else "")
    count = (
        "1 pièce n'a pas été lue" if len(names) == 1 else f"{len(names)} pièces n'ont pas été lues"
    )
    return source_finding(
        names[0],
        f"Budget de lecture épuisé ({reason}) : {count} : {shown}.",
        "Relisez ces pièces à part (un dossier plus petit, ou chaque fichier seul) ; si le "
        "dossier contient des fichiers qui ne sont pas des pièces écrites, retirez-les.",
    )
