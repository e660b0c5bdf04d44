"""`corridor news propose|queue|accept|reject|edit`: the analyst's review queue.

Extracted events are proposals; an analyst accepts, rejects or edits each one, and every decision
is written to the audit log. Only accepted events reach `corridor timeline --accepted-news`.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from corridor.cli.identity import checked_actor
from corridor.cli.licences import Actor, AsJson, Db

EventId = Annotated[int, typer.Argument(help="The queue id shown by `corridor news queue`.")]
Note = Annotated[str | None, typer.Option("--note", help="Why; kept with the decision.")]


@contextmanager
def _refusals():
    """A refused operation prints its field and reason and exits 2; nothing is half-written."""
    from corridor.store.news_events import QueueError

    try:
        yield
    except QueueError as error:
        Console(stderr=True).print(f"[red]error:[/] {error}", highlight=False)
        raise typer.Exit(2) from error


def _sessions(db: str | None):
    from corridor.store.db import open_database

    return open_database(db)


def _show(rows: list[dict], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(title="News review queue")
    for column in ("id", "status", "date", "type", "actor→target", "evidence"):
        table.add_column(column)
    for row in rows:
        table.add_row(str(row["id"]), row["status"], row["date"] or "unknown", row["type"],
                      f"{row['actor'] or '?'}→{row['target'] or '?'}", row["evidence"][:160])
    Console().print(table)


def register_queue(news_app: typer.Typer) -> None:
    @news_app.command("propose")
    def propose(
        paths: Annotated[list[str], typer.Argument(help="HTML or text files; '-' reads standard input.")],
        db: Db = None, actor: Actor = None, as_json: AsJson = False,
    ) -> None:
        """Read articles and put their events in the review queue (a sentence already queued is skipped)."""
        from corridor.cli.news import read_reports
        from corridor.store.news_events import propose as store

        sessions = _sessions(db)
        reports = read_reports(paths, Console(stderr=True))
        who = checked_actor(sessions, actor, "analyst")
        added = [row for report in reports for row in store(sessions, report.as_json(), who)]
        _show(added, as_json)
        if not reports:
            raise typer.Exit(1)

    @news_app.command("queue")
    def queue(
        status: Annotated[str, typer.Option(help="proposed | accepted | rejected | all")] = "proposed",
        db: Db = None, as_json: AsJson = False,
    ) -> None:
        """List events waiting for a decision (or in another state)."""
        from corridor.store.news_events import queue as listed

        with _refusals():
            _show(listed(_sessions(db), None if status == "all" else status), as_json)

    def _decide(event_id: int, decision: str, db: str | None, actor: str | None, note: str | None,
                changes: dict | None, as_json: bool) -> None:
        from corridor.store.news_events import decide

        with _refusals():
            sessions = _sessions(db)
            who = checked_actor(sessions, actor, "analyst")
            _show([decide(sessions, event_id, decision, who, note, changes)], as_json)

    @news_app.command("accept")
    def accept(event_id: EventId, note: Note = None, db: Db = None, actor: Actor = None,
               as_json: AsJson = False) -> None:
        """Accept a proposed event: it then appears on the timeline with its evidence and source."""
        _decide(event_id, "accept", db, actor, note, None, as_json)

    @news_app.command("reject")
    def reject(event_id: EventId, note: Note = None, db: Db = None, actor: Actor = None,
               as_json: AsJson = False) -> None:
        """Reject a proposed event (it stays in the store, audited, off the timeline)."""
        _decide(event_id, "reject", db, actor, note, None, as_json)

    @news_app.command("edit")
    def edit(
        event_id: EventId,
        type_: Annotated[str | None, typer.Option("--type", help="event type")] = None,
        actor_code: Annotated[str | None, typer.Option("--actor-country", help="acting country")] = None,
        target: Annotated[str | None, typer.Option("--target", help="target country")] = None,
        day: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD")] = None,
        happened: Annotated[bool | None, typer.Option("--happened/--not-happened")] = None,
        note: Note = None, db: Db = None, actor: Actor = None, as_json: AsJson = False,
    ) -> None:
        """Correct a proposal's fields; it stays proposed until accepted or rejected."""
        given = {"type": type_, "actor": actor_code, "target": target, "day": day, "happened": happened}
        changes = {k: v for k, v in given.items() if v is not None}
        if day is not None:
            changes["date_precision"] = "day"
        _decide(event_id, "edit", db, actor, note, changes, as_json)
