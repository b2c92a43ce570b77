"""CS4xx — hours consistent across pieces and with the profile's calculation.

The reference value of a lot is the one of the CCAP (else the clause annex, the AE, the
RC); a piece that states another value gets the CS401 finding."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from clausier.model import Consultation, Finding
from review.lots import (
    hours_by_piece,
    hours_terms,
    kind_of,
    lot_key,
    lot_request,
    merged_lots,
    reference_piece,
)
from review.rules import fact_finding, rule
from review.rules.scope import scope
from review.rules.wording import de, piece_name

if TYPE_CHECKING:
    from review.facts import Facts
    from review.rules import RuleContext


def _active(consultation: Consultation, facts: Facts, ctx: RuleContext) -> bool:
    s = scope(consultation, facts, ctx)
    return s.carries_clause and not s.declared_none


def _lot_label(lot: str) -> str:
    return "le marché (lot unique)" if lot == "unique" else f"le lot {lot}"


def _h(value: int) -> str:
    return f"{value:,}".replace(",", " ") + " heures"


def _all_hours_by_piece(facts: Facts) -> dict[str, dict[str, set[float]]]:
    """lot -> piece -> every figure of hours it states for the lot, and, for hours per year
    when the duration is known, that figure times the duration (hours per year and the
    total over the contract are the same commitment)."""
    years = {f.value for f in facts.of("duration_years") if f.value}
    per_year = {(f.piece, f.place, f.text) for f in facts.of("hours_period") if f.value == "year"}
    table: dict[str, dict[str, set[float]]] = {}
    for fact in facts.of("hours"):
        lot = lot_key(fact, facts)
        if lot is None:
            continue
        values = table.setdefault(lot, {}).setdefault(fact.piece, set())
        values.add(fact.value)
        if len(years) == 1 and (fact.piece, fact.place, fact.text) in per_year:
            values.add(fact.value * next(iter(years)))
    return table


@rule("CS401")
def hours_differ(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    if not _active(consultation, facts, ctx):
        return
    stated = _all_hours_by_piece(facts)
    for lot, pieces in hours_by_piece(consultation, facts).items():
        if len({f.value for f in pieces.values()}) < 2:
            continue
        ref_path = reference_piece(consultation, pieces)
        ref = pieces[ref_path]
        ref_name = piece_name(kind_of(consultation, ref_path))
        for path, fact in pieces.items():
            if fact.value == ref.value:
                continue
            if stated[lot][path] & stated[lot][ref_path]:
                continue  # « 200 heures par an, soit 800 heures » beside an AE's « 800 heures »
            yield fact_finding(
                "CS401",
                f"Nombre d'heures incohérent pour {_lot_label(lot)} : {_h(fact.value)} ici, "
                f"{_h(ref.value)} dans {ref_name} « {ref_path} ».",
                suggestion=f"Harmoniser le nombre d'heures d'insertion {de(_lot_label(lot))} dans "
                f"toutes les pièces (RC, CCAP, AE, annexe) ; valeur {de(ref_name)} : "
                f"{_h(ref.value)}.",
                piece=path,
                fact=fact,
                facts=facts,
                lot=None if lot == "unique" else lot,
                target=fact.text,
            )


@rule("CS402")
def total_differs(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    if not _active(consultation, facts, ctx):
        return
    table = hours_by_piece(consultation, facts)
    consolidated = {
        lot: pieces[reference_piece(consultation, pieces)].value
        for lot, pieces in table.items()
        if lot != "unique"
    }
    for subtotal in facts.of("hours_subtotal"):
        yield from _subtotal_differs(subtotal, consolidated, facts)
    for total in facts.of("hours_total"):
        own = {
            lot: pieces[total.piece].value
            for lot, pieces in table.items()
            if total.piece in pieces and lot != "unique"
        }
        lots = own if len(own) >= 2 else consolidated
        if len(lots) < 2:
            continue
        expected = sum(lots.values())
        if total.value == expected or total.value == _over_the_duration(expected, facts):
            continue
        detail = " + ".join(f"lot {lot} : {value}" for lot, value in sorted(lots.items()))
        yield fact_finding(
            "CS402",
            f"Le total indiqué ({_h(total.value)}) ne correspond pas à la somme des heures des lots "
            f"({_h(expected)} : {detail}).",
            suggestion=f"Corriger le total : {_h(expected)}, ou corriger les heures des lots.",
            fact=total,
            facts=facts,
            target=total.text,
        )


def _over_the_duration(per_year: int, facts: Facts) -> int | None:
    """Hours stated per year, recalled over the accord-cadre's duration (« 440 heures par
    an … sur la durée maximale de 4 ans, 2 900 heures pour l'ensemble des lots »)."""
    terms = hours_terms(facts)
    if terms.period != "year" or not terms.duration_years:
        return None
    return round(per_year * terms.duration_years)


def _subtotal_differs(subtotal, consolidated: dict[str, int], facts: Facts) -> Iterable[Finding]:
    """« Les lots 1 et 2 comportent ensemble 885 heures »: the sum of those lots only."""
    named = {lot: consolidated[lot] for lot in subtotal.value.lots if lot in consolidated}
    if len(named) < len(subtotal.value.lots):
        return  # a lot named without hours: CS301 / CS404 say so
    expected = sum(named.values())
    if subtotal.value.hours == expected:
        return
    detail = " + ".join(f"lot {lot} : {value}" for lot, value in named.items())
    yield fact_finding(
        "CS402",
        f"Le total indiqué pour les lots {', '.join(subtotal.value.lots)} "
        f"({_h(subtotal.value.hours)}) ne correspond pas à la somme de leurs heures "
        f"({_h(expected)} : {detail}).",
        suggestion=f"Corriger le total : {_h(expected)}, ou corriger les heures des lots.",
        fact=subtotal,
        facts=facts,
        target=subtotal.text,
    )


def _lot_requests(facts: Facts, ctx: RuleContext) -> dict[str, tuple]:
    """lot -> (LotRequest over the whole contract, HoursTerms, duration in years); computed
    once per review (CS403 and CS405 both need them)."""
    if "lot_requests" in ctx.extra:
        return ctx.extra["lot_requests"]
    from dataclasses import replace

    requests = {}
    for number, info in merged_lots(facts).items():
        terms = hours_terms(facts, number)
        request, duration = lot_request(info, number, ctx.profile, terms)
        profile = ctx.profile
        if info.get("estimated"):
            # The amount is the consultation's estimated value and the trade its object's:
            # a coarser guess than a lot's row, so only a gross gap is worth a warning.
            profile = replace(profile, tolerance=min(0.6, 2 * profile.tolerance))
        requests[number] = (request, terms, duration, profile)
    ctx.extra["lot_requests"] = requests
    return requests


def _right_for_another_trade(
    request, hours: int, ctx: RuleContext, terms, duration, objects: list[str]
) -> bool:
    """The title names several trades (« Peinture – sols souples »), or the consultation's
    object names another (« Espaces verts des communes » in a contract for « l'entretien
    des espaces verts »), and the hours are right for it: the tool guessed the trade, the
    buyer may not have."""
    from dataclasses import replace

    from clausier.hours import expected_range, guess_trades

    others = guess_trades(request.title or "", ctx.profile)[1:]
    for text in objects:
        others += guess_trades(text, ctx.profile)[:1]
    for trade in dict.fromkeys(t for t in others if t != request.trade):
        bounds = expected_range(
            replace(request, trade=trade), ctx.profile, terms.framework, duration, terms.period
        )
        if bounds is not None and bounds[0] <= hours <= bounds[1]:
            return True
    return False


_NO_LABOUR = 0.10  # a trade's labour share at or below which hours are asked on a supply


@rule("CS403")
def hours_out_of_range(
    consultation: Consultation, facts: Facts, ctx: RuleContext
) -> Iterable[Finding]:
    if not _active(consultation, facts, ctx):
        return
    from clausier.french import fr_hours
    from clausier.hours import compute_lot, expected_range

    requests = _lot_requests(facts, ctx)
    for lot, pieces in hours_by_piece(consultation, facts).items():
        request, terms, duration, profile = requests.get(lot, (None, None, None, ctx.profile))
        if request is None or request.amount_ht is None or request.trade is None:
            continue
        if ctx.profile.trades[request.trade].labour_share <= _NO_LABOUR:
            continue  # a supply without work on site: CS405 says it, once
        bounds = expected_range(request, profile, terms.framework, duration, terms.period)
        if bounds is None:
            continue
        ref_path = reference_piece(consultation, pieces)
        fact = pieces[ref_path]
        low, high = bounds
        if low <= fact.value <= high:
            continue
        objects = [f.value for f in facts.of("object")]
        if _right_for_another_trade(request, fact.value, ctx, terms, duration, objects):
            continue
        computed = compute_lot(request, ctx.profile, terms.framework, duration, terms.period)
        trade = ctx.profile.trades[request.trade]
        amount = f"{request.amount_ht:,.0f}".replace(",", " ")
        per = {"year": " par an", "tranche": " par tranche commandée"}.get(
            computed.period or "", ""
        )
        over = (
            f" sur {fr_hours(duration)} an{'s' if duration > 1 else ''}"
            if per == " par an" and duration
            else ""
        )
        yield fact_finding(
            "CS403",
            f"Les {_h(fact.value)}{per} du lot {lot} sortent de la fourchette calculée par le "
            f"profil ({low} à {high} heures{per} pour {amount} € HT{over}, {trade.label}).",
            suggestion=f"Vérifier le montant et le métier du lot {lot} : le calcul du profil donne "
            f"{computed.hours if computed.hours is not None else 0} heures{per} (montant{over} × taux de main-d'œuvre "
            f"{trade.labour_share:.0%} × taux d'insertion {ctx.profile.insertion_rate:.0%} ÷ "
            f"{ctx.profile.hourly_cost:.0f} €/h).".replace("%", " %"),
            piece=ref_path,
            fact=fact,
            facts=facts,
            lot=lot,
            target=fact.text,
        )


def _per_lot(facts: Facts, path: str) -> bool:
    """A piece about one lot (« AE_lot1 », « Lot 2 – … » in its first lines): its single
    lot is no list. A form for the whole consultation that gives lot 1 only is one."""
    text = facts.texts.get(path)
    return text is not None and text.lot is not None


def _lots_named(facts: Facts, path: str) -> set[str]:
    named = {f.value.number for f in facts.of("lot", path)}
    for fact in facts.of("clause_lots", path):
        named.update(fact.value)
    return named


@rule("CS404")
def lot_absent(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    if not _active(consultation, facts, ctx):
        return
    table = hours_by_piece(consultation, facts)
    listing: dict[str, set[str]] = {}
    for lot, pieces in table.items():
        for path in pieces:
            listing.setdefault(path, set()).add(lot)
    without = {(f.piece, f.lot) for f in facts.of("lot_no_clause")}
    for path, lots in listing.items():
        # A piece that gives hours for several lots lists them, and so does a piece for the
        # whole consultation that gives one lot's; a per-lot piece (AE_lot1) lists only
        # the others it names (« lots 1 et 2 »).
        named = _lots_named(facts, path) if len(lots) < 2 and _per_lot(facts, path) else None
        for lot, pieces in table.items():
            if lot in lots or lot == "unique" or (path, lot) in without:
                continue
            if named is not None and lot not in named:
                continue
            other = reference_piece(consultation, pieces)
            first = next((f for f in facts.of("hours", path) if lot_key(f, facts) in lots), None)
            yield fact_finding(
                "CS404",
                f"Le lot {lot} a {_h(pieces[other].value)} d'insertion dans « {other} » mais "
                f"n'apparaît pas dans la liste des heures par lot de cette pièce.",
                suggestion=f"Ajouter le lot {lot} ({_h(pieces[other].value)}) à la liste des heures de "
                "cette pièce, ou l'indiquer « sans objet » s'il ne porte pas de clause.",
                piece=path,
                fact=first,
                facts=facts,
                lot=lot,
            )


@rule("CS405")
def no_labour_lot(consultation: Consultation, facts: Facts, ctx: RuleContext) -> Iterable[Finding]:
    if not _active(consultation, facts, ctx):
        return
    requests = _lot_requests(facts, ctx)
    for lot, pieces in hours_by_piece(consultation, facts).items():
        request = requests.get(lot, (None,))[0]
        if request is None or request.trade is None:
            continue
        trade = ctx.profile.trades.get(request.trade)
        if trade is None or trade.labour_share > _NO_LABOUR:
            continue
        ref_path = reference_piece(consultation, pieces)
        fact = pieces[ref_path]
        yield fact_finding(
            "CS405",
            f"Des heures d'insertion ({_h(fact.value)}) sont demandées pour le lot {lot} "
            f"({trade.label}), dont la main-d'œuvre est presque nulle "
            f"(taux de main-d'œuvre {trade.labour_share:.0%}).".replace("%", " %"),
            suggestion=f"Vérifier que le lot {lot} comporte du travail sur place ; sinon retirer la "
            "clause de ce lot ou prévoir une autre forme (sous-traitance à une EA, un ESAT ou une SIAE).",
            piece=ref_path,
            fact=fact,
            facts=facts,
            lot=lot,
            target=fact.text,
        )
