"""One line per request in the Combined Log Format, which every log tool already parses.

Credentials never reach the log: the Authorization header is not read, and the value of any
query parameter that could carry a secret (`token`, `key`, `password`, …) is replaced.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode

logger = logging.getLogger("corridor.access")
SECRET_PARAMETERS = frozenset({"token", "access_token", "api_key", "key", "password", "secret"})
Scope = dict[str, Any]


def redacted_query(query: str) -> str:
    """The query string with the values of secret-bearing parameters replaced."""
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode([(k, "REDACTED" if k.lower() in SECRET_PARAMETERS else v) for k, v in pairs])


def combined_line(scope: Scope, status: int, size: int, at: datetime) -> str:
    """`host - - [day:time zone] "METHOD path PROTO" status size "referer" "agent"`."""
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
    client = scope.get("client") or ("-", 0)
    query = scope.get("query_string", b"").decode("latin-1")
    target = scope.get("path", "") + (f"?{redacted_query(query)}" if query else "")
    request = f'{scope.get("method", "-")} {target} HTTP/{scope.get("http_version", "1.1")}'
    return (f'{client[0]} - - [{at.strftime("%d/%b/%Y:%H:%M:%S %z")}] "{request}" {status} {size or "-"} '
            f'"{headers.get("referer", "-")}" "{headers.get("user-agent", "-")}"')


class AccessLog:
    """ASGI middleware: logs each HTTP request once its response has been sent."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent = {"status": 500, "size": 0}

        async def record(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                sent["status"] = message["status"]
            elif message["type"] == "http.response.body":
                sent["size"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, record)
        finally:
            logger.info(combined_line(scope, sent["status"], sent["size"], datetime.now(UTC)))
