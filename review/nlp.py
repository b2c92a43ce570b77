"""A fast French tokenizer and the token patterns of the review, on spaCy.

Why not `spacy.blank("fr")`: its tokenizer compiles a 1.45 MB regular expression at load
(6.8 s here). `spacy.blank("xx")` loads in ~0.1 s; we give it a small French tokenizer:

- elisions split on ' and ’: « d'insertion » → « d' » « insertion »;
- hyphens between letters split: « e-mail » → « e » « - » « mail »;
- numbers written with a space, U+00A0 or U+202F between digit groups stay one token
  (« 1 200 », « 5 404 000 »): a pre-pass replaces such a separator with U+2060 (word
  joiner), one character for one, so that character offsets stay those of the input;
- NORM is lower case, without accents, with ’ read as ': patterns are written once.

The pipeline is built once per process (`get_nlp`), only when a review needs it, and
`import spacy` happens inside the loader so that `clausier --help` stays fast.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

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


_LOCK = threading.Lock()


def preload() -> threading.Thread:
    """Start loading spaCy in the background (the review reads the files meanwhile:
    the PDF reader works in C, so the two overlap). `get_nlp` waits for it."""
    thread = threading.Thread(target=get_matcher, name="clausier-spacy", daemon=True)
    thread.start()
    return thread


def get_nlp() -> Any:
    """The French tokenizer (spaCy Language), built once per process (thread-safe)."""
    with _LOCK:
        return _build_nlp()


@lru_cache(maxsize=1)
def _build_nlp() -> Any:
    import spacy
    from spacy.attrs import NORM
    from spacy.tokenizer import Tokenizer

    nlp = spacy.blank("xx")
    nlp.vocab.lex_attr_getters[NORM] = unaccent
    nlp.tokenizer = Tokenizer(
        nlp.vocab,
        prefix_search=_PREFIX.search,
        suffix_search=_SUFFIX.search,
        infix_finditer=_INFIX.finditer,
        rules={"aujourd'hui": [{"ORTH": "aujourd'hui"}], "aujourd’hui": [{"ORTH": "aujourd’hui"}]},
    )
    return nlp


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
    "HOURS_QTY": [_p(_NUM, _HEURE), _p(_NUM, {"ORTH": ")"}, _HEURE)],  # « six cent (600) heures »
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
        _p({"NORM": {"IN": ["demandeurs", "demandeur"]}}, {"NORM": "d'"}, {"NORM": "emploi"}),
        _p(
            {"NORM": {"IN": ["beneficiaires", "beneficiaire", "allocataires"]}},
            {"NORM": {"IN": ["du", "de", "des"]}},
            {"NORM": {"IN": ["rsa", "revenu", "minima", "l'ass", "l'aah", "ass", "aah"]}},
        ),
        _p({"NORM": {"IN": ["rqth", "rsa", "qpv", "pass"]}}),
        # « personnes éloignées de l'emploi » (with the facilitator's validation, usual)
        _p(
            {"NORM": {"IN": ["personnes", "publics", "public", "personne"]}},
            {"NORM": {"REGEX": r"^eloigne"}},
            {"NORM": {"IN": ["de", "du"]}},
            {"NORM": {"IN": ["l'", "marche"]}, "OP": _OPT},
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
                    "REGEX": r"^(transmet|transmettre|transmission|communique|communiquer|fournir|fournit|adresse|remet)"
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
    "PENALTY": [_p({"NORM": {"REGEX": r"^(penalite|penalites|penalisation|retenues?)$"}})],
}


@dataclass(frozen=True)
class Match:
    label: str
    start: int  # character offsets in the text given to `find`
    end: int
    text: str


def get_matcher() -> Any:
    nlp = get_nlp()
    with _LOCK:
        return _build_matcher(nlp)


@lru_cache(maxsize=1)
def _build_matcher(nlp: Any) -> Any:
    from spacy.matcher import Matcher

    matcher = Matcher(nlp.vocab)
    for label, patterns in PATTERNS.items():
        matcher.add(label, patterns)
    return matcher


# Seconds spent in spaCy (loading included) by this process: the engine reports it.
STATS = {"seconds": 0.0}


def find(text: str, labels: set[str] | None = None) -> list[Match]:
    """All pattern matches in `text` (longest per label and start), in text order.
    Offsets are those of `text` itself."""
    started = time.perf_counter()
    try:
        return _find(text, labels)
    finally:
        STATS["seconds"] += time.perf_counter() - started


def _find(text: str, labels: set[str] | None) -> list[Match]:
    nlp = get_nlp()
    doc = nlp(prepare(text))
    matcher = get_matcher()
    results: dict[tuple[str, int], Match] = {}
    for match_id, start, end in matcher(doc):
        label = nlp.vocab.strings[match_id]
        if labels is not None and label not in labels:
            continue
        span = doc[start:end]
        key = (label, span.start_char)
        match = Match(label, span.start_char, span.end_char, text[span.start_char : span.end_char])
        if key not in results or results[key].end < match.end:
            results[key] = match
    return sorted(results.values(), key=lambda m: (m.start, m.label))


def tokens(text: str) -> list[str]:
    """Token texts of `text` (digit groups joined back with a plain space)."""
    return [t.text.replace(JOINER, " ") for t in get_nlp()(prepare(text))]
