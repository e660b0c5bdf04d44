"""Bearer tokens and roles: 401 without a valid token, 403 when the role is too low.

Reading needs viewer, preparing and drawing down analyst, internal approval and recording
the authority's decision officer; each role includes the ones below it. The token is looked
up on every request (one indexed read), so a revoked, rotated or expired token, a deleted user
and a demoted officer are refused from the very next request.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import sessionmaker

from corridor.api.errors import ApiError
from corridor.store.users import Role, user_for_token

bearer = HTTPBearer(auto_error=False, description="A token from `corridor users add NAME --role ROLE`.")


class Tokens:
    """token → (name, role), read from the store on each call; None if unknown, revoked or expired."""

    def __init__(self, sessions: sessionmaker) -> None:
        self.sessions = sessions

    def user(self, token: str) -> tuple[str, Role] | None:
        with self.sessions() as session:
            user = user_for_token(session, token)
        if user is None or user.refusal(datetime.now(UTC)) is not None:
            return None
        return user.name, Role(user.role)


def caller(role: Role) -> Callable[..., Awaitable[str]]:
    """A dependency that returns the caller's name (the audit actor) if their role suffices."""

    async def authorised(request: Request,
                         credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> str:
        if credentials is None:
            raise ApiError(401, "authorization", "a bearer token is required")
        found = request.app.state.tokens.user(credentials.credentials)
        if found is None:
            raise ApiError(401, "authorization", "unknown, revoked or expired token")
        name, held = found
        if not held.allows(role):
            raise ApiError(403, "authorization", f"{name} is {held.value}; this needs {role.value} or above")
        return name

    return authorised


Viewer = Annotated[str, Depends(caller(Role.viewer))]
Analyst = Annotated[str, Depends(caller(Role.analyst))]
Officer = Annotated[str, Depends(caller(Role.officer))]
