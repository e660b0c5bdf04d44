"""Assemble the `corridor` command from each domain's CLI module."""

from __future__ import annotations

import typer

from corridor.cli import (
    audit,
    demo,
    entry,
    export,
    licences,
    news,
    packs,
    screening,
    serve,
    store,
    timeline,
    users,
)
from corridor.cli.failures import CleanErrors

app = typer.Typer(
    name="corridor",
    help="Cross-border rules as code: export controls, entry rules, screening, licences.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=CleanErrors,
)

for module in (demo, export, timeline, packs, entry, news, screening, licences, audit, users, store, serve):
    module.register(app)


def main() -> None:
    app()
