"""The shell around the batch runners: options checked, a progress line on a terminal, a summary."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from corridor.cli.export import fail

ENGINES = ("polars", "spark")


def default_errors(out: Path) -> Path:
    return out.with_name(out.name.split(".")[0] + ".errors.csv")


def run_check_batch(source: Path, out: Path | None, errors: Path | None, engine: str,
                    master: str | None) -> None:
    """`corridor check --batch`: exit 0 when the good lines are answered (bad ones are reported)."""
    if out is None:
        raise fail("--out: give where the batch answers go (.csv or .parquet)")
    if engine not in ENGINES:
        raise fail(f"engine: unknown value {engine!r}; accepted: {', '.join(ENGINES)}")
    if not source.is_file():
        raise fail(f"--batch: {str(source)!r} is not a file")
    errors = errors or default_errors(out)
    today = date.today()
    try:
        if engine == "spark":
            from corridor.batch.spark import spark_check_batch

            report = spark_check_batch(source, out, errors, today, master)
        else:
            report = _with_progress(source, out, errors, today)
    except (ValueError, OSError) as error:
        raise fail(str(error)) from error
    Console(stderr=True).print(
        f"answered {report.answered} of {report.rows} line(s) ({report.distinct_keys} distinct questions) "
        f"into {report.out}; {report.bad} bad line(s) in {report.errors}", highlight=False)


def _with_progress(source: Path, out: Path, errors: Path, today: date):
    from corridor.batch.orders import check_batch

    if not sys.stderr.isatty():
        return check_batch(source, out, errors, today)
    columns = (SpinnerColumn(), TextColumn("checking {task.completed:,} lines"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("check", total=None)
        return check_batch(source, out, errors, today, on_chunk=lambda n: progress.advance(task, n))
