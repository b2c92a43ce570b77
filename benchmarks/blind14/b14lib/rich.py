"""Rich low-level writers for blind14 (no wording lives here).

A document is an `RDoc`: a title, a subtitle, running header/footer, a numbering mode, and blocks:

    ("h", level, segs, opts)   heading; opts may hold {"bm": "name"} (bookmark for REF fields)
    ("p", segs, opts)          paragraph; opts: {"bold": True}, {"del_para": True} (whole paragraph
                               deleted as a tracked change), {"ins_para": True}
    ("li", segs, opts)         bullet item (Word numbering.xml bullets, ODT text:list bullets)
    ("t", rows, opts)          table; rows of cells, a cell is a str or a list of segs
    ("pb",)                    page break
    ("cols", blocks)           PDF (fpdf2) only: one page set in two columns
    ("scan", lines)            PDF (fpdf2) only: one image-only page (no text layer)

A seg is a str (plain text) or a tuple:
    ("ins", text)              tracked insertion (w:ins)          -> present once accepted
    ("del", text)              tracked deletion (w:del/w:delText) -> absent once accepted
    ("ref", cached, bm, mode)  REF field to bookmark bm with cached result; mode "simple"
                               (w:fldSimple) or "complex" (w:fldChar / w:instrText)
    ("link", text, url)        hyperlink (w:hyperlink, mailto:)
    ("b", text)                bold run
    ("cm", anchor, comment)    comment anchored on the run `anchor` (comments.xml)

Numbering (`num`): "typed" — the number is written in the heading text ("Article 7 – …");
"auto" — Word automatic numbering (numbering.xml) or ODT text:list numbering: the heading text
holds no number; "none" — no numbers at all.  `l1` / `l2` give the label patterns
("Article %1 –", "%1.%2").
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_TIME = dt.datetime(2026, 6, 1, 9, 0, 0)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LO_PROFILE = "file:///tmp/lo_blind14"


@dataclass
class RDoc:
    title: str
    subtitle: str = ""
    blocks: list = field(default_factory=list)
    num: str = "typed"          # typed | auto | none
    l1: str = "Article %1 –"
    l2: str = "%1.%2"
    bullet: str = "–"
    header: str = ""
    footer: str = "pages"       # "pages" → « Page x / y » ; "" → none
    author: str = "Service de la commande publique"
    first_page_header: bool = True

    # ---- building helpers
    def h(self, level, segs, **opts):
        self.blocks.append(("h", level, _segs(segs), opts))

    def p(self, segs, **opts):
        self.blocks.append(("p", _segs(segs), opts))

    def li(self, segs, **opts):
        self.blocks.append(("li", _segs(segs), opts))

    def t(self, rows, **opts):
        self.blocks.append(("t", [[c if isinstance(c, list) else str(c) for c in r] for r in rows], opts))

    def pb(self):
        self.blocks.append(("pb",))

    # ---- numbering
    def numbers(self):
        """Number string of each heading block (by index), as Word / LibreOffice would show it."""
        out, c = {}, [0, 0, 0]
        for i, b in enumerate(self.blocks):
            if b[0] != "h":
                continue
            lvl = b[1]
            c[lvl - 1] += 1
            for k in range(lvl, 3):
                c[k] = 0
            out[i] = ".".join(str(x) for x in c[:lvl])
        return out

    def label(self, level, number):
        pat = self.l1 if level == 1 else self.l2
        parts = number.split(".")
        s = pat
        for k, v in enumerate(parts, start=1):
            s = s.replace(f"%{k}", v)
        return s

    def heading_plain(self, idx, level, segs, with_number):
        txt = seg_text(segs)
        if self.num == "none" or not with_number:
            return txt
        return f"{self.label(level, self.numbers()[idx])} {txt}"


def _segs(x):
    if isinstance(x, (str, tuple)):
        return [x]
    return list(x)


def seg_text(segs, accepted=True):
    out = []
    for s in segs:
        if isinstance(s, str):
            out.append(s)
        elif s[0] == "ins":
            out.append(s[1] if accepted else "")
        elif s[0] == "del":
            out.append("" if accepted else s[1])
        elif s[0] == "ref":
            out.append(s[1])
        elif s[0] in ("link", "b"):
            out.append(s[1])
        elif s[0] == "cm":
            out.append(s[1])
    return "".join(out)


def deleted_text(segs):
    return "".join(s[1] for s in segs if isinstance(s, tuple) and s[0] == "del")


def cell_text(c):
    return c if isinstance(c, str) else seg_text(c)


def plain_lines(doc: RDoc, numbers_in_text: bool):
    """Accepted text, line by line (what a reader sees once tracked changes are accepted)."""
    out = [doc.title]
    if doc.subtitle:
        out.append(doc.subtitle)
    for i, b in enumerate(doc.blocks):
        k = b[0]
        if k == "h":
            out.append(doc.heading_plain(i, b[1], b[2], numbers_in_text))
        elif k in ("p", "li"):
            if b[2].get("del_para"):
                continue
            out.append(seg_text(b[1]))
        elif k == "t":
            out.extend(" | ".join(cell_text(c) for c in r) for r in b[1])
        elif k == "cols":
            sub = RDoc(title="", blocks=b[1], num="none")
            out.extend(plain_lines(sub, False)[1:])
        elif k == "scan":
            pass
    return out


# =============================================================== docx
def _el(tag, **attrs):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k.replace("__", ":")), str(v))
    return e


def _run(text, bold=False, deltext=False, rpr_extra=None):
    r = _el("w:r")
    if bold or rpr_extra:
        rpr = _el("w:rPr")
        if rpr_extra:
            for x in rpr_extra:
                rpr.append(x)
        if bold:
            rpr.append(_el("w:b"))
        r.append(rpr)
    t = _el("w:delText" if deltext else "w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    r.append(t)
    return r


class _Ids:
    def __init__(self):
        self.n = 100

    def next(self):
        self.n += 1
        return str(self.n)


def _fill_segs(document, par, segs, ids, author, bold=False, del_para=False):
    """Appends the segs to the python-docx paragraph `par`."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.text.run import Run

    p = par._p
    when = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    for s in segs:
        if del_para and not (isinstance(s, tuple) and s[0] == "del"):
            s = ("del", seg_text([s]))
        if isinstance(s, str):
            p.append(_run(s, bold=bold))
        elif s[0] == "b":
            p.append(_run(s[1], bold=True))
        elif s[0] == "ins":
            e = _el("w:ins", w__id=ids.next(), w__author=author, w__date=when)
            e.append(_run(s[1], bold=bold))
            p.append(e)
        elif s[0] == "del":
            e = _el("w:del", w__id=ids.next(), w__author=author, w__date=when)
            e.append(_run(s[1], bold=bold, deltext=True))
            p.append(e)
        elif s[0] == "ref":
            _, cached, bm, mode = s
            instr = f" REF {bm} \\w \\h "
            if mode == "simple":
                f = _el("w:fldSimple", w__instr=instr)
                f.append(_run(cached))
                p.append(f)
            else:
                r1 = _el("w:r")
                r1.append(_el("w:fldChar", w__fldCharType="begin"))
                r2 = _el("w:r")
                it = _el("w:instrText")
                it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                it.text = instr
                r2.append(it)
                r3 = _el("w:r")
                r3.append(_el("w:fldChar", w__fldCharType="separate"))
                r4 = _run(cached)
                r5 = _el("w:r")
                r5.append(_el("w:fldChar", w__fldCharType="end"))
                for r in (r1, r2, r3, r4, r5):
                    p.append(r)
        elif s[0] == "link":
            _, text, url = s
            rid = par.part.relate_to(url, RT.HYPERLINK, is_external=True)
            h = _el("w:hyperlink", r__id=rid, w__history="1")
            col = _el("w:color", w__val="0563C1")
            und = _el("w:u", w__val="single")
            h.append(_run(text, bold=bold, rpr_extra=[col, und]))
            p.append(h)
        elif s[0] == "cm":
            _, anchor, comment = s
            r = _run(anchor, bold=bold)
            p.append(r)
            document.add_comment(Run(r, par), text=comment, author="Relecture interne", initials="RI")
    if del_para:
        ppr = p.get_or_add_pPr()
        rpr = _el("w:rPr")
        rpr.append(_el("w:del", w__id=ids.next(), w__author=author, w__date=when))
        ppr.append(rpr)


def _add_numbering(document, doc: RDoc):
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element

    def esc(s):
        return s.replace("&", "&amp;").replace('"', "&quot;")

    xml_h = (
        f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="41">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:suff w:val="space"/>'
        f'<w:lvlText w:val="{esc(doc.l1)}"/><w:lvlJc w:val="left"/><w:pStyle w:val="Heading1"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:suff w:val="space"/>'
        f'<w:lvlText w:val="{esc(doc.l2)}"/><w:lvlJc w:val="left"/><w:pStyle w:val="Heading2"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1.%2.%3"/><w:lvlJc w:val="left"/><w:pStyle w:val="Heading3"/></w:lvl>'
        "</w:abstractNum>"
    )
    xml_b = (
        f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="42">'
        '<w:multiLevelType w:val="hybridMultilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        f'<w:lvlText w:val="{esc(doc.bullet)}"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="567" w:hanging="283"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )
    first_num = numbering.find("{%s}num" % W)
    for x in (xml_h, xml_b):
        a = parse_xml(x)
        if first_num is not None:
            first_num.addprevious(a)
        else:
            numbering.append(a)
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="41"><w:abstractNumId w:val="41"/></w:num>'))
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="42"><w:abstractNumId w:val="42"/></w:num>'))


def _numpr(par, num_id, ilvl):
    ppr = par._p.get_or_add_pPr()
    numpr = _el("w:numPr")
    numpr.append(_el("w:ilvl", w__val=ilvl))
    numpr.append(_el("w:numId", w__val=num_id))
    # pStyle must come first in pPr
    ps = ppr.find("{%s}pStyle" % W)
    if ps is not None:
        ps.addnext(numpr)
    else:
        ppr.insert(0, numpr)


def _header_footer(document, doc: RDoc, ids):
    sec = document.sections[0]
    if doc.header:
        hp = sec.header.paragraphs[0]
        hp.text = doc.header
    if doc.footer == "pages":
        fp = sec.footer.paragraphs[0]
        p = fp._p
        p.append(_run("Page "))
        f = _el("w:fldSimple", w__instr=" PAGE ")
        f.append(_run("1"))
        p.append(f)
        p.append(_run(" / "))
        r1 = _el("w:r")
        r1.append(_el("w:fldChar", w__fldCharType="begin"))
        r2 = _el("w:r")
        it = _el("w:instrText")
        it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        it.text = " NUMPAGES "
        r2.append(it)
        r3 = _el("w:r")
        r3.append(_el("w:fldChar", w__fldCharType="separate"))
        r4 = _run("1")
        r5 = _el("w:r")
        r5.append(_el("w:fldChar", w__fldCharType="end"))
        for r in (r1, r2, r3, r4, r5):
            p.append(r)


def render_docx(doc: RDoc, path: Path):
    import docx
    from docx.shared import Pt

    d = docx.Document()
    cp = d.core_properties
    cp.author = doc.author
    cp.last_modified_by = doc.author
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.revision = 3
    cp.title = doc.title
    st = d.styles["Normal"]
    st.font.name = "Calibri"
    st.font.size = Pt(10.5)
    ids = _Ids()
    auto = doc.num == "auto"
    _add_numbering(d, doc)
    _header_footer(d, doc, ids)
    d.add_heading(doc.title, level=0)
    if doc.subtitle:
        d.add_paragraph(doc.subtitle)
    nums = doc.numbers()
    bm_id = 500
    for idx, b in enumerate(doc.blocks):
        k = b[0]
        if k == "h":
            _, level, segs, opts = b
            par = d.add_heading("", level=min(level, 3))
            if auto:
                _numpr(par, "41", level - 1)
                body = segs
            elif doc.num == "typed":
                body = [doc.label(level, nums[idx]) + " "] + list(segs)
            else:
                body = segs
            if opts.get("bm"):
                bm_id += 1
                par._p.append(_el("w:bookmarkStart", w__id=bm_id, w__name=opts["bm"]))
            _fill_segs(d, par, body, ids, doc.author)
            if opts.get("bm"):
                par._p.append(_el("w:bookmarkEnd", w__id=bm_id))
        elif k in ("p", "li"):
            _, segs, opts = b
            par = d.add_paragraph()
            if k == "li":
                _numpr(par, "42", 0)
            _fill_segs(d, par, segs, ids, doc.author, bold=opts.get("bold", False),
                       del_para=opts.get("del_para", False))
        elif k == "t":
            rows = b[1]
            ncol = max(len(r) for r in rows)
            tab = d.add_table(rows=len(rows), cols=ncol)
            tab.style = "Table Grid"
            for i, r in enumerate(rows):
                for j, c in enumerate(r):
                    cell = tab.cell(i, j)
                    par = cell.paragraphs[0]
                    _fill_segs(d, par, [c] if isinstance(c, str) else c, ids, doc.author, bold=(i == 0))
        elif k == "pb":
            d.add_page_break()
        elif k in ("cols", "scan"):
            raise ValueError("cols/scan blocks are PDF (fpdf2) only")
    d.save(str(path))


# =============================================================== pdf (fpdf2)
def _pdf_class():
    from fpdf import FPDF

    class P(FPDF):
        hdr = ""
        skip_next_header = False
        pages_footer = True
        no_hf = set()

        def header(self):
            if self.skip_next_header:
                self.skip_next_header = False
                return
            if self.page_no() in self.no_hf or not self.hdr:
                return
            self.set_font("DejaVu", "", 8)
            self.set_y(8)
            self.cell(0, 5, self.hdr, align="R")
            self.ln(8)

        def footer(self):
            if self.page_no() in self.no_hf or not self.pages_footer:
                return
            self.set_y(-13)
            self.set_font("DejaVu", "", 8)
            self.cell(0, 5, f"Page {self.page_no()} / {{nb}}", align="C")

    return P


def _pdf_seg_text(segs):
    return seg_text(segs)


def _scan_image(lines, seed):
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = random.Random(seed)
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif.ttf"), 24)
    img = Image.new("L", (1240, 1754), 244)
    dr = ImageDraw.Draw(img)
    y = 120
    for ln in lines:
        for part in _wrap(ln, 72):
            dr.text((110 + rng.randint(-2, 2), y), part, fill=rng.randint(25, 60), font=font)
            y += 34
        y += 12
    # a hand-drawn signature and a stamp
    pts = [(700 + 12 * i, 1400 + rng.randint(-25, 25)) for i in range(30)]
    dr.line(pts, fill=30, width=4)
    dr.ellipse([300, 1330, 560, 1590], outline=60, width=5)
    for _ in range(600):
        dr.point((rng.randint(0, 1239), rng.randint(0, 1753)), fill=rng.randint(110, 200))
    img = img.rotate(rng.uniform(-0.9, 0.9), fillcolor=244).filter(ImageFilter.SMOOTH)
    return img


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


def render_pdf(doc: RDoc, path: Path, seed=0):
    P = _pdf_class()
    pdf = P(format="A4")
    pdf.hdr = doc.header
    pdf.pages_footer = doc.footer == "pages"
    pdf.no_hf = set()
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_title(doc.title)
    pdf.set_author(doc.author)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(18, 18, 18)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, doc.title, new_x="LMARGIN", new_y="NEXT", align="C")
    if doc.subtitle:
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(0, 5.5, doc.subtitle, new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.ln(4)
    nums = doc.numbers()
    tmp = Path(tempfile.mkdtemp())
    fresh = False
    for idx, b in enumerate(doc.blocks):
        k = b[0]
        if fresh and k not in ("scan", "cols", "pb"):
            pdf.add_page()
        fresh = False
        if k == "h":
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 12 if b[1] == 1 else 10.5)
            pdf.multi_cell(0, 6, doc.heading_plain(idx, b[1], b[2], True), new_x="LMARGIN", new_y="NEXT")
        elif k == "p":
            if b[2].get("del_para"):
                continue
            pdf.set_font("DejaVu", "B" if b[2].get("bold") else "", 10)
            pdf.multi_cell(0, 5, _pdf_seg_text(b[1]), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif k == "li":
            pdf.set_font("DejaVu", "", 10)
            pdf.set_x(24)
            pdf.multi_cell(0, 5, f"{doc.bullet} " + _pdf_seg_text(b[1]), new_x="LMARGIN", new_y="NEXT")
        elif k == "t":
            pdf.set_font("DejaVu", "", 8.5)
            with pdf.table(first_row_as_headings=True, line_height=4.6) as table:
                for r in b[1]:
                    row = table.row()
                    for c in r:
                        row.cell(cell_text(c))
            pdf.ln(2)
        elif k == "pb":
            pdf.add_page()
        elif k == "cols":
            pdf.add_page()
            with pdf.text_columns(ncols=2, gutter=8, text_align="LEFT", line_height=1.15, balance=True) as cols:
                for sb in b[1]:
                    if sb[0] == "h":
                        pdf.set_font("DejaVu", "B", 10)
                        cols.write(seg_text(sb[2]) + "\n")
                    elif sb[0] in ("p", "li"):
                        pdf.set_font("DejaVu", "", 9)
                        pre = "– " if sb[0] == "li" else ""
                        cols.write(pre + seg_text(sb[1]) + "\n\n")
            fresh = True
        elif k == "scan":
            img = _scan_image(b[1], seed + idx)
            f = tmp / f"scan{idx}.png"
            img.save(f)
            pdf.skip_next_header = True
            pdf.add_page()
            pdf.no_hf.add(pdf.page_no())
            pdf.image(str(f), x=0, y=0, w=210, h=297)
            fresh = True  # the next block starts on a fresh page
    pdf.output(str(path))
    shutil.rmtree(tmp, ignore_errors=True)


# =============================================================== odt
def render_odt(doc: RDoc, path: Path):
    from odf import dc
    from odf.opendocument import OpenDocumentText
    from odf.style import (ListLevelProperties, ParagraphProperties, Style, TableColumnProperties,
                           TextProperties, Footer, Header, MasterPage, PageLayout, PageLayoutProperties)
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import (H, List, ListItem, ListLevelStyleBullet, ListLevelStyleNumber, ListStyle, P,
                          PageCount, PageNumber, Span)

    o = OpenDocumentText()
    o.meta.addElement(dc.Title(text=doc.title))
    o.meta.addElement(dc.Creator(text=doc.author))
    hs = {}
    for lvl in (1, 2, 3):
        s = Style(name=f"Heading_20_{lvl}", displayname=f"Heading {lvl}", family="paragraph",
                  defaultoutlinelevel=str(lvl))
        s.addElement(TextProperties(fontweight="bold", fontsize=f"{15 - 2 * lvl}pt"))
        s.addElement(ParagraphProperties(margintop="0.25cm", marginbottom="0.1cm"))
        o.styles.addElement(s)
        hs[lvl] = s
    tstyle = Style(name="Titre_20_doc", displayname="Titre doc", family="paragraph")
    tstyle.addElement(TextProperties(fontweight="bold", fontsize="16pt"))
    o.styles.addElement(tstyle)
    bstyle = Style(name="Gras", family="text")
    bstyle.addElement(TextProperties(fontweight="bold"))
    o.styles.addElement(bstyle)
    # numbering of the headings by a list style (the number is not in the text)
    ls = ListStyle(name="Num_Articles")

    def split_pat(pat, k):
        i = pat.index(f"%{k}")
        return pat[:i], pat[i + 2:]

    pre1, suf1 = split_pat(doc.l1, 1)
    l1 = ListLevelStyleNumber(level=1, numformat="1", numprefix=pre1, numsuffix=suf1 + " ")
    l1.addElement(ListLevelProperties(minlabelwidth="0cm", spacebefore="0cm"))
    ls.addElement(l1)
    pre2 = ""
    suf2 = doc.l2.split("%2", 1)[1] if "%2" in doc.l2 else ""
    l2 = ListLevelStyleNumber(level=2, numformat="1", displaylevels=2, numprefix=pre2, numsuffix=suf2 + " ")
    l2.addElement(ListLevelProperties(minlabelwidth="0cm", spacebefore="0cm"))
    ls.addElement(l2)
    o.automaticstyles.addElement(ls)
    bl = ListStyle(name="Puces")
    b1 = ListLevelStyleBullet(level=1, bulletchar=doc.bullet)
    b1.addElement(ListLevelProperties(minlabelwidth="0.5cm", spacebefore="0.6cm"))
    bl.addElement(b1)
    o.automaticstyles.addElement(bl)
    col = Style(name="colw", family="table-column")
    col.addElement(TableColumnProperties(columnwidth="4cm"))
    o.automaticstyles.addElement(col)
    # header / footer with page fields
    pl = PageLayout(name="PL1")
    pl.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", margintop="1.5cm",
                                       marginbottom="1.5cm", marginleft="2cm", marginright="2cm"))
    o.automaticstyles.addElement(pl)
    mp = MasterPage(name="Standard", pagelayoutname=pl)
    if doc.header:
        hd = Header()
        hd.addElement(P(text=doc.header))
        mp.addElement(hd)
    if doc.footer == "pages":
        ft = Footer()
        fp = P(text="Page ")
        fp.addElement(PageNumber(selectpage="current", text="1"))
        fp.addText(" / ")
        fp.addElement(PageCount(text="1"))
        ft.addElement(fp)
        mp.addElement(ft)
    o.masterstyles.addElement(mp)

    def para(cls, segs, **kw):
        e = cls(**kw)
        for s in segs:
            if isinstance(s, str):
                e.addText(s)
            elif s[0] == "b":
                e.addElement(Span(stylename=bstyle, text=s[1]))
            elif s[0] in ("ref", "link", "cm"):
                e.addText(s[1])
            elif s[0] == "ins":
                e.addText(s[1])
            elif s[0] == "del":
                pass
        return e

    o.text.addElement(P(stylename=tstyle, text=doc.title))
    if doc.subtitle:
        o.text.addElement(P(text=doc.subtitle))
    sub_styles = {}
    for n, b in enumerate(doc.blocks):
        k = b[0]
        if k == "h":
            level, segs = b[1], b[2]
            h = para(H, segs, outlinelevel=level, stylename=hs[min(level, 3)])
            if doc.num == "auto":
                parts = doc.numbers()[n].split(".")
                if level == 1:
                    outer = List(stylename=ls)
                    it = ListItem(startvalue=parts[0])
                else:
                    parent = ".".join(parts[:-1])
                    if parent not in sub_styles:
                        ss = ListStyle(name=f"Num_Sous_Articles_{parent.replace('.', '_')}")
                        lv = ListLevelStyleNumber(level=1, numformat="1", numprefix=f"{parent}.",
                                                  numsuffix=suf2 + " ")
                        lv.addElement(ListLevelProperties(minlabelwidth="0cm", spacebefore="0cm"))
                        ss.addElement(lv)
                        o.automaticstyles.addElement(ss)
                        sub_styles[parent] = ss
                    outer = List(stylename=sub_styles[parent])
                    it = ListItem(startvalue=parts[-1])
                it.addElement(h)
                outer.addElement(it)
                o.text.addElement(outer)
            else:
                if doc.num == "typed":
                    idx_num = doc.numbers()[n]
                    h = para(H, [doc.label(level, idx_num) + " "] + list(segs), outlinelevel=level,
                             stylename=hs[min(level, 3)])
                o.text.addElement(h)
        elif k == "p":
            if b[2].get("del_para"):
                continue
            segs = b[1] if not b[2].get("bold") else [("b", seg_text(b[1]))]
            o.text.addElement(para(P, segs))
        elif k == "li":
            lst = List(stylename=bl)
            it = ListItem()
            it.addElement(para(P, b[1]))
            lst.addElement(it)
            o.text.addElement(lst)
        elif k == "t":
            rows = b[1]
            ncol = max(len(r) for r in rows)
            tab = Table(name=f"Tableau{n}")
            tab.addElement(TableColumn(numbercolumnsrepeated=ncol, stylename=col))
            for r in rows:
                tr = TableRow()
                for c in r + [""] * (ncol - len(r)):
                    tc = TableCell(valuetype="string")
                    tc.addElement(para(P, [c] if isinstance(c, str) else c))
                    tr.addElement(tc)
                tab.addElement(tr)
            o.text.addElement(tab)
        elif k == "pb":
            pass
        else:
            raise ValueError("cols/scan are PDF only")
    o.save(str(path))


# =============================================================== LibreOffice
def soffice_convert(sources, outdir: Path, fmt="pdf"):
    """Converts several files in one LibreOffice run (private profile). Returns the outputs."""
    outdir.mkdir(parents=True, exist_ok=True)
    if not sources:
        return []
    cmd = ["soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless", "--convert-to", fmt,
           "--outdir", str(outdir)] + [str(s) for s in sources]
    subprocess.run(cmd, capture_output=True, timeout=900, check=False)
    return [outdir / (Path(s).stem + "." + fmt) for s in sources]


def render_scanned(lines, path: Path, seed=0, per_page=30):
    """Image-only PDF (every page a bitmap of the text, no text layer)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    tmp = Path(tempfile.mkdtemp())
    chunks = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[""]]
    for n, ch in enumerate(chunks):
        img = _scan_image(ch, seed + n)
        f = tmp / f"p{n}.png"
        img.save(f)
        pdf.add_page()
        pdf.image(str(f), x=0, y=0, w=210, h=297)
    pdf.output(str(path))
    shutil.rmtree(tmp, ignore_errors=True)
