"""Server-rendered pages over the same engines the CLI and API call; no rules of their own."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from corridor.entry import Traveller, Trip, assess
from corridor.export import Shipment, determine
from corridor.export.changes import change_row, pair_timeline
from corridor.packs.schema.entry import PURPOSES, TRACKS

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.globals.update(purposes=PURPOSES, tracks=TRACKS, end_uses=("civil", "military", "wmd"))
Text = Annotated[str | None, Query(max_length=200)]
# The vocabulary of docs/vocabulary.md; last release's names (`exporter`, `origin`, `destination`)
# still fill the form for one release so that bookmarked links keep working.
From = Annotated[str | None, Query(alias="from", max_length=200)]
To = Annotated[str | None, Query(alias="to", max_length=200)]


@router.get("/", response_class=HTMLResponse)
def check_page(request: Request, first: From = None, to: To = None, item: Text = None, on: Text = None,
               end_use: Text = "civil", exporter: Text = None, destination: Text = None) -> HTMLResponse:
    """The export check form; with an item and a date, the determination and the pair's timeline."""
    exporter, destination = first or exporter or "JP", to or destination or "KR"
    form = {"exporter": exporter, "destination": destination, "item": item or "", "on": on or "",
            "end_use": end_use}
    answer = error = rows = None
    if item and on:
        try:
            shipment = Shipment(exporter_country=exporter, destination=destination, item=item,
                                on=_day(on, "on"), end_use=end_use)
            answer = determine(shipment)
            rows = [change_row(c) for c in pair_timeline(exporter, destination, item)]
        except ValueError as failure:
            error = _message(failure)
    return templates.TemplateResponse(request, "check.html",
                                      {"form": form, "answer": answer, "error": error, "rows": rows})


@router.get("/entry", response_class=HTMLResponse)
def entry_page(request: Request, first: From = None, to: To = None, nationality: Text = "KR",
               purpose: Text = "business", on: Text = None, track: Text = None,
               vaccine_doses: Annotated[int, Query(ge=0, le=10)] = 0,
               origin: Text = None, destination: Text = None) -> HTMLResponse:
    """The traveller's checklist for one crossing on one day."""
    origin, destination = first or origin or "KR", to or destination or "JP"
    form = {"destination": destination, "origin": origin, "nationality": nationality,
            "purpose": purpose, "on": on or "", "track": track or "", "vaccine_doses": vaccine_doses}
    answer = error = None
    if on:
        try:
            arrival = datetime.combine(_day(on, "on"), time(12))
            traveller = Traveller(nationality=nationality, purpose=purpose, track=track or None,
                                  vaccine_doses=vaccine_doses)
            trip = Trip(origin=origin, destination=destination, departure=arrival, arrival=arrival)
            answer = assess(traveller, trip)
        except ValueError as failure:
            error = _message(failure)
    return templates.TemplateResponse(request, "entry.html",
                                      {"form": form, "answer": answer, "error": error})


def _day(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as failure:
        raise ValueError(f"{field}: {value!r} is not a date (YYYY-MM-DD)") from failure


def _message(failure: ValueError) -> str:
    """pydantic's errors carry the field in `loc`; others already name it."""
    errors = getattr(failure, "errors", None)
    if callable(errors):
        return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']} (value {e.get('input')!r})"
                         for e in errors())
    return str(failure)
