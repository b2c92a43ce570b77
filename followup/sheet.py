"""The monthly follow-up sheet: finding its header row, reading and checking its rows.

`parse_sheet(path, lots)` returns a `ParsedSheet`: the rows, ready to import, or every
problem by row and column (French). It never touches the store. A column that holds names,
birth dates, a social security number or health details is refused (docs/suivi.md).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from followup.errors import Problem
from followup.months import MonthError, parse_month
from followup.sheet_files import Cell, Grid, read_grids
from followup.siret import clean_siret, siret_problem
from followup.vocab import (
    AGE_BANDS,
    CONTRACTS,
    EMPLOYER_KINDS,
    MODALITIES,
    OUTCOMES,
    PUBLICS,
    QUALIFICATIONS,
    SEXES,
    UNKNOWN_WORDS,
    YES_NO,
    Vocabulary,
    key,
)

MAX_HOURS = 250.0
HEADER_SCAN_ROWS = 30
EXAMPLE_PARTICIPANT = "EXEMPLE"


@dataclass(frozen=True)
class Column:
    field: str
    label: str  # the model sheet's header
    aliases: tuple[str, ...] = ()
    required: bool = False


COLUMNS = (
    Column("month", "Mois", ("mois concerné", "mois de réalisation", "période", "mois/année"), True),
    Column("lot", "Lot", ("n° de lot", "numéro de lot", "lot n°", "n° lot"), True),
    Column(
        "participant",
        "Participant",
        ("identifiant", "identifiant participant", "code participant", "pseudonyme",
         "id participant", "référence participant", "identifiant du participant"),
        True,
    ),
    Column("public", "Public", ("public cible", "catégorie de public", "public éligible", "éligibilité"), True),
    Column(
        "employer",
        "Employeur",
        ("raison sociale employeur", "nom de l'employeur", "raison sociale", "entreprise",
         "structure employeuse", "employeur (raison sociale)"),
        True,
    ),
    Column("employer_siret", "SIRET employeur", ("siret", "n° siret", "siret de l'employeur", "siret employeur (14 chiffres)"), True),
    Column("employer_kind", "Type d'employeur", ("type employeur", "type de structure", "statut de l'employeur")),
    Column("modality", "Modalité", ("modalité de réalisation", "modalité d'insertion", "modalités"), True),
    Column("contract", "Contrat", ("type de contrat", "nature du contrat"), True),
    Column("start", "Entrée", ("date d'entrée", "date de début", "début", "début de l'action"), True),
    Column("end", "Sortie", ("date de sortie", "date de fin", "fin", "fin de l'action")),
    Column("outcome", "Situation à la sortie", ("situation de sortie", "sortie dynamique", "type de sortie", "situation en fin d'action")),
    Column("hours", "Heures", ("heures réalisées", "nombre d'heures", "heures du mois", "nb heures", "heures d'insertion"), True),
    Column("sex", "Sexe", ("genre",)),
    Column("age_band", "Tranche d'âge", ("tranche d age", "âge", "classe d'âge")),
    Column("qualification", "Niveau de qualification", ("niveau", "qualification", "niveau de formation")),
    Column("qpv", "Résidant QPV", ("résident qpv", "qpv", "habite en qpv", "résidant en qpv")),
)  # fmt: skip
BY_KEY = {key(alias): col for col in COLUMNS for alias in (col.label, col.field, *col.aliases)}

# Personal data a sheet must not carry (GDPR minimisation; disability is health data).
_NAME = re.compile(r"^(nom|prenom|prenoms|patronyme|identite|nom prenom|prenom nom)( |$)")
_NAME_OK = re.compile(r"employeur|entreprise|structure|societe|titulaire|lot|operation")
_BIRTH = re.compile(r"naissance|\bddn\b|^nee? le$|^ne e le$|date de nais")
_NIR = re.compile(
    r"securite sociale|\bnir\b|\bsecu\b|^n ss$|^num ss$|^numero ss$|\binsee\b|^ss$|immatriculation"
)
_HEALTH = re.compile(r"handicap|rqth|pathologie|sante|medical|invalidite|maladie")


@dataclass
class SheetRow:
    row: int
    month: str
    lot: str
    participant: str
    public: str | None
    employer: str
    employer_siret: str
    employer_kind: str | None
    modality: str
    contract: str
    start: date
    end: date | None
    outcome: str | None
    hours: float
    sex: str | None = None
    age_band: str | None = None
    qualification: str | None = None
    qpv: bool | None = None


@dataclass
class ParsedSheet:
    file: str  # the name shown to people
    sha256: str
    rows: list[SheetRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sheet_name: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def lot_key(value: Cell) -> str:
    """« Lot n°1 », « LOT 1 », 1.0, « 1 » -> « 1 »; « Lot 2a » -> « 2a »."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = key(value)
    text = re.sub(r"^(lot|lots)\s*", "", text)
    text = re.sub(r"^(n|no|num|numero)\s*", "", text)
    return text.replace(" ", "")


def forbidden_reason(header: str) -> str | None:
    """Why a column may not be imported (personal data), or None."""
    k = key(header)
    if _NAME.search(k) and not _NAME_OK.search(k):
        return (
            "elle contient des noms ou prénoms ; le suivi ne connaît les participants que par "
            "un identifiant pseudonyme (« P-014-03 ») choisi par le facilitateur"
        )
    if _BIRTH.search(k):
        return (
            "elle contient des dates de naissance ; indiquez seulement la tranche d'âge "
            "(-26, 26-49, 50+)"
        )
    if _NIR.search(k):
        return (
            "elle contient un numéro de sécurité sociale (NIR), qui ne doit jamais être "
            "transmis pour le suivi de la clause"
        )
    if _HEALTH.search(k):
        return (
            "elle contient des informations de santé ou de handicap ; le handicap n'est noté "
            "que par le public « TH » dans la colonne Public"
        )
    return None


def parse_sheet(path: Path, lots: list[str], display: str | None = None) -> ParsedSheet:
    """Read and check one monthly sheet against the operation's lot numbers."""
    path = Path(path)
    shown = display or path.name
    parsed = ParsedSheet(file=shown, sha256=hashlib.sha256(path.read_bytes()).hexdigest())
    try:
        grids = read_grids(path, shown)
    except Exception as error:  # SheetFileError: French already
        parsed.problems.append(Problem(shown, None, None, None, str(error)))
        return parsed
    found = _find_header(grids)
    if found is None:
        parsed.problems.append(
            Problem(
                shown,
                None,
                None,
                None,
                "ligne d'en-tête introuvable : la feuille doit avoir une ligne avec les "
                "colonnes Mois, Lot, Participant, Public, Employeur, SIRET employeur, "
                "Modalité, Contrat, Entrée, Sortie, Situation à la sortie et Heures (modèle : "
                "clausier followup init).",
            )
        )
        return parsed
    grid, header_index, mapping = found
    parsed.sheet_name = grid.name
    _RowReader(parsed, grid, header_index, mapping, lots).read()
    return parsed


def _find_header(grids: list[Grid]) -> tuple[Grid, int, dict[int, Column | None]] | None:
    for grid in grids:
        for index, row in enumerate(grid.rows[:HEADER_SCAN_ROWS]):
            mapping: dict[int, Column | None] = {}
            for col, cell in enumerate(row):
                if cell is None or str(cell).strip() == "":
                    continue
                mapping[col] = BY_KEY.get(key(cell))
            fields = {c.field for c in mapping.values() if c}
            if {"month", "participant", "hours"} <= fields and len(fields) >= 4:
                return grid, index, mapping
    return None


class _RowReader:
    def __init__(
        self,
        parsed: ParsedSheet,
        grid: Grid,
        header_index: int,
        mapping: dict[int, Column | None],
        lots: list[str],
    ) -> None:
        self.parsed = parsed
        self.grid = grid
        self.header_index = header_index
        self.headers = grid.rows[header_index]
        self.mapping = mapping
        self.lots = {lot_key(lot): lot for lot in lots}
        self.columns: dict[str, int] = {}
        self._memo: dict[tuple, object] = {}
        self._readers = self._reader_functions()

    def problem(self, row: int | None, col: int | None, message: str) -> None:
        header = None if col is None else str(self.headers[col]).strip()
        letter = None if col is None else column_letter(col)
        self.parsed.problems.append(Problem(self.parsed.file, row, letter, header, message))

    def read(self) -> None:
        if not self._check_columns():
            return
        seen: dict[tuple[str, str, str], tuple[int, float]] = {}
        for index in range(self.header_index + 1, len(self.grid.rows)):
            cells = self.grid.rows[index]
            if all(c is None or str(c).strip() == "" for c in cells):
                continue
            row = self._row(index + 1, cells)
            if row is None:
                continue
            slot = (row.participant, row.lot, row.month)
            if slot in seen:
                first, hours = seen[slot]
                if hours != row.hours:
                    self.problem(
                        row.row,
                        self.columns["hours"],
                        f"le participant {row.participant} a déjà des heures pour le lot "
                        f"{row.lot} en {row.month} à la ligne {first} ({_h(hours)}) ; gardez "
                        "une seule ligne par participant, lot et mois",
                    )
                continue
            seen[slot] = (row.row, row.hours)
            self.parsed.rows.append(row)
        if not self.parsed.rows and not self.parsed.problems:
            self.parsed.notes.append("La feuille ne contient aucune ligne d'heures.")

    def _check_columns(self) -> bool:
        ok = True
        for col, column in self.mapping.items():
            header = str(self.headers[col]).strip()
            if column is None:
                why = forbidden_reason(header)
                if why:
                    self.problem(
                        None,
                        col,
                        f"cette colonne est refusée : {why}. Supprimez la colonne (et ses "
                        "données) puis renvoyez la feuille.",
                    )
                    ok = False
                else:
                    self.parsed.notes.append(
                        f"Colonne {column_letter(col)} (« {header} ») ignorée : elle ne fait "
                        "pas partie de la feuille de suivi."
                    )
                continue
            if column.field in self.columns:
                self.problem(
                    None,
                    col,
                    f"la colonne {column.label} apparaît deux fois (aussi en colonne "
                    f"{column_letter(self.columns[column.field])}) ; gardez-en une seule",
                )
                ok = False
                continue
            self.columns[column.field] = col
        missing = [c.label for c in COLUMNS if c.required and c.field not in self.columns]
        if missing:
            self.parsed.problems.append(
                Problem(
                    self.parsed.file,
                    self.header_index + 1,
                    None,
                    None,
                    "colonne(s) manquante(s) : "
                    + ", ".join(missing)
                    + " ; ajoutez-les à la ligne d'en-tête (modèle : clausier followup init).",
                )
            )
            ok = False
        return ok

    def cell(self, cells: list[Cell], name: str) -> Cell:
        col = self.columns.get(name)
        if col is None or col >= len(cells):
            return None
        value = cells[col]
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    def _row(self, number: int, cells: list[Cell]) -> SheetRow | None:
        before = len(self.parsed.problems)
        participant = self._participant(number, cells)
        if participant == EXAMPLE_PARTICIPANT:
            self.parsed.notes.append(f"Ligne {number} : ligne d'exemple du modèle, ignorée.")
            return None
        values = {name: self._read(name, number, cells) for name in self._readers}
        values["participant"] = participant
        start, end = values["start"], values["end"]
        if start and end and end < start:
            self.problem(
                number,
                self.columns["end"],
                f"la sortie ({end:%d/%m/%Y}) est avant l'entrée ({start:%d/%m/%Y}) ; "
                "corrigez l'une des deux dates",
            )
        if len(self.parsed.problems) > before:
            return None
        return SheetRow(row=number, **values)  # type: ignore[arg-type]

    def _reader_functions(self) -> dict[str, Callable[[int, list[Cell]], object]]:
        """Column -> the function reading and checking it (the participant apart)."""
        return {
            "month": self._month,
            "lot": self._lot,
            "public": self._public,
            "employer": lambda n, c: self._required_text(n, c, "employer", "la raison sociale de l'employeur"),
            "employer_siret": self._siret,
            "employer_kind": lambda n, c: self._listed(n, c, "employer_kind", EMPLOYER_KINDS),
            "modality": lambda n, c: self._listed(n, c, "modality", MODALITIES, required=True),
            "contract": lambda n, c: self._listed(n, c, "contract", CONTRACTS, required=True),
            "start": lambda n, c: self._date(n, c, "start", required=True),
            "end": lambda n, c: self._date(n, c, "end"),
            "outcome": lambda n, c: self._listed(n, c, "outcome", OUTCOMES),
            "hours": self._hours,
            "sex": lambda n, c: self._listed(n, c, "sex", SEXES),
            "age_band": self._age,
            "qualification": lambda n, c: self._listed(n, c, "qualification", QUALIFICATIONS),
            "qpv": self._yes_no,
        }  # fmt: skip

    def _read(self, name: str, number: int, cells: list[Cell]) -> object:
        """The checked value of column `name`, remembered per written value: a sheet repeats
        the same employer, SIRET, lists, dates and hours on thousands of rows. Only values
        read without a problem are remembered, so each bad cell is still reported at its
        own row."""
        col = self.columns.get(name)
        written = cells[col] if col is not None and col < len(cells) else None
        memo_key = (name, type(written), written)  # True == 1: the type keeps them apart
        try:
            return self._memo[memo_key]
        except KeyError:
            pass
        before = len(self.parsed.problems)
        value = self._readers[name](number, cells)
        if len(self.parsed.problems) == before:
            self._memo[memo_key] = value
        return value

    def _participant(self, number: int, cells: list[Cell]) -> str | None:
        value = self.cell(cells, "participant")
        col = self.columns["participant"]
        if value is None:
            self.problem(number, col, "l'identifiant du participant manque (par exemple P-014-03)")
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = " ".join(str(value).split())
        if text.upper() == EXAMPLE_PARTICIPANT:
            return EXAMPLE_PARTICIPANT
        digits = re.sub(r"\D", "", text)
        if len(digits) >= 13 and text[:1] in "12":
            self.problem(
                number,
                col,
                "cet identifiant ressemble à un numéro de sécurité sociale : n'utilisez que "
                "l'identifiant pseudonyme donné par le facilitateur (par exemple P-014-03)",
            )
            return None
        if re.fullmatch(r"[A-Za-zÀ-ÿ'’\-]{2,}(?: [A-Za-zÀ-ÿ'’\-]{2,}){1,3}", text):
            self.problem(
                number,
                col,
                f"« {text} » ressemble à un nom de personne : n'écrivez pas de nom, seulement "
                "l'identifiant pseudonyme donné par le facilitateur (par exemple P-014-03)",
            )
            return None
        if len(text) > 40:
            self.problem(number, col, "l'identifiant dépasse 40 caractères ; raccourcissez-le")
            return None
        return text

    def _month(self, number: int, cells: list[Cell]) -> str | None:
        try:
            return parse_month(self.cell(cells, "month"))
        except MonthError as error:
            self.problem(number, self.columns["month"], str(error))
            return None

    def _lot(self, number: int, cells: list[Cell]) -> str | None:
        value = self.cell(cells, "lot")
        col = self.columns["lot"]
        if value is None:
            if len(self.lots) == 1:
                return next(iter(self.lots.values()))
            self.problem(number, col, "le numéro du lot manque (par exemple 1 ou Lot 2)")
            return None
        found = self.lots.get(lot_key(value))
        if found is None:
            known = ", ".join(self.lots.values())
            self.problem(
                number, col, f"« {value} » n'est pas un lot de l'opération (lots : {known})"
            )
        return found

    def _public(self, number: int, cells: list[Cell]) -> str | None:
        value = self.cell(cells, "public")
        if value is None or key(value) in UNKNOWN_WORDS:
            return None
        code = PUBLICS.code(value)
        if code is None:
            self.problem(
                number,
                self.columns["public"],
                f"« {value} » n'est pas un public de la clause ; écrivez l'un de : "
                f"{PUBLICS.listed()} (laissez vide si vous ne savez pas)",
            )
        return code

    def _required_text(self, number: int, cells: list[Cell], name: str, what: str) -> str | None:
        value = self.cell(cells, name)
        if value is None:
            self.problem(number, self.columns[name], f"{what} manque")
            return None
        return " ".join(str(value).split())[:300]

    def _siret(self, number: int, cells: list[Cell]) -> str | None:
        value = self.cell(cells, "employer_siret")
        if isinstance(value, float) and value.is_integer():
            value = str(int(value))
        why = siret_problem(value)
        if why:
            self.problem(number, self.columns["employer_siret"], why)
            return None
        return clean_siret(value)

    def _listed(
        self,
        number: int,
        cells: list[Cell],
        name: str,
        vocabulary: Vocabulary,
        required: bool = False,
    ) -> str | None:
        value = self.cell(cells, name)
        if value is None:
            if required:
                self.problem(
                    number,
                    self.columns[name],
                    f"la {vocabulary.name} manque ; écrivez l'une de : {vocabulary.listed()}",
                )
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        code = vocabulary.code(value)
        if code is None:
            self.problem(
                number,
                self.columns[name],
                f"« {value} » n'est pas une valeur de la liste ({vocabulary.name}) ; écrivez "
                f"l'une de : {vocabulary.listed()}",
            )
        return code

    def _age(self, number: int, cells: list[Cell]) -> str | None:
        value = self.cell(cells, "age_band")
        if isinstance(value, int | float) and not isinstance(value, bool):
            # An age in years is turned into its band at once: the age itself is not kept.
            return "-26" if value < 26 else ("26-49" if value < 50 else "50+")
        return self._listed(number, cells, "age_band", AGE_BANDS)

    def _yes_no(self, number: int, cells: list[Cell]) -> bool | None:
        value = self.cell(cells, "qpv")
        if isinstance(value, bool):
            return value
        code = self._listed(number, cells, "qpv", YES_NO)
        return None if code is None else code == "oui"

    def _date(
        self, number: int, cells: list[Cell], name: str, required: bool = False
    ) -> date | None:
        value = self.cell(cells, name)
        col = self.columns.get(name)
        if value is None:
            if required:
                self.problem(number, col, "la date manque (JJ/MM/AAAA)")
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = str(value).strip()
        try:
            if m := re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})", text):
                year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
                return date(year, int(m[2]), int(m[1]))
            if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?", text):
                return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            self.problem(number, col, f"« {text} » n'est pas une date qui existe")
            return None
        self.problem(number, col, f"« {text} » n'est pas une date lisible : écrivez JJ/MM/AAAA")
        return None

    def _hours(self, number: int, cells: list[Cell]) -> float | None:
        value = self.cell(cells, "hours")
        col = self.columns["hours"]
        if value is None:
            self.problem(number, col, "le nombre d'heures du mois manque (0 s'il n'y en a pas)")
            return None
        if isinstance(value, bool):
            value = str(value)
        if isinstance(value, int | float):
            hours = float(value)
        else:
            text = re.sub(r"\s|h$|heures?$", "", str(value).lower()).replace(",", ".")
            try:
                hours = float(text)
            except ValueError:
                self.problem(
                    number, col, f"« {value} » n'est pas un nombre d'heures (par exemple 35,5)"
                )
                return None
        if hours < 0:
            self.problem(
                number,
                col,
                f"{_h(hours)} : les heures ne peuvent pas être négatives ; pour corriger un "
                "mois déjà envoyé, renvoyez la ligne du mois avec le bon total",
            )
            return None
        if hours > MAX_HOURS:
            self.problem(
                number,
                col,
                f"{_h(hours)} dans un mois, c'est plus que les {_h(MAX_HOURS)} possibles ; "
                "vérifiez le nombre (heures du mois, pas le cumul)",
            )
            return None
        return round(hours, 2)


def _h(hours: float) -> str:
    text = f"{hours:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} h"
