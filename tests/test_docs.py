"""The documentation keeps up with the code (in the manner of sqlite-utils' test_docs.py):
every command and option has a French help and is shown in the README or docs/, and every
rule code of the catalogue is explained in docs/rules.md."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from apps.cli import SUBCOMMANDS, cli
from clausier.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parent.parent
DOCS = "\n".join(
    path.read_text(encoding="utf-8")
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
)
# Words that give away an English help text (click's defaults included).
ENGLISH = re.compile(r"\b(the|this|and|show|message|exit|file|output|default)\b", re.I)


def commands() -> list[tuple[str, click.Command]]:
    """(« review », command), (« profile init », command), … for every sub-command."""
    found = []
    for name, (module, _) in SUBCOMMANDS.items():
        command = importlib.import_module(module).command
        found.append((name, command))
        if isinstance(command, click.Group):
            found += [(f"{name} {sub}", c) for sub, c in command.commands.items()]
    return found


COMMANDS = commands()


def options(command: click.Command) -> list[click.Option]:
    return [p for p in command.params if isinstance(p, click.Option) and not p.hidden]


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_command_has_french_help_and_is_documented(name, command):
    assert command.help, f"clausier {name} has no help"
    first_line = command.help.strip().splitlines()[0]
    assert not ENGLISH.search(first_line), f"clausier {name}: help looks English: {first_line}"
    assert f"clausier {name}" in DOCS, f"« clausier {name} » is shown nowhere in README/docs"


OPTIONS = [
    (name, option)
    for name, command in COMMANDS
    for option in options(command)
    if option.name != "help"
]


@pytest.mark.parametrize(("name", "option"), OPTIONS, ids=[f"{n} {o.opts[-1]}" for n, o in OPTIONS])
def test_option_has_french_help_and_is_documented(name, option):
    assert option.help, f"clausier {name} {option.opts}: no help"
    assert not ENGLISH.search(option.help), f"clausier {name} {option.opts}: {option.help}"
    assert any(opt in DOCS for opt in option.opts), (
        f"clausier {name}: option {'/'.join(option.opts)} is not documented in README or docs/"
    )


def test_root_help_is_french():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "Afficher cette aide" in result.output and "Show this message" not in result.output


RULES_DOC = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", sorted(load_catalogue().rules))
def test_every_rule_code_is_explained(code):
    assert re.search(rf"\b{code}\b", RULES_DOC), f"{code} is missing from docs/rules.md"


def test_every_documented_code_is_in_the_catalogue():
    documented = set(re.findall(r"\bCS\d{3}\b", RULES_DOC))
    assert documented <= set(load_catalogue().rules), documented - set(load_catalogue().rules)


def test_every_registered_rule_is_in_the_catalogue_and_back():
    from review.rules import RULES, _load_families

    _load_families()
    assert set(RULES) == set(load_catalogue().rules)
