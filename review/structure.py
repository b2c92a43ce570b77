"""What a piece is (RC, CCAP, AE …) and the tree of its articles.

The kind comes from the content first — the title area of the first page or paragraphs,
where a piece names itself — then the running header, then the file name. Body text is
never used for the kind: a CCAP cites the « acte d'engagement » and the « règlement de
la consultation » all along.

Articles are recognised in every numbering style buyers use (« ARTICLE 1ER »,
« ARTICLE PREMIER - », « Article 5 – », « 5.2 », « 5-2 », « 4.1 – », Word automatic
numbering, heading styles, upper-case titles). The table of contents is skipped, and
numbered list items, amounts and dates inside the prose are not taken for headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from clausier.french import fold_words
from clausier.model import Article, Block, Piece, PieceKind

# ---------------------------------------------------------------- text helpers


fold = fold_words  # headings and titles are matched on folded words (clausier.french)


def _words(text: str) -> int:
    return len(text.split())


# ---------------------------------------------------------------- piece kind

_K = PieceKind
# Per kind: how a piece names itself in its title area (folded text).
_TITLE_PATTERNS: list[tuple[PieceKind, re.Pattern[str], str]] = [
    (
        _K.DC4,
        re.compile(r"\bdc ?4\b|declaration de sous-traitance"),
        "déclaration de sous-traitance (DC4)",
    ),
    (
        _K.DC2,
        re.compile(r"\bdc ?2\b|declaration du candidat individuel|declaration du candidat\b"),
        "déclaration du candidat (DC2)",
    ),
    (_K.DC1, re.compile(r"\bdc ?1\b|lettre de candidature"), "lettre de candidature (DC1)"),
    (_K.AE, re.compile(r"\bacte d'engagement\b|\battri ?1\b|^a\.?e\b"), "acte d'engagement"),
    (
        _K.RC,
        re.compile(r"\breglement (?:particulier )?de (?:la )?consultation\b|^r\.?c\b"),
        "règlement de la consultation",
    ),
    (
        _K.CCAP,
        re.compile(
            r"cahier des clauses administratives particulieres|\bc\.? ?c\.? ?a\.? ?p\b"
            # one cahier for both (« CCATP »): it holds the administrative clauses
            r"|cahier des clauses administratives et techniques particulieres"
            r"|\bc\.? ?c\.? ?a\.? ?t\.? ?p\b"
            r"|cahier des charges administratives"
            # A « cahier des clauses particulières (CCP) » or « conditions particulières
            # d'achat » holds the administrative clauses: it stands for the CCAP.
            r"|cahier des clauses particulieres|conditions particulieres d'?\s?achat"
        ),
        "cahier des clauses administratives particulières",
    ),
    (
        _K.CCTP,
        re.compile(r"cahier des clauses techniques particulieres|\bc\.? ?c\.? ?t\.? ?p\b"),
        "cahier des clauses techniques particulières",
    ),
    (
        _K.AAPC,
        re.compile(
            r"avis d'appel public a la concurrence|\bavis de marche\b|avis d'appel a la "
            r"concurrence|\baapc\b|\bboamp\b|avis de publicite|avis d'appel d'offres"
            r"|avis rectificatif|avis modificatif"
        ),
        "avis de marché",
    ),
    (_K.BPU, re.compile(r"bordereau des prix unitaires|\bb\.?p\.?u\b"), "bordereau des prix"),
    (
        _K.DPGF,
        re.compile(r"decomposition du prix global et forfaitaire|\bdpgf\b"),
        "décomposition du prix global et forfaitaire",
    ),
    (_K.DQE, re.compile(r"detail quantitatif estimatif|\bdqe\b"), "détail quantitatif estimatif"),
]
_ANNEX_CLAUSE = re.compile(
    r"\bfiche de liaison\b|\bengagement (?:d'|de |en matiere d')?(?:l')?insertion\b"
    r"|^annexe\b.*\b(?:clause sociale|clause d'insertion|insertion|clause de promotion de "
    r"l'emploi|heures d'insertion)\b"
    r"|\b(?:clause sociale|clause d'insertion)\b.*\bannexe\b"
    r"|^clause (?:sociale|d'insertion)\b"
    # « Fiche d'engagement – clause sociale d'insertion », « Modalités de mise en œuvre de
    # la clause sociale » (an annex that holds part of the clause)
    r"|^fiche d'engagement\b.*\b(?:clause|insertion)\b"
    r"|^(?:modalites|conditions|dispositions)\b.{0,40}\bclause (?:sociale|d'insertion)\b"
    # « Tableau de calcul des heures d'insertion » (a workbook beside the AE, twelfth corpus)
    r"|^(?:tableau|calcul|detail|repartition|estimation)\b.{0,40}\bheures d'insertion\b"
)
_VALANT_CCAP = re.compile(
    r"valant (?:c\.?c\.?a\.?p|cahier des clauses administratives)|cahier des charges valant"
)
_CONTRACT_TITLE = re.compile(r"^(?:contrat|marche public|convention)\b|\bcontrat de\b")
_ADMIN_MARKERS = (
    "penalite",
    "ccag",
    "resiliation",
    "reglement des comptes",
    "avance",
    "retenue de garantie",
    "revision des prix",
    "delai d'execution",
    "sous-traitance",
    "variation des prix",
)

_TITLE_AREA_BLOCKS = 40  # the cover page and the first lines
_TITLE_MAX_WORDS = 25  # a title is short; longer blocks are prose that cites other pieces


def _title_blocks(piece: Piece) -> list[Block]:
    area: list[Block] = []
    in_a_row = _sheet_row_widths(piece)
    for block in piece.blocks:
        if piece.pages and block.place.page is not None and block.place.page > 2:
            break
        if in_a_row.get((block.place.table, block.place.row), 1) > 1 and block.place.row:
            # « Engagement insertion | Je m'engage … » down a sheet: a row label, no title
            continue
        area.append(block)
        if len(area) >= _TITLE_AREA_BLOCKS:
            break
    return area


def _sheet_row_widths(piece: Piece) -> dict[tuple, int]:
    """(table, row) -> its filled cells, for a spreadsheet (whose titles are a first row or
    a row of one cell); empty for other formats."""
    if piece.format not in ("xlsx", "xlsm", "ods"):
        return {}
    widths: dict[tuple, int] = {}
    for block in piece.blocks:
        if block.text.strip():
            key = (block.place.table, block.place.row)
            widths[key] = widths.get(key, 0) + 1
    return widths


def kind_from_text(text: str) -> tuple[PieceKind, str] | None:
    """The kind a short title text names, with the words that decided it."""
    folded = fold(text)
    if not folded or _words(folded) > _TITLE_MAX_WORDS:
        return None
    if _ANNEX_CLAUSE.search(folded):
        return _K.ANNEXE_CLAUSE, "annexe de la clause sociale d'insertion"
    if _VALANT_CCAP.search(folded):
        return _K.CCAP, "pièce valant cahier des clauses administratives particulières"
    return _first_named(folded)


# « Date d'envoi de l'avis d'appel public … », « conformément au CCAP », « vérifier le
# DPGF »: a piece named after a preposition or an article is cited, not the piece itself.
_CITED_AFTER = re.compile(
    r"(?:\b(?:de|du|des|au|aux|a|selon|par|dans|envoi|le|la|les|un|une|ce|cet|cette)|l'|d')\s*$"
)


def _first_named(folded: str) -> tuple[PieceKind, str] | None:
    best: tuple[int, PieceKind, str] | None = None
    for kind, pattern, label in _TITLE_PATTERNS:
        for match in pattern.finditer(folded):
            if _CITED_AFTER.search(folded[: match.start()]):
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), kind, label)
            break
    return (best[1], best[2]) if best else None


_OPENING_WORDS = 40  # a page transcribed as one block: its title is in its first words


def kind_from_opening(text: str) -> tuple[PieceKind, str] | None:
    """The kind named in the first words of a long first block (a page transcribed as one
    paragraph: « COLLÈGE … CAHIER DES CLAUSES PARTICULIÈRES (CCP) Le présent cahier … »)."""
    folded = " ".join(fold(text).split()[:_OPENING_WORDS])
    return _first_named(folded) if folded else None


_NAME_TOKENS: list[tuple[PieceKind, set[str]]] = [
    (_K.RC, {"rc", "reglement"}),
    (_K.CCAP, {"ccap", "ccp", "ccatp"}),  # « CCP.pdf »: the cahier des clauses particulières
    (_K.CCTP, {"cctp"}),
    (_K.AE, {"ae", "attri1", "attri", "acte"}),
    (_K.AAPC, {"aapc", "avis", "boamp", "joue", "annonce", "publicite"}),
    (_K.BPU, {"bpu"}),
    (_K.DPGF, {"dpgf"}),
    (_K.DQE, {"dqe"}),
    (_K.DC1, {"dc1"}),
    (_K.DC2, {"dc2"}),
    (_K.DC4, {"dc4"}),
]


def kind_from_name(path: str) -> PieceKind | None:
    stem = fold(PurePosixPath(path).stem)
    tokens = [t for t in re.split(r"[^a-z0-9]+", stem) if t]
    # "01RC", "RC2026", "CCAP-v2": strip the digits glued to the name of the piece.
    variants = set(tokens) | {re.sub(r"^\d+|\d+$", "", t) for t in tokens}
    variants |= {re.sub(r"^\d+|v\d+$", "", t) for t in tokens}
    joined = " ".join(tokens)
    if ("annexe" in variants or "fiche" in variants or "engagement" in variants) and (
        {"clause", "insertion", "sociale", "social", "liaison"} & variants
    ):
        return _K.ANNEXE_CLAUSE
    if "insertion" in variants and "clause" in variants:
        return _K.ANNEXE_CLAUSE
    # « Tableau_calcul_heures.xlsx », « Heures_insertion.xlsx »: the hours' workbook
    if "heures" in variants and {"insertion", "calcul", "tableau", "repartition"} & variants:
        return _K.ANNEXE_CLAUSE
    if "reglement" in variants and "consultation" not in variants:
        variants.discard("reglement")
    if "acte" in variants and "engagement" not in joined:
        variants.discard("acte")
    for kind, names in _NAME_TOKENS:
        if names & variants:
            return kind
    if "clause" in variants and {"sociale", "social"} & variants:
        return _K.ANNEXE_CLAUSE  # « Modalités de mise en œuvre de la clause sociale.pdf »
    # « Cahier des clauses administratives particulières.docx », « Détail quantitatif
    # estimatif.xlsx »: the piece's whole name, as a title would give it
    named = _first_named(" ".join(re.sub(r"[_\s]+", " ", stem).split()))
    return named[0] if named else None


# « Marché valant acte d'engagement et CCAP », « Acte d'engagement valant CCAP », « CCAP
# valant acte d'engagement »: one piece that stands for both (seventh blind corpus: « CCAP
# missing » on a correct short DCE).
_AE_WORDS = r"(?:acte d'engagement|a\.?e\.?)"
_CCAP_WORDS = r"(?:c\.?c\.?a\.?p\.?|cahier des clauses administratives particulieres)"
_BOTH = re.compile(
    rf"valant\s+(?:{_AE_WORDS}\s+et\s+(?:de\s+)?{_CCAP_WORDS}|{_CCAP_WORDS}\s+et\s+(?:d'|de\s+)?{_AE_WORDS})"
    rf"|{_AE_WORDS}\s+valant\s+{_CCAP_WORDS}|{_CCAP_WORDS}\s+valant\s+{_AE_WORDS}"
)


def _also_serves_as(piece: Piece) -> tuple[PieceKind, ...]:
    for block in _title_blocks(piece)[:15]:
        if _BOTH.search(fold(block.text)):
            return tuple(k for k in (_K.AE, _K.CCAP) if k != piece.kind)
    return ()


def classify(piece: Piece) -> None:
    """Set `piece.kind`, `piece.kind_reason` (French) and the pieces it also stands for."""
    _classify(piece)
    if piece.kind in (_K.AE, _K.CCAP):
        piece.also_serves_as = _also_serves_as(piece)
        if piece.also_serves_as:
            names = {_K.AE: "d'acte d'engagement", _K.CCAP: "de CCAP"}
            also = " et ".join(names[k] for k in piece.also_serves_as)
            piece.kind_reason += f" ; tient aussi lieu {also}"


def _classify(piece: Piece) -> None:
    if piece.readable and not piece.blocks and not piece.furniture:
        # No text (a picture, a scan): its name alone must not make it the CCAP, or the
        # DCE would look complete while nothing of it was reviewed (CS904, CS902 says why).
        piece.kind = _K.AUTRE
        piece.kind_reason = "aucun texte lu : la pièce n'a pas pu être relue"
        return
    area = _title_blocks(piece)
    for index, block in enumerate(area):
        text = block.text
        found = kind_from_text(text)
        following = area[index + 1] if index + 1 < len(area) else None
        if (
            not found
            and following is not None
            and block.place.page is not None
            and following.place.page == block.place.page
        ):
            # « RÈGLEMENT DE LA » / « CONSULTATION »: a title set on two PDF lines.
            text = f"{block.text} {following.text}"
            found = kind_from_text(text)
        if found:
            piece.kind = found[0]
            piece.kind_reason = f"titre : « {_short(text)} » ({_where(block)})"
            return
    for block in piece.furniture:
        if block.area == "header":
            found = kind_from_text(block.text)
            if found:
                piece.kind = found[0]
                piece.kind_reason = f"en-tête de page : « {_short(block.text)} »"
                return
    for block in piece.blocks[:2]:
        found = kind_from_opening(block.text) if _words(block.text) > _TITLE_MAX_WORDS else None
        if found:
            piece.kind = found[0]
            piece.kind_reason = f"début de la pièce : « {_short(block.text)} » ({_where(block)})"
            return
    by_name = kind_from_name(piece.path)
    if by_name is not None:
        piece.kind = by_name
        piece.kind_reason = f"nom du fichier : {PurePosixPath(piece.path).name}"
        return
    if _is_contract(piece):
        piece.kind = _K.CCAP
        piece.kind_reason = (
            "contrat qui porte les clauses administratives (pénalités, CCAG, résiliation …)"
        )
        return
    piece.kind = _K.AUTRE
    piece.kind_reason = (
        "type non reconnu : ni le titre ni le nom du fichier ne désignent une pièce connue"
        if piece.blocks
        else "aucun texte lu : le type de pièce n'a pas pu être reconnu"
    )


def _is_contract(piece: Piece) -> bool:
    if not any(_CONTRACT_TITLE.search(fold(b.text)) for b in _title_blocks(piece)[:15]):
        return False
    text = fold(" ".join(b.text for b in piece.blocks[:3000]))
    return sum(marker in text for marker in _ADMIN_MARKERS) >= 3


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(block: Block) -> str:
    place = block.place
    if place.page is not None:
        return f"page {place.page}"
    return f"paragraphe {place.paragraph}" if place.paragraph is not None else "début"


# ---------------------------------------------------------------- articles

_SEP = r"[-–—:.]"
_ARTICLE = re.compile(
    r"^(?:article|art\.)\s*(premier|1\s*er|\d{1,3}(?:\s*[.\-]\s*\d{1,3}){0,4})"
    r"(?:\s*er\b)?\s*\.?\s*(" + _SEP + r")?\s*(.*)$",
    re.IGNORECASE,
)
_NUMBERED = re.compile(
    r"^(\d{1,2}(?:\s?[.\-]\s?\d{1,2}){0,4})(?![\d,/])\.?(?:\s*(" + _SEP + r")\s*|\s+)(\S.*)$"
)
_ROMAN = re.compile(r"^([IVX]{1,6})\s*(?:" + _SEP + r")\s*(\S.*)$")
_TOC_TITLE = re.compile(r"^(?:sommaire|table des matieres|table des matiere)\s*:?$")
_LEADERS = re.compile(r"(?:\.\s?){4,}\s*\d{1,3}\s*$|…{2,}\s*\d{1,3}\s*$|_{4,}\s*\d{1,3}\s*$")


def is_toc_line(text: str) -> bool:
    """A line of a table of contents: dotted leaders (or « … », « ____ ») and a page number."""
    return bool(_LEADERS.search(text[-60:]))


_TRAILING_PAGE = re.compile(r"(?:\t|\s{2,}|\s)\d{1,3}\s*$")
_CITATION = re.compile(r"^(?:du|de|des|de la|de l'|d'|et|a|au|aux|ou|le|la|les|en|sur)\b")
_CHAPTER = re.compile(r"^(?:chapitre|titre|partie|section|annexe)\s+[\divxlc]+\b", re.IGNORECASE)


@dataclass
class _Heading:
    index: int  # position in piece.blocks
    number: str | None
    title: str
    level: int
    strong: bool  # « Article N », a heading style or an outline level: no sequence check
    components: tuple[int, ...] | None  # arabic number parts, for the sequence check
    article_form: bool = False
    form: str | None = None  # what follows a plain number: ".", "-", "" … (one form per level)
    consumed_next: bool = False  # the title was on the next block


def normalise_number(raw: str) -> str:
    """« 1ER », « premier », « 01 », « 5-2 », « 5 . 2 » -> « 1 », « 1 », « 1 », « 5.2 », « 5.2 »."""
    text = raw.strip().lower()
    if text in ("premier", "1er", "1 er"):
        return "1"
    parts = [p for p in re.split(r"\s*[.\-]\s*", text) if p]
    return ".".join(str(int(p)) if p.isdigit() else p for p in parts)


def _components(number: str) -> tuple[int, ...] | None:
    parts = number.split(".")
    return tuple(int(p) for p in parts) if all(p.isdigit() for p in parts) else None


def _is_styled(block: Block) -> bool:
    return block.level is not None and block.level <= 6 and not block.in_table


def _title_ok(title: str, block: Block, separator: bool) -> bool:
    title = title.strip()
    if not title:
        return True
    first = next((c for c in title if c.isalpha()), "")
    if not first or not title[0].isalpha() and title[0] not in "«\"'(":
        return False
    limit = 25 if (_is_styled(block) or block.bold) else 16
    if _words(title) > limit or title.endswith((",", ";")):
        return False
    if re.search(r"[a-zà-ÿ]\. [A-ZÀ-Ý]", title):
        return False  # two sentences: prose, not a title
    return separator or first.isupper() or _is_styled(block) or block.bold


def _match_heading(block: Block, index: int) -> _Heading | None:
    text = " ".join(block.text.split())
    if not text or len(text) > 250:
        return None
    if block.number:
        combined = f"{block.number} {text}"
        heading = _parse(combined, block, index, auto=True)
        if heading is not None:
            return heading
    return _parse(text, block, index, auto=False)


def _parse(text: str, block: Block, index: int, auto: bool) -> _Heading | None:
    styled = _is_styled(block)
    match = _ARTICLE.match(text)
    if match:
        number = normalise_number(match.group(1))
        title = match.group(3).strip()
        separator = bool(match.group(2))
        if _CITATION.match(fold(title)) and not separator:
            return None
        if not _title_ok(title, block, separator or not title):
            return None
        comps = _components(number)
        return _Heading(
            index,
            number,
            title,
            len(comps) if comps else 1,
            strong=True,
            components=comps,
            article_form=True,
        )
    match = _NUMBERED.match(text)
    if match:
        number = normalise_number(match.group(1))
        comps = _components(number)
        if comps is None or comps[0] == 0 or comps[0] > 60 or any(c > 60 for c in comps):
            return None
        title = match.group(3).strip()
        if title.endswith((":", ".")) and not (styled or block.bold):
            return None  # « 2. Le facilitateur. »: a list item, a sentence
        if not _title_ok(title, block, bool(match.group(2))):
            return None
        form = re.sub(r"[\s]", "", text[match.end(1) : match.start(3)]).replace("–", "-")
        form = form.replace("—", "-")
        return _Heading(
            index, number, title, len(comps), strong=styled, components=comps, form=form
        )
    match = _ROMAN.match(text)
    if match and (styled or block.bold or match.group(2).isupper()):
        title = match.group(2).strip()
        if _title_ok(title, block, True):
            return _Heading(index, match.group(1), title, 1, strong=styled, components=None)
    if auto or not styled or _CHAPTER.match(text):
        return None
    if _words(text) <= 25:
        return _Heading(index, None, text, block.level or 1, strong=True, components=None)
    return None


def _upper_title(block: Block, index: int) -> _Heading | None:
    """An unnumbered upper-case title (only used when a piece has no numbered headings)."""
    text = " ".join(block.text.split())
    if block.in_table or _words(text) > 12 or text.endswith((",", ";", ".")):
        return None  # tested before the letters are listed: most lines end here
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4:
        return None
    if not all(c.isupper() for c in letters) or _CHAPTER.match(text):
        return None
    return _Heading(index, None, text.rstrip(" :"), 1, strong=False, components=None)


_BARE_PAGE = re.compile(r"^\d{1,3}$")
_GLUED_PAGE = re.compile(r"[A-ZÀ-Ý]{3}\d{1,3}$")


def _next_is_bare_page(blocks: list[Block], i: int) -> bool:
    """The title of a contents entry whose page number is on the next line(s), maybe
    after a few more titles (« 1.1 - … », « 1.2 - … », then « 4 », « 4 »)."""
    for block in blocks[i + 1 : i + 9]:
        text = " ".join(block.text.split())
        if _BARE_PAGE.match(text):
            return True
        if _words(text) > 20:
            return False
    return False


def _toc_indices(blocks: list[Block]) -> set[int]:
    """Blocks of the table of contents: a « Sommaire » and its entries, lines with dotted
    leaders, Word TOC styles, and runs of heading-like lines ending with a page number."""
    toc: set[int] = set()
    in_toc = False
    misses = 0
    texts = [" ".join(block.text.split()) for block in blocks]
    # The end-anchored patterns are tried on the line's tail only: searched on a whole
    # line they try every position of it (a fifth of the reading of a long CCAP).
    paged = [bool(_TRAILING_PAGE.search(text[-12:])) for text in texts]
    for i, block in enumerate(blocks):
        text = texts[i]
        folded = fold(text) if len(text) <= 40 else ""
        style = fold(block.style) if block.style else ""
        if folded and _TOC_TITLE.match(folded):
            toc.add(i)
            in_toc, misses = True, 0
            continue
        entry = is_toc_line(block.text) or style.startswith(
            ("toc", "tm ", "table des matieres", "sommaire")
        )
        if in_toc and not entry and paged[i] and _words(text) <= 20:
            entry = True
        # A PDF's contents with the page number on a line of its own (« ARTICLE 2 : … »
        # then « 6 »), or glued to the title (« … DES CLAUSES D'INSERTION11 »).
        if in_toc and not entry and (_BARE_PAGE.match(text) or _GLUED_PAGE.search(text)):
            entry = True
        if in_toc and not entry and _words(text) <= 20 and _next_is_bare_page(blocks, i):
            entry = True
        if entry:
            toc.add(i)
            misses = 0
        elif in_toc:
            misses += 1
            if misses > 1:
                in_toc = False
    # Runs of ≥ 3 heading-like lines, each ending with a number and with no prose between.
    run: list[int] = []
    for i, block in enumerate(blocks):
        text = texts[i]
        if (
            i not in toc
            and paged[i]
            and _match_heading(Block(re.sub(r"\s\d{1,3}$", "", text), block.place), i)
        ):
            run.append(i)
            continue
        if len(run) >= 3:
            toc.update(run)
        run = []
    if len(run) >= 3:
        toc.update(run)
    return toc


def _continues(blocks: list[Block], index: int) -> bool:
    """A PDF line whose sentence goes on at the next line (which starts in lower case)."""
    block = blocks[index]
    if block.place.page is None or index + 1 >= len(blocks):
        return False
    following = blocks[index + 1]
    if following.place.page != block.place.page or following.in_table:
        return False
    first = following.text.lstrip()[:1]
    return first.isalpha() and first.islower()


def _in_sequence(comps: tuple[int, ...], path: list[int]) -> bool:
    """A plain number continues the outline: the next article, or a first or next
    sub-article of the current one (small gaps allowed)."""
    if not path:
        return comps[-1] <= 3
    k = len(comps)
    if k > len(path) + 1 or list(comps[: k - 1]) != path[: k - 1]:
        return False
    previous = path[k - 1] if k - 1 < len(path) else 0
    return previous < comps[k - 1] <= previous + 3


def find_headings(piece: Piece) -> list[_Heading]:
    blocks = piece.blocks
    toc = _toc_indices(blocks)
    candidates: list[_Heading] = []
    for i, block in enumerate(blocks):
        if i in toc or block.in_table or block.area != "body":
            continue
        heading = _match_heading(block, i)
        if heading is None:
            continue
        if heading.form is not None and not heading.strong and _continues(blocks, i):
            continue  # the first line of a sentence wrapped onto the next PDF line
        candidates.append(heading)
    # « Article 1 », « Article 2 »: plain « 2. Le présent CCAP » is then no heading. Not when
    # only sub-articles say « Article » (« 6 – CLAUSE SOCIALE » over « Article 6.1 : … »).
    article_form = (
        sum(1 for h in candidates if h.article_form and len(h.components or ()) == 1) >= 2
    )
    accepted: list[_Heading] = []
    path: list[int] = []
    forms: dict[int, str] = {}  # level -> the form of the first plain number accepted there
    for heading in candidates:
        comps = heading.components
        if not heading.strong:
            if comps is None:
                pass  # roman numbers: no sequence to check
            elif article_form and len(comps) == 1:
                continue  # « 2. Le présent CCAP » in a piece whose articles say « Article »
            elif not _in_sequence(comps, path):
                continue
            elif forms.setdefault(heading.level, heading.form) != heading.form:
                continue  # « 1 - OBJET » then « 2. Le titulaire » : not the same outline
        if comps is not None:
            path = list(comps)
        accepted.append(heading)
    if not any(h.number for h in accepted):
        # No numbered outline: upper-case titles stand for the articles.
        accepted = [h for h in accepted if h.strong]
        taken = {h.index for h in accepted}
        for i, block in enumerate(blocks):
            if i in toc or i in taken or block.area != "body":
                continue
            heading = _upper_title(block, i)
            if heading is not None:
                accepted.append(heading)
        accepted.sort(key=lambda h: h.index)
    accepted = _with_numbered_chapters(blocks, accepted, toc)
    # « ARTICLE 1 » alone on its line: the title is the next short line.
    taken = {h.index for h in accepted}
    for heading in accepted:
        nxt = heading.index + 1
        if heading.title or nxt >= len(blocks) or nxt in taken:
            continue
        block = blocks[nxt]
        text = " ".join(block.text.split())
        if not block.in_table and 0 < _words(text) <= 14 and not text.endswith((",", ";")):
            heading.title = text
            heading.consumed_next = True
    for heading in accepted:
        if _title_goes_on(blocks, heading, taken):
            heading.title = f"{heading.title} {' '.join(blocks[heading.index + 1].text.split())}"
            heading.consumed_next = True
    return accepted


# « ARTICLE 8 – CONDITION D'EXÉCUTION À CARACTÈRE » then « SOCIAL »: a PDF title wrapped
# onto the next line (fifth blind corpus: the clause article lost its « social »).
_DANGLING = re.compile(
    r"(?:\b(?:a|au|aux|de|des|du|d'|l'|la|le|les|et|ou|en|pour|sur|par|caractere|faveur)|[–—-])$"
)


def _title_goes_on(blocks: list[Block], heading: _Heading, taken: set[int]) -> bool:
    nxt = heading.index + 1
    if heading.consumed_next or not heading.title or nxt >= len(blocks) or nxt in taken:
        return False
    here, block = blocks[heading.index], blocks[nxt]
    if here.place.page is None or block.place.page != here.place.page or block.in_table:
        return False  # only PDF lines wrap
    text = " ".join(block.text.split())
    if not 0 < _words(text) <= 4 or text.endswith((".", ":", ";", ",")):
        return False
    return bool(_DANGLING.search(fold(heading.title.rstrip())))


_NUMBERED_CHAPTER = re.compile(
    r"^(?:chapitre|titre|partie)\s+(\d{1,2})\s*(?:[–—\-:.]\s*)?(\S.*)$", re.IGNORECASE
)


def _with_numbered_chapters(
    blocks: list[Block], accepted: list[_Heading], toc: set[int]
) -> list[_Heading]:
    """« Chapitre 4 – Clause sociale d'insertion » over « 4.1 … », « 4.2 … »: the chapter is
    article 4, the parent of its sub-articles (ninth blind corpus: the clause's « 4.7
    Sanctions » stood outside the clause). Chapters stay text in a piece whose sub-articles
    number none of them."""
    parents = {h.components[0] for h in accepted if h.components and len(h.components) >= 2}
    taken = {h.index for h in accepted}
    added = []
    for i, block in enumerate(blocks):
        if i in taken or i in toc or block.in_table or block.area != "body":
            continue
        match = _NUMBERED_CHAPTER.match(" ".join(block.text.split()))
        if match and _words(match.group(2)) <= 14:
            number = match.group(1)
            added.append(
                _Heading(
                    i, number, match.group(2).strip(), 1, strong=True, components=(int(number),)
                )
            )
    # all the chapters of that outline, so that « Chapitre 5 – Pénalités » ends chapter 4
    if not any(h.components[0] in parents for h in added):
        return accepted
    return sorted([*accepted, *added], key=lambda h: h.index)


def build_articles(piece: Piece) -> None:
    """Set `piece.articles`: the tree of articles and sub-articles, each with its blocks."""
    headings = find_headings(piece)
    blocks = piece.blocks
    roots: list[Article] = []
    stack: list[Article] = []
    for n, heading in enumerate(headings):
        start = heading.index + (2 if heading.consumed_next else 1)
        end = headings[n + 1].index if n + 1 < len(headings) else len(blocks)
        article = Article(
            number=heading.number,
            title=heading.title,
            level=max(heading.level, 1),
            place=blocks[heading.index].place,
            blocks=list(blocks[start:end]),
        )
        while stack and stack[-1].level >= article.level:
            stack.pop()
        if stack:
            stack[-1].children.append(article)
        else:
            roots.append(article)
        stack.append(article)
    piece.articles = roots
