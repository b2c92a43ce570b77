"""The shared model of a consultation: files -> pieces -> articles -> facts -> findings.

Everything here is plain data. Readers fill `Piece.blocks`, `review.structure` fills
`Piece.kind` and `Piece.articles`, extractors produce `Fact`s, rules produce `Finding`s,
and every front end (terminal, JSON, HTML, Word annotations, batch, web) renders a `Report`.
This module imports nothing of the project.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more serious; used by --fail-on and sorting."""
        return _SEVERITY_RANKS[self.value]

    @property
    def label(self) -> str:
        return SEVERITY_LABELS[self.value]


# The one table of severities' French names and ranks (reports, batch, profile, web).
SEVERITY_LABELS = {"error": "erreur", "warning": "avertissement", "info": "information"}
_SEVERITY_RANKS = {"info": 1, "warning": 2, "error": 3}
OFF_LABEL = "désactivée"  # a code a profile silences


def severity_rank(value: str | None) -> int:
    """The rank of a severity written as text (JSON reports); 0 for none or unknown."""
    return _SEVERITY_RANKS.get(value or "", 0)


def severity_label(value: str | None) -> str:
    """« erreur », « avertissement », « information », « désactivée » (profile « off »)."""
    if value == "off":
        return OFF_LABEL
    return SEVERITY_LABELS.get(value or "", str(value))


class PieceKind(StrEnum):
    RC = "RC"
    CCAP = "CCAP"
    CCTP = "CCTP"
    AE = "AE"
    AAPC = "AAPC"
    ANNEXE_CLAUSE = "ANNEXE_CLAUSE"
    BPU = "BPU"
    DPGF = "DPGF"
    DQE = "DQE"
    DC1 = "DC1"
    DC2 = "DC2"
    DC4 = "DC4"
    AUTRE = "AUTRE"


# The order in which a facilitator reads a lot's hours: the CCAP binds, then the clause
# annex, the AE, the RC, the notice. The one table for the engine (reference piece), the
# reports (columns) and the batch (« Heures prévues »).
HOURS_ORDER = (PieceKind.CCAP, PieceKind.ANNEXE_CLAUSE, PieceKind.AE, PieceKind.RC, PieceKind.AAPC)


def hours_rank(kind: PieceKind | str) -> int:
    """A piece kind's place in HOURS_ORDER (the kinds that state no hours come last)."""
    try:
        return HOURS_ORDER.index(PieceKind(kind))
    except ValueError:
        return len(HOURS_ORDER)


@dataclass(frozen=True)
class Place:
    """Where a block is. PDF: `page` (1-based). Word/ODT: `paragraph` (0-based index in
    reading order: body paragraphs, with table-cell paragraphs counted in place).
    Table cells also carry `table`, `row`, `cell` (0-based)."""

    page: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None

    def describe(self) -> str:
        """French, for people: « page 3 », « paragraphe 118 », « tableau 2, ligne 3 »."""
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.paragraph is not None:
            parts.append(f"paragraphe {self.paragraph}")
        if self.table is not None:
            parts.append(f"tableau {self.table + 1}, ligne {(self.row or 0) + 1}")
        return ", ".join(parts)


@dataclass
class Block:
    """One unit of text in reading order: a Word/ODT paragraph, a table-cell paragraph,
    or a PDF line."""

    text: str
    place: Place
    # Where the block sits: "body" (the text reviewed), or "header", "footer", "footnote",
    # "textbox", "comment", kept apart so that a running header never becomes a title.
    area: str = "body"
    style: str | None = None  # the Word/ODT style name, e.g. "Heading 1"
    level: int | None = None  # outline level when the format says it (1 = top)
    number: str | None = None  # displayed automatic list number, e.g. "4.1" (Word numbering)
    bold: bool = False
    # A table cell's row label: « Sans » in a « Clauses sociales | Sans » row carries
    # label « Clauses sociales » (set by the readers for every format, see
    # review.readers.tables); None outside tables and for the label cell itself.
    label: str | None = None

    @property
    def in_table(self) -> bool:
        return self.place.table is not None


@dataclass
class Article:
    """An article or sub-article: its heading and the blocks up to the next heading."""

    number: str | None  # "1" for "ARTICLE 1ER", "4.1", "5-2" normalised to "5.2"
    title: str
    level: int  # 1 = article, 2 = sub-article, ...
    place: Place  # the heading's place
    blocks: list[Block] = field(default_factory=list)
    children: list[Article] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}".strip() if self.number else self.title

    @property
    def text(self) -> str:
        """The article's own text (without its children)."""
        return "\n".join(b.text for b in self.blocks)

    def all_blocks(self) -> Iterator[Block]:
        yield from self.blocks
        for child in self.children:
            yield from child.all_blocks()

    def walk(self) -> Iterator[Article]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Location:
    page: int | None = None
    paragraph: int | None = None
    article: str | None = None

    @classmethod
    def at(cls, place: Place | None, article: str | None = None) -> Location:
        if place is None:
            return cls(article=article)
        return cls(page=place.page, paragraph=place.paragraph, article=article)

    def describe(self) -> str:
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.paragraph is not None:
            parts.append(f"paragraphe {self.paragraph}")
        if self.article:
            parts.append(f"article {self.article}")
        return ", ".join(parts)


@dataclass
class Finding:
    """One thing a person should read. `message` and `suggestion` are French."""

    code: str
    severity: Severity
    message: str
    suggestion: str | None = None
    piece: str | None = None  # path of the piece inside the consultation (posix)
    location: Location = field(default_factory=Location)
    lot: str | None = None
    excerpt: str | None = None  # at most 200 characters of the piece around the problem
    # Not part of the JSON contract, used by annotations and corrections:
    target: str | None = None  # the exact words of the piece the finding is about
    replacement: str | None = None  # what the tool is sure should replace `target`

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "suggestion": self.suggestion,
            "piece": self.piece,
            "location": asdict(self.location),
            "lot": self.lot,
            "excerpt": self.excerpt,
        }


@dataclass
class Piece:
    """One file of the consultation once read."""

    path: str  # relative to the consultation root, posix separators
    format: str  # docx, pdf, odt, xlsx, ods, doc, rtf, ... (lower-case extension)
    kind: PieceKind = PieceKind.AUTRE
    kind_reason: str = ""  # French: « titre : Règlement de la consultation », « nom du fichier »
    # the other pieces it stands for (« Marché valant acte d'engagement et CCAP »)
    also_serves_as: tuple[PieceKind, ...] = ()
    blocks: list[Block] = field(default_factory=list)  # body, reading order
    furniture: list[Block] = field(default_factory=list)  # headers, footers, notes, text boxes
    articles: list[Article] = field(default_factory=list)  # top-level articles
    pages: int | None = None  # PDF
    paragraphs: int | None = None  # Word / ODT
    size: int = 0
    sha256: str = ""
    findings: list[Finding] = field(default_factory=list)  # reading problems: CS901-CS904
    has_tracked_changes: bool = False
    has_comments: bool = False

    @property
    def readable(self) -> bool:
        return not any(f.code == "CS901" for f in self.findings)

    def all_articles(self) -> Iterator[Article]:
        for article in self.articles:
            yield from article.walk()

    def tables(self) -> dict[int, list[list[str]]]:
        """Table index -> rows -> cell texts (paragraphs of one cell joined by a space)."""
        tables: dict[int, dict[tuple[int, int], list[str]]] = {}
        for block in self.blocks:
            p = block.place
            if p.table is None:
                continue
            tables.setdefault(p.table, {}).setdefault((p.row or 0, p.cell or 0), []).append(
                block.text
            )
        result: dict[int, list[list[str]]] = {}
        for index, cells in tables.items():
            n_rows = max(r for r, _ in cells) + 1
            rows: list[list[str]] = [[] for _ in range(n_rows)]
            for (r, c), texts in sorted(cells.items()):
                row = rows[r]
                while len(row) < c:
                    row.append("")
                row.append(" ".join(t for t in texts if t))
            result[index] = rows
        return result

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "kind": self.kind.value,
            "format": self.format,
            "pages": self.pages,
            "paragraphs": self.paragraphs,
        }


@dataclass
class Consultation:
    """A tender folder (DCE) once read: its pieces, and problems met while opening it."""

    name: str  # folder or archive name
    pieces: list[Piece] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # e.g. a refused zip member

    def by_kind(self, kind: PieceKind) -> list[Piece]:
        return [p for p in self.pieces if p.kind == kind]


@dataclass
class Fact:
    """Something a piece states, with its place, e.g. kind="hours", value=280, lot="1"."""

    kind: str
    value: Any
    piece: str
    place: Place | None = None
    article: str | None = None
    text: str = ""  # the words as found in the piece
    lot: str | None = None


@dataclass
class Lot:
    number: str  # "1", "2a"; "unique" for a consultation not divided into lots
    title: str | None = None
    amount_ht: float | None = None
    trade: str | None = None
    hours: dict[str, int] = field(default_factory=dict)  # piece kind -> hours stated there
    computed_hours: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "amount_ht": self.amount_ht,
            "trade": self.trade,
            "hours": dict(self.hours),
            "computed_hours": self.computed_hours,
        }


@dataclass
class Report:
    """The result of one review; the only thing outputs render."""

    consultation: str
    reviewed_at: date
    pieces: list[Piece] = field(default_factory=list)
    lots: list[Lot] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return counts

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "consultation": self.consultation,
            "reviewed_at": self.reviewed_at.isoformat(),
            "pieces": [p.to_dict() for p in self.pieces],
            "lots": [lot.to_dict() for lot in self.lots],
            "findings": [f.to_dict() for f in self.findings],
            "summary": self.summary(),
        }


def fails(report_or_findings: Report | list[Finding], fail_on: str) -> bool:
    """True when a finding reaches the --fail-on level (exit status 1)."""
    if fail_on == "never":
        return False
    findings = (
        report_or_findings.findings
        if isinstance(report_or_findings, Report)
        else report_or_findings
    )
    threshold = Severity(fail_on).rank
    return any(f.severity.rank >= threshold for f in findings)
