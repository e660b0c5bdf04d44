"""`/entry`: may this traveller enter on this trip, and on what conditions (the entry engine)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from corridor.api.auth import Viewer
from corridor.api.deps import Today
from corridor.api.errors import RESPONSES, bad_input
from corridor.api.vocabulary import EntryQuestion
from corridor.entry import EntryAnswer, assess

router = APIRouter(tags=["entry"], responses=RESPONSES)


@router.post("/entry", response_model=EntryAnswer)
def entry(question: EntryQuestion, response: Response, _caller: Viewer, today: Today) -> EntryAnswer:
    """The entry rules in force for this traveller and trip (arriving today at noon if no time)."""
    question.trip.warn_deprecated(response)
    try:
        return assess(question.traveller, question.trip.trip(today))
    except ValueError as error:
        raise bad_input(error, "trip") from error
