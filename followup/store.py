"""Opening the follow-up store: URL, migrations, one transaction per command.

`open_store(url)` takes `--db URL`, else `CLAUSIER_DB`, else an SQLite file
`clausier-suivi.sqlite` in the current folder. `postgresql://` URLs use psycopg 3. The
schema is migrated forward on open (Alembic, `followup/migrations/`); a store written by a
newer Clausier is refused with a French message.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from followup.errors import StoreError

ENV_VAR = "CLAUSIER_DB"
DEFAULT_FILE = "clausier-suivi.sqlite"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def resolve_url(url: str | None = None) -> str:
    """The store's URL as the user wrote it: --db, else CLAUSIER_DB, else the default file."""
    return url or os.environ.get(ENV_VAR) or f"sqlite:///{DEFAULT_FILE}"


def driver_url(url: str) -> str:
    """The SQLAlchemy URL: `postgresql://` and `postgres://` go through psycopg 3."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def shown_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


@dataclass
class Store:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One command, one transaction: committed at the end, nothing kept on an error."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session (rolled back at the end)."""
        session = self.sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def open_store(url: str | None = None, migrate: bool = True) -> Store:
    """Open (and create or migrate) the store at `url` (see `resolve_url`)."""
    raw = resolve_url(url)
    engine = _engine(raw)
    try:
        if migrate:
            upgrade(engine, raw)
    except OperationalError as error:
        engine.dispose()
        raise StoreError(_unreachable(raw, error)) from None
    return Store(url=raw, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))


def _engine(raw: str) -> Engine:
    try:
        parsed = make_url(driver_url(raw))
    except ArgumentError:
        raise StoreError(
            f"« {raw} » n'est pas une adresse de base de données : écrivez "
            "sqlite:///chemin/vers/suivi.sqlite ou postgresql://utilisateur@serveur/base."
        ) from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(
            f"La base « {shown_url(raw)} » n'est pas prise en charge : le suivi s'enregistre "
            "dans un fichier SQLite (sqlite:///suivi.sqlite) ou sur un serveur PostgreSQL "
            "(postgresql://utilisateur@serveur/base)."
        )
    if backend == "sqlite" and parsed.database and parsed.database != ":memory:":
        folder = Path(parsed.database).expanduser().resolve().parent
        if not folder.is_dir():
            raise StoreError(
                f"Le dossier {folder} n'existe pas : créez-le, ou indiquez un autre fichier "
                "avec --db sqlite:///chemin/suivi.sqlite."
            )
    try:
        engine = create_engine(parsed, future=True)
    except (ArgumentError, ImportError) as error:
        raise StoreError(f"Impossible d'ouvrir la base « {shown_url(raw)} » : {error}.") from None
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _unreachable(raw: str, error: Exception) -> str:
    detail = str(getattr(error, "orig", error)).strip().splitlines()[0]
    return (
        f"Impossible d'ouvrir la base de suivi « {shown_url(raw)} » ({detail}). Vérifiez "
        "l'adresse (--db ou CLAUSIER_DB), que le serveur PostgreSQL est démarré et que "
        "l'utilisateur y a accès."
    )


def _alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


# The newest migration of this version. A store already there is opened without importing
# Alembic (and Mako), which costs about a second on every command; tests check that this
# is Alembic's head.
SCHEMA_HEAD = "0001"


def _current_revision(engine: Engine) -> str | None:
    """The store's schema revision, read with plain SQL (None: no version table yet)."""
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, raw: str) -> None:
    """Bring the schema to this version's head; refuse a schema from a newer version."""
    if _current_revision(engine) == SCHEMA_HEAD:
        return
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = _alembic_config()
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    with engine.begin() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        if current == head:
            return
        if current is not None and not _known(script, current):
            raise StoreError(
                f"La base de suivi « {shown_url(raw)} » a été écrite par une version plus "
                f"récente de Clausier (schéma {current}, cette version connaît {head}) : "
                "mettez Clausier à jour avant de l'ouvrir. Rien n'a été modifié."
            )
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, "head")
        except SQLAlchemyError as error:
            raise StoreError(
                f"La mise à jour de la base de suivi « {shown_url(raw)} » a échoué ({error}). "
                "Rien n'a été modifié ; signalez l'erreur."
            ) from None


def _known(script, revision: str) -> bool:
    from alembic.util import CommandError

    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False
