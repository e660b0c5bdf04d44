"""`corridor settings show|set`: controls chosen for everyone using one database (admin only)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer
from rich.console import Console

settings_app = typer.Typer(help="Database-wide settings, e.g. four-eyes on screening decisions.",
                           no_args_is_help=True)
Db = Annotated[str | None, typer.Option("--db", help="SQLite path or database URL.")]


@settings_app.command("show")
def show(db: Db = None) -> None:
    """Every setting with its value and what it does."""
    from corridor.store.db import open_database
    from corridor.store.settings import KNOWN, every

    for name, value in every(open_database(db)).items():
        Console().print(f"{name} = {'on' if value else 'off'}  ({KNOWN[name][1]})", highlight=False)


@settings_app.command("set")
def set_setting(name: str, value: Annotated[str, typer.Argument(help="on | off")], db: Db = None) -> None:
    """Change a setting (admin role); the change is an audit entry."""
    from corridor.cli.identity import acting_user
    from corridor.cli.licences import refusals
    from corridor.store.db import open_database
    from corridor.store.settings import change

    with refusals():
        sessions = open_database(db)
        now = change(sessions, name, value, actor=acting_user(sessions, "admin"), at=datetime.now(UTC))
    Console().print(f"{name} = {'on' if now else 'off'}", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(settings_app, name="settings")
