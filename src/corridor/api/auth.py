"""Bearer tokens and roles: 401 without a valid token, 403 when the role is too low.

Reading needs viewer, preparing and drawing down analyst, internal approval and recording
the authority's decision officer; each role includes the ones below it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from corridor.api.errors import ApiError
from corridor.store.users import Role, user_for_token

bearer = HTTPBearer(auto_error=False, description="A token from `corridor users add NAME --role ROLE`.")


def caller(role: Role) -> Callable[..., str]:
    """A dependency that returns the caller's name (the audit actor) if their role suffices."""

    def authorised(request: Request,
                   credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> str:
        if credentials is None:
            raise ApiError(401, "authorization", "a bearer token is required")
        with request.app.state.sessions() as session:
            user = user_for_token(session, credentials.credentials)
        if user is None:
            raise ApiError(401, "authorization", "unknown token")
        if not Role(user.role).allows(role):
            raise ApiError(403, "authorization",
                           f"{user.name} is {user.role}; this needs {role.value} or above")
        return user.name

    return authorised


Viewer = Annotated[str, Depends(caller(Role.viewer))]
Analyst = Annotated[str, Depends(caller(Role.analyst))]
Officer = Annotated[str, Depends(caller(Role.officer))]
