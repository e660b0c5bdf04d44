"""Settings an administrator chooses for everyone using one database, such as whether a screening
decision needs a second officer. They live in the database, not in each user's environment, so
no one opts out of a control by running with another variable; each change is an audit entry."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from corridor.store import audit
from corridor.store.db import Base

# name → (default, what it does); only these may be set
KNOWN: dict[str, tuple[bool, str]] = {
    "screening.four_eyes": (False, "a decision on a screening hit stands only once a second officer "
                                   "approves it (`corridor screen approve ID`)"),
}


class Setting(Base):
    __tablename__ = "settings"

    name: Mapped[str] = mapped_column(sa.String(100), primary_key=True)
    value: Mapped[str] = mapped_column(sa.String(2000))  # JSON
    changed_by: Mapped[str] = mapped_column(sa.String(200))
    changed_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))


def current(session: Session, name: str) -> Any:
    """The setting's value, or its default when no one has set it."""
    stored = session.get(Setting, _known(name))
    return json.loads(stored.value) if stored else KNOWN[name][0]


def every(sessions: sessionmaker) -> dict[str, Any]:
    with sessions() as session:
        return {name: current(session, name) for name in KNOWN}


def change(sessions: sessionmaker, name: str, text: str, *, actor: str, at: datetime) -> Any:
    """Set `name` from its text form ("on"/"off", "true"/"false"); audited in the same transaction."""
    value = _parsed(_known(name), text)
    with sessions.begin() as session:
        if not audit.lock_chain(session):
            raise ValueError("the audit head row is missing, so no setting can be changed")
        before = current(session, name)
        session.merge(Setting(name=name, value=json.dumps(value), changed_by=actor, changed_at=at))
        audit.append(session, actor=actor, action="setting.changed", subject=f"setting:{name}", at=at,
                     before={"value": before}, after={"value": value})
    return value


def _known(name: str) -> str:
    if name not in KNOWN:
        raise ValueError(f"setting {name!r} is not one of: {', '.join(KNOWN)}")
    return name


def _parsed(name: str, text: str) -> bool:
    words = {"on": True, "true": True, "yes": True, "off": False, "false": False, "no": False}
    if text.strip().lower() not in words:
        raise ValueError(f"value {text!r} for {name} is not on or off")
    return words[text.strip().lower()]
