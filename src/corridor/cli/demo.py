"""`corridor demo`: what `make run` shows a newcomer — the Japan → Korea export-control history
and one determination made from it."""

from __future__ import annotations

from datetime import date

import typer
from rich.console import Console

from corridor.cli.export import render_determination
from corridor.cli.timeline import show_timeline
from corridor.export import Shipment, determine
from corridor.export.changes import change_row, pair_timeline

EXAMPLE = Shipment(exporter_country="JP", destination="KR", item="3C002", on=date(2019, 8, 19))


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo() -> None:
        """Show the Japan → Korea timeline and one determination."""
        console = Console()
        rows = [change_row(c) for c in pair_timeline("JP", "KR") if c.domain == "export"]
        show_timeline(console, rows, title="Japan ⇄ Korea export controls: what changed, when")
        console.print("\n[bold]corridor check --from JP --to KR --item 3C002 --on 2019-08-19[/]")
        render_determination(console, determine(EXAMPLE))
