"""API users and their roles. A token is shown once when the user is added; only its SHA-256
is kept, so a copy of the database does not let anyone call the API."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import DateTime, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from corridor.store.db import Base


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


def token_digest(token: str) -> str:
    """Tokens are 256 random bits, so a plain SHA-256 resists guessing as well as a slow hash."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_user(name: str, role: Role) -> tuple[User, str]:
    """A user row and the token to hand over once (prefixed so leaked tokens are recognisable)."""
    token = f"cor_{secrets.token_urlsafe(32)}"
    user = User(name=name, role=role.value, token_hash=token_digest(token), created_at=datetime.now(UTC))
    return user, token


def user_for_token(session: Session, token: str) -> User | None:
    return session.scalar(select(User).where(User.token_hash == token_digest(token)))
