"""Legal behaviour of the entry packs, one YAML scenario per case (tests/scenarios/entry).

Each scenario names a traveller, a trip and what the law gave them that day: the verdict,
the quarantine, the rules that applied or were set aside, and the requirements with their
status (`category:status`) or categories that must be absent, and words the answer must
(`says`) or must never (`never_says`) show a traveller: explanation, notes and reasons.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from corridor.entry import Traveller, Trip, assess

SCENARIOS = sorted((Path(__file__).parent / "scenarios" / "entry").glob("*.yaml"))


def test_there_are_enough_scenarios() -> None:
    assert len(SCENARIOS) >= 90


@pytest.mark.parametrize("file", SCENARIOS, ids=lambda f: f.stem)
def test_scenario(file: Path) -> None:
    case = yaml.safe_load(file.read_text(encoding="utf-8"))
    expect = case["expect"]
    answer = assess(Traveller.model_validate(case["traveller"]), Trip.model_validate(case["trip"]))
    traces = {r.id: r for r in answer.rules}

    assert answer.verdict == expect["verdict"], answer.explanation
    if "quarantine_days" in expect:
        assert answer.quarantine_days == expect["quarantine_days"]
    if "stay_days" in expect:
        assert answer.stay_days == expect["stay_days"]
    for rule in expect.get("applied", []):
        assert rule in traces and traces[rule].applied, f"{rule} should apply: {traces.get(rule)}"
    for rule in expect.get("not_applied", []):
        assert rule not in traces or not traces[rule].applied, f"{rule} should not apply"
    held = {f"{r.category}:{r.status}" for r in answer.requirements}
    for wanted in expect.get("requirements", []):
        assert wanted in held, f"{wanted} not among {sorted(held)}"
    categories = {r.category for r in answer.requirements}
    for absent in expect.get("absent", []):
        assert absent not in categories, f"{absent} should not be required"
    reasons = [r.status_reason or "" for r in answer.requirements]
    shown = " ".join([answer.explanation, *answer.notes, *reasons])
    for words in expect.get("says", []):
        assert words in shown, f"{words!r} not in {shown!r}"
    for words in expect.get("never_says", []):
        assert words not in shown, f"{words!r} in {shown!r}"
    if any(r.applied for r in answer.rules):
        assert answer.sources, "every rule applied is cited"
