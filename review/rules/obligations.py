"""CS5xx — obligations that depend on dates and amounts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from clausier.model import Consultation, Finding, Location
from review.lots import merged_lots, most_stated
from review.rules import finding, rule
from review.rules.scope import scope

if TYPE_CHECKING:
    from review.facts import Facts
    from review.rules import RuleContext


def estimated_value(facts: Facts) -> float | None:
    """The consultation's estimated value: the largest of the values stated and the sum of
    the lots' amounts (« Lot n° 1 – … – estimation : 2 600 000 € HT » on each lot's line
    states lots, not the whole: sixteenth blind corpus, CS501 judged on one lot)."""
    annual = {(f.piece, f.place, f.text) for f in facts.of("estimated_value_period")}
    years = most_stated([f.value for f in facts.of("duration_years")]) or 1.0
    stated = [
        # « montant estimatif annuel » of an accord-cadre: its value is over the duration;
        # an accord-cadre's maximum is its value for the thresholds
        f.value * years if (f.piece, f.place, f.text) in annual else f.value
        for f in (*facts.of("estimated_value"), *facts.of("framework_maximum"))
    ]
    lots = [lot for lot in merged_lots(facts).values() if lot["amount_ht"]]
    if lots:
        stated.append(
            sum(lot["amount_ht"] * (years if lot["amount_period"] == "year" else 1) for lot in lots)
        )
    return max(stated) if stated else None


def nature(facts: Facts) -> str:
    natures = [f.value for f in facts.of("nature")]
    if natures:
        return Counter(natures).most_common(1)[0][0]
    return (
        "travaux"
        if any(f.value.ccag == "travaux" for f in facts.of("reference") if f.value.family == "ccag")
        else "services"
    )


@rule("CS501")
def social_obligation(
    consultation: Consultation, facts: Facts, ctx: RuleContext
) -> Iterable[Finding]:
    s = scope(consultation, facts, ctx)
    if s.carries_clause or facts.of("derogation"):
        return
    law = ctx.law
    value = estimated_value(facts)
    kind = nature(facts)
    buyer = "etat" if facts.of("buyer_type") else "collectivite"
    launch = ctx.judged_on
    if not law.social_obligation_applies(launch, value, kind, buyer):
        return
    threshold = law.eu_threshold(kind, buyer, launch)
    amount = f"{value:,.0f}".replace(",", " ")
    limit = f"{threshold:,.0f}".replace(",", " ")
    yield finding(
        "CS501",
        f"Consultation lancée à partir du 21 août 2026 d'une valeur estimée de {amount} € HT "
        f"(seuil européen : {limit} € HT) sans condition d'exécution à caractère social ou "
        "relative à l'emploi, ni justification (loi n° 2021-1104, art. 35).",
        suggestion="Ajouter une clause sociale d'insertion (articles L2112-2 et "
        f"{law.social_obligation_article} du Code de la commande publique), ou justifier "
        "dans le dossier la dérogation à cette obligation.",
        location=Location(),
    )
