"""Korean firms' brand spellings (현대 → Hyundai, 삼성 → Samsung): data with sources.

Lists and trade documents write big Korean firms as the firms do, which neither Revised
Romanization nor McCune-Reischauer yields; the table is `data/korean_brands.tsv`.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def brand_spellings() -> dict[str, str]:
    text = files("corridor.names").joinpath("data/korean_brands.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {row[0]: row[1] for row in rows}


def spell_brands(hangul: str) -> str | None:
    """The name with a leading brand written as the firm writes it, or None when it has none."""
    for word, spelling in sorted(brand_spellings().items(), key=lambda item: -len(item[0])):
        if hangul.startswith(word):
            return f"{spelling} {hangul[len(word):]}".strip()
    return None
