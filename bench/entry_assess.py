"""How fast is `corridor.entry.assess`, next to merely validating its input?

The baseline is building the same `Traveller` and `Trip` models from plain data (what every
caller pays anyway); the ratio says how much the rule evaluation adds on top. Travellers are
drawn from both directions, every purpose and track, and the nationalities the packs hold visa
rules for, over 2018-01-01 to the end of 2026.
The last line printed is one JSON object of the figures.
"""

from __future__ import annotations

import json
import random
import time
from datetime import date, timedelta

from rich.console import Console
from rich.table import Table

from corridor.entry import Traveller, Trip, assess
from corridor.packs import load_packs
from corridor.packs.schema.entry import PURPOSES, TRACKS

CASES = 5_000
PLACES = [None, "Daegu", "Cheongdo-gun", "Gyeongsan", "Seoul", "Busan"]
DOCUMENTS = [[], ["pledge"], ["pledge", "activity_plan"]]


def generated_cases(count: int, seed: int = 2020) -> list[tuple[dict, dict]]:
    rng = random.Random(seed)
    start, days = date(2018, 1, 1), (date(2027, 1, 1) - date(2018, 1, 1)).days
    cases = []
    for _ in range(count):
        day = start + timedelta(days=rng.randrange(days))
        to = rng.choice(["JP", "KR"])
        origin = "KR" if to == "JP" else "JP"
        region = rng.choice(PLACES) if origin == "KR" else None
        traveller = {
            "nationality": rng.choice(["JP", "KR", "US", "DE", "IE", "CN"]), "purpose": rng.choice(PURPOSES),
            "track": rng.choice([None, *TRACKS]), "documents": rng.choice(DOCUMENTS),
            "vaccine_doses": rng.randrange(4),
            "visa_issued": (day - timedelta(days=rng.randrange(400))).isoformat(),
            "tests": [{"type": rng.choice(["PCR", "antigen"]), "taken_at": f"{day - timedelta(1)}T10:00"}],
        }
        trip = {"origin": origin, "destination": to, "departure": f"{day}T09:00", "arrival": f"{day}T11:30",
                "stayed": [{"country": "KR", "region": region}] if region else []}
        cases.append((traveller, trip))
    return cases


def per_second(run, count: int) -> float:
    started = time.perf_counter()
    run()
    return count / (time.perf_counter() - started)


def main() -> None:
    cases = generated_cases(CASES)
    packs = load_packs()
    built = [(Traveller.model_validate(t), Trip.model_validate(p)) for t, p in cases]

    def validations() -> None:
        for traveller, trip in cases:
            Traveller.model_validate(traveller)
            Trip.model_validate(trip)

    def assessments() -> None:
        for traveller, trip in built:
            assess(traveller, trip, packs)

    baseline = per_second(validations, CASES)
    rate = per_second(assessments, CASES)
    figures = {"assessments_per_s": round(rate), "input_validations_per_s": round(baseline),
               "ratio_to_validation": round(rate / baseline, 3), "cases": CASES}
    view = Table("measure", "value", title="corridor.entry.assess")
    view.add_row("assessments/s", f"{rate:,.0f}")
    view.add_row("input validations/s (baseline)", f"{baseline:,.0f}")
    view.add_row("ratio to baseline", f"{rate / baseline:.3f}")
    Console().print(view)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
