"""Screening a name (with its qualifiers), deciding on hits, and screening a CSV of names.

A batch runs in a background thread so the page can show its progress; its rows are read
first, bad rows are reported with the reason and the good ones are all screened; the result
is kept in memory for download until the server restarts (the lists' revisions are named in
it, so a download is reproducible from the store).
"""

from __future__ import annotations

import csv
import io
import secrets
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from corridor.api.errors import ApiError
from corridor.api.screening import current_index
from corridor.screening import Query, Schema, ScreeningIndex, screen
from corridor.store.lists import list_status
from corridor.web import decisions
from corridor.web.render import BROWSER_PREFIX, page
from corridor.web.session import AsOfficer, AsViewer, Form, checked_form

router = APIRouter(prefix=BROWSER_PREFIX, include_in_schema=False)
MAX_BATCH_ROWS = 20_000
BATCH_COLUMNS = ("row", "name", "country", "schema", "on", "status", "best_band", "best_score", "best_list",
                 "best_id", "best_name", "hits", "error")


def _query(name: str, on: str, schema: str, country: str, lists: list[str]) -> Query:
    try:
        day = date.fromisoformat(on) if on else datetime.now(UTC).date()
    except ValueError as failure:
        raise ValueError(f"on: {on!r} is not a date (YYYY-MM-DD)") from failure
    return Query(name=name, on=day, schema=Schema.parse(schema) if schema else None,
                 country=country or None, lists=frozenset(lists) if lists else None)


def _index(request: Request) -> ScreeningIndex:
    return current_index(request, request.app.state.sessions)


@router.get("/screen")
def screen_page(request: Request, me: AsViewer, name: str = "", on: str = "", schema: str = "",
                country: str = "", notice: str = "") -> Response:
    """One name against the loaded lists; officers may clear or confirm each hit with a reason."""
    sessions = request.app.state.sessions
    lists = request.query_params.getlist("lists")
    result = error = None
    decided: dict = {}
    if name.strip():
        try:
            result = screen(_index(request), _query(name, on, schema, country, lists)).to_json()
            decided = decisions.decisions_for(sessions, result["query"])
        except ApiError as failure:
            error = failure.reason
        except ValueError as failure:
            error = str(failure)
    form = {"name": name, "on": on or datetime.now(UTC).date().isoformat(), "schema": schema,
            "country": country, "lists": lists}
    return page(request, "screen.html", 422 if error and name else 200, form=form, result=result,
                decided=decided, error=error, notice=notice, statuses=list_status(sessions),
                schemas=[s.value for s in Schema])


@router.post("/screen/decide")
def decide_hit(request: Request, me: AsOfficer, form: Form) -> Response:
    """Record clear/confirm with the reason, then show the same screening again."""
    try:
        decisions.decide(request.app.state.sessions, me.name, list_name=form.get("list", ""),
                         party_id=form.get("party_id", ""), query=form.get("name", ""),
                         on=date.fromisoformat(form.get("on", "")), verdict=form.get("verdict", ""),
                         reason=form.get("reason", ""))
    except ValueError as failure:
        return page(request, "screen.html", 422, form={**form, "lists": []}, result=None, decided={},
                    error=str(failure), statuses=list_status(request.app.state.sessions),
                    schemas=[s.value for s in Schema])
    back = request.url_for("screen_page").include_query_params(
        name=form.get("name", ""), on=form.get("on", ""), schema=form.get("schema", ""),
        country=form.get("country", ""), notice=f"{form.get('verdict')}: {form.get('party_id')}")
    return RedirectResponse(str(back), 303)


@dataclass
class Batch:
    """One uploaded CSV being screened: how far it got and, when done, its result rows."""

    total: int
    done: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)
    finished: bool = False
    failed: str | None = None
    lists: str = ""


def read_names(text: str) -> list[dict[str, str]]:
    """The upload's rows; it needs a `name` column and may have `country`, `schema` and `on`."""
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    if "name" not in columns:
        raise ValueError(f"file: the CSV needs a 'name' column; found {', '.join(columns) or 'none'}")
    rows = [{k.strip().lower(): (v or "").strip() for k, v in row.items() if k} for row in reader]
    if len(rows) > MAX_BATCH_ROWS:
        raise ValueError(f"file: {len(rows)} rows; at most {MAX_BATCH_ROWS} per upload")
    return rows


def screen_row(index: ScreeningIndex, number: int, row: dict[str, str]) -> dict[str, Any]:
    """One output line: the best hit and the count, or the reason the row could not be screened."""
    out = {"row": number, "name": row.get("name", ""), "country": row.get("country", ""),
           "schema": row.get("schema", ""), "on": row.get("on", "")}
    try:
        result = screen(index, _query(out["name"], out["on"], out["schema"], out["country"], []))
    except ValueError as failure:
        return {**out, "status": "error", "hits": 0, "error": str(failure)}
    best = result.hits[0] if result.hits else None
    return {**out, "on": result.query.on.isoformat(), "status": best.band if best else "clear",
            "best_band": best.band if best else "", "best_score": best.score if best else "",
            "best_list": best.party.list_name if best else "", "best_id": best.party.id if best else "",
            "best_name": best.party.name if best else "", "hits": len(result.hits), "error": ""}


def _run(batch: Batch, index: ScreeningIndex, rows: list[dict[str, str]]) -> None:
    try:
        for number, row in enumerate(rows, start=1):
            batch.rows.append(screen_row(index, number, row))
            batch.done = number
    except Exception as failure:  # noqa: BLE001 — reported on the page instead of lost in a thread
        batch.failed = f"{type(failure).__name__}: {failure}"
    batch.finished = True


def _batches(request: Request) -> dict[str, Batch]:
    if not hasattr(request.app.state, "batches"):
        request.app.state.batches = {}
    return request.app.state.batches


@router.post("/screen/batch")
async def start_batch(request: Request, me: AsViewer) -> Response:
    """Start screening an uploaded CSV; answers the job's id (JSON for the page's script)."""
    await checked_form(request)
    upload = (await request.form()).get("file")
    if upload is None or isinstance(upload, str):
        return JSONResponse({"error": "file: choose a CSV file to upload"}, 422)
    try:
        rows = read_names((await upload.read()).decode("utf-8-sig"))
        index = _index(request)
    except UnicodeDecodeError:
        return JSONResponse({"error": "file: not UTF-8 text; save the CSV as UTF-8"}, 422)
    except ApiError as failure:
        return JSONResponse({"error": failure.reason}, 409)
    except ValueError as failure:
        return JSONResponse({"error": str(failure)}, 422)
    job = secrets.token_urlsafe(9)
    revisions = ", ".join(f"{s.name}@{s.revision}" for s in list_status(request.app.state.sessions))
    batch = _batches(request)[job] = Batch(total=len(rows), lists=revisions)
    threading.Thread(target=_run, args=(batch, index, rows), daemon=True).start()
    return JSONResponse({"job": job, "total": len(rows)}, 202)


def _batch(request: Request, job: str) -> Batch | None:
    return _batches(request).get(job)


@router.get("/screen/batch/{job}/progress")
def batch_progress(request: Request, job: str, me: AsViewer) -> Response:
    batch = _batch(request, job)
    if batch is None:
        return JSONResponse({"error": f"job: no batch {job!r} (results are kept until a restart)"}, 404)
    bad = sum(1 for r in batch.rows if r["status"] == "error")
    flagged = sum(1 for r in batch.rows if r["status"] in ("match", "review"))
    return JSONResponse({"total": batch.total, "done": batch.done, "finished": batch.finished,
                         "failed": batch.failed, "bad_rows": bad, "flagged": flagged})


@router.get("/screen/batch/{job}.csv")
def batch_result(request: Request, job: str, me: AsViewer) -> Response:
    batch = _batch(request, job)
    if batch is None or not batch.finished:
        return Response("not ready", 404 if batch is None else 409, media_type="text/plain")
    out = io.StringIO()
    out.write(f"# lists: {batch.lists}\n")
    writer = csv.DictWriter(out, BATCH_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(batch.rows)
    return Response(out.getvalue(), media_type="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="screening-{job}.csv"'})
