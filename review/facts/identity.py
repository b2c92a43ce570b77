"""Who buys what: the buyer, the object and the reference of the consultation, as the
pieces state them (for `clausier generate --from`, which writes them into the clauses).

At most one fact of each kind per piece, the surest first:

- buyer: « Acheteur : … », « Pouvoir adjudicateur : … », the paragraph under
  « Identification de l'acheteur », else a line naming a public body on the title page or
  in the running header (« Communauté de communes du Val d'Exemple »); a line in capitals
  takes its case from the same words written in mixed case elsewhere in the piece;
- object: « Objet de la consultation : … », the line under the piece's title on the
  title page, else « La consultation porte sur … » / « … a pour objet … »;
- consultation_reference: « Consultation n° 2026-014 », « Référence de la consultation :
  DCE-26-03 », « Marché n° … » (a value with a figure).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from clausier.model import Block
from review.nlp import fold

if TYPE_CHECKING:
    from review.facts import Facts, PieceText
    from review.facts.text import Segment

_BODY_WORDS = (
    r"communaute\s+(?:de\s+communes|d'agglomeration|urbaine)|commune\s+d[eu']|ville\s+d[eu']"
    r"|mairie\s+d[eu']|metropole|departement\s+d|conseil\s+(?:departemental|regional)"
    r"|region\s+|syndicat\s+|office\s+public|centre\s+(?:hospitalier|communal)|ministere"
    r"|prefecture|etablissement\s+public|universite|sivom|sivu|sdis|opac|ccas\b"
)
# A line that is a public body's name: starts with one of the words above.
_BODY_LINE = re.compile(rf"^\s*(?:la\s+|le\s+|l')?(?:{_BODY_WORDS})")
_BUYER_LABEL = re.compile(
    r"(?:nom\s+(?:et\s+adresse\s+)?(?:officiel\s+)?de\s+l'|identification\s+de\s+l')?"
    r"(?:acheteur|pouvoir\s+adjudicateur|entite\s+adjudicatrice|maitre\s+d'ouvrage)"
    r"(?:\s+public)?\s*:\s*"
)
_BUYER_HEADING = re.compile(
    r"identification\s+de\s+l'(?:acheteur|organisme)|(?:^|\W)(?:pouvoir\s+adjudicateur|acheteur)\s*$"
)
_OBJECT_LABEL = re.compile(
    r"\bobjet\s+(?:de\s+la\s+consultation|du\s+marche|de\s+l'accord-cadre|du\s+contrat)\s*:\s*"
)
_OBJECT_PHRASE = re.compile(
    r"\b(?:la\s+(?:presente\s+)?consultation|le\s+(?:present\s+)?marche|l'accord-cadre)"
    r"\s+(?:porte\s+sur|a\s+pour\s+objet)\s+"
)
_TITLE_WORDS = re.compile(
    r"reglement\s+de\s+(?:la\s+)?consultation|cahier\s+des\s+clauses|acte\s+d'engagement"
    r"|avis\s+d'appel|annexe|bordereau|decomposition|detail\s+quantitatif"
)
_NOT_OBJECT = re.compile(
    r"^(?:marches?\s+publics?|accord-cadre|procedure|consultation\s+n|reference|date|lot\s+n"
    r"|\(?(?:rc|ccap|ae|cctp)\)?\s*$|\d+(?:\.\d+)*\s*[–—\-.)]|article\b|identification)"
)
_OBJECT_HEADING = re.compile(r"\bobjet\b")
_DATE_LINE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\benvoye\w*\s+a\s+la\s+publication|\bdate\b")
_OBJECT_TAIL = re.compile(
    r"\s*[–—,-]\s*(?:consultation|marche|reference|dossier)\s*n\s*[°o].*$|\s*\.\s.*$"
)
_REFERENCE = re.compile(
    r"(?:(?:consultation|marche|dce|dossier|procedure|affaire)\s*n\s*[°o]\.?"
    r"|reference\s+(?:de\s+la\s+consultation|du\s+marche|du\s+dossier)|\bref\.?)"
    r"\s*:?\s*([a-z0-9][\w/.\-]*\d[\w/.\-]*)"
)
_MAX = 200


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" .;:,–—-")
    return text[:_MAX].rstrip()


def _cased(name: str, piece_text: str) -> str:
    """A name written in capitals, in the case the piece writes it elsewhere, if it does."""
    if not name.isupper():
        return name
    folded, needle = fold(piece_text), fold(name)
    start = folded.find(needle)
    while start >= 0:
        found = piece_text[start : start + len(needle)]
        if not found.isupper():
            return found
        start = folded.find(needle, start + 1)
    return name


def _body_name(line: str) -> str | None:
    """« Communauté de communes du Val d'Exemple – CCAP SYN-1 » → the name; None if the
    line does not start with a public body."""
    if not _BODY_LINE.match(fold(line)):
        return None
    name = re.split(r"\s+[–—-]\s+|,\s+\d|\s+\(|,\s+(?:représenté|sis|dont)", line, maxsplit=1)[0]
    return _clean(name) or None


def _buyer(text: PieceText) -> tuple[Segment, int, int, str] | None:
    every = "\n".join(b.text for b in [*text.piece.blocks, *text.piece.furniture])
    for seg in text.segments:
        match = _BUYER_LABEL.search(seg.norm)
        if match:
            start = match.end()
            end = seg.norm.find("\n", start)
            end = len(seg.text) if end < 0 else end
            name = _body_name(seg.text[start:end]) or _clean(
                re.split(r",\s+\d|\s+[–—]\s+", seg.text[start:end], maxsplit=1)[0]
            )
            if name:
                return seg, start, start + len(name), _cased(name, every)
        heading = fold(seg.article.heading) if seg.article else ""
        if _BUYER_HEADING.search(heading) and seg.blocks:
            block = next((b for b in seg.blocks if b.text.strip()), None)
            if block is not None:
                name = _body_name(block.text) or _clean(block.text.split(",", 1)[0])
                offset = seg.starts[seg.blocks.index(block)]
                return seg, offset, offset + len(name), _cased(name, every)
    first = text.segments[0] if text.segments else None
    if first is None:
        return None
    for index, block in enumerate(first.blocks[:15]):
        name = _body_name(block.text)
        if name:
            start = first.starts[index]
            return first, start, start + len(name), _cased(name, every)
    for block in text.piece.furniture:
        name = _body_name(block.text)
        if name:
            return first, 0, 0, name
    return None


def _title_object(first: Segment) -> tuple[int, str] | None:
    """The line under the piece's title on the title page."""
    blocks: list[Block] = first.blocks[:15]
    for index, block in enumerate(blocks):
        if not _TITLE_WORDS.search(fold(block.text)):
            continue
        for offset, following in enumerate(blocks[index + 1 : index + 4], start=index + 1):
            line = following.text.strip()
            norm = fold(line)
            if not line or _TITLE_WORDS.search(norm) or _NOT_OBJECT.match(norm):
                continue
            if _body_name(line) or len(line) < 8 or following.place.table is not None:
                continue
            return first.starts[offset], _clean(line)
        return None
    return None


def _object_value(text: str) -> str:
    """« Construction d'un pôle enfance – consultation n° 2026-014. Type … » → the object."""
    folded = fold(text)
    cut = _OBJECT_TAIL.search(folded)
    value = _clean(text[: cut.start()] if cut else text)
    value = re.split(r"\s+pour\s+le\s+compte\s+d", value, maxsplit=1)[0]
    return value[:1].upper() + value[1:]


def _object(text: PieceText) -> tuple[Segment, int, int, str] | None:
    for seg in text.segments:
        match = _OBJECT_LABEL.search(seg.norm)
        if match:
            end = seg.norm.find("\n", match.end())
            value = _object_value(seg.text[match.end() : len(seg.text) if end < 0 else end])
            if value:
                return seg, match.end(), match.end() + len(value), value
    if text.segments and text.segments[0].article is None:
        found = _title_object(text.segments[0])
        if found:
            start, value = found
            value = _object_value(value)
            return text.segments[0], start, start + len(value), value
    for seg in text.segments:
        match = _OBJECT_PHRASE.search(seg.norm)
        if match:
            _, s_end = seg.sentence_around(match.end())
            value = _object_value(seg.text[match.end() : s_end])
            if value:
                return seg, match.end(), match.end() + len(value), value
    for seg in text.segments:
        # « 2 – Objet du marché » then the object itself as the first line.
        heading = fold(seg.article.heading) if seg.article else ""
        if _OBJECT_HEADING.search(heading) and seg.blocks and seg.blocks[0].text.strip():
            value = _object_value(seg.blocks[0].text)
            if _NOT_OBJECT.match(fold(value)) or _DATE_LINE.search(fold(value)):
                continue  # « Date limite de remise … », « Avis envoyé à la publication le … »
            if len(value) >= 8:
                return seg, 0, len(value), value
    return None


def _reference(text: PieceText) -> tuple[Segment, int, int, str] | None:
    candidates = list(text.segments)
    for seg in candidates:
        match = _REFERENCE.search(seg.norm)
        if match:
            start, end = match.span(1)
            value = seg.text[start:end].rstrip(".-/")
            return seg, start, start + len(value), value
    for block in text.piece.furniture:
        match = _REFERENCE.search(fold(block.text))
        if match and text.segments:
            start, end = match.span(1)
            return text.segments[0], 0, 0, block.text[start:end].rstrip(".-/")
    return None


def extract(text: PieceText, facts: Facts) -> None:
    for kind, finder in (
        ("buyer", _buyer),
        ("object", _object),
        ("consultation_reference", _reference),
    ):
        found = finder(text)
        if found:
            seg, start, end, value = found
            facts.add(kind, value, seg, start, end)
