"""`/screen`: a party's name against the restricted-party lists loaded with `corridor lists load`."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from pydantic import BaseModel, ConfigDict, Field

from corridor.api.auth import Officer, Viewer
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

    def query(self, today: date) -> Query:
        """The engine's query; a bad qualifier is a 422 naming its field."""
        try:
            return Query(name=self.name, on=self.on or today, schema=self.schema_, country=self.country,
                         lists=frozenset(self.lists) if self.lists else None, birth_date=self.dob,
                         nationality=self.nationality, id_number=self.id_number)
        except ValueError as error:
            field = next((f for p, f in _FIELDS if str(error).startswith(p)), "name")
            raise bad_input(error, field) from error


class DecisionRequest(BaseModel):
    """An officer's decision on one hit for one screened name."""

    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, Field(min_length=1, max_length=MAX_NAME_LENGTH)]
    hit: Annotated[str, Field(pattern=r"^[^:]{1,64}:.{1,200}$", description="LIST:ID, e.g. ofac:20157")]
    decision: Literal["clear", "confirm"]
    reason: Annotated[str, Field(min_length=1, max_length=2000)]


class RescreenRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    on: date | None = None


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
    """Hits (match ≥ 0.85, review ≥ 0.70) with their explanations, each with the officer's standing
    decision on it (or null), and former listings."""
    from corridor.store.decisions import standing_decisions

    answer = screen(current_index(request, sessions), question.query(today)).to_json()
    decided = standing_decisions(sessions, question.name)
    for hit in answer["hits"] + answer["formerly_listed"]:
        made = decided.get((hit["list"], hit["id"]))
        hit["decision"] = made.to_json() if made else None
    return answer


@router.post("/screen/decisions", status_code=201)
def decide_hit(body: DecisionRequest, actor: Officer, sessions: Sessions) -> dict[str, Any]:
    """Record "not our party" (clear) or "our party" (confirm) on a hit; audited. With the
    `screening.four_eyes` setting on, it is `pending` until another officer approves it."""
    from corridor.store.decisions import decide

    list_name, _, party_id = body.hit.partition(":")
    made = _refusable(decide, sessions, name=body.name, list_name=list_name, party_id=party_id,
                      decision=body.decision, reason=body.reason, actor=actor, at=datetime.now(UTC))
    return {**made.to_json(), "pending": made.pending}


@router.post("/screen/decisions/{decision_id}/approve")
def approve_decision(decision_id: Annotated[int, PathParam(ge=1, le=2**31 - 1)], actor: Officer,
                     sessions: Sessions) -> dict[str, Any]:
    """A second officer's approval of a pending decision (never the maker's own)."""
    from corridor.store.decisions import approve

    made = _refusable(approve, sessions, decision_id, actor=actor, at=datetime.now(UTC))
    return {**made.to_json(), "pending": made.pending}


@router.post("/screen/monitor", status_code=201)
def monitor_party(question: ScreeningQuestion, request: Request, actor: Officer, sessions: Sessions,
                  today: Today) -> dict[str, Any]:
    """Keep the party under watch: `/screen/rescreen` screens it again when the lists change."""
    from corridor.store.monitoring import monitor

    query = question.query(today)
    [row] = _refusable(monitor, sessions, current_index(request, sessions), [query], source="api",
                       actor=actor, at=datetime.now(UTC))
    return {"monitored": row.id, "hits": sorted(row.hits)}


@router.post("/screen/rescreen")
def rescreen_parties(body: RescreenRequest, request: Request, actor: Officer, sessions: Sessions,
                     today: Today) -> dict[str, Any]:
    """Screen every watched party and open application's parties again; only new hits come back."""
    from corridor.store.monitoring import rescreen

    on = body.on or today
    count, found = _refusable(rescreen, sessions, current_index(request, sessions), on=on, actor=actor,
                              at=datetime.now(UTC))
    return {"on": on.isoformat(), "parties": count, "new_hits": [n.to_json() for n in found]}


def _refusable(call, *args, **kwargs):
    """A store refusal as the API error it names (404 unknown, 409 state, 422 bad input)."""
    try:
        return call(*args, **kwargs)
    except ValueError as error:
        raise ApiError(getattr(error, "status", 422), getattr(error, "field", "body"), str(error)) from error
