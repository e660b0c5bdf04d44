"""The bilateral record: rulings, decisions, complaints and meetings that move the rules.

These are not rules themselves, but they explain when and why the rules changed, and news
events are checked against them. A fact that happened on one day (a ruling, a summit) holds
from that day on (`to` left open); a state that lasted (a termination notice pending, a WTO
case open) carries its `to`. The event vocabulary is shared with the news extractor, so a
reported event and a pack fact can be compared kind for kind.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from corridor.packs.schema.base import CountryCode, Fact, Source, Strict

EventType = Literal[
    "export_restriction_imposed",
    "export_restriction_eased",
    "export_restriction_lifted",
    "whitelist_removed",
    "whitelist_restored",
    "licence_approved",
    "licence_denied",
    "entry_restriction_imposed",
    "entry_restriction_eased",
    "travel_corridor_opened",
    "travel_corridor_suspended",
    "talks_held",
    "summit_held",
    "business_meeting_held",
    "agreement_reached",
    "investment_requested",
    "court_ruling",
    "trade_complaint_filed",
    "trade_complaint_withdrawn",
    "security_pact_decision",
    "boycott_reported",
    "survey_reported",
    "trade_figure_reported",
    # pack-only: a government's announced plan that is neither an agreement nor a ruling
    "plan_announced",
]


class Participant(Strict):
    """A person or organisation taking part, with the role the sources give it."""

    name: str
    role: str | None = None
    country: CountryCode | None = None


class RelationsEvent(Fact):
    """One dated step of the record: who did what to whom, and the sources that say so."""

    kind: EventType
    actor: CountryCode | None = None
    target: CountryCode | None = None
    participants: list[Participant] = Field(default_factory=list)
    place: str | None = None

    def mentions(self, country: str) -> bool:
        named = {self.actor, self.target} | {p.country for p in self.participants}
        return country.upper() in named


class ReferenceRate(Strict):
    """A monthly average exchange rate, the yardstick for figures a report gives in two currencies."""

    month: str = Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    base: str = "USD"
    quote: str = "JPY"
    rate: float = Field(gt=0)
    sources: list[Source] = Field(min_length=1)
    note: str | None = None


class RelationsRecord(Strict):
    """`events/` (one file per step of the record) and `reference_rates.yaml`."""

    events: list[RelationsEvent] = Field(default_factory=list)
    reference_rates: list[ReferenceRate] = Field(default_factory=list)

    def lint(self) -> list[tuple[str, str | None, str]]:
        """A month quoted twice makes a figure check ambiguous; an event naming neither side is
        invisible on a country-pair timeline."""
        findings: list[tuple[str, str | None, str]] = []
        seen: set[tuple[str, str, str]] = set()
        for rate in self.reference_rates:
            key = (rate.month, rate.base, rate.quote)
            if key in seen:
                findings.append(
                    ("error", None, f"reference rate {rate.base}/{rate.quote} for {rate.month} given twice")
                )
            seen.add(key)
        for event in self.events:
            if not event.actor and not event.target and not any(p.country for p in event.participants):
                findings.append(("warning", event.id, "names no country; no pair timeline shows it"))
        return findings

    def rates(self, base: str = "USD", quote: str = "JPY") -> dict[dt.date, float]:
        """Monthly rates keyed by the first day of the month, for the figure checks."""
        return {
            dt.date.fromisoformat(f"{r.month}-01"): r.rate
            for r in self.reference_rates
            if r.base == base and r.quote == quote
        }
