"""Entry rules: who may cross a border on a given day, and on what conditions.

A rule reads like the measure it encodes: *when* a traveller matches its conditions (places
stayed within N days, nationality, purpose, residence and re-entry permit, track and sponsor
documents, vaccine doses), its *effect* applies — deny landing, deny unless special
circumstances, require documents/tests/quarantine, admit under a scheme that lifts other
rules, or allow (a visa waiver) — *unless* one of its listed exceptions matches. Conditions
are conjunctive; a field left out does not restrict. The vocabulary of requirements follows
Sherpa's requirements API (category, enforcement, documentType, testWindow) so travel
managers recognise it.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import pycountry
from pydantic import Field

from corridor.packs.schema.base import CountryCode, Fact, Source, Strict

Purpose = Literal[
    "tourism", "business", "long_term_work", "study", "medical", "education_faculty", "diplomatic"
]
PURPOSES: tuple[str, ...] = Purpose.__args__
ResidenceStatus = Literal["permanent_resident", "long_term_resident", "spouse_or_child_of_national"]
RESIDENCE_STATUSES: tuple[str, ...] = ResidenceStatus.__args__
Track = Literal["business", "residence"]
TRACKS: tuple[str, ...] = Track.__args__
SponsorDocument = Literal["pledge", "activity_plan"]
SPONSOR_DOCUMENTS: tuple[str, ...] = SponsorDocument.__args__
TestType = Literal["PCR", "LAMP", "antigen"]
TEST_TYPES: tuple[str, ...] = TestType.__args__
Category = Literal["visa", "document", "test", "quarantine", "movement", "insurance", "app"]
Effect = Literal["deny", "deny_unless_exempt", "require", "admit", "allow"]


class Place(Strict):
    """A county or city that a rule names but ISO 3166-2 does not list (e.g. Cheongdo-gun).

    `id` is `<parent ISO subdivision>:<name>`; the parent is the province it belonged to
    when the rule was made (boundaries move: Gunwi-gun joined Daegu in 2023).
    """

    id: str
    name: str
    parent: str
    aliases: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    note: str | None = None

    @property
    def country(self) -> str:
        return self.parent.split("-")[0]


class Condition(Strict):
    """Who a rule, an exception or a requirement concerns; every given field must hold."""

    stayed_in: list[str] | None = None
    within_days: int = 14
    departing_from: list[CountryCode] | None = None
    nationality: list[CountryCode] | None = None
    nationality_not: list[CountryCode] | None = None
    purpose: list[Purpose] | None = None
    residence_status: list[ResidenceStatus] | None = None
    reentry_permit: bool | None = None
    left_before: dt.date | None = None
    left_on_or_after: dt.date | None = None
    track: list[Track] | None = None
    documents: list[SponsorDocument] | None = None
    vaccine_doses_at_least: int | None = None
    vaccine_doses_below: int | None = None

    def countries_named(self) -> set[str]:
        places = {p.split(":")[0].split("-")[0] for p in self.stayed_in or []}
        return places | set(self.nationality or []) | set(self.departing_from or [])


class TestWindow(Strict):
    """When a test counts: `hours` before departure, or on arrival (at the airport)."""

    anchor: Literal["before_departure", "on_arrival"]
    hours: int | None = None
    test_types: list[TestType] | None = None


class QuarantineTerms(Strict):
    """`days` is None where the duration is not in our sources (the note says so)."""

    days: int | None
    place: str
    mandate: Literal["requested", "mandatory"]


class MovementLimits(Strict):
    days: int
    limits: list[str]


class RequirementRule(Strict):
    """One thing a traveller must hold, take or do; `when` narrows it to some travellers."""

    category: Category
    enforcement: Literal["mandatory", "recommended"] = "mandatory"
    summary: str
    document_type: str | None = None
    test_window: TestWindow | None = None
    quarantine: QuarantineTerms | None = None
    movement: MovementLimits | None = None
    visa_issued_on_or_after: dt.date | None = None
    when: Condition | None = None
    note: str | None = None


class Exemption(Strict):
    """An exception to a rule: `exempt` lifts it, `case_by_case` leaves only special permission."""

    id: str
    summary: str
    when: Condition
    outcome: Literal["exempt", "case_by_case"] = "exempt"
    note: str | None = None


class EntryRule(Fact):
    """A dated entry measure of the destination country."""

    effect: Effect
    when: Condition = Field(default_factory=Condition)
    unless: list[Exemption] = Field(default_factory=list)
    lifts: list[str] = Field(default_factory=list)
    requirements: list[RequirementRule] = Field(default_factory=list)
    stay_days: int | None = None

    def mentions(self, country: str) -> bool:
        named = self.when.countries_named()
        if named:
            return country in named
        return country not in (self.when.nationality_not or [])


class EntryRules(Strict):
    """A jurisdiction's entry pack: its rules, and the local places those rules name."""

    rules: list[EntryRule]
    places: list[Place] = Field(default_factory=list)

    def lint(self) -> list[tuple[Literal["error", "warning"], str | None, str]]:
        """Unknown place names and `lifts` pointing at no rule would silently never match."""
        ids = {r.id for r in self.rules}
        findings: list[tuple[Literal["error", "warning"], str | None, str]] = []
        known_places = {p.id for p in self.places}
        for rule in self.rules:
            findings += [("error", rule.id, f"lifts unknown rule {t!r}") for t in rule.lifts if t not in ids]
            for place in _places_named(rule):
                if place not in known_places and not _is_iso_place(place):
                    findings.append(("error", rule.id, f"stayed_in names unknown place {place!r}"))
        for place in self.places:
            if not _is_iso_place(place.parent):
                findings.append(("error", None, f"place {place.id}: unknown parent {place.parent!r}"))
        return findings


def _places_named(rule: EntryRule) -> set[str]:
    conditions = [rule.when, *(e.when for e in rule.unless), *(r.when for r in rule.requirements if r.when)]
    return {p for c in conditions for p in c.stayed_in or []}


def _is_iso_place(code: str) -> bool:
    """A country (ISO 3166-1) or a subdivision (ISO 3166-2) code."""
    if "-" in code:
        return pycountry.subdivisions.get(code=code) is not None
    return pycountry.countries.get(alpha_2=code) is not None
