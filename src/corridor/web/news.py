"""The news review queue: read an article, review each event it reports, accept (optionally
with the day or summary corrected) or reject with a reason. Accepted events appear on the
check page's timeline. The queue itself is behind `corridor.web.news_queue` (an adapter)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from corridor.news.ingest import UnreadableInput
from corridor.web import news_queue
from corridor.web.render import BROWSER_PREFIX, page
from corridor.web.session import AsAnalyst, AsViewer, Form

router = APIRouter(prefix=BROWSER_PREFIX, include_in_schema=False)


def _page(request: Request, status_code: int = 200, **extra) -> Response:
    queued = news_queue.queue(request.app.state.sessions)
    return page(request, "news.html", status_code, queue=queued, **extra)


@router.get("/news/review")
def review_page(request: Request, me: AsViewer, notice: str = "") -> Response:
    return _page(request, notice=notice)


@router.post("/news/review/articles")
def read(request: Request, me: AsAnalyst, form: Form) -> Response:
    """Queue the events of a pasted article (text or HTML) for review."""
    text, source = form.get("content", ""), form.get("source", "").strip() or "pasted in the browser"
    if not text.strip():
        return _page(request, 422, error="content: paste the article's text or HTML")
    try:
        added = news_queue.propose(request.app.state.sessions, me.name, text.encode(), source)
    except UnreadableInput as failure:
        return _page(request, 422, error=f"content: {failure}")
    return RedirectResponse(f"/news/review?notice={added}+new+event(s)+queued", 303)


@router.post("/news/review/{key}")
def decide(request: Request, key: str, me: AsAnalyst, form: Form) -> Response:
    try:
        news_queue.review(request.app.state.sessions, me.name, key, form.get("verdict", ""),
                          form.get("reason", ""), {f: form.get(f, "") for f in news_queue.EDITABLE})
    except ValueError as failure:
        return _page(request, 422, error=str(failure))
    return RedirectResponse(f"/news/review?notice={form.get('verdict')}", 303)
