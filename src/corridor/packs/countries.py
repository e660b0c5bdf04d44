"""ISO 3166-1 alpha-2 country codes, checked against pycountry, with suggestions when wrong."""

from __future__ import annotations

from functools import cache, lru_cache

import pycountry
from rapidfuzz import process, utils


class UnknownCountry(ValueError):
    """A code that is not ISO 3166-1 alpha-2; the message names the nearest valid codes."""

    def __init__(self, value: str, field: str = "country") -> None:
        self.value, self.field, self.nearest = value, field, list(nearest_countries(value))
        hint = ", ".join(f"{code} ({name})" for code, name in self.nearest)
        super().__init__(f"{field}: unknown country code {value!r}; nearest ISO codes: {hint}")


@cache
def _names() -> dict[str, str]:
    return {c.alpha_2: c.name for c in pycountry.countries}


def country_name(code: str) -> str:
    return _names()[code]


def check_country(value: str, field: str = "country") -> str:
    """Return the upper-cased code, or raise UnknownCountry naming the field and value."""
    code = value.strip().upper()
    if code not in _names():
        raise UnknownCountry(value, field)
    return code


@lru_cache(maxsize=4096)  # a batch repeats the same typo on many lines
def nearest_countries(value: str, limit: int = 5) -> tuple[tuple[str, str], ...]:
    """Codes closest to what was typed: codes sharing a letter in place for a two-letter code
    (first letter first: 'KX' → KE, KG, KH…), fuzzy name matches for a name ('Corea' → KR)."""
    typed = value.strip().upper()
    if len(typed) == 2:
        scored = sorted(_names(), key=lambda c: (-(c[0] == typed[0]) * 2 - (c[1] == typed[1]), c))
        return tuple((c, _names()[c]) for c in scored[:limit])
    choices = {c.name: c.alpha_2 for c in pycountry.countries}
    choices.update({c.alpha_3: c.alpha_2 for c in pycountry.countries})
    found: list[str] = []
    for key, _, _ in process.extract(value, list(choices), processor=utils.default_process,
                                     limit=limit * 4):
        if choices[key] not in found:
            found.append(choices[key])
    return tuple((c, _names()[c]) for c in found[:limit])
