"""Extractors tested as tables, the way LexNLP tests its extractors: one TOML file per
extractor family in tables/ (a short text → the facts it must give, and the kinds a
near-miss must not give), run here by one parameterised test on in-memory pieces (no
document written). How to add a case: docs/architecture.md, « Tester un extracteur ».

A file's top-level keys are the defaults of its cases (`kind`, `path`, `heading`, `partial`). A case:

- `text`: lines; « # Titre » is a heading (« ## » a sub-article), « a | b » a table row,
  any other line a paragraph. The text stands under `heading` (default « Article 9 -
  Clause sociale d'insertion » in a CCAP; `heading = ""` for none);
- `expect`: the facts of the kinds it names, all of them (any order): each a table of
  `kind` and the fields that matter, `value`, `lot`, `article`, `text` (the words found);
  TOML has no null: "" stands for None (`lot = ""`, a fact without lot);
  a value that is a record (Reference, Contact, LotInfo …) is given as a table of the
  attributes that matter. `partial = true` lets other facts of those kinds be;
- `absent`: kinds (or partial facts, as tables) that must not be found;
- `xfail = "why"`: the extractor is wrong on this case by the spec (strict: a fix shows).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from piece_builder import build_consultation, build_piece

from clausier.model import Fact
from clausier.tomlfile import read_toml
from review.facts import extract_facts

TABLES = Path(__file__).parent / "tables"
DEFAULTS = {"kind": "CCAP", "heading": "Article 9 - Clause sociale d'insertion"}
FILE_KEYS = {"kind", "path", "heading", "partial", "case"}
CASE_KEYS = {"id", "text", "kind", "path", "heading", "expect", "absent", "partial", "xfail"}
FACT_KEYS = {"kind", "value", "lot", "article", "text"}


def _check_keys(where: str, found: dict[str, Any], known: set[str]) -> None:
    unknown = set(found) - known
    if unknown:
        raise ValueError(f"{where} : clé inconnue {sorted(unknown)} (connues : {sorted(known)})")


def _cases() -> list[Any]:
    params, seen = [], set()
    for file in sorted(TABLES.glob("*.toml")):
        data, _ = read_toml(file, "Table d'extracteur", ValueError)
        _check_keys(file.name, data, FILE_KEYS)
        defaults = {**DEFAULTS, **{k: v for k, v in data.items() if k != "case"}}
        for number, case in enumerate(data.get("case", []), start=1):
            name = f"{file.stem}:{case.get('id', number)}"
            _check_keys(name, case, CASE_KEYS)
            if not case.get("expect") and not case.get("absent"):
                raise ValueError(f"{name} : ni « expect » ni « absent », le cas ne vérifie rien")
            if name in seen:
                raise ValueError(f"{name} : deux cas portent ce nom")
            seen.add(name)
            for fact in case.get("expect", []) + [
                a for a in case.get("absent", []) if isinstance(a, dict)
            ]:
                _check_keys(name, fact, FACT_KEYS)
            marks = []
            if "xfail" in case:
                marks.append(pytest.mark.xfail(reason=case["xfail"], strict=True))
            params.append(pytest.param({**defaults, **case}, id=name, marks=marks))
    return params


def _text(case: dict[str, Any]) -> str:
    heading = case["heading"]
    return f"# {heading}\n{case['text']}" if heading else case["text"]


def _same_value(expected: Any, actual: Any) -> bool:
    """TOML has no null: "" stands for None (`lot = ""`: the fact has no lot)."""
    if expected == "":
        return actual is None
    if isinstance(expected, dict) and dataclasses.is_dataclass(actual):
        return all(
            hasattr(actual, key) and _same_value(value, getattr(actual, key))
            for key, value in expected.items()
        )
    if isinstance(expected, list) and isinstance(actual, tuple):
        return expected == list(actual)  # TOML arrays stand for tuples too
    return expected == actual


def _matches(expected: dict[str, Any], fact: Fact) -> bool:
    return (
        all(
            _same_value(value, fact.value if key == "value" else getattr(fact, key))
            for key, value in expected.items()
            if key != "kind"
        )
        and fact.kind == expected["kind"]
    )


def _shown(fact: Fact) -> str:
    value = fact.value
    if dataclasses.is_dataclass(value):
        fields = dataclasses.asdict(value)
        fields.pop("sentence", None)
        value = fields
    return f"{fact.kind} {value!r} lot={fact.lot} « {fact.text} »"


@pytest.mark.parametrize("case", _cases())
def test_extractor_table(case: dict[str, Any]) -> None:
    piece = build_piece(_text(case), case.get("path", f"{case['kind']}.docx"), case["kind"])
    facts = list(extract_facts(build_consultation(piece)))
    expected = case.get("expect", [])
    kinds = {e["kind"] for e in expected}
    found = [f for f in facts if f.kind in kinds]
    shown = "\n".join(_shown(f) for f in facts)
    left = list(found)
    for wanted in expected:
        match = next((f for f in left if _matches(wanted, f)), None)
        assert match is not None, f"manque {wanted} ; trouvé :\n{shown}"
        left.remove(match)
    if not case.get("partial"):
        assert not left, "en trop : " + "; ".join(_shown(f) for f in left)
    for unwanted in case.get("absent", []):
        pattern = unwanted if isinstance(unwanted, dict) else {"kind": unwanted}
        wrong = [f for f in facts if _matches(pattern, f)]
        assert not wrong, "à ne pas trouver : " + "; ".join(_shown(f) for f in wrong)
