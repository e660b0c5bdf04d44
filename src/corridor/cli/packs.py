"""`corridor packs lint` and `corridor packs show`: the pack author's tools."""

from __future__ import annotations

import typer
from rich.console import Console

from corridor.packs.lint import lint_all

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


def register(app: typer.Typer) -> None:
    app.add_typer(packs_app, name="packs")
