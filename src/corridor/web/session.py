"""Who is using the browser: a signed session cookie, the user's role, and the CSRF token.

People sign in with the same user name and token that `corridor users add` hands out for the
API, so one table of users and roles governs both. The cookie holds the name, a prefix of the
token's digest (a rotated or removed token ends the session at the next request) and the
CSRF token; it is signed with HMAC-SHA256 under `CORRIDOR_WEB_SECRET`, or under a random key
per process when that is unset (sessions then end when the server restarts). Every visitor,
signed in or not, gets a CSRF token, so the sign-in form is protected like every other form.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request, Response
from sqlalchemy import select

from corridor.store.users import Role, User, token_digest

COOKIE = "corridor_session"
LIFETIME_SECONDS = 8 * 3600
DIGEST_PREFIX = 16


def secret_key() -> bytes:
    """The signing key: the environment's, so several workers agree, or a fresh random one."""
    configured = os.environ.get("CORRIDOR_WEB_SECRET")
    return configured.encode() if configured else secrets.token_bytes(32)


@dataclass(frozen=True)
class Visitor:
    """The person behind a request: anonymous (name None) or a signed-in user with a role."""

    csrf: str
    name: str | None = None
    role: Role | None = None

    def may(self, needed: str) -> bool:
        return self.role is not None and self.role.allows(Role(needed))


class NotAllowed(Exception):
    """A page or action beyond the visitor's role (or no sign-in at all)."""

    def __init__(self, visitor: Visitor, needed: Role) -> None:
        self.visitor, self.needed = visitor, needed
        who = f"{visitor.name} is {visitor.role.value}" if visitor.role else "you are not signed in"
        super().__init__(f"{who}; this needs {needed.value} or above")


class BadCsrf(Exception):
    """A form posted without this session's CSRF token: another site's forgery, or a stale page."""


def _sign(key: bytes, payload: bytes) -> str:
    return base64.urlsafe_b64encode(hmac.new(key, payload, hashlib.sha256).digest()).decode().rstrip("=")


def encode(key: bytes, data: dict) -> str:
    payload = base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode()).decode().rstrip("=")
    return f"{payload}.{_sign(key, payload.encode())}"


def decode(key: bytes, cookie: str | None) -> dict | None:
    """The cookie's data, or None if it is missing, forged or expired."""
    if not cookie or "." not in cookie:
        return None
    payload, signature = cookie.rsplit(".", 1)
    if not hmac.compare_digest(signature, _sign(key, payload.encode())):
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except ValueError:
        return None
    return data if time.time() - data.get("at", 0) < LIFETIME_SECONDS else None


def _signed_in(request: Request, data: dict) -> tuple[str, Role] | None:
    """The user the cookie names, if their token is still the one they signed in with."""
    if not data.get("user"):
        return None
    with request.app.state.sessions() as session:
        user = session.scalar(select(User).where(User.name == data["user"]))
    if user is None or user.token_hash[:DIGEST_PREFIX] != data.get("digest"):
        return None
    return user.name, Role(user.role)


def visitor(request: Request) -> Visitor:
    """This request's visitor; a new anonymous one (with a new CSRF token) when the cookie is absent."""
    cached = getattr(request.state, "visitor", None)
    if cached is not None:
        return cached
    data = decode(request.app.state.web_secret, request.cookies.get(COOKIE)) or {}
    csrf = data.get("csrf") or secrets.token_urlsafe(24)
    found = _signed_in(request, data)
    request.state.visitor = Visitor(csrf, *found) if found else Visitor(csrf)
    request.state.fresh_cookie = not data
    return request.state.visitor


def sign_in(request: Request, name: str, token: str) -> Visitor | None:
    """The user whose name and token these are, or None (the same answer for either mistake)."""
    with request.app.state.sessions() as session:
        user = session.scalar(select(User).where(User.name == name))
    if user is None or not hmac.compare_digest(user.token_hash, token_digest(token)):
        return None
    request.state.visitor = Visitor(secrets.token_urlsafe(24), user.name, Role(user.role))
    request.state.new_session = {"user": user.name, "digest": user.token_hash[:DIGEST_PREFIX]}
    return request.state.visitor


def sign_out(request: Request) -> None:
    request.state.visitor = Visitor(secrets.token_urlsafe(24))
    request.state.new_session = {}


def write_cookie(request: Request, response: Response) -> None:
    """Set the cookie when the session began or changed on this request."""
    changed = getattr(request.state, "new_session", None)
    if changed is None and not getattr(request.state, "fresh_cookie", False):
        return
    current = getattr(request.state, "visitor", None)
    if current is None:
        return
    data = {**(changed or {}), "csrf": current.csrf, "at": int(time.time())}
    response.set_cookie(COOKIE, encode(request.app.state.web_secret, data), max_age=LIFETIME_SECONDS,
                        httponly=True, samesite="lax", secure=request.url.scheme == "https", path="/")


async def checked_form(request: Request) -> dict[str, str]:
    """The posted form's fields, after checking its CSRF token against the session's."""
    form = await request.form()
    sent = form.get("csrf") or request.headers.get("x-csrf-token") or ""
    if not hmac.compare_digest(str(sent), visitor(request).csrf):
        raise BadCsrf("the form's CSRF token does not match this session; reload the page and try again")
    return {key: value for key, value in form.items() if isinstance(value, str)}


def requires(role: Role):
    """A dependency giving the visitor when their role is at least `role`."""

    def allowed(request: Request) -> Visitor:
        person = visitor(request)
        if not person.may(role.value):
            raise NotAllowed(person, role)
        return person

    return allowed


Anyone = Annotated[Visitor, Depends(visitor)]
AsViewer = Annotated[Visitor, Depends(requires(Role.viewer))]
AsAnalyst = Annotated[Visitor, Depends(requires(Role.analyst))]
AsOfficer = Annotated[Visitor, Depends(requires(Role.officer))]
Form = Annotated[dict[str, str], Depends(checked_form)]
