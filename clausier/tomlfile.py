"""What the TOML files edited by people (profile, consultation file) share: reading with
French errors, the line where a key is written, the key's dotted name, a close key's
suggestion."""

from __future__ import annotations

import difflib
import re
import tomllib
from pathlib import Path
from typing import Any


def read_toml(path: Path, what: str, error: type[ValueError]) -> tuple[dict[str, Any], str]:
    """The data and the text of a TOML file (UTF-8, BOM accepted). `error` (with a French
    message that starts with `what`, e.g. « Profil ») when it is not UTF-8 or not TOML."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error(
            f"{what} {path} : le fichier n'est pas un texte UTF-8 ; enregistrez-le en UTF-8."
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(
            f"{what} {path} : syntaxe TOML incorrecte ({toml_error_fr(exc, text)})."
        ) from None
    except RecursionError:  # tomllib recurses once per nested [ or {
        data = None
    if data is None or nesting(data) > MAX_NESTING:
        raise error(
            f"{what} {path} : tableaux ou listes imbriqués trop profondément (plus de "
            f"{MAX_NESTING} niveaux) ; un tel fichier n'en a que deux ou trois : vérifiez les "
            "crochets [ ] et accolades { } du fichier."
        ) from None
    return data, text


MAX_NESTING = 32  # levels of tables and arrays in a file people edit


def nesting(data: Any) -> int:
    """How deeply tables and arrays nest in `data` (counted without recursion)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_NESTING:
            break
        children = value.values() if isinstance(value, dict) else value
        if isinstance(value, (dict, list)):
            stack.extend(
                (child, depth + 1) for child in children if isinstance(child, (dict, list))
            )
    return deepest


def toml_error_fr(exc: tomllib.TOMLDecodeError, text: str = "") -> str:
    """tomllib's message « Expected '=' after a key (at line 3, column 7) » in French."""
    message = str(exc)
    match = re.search(r"\(at line (\d+), column (\d+)\)", message)
    reason = re.sub(r"\s*\(at .*\)$", "", message)
    translations = {
        "Expected '=' after a key in a key/value pair": "il manque « = » après la clé",
        "Invalid value": "valeur illisible (un texte s'écrit entre guillemets)",
        "Cannot overwrite a value": "clé écrite deux fois",
        "Cannot declare": "table déclarée deux fois",
        "Invalid statement": "ligne illisible",
        "Unclosed array": "liste non fermée (il manque « ] »)",
        "Unterminated string": "texte non fermé (il manque un guillemet)",
        "Expected newline or end of document after a statement": "texte en trop après la valeur",
        # « nom = "abc » : the string runs into the end of the line.
        "Illegal character '\\n'": "texte non fermé : il manque le guillemet en fin de ligne",
        "Illegal character": "caractère interdit à cet endroit",
    }
    for english, french in translations.items():
        if reason.startswith(english):
            reason = french
            break
    if match:
        line, column = int(match.group(1)), int(match.group(2))
        return f"ligne {line}, colonne {column} : {reason}{_number_hint(text, line, column)}"
    return reason


def _number_hint(text: str, line: int, column: int) -> str:
    # French habits: « 0,05 » and « 820 000 » are not TOML numbers, « 01/12/2026 » is no date.
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return ""
    before, rest = lines[line - 1][: column - 1], lines[line - 1][column - 1 :]
    key = before.split("=", 1)[0].strip().lower()
    if "date" in key or re.search(r"=\s*\d{1,4}[-/]\d", before + rest):
        return " ; une date s'écrit AAAA-MM-JJ, sans guillemets, par exemple 2026-12-01"
    if re.search(r"=\s*[\d\s.]*\d\s*$", before) and rest[:1] in ",0123456789":
        return (
            " ; un nombre s'écrit sans espace et avec un point décimal, "
            "par exemple 0.05 ou 820000.50"
        )
    return ""


def find_line(text: str, path: tuple[str | int, ...]) -> int | None:
    """The 1-based line where `path` (e.g. ("metiers", "peinture", "taux_main_oeuvre"), or
    ("lots", 2, "montant") for the third [[lots]]) is written in a TOML text.

    A small scanner is enough: it follows [table] and [[array]] headers and `key =` lines.
    When the exact key is not written (an implicit table), the first line inside it is given.
    """
    current: tuple[str | int, ...] = ()
    counts: dict[tuple[str | int, ...], int] = {}
    fallback: int | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[["):
            name = _split_key(line[2 : line.find("]]")])
            counts[name] = counts.get(name, -1) + 1
            current = (*name, counts[name])
            here = current
        elif line.startswith("["):
            current = _split_key(line[1 : line.find("]")])
            here = current
        else:
            match = re.match(
                r"""^((?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+))*)\s*=""",
                line,
            )
            if not match:
                continue
            here = (*current, *_split_key(match.group(1)))
        if here == path:
            return number
        if fallback is None and len(here) > len(path) and here[: len(path)] == path:
            fallback = number
        if fallback is None and len(here) < len(path) and path[: len(here)] == here and "=" in line:
            # `key = { inline table }` holding the path
            fallback = number
    return fallback


def _split_key(key: str) -> tuple[str, ...]:
    parts = re.findall(r"""\"([^"]*)\"|'([^']*)'|([A-Za-z0-9_\-]+)""", key)
    return tuple(next(p for p in groups if p) if any(groups) else "" for groups in parts)


def where(file: str, text: str, path: tuple[str | int, ...]) -> str:
    line = find_line(text, path)
    return f"{file}, ligne {line}" if line else file


def dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def close_key_hint(key: str, known: list[str] | tuple[str, ...]) -> str:
    """« voulez-vous dire « objet » ? » for a misspelt key, else the keys allowed."""
    guess = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return f"voulez-vous dire « {guess[0]} » ?" if guess else "clés possibles : " + ", ".join(known)
