"""The question a traveller (or their travel manager) asks, and the answer corridor gives.

The answer follows Sherpa's requirements API, which travel managers already read: each
requirement has a `category`, an `enforcement`, a `documentType`, a `testWindow` and its
`startDate`/`endDate` and `source`. The top-level verdict is three-valued like Riskline's
`is_travel_possible`, plus the two shades a border really has: "denied unless special
circumstances" and "not covered by the packs". Fields may be added, never renamed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from corridor.packs.schema.base import CountryCode
from corridor.packs.schema.entry import (
    Category,
    Effect,
    MovementLimits,
    Purpose,
    QuarantineTerms,
    ResidenceStatus,
    SponsorDocument,
    TestType,
    TestWindow,
    Track,
)

Verdict = Literal["allowed", "allowed_with_conditions", "denied", "denied_unless_exempt", "not_covered"]
RequirementStatus = Literal["met", "missing", "to_do"]


class _Input(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TestTaken(_Input):
    """A COVID-19 test the traveller has taken: its type and when the sample was taken."""

    __test__ = False  # a domain name, not a pytest test class

    type: TestType
    taken_at: datetime


class PlaceStayed(_Input):
    """A country, optionally a region of it, where the traveller stayed until `last_day`.

    `region` is an ISO 3166-2 code or name (Daegu, KR-27) or a county/city a pack names
    (Cheongdo-gun). Without `last_day` the stay is taken to run up to departure.
    """

    country: CountryCode
    region: str | None = None
    last_day: date | None = None


class Traveller(_Input):
    """Who is crossing. Residence status is the one held in `residence_country`."""

    nationality: CountryCode
    purpose: Purpose
    residence_country: CountryCode | None = None
    residence_status: ResidenceStatus | None = None
    reentry_permit: bool = False
    left_on: date | None = None
    visa_issued: date | None = None
    track: Track | None = None
    documents: list[SponsorDocument] = Field(default_factory=list)
    vaccine_doses: int = Field(default=0, ge=0)
    tests: list[TestTaken] = Field(default_factory=list)


class Trip(_Input):
    """One crossing, in local wall-clock times (Japan and Korea share UTC+9).

    The origin country counts as a place stayed up to departure; `stayed` adds earlier
    countries and the regions within them that rules name.
    """

    origin: CountryCode
    destination: CountryCode
    departure: datetime
    arrival: datetime
    stayed: list[PlaceStayed] = Field(default_factory=list)


class Requirement(BaseModel):
    """One thing to hold, take or do, and whether the traveller's input shows it done."""

    model_config = ConfigDict(populate_by_name=True)

    rule: str
    category: Category
    enforcement: Literal["mandatory", "recommended"]
    summary: str
    document_type: str | None = Field(default=None, serialization_alias="documentType")
    test_window: TestWindow | None = Field(default=None, serialization_alias="testWindow")
    quarantine: QuarantineTerms | None = None
    movement: MovementLimits | None = None
    start_date: date = Field(serialization_alias="startDate")
    end_date: date | None = Field(default=None, serialization_alias="endDate")
    source: str | None = None
    status: RequirementStatus
    status_reason: str | None = None
    note: str | None = None


class RuleConsidered(BaseModel):
    """A rule in force on the arrival day: what it did, or why it did not apply."""

    id: str
    effect: Effect
    summary: str
    applied: bool
    reason: str | None = None
    valid_from: date
    valid_to: date | None = None
    sources: list[str] = Field(default_factory=list)
    note: str | None = None


class EntryAnswer(BaseModel):
    """The answer for one crossing, as of `on` (the arrival day, local time)."""

    traveller: Traveller
    trip: Trip
    on: date
    verdict: Verdict
    requirements: list[Requirement]
    quarantine_days: int | None
    stay_days: int | None = None
    rules: list[RuleConsidered]
    sources: list[str]
    notes: list[str] = Field(default_factory=list)
    pack_version: str | None = None
    explanation: str = ""


class EntryInputError(ValueError):
    """Input that cannot describe a real crossing; names the field, the value, what is accepted."""

    def __init__(self, field: str, value: object, message: str) -> None:
        self.field, self.value = field, value
        super().__init__(f"{field}: {value!r} — {message}")
