"""`/news/report`: one article's date, entities and typed events, linked to the packs' facts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from corridor.api.auth import Viewer
from corridor.api.errors import RESPONSES, bad_input
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
