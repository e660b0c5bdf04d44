"""`/entry`: may this traveller enter on this trip, and on what conditions (the entry engine)."""

from __future__ import annotations

from datetime import date, datetime, time

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict

from corridor.api.auth import Viewer
from corridor.api.errors import RESPONSES, bad_input
from corridor.entry import EntryAnswer, Traveller, Trip, assess

router = APIRouter(tags=["entry"], responses=RESPONSES)


class TripQuestion(Trip):
    """A trip whose times may be left out: arrival defaults to today at 12:00, departure to arrival."""

    departure: datetime | None = None  # type: ignore[assignment]
    arrival: datetime | None = None  # type: ignore[assignment]

    def on_a_day(self, today: date) -> Trip:
        arrival = self.arrival or datetime.combine(today, time(12, 0))
        return Trip(origin=self.origin, destination=self.destination, arrival=arrival,
                    departure=self.departure or arrival, stayed=self.stayed)


class EntryQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid")

    traveller: Traveller
    trip: TripQuestion


@router.post("/entry", response_model=EntryAnswer)
def entry(question: EntryQuestion, _caller: Viewer) -> EntryAnswer:
    """The entry rules in force for this traveller and trip (arriving today unless given), with sources."""
    try:
        return assess(question.traveller, question.trip.on_a_day(date.today()))
    except ValueError as error:
        raise bad_input(error, "trip") from error
