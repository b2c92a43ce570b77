"""Uploads: size and count limits, files that are no DCE pieces, names never used as paths."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from apps.web.uploads import display_name, safe_file_name

from .conftest import BASE_URL, ccap_doc, docx_bytes, files_under, text_of

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200


def multipart_body(files: list[tuple[str, str, bytes]], fields: dict[str, str] | None = None):
    """A multipart/form-data body built by hand (for chunked, length-less uploads)."""
    boundary = "----clausier-test-boundary"
    parts = []
    for name, value in (fields or {}).items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for field, filename, data in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def test_upload_too_large_is_refused_before_reading(make_app, tmp_path):
    app = make_app(max_upload_bytes=10_000)
    with TestClient(app, base_url=BASE_URL) as c:
        response = c.post("/relire", files={"pieces": ("CCAP.docx", b"PK" + b"x" * 200_000)})
    assert response.status_code == 413
    assert "dépasse la taille autorisée (9,8 ko au plus)" in text_of(response)
    assert files_under(tmp_path / "web") == set()  # nothing kept


def test_streamed_upload_too_large_is_cut_and_removed(make_app, tmp_path):
    app = make_app(max_upload_bytes=100_000)
    body, content_type = multipart_body([("pieces", "CCAP.docx", b"PK" + b"x" * 400_000)])

    def chunks():  # no Content-Length: the server must count as it reads
        for i in range(0, len(body), 16_384):
            yield body[i : i + 16_384]

    with TestClient(app, base_url=BASE_URL) as c:
        response = c.post("/relire", content=chunks(), headers={"Content-Type": content_type})
        assert "content-length" not in {k.lower() for k in response.request.headers}
    assert response.status_code == 413
    assert "dépasse la taille autorisée" in text_of(response)
    assert files_under(tmp_path / "web") == set()


def test_too_many_files(make_app, tmp_path):
    app = make_app(max_files=3)
    files = [("pieces", (f"piece{i}.pdf", b"%PDF-1.4 test")) for i in range(5)]
    with TestClient(app, base_url=BASE_URL) as c:
        response = c.post("/relire", files=files)
    assert response.status_code == 413
    assert "Trop de fichiers : 3 au plus" in text_of(response)
    assert files_under(tmp_path / "web") == set()


def test_png_is_no_tender_piece(client, tmp_path):
    response = client.post("/relire", files={"pieces": ("photo du chantier.png", PNG)})
    assert response.status_code == 400
    text = text_of(response)
    assert "<title>Erreur — Relire un dossier — Clausier</title>" in text
    assert "Aucune pièce de DCE dans l'envoi" in text
    assert "« photo du chantier.png » est une image PNG, pas une pièce de DCE" in text
    assert "Déposez les pièces en .docx" in text
    assert files_under(tmp_path / "web") == set()


def test_png_renamed_pdf_is_recognised_by_its_content(client):
    response = client.post("/relire", files={"pieces": ("CCAP.pdf", PNG)})
    assert response.status_code == 400
    assert "« CCAP.pdf » est une image PNG" in text_of(response)


def test_empty_upload_says_what_to_do(client):
    response = client.post(
        "/relire", data={"date_relecture": "2026-11-25"}, files={"pieces": ("", b"")}
    )
    assert response.status_code == 400
    assert "Aucun fichier reçu" in text_of(response)


def test_bad_review_date(client, tmp_path):
    response = client.post(
        "/relire",
        data={"date_relecture": "25/11/2026"},
        files={"pieces": ("CCAP.docx", docx_bytes(ccap_doc(), tmp_path))},
    )
    assert response.status_code == 400
    assert "« 25/11/2026 » n'est pas une date valide" in text_of(response)


def test_bad_profile_file_names_the_users_file(client, tmp_path):
    response = client.post(
        "/relire",
        data={"profil": "fichier"},
        files=[
            ("pieces", ("CCAP.docx", docx_bytes(ccap_doc(), tmp_path))),
            ("fichier_profil", ("mon-territoire.toml", b"taux_insertion = 7\n")),
        ],
    )
    assert response.status_code == 400
    text = text_of(response)
    assert "Profil refusé" in text and "mon-territoire.toml" in text
    assert str(tmp_path) not in text  # no server path shown


def test_malformed_multipart(client):
    response = client.post(
        "/relire",
        content=b"--abc\r\nnot a header\r\n\r\n",
        headers={"Content-Type": "multipart/form-data; boundary=abc"},
    )
    assert response.status_code == 400
    assert "mal formé" in text_of(response) or "Aucun fichier" in text_of(response)


def test_upload_names_never_become_paths(make_app, tmp_path):
    canary = tmp_path / "canary.docx"
    canary.write_bytes(b"ne pas toucher")
    data = docx_bytes(ccap_doc(), tmp_path)
    outside_before = {p for p in files_under(tmp_path) if not p.startswith("web")}
    app = make_app()
    with TestClient(app, base_url=BASE_URL) as c:
        response = c.post(
            "/relire",
            files=[
                ("pieces", ("../../canary.docx", data)),
                ("pieces", ("..\\..\\CCAP.docx", data)),
                ("pieces", ("/etc/passwd", b"root:x:0:0")),
                ("pieces", ("..", data)),
                ("pieces", ("dossier/sous-dossier/CCAP.docx", data)),
            ],
            follow_redirects=False,
        )
        assert response.status_code == 303
        job = app.state.store.get(response.headers["location"].rsplit("/", 1)[-1])
        job.future.result(timeout=240)
        stored = sorted(p.name for p in (job.folder / "DCE").iterdir())
        assert stored == ["CCAP (2).docx", "CCAP.docx", "canary.docx"]
        assert all(
            p.resolve().is_relative_to((tmp_path / "web").resolve()) for p in job.folder.rglob("*")
        )
        assert any("« passwd » (sans extension)" in n for n in job.notices)
        assert any("« .. » (sans extension)" in n for n in job.notices)
    assert canary.read_bytes() == b"ne pas toucher"
    assert {p for p in files_under(tmp_path) if not p.startswith("web")} == outside_before


@pytest.mark.parametrize(
    ("raw", "shown", "stored"),
    [
        ("../../etc/passwd", "passwd", "passwd"),
        ("C:\\Users\\x\\RC.docx", "RC.docx", "RC.docx"),
        ("..", "..", "piece_1.pdf"),
        ("...docx", "...docx", "piece_1.pdf"),
        ("a..b.docx", "a..b.docx", "a.b.docx"),
        (".bashrc", ".bashrc", "piece_1.pdf"),
        ("CON.docx", "CON.docx", "piece_1.pdf"),
        (
            "Lot 2 – Gros œuvre (v2).docx",
            "Lot 2 – Gros œuvre (v2).docx",
            "Lot 2 _ Gros œuvre (v2).docx",
        ),
        ("x\x00y\x1b[31m.pdf", "xy[31m.pdf", "xy_31m.pdf"),
        ("", "sans nom", "sans nom"),
    ],
)
def test_name_sanitizing(raw, shown, stored):
    assert display_name(raw) == shown
    assert safe_file_name(raw, "piece_1.pdf") == stored
    assert "/" not in stored and "\\" not in stored and ".." not in stored


def test_download_names_cannot_break_the_header():
    from apps.web.downloads import attachment, download_name

    assert download_name('DCE "final"\r\nSet-Cookie: x/y.zip') == "DCE _final___Set-Cookie: x_y.zip"
    response = attachment(b"{}", "Pôle enfance.json", "application/json")
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="Pole enfance.json"; ')
    assert "filename*=UTF-8''P%C3%B4le%20enfance.json" in disposition
