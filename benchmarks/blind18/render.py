"""Low-level writers for the second blind corpus (docx, pdf, odt, xlsx, png, scanned pdf).

A document is a `Doc`: a title and a list of blocks
    ("h", level, number, text)   heading (number: "9", "9.2" or None)
    ("p", text)                  paragraph
    ("li", text)                 bullet item
    ("t", rows)                  table (rows of strings; first row = header)
Written for this corpus only; no text lives here."""

from __future__ import annotations

import copy
import datetime as dt
import random
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_TIME = dt.datetime(2026, 6, 1, 9, 0, 0)


@dataclass
class Doc:
    title: str
    blocks: list = field(default_factory=list)
    hstyle: str = "article_dash"  # how level-1 headings are numbered in the text
    h2style: str = "dot"
    autonum: bool = False  # docx: Word automatic numbering (numbering.xml)
    tracked: list = field(default_factory=list)  # (block index, inserted, deleted)
    comments: list = field(default_factory=list)  # (block index, comment text)
    author: str = "Service marchés"
    subtitle: str = ""

    def h(self, level, num, text):
        self.blocks.append(("h", level, num, text))

    def p(self, text):
        self.blocks.append(("p", text))

    def li(self, text):
        self.blocks.append(("li", text))

    def t(self, rows):
        self.blocks.append(("t", [list(map(str, r)) for r in rows]))

    def heading_text(self, level, num, text):
        if num is None:
            return text
        if level == 1:
            return {
                "article_dash": f"Article {num} – {text}",
                "ARTICLE_colon": f"ARTICLE {num} : {text.upper()}",
                "art_dot": f"Art. {num}. {text}",
                "bare": f"{num}. {text.upper()}",
                "chap": f"Article {num} - {text}",
            }[self.hstyle]
        return {"dot": f"{num} {text}", "dash": f"{num} – {text}", "paren": f"{num}) {text}"}[self.h2style]

    def plain_lines(self):
        out = [self.title]
        if self.subtitle:
            out.append(self.subtitle)
        for b in self.blocks:
            if b[0] == "h":
                out.append(self.heading_text(b[1], b[2], b[3]))
            elif b[0] in ("p", "li"):
                out.append(b[1])
            elif b[0] == "t":
                out.extend(" | ".join(r) for r in b[1])
        return out

    def text(self):
        lines = self.plain_lines()
        for _i, ins, _dele in self.tracked:
            lines.append(ins)
        return "\n".join(lines)


# ---------------------------------------------------------------- docx
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _q(tag):
    return "{%s}%s" % (W, tag)


def _add_autonum(document, hstyle):
    from docx.oxml import parse_xml

    lvl0 = {"article_dash": "Article %1 –", "ARTICLE_colon": "ARTICLE %1 :", "art_dot": "Art. %1.",
            "bare": "%1.", "chap": "Article %1 -"}[hstyle]
    numbering = document.part.numbering_part.element
    xml = (
        f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="77">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{lvl0}"/><w:lvlJc w:val="left"/><w:pStyle w:val="Heading1"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/><w:pStyle w:val="Heading2"/></w:lvl>'
        "</w:abstractNum>"
    )
    absn = parse_xml(xml)
    first_num = numbering.find(_q("num"))
    if first_num is not None:
        first_num.addprevious(absn)
    else:
        numbering.append(absn)
    num = parse_xml(f'<w:num xmlns:w="{W}" w:numId="77"><w:abstractNumId w:val="77"/></w:num>')
    numbering.append(num)
    return "77"


def _set_numpr(paragraph, num_id, ilvl):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    il = OxmlElement("w:ilvl")
    il.set(qn("w:val"), str(ilvl))
    ni = OxmlElement("w:numId")
    ni.set(qn("w:val"), num_id)
    numpr.append(il)
    numpr.append(ni)
    ppr.insert(0, numpr)


def _tracked_run(paragraph, ins, dele, author):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    when = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    if dele:
        d = OxmlElement("w:del")
        d.set(qn("w:id"), "901")
        d.set(qn("w:author"), author)
        d.set(qn("w:date"), when)
        r = OxmlElement("w:r")
        t = OxmlElement("w:delText")
        t.set(qn("xml:space"), "preserve")
        t.text = dele
        r.append(t)
        d.append(r)
        paragraph._p.append(d)
    if ins:
        i = OxmlElement("w:ins")
        i.set(qn("w:id"), "902")
        i.set(qn("w:author"), author)
        i.set(qn("w:date"), when)
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = ins
        r.append(t)
        i.append(r)
        paragraph._p.append(i)


def render_docx(doc: Doc, path: Path):
    import docx
    from docx.shared import Pt

    d = docx.Document()
    cp = d.core_properties
    cp.author = doc.author
    cp.last_modified_by = doc.author
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.revision = 1
    cp.title = doc.title
    st = d.styles["Normal"]
    st.font.name = "Calibri"
    st.font.size = Pt(10.5)
    num_id = _add_autonum(d, doc.hstyle) if doc.autonum else None
    d.add_heading(doc.title, level=0)
    if doc.subtitle:
        d.add_paragraph(doc.subtitle)
    tracked = {i: (a, b) for i, a, b in doc.tracked}
    comments = {i: c for i, c in doc.comments}
    for idx, b in enumerate(doc.blocks):
        par = None
        if b[0] == "h":
            _, level, num, text = b
            if num_id and num is not None:
                par = d.add_heading(text if level > 1 else text, level=min(level, 3))
                _set_numpr(par, num_id, level - 1)
            else:
                par = d.add_heading(doc.heading_text(level, num, text), level=min(level, 3))
        elif b[0] == "p":
            par = d.add_paragraph(b[1])
        elif b[0] == "li":
            par = d.add_paragraph(b[1], style="List Bullet")
        elif b[0] == "t":
            rows = b[1]
            tab = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            tab.style = "Table Grid"
            for i, r in enumerate(rows):
                for j, c in enumerate(r):
                    tab.cell(i, j).text = c
        if par is not None and idx in tracked:
            _tracked_run(par, tracked[idx][0], tracked[idx][1], doc.author)
        if par is not None and idx in comments:
            d.add_comment(par.runs, text=comments[idx], author="Relecteur", initials="RL")
    d.save(str(path))


# ---------------------------------------------------------------- pdf (fpdf2)
def _pdf_new(doc: Doc):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_title(doc.title)
    pdf.set_author(doc.author)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(18, 18, 18)
    pdf.add_page()
    return pdf


def _pdf_body(pdf, doc: Doc):
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, doc.title, new_x="LMARGIN", new_y="NEXT", align="C")
    if doc.subtitle:
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(0, 6, doc.subtitle, new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.ln(4)
    for b in doc.blocks:
        if b[0] == "h":
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 12 if b[1] == 1 else 10.5)
            pdf.multi_cell(0, 6, doc.heading_text(b[1], b[2], b[3]), new_x="LMARGIN", new_y="NEXT")
        elif b[0] == "p":
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5, b[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif b[0] == "li":
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5, "• " + b[1], new_x="LMARGIN", new_y="NEXT")
        elif b[0] == "t":
            pdf.set_font("DejaVu", "", 9)
            with pdf.table(first_row_as_headings=True, line_height=5) as table:
                for r in b[1]:
                    row = table.row()
                    for c in r:
                        row.cell(c)
            pdf.ln(2)


def render_pdf(doc: Doc, path: Path, password: str | None = None):
    pdf = _pdf_new(doc)
    if password:
        pdf.set_encryption(owner_password=password + "-owner", user_password=password)
    _pdf_body(pdf, doc)
    pdf.output(str(path))


def _wrap(text, width):
    words, lines, cur = text.split(), [], ""
    for w in words:
        if len(cur) + len(w) + 1 > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w).strip()
    if cur:
        lines.append(cur)
    return lines or [""]


def render_scanned_pdf(doc: Doc, path: Path, seed=0):
    """Image-only PDF: every page a grey-ish bitmap of the text, no text layer."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = random.Random(seed)
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif.ttf"), 22)
    lines = []
    for ln in doc.plain_lines():
        lines.extend(_wrap(ln, 78))
        lines.append("")
    per_page = 52
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[""]]
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    tmp = Path(tempfile.mkdtemp())
    for n, pl in enumerate(pages):
        img = Image.new("L", (1240, 1754), 246)
        dr = ImageDraw.Draw(img)
        y = 90
        for ln in pl:
            dr.text((100 + rng.randint(-2, 2), y), ln, fill=rng.randint(20, 50), font=font)
            y += 30
        for _ in range(400):
            dr.point((rng.randint(0, 1239), rng.randint(0, 1753)), fill=rng.randint(120, 200))
        img = img.rotate(rng.uniform(-0.7, 0.7), fillcolor=246).filter(ImageFilter.SMOOTH)
        f = tmp / f"p{n}.png"
        img.save(f)
        pdf.add_page()
        pdf.image(str(f), x=0, y=0, w=210, h=297)
    pdf.output(str(path))
    shutil.rmtree(tmp, ignore_errors=True)


def soffice_pdf(doc: Doc, path: Path):
    """Word document converted to PDF by LibreOffice (fpdf2 fallback when soffice fails)."""
    if shutil.which("soffice"):
        tmp = Path(tempfile.mkdtemp())
        src = tmp / (path.stem + ".docx")
        render_docx(doc, src)
        try:
            subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                            "--convert-to", "pdf", "--outdir", str(tmp), str(src)],
                           capture_output=True, timeout=180, check=False)
        except subprocess.TimeoutExpired:
            pass
        out = tmp / (path.stem + ".pdf")
        if out.exists() and out.stat().st_size > 0:
            shutil.move(str(out), str(path))
            shutil.rmtree(tmp, ignore_errors=True)
            return "soffice"
        shutil.rmtree(tmp, ignore_errors=True)
    render_pdf(doc, path)
    return "fpdf"


# ---------------------------------------------------------------- odt
def render_odt(doc: Doc, path: Path):
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style, TableColumnProperties, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, P

    o = OpenDocumentText()
    o.meta.addElement(__import__("odf.dc", fromlist=["Title"]).Title(text=doc.title))
    hs = {}
    for lvl in (1, 2, 3):
        s = Style(name=f"Heading_20_{lvl}", displayname=f"Heading {lvl}", family="paragraph")
        s.addElement(TextProperties(fontweight="bold", fontsize=f"{15 - 2 * lvl}pt"))
        s.addElement(ParagraphProperties(margintop="0.2cm", marginbottom="0.1cm"))
        o.styles.addElement(s)
        hs[lvl] = s
    tstyle = Style(name="Titre", family="paragraph")
    tstyle.addElement(TextProperties(fontweight="bold", fontsize="16pt"))
    o.styles.addElement(tstyle)
    col = Style(name="col", family="table-column")
    col.addElement(TableColumnProperties(columnwidth="4cm"))
    o.automaticstyles.addElement(col)
    o.text.addElement(P(stylename=tstyle, text=doc.title))
    if doc.subtitle:
        o.text.addElement(P(text=doc.subtitle))
    for n, b in enumerate(doc.blocks):
        if b[0] == "h":
            o.text.addElement(H(outlinelevel=b[1], stylename=hs[min(b[1], 3)],
                                text=doc.heading_text(b[1], b[2], b[3])))
        elif b[0] == "p":
            o.text.addElement(P(text=b[1]))
        elif b[0] == "li":
            lst = List()
            it = ListItem()
            it.addElement(P(text="– " + b[1]))
            lst.addElement(it)
            o.text.addElement(lst)
        elif b[0] == "t":
            rows = b[1]
            ncol = max(len(r) for r in rows)
            tab = Table(name=f"Tableau{n}")
            tab.addElement(TableColumn(numbercolumnsrepeated=ncol, stylename=col))
            for r in rows:
                tr = TableRow()
                for c in r + [""] * (ncol - len(r)):
                    tc = TableCell(valuetype="string")
                    tc.addElement(P(text=c))
                    tr.addElement(tc)
                tab.addElement(tr)
            o.text.addElement(tab)
    o.save(str(path))


# ---------------------------------------------------------------- others
def render_xlsx(sheets, path: Path, title=""):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.properties.creator = "Service marchés"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.title = title
    first = True
    for name, rows in sheets:
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = name[:30]
        for r in rows:
            ws.append(r)
    wb.save(str(path))


def render_plan(path: Path, labels, seed=0):
    from PIL import Image, ImageDraw, ImageFont

    rng = random.Random(seed)
    img = Image.new("RGB", (1400, 990), (255, 255, 255))
    dr = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 20)
    for _ in range(14):
        x, y = rng.randint(40, 1100), rng.randint(40, 800)
        dr.rectangle([x, y, x + rng.randint(80, 260), y + rng.randint(60, 180)], outline=(20, 20, 20), width=3)
    for i, lab in enumerate(labels):
        dr.text((60, 880 + 28 * i - 28 * len(labels) + 28), lab, fill=(0, 0, 0), font=font)
    img.save(str(path))


def damage_truncate(path: Path, keep=0.4):
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def damage_empty(path: Path):
    path.write_bytes(b"")


def deep(o):
    return copy.deepcopy(o)
