"""The picture of docs/bilan.md: the sample intermediate bilan (tools/bilan_sample.py)
written in Word, converted to PDF by LibreOffice, its first two pages side by side.

    python -m tools.build_bilan_picture      # writes docs/images/bilan-page.png

Needs soffice and pdftoppm (poppler-utils)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from PIL import Image

from generators.bilan import write_bilan_docx
from tools.bilan_sample import sample_figures

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images" / "bilan-page.png"


def build(out: Path = OUT) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docx = write_bilan_docx(sample_figures(), folder / "bilan.docx")
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{folder / 'lo'}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=240,
        )
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                "1",
                "-l",
                "2",
                str(folder / "bilan.pdf"),
                str(folder / "page"),
            ],
            check=True,
        )
        pages = [Image.open(path) for path in sorted(folder.glob("page-*.png"))]
        gap = 12
        width = sum(page.width for page in pages) + gap * (len(pages) + 1)
        height = max(page.height for page in pages) + 2 * gap
        sheet = Image.new("RGB", (width, height), "#C9CED6")
        x = gap
        for page in pages:
            sheet.paste(page, (x, gap))
            x += page.width + gap
        out.parent.mkdir(parents=True, exist_ok=True)
        sheet.save(out, optimize=True)
    return out


if __name__ == "__main__":
    print(build())
