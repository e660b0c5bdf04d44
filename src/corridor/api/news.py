"""`/news/report`: one article's date, entities and typed events, linked to the packs' facts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from corridor.api.auth import Analyst, Viewer
from corridor.api.deps import Sessions
from corridor.api.errors import RESPONSES, ApiError, bad_input
from corridor.api.guards import busy
from corridor.news.ingest import UnreadableInput, read_article
from corridor.news.report import report_article
from corridor.packs.registry import load_packs

router = APIRouter(tags=["news"], responses=RESPONSES)
# Reading costs ~15 µs of CPU per character: 300,000 characters (a long article with its HTML)
# is ~5 s, and at most two run at once per process, so a viewer cannot pin the server.
MAX_ARTICLE_CHARS = 300_000
one_of_two = busy(2, "news reporting")


class ArticleText(BaseModel):
    """An article as HTML or plain text, and where it came from (a URL or file name)."""

    model_config = ConfigDict(extra="forbid")

    content: Annotated[str, Field(min_length=1, max_length=MAX_ARTICLE_CHARS)]
    source: Annotated[str, Field(min_length=1, max_length=2000)] = "api"


@router.post("/news/report", dependencies=[Depends(one_of_two)])
def news_report(article: ArticleText, _caller: Viewer) -> dict[str, Any]:
    """What `corridor news ingest --json` prints for one article."""
    try:
        read = read_article(article.content.encode(), article.source)
    except UnreadableInput as error:
        raise bad_input(error, "content") from error
    return report_article(read, load_packs()).as_json()


class Decision(BaseModel):
    """An analyst's accept/reject/edit of a queued event; `changes` only for edit."""

    model_config = ConfigDict(extra="forbid")

    note: Annotated[str | None, Field(max_length=2000)] = None
    changes: dict[str, Any] | None = None


def _queue_call(call, *args):
    from corridor.store.news_events import QueueError

    try:
        return call(*args)
    except QueueError as error:
        raise ApiError(error.status, error.field, error.reason, error.value) from error


@router.post("/news/queue", status_code=201)
def news_propose(article: ArticleText, actor: Analyst, sessions: Sessions) -> list[dict[str, Any]]:
    """Read an article and queue its events as proposals for review (repeats are skipped)."""
    from corridor.store.news_events import propose

    report = news_report(article, actor)
    return propose(sessions, report, actor)


@router.get("/news/queue")
def news_queue(_caller: Viewer, sessions: Sessions,
               status: Annotated[str, Query(description="proposed | accepted | rejected | all")] = "proposed"
               ) -> list[dict[str, Any]]:
    """Queued news events in one state, with evidence sentence and source URL."""
    from corridor.store.news_events import queue

    return _queue_call(queue, sessions, None if status == "all" else status)


@router.post("/news/queue/{event_id}/{decision}")
def news_decide(event_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
                decision: Annotated[str, Path(pattern="^(accept|reject|edit)$")],
                body: Decision, actor: Analyst, sessions: Sessions) -> dict[str, Any]:
    """Accept, reject or edit one proposed event; the decision is written to the audit log."""
    from corridor.store.news_events import decide

    return _queue_call(decide, sessions, event_id, decision, actor, body.note, body.changes)
