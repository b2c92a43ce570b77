"""Web tests: an app on a private temporary root, a client that speaks to 127.0.0.1, and
real tender pieces written with tools.simple_documents."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tools.simple_documents import Doc, H, P, T, write_docx

BASE_URL = "http://127.0.0.1:8765"


def ccap_doc(reference: str = "article 14 du Code des marchés publics") -> Doc:
    """A short CCAP whose clause article cites a repealed text (a sure finding)."""
    return Doc(
        [
            H("Cahier des clauses administratives particulières"),
            H("Article 1 - Objet du marché"),
            P("Le présent marché a pour objet la construction d'un pôle enfance."),
            H("Article 7 - Clause sociale d'insertion"),
            P(
                f"Conformément à l'{reference}, le titulaire s'engage à réaliser une action "
                "d'insertion professionnelle de 280 heures au profit de personnes éloignées "
                "de l'emploi."
            ),
            T([["Lot", "Heures d'insertion"], ["1", "280"]]),
        ]
    )


def docx_bytes(doc: Doc, tmp_path: Path, name: str = "CCAP.docx") -> bytes:
    path = write_docx(tmp_path / "made" / name, doc)
    return path.read_bytes()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture
def make_app(tmp_path):
    """create_app with its job folders under tmp_path/web (checked by the tests)."""
    from apps.web import create_app

    def make(**kwargs):
        kwargs.setdefault("temp_root", tmp_path / "web")
        return create_app(**kwargs)

    return make


@pytest.fixture
def client(make_app):
    from fastapi.testclient import TestClient

    with TestClient(make_app(), base_url=BASE_URL) as test_client:
        yield test_client


def wait_for_job(app, location: str):
    """The job behind a /rapport/<id> redirect, once its background run is over."""
    job_id = location.rstrip("/").rsplit("/", 1)[-1]
    job = app.state.store.get(job_id)
    assert job is not None, location
    job.future.result(timeout=240)
    return job


def files_under(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


def text_of(response) -> str:
    """The page's HTML with entities decoded (apostrophes are escaped as &#39;)."""
    import html

    return html.unescape(response.text)


# ---------------------------------------------------------------- a real server


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """`python -m apps serve` in a subprocess, on 127.0.0.1 and a free port, with its
    temporary folder under `tmpdir` (TMPDIR) so that tests can look at it."""

    def __init__(self, tmpdir: Path, *args: str) -> None:
        import os
        import subprocess
        import sys

        self.port = free_port()
        self.tmpdir = tmpdir
        env = {**os.environ, "TMPDIR": str(tmpdir), "PYTHONUNBUFFERED": "1"}
        env.pop("CLAUSIER_JETON", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "apps", "serve", "--port", str(self.port), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        self.banner = self._wait_until_listening()
        self.url = f"http://127.0.0.1:{self.port}"

    def _wait_until_listening(self) -> str:
        import socket
        import time

        lines = []
        assert self.process.stdout is not None
        for line in self.process.stdout:  # the banner is printed before listening
            lines.append(line)
            if line.startswith("Arrêt"):
                break
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("clausier serve s'est arrêté :\n" + "".join(lines))
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return "".join(lines)
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("clausier serve n'écoute pas :\n" + "".join(lines))

    def stop(self) -> str:
        """Stop like Ctrl+C would; returns the rest of the output."""
        import signal

        self.process.send_signal(signal.SIGINT)
        try:
            out, _ = self.process.communicate(timeout=30)
        except Exception:
            self.process.kill()
            out, _ = self.process.communicate()
        return out or ""


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    tmpdir = tmp_path_factory.mktemp("serveur")
    server = LiveServer(tmpdir)
    yield server
    server.stop()
