"""Persistent state (applications, licences, audit log, loaded lists) behind SQLAlchemy 2.

SQLite under `$CORRIDOR_HOME` by default; PostgreSQL through `CORRIDOR_DATABASE_URL`.
Schema changes only through Alembic migrations (`corridor db upgrade`).
"""

from corridor.store.db import Base, database_url, open_database, upgrade

__all__ = ["Base", "database_url", "open_database", "upgrade"]
