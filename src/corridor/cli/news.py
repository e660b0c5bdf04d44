"""`corridor news ingest`: read pages or texts, print their dated events and links to the packs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console

from corridor.news.ingest import UnreadableInput, read_article
from corridor.news.report import NewsReport, report_article
from corridor.packs.registry import load_packs

news_app = typer.Typer(help="News and notices: events, people and organisations on the timeline.",
                       no_args_is_help=True)


@news_app.command("ingest")
def ingest_command(
    paths: list[str] = typer.Argument(..., help="HTML or text files; '-' reads standard input."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per input (a list when several)."),
) -> None:
    """Extract title, date, entities and typed events from each input.

    A file that cannot be read (binary, empty, unknown encoding, no main text) gets a message
    on standard error and the others are still processed. Exit status 1 only when every input
    failed.
    """
    err = Console(stderr=True)
    reports: list[NewsReport] = []
    for path in paths:
        try:
            reports.append(report_article(read_article(_read(path), path), load_packs()))
        except (UnreadableInput, OSError) as error:
            err.print(f"[red]skipped[/] {error}", highlight=False)
    if as_json:
        documents = [r.as_json() for r in reports]
        typer.echo(json.dumps(documents[0] if len(paths) == 1 and documents else documents,
                              ensure_ascii=False, indent=2))
    else:
        _print(reports)
    if not reports:
        raise typer.Exit(1)


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    if file.is_dir():
        raise UnreadableInput(f"{path}: is a directory, not a file")
    return file.read_bytes()


def _print(reports: list[NewsReport]) -> None:
    console = Console()
    for report in reports:
        article = report.article
        when = article.published.isoformat() if article.published else (
            f"estimated {report.estimate.earliest}…{report.estimate.latest}" if report.estimate else "undated")
        console.print(f"[bold]{article.title or article.source}[/] ({when}; {article.source})", highlight=False)
        for event in report.events:
            mood = "" if event.happened else " [yellow](not yet / announced)[/]"
            links = ", ".join(link["fact"] for link in event.pack_links) or "—"
            console.print(f"  {event.date} [{event.date_precision}] {event.type} {event.actor or '?'}→"
                          f"{event.target or '?'}{mood}  links: {links}", highlight=False)
            for flag in event.flags:
                if flag["kind"] not in {"date_from_publication"}:
                    console.print(f"    [red]{flag['kind']}[/]: {flag['message']}", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(news_app, name="news")
