"""Batch figures, each beside its baseline measured in the same run (issue 12).

- determination: N generated order lines through `check_batch` (polars, each distinct key once)
  vs a Python loop calling the row engine on every line; both in child processes, with peak RSS;
  every row of the batch output compared with the loop's answer.
- Spark: `--engine spark` on `local[2]` over the first --spark-lines lines, compared row by row.
- screening: names/s of `screen --batch` on 1 and 2 worker processes (OFAC SDN from ../shared), as
  wall time and with the start-up (interpreter, opening the index: a one-name batch) taken off.
- start: `corridor check … --json` wall time vs `python -c pass`.

Usage: python bench/batch.py [--lines 1000000] [--spark-lines N (default: all lines)] [--queries 20000].
Last line: JSON.
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

from corridor.batch.keys import ANSWER

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
    # VmHWM, not ru_maxrss: Linux carries the parent's high-water mark over fork and exec into
    # ru_maxrss, so a child started by a big parent would report the parent's memory.
    report = ("hwm = next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1]\n"
              "print('@@', time.perf_counter() - start, hwm)")
    wrapper = "import sys, time\nstart = time.perf_counter()\n" + code + "\n" + report
    done = subprocess.run([PYTHON, "-c", wrapper, *args], capture_output=True, text=True, check=True)
    *lines, last = done.stdout.strip().splitlines()
    _, seconds, rss_kb = last.split()
    return float(seconds), int(rss_kb) / 1024, "\n".join(lines)


LOOP = """
import csv
from datetime import date
from corridor.batch.keys import ANSWER, KEY, decide_key
with open(sys.argv[1], newline="") as handle, open(sys.argv[2], "w", newline="") as out:
    writer = csv.writer(out)
    writer.writerow(["row", *ANSWER])
    for number, row in enumerate(csv.DictReader(handle), 1):
        answer = decide_key(tuple(row.get(c) for c in KEY), date(2026, 12, 3))
        writer.writerow([number, *answer.values()])
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


def answers(out: Path, errors: Path) -> dict[str, tuple]:
    """Every row's answer columns (or its error) as one tuple, from a runner's output files."""
    import polars as pl

    def frames(path: Path) -> list:
        files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
        return [pl.read_csv(f, infer_schema=False) for f in files]

    found = {}
    for frame in frames(out):
        for row, *values in frame.select("row", *ANSWER[:-1]).rows():
            found[row] = (*values, None)
    for frame in frames(errors):
        for row, reason in frame.select("row", "reason").rows():
            found[row] = (*[None] * (len(ANSWER) - 1), reason)
    return found


def loop_answers(path: Path) -> dict[str, tuple]:
    import polars as pl

    return {row: tuple(values) for row, *values in pl.read_csv(path, infer_schema=False).rows()}


def identical(loop: dict[str, tuple], runner: dict[str, tuple]) -> int:
    """Rows whose every answer column (or error reason) is the loop's, empty text and null alike."""
    def plain(values: tuple) -> tuple:
        return tuple(value or "" for value in values)

    return sum(plain(loop[row]) == plain(values) for row, values in runner.items() if row in loop)


def determination(folder: Path, lines: int, spark_lines: int) -> dict:
    source = folder / "orders.csv"
    generate(source, lines)
    loop_s, loop_mb, _ = child(LOOP, str(source), str(folder / "loop.csv"))
    loop = loop_answers(folder / "loop.csv")
    batch_s, batch_mb, keys = child(BATCH, str(source), str(folder / "out.csv"), str(folder / "bad.csv"))
    batch = answers(folder / "out.csv", folder / "bad.csv")
    figures = {"lines": lines, "distinct_keys": int(keys), "loop_s": round(loop_s, 2),
               "loop_peak_mb": round(loop_mb), "batch_s": round(batch_s, 2), "batch_peak_mb": round(batch_mb),
               "speedup": round(loop_s / batch_s, 1), "batch_rows": len(batch),
               "batch_rows_identical": identical(loop, batch),
               "bad_rows": sum(1 for values in batch.values() if values[-1])}
    if spark_lines:
        small = source if spark_lines >= lines else folder / "spark-orders.csv"
        if small != source:
            with source.open() as full, small.open("w") as part:
                for number, line in enumerate(full):
                    if number > spark_lines:
                        break
                    part.write(line)
        spark_s, _, _ = child(SPARK, str(small), str(folder / "spark.csv"), str(folder / "spark.bad.csv"))
        spark = answers(folder / "spark.csv", folder / "spark.bad.csv")
        figures |= {"spark_lines": spark_lines, "spark_s": round(spark_s, 1), "spark_rows": len(spark),
                    "spark_rows_identical": identical(loop, spark)}
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
        writer.writerows([names[number % len(names)]] for number in range(queries))  # the list over again
    subprocess.run([CORRIDOR, "screen", "Kim Jong Un"], env=env, capture_output=True)  # warms the cache
    one = folder / "one.csv"
    one.write_text("name\nKim Jong Un\n")

    def batch_seconds(source: Path, workers: int) -> float:
        start = time.perf_counter()
        command = [CORRIDOR, "screen", "--batch", str(source), "--out", str(folder / f"s{workers}.csv"),
                   "--workers", str(workers)]
        subprocess.run(command, env=env, capture_output=True, check=True)
        return time.perf_counter() - start

    opening = min(batch_seconds(one, 1) for _ in range(2))  # start, open the index, screen one name
    figures: dict = {"queries": queries, "start_and_open_s": round(opening, 2)}
    for workers in (1, 2):
        seconds = batch_seconds(parties, workers)
        figures[f"names_per_s_{workers}_workers"] = round(queries / seconds, 1)
        figures[f"screening_names_per_s_{workers}_workers"] = round(queries / (seconds - opening), 1)
    figures["two_workers_identical"] = (folder / "s1.csv").read_text() == (folder / "s2.csv").read_text()
    figures["two_over_one"] = round(figures["screening_names_per_s_2_workers"]
                                    / figures["screening_names_per_s_1_workers"], 2)
    return figures


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
    parser.add_argument("--spark-lines", type=int, default=None, help="0 skips Spark")
    parser.add_argument("--queries", type=int, default=20_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        spark_lines = options.lines if options.spark_lines is None else options.spark_lines
        decided = determination(folder, options.lines, spark_lines)
        figures = {"bench": "batch", "determination": decided,
                   "screening": screening(folder, options.queries), "start": start_time()}
    for name, value in figures.items():
        print(f"{name}: {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
