"""Tie each reported event to the pack facts it corroborates, or mark it for a reviewer.

A report that Japan removed Korea from its white list on 2 August corroborates the relations
fact of that day and the export-pack change it announced for 28 August. A reported event no
pack holds is a proposed amendment: someone has to decide whether the pack is missing a fact.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from corridor.news.events import Event
from corridor.packs.registry import PackSet
from corridor.packs.schema.base import Fact

RULE_DOMAINS = {
    "export": ("export_restriction", "whitelist", "licence"),
    "entry": ("entry_restriction", "travel_corridor"),
}
ANNOUNCED_AHEAD = timedelta(days=92)  # an undated announcement looks this far ahead for its change
SLACK = {
    "day": timedelta(days=3),
    "week": timedelta(days=7),
    "month": timedelta(days=31),
    "year": timedelta(days=366),
}


def link_events(events: list[Event], packs: PackSet) -> list[Event]:
    """Each event with `pack_links` filled; unmatched policy events flagged `proposed_amendment`."""
    facts = [
        (pack.key, frozenset(pack.meta.jurisdiction.upper().split("-")), pack.meta.domain, fact)
        for pack in packs
        for fact in pack.facts()
    ]
    return [_linked(event, facts) for event in events]


def _linked(event: Event, facts: list[tuple[str, frozenset[str], str, Fact]]) -> Event:
    links = [
        {
            "pack": key,
            "fact": fact.id,
            "relation": "corroborates",
            "fact_date": day.isoformat(),
            "summary": fact.summary,
        }
        for key, jurisdictions, domain, fact in facts
        if _concerns(event, jurisdictions, fact) and (day := _matching_day(event, domain, fact))
    ]
    flags = list(event.flags)
    if not links and _is_policy(event):
        flags.append(
            {
                "kind": "proposed_amendment",
                "message": f"no pack fact matches this {event.type.replace('_', ' ')}; "
                "review it as a proposed pack amendment",
            }
        )
    return replace(event, pack_links=links, flags=flags)


def _concerns(event: Event, jurisdictions: frozenset[str], fact: Fact) -> bool:
    """The event's actor is the pack's jurisdiction (a country changes its own rules), and its
    target is the jurisdiction too (a bilateral pack) or named by the fact."""
    if event.actor not in jurisdictions:
        return False
    return event.target is None or event.target in jurisdictions or fact.mentions(event.target)


def _matching_day(event: Event, domain: str, fact: Fact) -> date | None:
    """The fact's start or end day within the event date's precision, if the kinds agree."""
    kind = getattr(fact, "kind", None)
    if kind is not None:
        candidates = [fact.valid_from] if kind == event.type else []
    elif any(event.type.startswith(prefix) for prefix in RULE_DOMAINS.get(domain, ())):
        candidates = [d for d in (fact.valid_from, fact.valid_to) if d]
    else:
        candidates = []
    if event.date_precision not in SLACK:  # an undated report cannot confirm a dated fact
        return None
    slack = SLACK[event.date_precision]
    start = event.date
    ahead = slack + _period(event) + (ANNOUNCED_AHEAD if _undated_announcement(event) else timedelta(0))
    return next((d for d in candidates if start - slack <= d <= start + ahead), None)


def _undated_announcement(event: Event) -> bool:
    """ "Japan will lift the curbs", with no date: the change it announces comes later."""
    return not event.happened and any(f["kind"] == "date_from_publication" for f in event.flags)


def _period(event: Event) -> timedelta:
    """A month or year reference covers the whole period it names."""
    return {"month": timedelta(days=30), "year": timedelta(days=365), "week": timedelta(days=6)}.get(
        event.date_precision, timedelta(0)
    )


def _is_policy(event: Event) -> bool:
    return event.type not in {"trade_figure_reported", "survey_reported"}
