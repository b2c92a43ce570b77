"""A fictional operation's bilan figures, written by hand: the tests, the benchmark and
the picture of docs/bilan.md use them.

Three lots, three companies (two holders and an ETTI), 24 months of execution
(March 2026 – February 2028), 50 distinct participants of whom one is alone in their
public (ASS) and two share another (TH): both are shown « < 3 ».
"""

from __future__ import annotations

from datetime import date

from clausier.followup_figures import (
    BilanFigures,
    CompanyRow,
    Count,
    LotStatus,
    MonthPoint,
    OperationStatus,
    Totals,
)

START, END = date(2026, 3, 1), date(2028, 2, 29)
INTERMEDIATE_DATE, FINAL_DATE = date(2027, 6, 30), date(2028, 3, 31)
COMMITTED = {"1": 1400.0, "2": 600.0, "3": 450.0}
TITLES = {"1": "Gros œuvre", "2": "Électricité", "3": "Menuiseries extérieures"}
HOLDERS = {
    "1": ("Bâtir Ensemble SA", "73282932000074"),
    "2": ("Élec Ouest SARL", "44306184100047"),
    "3": ("Menuiserie du Val", "51234567800019"),
}
PENALTY_PER_HOUR = 45.0


def _counts(pairs: list[tuple[str, int]]) -> list[Count]:
    return [Count(label, value) for label, value in pairs]


def _months(count: int, done_end: float, power: float) -> list[MonthPoint]:
    points = []
    total = sum(COMMITTED.values())
    for index in range(count):
        year, month = divmod(START.month - 1 + index, 12)
        share = (index + 1) / count
        points.append(
            MonthPoint(
                f"{START.year + year}-{month + 1:02d}",
                round(done_end * share**power * 2) / 2,
                round(total * (index + 1) / 24, 1),
            )
        )
    return points


def _lot(number: str, done: float, expected: float, participants: int, final: bool) -> LotStatus:
    committed = COMMITTED[number]
    company, siret = HOLDERS[number]
    missing = max(0.0, committed - done)
    return LotStatus(
        lot=number,
        title=TITLES[number],
        company=company,
        siret=siret,
        hours_committed=committed,
        hours_done=done,
        percent=round(done * 100 / committed, 1),
        hours_expected=expected,
        participants=participants,
        penalty_due=round(missing * PENALTY_PER_HOUR, 2) if final else None,
        start=START,
        end=END,
        penalty_per_hour=PENALTY_PER_HOUR,
    )


def sample_figures(final: bool = False) -> BilanFigures:
    """The intermediate bilan at 30 June 2027, or the final bilan at 31 March 2028."""
    if final:
        done = {"1": 1400.0, "2": 552.0, "3": 405.0}
        expected = dict(COMMITTED)
        per_lot = {"1": 30, "2": 15, "3": 9}
        companies = [(1100.0, 24), (552.0, 15), (705.0, 17)]
        months = _months(24, sum(done.values()), 1.2)
        outcomes = [
            ("Emploi durable", 17),
            ("Emploi de transition", 14),
            ("Sortie positive", 9),
            ("Autre sortie", 10),
        ]
    else:
        done = {"1": 1012.5, "2": 438.0, "3": 180.0}
        expected = {"1": 933.3, "2": 400.0, "3": 300.0}
        per_lot = {"1": 28, "2": 14, "3": 10}
        companies = [(812.5, 22), (438.0, 14), (380.0, 16)]
        months = _months(16, sum(done.values()), 1.3)
        outcomes = [
            ("Emploi durable", 9),
            ("Emploi de transition", 7),
            ("Sortie positive", 4),
            ("Autre sortie", 2),
            ("Toujours en parcours", 28),
        ]
    today = FINAL_DATE if final else INTERMEDIATE_DATE
    lots = [_lot(n, done[n], expected[n], per_lot[n], final) for n in COMMITTED]
    hours_done = sum(done.values())
    total = sum(COMMITTED.values())
    status = OperationStatus(
        operation="2026-014",
        date=today,
        lots=lots,
        totals=Totals(
            hours_committed=total,
            hours_done=hours_done,
            percent=round(hours_done * 100 / total, 1),
            participants=50,
            fte=round(hours_done / 1607, 2),
        ),
        buyer="Commune de Saint-Exemple",
        object="Construction du pôle enfance Jean-Moulin",
    )
    names = [
        ("Bâtir Ensemble SA", "73282932000074", "titulaire", ("1",)),
        ("Élec Ouest SARL", "44306184100047", "titulaire", ("2",)),
        ("ETTI Tremplin Emploi", "38012986500027", "ETTI", ("1", "3")),
    ]
    return BilanFigures(
        status=status,
        final=final,
        facilitator="Maison de l'emploi d'Exemple – Camille Martin (facilitatrice)",
        period_start=START,
        period_end=END,
        months=months,
        companies=[
            CompanyRow(name, siret, role, lots_, hours, people)
            for (name, siret, role, lots_), (hours, people) in zip(names, companies, strict=True)
        ],
        contracts=56,
        siae_count=1,
        by_modality=_counts(
            [
                ("Embauche directe", 24),
                ("Mise à disposition par une ETTI", 26),
                ("Mise à disposition par un GEIQ", 4),
                ("Sous-traitance à une SIAE", 2),
            ]
        ),
        by_contract=_counts(
            [
                ("Contrat de mission (intérim)", 26),
                ("CDD", 12),
                ("Apprentissage", 6),
                ("CDI", 4),
                ("Professionnalisation", 4),
                ("CDDI", 2),
                ("CDI inclusion", 2),
            ]
        ),
        by_public=_counts(
            [
                ("Demandeurs d'emploi de longue durée", 18),
                ("Bénéficiaires du RSA", 12),
                ("Jeunes de moins de 26 ans peu qualifiés", 11),
                ("Seniors de 50 ans et plus", 6),
                ("Travailleurs handicapés (TH)", 2),
                ("Bénéficiaires de l'ASS", 1),
            ]
        ),
        by_sex=_counts([("Hommes", 41), ("Femmes", 9)]),
        by_age=_counts([("Moins de 26 ans", 14), ("26 à 49 ans", 30), ("50 ans et plus", 6)]),
        by_qualification=_counts(
            [
                ("Infra 3 (sans diplôme)", 21),
                ("Niveau 3 (CAP, BEP)", 19),
                ("Niveau 4 (baccalauréat)", 8),
                ("Niveau 5 et plus", 2),
            ]
        ),
        by_qpv=_counts([("Oui", 16), ("Non", 32), ("Non renseigné", 2)]),
        by_outcome=_counts(outcomes),
        small_cell_threshold=3,
    )
