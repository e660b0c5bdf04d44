"""Whether a shipment may be drawn down against a licence, and what is left afterwards.

A licence is used up by quantity and by value; a shipment outside the validity, to another
country or of an item the licence does not name is refused, with the reason, before any
balance changes. The caller holds the licence's lock while it asks (see `service`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from corridor.licences.errors import DrawdownRefused
from corridor.licences.forms import Amount, Code, CountryCode, Name, PositiveAmount
from corridor.licences.workflow import LicenceTerms


class Shipment(BaseModel):
    """One shipment against a licence: how much, worth how much, where, when."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    quantity: PositiveAmount
    value: Amount
    # `to`, `on` and `item` as everywhere else (docs/vocabulary.md); the old names are still accepted.
    destination: CountryCode = Field(validation_alias=AliasChoices("to", "destination"))
    shipped_on: date = Field(validation_alias=AliasChoices("on", "shipped_on"))
    control_number: Code | None = Field(default=None, description="must be one the licence covers",
                                        validation_alias=AliasChoices("item", "control_number"))
    reference: Name | None = Field(default=None, description="invoice or shipment number")


class Balance(BaseModel):
    """What has been drawn so far and what remains (None: the licence sets no such limit)."""

    quantity_used: Decimal
    value_used: Decimal
    quantity_left: Decimal | None
    value_left: Decimal | None


def balance(terms: LicenceTerms, quantity_used: Decimal, value_used: Decimal) -> Balance:
    return Balance(
        quantity_used=quantity_used, value_used=value_used,
        quantity_left=None if terms.quantity_limit is None else terms.quantity_limit - quantity_used,
        value_left=None if terms.value_limit is None else terms.value_limit - value_used)


def check_drawdown(terms: LicenceTerms, before: Balance, shipment: Shipment) -> Balance:
    """The balance after `shipment`, or DrawdownRefused naming the first reason it is not covered."""
    if shipment.shipped_on < terms.issued_on:
        _refuse("shipped_on", f"licence {terms.number} is valid from {terms.issued_on}", shipment.shipped_on)
    if shipment.shipped_on > terms.valid_until:
        _refuse("shipped_on", f"licence {terms.number} expired after {terms.valid_until}",
                shipment.shipped_on)
    if shipment.destination != terms.destination:
        _refuse("destination", f"licence {terms.number} covers exports to {terms.destination} only",
                shipment.destination)
    if shipment.control_number and shipment.control_number not in terms.control_numbers:
        _refuse("control_number", f"licence {terms.number} covers {', '.join(terms.control_numbers)}",
                shipment.control_number)
    _within("quantity", before.quantity_left, shipment.quantity, terms.unit, terms.number)
    _within("value", before.value_left, shipment.value, terms.currency, terms.number)
    return balance(terms, before.quantity_used + shipment.quantity, before.value_used + shipment.value)


def _within(field: str, left: Decimal | None, wanted: Decimal, measure: str | None, number: str) -> None:
    if left is not None and wanted > left:
        reason = "exhausted" if left <= 0 else f"only {left} {measure or ''} left".rstrip()
        _refuse(field, f"licence {number} {reason}; shipment needs {wanted}", str(wanted))


def _refuse(field: str, reason: str, value: object) -> None:
    raise DrawdownRefused(field, reason, value if isinstance(value, str) else str(value))
