"""Reading the signed act of engagement (ATTRI1 or the buyer's own AE): the holder's name,
SIRET, lot and, when written, the insertion hours. Shown to the user for confirmation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from followup.errors import FollowupError
from followup.siret import clean_siret, siret_problem

_SIRET = re.compile(r"\b(\d(?:[ \u00a0.]?\d){13})\b")
_COMPANY_LABEL = re.compile(
    r"(?:raison sociale|d[ée]nomination sociale|nom commercial et d[ée]nomination sociale"
    r"(?: du titulaire)?|titulaire du march[ée]|soci[ée]t[ée]|entreprise titulaire|le titulaire)"
    r"\s*(?:\([^)]*\))?\s*[:：]\s*(.*)",
    re.IGNORECASE,
)
_LOT = re.compile(r"\blot\s*(?:n\s*[°o]?\s*|num[ée]ro\s*)?([0-9]+[a-z]?|unique)\b", re.IGNORECASE)
_HOURS = re.compile(r"(\d[\d \u00a0\u202f]*)\s*heures?\s+d['’]insertion", re.IGNORECASE)


@dataclass
class ActRead:
    company: str | None = None
    siret: str | None = None
    lot: str | None = None
    hours: float | None = None


def read_act(path: Path) -> ActRead:
    """What the act of engagement says; FollowupError (French) when nothing can be read."""
    from review.reading import read_consultation

    consultation = read_consultation(Path(path))
    lines = [
        " ".join(block.text.split())
        for piece in consultation.pieces
        for block in piece.blocks
        if block.text and block.text.strip()
    ]
    if not lines:
        raise FollowupError(
            f"{Path(path).name} : aucun texte n'a pu être lu (document scanné ou protégé ?) ; "
            "donnez le titulaire avec --lot, --company et --siret."
        )
    return parse_act_lines(lines)


def parse_act_lines(lines: list[str]) -> ActRead:
    found = ActRead()
    for index, line in enumerate(lines):
        if found.siret is None and "siret" in line.lower():
            for candidate in _SIRET.findall(" ".join(lines[index : index + 2])):
                if siret_problem(candidate) is None:
                    found.siret = clean_siret(candidate)
                    break
        if found.company is None and (match := _COMPANY_LABEL.search(line)):
            value = match[1].strip(" .;")
            if not value and index + 1 < len(lines):
                value = lines[index + 1].strip(" .;")
            if value and "siret" not in value.lower() and len(value) <= 200:
                found.company = value
        if found.lot is None and (match := _LOT.search(line)):
            found.lot = match[1].lower() if match[1].lower() == "unique" else match[1]
        if found.hours is None and (match := _HOURS.search(line)):
            found.hours = float(re.sub(r"\D", "", match[1]))
    if found.siret is None:
        for line in lines:
            for candidate in _SIRET.findall(line):
                if siret_problem(candidate) is None:
                    found.siret = clean_siret(candidate)
                    break
            if found.siret:
                break
    return found
