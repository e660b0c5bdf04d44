"""Find control-list entries by number, description words (English, Japanese, Korean) or CAS number.

A compliance officer rarely knows the number; they know "hydrogen fluoride", "フッ化水素" or
"7664-39-3". Every word typed must appear in the entry (number, descriptions, CAS), so a search
narrows as words are added.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from corridor.packs.catalogue import Item, items


def search(text: str, limit: int = 20) -> list[Item]:
    """Entries matching every word of `text`; an exact number, CAS or name comes first."""
    words = text.lower().split()
    if not words:
        raise ValueError("text: empty search; give a number, a CAS number or description words")
    exact = text.strip().lower()
    found = [i for i in items() if all(w in i.words() for w in words)]
    found.sort(key=lambda i: (exact not in {(n or "").lower() for n in (i.code, i.cas, i.en, i.ja, i.ko)},
                              i.code))
    return found[:limit]


def item_row(item: Item) -> dict[str, Any]:
    """One entry as JSON, with both jurisdictions' legal references."""
    row = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in asdict(item).items()}
    return row | {"parent": item.parent, "jp_reference": item.jp_reference(),
                  "kr_reference": item.kr_reference()}
