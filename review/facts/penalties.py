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
    r"(?:retard|defaut|absence|faute\s+d[e']|non[- ](?:transmission|production|remise|communication|fourniture)|manquement)"
    r"[^.]{0,80}(?:transmi\w*|justificati\w*|document\w*|fiches?|tableaux?|bilans?|etats?|rapports?|renseignements?|pieces?|suivi|reporting)"
    # « tout document de suivi non remis dans le délai », « par document manquant »
    r"|(?:documents?|fiches?|tableaux?|justificatifs?|bilans?|etats?|rapports?|attestations?)\b"
    r"[^.]{0,60}?(?:non\s+(?:remis|transmis|fournis?|communiques?|produits?|retournes?)|(?:remis|transmis)\w*\s+(?:en|avec)\s+retard|manquante?s?)"
    # « En cas de non-respect des obligations de suivi, … 100 € par jour de retard »
    r"|non[- ]respect\w*\s+(?:des?\s+|du\s+|de\s+(?:ses|ces)\s+)?(?:obligations?\s+de\s+"
    r"(?:suivi|transmission|reporting|production)|delais?\s+de\s+(?:transmission|remise|production))"
)
# « Le défaut de présence aux réunions de suivi » is a penalty of its own (missed meetings),
# not one for follow-up documents not sent: « suivi » there names the meetings.
_MEETING = re.compile(r"reunions?|presence|comites?|rendez-vous|convocation")
_DOCUMENT = re.compile(
    r"transmi\w*|justificati\w*|documents?|fiches?|tableaux?|bilans?|etats?|rapports?|attestations?"
)


def _is_reporting(sentence: str) -> bool:
    if not _REPORTING.search(sentence):
        return False
    return not _MEETING.search(sentence) or bool(_DOCUMENT.search(sentence))


# What makes a penalty one for hours not performed when the sentence is also about the
# follow-up documents: « heures », « manquement » or « engagement » alone may be the
# documents' subject (« les fiches de suivi des heures »), not hours left undone.
_NOT_DONE = re.compile(
    r"non[- ]?(?:realis\w*|execut\w*|respect\w*|atteint\w*|effectu\w*)|inexecution|insuffisan\w*"
    r"|heures?\s+(?:d'insertion\s+)?(?:manquante?s?|non\b|restant\w*)|ne\s+(?:realise|respecte|execute|effectue|atteint)\w*\s+pas"
    r"|defaut\s+(?:de\s+)?(?:realisation|execution)|manquement\s+(?:a\s+)?(?:l'|son\s+|ses\s+)?(?:obligation|engagement)\w*\s+d'insertion"
    r"|objectif\w*\s+(?:d'heures|d'insertion)"
)
# « Les pénalités sont précisées dans le CCAP », « fixées à l'article 12 »: a pointer to
# where the penalty is written, no penalty by itself.
# « Ces pénalités ne sont pas plafonnées et s'ajoutent … », « Ces sanctions sont
# cumulables »: about the penalties stated before.
_ABOUT_THE_ABOVE = re.compile(r"\W*(?:ces|lesdites)\s+(?:penalites|sanctions)\b")
_POINTER = re.compile(
    r"(?:precisee?s?|prevue?s?|fixee?s?|definie?s?|detaillee?s?|indiquee?s?|mentionnee?s?|decrite?s?|figurent|voir"
    # « sanctionnés dans les conditions de l'article « Pénalités » »
    r"|dans\s+les\s+conditions\s+(?:de|du|des|prevues\s+(?:a|au|par))\W*(?:l'|la\s+|le\s+)?)"
    r"\s*(?:a\s+l'|au\s+|aux\s+|dans\s+(?:le|la|l')\s*|par\s+(?:le|la|l')\s*|en\s+)?\s*"
    r"(?:article|art\.|ccap|c\.c\.a\.p|cahier|annexe|acte|piece|present\s+(?:document|ccap|cahier)|document|chapitre)"
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


# Headings of the clause's penalties, also « 5.7 Non-respect de l'engagement », « En cas de
# manquement »: their lines with an amount are penalties even without the word.
_PENALTY_HEADING = re.compile(
    r"penalit|sanction|non[- ]respect|manquement|inexecution|defaillance|non[- ]realisation"
)


_INTRODUCES = re.compile(r"(?:suivantes?|ci-apres|comme suit)\s*:?\s*$|:\s*$")
_SUB_HEADING = re.compile(r"^\W*\d{1,2}(?:\.\d{1,2})+\.?\s")
_ROWS_MAX = 15  # lines of a penalties table after the sentence that introduces it


def _table_rows(
    seg,
    facts: Facts,
    done: set[tuple[int, int]],
    after: int | None = None,
    insertion_rows_only: bool = False,
) -> int:
    """The rows of a penalties table of the clause (« Manquement constaté | Pénalité
    applicable », then « Non-respect du nombre d'heures … | 50 € par heure non réalisée »):
    under a penalties heading of the clause, or after a sentence of the clause that
    introduces them (« … sont les suivantes »), a line with an amount is a penalty even
    without the word « pénalité ». Returns the number of rows found."""
    found = 0
    sentences = seg.sentences()
    if after is not None:
        sentences = [(a, b) for a, b in sentences if a >= after][:_ROWS_MAX]
    for start, end in sentences:
        sentence = seg.norm[start:end]
        if after is not None and _SUB_HEADING.match(sentence):
            break  # « 13.3 Pénalités liées aux clauses environnementales »
        if not _AMOUNT.search(sentence) or re.search(r"penalit|retenue", sentence):
            continue  # a sentence that says « pénalité » is read as such (with its SMIC)
        if insertion_rows_only:
            # A general penalties table: only its rows about the clause (row label + cell).
            label = unaccent(seg.block_at(start).label or "")
            sentence = f"{label} : {sentence}" if label else sentence
            if not re.search(r"insertion|clauses?\s+sociales?", sentence):
                continue
        if _add_row(seg, facts, start, end, sentence):
            done.add((start, end))
            found += 1
    return found


def _add_row(seg, facts: Facts, start: int, end: int, sentence: str) -> bool:
    """A line with an amount, read as the penalty for documents or for hours it names."""
    reporting = _is_reporting(sentence)
    hours = bool(_NOT_DONE.search(_REPORTING.sub(" ", sentence)))
    if reporting:
        facts.add("penalty_reporting", Penalty(True, sentence), seg, start, end)
    if hours:
        facts.add("penalty_hours", Penalty(True, sentence), seg, start, end)
    if reporting or hours:
        _add_smic_values(seg, facts, start, end, hours)
    return reporting or hours


def _add_smic_values(seg, facts: Facts, start: int, end: int, hours: bool) -> None:
    """The SMIC values a penalty sentence writes (« SMIC horaire brut 2024, soit 11,65 € »),
    with their year: a frozen value is CS307, in a row of a table as in a sentence."""
    sentence = seg.norm[start:end]
    for smic in _SMIC_VALUE.finditer(sentence):
        group = 1 if smic.group(1) else 2
        value = parse_number(smic.group(group))
        year = _YEAR.search(sentence[max(0, smic.start() - 40) : smic.end() + 40])
        if value is None:
            continue
        euro = 2 if sentence[smic.end(group) : smic.end(group) + 2] == " €" else 0
        facts.add(
            "smic_value",
            SmicValue(
                value, int(year.group(1)) if year else None, "hours" if hours else "reporting"
            ),
            seg,
            start + smic.start(group),
            start + smic.end(group) + euro,
        )


# « Les pénalités encourues au titre de la présente clause sont fixées à l'article
# « Pénalités » »: the clause sends to the general penalties article.
# « pénalités … fixées à l'article 12 », « les manquements … sont sanctionnés dans les
# conditions de l'article « Pénalités » ci-après » (seventeenth blind corpus)
_SENDS_TO_PENALTIES = re.compile(
    r"penalit[^.]{0,80}" + _POINTER.pattern + r"|sanctionn\w*[^.]{0,80}\barticle\W{0,3}penalit"
)
# In that article, a penalty for the clause's follow-up documents says which documents.
_FOLLOW_UP = re.compile(
    r"(?:documents?|fiches?|tableaux?|etats?|releves?|bilans?)\s+(?:mensuels?\s+)?de\s+suivi"
    r"|justificatifs?|suivi\s+de\s+la\s+clause"
)
_LABEL_MAX_WORDS = 4  # « Pénalités : », « Sanctions » as a paragraph of its own


# « Défaut de transmission des justificatifs : 150 € HT par document manquant »: a failing
# named, a colon, its amount; in the clause, a penalty even without the word.
_LABEL_AMOUNT = re.compile(r"^\W*[^:]{6,90}:\s*[^:]{0,20}?\d[\d \u00a0\u202f.,]*\s*(?:€|euros?\b)")


# « une somme de 30 € HT par heure non réalisée est déduite des paiements »
_PER_HOUR_NOT_DONE = re.compile(
    r"\d\s*(?:€|euros?)[^.;]{0,30}par\s+heure\s+(?:d'insertion\s+)?(?:non\s+(?:realisee|effectuee|executee)|manquante)"
)


def _label_rows(seg, facts: Facts, done: set[tuple[int, int]]) -> None:
    for start, end in seg.sentences():
        if (start, end) in done:
            continue
        sentence = seg.norm[start:end]
        if re.search(r"penalit|retenue", sentence) or not (
            _LABEL_AMOUNT.match(sentence) or _PER_HOUR_NOT_DONE.search(sentence)
        ):
            continue
        if _add_row(seg, facts, start, end, sentence):
            done.add((start, end))


_INSERTION_LABEL = re.compile(r"(?:insertion|clauses?\s+sociales?)[^.]{0,40}:\s*$")


def _under_an_insertion_label(seg, start: int) -> bool:
    """« Pénalités relatives à la clause sociale d'insertion : » then its paragraphs, in a
    general « Pénalités » article: the label gives them their subject (up to the next
    label, within three paragraphs)."""
    index = seg.block_index(start)
    for above in reversed(seg.blocks[max(0, index - 3) : index]):
        text = unaccent(above.text).strip()
        if text.endswith(":"):
            return bool(_INSERTION_LABEL.search(text))
    return False


def _sends_to_general_article(text: PieceText) -> bool:
    return any(
        _SENDS_TO_PENALTIES.search(seg.norm) for seg in text.segments if seg.in_clause and seg.text
    )


def _penalty_labels(seg) -> list[int]:
    """Offsets of the paragraphs of a clause segment that head its penalties without
    being headings (« Pénalités : » in bold, then « Défaut de transmission … : 150 € »)."""
    return [
        seg.starts[i]
        for i, block in enumerate(seg.blocks)
        if len(block.text.split()) <= _LABEL_MAX_WORDS
        and _PENALTY_HEADING.search(unaccent(block.text))
        and block.place.table is None
    ]


def extract(text: PieceText, facts: Facts) -> None:
    sends = _sends_to_general_article(text)
    for seg in text.segments:
        general = seg.article is not None and bool(
            _PENALTY_HEADING.search(unaccent(seg.article.heading))
        )
        if not (candidate(seg) or (sends and general and seg.text)):
            continue
        matches = [m for m in facts.matches(seg) if m.label == "PENALTY" and _is_penalty(seg, m)]
        context_clause = seg.in_clause or bool(
            re.search(r"insertion|clause", unaccent(seg.headings))
        )
        done: set[tuple[int, int]] = set()
        if general:
            # The clause's penalties, or a general « Pénalités » table the clause refers to
            # (« Manquement | Pénalité », a row « Heures d'insertion non effectuées | … »).
            _table_rows(seg, facts, done, insertion_rows_only=not context_clause)
        elif seg.in_clause:
            for label in _penalty_labels(seg):
                _table_rows(seg, facts, done, after=label)
            _label_rows(seg, facts, done)
        for match in matches:
            start, end = seg.sentence_around(match.start)
            if (start, end) in done:
                continue
            done.add((start, end))
            sentence = seg.norm[start:end]
            # The paragraph is the context: « 12.2 Clause d'insertion : … 30 €. En cas de
            # retard … des documents de suivi de la clause, … » (two sentences, one clause).
            block = seg.block_at(start)
            paragraph = unaccent(block.text) if block.text else sentence
            if not (
                context_clause
                or re.search(r"insertion|clause sociale", sentence)
                or re.search(r"insertion|clauses? sociales?", paragraph)
                or _under_an_insertion_label(seg, start)
                # the general article the clause sends to: its follow-up documents' penalty
                or (sends and general and _FOLLOW_UP.search(sentence) and _is_reporting(sentence))
            ):
                continue
            # A penalty sentence cut by a line break goes on in the next line.
            body = sentence
            if not sentence.rstrip().endswith((".", ";")):
                body += " " + seg.norm[end : end + 200].split(".")[0]
            has_amount = bool(_AMOUNT.search(body))
            if not has_amount and _POINTER.search(sentence):
                continue  # « les pénalités sont précisées dans le CCAP »
            if _ABOUT_THE_ABOVE.match(sentence) and (
                not has_amount or re.search(r"plafonn|cumul|s'ajout", sentence)
            ):
                # « Ces pénalités ne sont pas plafonnées … », « … sont cumulables et
                # plafonnées à 5 % du montant »: about the penalties above, none of its own
                continue
            if not has_amount and (
                len(sentence.split()) < 8 or re.search(r"derogation", unaccent(seg.headings))
            ):
                continue  # « 20.1 (montant des pénalités d'insertion) »: a label, a list entry
            introduces = not _AMOUNT.search(sentence) and _INTRODUCES.search(sentence.rstrip(" ."))
            if introduces and _table_rows(seg, facts, done, after=end):
                continue  # « … sont les suivantes » and its table
            reporting = _is_reporting(sentence)
            rest = _REPORTING.sub(" ", sentence)
            if reporting:
                hours = bool(_NOT_DONE.search(rest))
            else:  # a clause's penalty is for hours not done, unless it is for meetings
                hours = not _MEETING.search(sentence) or bool(_NOT_DONE.search(sentence))
            if reporting:
                facts.add("penalty_reporting", Penalty(has_amount, sentence), seg, start, end)
            if hours:
                facts.add("penalty_hours", Penalty(has_amount, sentence), seg, start, end)
            _add_smic_values(seg, facts, start, end, hours)
