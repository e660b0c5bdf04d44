"""The dated changes that packs record, for one pair of countries, across every domain.

A fact that starts after its pack's coverage begins is a change on that day; one that ends
is a change on its `to` day. Facts in force from the start of coverage are the baseline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from corridor.packs.registry import PackSet
from corridor.packs.schema.base import Fact, Source


@dataclass(frozen=True, order=True)
class PackChange:
    day: date
    jurisdiction: str
    domain: str
    kind: Literal["starts", "ends"]
    fact_id: str
    summary: str = field(compare=False)
    sources: tuple[Source, ...] = field(compare=False, default=())
    note: str | None = field(compare=False, default=None)


def pair_changes(
    packs: PackSet, first: str, second: str, since: date | None = None, until: date | None = None
) -> list[PackChange]:
    """Changes in the packs of either country (or of the pair) that concern the other one."""
    changes: list[PackChange] = []
    for pack in packs:
        jurisdictions = set(pack.meta.jurisdiction.upper().split("-"))
        if not jurisdictions & {first, second}:
            continue
        others = ({first, second} - jurisdictions) or {first, second}
        for fact in pack.facts():
            if any(fact.mentions(c) for c in others):
                changes.extend(_changes_of(fact, pack.meta.jurisdiction, pack.meta.domain,
                                           pack.meta.covers_from))
    return sorted(c for c in changes if (not since or c.day >= since) and (not until or c.day <= until))


def _changes_of(fact: Fact, jurisdiction: str, domain: str, baseline: date) -> list[PackChange]:
    found = []
    if fact.valid_from > baseline:
        found.append(PackChange(fact.valid_from, jurisdiction, domain, "starts", fact.id,
                                fact.summary, tuple(fact.sources), fact.note))
    if fact.valid_to:
        found.append(PackChange(fact.valid_to, jurisdiction, domain, "ends", fact.id,
                                fact.summary, tuple(fact.sources), fact.note))
    return found
