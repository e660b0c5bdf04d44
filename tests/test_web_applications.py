"""The application page's flat form fields become the workflow's form without losing a line."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from corridor.web.applications import form_from_fields

ITEM = {"control_number": "3C002", "description": "EUV photoresist", "quantity": "100", "unit": "kg",
        "value": "5000000", "currency": "JPY"}


def fields(**extra: str) -> dict[str, str]:
    items = [ITEM, {**ITEM, "control_number": "3C003"}]
    rows = {f"items.{row}.{name}": value for row, item in enumerate(items) for name, value in item.items()}
    blank = {f"items.2.{name}": "" for name in ITEM}
    parties = {"applicant.name": "JSR", "applicant.country": "jp", "purchaser.name": ""}
    return {**parties, **rows, **blank, **extra}


def test_every_item_row_is_kept_in_order_and_the_blank_row_is_ignored():
    form = form_from_fields(fields(), [])
    assert [i.control_number for i in form.items] == ["3C002", "3C003"]
    assert form.applicant.country == "JP" and form.purchaser is None


def test_a_bad_amount_names_the_item_row_and_field():
    with pytest.raises(ValidationError) as failure:
        form_from_fields(fields(**{"items.1.quantity": "-5"}), [])
    assert failure.value.errors()[0]["loc"][:3] == ("items", 1, "quantity")
