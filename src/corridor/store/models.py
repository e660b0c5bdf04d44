"""Imports every module that declares tables, so Alembic and tests see the whole schema."""

from corridor.store import (  # noqa: F401  (importing registers each module's tables)
    applications,  # licence applications (issue 5)
    audit,  # hash-chained audit log (issue 5)
    licences,  # licences and drawdowns (issue 5)
    lists,  # screening lists (issue 6)
    news_events,  # the analyst's news review queue (issue 10)
    users,  # API users (issue 5)
)
