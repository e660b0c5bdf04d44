"""Bearer tokens and roles: 401 without a valid token, 403 when the role is too low.

Reading needs viewer, preparing and drawing down analyst, internal approval and recording
the authority's decision officer; each role includes the ones below it. A token's user is
remembered for a minute so a busy `/check` does not query the users table on every call.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import sessionmaker

from corridor.api.errors import ApiError
from corridor.store.users import Role, user_for_token

bearer = HTTPBearer(auto_error=False, description="A token from `corridor users add NAME --role ROLE`.")
REMEMBER_SECONDS = 60.0


class TokenCache:
    """token → (name, role) as last read from the store, each kept for REMEMBER_SECONDS."""

    def __init__(self, sessions: sessionmaker) -> None:
        self.sessions = sessions
        self.known: dict[str, tuple[float, str, Role]] = {}

    def user(self, token: str) -> tuple[str, Role] | None:
        now = time.monotonic()
        if (hit := self.known.get(token)) and now - hit[0] < REMEMBER_SECONDS:
            return hit[1], hit[2]
        with self.sessions() as session:
            user = user_for_token(session, token)
        if user is None:
            self.known.pop(token, None)
            return None
        self.known[token] = (now, user.name, Role(user.role))
        return user.name, Role(user.role)


def caller(role: Role) -> Callable[..., Awaitable[str]]:
    """A dependency that returns the caller's name (the audit actor) if their role suffices."""

    async def authorised(request: Request,
                         credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> str:
        if credentials is None:
            raise ApiError(401, "authorization", "a bearer token is required")
        found = request.app.state.tokens.user(credentials.credentials)
        if found is None:
            raise ApiError(401, "authorization", "unknown token")
        name, held = found
        if not held.allows(role):
            raise ApiError(403, "authorization", f"{name} is {held.value}; this needs {role.value} or above")
        return name

    return authorised


Viewer = Annotated[str, Depends(caller(Role.viewer))]
Analyst = Annotated[str, Depends(caller(Role.analyst))]
Officer = Annotated[str, Depends(caller(Role.officer))]
