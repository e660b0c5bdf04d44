"""Country names as lists print them ("Korea, North", "Iran (Islamic Republic of)") to ISO codes."""

from __future__ import annotations

from functools import lru_cache

from rigour.territories import lookup_territory


@lru_cache(maxsize=4096)
def country_code(text: str | None) -> str | None:
    """ISO 3166-1 alpha-2 in upper case, or None when the text names no known territory."""
    if not text or not text.strip():
        return None
    territory = lookup_territory(text.strip())
    if territory is None or not territory.ftm_country:
        return None
    code = territory.ftm_country
    return code.upper() if len(code) == 2 else None


def country_codes(texts: list[str | None]) -> tuple[str, ...]:
    """Distinct codes in first-seen order; unknown names are dropped, not guessed."""
    codes: dict[str, None] = {}
    for text in texts:
        if code := country_code(text):
            codes.setdefault(code, None)
    return tuple(codes)
