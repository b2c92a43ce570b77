"""`clausier serve`: refusals happen before anything listens (no socket is opened here;
the live server is exercised by tests/web/test_live_server.py and test_browser.py)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from clitext import flat

from apps.cli import cli
from apps.web.command import address_for, is_loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "serveur.local"])
def test_refuses_an_open_address_without_token(host, monkeypatch):
    monkeypatch.delenv("CLAUSIER_JETON", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--host", host])
    assert result.exit_code == 2
    assert "refuse de démarrer sans jeton d'accès" in flat(result.output)
    assert "--generate-token" in flat(result.output)


def test_refuses_a_short_token():
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--token", "court"])
    assert result.exit_code == 2
    assert "jeton d'accès est trop court" in flat(result.output)


def test_bad_profile_stops_the_start(tmp_path):
    profile = tmp_path / "profil.toml"
    profile.write_text("[profil]\ntaux_insertion = 7\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["serve", "--profile", str(profile)])
    assert result.exit_code == 2
    assert "profil.toml" in flat(result.output) and "taux_insertion" in flat(result.output)


def test_help_is_french():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "Ouvrir Clausier dans le navigateur" in flat(result.output)
    assert "--generate-token" in flat(result.output) and "Jeton d'accès" in flat(result.output)


def test_loopback_and_address():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert is_loopback("127.0.0.2")
    assert (
        not is_loopback("0.0.0.0") and not is_loopback("10.0.0.1") and not is_loopback("exemple.fr")
    )
    assert address_for("127.0.0.1", 8765, None) == "http://127.0.0.1:8765/"
    assert address_for("0.0.0.0", 80, "abc") == "http://127.0.0.1:80/?jeton=abc"
    assert address_for("::1", 8765, None) == "http://[::1]:8765/"


def test_a_busy_port_is_said_in_french_before_ready():
    """Issue 12, item 15: « prêt », then uvicorn's English « ERROR: [Errno 98] », exit 3."""
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--port", str(port)])
    text = flat(result.output)
    assert result.exit_code == 2, result.output
    assert f"Le port {port} est déjà utilisé" in text and f"--port {port + 1}" in text
    assert "prêt" not in text and "Errno" not in text
