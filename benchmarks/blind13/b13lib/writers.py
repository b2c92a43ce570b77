"""Writers for the thirteenth blind corpus: Word with footnotes, text boxes, bordered frames,
merged table cells, tracked cell edits and comments; ODT with the same features (notes,
spanned cells, annotations, frames) so that LibreOffice can turn it into a second kind of
.docx; PDF through fpdf2 or LibreOffice. No wording lives here.

A document is a `D`: a title and a list of blocks
    ("h", level, text)            heading (text carries its own number: "ARTICLE 9 - EXECUTION")
    ("p", text, opts)             paragraph; opts: bold, italic, center, comment
    ("li", text)                  bullet item
    ("t", rows, opts)             table; a cell is a str, a dict {"t": str, "cs": n, "rs": n}
                                  or None where a merge covers it; opts: hdr (header rows),
                                  tracked (row, col, new, old), bold_last
    ("box", title, lines)         text box (Word w:txbxContent, ODT draw:text-box)
    ("frame", lines)              paragraphs with a border (w:pBdr / fo:border)
    ("pb",)                       page break
A footnote is written inside a text as {{fn:the note}}."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_TIME = dt.datetime(2026, 6, 1, 9, 0, 0)
LO_PROFILE = "file:///tmp/lo_blind13"
FN_RE = re.compile(r"\{\{fn:(.*?)\}\}", re.S)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class D:
    title: str
    blocks: list = field(default_factory=list)
    subtitle: list = field(default_factory=list)
    author: str = "Service de la commande publique"
    header: str = ""

    def h(self, level, text):
        self.blocks.append(("h", level, text))

    def p(self, text, **opts):
        self.blocks.append(("p", text, opts))

    def li(self, text):
        self.blocks.append(("li", text))

    def t(self, rows, **opts):
        self.blocks.append(("t", rows, opts))

    def box(self, title, lines):
        self.blocks.append(("box", title, list(lines)))

    def frame(self, lines):
        self.blocks.append(("frame", list(lines)))

    def pb(self):
        self.blocks.append(("pb",))

    # ---- plain text, in reading order, footnotes at the end
    def footnotes(self):
        notes = []
        for s in self._strings():
            notes.extend(FN_RE.findall(s))
        return notes

    def _strings(self):
        yield self.title
        yield from self.subtitle
        for b in self.blocks:
            if b[0] in ("h",):
                yield b[2]
            elif b[0] in ("p", "li"):
                yield b[1]
            elif b[0] == "t":
                for r in b[1]:
                    for c in r:
                        if c is None:
                            continue
                        yield c["t"] if isinstance(c, dict) else c
            elif b[0] == "box":
                yield b[1]
                yield from b[2]
            elif b[0] == "frame":
                yield from b[1]

    def text(self):
        out = []
        for s in self._strings():
            out.append(FN_RE.sub("", s))
        for b in self.blocks:
            if b[0] == "t" and b[2].get("tracked"):
                out.append(b[2]["tracked"][2])
        out.extend(self.footnotes())
        return "\n".join(out)


def cell_text(c):
    if c is None:
        return ""
    return c["t"] if isinstance(c, dict) else c


def split_fn(text):
    """[(kind, str)] with kind 'txt' or 'fn'."""
    out, pos = [], 0
    for m in FN_RE.finditer(text):
        if m.start() > pos:
            out.append(("txt", text[pos:m.start()]))
        out.append(("fn", m.group(1)))
        pos = m.end()
    if pos < len(text):
        out.append(("txt", text[pos:]))
    return out


def strip_fn(text):
    return FN_RE.sub("", text)


# ======================================================================== Word (python-docx)
def _esc(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def _run_xml(text, bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{_esc(text)}</w:t></w:r>'


class _Notes:
    def __init__(self):
        self.items = []

    def add(self, text):
        self.items.append(text)
        return len(self.items)

    def xml(self):
        parts = [
            f'<w:footnotes xmlns:w="{W_NS}">',
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
            'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
            'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
        ]
        for i, t in enumerate(self.items, start=1):
            parts.append(
                f'<w:footnote w:id="{i}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
                '<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="16"/></w:rPr><w:footnoteRef/></w:r>'
                f'<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve"> {_esc(t)}</w:t></w:r></w:p></w:footnote>')
        parts.append("</w:footnotes>")
        return "".join(parts).encode("utf-8")


def _fill_par(par, text, notes, bold=False, italic=False):
    from docx.oxml import parse_xml

    for kind, s in split_fn(text):
        if kind == "txt":
            r = par.add_run(s)
            r.bold = bold or None
            r.italic = italic or None
        else:
            n = notes.add(s)
            par._p.append(parse_xml(
                f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference w:id="{n}"/></w:r>'))


def _box_xml(title, lines, n):
    inner = "".join(
        f'<w:p><w:pPr><w:spacing w:after="60"/></w:pPr>{_run_xml(l)}</w:p>' for l in lines)
    head = f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{_run_xml(title, bold=True)}</w:p>'
    height = 40 + 18 * (len(lines) + 1)
    return (
        f'<w:r xmlns:w="{W_NS}" xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:o="urn:schemas-microsoft-com:office:office"><w:pict>'
        '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
        '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        f'<v:shape id="AretenirBox{n}" o:spid="_x0000_s10{20 + n}" type="#_x0000_t202" '
        f'style="width:440pt;height:{height}pt" strokeweight="1.25pt" fillcolor="#f2f2f2">'
        f'<v:textbox><w:txbxContent>{head}{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')


def _border_ppr():
    from docx.oxml import parse_xml

    return parse_xml(
        f'<w:pBdr xmlns:w="{W_NS}"><w:top w:val="single" w:sz="8" w:space="4" w:color="000000"/>'
        '<w:left w:val="single" w:sz="8" w:space="4" w:color="000000"/>'
        '<w:bottom w:val="single" w:sz="8" w:space="4" w:color="000000"/>'
        '<w:right w:val="single" w:sz="8" w:space="4" w:color="000000"/></w:pBdr>')


def _table_docx(d, rows, opts, notes, author):
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    nrow, ncol = len(rows), max(len(r) for r in rows)
    tab = d.add_table(rows=nrow, cols=ncol)
    tab.style = "Table Grid"
    merges = []
    for i, r in enumerate(rows):
        for j, c in enumerate(r):
            if isinstance(c, dict) and (c.get("cs", 1) > 1 or c.get("rs", 1) > 1):
                merges.append((i, j, i + c.get("rs", 1) - 1, j + c.get("cs", 1) - 1))
    for (i, j, i2, j2) in merges:
        tab.cell(i, j).merge(tab.cell(i2, j2))
    hdr = opts.get("hdr", 1)
    tracked = opts.get("tracked")
    for i, r in enumerate(rows):
        for j, c in enumerate(r):
            if c is None:
                continue
            cell = tab.cell(i, j)
            par = cell.paragraphs[0]
            for extra in cell.paragraphs[1:]:
                extra._p.getparent().remove(extra._p)
            bold = i < hdr or (opts.get("bold_last") and i == nrow - 1)
            if tracked and (i, j) == tracked[:2]:
                new, old = tracked[2], tracked[3]
                when = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
                par._p.append(parse_xml(
                    f'<w:del xmlns:w="{W_NS}" w:id="811" w:author="{_esc(author)}" w:date="{when}"><w:r>'
                    f'<w:delText xml:space="preserve">{_esc(old)}</w:delText></w:r></w:del>'))
                par._p.append(parse_xml(
                    f'<w:ins xmlns:w="{W_NS}" w:id="812" w:author="{_esc(author)}" w:date="{when}">'
                    f'{_run_xml(new)}</w:ins>'))
            else:
                _fill_par(par, cell_text(c), notes, bold=bold)
    # header rows repeat on each page
    for i in range(min(hdr, nrow)):
        trpr = tab.rows[i]._tr.get_or_add_trPr()
        el = trpr.makeelement(qn("w:tblHeader"), {})
        trpr.append(el)
    return tab


def render_docx(doc: D, path: Path):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.shared import Pt

    d = docx.Document()
    cp = d.core_properties
    cp.author = doc.author
    cp.last_modified_by = doc.author
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.revision = 2
    cp.title = strip_fn(doc.title)
    st = d.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(10)
    notes = _Notes()
    if doc.header:
        d.sections[0].header.paragraphs[0].text = doc.header
    tp = d.add_paragraph()
    tp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _fill_par(tp, doc.title, notes, bold=True)
    for r in tp.runs:
        r.font.size = Pt(15)
    for s in doc.subtitle:
        sp = d.add_paragraph()
        sp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _fill_par(sp, s, notes)
    nbox = 0
    for b in doc.blocks:
        kind = b[0]
        if kind == "h":
            par = d.add_heading("", level=min(b[1], 3))
            _fill_par(par, b[2], notes)
        elif kind == "p":
            opts = b[2]
            par = d.add_paragraph()
            if opts.get("center"):
                par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _fill_par(par, b[1], notes, bold=opts.get("bold", False), italic=opts.get("italic", False))
            if opts.get("comment"):
                d.add_comment(par.runs, text=opts["comment"], author="Relecture interne", initials="RI")
        elif kind == "li":
            par = d.add_paragraph(style="List Bullet")
            _fill_par(par, b[1], notes)
        elif kind == "t":
            _table_docx(d, b[1], b[2], notes, doc.author)
            d.add_paragraph()
        elif kind == "box":
            from docx.oxml import parse_xml

            nbox += 1
            par = d.add_paragraph()
            par._p.append(parse_xml(_box_xml(b[1], b[2], nbox)))
        elif kind == "frame":
            for k, line in enumerate(b[1]):
                par = d.add_paragraph()
                ppr = par._p.get_or_add_pPr()
                ppr.append(_border_ppr())
                _fill_par(par, line, notes, bold=(k == 0))
        elif kind == "pb":
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    if notes.items:
        part = Part(PackURI("/word/footnotes.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                    notes.xml(), d.part.package)
        d.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes")
        from docx.oxml import parse_xml

        settings = d.settings.element
        fpr = parse_xml(f'<w:footnotePr xmlns:w="{W_NS}"><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
        compat = settings.find("{%s}compat" % W_NS)
        if compat is not None:
            compat.addprevious(fpr)
        else:
            settings.append(fpr)
    d.save(str(path))
    fix_zip_times(path)


def fix_zip_times(path: Path):
    """Rewrite a zip container with fixed entry dates (reproducible bytes)."""
    path = Path(path)
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    tmp = path.with_suffix(path.suffix + ".tmp")
    with zipfile.ZipFile(tmp, "w") as z:
        for info, data in items:
            ni = zipfile.ZipInfo(info.filename, date_time=(2026, 6, 1, 9, 0, 0))
            ni.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            ni.external_attr = 0o644 << 16
            z.writestr(ni, data)
    tmp.replace(path)


# ======================================================================== ODT (odfpy)
def render_odt(doc: D, path: Path):
    from odf import dc, office
    from odf.draw import Frame, TextBox
    from odf.opendocument import OpenDocumentText
    from odf.style import (GraphicProperties, ParagraphProperties, Style, TableCellProperties,
                           TableColumnProperties, TableProperties, TextProperties)
    from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableHeaderRows, TableRow
    from odf.text import H, List, ListItem, Note, NoteBody, NoteCitation, P, Span

    o = OpenDocumentText()
    o.meta.addElement(dc.Title(text=strip_fn(doc.title)))
    o.meta.addElement(dc.Creator(text=doc.author))
    hs = {}
    for lvl in (1, 2, 3):
        s = Style(name=f"Heading_20_{lvl}", displayname=f"Heading {lvl}", family="paragraph",
                  defaultoutlinelevel=str(lvl))
        s.addElement(TextProperties(fontweight="bold", fontsize=f"{14 - 1.5 * lvl}pt"))
        s.addElement(ParagraphProperties(margintop="0.25cm", marginbottom="0.12cm", keepwithnext="always"))
        o.styles.addElement(s)
        hs[lvl] = s
    tstyle = Style(name="TitreDoc", family="paragraph")
    tstyle.addElement(TextProperties(fontweight="bold", fontsize="15pt"))
    tstyle.addElement(ParagraphProperties(textalign="center"))
    o.styles.addElement(tstyle)
    center = Style(name="Centre", family="paragraph")
    center.addElement(ParagraphProperties(textalign="center"))
    o.automaticstyles.addElement(center)
    bold = Style(name="Gras", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    o.automaticstyles.addElement(bold)
    pbold = Style(name="PGras", family="paragraph")
    pbold.addElement(TextProperties(fontweight="bold"))
    o.automaticstyles.addElement(pbold)
    framed = Style(name="Encadre", family="paragraph")
    framed.addElement(ParagraphProperties(border="0.06pt solid #000000", padding="0.15cm"))
    o.automaticstyles.addElement(framed)
    pbreak = Style(name="SautPage", family="paragraph")
    pbreak.addElement(ParagraphProperties(breakbefore="page"))
    o.automaticstyles.addElement(pbreak)
    tabst = Style(name="Tab", family="table")
    tabst.addElement(TableProperties(width="17cm", align="left"))
    o.automaticstyles.addElement(tabst)
    cellst = Style(name="Cellule", family="table-cell")
    cellst.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.08cm"))
    o.automaticstyles.addElement(cellst)
    frst = Style(name="Cadre", family="graphic")
    frst.addElement(GraphicProperties(border="0.06cm solid #000000", padding="0.2cm",
                                      backgroundcolor="#f2f2f2", wrap="none"))
    o.automaticstyles.addElement(frst)
    counter = {"note": 0, "ann": 0}

    def fill(p, text):
        for kind, s in split_fn(text):
            if kind == "txt":
                p.addText(s)
            else:
                counter["note"] += 1
                n = Note(id=f"ftn{counter['note']}", noteclass="footnote")
                n.addElement(NoteCitation(text=str(counter["note"])))
                nb = NoteBody()
                nb.addElement(P(text=s))
                n.addElement(nb)
                p.addElement(n)
        return p

    def annotate(p, comment):
        counter["ann"] += 1
        a = office.Annotation()
        a.addElement(dc.Creator(text="Relecture interne"))
        a.addElement(dc.Date(text=FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%S")))
        a.addElement(P(text=comment))
        p.insertBefore(a, p.firstChild) if p.firstChild is not None else p.addElement(a)

    o.text.addElement(fill(P(stylename=tstyle), doc.title))
    for s in doc.subtitle:
        o.text.addElement(fill(P(stylename=center), s))
    for n, b in enumerate(doc.blocks):
        kind = b[0]
        if kind == "h":
            o.text.addElement(fill(H(outlinelevel=b[1], stylename=hs[min(b[1], 3)]), b[2]))
        elif kind == "p":
            opts = b[2]
            st = center if opts.get("center") else (pbold if opts.get("bold") else None)
            p = P(stylename=st) if st is not None else P()
            fill(p, b[1])
            if opts.get("comment"):
                annotate(p, opts["comment"])
            o.text.addElement(p)
        elif kind == "li":
            lst = List()
            it = ListItem()
            it.addElement(fill(P(), "– " + b[1]))
            lst.addElement(it)
            o.text.addElement(lst)
        elif kind == "t":
            rows, opts = b[1], b[2]
            ncol = max(len(r) for r in rows)
            hdr = opts.get("hdr", 1)
            tab = Table(name=f"Tableau{n}", stylename=tabst)
            tab.addElement(TableColumn(numbercolumnsrepeated=ncol))
            head = TableHeaderRows()
            for i, r in enumerate(rows):
                tr = TableRow()
                for j in range(ncol):
                    c = r[j] if j < len(r) else ""
                    if c is None:
                        tr.addElement(CoveredTableCell())
                        continue
                    kw = {}
                    if isinstance(c, dict):
                        if c.get("cs", 1) > 1:
                            kw["numbercolumnsspanned"] = c["cs"]
                        if c.get("rs", 1) > 1:
                            kw["numberrowsspanned"] = c["rs"]
                    tc = TableCell(valuetype="string", stylename=cellst, **kw)
                    isb = i < hdr or (opts.get("bold_last") and i == len(rows) - 1)
                    tc.addElement(fill(P(stylename=pbold) if isb else P(), cell_text(c)))
                    tr.addElement(tc)
                (head if i < hdr else tab).addElement(tr)
                if i == hdr - 1:
                    tab.addElement(head)
            o.text.addElement(tab)
            o.text.addElement(P())
        elif kind == "box":
            p = P()
            fr = Frame(stylename=frst, anchortype="as-char", width="16cm",
                       height=f"{1.2 + 0.6 * (len(b[2]) + 1):.1f}cm", name=f"Cadre{n}")
            tb = TextBox()
            tb.addElement(fill(P(stylename=pbold), b[1]))
            for line in b[2]:
                tb.addElement(fill(P(), line))
            fr.addElement(tb)
            p.addElement(fr)
            o.text.addElement(p)
        elif kind == "frame":
            for k, line in enumerate(b[1]):
                o.text.addElement(fill(P(stylename=framed), line))
        elif kind == "pb":
            o.text.addElement(P(stylename=pbreak))
    o.save(str(path))
    fix_zip_times(path)


# ======================================================================== PDF (fpdf2)
def render_pdf(doc: D, path: Path):
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_title(strip_fn(doc.title))
    pdf.set_author(doc.author)
    pdf.set_producer("fpdf2")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_font("DejaVu", "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(18, 18, 18)
    pdf.add_page()
    notes = []

    def flat(text):
        out = []
        for kind, s in split_fn(text):
            if kind == "txt":
                out.append(s)
            else:
                notes.append(s)
                out.append(f"({len(notes)})")
        return "".join(out)

    pdf.set_font("DejaVu", "B", 14)
    pdf.multi_cell(0, 7, flat(doc.title), new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.set_font("DejaVu", "", 10)
    for s in doc.subtitle:
        pdf.multi_cell(0, 5.5, flat(s), new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.ln(4)
    for b in doc.blocks:
        kind = b[0]
        if kind == "h":
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 11.5 if b[1] == 1 else 10.5)
            pdf.multi_cell(0, 6, flat(b[2]), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "p":
            opts = b[2]
            style = "B" if opts.get("bold") else ("I" if opts.get("italic") else "")
            pdf.set_font("DejaVu", style, 9.5)
            pdf.multi_cell(0, 5, flat(b[1]), new_x="LMARGIN", new_y="NEXT",
                           align="C" if opts.get("center") else "L")
            pdf.ln(1)
        elif kind == "li":
            pdf.set_font("DejaVu", "", 9.5)
            pdf.set_x(pdf.l_margin + 4)
            pdf.multi_cell(0, 5, "– " + flat(b[1]), new_x="LMARGIN", new_y="NEXT")
        elif kind == "t":
            rows, opts = b[1], b[2]
            hdr = opts.get("hdr", 1)
            pdf.set_font("DejaVu", "", 8.5)
            with pdf.table(first_row_as_headings=False, line_height=4.6,
                           num_heading_rows=0, text_align="LEFT") as table:
                for i, r in enumerate(rows):
                    row = table.row()
                    isb = i < hdr or (opts.get("bold_last") and i == len(rows) - 1)
                    for c in r:
                        if c is None:
                            continue
                        kw = {}
                        if isinstance(c, dict):
                            if c.get("cs", 1) > 1:
                                kw["colspan"] = c["cs"]
                            if c.get("rs", 1) > 1:
                                kw["rowspan"] = c["rs"]
                        row.cell(flat(cell_text(c)), style=FontFace(emphasis="BOLD") if isb else None, **kw)
            pdf.ln(3)
        elif kind == "box":
            pdf.ln(1)
            pdf.set_fill_color(242, 242, 242)
            y0 = pdf.get_y()
            pdf.set_font("DejaVu", "B", 10)
            pdf.multi_cell(0, 6, flat(b[1]), new_x="LMARGIN", new_y="NEXT", align="C", fill=True)
            pdf.set_font("DejaVu", "", 9.5)
            for line in b[2]:
                pdf.multi_cell(0, 5.2, flat(line), new_x="LMARGIN", new_y="NEXT", fill=True)
            y1 = pdf.get_y()
            if y1 > y0:
                pdf.set_line_width(0.5)
                pdf.rect(pdf.l_margin, y0, pdf.w - pdf.l_margin - pdf.r_margin, y1 - y0)
                pdf.set_line_width(0.2)
            pdf.ln(3)
        elif kind == "frame":
            pdf.set_font("DejaVu", "", 9.5)
            for k, line in enumerate(b[1]):
                pdf.set_font("DejaVu", "B" if k == 0 else "", 9.5)
                pdf.multi_cell(0, 5.2, flat(line), border=1, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "pb":
            pdf.add_page()
    if notes:
        pdf.ln(4)
        pdf.set_line_width(0.2)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + 50, pdf.get_y())
        pdf.ln(1)
        pdf.set_font("DejaVu", "", 7.5)
        for i, s in enumerate(notes, start=1):
            pdf.multi_cell(0, 4, f"({i}) {s}", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


# ======================================================================== LibreOffice
def lo_convert(jobs, target, filt=None):
    """jobs: list of (source path, final path). Converts every source in one LibreOffice run
    per output folder, with the private profile; returns the list of finals written."""
    if not jobs:
        return []
    if not shutil.which("soffice"):
        raise RuntimeError("soffice introuvable")
    tmp = Path(tempfile.mkdtemp(prefix="b13lo_"))
    srcs = []
    for k, (src, _final) in enumerate(jobs):
        d = tmp / f"j{k}"
        d.mkdir()
        s = d / Path(src).name
        shutil.copy(src, s)
        srcs.append(s)
    conv = f"{target}:{filt}" if filt else target
    outdir = tmp / "out"
    outdir.mkdir()
    done = []
    # one call per batch of distinct stems (LibreOffice writes <stem>.<target> in outdir)
    batches, cur, seen = [], [], set()
    for s in srcs:
        if s.stem in seen:
            batches.append(cur)
            cur, seen = [], set()
        cur.append(s)
        seen.add(s.stem)
    if cur:
        batches.append(cur)
    results = {}
    for batch in batches:
        for f in outdir.iterdir():
            f.unlink()
        cmd = ["soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless", "--norestore",
               "--convert-to", conv, "--outdir", str(outdir)] + [str(s) for s in batch]
        subprocess.run(cmd, capture_output=True, timeout=600, check=False)
        for s in batch:
            out = outdir / f"{s.stem}.{target}"
            if not out.exists() or out.stat().st_size == 0:
                raise RuntimeError(f"conversion LibreOffice échouée : {s.name} → {target}")
            keep = tmp / f"res_{len(results)}.{target}"
            shutil.move(str(out), keep)
            results[s] = keep
    for s, (_src, final) in zip(srcs, jobs):
        Path(final).parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(results[s]), final)
        done.append(final)
    shutil.rmtree(tmp, ignore_errors=True)
    return done
