"""`corridor timeline`: every dated change the packs record between two countries, with its source.

Rows are plain dicts (`corridor.export.changes.change_row`: day, domain, jurisdiction, change, id,
summary, sources, note) so other kinds of dated record can join the same table and JSON list.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from corridor.cli.export import fail, parse_day
from corridor.cli.news import read_reports
from corridor.export.changes import change_row, pair_timeline
from corridor.news.overlay import accepted_rows, news_rows

__all__ = ["change_row", "pair_timeline", "register", "show_timeline"]  # the API imports the first two


def show_timeline(console: Console, rows: list[dict], as_json: bool = False, title: str = "Timeline"
                  ) -> None:
    """Rows in date order: one JSON list for machines, a Rich table for people."""
    rows = sorted(rows, key=lambda r: (r["day"], r["domain"], r["jurisdiction"]))
    if as_json:
        console.print_json(json.dumps(rows, ensure_ascii=False))
        return
    table = Table(title=title)
    table.add_column("day", no_wrap=True)
    table.add_column("pack", no_wrap=True)
    table.add_column("change")
    table.add_column("source", max_width=26)
    for row in rows:
        verb = {"starts": "", "ends": "[dim]ends:[/] "}.get(row["change"], f"[dim]{row['change']}:[/] ")
        table.add_row(row["day"], f"{row['jurisdiction'].lower()}/{row['domain']}",
                      f"{verb}{row['summary']}", row["sources"][0].split(":")[0] if row["sources"] else "")
    console.print(table)


def register(app: typer.Typer) -> None:
    @app.command("timeline")
    def timeline(
        first: Annotated[str, typer.Option("--from", help="first country (ISO alpha-2)")],
        second: Annotated[str, typer.Option("--to", help="second country (ISO alpha-2)")],
        item: Annotated[str | None, typer.Option(help="only changes that matter for this item")] = None,
        since: Annotated[date | None, typer.Option(parser=parse_day, metavar="YYYY-MM-DD",
                                                   help="first day shown")] = None,
        until: Annotated[date | None, typer.Option(parser=parse_day, metavar="YYYY-MM-DD",
                                                   help="last day shown")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="print one JSON list")] = False,
        with_news: Annotated[Path | None, typer.Option(
            "--with-news", metavar="DIR", help="overlay the events reported by the news files in DIR "
            "(rows of kind 'news', each with its source file)")] = None,
        accepted_news: Annotated[bool, typer.Option(
            "--accepted-news", help="add the news events an analyst accepted in the review queue")] = False,
        db: Annotated[str | None, typer.Option("--db", help="database for --accepted-news")] = None,
    ) -> None:
        """What changed between two countries, when, in which pack, on whose authority."""
        try:
            rows = [change_row(c) for c in pair_timeline(first, second, item, since, until)]
        except ValueError as error:
            raise fail(str(error)) from error
        if with_news is not None:
            if not with_news.is_dir():
                raise fail(f"--with-news: {with_news} is not a directory of news files")
            files = sorted(str(f) for f in with_news.iterdir() if f.is_file() and not f.name.startswith("."))
            reports = read_reports(files, Console(stderr=True))
            rows += news_rows(reports, first, second, since, until)
        if accepted_news:
            from corridor.store.db import open_database
            from corridor.store.news_events import accepted

            rows += accepted_rows(accepted(open_database(db)), first, second, since, until)
        show_timeline(Console(), rows, as_json, f"{first.upper()} ⇄ {second.upper()}")
