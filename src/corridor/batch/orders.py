"""`corridor check --batch IN --out OUT`: order lines from CSV or Parquet, streamed with polars.

Lines are read in chunks; each chunk's distinct keys not seen before are decided by the row engine
(`corridor.batch.keys.decide_keys`) and joined back. Memory therefore grows with the number of
distinct keys, not of lines. Lines whose question is bad input go, with their row number and the
reason, to the errors file; every other line is answered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from corridor.batch.keys import ANSWER, KEY, REQUIRED, decide_keys

ROW = "row"  # 1-based number of the data line (the header is not counted)
FORMATS = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}


class BatchInputError(ValueError):
    """The file as a whole cannot be read as order lines (missing columns, unknown format)."""


@dataclass(frozen=True)
class BatchReport:
    rows: int
    answered: int
    bad: int
    distinct_keys: int
    out: Path
    errors: Path


def file_format(path: Path, field: str) -> str:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise BatchInputError(f"{field}: {str(path)!r} is neither .csv nor .parquet") from None


def check_paths(source: Path, out: Path, errors: Path) -> None:
    """Refuse, before any work starts, files of unknown format and outputs that would overwrite the input."""
    file_format(source, "--batch")
    for path, field in ((out, "--out"), (errors, "--errors")):
        file_format(path, field)
        if path.resolve() == source.resolve():
            raise BatchInputError(f"{field}: {str(path)!r} is the input file; it would be overwritten")


def scan_orders(source: Path) -> pl.LazyFrame:
    """The order lines with the key columns as text (absent optional ones as nulls) and a row number."""
    if file_format(source, "--batch") == "csv":
        frame = pl.scan_csv(source, infer_schema=False, empty_string_is_null=False)
    else:
        frame = pl.scan_parquet(source)
    columns = frame.collect_schema().names()
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise BatchInputError(f"--batch {str(source)!r} lacks the column(s) {', '.join(missing)}; "
                              f"columns found: {', '.join(columns)}")
    keys = [pl.col(c).cast(pl.String) if c in columns else pl.lit(None, pl.String).alias(c) for c in KEY]
    return frame.with_columns(keys).with_row_index(ROW, offset=1)


def check_batch(source: Path, out: Path, errors: Path, today: date, chunk_size: int = 100_000,
                on_chunk: Callable[[int], None] | None = None) -> BatchReport:
    """Answer every line of `source` into `out`; bad lines into `errors`. Returns the counts."""
    check_paths(source, out, errors)
    orders = scan_orders(source)
    decided = pl.DataFrame(schema={c: pl.String for c in (*KEY, *ANSWER)})
    rows = bad = 0
    pending: Future[None] | None = None
    # Chunk N is written on a thread (polars writes without the GIL) while chunk N+1 is decided;
    # waiting for the previous write keeps at most one chunk in hand, so memory stays bounded.
    with _writer(out) as write_answer, _writer(errors) as write_error, ThreadPoolExecutor(1) as writing:
        for chunk in orders.collect_batches(chunk_size=chunk_size):
            decided = _decide_new_keys(chunk, decided, today)
            answered = chunk.join(decided, on=list(KEY), how="left", nulls_equal=True, maintain_order="left")
            failed = answered.filter(pl.col("error").is_not_null())
            if pending:
                pending.result()
            pending = writing.submit(_write_chunk, answered, failed, write_answer, write_error)
            rows, bad = rows + answered.height, bad + failed.height
            if on_chunk:
                on_chunk(answered.height)
        if pending:
            pending.result()
    return BatchReport(rows, rows - bad, bad, decided.height, out, errors)


def _write_chunk(answered: pl.DataFrame, failed: pl.DataFrame, write_answer: Callable[[pl.DataFrame], None],
                 write_error: Callable[[pl.DataFrame], None]) -> None:
    write_answer(answered.filter(pl.col("error").is_null()).drop("error"))
    write_error(failed.select(ROW, pl.col("error").alias("reason"), pl.exclude(ROW, "error", *ANSWER)))


def _decide_new_keys(chunk: pl.DataFrame, decided: pl.DataFrame, today: date) -> pl.DataFrame:
    """`decided` with the answers to the chunk's keys that earlier chunks did not ask."""
    new = chunk.select(KEY).unique().join(decided, on=list(KEY), how="anti", nulls_equal=True)
    if not new.height:
        return decided
    answers = pl.DataFrame(decide_keys(new.rows(), today), schema={c: pl.String for c in ANSWER})
    return pl.concat([decided, pl.concat([new, answers], how="horizontal")])


@contextmanager
def _writer(path: Path) -> Iterator[Callable[[pl.DataFrame], None]]:
    """Append frames to one CSV or Parquet file; the file exists (with its header) even if empty."""
    kind = file_format(path, "--out")
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            first = True

            def write_csv(frame: pl.DataFrame) -> None:
                nonlocal first
                if frame.height or first:
                    frame.write_csv(handle, include_header=first)
                    first = False

            yield write_csv
        return
    import pyarrow.parquet as parquet

    state: dict[str, Any] = {}

    def write_parquet(frame: pl.DataFrame) -> None:
        table = frame.to_arrow()
        if "writer" not in state:
            state["writer"] = parquet.ParquetWriter(path, table.schema)
        if frame.height:
            state["writer"].write_table(table.cast(state["writer"].schema))

    try:
        yield write_parquet
    finally:
        if "writer" in state:
            state["writer"].close()
