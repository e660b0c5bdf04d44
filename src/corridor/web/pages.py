"""The export check and the traveller's entry checklist: forms over the engines, no rules here.

Both read public rule packs only, so they are open without signing in; a signed-in visitor
also sees the accepted news events on the check page's timeline.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from corridor.entry import Traveller, Trip, assess
from corridor.export import Determination, Shipment, determine
from corridor.export.changes import change_row, pair_timeline
from corridor.packs.registry import load_packs
from corridor.web import news_queue
from corridor.web.render import FieldError, alert, field_errors, label, page
from corridor.web.session import visitor

router = APIRouter(include_in_schema=False)
Text = Annotated[str | None, Query(max_length=200)]
# docs/vocabulary.md: links may say `from`/`to` as the CLI and API do; the form fields keep their names.
From = Annotated[str | None, Query(alias="from", max_length=200)]
To = Annotated[str | None, Query(alias="to", max_length=200)]
LANES = {"export": "Export rules", "entry": "Entry rules", "relations": "Relations",
         "news": "News (accepted)"}


def _shipment(params: dict[str, Any]) -> Shipment:
    return Shipment(exporter_country=params["exporter"], destination=params["destination"],
                    item=params["item"], on=params["on"], end_use=params["end_use"],
                    exporter_has_icp=params["icp"] != "no")


def _check_form(exporter: str | None, destination: str | None, item: str | None, on: str | None,
                end_use: str | None, icp: str | None) -> dict[str, str]:
    return {"exporter": (exporter or "JP").strip().upper(),
            "destination": (destination or "KR").strip().upper(),
            "item": (item or "").strip(), "on": (on or "").strip(), "end_use": end_use or "civil",
            "icp": icp or "yes"}


def coverage_note(answer: Determination) -> str | None:
    """For a not-covered answer: the days the exporter's pack does answer for, if it has one."""
    if answer.outcome != "not_covered":
        return None
    pack = load_packs().get(answer.shipment.exporter_country, "export")
    if pack is None:
        return f"corridor has no export pack for {answer.shipment.exporter_country}."
    last = pack.meta.covers_to.isoformat() if pack.meta.covers_to else "today"
    return (f"The {pack.meta.title} pack covers {pack.meta.covers_from.isoformat()} to {last}; "
            f"{answer.shipment.on.isoformat()} lies outside it, so corridor does not guess.")


def timeline_rows(request: Request, exporter: str, destination: str, item: str) -> list[dict]:
    """The pair's pack changes for this item and, for signed-in visitors, accepted news events."""
    rows = [change_row(c) for c in pair_timeline(exporter, destination, item)]
    if visitor(request).may("viewer"):
        rows += news_queue.accepted_rows(request.app.state.sessions, exporter, destination)
    for row in rows:
        row["lane"] = LANES.get(row["domain"], row["domain"])
    return sorted(rows, key=lambda r: r["day"])


@router.get("/", response_class=HTMLResponse)
def check_page(request: Request, exporter: Text = None, destination: Text = None, item: Text = None,
               on: Text = None, end_use: Text = None, icp: Text = None, notes: bool = False,
               first: From = None, to: To = None) -> Response:
    """The export check form; with an item and a date, the determination and the pair's timeline."""
    exporter, destination = first or exporter, to or destination
    form = _check_form(exporter, destination, item, on, end_use, icp)
    answer = rows = None
    errors: dict[str, str] = {}
    if form["item"] and form["on"]:
        try:
            answer = determine(_shipment(form))
            rows = timeline_rows(request, form["exporter"], form["destination"], form["item"])
        except ValueError as failure:
            errors = field_errors(failure)
    return page(request, "check.html", 422 if errors else 200, form=form, answer=answer, rows=rows,
                errors=errors, error=alert(errors),
                coverage=answer and coverage_note(answer), notes=notes, lanes=list(LANES.values()))


@router.get("/web/timeline")
def timeline_page(request: Request) -> Response:
    """A browser asking for `/timeline?from=JP&to=KR&item=…` gets the check page and its chart."""
    params = request.query_params
    query = urlencode({"exporter": params.get("from", "JP"), "destination": params.get("to", "KR"),
                       "item": params.get("item", ""),
                       "on": params.get("until") or params.get("since") or ""})
    return RedirectResponse(f"/?{query}", 303)


@router.get("/check.csv")
def check_csv(exporter: Text = None, destination: Text = None, item: Text = None, on: Text = None,
              end_use: Text = None, icp: Text = None) -> Response:
    """The determination as CSV: the answer's fields, then one line per rule with its source."""
    form = _check_form(exporter, destination, item, on, end_use, icp)
    try:
        answer = determine(_shipment(form))
    except (ValueError, ValidationError) as failure:
        return Response(str(failure), status_code=422, media_type="text/plain")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["field", "value", "detail", "source"])
    for field in ("exporter_country", "destination", "item", "on", "end_use"):
        writer.writerow([field, str(getattr(answer.shipment, field)), "", ""])
    writer.writerow(["outcome", answer.outcome, label(answer.outcome), ""])
    writer.writerow(["destination_group", answer.destination_group or "", "", ""])
    writer.writerow(["review_days", answer.review_days if answer.review_days is not None else "", "", ""])
    writer.writerow(["licence_types_open", " ".join(answer.licence_types.open), "", ""])
    writer.writerow(["explanation", answer.explanation, "", ""])
    writer.writerow(["pack_version", answer.pack_version or "", "", ""])
    for rule in answer.rules:
        writer.writerow([f"rule:{rule.id}", "applied" if rule.applied else "not applied",
                         rule.reason or rule.effect, rule.source or ""])
    name = f"determination-{form['exporter']}-{form['destination']}-{form['item']}-{form['on']}.csv"
    return Response(out.getvalue(), media_type="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


ENTRY_FIELDS = ("destination", "origin", "nationality", "purpose", "on", "arrival_time", "departure_on",
                "track", "residence_country", "residence_status", "reentry_permit", "left_on",
                "visa_issued", "vaccine_doses", "pledge", "activity_plan", "test_type", "test_taken_at",
                "stayed_country", "stayed_region", "stayed_last_day")
ENTRY_DEFAULTS = {"destination": "JP", "origin": "KR", "nationality": "KR", "purpose": "business",
                  "arrival_time": "12:00", "vaccine_doses": "0"}


def _traveller_and_trip(form: dict[str, str]) -> tuple[Traveller, Trip]:
    """Build the engine's input from the form; pydantic names the field of any bad value."""
    arrival = datetime.combine(_day(form["on"], "on"), _time(form["arrival_time"], "arrival_time"))
    departure = datetime.combine(_day(form["departure_on"], "departure_on"), time(0)) \
        if form["departure_on"] else arrival
    documents = [d for d in ("pledge", "activity_plan") if form[d]]
    tests = [{"type": form["test_type"], "taken_at": form["test_taken_at"]}] if form["test_type"] else []
    stayed = [{"country": form["stayed_country"], "region": form["stayed_region"] or None,
               "last_day": form["stayed_last_day"] or None}] if form["stayed_country"] else []
    traveller = Traveller.model_validate({
        "nationality": form["nationality"], "purpose": form["purpose"], "track": form["track"] or None,
        "residence_country": form["residence_country"] or None,
        "residence_status": form["residence_status"] or None, "reentry_permit": bool(form["reentry_permit"]),
        "left_on": form["left_on"] or None, "visa_issued": form["visa_issued"] or None,
        "vaccine_doses": form["vaccine_doses"] or 0, "documents": documents, "tests": tests})
    trip = Trip.model_validate({"origin": form["origin"], "destination": form["destination"],
                                "departure": departure, "arrival": arrival, "stayed": stayed})
    return traveller, trip


def _field_name(path: str) -> str:
    """`tests.0.taken_at` → the form's `test_taken_at`; `stayed.0.region` → `stayed_region`."""
    parts = path.split(".")
    if parts[0] in ("tests", "stayed", "documents") and len(parts) > 2:
        return {"tests": "test_", "stayed": "stayed_", "documents": ""}[parts[0]] + parts[2]
    return parts[-1] if parts[0] in ("departure", "arrival") else parts[0]


@router.get("/entry", response_class=HTMLResponse)
def entry_page(request: Request) -> Response:
    """The traveller's checklist for one crossing; every field the entry engine takes."""
    params = {**request.query_params}
    params.setdefault("origin", params.pop("from", None) or ENTRY_DEFAULTS.get("origin", ""))
    params.setdefault("destination", params.pop("to", None) or ENTRY_DEFAULTS.get("destination", ""))
    form = {name: params.get(name, ENTRY_DEFAULTS.get(name, ""))[:200] for name in ENTRY_FIELDS}
    answer, errors = None, {}
    if form["on"]:
        try:
            answer = assess(*_traveller_and_trip(form))
        except ValueError as failure:
            errors = {_field_name(path): message for path, message in field_errors(failure).items()}
    return page(request, "entry.html", 422 if errors else 200, form=form, answer=answer, errors=errors,
                error=alert(errors), notes=params.get("notes") == "1")


def _day(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as failure:
        raise FieldError(field, f"{value!r} is not a date (YYYY-MM-DD)") from failure


def _time(value: str, field: str) -> time:
    try:
        return time.fromisoformat(value or "12:00")
    except ValueError as failure:
        raise FieldError(field, f"{value!r} is not a time (HH:MM)") from failure
