"""Dated legal data: what the law said on a given day.

The facts live in `clause_templates/law/law.toml`, each with its source, so that a 2025
tender is judged by 2025 law and a change of threshold is an edit of data, not of code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

LAW_FILE = Path(__file__).resolve().parent.parent / "clause_templates" / "law" / "law.toml"

# Natures of contract as written in consultation files.
WORKS = "travaux"


@dataclass(frozen=True)
class ThresholdPeriod:
    start: date
    end: date
    works: float
    supplies_services_state: float
    supplies_services_local: float
    supplies_services_utilities: float
    source: str

    def values(self) -> tuple[float, ...]:
        return (
            self.works,
            self.supplies_services_state,
            self.supplies_services_local,
            self.supplies_services_utilities,
        )


@dataclass(frozen=True)
class RepealedText:
    key: str  # "cmp", "ordonnance_2015_899", "decret_2016_360"
    name: str
    repealed_on: date
    replaced_by: str
    articles: dict[str, str]  # old article number -> current CCP article(s)
    source: str


@dataclass(frozen=True)
class ObsoleteName:
    old: str
    new: str
    since: date
    source: str
    forms: tuple[str, ...] = ()  # the same name written out (« zones urbaines sensibles »)


@dataclass(frozen=True)
class DispensePeriod:
    start: date
    end: date | None
    works: float
    supplies_services: float
    source: str


class Law:
    """Read-only view of law.toml with date-aware questions."""

    def __init__(self, data: dict) -> None:
        self._data = data
        self.social_obligation_from: date = data["obligation_sociale"]["depuis"]
        self.social_obligation_article: str = data["obligation_sociale"]["article"]
        self.social_obligation_source: str = data["obligation_sociale"]["source"]
        self.thresholds = [
            ThresholdPeriod(
                start=p["debut"],
                end=p["fin"],
                works=p["travaux"],
                supplies_services_state=p["fcs_etat"],
                supplies_services_local=p["fcs_collectivites"],
                supplies_services_utilities=p["fcs_entites_adjudicatrices"],
                source=p["source"],
            )
            for p in data["seuils_ue"]
        ]
        self.dispense = [
            DispensePeriod(
                start=p["debut"],
                end=p.get("fin"),
                works=p["travaux"],
                supplies_services=p["fcs"],
                source=p["source"],
            )
            for p in data["seuils_dispense"]
        ]
        self.repealed = [
            RepealedText(
                key=t["cle"],
                name=t["nom"],
                repealed_on=t["abroge_le"],
                replaced_by=t["remplace_par"],
                articles=dict(t.get("articles", {})),
                source=t["source"],
            )
            for t in data["textes_abroges"]
        ]
        self.ccp_mechanisms: dict[str, str] = dict(data["articles_ccp"])
        self.mechanism_labels: dict[str, str] = dict(data["mecanismes"])
        ccag = data["ccag"]
        self.ccag_version: int = ccag["version_courante"]
        self.ccag_2021_from: date = ccag["applicable_le"]
        self.ccag_2009_abrogated: date = ccag["anciens_abroges_le"]
        self.ccag_source: str = ccag["source"]
        self.ccag_insertion_articles: dict[str, str] = dict(ccag["article_insertion"])
        self.ccag_names: dict[str, str] = dict(ccag["noms"])
        self.ccag_2009_orders: dict[str, str] = dict(ccag["arretes_2009"])
        self.obsolete_names = [
            ObsoleteName(
                old=n["ancien"],
                new=n["nouveau"],
                since=n["depuis"],
                source=n["source"],
                forms=tuple(n.get("formes", ())),
            )
            for n in data["denominations"]
        ]
        self.smic = sorted((s["depuis"], s["valeur"]) for s in data["smic"])

    # ---------------------------------------------------------------- thresholds

    def thresholds_on(self, on: date) -> ThresholdPeriod:
        """The EU thresholds in force for a consultation launched on `on`."""
        for period in self.thresholds:
            if period.start <= on <= period.end:
                return period
        # Past the last known period: keep the latest (the tool must still answer).
        return self.thresholds[-1] if on > self.thresholds[-1].end else self.thresholds[0]

    def eu_threshold(
        self, nature: str, buyer_type: str = "collectivite", on: date | None = None
    ) -> float:
        period = self.thresholds_on(on or date.today())
        if nature == WORKS:
            return period.works
        return {
            "etat": period.supplies_services_state,
            "entite_adjudicatrice": period.supplies_services_utilities,
        }.get(buyer_type, period.supplies_services_local)

    def outdated_thresholds(self, on: date) -> dict[float, ThresholdPeriod]:
        """Threshold values of earlier periods that are no longer in force on `on`
        (a value shared with the current period is not outdated)."""
        current = self.thresholds_on(on)
        current_values = set(current.values())
        outdated: dict[float, ThresholdPeriod] = {}
        for period in self.thresholds:
            if period.end < current.start:
                for value in period.values():
                    if value not in current_values:
                        outdated.setdefault(value, period)
        return outdated

    def dispense_on(self, on: date) -> DispensePeriod:
        for period in self.dispense:
            if period.start <= on and (period.end is None or on <= period.end):
                return period
        return self.dispense[0]

    # ---------------------------------------------------------------- 2026 obligation

    def social_obligation_applies(
        self,
        launch_date: date | None,
        estimated_value: float | None,
        nature: str,
        buyer_type: str = "collectivite",
        defence: bool = False,
    ) -> bool:
        """True when art. 35 of loi 2021-1104 requires a social or employment execution
        condition: launched from 21 Aug 2026 and estimated value at or above the EU threshold."""
        if launch_date is None or estimated_value is None or defence:
            return False
        if launch_date < self.social_obligation_from:
            return False
        return estimated_value >= self.eu_threshold(nature, buyer_type, launch_date)

    # ---------------------------------------------------------------- texts and names

    def repealed_text(self, key: str) -> RepealedText:
        for text in self.repealed:
            if text.key == key:
                return text
        raise KeyError(key)

    def mechanism_of(self, ccp_article: str) -> str | None:
        """The mechanism an article of the CCP is for ("L2113-13" -> "marche_reserve")."""
        return self.ccp_mechanisms.get(normalise_ccp_article(ccp_article))

    def ccag_insertion_article(self, ccag: str) -> str | None:
        return self.ccag_insertion_articles.get(ccag.lower())

    def obsolete_names_on(self, on: date) -> list[ObsoleteName]:
        """Names already replaced on `on`, longest first (so that « agrément Pôle emploi »
        is matched before « Pôle emploi »)."""
        names = [n for n in self.obsolete_names if n.since <= on]
        return sorted(names, key=lambda n: len(n.old), reverse=True)

    def smic_on(self, on: date) -> float:
        value = self.smic[0][1]
        for since, amount in self.smic:
            if since <= on:
                value = amount
        return value

    def smic_values_before(self, on: date) -> list[tuple[date, float]]:
        """Past SMIC values (not the one in force on `on`)."""
        current = self.smic_on(on)
        return [(since, amount) for since, amount in self.smic if since <= on and amount != current]


def normalise_ccp_article(text: str) -> str:
    """« L. 2112-2 », « L.2112-2 », « l2112-2 » -> « L2112-2 »."""
    compact = "".join(text.split()).replace(".", "").upper()
    return compact.replace("‑", "-").replace("–", "-")


@lru_cache(maxsize=4)
def load_law(path: Path | None = None) -> Law:
    """The law data (cached: it never changes during a run)."""
    with open(path or LAW_FILE, "rb") as handle:
        return Law(tomllib.load(handle))
