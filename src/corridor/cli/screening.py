"""`corridor lists …` and `corridor screen …`: load restricted-party lists, screen names.

A thin shell: it reads files and the clock, opens the store, and renders; the matching is
`corridor.screening.screen`.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from typer.core import TyperGroup

from corridor.batch.parties import RESULT_COLUMNS, parse_schema, party_query, screen_rows
from corridor.screening import ListFormatError, Query, ScreeningIndex, ScreeningResult, screen
from corridor.store.db import corridor_home, open_database
from corridor.store.lists import list_status, load_index, load_parties, read_list, save_list

console = Console()
errors = Console(stderr=True, soft_wrap=True)
lists_app = typer.Typer(
    help="Load restricted-party lists into the store and show what is loaded.", no_args_is_help=True
)


class _ScreenGroup(TyperGroup):
    """`corridor screen NAME` screens; `corridor screen decide …` is a subcommand. Click would
    read `decide` as the NAME, so a first word that names a subcommand goes to it instead."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        if args and args[0] in self.commands:
            super().parse_args(ctx, [])
            ctx._protected_args, ctx.args = args[:1], args[1:]
            return ctx.args
        ctx.allow_interspersed_args = True  # `screen NAME --json`: options may follow the name
        return super().parse_args(ctx, args)


screen_app = typer.Typer(cls=_ScreenGroup, invoke_without_command=True, add_completion=False)


def register(app: typer.Typer) -> None:
    """Add `corridor lists` and `corridor screen` (with `screen decide`) to the app."""
    app.add_typer(lists_app, name="lists")
    app.add_typer(screen_app, name="screen", help="Screen a name (or a CSV of names) against the lists.")


@screen_app.command("decide")
def decide_command(
    hit: Annotated[str, typer.Argument(help="The hit as LIST:ID, e.g. ofac:20157.")],
    name: Annotated[str, typer.Option("--name", help="The screened name the hit was found for.")],
    reason: Annotated[str, typer.Option("--reason", help="Why: what the officer checked.")],
    clear: Annotated[bool, typer.Option("--clear", help="Not our party: the hit is a false match.")] = False,
    confirm: Annotated[bool, typer.Option("--confirm", help="Our party: the hit is a true match.")] = False,
    actor: Annotated[str | None, typer.Option("--actor", envvar="CORRIDOR_ACTOR")] = None,
    db: Annotated[str | None, typer.Option("--db", help="Database path or URL.")] = None,
) -> None:
    """Record an officer's decision on a hit; it stands until the listed entry changes."""
    from corridor.cli.identity import checked_actor
    from corridor.store.decisions import decide

    if clear == confirm:
        raise _fail("give exactly one of --clear and --confirm")
    list_name, _, party_id = hit.partition(":")
    if not list_name or not party_id:
        raise _fail(f"HIT {hit!r} is not LIST:ID, e.g. ofac:20157")
    with _refusals():
        sessions = open_database(db)
        made = decide(sessions, name=name, list_name=list_name, party_id=party_id,
                      decision="clear" if clear else "confirm", reason=reason,
                      actor=checked_actor(sessions, actor, "officer"), at=datetime.now(UTC))
    console.print(f"{made.decision} {hit} for {name!r} by {made.actor}: {made.reason}", highlight=False)
    if made.pending:
        console.print(f"decision {made.id} is pending: four-eyes is on, so it stands once another officer "
                      f"runs `corridor screen approve {made.id}`", highlight=False)


@screen_app.command("approve")
def approve_command(
    decision: Annotated[int, typer.Argument(help="The decision's number, as `screen decide` printed it.")],
    actor: Annotated[str | None, typer.Option("--actor", envvar="CORRIDOR_ACTOR")] = None,
    db: Annotated[str | None, typer.Option("--db", help="Database path or URL.")] = None,
) -> None:
    """Approve another officer's decision on a hit (four-eyes, setting `screening.four_eyes`)."""
    from corridor.cli.identity import checked_actor
    from corridor.store.decisions import approve

    with _refusals():
        sessions = open_database(db)
        made = approve(sessions, decision, actor=checked_actor(sessions, actor, "officer"),
                       at=datetime.now(UTC))
    console.print(f"approved decision {made.id} ({made.decision}, by {made.actor}): it stands now",
                  highlight=False)


@contextmanager
def _refusals() -> Iterator[None]:
    """Bad input (ValueError) and a refused identity or role become one named line, exit 2."""
    from corridor.licences.errors import LicenceError

    try:
        yield
    except (ValueError, LicenceError) as error:
        raise _fail(str(error)) from error


def _fail(message: str) -> typer.Exit:
    errors.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code=2)


@lists_app.command("load")
def load_command(
    path: Annotated[Path, typer.Argument(help="The list file (for OFAC: the folder or sdn.csv).")],
    list_format: Annotated[str, typer.Option("--format", help="ofac | csl | un | ftm | meti")],
    name: Annotated[
        str | None, typer.Option("--name", help="Name of the loaded list (default: the format).")
    ] = None,
    db: Annotated[
        str | None, typer.Option("--db", help="Database path or URL (default: $CORRIDOR_HOME).")
    ] = None,
    allow_shrink: Annotated[
        bool,
        typer.Option("--allow-shrink", help="Accept a list less than half the size of the one loaded."),
    ] = False,
) -> None:
    """Parse a list file and replace the stored list of that name, all or nothing.

    A file that would shrink a loaded list to less than half is refused unless `--allow-shrink`:
    a truncated download or the wrong file must not silently empty a sanctions list."""
    list_name = (name or list_format).strip()
    if not list_name or len(list_name) > 64:
        raise _fail(f"--name {name!r} must be 1 to 64 characters")
    try:
        parties = read_list(path, list_format, list_name)
    except (ListFormatError, ValueError) as error:
        raise _fail(f"{error}; nothing was loaded") from error
    sessions = open_database(db)
    previous = next((s for s in list_status(sessions) if s.name == list_name), None)
    if previous and len(parties) * 2 < previous.party_count and not allow_shrink:
        raise _fail(
            f"{str(path)!r} has {len(parties)} parties; list {list_name} has {previous.party_count}. "
            "Nothing was loaded; give --allow-shrink if the list really shrank"
        )
    status = save_list(
        sessions, list_name, list_format, str(path.resolve()), parties, loaded_at=datetime.now(UTC)
    )
    console.print(
        f"loaded list [bold]{status.name}[/bold] ({status.format}): {status.party_count} parties, "
        f"revision {status.revision}",
        highlight=False,
    )
    if status.changes and previous:  # a first load adds everything; nothing to compare
        c = status.changes
        console.print(
            f"since the last load: {len(c.added)} added, {len(c.removed)} removed, {len(c.changed)} changed",
            highlight=False,
        )
        for label, ids in (("added", c.added), ("removed", c.removed), ("changed", c.changed)):
            if ids:
                more = f" … and {len(ids) - 20} more" if len(ids) > 20 else ""
                console.print(f"  {label}: {', '.join(ids[:20])}{more}", highlight=False)


@lists_app.command("status")
def status_command(db: str | None = typer.Option(None, "--db", help="Database path or URL.")) -> None:
    """The lists loaded, with their size, source and when they were loaded."""
    statuses = list_status(open_database(db))
    if not statuses:
        console.print("no lists loaded; use `corridor lists load PATH --format ofac|csl|un|ftm|meti`")
        return
    table = Table("list", "format", "parties", "loaded at", "revision", "source")
    for s in statuses:
        table.add_row(
            s.name,
            s.format,
            str(s.party_count),
            s.loaded_at.isoformat(timespec="seconds"),
            s.revision,
            s.source,
        )
    console.print(table)


@screen_app.callback()
def screen_command(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help="The party's name as written (any script).")] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="ISO country of the party, e.g. KR.")
    ] = None,
    schema: Annotated[str | None, typer.Option("--schema", help="person | organization")] = None,
    lists: Annotated[
        str | None, typer.Option("--lists", help="Comma-separated loaded lists, e.g. un,ofac.")
    ] = None,
    on: Annotated[
        str | None, typer.Option("--on", help="Screening date, YYYY-MM-DD (default: today).")
    ] = None,
    dob: Annotated[
        str | None, typer.Option("--dob", help="Birth date of the party: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    nationality: Annotated[
        str | None, typer.Option("--nationality", help="ISO nationality, e.g. KP.")
    ] = None,
    id_number: Annotated[
        str | None, typer.Option("--id-number", help="Passport, registration or other id number.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    batch: Annotated[
        Path | None, typer.Option("--batch", help="CSV: name[,id,schema,country,dob,nationality,id_number].")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Where the batch results go (CSV).")] = None,
    db: Annotated[str | None, typer.Option("--db", help="Database path or URL.")] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="Batch: processes to screen with (default: every core).")] = None,
    engine: Annotated[str, typer.Option("--engine", help="Batch engine: local (this machine) or spark.")
                      ] = "local",
    master: Annotated[str | None, typer.Option(
        "--master", help="Spark master URL (default: $SPARK_MASTER, else local[*]).")] = None,
    monitor: Annotated[bool, typer.Option(
        "--monitor", help="Keep the party (or every good batch row) under watch: `corridor screen "
        "rescreen` screens it again whenever the lists change.")] = False,
    actor: Annotated[str | None, typer.Option("--actor", envvar="CORRIDOR_ACTOR",
                                              help="Who puts the party under watch (officer).")] = None,
) -> None:
    """Screen a name (or a CSV of names) against the loaded restricted-party lists."""
    if ctx.invoked_subcommand:
        return
    day = _screening_date(on)
    sessions = open_database(db)
    loaded = {s.name for s in list_status(sessions)}
    if not loaded:
        raise _fail("no lists are loaded; run `corridor lists load PATH --format …` first")
    chosen = _chosen_lists(lists, loaded)
    if batch is not None:
        if out is None or name is not None:
            raise _fail("--batch needs --out and no NAME")
        if out.resolve() == batch.resolve():
            raise _fail(f"--out {str(out)!r} is the --batch input; it would be overwritten")
        if engine == "spark":
            from corridor.batch.spark_screen import spark_screen_batch

            bad = spark_screen_batch(load_parties(sessions), batch, out, day, chosen, master)
            errors.print(f"screened on Spark; {bad} bad row(s); results in {out}", highlight=False)
        elif engine == "local":
            index = load_index(sessions, corridor_home() / "cache")
            bad = screen_batch(index, batch, out, day, chosen, workers)
        else:
            raise _fail(f"engine: unknown value {engine!r}; accepted: local, spark")
        if monitor:
            queries = [q for row in _read_rows(batch)[0] if (q := _good_query(row, day, chosen))]
            _watch(sessions, queries, f"batch {batch.name}", actor)
        raise typer.Exit(code=1 if bad else 0)
    if name is None:
        raise _fail("give a NAME to screen, or --batch parties.csv --out results.csv")
    try:
        query = Query(name, day, parse_schema(schema), country, chosen, dob, nationality, id_number)
    except ValueError as error:
        raise _fail(str(error)) from error
    from corridor.store.decisions import standing_decisions

    index = load_index(sessions, corridor_home() / "cache")
    result = screen(index, query)
    decided = standing_decisions(sessions, name)
    watched = _watch(sessions, [query], "screen", actor, index)[0] if monitor else None
    if as_json:
        answer = result.to_json()
        for hit in answer["hits"] + answer["formerly_listed"]:
            made = decided.get((hit["list"], hit["id"]))
            hit["decision"] = made.to_json() if made else None
        answer["monitored"] = watched
        sys.stdout.write(json.dumps(answer, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_result(result, decided)


def _watch(sessions, queries: list[Query], source: str, actor: str | None,
           index: ScreeningIndex | None = None) -> list[int]:
    """Put the parties under watch (officer role); the ids of their watch rows."""
    from corridor.cli.identity import checked_actor
    from corridor.store.monitoring import monitor

    with _refusals():
        index = index or load_index(sessions, corridor_home() / "cache")
        rows = monitor(sessions, index, queries, source=source,
                       actor=checked_actor(sessions, actor, "officer"), at=datetime.now(UTC))
    errors.print(f"watching {len(rows)} part{'y' if len(rows) == 1 else 'ies'} for re-screening "
                 f"(ids {', '.join(str(r.id) for r in rows[:10])}{' …' if len(rows) > 10 else ''})",
                 highlight=False)
    return [r.id for r in rows]


def _good_query(row: dict, day: date, lists: frozenset[str] | None) -> Query | None:
    try:
        return party_query(row, day, lists)
    except ValueError:
        return None  # reported as a bad row by the batch already


@screen_app.command("rescreen")
def rescreen_command(
    on: Annotated[str | None, typer.Option("--on", help="Screening date, YYYY-MM-DD (default: today).")
                  ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the new hits as JSON.")] = False,
    actor: Annotated[str | None, typer.Option("--actor", envvar="CORRIDOR_ACTOR")] = None,
    db: Annotated[str | None, typer.Option("--db", help="Database path or URL.")] = None,
) -> None:
    """Screen every watched party, and the parties of open licence applications, again against the
    lists as loaded now; show only hits that are new since each party's last screening (an entry
    added or changed). Cleared hits stay cleared while their entry is unchanged. Exit status 1
    when there are new hits, so a scheduler can alert."""
    from corridor.cli.identity import checked_actor
    from corridor.store.monitoring import rescreen

    day = _screening_date(on)
    sessions = open_database(db)
    with _refusals():
        count, found = rescreen(sessions, load_index(sessions, corridor_home() / "cache"), on=day,
                                actor=checked_actor(sessions, actor, "officer"), at=datetime.now(UTC))
    if as_json:
        sys.stdout.write(json.dumps({"on": day.isoformat(), "parties": count,
                                     "new_hits": [n.to_json() for n in found]}, ensure_ascii=False, indent=2)
                         + "\n")
    else:
        console.print(f"re-screened {count} watched part{'y' if count == 1 else 'ies'} on {day.isoformat()}: "
                      f"{len(found)} new hit(s)", highlight=False)
        if found:
            table = Table("party", "name", "source", "band", "score", "hit", "listed name", "why new")
            for new in found:
                table.add_row(str(new.party_id), new.party_name, new.source, new.hit.band,
                              f"{new.hit.score:.3f}", f"{new.hit.party.list_name}:{new.hit.party.id}",
                              new.hit.party.name, new.reason)
            console.print(table)
    raise typer.Exit(code=1 if found else 0)


def _screening_date(on: str | None) -> date:
    if on is None:
        return date.today()
    try:
        return date.fromisoformat(on)
    except ValueError:
        raise _fail(f"--on {on!r} is not a date; use YYYY-MM-DD") from None


def _chosen_lists(lists: str | None, loaded: set[str]) -> frozenset[str] | None:
    if not lists:
        return None
    chosen = frozenset(part.strip() for part in lists.split(",") if part.strip())
    unknown = sorted(chosen - loaded)
    if unknown:
        raise _fail(
            f"--lists names {', '.join(unknown)}, not loaded; loaded lists: {', '.join(sorted(loaded))}"
        )
    return chosen


def screen_batch(index: ScreeningIndex, source: Path, out: Path, day: date, lists: frozenset[str] | None,
                 workers: int | None = None) -> int:
    """Screen every row; bad rows are reported and kept with their error, good rows finished.

    With several workers the index, opened once here, is shared with forked processes (copy on
    write), each screening a chunk. The output is written to a temporary file and moved into
    place, so it is never half-written.
    """
    rows, columns = _read_rows(source)
    if "name" not in columns:
        raise _fail(f"--batch {str(source)!r} has no `name` column; columns found: {', '.join(columns)}")
    with Progress(console=errors, transient=True) as progress:
        task = progress.add_task("screening", total=len(rows))
        results = list(screen_rows(index, rows, day, lists, workers, lambda: progress.advance(task)))
    bad = 0
    for line, result in enumerate(results, start=2):
        if result["error"]:
            bad += 1
            errors.print(f"[yellow]row {line}:[/yellow] {result['error']}", highlight=False)
    partial = out.with_name(out.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(
                handle,
                fieldnames=columns + [c for c in RESULT_COLUMNS if c not in columns],
                extrasaction="ignore",
            )
            writer.writeheader()
            writer.writerows(results)
        partial.replace(out)
    except OSError as error:
        raise _fail(f"cannot write --out {str(out)!r}: {error}") from error
    errors.print(f"screened {len(rows) - bad} rows, {bad} bad; results in {out}", highlight=False)
    return bad


def _read_rows(source: Path) -> tuple[list[dict], list[str]]:
    try:
        with source.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            return list(reader), list(reader.fieldnames or [])
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise _fail(f"cannot read --batch {str(source)!r}: {error}") from error


def _print_result(result: ScreeningResult, decided: dict) -> None:
    q = result.query
    console.print(
        f"screening [bold]{q.name}[/bold] on {q.on.isoformat()}: {len(result.hits)} hit(s)", highlight=False
    )
    for title, hits in (("hits", result.hits), ("formerly listed", result.formerly_listed)):
        if not hits:
            continue
        table = Table(
            "band", "score", "list", "id", "schema", "listed name", "matched name", "why", title=title
        )
        for hit in hits:
            why = hit.explanation["summary"]
            if hit.explanation["rules"]:
                why += "; " + "; ".join(hit.explanation["rules"])
            if hit.party.delisted_on:
                why += f"; delisted {hit.party.delisted_on.isoformat()}"
            made = decided.get((hit.party.list_name, hit.party.id))
            if made:
                why += f"; {made.decision}ed by {made.actor} {made.decided_at:%Y-%m-%d}: {made.reason}"
            table.add_row(
                hit.band,
                f"{hit.score:.3f}",
                hit.party.list_name,
                hit.party.id,
                hit.party.schema.value,
                hit.party.name,
                hit.matched_name,
                why,
            )
        console.print(table)
