"""Reading and writing the audit log from the web pages.

`record` writes one entry under the chain lock, in its own transaction, exactly as the
licence service does; `entries` reads them back filtered by actor, subject and day, for the
audit page and for the two adapters (screening decisions, news review) that keep their state
as audit entries until the store has tables of its own for them.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from corridor.licences.errors import AuditLogBroken
from corridor.store import audit
from corridor.store.audit import AuditEntry


def record(sessions: sessionmaker, *, actor: str, action: str, subject: str, after: Any,
           before: Any = None) -> None:
    """Append one entry in its own transaction (refused, naming why, when the chain's head is gone)."""
    with sessions.begin() as session:
        if not audit.lock_chain(session):
            raise AuditLogBroken("audit", "the audit head row is missing, so nothing can be recorded")
        audit.append(session, actor=actor, action=action, subject=subject, at=datetime.now(UTC),
                     before=before, after=after)


def entries(sessions: sessionmaker, *, actor: str | None = None, subject: str | None = None,
            subject_prefix: str | None = None, day: date | None = None, action: str | None = None,
            limit: int | None = None,
            newest_first: bool = False) -> list[AuditEntry]:
    """Entries by `actor`, on `subject` or subjects starting with `subject_prefix`, written on `day`
    (UTC), whose action starts with `action`; oldest first unless asked otherwise."""
    query = select(AuditEntry)
    if actor:
        query = query.where(AuditEntry.actor == actor)
    if subject:
        query = query.where(AuditEntry.subject == subject)
    if subject_prefix:
        query = query.where(AuditEntry.subject.startswith(subject_prefix, autoescape=True))
    if action:
        query = query.where(AuditEntry.action.startswith(action, autoescape=True))
    if day:
        query = query.where(AuditEntry.at.startswith(day.isoformat()))
    query = query.order_by(AuditEntry.seq.desc() if newest_first else AuditEntry.seq)
    if limit:
        query = query.limit(limit)
    with sessions() as session:
        return list(session.scalars(query))


def content(stored: str | None) -> dict:
    """An entry's `before` or `after` as data (stored as canonical JSON text)."""
    return json.loads(stored) if stored else {}
