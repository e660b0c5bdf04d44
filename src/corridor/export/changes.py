"""The dated changes between two countries, optionally only those that matter for one item.

This is what `corridor timeline` and the API's `/timeline` both show. A country-group change
matters to every item; a measure or control-list entry only to the items it names. Changes of
other domains (entry, relations) are kept: they are the context of the export rules.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from corridor.export.regime import compiled_export_packs
from corridor.packs.countries import check_country
from corridor.packs.registry import PackSet, load_packs
from corridor.packs.schema.base import Fact
from corridor.packs.schema.export import ControlEntry, Measure
from corridor.packs.timeline import PackChange, pair_changes


def pair_timeline(first: str, second: str, item: str | None = None, since: date | None = None,
                  until: date | None = None, packs: PackSet | None = None) -> list[PackChange]:
    """Pack changes concerning both countries; with `item`, read by `first`'s control list."""
    if since and until and since > until:
        raise ValueError(f"since: {since.isoformat()} is after until {until.isoformat()}; "
                         "no day can be both (swap them?)")
    packs = load_packs() if packs is None else packs
    first, second = check_country(first, "from"), check_country(second, "to")
    changes = pair_changes(packs, first, second, since, until)
    return changes_for_item(packs, changes, first, item) if item else changes


def change_row(change: PackChange) -> dict[str, Any]:
    """One change as plain JSON-ready data: day, domain, jurisdiction, change, id, summary, sources, note."""
    return {"day": change.day.isoformat(), "domain": change.domain, "jurisdiction": change.jurisdiction,
            "change": change.kind, "id": change.fact_id, "summary": change.summary,
            "sources": [s.cite() for s in change.sources], "note": change.note}


def changes_for_item(packs: PackSet, changes: list[PackChange], exporter: str, item: str
                     ) -> list[PackChange]:
    """Drop the changes about other items; raise UnknownControlNumber for an unknown `item`."""
    exporter = check_country(exporter, "from")
    book = compiled_export_packs(packs).get(exporter)
    if book is None:
        raise ValueError(f"from: corridor has no export pack for {exporter}, so --item cannot be read")
    code = book.entry(item).code
    facts = {(p.meta.jurisdiction, p.meta.domain, f.id): f for p in packs for f in p.facts()}
    return [c for c in changes if _concerns(facts.get((c.jurisdiction, c.domain, c.fact_id)), code)]


def _concerns(fact: Fact | None, code: str) -> bool:
    if isinstance(fact, Measure):
        return code in fact.items
    if isinstance(fact, ControlEntry):
        return fact.code == code
    return True
