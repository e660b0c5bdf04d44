"""`--engine spark`: the same batch on a Spark cluster (or `local[*]`), with the same answers.

Determination: the distinct keys of all lines are decided in pandas UDFs (`mapInPandas`) by the
row engine (once per stretch of unchanged rules), with the rule packs broadcast once to the
executors, and joined back to the lines.
Spark writes OUT and the errors as directories of part files, as every Spark job does.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from corridor.batch.keys import ANSWER, KEY, REQUIRED, decide_keys
from corridor.batch.orders import ROW, BatchInputError, BatchReport, check_paths, file_format
from corridor.packs.registry import load_packs


def spark_session(master: str | None = None) -> Any:
    """A session on `master`, else $SPARK_MASTER, else every local core."""
    from pyspark.sql import SparkSession

    chosen = master or os.environ.get("SPARK_MASTER") or "local[*]"
    # Executors run this same interpreter (with corridor installed) unless the cluster says otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    quiet = f"-Dlog4j.configurationFile={Path(__file__).with_name('log4j2.properties')}"
    return (SparkSession.builder.master(chosen).appName("corridor")
            .config("spark.driver.extraJavaOptions", quiet)
            .config("spark.sql.shuffle.partitions", "8").config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false").getOrCreate())


def spark_check_batch(source: Path, out: Path, errors: Path, today: date, master: str | None = None
                      ) -> BatchReport:
    """Answer every order line of `source` on Spark; bad lines, with row number and reason, to `errors`."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    check_paths(source, out, errors)
    spark = spark_session(master)
    lines = _read(spark, source)
    packs = spark.sparkContext.broadcast(load_packs())
    schema = StructType([StructField(c, StringType()) for c in (*KEY, *ANSWER)])

    def decide(frames: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        for frame in frames:
            keys = list(frame[list(KEY)].itertuples(index=False, name=None))
            answers = decide_keys(keys, today, packs.value)
            yield pd.concat([frame[list(KEY)].reset_index(drop=True), pd.DataFrame(answers, columns=ANSWER)],
                            axis=1)

    answers = lines.select(*KEY).distinct().mapInPandas(decide, schema).cache()
    joined = lines.join(answers, on=[lines[c].eqNullSafe(answers[c]) for c in KEY], how="left")
    joined = joined.select(lines["*"], *[answers[c] for c in ANSWER]).cache()
    good = joined.filter(F.col("error").isNull()).drop("error").orderBy(ROW)
    bad = joined.filter(F.col("error").isNotNull()).select(
        ROW, F.col("error").alias("reason"), *[c for c in lines.columns if c != ROW]).orderBy(ROW)
    _write(good, out)
    _write(bad, errors)
    rows, failed, distinct = lines.count(), bad.count(), answers.count()
    return BatchReport(rows, rows - failed, failed, distinct, out, errors)


def _read(spark: Any, source: Path) -> Any:
    """The lines with text key columns (absent optional ones as nulls) and a 1-based row number."""
    from pyspark.sql import functions as F

    if file_format(source, "--batch") == "csv":
        frame = spark.read.csv(str(source), header=True, inferSchema=False)
    else:
        frame = spark.read.parquet(str(source))
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise BatchInputError(f"--batch {str(source)!r} lacks the column(s) {', '.join(missing)}; "
                              f"columns found: {', '.join(frame.columns)}")
    frame = _numbered(frame)
    keys = [F.col(c).cast("string").alias(c) if c in frame.columns else F.lit(None).cast("string").alias(c)
            for c in KEY]
    others = [c for c in frame.columns if c not in KEY]
    return frame.select(*others, *keys)


def _numbered(frame: Any) -> Any:
    """The lines with their 1-based row number in file order, counted in the JVM (no Python pass).

    A file is split into partitions in order, and `monotonically_increasing_id` is the partition
    number shifted left 33 bits plus the place within the partition: so a line's row number is the
    number of lines in the partitions before its own plus its place in its own.
    """
    from pyspark.sql import functions as F

    tagged = frame.withColumns({"_part": F.spark_partition_id(), "_id": F.monotonically_increasing_id()})
    before, offsets = 0, []
    for part, count in sorted(tagged.groupBy("_part").count().collect()):
        offsets += [F.lit(part), F.lit(before)]
        before += count
    place = F.col("_id") - F.shiftleft(F.col("_part").cast("long"), 33)
    return tagged.select(*frame.columns, (F.create_map(*offsets)[F.col("_part")] + place + 1).alias(ROW))


def _write(frame: Any, path: Path) -> None:
    if file_format(path, "--out") == "csv":
        frame.write.mode("overwrite").option("header", True).csv(str(path))
    else:
        frame.write.mode("overwrite").parquet(str(path))
