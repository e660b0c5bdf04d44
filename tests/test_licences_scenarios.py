"""Drawdown scenarios in YAML (tests/scenarios/licences): a licence, shipments in order, and for
each refused one the field and the reason. A compliance officer can review them without Python."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from corridor.licences.drawdown import Shipment, balance, check_drawdown
from corridor.licences.errors import DrawdownRefused
from corridor.licences.workflow import LicenceTerms

SCENARIOS = sorted((Path(__file__).parent / "scenarios" / "licences").glob("*.yaml"))


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_drawdown_scenario(path: Path) -> None:
    scenario = yaml.safe_load(path.read_text())
    terms = LicenceTerms.model_validate({**scenario["licence"], "application_id": 1})
    current = balance(terms, Decimal(0), Decimal(0))
    for step in scenario["shipments"]:
        refused, reason = step.pop("refused", None), step.pop("reason", None)
        shipment = Shipment.model_validate({k: str(v) for k, v in step.items()})
        if refused is None:
            current = check_drawdown(terms, current, shipment)
            continue
        with pytest.raises(DrawdownRefused) as refusal:
            check_drawdown(terms, current, shipment)
        assert (refusal.value.field, reason in refusal.value.reason) == (refused, True), refusal.value.reason
