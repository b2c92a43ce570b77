"""What every annotator shares: where a finding sits in its piece and what its note says."""

from __future__ import annotations

from clausier.model import Finding, Piece


def comment_text(finding: Finding) -> list[str]:
    """The note's paragraphs: the message, then the suggestion, then the code for
    finding it in the report."""
    paragraphs = [finding.message]
    if finding.suggestion:
        paragraphs.append(f"Suggestion : {finding.suggestion}")
    paragraphs.append(f"Clausier {finding.code} ({finding.severity.label})")
    return paragraphs


def initials(author: str) -> str:
    letters = [w[0].upper() for w in author.replace("-", " ").split() if w[:1].isalpha()]
    return "".join(letters[:3]) or "C"


def _article_place(piece: Piece | None, number: str | None):
    if piece is None or not number:
        return None
    for article in piece.all_articles():
        if article.number == number:
            return article.place
    return None


def finding_paragraph(piece: Piece | None, finding: Finding, count: int) -> int | None:
    """Word/ODT: the paragraph index of the finding, else of its article's heading."""
    index = finding.location.paragraph
    if index is None:
        place = _article_place(piece, finding.location.article)
        index = place.paragraph if place is not None else None
    if index is None or not 0 <= index < max(count, 1):
        return None
    return index


def finding_page(piece: Piece | None, finding: Finding, count: int) -> int | None:
    """PDF: the 0-based page index of the finding, else of its article's heading."""
    page = finding.location.page
    if page is None:
        place = _article_place(piece, finding.location.article)
        page = place.page if place is not None else None
    if page is None or not 1 <= page <= count:
        return None
    return page - 1


def first_heading_page(piece: Piece | None) -> int:
    if piece is not None:
        for article in piece.all_articles():
            if article.place.page is not None:
                return article.place.page - 1
    return 0


def order_for_annotation(findings: list[Finding]) -> list[Finding]:
    """Comments first, corrections last: a correction moves its words into a deletion,
    where a later finding on the same words could no longer find them."""
    return sorted(findings, key=lambda f: bool(f.target and f.replacement))
