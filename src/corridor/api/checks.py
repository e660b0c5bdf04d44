"""`/check` and `/timeline`: the export engine and the pack timeline, read-only."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from corridor.api.auth import Viewer
from corridor.api.deps import Sessions, Today
from corridor.api.errors import RESPONSES, bad_input
from corridor.api.vocabulary import CheckQuestion
from corridor.export import Determination, Shipment, determine
from corridor.export.changes import change_row, pair_timeline

router = APIRouter(tags=["checks"], responses=RESPONSES)


def engine_answer(shipment: Shipment) -> Determination:
    """The engine's answer; its bad-input errors (unknown country, control number) become 422."""
    try:
        return determine(shipment)
    except ValueError as error:
        raise bad_input(error, "shipment") from error


@router.post("/check", response_model=Determination)
async def check(question: CheckQuestion, _caller: Viewer, today: Today) -> Response:
    """Does this shipment need a licence, which types are open, and on which rules? `on`: today.

    The engine is pure and answers from memory in microseconds, so it runs on the event loop,
    and its answer is serialised once, without FastAPI validating it a second time.
    """
    answer = engine_answer(question.shipment(today))
    response = Response(answer.model_dump_json(), media_type="application/json")
    question.warn_deprecated(response)
    return response


@router.get("/timeline")
def timeline(_caller: Viewer, sessions: Sessions,
             first: Annotated[str, Query(alias="from", min_length=2, max_length=2)],
             second: Annotated[str, Query(alias="to", min_length=2, max_length=2)],
             item: Annotated[str | None, Query(max_length=50)] = None,
             since: date | None = None, until: date | None = None,
             with_news: Annotated[bool, Query(description="add the news events an analyst accepted "
                                                          "(rows of kind 'news', with evidence and source)")
                                  ] = False) -> list[dict[str, Any]]:
    """Every dated change the packs record between two countries, with its sources."""
    try:
        rows = [change_row(change) for change in pair_timeline(first, second, item, since, until)]
    except ValueError as error:
        raise bad_input(error, "query") from error
    if with_news:
        from corridor.news.overlay import accepted_rows
        from corridor.store.news_events import accepted

        rows += accepted_rows(accepted(sessions), first, second, since, until)
    return sorted(rows, key=lambda row: row["day"])
