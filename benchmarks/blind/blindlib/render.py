"""Renderers of the blind corpus: one neutral document model, written as .docx, .pdf, .odt,
.txt, .xlsx and images. Nothing here knows about insertion clauses."""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import random
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_DATE = dt.datetime(2026, 10, 1, 9, 0, 0)


# --------------------------------------------------------------------------- model
@dataclass
class Block:
    kind: str  # title, h, p, bullets, table, kv, pagebreak, scan, tracked, commented, small
    text: str = ""
    level: int = 1
    num: str | None = None  # heading number ("7", "7.1") — shown in the text unless autonum
    items: list = field(default_factory=list)  # bullets / table rows / tracked parts / scan lines
    header: bool = True
    bold: bool = False
    comment: str | None = None


class Doc:
    """A document: blocks plus the way headings are written."""

    def __init__(self, h1_fmt=None, h2_fmt=None, autonum=False, title=""):
        self.blocks: list[Block] = []
        self.h1_fmt = h1_fmt or (lambda n, t: f"Article {n} – {t}")
        self.h2_fmt = h2_fmt or (lambda n, t: f"{n} – {t}")
        self.autonum = autonum
        self.title = title
        self._n1 = 0
        self._n2 = 0

    # numbering is computed here so that the automatic Word numbering gives the same numbers
    def h1(self, text, numbered=True):
        if numbered:
            self._n1 += 1
            self._n2 = 0
            self.blocks.append(Block("h", text, 1, str(self._n1)))
            return str(self._n1)
        self.blocks.append(Block("h", text, 1, None))
        return None

    def h2(self, text, numbered=True):
        if numbered:
            self._n2 += 1
            num = f"{self._n1}.{self._n2}"
            self.blocks.append(Block("h", text, 2, num))
            return num
        self.blocks.append(Block("h", text, 2, None))
        return None

    def next_h1(self):
        return str(self._n1 + 1)

    def next_h2(self):
        return f"{self._n1}.{self._n2 + 1}"

    def add_title(self, text):
        self.blocks.append(Block("title", text))

    def p(self, text, bold=False):
        if text:
            self.blocks.append(Block("p", text, bold=bold))

    def small(self, text):
        self.blocks.append(Block("small", text))

    def bullets(self, items):
        self.blocks.append(Block("bullets", items=list(items)))

    def table(self, rows, header=True):
        self.blocks.append(Block("table", items=[list(map(str, r)) for r in rows], header=header))

    def kv(self, rows, title=None):
        if title:
            self.blocks.append(Block("p", title, bold=True))
        self.blocks.append(Block("kv", items=[list(map(str, r)) for r in rows], header=False))

    def pagebreak(self):
        self.blocks.append(Block("pagebreak"))

    def scan(self, lines):
        """A page that exists only as a picture (scanned)."""
        self.blocks.append(Block("scan", items=list(lines)))

    def tracked(self, parts):
        """parts: list of (mode, text), mode in n / ins / del (Word tracked changes)."""
        self.blocks.append(Block("tracked", items=list(parts)))

    def commented(self, text, comment):
        self.blocks.append(Block("commented", text, comment=comment))

    def heading_text(self, b: Block, with_number=True):
        if b.num is None or not with_number:
            return b.text
        fmt = self.h1_fmt if b.level == 1 else self.h2_fmt
        return fmt(b.num, b.text)

    def plain_text(self):
        out = []
        for b in self.blocks:
            if b.kind in ("title", "p", "small", "commented"):
                out.append(b.text)
            elif b.kind == "h":
                out.append(self.heading_text(b))
            elif b.kind == "bullets":
                out.extend("- " + i for i in b.items)
            elif b.kind in ("table", "kv"):
                out.extend(" | ".join(r) for r in b.items)
            elif b.kind == "tracked":
                out.append("".join(t for m, t in b.items if m != "del"))
        return "\n".join(out)


# --------------------------------------------------------------------------- docx
def _docx_numbering(document, h1_prefix, h1_suffix):
    """Adds a multilevel list (Article %1 – / %1.%2) to numbering.xml; returns its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{h1_prefix}%1{h1_suffix}"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="360" w:firstLine="0"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )
    nums = numbering.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if nums:
        nums[0].addprevious(abstract)
    else:
        numbering.append(abstract)
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>')
    numbering.append(num)
    return 77


def _set_numpr(paragraph, num_id, ilvl):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def _add_tracked(paragraph, parts, author, when):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from xml.sax.saxutils import escape

    rid = 900
    for mode, text in parts:
        t = escape(text)
        if mode == "n":
            paragraph.add_run(text)
        elif mode == "ins":
            rid += 1
            paragraph._p.append(
                parse_xml(
                    f'<w:ins {nsdecls("w")} w:id="{rid}" w:author="{author}" w:date="{when}">'
                    f'<w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:ins>'
                )
            )
        elif mode == "del":
            rid += 1
            paragraph._p.append(
                parse_xml(
                    f'<w:del {nsdecls("w")} w:id="{rid}" w:author="{author}" w:date="{when}">'
                    f'<w:r><w:delText xml:space="preserve">{t}</w:delText></w:r></w:del>'
                )
            )


def render_docx(doc: Doc, path: Path, author="Service de la commande publique"):
    from docx import Document
    from docx.shared import Pt

    d = Document()
    cp = d.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.revision = 1
    if doc.title:
        cp.title = doc.title
    num_id = None
    if doc.autonum:
        sample = doc.h1_fmt("§", "")
        prefix, _, suffix = sample.partition("§")
        num_id = _docx_numbering(d, prefix, suffix.rstrip())
    for b in doc.blocks:
        if b.kind == "title":
            d.add_paragraph(b.text, style="Title")
        elif b.kind == "h":
            style = "Heading 1" if b.level == 1 else "Heading 2"
            if doc.autonum and b.num is not None:
                para = d.add_paragraph(b.text, style=style)
                _set_numpr(para, num_id, b.level - 1)
            else:
                d.add_paragraph(doc.heading_text(b), style=style)
        elif b.kind == "p":
            para = d.add_paragraph()
            run = para.add_run(b.text)
            run.bold = b.bold
        elif b.kind == "small":
            para = d.add_paragraph()
            run = para.add_run(b.text)
            run.font.size = Pt(8)
        elif b.kind == "bullets":
            for it in b.items:
                d.add_paragraph(it, style="List Bullet")
        elif b.kind in ("table", "kv"):
            rows = b.items
            ncol = max(len(r) for r in rows)
            t = d.add_table(rows=len(rows), cols=ncol)
            t.style = "Table Grid"
            for i, r in enumerate(rows):
                for j in range(ncol):
                    cell = t.cell(i, j)
                    cell.text = r[j] if j < len(r) else ""
                    if (b.kind == "table" and b.header and i == 0) or (b.kind == "kv" and j == 0):
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
            d.add_paragraph()
        elif b.kind == "pagebreak":
            d.add_page_break()
        elif b.kind == "scan":
            png = scan_image(b.items, seed=len(b.items))
            d.add_picture(io.BytesIO(png))
        elif b.kind == "tracked":
            para = d.add_paragraph()
            _add_tracked(para, b.items, "Rédacteur marchés", "2026-10-02T10:15:00Z")
        elif b.kind == "commented":
            para = d.add_paragraph()
            run = para.add_run(b.text)
            d.add_comment([run], text=b.comment, author="Relecteur", initials="RL")
    d.save(str(path))


# --------------------------------------------------------------------------- pdf (fpdf2)
def _pdf_new(doc: Doc):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(doc.title or "Document")
    pdf.set_author("Acheteur public")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(18, 16, 18)
    pdf.alias_nb_pages()

    def footer():
        if pdf.page_no() in pdf.scan_pages:
            return
        pdf.set_y(-12)
        pdf.set_font("DejaVu", "", 7)
        pdf.cell(0, 5, f"{doc.title} — page {pdf.page_no()}/{{nb}}", align="C")

    pdf.footer = footer
    pdf.scan_pages = set()
    return pdf


def render_pdf(doc: Doc, path: Path, encrypt_password: str | None = None):
    pdf = _pdf_new(doc)
    pdf.add_page()
    w = pdf.epw
    need_page = False
    for b in doc.blocks:
        if need_page and b.kind != "scan":
            pdf.add_page()
            need_page = False
        if b.kind == "title":
            pdf.set_font("DejaVu", "B", 15)
            pdf.multi_cell(w, 8, b.text, align="C")
            pdf.ln(3)
        elif b.kind == "h":
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 11.5 if b.level == 1 else 10)
            pdf.multi_cell(w, 6, doc.heading_text(b))
            pdf.ln(1)
        elif b.kind in ("p", "commented"):
            pdf.set_font("DejaVu", "B" if b.bold else "", 9.5)
            pdf.multi_cell(w, 5, b.text)
            pdf.ln(1.5)
        elif b.kind == "small":
            pdf.set_font("DejaVu", "", 7.5)
            pdf.multi_cell(w, 4, b.text)
            pdf.ln(1)
        elif b.kind == "tracked":
            pdf.set_font("DejaVu", "", 9.5)
            pdf.multi_cell(w, 5, "".join(t for m, t in b.items if m != "del"))
            pdf.ln(1.5)
        elif b.kind == "bullets":
            pdf.set_font("DejaVu", "", 9.5)
            for it in b.items:
                pdf.set_x(pdf.l_margin + 4)
                pdf.multi_cell(w - 4, 5, "• " + it)
            pdf.ln(1.5)
        elif b.kind in ("table", "kv"):
            pdf.set_font("DejaVu", "", 8.5)
            rows = b.items
            ncol = max(len(r) for r in rows)
            rows = [r + [""] * (ncol - len(r)) for r in rows]
            if b.kind == "kv":
                widths = (0.38, 0.62)
            else:
                widths = None
            with pdf.table(
                col_widths=widths,
                first_row_as_headings=(b.kind == "table" and b.header),
                line_height=5,
                text_align="LEFT",
            ) as t:
                for r in rows:
                    row = t.row()
                    for c in r:
                        row.cell(c)
            pdf.ln(3)
        elif b.kind == "pagebreak":
            pdf.add_page()
        elif b.kind == "scan":
            png = scan_image(b.items, seed=len(b.items) * 7)
            pdf.add_page()
            pdf.scan_pages.add(pdf.page_no())
            pdf.set_auto_page_break(False)
            pdf.image(io.BytesIO(png), x=0, y=0, w=210, h=297)
            pdf.set_auto_page_break(True, margin=18)
            need_page = True
    if encrypt_password:
        pdf.set_encryption(owner_password="proprietaire-" + encrypt_password,
                           user_password=encrypt_password)
    pdf.output(str(path))


def render_scanned_pdf(doc: Doc, path: Path, seed=0):
    """Every page is a picture of the text: no text layer at all."""
    from fpdf import FPDF

    lines = doc.plain_text().split("\n")
    pages, cur = [], []
    for ln in lines:
        wrapped = _wrap(ln, 82) or [""]
        for wl in wrapped:
            cur.append(wl)
            if len(cur) >= 46:
                pages.append(cur)
                cur = []
    if cur:
        pages.append(cur)
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_producer("Scanner multifonction")
    for i, pg in enumerate(pages):
        pdf.add_page()
        png = scan_image(pg, seed=seed + i)
        pdf.image(io.BytesIO(png), x=0, y=0, w=210, h=297)
    pdf.output(str(path))


def _wrap(text, width):
    words, out, cur = text.split(), [], ""
    for wd in words:
        if len(cur) + len(wd) + 1 > width:
            out.append(cur)
            cur = wd
        else:
            cur = (cur + " " + wd).strip()
    if cur:
        out.append(cur)
    return out


def scan_image(lines, seed=0) -> bytes:
    """A greyish, slightly rotated page image with text drawn as pixels."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = random.Random(seed)
    w, h = 1240, 1754  # A4 at 150 dpi
    img = Image.new("L", (w, h), 236)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif.ttf"), 22)
    y = 110
    for ln in lines:
        for wl in _wrap(ln, 80) or [""]:
            draw.text((110, y), wl, fill=35, font=font)
            y += 33
            if y > h - 120:
                break
    for _ in range(2500):
        x, yy = rng.randrange(w), rng.randrange(h)
        draw.point((x, yy), fill=rng.randrange(120, 200))
    img = img.rotate(rng.uniform(-0.8, 0.8), fillcolor=236).filter(ImageFilter.GaussianBlur(0.6))
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


# --------------------------------------------------------------------------- pdf via LibreOffice
def soffice_available():
    return shutil.which("soffice") is not None


def render_pdf_via_soffice(doc: Doc, path: Path) -> str:
    """Writes the .docx then converts it with LibreOffice; falls back to fpdf2 (same text,
    same file name) when soffice is missing or fails. Returns the way it was made."""
    if soffice_available():
        with tempfile.TemporaryDirectory(prefix="blind-soffice-") as tmp:
            tmpd = Path(tmp)
            src = tmpd / (path.stem + ".docx")
            render_docx(doc, src)
            profile = tmpd / "profile"
            try:
                subprocess.run(
                    ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                     "--convert-to", "pdf", "--outdir", str(tmpd), str(src)],
                    check=True, capture_output=True, timeout=180,
                )
                out = tmpd / (path.stem + ".pdf")
                if out.exists() and out.stat().st_size > 0:
                    shutil.move(str(out), str(path))
                    return "soffice"
            except (subprocess.SubprocessError, OSError):
                pass
    render_pdf(doc, path)
    return "fpdf-fallback"


# --------------------------------------------------------------------------- odt
def render_odt(doc: Doc, path: Path):
    from odf.opendocument import OpenDocumentText
    from odf.style import (ParagraphProperties, Style, TableCellProperties,
                           TableColumnProperties, TextProperties)
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, P

    od = OpenDocumentText()
    od.meta.addElement(__import__("odf.dc", fromlist=["Title"]).Title(text=doc.title or "Document"))
    st_title = Style(name="Titre", family="paragraph")
    st_title.addElement(TextProperties(fontsize="16pt", fontweight="bold"))
    st_title.addElement(ParagraphProperties(textalign="center", marginbottom="0.3cm"))
    st_h1 = Style(name="Heading_20_1", displayname="Heading 1", family="paragraph")
    st_h1.addElement(TextProperties(fontsize="12.5pt", fontweight="bold"))
    st_h1.addElement(ParagraphProperties(margintop="0.35cm", marginbottom="0.15cm"))
    st_h2 = Style(name="Heading_20_2", displayname="Heading 2", family="paragraph")
    st_h2.addElement(TextProperties(fontsize="11pt", fontweight="bold"))
    st_bold = Style(name="Gras", family="paragraph")
    st_bold.addElement(TextProperties(fontweight="bold"))
    st_small = Style(name="Petit", family="paragraph")
    st_small.addElement(TextProperties(fontsize="8pt"))
    st_cell = Style(name="Cellule", family="table-cell")
    st_cell.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.08cm"))
    st_pb = Style(name="Saut", family="paragraph")
    st_pb.addElement(ParagraphProperties(breakbefore="page"))
    for s in (st_title, st_h1, st_h2, st_bold, st_small, st_pb):
        od.styles.addElement(s)
    od.automaticstyles.addElement(st_cell)
    ncols_styles = {}
    tcount = 0
    for b in doc.blocks:
        if b.kind == "title":
            od.text.addElement(P(stylename=st_title, text=b.text))
        elif b.kind == "h":
            od.text.addElement(H(outlinelevel=b.level, stylename=st_h1 if b.level == 1 else st_h2,
                                 text=doc.heading_text(b)))
        elif b.kind in ("p", "commented"):
            od.text.addElement(P(stylename=st_bold if b.bold else None, text=b.text)
                               if b.bold else P(text=b.text))
        elif b.kind == "small":
            od.text.addElement(P(stylename=st_small, text=b.text))
        elif b.kind == "tracked":
            od.text.addElement(P(text="".join(t for m, t in b.items if m != "del")))
        elif b.kind == "bullets":
            lst = List()
            for it in b.items:
                li = ListItem()
                li.addElement(P(text="– " + it))
                lst.addElement(li)
            od.text.addElement(lst)
        elif b.kind in ("table", "kv"):
            tcount += 1
            rows = b.items
            ncol = max(len(r) for r in rows)
            if ncol not in ncols_styles:
                cs = Style(name=f"Col{ncol}", family="table-column")
                cs.addElement(TableColumnProperties(columnwidth=f"{16.5 / ncol:.2f}cm"))
                od.automaticstyles.addElement(cs)
                ncols_styles[ncol] = cs
            t = Table(name=f"Tableau{tcount}")
            t.addElement(TableColumn(numbercolumnsrepeated=ncol, stylename=ncols_styles[ncol]))
            for i, r in enumerate(rows):
                tr = TableRow()
                for j in range(ncol):
                    tc = TableCell(stylename=st_cell, valuetype="string")
                    txt = r[j] if j < len(r) else ""
                    bold = (b.kind == "table" and b.header and i == 0) or (b.kind == "kv" and j == 0)
                    tc.addElement(P(stylename=st_bold, text=txt) if bold else P(text=txt))
                    tr.addElement(tc)
                t.addElement(tr)
            od.text.addElement(t)
            od.text.addElement(P(text=""))
        elif b.kind == "pagebreak":
            od.text.addElement(P(stylename=st_pb, text=""))
        elif b.kind == "scan":
            od.text.addElement(P(text=""))
    od.save(str(path))


# --------------------------------------------------------------------------- txt, xlsx, images
def render_txt(text: str, path: Path):
    path.write_text(text, encoding="utf-8")


def render_xlsx(sheets: list[tuple[str, list[list]]], path: Path, title=""):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.properties.creator = "Économiste de la construction"
    wb.properties.created = FIXED_DATE
    wb.properties.modified = FIXED_DATE
    wb.properties.title = title
    first = True
    for name, rows in sheets:
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = name[:30]
        for r in rows:
            ws.append(r)
        for c in ws[1]:
            c.font = Font(bold=True, size=13)
        for row in ws.iter_rows():
            if row and row[0].value == "N°":
                for c in row:
                    c.font = Font(bold=True)
        for col, width in zip("ABCDEFG", (10, 58, 8, 10, 12, 14, 14)):
            ws.column_dimensions[col].width = width
    wb.save(str(path))


def render_plan(path: Path, labels: list[str], seed=0):
    """A site plan drawn with rectangles: a picture, not a piece."""
    from PIL import Image, ImageDraw, ImageFont

    rng = random.Random(seed)
    w, h = 1400, 990
    img = Image.new("RGB", (w, h), (250, 250, 246))
    dr = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 20)
    big = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), 30)
    dr.rectangle([20, 20, w - 20, h - 20], outline=(0, 0, 0), width=3)
    for _ in range(7):
        x0, y0 = rng.randrange(80, w - 420), rng.randrange(120, h - 320)
        dr.rectangle([x0, y0, x0 + rng.randrange(120, 360), y0 + rng.randrange(80, 260)],
                     outline=(30, 30, 120), width=2)
    for _ in range(5):
        dr.line([rng.randrange(40, w - 40), rng.randrange(40, h - 40),
                 rng.randrange(40, w - 40), rng.randrange(40, h - 40)], fill=(120, 120, 120), width=5)
    dr.text((60, 40), labels[0], fill=(0, 0, 0), font=big)
    y = h - 40 - 28 * (len(labels) - 1)
    for lb in labels[1:]:
        dr.text((w - 760, y), lb[:52], fill=(0, 0, 0), font=font)
        y += 28
    if path.suffix.lower() in (".jpg", ".jpeg"):
        img.save(str(path), format="JPEG", quality=82)
    else:
        img.save(str(path), format="PNG", optimize=True)


# --------------------------------------------------------------------------- damaged files
def damage_truncate(path: Path, keep=0.45):
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def damage_empty(path: Path):
    path.write_bytes(b"")


def damage_garbage(path: Path, seed=0):
    rng = random.Random(seed)
    path.write_bytes(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n" + bytes(rng.randrange(256) for _ in range(6000)))


def deep(o):
    return copy.deepcopy(o)


__all__ = [n for n in dir() if not n.startswith("_")] + ["os"]
