"""Every CLI failure that is not a refusal (an unwritable `--out`, an unreachable or corrupted
database, a missing audit key) as one line `error: field: reason` and exit 2, never a traceback.

The `corridor` group's `invoke` wraps every subcommand, so each module gets this for free.
"""

from __future__ import annotations

import click
import typer
from typer.core import TyperGroup

EXIT_FAILURE = 2


class CleanErrors(TyperGroup):
    """The root command group: known failures become a named one-line error."""

    def invoke(self, ctx: click.Context):
        from sqlalchemy.exc import SQLAlchemyError

        from corridor.store.db import DatabaseUnavailable
        from corridor.store.keys import AuditKeyError

        try:
            return super().invoke(ctx)
        except (DatabaseUnavailable, AuditKeyError) as error:
            _fail(error.field, str(error))
        except SQLAlchemyError as error:
            _fail("db", str(getattr(error, "orig", None) or error).strip().splitlines()[0])
        except OSError as error:
            _fail(error.filename or "file", error.strerror or str(error))


def _fail(field: str, reason: str) -> None:
    typer.echo(f"error: {field}: {reason}", err=True)
    raise typer.Exit(EXIT_FAILURE)
