"""Where the database is, how to open it, and how to bring its schema up to date."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import DeclarativeBase, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"


class Base(DeclarativeBase):
    """Every table of corridor; Alembic compares migrations against this metadata."""


def corridor_home() -> Path:
    home = Path(os.environ.get("CORRIDOR_HOME", Path.home() / ".corridor"))
    home.mkdir(parents=True, exist_ok=True)
    return home


def database_url(db: str | None = None) -> str:
    """`--db` (a path or URL) first, then `CORRIDOR_DATABASE_URL`, then SQLite in the home."""
    if db:
        return db if "://" in db else f"sqlite:///{Path(db).resolve()}"
    if url := os.environ.get("CORRIDOR_DATABASE_URL"):
        return url
    return f"sqlite:///{corridor_home() / 'corridor.db'}"


def redacted_url(url: str) -> str:
    """The URL with its password hidden, for messages and logs."""
    return make_url(url).render_as_string(hide_password=True)


@cache
def engine_for(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.startswith("postgresql://"):
        url = url.replace("postgresql://", "postgresql+psycopg://", 1)
    return create_engine(url, pool_pre_ping=True, pool_size=20, max_overflow=40)


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def upgrade(url: str) -> None:
    """Apply every migration not yet applied (all branches: `heads`); data is never dropped."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine_for(url)
    command.upgrade(config, "heads")


def open_database(db: str | None = None, migrate: bool = True) -> sessionmaker:
    """A session factory for the chosen database, migrated to the latest schema first."""
    url = database_url(db)
    if migrate:
        upgrade(url)
    return sessionmaker(engine_for(url), expire_on_commit=False)
