"""Every error as JSON naming the field and the reason: `{"error": {"status", "field", "reason",
"value"?, "errors"?}}` — 422 bad input, 409 wrong state or balance, 404 unknown id, 401/403 auth."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import exc
from starlette.exceptions import HTTPException

from corridor.licences.errors import LicenceError
from corridor.store.db import DatabaseUnavailable


class SafeJSONResponse(JSONResponse):
    """JSON with non-ASCII escaped, so a lone surrogate echoed back (`"\\ud800"`) still renders."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode()


class ApiError(Exception):
    def __init__(self, status: int, field: str, reason: str, value: Any = None) -> None:
        self.status, self.field, self.reason, self.value = status, field, reason, value
        super().__init__(f"{field}: {reason}")


def bad_input(error: ValueError, default_field: str) -> ApiError:
    """An engine's bad-input error (unknown country, control number) as a 422 naming its field."""
    return ApiError(422, getattr(error, "field", default_field), str(error), getattr(error, "value", None))


class ErrorDetail(BaseModel):
    status: int
    field: str
    reason: str
    value: Any = None
    errors: list[dict[str, Any]] | None = None


class ErrorBody(BaseModel):
    """The body of every 4xx response."""

    error: ErrorDetail


def error_response(status: int, field: str, reason: str, value: Any = None,
                   errors: list[dict[str, Any]] | None = None) -> JSONResponse:
    detail = ErrorDetail(status=status, field=field, reason=reason, value=_jsonable(value), errors=errors)
    body = ErrorBody(error=detail).model_dump(mode="json", exclude_none=True)
    return SafeJSONResponse(body, status_code=status)


RESPONSES = {code: {"model": ErrorBody} for code in (401, 403, 404, 409, 413, 422, 503)}


def _jsonable(value: Any) -> Any:
    return value if value is None or isinstance(value, str | int | float | bool | list) else str(value)


def _field(location: tuple) -> str:
    return ".".join(str(part) for part in location) or "body"


def _invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
    problems = [{"field": _field(e["loc"]), "reason": e["msg"],
                 "value": None if e["type"] == "missing" else _jsonable(e.get("input"))}
                for e in error.errors()]
    first = problems[0]
    return error_response(422, first["field"], first["reason"], first["value"], problems)


def _unstorable(_request: Request, error: exc.DataError) -> JSONResponse:
    """A value the database rejects (a NUL byte on PostgreSQL, a number out of range) is bad input."""
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
    return error_response(422, "request", f"a value cannot be stored: {reason}")


def _unavailable(_request: Request, error: exc.SQLAlchemyError) -> JSONResponse:
    """The database dropped the connection, is locked or is damaged: retry later, nothing was written."""
    response = error_response(503, "database", "the database is unavailable; nothing was written, "
                              "retry later")
    response.headers["Retry-After"] = "5"
    return response


def install(app: FastAPI) -> None:
    """Register the handlers that turn refusals into the JSON above."""
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(
        LicenceError, lambda _r, e: error_response(e.status, e.field, e.reason, e.value))
    app.add_exception_handler(ApiError, lambda _r, e: error_response(e.status, e.field, e.reason, e.value))
    app.add_exception_handler(
        HTTPException, lambda _r, e: error_response(e.status_code, "request", str(e.detail)))
    app.add_exception_handler(exc.DataError, _unstorable)
    for unavailable in (exc.OperationalError, exc.InterfaceError, exc.DatabaseError, DatabaseUnavailable):
        app.add_exception_handler(unavailable, _unavailable)
    app.add_exception_handler(UnicodeError, lambda _r, e: error_response(
        422, "body", f"text that is not valid Unicode ({e.reason}), e.g. a lone surrogate"))
