"""The facilitator's contact: a structure (facilitateur, Maison de l'emploi, PLIE…) and a
phone number or an e-mail address in the same article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from review.facts._matched import candidate

if TYPE_CHECKING:
    from review.facts import Facts, PieceText

PHONE_RE = re.compile(r"(?<!\d)(?:\+33\s?\(?0?\)?\s?|0)[1-9](?:[\s.\-\u00a0\u202f]?\d{2}){4}(?!\d)")
EMAIL_RE = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


@dataclass(frozen=True)
class Contact:
    structure: str | None
    phone: str | None
    email: str | None


def extract(text: PieceText, facts: Facts) -> None:
    for seg in text.segments:
        if not candidate(seg):
            continue
        mentions = [m for m in facts.matches(seg) if m.label == "FACILITATOR"]
        if not mentions:
            continue
        phone = PHONE_RE.search(seg.text)
        email = EMAIL_RE.search(seg.text)
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
