"""Which dated pack changes matter for one item: the timeline behind `corridor timeline --item`.

A country-group change matters to every item; a measure or control-list entry matters only to
the items it names. Changes of other domains (entry, relations) are kept: they are context.
"""

from __future__ import annotations

from corridor.export.regime import compiled_export_packs
from corridor.packs.countries import check_country
from corridor.packs.registry import PackSet
from corridor.packs.schema.base import Fact
from corridor.packs.schema.export import ControlEntry, Measure
from corridor.packs.timeline import PackChange


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
