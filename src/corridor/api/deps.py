"""What a route needs from the app: the session factory and today's date (the shell's clock)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.orm import sessionmaker


def _sessions(request: Request) -> sessionmaker:
    return request.app.state.sessions


def _today() -> date:
    return datetime.now(UTC).date()


Sessions = Annotated[sessionmaker, Depends(_sessions)]
Today = Annotated[date, Depends(_today)]
# A client-chosen key (printable ASCII) that makes a retried POST return the first reply.
IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key", min_length=8, max_length=200,
                                              pattern=r"^[\x21-\x7e]+$")]
