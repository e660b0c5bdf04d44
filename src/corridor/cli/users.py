"""`corridor users add|list|revoke|rotate|role`: who may act, with which role, with which token.

Every command but `list` needs an admin's token (or, on a database with no users yet, creates
the first one as the bootstrap login; see `cli.identity`). Each change is an audit entry.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

users_app = typer.Typer(help="Users, their roles and tokens (API and CLI).", no_args_is_help=True)
Db = Annotated[str | None, typer.Option("--db", help="SQLite path or database URL.")]
Days = Annotated[int | None, typer.Option("--expires-days", min=1, max=3650,
                                          help="Token lifetime in days (default 90).")]


def _admin(db: str | None):
    from corridor.cli.identity import acting_user
    from corridor.store.db import open_database

    sessions = open_database(db)
    return sessions, acting_user(sessions, "admin")


def _print_token(message: str, token: str) -> None:
    Console().print(f"{message}; token (shown once, keep it safe, e.g. in CORRIDOR_TOKEN):", highlight=False)
    print(token)


@users_app.command("add")
def add(name: str, role: Annotated[str, typer.Option("--role", help="viewer | analyst | officer | admin")],
        db: Db = None, expires_days: Days = None) -> None:
    """Create a user and print its token once (only its SHA-256 is stored)."""
    from corridor.cli.licences import refusals
    from corridor.licences import service

    with refusals():
        sessions, actor = _admin(db)
        token = service.add_user(sessions, name, _role(role), actor, expires_days)
    _print_token(f"user {name} ({role}) added", token)


@users_app.command("list")
def list_users(db: Db = None) -> None:
    """Users with role, expiry and revocation (no token material)."""
    from rich.table import Table

    from corridor.licences import service
    from corridor.store.db import open_database

    table = Table("name", "role", "expires", "revoked")
    for user in service.list_users(open_database(db)):
        table.add_row(user["name"], user["role"], user["expires_at"] or "never", user["revoked_at"] or "")
    Console().print(table)


@users_app.command("revoke")
def revoke(name: str, db: Db = None) -> None:
    """Revoke a user's token now: the API and the CLI refuse it from the next call on."""
    from corridor.cli.licences import refusals
    from corridor.licences import service

    with refusals():
        sessions, actor = _admin(db)
        service.revoke_user(sessions, name, actor)
    Console().print(f"token of {name} revoked", highlight=False)


@users_app.command("rotate")
def rotate(name: str, db: Db = None, expires_days: Days = None) -> None:
    """Give a user a new token (the old one stops working at once) and print it once."""
    from corridor.cli.licences import refusals
    from corridor.licences import service

    with refusals():
        sessions, actor = _admin(db)
        token = service.rotate_token(sessions, name, actor, expires_days)
    _print_token(f"token of {name} rotated", token)


@users_app.command("role")
def role(name: str, new_role: Annotated[str, typer.Option("--role")], db: Db = None) -> None:
    """Promote or demote a user; effective on their next request."""
    from corridor.cli.licences import refusals
    from corridor.licences import service

    with refusals():
        sessions, actor = _admin(db)
        service.set_role(sessions, name, _role(new_role), actor)
    Console().print(f"{name} is now {new_role}", highlight=False)


def _role(value: str):
    from corridor.licences.errors import InvalidInput
    from corridor.store.users import Role

    if value not in Role.__members__:
        raise InvalidInput("role", f"{value!r} is not one of {', '.join(Role)}", value)
    return Role(value)


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
