"""`/news/report`: one article's date, entities and typed events, linked to the packs' facts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from corridor.api.auth import Viewer
from corridor.api.errors import RESPONSES, bad_input
from corridor.news.ingest import UnreadableInput, read_article
from corridor.news.report import report_article
from corridor.packs.registry import load_packs

router = APIRouter(tags=["news"], responses=RESPONSES)


class ArticleText(BaseModel):
    """An article as HTML or plain text, and where it came from (a URL or file name)."""

    model_config = ConfigDict(extra="forbid")

    content: Annotated[str, Field(min_length=1, max_length=2_000_000)]
    source: Annotated[str, Field(min_length=1, max_length=2000)] = "api"


@router.post("/news/report")
def news_report(article: ArticleText, _caller: Viewer) -> dict[str, Any]:
    """What `corridor news ingest --json` prints for one article."""
    try:
        read = read_article(article.content.encode(), article.source)
    except UnreadableInput as error:
        raise bad_input(error, "content") from error
    return report_article(read, load_packs()).as_json()
