"""Write simple but real .docx, .pdf, .odt and .zip files from a list of blocks.

Used by the sample builder, the tests and the benchmarks to make tender pieces without a
converter. Not used by the review itself. fpdf2 (PDF) is a development dependency and is
imported only when a PDF is written.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class H:
    """A heading; `level` 1 = article, 2 = sub-article."""

    text: str
    level: int = 1


@dataclass
class P:
    """A paragraph."""

    text: str
    bold: bool = False


@dataclass
class T:
    """A table: rows of cell texts; the first row is the header."""

    rows: Sequence[Sequence[str]]


@dataclass
class PageBreak:
    pass


Item = H | P | T | PageBreak


@dataclass
class Doc:
    items: list[Item] = field(default_factory=list)
    header: str | None = None  # repeated on every page
    footer: str | None = None

    def add(self, *items: Item) -> Doc:
        self.items.extend(items)
        return self


def paragraphs(text: str) -> list[P]:
    """Split a text on blank lines into paragraphs."""
    return [P(chunk.strip()) for chunk in text.split("\n\n") if chunk.strip()]


# ---------------------------------------------------------------- Word


def write_docx(path: Path | str, doc: Doc) -> Path:
    from docx import Document  # python-docx

    document = Document()
    section = document.sections[0]
    if doc.header:
        section.header.paragraphs[0].text = doc.header
    if doc.footer:
        section.footer.paragraphs[0].text = doc.footer
    for item in doc.items:
        if isinstance(item, H):
            document.add_heading(item.text, level=min(max(item.level, 1), 9))
        elif isinstance(item, P):
            paragraph = document.add_paragraph()
            paragraph.add_run(item.text).bold = item.bold
        elif isinstance(item, T):
            n_cols = max(len(r) for r in item.rows)
            table = document.add_table(rows=len(item.rows), cols=n_cols)
            table.style = "Table Grid"
            for r, row in enumerate(item.rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = str(text)
        elif isinstance(item, PageBreak):
            document.add_page_break()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


# ---------------------------------------------------------------- ODT


def write_odt(path: Path | str, doc: Doc) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.style import Footer as OdfFooter
    from odf.style import Header as OdfHeader
    from odf.style import MasterPage, PageLayout, Style, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H as OdfH
    from odf.text import P as OdfP

    document = OpenDocumentText()
    bold = Style(name="Gras", family="paragraph")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    heading_styles = {}
    for level in range(1, 4):
        style = Style(
            name=f"Heading_20_{level}", displayname=f"Heading {level}", family="paragraph"
        )
        style.addElement(TextProperties(fontweight="bold", fontsize=f"{16 - 2 * level}pt"))
        document.styles.addElement(style)
        heading_styles[level] = style
    if doc.header or doc.footer:
        layout = PageLayout(name="Mise_en_page")
        document.automaticstyles.addElement(layout)
        master = MasterPage(name="Standard", pagelayoutname=layout)
        if doc.header:
            header = OdfHeader()
            header.addElement(OdfP(text=doc.header))
            master.addElement(header)
        if doc.footer:
            footer = OdfFooter()
            footer.addElement(OdfP(text=doc.footer))
            master.addElement(footer)
        document.masterstyles.addElement(master)
    for item in doc.items:
        if isinstance(item, H):
            level = min(max(item.level, 1), 3)
            document.text.addElement(
                OdfH(outlinelevel=level, stylename=heading_styles[level], text=item.text)
            )
        elif isinstance(item, P):
            kwargs = {"stylename": bold} if item.bold else {}
            document.text.addElement(OdfP(text=item.text, **kwargs))
        elif isinstance(item, T):
            n_cols = max(len(r) for r in item.rows)
            table = Table()
            table.addElement(TableColumn(numbercolumnsrepeated=n_cols))
            for row in item.rows:
                table_row = TableRow()
                for text in row:
                    cell = TableCell()
                    cell.addElement(OdfP(text=str(text)))
                    table_row.addElement(cell)
                table.addElement(table_row)
            document.text.addElement(table)
        # PageBreak: ODT pages are laid out by the reader; nothing to write.
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


# ---------------------------------------------------------------- PDF

_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)
_LATIN1_FALLBACK = str.maketrans(
    {
        "œ": "oe",
        "Œ": "OE",
        "’": "'",
        "€": "EUR",
        "–": "-",
        "—": "-",
        "…": "...",
        "\u202f": " ",
        "«": '"',
        "»": '"',
    }
)


def _font_path(bold: bool) -> Path | None:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in _FONT_DIRS:
        candidate = Path(folder) / name
        if candidate.exists():
            return candidate
    return None


def write_pdf(path: Path | str, doc: Doc) -> Path:
    """A text PDF (real text layer) with optional running header and footer."""
    from fpdf import FPDF

    regular, bold = _font_path(False), _font_path(True)

    class _Pdf(FPDF):
        def header(self) -> None:
            if doc.header:
                self.set_font(family, "", 8)
                self.cell(0, 6, clean(doc.header), align="C")
                self.ln(8)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(family, "", 8)
            text = f"{doc.footer} - " if doc.footer else ""
            self.cell(0, 6, clean(f"{text}Page {self.page_no()}"), align="C")

    pdf = _Pdf(format="A4")
    if regular and bold:
        pdf.add_font("DejaVu", "", str(regular))
        pdf.add_font("DejaVu", "B", str(bold))
        family = "DejaVu"

        def clean(text: str) -> str:
            return text
    else:  # no Unicode font on the machine: stay within Latin-1
        family = "Helvetica"

        def clean(text: str) -> str:
            return text.translate(_LATIN1_FALLBACK).encode("latin-1", "replace").decode("latin-1")

    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for item in doc.items:
        if isinstance(item, H):
            pdf.set_font(family, "B", 13 if item.level == 1 else 11)
            pdf.ln(2)
            pdf.multi_cell(width, 7, clean(item.text))
            pdf.ln(1)
        elif isinstance(item, P):
            pdf.set_font(family, "B" if item.bold else "", 10)
            pdf.multi_cell(width, 5.5, clean(item.text))
            pdf.ln(1.5)
        elif isinstance(item, T):
            pdf.set_font(family, "", 9)
            with pdf.table(text_align="LEFT") as table:
                for row in item.rows:
                    table_row = table.row()
                    for text in row:
                        table_row.cell(clean(str(text)))
            pdf.ln(2)
        elif isinstance(item, PageBreak):
            pdf.add_page()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


# ---------------------------------------------------------------- ZIP


def write_zip(
    path: Path | str, members: dict[str, bytes | Path], cp437_names: bool = False
) -> Path:
    """A zip of the given members (name -> bytes or file). With `cp437_names`, names are
    stored in the legacy code page without the UTF-8 flag, as Windows tools do; characters
    that code page lacks are stored with their cp850 byte when it has them."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            data = content.read_bytes() if isinstance(content, Path) else content
            if cp437_names:
                info = _LegacyNameInfo(name)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
            else:
                archive.writestr(name, data)
    return path


class _LegacyNameInfo(zipfile.ZipInfo):
    """A member whose name is stored in cp850 without the UTF-8 flag (Windows tools)."""

    def _encodeFilenameFlags(self):  # noqa: N802 (zipfile's own hook)
        return self.filename.encode("cp850"), self.flag_bits & ~0x800


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def write(path: Path | str, doc: Doc) -> Path:
    """Write `doc` in the format given by the file's extension (.docx, .pdf, .odt)."""
    suffix = Path(path).suffix.lower()
    writers = {".docx": write_docx, ".pdf": write_pdf, ".odt": write_odt}
    if suffix not in writers:
        raise ValueError(f"unsupported extension: {suffix}")
    return writers[suffix](path, doc)
