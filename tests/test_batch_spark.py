"""`--engine spark` gives, row by row, the answers of the single-machine runners (Spark local[2]).

One JVM for the module: starting Spark costs ~15 s, so the file has few, broad tests.
"""

from __future__ import annotations

import csv
import random
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl
import pytest

pytest.importorskip("pyspark", reason="PySpark is not installed (pip install -e '.[spark]')")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java (OpenJDK 17) on PATH", allow_module_level=True)

from corridor.batch.orders import check_batch  # noqa: E402
from corridor.batch.parties import screen_rows  # noqa: E402
from corridor.batch.spark import spark_check_batch, spark_session  # noqa: E402
from corridor.batch.spark_screen import spark_screen_batch  # noqa: E402
from corridor.screening import Party, Schema, ScreeningIndex  # noqa: E402
from corridor.screening import index as index_module  # noqa: E402

TODAY = date(2026, 12, 3)
DAYS = ["2019-07-03", "2019-08-28", "2023-03-23", "2023-07-21", "", "2019-02-30"]


def _orders(path: Path, count: int) -> Path:
    chooser = random.Random(11)
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["order_id", "from", "to", "item", "on", "end_use"])
        for number in range(count):
            writer.writerow([f"O{number}", chooser.choice(["JP", "KR"]),
                             chooser.choice(["KR", "JP", "CN", "US", "KP", "KX"]),
                             chooser.choice(["3C002", "3B001", "not-listed", "1C350:7664-39-3", "3C0O2"]),
                             chooser.choice(DAYS),
                             chooser.choice(["civil", "military", ""])])
    return path


def _spark_csv(folder: Path) -> pl.DataFrame:
    return pl.concat([pl.read_csv(p, infer_schema=False) for p in sorted(folder.glob("*.csv"))]).sort(
        pl.col("row").cast(pl.Int64))


def test_spark_determination_agrees_with_polars_on_every_row(tmp_path: Path) -> None:
    source = _orders(tmp_path / "orders.csv", 1500)
    local = check_batch(source, tmp_path / "local.csv", tmp_path / "local.errors.csv", TODAY)
    # Small splits, so that the file is read as many partitions and row numbers must cross them.
    spark_session("local[2]").conf.set("spark.sql.files.maxPartitionBytes", "4096")
    spark = spark_check_batch(source, tmp_path / "spark.csv", tmp_path / "spark.errors.csv", TODAY,
                              "local[2]")
    assert (spark.rows, spark.answered, spark.bad, spark.distinct_keys) == (
        local.rows, local.answered, local.bad, local.distinct_keys)
    columns = ["row", "order_id", "outcome", "day", "destination_group", "licence_types_open", "rule_ids"]
    expected = pl.read_csv(tmp_path / "local.csv", infer_schema=False).select(columns).fill_null("")
    assert _spark_csv(tmp_path / "spark.csv").select(columns).fill_null("").rows() == expected.rows()
    bad = pl.read_csv(tmp_path / "local.errors.csv", infer_schema=False).select("row", "reason")
    assert _spark_csv(tmp_path / "spark.errors.csv").select("row", "reason").rows() == bad.rows()


@pytest.mark.parametrize(("lists", "budget"), [(None, 5000), (frozenset({"un"}), 5000), (None, 1)])
def test_spark_screening_writes_what_the_local_batch_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lists: frozenset[str] | None, budget: int) -> None:
    """Also when a query's keys are too common to all propose names (`budget` 1: only the rarest), and
    when a row asks for persons only while a hundred firms carry the person's name."""
    monkeypatch.setattr(index_module, "PROPOSING_BUDGET", budget)
    listed = datetime(2016, 7, 6, tzinfo=UTC).date()
    parties = [
        Party("ofac", "20157", Schema.PERSON, "KIM, Jong Un", family_names=("KIM",), countries=("KP",),
              listed_on=listed),
        Party("ofac", "9345", Schema.ORGANIZATION, "KOREA MINING DEVELOPMENT TRADING CORPORATION",
              aliases=("KOMID",), countries=("KP",), listed_on=listed),
        *(Party("ofac", f"F{n}", Schema.COMPANY, f"CHOE CHUN YONG {a}{b}AN")
          for n, (a, b) in enumerate((a, b) for a in "BCDFGHJKLM" for b in "AEIOUYRSTN")),
        Party("un", "KPi.033", Schema.PERSON, "CHOE CHUN YONG", family_names=("CHOE",), countries=("KP",),
              listed_on=listed),
        Party("un", "KPe.001", Schema.ORGANIZATION, "KOREA MINING DEVELOPMENT TRADING CORPORATION",
              countries=("KP",), listed_on=listed),
    ]
    names = ["김정은", "Kim Jong-un", "KOMID", "Korea Mining Development Trading Corp",
             "Samsung Electronics", "조준영", "", "Choe Chun-yong"]
    source = tmp_path / "parties.csv"
    kinds = ["", "person", "organization", "", "", "", "", "person"]
    lines = "".join(f"{n},{name},{kind}\n" for n, (name, kind) in enumerate(zip(names, kinds, strict=True)))
    source.write_text("id,name,schema\n" + lines, encoding="utf-8")
    bad = spark_screen_batch(parties, source, tmp_path / "spark.csv", TODAY, lists, "local[2]")
    rows = list(csv.DictReader(source.open(encoding="utf-8")))
    local = list(screen_rows(ScreeningIndex(parties), rows, TODAY, lists, workers=1))
    spark = list(csv.DictReader((tmp_path / "spark.csv").open(encoding="utf-8")))
    assert bad == 1
    assert [{k: r[k] for k in spark[0]} for r in local] == spark
    if lists:  # only UN entries, and the UN entry of the firm OFAC also lists
        assert spark[3]["top_id"] == "KPe.001" and {r["top_id"] for r in spark} <= {"", "KPe.001", "KPi.033"}
    elif budget > 1:
        assert spark[0]["top_id"] == "20157"
    if budget > 1:
        assert spark[7]["top_id"] == "KPi.033"
