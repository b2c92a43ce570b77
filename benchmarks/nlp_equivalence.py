"""Check that review/nlp.py gives the tokens and matches spaCy gave, text for text.

review/nlp.py used to build `spacy.blank("xx")` with a custom Tokenizer and run spaCy's
Matcher on `PATTERNS`. It now does both in plain Python. This script builds that spaCy
pipeline again (same rules, same patterns, taken from review/nlp.py) and compares, on
every text the review gives to `nlp.find`:

- the tokens (offset, text, NORM) of the text;
- the matches `find` returns (label, start, end).

Texts: the review of every folder of samples/, of tests/fixtures/real/, of a synthetic
corpus (benchmarks/synth.py, or DIR given with --corpus), of the typical DCE of
bench_review.py, of the texts recorded from the test suite (--texts FILE, one JSON string
per line), and of generated sentences that mix the patterns' words with punctuation and
every kind of space. Needs spaCy: `pip install -e ".[nlp]"`.

Usage: python benchmarks/nlp_equivalence.py [--corpus DIR] [-n 40] [--texts FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from review import nlp  # noqa: E402


def spacy_pipeline():
    """The spaCy pipeline review/nlp.py built before it was written out in Python."""
    import spacy
    from spacy.attrs import NORM
    from spacy.matcher import Matcher
    from spacy.tokenizer import Tokenizer

    pipeline = spacy.blank("xx")
    pipeline.vocab.lex_attr_getters[NORM] = nlp.unaccent
    pipeline.tokenizer = Tokenizer(
        pipeline.vocab,
        prefix_search=nlp._PREFIX.search,
        suffix_search=nlp._SUFFIX.search,
        infix_finditer=nlp._INFIX.finditer,
        rules={word: [{"ORTH": word}] for word in nlp.SPECIAL_CASES},
    )
    matcher = Matcher(pipeline.vocab)
    for label, patterns in nlp.PATTERNS.items():
        matcher.add(label, patterns)
    return pipeline, matcher


def spacy_find(pipeline, matcher, text: str) -> list[tuple[str, int, int]]:
    doc = pipeline(nlp.prepare(text))
    results: dict[tuple[str, int], int] = {}
    for match_id, start, end in matcher(doc):
        span = doc[start:end]
        key = (pipeline.vocab.strings[match_id], span.start_char)
        results[key] = max(results.get(key, 0), span.end_char)
    return sorted(((label, s, e) for (label, s), e in results.items()), key=lambda m: (m[1], m[0]))


def review_texts(paths: list[Path]) -> list[str]:
    """Every text the review gives to `nlp.find` on these folders and files."""
    from review.engine import review

    seen: list[str] = []
    original = nlp.find

    def recording(text: str, labels=None):
        seen.append(text)
        return original(text, labels)

    nlp.find = recording
    try:
        for path in paths:
            review(path, review_date=date(2026, 11, 25))
    finally:
        nlp.find = original
    return seen


_WORDS = sorted(
    {
        value
        for variants in nlp.PATTERNS.values()
        for variant in variants
        for spec in variant
        for attr, test in spec.items()
        if attr != "OP"
        for value in (
            test.get("IN", []) if isinstance(test, dict) else [test]
        )
    }
) + ["Heures", "HEURES", "d’insertion", "l’emploi", "aujourd'hui", "aujourd’hui", "aujourd",
     "co-traitance", "sous-traitance", "1 200", "1\u00a0200", "35", "(600)", "réservées",
     "consacrées", "éligibles", "pénalités", "Facilitatrice", "transmet", "chaque", "mois",
     "Pôle", "e-mail", "«", "»", "...", "…", "’", "'", "''", "—", "–", "-", "/", "ä", "ü.",
     # words for the REGEX tests
     "dédiées", "affectées", "particulières", "d'exécution", "exécution", "visés", "concernés",
     "ciblés", "prioritaires", "éloignées", "handicapés", "sociales", "professionnelle",
     "directe", "facilitateurs", "transmettra", "communiquer", "fournit", "acheteur", "maître",
     "mensuel", "tous", "l'exécution", "l'action", "réalisation", "retenue", "1.200", "5043"]  # fmt: skip
_GLUE = [" ", " ", " ", "  ", "\u00a0", "\u202f", "\n", "\t", "", ". ", ", ", " (", ") ", "'"]


def generated(count: int, seed: int = 0) -> list[str]:
    """Sentences of pattern words glued by spaces, punctuation and odd whitespace: half
    drawn at random, half following one pattern (steps repeated, skipped or replaced)."""
    rng = random.Random(seed)
    variants = [v for variants in nlp.PATTERNS.values() for v in variants]
    out = []
    for n in range(count):
        if n % 2:
            words = [rng.choice(_WORDS) for _ in range(rng.randint(1, 14))]
        else:
            words = [w for spec in rng.choice(variants) for w in _step_words(rng, spec)]
            words = [rng.choice(_WORDS), *words] if rng.random() < 0.3 else words
        glue = (lambda: rng.choice(_GLUE)) if n % 2 or rng.random() < 0.3 else (lambda: " ")
        out.append("".join(w + glue() for w in words))
    return out


def _step_words(rng: random.Random, spec: dict) -> list[str]:
    """Words for one pattern step: a value it accepts (or, sometimes, any word), as many
    times as its operator allows and a little more."""
    times = {
        "?": rng.choice([0, 1, 1, 2]),
        "*": rng.choice([0, 1, 2, 3]),
        "+": rng.choice([1, 2, 3]),
    }
    count = times.get(spec.get("OP", ""), 1)
    test = next(v for k, v in spec.items() if k != "OP")
    values = test.get("IN", []) if isinstance(test, dict) else [test]
    pool = values if values and rng.random() < 0.8 else _WORDS
    return [rng.choice(pool) for _ in range(count)]


def compare(texts: list[str]) -> int:
    pipeline, matcher = spacy_pipeline()
    differences = 0
    for text in dict.fromkeys(texts):
        doc = pipeline(nlp.prepare(text))
        theirs = [(t.idx, t.text, t.norm_) for t in doc]
        ours = [(t.idx, t.text, t.norm) for t in nlp.get_nlp()(nlp.prepare(text))]
        expected = spacy_find(pipeline, matcher, text)
        found = [(m.label, m.start, m.end) for m in nlp.find(text)]
        if theirs != ours or expected != found:
            differences += 1
            if differences <= 10:
                print(f"ÉCART sur {text[:120]!r}")
                if theirs != ours:
                    print(f"  jetons spaCy  : {theirs[:30]}\n  jetons nlp.py : {ours[:30]}")
                if expected != found:
                    print(f"  spaCy  : {expected}\n  nlp.py : {found}")
    return differences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a synthetic corpus already written")
    parser.add_argument("-n", type=int, default=40, help="consultations to write otherwise")
    parser.add_argument("--texts", type=Path, help="texts recorded from the tests (JSON lines)")
    parser.add_argument("--generated", type=int, default=20_000)
    args = parser.parse_args()

    paths = [p for p in sorted((ROOT / "samples").iterdir()) if p.is_dir() or p.suffix == ".zip"]
    paths += sorted((ROOT / "tests" / "fixtures" / "real").iterdir())
    with tempfile.TemporaryDirectory(prefix="clausier-nlp-") as work:
        from bench_review import build_dce

        paths.append(build_dce(Path(work) / "DCE"))
        if args.corpus:
            corpus = args.corpus
        else:
            from synth import make_corpus

            corpus = Path(work) / "corpus"
            make_corpus(corpus, args.n, seed=3, mix={"errors": 0.6})
        paths += sorted(p for p in corpus.iterdir() if p.name != "manifest.json")
        texts = review_texts(paths)
    print(f"{len(paths)} dossiers relus : {len(texts)} textes ({sum(map(len, texts))} caractères)")
    if args.texts:
        recorded = [json.loads(line) for line in args.texts.read_text("utf-8").splitlines()]
        print(f"{len(recorded)} textes enregistrés pendant les tests")
        texts += recorded
    texts += generated(args.generated)
    differences = compare(texts)
    print(f"{len(set(texts))} textes comparés : {differences} écart(s) avec spaCy")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
