"""Where the database is, how to open it, and how to bring its schema up to date."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, exc, make_url, text
from sqlalchemy.orm import DeclarativeBase, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"


class DatabaseUnavailable(Exception):
    """The database does not exist, cannot be reached or is corrupted; nothing was written."""

    field = "db"


def as_utc(moment: datetime) -> datetime:
    """SQLite returns naive datetimes; corridor writes every one in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


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
    """A session factory for the chosen database, checked and migrated to the latest schema first.

    A SQLite file that fails `PRAGMA quick_check` is refused, so a damaged store never takes
    another drawdown; an unreachable server is named (password hidden) instead of a traceback.
    """
    url = database_url(db)
    try:
        if url.startswith("sqlite:///") and (path := Path(url.removeprefix("sqlite:///"))).is_file():
            _check_sqlite(url, path.stat().st_size, path.stat().st_mtime_ns)
        if migrate:
            upgrade(url)
    except exc.SQLAlchemyError as error:
        raise DatabaseUnavailable(f"cannot use {_shown(url)}: {_reason(error)}") from error
    return sessionmaker(engine_for(url), expire_on_commit=False)


def open_existing(db: str | None = None) -> sessionmaker:
    """As `open_database`, but a SQLite file that does not exist is refused, not created."""
    url = database_url(db)
    path = url.removeprefix("sqlite:///")
    if url.startswith("sqlite:///") and not Path(path).is_file():
        raise DatabaseUnavailable(f"no database at {path} (check --db or CORRIDOR_DATABASE_URL)")
    return open_database(url)


@cache
def _check_sqlite(url: str, _size: int, _modified: int) -> None:
    """The quick integrity check, again whenever the file changed (a few ms per MB)."""
    with engine_for(url).connect() as connection:
        problems = connection.execute(text("PRAGMA quick_check")).scalars().all()
    if problems != ["ok"]:
        raise DatabaseUnavailable(f"{_shown(url)} is corrupted ({'; '.join(problems[:3])}); "
                                  "restore it from a backup")


def _shown(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _reason(error: exc.SQLAlchemyError) -> str:
    return str(getattr(error, "orig", None) or error).strip().splitlines()[0]
