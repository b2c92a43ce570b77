"""Écrivains bas niveau du corpus blind16 (écrits pour ce corpus, sans rédaction).

Une pièce est une liste de blocs :
  ("T", texte)            titre : gras, grande taille (aucun style de titre)
  ("B", texte)            ligne en gras
  ("P", texte)            paragraphe ordinaire
  ("TAB", lignes)         tableau (liste de listes de textes ; « \n » = plusieurs paragraphes)
"""
from __future__ import annotations

import subprocess
import shutil
import tempfile
import zipfile
from pathlib import Path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONTB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


# ---------------------------------------------------------------- docx
def render_docx(blocks, path, header=None, footer=None, tracked=None, comment=None,
                font="Times New Roman"):
    import docx
    from docx.shared import Pt
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(11)
    sec = d.sections[0]
    if header:
        sec.header.paragraphs[0].text = header
    if footer:
        sec.footer.paragraphs[0].text = footer
    for b in blocks:
        k = b[0]
        if k == "TAB":
            rows = b[1]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for i, r in enumerate(rows):
                for j, c in enumerate(r):
                    cell = t.cell(i, j)
                    parts = str(c).split("\n")
                    cell.paragraphs[0].text = ""
                    run = cell.paragraphs[0].add_run(parts[0])
                    if i == 0 or j == 0:
                        run.bold = True
                    for p in parts[1:]:
                        cell.add_paragraph(p)
            d.add_paragraph("")
            continue
        p = d.add_paragraph()
        r = p.add_run(b[1])
        if k == "T":
            r.bold = True
            r.font.size = Pt(15)
        elif k == "B":
            r.bold = True
        if tracked and k == "P" and tracked["anchor"] in b[1]:
            # modification suivie : texte supprimé puis texte inséré, à la suite du paragraphe
            def mk(tag, text, deleted=False):
                el = OxmlElement(tag)
                el.set(qn("w:id"), str(abs(hash(text)) % 9000 + 100))
                el.set(qn("w:author"), "Secrétariat")
                el.set(qn("w:date"), "2026-10-12T09:30:00Z")
                rr = OxmlElement("w:r")
                t = OxmlElement("w:delText" if deleted else "w:t")
                t.set(qn("xml:space"), "preserve")
                t.text = text
                rr.append(t)
                el.append(rr)
                return el
            p._p.append(mk("w:del", tracked["deleted"], True))
            p._p.append(mk("w:ins", tracked["inserted"]))
        if comment and k == "P" and comment["anchor"] in b[1]:
            d.add_comment(r, text=comment["text"], author="M. le Maire", initials="ML")
    d.core_properties.author = "Mairie"
    d.save(path)


# ---------------------------------------------------------------- odt
def render_odt(blocks, path):
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties, TableColumnProperties
    from odf.text import P, Span
    from odf.table import Table, TableColumn, TableRow, TableCell
    doc = OpenDocumentText()
    big = Style(name="Grand", family="text")
    big.addElement(TextProperties(fontweight="bold", fontsize="15pt"))
    bold = Style(name="Gras", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(big)
    doc.automaticstyles.addElement(bold)
    for b in blocks:
        k = b[0]
        if k == "TAB":
            rows = b[1]
            t = Table(name=f"Tableau{id(rows) % 1000}")
            t.addElement(TableColumn(numbercolumnsrepeated=len(rows[0])))
            for i, r in enumerate(rows):
                tr = TableRow()
                for c in r:
                    tc = TableCell()
                    for part in str(c).split("\n"):
                        p = P()
                        if i == 0:
                            p.addElement(Span(stylename=bold, text=part))
                        else:
                            p.addText(part)
                        tc.addElement(p)
                    tr.addElement(tc)
                t.addElement(tr)
            doc.text.addElement(t)
            continue
        p = P()
        if k == "T":
            p.addElement(Span(stylename=big, text=b[1]))
        elif k == "B":
            p.addElement(Span(stylename=bold, text=b[1]))
        else:
            p.addText(b[1])
        doc.text.addElement(p)
    doc.save(str(path))


# ---------------------------------------------------------------- pdf (fpdf2)
def _flat(blocks):
    out = []
    for b in blocks:
        if b[0] == "TAB":
            for r in b[1]:
                out.append(("P", " | ".join(str(c).replace("\n", " ; ") for c in r)))
        else:
            out.append(b)
    return out


def render_pdf(blocks, path, head_left="", head_right="", foot_left="", width=120,
               ocr_pages=None):
    """PDF « imprimé depuis le navigateur » : date/heure et adresse en tête et pied de page,
    colonnes étroites (lignes coupées court). ocr_pages : {numéro de page (1-based): blocs}
    remplace le texte de ces pages par une image de la page et une couche OCR invisible."""
    from fpdf import FPDF
    from fpdf.enums import TextMode

    class Web(FPDF):
        def header(self):
            self.set_font("dv", size=7)
            self.cell(95, 5, head_left)
            self.cell(0, 5, head_right, align="R", new_x="LMARGIN", new_y="NEXT")
            self.ln(3)

        def footer(self):
            self.set_y(-12)
            self.set_font("dv", size=7)
            self.cell(150, 5, foot_left)
            self.cell(0, 5, f"{self.page_no()}/{{nb}}", align="R")

    pdf = Web(format="A4")
    pdf.add_font("dv", "", FONT)
    pdf.add_font("dv", "B", FONTB)
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, 18)
    pages = [_flat(blocks)]
    if ocr_pages:
        pages = [_flat(blocks)] + [None] * 0
    pdf.add_page()
    for b in pages[0]:
        k, txt = b[0], b[1]
        if txt == "\f":
            pdf.add_page()
            continue
        if k == "T":
            pdf.set_font("dv", "B", 13)
        elif k == "B":
            pdf.set_font("dv", "B", 10)
        else:
            pdf.set_font("dv", "", 10)
        pdf.multi_cell(width, 5.5, txt, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    for ob in (ocr_pages or []):
        img_blocks, ocr_text = ob
        pdf.add_page()
        png = _page_image(img_blocks)
        pdf.image(str(png), x=10, y=18, w=190)
        pdf.text_mode = TextMode.INVISIBLE
        pdf.set_font("dv", "", 10)
        pdf.set_xy(12, 22)
        for line in ocr_text:
            pdf.multi_cell(180, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.text_mode = TextMode.FILL
    pdf.output(str(path))


def _page_image(blocks, seed=3):
    from PIL import Image, ImageDraw, ImageFont
    import random
    rnd = random.Random(seed)
    img = Image.new("L", (1240, 1600), 250)
    dr = ImageDraw.Draw(img)
    f = ImageFont.truetype(FONT, 24)
    fb = ImageFont.truetype(FONTB, 26)
    y = 40
    for b in _flat(blocks):
        words = b[1].split()
        line = ""
        lines = []
        for w in words:
            if len(line) + len(w) > 70:
                lines.append(line)
                line = w
            else:
                line = (line + " " + w).strip()
        lines.append(line)
        for ln in lines:
            dr.text((40 + rnd.randint(-2, 2), y), ln, fill=30, font=fb if b[0] != "P" else f)
            y += 34
        y += 10
    for _ in range(1500):
        img.putpixel((rnd.randrange(1240), rnd.randrange(1600)), rnd.randint(120, 200))
    tmp = Path(tempfile.mkdtemp(prefix="b16img")) / "p.png"
    img.save(tmp)
    return tmp


def render_scanned_pdf(blocks, path, seed=5):
    """Pages-images seulement, sans couche texte."""
    from fpdf import FPDF
    pdf = FPDF(format="A4")
    flat = _flat(blocks)
    for i in range(0, len(flat), 28):
        pdf.add_page()
        png = _page_image(flat[i:i + 28], seed=seed + i)
        pdf.image(str(png), x=8, y=8, w=194)
    pdf.output(str(path))


# ---------------------------------------------------------------- soffice
def soffice_batch(pairs, profile="file:///tmp/lo_blind16"):
    """pairs: [(docx_path, pdf_path)] — conversion en une passe, puis copie sous le nom voulu."""
    if not pairs:
        return
    tmp = Path(tempfile.mkdtemp(prefix="b16lo"))
    srcs = []
    for i, (src, dst) in enumerate(pairs):
        s = tmp / f"f{i:03d}.docx"
        shutil.copy(src, s)
        srcs.append(str(s))
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp)] + srcs,
                   check=True, capture_output=True, timeout=600)
    for i, (src, dst) in enumerate(pairs):
        shutil.copy(tmp / f"f{i:03d}.pdf", dst)


# ---------------------------------------------------------------- xlsx
def render_xlsx(sheets, path):
    import openpyxl
    from openpyxl.styles import Font
    wb = openpyxl.Workbook()
    first = True
    for name, rows in sheets:
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = name[:31]
        for r in rows:
            ws.append(list(r))
        for c in ws[1]:
            c.font = Font(bold=True)
        ws.column_dimensions["A"].width = 28
        ws.column_dimensions["B"].width = 60
    wb.save(path)


# ---------------------------------------------------------------- images, dégâts
def render_plan(path, labels, seed=0, photo=False):
    from PIL import Image, ImageDraw, ImageFont
    import random
    rnd = random.Random(seed)
    img = Image.new("RGB", (900, 640), (235, 232, 220) if photo else (255, 255, 255))
    dr = ImageDraw.Draw(img)
    f = ImageFont.truetype(FONT, 18)
    for _ in range(14):
        x, y = rnd.randint(20, 700), rnd.randint(20, 480)
        col = (rnd.randint(60, 200),) * 3 if photo else (0, 0, 0)
        dr.rectangle([x, y, x + rnd.randint(60, 180), y + rnd.randint(40, 140)], outline=col,
                     fill=col if photo else None, width=3)
    for i, lab in enumerate(labels):
        dr.text((30, 560 + 24 * i), lab, fill=(0, 0, 0), font=f)
    img.save(path, quality=80) if str(path).endswith(".jpg") else img.save(path)


def damage_truncate(path, keep=0.4):
    data = Path(path).read_bytes()
    Path(path).write_bytes(data[: int(len(data) * keep)])


# ---------------------------------------------------------------- relecture
def read_text(path):
    """Texte d'une pièce, pour les contrôles du script (jamais l'outil)."""
    p = Path(path)
    suf = p.suffix.lower()
    if suf == ".docx":
        import docx
        d = docx.Document(str(p))
        parts = [x.text for x in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                for c in r.cells:
                    parts.append(c.text)
        for s in d.sections:
            parts += [x.text for x in s.header.paragraphs] + [x.text for x in s.footer.paragraphs]
        with zipfile.ZipFile(p) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        return "\n".join(parts), xml
    if suf == ".odt":
        from odf.opendocument import load
        from odf import teletype
        from odf.text import P
        d = load(str(p))
        return "\n".join(teletype.extractText(x) for x in d.getElementsByType(P)), ""
    if suf == ".pdf":
        cp = subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True, text=True)
        import pdfplumber
        with pdfplumber.open(str(p)) as pdf:
            n = len(pdf.pages)
        return cp.stdout, str(n)
    if suf == ".xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(str(p))
        out = []
        for ws in wb.worksheets:
            for r in ws.iter_rows(values_only=True):
                out.append(" | ".join("" if v is None else str(v) for v in r))
        return "\n".join(out), ""
    return p.read_text(encoding="utf-8", errors="replace"), ""
