"""API and CLI users, their roles and tokens. A token is shown once when the user is added or
rotated; only its SHA-256 is kept, so a copy of the database does not let anyone act. Tokens
expire (`expires_at`) and can be revoked (`revoked_at`); both take effect on the next request.

Every change to a user is an audit entry whose `after` is `audited(user)`; `audit verify`
compares each row with its last entry, so a role raised or a token swapped in the database
itself is reported.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from corridor.store import audit, reconcile
from corridor.store.db import Base, as_utc

TOKEN_DAYS = 90


class Role(StrEnum):
    """Each role may do everything the ones before it may."""

    viewer = "viewer"
    analyst = "analyst"
    officer = "officer"
    admin = "admin"

    def allows(self, needed: Role) -> bool:
        order = list(Role)
        return order.index(self) >= order.index(needed)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    def refusal(self, now: datetime) -> str | None:
        """Why this user's token may not be used at `now`, or None when it may."""
        if self.revoked_at is not None:
            return f"the token of {self.name} was revoked"
        if self.expires_at is not None and as_utc(self.expires_at) <= now:
            return f"the token of {self.name} expired at {as_utc(self.expires_at).isoformat()}"
        return None


def token_digest(token: str) -> str:
    """Tokens are 256 random bits, so a plain SHA-256 resists guessing as well as a slow hash."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token(user: User, at: datetime, days: int = TOKEN_DAYS) -> str:
    """Give `user` a fresh token valid for `days` (prefixed so leaked tokens are recognisable)."""
    token = f"cor_{secrets.token_urlsafe(32)}"
    user.token_hash, user.expires_at, user.revoked_at = token_digest(token), at + timedelta(days=days), None
    return token


def new_user(name: str, role: Role, at: datetime | None = None, days: int = TOKEN_DAYS) -> tuple[User, str]:
    """A user row and the token to hand over once."""
    at = at or datetime.now(UTC)
    user = User(name=name, role=role.value, created_at=at)
    return user, new_token(user, at, days)


def user_for_token(session: Session, token: str) -> User | None:
    return session.scalar(select(User).where(User.token_hash == token_digest(token)))


def audited(user: User) -> dict[str, Any]:
    """What an audit entry records of a user: enough to detect any later edit of the row."""
    def moment(value: datetime | None) -> str | None:
        return None if value is None else as_utc(value).isoformat()

    return {"name": user.name, "role": user.role, "token_hash": user.token_hash,
            "expires_at": moment(user.expires_at), "revoked_at": moment(user.revoked_at)}


def check_users(session: Session) -> list[reconcile.Disagreement]:
    """Each user row against its last `user.*` entry; a user without any entry was inserted by hand."""
    entries = audit.history(session, "user:")
    found = []
    for user in session.scalars(select(User).order_by(User.id)):
        subject = f"user:{user.name}"
        if subject not in entries:
            found.append(reconcile.Disagreement("users", user.name, "row", "present", "absent",
                                                "no audit entry adds this user"))
            continue
        last = entries.pop(subject)[-1]
        found += reconcile.compare("users", user.name, audited(user), last.recorded(),
                                   f"changed since entry {last.seq} ({last.action})")
    found += [reconcile.Disagreement("users", subject.removeprefix("user:"), "row", "absent", "present",
                                     f"entry {history[-1].seq} records the user, the row is gone")
              for subject, history in entries.items() if history[-1].action != "user.deleted"]
    return found


reconcile.register("users", check_users)
