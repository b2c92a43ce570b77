"""Reads the written files back (self-check of build_corpus.py). Independent of the writers."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_part_text(xml_bytes):
    """(accepted text, deleted text) of one WordprocessingML part, paragraphs joined by newlines."""
    from lxml import etree

    root = etree.fromstring(xml_bytes)
    acc_pars, del_parts = [], []
    for p in root.iter(W + "p"):
        buf = []
        for node in p.iter():
            if node.tag == W + "t":
                # skip text inside a deletion (w:t never sits in w:del, but be safe)
                anc = node.getparent()
                inside_del = False
                while anc is not None and anc is not p:
                    if anc.tag == W + "del":
                        inside_del = True
                        break
                    anc = anc.getparent()
                if not inside_del:
                    buf.append(node.text or "")
            elif node.tag == W + "delText":
                del_parts.append(node.text or "")
            elif node.tag == W + "tab":
                buf.append("\t")
        acc_pars.append("".join(buf))
    return "\n".join(acc_pars), " ".join(del_parts)


def read_docx(path: Path):
    z = zipfile.ZipFile(path)
    names = z.namelist()
    body, deleted = _docx_part_text(z.read("word/document.xml"))
    comments = ""
    if "word/comments.xml" in names:
        comments, _ = _docx_part_text(z.read("word/comments.xml"))
    hf = []
    for n in names:
        if re.match(r"word/(header|footer)\d*\.xml", n):
            hf.append(_docx_part_text(z.read(n))[0])
    xml = z.read("word/document.xml").decode("utf-8")
    return dict(text=body, deleted=deleted, comments=comments, headfoot="\n".join(hf),
                has_ins="<w:ins " in xml, has_del="<w:del " in xml, has_comments=bool(comments.strip()),
                xml=xml)


def read_odt(path: Path):
    from odf import teletype
    from odf.opendocument import load
    from odf.text import H, P

    doc = load(str(path))
    lines = []
    for el in doc.text.getElementsByType(P) + doc.text.getElementsByType(H):
        pass
    # document order: walk the tree
    def walk(node):
        for ch in node.childNodes:
            if ch.qname[1] in ("p", "h"):
                lines.append(teletype.extractText(ch))
            else:
                walk(ch)
    walk(doc.text)
    return dict(text="\n".join(lines))


def read_pdf(path: Path):
    import pdfplumber

    pages = []
    with pdfplumber.open(str(path)) as pdf:
        for pg in pdf.pages:
            pages.append(dict(text=pg.extract_text() or "", chars=len(pg.chars), images=len(pg.images)))
    cp = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=60)
    return dict(text="\n".join(p["text"] for p in pages), pages=pages,
                poppler=cp.stdout.decode("utf-8", "replace"))


def read_xlsx(path: Path):
    import openpyxl

    wb = openpyxl.load_workbook(str(path), data_only=False)
    out = []
    for ws in wb.worksheets:
        out.append(f"[{ws.title}]")
        for row in ws.iter_rows(values_only=True):
            out.append(" | ".join("" if v is None else str(v) for v in row))
    return dict(text="\n".join(out), sheets=[ws.title for ws in wb.worksheets])


def read_any(path: Path):
    ext = path.suffix.lower()
    if ext == ".docx":
        return read_docx(path)
    if ext == ".odt":
        return read_odt(path)
    if ext == ".pdf":
        return read_pdf(path)
    if ext == ".xlsx":
        return read_xlsx(path)
    if ext == ".txt":
        return dict(text=path.read_text(encoding="utf-8"))
    return dict(text="")


def norm(s: str) -> str:
    """Normalises spaces (NBSP, narrow NBSP, line breaks) and apostrophes for searching."""
    s = s.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2019", "'")
    s = re.sub(r"\s+", " ", s)
    return s
