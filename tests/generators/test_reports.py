"""Text, JSON and HTML reports of a review."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser

from gen_helpers import make_report, piece

from clausier.model import Finding, Location, Severity
from generators.reports import render_html, render_json, render_text, report_css
from generators.reports.common import count_label, counts_line, fr_date

ANSI = re.compile(r"\x1b\[[0-9;]*m")


# ---------------------------------------------------------------- text


def test_text_groups_findings_by_piece_with_place_suggestion_and_excerpt(sample_report):
    text = render_text(sample_report, color=False)
    assert "\x1b[" not in text
    lines = text.splitlines()
    assert lines[0] == "Relecture de la consultation DCE-2026-014"
    assert "25 novembre 2026" in lines[1]
    # Consultation-wide findings come first, then the pieces in the report's order.
    assert text.index("Ensemble de la consultation") < text.index("02_CCAP.docx (CCAP")
    assert "CS201 erreur · paragraphe 3, article 7" in text
    assert "CS401 erreur · paragraphe 10, article 7, lot 2" in text
    assert "→ À écrire : Article L2112-2 du Code de la commande publique." in text
    assert "« Conformément à l'article 14 du Code des marchés publics, le titulaire »" in text
    # Pieces without findings are listed briefly.
    assert "Pièces sans remarque" in text and "01_RC.pdf (RC, pdf, 3 pages)" in text
    assert lines[-1] == "3 erreurs, 1 avertissement, 1 information"


def test_text_findings_of_a_piece_follow_reading_order(sample_report):
    text = render_text(sample_report, color=False)
    # CS302 has no place: first; then paragraphs 3, 4, 10.
    order = [text.index(code) for code in ("CS302", "CS201", "CS204", "CS401")]
    assert order == sorted(order)


def test_text_lots_table_shows_hours_per_piece_and_disagreement(sample_report):
    text = render_text(sample_report, color=False)
    table = text[text.index("Lots et heures") :]
    row2 = next(line for line in table.splitlines() if line.strip().startswith("2 "))
    assert "Électricité" in row2 and "150\u202f000\u00a0€" in row2
    assert "120 ≠" in row2 and "150 ≠" in row2 and row2.rstrip().endswith("115")
    row1 = next(line for line in table.splitlines() if line.strip().startswith("1 "))
    assert "≠" not in row1


def test_text_colour_marks_severity_and_plain_text_is_the_same(sample_report):
    coloured = render_text(sample_report, color=True)
    assert "\x1b[1;31m" in coloured  # errors in bold red
    assert "\x1b[1;33m" in coloured  # warnings in bold yellow
    plain = render_text(sample_report, color=False)
    assert [line.rstrip() for line in ANSI.sub("", coloured).splitlines()] == plain.splitlines()


def test_text_escapes_markup_from_documents():
    report = make_report(
        [piece("a.docx", "docx")],
        [Finding("CS204", Severity.WARNING, "Nom [bold]ancien[/bold]", None, "a.docx")],
    )
    assert "Nom [bold]ancien[/bold]" in render_text(report, color=True)


def test_counts_line_uses_french_plurals():
    assert count_label(0, "error") == "0 erreur"
    assert count_label(1, "warning") == "1 avertissement"
    assert count_label(2, "info") == "2 informations"
    empty = make_report([], [])
    assert counts_line(empty) == "0 erreur, 0 avertissement, 0 information"
    assert render_text(empty, color=False).splitlines()[-1] == counts_line(empty)
    assert fr_date(date(2026, 12, 1)) == "1er décembre 2026"


# ---------------------------------------------------------------- JSON


def test_json_single_consultation_is_an_object_matching_the_spec(sample_report):
    data = json.loads(render_json([sample_report]))
    assert set(data) >= {"consultation", "reviewed_at", "pieces", "lots", "findings", "summary"}
    assert data["reviewed_at"] == "2026-11-25"
    assert data["pieces"][1] == {
        "path": "02_CCAP.docx",
        "kind": "CCAP",
        "format": "docx",
        "pages": None,
        "paragraphs": 12,
    }
    assert data["lots"][1]["hours"] == {"CCAP": 120, "AE": 150}
    first = data["findings"][0]
    assert set(first) == {
        "code",
        "severity",
        "message",
        "suggestion",
        "piece",
        "location",
        "lot",
        "excerpt",
    }
    assert first["location"] == {"page": None, "paragraph": 3, "article": "7"}
    assert data["summary"] == {"error": 3, "warning": 1, "info": 1}
    assert data == sample_report.to_dict()


def test_json_keeps_french_characters_and_lists_several_consultations(sample_report):
    text = render_json([sample_report])
    assert "Pôle emploi" in text and "\\u00f4" not in text
    assert text.startswith('{\n  "consultation"')  # indent 2
    both = json.loads(render_json([sample_report, make_report([], [])]))
    assert isinstance(both, list) and len(both) == 2
    assert json.loads(render_json(sample_report))["consultation"] == "DCE-2026-014"


# ---------------------------------------------------------------- HTML


class _Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: dict[str, list[dict]] = {}
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.setdefault(tag, []).append(dict(attrs))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> _Structure:
    parser = _Structure()
    parser.feed(html)
    return parser


def test_html_is_a_standalone_french_page(sample_report):
    html = render_html(sample_report)
    page = parse(html)
    assert page.attrs["html"][0]["lang"] == "fr"
    assert "style" in page.tags and "@media print" in html
    # No network, no script: nothing fetched, nothing run.
    assert "script" not in page.tags and "link" not in page.tags
    assert not re.search(r"(src|href)=\"?https?:", html)
    assert page.tags.count("h1") == 1 and "h2" in page.tags and "h3" in page.tags
    # Table headers carry a scope.
    assert all("scope" in a for a in page.attrs["th"])
    text = " ".join(page.text)
    assert "25 novembre 2026" in text and "DCE-2026-014" in text


def test_html_shows_pieces_lots_findings_and_counts(sample_report):
    html = render_html(sample_report)
    text = " ".join(parse(html).text)
    for expected in ("02_CCAP.docx", "03_AE.odt", "Gros œuvre", "Heures CCAP", "Heures AE"):
        assert expected in text
    assert "Article L2112-2 du Code de la commande publique." in text
    assert "paragraphe 10, article 7, lot 2" in text
    assert 'class="badge error"' in html and 'class="badge warning"' in html
    assert "≠" in text  # lot 2 disagrees between CCAP and AE
    assert "3 erreurs, 1 avertissement, 1 information" in text


def test_html_escapes_document_text():
    report = make_report(
        [piece("<img src=x>.docx", "docx")],
        [
            Finding(
                "CS204",
                Severity.WARNING,
                "<script>alert(1)</script>",
                None,
                "<img src=x>.docx",
                Location(paragraph=1),
                excerpt="a & b",
            )
        ],
    )
    html = render_html(report)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "a &amp; b" in html


def test_html_fragment_is_the_body_without_page(sample_report):
    fragment = render_html(sample_report, standalone=False)
    assert fragment.lstrip().startswith('<article class="clausier-report">')
    assert "<html" not in fragment and "<style" not in fragment
    assert fragment.strip() in render_html(sample_report)
    assert ".clausier-report" in report_css()


def test_html_without_findings_says_so():
    html = render_html(make_report([piece("a.docx", "docx")], []))
    assert "Aucun constat" in html and "0 erreur, 0 avertissement, 0 information" in html
