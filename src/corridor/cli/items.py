"""`corridor items search TEXT`: find a control-list entry by number, words or CAS number."""

from __future__ import annotations

import json
from typing import Annotated

import typer

items_app = typer.Typer(help="The control list: search entries.", no_args_is_help=True)


@items_app.command("search")
def search_command(
    text: Annotated[str, typer.Argument(help="number, CAS number or words (English, 日本語, 한국어)")],
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON list")] = False,
) -> None:
    """Entries whose number, CAS number or descriptions contain every word given."""
    from rich.console import Console
    from rich.table import Table

    from corridor.cli.export import fail
    from corridor.export.items import item_row, search

    try:
        found = [item_row(i) for i in search(text)]
    except ValueError as error:
        raise fail(str(error)) from error
    if as_json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    table = Table("number", "description", "CAS", "Japan", "Korea", title=f"entries matching {text!r}")
    for row in found:
        names = " / ".join(n for n in (row["en"], row["ja"], row["ko"]) if n)
        table.add_row(row["code"], names, row["cas"] or "", row["jp_reference"], row["kr_reference"])
    Console().print(table)
    if not found:
        Console().print(f"no entry matches {text!r}")


def register(app: typer.Typer) -> None:
    app.add_typer(items_app, name="items")
