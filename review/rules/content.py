"""CS3xx — the content of the clause article (the CCAG 2021 minimum and usual practice).

Judged on the clause text of the contractual pieces (CCAP, clause annex, AE; the RC only
when no contractual piece has a clause article), reported at the clause article of the
CCAP (else of the first piece that has one). Silent when the consultation carries no
clause or a piece says « sans objet »."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from clausier.french import fr_decimal
from clausier.model import Consultation, Fact, Finding
from review.lots import kind_of
from review.rules import fact_finding, finding, rule
from review.rules.scope import CONTRACTUAL, Scope, scope

if TYPE_CHECKING:
    from review.facts import Facts
    from review.rules import RuleContext


def _active(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Scope | None:
    s = scope(consultation, facts, ctx)
    if not s.carries_clause or s.declared_none or s.host is None:
        return None
    return s


def _missing(code: str, s: Scope, facts: Facts, message: str, suggestion: str) -> Finding:
    heading = s.host_fact.value if s.host_fact else None
    looked = s.looked_in()
    where = (
        f" Recherché dans : {looked}, et dans les articles qui parlent de la clause."
        if looked
        else ""
    )
    return finding(
        code,
        (f"{message} (article « {heading} »)." if heading else message + ".") + where,
        suggestion=suggestion,
        piece=s.host.path,
        location=s.location(),
        excerpt=facts.excerpt(s.host_fact) if s.host_fact else None,
    )


def _in_scope(s: Scope, facts: Facts, kind: str) -> list[Fact]:
    return [f for f in facts.of(kind) if s.in_scope(facts, f)]


@rule("CS301")
def no_hours(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    s = _active(consultation, facts, ctx)
    if s is None:
        return
    if facts.of("hours_rate") and not facts.of("hours"):
        return  # hours per amount ordered (accord-cadre): a rate is a number of hours
    if facts.of("hours") or facts.of("hours_total"):
        yield from _lots_without_hours(consultation, facts, ctx)
        return
    yield _missing(
        "CS301",
        s,
        facts,
        "La clause d'insertion ne fixe aucun nombre d'heures d'insertion",
        "Indiquer le nombre d'heures d'insertion à réaliser pour chaque lot concerné "
        "(commande « clausier hours » pour le calcul), par exemple : « Le titulaire réalise "
        "au minimum 280 heures de travail d'insertion pour le lot 1. »",
    )


def uncovered_lots(facts: Facts) -> dict[str, Fact]:
    """Lots a piece says the clause covers (`clause_lots`) that no piece gives hours for,
    with the statement that covers them. Only when hours are stated per lot somewhere
    (a single figure for the whole contract may hold every lot's hours) and not for a
    lot said to carry no clause or given a rate of hours."""
    with_hours = {f.lot for f in facts.of("hours") if f.lot is not None}
    if not with_hours:
        return {}
    # a lot whose hours are a rate (« 20 h par bon de commande ») has its number of hours
    without = {f.lot for f in facts.of("lot_no_clause")} | {
        f.lot for f in facts.of("hours_rate") if f.lot is not None
    }
    missing: dict[str, Fact] = {}
    for fact in facts.of("clause_lots"):
        for lot in fact.value:
            if lot not in with_hours and lot not in without:
                missing.setdefault(lot, fact)
    return missing


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _lots_without_hours(
    consultation: Consultation, facts: Facts, ctx: RuleContext
) -> Iterable[Finding]:
    from clausier.hours import LotRequest, compute_lot, guess_trade
    from review.lots import merged_lots

    info = merged_lots(facts)
    for lot, fact in sorted(uncovered_lots(facts).items()):
        entry = info.get(lot, {"title": None, "amount_ht": None})
        computed = None
        if entry["title"] and entry["amount_ht"]:
            trade = guess_trade(entry["title"], ctx.profile)
            if trade:
                computed = compute_lot(
                    LotRequest(lot, entry["title"], entry["amount_ht"], trade), ctx.profile
                ).hours
        calc = (
            f" (le calcul du profil donne {computed} heures)"
            if computed
            else " (commande « clausier hours » pour le calcul)"
        )
        # Reported at the clause article of the judged piece (the CCAP), not at the RC
        # sentence that lists the lots covered (that sentence is the excerpt).
        s = scope(consultation, facts, ctx)
        at = s.host_fact if s.host is not None and s.host_fact is not None else fact
        yield fact_finding(
            "CS301",
            f"La clause d'insertion concerne le lot {lot} ({fact.piece} : « {_short(fact.text)} »), "
            "mais aucune pièce ne fixe de nombre d'heures d'insertion pour ce lot.",
            suggestion=f"Indiquer le nombre d'heures d'insertion du lot {lot}{calc} dans le CCAP "
            "(ou l'annexe clause sociale) et l'acte d'engagement, ou retirer le lot de la liste "
            "des lots concernés.",
            fact=at,
            facts=facts,
            lot=lot,
        )


def _penalties(facts: Facts, consultation: Consultation, kind: str) -> list[Fact]:
    found = facts.of(kind)
    contractual = [f for f in found if kind_of(consultation, f.piece) in CONTRACTUAL]
    return contractual or found


def _per_hour_text(ctx: RuleContext) -> str:
    per_hour = ctx.profile.penalties.per_hour
    if isinstance(per_hour, (int, float)):
        return f"{fr_decimal(per_hour, 2, group='')} € par heure"
    return str(per_hour) if per_hour else "1,5 × SMIC horaire brut en vigueur à la date du constat"


@rule("CS307")
def weak_penalty(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    s = _active(consultation, facts, ctx)
    if s is None:
        return
    suggestion = (
        f"Fixer la pénalité par heure non réalisée : {_per_hour_text(ctx)} (sans figer une valeur "
        "du SMIC, qui change chaque année)."
    )
    penalties = _penalties(facts, consultation, "penalty_hours")
    if penalties and not any(p.value.has_amount for p in penalties):
        fact = penalties[0]
        yield fact_finding(
            "CS307",
            "La pénalité pour heures d'insertion non réalisées n'a ni montant ni formule de calcul.",
            suggestion=suggestion,
            fact=fact,
            facts=facts,
        )
    current = ctx.law.smic_on(ctx.judged_on)
    for fact in facts.of("smic_value"):
        value = fact.value
        past_year = value.year is not None and value.year < ctx.judged_on.year
        if not past_year and abs(value.amount - current) < 0.005:
            continue
        year = f" ({value.year})" if value.year else ""
        amount = fr_decimal(value.amount, 2, group="")
        now = fr_decimal(current, 2, group="")
        reporting = value.penalty == "reporting"
        which = (
            "La pénalité de retard de transmission des documents de suivi"
            if reporting
            else "La pénalité pour heures d'insertion non réalisées"
        )
        yield fact_finding(
            "CS307",
            f"{which} est figée sur une valeur passée du SMIC horaire : {amount} €{year} "
            f"(SMIC horaire brut à la date retenue : {now} €).",
            suggestion=_reporting_suggestion(ctx) if reporting else suggestion,
            fact=fact,
            facts=facts,
            target=fact.text,
        )


def _reporting_suggestion(ctx: RuleContext) -> str:
    late = ctx.profile.penalties.late_reporting
    amount = (
        f"{late:.0f} € par jour de retard" if late else "un montant forfaitaire par jour de retard"
    )
    return (
        f"Fixer la pénalité de retard de transmission des documents de suivi : {amount}, ou "
        "une formule sur le « SMIC horaire brut en vigueur à la date du constat » (sans figer "
        "une valeur du SMIC, qui change chaque année)."
    )


# ---------------------------------------------------------------- elements missing
# CS302–CS306 and CS308 share one shape: the clause carries an element, or a finding at the
# clause article says which one is missing, where it was looked for and what to write.


@dataclass(frozen=True)
class Element:
    code: str
    present: Callable[[Scope, Facts, Consultation], bool]
    message: str
    suggestion: Callable[[RuleContext], str]


def _stated(kind: str) -> Callable[[Scope, Facts, Consultation], bool]:
    """The clause states an element of this fact kind (in its scope)."""
    return lambda s, facts, consultation: bool(_in_scope(s, facts, kind))


def _penalty(kind: str) -> Callable[[Scope, Facts, Consultation], bool]:
    """A penalty of this kind stands in the pieces (a general « Pénalités » article counts)."""
    return lambda s, facts, consultation: bool(_penalties(facts, consultation, kind))


def _facilitator_reachable(s: Scope, facts: Facts, consultation: Consultation) -> bool:
    return any(f.value.phone or f.value.email for f in _in_scope(s, facts, "facilitator"))


def _facilitator_suggestion(ctx: RuleContext) -> str:
    fac = ctx.profile.facilitator
    contact = ", ".join(x for x in (fac.structure, fac.nom, fac.telephone, fac.courriel) if x)
    if contact:
        return f"Ajouter le contact du facilitateur : {contact}."
    return "Ajouter le contact du facilitateur : structure, nom, téléphone et courriel."


def _reporting_penalty_suggestion(ctx: RuleContext) -> str:
    late = ctx.profile.penalties.late_reporting
    amount = f"{late:.0f} €" if late else "un montant forfaitaire"
    return (
        "Ajouter : « En cas de retard dans la transmission des documents de suivi de la clause "
        f"d'insertion, le titulaire subit une pénalité de {amount} par jour de retard. »"
    )


ELEMENTS = (
    Element(
        "CS302",
        _stated("public"),
        "La clause d'insertion ne définit pas les publics éligibles",
        lambda ctx: (
            "Ajouter les publics éligibles, par exemple : demandeurs d'emploi de longue durée "
            "(plus de 12 mois d'inscription à France Travail), bénéficiaires du RSA, de l'ASS ou "
            "de l'AAH, travailleurs handicapés (RQTH), jeunes de moins de 26 ans sans "
            "qualification, personnes suivies par une SIAE, et toute personne dont l'éligibilité "
            "est validée par le facilitateur."
        ),
    ),
    Element(
        "CS303",
        _stated("modality"),
        "La clause d'insertion ne précise pas les modalités de mise en œuvre",
        lambda ctx: (
            "Préciser les modalités au choix du titulaire : embauche directe, mise à disposition "
            "de personnel par une ETTI, une AI ou un GEIQ, sous-traitance ou co-traitance avec "
            "une SIAE, une entreprise adaptée ou un ESAT, contrats d'apprentissage ou de "
            "professionnalisation."
        ),
    ),
    Element(
        "CS304",
        _facilitator_reachable,
        "La clause d'insertion ne donne pas les coordonnées du facilitateur (structure, et "
        "téléphone ou courriel)",
        _facilitator_suggestion,
    ),
    Element(
        "CS305",
        _stated("reporting"),
        "La clause d'insertion ne prévoit aucune obligation de contrôle ou de suivi "
        "(documents à transmettre, délais)",
        lambda ctx: (
            "Ajouter : « Le titulaire transmet chaque mois au facilitateur un tableau de suivi "
            "des heures réalisées, accompagné des justificatifs (contrats, relevés d'heures, "
            "factures des structures d'insertion). »"
        ),
    ),
    Element(
        "CS306",
        _penalty("penalty_hours"),
        "Aucune pénalité n'est prévue pour les heures d'insertion non réalisées",
        lambda ctx: (
            "Ajouter : « En cas de non-réalisation des heures d'insertion, le titulaire subit une "
            f"pénalité égale à {_per_hour_text(ctx)} pour chaque heure non réalisée. »"
        ),
    ),
    Element(
        "CS308",
        _penalty("penalty_reporting"),
        "Aucune pénalité n'est prévue en cas de retard ou de défaut de transmission des "
        "documents de suivi de la clause",
        _reporting_penalty_suggestion,
    ),
)


def element_rule(element: Element):
    """The rule of one element: silent when the clause carries it (or there is no clause)."""

    def check(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
        s = _active(consultation, facts, ctx)
        if s is None or element.present(s, facts, consultation):
            return
        yield _missing(element.code, s, facts, element.message, element.suggestion(ctx))

    check.__name__ = f"missing_{element.code.lower()}"
    return check


for _element in ELEMENTS:
    rule(_element.code)(element_rule(_element))
