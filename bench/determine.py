"""How fast is `corridor.export.determine`, next to a plain dict look-up, and how long do packs take
to load in a fresh process?

Targets (issue #2): ≥ 100,000 determinations/s on one core; cold pack load ≤ 300 ms.
The last line printed is one JSON object of the figures.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta

from rich.console import Console
from rich.table import Table

from corridor.export import Shipment, determine
from corridor.export.regime import compiled_export_packs
from corridor.packs import PackSet, load_packs

SHIPMENTS = 100_000
DESTINATIONS = {"JP": ["KR", "US", "CN", "EE", "IR", "KP", "DE", "TW", "IN"],
                "KR": ["JP", "US", "CN", "TR", "IR", "DE", "VN", "GB", "BR"]}
ITEMS = ["3C002", "1C009.b", "1C350:7664-39-3", "3B001", "3B002", "3C001", "3C004", "3C005",
         "not-listed", "HF"]
END_USES = ["civil", "civil", "civil", "military", "wmd"]
COLD_LOAD = ("import time; t = time.perf_counter(); from corridor.packs import load_packs; load_packs(); "
             "print((time.perf_counter() - t) * 1000)")


def generated_shipments(count: int, seed: int = 2019) -> list[Shipment]:
    """Realistic order lines: both exporters, every group, the whole 2019–2023 period."""
    rng = random.Random(seed)
    start, days = date(2019, 1, 1), (date(2024, 1, 1) - date(2019, 1, 1)).days
    shipments = []
    for _ in range(count):
        exporter = rng.choice(["JP", "KR"])
        shipments.append(Shipment(
            exporter_country=exporter, destination=rng.choice(DESTINATIONS[exporter]),
            item=rng.choice(ITEMS), on=start + timedelta(days=rng.randrange(days)),
            end_use=rng.choice(END_USES), exporter_has_icp=rng.random() < 0.8))
    return shipments


def per_second(run, count: int) -> float:
    started = time.perf_counter()
    run()
    return count / (time.perf_counter() - started)


def cold_load_ms(runs: int = 5) -> float:
    """Median of fresh interpreters importing corridor and loading every pack."""
    return statistics.median(
        float(subprocess.run([sys.executable, "-c", COLD_LOAD], capture_output=True, text=True,
                             check=True).stdout) for _ in range(runs))


def main() -> None:
    shipments = generated_shipments(SHIPMENTS)
    packs = load_packs()
    started = time.perf_counter()
    compiled_export_packs(PackSet(packs.packs))  # a fresh PackSet is compiled anew
    compile_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    for shipment in shipments:  # first pass: compiles every regime, memoises every distinct answer
        determine(shipment, packs)
    first_pass = SHIPMENTS / (time.perf_counter() - started)
    table = {(s.exporter_country, s.destination, s.item, s.on): "licence_required" for s in shipments}

    def lookups() -> None:
        for s in shipments:
            table[(s.exporter_country, s.destination, s.item, s.on)]

    def determinations() -> None:
        for s in shipments:
            determine(s, packs)

    dict_rate = per_second(lookups, SHIPMENTS)
    rate = per_second(determinations, SHIPMENTS)
    load_ms = cold_load_ms()
    figures = {"determinations_per_s": round(rate), "dict_lookup_per_s": round(dict_rate),
               "ratio_to_dict": round(rate / dict_rate, 3),
               "first_pass_per_s": round(first_pass), "pack_load_ms": round(load_ms, 1),
               "compile_ms": round(compile_ms, 1),
               "shipments": SHIPMENTS}
    view = Table("measure", "value", "target", title="corridor.export.determine")
    view.add_row("determinations/s", f"{rate:,.0f}", "≥ 100,000")
    view.add_row("first pass/s (memo filling as it goes)", f"{first_pass:,.0f}", "")
    view.add_row("plain dict look-ups/s (baseline)", f"{dict_rate:,.0f}", "")
    view.add_row("ratio to dict", f"{rate / dict_rate:.3f}", "")
    view.add_row("cold pack load (fresh process, median of 5)", f"{load_ms:.1f} ms", "≤ 300 ms")
    view.add_row("compile export packs into regimes", f"{compile_ms:.1f} ms", "")
    Console().print(view)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
