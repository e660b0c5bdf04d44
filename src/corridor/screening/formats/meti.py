"""Japan METI End User List, as a CSV laid out from the official list's columns.

METI publishes the End User List (外国ユーザーリスト) as a table with the columns No.,
Country or Region, Company or Organization, Also Known As, Type of WMD concern
(B biological, C chemical, M missile, N nuclear). corridor reads it as a UTF-8 CSV with
exactly those headers; `Also Known As` holds several names separated by `;` or new lines,
which may be in Japanese, Chinese or Korean script. Optional `Listed On` and `Delisted On`
columns (ISO dates) record the revision that added or removed an entry.
"""

from __future__ import annotations

import re

from corridor.screening.countries import country_codes
from corridor.screening.errors import ListFormatError
from corridor.screening.formats.tabular import clean, csv_records, iso_date
from corridor.screening.party import Party, Schema

COLUMNS = ("No.", "Country or Region", "Company or Organization", "Also Known As", "Type of WMD")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def parse_meti(text: str, list_name: str = "meti") -> list[Party]:
    return [_party(list_name, row, f"line {line}") for line, row in csv_records(text, "meti.csv", COLUMNS)]


def _party(list_name: str, row: dict[str, str], where: str) -> Party:
    number = clean(row["No."])
    name = clean(row["Company or Organization"])
    if not number or not name:
        raise ListFormatError("meti.csv", where, "No. and Company or Organization must not be empty")
    aliases = tuple(a.strip() for a in re.split(r"[;\n]", row["Also Known As"]) if a.strip())
    return Party(
        list_name=list_name,
        id=number,
        schema=Schema.ORGANIZATION,
        name=name,
        aliases=tuple(a for a in aliases if not CJK.search(a)),
        original_script_names=tuple(a for a in aliases if CJK.search(a)),
        countries=country_codes([row["Country or Region"]]),
        programmes=tuple(c.strip() for c in re.split(r"[,\s]+", row["Type of WMD"]) if c.strip()),
        listed_on=iso_date(row.get("Listed On"), "meti.csv", f"{where}, Listed On"),
        delisted_on=iso_date(row.get("Delisted On"), "meti.csv", f"{where}, Delisted On"),
    )
