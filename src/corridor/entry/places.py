"""Where a traveller stayed, resolved to the codes entry rules are written in.

Rules name countries (KR), ISO 3166-2 subdivisions (KR-27, Daegu) and, where the law went
finer than ISO, counties and cities that a pack lists with their parent province
(`KR-47:Cheongdo-gun`). A traveller may type any of these by code, name or alias; a place
that none of them knows is an input error, never a silent non-match, because a misspelt
"Cheongdo" must not turn a denial into an admission.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pycountry
from rapidfuzz import process

from corridor.entry.model import EntryInputError
from corridor.packs.schema.entry import Place


@dataclass(frozen=True)
class PlaceRef:
    """A resolved place: its country, its ISO subdivision if known, its pack locality if any."""

    country: str
    subdivision: str | None = None
    locality: str | None = None

    def within(self, rule_place: str) -> bool:
        """Whether this place lies inside the place a rule names."""
        if ":" in rule_place:
            return self.locality == rule_place
        if "-" in rule_place:
            return self.subdivision == rule_place
        return self.country == rule_place


def resolve_place(country: str, region: str | None, localities: list[Place]) -> PlaceRef:
    if not region:
        return PlaceRef(country)
    names = _names_in(country, localities)
    found = names.get(_key(region))
    if found is None:
        nearest = [n for n, _, _ in process.extract(region, sorted({v[1] for v in names.values()}), limit=3)]
        accepted = f"nearest: {', '.join(nearest)}" if nearest else f"no regions are known for {country}"
        raise EntryInputError("stayed", f"{country}:{region}", f"unknown region of {country}; {accepted}")
    return found[0]


def _names_in(country: str, localities: list[Place]) -> dict[str, tuple[PlaceRef, str]]:
    """Every spelling of every place in `country` → (place, display name)."""
    names = dict(_subdivision_names(country))
    for place in localities:
        if place.country == country:
            ref = PlaceRef(country, place.parent, place.id)
            for spelling in (place.id, place.name, *place.aliases):
                names[_key(spelling)] = (ref, place.name)
    return names


@cache
def _subdivision_names(country: str) -> dict[str, tuple[PlaceRef, str]]:
    """ISO 3166-2 codes, names and names without their type suffix ("Daegu" for Daegu-gwangyeoksi)."""
    names: dict[str, tuple[PlaceRef, str]] = {}
    for sub in pycountry.subdivisions.get(country_code=country) or []:
        ref = PlaceRef(country, sub.code)
        for spelling in (sub.code, sub.name, sub.name.split("-")[0]):
            names.setdefault(_key(spelling), (ref, sub.name))
    return names


def _key(text: str) -> str:
    return re.sub(r"[\s\-_'.]", "", text.casefold())
