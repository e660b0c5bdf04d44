"""Imports every module that declares tables, so Alembic and tests see the whole schema."""

from corridor.store import applications, audit, licences, users  # noqa: F401
from corridor.store import lists  # noqa: F401  (screening lists)
