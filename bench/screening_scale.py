"""Screening on lists of OpenSanctions size: synthetic lists of 125k to 1M parties.

For each size the index is built and saved, then opened in a fresh process that measures what
a user's process would see: the time to open it, resident memory after opening and after the
queries, and query p50/p99. Queries (1,000, the same kinds at every size): listed names with
one typo, and unlisted names from the same generators with another seed.

Targets (issue 11): open ≤ 1 s and ≤ 2 GB resident for 1M parties; p99 growth ≤ 1.2× per
doubling. Baseline, same run: decoding every party record of the 1M index, which is what an
index held as Python objects (the earlier JSON cache) had to do at every start.

Needs `pip install -e '.[bench]'` (faker). Takes ~10 minutes on 2 cores. Prints a table, then
one JSON line. `--sizes 20000,40000` for a quick run.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

SEED_LISTED, SEED_UNLISTED = 11, 29
LOCALES = ["en_US", "en_GB", "de_DE", "es_ES", "fr_FR", "ru_RU", "ar_AA", "tr_TR", "fa_IR", "ko_KR",
           "ja_JP", "zh_CN", "vi_VN", "id_ID", "pt_BR", "it_IT"]
DAY = date(2026, 3, 1)


def synthetic_names(count: int, seed: int) -> list[tuple[str, bool]]:
    """(name, is_person): four persons in five, the rest firms, over sixteen locales."""
    from faker import Faker

    fake = Faker(LOCALES)
    fake.seed_instance(seed)
    return [(fake.name(), True) if i % 5 else (fake.company(), False) for i in range(count)]


def with_typo(name: str, rng: random.Random) -> str:
    letters = [i for i, c in enumerate(name) if c.isalpha()]
    if len(letters) < 4:
        return name
    i = rng.choice(letters[1:-1])
    return name[:i] + name[i + 1] + name[i] + name[i + 2 :]  # two letters swapped


def build(size: int, folder: Path) -> float:
    from corridor.screening import Party, Schema, ScreeningIndex

    names = synthetic_names(size, SEED_LISTED)
    started = time.perf_counter()
    parties = [Party("synthetic", str(i), Schema.PERSON if person else Schema.ORGANIZATION, name)
               for i, (name, person) in enumerate(names)]
    ScreeningIndex(parties).save(folder)
    return time.perf_counter() - started


def queries(size: int) -> list[tuple[str, str | None]]:
    """(query, id of the party it should find or None), the same mix at every size."""
    rng = random.Random(7)
    listed = synthetic_names(size, SEED_LISTED)
    picks = rng.sample(range(size), 500)
    found = [(with_typo(listed[i][0], rng), str(i)) for i in picks]
    return found + [(name, None) for name, _ in synthetic_names(500, SEED_UNLISTED)]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(folder: Path, size: int) -> dict:
    """In a fresh process: open, query, and how much memory that takes."""
    from corridor.screening import Query, ScreeningIndex, screen

    before = rss_mb()
    started = time.perf_counter()
    index = ScreeningIndex.open(folder)
    opened = time.perf_counter() - started
    rss_open = rss_mb() - before
    asked = queries(size)
    for name, _ in asked[:50]:
        screen(index, Query(name, DAY))
    latencies, found = [], 0
    for name, expected in asked:
        t0 = time.perf_counter()
        hits = screen(index, Query(name, DAY)).hits
        latencies.append((time.perf_counter() - t0) * 1000)
        found += expected is not None and any(h.party.id == expected for h in hits)
    ordered = sorted(latencies)
    figures = {"parties": len(index), "open_s": round(opened, 3), "rss_after_open_mb": round(rss_open, 1),
               "rss_after_queries_mb": round(rss_mb(), 1), "p50_ms": round(statistics.median(ordered), 3),
               "p99_ms": round(ordered[int(0.99 * len(ordered))], 3),
               "typo_recall": round(found / sum(e is not None for _, e in asked), 3)}
    if size == max(SIZES):
        started = time.perf_counter()
        for number in range(len(index.parties)):
            index.parties._read(number)  # the baseline: every record decoded, as a Python-object index
        figures["baseline_decode_all_s"] = round(time.perf_counter() - started, 2)
    return figures


SIZES = [125_000, 250_000, 500_000, 1_000_000]


def main() -> None:
    global SIZES
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--measure", nargs=2, metavar=("FOLDER", "SIZE"))
    args = parser.parse_args()
    SIZES = [int(s) for s in args.sizes.split(",")]
    if args.measure:
        print(json.dumps(measure(Path(args.measure[0]), int(args.measure[1]))))
        return
    rows = {}
    with tempfile.TemporaryDirectory() as scratch:
        for size in SIZES:
            folder = Path(scratch) / str(size)
            build_s = build(size, folder)
            measured = subprocess.run([sys.executable, __file__, "--sizes", args.sizes, "--measure",
                                       str(folder), str(size)], check=True, capture_output=True, text=True)
            rows[size] = {"build_s": round(build_s, 1), **json.loads(measured.stdout.splitlines()[-1])}
            print(size, rows[size], flush=True)
    sizes = sorted(rows)
    growth = [rows[b]["p99_ms"] / rows[a]["p99_ms"] for a, b in zip(sizes, sizes[1:], strict=False)]
    largest = rows[sizes[-1]]
    figures = {
        "sizes": sizes,
        "p50_ms": [rows[s]["p50_ms"] for s in sizes],
        "p99_ms": [rows[s]["p99_ms"] for s in sizes],
        "p99_growth_per_doubling": round(statistics.geometric_mean(growth), 2) if growth else None,
        "largest_open_s": largest["open_s"],
        "largest_rss_after_open_mb": largest["rss_after_open_mb"],
        "largest_rss_after_queries_mb": largest["rss_after_queries_mb"],
        "largest_build_s": largest["build_s"],
        "typo_recall": [rows[s]["typo_recall"] for s in sizes],
        "baseline_decode_all_s": largest.get("baseline_decode_all_s"),
        "open_vs_decode_all": round(largest["open_s"] / largest["baseline_decode_all_s"], 4)
        if largest.get("baseline_decode_all_s") else None,
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
