"""The dual-use control list as data: every entry in the Wassenaar category structure, with its
Japanese (Appended Table 1 row) and Korean (Annex 2) legal reference.

Packs list only what their measures and notes need; the catalogue supplies every other entry,
so a real number such as `5A002` or `3B001.f` answers instead of being refused. A pack's own
entry with the same code wins over the catalogue's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from corridor.packs.loader import PARSER
from corridor.packs.schema.base import Source
from corridor.packs.schema.export import ControlEntry

FILE = Path(__file__).parent / "dual_use.yaml"

# Export Trade Control Order Appended Table 1: the row that holds each Wassenaar category.
JP_ROWS = {"0": "2", "1": "5", "2": "6", "3": "7", "4": "8", "5": "9", "6": "10", "7": "11",
           "8": "12", "9": "13"}
JP_SPECIAL_ROWS = {"1C350": "3", "1C351": "3-2", "1C353": "3-2", "1C354": "3-2", "2B350": "3",
                   "2B351": "3", "2B352": "3-2", "9A004": "4", "9A005": "4", "9A007": "4",
                   "9A101": "4", "9A106": "4", "1C111": "4", "1C116": "4", "1C117": "4",
                   "1C101": "4"}

SOURCE = Source(issuer="Wassenaar Arrangement / Australia Group (numbers of EU Regulation 2021/821 Annex I)",
                title="List of Dual-Use Goods and Technologies; AG chemical weapons precursors",
                url="https://www.wassenaar.org/control-lists/",
                note="corridor's catalogue (packs/catalogue/dual_use.yaml); paraphrased descriptions")


def parent_of(code: str) -> str | None:
    """`3C002.a` → `3C002`, `1C350:7664-39-3` → `1C350`, `3C002` → None."""
    cut = max(code.rfind("."), code.rfind(":"))
    return code[:cut] if cut > 0 else None


def lineage(code: str) -> list[str]:
    """The code and every number above it: a measure on `3C002` reaches `3C002.a`."""
    found = [code]
    while (above := parent_of(found[-1])) is not None:
        found.append(above)
    return found


@dataclass(frozen=True)
class Item:
    """One list entry, independent of the jurisdiction that applies it."""

    code: str
    en: str
    ja: str | None = None
    ko: str | None = None
    cas: str | None = None
    jp_from: dt.date | None = None

    @property
    def parent(self) -> str | None:
        return parent_of(self.code)

    def jp_reference(self) -> str:
        row = JP_SPECIAL_ROWS.get(self.code.split(".")[0].split(":")[0], JP_ROWS[self.code[0]])
        return f"Appended Table 1 row {row} (別表第1 {row}の項); Goods Ordinance sub-item to verify"

    def kr_reference(self) -> str:
        number = self.code.split(":")[0]
        return f"Public Notice on Trade of Strategic Items Annex 2 (전략물자 수출입고시 별표2) {number}"

    def words(self) -> str:
        """Everything a search may match, folded to lower case."""
        return " ".join(w for w in (self.code, self.en, self.ja, self.ko, self.cas) if w).lower()


@cache
def items() -> tuple[Item, ...]:
    raw = yaml.load(FILE.read_text(encoding="utf-8"), Loader=PARSER)["entries"]
    return tuple(Item(code=str(row["code"]), en=str(row["en"]), ja=row.get("ja"), ko=row.get("ko"),
                      cas=row.get("cas"), jp_from=row.get("jp_from")) for row in raw)


def control_entries(jurisdiction: str, start: dt.date) -> list[ControlEntry]:
    """Catalogue entries as one jurisdiction's control-list facts, in force from `start`."""
    jp = jurisdiction.upper() == "JP"
    return [
        ControlEntry.model_validate({
            "id": f"{jurisdiction.lower()}-list-{item.code}", "code": item.code, "summary": item.en,
            "reference": item.jp_reference() if jp else item.kr_reference(),
            "regime": f"Wassenaar/AG {item.code.split(':')[0]}", "cas": item.cas,
            "aliases": [item.cas] if item.cas else [],
            "from": (item.jp_from if jp and item.jp_from else start), "sources": [SOURCE],
            "note": ("added to Japan's Goods Ordinance in force 2023-07-23 (semiconductor equipment); "
                     "sub-item mapping: verify" if jp and item.jp_from else None),
        })
        for item in items()
    ]
