"""`corridor screen --batch … --engine spark`: screening as a Spark join, not an index per executor.

1. Every list name is read once, in pandas UDFs, into its retrieval keys (`name_keys`): a
   `(key, party, name)` table, with each key's rarity weight (`idf`) from its count.
2. Every query row is read into its keys the same way, and joined to that table on the key
   (names on the lists asked, of the kind of party the row asks for, if it says):
   summed weights rank the candidate names of each query; the best are kept per query, as
   `ScreeningIndex.candidates` keeps them (same weights, same proposing budget, same order, same
   per-party cap).
3. The candidates of each query are scored in a grouped pandas UDF by `score_candidates`, the
   very function the in-memory screening uses; the summary columns are joined back to the rows.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from corridor.batch.parties import RESULT_COLUMNS, party_query, summary
from corridor.batch.spark import spark_session
from corridor.screening import index
from corridor.screening.index import CANDIDATES_SCORED, NAMES_PER_PARTY, key_weight, name_keys, party_names
from corridor.screening.party import Party, Schema
from corridor.screening.screen import query_forms, score_candidates

QUERY = "query_row"


def spark_screen_batch(parties: list[Party], source: Path, out: Path, day: date,
                       lists: frozenset[str] | None, master: str | None = None) -> int:
    """Screen every row of `source` into the CSV `out`; returns the number of bad rows."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    spark = spark_session(master)
    rows = _read_rows(source)
    blobs = spark.createDataFrame([(n, json.dumps(p.to_record())) for n, p in enumerate(parties)],
                                  "party long, blob string")
    names = blobs.mapInPandas(_list_keys, "party long, position long, key string").cache()
    total = names.select("party", "position").distinct().count()
    rarity = F.udf(lambda key, count: key_weight(key, count, total), "double")
    weights = names.groupBy("key").count().select("key", rarity("key", "count").alias("idf"))
    asked = [(n, r.get("name") or "", r.get("schema") or "", r.get("country") or "")
             for n, r in enumerate(rows)]
    queries = spark.createDataFrame(asked, f"{QUERY} long, name string, schema string, country string")
    query_keys = queries.mapInPandas(_query_keys, f"{QUERY} long, key string, wanted string")
    kinds = spark.createDataFrame([(n, p.schema.kind) for n, p in enumerate(parties)
                                   if not lists or p.list_name in lists], "party long, kind string")
    shared = (query_keys.join(names, "key").join(kinds, "party")  # on the lists, of the kind asked
              .filter(F.col("wanted").isNull() | (F.col("wanted") == F.col("kind"))))
    ranked = (_within_budget(shared).join(weights, "key")
              .groupBy(QUERY, "party", "position").agg(F.sum("idf").alias("weight")))
    order = Window.partitionBy(QUERY).orderBy(F.desc("weight"), "party", "position")
    ranks = ranked.withColumn("rank", F.row_number().over(order))
    shortlist = ranks.filter(F.col("rank") <= CANDIDATES_SCORED * 3)
    candidates = shortlist.join(blobs, "party").join(queries, QUERY)
    columns = f"{QUERY} long, " + ", ".join(f"{c} string" for c in RESULT_COLUMNS)
    scored = candidates.groupBy(QUERY).applyInPandas(lambda frame: _score(frame, day, lists), columns)
    found = {row[QUERY]: row.asDict() for row in scored.collect()}
    return _write(rows, found, out, day, lists)


def _within_budget(shared: Any) -> Any:
    """The (query, key, name) rows that count, as `ScreeningIndex.candidates` counts them: a query's
    rarest keys, taken by posting size then key, propose names while their postings add up to
    `PROPOSING_BUDGET` (the rarest one always, its first `PROPOSING_BUDGET` names); the commoner
    keys only add their weight to names proposed."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    budget = index.PROPOSING_BUDGET  # read when called, as the in-memory index reads it
    sizes = shared.groupBy(QUERY, "key").count()
    by_rarity = Window.partitionBy(QUERY).orderBy("count", "key")
    sizes = (sizes.withColumn("order", F.row_number().over(by_rarity))
             .withColumn("running", F.sum("count").over(by_rarity.rowsBetween(Window.unboundedPreceding, 0)))
             .withColumn("proposing", (F.col("running") <= budget) | (F.col("order") == 1)))
    in_posting = Window.partitionBy(QUERY, "key").orderBy("party", "position")
    rows = (shared.join(sizes.select(QUERY, "key", "proposing"), [QUERY, "key"])
            .withColumn("at", F.row_number().over(in_posting)))
    proposed = (rows.filter(F.col("proposing") & (F.col("at") <= budget))
                .select(QUERY, "party", "position").distinct())
    counted = rows.filter(~F.col("proposing") | (F.col("at") <= budget))
    return counted.join(proposed, [QUERY, "party", "position"]).select(QUERY, "key", "party", "position")


def _list_keys(frames: Iterator[Any]) -> Iterator[Any]:
    import pandas as pd

    for frame in frames:
        rows = [(number, position, key)
                for number, blob in zip(frame["party"], frame["blob"], strict=True)
                for position, name in enumerate(party_names(number, _party(blob)))
                for key in name_keys(name)]
        yield pd.DataFrame(rows, columns=["party", "position", "key"])


def _query_keys(frames: Iterator[Any]) -> Iterator[Any]:
    import pandas as pd

    from corridor.screening.index import query_keys

    for frame in frames:
        rows = []
        for number, name, schema, country in frame.itertuples(index=False, name=None):
            try:
                forms = query_forms(party_query({"name": name, "schema": schema, "country": country},
                                                date.today(), None))
            except ValueError:
                continue  # reported by the driver, which reads the same row again
            keys = query_keys(forms[True] + forms[False])
            wanted = Schema.parse(schema).kind if schema else None
            rows += [(number, key, wanted) for key in keys]
        yield pd.DataFrame(rows, columns=[QUERY, "key", "wanted"])


def _score(frame: Any, day: date, lists: frozenset[str] | None) -> Any:
    """One query's shortlist, capped per party as the index caps it, scored like `screen`."""
    import pandas as pd

    frame = frame.sort_values("rank")
    first = frame.iloc[0]
    row = {"name": first["name"], "schema": first["schema"], "country": first["country"]}
    query = party_query(row, day, lists)
    chosen, parties, per_party = [], {}, Counter()
    for number, position, blob in frame[["party", "position", "blob"]].itertuples(index=False, name=None):
        number = int(number)
        if per_party[number] >= NAMES_PER_PARTY:
            continue
        per_party[number] += 1
        if number not in parties:
            parties[number] = _party(blob)
        chosen.append(party_names(number, parties[number])[int(position)])
        if len(chosen) == CANDIDATES_SCORED:
            break
    result = summary(score_candidates(query, query_forms(query), chosen, parties.__getitem__))
    return pd.DataFrame([{QUERY: int(first[QUERY]), **result}])


def _party(record: str) -> Party:
    """A listed party as the driver sent it: plain JSON, no pickled objects."""
    return Party.from_record(json.loads(record))


def _read_rows(source: Path) -> list[dict[str, str]]:
    with source.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if "name" not in (reader.fieldnames or []):
            raise ValueError(f"--batch {str(source)!r} has no `name` column")
        return list(reader)


def _write(rows: list[dict[str, str]], found: dict[int, dict], out: Path, day: date,
           lists: frozenset[str] | None) -> int:
    """The rows with their results, in input order; a row with no candidate has no hit."""
    bad = 0
    columns = list(rows[0]) if rows else ["name"]
    partial = out.with_name(out.name + ".partial")
    with partial.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns + [c for c in RESULT_COLUMNS if c not in columns],
                                extrasaction="ignore")
        writer.writeheader()
        for number, row in enumerate(rows):
            try:
                party_query(row, day, lists)
                result = found.get(number) or {**dict.fromkeys(RESULT_COLUMNS, ""), "hits": "0"}
            except ValueError as error:
                bad += 1
                result = {**dict.fromkeys(RESULT_COLUMNS, ""), "error": str(error)}
            writer.writerow({**row, **{c: result[c] for c in RESULT_COLUMNS}})
    partial.replace(out)
    return bad
