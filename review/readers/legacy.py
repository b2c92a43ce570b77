"""Old formats (.doc, .rtf, .xls) through LibreOffice, when it is on the machine.

The file is copied into a private temporary folder and converted there with
`soffice --headless --convert-to docx|xlsx`, with a profile folder of its own (two
conversions at once never share a profile, and the user's profile is never touched), a
time limit, and macros left disabled (LibreOffice's default in headless conversion).
The converted copy is read by the .docx / .xlsx reader, then everything is deleted. The
input file itself is never opened for writing.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from review.readers import ReadError
from review.sources import SourceFile

CONVERSION_TIMEOUT = 120.0  # seconds
_TARGET = {"doc": "docx", "rtf": "docx", "xls": "xlsx"}
_NAMES = {
    "doc": "document Word ancien (.doc)",
    "rtf": "document RTF",
    "xls": "classeur Excel ancien (.xls)",
}


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(data: bytes, fmt: str, name: str, timeout: float = CONVERSION_TIMEOUT) -> bytes:
    """The bytes of `data` converted to docx/xlsx by LibreOffice (ReadError otherwise)."""
    target = _TARGET[fmt]
    binary = soffice_path()
    if binary is None:
        raise ReadError(
            f"{name} est un {_NAMES[fmt]} : il ne peut être lu qu'avec LibreOffice, qui n'est "
            "pas installé sur cette machine.",
            f"Enregistrez-le au format .{target} ou PDF (Fichier > Enregistrer sous), ou "
            "installez LibreOffice, puis relancez la relecture.",
        )
    with tempfile.TemporaryDirectory(prefix="clausier-soffice-") as tmp:
        work = Path(tmp)
        source = work / f"piece.{fmt}"
        source.write_bytes(data)
        out = work / "out"
        out.mkdir()
        command = [
            binary,
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(source),
        ]
        env = {**os.environ, "HOME": str(work)}
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            cwd=work,
            start_new_session=True,  # its own process group: a timeout ends all of it
        )
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(process)
            raise ReadError(
                f"{name} : la conversion par LibreOffice a dépassé {timeout:g} s et a été arrêtée.",
                f"Enregistrez-le au format .{target} ou PDF, puis relancez la relecture.",
            ) from None
        except BaseException:
            _kill(process)  # reading alarm or interruption: leave no soffice behind
            raise
        converted = out / f"piece.{target}"
        if process.returncode != 0 or not converted.is_file():
            detail = (stderr or b"").decode("utf-8", "replace").strip().splitlines()
            raise ReadError(
                f"{name} n'a pas pu être converti par LibreOffice (fichier endommagé ou "
                f"protégé{' : ' + detail[-1][:120] if detail else ''}).",
                f"Ouvrez-le et enregistrez-le au format .{target} ou PDF, sans mot de passe.",
            )
        return converted.read_bytes()


def _kill(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def read_legacy(source: SourceFile):
    fmt = source.format if source.format in _TARGET else "doc"
    converted = convert(source.read_bytes(), fmt, source.path)
    target = _TARGET[fmt]
    copy = SourceFile(source.path, target, len(converted), data=converted)
    if target == "docx":
        from review.readers.docx import read_docx

        piece = read_docx(copy)
    else:
        from review.readers.sheets import read_xlsx

        piece = read_xlsx(copy)
    piece.format = fmt
    return piece
