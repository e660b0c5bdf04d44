"""Alembic environment: runs migrations on the engine `corridor.store.db.upgrade` hands over."""

from alembic import context

import corridor.store.models  # noqa: F401  (registers every table on Base.metadata)
from corridor.store.db import Base

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()
