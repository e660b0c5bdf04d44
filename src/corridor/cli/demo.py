"""`corridor demo`: what `make run` shows a newcomer — the Japan → Korea export-control history,
one determination made from it, and that determination kept as a draft licence application in
the embedded SQLite store with its audit chain checked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.console import Console

from corridor.cli.export import render_determination
from corridor.cli.timeline import show_timeline
from corridor.export import Shipment, determine
from corridor.export.changes import change_row, pair_timeline
from corridor.licences.forms import ApplicationForm
from corridor.licences.service import draft_from_determination, verify_audit
from corridor.store.audit import anchor_file
from corridor.store.db import corridor_home, database_url, open_database

EXAMPLE = Shipment(exporter_country="JP", destination="KR", item="3C002", on=date(2019, 8, 19))


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo(db: str | None = typer.Option(
            None, "--db", help="SQLite path or database URL (default: demo.db under $CORRIDOR_HOME, "
            "rebuilt on every run).")) -> None:
        """Show the Japan → Korea timeline and one determination, and draft its licence application.

        The draft goes to a store of its own, so that the demo never adds applications to the one
        the README's commands and the user's own work use.
        """
        if db is None:  # a new demo store, and no checkpoints of the store it replaces
            db = str(corridor_home() / "demo.db")
            Path(db).unlink(missing_ok=True)
            anchor_file(database_url(db)).unlink(missing_ok=True)
        console = Console()
        rows = [change_row(c) for c in pair_timeline("JP", "KR") if c.domain == "export"]
        show_timeline(console, rows, title="Japan ⇄ Korea export controls: what changed, when")
        console.print("\n[bold]corridor check --from JP --to KR --item 3C002 --on 2019-08-19[/]")
        determination = determine(EXAMPLE)
        render_determination(console, determination)
        sessions = open_database(db)
        form = ApplicationForm(destination=EXAMPLE.destination, licence_type="individual")
        draft = draft_from_determination(sessions, determination.model_dump(mode="json"), form, "demo")
        verdict = verify_audit(sessions)
        console.print(f"\n[bold]corridor applications new --from-check …[/] → application {draft.id} "
                      f"({draft.status}) in {database_url(db)}")
        console.print(f"audit log: {verdict.entries} entries, chain "
                      f"{'intact' if verdict.intact else 'BROKEN: ' + str(verdict.problem)}")
