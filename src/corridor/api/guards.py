"""HTTP guards that run before any route, authentication included.

- Body size: a declared `Content-Length` over the limit is refused with 413 before a byte is
  read; a chunked body is counted as it streams and cut off at the limit. An unauthenticated
  500 MB upload therefore costs nothing. `CORRIDOR_MAX_BODY_BYTES` (default 1 MiB) sets it.
- Security headers on every response (HTML pages included): no sniffing, no framing, no
  referrer, no plugins.
- `busy`: a per-process cap on concurrent runs of an expensive route (429 when full).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from corridor.api.errors import error_response

DEFAULT_MAX_BODY = 1_048_576
HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
           (b"referrer-policy", b"no-referrer"),
           (b"content-security-policy", b"frame-ancestors 'none'; object-src 'none'; base-uri 'none'")]


class BodyTooLarge(HTTPException):
    """Raised from `receive`; FastAPI re-raises HTTPExceptions met while reading the body."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {limit} bytes")


def max_body_bytes() -> int:
    return int(os.environ.get("CORRIDOR_MAX_BODY_BYTES", DEFAULT_MAX_BODY))


class Guards:
    """ASGI middleware: the body limit and the security headers."""

    def __init__(self, app: ASGIApp, limit: int | None = None) -> None:
        self.app, self.limit = app, limit or max_body_bytes()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.limit:
            reason = (f"the request body is larger than {self.limit} bytes" if declared.isdigit()
                      else "Content-Length is not a number")
            status = 413 if declared.isdigit() else 400
            await error_response(status, "body", reason)(scope, receive, self._with_headers(send))
            return
        await self.app(scope, self._counted(receive), self._with_headers(send))

    def _counted(self, receive: Receive) -> Receive:
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise BodyTooLarge(self.limit)
            return message

        return counted

    @staticmethod
    def _with_headers(send: Send) -> Send:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        return sending


def busy(limit: int, what: str) -> Callable[[], Iterator[None]]:
    """A dependency letting at most `limit` requests run at once in this process, 429 beyond."""
    slots = threading.BoundedSemaphore(limit)

    @contextmanager
    def _slot() -> Iterator[None]:
        if not slots.acquire(blocking=False):
            raise HTTPException(429, f"{what} is busy ({limit} running); retry shortly")
        try:
            yield
        finally:
            slots.release()

    def slot() -> Iterator[None]:
        with _slot():
            yield

    return slot
