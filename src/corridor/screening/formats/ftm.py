"""FollowTheMoney entities as JSON lines (the OpenSanctions `entities.ftm.json` export).

Only parties are kept (Person, Organization, Company, LegalEntity, Vessel, Airplane); other
schemas (Address, Sanction, Ownership…) describe parties rather than being screened. Listing
dates come from nested Sanction entities when the export carries them (`targets.nested.json`).
"""

from __future__ import annotations

import json

from corridor.screening.countries import country_codes
from corridor.screening.errors import ListFormatError
from corridor.screening.formats.tabular import iso_date
from corridor.screening.party import Identifier, Party, Schema

SCHEMAS = {
    "Person": Schema.PERSON,
    "Organization": Schema.ORGANIZATION,
    "Company": Schema.COMPANY,
    "LegalEntity": Schema.ORGANIZATION,
    "PublicBody": Schema.ORGANIZATION,
    "Vessel": Schema.VESSEL,
    "Airplane": Schema.AIRCRAFT,
}
IDENTIFIER_PROPERTIES = (
    "idNumber",
    "passportNumber",
    "registrationNumber",
    "taxNumber",
    "imoNumber",
    "innCode",
    "ogrnCode",
    "leiCode",
    "swiftBic",
)


def parse_ftm(text: str, list_name: str = "ftm") -> list[Party]:
    parties = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            entity = json.loads(raw)
        except json.JSONDecodeError as error:
            raise ListFormatError("FtM JSON", f"line {number}", f"not valid JSON ({error.msg})") from error
        if not isinstance(entity, dict) or not entity.get("id") or not entity.get("schema"):
            raise ListFormatError("FtM JSON", f"line {number}", "an entity needs `id` and `schema`")
        if entity["schema"] in SCHEMAS:
            parties.append(_party(list_name, entity, f"line {number}"))
    return parties


def _party(list_name: str, entity: dict, where: str) -> Party:
    props = entity.get("properties") or {}
    if not isinstance(props, dict):
        raise ListFormatError("FtM JSON", where, "`properties` must be an object")
    names = _values(props, "name")
    if not names:
        raise ListFormatError("FtM JSON", where, f"entity {entity['id']} has no `name`")
    sanctions = [s.get("properties", {}) for s in props.get("sanctions", []) if isinstance(s, dict)]
    starts = [
        iso_date(d, "FtM JSON", f"{where}, listingDate")
        for s in sanctions
        for d in _values(s, "listingDate", "startDate")
    ]
    ends = [iso_date(d, "FtM JSON", f"{where}, endDate") for s in sanctions for d in _values(s, "endDate")]
    return Party(
        list_name=list_name,
        id=str(entity["id"]),
        schema=SCHEMAS[entity["schema"]],
        name=names[0],
        aliases=tuple(names[1:]) + _values(props, "alias", "previousName"),
        weak_aliases=_values(props, "weakAlias"),
        family_names=_values(props, "lastName"),
        countries=country_codes(
            list(_values(props, "country", "nationality", "citizenship", "jurisdiction", "flag"))
        ),
        addresses=_values(props, "address"),
        identifiers=tuple(
            Identifier(kind, value) for kind in IDENTIFIER_PROPERTIES for value in _values(props, kind)
        ),
        programmes=_values(props, "program", "programId", "topics"),
        birth_dates=_values(props, "birthDate"),
        listed_on=min(starts) if starts else None,
        delisted_on=max(ends) if ends and len(ends) == len(sanctions) else None,
        remarks=" ".join(_values(props, "notes")) or None,
    )


def _values(props: dict, *keys: str) -> tuple[str, ...]:
    return tuple(
        str(v).strip()
        for key in keys
        for v in props.get(key, []) or []
        if isinstance(v, str | int) and str(v).strip()
    )
