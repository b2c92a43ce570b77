"""Build the Word template of the bilan (python-docx + docxtpl tags).

    python -m tools.build_bilan_template     # writes clause_templates/bilan.docx

Same house style and determinism as tools/build_templates.py (A4, Arial, French, header
and « page X sur Y » footer, fixed zip dates): the template is committed but always rebuilt
from this script. The variables are listed in docs/bilan.md; they are rendered by
`generators/bilan/docx.py`. A facilitator may restyle the built file in Word or
LibreOffice (styles « Titre 1 », « Légende », table shading…) as long as the tags stay.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from tools.build_templates import ACCENT, FONT, HEADER_FILL, HERE, Builder, _shade

BOX_FILL = "EEF2F7"
LABEL_FILL = "F5F7FA"
GREY = RGBColor(0x55, 0x55, 0x55)
PATH = HERE / "bilan.docx"

# The summary box: four figures a row, value above its label.
KEY_ROWS = (
    ("heures_prevues", "heures_realisees", "taux", "etp"),
    ("contrats", "participants", "entreprises", "siae"),
)
# The category tables: (context key, first column header, unit column header).
MODALITY_TABLES = (
    ("modalites", "Modalité", "Contrats"),
    ("contrats", "Type de contrat", "Contrats"),
)
PROFILE_TABLES = (
    ("sexes", "Sexe"),
    ("ages", "Tranche d'âge"),
    ("qualifications", "Niveau de qualification"),
    ("qpv", "Résidant en QPV"),
)


class BilanBuilder(Builder):
    """The clause templates' builder with the bilan's header and a few more blocks."""

    def __init__(self) -> None:
        super().__init__("{{ titre }}")
        header = self.doc.sections[0].header.paragraphs[0]
        header.runs[
            0
        ].text = "{{ acheteur }} – Clause sociale d'insertion – opération {{ operation }}"
        styles = self.doc.styles
        caption = styles["Caption"]
        caption.font.name = FONT
        caption.font.size = Pt(8.5)
        caption.font.italic = True
        caption.font.bold = False
        caption.font.color.rgb = GREY
        caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption.paragraph_format.space_after = Pt(12)

    def spacer(self, points: float) -> None:
        paragraph = self.doc.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(points)
        paragraph.paragraph_format.space_after = Pt(0)

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def picture(self, key: str) -> None:
        """A chart (docxtpl InlineImage) and its caption in the « Légende » style."""
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.space_after = Pt(2)
        paragraph.add_run(f"{{{{ graphiques.{key} }}}}")
        self.doc.add_paragraph(f"{{{{ legendes.{key} }}}}", style="Caption")

    def small_note(self, text: str) -> None:
        self.note(text)

    def identity(self, rows: list[tuple[str, str]]) -> None:
        table = self.doc.add_table(rows=0, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.style = self.doc.styles["Table Grid"]
        for label, value in rows:
            cells = table.add_row().cells
            _cell_text(cells[0], label, bold=True, size=9.5)
            _cell_text(cells[1], value, size=9.5)
            _shade(cells[0], LABEL_FILL)
        _widths(table, (4.6, 11.6))
        _borders(table, "D0D7E1")

    def key_box(self) -> None:
        """The summary box: 2 × 4 figures, large value over a small label."""
        table = self.doc.add_table(rows=0, cols=4)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for keys in KEY_ROWS:
            cells = table.add_row().cells
            for cell, key in zip(cells, keys, strict=True):
                _shade(cell, BOX_FILL)
                value = cell.paragraphs[0]
                value.alignment = WD_ALIGN_PARAGRAPH.CENTER
                value.paragraph_format.space_before = Pt(8)
                value.paragraph_format.space_after = Pt(0)
                run = value.add_run(f"{{{{ chiffres.{key} }}}}")
                run.bold = True
                run.font.size = Pt(17)
                run.font.color.rgb = ACCENT
                label = cell.add_paragraph()
                label.alignment = WD_ALIGN_PARAGRAPH.CENTER
                label.paragraph_format.space_after = Pt(8)
                small = label.add_run(f"{{{{ libelles.{key} }}}}")
                small.font.size = Pt(8.5)
                small.font.color.rgb = GREY
        _widths(table, (4.05,) * 4)
        _borders(table, "FFFFFF", size=24)

    def counts(self, key: str, header: str, unit: str) -> None:
        self.table(
            [header, unit, "Part"],
            loop=(f"c in {key}.lignes", ["{{ c.libelle }}", "{{ c.effectif }}", "{{ c.part }}"]),
            widths=[9.6, 3.3, 3.3],
            right=[1, 2],
        )


def _cell_text(cell, text: str, bold: bool = False, size: float = 9.5) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_before = Pt(2)
    paragraph.paragraph_format.space_after = Pt(2)
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def _widths(table, widths) -> None:
    table.autofit = False
    for index, width in enumerate(widths):
        table.columns[index].width = Cm(width)
        for cell in table.columns[index].cells:
            cell.width = Cm(width)


def _borders(table, color: str, size: int = 4) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), str(size))
        edge.set(qn("w:color"), color)
        borders.append(edge)
    tbl_pr.append(borders)


# ------------------------------------------------------------------ the document


def title_page(b: BilanBuilder) -> None:
    b.spacer(60)
    b.centered("CLAUSE SOCIALE D'INSERTION", bold=True, size=10)
    b.spacer(6)
    b.title("{{ titre }}", "{{ objet }}")
    b.spacer(10)
    b.identity(
        [
            ("Acheteur", "{{ acheteur }}"),
            ("Opération", "{{ operation }}"),
            ("Facilitateur", "{{ facilitateur }}"),
            ("Période d'exécution", "{{ periode }}"),
            ("Situation arrêtée au", "{{ date_bilan }}"),
        ]
    )
    b.spacer(18)
    b.h2("Chiffres clés")
    b.key_box()
    b.spacer(6)
    b.note(
        "Bilan établi par le facilitateur de la clause sociale d'insertion à partir des "
        "relevés d'heures et des contrats transmis par les entreprises. Aucune donnée "
        "nominative n'y figure. {{ note_secret }}"
    )
    b.page_break()


def volume(b: BilanBuilder) -> None:
    b.h1("1. Heures d'insertion réalisées")
    b.p(
        "Au {{ date_bilan }}, {{ chiffres.heures_realisees }} heures d'insertion ont été "
        "réalisées sur les {{ chiffres.heures_prevues }} heures prévues au marché, soit un "
        "taux de réalisation de {{ chiffres.taux }} et {{ chiffres.etp }} équivalent(s) temps "
        "plein."
    )
    b.h2("Heures par lot")
    b.table(
        [
            "Lot",
            "Intitulé",
            "Titulaire",
            "Heures prévues",
            "Heures attendues à date",
            "Heures réalisées",
            "Taux de réalisation",
            "Participants",
        ],
        loop=(
            "l in lots.lignes",
            [
                "{{ l.lot }}",
                "{{ l.intitule }}",
                "{{ l.entreprise }}",
                "{{ l.heures_prevues }}",
                "{{ l.heures_attendues }}",
                "{{ l.heures_realisees }}",
                "{{ l.taux }}",
                "{{ l.participants }}",
            ],
        ),
        after=[
            [
                "{{ lots.total.lot }}",
                "",
                "",
                "{{ lots.total.heures_prevues }}",
                "{{ lots.total.heures_attendues }}",
                "{{ lots.total.heures_realisees }}",
                "{{ lots.total.taux }}",
                "{{ lots.total.participants }}",
            ]
        ],
        widths=[1.3, 2.4, 2.7, 1.8, 2.0, 1.9, 2.1, 2.4],
        right=[3, 4, 5, 6, 7],
        font_size=8,
    )
    b.note("{{ lots.note }}")
    b.picture("cumul")
    b.picture("lots")
    b.h2("Heures par entreprise")
    b.table(
        ["Entreprise", "SIRET", "Rôle", "Lots", "Heures réalisées", "Participants"],
        loop=(
            "e in entreprises.lignes",
            [
                "{{ e.entreprise }}",
                "{{ e.siret }}",
                "{{ e.role }}",
                "{{ e.lots }}",
                "{{ e.heures_realisees }}",
                "{{ e.participants }}",
            ],
        ),
        widths=[4.6, 3.2, 2.2, 1.6, 2.4, 2.2],
        right=[4, 5],
        font_size=9,
    )


def modalities(b: BilanBuilder) -> None:
    b.h1("2. Modalités de mise en œuvre et contrats")
    for key, header, unit in MODALITY_TABLES:
        b.h2(f"{{{{ {key}.titre }}}}")
        b.counts(key, header, unit)


def profile(b: BilanBuilder) -> None:
    b.h1("3. Profil des participants")
    b.note("{{ note_secret }}")
    b.h2("{{ publics.titre }}")
    b.picture("publics")
    b.counts("publics", "Public", "Participants")
    for key, header in PROFILE_TABLES:
        b.h2(f"{{{{ {key}.titre }}}}")
        b.counts(key, header, "Participants")


def outcomes(b: BilanBuilder) -> None:
    b.h1("4. Sorties des participants")
    b.p(
        "Emploi durable : CDI, CDD ou mission d'intérim de six mois et plus, création "
        "d'entreprise. Emploi de transition : CDD ou intérim de moins de six mois, contrat "
        "aidé. Sortie positive : formation qualifiante, embauche par une autre structure "
        "d'insertion."
    )
    b.counts("sorties", "Sortie", "Participants")


def penalties(b: BilanBuilder) -> None:
    b.tag("{%p if final %}")
    b.h1("5. Heures manquantes et pénalités")
    b.table(
        [
            "Lot",
            "Titulaire",
            "Heures prévues",
            "Heures réalisées",
            "Heures manquantes",
            "Pénalité par heure",
            "Pénalité due",
        ],
        loop=(
            "p in penalites.lignes",
            [
                "{{ p.lot }}",
                "{{ p.entreprise }}",
                "{{ p.heures_prevues }}",
                "{{ p.heures_realisees }}",
                "{{ p.heures_manquantes }}",
                "{{ p.penalite_heure }}",
                "{{ p.penalite }}",
            ],
        ),
        after=[
            [
                "{{ penalites.total.lot }}",
                "",
                "{{ penalites.total.heures_prevues }}",
                "{{ penalites.total.heures_realisees }}",
                "{{ penalites.total.heures_manquantes }}",
                "",
                "{{ penalites.total.penalite }}",
            ]
        ],
        widths=[1.2, 4.4, 2.1, 2.1, 2.1, 2.1, 2.2],
        right=[2, 3, 4, 5, 6],
        font_size=9,
    )
    b.note("{{ penalites.note }}")
    b.tag("{%p endif %}")


def signatures(b: BilanBuilder) -> None:
    b.h1("Validation du bilan")
    b.p(
        "Le présent bilan a été présenté et partagé entre l'acheteur et le facilitateur de "
        "la clause sociale d'insertion."
    )
    table = b.doc.add_table(rows=0, cols=2)
    table.style = b.doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    head = table.add_row().cells
    for cell, text in zip(head, ("Pour l'acheteur", "Pour le facilitateur"), strict=True):
        _cell_text(cell, text, bold=True)
        _shade(cell, HEADER_FILL)
    body = table.add_row()
    body.height = Cm(4.2)
    for cell, who in zip(body.cells, ("{{ acheteur }}", "{{ facilitateur }}"), strict=True):
        _cell_text(cell, who, size=9)
        for line in ("Nom et qualité :", "Date :", "Signature :"):
            paragraph = cell.add_paragraph()
            paragraph.paragraph_format.space_before = Pt(8)
            run = paragraph.add_run(line)
            run.font.size = Pt(9)
    _widths(table, (8.1, 8.1))


def build(path: Path = PATH) -> Path:
    b = BilanBuilder()
    title_page(b)
    volume(b)
    modalities(b)
    profile(b)
    outcomes(b)
    penalties(b)
    signatures(b)
    return b.save(path)


if __name__ == "__main__":
    print(build())
