"""The one entry point of the review: read → facts → rules → Report.

Every front end (CLI, batch, web, annotations) calls `review` or `review_consultation`,
so they all give the same findings.

Errors: with `strict=False` (the default) a rule that raises is logged and skipped, so
that one faulty rule never costs the user the rest of the review; tests call with
`strict=True` so that such a fault fails loudly. Unreadable pieces are CS901 findings
made by the readers, never exceptions.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from clausier.model import Consultation, Report

if TYPE_CHECKING:
    from clausier.profile import Profile
    from review.facts import Facts


def launch_date(facts: Facts) -> date | None:
    """The launch date the documents state: the sending of the notice / « lancée le »,
    else the deadline for offers (the closest date we have to the launch)."""
    launches = sorted(f.value for f in facts.of("launch_date"))
    if launches:
        return launches[0]
    deadlines = sorted(f.value for f in facts.of("deadline"))
    return deadlines[0] if deadlines else None


def _finding_sort_key(piece_order: dict[str | None, int]):
    def key(f):
        loc = f.location
        return (
            piece_order.get(f.piece, -1 if f.piece is None else len(piece_order)),
            loc.page if loc.page is not None else -1,
            loc.paragraph if loc.paragraph is not None else -1,
            f.code,
        )

    return key


def _add_time(timings: dict[str, float] | None, step: str, seconds: float) -> None:
    """Add a step's seconds to the caller's timings (several reviews may share one dict).
    They are CPU seconds of the reviewing thread (`time.thread_time`): on a shared machine
    they stay what the work costs, where wall time follows the other processes."""
    if timings is not None:
        timings[step] = timings.get(step, 0.0) + seconds


def review_consultation(
    consultation: Consultation,
    profile: Profile | None = None,
    review_date: date | None = None,
    clause: bool | None = None,
    timings: dict[str, float] | None = None,
    strict: bool = False,
) -> Report:
    """Facts and rules on a consultation already read."""
    from clausier.law import load_law
    from clausier.profile import load_profile
    from review.facts import extract_facts
    from review.lots import build_lots
    from review.rules import RuleContext, run_rules

    profile = profile or load_profile()
    review_date = review_date or date.today()
    started = time.thread_time()
    facts = extract_facts(consultation)
    facts_seconds = time.thread_time() - started
    ctx = RuleContext(
        profile=profile,
        review_date=review_date,
        launch_date=launch_date(facts),
        declared_clause=clause,
        law=load_law(),
    )
    started = time.thread_time()
    findings = run_rules(consultation, facts, ctx, strict=strict)
    lots = build_lots(consultation, facts, profile)
    rules_seconds = time.thread_time() - started
    order = {p.path: i for i, p in enumerate(consultation.pieces)}
    findings.sort(key=_finding_sort_key(order))
    _add_time(timings, "nlp", facts.nlp_seconds)
    _add_time(timings, "faits", facts_seconds - facts.nlp_seconds)
    _add_time(timings, "regles", rules_seconds)
    return Report(
        consultation=consultation.name,
        reviewed_at=review_date,
        pieces=list(consultation.pieces),
        lots=lots,
        findings=findings,
        facts=list(facts),
    )


def review(
    path: Path,
    profile: Profile | None = None,
    review_date: date | None = None,
    clause: bool | None = None,
    timings: dict[str, float] | None = None,
    strict: bool = False,
) -> Report:
    """Read a tender folder, archive or file and review it."""
    from review.reading import read_consultation

    started = time.thread_time()
    consultation = read_consultation(Path(path))
    _add_time(timings, "lecture", time.thread_time() - started)
    return review_consultation(consultation, profile, review_date, clause, timings, strict)
