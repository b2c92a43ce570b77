"""The real `clausier serve` (uvicorn) on 127.0.0.1: banner, raw paths, cleanup at exit."""

from __future__ import annotations

import socket

from .conftest import LiveServer


def raw_get(port: int, target: str, host: str | None = None) -> tuple[int, str]:
    """One HTTP/1.1 request written by hand, so that ".." reaches the server as sent."""
    host = host or f"127.0.0.1:{port}"
    request = f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(request.encode("latin-1"))
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    data = b"".join(chunks).decode("utf-8", "replace")
    status = int(data.split(" ", 2)[1])
    return status, data


def test_banner_is_french_and_gives_the_address(live_server):
    assert "Ouvrez cette adresse dans votre navigateur" in live_server.banner
    assert f"http://127.0.0.1:{live_server.port}/" in live_server.banner


def test_raw_traversal_attempts(live_server):
    for target in (
        "/rapport/../../etc/passwd",
        "/rapport/..%2f..%2fetc%2fpasswd",
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2f__init__.py",
    ):
        status, data = raw_get(live_server.port, target)
        assert status in (404, 400), target
        assert "root:" not in data and "import" not in data
        assert "x-frame-options: DENY" in data.lower().replace("deny", "DENY")


def test_served_pages_and_headers(live_server):
    status, data = raw_get(live_server.port, "/profil")
    assert status == 200
    assert "content-security-policy: default-src 'self'" in data.lower()
    assert "server: uvicorn" not in data.lower()
    status, data = raw_get(live_server.port, "/", host="attaquant.example")
    assert status == 400


def test_token_server_and_cleanup_at_exit(tmp_path):
    server = LiveServer(tmp_path, "--host", "127.0.0.1", "--generate-token")
    try:
        assert "?jeton=" in server.banner
        token = server.banner.split("?jeton=", 1)[1].split()[0]
        assert len(token) >= 32
        status, data = raw_get(server.port, "/")
        assert status == 401 and "Jeton d&#39;accès requis" in data
        status, data = raw_get(server.port, f"/?jeton={token}")
        assert status == 303 and "samesite=strict" in data.lower() and "httponly" in data.lower()
        folders = list(tmp_path.glob("clausier-web-*"))
        assert len(folders) == 1 and folders[0].stat().st_mode & 0o777 == 0o700
    finally:
        server.stop()
    assert list(tmp_path.glob("clausier-web-*")) == []  # removed at shutdown
