"""OFAC's SDN list in its legacy CSV layout (sdn.csv, alt.csv, add.csv; no header rows).

Columns, per OFAC's data specification: sdn = ent_num, SDN_Name, SDN_Type, Program, Title,
Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks; alt = ent_num, alt_num,
alt_type, alt_name, alt_remarks; add = ent_num, add_num, address, city/state/zip, country,
add_remarks. `-0-` means empty. Individuals are written `FAMILY, Given`, which tells us the
family name a person match must agree on.
"""

from __future__ import annotations

import re
from collections import defaultdict

from corridor.screening.countries import country_code, country_codes
from corridor.screening.errors import ListFormatError
from corridor.screening.formats.tabular import clean, csv_rows
from corridor.screening.party import Identifier, Party, Schema

SDN_TYPES = {
    None: Schema.ORGANIZATION,
    "individual": Schema.PERSON,
    "vessel": Schema.VESSEL,
    "aircraft": Schema.AIRCRAFT,
}
REMARK_DOB = re.compile(r"\bDOB ([^;.]+)")
REMARK_NATIONALITY = re.compile(r"\b(?:nationality|citizen) ([^;.]+)")
REMARK_DOCUMENT = re.compile(
    r"\b(Passport|National ID No\.|Registration ID|IMO|Tax ID No\.|Identification Number) ([\w-]+)"
)


def parse_ofac(sdn: str, alt: str = "", add: str = "", list_name: str = "ofac") -> list[Party]:
    """All SDN entries with their aliases and addresses; ids are OFAC's `ent_num`."""
    aliases = _aliases(alt)
    addresses = _addresses(add)
    parties = []
    seen: set[str] = set()
    for line, fields in csv_rows(sdn, "sdn.csv", width=12):
        ent_num = _ent_num(fields[0], "sdn.csv", line)
        if ent_num in seen:
            raise ListFormatError("sdn.csv", f"line {line}", f"ent_num {ent_num} appears twice")
        seen.add(ent_num)
        parties.append(_party(list_name, ent_num, fields, line, aliases, addresses))
    unknown = (set(aliases) | set(addresses)) - seen
    if unknown:
        first = min(unknown, key=int)
        raise ListFormatError("alt.csv/add.csv", f"ent_num {first}", "refers to no entry of sdn.csv")
    return parties


def _party(
    list_name: str,
    ent_num: str,
    fields: list[str],
    line: int,
    aliases: dict[str, list[str]],
    addresses: dict[str, list[tuple[str, str | None]]],
) -> Party:
    name = clean(fields[1])
    if not name:
        raise ListFormatError("sdn.csv", f"line {line}", "SDN_Name is empty")
    sdn_type = clean(fields[2])
    if sdn_type not in SDN_TYPES:
        raise ListFormatError(
            "sdn.csv",
            f"line {line}",
            f"SDN_Type {sdn_type!r} is not one of individual, vessel, aircraft, -0-",
        )
    schema = SDN_TYPES[sdn_type]
    remarks = clean(fields[11]) or ""
    alias_names = tuple(aliases.get(ent_num, ()))
    family = tuple(_family_name(n) for n in (name, *alias_names)) if schema.is_person else ()
    places = addresses.get(ent_num, [])
    return Party(
        list_name=list_name,
        id=ent_num,
        schema=schema,
        name=name,
        aliases=alias_names,
        family_names=tuple(dict.fromkeys(f for f in family if f)),
        countries=country_codes(
            [c for _, c in places]
            + [clean(fields[9])]
            + [m.strip() for m in REMARK_NATIONALITY.findall(remarks)]
        ),
        addresses=tuple(a for a, _ in places if a),
        identifiers=tuple(Identifier(kind, number) for kind, number in REMARK_DOCUMENT.findall(remarks)),
        programmes=tuple(p.strip("[] ") for p in (clean(fields[3]) or "").split("] [") if p.strip("[] ")),
        birth_dates=tuple(d.strip() for d in REMARK_DOB.findall(remarks)),
        remarks=remarks or None,
    )


def _family_name(name: str) -> str | None:
    """`KIM, Jong Un` → `KIM`; names without a comma say nothing about the family name."""
    return name.split(",", 1)[0].strip() if "," in name else None


def _ent_num(value: str, source: str, line: int) -> str:
    value = value.strip()
    if not value.isdigit():
        raise ListFormatError(source, f"line {line}", f"ent_num {value!r} is not a whole number")
    return value


def _aliases(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for line, fields in csv_rows(text, "alt.csv", width=5):
        name = clean(fields[3])
        if not name:
            raise ListFormatError("alt.csv", f"line {line}", "alt_name is empty")
        found[_ent_num(fields[0], "alt.csv", line)].append(name)
    return found


def _addresses(text: str) -> dict[str, list[tuple[str, str | None]]]:
    found: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for line, fields in csv_rows(text, "add.csv", width=6):
        parts = [clean(f) for f in fields[2:5]]
        found[_ent_num(fields[0], "add.csv", line)].append(
            (", ".join(p for p in parts if p), parts[2] if country_code(parts[2]) else None)
        )
    return found
