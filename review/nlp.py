"""A fast French tokenizer and the token patterns of the review, in plain Python.

The tokens and matches are those of the spaCy pipeline this module used to build
(`spacy.blank("xx")`, the tokenizer rules below, spaCy's `Matcher` on `PATTERNS`);
`benchmarks/nlp_equivalence.py` checks, with spaCy installed (`clausier[nlp]`), that both
give the same tokens and the same matches on every sample, test and corpus document.
spaCy did no linguistic work here (no model): its import was most of a cold start and
its matcher most of a warm review, so both are written out here (docs/architecture.md,
« Vitesse », has the figures).

- elisions split on ' and ’: « d'insertion » → « d' » « insertion »;
- hyphens between letters split: « e-mail » → « e » « - » « mail »;
- numbers written with a space, U+00A0 or U+202F between digit groups stay one token
  (« 1 200 », « 5 404 000 »): a pre-pass replaces such a separator with U+2060 (word
  joiner), one character for one, so that character offsets stay those of the input;
- NORM is lower case, without accents, with ’ read as ': patterns are written once.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

# Folding and numbers live in the core, one function each for every layer (re-exported).
from clausier.french import fold, parse_number, unaccent  # noqa: F401

JOINER = "\u2060"
# A separator between digit groups: "1 200", "1\u00a0200", "1\u202f200" (not "01 99 00 12").
_DIGIT_GROUP_SEP = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")

_PREFIX = re.compile(
    r"""^(?:[«"(\[{'’‘“]|(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’])""",
    re.IGNORECASE,
)
_SUFFIX = re.compile(r"""(?:\.\.\.|[»"”),.;:!?\]}…'’])$""")
_INFIX = re.compile(r"""(?<=[^\W\d_])-(?=[^\W\d_])|(?<=[^\W\d_])['’](?=[^\W\d_])|(?<=\w)/(?=\w)""")


# The one ligature of French text: « œ » stays one character in `fold` (so that offsets
# hold); regular expressions over folded text write « oe » as OE.
OE = "(?:oe|œ)"


def prepare(text: str) -> str:
    """The text given to the tokenizer: digit-group separators become the joiner, line
    breaks become spaces. Same length as `text`, so offsets map back one to one."""
    return _DIGIT_GROUP_SEP.sub(JOINER, text.replace("\n", " ").replace("\t", " "))


# ------------------------------------------------------------------ tokenizer

# Whole tokens that the affix and infix rules must not cut.
SPECIAL_CASES = ("aujourd'hui", "aujourd’hui")
# The same words when the infix rule has already cut them (« aujourd'hui-là »): joined back.
_SPECIAL_PIECES = {(w[:7], w[7], w[8:]): w for w in SPECIAL_CASES}
# Norms that are not `unaccent` of the text: spaCy's base tokenizer exceptions, loaded in
# its vocabulary before our NORM getter (kept so that matches stay what they were).
_NORM_EXCEPTIONS = {
    "''": '"',
    "—": "-",
    "ä": "ä",
    "ö": "ö",
    "ü": "ü",
    "ä.": "ä.",
    "ö.": "ö.",
    "ü.": "ü.",
}
_WORDS = re.compile(r"\S+")  # `\s` is `str.isspace`, the split spaCy makes
_CACHE_LIMIT = 200_000  # words kept between calls (a 1 500-page CCAP has ~20 000)


class Token(NamedTuple):  # a tuple: tens of thousands are made per review
    idx: int  # offset of the token in the text
    text: str
    norm: str

    @property
    def end(self) -> int:
        return self.idx + len(self.text)


def norm_of(text: str) -> str:
    """A token's NORM: lower case, no accents, ' for ’."""
    norm = _NORM_EXCEPTIONS.get(text)
    return unaccent(text) if norm is None else norm


def _affix_length(regex: re.Pattern, text: str) -> int:
    match = regex.search(text)
    return match.end() - match.start() if match else 0


def _split_word(word: str) -> list[str]:
    """spaCy's `Tokenizer._split_affixes` then `_attach_tokens` on one run without space:
    prefixes and suffixes peeled off in turn, then the rest cut at its infixes."""
    prefixes: list[str] = []
    suffixes: list[str] = []
    rest = word
    last_size = 0
    while rest and len(rest) != last_size:
        if rest in SPECIAL_CASES:
            break
        last_size = len(rest)
        pre = _affix_length(_PREFIX, rest)
        if pre and rest[pre:] in SPECIAL_CASES:
            prefixes.append(rest[:pre])
            rest = rest[pre:]
            break
        suf = _affix_length(_SUFFIX, rest[pre:])
        if suf and rest[:-suf] in SPECIAL_CASES:
            suffixes.append(rest[-suf:])
            rest = rest[:-suf]
            break
        if pre and suf and pre + suf <= len(rest):
            prefixes.append(rest[:pre])
            suffixes.append(rest[-suf:])
            rest = rest[pre:-suf]
        elif pre:
            prefixes.append(rest[:pre])
            rest = rest[pre:]
        elif suf:
            suffixes.append(rest[-suf:])
            rest = rest[:-suf]
    return [*prefixes, *_split_infixes(rest), *reversed(suffixes)]


def _split_infixes(rest: str) -> list[str]:
    if not rest:
        return []
    if rest in SPECIAL_CASES:
        return [rest]
    out: list[str] = []
    start = 0
    for match in _INFIX.finditer(rest):
        if match.start() == 0:
            continue
        if match.start() != start:
            out.append(rest[start : match.start()])
        if match.start() != match.end():
            out.append(match.group())
        start = match.end()
    if rest[start:]:
        out.append(rest[start:])
    return out


class Tokenizer:
    """The tokens of a text, as spaCy's Tokenizer made them with our rules: runs of
    whitespace other than one plain space after a word are tokens of their own."""

    def __init__(self) -> None:
        self._words: dict[str, tuple[tuple[int, str, str], ...]] = {}

    def __call__(self, text: str) -> list[Token]:
        tokens: list[Token] = []
        previous_end = 0  # end of the previous word (0: none yet)
        for run in _WORDS.finditer(text):
            start, chunk = run.start(), run.group()
            if start > previous_end:  # the white space before this word
                gap = (
                    previous_end + 1 if previous_end and text[previous_end] == " " else previous_end
                )
                if start > gap:
                    tokens.append(Token(gap, text[gap:start], norm_of(text[gap:start])))
            previous_end = run.end()
            parts = self._word(chunk)
            if len(parts) == 1:
                tokens.append(Token(start, chunk, parts[0][2]))
            else:
                tokens.extend([Token(start + offset, t, n) for offset, t, n in parts])
        gap = (
            previous_end + 1
            if previous_end and text[previous_end : previous_end + 1] == " "
            else previous_end
        )
        if len(text) > gap:  # white space at the end of the text
            tokens.append(Token(gap, text[gap:], norm_of(text[gap:])))
        if "aujourd" in text:
            tokens = _join_special_cases(tokens)
        return tokens

    def _word(self, chunk: str) -> tuple[tuple[int, str, str], ...]:
        cached = self._words.get(chunk)
        if cached is None:
            if len(self._words) >= _CACHE_LIMIT:
                self._words.clear()
            parts, offset = [], 0
            for part in _split_word(chunk):
                parts.append((offset, part, norm_of(part)))
                offset += len(part)
            cached = self._words[chunk] = tuple(parts)
        return cached


def _join_special_cases(tokens: list[Token]) -> list[Token]:
    """« aujourd » « ' » « hui » cut into three tokens by the infix rule (« aujourd'hui-là »)
    become the one special token again (spaCy's special-case pass)."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        three = tokens[i : i + 3]
        word = _SPECIAL_PIECES.get(tuple(t.text for t in three)) if len(three) == 3 else None
        if word is not None and not (three[0].end == three[1].idx and three[1].end == three[2].idx):
            word = None  # « aujourd ' hui » with spaces is no special case
        if word is None:
            out.append(tokens[i])
            i += 1
        else:
            out.append(Token(tokens[i].idx, word, norm_of(word)))
            i += 3
    return out


_TOKENIZER = Tokenizer()


def get_nlp() -> Tokenizer:
    """The French tokenizer, one per process (its word cache is shared; a dict is safe
    across threads)."""
    return _TOKENIZER


# ------------------------------------------------------------------ patterns

_NUM = {"TEXT": {"REGEX": r"^\d[\d\u2060.,]*$"}}
_HEURE = {"NORM": {"IN": ["heure", "heures", "h", "hrs", "hres"]}}
_DE = {"NORM": {"IN": ["d'", "de", "des", "du"]}}
_INSERTION = {"NORM": {"IN": ["insertion", "inserer", "l'insertion"]}}
_OPT = "?"


def _p(*tokens: dict) -> list[dict]:
    return list(tokens)


PATTERNS: dict[str, list[list[dict]]] = {
    # "heures d'insertion", "heure d’insertion", "heures de travail d'insertion",
    # "heures de travail réservées à l'insertion", "heures insérées"
    "HOURS_PHRASE": [
        _p(_HEURE, _DE, _INSERTION),
        _p(_HEURE, {"NORM": {"IN": ["de", "d'"]}}, {"NORM": "travail"}, _DE, _INSERTION),
        _p(_HEURE, {"NORM": {"IN": ["inserees", "d'inseres"]}}),
        _p(
            _HEURE,
            {"NORM": {"IN": ["de", "d'"]}, "OP": _OPT},
            {"NORM": "travail", "OP": _OPT},
            {"NORM": {"REGEX": r"^(reserv|consacr|dedi|affect)"}},
            {"NORM": {"IN": ["a", "au", "aux"]}},
            {"NORM": {"IN": ["l'", "la", "une", "des"]}, "OP": _OPT},
            {"NORM": {"REGEX": r"^(insertion|action|personnes|publics?)$"}},
        ),
        _p(
            _HEURE,
            {"NORM": {"IN": ["au", "pour"]}},
            {"NORM": "titre", "OP": _OPT},
            _DE,
            {"NORM": {"IN": ["la", "l'"]}, "OP": _OPT},
            {"NORM": {"IN": ["clause", "action", "insertion"]}},
        ),
        _p({"NORM": "volume"}, _DE, _HEURE),
        _p({"NORM": "nombre"}, _DE, _HEURE),
    ],
    # "1 200 heures", "1200 h", "1.200 heures"
    "HOURS_QTY": [
        _p(_NUM, _HEURE),
        _p(_NUM, {"ORTH": ")"}, _HEURE),  # « six cent (600) heures »
        _p({"TEXT": {"REGEX": r"^\d[\d.,]*[hH]$"}}),  # « 350h », « 1.250H » (one token)
    ],
    "CLAUSE_TITLE": [
        _p({"NORM": {"IN": ["clause", "clauses"]}}, {"NORM": {"IN": ["sociale", "sociales"]}}),
        _p(
            {"NORM": {"IN": ["clause", "clauses", "action", "actions", "obligation", "condition"]}},
            _DE,
            _INSERTION,
        ),
        _p({"NORM": "insertion"}, {"NORM": {"IN": ["professionnelle", "sociale"]}}),
        _p(
            {"NORM": "insertion"},
            {"NORM": "par"},
            {"NORM": {"IN": ["l'", "le"]}, "OP": _OPT},
            {"NORM": {"IN": ["activite", "economique"]}},
        ),
        _p(
            {"NORM": {"IN": ["condition", "conditions"]}},
            {"NORM": {"REGEX": r"^(particuliere|d'execution|execution)"}, "OP": "+"},
            {"NORM": {"NOT_IN": ["."]}, "OP": "*"},
            {"NORM": {"IN": ["sociale", "sociales", "insertion"]}},
        ),
    ],
    "PUBLIC": [
        _p(
            {"NORM": {"IN": ["public", "publics", "personnes", "beneficiaires"]}},
            {"NORM": {"REGEX": r"^(eligible|vise|concerne|cible|prioritaire)"}},
        ),
        _p(
            {"NORM": {"IN": ["demandeurs", "demandeur", "demandeuses", "demandeuse"]}},
            {"NORM": "d'"},
            {"NORM": "emploi"},
        ),
        _p(
            {"NORM": {"IN": ["beneficiaires", "beneficiaire", "allocataires", "allocataire"]}},
            {"NORM": {"IN": ["du", "de", "des"]}},
            {"NORM": "l'", "OP": _OPT},  # « de l'AAH »: the elision is a token of its own
            {"NORM": {"IN": ["rsa", "revenu", "minima", "l'ass", "l'aah", "ass", "aah"]}},
        ),
        _p(
            {"NORM": {"IN": ["personnes", "personne", "travailleurs", "salaries"]}},
            {"NORM": "en"},
            {"NORM": "situation"},
            {"NORM": "de"},
            {"NORM": "handicap"},
        ),
        _p({"NORM": {"IN": ["rqth", "rsa", "qpv", "pass"]}}),
        # « personnes éloignées de l'emploi » (with the facilitator's validation, usual)
        _p(
            {"NORM": {"IN": ["personnes", "publics", "public", "personne"]}},
            {"NORM": {"REGEX": r"^eloigne"}},
            {"NORM": {"IN": ["de", "du"]}},
            {"NORM": {"IN": ["l'", "marche"]}, "OP": _OPT},
            {"NORM": {"IN": ["du", "de"]}, "OP": _OPT},  # « du marché du travail »
            {"NORM": {"IN": ["emploi", "travail"]}},
        ),
        _p(
            {"NORM": {"IN": ["jeunes"]}},
            {"NORM": {"IN": ["de", "agés", "ages"]}, "OP": "*"},
            {"NORM": {"IN": ["moins", "26"]}},
        ),
        _p({"NORM": "travailleurs"}, {"NORM": {"REGEX": r"^handicap"}}),
        _p(
            {"NORM": {"IN": ["difficultes", "difficulte"]}},
            {"NORM": {"REGEX": r"^(sociale|professionnelle|particuliere)"}},
        ),
    ],
    "MODALITY": [
        _p(
            {"NORM": {"IN": ["embauche", "recrutement", "embauches", "recrutements"]}},
            {"NORM": {"REGEX": r"^direct"}},
        ),
        _p({"NORM": "mise"}, {"NORM": {"IN": ["a", "en"]}}, {"NORM": "disposition"}),
        _p({"NORM": {"IN": ["etti", "geiq", "siae", "esat", "ei", "aci", "eatt", "ai"]}}),
        _p(
            {"NORM": {"REGEX": r"^(sous|co)$"}},
            {"NORM": "-", "OP": _OPT},
            {"NORM": {"REGEX": r"^traitance$"}},
        ),
        _p({"NORM": {"IN": ["sous-traitance", "cotraitance", "co-traitance"]}}),
        _p(
            {
                "NORM": {
                    "IN": [
                        "entreprise",
                        "entreprises",
                        "structure",
                        "structures",
                        "association",
                        "associations",
                    ]
                }
            },
            {
                "NORM": {
                    "IN": ["d'", "de", "adaptee", "adaptees", "intermediaire", "intermediaires"]
                }
            },
            {"NORM": {"IN": ["insertion", "travail"]}, "OP": _OPT},
        ),
        _p(
            {"NORM": {"IN": ["contrat", "contrats"]}},
            {"NORM": {"IN": ["d'", "de"]}},
            {"NORM": {"IN": ["apprentissage", "professionnalisation"]}},
        ),
    ],
    "FACILITATOR": [
        _p({"NORM": {"REGEX": r"^facilitat(eur|rice)s?$"}}),
        _p(
            {"NORM": {"IN": ["charge", "chargee", "referent", "referente", "guichet"]}},
            {"NORM": {"IN": ["de", "d'"]}, "OP": _OPT},
            {"NORM": "mission", "OP": _OPT},
            {"NORM": {"IN": ["clause", "clauses", "insertion"]}},
        ),
        _p({"NORM": "maison"}, {"NORM": "de"}, {"NORM": "l'"}, {"NORM": "emploi"}),
        _p({"NORM": "plie"}),
    ],
    "REPORTING": [
        _p(
            {
                "NORM": {
                    "IN": [
                        "fiche",
                        "fiches",
                        "tableau",
                        "tableaux",
                        "etat",
                        "etats",
                        "releve",
                        "releves",
                        "bilan",
                        "bilans",
                    ]
                }
            },
            {
                "NORM": {
                    "IN": [
                        "de",
                        "d'",
                        "mensuel",
                        "mensuels",
                        "mensuelle",
                        "trimestriel",
                        "trimestriels",
                        "navette",
                        "navettes",
                        "liaison",
                    ]
                }
            },
            {
                "NORM": {"IN": ["suivi", "heures", "liaison", "realisation", "execution"]},
                "OP": _OPT,
            },
        ),
        _p(
            {
                "NORM": {
                    "IN": [
                        "justificatifs",
                        "justificatif",
                        "pieces",
                        "attestation",
                        "attestations",
                        "copies",
                        "bulletins",
                    ]
                }
            }
        ),
        _p(
            {
                "NORM": {
                    "REGEX": r"^(transmet|transmettre|transmission|communique|communiquer|fournir|fournit(?!ure)|adresse|remet)"
                }
            },
            {"NORM": {"NOT_IN": ["."]}, "OP": "*"},
            {"NORM": {"REGEX": r"^(facilitat|acheteur|maitre|pouvoir|mensuel|chaque|tous)"}},
        ),
        _p(
            {"NORM": {"IN": ["controle", "suivi"]}},
            {"NORM": {"IN": ["de", "des", "du"]}},
            {"NORM": {"REGEX": r"^(l'execution|execution|l'action|heures|la|realisation)"}},
        ),
    ],
    # « retenue »: review.facts.penalties drops « retenue de garantie » (no penalty)
    "PENALTY": [
        _p({"NORM": {"REGEX": r"^(penalite|penalites|penalisation|penalise\w*|retenues?)$"}})
    ],
}


@dataclass(frozen=True)
class Match:
    label: str
    start: int  # character offsets in the text given to `find`
    end: int
    text: str


# ------------------------------------------------------------------ matcher
#
# spaCy's Matcher semantics, on our tokens: a pattern is a list of token tests, each with
# an operator (once, "?" at most once, "*" any number, "+" at least once); a test is
# {ATTR: value} (equality) or {ATTR: {"IN"|"NOT_IN": [...]}} or {ATTR: {"REGEX": r}} (a
# `re.search`), on NORM, ORTH or TEXT. `find` keeps the longest match per label and start.

Test = Callable[[str, str], bool]  # (text, norm) -> bool


def _test(spec: dict) -> Test:
    ((attr, value),) = spec.items()
    use_norm = attr == "NORM"
    if attr not in ("NORM", "ORTH", "TEXT"):
        raise ValueError(f"token attribute not supported: {attr}")
    if isinstance(value, str):
        return lambda text, norm: (norm if use_norm else text) == value
    ((how, arg),) = value.items()
    if how == "IN":
        values = frozenset(arg)
        return lambda text, norm: (norm if use_norm else text) in values
    if how == "NOT_IN":
        values = frozenset(arg)
        return lambda text, norm: (norm if use_norm else text) not in values
    if how == "REGEX":
        search = re.compile(arg).search
        return lambda text, norm: search(norm if use_norm else text) is not None
    raise ValueError(f"token test not supported: {how}")


@dataclass(frozen=True)
class _Pattern:
    """A pattern as a small automaton over its steps: state k waits for step k, state
    len(steps) is the match; sets of states are bit masks."""

    label: str
    first: int  # bit mask of the tests a first token may pass
    initial: int  # states before any token (optional steps skipped)
    moves: tuple[tuple[int, int], ...]  # per state k: (test index, states after passing it)
    final: int  # the bit of the matching state

    @classmethod
    def build(cls, label: str, steps: list[tuple[int, bool]], optional: list[bool]) -> _Pattern:
        def reach(k: int) -> int:  # k and the states after it that optional steps skip to
            states = 1 << k
            while k < len(steps) and optional[k]:
                k += 1
                states |= 1 << k
            return states

        first = 0
        for (index, _), may_skip in zip(steps, optional, strict=True):
            first |= 1 << index
            if not may_skip:
                break
        moves = tuple(
            (index, reach(k) if repeats else reach(k + 1))
            for k, (index, repeats) in enumerate(steps)
        )
        return cls(label, first, reach(0), moves, 1 << len(steps))


class Matcher:
    """All `PATTERNS`, compiled once: tests are numbered, each token's passed tests are a
    bit mask computed once per distinct token text."""

    def __init__(self, patterns: dict[str, list[list[dict]]]) -> None:
        self._tests: list[Test] = []
        keys: dict[str, int] = {}
        self._patterns: list[_Pattern] = []
        for label, variants in patterns.items():
            for variant in variants:
                steps: list[tuple[int, bool]] = []
                optional: list[bool] = []
                for spec in variant:
                    spec = dict(spec)
                    op = spec.pop("OP", "1")
                    key = repr(sorted(spec.items()))
                    if key not in keys:
                        keys[key] = len(self._tests)
                        self._tests.append(_test(spec))
                    index = keys[key]
                    if op == "+":
                        steps.append((index, False))
                        optional.append(False)
                        op = "*"
                    steps.append((index, op == "*"))
                    optional.append(op in ("?", "*"))
                self._patterns.append(_Pattern.build(label, steps, optional))
        self._starts = 0
        for pattern in self._patterns:
            self._starts |= pattern.first
        self._masks: dict[str, int] = {}

    def _mask(self, token: Token) -> int:
        mask = self._masks.get(token.text)
        if mask is None:
            if len(self._masks) >= _CACHE_LIMIT:
                self._masks.clear()
            mask = 0
            for index, test in enumerate(self._tests):
                if test(token.text, token.norm):
                    mask |= 1 << index
            self._masks[token.text] = mask
        return mask

    def __call__(self, tokens: list[Token]) -> list[tuple[str, int, int]]:
        """(label, start token, end token) of the longest match of each pattern at each
        start."""
        known = self._masks.get
        masks = [known(t.text) for t in tokens]
        for position, mask in enumerate(masks):
            if mask is None:
                masks[position] = self._mask(tokens[position])
        out = []
        for start, mask in enumerate(masks):
            if not mask & self._starts:
                continue
            for pattern in self._patterns:
                if mask & pattern.first:
                    end = _longest(pattern, masks, start)
                    if end > start:
                        out.append((pattern.label, start, end))
        return out


def _longest(pattern: _Pattern, masks: list[int], start: int) -> int:
    """The end (token index) of the longest match of `pattern` at `start`, or `start`."""
    states = pattern.initial
    best = position = start
    while states and position < len(masks):
        mask = masks[position]
        moved = 0
        for k, (index, after) in enumerate(pattern.moves):
            if states >> k & 1 and mask >> index & 1:
                moved |= after
        states = moved
        position += 1
        if states & pattern.final:
            best = position
    return best


_MATCHER = Matcher(PATTERNS)


# CPU seconds spent tokenizing and matching by this process's threads (the engine reports
# them, beside its other steps, also in thread CPU time).
STATS = {"seconds": 0.0}


def find(text: str, labels: set[str] | None = None) -> list[Match]:
    """All pattern matches in `text` (longest per label and start), in text order.
    Offsets are those of `text` itself."""
    started = time.thread_time()
    try:
        return _find(text, labels)
    finally:
        STATS["seconds"] += time.thread_time() - started


def _find(text: str, labels: set[str] | None) -> list[Match]:
    doc = _TOKENIZER(prepare(text))
    results: dict[tuple[str, int], Match] = {}
    for label, start, end in _MATCHER(doc):
        if labels is not None and label not in labels:
            continue
        start_char, end_char = doc[start].idx, doc[end - 1].end
        key = (label, start_char)
        if key not in results or results[key].end < end_char:
            results[key] = Match(label, start_char, end_char, text[start_char:end_char])
    return sorted(results.values(), key=lambda m: (m.start, m.label))


def tokens(text: str) -> list[str]:
    """Token texts of `text` (digit groups joined back with a plain space)."""
    return [t.text.replace(JOINER, " ") for t in _TOKENIZER(prepare(text))]
