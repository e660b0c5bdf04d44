"""`/entry`: may this traveller enter on this trip, and on what conditions (the entry engine)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict

from corridor.api.auth import Viewer
from corridor.api.errors import RESPONSES, bad_input
from corridor.entry import EntryAnswer, Traveller, Trip, assess

router = APIRouter(tags=["entry"], responses=RESPONSES)


class EntryQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid")

    traveller: Traveller
    trip: Trip


@router.post("/entry", response_model=EntryAnswer)
def entry(question: EntryQuestion, _caller: Viewer) -> EntryAnswer:
    """The entry rules in force for this traveller and trip, with requirements and sources."""
    try:
        return assess(question.traveller, question.trip)
    except ValueError as error:
        raise bad_input(error, "trip") from error
