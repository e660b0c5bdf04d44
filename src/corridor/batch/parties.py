"""Screening many parties: one row in, one summary row out, on every core of the machine.

The index is opened once in the parent; worker processes are forked after that, so they share
its memory instead of each loading and building their own. Rows keep their input order.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from corridor.screening import Query, Schema, ScreeningIndex, ScreeningResult, screen

RESULT_COLUMNS = ("hits", "top_score", "top_band", "top_list", "top_id", "top_matched_name", "hit_ids",
                  "hit_lists", "error")
SCHEMA_CHOICES = ("person", "organization")
Row = dict[str, str]


def party_query(row: Row, day: date, lists: frozenset[str] | None) -> Query:
    """The screening question of one row (`name[,schema,country,dob,nationality,id_number]`);
    ValueError names what is wrong."""
    schema = parse_schema(row.get("schema"))
    return Query(row.get("name") or "", day, schema, row.get("country") or None, lists,
                 row.get("dob") or None, row.get("nationality") or None, row.get("id_number") or None)


def parse_schema(value: str | None) -> Schema | None:
    if value is None or not value.strip():
        return None
    if value.strip().lower() not in SCHEMA_CHOICES:
        raise ValueError(f"schema {value!r} is not accepted; use one of: {', '.join(SCHEMA_CHOICES)}")
    return Schema.parse(value)


def summary(result: ScreeningResult) -> Row:
    """The result as the batch columns: the top hit in full, the others by id."""
    top = result.hits[0] if result.hits else None
    return {
        "hits": str(len(result.hits)),
        "top_score": f"{top.score:.4f}" if top else "",
        "top_band": top.band if top else "",
        "top_list": top.party.list_name if top else "",
        "top_id": top.party.id if top else "",
        "top_matched_name": top.matched_name if top else "",
        "hit_ids": ";".join(h.party.id for h in result.hits),
        "hit_lists": ";".join(h.party.list_name for h in result.hits),
        "error": "",
    }


def screen_row(index: ScreeningIndex, row: Row, day: date, lists: frozenset[str] | None) -> Row:
    """One row with its result columns, or with `error` set when the row is bad input."""
    try:
        return {**row, **summary(screen(index, party_query(row, day, lists)))}
    except ValueError as error:
        return {**row, **dict.fromkeys(RESULT_COLUMNS, ""), "error": str(error)}


_shared: tuple[ScreeningIndex, date, frozenset[str] | None] | None = None


def _screen_shared(row: Row) -> Row:
    assert _shared is not None, "worker forked without an index"
    return screen_row(_shared[0], row, *_shared[1:])


def screen_rows(index: ScreeningIndex, rows: Iterable[Row], day: date, lists: frozenset[str] | None,
                workers: int | None = None, on_row: Callable[[], None] | None = None) -> Iterator[Row]:
    """Every row screened, in input order, by `workers` forked processes (default: every core)."""
    global _shared
    workers = workers or os.cpu_count() or 1
    # The collector would otherwise walk every object of the index again and again (and, in each
    # forked child, copy the parent's pages that fork shared); frozen objects are left alone.
    gc.freeze()
    if workers == 1 or "fork" not in multiprocessing.get_all_start_methods():
        for row in rows:
            yield screen_row(index, row, day, lists)
            if on_row:
                on_row()
        return
    _shared = (index, day, lists)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for result in pool.imap(_screen_shared, rows, chunksize=64):
            yield result
            if on_row:
                on_row()
