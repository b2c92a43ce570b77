"""« Profil »: the server's profile, readable."""

from __future__ import annotations

from fastapi.testclient import TestClient

from .conftest import BASE_URL, text_of


def test_default_profile_page(client):
    page = client.get("/profil")
    assert page.status_code == 200
    text = text_of(page)
    assert "5\u202f% des heures travaillées" in text
    assert "30 €" in text
    assert "Gros œuvre" in text and "45\u202f%" in text
    # No fictitious contact (issue 12, item 10): the facilitator is to be completed.
    assert "Facilitateur à compléter" in text and "example.org" not in text
    assert "1,5 × SMIC horaire brut" in text
    assert "100 €" in text


def test_server_profile_file(make_app, tmp_path):
    profile = tmp_path / "territoire.toml"
    profile.write_text(
        '[profil]\nnom = "Territoire de test"\ntaux_insertion = 0.07\n\n[facilitateur]\nnom = "Alex Durand"\n',
        encoding="utf-8",
    )
    app = make_app(profile_path=profile)
    with TestClient(app, base_url=BASE_URL) as c:
        text = text_of(c.get("/profil"))
        assert (
            "Territoire de test" in text and "7\u202f% des heures" in text and "Alex Durand" in text
        )
        assert "territoire.toml" in text and str(tmp_path) not in text
        # The hours page uses it too: 100 000 × 0.70 × 7 % / 30 = 163.3 -> 165 h
        page = c.post(
            "/heures",
            data={"numero": "1", "montant": "100000", "metier": "peinture", "action": "calculer"},
        )
        assert "<strong>165</strong>" in text_of(page)
