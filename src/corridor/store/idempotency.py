"""Idempotency keys: a client that did not get the reply to a write sends it again with the
same `Idempotency-Key` and gets the first reply back instead of a second drawdown.

A key belongs to the caller who used it; the request's digest is kept with the reply, so the
same key on a different request is refused rather than silently answered with the old reply.
Keys are kept for a day (as payment APIs keep them): a retry comes within minutes, and a table
that only grows would hold every write ever made twice.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import JSON, DateTime, String, delete
from sqlalchemy.orm import Mapped, Session, mapped_column

from corridor.store.audit import canonical
from corridor.store.db import Base, as_utc

KEPT_FOR = timedelta(days=1)


class IdempotencyKey(Base):
    __tablename__ = "idempotency_keys"

    actor: Mapped[str] = mapped_column(String(200), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    request: Mapped[str] = mapped_column(String(64))
    response: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def digest(request: Any) -> str:
    return hashlib.sha256(canonical(request).encode()).hexdigest()


def earlier(session: Session, actor: str, key: str, now: datetime) -> IdempotencyKey | None:
    """The reply already given to `actor` for `key` within the last day (the caller holds the
    chain lock); an older one is forgotten, so the key can be used afresh."""
    found = session.get(IdempotencyKey, (actor, key))
    if found is not None and as_utc(found.created_at) <= now - KEPT_FOR:
        session.delete(found)
        session.flush()
        return None
    return found


def remember(session: Session, actor: str, key: str, request: Any, response: dict[str, Any],
             at: datetime) -> None:
    """Keep the reply; the actor's keys older than a day go."""
    session.execute(delete(IdempotencyKey).where(IdempotencyKey.actor == actor,
                                                 IdempotencyKey.created_at <= at - KEPT_FOR))
    session.add(IdempotencyKey(actor=actor, key=key, request=digest(request), response=response,
                               created_at=at))
