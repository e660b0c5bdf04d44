"""Legal cases of the export packs, one YAML file each under scenarios/export/.

Each file reads like the law: the shipment, the day, and what the law then required — outcome,
destination group, licence types open and closed, review period, catch-all, and the rules that
must appear in the trace as applied (or considered and not applied).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from corridor.export import Shipment, determine

SCENARIOS = sorted((Path(__file__).parent / "scenarios" / "export").glob("*.yaml"))


def test_there_are_enough_scenarios_to_cover_the_history() -> None:
    assert len(SCENARIOS) >= 40


@pytest.mark.parametrize("file", SCENARIOS, ids=[f.stem for f in SCENARIOS])
def test_scenario(file: Path) -> None:
    case = yaml.safe_load(file.read_text(encoding="utf-8"))
    given, expect = case["input"], case["expect"]
    answer = determine(Shipment(
        exporter_country=given["from"], destination=given["to"], item=given["item"],
        on=date.fromisoformat(given["on"]), end_use=given.get("end_use", "civil"),
        exporter_has_icp=given.get("icp", True)))
    applied = {r.id for r in answer.rules if r.applied}
    considered = {r.id for r in answer.rules if not r.applied}
    assert (answer.outcome, answer.destination_group) == (expect["outcome"], expect["destination_group"])
    assert sorted(answer.licence_types.open) == sorted(expect["open"])
    assert sorted(c.id for c in answer.licence_types.closed) == sorted(expect["closed"])
    assert answer.review_days == expect["review_days"]
    assert answer.catch_all == expect["catch_all"]
    assert set(expect["rules"]) <= applied, f"missing applied rules; trace has {sorted(applied)}"
    assert set(expect.get("rules_not_applied", [])) <= considered
    if "documents" in expect:
        assert answer.documents == expect["documents"]
    if answer.outcome != "not_covered":
        assert answer.sources and all(r.source for r in answer.rules if r.applied)
    _answer_agrees_with_itself(answer)
    for words in expect.get("explanation_mentions", []):
        assert words in answer.explanation, answer.explanation


def _answer_agrees_with_itself(answer) -> None:
    """The summary fields say what the rule rows say: catch-all, group and review days."""
    catch_all_rows = [r for r in answer.rules if r.effect.startswith(("catch-all", "licence required: "))
                      and r.id.startswith(("jp-catch-all", "kr-catch-all", "catch-all"))]
    if answer.catch_all == "applies":
        assert not any("item is listed" in (r.reason or "") for r in catch_all_rows), answer.rules
    if answer.catch_all == "not_applicable":
        assert any(r.applied and "is listed" in r.effect for r in answer.rules), "only listed items"
    if answer.outcome == "not_covered":
        assert (answer.destination_group, answer.catch_all, answer.review_days) == (None, None, None)
        assert answer.explanation.startswith("Not covered: ") and "None" not in answer.explanation
