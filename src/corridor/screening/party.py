"""The normalised party model every list format is parsed into.

Modelled on FollowTheMoney: a party has a schema (Person, Organization, Company, Vessel,
Aircraft), one primary name, aliases, names in their original script, countries, addresses,
identifiers and programmes, and the dates it was listed and delisted. The source list and the
list's own id travel with it, so a hit can always be traced back to the published entry.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum

_PARENTHESES = re.compile(r"\([^()]*\)")


class Schema(StrEnum):
    """What kind of party a list entry describes; persons and organisations match differently."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    COMPANY = "Company"
    VESSEL = "Vessel"
    AIRCRAFT = "Aircraft"

    @property
    def is_person(self) -> bool:
        return self is Schema.PERSON

    @property
    def kind(self) -> str:
        """What a screening of this schema may meet: an organisation and a company are one kind
        (lists and users file the same firm under either)."""
        return "organisation" if self in (Schema.ORGANIZATION, Schema.COMPANY) else self.value.lower()

    @classmethod
    def parse(cls, value: str) -> Schema:
        """Accept FtM names and the CLI's lower-case words (`person`, `organization`)."""
        wanted = value.strip().casefold()
        aliases = {
            "organisation": cls.ORGANIZATION,
            "entity": cls.ORGANIZATION,
            "individual": cls.PERSON,
            "legalentity": cls.ORGANIZATION,
            "airplane": cls.AIRCRAFT,
        }
        for schema in cls:
            if schema.value.casefold() == wanted:
                return schema
        if wanted in aliases:
            return aliases[wanted]
        known = ", ".join(s.value.lower() for s in cls)
        raise ValueError(f"schema {value!r} is not known; use one of: {known}")


@dataclass(frozen=True, slots=True)
class Identifier:
    """A document or registration number as the list prints it (passport, IMO, tax id…)."""

    kind: str
    number: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Party:
    """One entry of a restricted-party list, whatever format it was published in."""

    list_name: str
    id: str
    schema: Schema
    name: str
    aliases: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = ()
    original_script_names: tuple[str, ...] = ()
    family_names: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    identifiers: tuple[Identifier, ...] = ()
    programmes: tuple[str, ...] = ()
    birth_dates: tuple[str, ...] = ()
    listed_on: date | None = None
    delisted_on: date | None = None
    remarks: str | None = field(default=None, compare=False)

    def names(self) -> tuple[str, ...]:
        """Every name the party may be screened under, primary first, without repeats.

        A name carrying a parenthesised acronym or note (`KOREA KWANGSON BANKING CORPORATION
        (KKBC)`) is also screened without it, since documents rarely repeat the acronym.
        """
        seen: dict[str, None] = {}
        for name in (self.name, *self.aliases, *self.original_script_names, *self.weak_aliases):
            if name and name.strip():
                seen.setdefault(name.strip(), None)
                bare = " ".join(_PARENTHESES.sub(" ", name).split())
                if bare and bare != name.strip():
                    seen.setdefault(bare, None)
        return tuple(seen)

    def is_listed_on(self, day: date) -> bool:
        """Listed on `day`: not yet delisted (half-open [listed_on, delisted_on))."""
        started = self.listed_on is None or self.listed_on <= day
        return started and (self.delisted_on is None or day < self.delisted_on)

    def to_record(self) -> dict:
        """A JSON-ready dict; `from_record` reverses it exactly (used by the store)."""
        record = asdict(self)
        record["schema"] = self.schema.value
        record["listed_on"] = self.listed_on.isoformat() if self.listed_on else None
        record["delisted_on"] = self.delisted_on.isoformat() if self.delisted_on else None
        return record

    @classmethod
    def from_record(cls, record: dict) -> Party:
        values = dict(record)
        values["schema"] = Schema(values["schema"])
        values["identifiers"] = tuple(Identifier(**i) for i in values.get("identifiers", ()))
        for key in ("listed_on", "delisted_on"):
            values[key] = date.fromisoformat(values[key]) if values.get(key) else None
        for key in (
            "aliases",
            "weak_aliases",
            "original_script_names",
            "family_names",
            "countries",
            "addresses",
            "programmes",
            "birth_dates",
        ):
            values[key] = tuple(values.get(key, ()))
        return cls(**values)
