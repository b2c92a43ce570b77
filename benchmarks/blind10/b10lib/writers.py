"""Writers for the tenth blind corpus: the habits of large buyers' Word templates.

A `Doc10` is a title, cover lines and blocks:
    ("h", level, num, text)        heading (num "9", "9.2", "9.2.4.1" or None)
    ("p", text) / ("pb", text)     paragraph / bold paragraph
    ("li", text)                   bullet item
    ("t", rows)                    table (first row = header)
    ("toc",)                       « Sommaire »: every heading with dotted leaders and a page number
    ("sdt_begin", tag) ("sdt_end",) content control wrapping the blocks between (docx)
    ("section",)                   section break (docx), new page (pdf, odt)
    ("date", label, cached)        a DATE field (docx) with its cached value
Running header (`header`) and footer « <ref> – Page x / y » on every page. No wording lives here."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_TIME = dt.datetime(2026, 6, 1, 9, 0, 0)
MAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
LO_PROFILE = "file:///tmp/lo_blind10"


@dataclass
class Doc10:
    title: str
    cover: list = field(default_factory=list)
    blocks: list = field(default_factory=list)
    header: str = ""            # running header text
    footer: str = ""            # running footer text, « – Page x / y » appended
    hstyle: str = "article_dash"
    links: bool = True          # e-mails as w:hyperlink (docx)
    sdt_cells: bool = False     # each table cell in its own content control (docx)
    sdt_runs: list = field(default_factory=list)   # substrings put in run-level content controls
    tracked: list = field(default_factory=list)    # (block index, inserted, deleted)
    comments: list = field(default_factory=list)   # (block index, text)
    author: str = "Direction de la commande publique"
    toc_pages: dict = field(default_factory=dict)  # heading index -> page (filled for PDFs)

    def h(self, level, num, text):
        self.blocks.append(("h", level, num, text))

    def p(self, text):
        self.blocks.append(("p", text))

    def pb(self, text):
        self.blocks.append(("pb", text))

    def li(self, text):
        self.blocks.append(("li", text))

    def t(self, rows):
        self.blocks.append(("t", [[str(c) for c in r] for r in rows]))

    def toc(self):
        self.blocks.append(("toc",))

    def sdt(self, tag):
        self.blocks.append(("sdt_begin", tag))

    def sdt_end(self):
        self.blocks.append(("sdt_end",))

    def section(self):
        self.blocks.append(("section",))

    def date(self, label, cached):
        self.blocks.append(("date", label, cached))

    def heading_text(self, level, num, text):
        if num is None:
            return text
        if level == 1:
            return {
                "article_dash": f"Article {num} – {text}",
                "ARTICLE": f"ARTICLE {num} – {text.upper()}",
                "art_colon": f"Article {num} : {text}",
                "bare": f"{num}. {text}",
            }[self.hstyle]
        return f"{num} {text}"

    def headings(self):
        return [(i, b) for i, b in enumerate(self.blocks) if b[0] == "h"]

    def toc_entries(self, default_pages=True):
        """(level, label, page) for every heading of level ≤ 3."""
        out, page = [], 2
        for n, (i, b) in enumerate(self.headings()):
            if b[1] > 3:
                continue
            if i in self.toc_pages:
                pg = self.toc_pages[i]
            else:  # a plausible page for Word (fields are recomputed when the user updates them)
                page = max(page, 2 + n // 4)
                pg = page
            out.append((b[1], self.heading_text(b[1], b[2], b[3]), pg))
        return out


# =================================================================== docx
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _el(tag, **attrs):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k.replace("__", ":")), str(v))
    return e


def _run(text, bold=False):
    r = _el("w:r")
    if bold:
        rpr = _el("w:rPr")
        rpr.append(_el("w:b"))
        r.append(rpr)
    t = _el("w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    r.append(t)
    return r


def _fld(instr, cached):
    """A complex field: begin / instr / separate / cached result / end (list of runs)."""
    out = []
    r = _el("w:r")
    r.append(_el("w:fldChar", w__fldCharType="begin"))
    out.append(r)
    r = _el("w:r")
    it = _el("w:instrText")
    it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    it.text = f" {instr} "
    r.append(it)
    out.append(r)
    r = _el("w:r")
    r.append(_el("w:fldChar", w__fldCharType="separate"))
    out.append(r)
    out.append(_run(cached))
    r = _el("w:r")
    r.append(_el("w:fldChar", w__fldCharType="end"))
    out.append(r)
    return out


class _Ids:
    def __init__(self):
        self.n = 100

    def next(self):
        self.n += 1
        return self.n


def _sdt(ids, tag, content_elems, kind="block", alias=None):
    sdt = _el("w:sdt")
    pr = _el("w:sdtPr")
    pr.append(_el("w:alias", w__val=alias or tag))
    pr.append(_el("w:tag", w__val=tag))
    pr.append(_el("w:id", w__val=ids.next()))
    if kind == "run":
        pr.append(_el("w:text"))
    sdt.append(pr)
    c = _el("w:sdtContent")
    for e in content_elems:
        c.append(e)
    sdt.append(c)
    return sdt


def _fill_paragraph(par_el, text, doc, ids, part, bold=False):
    """Runs of a paragraph: e-mails as hyperlinks, chosen substrings in run-level content controls."""
    pieces = [(text, None)]
    if doc.sdt_runs:
        for sub in doc.sdt_runs:
            nxt = []
            for s, kind in pieces:
                if kind is not None or sub not in s:
                    nxt.append((s, kind))
                    continue
                a, _, b = s.partition(sub)
                nxt += [(a, None), (sub, "sdt"), (b, None)]
            pieces = nxt
    if doc.links:
        nxt = []
        for s, kind in pieces:
            if kind is not None:
                nxt.append((s, kind))
                continue
            pos = 0
            for m in MAIL_RE.finditer(s):
                nxt.append((s[pos:m.start()], None))
                nxt.append((m.group(0), "mail"))
                pos = m.end()
            nxt.append((s[pos:], None))
        pieces = nxt
    for s, kind in pieces:
        if not s:
            continue
        if kind is None:
            par_el.append(_run(s, bold))
        elif kind == "sdt":
            par_el.append(_sdt(ids, "champ_saisie", [_run(s, bold)], kind="run", alias="Zone de saisie"))
        else:
            rid = part.relate_to("mailto:" + s, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True)
            hl = _el("w:hyperlink", r__id=rid, w__history="1")
            r = _run(s)
            rpr = _el("w:rPr")
            rpr.append(_el("w:rStyle", w__val="Hyperlink"))
            r.insert(0, rpr)
            hl.append(r)
            par_el.append(hl)


def _para(doc, ids, part, text, style=None, bold=False):
    p = _el("w:p")
    if style:
        ppr = _el("w:pPr")
        ppr.append(_el("w:pStyle", w__val=style))
        p.append(ppr)
    _fill_paragraph(p, text, doc, ids, part, bold)
    return p


def _hf(section, text, footer, ref):
    from docx.oxml import parse_xml

    part = section.footer if footer else section.header
    part.is_linked_to_previous = False
    p = part.paragraphs[0]
    p.text = ""
    p._p.append(_run(text + ("  –  Page " if footer else "")))
    if footer:
        for r in _fld("PAGE", "1"):
            p._p.append(r)
        p._p.append(_run(" / "))
        for r in _fld("NUMPAGES", "1"):
            p._p.append(r)
    _ = parse_xml, ref


def render_docx(doc: Doc10, path: Path):
    import docx
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Pt

    d = docx.Document()
    cp = d.core_properties
    cp.author = doc.author
    cp.last_modified_by = doc.author
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.revision = 3
    cp.title = doc.title
    d.styles["Normal"].font.name = "Calibri"
    d.styles["Normal"].font.size = Pt(10.5)
    for lvl in (1, 2, 3):
        d.styles[f"Heading {lvl}"]  # ensure the heading styles exist
    body = d.element.body
    sectpr_final = body.find("{%s}sectPr" % W)
    part = d.part
    ids = _Ids()
    tracked = {i: (a, b) for i, a, b in doc.tracked}
    comments = {i: c for i, c in doc.comments}

    def add(el):
        target = stack[-1]
        if target is body:
            sectpr_final.addprevious(el)
        else:
            target.append(el)

    stack = [body]
    tp = d.add_paragraph(doc.title, style="Title")
    for line in doc.cover:
        _fill_paragraph(d.add_paragraph()._p, line, doc, ids, part)
    heads = doc.headings()
    bm = {i: f"_Toc{21904000 + k * 7}" for k, (i, _b) in enumerate(heads)}
    for idx, b in enumerate(doc.blocks):
        el = None
        kind = b[0]
        if kind == "sdt_begin":
            sdt = _sdt(ids, b[1], [])
            add(sdt)
            stack.append(sdt.find("{%s}sdtContent" % W))
            continue
        if kind == "sdt_end":
            stack.pop()
            continue
        if kind == "h":
            _, level, num, text = b
            el = _para(doc, ids, part, doc.heading_text(level, num, text), style=f"Heading{min(level, 3)}")
            bs = _el("w:bookmarkStart", w__id=ids.next(), w__name=bm[idx])
            el.insert(1, bs)
            el.append(_el("w:bookmarkEnd", w__id=bs.get("{%s}id" % W)))
        elif kind in ("p", "pb"):
            el = _para(doc, ids, part, b[1], bold=(kind == "pb"))
        elif kind == "li":
            el = _para(doc, ids, part, b[1], style="ListBullet")
        elif kind == "date":
            el = _el("w:p")
            el.append(_run(b[1]))
            for r in _fld('DATE \\@ "dd/MM/yyyy"', b[2]):
                el.append(r)
        elif kind == "toc":
            sdt = _el("w:sdt")
            pr = _el("w:sdtPr")
            pr.append(_el("w:id", w__val=ids.next()))
            dpo = _el("w:docPartObj")
            dpo.append(_el("w:docPartGallery", w__val="Table of Contents"))
            dpo.append(_el("w:docPartUnique"))
            pr.append(dpo)
            sdt.append(pr)
            c = _el("w:sdtContent")
            sdt.append(c)
            h = _el("w:p")
            ppr = _el("w:pPr")
            ppr.append(_el("w:pStyle", w__val="TOCHeading"))
            h.append(ppr)
            h.append(_run("SOMMAIRE", bold=True))
            c.append(h)
            entries = doc.toc_entries()
            hk = [i for i, bb in heads if bb[1] <= 3]
            for n, (level, label, pg) in enumerate(entries):
                p = _el("w:p")
                ppr = _el("w:pPr")
                ppr.append(_el("w:pStyle", w__val=f"TOC{level}"))
                tabs = _el("w:tabs")
                tabs.append(_el("w:tab", w__val="right", w__leader="dot", w__pos="9062"))
                ppr.append(tabs)
                p.append(ppr)
                if n == 0:
                    for r in _fld('TOC \\o "1-3" \\h \\z \\u', "")[:3]:
                        p.append(r)
                hl = _el("w:hyperlink", w__anchor=bm[hk[n]], w__history="1")
                hl.append(_run(label))
                r = _el("w:r")
                r.append(_el("w:tab"))
                hl.append(r)
                for r in _fld(f"PAGEREF {bm[hk[n]]} \\h", str(pg)):
                    hl.append(r)
                p.append(hl)
                if n == len(entries) - 1:
                    r = _el("w:r")
                    r.append(_el("w:fldChar", w__fldCharType="end"))
                    p.append(r)
                c.append(p)
            add(sdt)
            continue
        elif kind == "section":
            # section break: the current section's properties go into the last paragraph
            p = _el("w:p")
            ppr = _el("w:pPr")
            sp = _el("w:sectPr")
            sp.append(_el("w:type", w__val="nextPage"))
            sp.append(_el("w:pgSz", w__w="11906", w__h="16838"))
            sp.append(_el("w:pgMar", w__top="1417", w__right="1417", w__bottom="1417", w__left="1417",
                          w__header="708", w__footer="708", w__gutter="0"))
            ppr.append(sp)
            p.append(ppr)
            add(p)
            continue
        elif kind == "t":
            rows = b[1]
            ncol = max(len(r) for r in rows)
            tab = d.add_table(rows=len(rows), cols=ncol)
            tab.style = "Table Grid"
            for i, r in enumerate(rows):
                for j in range(ncol):
                    cell = tab.cell(i, j)
                    tc = cell._tc
                    for p0 in list(tc.findall("{%s}p" % W)):
                        tc.remove(p0)
                    p = _para(doc, ids, part, r[j] if j < len(r) else "", bold=(i == 0))
                    if doc.sdt_cells and i > 0:
                        tc.append(_sdt(ids, f"cellule_{i}_{j}", [p]))
                    else:
                        tc.append(p)
            el = tab._tbl
            el.getparent().remove(el)
        if el is not None:
            add(el)
            if idx in tracked and el.tag == "{%s}p" % W:
                ins, dele = tracked[idx]
                when = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
                if dele:
                    de = _el("w:del", w__id=ids.next(), w__author=doc.author, w__date=when)
                    r = _el("w:r")
                    t = _el("w:delText")
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                    t.text = dele
                    r.append(t)
                    de.append(r)
                    el.append(de)
                if ins:
                    ie = _el("w:ins", w__id=ids.next(), w__author="Relecteur juridique", w__date=when)
                    ie.append(_run(ins))
                    el.append(ie)
            if idx in comments and el.tag == "{%s}p" % W:
                from docx.text.paragraph import Paragraph

                par = Paragraph(el, d._body)
                d.add_comment(par.runs[:1], text=comments[idx], author="Relecteur", initials="RL")
    _ = tp, WD_ORIENT, WD_SECTION
    for s in d.sections:
        if doc.header:
            _hf(s, doc.header, False, None)
        if doc.footer:
            _hf(s, doc.footer, True, None)
    d.save(str(path))


# =================================================================== pdf (fpdf2)
def _pdf_class():
    from fpdf import FPDF

    class P(FPDF):
        hdr = ""
        ftr = ""

        def header(self):
            if self.hdr:
                self.set_font("DejaVu", "", 8)
                self.set_text_color(90, 90, 90)
                self.cell(0, 5, self.hdr, align="R", new_x="LMARGIN", new_y="NEXT")
                self.set_text_color(0, 0, 0)
                self.ln(2)

        def footer(self):
            if self.ftr:
                self.set_y(-13)
                self.set_font("DejaVu", "", 8)
                self.cell(0, 5, f"{self.ftr}  –  Page {self.page_no()} / {{nb}}", align="C")

    return P


def _pdf_render(doc: Doc10, path: Path | None, password=None):
    P = _pdf_class()
    pdf = P(format="A4")
    pdf.hdr, pdf.ftr = doc.header, doc.footer
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_title(doc.title)
    pdf.set_author(doc.author)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(18, 16, 18)
    if password:
        pdf.set_encryption(owner_password=password + "-owner", user_password=password)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, doc.title, new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.set_font("DejaVu", "", 10)
    for line in doc.cover:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.ln(4)
    pages = {}
    for i, b in enumerate(doc.blocks):
        k = b[0]
        if k == "h":
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", {1: 12, 2: 10.5}.get(b[1], 10))
            if pdf.get_y() > 250:
                pdf.add_page()
            pages[i] = pdf.page_no()
            pdf.multi_cell(0, 6, doc.heading_text(b[1], b[2], b[3]), new_x="LMARGIN", new_y="NEXT")
        elif k in ("p", "pb"):
            pdf.set_font("DejaVu", "B" if k == "pb" else "", 10)
            pdf.multi_cell(0, 5, b[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif k == "li":
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5, "• " + b[1], new_x="LMARGIN", new_y="NEXT")
        elif k == "date":
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5, b[1] + b[2], new_x="LMARGIN", new_y="NEXT")
        elif k == "toc":
            pdf.set_font("DejaVu", "B", 12)
            pdf.cell(0, 7, "SOMMAIRE", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("DejaVu", "", 9.5)
            for level, label, pg in doc.toc_entries():
                indent = 6 * (level - 1)
                pdf.set_x(18 + indent)
                w = 174 - indent
                lab = label
                while pdf.get_string_width(lab + " 99") > w - 4 and len(lab) > 10:
                    lab = lab[:-2]
                dots_w = w - pdf.get_string_width(lab) - pdf.get_string_width(f" {pg}") - 2
                dots = "." * max(3, int(dots_w / pdf.get_string_width(".")))
                pdf.cell(w, 5.5, f"{lab} {dots} {pg}", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif k == "section":
            pdf.add_page()
        elif k == "t":
            pdf.set_font("DejaVu", "", 8.5)
            ncol = max(len(r) for r in b[1])
            longest = [max(min(pdf.get_string_width(r[j]) if j < len(r) else 0, 90) for r in b[1]) + 4
                       for j in range(ncol)]
            with pdf.table(first_row_as_headings=True, line_height=4.6, col_widths=tuple(longest)) as table:
                for r in b[1]:
                    row = table.row()
                    for c in r:
                        row.cell(c)
            pdf.ln(2)
    if path is not None:
        pdf.output(str(path))
    return pages


def render_pdf(doc: Doc10, path: Path, password=None):
    """Two passes: the first finds the page of every heading, the second writes the sommaire."""
    doc.toc_pages = {}
    pages = _pdf_render(doc, None)
    doc.toc_pages = pages
    pages2 = _pdf_render(doc, None)
    doc.toc_pages = pages2
    _pdf_render(doc, path, password)


# =================================================================== odt
def render_odt(doc: Doc10, path: Path):
    from odf import teletype
    from odf.opendocument import OpenDocumentText
    from odf.style import (Footer, Header, MasterPage, PageLayout, PageLayoutProperties,
                           ParagraphProperties, Style, TabStop, TabStops, TableColumnProperties,
                           TextProperties)
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import (H, IndexBody, IndexTitle, List, ListItem, P, PageCount, PageNumber, Span,
                          Tab, TableOfContent, TableOfContentSource)

    o = OpenDocumentText()
    o.meta.addElement(__import__("odf.dc", fromlist=["Title"]).Title(text=doc.title))
    pl = PageLayout(name="pm1")
    pl.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", margintop="1.5cm",
                                       marginbottom="1.5cm", marginleft="2cm", marginright="2cm"))
    o.automaticstyles.addElement(pl)
    mp = MasterPage(name="Standard", pagelayoutname=pl)
    if doc.header:
        hd = Header()
        hd.addElement(P(text=doc.header))
        mp.addElement(hd)
    if doc.footer:
        ft = Footer()
        fp = P(text=doc.footer + "  –  Page ")
        fp.addElement(PageNumber(selectpage="current", text="1"))
        fp.addElement(Span(text=" / "))
        fp.addElement(PageCount(text="1"))
        ft.addElement(fp)
        mp.addElement(ft)
    o.masterstyles.addElement(mp)
    hs = {}
    for lvl in (1, 2, 3, 4):
        s = Style(name=f"Heading_20_{lvl}", displayname=f"Heading {lvl}", family="paragraph",
                  defaultoutlinelevel=str(lvl))
        s.addElement(TextProperties(fontweight="bold", fontsize=f"{15 - 1.5 * lvl}pt"))
        s.addElement(ParagraphProperties(margintop="0.25cm", marginbottom="0.1cm"))
        o.styles.addElement(s)
        hs[lvl] = s
    bold = Style(name="Gras", family="paragraph")
    bold.addElement(TextProperties(fontweight="bold"))
    o.styles.addElement(bold)
    tstyle = Style(name="Titre", family="paragraph")
    tstyle.addElement(TextProperties(fontweight="bold", fontsize="16pt"))
    o.styles.addElement(tstyle)
    brk = Style(name="Saut", family="paragraph")
    brk.addElement(ParagraphProperties(breakbefore="page"))
    o.automaticstyles.addElement(brk)
    tocs = {}
    for lvl in (1, 2, 3):
        s = Style(name=f"Contents_20_{lvl}", displayname=f"Contents {lvl}", family="paragraph")
        pp = ParagraphProperties(marginleft=f"{0.5 * (lvl - 1)}cm")
        ts = TabStops()
        ts.addElement(TabStop(position="17cm", type="right", leaderstyle="dotted", leadertext="."))
        pp.addElement(ts)
        s.addElement(pp)
        o.styles.addElement(s)
        tocs[lvl] = s
    col = Style(name="col", family="table-column")
    col.addElement(TableColumnProperties(columnwidth="4cm"))
    o.automaticstyles.addElement(col)
    o.text.addElement(P(stylename=tstyle, text=doc.title))
    for line in doc.cover:
        o.text.addElement(P(text=line))
    for n, b in enumerate(doc.blocks):
        k = b[0]
        if k == "h":
            o.text.addElement(H(outlinelevel=b[1], stylename=hs[min(b[1], 4)],
                                text=doc.heading_text(b[1], b[2], b[3])))
        elif k == "p":
            o.text.addElement(P(text=b[1]))
        elif k == "pb":
            o.text.addElement(P(stylename=bold, text=b[1]))
        elif k == "date":
            o.text.addElement(P(text=b[1] + b[2]))
        elif k == "li":
            lst = List()
            it = ListItem()
            it.addElement(P(text="– " + b[1]))
            lst.addElement(it)
            o.text.addElement(lst)
        elif k == "section":
            o.text.addElement(P(stylename=brk, text=""))
        elif k == "toc":
            toc = TableOfContent(name="Sommaire1", protected="true")
            toc.addElement(TableOfContentSource(outlinelevel="3"))
            ib = IndexBody()
            it = IndexTitle(name="Sommaire1_Head")
            it.addElement(P(stylename=bold, text="SOMMAIRE"))
            ib.addElement(it)
            for level, label, pg in doc.toc_entries():
                p = P(stylename=tocs[level])
                teletype.addTextToElement(p, label)
                p.addElement(Tab())
                teletype.addTextToElement(p, str(pg))
                ib.addElement(p)
            toc.addElement(ib)
            o.text.addElement(toc)
        elif k == "t":
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


# =================================================================== LibreOffice, in one batch
def soffice_batch(jobs, log):
    """jobs: list of (Doc10, target Path, filter) with filter 'pdf', 'rtf' or 'doc'.
    Each Doc10 is written as docx under a unique name, then converted by one LibreOffice run per
    filter (private profile). Without soffice a PDF is made by fpdf2; an rtf/doc cannot be, and
    the build stops."""
    if not jobs:
        return
    tmp = Path(tempfile.mkdtemp(prefix="b10lo_"))
    have = shutil.which("soffice")
    filt = {"pdf": "pdf:writer_pdf_Export", "rtf": "rtf", "doc": "doc:MS Word 97"}
    by_filter = {}
    for n, (doc, target, flt) in enumerate(jobs):
        src = tmp / f"j{n:03d}.docx"
        render_docx(doc, src)
        by_filter.setdefault(flt, []).append((src, target, doc))
    for flt, items in by_filter.items():
        outdir = tmp / ("out_" + flt)
        outdir.mkdir()
        if have:
            for k in range(0, len(items), 30):
                chunk = items[k:k + 30]
                cmd = ["soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless", "--convert-to",
                       filt[flt], "--outdir", str(outdir)] + [str(s) for s, _t, _d in chunk]
                subprocess.run(cmd, capture_output=True, timeout=900, check=False)
        for src, target, doc in items:
            out = outdir / (src.stem + "." + flt)
            target.parent.mkdir(parents=True, exist_ok=True)
            if out.exists() and out.stat().st_size > 0:
                shutil.move(str(out), str(target))
                log.append(("soffice", str(target)))
            elif flt == "pdf":
                render_pdf(doc, target)
                log.append(("fpdf", str(target)))
            else:
                raise SystemExit(f"conversion {flt} impossible sans LibreOffice : {target}")
    shutil.rmtree(tmp, ignore_errors=True)
