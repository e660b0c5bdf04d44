"""`corridor audit verify|checkpoint`: check the keyed chain, its checkpoints and the rows it
covers; sign the current head into a checkpoint (also kept outside the database)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

audit_app = typer.Typer(help="The keyed, hash-chained audit log.", no_args_is_help=True)
Db = Annotated[str | None, typer.Option("--db", help="SQLite path or database URL (must exist).")]


@audit_app.command("verify")
def verify(db: Db = None) -> None:
    """Recompute the chain and every covered row; name the first problem (exit 1 if any).

    A database that does not exist is refused (exit 2) rather than created empty.
    """
    from corridor.cli.licences import refusals
    from corridor.licences import service
    from corridor.store.db import open_existing

    console, errors = Console(), Console(stderr=True)
    with refusals():
        verdict = service.verify_audit(open_existing(db))
    if verdict.intact:
        console.print(f"audit log intact: {verdict.entries} entries, {verdict.checkpoints} checkpoints "
                      f"checked; head {verdict.head_hash}", highlight=False)
        return
    errors.print(f"[red]audit log broken[/red]: {verdict.problem}", highlight=False)
    for found in verdict.disagreements:
        errors.print(f"  {found}", highlight=False)
    raise typer.Exit(1)


@audit_app.command("checkpoint")
def checkpoint(db: Db = None) -> None:
    """Sign the current head now (an officer's token is needed); verify checks against it later."""
    from corridor.cli.identity import acting_user
    from corridor.cli.licences import refusals
    from corridor.licences import service
    from corridor.store.db import open_existing

    with refusals():
        sessions = open_existing(db)
        acting_user(sessions, "officer")
        seq = service.checkpoint_audit(sessions)
    Console().print(f"checkpoint signed at entry {seq}" if seq else "the head is already checkpointed",
                    highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")
