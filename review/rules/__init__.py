"""The rules (codes in `clause_templates/rules.toml`, meaning in docs/rules.md): one module per family, each rule a small function
`(consultation, facts, ctx) -> Iterable[Finding]` registered with its code.

`run_rules` runs them all, gives each finding the severity of the profile (or drops it
when the profile silences the code), and keeps a single finding per problem (same code,
piece, place, lot and words).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from clausier.catalogue import load_catalogue
from clausier.model import Consultation, Fact, Finding, Location, Severity

if TYPE_CHECKING:
    from clausier.law import Law
    from clausier.profile import Profile
    from review.facts import Facts

log = logging.getLogger(__name__)


RuleFunction = Callable[[Consultation, "Facts", "RuleContext"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    function: RuleFunction


RULES: dict[str, Rule] = {}


def rule(code: str) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule under its code; its default severity is the catalogue's
    (`clause_templates/rules.toml`)."""

    def register(function: RuleFunction) -> RuleFunction:
        catalogue = load_catalogue()
        if code not in catalogue:
            raise ValueError(f"rule {code} is not in clause_templates/rules.toml")
        if code in RULES:
            raise ValueError(f"rule {code} registered twice")
        RULES[code] = Rule(code, catalogue.severity(code), function)
        return function

    return register


@dataclass
class RuleContext:
    profile: Profile
    review_date: date
    launch_date: date | None = None  # found in the documents
    declared_clause: bool | None = None  # --clause: the user says the consultation carries one
    law: Law | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # per-run cache shared by rules

    @property
    def judged_on(self) -> date:
        """The date dated rules judge by: the launch date found, else the review date."""
        return self.launch_date or self.review_date


def finding(
    code: str,
    message: str,
    *,
    piece: str | None = None,
    location: Location | None = None,
    suggestion: str | None = None,
    lot: str | None = None,
    excerpt: str | None = None,
    target: str | None = None,
    replacement: str | None = None,
) -> Finding:
    """A finding with the rule's default severity (run_rules applies the profile)."""
    default = load_catalogue().severity(code)
    if excerpt and len(excerpt) > 200:
        excerpt = excerpt[:199] + "…"
    return Finding(
        code=code,
        severity=default,
        message=message,
        suggestion=suggestion,
        piece=piece,
        location=location or Location(),
        lot=lot,
        excerpt=excerpt,
        target=target,
        replacement=replacement,
    )


def fact_finding(
    code: str, message: str, *, fact: Fact | None, facts: Facts, **fields: Any
) -> Finding:
    """A finding at what a piece states: the fact's piece (unless `piece` is given), its
    place and article, its sentence as the excerpt. Without a fact, a finding with no place.
    `fields` are those of `finding` (suggestion, lot, target, replacement)."""
    if fact is None:
        return finding(code, message, **fields)
    fields.setdefault("piece", fact.piece)
    return finding(
        code,
        message,
        location=Location.at(fact.place, fact.article),
        excerpt=facts.excerpt(fact),
        **fields,
    )


def _load_families() -> None:
    from review.rules import (  # noqa: F401 (registration by import)
        consistency,
        content,
        documents,
        obligations,
        presence,
        references,
    )


def _key(f: Finding) -> tuple:
    loc = f.location
    return (f.code, f.piece, loc.page, loc.paragraph, loc.article, f.lot, f.target or f.message)


def run_rules(
    consultation: Consultation,
    facts: Facts,
    ctx: RuleContext,
    strict: bool = True,
    only: set[str] | None = None,
) -> list[Finding]:
    """Every finding of every rule, with the profile's severities, without duplicates.

    `strict=True` lets a rule's exception propagate (tests). With `strict=False` (the
    engine's default in production) a failing rule is logged and the review goes on
    with the other rules: one bad rule never costs the user the whole review."""
    _load_families()
    if ctx.law is None:
        from clausier.law import load_law

        ctx.law = load_law()
    results: list[Finding] = []
    seen: set[tuple] = set()
    for code in sorted(RULES):
        if only is not None and code not in only:
            continue
        entry = RULES[code]
        severity = ctx.profile.severity_for(code, entry.severity)
        if severity is None:
            continue
        try:
            produced = list(entry.function(consultation, facts, ctx))
        except Exception:
            if strict:
                raise
            log.exception("rule %s failed on %s", code, consultation.name)
            continue
        for f in produced:
            own = load_catalogue().severity(f.code) if f.code in load_catalogue() else f.severity
            level = ctx.profile.severity_for(f.code, own)
            if level is None:
                continue
            f.severity = level
            key = _key(f)
            if key in seen:
                continue
            seen.add(key)
            results.append(f)
    return results
