"""Drawdown arithmetic: both balances fall together and never go below zero. What is refused,
and why, is in the YAML scenarios (tests/scenarios/licences, test_licences_scenarios.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from corridor.licences.drawdown import Shipment, balance, check_drawdown
from corridor.licences.errors import DrawdownRefused
from corridor.licences.workflow import LicenceTerms

TERMS = LicenceTerms(number="JP-L-001", application_id=1, licence_type="individual", authority="METI",
                     destination="KR", control_numbers=["3C002"], issued_on=date(2019, 8, 7),
                     valid_until=date(2020, 2, 6), unit="kg", quantity_limit=Decimal(100), currency="JPY",
                     value_limit=Decimal(5_000_000))
FRESH = balance(TERMS, Decimal(0), Decimal(0))


def shipment(**changes) -> Shipment:
    fields = {"quantity": "10", "value": "500000", "destination": "KR", "shipped_on": "2019-09-01",
              "control_number": "3C002"}
    return Shipment.model_validate({**fields, **changes})


def test_drawdown_reduces_both_balances() -> None:
    after = check_drawdown(TERMS, FRESH, shipment())
    assert (after.quantity_left, after.value_left) == (Decimal(90), Decimal(4_500_000))


@given(st.lists(st.decimals(min_value=Decimal("0.0001"), max_value=Decimal(60), places=4), max_size=30))
def test_accepted_drawdowns_never_exceed_the_limit(quantities: list[Decimal]) -> None:
    current = FRESH
    for quantity in quantities:
        try:
            current = check_drawdown(TERMS, current, shipment(quantity=str(quantity), value="0"))
        except DrawdownRefused:
            assert quantity > current.quantity_left
    assert 0 <= current.quantity_used <= TERMS.quantity_limit
    assert current.quantity_left == TERMS.quantity_limit - current.quantity_used
