"""The follow-up's tests run on SQLite and on a real PostgreSQL server.

PostgreSQL: the URL in CLAUSIER_TEST_PG, else the server `.ci/start-postgres` starts (it
installs nothing). Without a server the PostgreSQL half is skipped — except in CI
(CI=true), where it fails: the store must be tested on both.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
START_SCRIPT = ROOT / ".ci" / "start-postgres"


def _postgres_url() -> tuple[str | None, str]:
    url = os.environ.get("CLAUSIER_TEST_PG")
    if url:
        return url, ""
    try:
        done = subprocess.run(
            ["bash", str(START_SCRIPT)], capture_output=True, text=True, timeout=120
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return None, str(error)
    if done.returncode != 0 or not done.stdout.strip():
        return None, done.stderr.strip() or f"exit status {done.returncode}"
    return done.stdout.strip().splitlines()[-1], ""


@pytest.fixture(scope="session")
def postgres_url():
    url, why = _postgres_url()
    if url is None:
        message = f"PostgreSQL indisponible pour les tests du suivi : {why}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true : PostgreSQL est obligatoire)")
        pytest.skip(message)
    # A database of this test run's own: two runs at once (engineers sharing the working tree
    # and the server) dropped each other's schema in the middle of a test.
    yield from _own_database(url)


def _own_database(url: str):
    from sqlalchemy import create_engine, make_url, text

    from followup.store import driver_url

    name = f"clausier_test_{os.getpid()}"
    server = create_engine(driver_url(url), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    from followup.store import driver_url

    engine = create_engine(driver_url(url))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """An empty store's URL, on each backend in turn."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'suivi.sqlite'}"
    url = request.getfixturevalue("postgres_url")
    _reset_postgres(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'suivi.sqlite'}"
