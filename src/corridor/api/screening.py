"""`/screen`: a party's name against the restricted-party lists loaded with `corridor lists load`."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from corridor.api.auth import Viewer
from corridor.api.deps import Sessions, Today
from corridor.api.errors import RESPONSES, ApiError, bad_input
from corridor.screening import Query, Schema, ScreeningIndex, screen
from corridor.screening.names import MAX_NAME_LENGTH
from corridor.store.lists import list_status, load_index

_FIELDS = (("birth date", "dob"), ("nationality", "nationality"), ("id_number", "id_number"),
           ("country", "country"))
router = APIRouter(tags=["screening"], responses=RESPONSES)


class ScreeningQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, Field(min_length=1, max_length=MAX_NAME_LENGTH)]
    on: date | None = None
    schema_: Annotated[Schema | None, Field(alias="schema")] = None
    country: Annotated[str | None, Field(min_length=2, max_length=2)] = None
    lists: list[Annotated[str, Field(max_length=100)]] | None = None
    dob: Annotated[str | None, Field(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD")] = None
    nationality: Annotated[str | None, Field(min_length=2, max_length=2)] = None
    id_number: Annotated[str | None, Field(min_length=1, max_length=100)] = None


def current_index(request: Request, sessions: Sessions) -> ScreeningIndex:
    """The index of the lists as loaded now, rebuilt only when a list was (re)loaded."""
    revisions = tuple((s.name, s.revision) for s in list_status(sessions))
    if not revisions:
        raise ApiError(409, "lists", "no lists are loaded; run `corridor lists load PATH --format …` first")
    cached = getattr(request.app.state, "screening", None)
    if cached is None or cached[0] != revisions:
        request.app.state.screening = cached = (revisions, load_index(sessions))
    return cached[1]


@router.post("/screen")
def screen_party(question: ScreeningQuestion, request: Request, sessions: Sessions,
                 _caller: Viewer, today: Today) -> dict[str, Any]:
    """Hits (match ≥ 0.85, review ≥ 0.70) with their explanations, and former listings."""
    try:
        query = Query(name=question.name, on=question.on or today, schema=question.schema_,
                      country=question.country, lists=frozenset(question.lists) if question.lists else None,
                      birth_date=question.dob, nationality=question.nationality, id_number=question.id_number)
    except ValueError as error:
        field = next((f for p, f in _FIELDS if str(error).startswith(p)), "name")
        raise bad_input(error, field) from error
    return screen(current_index(request, sessions), query).to_json()
