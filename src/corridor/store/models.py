"""Imports every module that declares tables, so Alembic and tests see the whole schema."""

from corridor.store import (  # noqa: F401  (importing registers each module's tables)
    applications,  # licence applications (issue 5)
    audit,  # hash-chained audit log (issue 5), keyed and anchored (issue 13)
    decisions,  # decisions on screening hits (issue 11)
    idempotency,  # replies kept for retried writes (issue 13)
    licences,  # licences and drawdowns (issue 5)
    list_versions,  # audited list loads (issue 13)
    lists,  # screening lists (issue 6)
    monitoring,  # parties under watch for re-screening (issue 11)
    news_events,  # the analyst's news review queue (issue 10)
    users,  # API users (issue 5)
)
