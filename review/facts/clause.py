"""The clause itself: which articles are the insertion clause, whether the piece
mentions it, says there is none (« sans objet »), or justifies a derogation.

Also sets `PieceText.lot` (the lot a per-lot piece is about) and
`Segment.in_clause`, which the other extractors use.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from clausier.model import Article, PieceKind
from review.facts.text import (
    INSERTION_HINT,
    LOT_NUMBER,
    LOT_RE,
    SOCIAL_EMPLOYMENT,
    Segment,
    lot_fold,
    lot_number,
    normalise_lot,
)
from review.nlp import unaccent
from review.structure import is_toc_line

if TYPE_CHECKING:
    from review.facts import Facts, PieceText

_CLAUSE_WORDS = r"(?:clauses?\s+sociales?(?:\s+d'insertion)?|clauses?\s+d'insertion(?:\s+professionnelle)?|(?:action|obligation)s?\s+d'insertion|insertion\s+professionnelle|insertion\s+par\s+l'activite\s+economique)"
# Whole-consultation statements that there is no clause (on unaccented text).
NONE_RE = re.compile(
    rf"{_CLAUSE_WORDS}\s*(?:\([^)]*\)\s*)?[:\-–—]\s*(?:sans\s+objet|sans|neant|non|aucune?)\b"
    rf"|\bsans\s+{_CLAUSE_WORDS}"
    rf"|\b(?:ne\s+(?:comporte|prevoit|contient|fait\s+l'objet\s+d')|n'impose)\s+(?:pas|aucune)\s+(?:de\s+|d')?{_CLAUSE_WORDS}"
    rf"|\baucune\s+{_CLAUSE_WORDS}\s+n'est\s+(?:prevue|imposee|exigee)"
    # « Condition d'exécution sociale : non retenue. » (the derogation's reason follows)
    # « Condition d'exécution à caractère social (clause sociale d'insertion) : sans objet »
    r"|\bconditions?\s+d'execution\s+(?:a\s+caractere\s+)?sociale?s?\s*(?:\([^)]*\)\s*)?[:\-–—]\s*"
    r"(?:sans\s+objet|neant|non\s+(?:retenue?s?|prevue?s?|imposee?s?)|aucune?)\b"
)
# A key-value row of a summary table (« Clauses sociales | Sans », the row label in
# `Block.label`) or the same row printed as one PDF line without a colon.
_NONE_LABEL = re.compile(
    r"clauses?\s+sociales?|clauses?\s+d'insertion|insertion\s+professionnelle"
    r"|conditions?\s+d'execution\s+(?:a\s+caractere\s+)?social"
)
_NONE_VALUE = re.compile(
    r"\W*(?:sans\s+objet|sans|neant|non(?:\s+(?:concernee?s?|prevue?s?|retenue?s?|applicable|imposee?s?))?"
    r"|aucune?|pas\s+de\s+clauses?(?:\s+sociales?)?)\s*\.?"
    # « Non retenue – justification à l'article 5 », « Sans (voir l'article 5) »
    r"(?:\s*[–—\-,(]\s*(?:justifi\w*|voir|cf\.?|motiv\w*|derogation)[^.]{0,80}\.?)?\s*$"
)
_NONE_LINE = re.compile(
    rf"^\W*{_CLAUSE_WORDS}\s*(?:\([^)]*\)\s*)?[:\-–—]?\s*(?:sans\s+objet|sans|neant|non|aucune?)\s*\.?\s*$"
)
_NONE_HEADING_TAIL = re.compile(r"(?:[:\-–—]\s*)?(?:sans\s+objet|neant|sans)\s*\.?\s*$")
HEADING_EXCLUDED = re.compile(
    r"pieces|contenu du dossier|documents? (?:contractuel|constitutif|a produire|a fournir)"
    r"|sommaire|criteres?|jugement|penalit|derogation"
)
_LEFT_OUT = (
    r"(?:ne\s+pas\s+(?:prevoir|imposer|inclure|integrer|retenir|comporter)|ne\s+(?:prevoit|comporte|impose|"
    r"inclut|integre|retient|contient)\s+pas|n'(?:impose|inclut|integre|exige)\s+pas|n'a\s+pas\s+(?:ete\s+)?(?:prevu|retenu|impose|integre)e?s?"
    r"|(?:il\s+)?n'est\s+pas\s+(?:prevu|retenu|impose|inclus|integre)e?s?"
    r"|renonc\w*\s+a|absence\s+d[e']|sans|aucune?|par\s+exception\s+a)"
    r"\s+(?:de\s+|d'|la\s+|les\s+|une?\s+)?(?:\w+\s+){0,2}?"
    r"(?:conditions?\s+d'execution|considerations?|clauses?|dimension|obligation)\s+"
    # « condition d'exécution prenant en compte des considérations relatives au domaine
    # social » (thirteenth blind corpus: six words between)
    r"(?:\w+\s+){0,6}?(?:sociale?s?|social|a\s+caractere\s+social|relatives?\s+(?:au\s+domaine\s+social|a\s+l'emploi))"
)
_REASON = (
    r"(?:justifi\w*|motiv\w*|en\s+raison|compte\s+tenu|du\s+fait|dans\s+la\s+mesure|parce\s+que|\bcar\b"
    r"|au\s+motif|raisons?\s+(?:techniques?|economiques?)|lien\s+(?:suffisant\s+)?avec\s+l'objet|lien\s+suffisant"
    r"|immediatement\s+disponible|l\.?\s?2112-2-1|article\s+35"
    r"|sans\s+rapport\s+avec|ne\s+se\s+pret\w*\s+pas|restreindr\w*|par\s+exception"
    r"|nature\s+(?:meme\s+)?(?:des\s+prestations|du\s+besoin|du\s+marche)|puisque|eu\s+egard"
    r"|etant\s+donne|s'agissant)"
)
DEROGATION_RE = re.compile(
    r"(?:derog\w*|n'est pas soumis\w*|ne s'applique pas|exempt\w*|n'y a pas lieu)[^.]{0,200}"
    r"(?:l\.?\s?2112-2-1|article 35|obligation|considerations? (?:relatives? )?(?:au domaine )?social)"
    r"|solution immediatement disponible|pas de lien suffisant avec l'objet"
    r"|restreindr\w* (?:la )?concurrence[^.]{0,80}(?:social|insertion)"
    # « l'acheteur justifie ne pas prévoir de condition d'exécution à caractère social »,
    # « ne prévoit pas de considération sociale, compte tenu de … »: a statement that the
    # social condition is left out, with its reason (either order).
    rf"|{_LEFT_OUT}[^.]{{0,250}}{_REASON}"
    rf"|{_REASON}[^.]{{0,200}}{_LEFT_OUT}"
)
_PIECE_LOT_RE = re.compile(
    r"(?:^|[^a-z])lot[\s_\-]*(?:n[°o]?[\s_\-]*)?(?:0*("
    + LOT_NUMBER
    + r")(?![0-9])|((?-i:[A-Z]))(?![a-z0-9]))",
    re.I,
)


# « les lots n° 1, 2 et 4 », « lots 1 à 3 », « lot n°2 » (on folded text).
_LOT_LIST = re.compile(
    rf"\blots?\s*(?:n\s*[°o]s?\s*)?({LOT_NUMBER}(?:\s*(?:,|et|a|au|-|/|ou)\s*(?:n\s*[°o]\s*)?{LOT_NUMBER}\b)*)"
)
# The sentence says the clause applies to those lots.
_COVERS = re.compile(
    r"concern\w*|s'appliqu\w*|applicable|porte\s+sur|comport\w*|prevue?s?\s+(?:pour|au|aux|sur)"
    r"|imposee?s?\s+(?:pour|au|aux)|(?:pour|au\s+titre\s+d[eu]s?)\s+(?:les?\s+)?lots?\b"
)


# The negation bears on the covering (« n'est pas concerné », « ne comporte pas », « est
# non concerné »), not on another word of the sentence (« condition d'exécution qui n'est
# pas un critère de jugement »).
_NOT_COVERED = re.compile(
    r"\bn'(?:est|sont)\s+pas\s+(?:\w+\s+)?(?:concern|soumis|vise|applicabl|couvert|inclu|retenu"
    r"|prevu|impose|assorti|astreint)\w*"
    r"|\bne\s+(?:le\s+|la\s+|les\s+|l'|s'|sont\s+|est\s+)?(?:comport|concern|appliqu|vis|soum"
    r"|port|inclu|prevo|impos|contien)\w*\s+pas\b"
    r"|\bnon\s+concern\w*|\bexclue?s?\b|\bsauf\b|\bexcepte\b"
    r"|\bhormis\b|\ba\s+l'exception\b|\bhors\s+(?:clause|champ)"
)


def lot_list(words: str) -> list[str]:
    """The lot numbers of « 1, 2 et 4 », « 1 à 3 » (folded text), normalised."""
    numbers: list[str] = []
    parts = re.split(r"\s*(,|/|-|\bet\b|\bou\b|\ba\b|\bau\b)\s*", words)
    pending_range = False
    for part in parts:
        part = re.sub(r"^n\s*[°o]\s*", "", part.strip())
        if part in ("a", "au", "-"):
            pending_range = True
            continue
        if not re.fullmatch(LOT_NUMBER, part):
            pending_range = False if part not in (",", "et", "ou", "/") else pending_range
            continue
        number = normalise_lot(part)
        if pending_range and numbers and numbers[-1].isdigit() and number.isdigit():
            numbers.extend(str(n) for n in range(int(numbers[-1]) + 1, int(number) + 1))
        else:
            numbers.append(number)
        pending_range = False
    return list(dict.fromkeys(numbers))


def _covered_lots(text: PieceText, facts: Facts) -> None:
    """`clause_lots` facts: the lots a sentence says the clause covers (« La clause
    d'insertion concerne les lots 1, 2 et 4 »)."""
    for seg in text.segments:
        if not seg.text or not seg.text_says_insertion:
            continue
        for start, end in seg.sentences():
            sentence = seg.norm[start:end]
            if not re.search(r"insertion|clauses?\s+sociales?", sentence) or NONE_RE.search(
                sentence
            ):
                continue
            covers = _COVERS.search(sentence)
            if not covers:
                continue
            lots: list[str] = []
            for match in _LOT_LIST.finditer(sentence):
                lots.extend(lot_list(match.group(1)))
            if not lots:
                continue
            if _NOT_COVERED.search(sentence):
                # « Le lot 3 n'est pas concerné par la clause » says it carries none;
                # « tous les lots sauf le lot 3 » is too subtle to list: skip it.
                if not re.search(r"\b(?:sauf|excepte|hormis|a l'exception)\b", sentence):
                    for lot in lots:
                        facts.add("lot_no_clause", lot, seg, start, end, lot=lot)
                continue
            facts.add("clause_lots", list(dict.fromkeys(lots)), seg, start, end)


def _is_clause_heading(article: Article, facts: Facts, segment: Segment) -> bool:
    heading = unaccent(article.heading)
    if HEADING_EXCLUDED.search(heading):
        return False
    if not INSERTION_HINT.search(heading):
        return False
    from review import nlp

    return (
        any(m.label == "CLAUSE_TITLE" for m in nlp.find(article.heading))
        or "insertion" in heading
        or bool(_SOCIAL_CONDITION.search(heading))  # « Conditions d'exécution à caractère social »
        or bool(_SOCIAL_EMPLOYMENT.search(heading))  # « Engagement en faveur de l'emploi »
    )


# What the body of a clause article speaks of, even in a few words: insertion, hours,
# the publics, « sans objet », « oui ». Only a body that speaks of none of them and names
# another subject (« le délai d'exécution … dans le CCAP ») is off topic.
_CLAUSE_BODY = re.compile(
    INSERTION_HINT.pattern
    # « sans » of « sans objet », not of « Sans préjudice des stipulations du CCAP »
    + r"|heures?|\d\s*h\b|public|emploi|\bsans\b(?!\s+prejudice)|\bnea?nt\b|\bnon\b|\boui\b"
    r"|lots? concerne"
)
_OTHER_SUBJECT = re.compile(
    # « le titulaire respecte la réglementation du travail et les règles de sécurité du
    # chantier » under « Condition d'exécution à caractère social » (seventeenth corpus)
    r"delais?\b|livraison|\bprix\b|paiement|reglement|assurances?|garantie|variantes?"
    r"|securite|hygiene|droit du travail|travail dissimule"
    r"|visite|remise des offres|candidature|avance|reception|resiliation|litiges?"
)


def _body(article: Article, by_article: dict) -> str:
    """The folded text of an article and its sub-articles, without their headings."""
    return " ".join(by_article[id(a)].norm for a in article.walk() if id(a) in by_article)


def _off_topic(text: str) -> bool:
    """A clause heading over text about something else (« 3. CLAUSE SOCIALE » then « Le
    délai d'exécution … est précisé dans le CCAP », left by a template): no clause
    article. A heading with no text of its own, or over sub-articles, stays one."""
    if not text.strip() or _CLAUSE_BODY.search(text):
        return False
    return bool(_OTHER_SUBJECT.search(text))


_FIGURE_OF_HOURS = re.compile(r"\d\s*(?:h\b|heures?)")


def _says_none(text: str) -> bool:
    """A clause heading over a statement that there is none (« Art. 3. Clause sociale »
    then « Motif de l'absence de considération sociale … : dérogation ») and no hours:
    the « sans » statement is read as such below, the heading announces no clause."""
    if not text.strip() or _FIGURE_OF_HOURS.search(text):
        return False
    return any(True for _ in _derogations(text)) or any(True for _ in _none_statements(text))


def _strong_content(segment: Segment, facts: Facts) -> bool:
    labels = {m.label for m in facts.matches(segment)}
    if "HOURS_PHRASE" in labels and "HOURS_QTY" in labels:
        return True
    return "CLAUSE_TITLE" in labels and bool(labels & {"HOURS_QTY", "PUBLIC", "MODALITY"})


def _points_to_annex(segment: Segment, facts: Facts) -> bool:
    """An article that incorporates the clause by reference: one of its sentences names
    the clause and an annex (« les conditions d'exécution à caractère social (action
    d'insertion) sont définies à l'annexe n° 2 au présent CCAP »)."""
    if "annexe" not in segment.norm:
        return False
    article = segment.article
    if article is not None and HEADING_EXCLUDED.search(unaccent(article.heading)):
        return False  # « Pièces constitutives : … l'annexe « clause sociale » »: a list of pieces
    for match in facts.matches(segment):
        if match.label != "CLAUSE_TITLE":
            continue
        start, end = segment.sentence_around(match.start)
        if re.search(r"\bannexes?\b", segment.norm[start:end]):
            return True
    return False


def _piece_lot(text: PieceText) -> str | None:
    """The lot a per-lot piece is about: one lot named by its file name, or one single
    lot named in its first lines."""
    folders, _, name = text.path.rpartition("/")
    name_lots = {lot_number(m) for m in _PIECE_LOT_RE.finditer(name)}
    if len(name_lots) == 1:
        return name_lots.pop()
    if text.piece.kind.value not in _PER_LOT_KINDS:
        return None
    head = " ".join(b.text for b in text.piece.blocks[:8] if b.place.table is None)
    head_lots = {lot_number(m) for m in LOT_RE.finditer(head)}
    if len(head_lots) == 1:
        return head_lots.pop()
    # « Lot 1 - Gros oeuvre/AE.pdf »: a folder per lot
    folder_lots = {lot_number(m) for m in _PIECE_LOT_RE.finditer(folders.rpartition("/")[2])}
    return folder_lots.pop() if len(folder_lots) == 1 and not head_lots else None


_PER_LOT_KINDS = ("AE", "ANNEXE_CLAUSE", "DPGF", "BPU", "DQE", "CCTP")


# « Le contrat comporte une condition d'exécution à caractère social relative à l'insertion »
# (a notice's words; folded text). The spaCy title patterns miss « d'exécution … social ».
_SOCIAL_CONDITION = re.compile(
    r"conditions?\s+(?:particulieres?\s+)?d'execution\s+(?:a\s+caractere\s+|de\s+nature\s+)?sociale?s?"
    r"|considerations?\s+(?:relatives?\s+au\s+domaine\s+)?sociales?"
)
_SOCIAL_EMPLOYMENT = re.compile(SOCIAL_EMPLOYMENT)
_DENIED_BEFORE = re.compile(r"\b(?:ne|n')\s*(?:\w+\s+){0,3}(?:pas|aucune?)\b|\bsans\b|\baucune?\b")


def _social_condition(seg: Segment, facts: Facts, none_spans: list) -> None:
    """A clause mention in the words of a notice: a social execution condition announced,
    not denied (« ne comporte pas de condition d'exécution sociale » announces none)."""
    for match in _SOCIAL_CONDITION.finditer(seg.norm):
        start, _ = seg.sentence_around(match.start())
        if _DENIED_BEFORE.search(seg.norm[start : match.start()]):
            continue
        if any(s is seg and a <= match.start() < b + 5 for s, a, b in none_spans):
            continue
        if is_toc_line(seg.block_at(match.start()).text):
            continue  # « 8.2 Considérations sociales – dérogation …… 2 »: the sommaire
        facts.add(
            "clause_mention", seg.text[match.start() : match.end()], seg, match.start(), match.end()
        )
        return


# Words without which NONE_RE and DEROGATION_RE cannot match: a plain substring test
# first spares the regular expressions most of a CCAP (a quarter of the facts' time).
_DEROGATION_KEYS = (
    "social", "emploi", "insertion", "derog", "soumis", "s'applique pas", "exempt", "n'y a pas lieu",
    "immediatement disponible", "lien suffisant",
)  # fmt: skip


def _none_statements(norm: str):
    if "clause" not in norm and "insertion" not in norm and "execution social" not in norm:
        return ()
    return NONE_RE.finditer(norm)


def _derogations(norm: str):
    if not any(key in norm for key in _DEROGATION_KEYS):
        return ()
    return DEROGATION_RE.finditer(norm)


def _lot_of_previous_clause(seg: Segment, s_start: int, before: str):
    """« Le lot 3 … est réservé aux SIAE ; il ne comporte pas de clause »: the lot named
    before the « ; » that the pronoun stands for."""
    if not re.match(r"\s*(?:il|elle|celui-ci|celle-ci|ce lot)\b", before):
        return None
    if seg.norm[:s_start].rstrip()[-1:] != ";":
        return None
    p_start, _ = seg.sentence_around(max(0, len(seg.norm[:s_start].rstrip()) - 1))
    lots = list(LOT_RE.finditer(seg.norm, p_start, s_start))
    return lots[0] if len(lots) == 1 else None


def _across_cells(seg: Segment, start: int, end: int) -> bool:
    """True when [start, end) runs from one table cell into another block."""
    first, last = seg.block_at(start), seg.block_at(max(end - 1, start))
    return first is not last and (first.in_table or last.in_table)


# Headings of the sub-articles a clause is spread over (« 5.2 Publics éligibles », « 5.5
# Accompagnement », « 5.6 Contrôle », « 5.7 Pénalités »), on unaccented text.
_ELEMENT_HEADING = re.compile(
    r"public|beneficiaire|modalit|mise en oeuvre|facilitat|accompagnement|referent|contact"
    r"|suivi|controle|justificati|reporting|penalit|sanction|heures|insertion|engagement"
)


def _element_siblings(roots: list[Article], clause_roots: list[Article]) -> set[int]:
    """A clause whose heading is a sub-article (« 5.1 Clause sociale d'insertion ») under a
    parent that is not the clause (« Article 5 – Exécution ») goes on in the next sibling
    sub-articles whose headings name an element of the clause (publics, modalités,
    facilitateur, suivi, pénalités …): those siblings and their children are the clause."""
    parents: dict[int, list[Article]] = {}

    def visit(article: Article) -> None:
        for child in article.children:
            parents[id(child)] = article.children
            visit(child)

    for article in roots:
        visit(article)
    clause_ids = {id(a) for a in clause_roots}
    found: set[int] = set()
    for root in clause_roots:
        siblings = parents.get(id(root))
        if siblings is None:
            continue  # a top-level article: its own sub-articles are already the clause
        after = siblings[siblings.index(root) + 1 :]
        for sibling in after:
            if id(sibling) in clause_ids:
                continue
            if not _ELEMENT_HEADING.search(unaccent(sibling.heading)):
                break  # « 5.8 Délais d'exécution »: the clause has ended
            found.update(id(a) for a in sibling.walk())
    return found


def _row_start(seg: Segment, index: int) -> int:
    """Offset of the first block of the table row of `seg.blocks[index]` (its label)."""
    place = seg.blocks[index].place
    first = index
    while first > 0:
        before = seg.blocks[first - 1].place
        if (before.table, before.row) != (place.table, place.row):
            break
        first -= 1
    return seg.starts[first]


def _table_statements(segs: list[Segment], facts: Facts) -> list[tuple[Segment, int, int]]:
    """« Clauses sociales | Sans » rows of summary tables (the reader's `Block.label`),
    and the same row printed as one line (« Clauses sociales Sans »): `clause_none` facts
    at the value, with the row's span (so that the label is no clause mention)."""
    spans: list[tuple[Segment, int, int]] = []
    for seg in segs:
        for index, block in enumerate(seg.blocks):
            start = seg.starts[index]
            value = seg.norm[start : start + len(block.text)]
            if block.label is not None:
                said = _NONE_LABEL.search(unaccent(block.label)) and _NONE_VALUE.match(value)
            else:
                # The line form without a colon (the colon form is NONE_RE's).
                said = (
                    block.place.table is None
                    and _NONE_LINE.match(value)
                    and not NONE_RE.search(value)
                )
            if not said:
                continue
            row = _row_start(seg, index) if block.label is not None else start
            words = (f"{block.label} : {block.text}" if block.label else block.text).strip()
            lot = LOT_RE.search(lot_fold(block.label or ""))
            if lot:  # « Lot 3 – clause sociale | Non »: that lot only
                number = lot_number(lot)
                fact = facts.add(
                    "lot_no_clause", number, seg, start, start + len(block.text), lot=number
                )
            else:
                fact = facts.add("clause_none", words, seg, start, start + len(block.text))
            fact.text = words
            spans.append((seg, row, start + len(block.text)))
    return spans


def extract(text: PieceText, facts: Facts) -> None:
    text.lot = _piece_lot(text)
    segs = text.segments
    by_article = {id(s.article): s for s in segs if s.article is not None}

    # 1. Clause articles: a clause heading, or an article whose own text is clearly the clause.
    clause_roots: list[Article] = []
    covered: set[int] = set()
    off_topic: list = []  # places of clause headings over another subject or over « sans »
    for article in text.piece.all_articles():
        if id(article) in covered:
            continue
        seg = by_article.get(id(article))
        if seg is None:
            continue
        heading = _is_clause_heading(article, facts, seg)
        if heading and (_off_topic(body := _body(article, by_article)) or _says_none(body)):
            off_topic.append(article.place)
            heading = False
        if heading or (
            seg.text_says_insertion
            and (_strong_content(seg, facts) or _points_to_annex(seg, facts))
        ):
            clause_roots.append(article)
            covered.update(id(a) for a in article.walk())
    covered.update(_element_siblings(text.piece.articles, clause_roots))
    for seg in segs:
        if seg.article is not None and id(seg.article) in covered:
            seg.in_clause = True
    if text.piece.kind == PieceKind.ANNEXE_CLAUSE and not NONE_RE.search(
        " ".join(s.norm for s in segs)
    ):
        # The clause annex is the clause, whatever its headings.
        for seg in segs:
            seg.in_clause = True
    elif not text.piece.articles and segs and INSERTION_HINT.search(segs[0].norm):
        # A piece without articles (an AE, a short annex): its text is the clause if strong.
        for seg in segs:
            if _strong_content(seg, facts):
                seg.in_clause = True
    text.clause_segments = [s for s in segs if s.in_clause]

    # 2. Explicit « sans objet » statements, then the clause facts.
    none_spans: list[tuple[Segment, int, int]] = []
    for seg in segs:
        for match in _none_statements(seg.norm):
            if _across_cells(seg, match.start(), match.end()):
                continue  # « Variantes | Sans » then « Clause sociale | Oui »: two rows
            s_start, _ = seg.sentence_around(match.start())
            before = seg.norm[s_start : match.start()]
            lot = LOT_RE.search(before) or _lot_of_previous_clause(seg, s_start, before)
            if lot:
                facts.add(
                    "lot_no_clause",
                    lot_number(lot),
                    seg,
                    match.start(),
                    match.end(),
                    lot=lot_number(lot),
                )
            else:
                facts.add(
                    "clause_none",
                    seg.text[match.start() : match.end()],
                    seg,
                    match.start(),
                    match.end(),
                )
            none_spans.append((seg, match.start(), match.end()))
    none_spans.extend(_table_statements(segs, facts))
    for article in clause_roots:
        seg = by_article[id(article)]
        heading = unaccent(article.heading)
        own = seg.norm.strip()
        if _NONE_HEADING_TAIL.search(heading) or (
            len(own) < 40
            and re.fullmatch(r"(?:sans\s+objet|neant|sans|non)\s*\.?", own)
            and not any(c.blocks for c in article.children)
        ):
            facts.add("clause_none", article.heading, seg, 0, len(seg.text))
            for s in segs:
                if s.article is not None and any(a is article for a in s.chain):
                    s.in_clause = False
            continue
        facts.add("clause_article", article.heading, seg, 0, min(len(seg.text), 120))
    text.clause_segments = [s for s in segs if s.in_clause]
    if text.clause_segments and not clause_roots:
        # A clause without a clause heading (an annex, an AE): its first words stand for it.
        first = text.clause_segments[0]
        title = first.blocks[0].text[:120] if first.blocks else first.headings
        facts.add("clause_article", title, first, 0, min(len(first.text), 120))

    _covered_lots(text, facts)

    # 3. Mentions of the clause anywhere in the body (not inside a « sans » statement).
    for seg in segs:
        if seg.article is None and seg.blocks and all(b.place in off_topic for b in seg.blocks):
            continue  # the heading line of a « CLAUSE SOCIALE » article that announces none
        # A derogation may say « considérations sociales » without any insertion word.
        for match in _derogations(seg.norm):
            facts.add(
                "derogation", seg.text[match.start() : match.end()], seg, match.start(), match.end()
            )
            # « Dérogation motivée à l'obligation de clause sociale : … »: the clause words
            # of a derogation announce no clause.
            d_start, d_end = seg.sentence_around(match.start())
            none_spans.append((seg, d_start, max(d_end, match.end())))
        if not seg.says_insertion:
            continue
        for match in facts.matches(seg):
            if match.label not in ("CLAUSE_TITLE", "HOURS_PHRASE"):
                continue
            if any(s is seg and a <= match.start < b + 5 for s, a, b in none_spans):
                continue
            if is_toc_line(seg.block_at(match.start).text):
                continue  # « 8.2 Considérations sociales – dérogation …… 2 »: the sommaire
            facts.add("clause_mention", match.text, seg, match.start, match.end)
            break
        else:
            _social_condition(seg, facts, none_spans)
