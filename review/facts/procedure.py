"""Procedure, estimated value, nature, accord-cadre, buyer type and the dates of the
consultation (sending of the notice / launch, deadline for offers)."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from clausier.model import PieceKind
from review.facts.lots import AMOUNT_RE, ANNUAL
from review.nlp import parse_number

if TYPE_CHECKING:
    from review.facts import Facts, PieceText

MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}  # fmt: skip
DATE_RE = re.compile(
    r"(\d{1,2})(?:er)?\s+(" + "|".join(MONTHS) + r")\s+(\d{4})|(\d{1,2})[/.](\d{1,2})[/.](\d{4})"
)
_LAUNCH = re.compile(
    r"date\s+d'envoi(?:\s+(?:de\s+l'|du\s+present\s+)?(?:avis|aapc))?(?:\s+a\s+la\s+publication)?"
    r"|(?:consultation|procedure|avis)\s+(?:a\s+ete\s+|est\s+)?(?:lancee?|publiee?|envoyee?)"
    r"(?:\s+a\s+la\s+publication)?\s+le"
    r"|lancee?\s+le|date\s+de\s+(?:publication|mise\s+en\s+ligne|lancement)(?:\s+de\s+(?:l'avis|la\s+consultation))?"
)
_DEADLINE = re.compile(
    r"date\s+(?:et\s+heure\s+)?limites?\s+de\s+(?:remise|reception|depot)\s+des\s+(?:offres|plis|candidatures)"
)
# The State's own services (central-government threshold): ministries, préfectures,
# rectorats, the State's departmental and regional directions (DDT, DIR, DRAC, DREAL…).
_STATE_BUYER = re.compile(
    r"\b(?:ministere|prefecture|etat\b|services\s+de\s+l'etat|rectorat|academie\s+d"
    r"|direction\s+(?:departementale|regionale|interdepartementale|interregionale)s?\s+d"
    r"|\b(?:ddt|ddtm|ddets|dreets|dreal|drac|dir|draaf|dirm|sgami)\b)"
)
_PROCEDURES = (
    ("appel d'offres ouvert", r"appel\s+d'offres\s+ouvert"),
    ("appel d'offres restreint", r"appel\s+d'offres\s+restreint"),
    ("procédure adaptée", r"procedure\s+adaptee|\bmapa\b"),
    ("procédure avec négociation", r"procedure\s+(?:concurrentielle\s+)?avec\s+negociation"),
    ("dialogue compétitif", r"dialogue\s+competitif"),
    ("marché négocié sans publicité", r"negocie\s+sans\s+publicite"),
)
_ESTIMATE = re.compile(
    r"(?:(?:montant|valeur|estimation|budget)\s+(?:total\s+|globale?\s+)?(?:estimati\w+|estime\w*|previsionnel\w*|du\s+marche|globale?|totale?)"
    r"|\bestimation(?=\s*:[ \u00a0]*\d))"  # « Le marché n'est pas alloti. Estimation : 95 000 € HT par an. »
    r"[^.€\d]{0,80}"
)
# « avec un montant maximum de 6 200 000 € HT sur sa durée »: an accord-cadre's maximum,
# its value for the thresholds (R2121-8)
_MAXIMUM = re.compile(r"\bmontant\s+maxim(?:um|al)\b[^.€\d]{0,60}")


_NOT_THE_VALUE = re.compile(
    r"\bseuils?\b|\bplafond|\bdepass\w*|\bexcede\w*|\bsuperieure?s?\s+a|\binferieure?s?\s+a"
    r"|\bau-dela\s+de|\bn'atteint|\batteint"
)

_COUNT = r"(\d{1,2}|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)"
_COUNTS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10,
}  # fmt: skip
# « conclu pour une durée de quatre ans », « durée : 48 mois », « durée initiale d'un an,
# reconductible trois fois » (on folded text).
_DURATION = re.compile(
    r"\b(?:duree|conclue?s?|passee?s?)\b[^.;]{0,60}?\b"
    + _COUNT
    + r"\s*\(?\d*\)?\s+(ans?|annees?|mois)\b"
    r"(?:[^.;]{0,60}?\b(?:reconductible|renouvelable|reconduit|renouvele)e?s?\s+(?:\w+ment\s+)?"
    + _COUNT
    + r"\s+fois)?"
)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNTS[word]


# « pour une durée totale maximale de trois ans », « soit trois ans au plus »: the whole
# duration, renewals included, stated after the first period
_TOTAL_DURATION = re.compile(
    r"\bduree\s+(?:totale|globale|maximale)(?:\s+(?:maximale|totale))?\s+(?:de\s+|d')?"
    + _COUNT
    + r"\s*\(?\d*\)?\s+(ans?|annees?|mois)\b"
    r"|\bsoit\s+" + _COUNT + r"\s*\(?\d*\)?\s+(ans?|annees?|mois)\s+au\s+(?:plus|maximum)\b"
)


def duration_years(norm: str) -> tuple[float, re.Match] | None:
    """The duration of the contract a sentence states, in years (renewals included)."""
    total = _TOTAL_DURATION.search(norm)
    if total:
        count, unit = total.group(1, 2) if total.group(1) else total.group(3, 4)
        years = _count(count) / (12 if unit == "mois" else 1)
        if 0 < years <= 20:
            return years, total
    match = _DURATION.search(norm)
    if not match:
        return None
    years = _count(match.group(1)) / (12 if match.group(2) == "mois" else 1)
    if match.group(3):
        years *= 1 + _count(match.group(3))
    return (years, match) if 0 < years <= 20 else None


_NATURE = re.compile(
    r"(?:marches?|accords?-cadres?)\s+(?:publics?\s+)?de\s+(travaux|services|fournitures)"
    r"|ccag[\s-]*(travaux|fcs|pi|tic)|type\s+de\s+marche\s*:\s*(travaux|services|fournitures)"
)
_CCAG_NATURE = {"travaux": "travaux", "fcs": "services", "pi": "services", "tic": "services"}


def parse_date(match: re.Match) -> date | None:
    try:
        if match.group(1):
            return date(int(match.group(3)), MONTHS[match.group(2)], int(match.group(1)))
        return date(int(match.group(6)), int(match.group(5)), int(match.group(4)))
    except (ValueError, KeyError):
        return None


def _add_amount(kind: str, seg, label: re.Match, amount: re.Match, facts: Facts) -> None:
    """An estimate or an accord-cadre's maximum (from 1 000 € HT), and whether it is per year
    (« Montant estimatif annuel : 160 000 € HT », « 95 000 € HT par an »)."""
    value = parse_number(amount.group(1))
    if not value or value < 1000:
        return
    facts.add(kind, value, seg, label.start(), amount.end())
    if ANNUAL.search(seg.norm[label.start() : amount.end() + 15]):
        facts.add("estimated_value_period", "year", seg, label.start(), amount.end())


def extract(text: PieceText, facts: Facts) -> None:
    kind = text.piece.kind
    early = kind in (PieceKind.RC, PieceKind.AAPC)
    for seg in text.segments:
        norm = seg.norm
        if not norm:
            continue
        for label_re, kind_name in ((_LAUNCH, "launch_date"), (_DEADLINE, "deadline")):
            for match in label_re.finditer(norm):
                found = DATE_RE.search(norm, match.end(), match.end() + 60)
                if found:
                    when = parse_date(found)
                    if when:
                        facts.add(kind_name, when, seg, match.start(), found.end())
        if early or kind == PieceKind.CCAP:
            for name, pattern in _PROCEDURES:
                match = re.search(pattern, norm)
                if match:
                    facts.add("procedure", name, seg, match.start(), match.end())
                    break
            for match in _ESTIMATE.finditer(norm):
                amount = AMOUNT_RE.match(seg.text, match.end()) or AMOUNT_RE.search(
                    seg.text, match.end(), match.end() + 40
                )
                # « du lot 2 » before the label or between it and the amount: a lot's value.
                if (
                    amount
                    and not (
                        re.search(r"\blot\b", norm[max(0, match.start() - 40) : match.start()])
                        or re.search(
                            r"\blots?\s+(?:n°\s*)?\d", norm[match.start() : amount.start()]
                        )
                        # « montant estimé … inférieur au seuil de 221 000 € HT »: the threshold;
                        # « si le montant du marché dépasse 50 000 € HT »: a comparison
                        or re.search(_NOT_THE_VALUE, norm[match.start() : amount.start()])
                    )
                ):
                    _add_amount("estimated_value", seg, match, amount, facts)
            for match in _MAXIMUM.finditer(norm):
                amount = AMOUNT_RE.match(seg.text, match.end())
                if amount and not re.search(
                    r"\blots?\b", norm[max(0, match.start() - 40) : match.start()]
                ):
                    _add_amount("framework_maximum", seg, match, amount, facts)
            if re.search(r"accords?-cadres?|accord\s+cadre", norm):
                m = re.search(r"accords?-cadres?|accord\s+cadre", norm)
                facts.add("framework", True, seg, m.start(), m.end())
            for start, end in seg.sentences():
                sentence = norm[start:end]
                if "duree" not in sentence and "conclu" not in sentence:
                    continue
                if not re.search(r"accord|marche|contrat", sentence + " " + seg.headings.lower()):
                    continue
                found = duration_years(sentence)
                if found:
                    years, m = found
                    facts.add("duration_years", years, seg, start + m.start(), start + m.end())
            m = _NATURE.search(norm)
            if m:
                nature = m.group(1) or m.group(3) or _CCAG_NATURE[m.group(2)]
                if nature == "fournitures" and re.match(
                    r"\s*courantes\s+et\s+(?:de\s+)?services", norm[m.end() :]
                ):
                    nature = (
                        "services"  # « marchés publics de fournitures courantes et de services »
                    )
                facts.add("nature", nature, seg, m.start(), m.end())
            m = _STATE_BUYER.search(norm)
            if m and seg is text.segments[0]:
                facts.add("buyer_type", "etat", seg, m.start(), m.end())
