"""The export-control domain: control list, country groups, licence types, measures, catch-all.

One model serves every exporting jurisdiction. Japan's groups A–D and Korea's regions Ga/Na
are both `CountryGroup`s; Japan's general bulk licence and Korea's bulk permit are both
`LicenceType`s. The engine (`corridor.export`) reads only these shapes, so a new
jurisdiction is new data, not new code.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Literal

from pydantic import Field

from corridor.packs.schema.base import CountryCode, Fact, Strict

Level = Literal["error", "warning"]
EVERY_GROUP = "*"


class ControlEntry(Fact):
    """One entry of a control list, by the number the regime writes (`3C002`).

    Chemicals of a shared entry such as Australia Group 1C350 are written `1C350:<CAS>`,
    because the legal answer depends on the chemical (only hydrogen fluoride was in the
    2019 Korea measure) and the sub-item numbers differ between the EU and US lists.
    An entry with `listed: false` stands for goods outside the list: only catch-all
    controls can then require a licence.
    """

    code: str
    reference: str
    regime: str | None = None
    cas: str | None = None
    aliases: list[str] = Field(default_factory=list)
    listed: bool = True
    bulk: list[str] | None = Field(
        default=None, description="bulk licence types the bulk matrix allows; omitted: every one")

    def allows_bulk(self, licence: str) -> bool:
        return self.bulk is None or licence in self.bulk

    def mentions(self, country: str) -> bool:
        return False


class CountryGroup(Fact):
    """Destinations that share a treatment on the days given: Japan's Group A, Korea's Ga-2.

    `rest: true` is the group of every country not named by another group that day
    (Japan's Group C, Korea's Na), so the pack never has to list the whole world.
    """

    group: str
    table: str | None = None
    countries: list[CountryCode] = Field(default_factory=list)
    rest: bool = False

    def mentions(self, country: str) -> bool:
        return country in self.countries


class LicenceType(Fact):
    """A kind of licence or permit and the destination groups it is open to.

    Per-group values (`review_days`, `documents`, `conditions`) fall back to the `*` key.
    """

    licence: str
    kind: Literal["individual", "bulk"]
    name: str
    open_to: list[str] | None = None
    closed_to: list[str] = Field(default_factory=list)
    requires_icp: bool = False
    validity: str | None = None
    review_days: dict[str, int] = Field(default_factory=dict)
    documents: dict[str, int] = Field(default_factory=dict)
    conditions: dict[str, str] = Field(default_factory=dict)

    def mentions(self, country: str) -> bool:
        return False

    def review_days_for(self, group: str) -> int | None:
        return self.review_days.get(group, self.review_days.get(EVERY_GROUP))

    def documents_for(self, group: str) -> int | None:
        return self.documents.get(group, self.documents.get(EVERY_GROUP))

    def condition_for(self, group: str) -> str | None:
        return self.conditions.get(group, self.conditions.get(EVERY_GROUP))


class Measure(Fact):
    """A dated decision that closes (or reopens) licence types for some items to some destinations.

    `reopens` only lifts closures made by earlier measures; it never opens a licence type the
    destination's group does not allow (Korea in Group B still had no general bulk licence).
    """

    destinations: list[CountryCode]
    items: list[str]
    closes: list[str] = Field(default_factory=list)
    reopens: list[str] = Field(default_factory=list)
    reference: str | None = None

    def mentions(self, country: str) -> bool:
        return country in self.destinations


class CatchAll(Fact):
    """Catch-all control: a licence for unlisted goods with a military or WMD end use."""

    exempt_groups: list[str] = Field(default_factory=list)
    reference: str

    def mentions(self, country: str) -> bool:
        return False


class Embargo(Fact):
    """A ban on exports to the destinations: of all goods (North Korea), or of every listed item
    (Japan's and Korea's Russia/Belarus measures), so no licence type is left open for them."""

    destinations: list[CountryCode]
    reference: str
    goods: Literal["all", "listed"] = "all"

    def covers(self, entry: ControlEntry) -> bool:
        return self.goods == "all" or entry.listed

    def mentions(self, country: str) -> bool:
        return country in self.destinations


class OutsideScope(Fact):
    """Destinations whose trade another law governs: the pack answers `not_covered` for them
    rather than treat them as an ordinary destination (Korea → North Korea is inter-Korean trade)."""

    destinations: list[CountryCode]
    reference: str

    def mentions(self, country: str) -> bool:
        return country in self.destinations


class ExportRules(Strict):
    """Everything one jurisdiction's export pack says."""

    control_list: list[ControlEntry]
    country_groups: list[CountryGroup]
    licence_types: list[LicenceType]
    catch_all: list[CatchAll]
    measures: list[Measure] = Field(default_factory=list)
    embargoes: list[Embargo] = Field(default_factory=list)
    outside_scope: list[OutsideScope] = Field(default_factory=list)

    def series(self) -> dict[str, list[Fact]]:
        """Facts of which exactly one must hold each day of the pack's coverage."""
        found: dict[str, list[Fact]] = {
            "rest group": [g for g in self.country_groups if g.rest],
            "catch-all": list(self.catch_all),
        }
        for licence in self.licence_types:
            found.setdefault(f"licence type {licence.licence}", []).append(licence)
        return found

    def lint(self) -> list[tuple[Level, str | None, str]]:
        """What the generic linter cannot know: references between the pack's own files."""
        return [
            *self._unknown_references(),
            *self._countries_in_two_groups(),
            *self._codes_used_twice(),
        ]

    def _unknown_references(self) -> list[tuple[Level, str | None, str]]:
        codes = {e.code for e in self.control_list}
        licences = {t.licence for t in self.licence_types}
        groups = {g.group for g in self.country_groups} | {EVERY_GROUP}
        found: list[tuple[Level, str | None, str]] = []
        for measure in self.measures:
            found += [("error", measure.id, f"unknown control number {c!r}") for c in measure.items
                      if c not in codes]
            found += [("error", measure.id, f"unknown licence type {t!r}")
                      for t in measure.closes + measure.reopens if t not in licences]
        for entry in self.control_list:
            found += [("error", entry.id, f"unknown licence type {t!r}") for t in entry.bulk or []
                      if t not in licences]
        for licence in self.licence_types:
            named = (licence.open_to or []) + licence.closed_to + [
                *licence.review_days, *licence.documents, *licence.conditions]
            found += [("error", licence.id, f"unknown destination group {g!r}") for g in named
                      if g not in groups]
        for catch_all in self.catch_all:
            found += [("error", catch_all.id, f"unknown destination group {g!r}")
                      for g in catch_all.exempt_groups if g not in groups]
        return found

    def _countries_in_two_groups(self) -> list[tuple[Level, str | None, str]]:
        by_country: dict[str, list[CountryGroup]] = defaultdict(list)
        for group in self.country_groups:
            for country in group.countries:
                by_country[country].append(group)
        found: list[tuple[Level, str | None, str]] = []
        for country, groups in sorted(by_country.items()):
            for i, first in enumerate(groups):
                for second in groups[i + 1:]:
                    if first.group != second.group and first.interval.overlaps(second.interval):
                        found.append(("error", second.id, f"{country} is in group {first.group} "
                                      f"({first.id}) and {second.group} on the same days"))
        return found

    def _codes_used_twice(self) -> list[tuple[Level, str | None, str]]:
        by_code: dict[str, list[ControlEntry]] = defaultdict(list)
        for entry in self.control_list:
            for key in [entry.code, *entry.aliases]:
                by_code[key.strip().upper()].append(entry)
        return [("error", entries[1].id, f"control number or alias {code!r} also used by {entries[0].id}")
                for code, entries in by_code.items()
                if len(entries) > 1 and entries[0].interval.overlaps(entries[1].interval)]
