"""The consultation file (TOML, French keys) read by `clausier hours --consultation` and
`clausier generate`: the buyer, the object, the procedure and the lots (docs/heures.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from clausier.french import parse_amount
from clausier.hours import LotRequest
from clausier.tomlfile import close_key_hint, dotted, read_toml, where


class ConsultationFileError(ValueError):
    """A consultation file that cannot be used; French message with the file, key and line."""


NATURES = ("travaux", "services", "fournitures")
CCAGS = ("travaux", "fcs", "pi", "tic", "moe", "mi")
DEFAULT_CCAG = {"travaux": "travaux", "services": "fcs", "fournitures": "fcs"}

CONSULTATION_KEYS = (
    "acheteur",
    "objet",
    "reference",
    "nature",
    "procedure",
    "ccag",
    "date_lancement",
    "montant_estime",
    "accord_cadre",
    "duree_annees",
    "penalite_heure",
)
LOT_KEYS = (
    "numero",
    "intitule",
    "montant",
    "metier",
    "taux_main_oeuvre",
    "taux_insertion",
    "heures",
    "debut",
    "fin",
)


@dataclass
class ConsultationSpec:
    buyer: str = ""
    object: str = ""
    reference: str = ""
    nature: str = "travaux"
    procedure: str = ""
    ccag: str = "travaux"
    launch_date: date | None = None
    estimated_amount: float | None = None
    framework: bool = False
    duration_years: float | None = None
    lots: list[LotRequest] = field(default_factory=list)
    source_path: Path | None = None
    # Follow-up after award: € HT per hour not done, or the formula as written (« 1,5 × SMIC… »)
    penalty_per_hour: float | str | None = None
    # lot number -> (debut, fin): the lot's execution dates, when the file gives them
    lot_dates: dict[str, tuple[date | None, date | None]] = field(default_factory=dict)

    @property
    def total_amount(self) -> float:
        """The estimated amount (€ HT): `montant_estime` when given, the sum of the lots
        otherwise."""
        if self.estimated_amount is not None:
            return self.estimated_amount
        return float(sum(lot.amount_ht or 0.0 for lot in self.lots))


def load_consultation_file(path: Path) -> ConsultationSpec:
    path = Path(path)
    if not path.is_file():
        raise ConsultationFileError(
            f"Fichier consultation introuvable : {path}. Vérifiez le chemin "
            "(un modèle : samples/consultation-travaux.toml)."
        )
    data, text = read_toml(path, "Fichier consultation", ConsultationFileError)
    return _Reader(path, text).read(data)


class _Reader:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def error(self, key: tuple[str | int, ...], why: str) -> ConsultationFileError:
        place = where(str(self.path), self.text, key)
        end = "" if why.endswith(("?", ".")) else "."  # « voulez-vous dire « x » ? » ends it
        return ConsultationFileError(f"Fichier consultation {place} : « {dotted(key)} » {why}{end}")

    def unknown(self, key: tuple[str | int, ...], known: tuple[str, ...]) -> ConsultationFileError:
        return self.error(key, f"est une clé inconnue ; {close_key_hint(str(key[-1]), known)}")

    def read(self, data: dict[str, Any]) -> ConsultationSpec:
        for key in data:
            if key not in ("consultation", "lots"):
                raise self.unknown((key,), ("consultation", "lots"))
        head = data.get("consultation", {})
        if not isinstance(head, dict):
            raise self.error(("consultation",), "doit être une table [consultation]")
        for key in head:
            if key not in CONSULTATION_KEYS:
                raise self.unknown(("consultation", key), CONSULTATION_KEYS)
        spec = ConsultationSpec(source_path=self.path)
        spec.buyer = self.text_value(head, "acheteur")
        spec.object = self.text_value(head, "objet")
        spec.reference = self.text_value(head, "reference")
        spec.procedure = self.text_value(head, "procedure")
        spec.nature = self.text_value(head, "nature", "travaux").lower()
        if spec.nature not in NATURES:
            raise self.error(
                ("consultation", "nature"), "doit valoir travaux, services ou fournitures"
            )
        spec.ccag = self.text_value(head, "ccag", DEFAULT_CCAG[spec.nature]).lower()
        if spec.ccag not in CCAGS:
            raise self.error(("consultation", "ccag"), "doit valoir " + ", ".join(CCAGS))
        spec.launch_date = self.date_value(head)
        spec.estimated_amount = self.amount(head, ("consultation", "montant_estime"))
        framework = head.get("accord_cadre", False)
        if not isinstance(framework, bool):
            raise self.error(("consultation", "accord_cadre"), "doit valoir true ou false")
        spec.framework = framework
        duration = self.amount(head, ("consultation", "duree_annees"))
        if duration is not None and duration <= 0:
            raise self.error(
                ("consultation", "duree_annees"), "doit être une durée en années positive"
            )
        spec.duration_years = duration
        penalty = head.get("penalite_heure")
        if isinstance(penalty, str) and penalty.strip():
            spec.penalty_per_hour = penalty.strip()
        elif penalty is not None:
            spec.penalty_per_hour = self.amount(head, ("consultation", "penalite_heure"))

        lots = data.get("lots", [])
        if not isinstance(lots, list) or not lots:
            raise ConsultationFileError(
                f"Fichier consultation {self.path} : aucun lot ; ajoutez au moins une table "
                '[[lots]] avec numero, intitule, montant et metier (ou numero = "unique" '
                "pour une consultation non allotie)."
            )
        spec.lots = [self.lot(i, lot) for i, lot in enumerate(lots)]
        seen: set[str] = set()
        for index, request in enumerate(spec.lots):
            # A lot given twice would be counted twice and its engagement written twice.
            if request.number in seen:
                raise self.error(
                    ("lots", index, "numero"),
                    f"reprend le numéro {request.number} d'un lot précédent ; chaque lot "
                    "doit avoir son propre numéro (supprimez le doublon ou renumérotez)",
                )
            seen.add(request.number)
        for index, lot in enumerate(lots):
            dates = tuple(self.date_value(lot, ("lots", index, key)) for key in ("debut", "fin"))
            if dates[0] and dates[1] and dates[1] < dates[0]:
                raise self.error(("lots", index, "fin"), "est avant la date de début du lot")
            if any(dates):
                spec.lot_dates[spec.lots[index].number] = dates  # type: ignore[assignment]
        return spec

    def text_value(self, table: dict[str, Any], key: str, default: str = "") -> str:
        value = table.get(key, default)
        if not isinstance(value, str):
            raise self.error(("consultation", key), "doit être un texte entre guillemets")
        return value.strip()

    def date_value(
        self, head: dict[str, Any], key: tuple[str | int, ...] = ("consultation", "date_lancement")
    ) -> date | None:
        value = head.get(str(key[-1]))
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self.error(
            key, "doit être une date AAAA-MM-JJ sans guillemets, par exemple 2026-12-01"
        )

    def amount(self, table: dict[str, Any], key: tuple[str | int, ...]) -> float | None:
        value = table.get(str(key[-1]))
        if value is None:
            return None
        if isinstance(value, bool):
            raise self.error(key, "doit être un nombre")
        if isinstance(value, int | float):
            if value < 0:
                raise self.error(key, "doit être positif")
            return float(value)
        if isinstance(value, str):
            try:
                return parse_amount(value)
            except ValueError:
                pass
        raise self.error(key, "doit être un nombre, par exemple 820000.0")

    def rate(self, table: dict[str, Any], key: tuple[str | int, ...]) -> float | None:
        value = self.amount(table, key)
        if value is not None and not 0 <= value <= 1:
            raise self.error(key, "doit être un taux entre 0 et 1 (0.45 pour 45 %)")
        return value

    def lot(self, index: int, lot: Any) -> LotRequest:
        where = ("lots", index)
        if not isinstance(lot, dict):
            raise self.error(where, "doit être une table [[lots]]")
        for key in lot:
            if key not in LOT_KEYS:
                raise self.unknown((*where, key), LOT_KEYS)
        number = lot.get("numero")
        if number is None:
            raise self.error(where, 'n\'a pas de numéro ; ajoutez numero = "1"')
        if isinstance(number, bool) or not isinstance(number, str | int):
            raise self.error((*where, "numero"), 'doit être un texte, par exemple "1" ou "2a"')
        for key in ("intitule", "metier"):
            if key in lot and not isinstance(lot[key], str):
                raise self.error((*where, key), "doit être un texte entre guillemets")
        hours = lot.get("heures")
        if hours is not None and (
            isinstance(hours, bool) or not isinstance(hours, int) or hours < 0
        ):
            raise self.error(
                (*where, "heures"), "doit être un nombre entier d'heures, par exemple 300"
            )
        return LotRequest(
            number=str(number).strip(),
            title=lot.get("intitule"),
            amount_ht=self.amount(lot, (*where, "montant")),
            trade=(lot.get("metier") or None),
            labour_share=self.rate(lot, (*where, "taux_main_oeuvre")),
            insertion_rate=self.rate(lot, (*where, "taux_insertion")),
            hours=hours,
        )
