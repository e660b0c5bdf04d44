"""`corridor packs lint`, `show` and `coverage`: the pack author's tools, and what a user may ask."""

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
from corridor.packs.registry import Pack, PackSet, load_packs

packs_app = typer.Typer(help="Rule packs: lint, show and coverage.", no_args_is_help=True)


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
    day = on or date.today()
    try:
        country = check_country(jurisdiction, "jurisdiction")
    except ValueError as error:
        raise fail(str(error)) from error
    packs = load_packs()
    rows = facts_in_force(packs, country, day)
    if not rows:
        raise fail(_nothing_in_force(packs, country, day))
    if as_json:
        Console().print_json(json.dumps(rows, ensure_ascii=False))
        return
    table = Table("pack", "fact", "summary", "in force", title=f"{country} packs on {day.isoformat()}")
    for row in rows:
        table.add_row(row["pack"], row["id"], row["summary"], f"{row['from']} → {row['to'] or '…'}")
    Console().print(table)


@packs_app.command("coverage")
def coverage_command(as_json: Annotated[bool, typer.Option("--json", help="print one JSON list")] = False
                     ) -> None:
    """Each pack's covered window: the days corridor can answer for, and nothing outside them."""
    rows = [coverage_row(pack) for pack in load_packs()]
    if as_json:
        Console().print_json(json.dumps(rows))
        return
    table = Table("pack", "covers from", "up to (not including)", "version", title="Pack coverage")
    for row in rows:
        table.add_row(row["pack"], row["from"], row["to"] or "open", row["version"])
    Console().print(table)


def coverage_row(pack: Pack) -> dict:
    window = pack.meta.coverage
    return {"pack": pack.key, "title": pack.meta.title, "from": window.start.isoformat(),
            "to": window.end.isoformat() if window.end else None, "version": pack.version}


def _nothing_in_force(packs: PackSet, country: str, day: date) -> str:
    """Why `packs show` has no row: no pack of that country at all, or none covering the day."""
    own = [pack for pack in packs if country in pack.meta.jurisdiction.upper().split("-")]
    if not own:
        held = sorted({pack.meta.jurisdiction.upper() for pack in packs})
        return f"jurisdiction: corridor has no pack for {country!r}; packs exist for {', '.join(held)}"
    windows = "; ".join(f"{r['pack']} {r['from']} → {r['to'] or 'open'}" for r in map(coverage_row, own))
    return f"on: no pack of {country} covers {day.isoformat()}; covered: {windows}"


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
