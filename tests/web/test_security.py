"""Access token, host and origin checks, protective headers, path traversal."""

from __future__ import annotations

from fastapi.testclient import TestClient

from .conftest import BASE_URL, files_under, text_of

TOKEN = "jeton-de-test-0123456789abcdef"


def test_every_answer_carries_the_protective_headers(client):
    for url in ("/", "/heures", "/profil", "/static/clausier.css", "/introuvable"):
        response = client.get(url)
        headers = response.headers
        assert "default-src 'self'" in headers["content-security-policy"], url
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "'unsafe-inline'" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["cache-control"] == "no-store"


def test_pages_are_french_and_accessible_basics(client):
    for url in ("/", "/heures", "/profil"):
        html = client.get(url).text
        assert '<html lang="fr">' in html
        assert 'href="#contenu"' in html  # skip link
        assert "<script" not in html  # the main path needs no script


def test_unknown_host_name_is_refused_without_token(make_app):
    # DNS rebinding: a page of another site resolving to 127.0.0.1 must get nothing.
    with TestClient(make_app(), base_url="http://attaquant.example:8765") as other:
        response = other.get("/")
    assert response.status_code == 400
    assert "ne répond qu'à l'adresse http://127.0.0.1" in text_of(response)


def test_missing_and_wrong_token_get_a_french_401(make_app):
    with TestClient(make_app(token=TOKEN), base_url="http://serveur-equipe:8765") as c:
        for response in (
            c.get("/"),
            c.get("/profil", params={"jeton": "mauvais"}),
            c.get("/", headers={"Authorization": "Bearer mauvais"}),
            c.get("/", headers={"Cookie": "clausier_jeton=mauvais"}),
            c.get("/static/clausier.css"),
        ):
            assert response.status_code == 401
            assert "Jeton d'accès requis" in text_of(response)
            assert response.headers["x-frame-options"] == "DENY"


def test_token_in_query_becomes_a_strict_httponly_cookie(make_app):
    with TestClient(make_app(token=TOKEN), base_url="http://serveur-equipe:8765") as c:
        first = c.get("/profil", params={"jeton": TOKEN}, follow_redirects=False)
        assert first.status_code == 303
        assert first.headers["location"] == "/profil"  # the token leaves the address bar
        cookie = first.headers["set-cookie"]
        assert "clausier_jeton=" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
        page = c.get("/profil")  # the client kept the cookie
        assert page.status_code == 200 and "Profil du territoire" in text_of(page)


def test_bearer_header_opens_the_door(make_app):
    with TestClient(make_app(token=TOKEN), base_url="http://serveur-equipe:8765") as c:
        response = c.get("/heures", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200


def test_upload_without_token_stores_nothing(make_app, tmp_path):
    app = make_app(token=TOKEN)
    with TestClient(app, base_url="http://serveur-equipe:8765") as c:
        response = c.post("/relire", files={"pieces": ("CCAP.docx", b"PK\x03\x04" + b"x" * 1000)})
        assert response.status_code == 401
        assert files_under(tmp_path / "web") == set()
        assert len(app.state.store) == 0


def test_cross_site_post_is_refused(client):
    response = client.post(
        "/heures",
        data={"action": "calculer", "numero": "1", "montant": "100000", "metier": "peinture"},
        headers={"Origin": "http://attaquant.example"},
    )
    assert response.status_code == 403
    assert "envoyé depuis une autre page" in text_of(response)
    for headers in (
        {"Sec-Fetch-Site": "cross-site", "Origin": "null"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "null"},
    ):
        refused = client.post("/heures", data={"action": "ajouter"}, headers=headers)
        assert refused.status_code == 403, headers
    # Chromium with Referrer-Policy no-referrer: Origin null, but Sec-Fetch-Site same-origin.
    chromium = client.post(
        "/heures",
        data={"action": "ajouter"},
        headers={"Sec-Fetch-Site": "same-origin", "Origin": "null"},
    )
    assert chromium.status_code == 200
    same_site = client.post(
        "/heures",
        data={"action": "calculer", "numero": "1", "montant": "100000", "metier": "peinture"},
        headers={"Origin": BASE_URL},
    )
    assert same_site.status_code == 200


def test_path_traversal_gets_a_french_404(client, tmp_path):
    canary = tmp_path / "canary.txt"
    canary.write_text("ne pas toucher", encoding="utf-8")
    before = files_under(tmp_path)
    for url in (
        "/rapport/../../etc/passwd",
        "/rapport/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/rapport/..%2F..%2Fcanary.txt",
        "/rapport/../canary.txt/annotees.zip",
        "/rapport/........................................",
        "/rapport/" + "." * 32,
        "/rapport/" + "a" * 31 + "./rapport.json",
        "/static/../../canary.txt",
        "/static/%2e%2e/%2e%2e/canary.txt",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "ne pas toucher" not in text_of(response)
        assert "Page introuvable" in text_of(response), url
    response = client.post("/rapport/..%2F..%2Fcanary.txt/effacer")
    assert response.status_code == 404
    assert canary.read_text(encoding="utf-8") == "ne pas toucher"
    assert files_under(tmp_path) == before


def test_job_ids_are_validated_before_any_lookup(make_app):
    app = make_app()
    store = app.state.store
    for bad in ("../x", "", "a" * 31, "a" * 33, "a" * 30 + "/.", "é" * 32, None):
        assert store.get(bad) is None
