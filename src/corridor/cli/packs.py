"""`corridor packs lint` and `corridor packs show`: the pack author's tools."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from corridor.cli.export import fail, parse_day
from corridor.packs.countries import check_country
from corridor.packs.lint import lint_all
from corridor.packs.registry import PackSet, load_packs

packs_app = typer.Typer(help="Rule packs: lint and show.", no_args_is_help=True)


@packs_app.command("lint")
def lint_command() -> None:
    """Report overlaps, gaps, unknown codes and unsourced facts; exit 1 on any error."""
    console = Console()
    findings = lint_all()
    for finding in findings:
        style = "red" if finding.level == "error" else "yellow"
        console.print(f"[{style}]{finding}[/]", highlight=False)
    errors = sum(f.level == "error" for f in findings)
    console.print(f"{errors} error(s), {len(findings) - errors} warning(s)")
    raise typer.Exit(1 if errors else 0)


@packs_app.command("show")
def show_command(
    jurisdiction: Annotated[str, typer.Argument(help="country (ISO alpha-2) whose packs to show")],
    on: Annotated[date | None, typer.Option(parser=parse_day, metavar="YYYY-MM-DD",
                                            help="day to show (default: today)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON list")] = False,
) -> None:
    """Every fact in force on a day in the packs of one jurisdiction (and its bilateral packs)."""
    try:
        country = check_country(jurisdiction, "jurisdiction")
    except ValueError as error:
        raise fail(str(error)) from error
    on = on or date.today()
    packs = load_packs()
    rows = facts_in_force(packs, country, on)
    if as_json:
        Console().print_json(json.dumps(rows, ensure_ascii=False))
        return
    table = Table("pack", "fact", "summary", "in force", title=f"{country} packs on {on.isoformat()}")
    for row in rows:
        table.add_row(row["pack"], row["id"], row["summary"], f"{row['from']} → {row['to'] or '…'}")
    Console().print(table)
    for row in coverage_rows(packs):
        if country in row["pack"].upper().split("/")[0].split("-"):
            Console().print(f"{row['pack']} covers {row['from']} → {row['to'] or 'open'}", highlight=False)
    if not rows:
        Console().print(f"no pack of {country} covers {on.isoformat()}")


@packs_app.command("coverage")
def coverage_command(
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON list")] = False,
) -> None:
    """The days each pack answers for; outside them corridor answers `not_covered`."""
    rows = coverage_rows(load_packs())
    if as_json:
        typer.echo(json.dumps(rows))
        return
    table = Table("pack", "version", "covers from", "covers until (exclusive)", title="Pack coverage")
    for row in rows:
        table.add_row(row["pack"], row["version"], row["from"], row["to"] or "open")
    Console().print(table)


def coverage_rows(packs: PackSet) -> list[dict]:
    return [{"pack": p.key, "version": p.meta.version, "from": p.meta.coverage.start.isoformat(),
             "to": p.meta.coverage.end.isoformat() if p.meta.coverage.end else None} for p in packs]


def facts_in_force(packs: PackSet, country: str, day: date) -> list[dict]:
    """Facts of every pack whose jurisdiction includes `country` and whose coverage includes `day`."""
    return [
        {"pack": pack.key, "id": fact.id, "summary": fact.summary, "from": fact.valid_from.isoformat(),
         "to": fact.valid_to.isoformat() if fact.valid_to else None, "note": fact.note}
        for pack in packs
        if country in pack.meta.jurisdiction.upper().split("-") and pack.meta.coverage.contains(day)
        for fact in pack.facts() if fact.in_force(day)
    ]


def register(app: typer.Typer) -> None:
    app.add_typer(packs_app, name="packs")
