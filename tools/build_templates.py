"""Build the four Word templates of the clause generator (python-docx + Jinja tags).

    python tools/build_templates.py          # writes clause_templates/*.docx

The templates are committed, but they are always rebuilt from this script, so that their
wording and layout can be reviewed as text and rebuilt identically (the zip members carry
a fixed date). Every sentence is the project's own wording, written from the facts listed
in the domain reference (current Code de la commande publique, CCAG 2021, France Travail,
QPV, PASS IAE).

The tags are rendered by docxtpl (`generators/clauses.py`) with `autoescape=True` and
`StrictUndefined`; the variables they may use are listed in `docs/generation.md`.
Paragraph-level tags (`{%p ... %}`) and row-level tags (`{%tr ... %}`) are docxtpl's: the
paragraph or table row that holds them disappears from the output.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from generators.clauses import TEMPLATE_FILES

HERE = Path(__file__).resolve().parent.parent / "clause_templates"
FONT = "Arial"
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
HEADER_FILL = "DCE4EE"
FIXED_DATE = datetime(2026, 1, 1, 0, 0, 0)
BLANK = "…………………………………"


# ------------------------------------------------------------------ document helpers


class Builder:
    """A python-docx document with the house style: A4, Arial, French language,
    header with the buyer and the reference, footer with page X sur Y."""

    def __init__(self, footer_label: str, landscape: bool = False) -> None:
        self.doc = Document()
        self._styles()
        section = self.doc.sections[0]
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        else:
            section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin = Cm(2.0)
        section.bottom_margin = Cm(2.0)
        header = section.header.paragraphs[0]
        header.text = "{{ acheteur }} – Consultation n° {{ reference }}"
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run(f"{footer_label} – page ")
        _add_field(footer, "PAGE")
        footer.add_run(" sur ")
        _add_field(footer, "NUMPAGES")
        for paragraph in (header, footer):
            for run in paragraph.runs:
                run.font.size = Pt(8)
                run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        props = self.doc.core_properties
        props.author = "Clausier"
        props.last_modified_by = "Clausier"
        props.language = "fr-FR"
        props.created = props.modified = FIXED_DATE
        props.revision = 1
        # python-docx starts with one empty paragraph; drop it so the title comes first.
        body = self.doc.element.body
        for p in list(body.iterchildren(qn("w:p"))):
            body.remove(p)

    def _styles(self) -> None:
        styles = self.doc.styles
        # French language and the house font for every run (document defaults).
        rpr_default = self.doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
        rpr = rpr_default.find(qn("w:rPr"))
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), "fr-FR")
        lang.set(qn("w:eastAsia"), "fr-FR")
        lang.set(qn("w:bidi"), "ar-SA")

        def font(style_name: str, size: float, bold: bool | None = None, color=None) -> None:
            style = styles[style_name]
            style.font.name = FONT
            style.font.size = Pt(size)
            if bold is not None:
                style.font.bold = bold
            if color is not None:
                style.font.color.rgb = color
            # Theme fonts win over w:ascii in Word: remove them.
            rfonts = style.element.rPr.find(qn("w:rFonts"))
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                rfonts.attrib.pop(qn(attr), None)
            rfonts.set(qn("w:cs"), FONT)

        font("Normal", 10)
        normal = styles["Normal"].paragraph_format
        normal.space_after = Pt(6)
        normal.line_spacing = 1.1
        font("Title", 18, bold=True, color=ACCENT)
        font("Subtitle", 12, bold=False, color=ACCENT)
        font("Heading 1", 12.5, bold=True, color=ACCENT)
        font("Heading 2", 10.5, bold=True, color=ACCENT)
        font("List Bullet", 10)
        for name in ("Title", "Subtitle"):
            styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        styles["Title"].paragraph_format.space_after = Pt(4)
        styles["Subtitle"].paragraph_format.space_after = Pt(14)
        styles["Heading 1"].paragraph_format.space_before = Pt(16)
        styles["Heading 1"].paragraph_format.space_after = Pt(8)
        styles["Heading 1"].paragraph_format.keep_with_next = True
        styles["Heading 2"].paragraph_format.space_before = Pt(10)
        styles["Heading 2"].paragraph_format.space_after = Pt(4)
        styles["Heading 2"].paragraph_format.keep_with_next = True
        for name in ("Title", "Heading 1", "Heading 2"):
            # The Title style draws a bottom border in the default template; keep it
            # plain and remove italics the default headings may carry.
            styles[name].font.italic = False

    # -- blocks

    def title(self, text: str, subtitle: str | None = None) -> None:
        self.doc.add_paragraph(text, style="Title")
        if subtitle:
            self.doc.add_paragraph(subtitle, style="Subtitle")

    def centered(self, text: str, bold: bool = False, size: float | None = None) -> None:
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)

    def note(self, text: str) -> None:
        """A reading note for the buyer, in italics and grey."""
        paragraph = self.doc.add_paragraph()
        run = paragraph.add_run(text)
        run.italic = True
        run.font.size = Pt(9)
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)

    def h1(self, text: str) -> None:
        self.doc.add_heading(text, level=1)

    def h2(self, text: str) -> None:
        self.doc.add_heading(text, level=2)

    def p(self, text: str, bold: bool = False, justify: bool = True) -> None:
        paragraph = self.doc.add_paragraph()
        if justify:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        run = paragraph.add_run(text)
        run.bold = bold

    def bullet(self, text: str) -> None:
        paragraph = self.doc.add_paragraph(style="List Bullet")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.add_run(text)

    def tag(self, text: str) -> None:
        """A paragraph holding only a docxtpl paragraph tag ({%p ... %}): removed on render."""
        self.doc.add_paragraph(text)

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]] = (),
        loop: tuple[str, Sequence[str]] | None = None,
        after: Sequence[Sequence[str]] = (),
        widths: Sequence[float] | None = None,
        right: Sequence[int] = (),
        bold_after: bool = True,
        row_height: float | None = None,
        font_size: float = 9.5,
    ) -> None:
        """A bordered table: a shaded header row repeated on each page, fixed rows,
        an optional docxtpl row loop (`loop=("lot in lots", cells)`), then rows after it
        (a total, in bold)."""
        n = len(headers)
        table = self.doc.add_table(rows=0, cols=n)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER

        def add_row(cells: Sequence[str], header=False, bold=False, height=None):
            row = table.add_row()
            if height:
                row.height = Cm(height)
            for index, text in enumerate(cells):
                cell = row.cells[index]
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.space_after = Pt(2)
                if index in right and not header:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                run = paragraph.add_run(text)
                run.font.size = Pt(font_size)
                run.bold = header or bold
                if header:
                    _shade(cell, HEADER_FILL)
            if header:
                tr_pr = row._tr.get_or_add_trPr()
                repeat = OxmlElement("w:tblHeader")
                tr_pr.append(repeat)
            return row

        add_row(headers, header=True)
        for cells in rows:
            add_row(cells, height=row_height)
        if loop:
            expression, cells = loop
            add_row([f"{{%tr for {expression} %}}"] + [""] * (n - 1))
            add_row(cells)
            add_row(["{%tr endfor %}"] + [""] * (n - 1))
        for cells in after:
            add_row(cells, bold=bold_after)
        if widths:
            # Word reads the cell widths, LibreOffice the grid: set both.
            table.autofit = False
            for index, width in enumerate(widths):
                table.columns[index].width = Cm(width)
            for row in table.rows:
                for index, width in enumerate(widths):
                    row.cells[index].width = Cm(width)
        # A little air after the table.
        self.doc.add_paragraph()

    def save(self, path: Path) -> Path:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        path.write_bytes(_fixed_zip(buffer.getvalue()))
        return path


def _add_field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) as begin / instruction / separate / value / end."""

    def run_with(element) -> None:
        run = paragraph.add_run()
        run._r.append(element)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run("1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite the package with a fixed date on every member: same script, same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


# ------------------------------------------------------------------ shared wording

# The hours table shared by the RC, the CCAP and the annex.
LOT_CELLS = ["Lot {{ lot.numero }}", "{{ lot.intitule }}", "{{ lot.heures_texte }}"]
PERIOD_SENTENCE = (
    "{% if periode == 'year' %} Pour l'accord-cadre, ces heures sont dues pour chaque année "
    "d'exécution ; pour une période inférieure à un an, elles sont dues au prorata de sa durée."
    "{% elif periode == 'tranche' %} Pour l'accord-cadre, ces heures sont dues pour chaque "
    "tranche de {{ tranche_montant }} HT de commandes émises ; elles sont dues au prorata du "
    "montant effectivement commandé.{% endif %}"
)
NO_CLAUSE_SENTENCE = (
    "Les lots marqués « sans clause » ne comportent pas de clause sociale d'insertion : le "
    "volume d'heures calculé pour eux est trop faible pour permettre un parcours utile."
)


def facilitator_lines(b: Builder) -> None:
    b.bullet("Structure : {{ facilitateur.structure }}")
    b.tag("{%p if facilitateur.nom %}")
    b.bullet("Interlocuteur : {{ facilitateur.nom }}")
    b.tag("{%p endif %}")
    b.tag("{%p if facilitateur.telephone %}")
    b.bullet("Téléphone : {{ facilitateur.telephone }}")
    b.tag("{%p endif %}")
    b.tag("{%p if facilitateur.courriel %}")
    b.bullet("Courriel : {{ facilitateur.courriel }}")
    b.tag("{%p endif %}")
    b.tag("{%p if facilitateur.site %}")
    b.bullet("Site internet : {{ facilitateur.site }}")
    b.tag("{%p endif %}")


def identity_block(b: Builder) -> None:
    b.centered("{{ objet }}", bold=True, size=11)
    b.centered("Consultation n° {{ reference }} – {{ procedure }}")
    b.centered("Acheteur : {{ acheteur }}")


# ------------------------------------------------------------------ 1. RC


def build_rc(path: Path) -> Path:
    b = Builder("Règlement de la consultation – clause sociale d'insertion")
    b.title("Règlement de la consultation", "Article relatif à la clause sociale d'insertion")
    identity_block(b)
    b.note(
        "Article à reprendre dans le règlement de la consultation ; sa numérotation est à "
        "adapter à celle du règlement."
    )
    a = "{{ article_rc }}"
    b.h1(f"Article {a} – Conditions particulières d'exécution – clause sociale d'insertion")

    b.h2(f"{a}.1 – Une condition d'exécution du marché")
    b.p(
        "Le marché comporte une clause sociale d'insertion. Cette clause est une condition "
        "d'exécution au sens de l'article L2112-2 du code de la commande publique : le "
        "titulaire de chaque lot concerné consacre, pendant l'exécution, un volume minimal "
        "d'heures de travail à l'insertion professionnelle de personnes qui rencontrent des "
        "difficultés sociales ou professionnelles particulières."
    )
    b.tag("{%p if obligation_sociale %}")
    b.p(
        "La valeur estimée du besoin atteint le seuil européen applicable et la consultation "
        "est engagée à compter du 21 août 2026 : la clause répond aussi à l'obligation "
        "d'inclure une condition d'exécution relative au domaine social ou à l'emploi "
        "(article L2112-2-1 du code de la commande publique)."
    )
    b.tag("{%p endif %}")
    b.p(
        "La clause ne sert ni à sélectionner les candidatures ni à juger les offres : elle "
        "n'est pas notée et s'impose de la même façon à tous les candidats. Ses conditions "
        "sont détaillées à l'article {{ article_ccap }} du cahier des clauses administratives "
        "particulières (CCAP)."
    )

    b.h2(f"{a}.2 – Lots concernés et volume d'heures d'insertion")
    b.p("Le volume minimal d'heures d'insertion de chaque lot est le suivant." + PERIOD_SENTENCE)
    b.table(
        ["Lot", "Intitulé", "{{ colonne_heures }}"],
        loop=("lot in lots", LOT_CELLS),
        after=[["Total", "", "{{ total_texte }}"]],
        widths=[2.5, 9.5, 4.6],
        right=(2,),
    )
    b.tag("{%p if lots_sans_clause %}")
    b.p(NO_CLAUSE_SENTENCE)
    b.tag("{%p endif %}")

    b.h2(f"{a}.3 – Ce que le candidat remet au titre de la clause")
    b.p(
        "Au stade de l'offre, aucun document propre à la clause n'est demandé, en dehors de "
        "l'acte d'engagement signé et de l'engagement relatif à la clause sociale "
        "d'insertion qui l'accompagne, complété pour chaque lot concerné. Le candidat ne "
        "choisit pas encore ses moyens : l'embauche directe, la mise à disposition de "
        "personnel, la sous-traitance ou la cotraitance avec une structure d'insertion ou "
        "du secteur adapté, ou l'alternance sont arrêtées avec le facilitateur après la "
        "notification."
    )

    b.h2(f"{a}.4 – Questions des candidats sur la clause")
    b.p(
        "Pendant la consultation, les candidats peuvent interroger le facilitateur de la "
        "clause sociale sur le dispositif, les publics concernés et les structures "
        "partenaires du territoire :"
    )
    facilitator_lines(b)
    b.p(
        "Ces échanges n'ont aucune incidence sur le jugement des offres. Les questions sur la "
        "procédure elle-même sont adressées à l'acheteur selon les modalités prévues par le "
        "présent règlement."
    )
    return b.save(path)


# ------------------------------------------------------------------ 2. CCAP


def build_ccap(path: Path) -> Path:
    b = Builder("CCAP – clause sociale d'insertion")
    b.title(
        "Cahier des clauses administratives particulières",
        "Article relatif à la clause sociale d'insertion",
    )
    identity_block(b)
    b.note(
        "Article à reprendre dans le CCAP de la consultation ; sa numérotation est à adapter "
        "à celle du CCAP."
    )
    a = "{{ article_ccap }}"
    b.h1(f"Article {a} – Clause sociale d'insertion")

    b.h2(f"{a}.1 – Objet et fondement juridique")
    b.p(
        "Le présent article fixe la condition d'exécution à caractère social du marché, "
        "prévue par l'article L2112-2 du code de la commande publique. Le titulaire de chaque "
        "lot concerné réserve à l'insertion professionnelle de personnes éloignées de "
        "l'emploi un volume minimal d'heures de travail, fixé à l'article {a}.4. Ce volume est "
        "un minimum : le titulaire peut le dépasser.".replace("{a}", a)
    )
    b.tag("{%p if obligation_sociale %}")
    b.p(
        "La valeur estimée du besoin atteignant le seuil européen applicable et la "
        "consultation étant engagée à compter du 21 août 2026, la présente clause constitue "
        "également la condition d'exécution relative au domaine social ou à l'emploi exigée "
        "par l'article L2112-2-1 du code de la commande publique."
    )
    b.tag("{%p endif %}")
    b.tag("{%p if ccag_article %}")
    b.p(
        "Il complète l'article {{ ccag_article }} du {{ ccag_nom }} ({{ ccag_intitule }}, "
        "approuvé par l'arrêté du 30 mars 2021), en fixant ce que cet article laisse aux "
        "documents particuliers du marché : le périmètre de l'action, les publics concernés, "
        "le nombre d'heures à la charge du titulaire et les coordonnées du facilitateur."
    )
    b.tag("{%p else %}")
    b.p(
        "Le {{ ccag_nom }} ({{ ccag_intitule }}, approuvé par l'arrêté du 30 mars 2021) ne "
        "comportant pas d'article consacré à l'insertion, le présent article fixe seul les "
        "obligations du titulaire en la matière."
    )
    b.tag("{%p endif %}")

    b.h2(f"{a}.2 – Publics éligibles")
    b.p(
        "Les heures comptées sont celles des personnes rencontrant des difficultés sociales "
        "ou professionnelles particulières d'accès à l'emploi, et notamment :"
    )
    for line in (
        "les demandeurs d'emploi de longue durée, inscrits à France Travail depuis plus de "
        "douze mois ;",
        "les bénéficiaires du revenu de solidarité active (RSA), de l'allocation de "
        "solidarité spécifique (ASS) ou de l'allocation aux adultes handicapés (AAH) ;",
        "les personnes bénéficiant de la reconnaissance de la qualité de travailleur "
        "handicapé (RQTH) ou relevant de l'article L5212-13 du code du travail ;",
        "les jeunes de moins de 26 ans à la recherche d'un emploi, en particulier lorsqu'ils "
        "sont sans qualification ou suivis par une mission locale ;",
        "les demandeurs d'emploi âgés de 50 ans et plus ;",
        "les habitants d'un quartier prioritaire de la politique de la ville (QPV) ;",
        "les personnes titulaires d'un PASS IAE, délivré par la plateforme de l'inclusion, "
        "et les salariés en parcours dans une structure d'insertion par l'activité "
        "économique (SIAE : entreprise d'insertion, entreprise de travail temporaire "
        "d'insertion, association intermédiaire, atelier et chantier d'insertion) ;",
        "les travailleurs handicapés employés par une entreprise adaptée (EA) ou accueillis "
        "dans un établissement ou service d'accompagnement par le travail (ESAT) ;",
        "les personnes en parcours dans un groupement d'employeurs pour l'insertion et la "
        "qualification (GEIQ), un établissement pour l'insertion dans l'emploi (EPIDE) ou une "
        "école de la deuxième chance (E2C) ;",
        "toute autre personne rencontrant des difficultés particulières d'accès à l'emploi, "
        "sur avis motivé d'un prescripteur (France Travail, mission locale, Cap emploi, plan "
        "local pour l'insertion et l'emploi, conseil départemental).",
    ):
        b.bullet(line)
    b.p(
        "Le facilitateur désigné à l'article {a}.5 vérifie et valide l'éligibilité de chaque "
        "personne avant sa prise de poste ; seules les heures des personnes ainsi validées "
        "sont comptées. Le titulaire lui remet les pièces qui établissent cette "
        "éligibilité.".replace("{a}", a)
    )

    b.h2(f"{a}.3 – Modalités de mise en œuvre")
    b.p(
        "Le titulaire choisit librement, seul ou en les combinant, les moyens de réaliser les "
        "heures d'insertion :"
    )
    for line in (
        "l'embauche directe de personnes éligibles par le titulaire, ses cotraitants ou ses "
        "sous-traitants (contrat à durée indéterminée, contrat à durée déterminée, contrat de "
        "chantier ou d'opération) ;",
        "la mise à disposition de salariés en insertion par une entreprise de travail "
        "temporaire d'insertion (ETTI), une association intermédiaire (AI) ou un groupement "
        "d'employeurs pour l'insertion et la qualification (GEIQ), ou le recours à une "
        "entreprise de travail temporaire qui délègue une personne éligible ;",
        "la sous-traitance ou la cotraitance d'une partie des prestations avec une SIAE, une "
        "entreprise adaptée (EA) ou un ESAT ; les heures comptées sont alors celles des "
        "salariés en insertion ou en situation de handicap affectés à la part confiée ;",
        "la conclusion d'un contrat d'apprentissage ou de professionnalisation avec une "
        "personne éligible.",
    ):
        b.bullet(line)
    b.p(
        "Le titulaire fait connaître son choix au facilitateur au moyen de la fiche de liaison "
        "de l'annexe « clause sociale d'insertion », dans les conditions de l'article "
        "{a}.6.".replace("{a}", a)
    )

    b.h2(f"{a}.4 – Volume d'heures d'insertion par lot")
    b.p(
        "Le volume minimal d'heures d'insertion à la charge du titulaire est fixé comme suit "
        "pour chaque lot." + PERIOD_SENTENCE
    )
    b.table(
        ["Lot", "Intitulé", "{{ colonne_heures }}"],
        loop=("lot in lots", LOT_CELLS),
        after=[["Total", "", "{{ total_texte }}"]],
        widths=[2.5, 9.5, 4.6],
        right=(2,),
    )
    b.tag("{%p if lots_sans_clause %}")
    b.p(NO_CLAUSE_SENTENCE)
    b.tag("{%p endif %}")
    b.p(
        "Ce volume a été estimé à partir du montant prévisionnel de chaque lot, de la part de "
        "main-d'œuvre propre à son métier, d'un taux d'insertion de {{ profil.taux_insertion }} "
        "et d'un coût horaire moyen de {{ profil.cout_horaire }}. En cas de modification du "
        "montant du marché, le volume d'heures est ajusté dans la même proportion par la "
        "modification qui constate ce changement."
    )

    b.h2(f"{a}.5 – Facilitateur de la clause sociale")
    b.p("Le suivi de la clause est confié au facilitateur suivant :")
    facilitator_lines(b)
    b.p(
        "Le facilitateur informe le titulaire sur le dispositif, l'aide à repérer des "
        "candidats et des structures partenaires (SIAE, EA, ESAT, GEIQ), valide l'éligibilité "
        "des personnes, suit les heures réalisées et en rend compte à l'acheteur. Le "
        "titulaire reste libre de ses recrutements. Dès la notification, il désigne un "
        "correspondant chargé de la clause et en communique les coordonnées au facilitateur."
    )

    b.h2(f"{a}.6 – Contrôle et suivi de l'exécution")
    for line in (
        "Dans les quinze jours qui suivent la notification du marché{% if accord_cadre %} "
        "(ou, pour un accord-cadre, du premier bon de commande){% endif %}, le titulaire "
        "remet au facilitateur la "
        "fiche de liaison de l'annexe « clause sociale d'insertion » : moyens retenus, "
        "correspondant, calendrier prévisionnel des recrutements. Une réunion de lancement "
        "peut réunir l'acheteur, le facilitateur et le titulaire.",
        "Chaque mois, au plus tard le dixième jour du mois suivant, le titulaire transmet au "
        "facilitateur le tableau de suivi des heures (modèle en annexe), complété pour "
        "chaque personne : identité, critère d'éligibilité, type de contrat, dates de début "
        "et de fin, heures réalisées dans le mois et depuis le début.",
        "Il joint à ce tableau, ou tient à la disposition du facilitateur et de l'acheteur, "
        "les justificatifs correspondants : contrats de travail ou de mission, relevés "
        "d'heures ou bulletins de paie, factures des ETTI, AI, GEIQ, SIAE, EA ou ESAT, "
        "contrats de sous-traitance ou de cotraitance.",
        "Le titulaire signale sans délai au facilitateur et à l'acheteur toute difficulté "
        "qui compromet la réalisation des heures ; il remplace, avec l'aide du facilitateur, "
        "toute personne dont le contrat prend fin avant le terme prévu.",
        "À la fin de l'exécution{% if periode == 'year' %} et à la fin de chaque année "
        "d'exécution{% endif %}, le facilitateur dresse le bilan des heures réalisées et le "
        "transmet à l'acheteur avant le règlement du solde. Il peut remettre au titulaire une "
        "attestation de réalisation.",
    ):
        b.bullet(line)

    b.h2(f"{a}.7 – Pénalités")
    b.p(
        "Lorsque les heures réalisées et validées par le facilitateur sont inférieures au "
        "volume dû, le titulaire encourt, après une mise en demeure restée sans effet, une "
        "pénalité par heure d'insertion non réalisée fixée à : "
        "{{ penalites.heure_non_realisee }}. Le titulaire en est exonéré lorsque le "
        "manquement résulte d'une cause qu'il ne maîtrise pas, justifiée par lui et constatée "
        "par le facilitateur."
    )
    b.tag("{%p if penalites.retard_justificatifs %}")
    b.p(
        "Tout retard dans la remise du tableau de suivi mensuel ou des justificatifs prévus à "
        "l'article {a}.6 entraîne une pénalité de {{ penalites.retard_justificatifs }} par "
        "jour calendaire de retard, à compter de la date limite de remise.".replace("{a}", a)
    )
    b.tag("{%p endif %}")

    b.h2(f"{a}.8 – Globalisation des heures et sous-traitance")
    b.p(
        "Avec l'accord de l'acheteur et sur proposition du facilitateur, les heures dues au "
        "titre du marché peuvent être globalisées avec celles d'autres marchés du même "
        "acheteur, afin d'offrir à une même personne un parcours plus long et plus "
        "qualifiant. Les heures sont alors comptées pour chaque marché à hauteur de la part "
        "qui lui revient."
    )
    b.p(
        "Le titulaire peut confier une partie des heures à ses cotraitants ou sous-traitants ; "
        "il en reste seul responsable envers l'acheteur."
    )
    return b.save(path)


# ------------------------------------------------------------------ 3. AE


def build_ae(path: Path) -> Path:
    b = Builder("Engagement relatif à la clause sociale d'insertion")
    b.title("Acte d'engagement", "Engagement relatif à la clause sociale d'insertion")
    identity_block(b)
    b.centered(
        "Lot {{ lot.numero }}{% if lot.intitule %} – {{ lot.intitule }}{% endif %}",
        bold=True,
        size=12,
    )
    b.note("Document à joindre à l'acte d'engagement du lot, complété et signé par le candidat.")

    b.h1("Article 1 – Identification du candidat")
    b.table(
        ["Rubrique", "À compléter par le candidat"],
        rows=[
            ["Dénomination sociale", ""],
            ["Adresse", ""],
            ["Numéro SIRET", ""],
            ["En cas de groupement : mandataire et membres", ""],
        ],
        widths=[6.0, 10.6],
        row_height=0.8,
    )

    b.h1("Article 2 – Engagement du candidat")
    b.p(
        "Le candidat soussigné s'engage, s'il devient titulaire du lot {{ lot.numero }}, à "
        "réserver à l'insertion professionnelle de personnes éloignées de l'emploi un volume "
        "minimal d'heures de travail de :"
    )
    b.centered("{{ lot.heures_texte }}", bold=True, size=14)
    b.p(
        "Cet engagement est une condition d'exécution du marché (article L2112-2 du code de "
        "la commande publique). Il est exécuté dans les conditions de l'article "
        "{{ article_ccap }} du CCAP, que le candidat déclare connaître et accepter. Le "
        "candidat en reste seul responsable, y compris pour les heures qu'il confie à ses "
        "cotraitants ou sous-traitants." + PERIOD_SENTENCE
    )
    b.p(
        "Le candidat peut se renseigner auprès du facilitateur de la clause sociale : "
        "{{ facilitateur.structure }}{% if facilitateur.nom %}, {{ facilitateur.nom }}{% endif %}"
        "{% if facilitateur.telephone %}, {{ facilitateur.telephone }}{% endif %}"
        "{% if facilitateur.courriel %}, {{ facilitateur.courriel }}{% endif %}."
    )

    b.h1("Article 3 – Signature")
    b.table(
        ["Lieu et date", "Signature"],
        rows=[
            [
                f"Fait à : {BLANK}\n\nLe : {BLANK}\n\nNom, prénom et qualité du signataire :\n"
                f"{BLANK}",
                "Signature du représentant habilité à engager le candidat, précédée de la "
                "mention « lu et approuvé », et cachet de l'entreprise :",
            ]
        ],
        widths=[8.3, 8.3],
        row_height=4.5,
    )
    return b.save(path)


# ------------------------------------------------------------------ 4. Annex


def build_annexe(path: Path) -> Path:
    b = Builder("Annexe – clause sociale d'insertion")
    b.title("Annexe – Clause sociale d'insertion", "Fiche de liaison et tableau de suivi")
    identity_block(b)
    b.note(
        "Annexe au CCAP (article {{ article_ccap }}). La partie 2 est complétée par le titulaire "
        "après la notification ; le tableau de la partie 4 est transmis chaque mois au "
        "facilitateur."
    )

    b.h1("1 – Lots et heures d'insertion")
    b.p("Volume minimal d'heures d'insertion par lot." + PERIOD_SENTENCE)
    b.table(
        ["Lot", "Intitulé", "{{ colonne_heures }}"],
        loop=("lot in lots", LOT_CELLS),
        after=[["Total", "", "{{ total_texte }}"]],
        widths=[2.5, 9.5, 4.6],
        right=(2,),
    )

    b.h1("2 – Moyens retenus par le titulaire")
    b.p(f"Lot n° : {BLANK}    Titulaire : {BLANK}", justify=False)
    b.p("Cocher le ou les moyens retenus :", justify=False)
    for line in (
        "☐ Embauche directe de personnes éligibles (CDI, CDD, contrat de chantier ou d'opération)",
        "☐ Mise à disposition par une ETTI, une association intermédiaire (AI) ou un GEIQ",
        "☐ Mise à disposition par une entreprise de travail temporaire d'une personne éligible",
        "☐ Sous-traitance ou cotraitance avec une SIAE, une entreprise adaptée (EA) ou un ESAT",
        "☐ Contrat d'apprentissage ou de professionnalisation",
        f"☐ Autre moyen accepté par le facilitateur : {BLANK}",
    ):
        b.p(line, justify=False)
    b.p("Calendrier prévisionnel des recrutements :", justify=False)
    b.p(BLANK * 3, justify=False)

    b.h1("3 – Contacts")
    b.table(
        ["Rôle", "Structure", "Interlocuteur", "Téléphone", "Courriel"],
        rows=[
            [
                "Facilitateur",
                "{{ facilitateur.structure }}",
                "{{ facilitateur.nom }}",
                "{{ facilitateur.telephone }}",
                "{{ facilitateur.courriel }}",
            ],
            ["Acheteur", "{{ acheteur }}", "", "", ""],
            ["Correspondant du titulaire", "", "", "", ""],
        ],
        widths=[3.2, 4.0, 3.2, 2.6, 3.6],
        row_height=0.8,
        font_size=9,
    )

    b.h1("4 – Tableau de suivi mensuel (modèle)")
    b.p(
        "Une ligne par personne. Tableau transmis au facilitateur au plus tard le dixième "
        f"jour du mois suivant. Lot n° : {BLANK}    Mois : {BLANK}",
        justify=False,
    )
    b.table(
        [
            "Participant (nom, prénom)",
            "Critère d'éligibilité",
            "Validé par le facilitateur le",
            "Moyen et type de contrat",
            "Début et fin",
            "Heures du mois",
            "Heures cumulées",
        ],
        # Seven columns wide enough for their headers on a portrait page: with eight, Word
        # broke « Heures » into « Heure s ».
        rows=[[""] * 7 for _ in range(8)],
        widths=[3.0, 2.4, 2.2, 2.5, 2.3, 2.0, 2.2],
        row_height=0.7,
        font_size=8,
    )
    return b.save(path)


BUILDERS = {
    "rc": build_rc,
    "ccap": build_ccap,
    "ae": build_ae,
    "annexe": build_annexe,
}


def build_all(directory: Path = HERE) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    return [BUILDERS[key](directory / name) for key, name in TEMPLATE_FILES.items()]


if __name__ == "__main__":
    for written in build_all():
        print(written)
