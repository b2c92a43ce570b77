"""Low-level writers for the fifth blind corpus: docx, pdf (fpdf2 and LibreOffice), odt, xlsx,
png plans, scanned pdf, damaged files.

Copied from benchmarks/blind2/b2lib/render.py (no clause wording there) and extended with:
page header and footer (buyer name, « Page x sur y » with PAGE/NUMPAGES fields), Word text
boxes, footnotes (docx, odt, pdf), multi-level Word automatic numbering (roman titles,
continuous articles, « 1.2.3 »), and zip timestamps fixed for byte-reproducible files.

A document is a `Doc`: a title and a list of blocks
    ("h", level, num, text)   heading; num is the displayed number ("III", "12", "3.4.1") or None
    ("p", text)               paragraph
    ("pn", text, [notes])     paragraph followed by footnote references
    ("li", text)              bullet item
    ("t", rows)               table (rows of strings; first row = header)
    ("box", [lines])          text box (Word: VML text box; PDF/ODT: framed paragraph)
No clause text lives here."""

from __future__ import annotations

import copy
import datetime as dt
import random
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_TIME = dt.datetime(2026, 6, 1, 9, 0, 0)
ZIP_TIME = (2026, 6, 1, 9, 0, 0)
SUP = {1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹"}

# heading layouts: level -> (plain format, Word lvlText, Word numFmt, restart after higher level?)
LAYOUTS = {
    "roman": {1: ("TITRE {n} – {t}", "TITRE %1 –", "upperRoman", True),
              2: ("ARTICLE {n} – {t}", "ARTICLE %2 –", "decimal", False),
              3: ("{n} {t}", "%2.%3", "decimal", True)},
    "chapitre": {1: ("CHAPITRE {n} – {t}", "CHAPITRE %1 –", "decimal", True),
                 2: ("ARTICLE {n} – {t}", "ARTICLE %2 –", "decimal", False),
                 3: ("{n} – {t}", "%2.%3 –", "decimal", True)},
    "three": {1: ("{n}. {t}", "%1.", "decimal", True),
              2: ("{n} {t}", "%1.%2", "decimal", True),
              3: ("{n} {t}", "%1.%2.%3", "decimal", True)},
    "flat": {1: ("ARTICLE {n} – {t}", "ARTICLE %1 –", "decimal", True),
             2: ("{n}. {t}", "%1.%2.", "decimal", True),
             3: ("{n} {t}", "%1.%2.%3", "decimal", True)},
    "plain": {1: ("Article {n} – {t}", "Article %1 –", "decimal", True),
              2: ("{n} – {t}", "%1.%2 –", "decimal", True),
              3: ("{n} {t}", "%1.%2.%3", "decimal", True)},
    "none": {1: ("{t}", "", "decimal", True), 2: ("{t}", "", "decimal", True),
             3: ("{t}", "", "decimal", True)},
}


@dataclass
class Doc:
    title: str
    blocks: list = field(default_factory=list)
    layout: str = "plain"
    autonum: bool = False
    tracked: list = field(default_factory=list)  # (block index, inserted, deleted)
    comments: list = field(default_factory=list)  # (block index, comment text)
    author: str = "Service de la commande publique"
    subtitle: str = ""
    header: str = ""  # on every page
    footer: str = ""  # on every page, before « Page x sur y »
    pagenum: bool = False

    def h(self, level, num, text):
        self.blocks.append(("h", level, num, text))

    def p(self, text):
        self.blocks.append(("p", text))

    def pn(self, text, notes):
        self.blocks.append(("pn", text, list(notes)))

    def li(self, text):
        self.blocks.append(("li", text))

    def t(self, rows):
        self.blocks.append(("t", [list(map(str, r)) for r in rows]))

    def box(self, lines):
        self.blocks.append(("box", list(lines)))

    def heading_text(self, level, num, text):
        if num is None:
            return text
        return LAYOUTS[self.layout][min(level, 3)][0].format(n=num, t=text)

    def plain_lines(self, with_furniture=True):
        out = []
        if with_furniture and self.header:
            out.append(self.header)
        out.append(self.title)
        if self.subtitle:
            out.append(self.subtitle)
        for b in self.blocks:
            if b[0] == "h":
                out.append(self.heading_text(b[1], b[2], b[3]))
            elif b[0] in ("p", "li"):
                out.append(b[1])
            elif b[0] == "pn":
                out.append(b[1])
                out.extend(b[2])
            elif b[0] == "t":
                out.extend(" | ".join(r) for r in b[1])
            elif b[0] == "box":
                out.extend(b[1])
        if with_furniture and self.footer:
            out.append(self.footer)
        return out

    def text(self):
        lines = self.plain_lines()
        for _i, ins, dele in self.tracked:
            lines.append(ins or "")
            lines.append(dele or "")
        for _i, c in self.comments:
            lines.append(c)
        return "\n".join(lines)


# ---------------------------------------------------------------- zip timestamps
def fix_zip(path: Path):
    """Rewrites a zip-based file (docx, odt, xlsx) with fixed timestamps, same order."""
    import re

    src = zipfile.ZipFile(path)
    items = [(i, src.read(i.filename)) for i in src.infolist()]
    src.close()
    fixed = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = []
    for info, data in items:
        if info.filename == "docProps/core.xml":
            data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + fixed.encode(), data)
        if info.filename == "word/comments.xml":
            data = re.sub(rb'w:date="[^"]*"', b'w:date="' + fixed.encode() + b'"', data)
        out.append((info, data))
    items = out
    with zipfile.ZipFile(path, "w") as z:
        for info, data in items:
            ni = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            ni.compress_type = info.compress_type
            ni.external_attr = 0o644 << 16
            z.writestr(ni, data)


# ---------------------------------------------------------------- docx
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
V = "urn:schemas-microsoft-com:vml"


def _q(tag):
    return "{%s}%s" % (W, tag)


def _esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _add_autonum(document, layout):
    """Word numbering for the headings. Returns {heading level: (numId, ilvl)}.

    Layouts whose articles run on across titles (roman, chapitre) get two lists: one for the
    titles, one for the articles and their sub-articles (LibreOffice ignores w:lvlRestart)."""
    from docx.oxml import parse_xml

    spec = LAYOUTS[layout]
    numbering = document.part.numbering_part.element
    first_num = numbering.find(_q("num"))

    def lvl_xml(ilvl, text, fmt):
        return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{_esc(text)}"/><w:lvlJc w:val="left"/></w:lvl>')

    def add(aid, lvls):
        xml = (f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{aid}">'
               '<w:multiLevelType w:val="multilevel"/>' + "".join(lvls) + "</w:abstractNum>")
        absn = parse_xml(xml)
        if first_num is not None:
            first_num.addprevious(absn)
        else:
            numbering.append(absn)
        numbering.append(parse_xml(
            f'<w:num xmlns:w="{W}" w:numId="{aid}"><w:abstractNumId w:val="{aid}"/></w:num>'))
        return str(aid)

    if not spec[2][3]:
        a = add(55, [lvl_xml(0, spec[1][1], spec[1][2])])
        t2 = spec[2][1].replace("%2", "%1")
        t3 = spec[3][1].replace("%2", "%1").replace("%3", "%2")
        b = add(56, [lvl_xml(0, t2, spec[2][2]), lvl_xml(1, t3, spec[3][2])])
        return {1: (a, 0), 2: (b, 0), 3: (b, 1)}
    a = add(55, [lvl_xml(i - 1, spec[i][1], spec[i][2]) for i in (1, 2, 3)])
    return {1: (a, 0), 2: (a, 1), 3: (a, 2)}


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
        d.set(qn("w:id"), "701")
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
        i.set(qn("w:id"), "702")
        i.set(qn("w:author"), author)
        i.set(qn("w:date"), when)
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = ins
        r.append(t)
        i.append(r)
        paragraph._p.append(i)


def _fields_paragraph(par, before, fields):
    """Appends « before » then a PAGE / NUMPAGES pattern: Page x sur y."""
    from docx.oxml import parse_xml

    if before:
        par.add_run(before)
    for kind, txt in fields:
        if kind == "text":
            par.add_run(txt)
        else:
            par._p.append(parse_xml(
                f'<w:fldSimple xmlns:w="{W}" w:instr="{kind}"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))


def _textbox(paragraph, lines):
    from docx.oxml import parse_xml

    paras = "".join(f'<w:p><w:r><w:t xml:space="preserve">{_esc(ln)}</w:t></w:r></w:p>' for ln in lines)
    h = 18 * len(lines) + 14
    xml = (f'<w:r xmlns:w="{W}" xmlns:v="{V}"><w:pict>'
           f'<v:rect style="width:420pt;height:{h}pt" strokeweight="1pt" filled="f">'
           f'<v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></v:rect>'
           '</w:pict></w:r>')
    paragraph._p.append(parse_xml(xml))


class _Footnotes:
    def __init__(self):
        self.notes = []

    def add(self, text):
        self.notes.append(text)
        return len(self.notes)

    def attach(self, document):
        if not self.notes:
            return
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        body = (f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                f'</w:r></w:p></w:footnote>')
        for i, n in enumerate(self.notes, 1):
            body += (f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                     f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                     f'<w:r><w:t xml:space="preserve"> {_esc(n)}</w:t></w:r></w:p></w:footnote>')
        xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               f'<w:footnotes xmlns:w="{W}">{body}</w:footnotes>').encode("utf-8")
        part = Part(PackURI("/word/footnotes.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                    xml, document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)


def _footnote_ref(paragraph, fid):
    from docx.oxml import parse_xml

    paragraph._p.append(parse_xml(
        f'<w:r xmlns:w="{W}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{fid}"/></w:r>'))


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
    sec = d.sections[0]
    if doc.header:
        sec.header.paragraphs[0].text = doc.header
    if doc.footer or doc.pagenum:
        fp = sec.footer.paragraphs[0]
        if doc.footer:
            fp.text = doc.footer
            if doc.pagenum:
                fp = sec.footer.add_paragraph()
        if doc.pagenum:
            _fields_paragraph(fp, "", [("text", "Page "), ("PAGE", None), ("text", " sur "), ("NUMPAGES", None)])
    num_id = _add_autonum(d, doc.layout) if doc.autonum else None
    d.add_heading(doc.title, level=0)
    if doc.subtitle:
        d.add_paragraph(doc.subtitle)
    notes = _Footnotes()
    tracked = {i: (a, b) for i, a, b in doc.tracked}
    comments = {i: c for i, c in doc.comments}
    for idx, b in enumerate(doc.blocks):
        par = None
        if b[0] == "h":
            _, level, num, text = b
            if num_id and num is not None:
                par = d.add_heading(text, level=min(level, 3))
                nid, ilvl = num_id[min(level, 3)]
                _set_numpr(par, nid, ilvl)
            else:
                par = d.add_heading(doc.heading_text(level, num, text), level=min(level, 3))
        elif b[0] == "p":
            par = d.add_paragraph(b[1])
        elif b[0] == "pn":
            par = d.add_paragraph(b[1])
            for n in b[2]:
                _footnote_ref(par, notes.add(n))
        elif b[0] == "li":
            par = d.add_paragraph(b[1], style="List Bullet")
        elif b[0] == "t":
            rows = b[1]
            tab = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            tab.style = "Table Grid"
            for i, r in enumerate(rows):
                for j, c in enumerate(r):
                    tab.cell(i, j).text = c
        elif b[0] == "box":
            par = d.add_paragraph()
            _textbox(par, b[1])
        if par is not None and idx in tracked:
            ins, dele = tracked[idx]
            full = par.text
            if ins and ins in full:  # the new wording replaces the old one in place
                before, after = full.split(ins, 1)
                for r in list(par.runs):
                    r._r.getparent().remove(r._r)
                par.add_run(before)
                _tracked_run(par, ins, dele, doc.author)
                par.add_run(after)
            else:
                _tracked_run(par, ins, dele, doc.author)
        if par is not None and idx in comments:
            runs = par.runs or [par.add_run("")]
            d.add_comment(runs, text=comments[idx], author="Relecture juridique", initials="RJ")
    notes.attach(d)
    d.save(str(path))
    fix_zip(path)


# ---------------------------------------------------------------- pdf (fpdf2)
def _pdf_class():
    from fpdf import FPDF

    class P(FPDF):
        head = ""
        foot = ""
        pagenum = False

        def header(self):
            if self.head:
                self.set_font("DejaVu", "", 8)
                self.cell(0, 5, self.head, new_x="LMARGIN", new_y="NEXT", align="R")
                self.ln(2)

        def footer(self):
            if self.foot or self.pagenum:
                self.set_y(-14)
                self.set_font("DejaVu", "", 8)
                txt = self.foot
                if self.pagenum:
                    txt = (txt + "   —   " if txt else "") + f"Page {self.page_no()} sur {{nb}}"
                self.cell(0, 5, txt, align="C")

    return P


def _pdf_new(doc: Doc):
    pdf = _pdf_class()(format="A4")
    pdf.head, pdf.foot, pdf.pagenum = doc.header, doc.footer, doc.pagenum
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_title(doc.title)
    pdf.set_author(doc.author)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(18, 16, 18)
    pdf.add_page()
    return pdf


def _pdf_body(pdf, doc: Doc):
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, doc.title, new_x="LMARGIN", new_y="NEXT", align="C")
    if doc.subtitle:
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(0, 6, doc.subtitle, new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.ln(4)
    pending = []
    count = 0
    for b in doc.blocks:
        if b[0] == "h":
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 12 if b[1] == 1 else (11 if b[1] == 2 else 10))
            pdf.multi_cell(0, 6, doc.heading_text(b[1], b[2], b[3]), new_x="LMARGIN", new_y="NEXT")
        elif b[0] in ("p", "pn"):
            txt = b[1]
            if b[0] == "pn":
                for n in b[2]:
                    count += 1
                    txt += SUP.get(count, f"({count})")
                    pending.append((count, n))
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5, txt, new_x="LMARGIN", new_y="NEXT")
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
        elif b[0] == "box":
            pdf.set_font("DejaVu", "", 9.5)
            pdf.multi_cell(0, 5, "\n".join(b[1]), border=1, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    if pending:
        pdf.ln(3)
        pdf.set_font("DejaVu", "", 8)
        pdf.multi_cell(0, 4, "_" * 30, new_x="LMARGIN", new_y="NEXT")
        for k, n in pending:
            pdf.multi_cell(0, 4, f"{SUP.get(k, f'({k})')} {n}", new_x="LMARGIN", new_y="NEXT")


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
        img = Image.new("L", (1240, 1754), 244)
        dr = ImageDraw.Draw(img)
        y = 90
        for ln in pl:
            dr.text((100 + rng.randint(-2, 2), y), ln, fill=rng.randint(20, 55), font=font)
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


def soffice_pdf(doc: Doc, path: Path):
    """Word document converted to PDF by LibreOffice (fpdf2 fallback when soffice fails)."""
    if shutil.which("soffice"):
        tmp = Path(tempfile.mkdtemp(prefix="b5soffice"))
        src = tmp / (path.stem + ".docx")
        render_docx(doc, src)
        try:
            subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                            "--convert-to", "pdf", "--outdir", str(tmp), str(src)],
                           capture_output=True, timeout=240, check=False)
        except subprocess.TimeoutExpired:
            pass
        out = tmp / (path.stem + ".pdf")
        if out.exists() and out.stat().st_size > 0:
            _fix_pdf(out, path)
            shutil.rmtree(tmp, ignore_errors=True)
            return "soffice"
        shutil.rmtree(tmp, ignore_errors=True)
    render_pdf(doc, path)
    return "fpdf"


def _fix_pdf(src: Path, dst: Path):
    """LibreOffice stamps the time, a checksum and a random id: rewritten fixed by pypdf (text unchanged)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject, NameObject, TextStringObject

    w = PdfWriter(clone_from=PdfReader(str(src)))
    stamp = "D:" + FIXED_TIME.strftime("%Y%m%d%H%M%S") + "+00'00'"
    info = {NameObject("/Producer"): TextStringObject("LibreOffice"),
            NameObject("/CreationDate"): TextStringObject(stamp), NameObject("/ModDate"): TextStringObject(stamp)}
    w._info = None
    w.add_metadata(info)
    w._ID = ArrayObject([ByteStringObject(b"b5-blind-corpus!"), ByteStringObject(b"b5-blind-corpus!")])
    with open(dst, "wb") as f:
        w.write(f)


# ---------------------------------------------------------------- odt
def render_odt(doc: Doc, path: Path):
    from odf.opendocument import OpenDocumentText
    from odf.style import (Footer, Header, MasterPage, PageLayout, PageLayoutProperties,
                           ParagraphProperties, Style, TableColumnProperties, TextProperties)
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, Note, NoteBody, NoteCitation, P, PageCount, PageNumber, Span

    o = OpenDocumentText()
    o.meta.addElement(__import__("odf.dc", fromlist=["Title"]).Title(text=doc.title))
    pl = PageLayout(name="PL1")
    pl.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", margin="2cm"))
    o.automaticstyles.addElement(pl)
    mp = MasterPage(name="Standard", pagelayoutname=pl)
    if doc.header:
        hd = Header()
        hd.addElement(P(text=doc.header))
        mp.addElement(hd)
    if doc.footer or doc.pagenum:
        ft = Footer()
        if doc.footer:
            ft.addElement(P(text=doc.footer))
        if doc.pagenum:
            pp = P(text="Page ")
            pp.addElement(PageNumber(selectpage="current", text="1"))
            pp.addText(" sur ")
            pp.addElement(PageCount(text="1"))
            ft.addElement(pp)
        mp.addElement(ft)
    o.masterstyles.addElement(mp)
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
    boxst = Style(name="Cadre", family="paragraph")
    boxst.addElement(ParagraphProperties(border="0.06pt solid #000000", padding="0.2cm"))
    o.styles.addElement(boxst)
    col = Style(name="col", family="table-column")
    col.addElement(TableColumnProperties(columnwidth="4cm"))
    o.automaticstyles.addElement(col)
    o.text.addElement(P(stylename=tstyle, text=doc.title))
    if doc.subtitle:
        o.text.addElement(P(text=doc.subtitle))
    nid = 0
    for n, b in enumerate(doc.blocks):
        if b[0] == "h":
            o.text.addElement(H(outlinelevel=b[1], stylename=hs[min(b[1], 3)],
                                text=doc.heading_text(b[1], b[2], b[3])))
        elif b[0] == "p":
            o.text.addElement(P(text=b[1]))
        elif b[0] == "pn":
            par = P(text=b[1])
            for note in b[2]:
                nid += 1
                nt = Note(id=f"ftn{nid}", noteclass="footnote")
                nt.addElement(NoteCitation(text=str(nid)))
                nb = NoteBody()
                nb.addElement(P(text=note))
                nt.addElement(nb)
                par.addElement(nt)
            o.text.addElement(par)
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
        elif b[0] == "box":
            for ln in b[1]:
                o.text.addElement(P(stylename=boxst, text=ln))
    o.save(str(path))
    fix_zip(path)


# ---------------------------------------------------------------- others
def render_xlsx(sheets, path: Path, title=""):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.properties.creator = "Service de la commande publique"
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
    fix_zip(path)


def render_plan(path: Path, labels, seed=0):
    from PIL import Image, ImageDraw, ImageFont

    rng = random.Random(seed)
    img = Image.new("RGB", (1400, 990), (255, 255, 255))
    dr = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 20)
    for _ in range(16):
        x, y = rng.randint(40, 1100), rng.randint(40, 760)
        dr.rectangle([x, y, x + rng.randint(80, 260), y + rng.randint(60, 180)], outline=(30, 30, 30), width=3)
    for i, lab in enumerate(labels):
        dr.text((60, 860 + 28 * i), lab, fill=(0, 0, 0), font=font)
    img.save(str(path))


def damage_truncate(path: Path, keep=0.45):
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def damage_empty(path: Path):
    path.write_bytes(b"")


def damage_garbage(path: Path, seed=0):
    rng = random.Random(seed)
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(rng.randrange(256) for _ in range(6000)))


def deep(o):
    return copy.deepcopy(o)
