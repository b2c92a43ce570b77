"""The rule catalogue as data (`clause_templates/rules.toml`): codes, families, default
severities and French titles.

Everything that needs to know which codes exist reads this, without importing the rules
themselves: profile validation, the default severity of a finding, the batch's cache key
and the documentation test. The rules' logic stays in `review/rules/`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from clausier.model import Severity


@dataclass(frozen=True)
class RuleInfo:
    code: str
    family: str  # « CS3 »
    severity: Severity  # the default one; a profile may change it
    title: str


@dataclass(frozen=True)
class Catalogue:
    version: str
    families: dict[str, str]
    rules: dict[str, RuleInfo]

    def __contains__(self, code: object) -> bool:
        return code in self.rules

    def severity(self, code: str) -> Severity:
        """The default severity of a code (warning for a code the catalogue does not know)."""
        info = self.rules.get(code)
        return info.severity if info else Severity.WARNING


def catalogue_bytes() -> bytes:
    return resources.files("clause_templates").joinpath("rules.toml").read_bytes()


@cache
def load_catalogue() -> Catalogue:
    data = tomllib.loads(catalogue_bytes().decode("utf-8"))
    rules = {
        code: RuleInfo(code, code[:3], Severity(entry["severity"]), entry["title"])
        for code, entry in data["rules"].items()
    }
    return Catalogue(str(data["version"]), dict(data["families"]), rules)
