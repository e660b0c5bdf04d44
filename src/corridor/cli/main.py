"""Assemble the `corridor` command from each domain's CLI module, importing only what is run.

Each module registers its commands with `register(app)`. Importing all of them costs seconds
(SQLAlchemy, Alembic, pypinyin, trafilatura…), so `corridor check` imports only `cli.export`:
the first argument names the command, and the table below names its module. Help, completion
and unknown commands build the whole app, so `corridor --help` still lists everything.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import Any

import typer

from corridor.cli.failures import CleanErrors

# command → the module under corridor.cli that registers it
COMMANDS = {
    "demo": "demo", "check": "export", "timeline": "timeline", "packs": "packs", "entry": "entry",
    "news": "news", "screen": "screening", "lists": "screening", "applications": "licences",
    "licences": "licences", "audit": "audit", "users": "users", "db": "store", "serve": "serve",
    "items": "items", "settings": "settings",
}


def build_app(modules: list[str] | None = None) -> typer.Typer:
    """The `corridor` app with the commands of `modules` (all of them when None)."""
    app = typer.Typer(name="corridor", no_args_is_help=True, add_completion=False,
                      pretty_exceptions_enable=False, cls=CleanErrors)

    @app.callback()
    def corridor() -> None:
        """Cross-border rules as code: export controls, entry rules, screening, licences."""

    for module in modules or list(dict.fromkeys(COMMANDS.values())):
        import_module(f"corridor.cli.{module}").register(app)
    return app


def __getattr__(name: str) -> Any:
    """`from corridor.cli.main import app` (tests, embedding) gets the whole app, built once."""
    if name == "app":
        globals()["app"] = built = build_app()
        return built
    raise AttributeError(name)


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else None
    build_app([COMMANDS[command]] if command in COMMANDS else None)()
