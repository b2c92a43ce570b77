"""Low-level writers for the sixth blind corpus (docx, pdf, odt, xlsx, plans, scanned pdf).

Started from benchmarks/blind2/b2lib/render.py (no clause wording lives here) and extended:
bold / underlined paragraph headings, three-level numbering, page breaks, tables whose header
row repeats on every page, tracked paragraphs (text before / deleted / inserted / after),
LibreOffice conversion in one batch with a private profile, vector drawings with a title block,
and zip / PDF normalisation so that builds are byte-reproducible.

A document is a `Doc`: a title and a list of blocks
    ("h", level, number, text)   heading with a style (number: "9", "9.2", "9.2.1" or None)
    ("hb", text)                 heading that is only a bold paragraph
    ("hu", text)                 heading that is only an underlined paragraph
    ("p", text)                  paragraph
    ("li", text)                 bullet item
    ("t", rows)                  table (rows of strings; first row = header, repeated on each page)
    ("pb",)                      page break
    ("tr", before, deleted, inserted, after)   paragraph with a tracked deletion and insertion
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import random
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_TIME = dt.datetime(2026, 6, 1, 9, 0, 0)
ZIP_TIME = (2026, 6, 1, 9, 0, 0)


@dataclass
class Doc:
    title: str
    blocks: list = field(default_factory=list)
    hstyle: str = "article_dash"  # how level-1 headings are numbered in the text
    h2style: str = "dot"
    autonum: bool = False  # docx: Word automatic numbering (numbering.xml)
    comments: list = field(default_factory=list)  # (block index, comment text)
    author: str = "Service marchés"
    subtitle: str = ""

    def h(self, level, num, text):
        self.blocks.append(("h", level, num, text))

    def hb(self, text):
        self.blocks.append(("hb", text))

    def hu(self, text):
        self.blocks.append(("hu", text))

    def p(self, text):
        self.blocks.append(("p", text))

    def li(self, text):
        self.blocks.append(("li", text))

    def t(self, rows):
        self.blocks.append(("t", [list(map(str, r)) for r in rows]))

    def pb(self):
        self.blocks.append(("pb",))

    def tr(self, before, deleted, inserted, after=""):
        self.blocks.append(("tr", before, deleted, inserted, after))

    def extend(self, blocks):
        self.blocks.extend(blocks)

    def heading_text(self, level, num, text):
        if num is None:
            return text
        if level == 1:
            return {
                "article_dash": f"Article {num} – {text}",
                "ARTICLE_colon": f"ARTICLE {num} : {text.upper()}",
                "art_short": f"Art. {num} – {text}",
                "bare": f"{num}. {text.upper()}",
                "chap": f"Article {num} - {text}",
                "caps": f"ARTICLE {num} – {text.upper()}",
            }[self.hstyle]
        return {"dot": f"{num} {text}", "dash": f"{num} – {text}", "paren": f"{num}) {text}",
                "article": f"Article {num} – {text}"}[self.h2style]

    def plain_lines(self):
        out = [self.title]
        if self.subtitle:
            out.append(self.subtitle)
        for b in self.blocks:
            if b[0] == "h":
                out.append(self.heading_text(b[1], b[2], b[3]))
            elif b[0] in ("p", "li", "hb", "hu"):
                out.append(b[1])
            elif b[0] == "t":
                out.extend(" | ".join(r) for r in b[1])
            elif b[0] == "tr":
                out.append(b[1] + b[3] + b[4])
        return out

    def text(self):
        """The accepted text (tracked deletions left out, insertions kept)."""
        return "\n".join(self.plain_lines())

    def deleted_text(self):
        return "\n".join(b[2] for b in self.blocks if b[0] == "tr")


# ---------------------------------------------------------------- docx
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _q(tag):
    return "{%s}%s" % (W, tag)


def _add_autonum(document, hstyle):
    from docx.oxml import parse_xml

    lvl0 = {"article_dash": "Article %1 –", "ARTICLE_colon": "ARTICLE %1 :", "art_short": "Art. %1 –",
            "bare": "%1.", "chap": "Article %1 -", "caps": "ARTICLE %1 –"}[hstyle]
    numbering = document.part.numbering_part.element
    xml = (
        f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="61">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{lvl0}"/><w:lvlJc w:val="left"/><w:pStyle w:val="Heading1"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/><w:pStyle w:val="Heading2"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1.%2.%3"/><w:lvlJc w:val="left"/><w:pStyle w:val="Heading3"/></w:lvl>'
        "</w:abstractNum>"
    )
    absn = parse_xml(xml)
    first_num = numbering.find(_q("num"))
    if first_num is not None:
        first_num.addprevious(absn)
    else:
        numbering.append(absn)
    num = parse_xml(f'<w:num xmlns:w="{W}" w:numId="61"><w:abstractNumId w:val="61"/></w:num>')
    numbering.append(num)
    return "61"


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


def _tracked(paragraph, kind, text, author, rid):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    when = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    d = OxmlElement("w:del" if kind == "del" else "w:ins")
    d.set(qn("w:id"), str(rid))
    d.set(qn("w:author"), author)
    d.set(qn("w:date"), when)
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText" if kind == "del" else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    d.append(r)
    paragraph._p.append(d)


def _repeat_header(table):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr = table.rows[0]._tr
    trpr = tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader")
    h.set(qn("w:val"), "true")
    trpr.append(h)


def render_docx(doc: Doc, path: Path):
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    d = docx.Document()
    cp = d.core_properties
    cp.author = doc.author
    cp.last_modified_by = doc.author
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.revision = 1
    cp.title = doc.title
    from docx.shared import Mm
    for sec in d.sections:
        sec.page_width, sec.page_height = Mm(210), Mm(297)
    st = d.styles["Normal"]
    st.font.name = "Calibri"
    st.font.size = Pt(10.5)
    num_id = _add_autonum(d, doc.hstyle) if doc.autonum else None
    d.add_heading(doc.title, level=0)
    if doc.subtitle:
        d.add_paragraph(doc.subtitle)
    comments = {i: c for i, c in doc.comments}
    rid = 700
    for idx, b in enumerate(doc.blocks):
        par = None
        if b[0] == "h":
            _, level, num, text = b
            if num_id and num is not None:
                par = d.add_heading(text, level=min(level, 3))
                _set_numpr(par, num_id, min(level, 3) - 1)
            else:
                par = d.add_heading(doc.heading_text(level, num, text), level=min(level, 3))
        elif b[0] == "hb":
            par = d.add_paragraph()
            par.add_run(b[1]).bold = True
        elif b[0] == "hu":
            par = d.add_paragraph()
            par.add_run(b[1]).underline = True
        elif b[0] == "p":
            par = d.add_paragraph(b[1])
        elif b[0] == "li":
            par = d.add_paragraph(b[1], style="List Bullet")
        elif b[0] == "pb":
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif b[0] == "tr":
            par = d.add_paragraph()
            if b[1]:
                par.add_run(b[1])
            if b[2]:
                rid += 1
                _tracked(par, "del", b[2], doc.author, rid)
            if b[3]:
                rid += 1
                _tracked(par, "ins", b[3], doc.author, rid)
            if b[4]:
                from docx.oxml import OxmlElement
                from docx.oxml.ns import qn
                r = OxmlElement("w:r")
                t = OxmlElement("w:t")
                t.set(qn("xml:space"), "preserve")
                t.text = b[4]
                r.append(t)
                par._p.append(r)
        elif b[0] == "t":
            rows = b[1]
            tab = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            tab.style = "Table Grid"
            for i, r in enumerate(rows):
                for j, c in enumerate(r):
                    tab.cell(i, j).text = c
            _repeat_header(tab)
        if par is not None and idx in comments:
            runs = par.runs or [par.add_run("")]
            d.add_comment(runs, text=comments[idx], author="Relecture interne", initials="RI")
    d.save(str(path))
    normalise_zip(path)


# ---------------------------------------------------------------- pdf (fpdf2)
def _pdf_new(doc: Doc):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_title(doc.title)
    pdf.set_author(doc.author)
    pdf.set_producer("b6lib")
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
        elif b[0] in ("hb", "hu"):
            pdf.ln(1)
            pdf.set_font("DejaVu", "B" if b[0] == "hb" else "", 10)
            if b[0] == "hu":
                pdf.set_font(style="U")
            pdf.multi_cell(0, 5, b[1], new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("DejaVu", "", 10)
        elif b[0] == "p":
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5, b[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif b[0] == "tr":
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5, b[1] + b[3] + b[4], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif b[0] == "li":
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5, "• " + b[1], new_x="LMARGIN", new_y="NEXT")
        elif b[0] == "pb":
            pdf.add_page()
        elif b[0] == "t":
            pdf.set_font("DejaVu", "", 9)
            with pdf.table(first_row_as_headings=True, line_height=5, repeat_headings=1) as table:
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
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif.ttf"), 22) if (FONT_DIR / "DejaVuSerif.ttf").exists() \
        else ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 22)
    lines = []
    for ln in doc.plain_lines():
        lines.extend(_wrap(ln, 78))
        lines.append("")
    per_page = 52
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[""]]
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_producer("scanner")
    tmp = Path(tempfile.mkdtemp(prefix="b6scan"))
    for n, pl in enumerate(pages):
        img = Image.new("L", (1240, 1754), 244)
        dr = ImageDraw.Draw(img)
        y = 90
        for ln in pl:
            dr.text((100 + rng.randint(-2, 2), y), ln, fill=rng.randint(25, 55), font=font)
            y += 30
        for _ in range(500):
            dr.point((rng.randint(0, 1239), rng.randint(0, 1753)), fill=rng.randint(110, 200))
        img = img.rotate(rng.uniform(-0.8, 0.8), fillcolor=244).filter(ImageFilter.SMOOTH)
        f = tmp / f"p{n}.png"
        img.save(f)
        pdf.add_page()
        pdf.image(str(f), x=0, y=0, w=210, h=297)
    pdf.output(str(path))
    shutil.rmtree(tmp, ignore_errors=True)


def render_plan_pdf(path: Path, cartouche, seed=0):
    """A drawing: rooms and axes drawn as vectors, with a title block (cartouche) in text."""
    from fpdf import FPDF

    rng = random.Random(seed)
    pdf = FPDF(orientation="L", format="A3")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_producer("cad-export")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_line_width(0.6)
    pdf.rect(10, 10, 400, 277)
    for _ in range(rng.randint(10, 18)):
        x, y = rng.uniform(20, 300), rng.uniform(20, 200)
        pdf.rect(x, y, rng.uniform(20, 90), rng.uniform(15, 60))
    pdf.set_line_width(0.2)
    for i in range(rng.randint(6, 12)):
        x = 20 + i * rng.uniform(20, 32)
        pdf.dashed_line(x, 15, x, 240, 3, 2)
    pdf.set_font("DejaVu", "", 7)
    for i in range(8):
        pdf.text(rng.uniform(25, 300), rng.uniform(25, 230), rng.choice(
            ["Salle", "Circ.", "Local tech.", "Sanitaires", "Dgt", "Stockage", "Hall", "Bureau"]) + f" {i + 1}")
    pdf.rect(300, 235, 105, 47)
    pdf.set_font("DejaVu", "", 8)
    y = 240
    for ln in cartouche:
        pdf.text(304, y, ln)
        y += 6
    pdf.output(str(path))


# ---------------------------------------------------------------- LibreOffice (batched)
class Soffice:
    """Collects Word documents to convert, then converts them in one LibreOffice run."""

    def __init__(self, profile_dir="/tmp/b6_lo_profile"):
        self.jobs = []
        self.profile = profile_dir
        self.tmp = Path(tempfile.mkdtemp(prefix="b6lo"))

    def add(self, doc: Doc, path: Path):
        src = self.tmp / f"j{len(self.jobs):03d}.docx"
        render_docx(doc, src)
        self.jobs.append((src, path, doc))

    def run(self):
        if not self.jobs:
            return {}
        how = {}
        if shutil.which("soffice"):
            for i in range(0, len(self.jobs), 40):
                chunk = self.jobs[i:i + 40]
                try:
                    subprocess.run(["soffice", f"-env:UserInstallation=file://{self.profile}", "--headless",
                                    "--convert-to", "pdf", "--outdir", str(self.tmp)]
                                   + [str(s) for s, _, _ in chunk],
                                   capture_output=True, timeout=900, check=False)
                except subprocess.TimeoutExpired:
                    pass
        for src, path, doc in self.jobs:
            out = src.with_suffix(".pdf")
            if out.exists() and out.stat().st_size > 0:
                shutil.move(str(out), str(path))
                normalise_pdf(path)
                how[str(path)] = "soffice"
            else:
                render_pdf(doc, path)
                how[str(path)] = "fpdf"
        shutil.rmtree(self.tmp, ignore_errors=True)
        self.jobs = []
        return how


# ---------------------------------------------------------------- odt
def render_odt(doc: Doc, path: Path):
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style, TableColumnProperties, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, P, Span

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
    bold = Style(name="Gras", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    o.automaticstyles.addElement(bold)
    und = Style(name="Souligne", family="text")
    und.addElement(TextProperties(textunderlinestyle="solid", textunderlinewidth="auto",
                                  textunderlinecolor="font-color"))
    o.automaticstyles.addElement(und)
    brk = Style(name="SautPage", family="paragraph")
    brk.addElement(ParagraphProperties(breakbefore="page"))
    o.automaticstyles.addElement(brk)
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
        elif b[0] in ("hb", "hu"):
            p = P()
            p.addElement(Span(stylename=bold if b[0] == "hb" else und, text=b[1]))
            o.text.addElement(p)
        elif b[0] == "p":
            o.text.addElement(P(text=b[1]))
        elif b[0] == "tr":
            o.text.addElement(P(text=b[1] + b[3] + b[4]))
        elif b[0] == "pb":
            o.text.addElement(P(stylename=brk, text=""))
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
    normalise_zip(path)


# ---------------------------------------------------------------- others
def render_xlsx(sheets, path: Path, title=""):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.properties.creator = "Économiste de la construction"
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
    normalise_zip(path)


def xlsx_text(sheets):
    out = []
    for name, rows in sheets:
        out.append(name)
        for r in rows:
            out.append(" | ".join("" if c is None else str(c) for c in r))
    return "\n".join(out)


def damage_truncate(path: Path, keep=0.4):
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def damage_empty(path: Path):
    path.write_bytes(b"")


# ---------------------------------------------------------------- reproducibility
_DATE_ATTR = re.compile(rb'(w:date=")[^"]*(")')
_ODF_DATE = re.compile(rb"(<(?:dc:date|meta:creation-date)>)[^<]*(</)")
_DCTERMS = re.compile(rb'(<dcterms:(?:created|modified)[^>]*>)[^<]*(</)')


def normalise_zip(path: Path):
    """Rewrites a zip container with fixed member dates (and fixed dates inside Word XML)."""
    with zipfile.ZipFile(path) as z:
        members = [(i, z.read(i.filename)) for i in z.infolist()]
    tmp = path.with_suffix(path.suffix + ".tmp")
    with zipfile.ZipFile(tmp, "w") as out:
        for info, data in members:
            if info.filename.endswith(".xml"):
                data = _DATE_ATTR.sub(rb"\g<1>2026-06-01T09:00:00Z\g<2>", data)
                data = _ODF_DATE.sub(rb"\g<1>2026-06-01T09:00:00\g<2>", data)
                data = _DCTERMS.sub(rb"\g<1>2026-06-01T09:00:00Z\g<2>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            out.writestr(zi, data)
    tmp.replace(path)


def normalise_pdf(path: Path):
    """Fixes the dates and the document id of a LibreOffice PDF without moving any byte offset."""
    data = path.read_bytes()

    def fix_date(m):
        s = m.group(0)
        fixed = b"D:20260601090000"
        return s[:len(m.group(1))] + fixed + s[len(m.group(1)) + len(fixed):]

    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\()D:\d{14}", fix_date, data)
    digest = hashlib.sha256(path.name.encode("utf-8")).hexdigest().upper().encode()

    def fix_id(m):
        whole, a, b = m.group(0), m.group(1), m.group(2)
        return whole.replace(a, digest[:len(a)], 1).replace(b, digest[:len(b)], 1) if a != b \
            else whole.replace(a, digest[:len(a)])

    data = re.sub(rb"/DocChecksum /[0-9A-Fa-f]{32}", b"/DocChecksum /" + digest[:32], data)
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", fix_id, data)
    path.write_bytes(data)


def deep(o):
    return copy.deepcopy(o)
