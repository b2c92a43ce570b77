"""Legal references, obsolete names and quoted thresholds (plain regular expressions on
the unaccented text: these are codes and numbers, not phrasing).

- repealed texts: Code des marchés publics (2006) and its articles (« article 14 du CMP »,
  « art. 53-I du code des marchés publics »), ordonnance n° 2015-899 (« article 38 de
  l'ordonnance »), décret n° 2016-360 (« article 62 du décret n° 2016-360 »);
  « article 14 du CCAP » is none of them;
- Code de la commande publique articles: « L2112-2 », « L. 2112-2 », « article L.2112-2 »,
  « R.2152-7 » (articles of other codes — « L5132-4 du code du travail » — are skipped);
- CCAG: family (travaux, fcs, pi, tic, moe, mi), year (2009 / 2021), article numbers;
- obsolete names (Pôle emploi, DIRECCTE, ZUS, agrément Pôle emploi), unless the sentence
  gives the new name with it (« France Travail (anciennement Pôle emploi) »);
- € amounts quoted as thresholds (« seuil », « procédure formalisée », « dispense »).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from clausier.law import load_law
from review.facts.lots import AMOUNT_RE
from review.nlp import OE, parse_number

if TYPE_CHECKING:
    from review.facts import Facts, PieceText
    from review.facts.text import Segment


@dataclass(frozen=True)
class Reference:
    family: str  # "cmp", "ordonnance_2015_899", "decret_2016_360", "ccp", "ccag"
    article: str | None = None  # "14", "L2112-2", "20.1"
    ccag: str | None = None  # "travaux", "fcs", ... for family "ccag"
    year: int | None = None  # CCAG year when stated
    in_clause: bool = False  # cited in the insertion clause article
    sentence: str = ""  # unaccented sentence around it


@dataclass(frozen=True)
class ObsoleteMention:
    old: str
    new: str


@dataclass(frozen=True)
class ThresholdMention:
    amount: float
    dispense: bool  # the « dispense de publicité » threshold (not an EU one)


_ART = r"(?:articles?|art\.?)\s+"
_NUM = r"(\d{1,3}(?:[-.]\d+)?(?:\s*-?\s*[ivx]+\b)?)"
_CMP = r"(?:code\s+des\s+marches\s+publics|\bcmp\b)"
# « n° 2015-899 », « n°2015-899 », « nº 2015-899 » (ordinal º), « N˚ », « no. », « numéro »:
# the typographies of a list of texts (folded text).
_N = r"(?:(?:n\s*[°º˚o]\s*\.?|numero|n\.)\s*)"
_ORD = rf"ordonnance\s+{_N}?2015[-‐‑–]\s?899"
_DEC = rf"decret\s+{_N}?2016[-‐‑–]\s?360"
_DATED = r"(?:\s+du\s+\d{1,2}(?:er)?\s+[a-z]+\s+\d{4})?"
_REPEALED = {
    "cmp": (
        _CMP,
        rf"{_ART}{_NUM}\s+(?:du|de\s+l'ancien|de\s+l')?\s*(?:nouveau\s+|ancien\s+)?{_CMP}",
    ),
    "ordonnance_2015_899": (
        _ORD,
        rf"{_ART}{_NUM}\s+de\s+(?:l'ordonnance\s+{_N}?2015-899{_DATED}|l'ordonnance(?!\s+{_N}?\d{{4}}-(?!899)))",
    ),
    "decret_2016_360": (
        _DEC,
        rf"{_ART}{_NUM}\s+du\s+(?:decret\s+{_N}?2016-360{_DATED}|decret(?!\s+{_N}?\d{{4}}-(?!360)))",
    ),
}
# Bare mentions of the repealed texts: the 2006 code also by its decree number.
_BARE = {
    "cmp": re.compile(rf"{_CMP}|decret\s+{_N}?2006-975"),
    "ordonnance_2015_899": re.compile(_ORD),
    "decret_2016_360": re.compile(_DEC),
}
# Substrings without which a bare mention cannot match (a quick test before the regex).
_BARE_KEYS = {
    "cmp": lambda norm: "cmp" in norm or "marches publics" in norm or "2006" in norm,
    "ordonnance_2015_899": lambda norm: "2015" in norm,
    "decret_2016_360": lambda norm: "2016" in norm,
}
# Not preceded by a letter, a digit or a dot (« l2112-2 » inside a word is none): checked
# in `_ccp_articles`, since a leading look-behind makes the regex try every position.
CCP_ARTICLE_RE = re.compile(r"([lrd])\s?\.?\s?(\d{4}-\d{1,2}(?:-\d{1,2})?)(?![\d-])")


def _ccp_articles(norm: str):
    for match in CCP_ARTICLE_RE.finditer(norm):
        start = match.start()
        if start and (norm[start - 1].isalnum() or norm[start - 1] in "._"):
            continue
        yield match


_OTHER_CODE_AFTER = re.compile(
    r"^\W{0,3}(?:et\s+[lrd]\.?\s?\d{4}-\d+\s+)?(?:du|de\s+l'|de\s+la)\s+(?:code\s+(?:du\s+travail|de\s+l'action|de\s+la\s+securite|general|civil|penal|de\s+l'education)|casf|css)"
)
_CCAG_FAMILIES = {
    "travaux": r"travaux",
    "fcs": r"fcs|fournitures\s+courantes(?:\s+et\s+(?:de\s+)?services)?",
    "pi": r"pi\b|prestations\s+intellectuelles",
    "tic": r"tic\b|techniques\s+de\s+l'information",
    "moe": rf"moe\b|maitrise\s+d'{OE}uvre",
    "mi": r"mi\b|marches\s+industriels",
}
CCAG_RE = re.compile(
    # « CCAG-FCS », « CCAG des marchés publics de travaux », « CCAG des fournitures
    # courantes et services » (sixteenth blind corpus)
    r"\bccag\b(?:[\s\-–]*(?:(?:applicable\s+aux|des)\s+marches\s+(?:publics\s+)?(?:de\s+)?|des\s+|de\s+)?("
    + "|".join(_CCAG_FAMILIES.values())
    + r"))?"
    r"|cahier\s+des\s+clauses\s+administratives\s+generales(?:\s+(?:applicables?\s+aux\s+marches\s+publics\s+)?(?:de\s+|des\s+)?("
    + "|".join(_CCAG_FAMILIES.values())
    + r"))?"
)
_CCAG_WORDS = r"\s+du\s+(?:ccag|cahier\s+des\s+clauses\s+administratives\s+generales)"
CCAG_ARTICLE_RE = re.compile(
    # « 20.1 », and « 20-1 » as some buyers write it
    rf"{_ART}(\d{{1,2}}(?:[.\-]\d{{1,2}}){{0,3}}){_CCAG_WORDS}"
    # « aux articles L. 2112-2 du code de la commande publique et 18.1 du CCAG-FCS »: the
    # CCAG's article last in a list of articles (fourteenth blind corpus, CS203 missed)
    rf"|\barticles\s+(?:[^.;]|\.(?=\s?\d)){{1,80}}?\s(?:et|,)\s*(\d{{1,2}}(?:[.\-]\d{{1,2}}){{0,3}}){_CCAG_WORDS}"
)
_YEAR_NEAR = re.compile(r"\b(2009|2021)\b")
_ORDER_2009 = re.compile(r"arrete\s+du\s+(?:8\s+septembre|19\s+janvier|16\s+septembre)\s+2009")
_THRESHOLD_CONTEXT = re.compile(
    r"seuils?|procedures?\s+formalisees?|dispens\w*|sans\s+publicite|mise\s+en\s+concurrence\s+prealable"
)


def ccag_family(text: str | None) -> str | None:
    if not text:
        return None
    for key, pattern in _CCAG_FAMILIES.items():
        if re.fullmatch(pattern, text.strip()) or re.match(pattern, text.strip()):
            return key
    return None


def _sentence(seg: Segment, offset: int) -> tuple[int, int, str]:
    start, end = seg.sentence_around(offset)
    return start, end, seg.norm[start:end]


@functools.lru_cache(maxsize=4)
def _name_patterns(law) -> list[tuple]:
    """(obsolete name, its regex over all its forms, the first words of its forms folded)
    for each name of the law data."""
    from review.nlp import unaccent

    return [
        (n, _names_regex(n.old, *n.forms), {unaccent(f).split()[0] for f in (n.old, *n.forms)})
        for n in law.obsolete_names
    ]


def _names_regex(*forms: str) -> re.Pattern:
    from review.nlp import unaccent

    bodies = [r"[\s\-]+".join(re.escape(w) for w in unaccent(form).split()) for form in forms]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(bodies)})(?![\w-])")


def extract(text: PieceText, facts: Facts) -> None:
    name_patterns = _name_patterns(load_law())
    for seg in text.segments:
        norm = seg.norm
        if not norm:
            continue
        # Repealed texts, with article when cited.
        for family, (_bare, with_article) in _REPEALED.items():
            spans: list[tuple[int, int]] = []
            for match in re.finditer(with_article, norm):
                article = re.sub(r"\s+", "", match.group(1)).split("-")[0].split(".")[0]
                article = re.sub(r"[ivx]+$", "", article) or article
                _, _, sentence = _sentence(seg, match.start())
                facts.add(
                    "reference",
                    Reference(family, article, in_clause=seg.in_clause, sentence=sentence),
                    seg,
                    match.start(),
                    match.end(),
                )
                spans.append((match.start(), match.end()))
            bare = _BARE[family].finditer(norm) if _BARE_KEYS[family](norm) else ()
            for match in bare:
                if any(a <= match.start() < b for a, b in spans):
                    continue
                s_start, s_end = seg.sentence_around(match.start())
                if any(s_start <= a < s_end for a, _ in spans):
                    continue  # the same sentence cites an article of it: one finding is enough
                # « l'article 38 de l'ordonnance n° 2015-899 » was taken above; a bare mention otherwise.
                _, _, sentence = _sentence(seg, match.start())
                facts.add(
                    "reference",
                    Reference(family, None, in_clause=seg.in_clause, sentence=sentence),
                    seg,
                    match.start(),
                    match.end(),
                )
        # Code de la commande publique articles.
        for match in _ccp_articles(norm):
            if _OTHER_CODE_AFTER.search(norm[match.end() : match.end() + 60]):
                continue
            article = match.group(1).upper() + match.group(2)
            _, _, sentence = _sentence(seg, match.start())
            facts.add(
                "reference",
                Reference("ccp", article, in_clause=seg.in_clause, sentence=sentence),
                seg,
                match.start(),
                match.end(),
            )
        # CCAG mentions and years.
        dated_sentences: set[int] = set()
        for match in CCAG_RE.finditer(norm):
            family = ccag_family(match.group(1) or match.group(2))
            s_start, _, sentence = _sentence(seg, match.start())
            window = norm[match.end() : match.end() + 120]
            year, start, end = None, match.start(), match.end()
            order = _ORDER_2009.search(window)
            year_match = _YEAR_NEAR.search(window[:60])
            if s_start in dated_sentences:
                pass  # one dated CCAG per sentence: « … (CCAG-Travaux), approuvé par … 2009 »
            elif order:
                year = 2009
                start, end = match.end() + order.start(), match.end() + order.end()
            elif year_match:
                year = int(year_match.group(1))
                if year_match.start() < 12:  # « CCAG-Travaux 2009 »: the year is part of the words
                    end = match.end() + year_match.end()
            if year is not None:
                dated_sentences.add(s_start)
            facts.add(
                "reference",
                Reference(
                    "ccag", None, ccag=family, year=year, in_clause=seg.in_clause, sentence=sentence
                ),
                seg,
                start,
                end,
            )
        for match in _ORDER_2009.finditer(norm):
            _, _, sentence = _sentence(seg, match.start())
            if "ccag" in sentence or "clauses administratives generales" in sentence:
                continue  # reported with the CCAG mention
            facts.add(
                "reference",
                Reference("ccag", None, year=2009, in_clause=seg.in_clause, sentence=sentence),
                seg,
                match.start(),
                match.end(),
            )
        for match in CCAG_ARTICLE_RE.finditer(norm):
            family = None
            tail = norm[match.end() : match.end() + 60]
            fam = re.match(
                r"[\s\-–]*(?:(?:applicable\s+aux|des)\s+marches\s+(?:publics\s+)?(?:de\s+)?|des\s+|de\s+)?("
                + "|".join(_CCAG_FAMILIES.values())
                + ")",
                tail,
            )
            if fam:
                family = ccag_family(fam.group(1))
            _, _, sentence = _sentence(seg, match.start())
            facts.add(
                "reference",
                Reference(
                    "ccag_article",
                    (match.group(1) or match.group(2)).replace("-", "."),
                    ccag=family,
                    in_clause=seg.in_clause,
                    sentence=sentence,
                ),
                seg,
                match.start() if match.group(1) else match.start(2),
                match.end(),
            )
        # Obsolete names.
        taken: list[tuple[int, int]] = []
        for name, pattern, keys in name_patterns:
            if not any(key in norm for key in keys):
                continue  # no form's first word: no need to run its regex
            said_in: set[int] = set()  # sentences where the name was already found
            for match in pattern.finditer(norm):
                if match.group(0) == "zus" and seg.text[match.start() : match.end()] != "ZUS":
                    continue  # "zus" in lower case is not the acronym
                if any(a <= match.start() < b for a, b in taken):
                    continue
                taken.append((match.start(), match.end()))
                sentence_start = _sentence(seg, match.start())[0]
                if sentence_start in said_in:
                    continue  # « zone urbaine sensible (ZUS) »: one name, said twice
                said_in.add(sentence_start)
                window = norm[max(0, match.start() - 60) : match.end() + 60]
                new_first = _names_regex(name.new.split(" (")[0]).search(window)
                if new_first and re.search(
                    r"anciennement|\bex[- ]|ancien\w*|precedemment|auparavant|devenu|remplace|nouvelle denomination|desormais",
                    window,
                ):
                    continue
                facts.add(
                    "obsolete_name",
                    ObsoleteMention(name.old, name.new),
                    seg,
                    match.start(),
                    match.end(),
                )
        # Thresholds quoted as such.
        amounts = AMOUNT_RE.finditer(seg.text) if "€" in seg.text or "eur" in norm else ()
        for match in amounts:
            start, end, sentence = _sentence(seg, match.start())
            if not _THRESHOLD_CONTEXT.search(sentence):
                continue
            value = parse_number(match.group(1))
            if value is None or value < 10_000:
                continue
            dispense = bool(
                re.search(r"dispens|sans\s+publicite|mise\s+en\s+concurrence\s+prealable", sentence)
            )
            facts.add(
                "threshold", ThresholdMention(value, dispense), seg, match.start(), match.end()
            )
