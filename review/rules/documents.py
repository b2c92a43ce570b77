"""CS9xx — the documents themselves. The readers find these problems; this family passes
them through once each, so that the profile's severities and silences apply to them like
to every other code."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from clausier.model import Consultation, Finding, Piece, PieceKind
from review.nlp import fold
from review.rules import finding, rule

if TYPE_CHECKING:
    from review.facts import Facts
    from review.rules import RuleContext


def _reading_findings(consultation: Consultation, code: str) -> Iterable[Finding]:
    yield from (f for f in consultation.findings if f.code == code)
    for piece in consultation.pieces:
        yield from (f for f in piece.findings if f.code == code)


@rule("CS901")
def unreadable(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    return _reading_findings(consultation, "CS901")


@rule("CS902")
def scanned(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    return _reading_findings(consultation, "CS902")


@rule("CS903")
def not_final(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    return _reading_findings(consultation, "CS903")


@rule("CS904")
def unknown_kind(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    # A scanned piece without any text cannot be typed: its CS902 already says it cannot
    # be reviewed, a CS904 beside it would only repeat it.
    scanned = {
        p.path
        for p in consultation.pieces
        if not p.blocks and any(f.code == "CS902" for f in p.findings)
    }
    return (f for f in _reading_findings(consultation, "CS904") if f.piece not in scanned)


# What people add to a file name when they keep another version of it: « (copie) »,
# « - Copie », « (2) », « _v2 », « version 3 », « ind A » / « indice B » / « rev 2 » (an
# architect's or engineer's index), « final », « définitif ».
_VERSION_MARKS = re.compile(
    r"\((?:copie|copy|\d+)\)|[\s_-]*(?:copie|copy)(?:\s+de)?(?=$|[\s_-])|[\s_-]*v(?:ersion)?\s*\d+$"
    r"|[\s_-]+(?:ind(?:ice)?|rev(?:ision)?)(?:[.\s_-]+[a-z0-9]{1,2}|\d{1,2})$"
    r"|[\s_-]*(?:final|finale|definitif|definitive|def)$"
)


def version_stem(path: str) -> str:
    """The file name without its versions: « RC_v2.pdf » and « RC_v1.pdf » -> « rc »,
    « CCAP (copie).docx » -> « ccap »; « AE_Lot01 » keeps its lot."""
    stem = fold(PurePosixPath(path).stem)
    previous = None
    while previous != stem:
        previous, stem = stem, _VERSION_MARKS.sub("", stem).strip(" _-")
    return stem


def _same_piece(first: Piece, second: Piece) -> str | None:
    """Why two pieces of one kind look like versions of one piece, or None."""
    if first.sha256 and first.sha256 == second.sha256:
        return "même contenu"
    # « Lot 1 - Gros oeuvre/AE.docx » and « Lot 2 - Charpente/AE.docx »: one folder per
    # lot, two pieces; the same name counts within one folder only.
    same_folder = PurePosixPath(first.path).parent == PurePosixPath(second.path).parent
    if same_folder and version_stem(first.path) == version_stem(second.path):
        return "même nom de pièce, à la version près"
    return None


@rule("CS905")
def duplicate_pieces(
    consultation: Consultation, facts: Facts, ctx: RuleContext
) -> Iterable[Finding]:
    seen: list[Piece] = []
    for piece in consultation.pieces:
        if piece.kind == PieceKind.AUTRE or not piece.readable:
            continue
        for earlier in seen:
            why = earlier.kind == piece.kind and _same_piece(earlier, piece)
            if why:
                yield finding(
                    "CS905",
                    f"« {earlier.path} » et « {piece.path} » semblent deux versions du même "
                    f"{piece.kind.value} ({why}) : une seule doit être publiée.",
                    piece=piece.path,
                    suggestion="Gardez dans le DCE la version à publier et retirez l'autre ; "
                    "si ce sont deux pièces distinctes, donnez-leur des noms qui les distinguent.",
                )
                break
        seen.append(piece)
