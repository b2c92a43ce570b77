"""CS1xx — is the clause where it must be (per consultation)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from clausier.model import Consultation, Finding, Location, PieceKind
from review.nlp import unaccent
from review.rules import finding, rule
from review.rules.scope import scope

if TYPE_CHECKING:
    from review.facts import Facts
    from review.rules import RuleContext


def _first_location(facts: Facts, path: str) -> tuple[Location, str | None]:
    text = facts.texts.get(path)
    if text is None or not text.piece.blocks:
        return Location(), None
    block = next((b for b in text.piece.blocks if b.text.strip()), text.piece.blocks[0])
    return Location.at(block.place), block.text[:200]


def _has_clause_article(facts: Facts, path: str) -> bool:
    return bool(facts.of("clause_article", path))


def _mentions(facts: Facts, path: str) -> bool:
    return bool(
        facts.of("clause_mention", path)
        or facts.of("hours", path)
        or facts.of("clause_article", path)
    )


def _pieces_without(
    code: str,
    kind: PieceKind,
    present: Callable[[Facts, str], bool],
    args: tuple[Consultation, Facts, RuleContext],
    message: str,
    suggestion: str,
) -> Iterable[Finding]:
    """When the consultation carries a clause: a finding at the start of each piece of
    `kind` read where `present(facts, path)` is false; `message` names it with « {path} »."""
    consultation, facts, ctx = args
    if not scope(consultation, facts, ctx).carries_clause:
        return
    for piece in consultation.by_kind(kind):
        if piece.path not in facts.texts or present(facts, piece.path):
            continue
        location, excerpt = _first_location(facts, piece.path)
        yield finding(
            code,
            message.format(path=piece.path),
            suggestion=suggestion,
            piece=piece.path,
            location=location,
            excerpt=excerpt,
        )


@rule("CS100")
def no_clause(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    s = scope(consultation, facts, ctx)
    if s.carries_clause or s.declared_none or not facts.texts:
        return
    yield finding(
        "CS100",
        "Aucune pièce du dossier ne comporte de clause sociale d'insertion, et aucune ne dit "
        "qu'il n'y en a pas.",
        suggestion="Ajouter une clause d'insertion (article L2112-2 du Code de la commande publique) "
        "ou indiquer explicitement « Clause sociale : sans objet ».",
    )


@rule("CS101")
def ccap_without_clause(
    consultation: Consultation, facts: Facts, ctx: RuleContext
) -> Iterable[Finding]:
    yield from _pieces_without(
        "CS101",
        PieceKind.CCAP,
        _has_clause_article,
        (consultation, facts, ctx),
        "Le CCAP « {path} » ne comporte pas d'article consacré à la clause sociale "
        "d'insertion, alors que la consultation en prévoit une.",
        "Ajouter au CCAP un article « Clause sociale d'insertion » (objet et fondement : "
        "article L2112-2 du Code de la commande publique ; publics éligibles ; modalités ; "
        "nombre d'heures par lot ; facilitateur ; contrôle ; pénalités).",
    )


@rule("CS102")
def rc_without_clause(
    consultation: Consultation, facts: Facts, ctx: RuleContext
) -> Iterable[Finding]:
    yield from _pieces_without(
        "CS102",
        PieceKind.RC,
        _mentions,
        (consultation, facts, ctx),
        "Le règlement de la consultation « {path} » n'annonce pas la clause sociale "
        "d'insertion (condition d'exécution, lots concernés).",
        "Ajouter au RC un article « Conditions particulières d'exécution – clause sociale » "
        "qui annonce la clause, les lots concernés et le nombre d'heures de chacun.",
    )


@rule("CS103")
def no_commitment(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    s = scope(consultation, facts, ctx)
    if not s.carries_clause:
        return
    holders = [
        p
        for p in consultation.pieces
        if p.path in facts.texts
        and (
            (p.kind in (PieceKind.AE, PieceKind.ANNEXE_CLAUSE) and _mentions(facts, p.path))
            or (
                p.kind in (PieceKind.AUTRE, PieceKind.DC1, PieceKind.DC2)
                and facts.of("hours", p.path)
            )
        )
    ]
    if holders:
        return
    aes = consultation.by_kind(PieceKind.AE)
    target = aes[0] if aes else None
    location, excerpt = _first_location(facts, target.path) if target else (Location(), None)
    yield finding(
        "CS103",
        (
            f"L'acte d'engagement « {target.path} » ne contient pas"
            if target
            else "Aucune pièce ne contient"
        )
        + " l'engagement du candidat à réaliser les heures d'insertion (ni acte d'engagement, "
        "ni annexe, ni fiche d'engagement).",
        suggestion="Ajouter à l'acte d'engagement (ou en annexe) l'engagement du candidat à réaliser "
        "le nombre d'heures d'insertion prévu pour le lot.",
        piece=target.path if target else None,
        location=location,
        excerpt=excerpt,
    )


def _mentions_or_amends(facts: Facts, path: str) -> bool:
    """An « avis rectificatif » amends the first notice (a date, a piece): the clause is
    mentioned in the notice it amends, not in it."""
    return _mentions(facts, path) or bool(
        re.search(r"avis (?:rectificatif|modificatif)", _opening(facts, path))
    )


def _opening(facts: Facts, path: str) -> str:
    text = facts.texts.get(path)
    blocks = text.piece.blocks[:10] if text else []
    return " ".join(unaccent(b.text) for b in blocks)


@rule("CS104")
def notice_without_clause(
    consultation: Consultation, facts: Facts, ctx: RuleContext
) -> Iterable[Finding]:
    yield from _pieces_without(
        "CS104",
        PieceKind.AAPC,
        _mentions_or_amends,
        (consultation, facts, ctx),
        "L'avis « {path} » ne mentionne pas la condition d'exécution à caractère social "
        "(clause d'insertion).",
        "Mentionner dans l'avis que le marché comporte une condition d'exécution à "
        "caractère social (clause d'insertion) et les lots concernés.",
    )


_USUAL = (
    (PieceKind.RC, "le règlement de la consultation (RC)"),
    (PieceKind.CCAP, "le CCAP"),
    (PieceKind.AE, "l'acte d'engagement (AE)"),
)


@rule("CS105")
def missing_piece(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    s = scope(consultation, facts, ctx)
    if s.declared_none or not consultation.pieces:
        return
    for kind, label in _USUAL:
        if consultation.by_kind(kind) or any(kind in p.also_serves_as for p in consultation.pieces):
            continue  # (« Marché valant acte d'engagement et CCAP » is both)
        yield finding(
            "CS105",
            f"Le dossier ne contient pas {label} : sa relecture n'a pas été possible.",
            suggestion=f"Ajouter {label} au dossier, ou vérifier que le fichier est bien reconnu "
            "(commande « clausier pieces »).",
        )
