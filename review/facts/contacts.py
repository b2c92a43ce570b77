"""The facilitator's contact: a structure (facilitateur, Maison de l'emploi, PLIE…) and a
phone number or an e-mail address in the same article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from review.facts._matched import candidate
from review.facts.text import Segment
from review.nlp import fold, unaccent

if TYPE_CHECKING:
    from review.facts import Facts, PieceText

PHONE_RE = re.compile(r"(?<!\d)(?:\+33\s?\(?0?\)?\s?|0)[1-9](?:[\s.\-\u00a0\u202f]?\d{2}){4}(?!\d)")
EMAIL_RE = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


# Where the clause gives a phone or an e-mail without the word « facilitateur »: under a
# heading that says whom to reach (« 6.5 – Facilitateur », « Interlocuteur »), or beside
# words that name the service (« la mission clauses sociales du Département — clauses@… »).
_CONTACT_HEADING = re.compile(
    r"facilitat|contact|interlocut|referent|correspondant|accompagnement|coordonnees"
)
_SERVICE_WORDS = re.compile(
    r"(?:mission\s+(?:des\s+)?clauses?|interlocut|correspondant|referent|cellule\s+(?:emploi|clauses?)"
    r"|service\s+(?:de l'|d')?(?:emploi|insertion|clauses?)|guichet|contact)\w*"
)


@dataclass(frozen=True)
class Contact:
    structure: str | None
    phone: str | None
    email: str | None


# A running header or footer that gives the facilitator's line (« Facilitatrice clauses
# sociales : 01 99 00 12 34 – clauses@… »), on every page of the piece.
# « Accompagnement : PLIE du Pays du Lys, M. …, tél. … » (sixteenth blind corpus).
_FURNITURE_CONTACT = re.compile(
    r"facilitat|clauses?\s+sociales?|insertion|accompagnement|\bplie\b|maison\s+de\s+l'emploi"
)


def _furniture_groups(piece) -> list[list]:
    """The running header and footer of each page, each as its lines in order (a PDF
    footer may take three lines: « … Accompagnement : Service emploi de la Communauté » /
    « du Val d'Arzon, M. …, tél. … » / « emploi@… »)."""
    groups: dict[tuple, list] = {}
    for block in piece.furniture:
        if block.area in ("header", "footer"):
            groups.setdefault((block.area, block.place.page), []).append(block)
    return list(groups.values())


def _furniture_contacts(text: PieceText, facts: Facts) -> None:
    for blocks in _furniture_groups(text.piece):
        seg = Segment(text.piece, None, (), blocks)
        said = _FURNITURE_CONTACT.search(fold(seg.text))
        phone, email = PHONE_RE.search(seg.text), EMAIL_RE.search(seg.text)
        if not said or not (phone or email):
            continue
        end = max(m.end() for m in (phone, email) if m)
        facts.add(
            "facilitator",
            Contact(
                seg.text[said.start() : said.end()],
                phone.group(0) if phone else None,
                email.group(0) if email else None,
            ),
            seg,
            0,
            end,
        )
        return  # the same lines repeat on every page: once is enough


def extract(text: PieceText, facts: Facts) -> None:
    _furniture_contacts(text, facts)
    for seg in text.segments:
        if not candidate(seg):
            continue
        mentions = [m for m in facts.matches(seg) if m.label == "FACILITATOR"]
        phone = PHONE_RE.search(seg.text)
        email = EMAIL_RE.search(seg.text)
        if not mentions:
            _unnamed_contact(seg, facts, phone, email)
            continue
        first = mentions[0]
        end = max([first.end] + [m.end() for m in (phone, email) if m])
        facts.add(
            "facilitator",
            Contact(
                first.text, phone.group(0) if phone else None, email.group(0) if email else None
            ),
            seg,
            first.start,
            end,
        )


# The buyer's own people, reached about the contract, not about the clause: « le référent
# marché est M. …, service des bâtiments », « le maître d'œuvre », « la direction des
# achats ». Their phone is no facilitator's contact unless the sentence is about the
# clause or employment.
_BUYER_CONTACT = re.compile(
    r"referent\s+(?:du\s+|technique\s+du\s+|administratif\s+du\s+)?marche|maitre\s+d'(?:oe|œ)uvre"
    r"|conducteur\s+d'operation|services?\s+(?:techniques?|des\s+batiments|de\s+la\s+commande"
    r"|des\s+marches|achats?)|direction\s+des\s+(?:batiments|achats|marches)"
    r"|toute\s+question\s+(?:technique|administrative|sur\s+l'execution|relative\s+au\s+marche)"
)
_ABOUT_THE_CLAUSE = re.compile(r"insertion|clauses?\s+social|emploi|facilitat")


def _unnamed_contact(seg, facts: Facts, phone, email) -> None:
    if not (phone or email):
        return
    heading = _CONTACT_HEADING.search(unaccent(seg.headings))
    service = _SERVICE_WORDS.search(seg.norm)
    if not (heading or service):
        return
    at = min(m.start() for m in (phone, email) if m)
    s_start, s_end = seg.sentence_around(at)
    sentence = seg.norm[s_start:s_end]
    if _BUYER_CONTACT.search(sentence) and not _ABOUT_THE_CLAUSE.search(sentence):
        return
    end = max(m.end() for m in (phone, email) if m)
    structure = seg.text[service.start() : service.end()] if service else None
    facts.add(
        "facilitator",
        Contact(
            structure or (seg.article.title if seg.article else None),
            phone.group(0) if phone else None,
            email.group(0) if email else None,
        ),
        seg,
        service.start() if service else at,
        max(end, service.end() if service else end),
    )
