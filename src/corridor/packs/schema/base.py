"""What every pack fact has: a validity interval, sources, and an honest note where unsure.

Every domain model builds on these classes, so the loader, the linter and the timeline can
treat all packs alike without knowing what an export group or an entry rule is.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from corridor.packs.countries import check_country
from corridor.time import Interval

CountryCode = Annotated[str, AfterValidator(check_country)]


class Strict(BaseModel):
    """Unknown keys are errors: a typo in a pack must not silently drop a condition."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Source(Strict):
    """An official text, or the best public report of it where the text itself is not to hand."""

    issuer: str
    title: str
    date: dt.date | None = None
    url: str | None = None
    note: str | None = None

    def cite(self) -> str:
        when = f", {self.date.isoformat()}" if self.date else ""
        where = f" <{self.url}>" if self.url else ""
        return f"{self.issuer}: {self.title}{when}{where}"


class Fact(Strict):
    """A statement that holds on days `[from, to)`; `to` is the first day it no longer holds."""

    id: str
    summary: str
    valid_from: dt.date = Field(alias="from")
    valid_to: dt.date | None = Field(default=None, alias="to")
    sources: list[Source] = Field(default_factory=list)
    note: str | None = None

    @property
    def interval(self) -> Interval:
        return Interval(self.valid_from, self.valid_to)

    def in_force(self, day: dt.date) -> bool:
        return self.interval.contains(day)

    def mentions(self, country: str) -> bool:
        """Whether the fact concerns `country`; timelines of a country pair keep only these.

        Domain facts that name countries override this; a fact that names none concerns all.
        """
        return True


class PackMeta(Strict):
    """`pack.yaml`: which jurisdiction and domain, which law, which days the pack answers for."""

    jurisdiction: str
    domain: str
    title: str
    law: str | None = None
    version: str
    covers_from: dt.date = Field(alias="covers_from")
    covers_to: dt.date | None = Field(default=None, alias="covers_to")
    sources: dict[str, Source] = Field(default_factory=dict)
    note: str | None = None

    @property
    def coverage(self) -> Interval:
        return Interval(self.covers_from, self.covers_to)
