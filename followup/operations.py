"""Operations and awards: `add_operation` from a consultation file or a reviewed DCE,
`award_lot` for the company that holds a lot."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clausier.profile import Profile
from followup.errors import FollowupError
from followup.models import Award, Lot, Operation
from followup.penalty import split_penalty
from followup.siret import clean_siret, siret_problem


@dataclass
class LotPlan:
    number: str
    title: str | None = None
    hours: float | None = None
    per_year: bool = False
    start: date | None = None
    end: date | None = None


@dataclass
class OperationPlan:
    """What `followup add` will store: from a consultation file or a reviewed DCE."""

    reference: str
    buyer: str | None = None
    object: str | None = None
    nature: str | None = None
    framework: bool = False
    lots: list[LotPlan] = field(default_factory=list)
    penalty: float | str | None = None
    penalty_source: str = "profil"  # consultation | ccap | profil
    source: str | None = None


def plan_from_consultation_file(path: Path, profile: Profile) -> OperationPlan:
    """The operation of a consultation file (spec/cli.md), hours computed with the profile."""
    from clausier.consultation_file import ConsultationFileError, load_consultation_file
    from clausier.hours import compute

    try:
        spec = load_consultation_file(path)
    except ConsultationFileError as error:
        raise FollowupError(str(error)) from None
    if not spec.reference:
        raise FollowupError(
            f"{path} : la consultation n'a pas de référence ; ajoutez "
            '« reference = "2026-014" » sous [consultation] : le suivi nomme chaque opération '
            "par sa référence."
        )
    _refuse_unknown_trades(path, spec.lots, profile)
    table = compute(
        spec.lots, profile, framework=spec.framework, duration_years=spec.duration_years
    )
    plan = OperationPlan(
        reference=spec.reference,
        buyer=spec.buyer or None,
        object=spec.object or None,
        nature=spec.nature,
        framework=spec.framework,
        source=str(path),
    )
    for request, hours in zip(spec.lots, table.lots, strict=True):
        start, end = spec.lot_dates.get(request.number, (None, None))
        plan.lots.append(
            LotPlan(
                number=request.number,
                title=request.title,
                hours=None if hours.hours is None else float(hours.hours),
                per_year=hours.period == "year",
                start=start,
                end=end,
            )
        )
    if spec.penalty_per_hour is not None:
        plan.penalty, plan.penalty_source = spec.penalty_per_hour, "consultation"
    else:
        plan.penalty, plan.penalty_source = profile.penalties.per_hour or None, "profil"
    return plan


def _refuse_unknown_trades(path: Path, lots: list, profile: Profile) -> None:
    """A lot whose trade the profile does not know would get no hours, silently: refuse it,
    naming the lot and the nearest trade (as `clausier hours` does)."""
    import difflib

    keys = sorted(profile.trades)
    for lot in lots:
        if lot.hours is not None or lot.labour_share is not None or lot.trade in profile.trades:
            continue
        if lot.trade is None:
            continue  # no trade: compute says why in its note (trade guessed from the title)
        guess = difflib.get_close_matches(lot.trade, keys, n=1, cutoff=0.6)
        hint = (
            f"voulez-vous dire « {guess[0]} » ?"
            if guess
            else "métiers du profil : " + ", ".join(keys)
        )
        raise FollowupError(
            f"{path} : lot {lot.number} : le métier « {lot.trade} » n'est pas dans le profil, "
            f"{hint} Corrigez « metier » du lot, ou donnez ses heures (« heures = … »)."
        )


def plan_from_review(path: Path, profile: Profile) -> OperationPlan:
    """The operation a reviewed DCE describes: its lots, the hours its pieces state (CCAP
    first, then the acts of engagement), the penalty the CCAP writes."""
    from review.engine import review

    report = review(Path(path), profile)
    facts = report.facts

    def first(kind: str) -> object | None:
        return next((f.value for f in facts if f.kind == kind and f.value), None)

    reference = first("consultation_reference")
    if not reference:
        raise FollowupError(
            f"{path} : aucune référence de consultation n'a été trouvée dans les pièces ; "
            "ajoutez l'opération depuis un fichier consultation (clausier followup add "
            "CONSULTATION.toml) où « reference » est écrite."
        )
    plan = OperationPlan(
        reference=str(reference),
        buyer=_text(first("buyer")),
        object=_text(first("object")),
        nature=_text(first("nature")),
        framework=bool(first("framework")),
        source=str(path),
    )
    for lot in report.lots:
        stated = [lot.hours.get(kind) for kind in ("CCAP", "ccap", "AE", "ae")]
        hours = next((h for h in stated if h), None) or next(iter(lot.hours.values()), None)
        plan.lots.append(LotPlan(number=lot.number, title=lot.title, hours=hours))
    if not plan.lots:
        raise FollowupError(
            f"{path} : aucun lot n'a été trouvé dans les pièces ; utilisez un fichier "
            "consultation (clausier followup add CONSULTATION.toml)."
        )
    penalty = _review_penalty(report)
    if penalty is not None:
        plan.penalty, plan.penalty_source = penalty, "ccap"
    else:
        plan.penalty, plan.penalty_source = profile.penalties.per_hour or None, "profil"
    return plan


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _review_penalty(report) -> str | None:
    """The penalty per hour not done as written (accents and case kept: it is shown in the
    status and the bilan), from the CCAP first: the contract's piece that binds, then the
    clause's annex, then any other piece (the RC only repeats it)."""
    kinds = {piece.path: getattr(piece.kind, "value", str(piece.kind)) for piece in report.pieces}
    order = {"CCAP": 0, "ANNEXE_CLAUSE": 1}
    found = [
        fact
        for fact in report.facts
        if fact.kind == "penalty_hours" and getattr(fact.value, "has_amount", False)
    ]
    found.sort(key=lambda fact: order.get(kinds.get(fact.piece, ""), 2))
    if not found:
        return None
    return " ".join(str(found[0].text or found[0].value.sentence).split())[:300]


def add_operation(session: Session, plan: OperationPlan) -> Operation:
    """Store a new operation; the same reference twice is refused."""
    existing = session.scalar(select(Operation).where(Operation.reference == plan.reference))
    if existing is not None:
        raise FollowupError(
            f"L'opération {plan.reference} est déjà suivie : elle n'est pas ajoutée une "
            "seconde fois. Pour la voir : clausier followup status " + plan.reference
        )
    number, text = split_penalty(plan.penalty)
    operation = Operation(
        reference=plan.reference,
        buyer=plan.buyer,
        object=plan.object,
        nature=plan.nature,
        framework=plan.framework,
        source=plan.source,
        created_at=datetime.now().replace(microsecond=0),
        participants_archived=0,
    )
    for position, lot in enumerate(plan.lots):
        operation.lots.append(
            Lot(
                number=lot.number,
                position=position,
                title=lot.title,
                hours_committed=lot.hours,
                hours_per_year=lot.per_year,
                start=lot.start,
                end=lot.end,
                penalty_per_hour=number,
                penalty_text=text,
                penalty_source=plan.penalty_source,
                participants_archived=0,
            )
        )
    session.add(operation)
    session.flush()
    return operation


def get_operation(session: Session, reference: str) -> Operation:
    operation = session.scalar(select(Operation).where(Operation.reference == reference))
    if operation is None:
        known = session.scalars(select(Operation.reference).order_by(Operation.reference)).all()
        hint = f" Opérations suivies : {', '.join(known[:20])}." if known else ""
        raise FollowupError(
            f"Aucune opération « {reference} » dans le suivi.{hint} Ajoutez-la avec "
            "clausier followup add CONSULTATION.toml."
        )
    return operation


def find_lot(operation: Operation, number: str) -> Lot:
    from followup.sheet import lot_key

    for lot in operation.lots:
        if lot_key(lot.number) == lot_key(number):
            return lot
    known = ", ".join(lot.number for lot in operation.lots)
    raise FollowupError(
        f"L'opération {operation.reference} n'a pas de lot « {number} » (lots : {known})."
    )


@dataclass
class AwardRequest:
    lot: str
    company: str
    siret: str
    notified: date
    start: date | None = None
    end: date | None = None
    hours: float | None = None
    source: str | None = None


def award_lot(session: Session, reference: str, request: AwardRequest) -> tuple[Award, bool]:
    """Record (or correct) the company holding a lot; returns (award, replaced)."""
    why = siret_problem(request.siret)
    if why:
        raise FollowupError(f"SIRET refusé : {why}.")
    company = " ".join(request.company.split())
    if not company:
        raise FollowupError("La raison sociale du titulaire manque (--company).")
    start = request.start or request.notified
    if request.end is not None and request.end < start:
        raise FollowupError(
            f"La fin prévue ({request.end:%d/%m/%Y}) est avant le début d'exécution "
            f"({start:%d/%m/%Y}) : corrigez --start ou --end."
        )
    if request.hours is not None and request.hours < 0:
        raise FollowupError("Les heures engagées (--hours) ne peuvent pas être négatives.")
    operation = get_operation(session, reference)
    lot = find_lot(operation, request.lot)
    replaced = lot.award is not None
    award = lot.award or Award(lot=lot)
    award.company = company[:300]
    award.siret = clean_siret(request.siret)
    award.notified = request.notified
    award.start = request.start or lot.start or request.notified
    award.end = request.end or lot.end
    award.hours = request.hours
    award.source = request.source
    session.add(award)
    session.flush()
    return award, replaced
