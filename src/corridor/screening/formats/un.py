"""The UN Security Council Consolidated List XML (scsanctions.un.org, consolidated.xml).

Individuals split their name over FIRST_NAME … FOURTH_NAME; entities use FIRST_NAME alone.
Aliases of QUALITY `Low` are weak (kept, but flagged); NAME_ORIGINAL_SCRIPT holds the name in
Arabic, Cyrillic or other scripts. The id is the UN reference number (e.g. `KPi.033`).
"""

from __future__ import annotations

from lxml import etree

from corridor.screening.countries import country_codes
from corridor.screening.errors import ListFormatError
from corridor.screening.formats.tabular import iso_date
from corridor.screening.party import Identifier, Party, Schema

NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")


def parse_un(xml: bytes, list_name: str = "un") -> list[Party]:
    try:
        root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        raise ListFormatError(
            "UN XML", f"line {error.lineno}", f"not well-formed XML ({error.msg})"
        ) from error
    if root.tag != "CONSOLIDATED_LIST":
        raise ListFormatError("UN XML", f"element {root.tag}", "root element must be CONSOLIDATED_LIST")
    parties = []
    for kind, schema in (("INDIVIDUAL", Schema.PERSON), ("ENTITY", Schema.ORGANIZATION)):
        for number, element in enumerate(root.iter(kind), start=1):
            parties.append(
                _party(list_name, element, schema, f"{kind} #{number} (line {element.sourceline})")
            )
    return parties


def _party(list_name: str, element: etree._Element, schema: Schema, where: str) -> Party:
    reference = _text(element, "REFERENCE_NUMBER")
    if not reference:
        raise ListFormatError("UN XML", f"element {where}", "REFERENCE_NUMBER is missing")
    where = f"{where.split(' (')[0]} ({reference})"
    name = " ".join(p for p in (_text(element, tag) for tag in NAME_PARTS) if p)
    if not name:
        raise ListFormatError("UN XML", f"element {where}", "FIRST_NAME is missing")
    strong, weak = _aliases(element)
    if schema is Schema.ORGANIZATION and ";" in name:
        name, *more = [part.strip() for part in name.split(";") if part.strip()]
        strong = (*more, *strong)
    countries = [v.text for v in element.iterfind("NATIONALITY/VALUE")]
    countries += [c.text for c in element.iter("COUNTRY")]
    return Party(
        list_name=list_name,
        id=reference,
        schema=schema,
        name=name,
        aliases=strong,
        weak_aliases=weak,
        original_script_names=tuple(t for t in [_text(element, "NAME_ORIGINAL_SCRIPT")] if t),
        countries=country_codes(countries),
        addresses=tuple(
            _address(a) for a in element.iter("INDIVIDUAL_ADDRESS", "ENTITY_ADDRESS") if _address(a)
        ),
        identifiers=tuple(
            Identifier(
                kind=_text(d, "TYPE_OF_DOCUMENT") or "document",
                number=_text(d, "NUMBER"),
                country=_text(d, "ISSUING_COUNTRY"),
            )
            for d in element.iter("INDIVIDUAL_DOCUMENT")
            if _text(d, "NUMBER")
        ),
        programmes=tuple(t for t in [_text(element, "UN_LIST_TYPE")] if t),
        birth_dates=tuple(
            _text(d, "DATE") or _text(d, "YEAR")
            for d in element.iter("INDIVIDUAL_DATE_OF_BIRTH")
            if _text(d, "DATE") or _text(d, "YEAR")
        ),
        listed_on=iso_date(_text(element, "LISTED_ON"), "UN XML", f"element {where}, LISTED_ON"),
        delisted_on=iso_date(_text(element, "DELISTED_ON"), "UN XML", f"element {where}, DELISTED_ON"),
        remarks=_text(element, "COMMENTS1"),
    )


def _aliases(element: etree._Element) -> tuple[tuple[str, ...], tuple[str, ...]]:
    strong, weak = [], []
    for alias in element.iter("INDIVIDUAL_ALIAS", "ENTITY_ALIAS"):
        name = _text(alias, "ALIAS_NAME")
        if name:
            (weak if (_text(alias, "QUALITY") or "").casefold() == "low" else strong).append(name)
    return tuple(strong), tuple(weak)


def _address(element: etree._Element) -> str:
    parts = (_text(element, tag) for tag in ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY"))
    return ", ".join(p for p in parts if p)


def _text(element: etree._Element, tag: str) -> str | None:
    child = element.find(tag)
    if child is None or child.text is None:
        return None
    return " ".join(child.text.split()) or None
