"""Idempotency keys: a client that did not get the reply to a write sends it again with the
same `Idempotency-Key` and gets the first reply back instead of a second drawdown.

A key belongs to the caller who used it; the request's digest is kept with the reply, so the
same key on a different request is refused rather than silently answered with the old reply.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, String
from sqlalchemy.orm import Mapped, Session, mapped_column

from corridor.store.audit import canonical
from corridor.store.db import Base


class IdempotencyKey(Base):
    __tablename__ = "idempotency_keys"

    actor: Mapped[str] = mapped_column(String(200), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    request: Mapped[str] = mapped_column(String(64))
    response: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def digest(request: Any) -> str:
    return hashlib.sha256(canonical(request).encode()).hexdigest()


def earlier(session: Session, actor: str, key: str) -> IdempotencyKey | None:
    """The reply already given to `actor` for `key` (the caller holds the chain lock)."""
    return session.get(IdempotencyKey, (actor, key))


def remember(session: Session, actor: str, key: str, request: Any, response: dict[str, Any],
             at: datetime) -> None:
    session.add(IdempotencyKey(actor=actor, key=key, request=digest(request), response=response,
                               created_at=at))
