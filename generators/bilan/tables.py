"""The bilan's figures as French tables: one model that the Word, spreadsheet and HTML
views all read, so that they cannot disagree.

Each cell keeps its raw value (for the spreadsheet) and its French text (for Word and
HTML). Counts of people go through `masked`: under the threshold (but not zero) the cell
says « < 3 » and carries no number at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from clausier.followup_figures import BilanFigures, Count, LotStatus, masked
from clausier.french import FR_MONTHS, fr_date, fr_decimal, fr_int, fr_number, fr_percent

NBSP = "\u00a0"
DASH = "—"
SHORT_MONTHS = (
    "janv.", "févr.", "mars", "avr.", "mai", "juin",
    "juil.", "août", "sept.", "oct.", "nov.", "déc.",
)  # fmt: skip


# --------------------------------------------------------------------------- numbers


def fr_hours(value: float | None) -> str:
    """Hours in a bilan: « 1 234 », « 833,5 » (narrow no-break space between thousands)."""
    return fr_number(value, 1)


def fr_share(value: float | None) -> str:
    """A rate already in percent (as `followup status` gives it): 87.5 -> « 87,5 % »."""
    return fr_percent(None if value is None else value / 100)


def fr_fte(value: float | None) -> str:
    """Full-time equivalents, two decimals at most: 3.4848 -> « 3,48 »."""
    return fr_number(value, 2)


def fr_penalty(value: float | None) -> str:
    """A penalty: « 4 500 € », « 1 234,50 € » (no « HT »: a penalty bears no VAT)."""
    if value is None:
        return DASH
    decimals = 0 if float(value).is_integer() else 2
    return f"{fr_decimal(value, decimals)}{NBSP}€"


def month_label(month: str, short: bool = False) -> str:
    """« 2027-03 » -> « mars 2027 » (short: « mars 27 »)."""
    year, number = month.split("-")[:2]
    index = int(number) - 1
    if short:
        return f"{SHORT_MONTHS[index]} {year[2:]}"
    return f"{FR_MONTHS[index]} {year}"


# --------------------------------------------------------------------------- cells


@dataclass(frozen=True)
class Cell:
    """One cell: `value` for a spreadsheet (None when masked or unknown), `text` to read.

    `kind` says how to format it: text, hours, count (people or actions: masked),
    number, percent, fte, euros."""

    value: float | int | str | None
    text: str
    kind: str = "text"


def text(value: str | None) -> Cell:
    return Cell(value or "", value or "", "text")


def hours(value: float | None) -> Cell:
    return Cell(value, fr_hours(value), "hours")


def people(value: int, threshold: int) -> Cell:
    shown = masked(value, threshold)
    return Cell(None if shown != str(value) else value, shown, "count")


def number(value: int | None) -> Cell:
    return Cell(value, fr_int(value), "number")


def percent(value: float | None) -> Cell:
    return Cell(value, fr_share(value), "percent")


def fte(value: float | None) -> Cell:
    return Cell(value, fr_fte(value), "fte")


def euros(value: float | None) -> Cell:
    return Cell(value, fr_penalty(value), "euros")


# --------------------------------------------------------------------------- tables


@dataclass
class Table:
    """A titled table: `columns` are (key, French header); rows and total map key -> Cell."""

    key: str
    title: str
    sheet: str  # spreadsheet sheet name (≤ 31 characters)
    columns: list[tuple[str, str]]
    rows: list[dict[str, Cell]] = field(default_factory=list)
    total: dict[str, Cell] | None = None
    note: str = ""


def bilan_title(figures: BilanFigures) -> str:
    if figures.final:
        return "Bilan final"
    return f"Bilan intermédiaire au {fr_date(figures.status.date)}"


def period_bounds(figures: BilanFigures) -> tuple[date | None, date | None]:
    """The bilan's period, or the span of the lots' execution when it is not given."""
    starts = [lot.start for lot in figures.status.lots if lot.start]
    ends = [lot.end for lot in figures.status.lots if lot.end]
    start = figures.period_start or (min(starts) if starts else None)
    end = figures.period_end or (max(ends) if ends else None)
    return start, end


def period_text(figures: BilanFigures) -> str:
    start, end = period_bounds(figures)
    if start and end:
        return f"du {fr_date(start)} au {fr_date(end)}"
    if start:
        return f"à partir du {fr_date(start)}"
    return DASH


def key_figures(figures: BilanFigures) -> list[tuple[str, Cell]]:
    """The summary box: what a reader of the bilan looks at first."""
    totals, threshold = figures.status.totals, figures.small_cell_threshold
    return [
        ("Heures prévues", hours(totals.hours_committed)),
        ("Heures réalisées", hours(totals.hours_done)),
        ("Taux de réalisation", percent(totals.percent)),
        ("Équivalents temps plein", fte(totals.fte)),
        ("Contrats", people(figures.contracts, threshold)),
        ("Participants", people(totals.participants, threshold)),
        ("Entreprises mobilisées", number(len(figures.companies))),
        ("dont SIAE", number(figures.siae_count)),
    ]


def _expected_total(lots: list[LotStatus]) -> float | None:
    values = [lot.hours_expected for lot in lots if lot.hours_expected is not None]
    return round(sum(values), 2) if values else None


def lots_table(figures: BilanFigures) -> Table:
    status, threshold = figures.status, figures.small_cell_threshold
    table = Table(
        "lots",
        "Heures par lot",
        "Lots",
        [
            ("lot", "Lot"),
            ("intitule", "Intitulé"),
            ("entreprise", "Titulaire"),
            ("heures_prevues", "Heures prévues"),
            ("heures_attendues", "Heures attendues à date"),
            ("heures_realisees", "Heures réalisées"),
            ("taux", "Taux de réalisation"),
            ("participants", "Participants"),
        ],
    )
    for lot in status.lots:
        table.rows.append(
            {
                "lot": text(lot.lot),
                "intitule": text(lot.title),
                "entreprise": text(lot.company),
                "heures_prevues": hours(lot.hours_committed),
                "heures_attendues": hours(lot.hours_expected),
                "heures_realisees": hours(lot.hours_done),
                "taux": percent(lot.percent),
                "participants": people(lot.participants, threshold),
            }
        )
    totals = status.totals
    table.total = {
        "lot": text("Total"),
        "intitule": text(""),
        "entreprise": text(""),
        "heures_prevues": hours(totals.hours_committed),
        "heures_attendues": hours(_expected_total(status.lots)),
        "heures_realisees": hours(totals.hours_done),
        "taux": percent(totals.percent),
        "participants": people(totals.participants, threshold),
    }
    table.note = (
        "Participants distincts : une personne qui a travaillé sur deux lots est comptée "
        "dans chacun d'eux, une seule fois dans le total."
    )
    return table


def companies_table(figures: BilanFigures) -> Table:
    threshold = figures.small_cell_threshold
    table = Table(
        "entreprises",
        "Heures par entreprise",
        "Entreprises",
        [
            ("entreprise", "Entreprise"),
            ("siret", "SIRET"),
            ("role", "Rôle"),
            ("lots", "Lots"),
            ("heures_realisees", "Heures réalisées"),
            ("participants", "Participants"),
        ],
    )
    for row in figures.companies:
        table.rows.append(
            {
                "entreprise": text(row.company),
                "siret": text(row.siret),
                "role": text(row.role),
                "lots": text(", ".join(row.lots)),
                "heures_realisees": hours(row.hours_done),
                "participants": people(row.participants, threshold),
            }
        )
    return table


def counts_table(
    key: str, title: str, sheet: str, header: str, counts: list[Count], threshold: int, unit: str
) -> Table:
    """A category table (public, sex, outcome…): count and share; a masked count has no
    share either, so that it cannot be computed back."""
    table = Table(key, title, sheet, [("libelle", header), ("effectif", unit), ("part", "Part")])
    total = sum(count.value for count in counts)
    for count in counts:
        cell = people(count.value, threshold)
        share = None if cell.value is None or not total else round(count.value * 100 / total, 1)
        table.rows.append({"libelle": text(count.label), "effectif": cell, "part": percent(share)})
    return table


def penalties_table(figures: BilanFigures) -> Table:
    """Final bilan: the hours missing and the penalty due per lot."""
    table = Table(
        "penalites",
        "Heures manquantes et pénalités",
        "Pénalités",
        [
            ("lot", "Lot"),
            ("entreprise", "Titulaire"),
            ("heures_prevues", "Heures prévues"),
            ("heures_realisees", "Heures réalisées"),
            ("heures_manquantes", "Heures manquantes"),
            ("penalite_heure", "Pénalité par heure"),
            ("penalite", "Pénalité due"),
        ],
    )
    missing_total = 0.0
    due_total = 0.0
    for lot in figures.status.lots:
        missing_total += lot.hours_missing or 0.0
        due_total += lot.penalty_due or 0.0
        table.rows.append(
            {
                "lot": text(lot.lot),
                "entreprise": text(lot.company),
                "heures_prevues": hours(lot.hours_committed),
                "heures_realisees": hours(lot.hours_done),
                "heures_manquantes": hours(lot.hours_missing),
                "penalite_heure": euros(lot.penalty_per_hour),
                "penalite": euros(lot.penalty_due if lot.penalty_due is not None else 0.0),
            }
        )
    table.total = {
        "lot": text("Total"),
        "entreprise": text(""),
        "heures_prevues": hours(figures.status.totals.hours_committed),
        "heures_realisees": hours(figures.status.totals.hours_done),
        "heures_manquantes": hours(round(missing_total, 2)),
        "penalite_heure": text(""),
        "penalite": euros(round(due_total, 2)),
    }
    table.note = (
        "Pénalité due : heures manquantes × pénalité par heure prévue au CCAP, une fois la "
        "fin d'exécution du lot passée."
    )
    return table


def months_table(figures: BilanFigures) -> Table:
    table = Table(
        "mois",
        "Heures cumulées par mois",
        "Mensuel",
        [
            ("mois", "Mois"),
            ("heures_realisees", "Heures réalisées cumulées"),
            ("heures_attendues", "Heures attendues cumulées"),
        ],
    )
    for point in figures.months:
        table.rows.append(
            {
                "mois": text(month_label(point.month)),
                "heures_realisees": hours(point.hours_done),
                "heures_attendues": hours(point.hours_expected),
            }
        )
    return table


# (key, title, sheet, header, attribute, unit)
COUNT_TABLES = (
    ("modalites", "Modalités de mise en œuvre", "Modalités", "Modalité", "by_modality", "Contrats"),
    ("contrats", "Types de contrat", "Contrats", "Type de contrat", "by_contract", "Contrats"),
    ("publics", "Public", "Publics", "Public", "by_public", "Participants"),
    ("sexes", "Sexe", "Sexe", "Sexe", "by_sex", "Participants"),
    ("ages", "Tranche d'âge", "Âge", "Tranche d'âge", "by_age", "Participants"),
    ("qualifications", "Niveau de qualification", "Qualification", "Niveau", "by_qualification", "Participants"),
    ("qpv", "Résidence en quartier prioritaire (QPV)", "QPV", "Résidant QPV", "by_qpv", "Participants"),
    ("sorties", "Sorties à l'issue du parcours", "Sorties", "Sortie", "by_outcome", "Participants"),
)  # fmt: skip
PROFILE_KEYS = ("publics", "sexes", "ages", "qualifications", "qpv")


def bilan_tables(figures: BilanFigures) -> dict[str, Table]:
    """Every table of the bilan, by key, in reading order; `penalites` only when final."""
    threshold = figures.small_cell_threshold
    tables = {"lots": lots_table(figures), "entreprises": companies_table(figures)}
    for key, title, sheet, header, attribute, unit in COUNT_TABLES:
        counts = getattr(figures, attribute)
        tables[key] = counts_table(key, title, sheet, header, counts, threshold, unit)
    if figures.final:
        tables["penalites"] = penalties_table(figures)
    tables["mois"] = months_table(figures)
    return tables


def small_cell_note(figures: BilanFigures) -> str:
    n = figures.small_cell_threshold
    return (
        f"Secret statistique : un effectif inférieur à {n} est affiché « < {n} » et sa part "
        "n'est pas donnée, afin qu'aucune personne ne puisse être reconnue."
    )
