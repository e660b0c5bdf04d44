"""One vocabulary for the API and the CLI: `from`, `to`, `item`, `on`, `end_use`, `name`.

Release 0.1 of the API called the exporting country `exporter_country` and the destination
`destination` (and the entry trip's `origin`), while the CLI said `--from` / `--to`. The old names
are still accepted for one release; a request that uses one gets a `Deprecation: true` header and
a `Warning` header naming the new field, so scripts can be moved before the old names go.
The table of names and limits is `docs/vocabulary.md`.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated, Any, ClassVar

from fastapi import Response
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from corridor.entry import PlaceStayed, Traveller, Trip
from corridor.export import Shipment
from corridor.export.determination import EndUse

CountryField = Annotated[str, Field(min_length=1, max_length=20)]
Item = Annotated[str, Field(min_length=1, max_length=100)]


class AcceptsOldNames(BaseModel):
    """A request body that still takes last release's names, remembering which ones it got."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    old_names: ClassVar[dict[str, str]] = {}
    _deprecated: list[str] = PrivateAttr(default_factory=list)

    @model_validator(mode="wrap")
    @classmethod
    def _rename(cls, data: Any, handler: Any) -> Any:
        used = [old for old in cls.old_names if isinstance(data, dict) and old in data]
        if used:
            data = dict(data)
            for old in used:
                new = cls.old_names[old]
                if new in data:
                    raise ValueError(f"{old}: give {new!r} or the deprecated {old!r}, not both")
                data[new] = data.pop(old)
        model = handler(data)
        model._deprecated = used
        return model

    def warn_deprecated(self, response: Response) -> None:
        """Tell the caller which old names it used, in the standard deprecation headers."""
        if self._deprecated:
            response.headers["Deprecation"] = "true"
            response.headers["Warning"] = ", ".join(
                f'299 corridor "{old} is deprecated; use {self.old_names[old]}"' for old in self._deprecated)


class CheckQuestion(AcceptsOldNames):
    """An order line as the API takes it; `on` defaults to the day the question is asked."""

    old_names: ClassVar[dict[str, str]] = {"exporter_country": "from", "destination": "to"}
    from_: Annotated[CountryField, Field(alias="from")]
    to: CountryField
    item: Item
    on: date | None = None
    end_use: EndUse = "civil"
    exporter_has_icp: bool = True

    def shipment(self, today: date) -> Shipment:
        return Shipment(exporter_country=self.from_, destination=self.to, item=self.item,
                        on=self.on or today, end_use=self.end_use, exporter_has_icp=self.exporter_has_icp)


class TripQuestion(AcceptsOldNames):
    """A crossing as the API takes it; without times the traveller arrives today at noon."""

    old_names: ClassVar[dict[str, str]] = {"origin": "from", "destination": "to"}
    from_: Annotated[CountryField, Field(alias="from")]
    to: CountryField
    arrival: datetime | None = None
    departure: datetime | None = None
    stayed: list[PlaceStayed] = Field(default_factory=list)

    def trip(self, today: date) -> Trip:
        arrival = self.arrival or datetime.combine(today, time(12, 0))
        return Trip(origin=self.from_, destination=self.to, arrival=arrival,
                    departure=self.departure or arrival, stayed=self.stayed)


class EntryQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid")

    traveller: Traveller
    trip: TripQuestion
