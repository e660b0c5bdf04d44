"""The US Consolidated Screening List CSV (trade.gov), in both published schemas.

The older export starts `source,entity_number,type,programs,name,…`; the current one adds a
leading `_id` column (a stable hash per entry). Both carry `alt_names`, `addresses` and `ids`
as `;`-separated lists. `start_date`/`end_date` bound the listing (Denied Persons orders expire).
"""

from __future__ import annotations

import hashlib

from corridor.screening.countries import country_codes
from corridor.screening.errors import ListFormatError
from corridor.screening.formats.tabular import clean, csv_records, iso_date, split_list
from corridor.screening.party import Identifier, Party, Schema

REQUIRED = ("source", "name")
TYPES = {
    "individual": Schema.PERSON,
    "entity": Schema.ORGANIZATION,
    "vessel": Schema.VESSEL,
    "aircraft": Schema.AIRCRAFT,
}


def parse_csl(text: str, list_name: str = "csl") -> list[Party]:
    """Every CSL row as a party; the id is `_id`, else the source's entity number, else a hash."""
    return [_party(list_name, row, line) for line, row in csv_records(text, "csl.csv", REQUIRED)]


def _party(list_name: str, row: dict[str, str], line: int) -> Party:
    location = f"line {line}"
    name = clean(row["name"])
    if not name:
        raise ListFormatError("csl.csv", location, "name is empty")
    kind = (clean(row.get("type")) or "").casefold()
    addresses = split_list(row.get("addresses"))
    return Party(
        list_name=list_name,
        id=_row_id(row),
        schema=TYPES.get(kind, Schema.ORGANIZATION),
        name=name,
        aliases=split_list(row.get("alt_names")),
        countries=country_codes(
            [a.rsplit(",", 1)[-1] for a in addresses]
            + list(split_list(row.get("nationalities")))
            + list(split_list(row.get("citizenships")))
        ),
        addresses=addresses,
        identifiers=tuple(_identifier(text) for text in split_list(row.get("ids"))),
        programmes=split_list(row.get("programs")) + _source_code(row["source"]),
        birth_dates=split_list(row.get("dates_of_birth")),
        listed_on=iso_date(row.get("start_date"), "csl.csv", f"{location}, start_date"),
        delisted_on=iso_date(row.get("end_date"), "csl.csv", f"{location}, end_date"),
        remarks=clean(row.get("remarks")),
    )


def _row_id(row: dict[str, str]) -> str:
    if own := clean(row.get("_id")) or clean(row.get("entity_number")):
        return own
    basis = "|".join((row.get("source", ""), row.get("name", ""), row.get("addresses", "")))
    return "csl-" + hashlib.sha1(basis.encode()).hexdigest()[:12]


def _source_code(source: str) -> tuple[str, ...]:
    """`Denied Persons List (DPL) - Bureau…` → (`DPL`,), so `--lists` can name the sub-list."""
    if "(" in source and ")" in source:
        return (source.split("(", 1)[1].split(")", 1)[0].strip(),)
    return ()


def _identifier(text: str) -> Identifier:
    """`US, 80-0890696, Tax ID No.` → country, number, kind."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) >= 3:
        return Identifier(kind=", ".join(parts[2:]), number=parts[1], country=parts[0] or None)
    return Identifier(kind="id", number=text.strip())
