"""Every CLI failure that is not a refusal (an unwritable `--out`, an unreachable or corrupted
database, a missing audit key) as one line `error: field: reason` and exit 2, never a traceback.

The `corridor` group's `invoke` wraps every subcommand, so each module gets this for free.
"""

from __future__ import annotations

import sys

import click
import typer
from typer.core import TyperGroup

EXIT_FAILURE = 2


class CleanErrors(TyperGroup):
    """The root command group: known failures become a named one-line error."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except Exception as error:
            known = known_failure(error)
            if known is None:
                raise
            _fail(*known)


def known_failure(error: Exception) -> tuple[str, str] | None:
    """(field, reason) for the failures a user can act on, else None.

    The store's error classes are looked up only if the store was imported: a command that never
    touched the database (`check`, `entry`) must not pay SQLAlchemy's import time to say so.
    """
    store = sys.modules.get("corridor.store.db")
    keys = sys.modules.get("corridor.store.keys")
    sqlalchemy = sys.modules.get("sqlalchemy.exc")
    named = [store.DatabaseUnavailable] if store else []
    named += [keys.AuditKeyError] if keys else []
    if isinstance(error, tuple(named)):
        return error.field, str(error)  # type: ignore[attr-defined]
    if sqlalchemy and isinstance(error, sqlalchemy.SQLAlchemyError):
        return "db", str(getattr(error, "orig", None) or error).strip().splitlines()[0]
    if isinstance(error, OSError):
        return error.filename or "file", error.strerror or str(error)
    return None


def _fail(field: str, reason: str) -> None:
    typer.echo(f"error: {field}: {reason}", err=True)
    raise typer.Exit(EXIT_FAILURE)
