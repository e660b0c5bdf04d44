"""`corridor news ingest`: read pages or texts, print their dated events and links to the packs."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from corridor.news.entities import merge_entities
from corridor.news.ingest import UnreadableInput, read_article
from corridor.news.report import NewsReport, report_article
from corridor.packs.registry import load_packs

news_app = typer.Typer(
    help="News and notices: events, people and organisations on the timeline.", no_args_is_help=True
)


INGEST_HELP = (
    "Extract title, publication date, people, organisations and typed events from each input, "
    "with figure checks and links to the pack facts they corroborate.\n\n"
    "A file that cannot be read (binary, empty, unknown encoding, a page with no main text) gets a "
    "message on standard error and the other files are still processed. "
    "Exit status: 0 when at least one input was read, 1 only when every input failed."
)


@news_app.command("ingest", help=INGEST_HELP)
def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="HTML or text files; '-' reads standard input.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per input (a list when several).")
    ] = False,
) -> None:
    reports = read_reports(paths, Console(stderr=True))
    if as_json:
        documents = [r.as_json() for r in reports]
        single = len(paths) == 1 and documents
        typer.echo(json.dumps(documents[0] if single else documents, ensure_ascii=False, indent=2))
    else:
        _print(reports)
    if not reports:
        raise typer.Exit(1)


def read_reports(paths: list[str], err: Console) -> list[NewsReport]:
    """A report per readable input; each unreadable one is named on `err` with the reason."""
    reports: list[NewsReport] = []
    for path in paths:
        try:
            reports.append(report_article(read_article(_read(path), path), load_packs()))
        except (UnreadableInput, OSError) as error:
            err.print(f"[red]skipped[/] {error}", highlight=False, soft_wrap=True)
    return reports


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
        _print_report(console, report)
    people = [e for e in merge_entities(r.entities for r in reports) if e.kind == "person"]
    if len(reports) > 1 and people:
        console.print(f"[bold]People across {len(reports)} inputs[/]")
        for person in sorted(people, key=lambda e: -e.mentions):
            spellings = (
                f" (also {', '.join(a for a in person.aliases if a != person.name)})"
                if len(person.aliases) > 1
                else ""
            )
            console.print(
                f"  {person.name}{spellings}: {', '.join(person.roles) or 'no role given'}; "
                f"{person.country or 'country unknown'}; {person.mentions} mention(s)",
                highlight=False,
            )


def _print_report(console: Console, report: NewsReport) -> None:
    article, estimate = report.article, report.estimate
    if article.published:
        when = article.published.isoformat()
    elif estimate:
        when = f"estimated {estimate.earliest}…{estimate.latest}"
    else:
        when = "undated: no events without a publication date or a dated reference"
    console.print(f"[bold]{article.title or article.source}[/] ({when}; {article.source})", highlight=False)
    for event in report.events:
        mood = "" if event.happened else " [yellow](not yet / announced)[/]"
        links = ", ".join(link["fact"] for link in event.pack_links) or "—"
        console.print(
            f"  {event.date} [{event.date_precision}] {event.type} {event.actor or '?'}→"
            f"{event.target or '?'}{mood}  links: {links}",
            highlight=False,
        )
        for flag in event.flags:
            if flag["kind"] != "date_from_publication":
                console.print(f"    [red]{flag['kind']}[/]: {flag['message']}", highlight=False)


def register(app: typer.Typer) -> None:
    from corridor.cli.news_queue import register_queue

    register_queue(news_app)
    app.add_typer(news_app, name="news")
