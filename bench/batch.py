"""Batch figures, each beside its baseline measured in the same run (issue 12).

- determination: N generated order lines through `check_batch` (polars, each distinct key once)
  vs a Python loop calling the row engine on every line; both in child processes, with peak RSS;
  every row of the batch output compared with the loop's answer.
- Spark: `--engine spark` on `local[2]` over the first --spark-lines lines, compared row by row.
- screening: names/s of `screen --batch` on 1 and 2 worker processes (OFAC SDN from ../shared).
- start: `corridor check … --json` wall time vs `python -c pass`.

Usage: python bench/batch.py [--lines 1000000] [--spark-lines 20000] [--queries 2000]. Last line: JSON.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
PYTHON = sys.executable
CORRIDOR = str(Path(sys.executable).parent / "corridor")


def generate(path: Path, lines: int) -> None:
    """Order lines like a real book: few exporters, a few hundred items and days, some bad lines."""
    chooser = random.Random(12)
    days = [f"20{y:02d}-{m:02d}-{d:02d}" for y in range(18, 27) for m in (1, 7, 10) for d in (1, 15)]
    items = ["3C002", "3B001", "1C350:7664-39-3", "not-listed", "EAR99", "3C002.a", "5A002"]
    places = ["KR", "JP", "CN", "US", "DE", "RU", "KP"]
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["order_id", "from", "to", "item", "on", "end_use", "quantity"])
        for number in range(lines):
            bad = chooser.random() < 0.01  # one line in a hundred has a typo in its country or item
            writer.writerow([number, chooser.choice(["JP", "KR"]), "KX" if bad else chooser.choice(places),
                             "3C0O2" if bad and number % 2 else chooser.choice(items), chooser.choice(days),
                             chooser.choice(["civil", "civil", "civil", "military"]), chooser.randint(1, 99)])


def child(code: str, *args: str) -> tuple[float, float, str]:
    """Seconds, peak RSS (MB) and stdout of `code` run in a fresh interpreter."""
    report = "print('@@', time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    wrapper = "import resource, sys, time\nstart = time.perf_counter()\n" + code + "\n" + report
    done = subprocess.run([PYTHON, "-c", wrapper, *args], capture_output=True, text=True, check=True)
    *lines, last = done.stdout.strip().splitlines()
    _, seconds, rss_kb = last.split()
    return float(seconds), int(rss_kb) / 1024, "\n".join(lines)


LOOP = """
import csv, json
from datetime import date
from corridor.batch.keys import KEY, decide_key
answers = {}
with open(sys.argv[1], newline="") as handle:
    for number, row in enumerate(csv.DictReader(handle), 1):
        answers[number] = decide_key(tuple(row.get(c) for c in KEY), date(2026, 12, 3))["outcome"]
json.dump(answers, open(sys.argv[2], "w"))
"""
BATCH = """
from datetime import date
from pathlib import Path
from corridor.batch.orders import check_batch
report = check_batch(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), date(2026, 12, 3))
print(report.distinct_keys)
"""
SPARK = """
from datetime import date
from pathlib import Path
from corridor.batch.spark import spark_check_batch
spark_check_batch(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), date(2026, 12, 3), "local[2]")
"""


def agreement(loop: dict, frame_rows: list[tuple[str, str | None]]) -> int:
    return sum(loop[row] == outcome for row, outcome in frame_rows)


def outcomes(path: Path) -> list[tuple[str, str | None]]:
    import polars as pl

    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    frame = pl.concat([pl.read_csv(f, infer_schema=False).select("row", "outcome") for f in files])
    return list(frame.rows())


def determination(folder: Path, lines: int, spark_lines: int) -> dict:
    source = folder / "orders.csv"
    generate(source, lines)
    loop_s, loop_mb, _ = child(LOOP, str(source), str(folder / "loop.json"))
    loop = {str(k): v for k, v in json.loads((folder / "loop.json").read_text()).items()}
    batch_s, batch_mb, keys = child(BATCH, str(source), str(folder / "out.csv"), str(folder / "bad.csv"))
    answered = outcomes(folder / "out.csv")
    errors = sum(1 for _ in csv.reader((folder / "bad.csv").open())) - 1
    figures = {"lines": lines, "distinct_keys": int(keys), "loop_s": round(loop_s, 2),
               "loop_peak_mb": round(loop_mb),
               "batch_s": round(batch_s, 2), "batch_peak_mb": round(batch_mb),
               "speedup": round(loop_s / batch_s, 1), "batch_rows_identical": agreement(loop, answered),
               "batch_rows": len(answered) + errors,
               "bad_rows_identical": sum(1 for v in loop.values() if v is None) == errors}
    if spark_lines:
        small = folder / "spark-orders.csv"
        with source.open() as full, small.open("w") as part:
            for number, line in enumerate(full):
                if number > spark_lines:
                    break
                part.write(line)
        spark_s, _, _ = child(SPARK, str(small), str(folder / "spark.csv"), str(folder / "spark.bad.csv"))
        rows = outcomes(folder / "spark.csv")
        figures |= {"spark_lines": spark_lines, "spark_s": round(spark_s, 1),
                    "spark_rows_identical": agreement(loop, rows), "spark_rows": len(rows)}
    return figures


def screening(folder: Path, queries: int) -> dict:
    """Names/s of `corridor screen --batch` on 1 and 2 workers, the index opened once per run."""
    sdn = SHARED / "ofac-sdn-2021" / "sdn.csv"
    if not sdn.exists():
        return {"skipped": f"{sdn} is absent"}
    home = folder / "home"
    env = {"CORRIDOR_HOME": str(home), "PATH": str(Path(PYTHON).parent)}
    subprocess.run([CORRIDOR, "lists", "load", str(sdn), "--format", "ofac"], env=env, check=True,
                   capture_output=True)
    with sdn.open(encoding="latin-1") as handle:
        names = [row[1] for row in csv.reader(handle) if len(row) > 1]
    random.Random(5).shuffle(names)
    parties = folder / "parties.csv"
    with parties.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name"])
        writer.writerows([n] for n in names[:queries])
    subprocess.run([CORRIDOR, "screen", "Kim Jong Un"], env=env, capture_output=True)  # warms the cache
    rates = {}
    for workers in (1, 2):
        start = time.perf_counter()
        out = folder / f"s{workers}.csv"
        command = [CORRIDOR, "screen", "--batch", str(parties), "--out", str(out), "--workers", str(workers)]
        subprocess.run(command, env=env, capture_output=True)
        rates[f"names_per_s_{workers}_workers"] = round(queries / (time.perf_counter() - start), 1)
    same = (folder / "s1.csv").read_text() == (folder / "s2.csv").read_text()
    return {"queries": queries, **rates, "two_workers_identical": same,
            "two_over_one": round(rates["names_per_s_2_workers"] / rates["names_per_s_1_workers"], 2)}


def start_time() -> dict:
    def best(command: list[str]) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        return min(times)

    check = best([CORRIDOR, "check", "--from", "JP", "--to", "KR", "--item", "3C002", "--on", "2019-08-19",
                  "--json"])
    bare = best([PYTHON, "-c", "pass"])
    return {"check_json_s": round(check, 3), "python_pass_s": round(bare, 3)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--spark-lines", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=2_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        decided = determination(folder, options.lines, options.spark_lines)
        figures = {"bench": "batch", "determination": decided,
                   "screening": screening(folder, options.queries), "start": start_time()}
    for name, value in figures.items():
        print(f"{name}: {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
