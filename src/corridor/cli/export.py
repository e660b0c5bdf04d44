"""`corridor check`: may this shipment leave, under which licence, on that day?

A thin shell over `corridor.export.determine`: parse, call, render. Exit 0 for any answer
(including `not_covered`), 2 for bad input with the message that names the field.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from corridor.export import Determination, Shipment, determine

OUTCOME_STYLE = {"no_licence_required": "green", "licence_required": "yellow", "prohibited": "red",
                 "not_covered": "magenta"}
END_USES = ("civil", "military", "wmd")


def parse_day(value: str) -> date:
    """ISO date for options such as `--on`; typer reports the option name and exits 2."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise typer.BadParameter(f"{value!r} is not a date; expected YYYY-MM-DD") from error


def fail(message: str) -> typer.Exit:
    """Print a bad-input message to stderr; the caller raises the returned exit (status 2)."""
    Console(stderr=True).print(f"[red]error:[/] {message}", highlight=False)
    return typer.Exit(2)


def render_determination(console: Console, answer: Determination) -> None:
    """One determination for people: the answer, the licence types, then the trace."""
    style = OUTCOME_STYLE[answer.outcome]
    console.print(f"[bold {style}]{answer.outcome}[/] on {answer.shipment.on.isoformat()} — "
                  f"{answer.explanation}", highlight=False)
    for child in answer.children:
        console.print(f"  [dim]differs:[/] {child.item} ({child.summary}): {child.outcome}; "
                      f"open: {', '.join(child.open) or 'none'}", highlight=False)
    facts = [("destination group", answer.destination_group), ("catch-all", answer.catch_all),
             ("review days", answer.review_days), ("documents", answer.documents),
             ("item reference", answer.item_reference), ("pack", answer.pack_version)]
    console.print("  ".join(f"[dim]{k}:[/] {v}" for k, v in facts if v is not None), highlight=False)
    licences = Table("licence type", "open?", "why / condition", title="Licence types")
    for licence in answer.licence_types.open:
        licences.add_row(licence, "[green]open[/]", answer.licence_conditions.get(licence, ""))
    for closed in answer.licence_types.closed:
        licences.add_row(closed.id, "[red]closed[/]", closed.reason)
    if licences.row_count:
        console.print(licences)
    trace = Table(title="Rules considered")
    trace.add_column("rule", no_wrap=True)
    trace.add_column("applied")
    trace.add_column("effect / reason")
    trace.add_column("source", max_width=28)
    for rule in answer.rules:
        trace.add_row(rule.id, "yes" if rule.applied else "no",
                      rule.effect if rule.applied else f"{rule.effect}: {rule.reason}",
                      (rule.source or "").split(":")[0])
    console.print(trace)
    for number, source in enumerate(answer.sources, 1):
        console.print(f"[dim][{number}][/] {source}", highlight=False)

def register(app: typer.Typer) -> None:
    @app.command("check")
    def check(
        exporter: Annotated[str | None, typer.Option("--from", help="exporting country (ISO alpha-2)")
                            ] = None,
        destination: Annotated[str | None, typer.Option("--to", help="destination country (ISO alpha-2)")
                               ] = None,
        item: Annotated[str | None, typer.Option(
            help="control number (3C002, 1C350:7664-39-3) or not-listed")] = None,
        on: Annotated[date | None, typer.Option(parser=parse_day, metavar="YYYY-MM-DD",
                                                help="day of export (default: today)")] = None,
        end_use: Annotated[str, typer.Option(help="civil, military or wmd")] = "civil",
        icp: Annotated[bool, typer.Option(help="exporter has an internal compliance programme")] = True,
        as_json: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
        batch: Annotated[Path | None, typer.Option(
            "--batch", metavar="IN", help="CSV or Parquet of order lines: from,to,item[,on,end_use]; "
            "other columns pass through")] = None,
        out: Annotated[Path | None, typer.Option(
            "--out", help="where the batch answers go (.csv or .parquet)")] = None,
        errors: Annotated[Path | None, typer.Option(
            "--errors", help="where bad lines go, with row number and reason (default: OUT's name + "
            ".errors.csv)")] = None,
        engine: Annotated[str, typer.Option("--engine", help="batch engine: polars (this machine) or spark")
                          ] = "polars",
        master: Annotated[str | None, typer.Option(
            "--master", help="Spark master URL (default: $SPARK_MASTER, else local[*])")] = None,
    ) -> None:
        """Does this shipment need a licence, which types are open, and on which rules?

        Goods on no control list are `--item not-listed` (EAR99 is accepted as a synonym): then only
        catch-all control, with `--end-use military` or `wmd`, can require a licence. With `--batch`,
        every order line of a file is answered (each distinct question decided once).
        """
        if batch is not None:
            from corridor.cli.batch import run_check_batch

            run_check_batch(batch, out, errors, engine, master)
            return
        if not (exporter and destination and item):
            raise fail("give --from, --to and --item (or --batch IN --out OUT)")
        if end_use not in END_USES:
            raise fail(f"end_use: unknown value {end_use!r}; accepted: {', '.join(END_USES)}")
        shipment = Shipment(exporter_country=exporter, destination=destination, item=item,
                            on=on or date.today(), end_use=end_use, exporter_has_icp=icp)
        try:
            answer = determine(shipment)
        except ValueError as error:
            raise fail(str(error)) from error
        if as_json:
            typer.echo(answer.model_dump_json(indent=2))
        else:
            render_determination(Console(), answer)
