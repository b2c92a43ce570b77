"""French text: folding for matching, numbers and amounts read and written, dates, sizes,
and the Jinja2 environment of every HTML page.

One place for what the readers, facts, rules, reports, generated clauses, batch and web
pages all need: « Pôle emploi » folded to « pole emploi »; « 1.200.000 » and
« 820 000,50 € HT » read by one grammar; « 1er décembre 2026 », « 1 200 », « 420 000 € HT »,
« 1,5 Mo » written one way. Jinja2 is imported only when a page is rendered.

babel's French formats were weighed and left out: its group separator and its dates
(« 1 décembre », no « 1er ») are not those the project's documents and tests fix, and a
few lines here do exactly what is needed with no import cost.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

NNBSP = "\u202f"  # narrow no-break space: thousands separator in reports and pages

# ------------------------------------------------------------------ folding


_SHORT: dict[str, str] = {}  # short texts folded before: headings, cells, words recur
_SHORT_LIMIT = 50_000


def strip_accents(text: str) -> str:
    """« Pôle » -> « Pole »: combining marks removed, case kept (every fold below uses it)."""
    if text.isascii():
        return text
    if len(text) < 64:
        done = _SHORT.get(text)
        if done is None:
            if len(_SHORT) >= _SHORT_LIMIT:
                _SHORT.clear()
            decomposed = unicodedata.normalize("NFD", text)
            done = _SHORT[text] = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
        return done
    decomposed = unicodedata.normalize("NFD", text)
    # A long text (a segment, a page): look up each distinct character once, not each
    # character (ten times faster on a CCAP article; same result).
    for char in set(decomposed):
        if unicodedata.category(char) == "Mn":
            decomposed = decomposed.replace(char, "")
    return decomposed


def _fold_char(char: str) -> str:
    return strip_accents(char.lower().replace("’", "'").replace("‘", "'"))


def fold(text: str) -> str:
    """Lower case, no accents, typographic apostrophes as ': one character for one, so
    that an offset in the folded text is the offset in `text` (« mise en œuvre », « Pôle
    emploi » → « mise en œuvre », « pole emploi »). « œ » is kept (patterns write it
    ``(?:oe|œ)``)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        folded = strip_accents(lowered.replace("’", "'").replace("‘", "'"))
        if len(folded) == len(text):
            return folded
    # Rare characters whose lower case or decomposition changes the length (« İ », Hangul…):
    # fold one character at a time, keeping the character when its fold is not one.
    out = []
    for char in text:
        one = _fold_char(char)
        out.append(one if len(one) == 1 else char)
    return "".join(out)


def unaccent(text: str) -> str:
    """`fold` without the offset promise: « œ » and « æ » become « oe » and « ae » (token
    norms, headings, cells, keys)."""
    return strip_accents(
        text.lower().replace("’", "'").replace("‘", "'").replace("œ", "oe").replace("æ", "ae")
    )


def fold_words(text: str) -> str:
    """`unaccent` with white space collapsed to single spaces: headings, titles, labels."""
    return " ".join(unaccent(text).split())


def ascii_name(name: str, fallback: str = "clausier") -> str:
    """« Pôle enfance.zip » -> "Pole enfance.zip": a file name any system accepts."""
    text = strip_accents(unicodedata.normalize("NFKD", name)).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9 ._()+-]", "_", text).strip(" ._") or fallback
    return text[:120]


# ------------------------------------------------------------------ numbers read

_AMOUNT_NOISE = re.compile(r"(?i)(€|\beur(?:os?)?\b|\bh\.?t\.?$|\bht\b)")
_AMOUNT_SPACES = re.compile(r"[\s\u00a0\u202f\u2060']")
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_PLAIN = re.compile(r"\d+(?:[.,]\d+)?")


def parse_amount(text: str) -> float:
    """The one grammar of numbers and amounts, for the command line, the web form, the
    consultation file and the documents: « 820 000 », « 820 000,50 € HT », « 1.200.000 »,
    « 820.000,50 », « 820000.5 », « 1 200 » -> float. Spaces (plain, no-break, narrow)
    and « ' » group digits; a comma is the decimal mark; dots between groups of three
    digits are thousands separators, otherwise a dot is the decimal mark.
    Raises ValueError for anything else."""
    cleaned = _AMOUNT_SPACES.sub("", _AMOUNT_NOISE.sub("", text))
    if _DOT_THOUSANDS.fullmatch(cleaned):
        cleaned = cleaned.replace(".", "")
    if not _PLAIN.fullmatch(cleaned):
        raise ValueError(text)
    return float(cleaned.replace(",", "."))


def parse_number(text: str) -> float | None:
    """`parse_amount`, None instead of ValueError (text found in documents)."""
    try:
        return parse_amount(text)
    except ValueError:
        return None


# ------------------------------------------------------------------ numbers written


_WORD_VALUES = {
    "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60,
}  # fmt: skip
NUMBER_WORDS = sorted([*_WORD_VALUES, "cent", "cents", "mille", "et"], key=len, reverse=True)


def number_from_words(text: str) -> int | None:
    """« deux cent dix » → 210, « quatre-vingt-dix » → 90, « mille deux cents » → 1200
    (unaccented, lower case); None when a word is not a number word."""
    total, current, previous = 0, 0, None
    words = [w for w in re.split(r"[\s\-]+", text.strip()) if w]
    if not words:
        return None
    for word in words:
        if word == "et":
            continue
        if word in ("cent", "cents"):
            current = max(current, 1) * 100
        elif word == "mille":
            total += max(current, 1) * 1000
            current = 0
        elif word in _WORD_VALUES:
            value = _WORD_VALUES[word]
            if value == 20 and previous == "quatre":
                current += 4 * 20 - 4  # « quatre-vingt(s) »: 4 × 20, the 4 already added
            else:
                current += value
        else:
            return None
        previous = word
    return total + current


def fr_decimal(value: float, decimals: int, group: str = NNBSP, trim: bool = False) -> str:
    """`value` with `decimals` decimals, a comma, and `group` between thousands;
    `trim` drops trailing zeros (« 1,50 » -> « 1,5 », « 2,00 » -> « 2 »)."""
    text = f"{value:,.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", group).replace(".", ",")


def fr_plain(value: float | int) -> str:
    """A number as a person writes it in a sentence, without grouping: 0.05 -> « 0,05 »."""
    return str(value).replace(".", ",")


FR_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def fr_date(value: date) -> str:
    """« 25 novembre 2026 » (« 1er » for the first day, as French usage wants)."""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {FR_MONTHS[value.month - 1]} {value.year}"


def fr_int(value: float | int | None) -> str:
    """« 1 200 » with a narrow no-break space as thousands separator; « — » for None."""
    if value is None:
        return "—"
    return fr_decimal(round(value), 0)


def fr_amount(value: float | None) -> str:
    """« 420 000 € HT » (cents only when there are some)."""
    if value is None:
        return "—"
    text = fr_int(value) if float(value).is_integer() else fr_decimal(value, 2)
    return f"{text}\u00a0€\u00a0HT"


def fr_hours(value: float) -> str:
    """833.3 -> « 833,3 »; 1000 -> « 1 000 » (a plain space: terminal tables, CSV notes)."""
    if value == int(value):
        return fr_decimal(int(value), 0, group=" ")
    return fr_decimal(value, 1, group=" ")


def fr_euros(value: float) -> str:
    """1000000 -> « 1 000 000 € »; 820000.5 -> « 820 000,50 € » (plain spaces)."""
    decimals = 0 if value == int(value) else 2
    return f"{fr_decimal(value, decimals, group=' ')} €"


def fr_rate(value: float) -> str:
    """0.45 -> « 0,45 »; 0.125 -> « 0,125 »."""
    return fr_decimal(value, 2, group="") if round(value, 2) == value else fr_plain(f"{value:g}")


def fr_percent(value: float | None) -> str:
    """0.45 -> « 45 % », 0.055 -> « 5,5 % » (narrow no-break space before %)."""
    if value is None:
        return "—"
    return f"{fr_decimal(value * 100, 2, group='', trim=True)}{NNBSP}%"


def fr_number(value: float | None, decimals: int = 1) -> str:
    """833.33 -> « 833,3 », 2.0 -> « 2 »; thousands separated by a narrow no-break space."""
    if value is None:
        return "—"
    return fr_decimal(value, decimals, trim=True)


def fr_size(size: int) -> str:
    """A file size as people say it: « 512 octets », « 12 ko », « 1,5 Mo », « 5 Mo »."""
    mib = 1024 * 1024
    if size >= mib:
        return f"{fr_decimal(size / mib, 1, group='', trim=True)} Mo"
    if size >= 1024:
        return f"{fr_decimal(size / 1024, 1, group='', trim=True)} ko"
    return f"{size} octets"


def html_environment(package: str, folder: str = "templates"):
    """A Jinja2 environment over `package`'s templates, with the French filters.

    Every text shown may come from a tender document or an upload: autoescape it all;
    an unknown variable is an error, never a blank."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader(package, folder),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(fr_int=fr_int, fr_amount=fr_amount, fr_date=fr_date)
    return env
