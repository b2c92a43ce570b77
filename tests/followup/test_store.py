"""Opening the store: URLs, migrations forward, a newer schema refused in French."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from followup.errors import StoreError
from followup.store import driver_url, open_store, resolve_url


def test_default_url_env_and_driver(monkeypatch):
    monkeypatch.delenv("CLAUSIER_DB", raising=False)
    assert resolve_url() == "sqlite:///clausier-suivi.sqlite"
    monkeypatch.setenv("CLAUSIER_DB", "postgresql://u@h/b")
    assert resolve_url() == "postgresql://u@h/b"
    assert resolve_url("sqlite:///x.sqlite") == "sqlite:///x.sqlite"
    assert driver_url("postgresql://u@h/b") == "postgresql+psycopg://u@h/b"


def test_schema_created_then_newer_schema_refused(db_url):
    store = open_store(db_url)
    tables = set(inspect(store.engine).get_table_names())
    assert {"operations", "lots", "awards", "employers", "participants", "actions",
            "monthly_hours", "imports", "archived_hours", "alembic_version"} <= tables  # fmt: skip
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    with pytest.raises(StoreError, match="version plus récente de Clausier"):
        open_store(db_url)


def test_unsupported_and_unreachable_urls(tmp_path):
    with pytest.raises(StoreError, match="pas prise en charge"):
        open_store("mysql://u@h/b")
    with pytest.raises(StoreError, match="n'existe pas"):
        open_store(f"sqlite:///{tmp_path}/absent/suivi.sqlite")
    with pytest.raises(StoreError, match="Impossible d'ouvrir la base de suivi"):
        open_store("postgresql://nobody@127.0.0.1:1/none")


def test_a_failed_command_changes_nothing(db_url):
    from followup.models import Operation

    store = open_store(db_url)
    try:
        with pytest.raises(RuntimeError), store.transaction() as session:
            session.add(
                Operation(
                    reference="X",
                    framework=False,
                    created_at=__import__("datetime").datetime(2027, 1, 1),
                    participants_archived=0,
                )
            )
            session.flush()
            raise RuntimeError("boom")
        with store.reading() as session:
            assert session.query(Operation).count() == 0
    finally:
        store.close()


def test_schema_head_constant_is_alembics_head():
    """The fast path of open_store compares with SCHEMA_HEAD: it must be the newest migration."""
    from followup.store import SCHEMA_HEAD, head_revision

    assert head_revision() == SCHEMA_HEAD
