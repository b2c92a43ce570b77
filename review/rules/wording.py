"""French wording shared by the rules: the contractions of « de » and « à » with the
article that follows (« de le lot 2 » → « du lot 2 ») and the names of the piece kinds
with their article (« le CCAP », « l'acte d'engagement »)."""

from __future__ import annotations

import re

from clausier.model import PieceKind

_CONTRACTIONS = (
    (re.compile(r"\bde les\b"), "des"),
    (re.compile(r"\bde le\b"), "du"),
    (re.compile(r"\bà les\b"), "aux"),
    (re.compile(r"\bà le\b"), "au"),
)


def de(phrase: str) -> str:
    """« de » before a noun phrase: « le lot 2 » → « du lot 2 », « les lots » → « des
    lots », « l'annexe » → « de l'annexe »."""
    return contract(f"de {phrase}")


def a(phrase: str) -> str:
    """« à » before a noun phrase: « le lot 2 » → « au lot 2 »."""
    return contract(f"à {phrase}")


def contract(text: str) -> str:
    """Apply the contractions in a sentence built from parts (article « le »/« les » after
    « de »/« à »). Only for sentences whose « le » is an article, never a pronoun."""
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


PIECE_NAMES = {
    PieceKind.RC: "le règlement de la consultation (RC)",
    PieceKind.CCAP: "le CCAP",
    PieceKind.CCTP: "le CCTP",
    PieceKind.AE: "l'acte d'engagement (AE)",
    PieceKind.AAPC: "l'avis (AAPC)",
    PieceKind.ANNEXE_CLAUSE: "l'annexe clause sociale",
    PieceKind.BPU: "le BPU",
    PieceKind.DPGF: "la DPGF",
    PieceKind.DQE: "le DQE",
    PieceKind.DC1: "le DC1",
    PieceKind.DC2: "le DC2",
    PieceKind.DC4: "le DC4",
}


def piece_name(kind: PieceKind) -> str:
    """« le CCAP », « l'acte d'engagement (AE) », « la pièce » for an unknown kind."""
    return PIECE_NAMES.get(kind, "la pièce")
