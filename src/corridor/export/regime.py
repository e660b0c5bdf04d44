"""A pack compiled into lookup tables, once per stretch of days on which none of its facts changes.

Between two consecutive change days every answer depends only on (destination, item, end use,
ICP), so each stretch is a `Regime` of plain dicts, and the engine's hot path is a bisect on the
date plus a few dictionary look-ups. Answers already given are memoised per regime.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from rapidfuzz import fuzz, process

from corridor.packs.catalogue import control_entries
from corridor.packs.registry import Pack, PackSet
from corridor.packs.schema.base import Fact
from corridor.packs.schema.export import (
    CatchAll,
    ControlEntry,
    CountryGroup,
    Embargo,
    ExportRules,
    LicenceType,
    Measure,
    OutsideScope,
)
from corridor.time import Interval

F = TypeVar("F", bound=Fact)


class UnknownControlNumber(ValueError):
    """An item the exporter's control list does not know; the message names the nearest entries."""

    def __init__(self, value: str, nearest: list[ControlEntry], field: str = "item") -> None:
        self.value, self.field, self.nearest = value, field, [e.code for e in nearest]
        hint = "; ".join(f"{e.code} ({e.summary})" for e in nearest)
        super().__init__(
            f"{field}: unknown control number {value!r}; nearest entries: {hint}. "
            "Use 'not-listed' for goods on no control list."
        )


def item_key(value: str) -> str:
    """How control numbers and aliases are compared: case and surrounding space do not matter."""
    return value.strip().upper()


@dataclass
class Regime:
    """One export pack as of `days`, during which none of its facts starts or ends."""

    pack: Pack
    days: Interval
    groups: dict[str, CountryGroup]
    rest: CountryGroup | None
    entries: dict[str, ControlEntry]
    licence_types: tuple[LicenceType, ...]
    catch_all: CatchAll | None
    measures: dict[str, tuple[Measure, ...]]
    embargoes: dict[str, Embargo]
    outside_scope: dict[str, OutsideScope]
    facts: dict[str, Fact]
    answers: dict[tuple[str, str, str, bool], Any] = field(default_factory=dict)

    def children(self, item: str) -> list[ControlEntry]:
        """Entries below `item` in the list (`3C002` → `3C002.a`…, `1C350` → each chemical)."""
        typed = item_key(self.entry(item).code)
        return [e for key, e in self.entries.items()
                if key == item_key(e.code) and key[len(typed):len(typed) + 1] in {".", ":"}
                and key.startswith(typed)]

    def group_of(self, country: str) -> CountryGroup | None:
        return self.groups.get(country, self.rest)

    def entry(self, item: str) -> ControlEntry:
        """The control-list entry for a control number or alias, or UnknownControlNumber."""
        found = self.entries.get(item_key(item))
        if found is None:
            raise UnknownControlNumber(item, self.nearest_entries(item))
        return found

    def nearest_entries(self, item: str, limit: int = 5) -> list[ControlEntry]:
        """Entries that start with what was typed (`1C350` → each 1C350 chemical), then fuzzy ones."""
        typed = item_key(item)
        found: list[ControlEntry] = []
        starting = [e for key, e in sorted(self.entries.items()) if typed and key.startswith(typed)]
        fuzzy = [self.entries[key] for key, _, _ in
                 process.extract(typed, list(self.entries), scorer=fuzz.WRatio, limit=limit * 3)]
        for entry in starting + fuzzy:
            if entry not in found:
                found.append(entry)
        return found[:limit]


@dataclass(frozen=True)
class CompiledPack:
    """Every regime of one pack, in date order, for bisecting by day."""

    pack: Pack
    starts: tuple[date, ...]
    regimes: tuple[Regime, ...]

    def on(self, day: date) -> Regime | None:
        stretch = self.stretch(day)
        return None if stretch is None else self.regimes[stretch]

    def stretch(self, day: date) -> int | None:
        """The number of the regime in force on `day`, or None where the pack does not cover it."""
        index = bisect_right(self.starts, day) - 1
        return index if index >= 0 and self.regimes[index].days.contains(day) else None

    def entry(self, item: str) -> ControlEntry:
        """The entry for `item` on any day the pack covers, or UnknownControlNumber."""
        for regime in self.regimes:
            if item_key(item) in regime.entries:
                return regime.entries[item_key(item)]
        return self.regimes[-1].entry(item)


def compile_pack(pack: Pack) -> CompiledPack:
    """Split the pack's coverage at every change day and compile each stretch."""
    coverage = pack.meta.coverage
    rules: ExportRules = pack.content
    own = {item_key(e.code) for e in rules.control_list}
    listed = [e for e in control_entries(pack.meta.jurisdiction, coverage.start)
              if item_key(e.code) not in own] + list(rules.control_list)
    days = {coverage.start} | {
        d for f in [*pack.facts(), *listed] for d in (f.valid_from, f.valid_to)
        if d is not None and coverage.contains(d)
    }
    starts = sorted(days)
    ends: list[date | None] = [*starts[1:], coverage.end]
    regimes = tuple(_regime(pack, listed, Interval(s, e)) for s, e in zip(starts, ends, strict=True))
    return CompiledPack(pack, tuple(starts), regimes)


def _regime(pack: Pack, listed: list[ControlEntry], days: Interval) -> Regime:
    rules: ExportRules = pack.content
    day = days.start

    def now(facts: list[F]) -> list[F]:
        return [f for f in facts if f.in_force(day)]

    groups = now(rules.country_groups)
    measures: dict[str, list[Measure]] = defaultdict(list)
    for measure in sorted(now(rules.measures), key=lambda m: m.valid_from):
        for country in measure.destinations:
            measures[country].append(measure)
    return Regime(
        pack=pack,
        days=days,
        groups={c: g for g in groups for c in g.countries},
        rest=next((g for g in groups if g.rest), None),
        entries={item_key(k): e for e in now(listed) for k in [e.code, *e.aliases]},
        licence_types=tuple(now(rules.licence_types)),
        catch_all=next(iter(now(rules.catch_all)), None),
        measures={c: tuple(ms) for c, ms in measures.items()},
        embargoes={c: e for e in now(rules.embargoes) for c in e.destinations},
        outside_scope={c: o for o in now(rules.outside_scope) for c in o.destinations},
        facts={f.id: f for f in [*pack.facts(), *listed]},
    )


_COMPILED: dict[int, tuple[PackSet, dict[str, CompiledPack]]] = {}


def compiled_export_packs(packs: PackSet) -> dict[str, CompiledPack]:
    """Export packs by exporting jurisdiction, compiled once per PackSet (a pure memo)."""
    held = _COMPILED.get(id(packs))
    if held is None or held[0] is not packs:
        held = (packs, {p.meta.jurisdiction.upper(): compile_pack(p) for p in packs.by_domain("export")})
        _COMPILED[id(packs)] = held
    return held[1]


def first_citation(fact: Fact) -> str | None:
    return fact.sources[0].cite() if fact.sources else None
