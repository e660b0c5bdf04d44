"""The question a compliance officer asks, and the answer corridor gives.

The JSON shape of `Determination` is a public contract (`corridor check --json`, the API's
`/check`, stored with every licence application): fields may be added, never renamed.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Outcome = Literal["no_licence_required", "licence_required", "prohibited", "not_covered"]
EndUse = Literal["civil", "military", "wmd"]
# Catch-all reaches goods on no list (`applies` outside the exempt groups, else `exempt`); a listed
# item is decided by list control alone (`not_applicable`).
CatchAllScope = Literal["applies", "exempt", "not_applicable"]


class Shipment(BaseModel):
    """One order line: what goes where, from which regime, on which day, for what end use."""

    model_config = ConfigDict(frozen=True)

    exporter_country: str
    destination: str
    item: str
    on: date = Field(default_factory=date.today, description="day of export; today when omitted")
    end_use: EndUse = "civil"
    exporter_has_icp: bool = True


class RuleTrace(BaseModel):
    """One rule the engine looked at: what it did to the answer, or why it did not apply."""

    id: str
    effect: str
    applied: bool = True
    reason: str | None = None
    source: str | None = None


class ClosedLicence(BaseModel):
    id: str
    reason: str


class LicenceTypes(BaseModel):
    open: list[str]
    closed: list[ClosedLicence]


class ChildAnswer(BaseModel):
    """A sub-entry whose answer differs from the one given for its parent number."""

    item: str
    summary: str
    outcome: Outcome
    open: list[str]


class Determination(BaseModel):
    shipment: Shipment
    outcome: Outcome
    destination_group: str | None
    licence_types: LicenceTypes
    review_days: int | None
    catch_all: CatchAllScope | None
    rules: list[RuleTrace]
    sources: list[str]
    pack_version: str | None = None
    explanation: str = ""
    # Added by the export engine: the exporter's legal reference for the item, the number of
    # documents an individual application needs, and the conditions of each open licence type.
    item_reference: str | None = None
    documents: int | None = None
    licence_conditions: dict[str, str] = {}
    # For a parent number (`3C002`, `1C350`): the sub-entries that decide otherwise than the
    # answer above; empty when every sub-entry decides alike.
    children: list[ChildAnswer] = []
