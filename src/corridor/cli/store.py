"""`corridor db upgrade`: bring the database schema up to date, keeping every row."""

from __future__ import annotations

import typer
from rich.console import Console

from corridor.store.db import database_url, upgrade

db_app = typer.Typer(help="The database: migrations.", no_args_is_help=True)


@db_app.command("upgrade")
def upgrade_command(
    db: str | None = typer.Option(None, "--db", help="SQLite path or database URL."),
) -> None:
    """Apply every pending migration (safe to run on a database that has data)."""
    url = database_url(db)
    upgrade(url)
    Console().print(f"database up to date: {url}")


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
