"""Penalties of the clause: for insertion hours not performed, for follow-up documents
not sent; their amount or formula, and SMIC values written in them (with their year).

A penalty sentence counts when it says « pénalité » (spaCy) and the clause is its
context: the sentence says insertion, hours or the clause, or it stands in the clause
article or under a heading that does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from review.facts._matched import candidate
from review.nlp import parse_number, unaccent

if TYPE_CHECKING:
    from review.facts import Facts, PieceText


@dataclass(frozen=True)
class Penalty:
    has_amount: bool  # an amount in €, a % or a formula (SMIC × coefficient)
    sentence: str


@dataclass(frozen=True)
class SmicValue:
    amount: float
    year: int | None
    penalty: str = "hours"  # the penalty it is written in: "hours" or "reporting"


_REPORTING = re.compile(
    r"(?:retard|defaut|absence|non[- ](?:transmission|production|remise|communication|fourniture)|manquement)"
    r"[^.]{0,80}(?:transmi\w*|justificati\w*|document\w*|fiches?|tableaux?|bilans?|etats?|rapports?|renseignements?|pieces?|suivi|reporting)"
)
_HOURS = re.compile(
    r"heures?|non[- ](?:realis\w*|execut\w*|respect)|inexecution|insuffisan\w*|manquement|objectif|engagement"
)
_AMOUNT = re.compile(
    r"\d+(?:[ \u00a0\u202f.]\d{3})*(?:,\d{1,2})?\s*(?:€|euros?\b)|\bsmic\b|\d+\s*%|[x×]\s*\d|\d\s*[x×]|coefficient|montant\s+(?:egal|equivalent)"
)
_SMIC_VALUE = re.compile(
    r"smic[^.€]{0,60}?(\d{1,2},\d{2})\s*(?:€|euros?)|(\d{1,2},\d{2})\s*(?:€|euros?)[^.]{0,30}smic"
)
_YEAR = re.compile(r"\b(20[0-4]\d)\b")
_GUARANTEE = re.compile(r"\s+de\s+garantie")  # « retenue de garantie »: no penalty


def _is_penalty(seg, match) -> bool:
    """« pénalité » always; « retenue » only as a noun with an amount in its sentence
    (« une retenue de 30 € »), never « la modalité retenue » nor a « retenue de garantie »."""
    if not seg.norm[match.start : match.end].startswith("retenue"):
        return True
    if _GUARANTEE.match(seg.norm, match.end):
        return False
    if not re.search(
        r"\b(?:une|la|des|les|toute|d'une)\s+$", seg.norm[max(0, match.start - 12) : match.start]
    ):
        return False
    start, end = seg.sentence_around(match.start)
    return bool(_AMOUNT.search(seg.norm[start:end]))


def extract(text: PieceText, facts: Facts) -> None:
    for seg in text.segments:
        if not candidate(seg):
            continue
        matches = [m for m in facts.matches(seg) if m.label == "PENALTY" and _is_penalty(seg, m)]
        context_clause = seg.in_clause or bool(
            re.search(r"insertion|clause", unaccent(seg.headings))
        )
        done: set[tuple[int, int]] = set()
        for match in matches:
            start, end = seg.sentence_around(match.start)
            if (start, end) in done:
                continue
            done.add((start, end))
            sentence = seg.norm[start:end]
            if not (context_clause or re.search(r"insertion|clause sociale", sentence)):
                continue
            # A penalty sentence cut by a line break goes on in the next line.
            body = sentence
            if not sentence.rstrip().endswith((".", ";")):
                body += " " + seg.norm[end : end + 200].split(".")[0]
            has_amount = bool(_AMOUNT.search(body))
            reporting = bool(_REPORTING.search(sentence))
            hours = bool(_HOURS.search(_REPORTING.sub(" ", sentence))) or not reporting
            if reporting:
                facts.add("penalty_reporting", Penalty(has_amount, sentence), seg, start, end)
            if hours:
                facts.add("penalty_hours", Penalty(has_amount, sentence), seg, start, end)
            for smic in _SMIC_VALUE.finditer(sentence):
                group = 1 if smic.group(1) else 2
                value = parse_number(smic.group(group))
                year = _YEAR.search(sentence[max(0, smic.start() - 40) : smic.end() + 40])
                if value is not None:
                    facts.add(
                        "smic_value",
                        SmicValue(
                            value,
                            int(year.group(1)) if year else None,
                            "hours" if hours else "reporting",
                        ),
                        seg,
                        start + smic.start(group),
                        start
                        + smic.end(group)
                        + (2 if sentence[smic.end(group) : smic.end(group) + 2] == " €" else 0),
                    )
