"""Assemble the `corridor` command from each domain's CLI module."""

from __future__ import annotations

import typer

from corridor.cli import (
    demo,
    entry,
    export,
    items,
    licences,
    news,
    packs,
    screening,
    serve,
    store,
    timeline,
)

app = typer.Typer(
    name="corridor",
    help="Cross-border rules as code: export controls, entry rules, screening, licences.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (demo, export, items, timeline, packs, entry, news, screening, licences, store, serve):
    module.register(app)


def main() -> None:
    app()
