"""Licence applications and licences in the browser: draft from a check, edit the parties,
approve (four-eyes, enforced by the workflow), file, decide, draw down, and each one's history.

Every write goes through `corridor.licences.service`, the same calls the CLI and API make; a
refusal (wrong state, four-eyes, balance) is shown on the page with the field it names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import TypeAdapter, ValidationError

from corridor.export import Shipment as ExportShipment
from corridor.licences import service
from corridor.licences.drawdown import Shipment
from corridor.licences.errors import LicenceError
from corridor.licences.forms import ApplicationForm
from corridor.licences.workflow import Decision, Filing, Status
from corridor.web import ledger
from corridor.web.render import BROWSER_PREFIX, field_errors, page
from corridor.web.session import AsAnalyst, AsOfficer, AsViewer, Form

router = APIRouter(prefix=BROWSER_PREFIX, include_in_schema=False)
PARTIES = ("applicant", "purchaser", "intermediate_consignee", "ultimate_consignee", "end_user")
ITEM_FIELDS = ("control_number", "description", "quantity", "unit", "value", "currency")
ITEM_ROW = re.compile(r"items\.\d{1,3}\.control_number")
DECISIONS: TypeAdapter = TypeAdapter(Decision)


def _today() -> Any:
    return datetime.now(UTC).date()


def _message(failure: Exception) -> str:
    if isinstance(failure, LicenceError):
        return f"{failure.field}: {failure.reason}"
    return "; ".join(f"{k}: {v}" for k, v in field_errors(failure).items())


def _status(failure: Exception) -> int:
    return failure.status if isinstance(failure, LicenceError) else 422


@router.get("/applications")
def applications_page(request: Request, me: AsViewer, status: str = "") -> Response:
    wanted = Status(status) if status in Status.__members__ else None
    reports = service.list_applications(request.app.state.sessions, _today(), wanted)
    return page(request, "applications.html", reports=reports, statuses=list(Status), status=status,
                form={"exporter": "JP", "destination": "KR", "item": "", "on": "", "end_use": "civil"})


@router.post("/applications")
def draft(request: Request, me: AsAnalyst, form: Form) -> Response:
    """Run the check and draft an application from its `licence_required` answer."""
    sessions = request.app.state.sessions
    try:
        shipment = ExportShipment(exporter_country=form.get("exporter", ""),
                                  destination=form.get("destination", ""),
                                  item=form.get("item", ""), on=form.get("on", ""),
                                  end_use=form.get("end_use", "civil"))
        created = service.draft_from_check(sessions, shipment, ApplicationForm(), me.name)
    except (LicenceError, ValueError) as failure:
        reports = service.list_applications(sessions, _today())
        return page(request, "applications.html", _status(failure), reports=reports, statuses=list(Status),
                    status="", form=form, error=_message(failure))
    return RedirectResponse(f"/applications/{created.id}", 303)


def _history(request: Request, subject: str) -> list[dict[str, Any]]:
    return [{"seq": e.seq, "at": e.at, "actor": e.actor, "action": e.action}
            for e in ledger.entries(request.app.state.sessions, subject=subject)]


def _application_page(request: Request, application_id: int, status_code: int = 200,
                      **extra: Any) -> Response:
    report = service.show_application(request.app.state.sessions, application_id, _today())
    return page(request, "application.html", status_code, report=report, app=report.application,
                history=_history(request, f"application:{application_id}"), parties=PARTIES, **extra)


@router.get("/applications/{application_id}")
def application_page(request: Request, application_id: int, me: AsViewer) -> Response:
    try:
        return _application_page(request, application_id)
    except LicenceError as failure:
        return page(request, "refused.html", failure.status, error=_message(failure), next="/applications")


def form_from_fields(fields: dict[str, str], documents: list) -> ApplicationForm:
    """The application form from the page's flat fields (`applicant.name`, `items.0.quantity`);
    empty parties and item rows are left out, so the blank row the page adds stays unused."""
    data: dict[str, Any] = {"documents": documents}
    for party in PARTIES:
        if fields.get(f"{party}.name"):
            data[party] = {"name": fields[f"{party}.name"], "country": fields.get(f"{party}.country", ""),
                           "address": fields.get(f"{party}.address") or None}
    for name in ("end_use", "destination", "licence_type"):
        data[name] = fields.get(name) or None
    rows = sorted({int(key.split(".")[1]) for key in fields if ITEM_ROW.fullmatch(key)})
    data["items"] = [{name: fields.get(f"items.{row}.{name}", "") for name in ITEM_FIELDS}
                     for row in rows if fields.get(f"items.{row}.control_number")]
    return ApplicationForm.model_validate(data)


def _act(request: Request, application_id: int, action: Callable[[], Any]) -> Response:
    """Run one workflow step; on refusal show the application with the reason."""
    try:
        action()
    except (LicenceError, ValueError) as failure:
        return _application_page(request, application_id, _status(failure), error=_message(failure))
    return RedirectResponse(f"/applications/{application_id}", 303)


@router.post("/applications/{application_id}/form")
def edit(request: Request, application_id: int, me: AsAnalyst, form: Form) -> Response:
    sessions = request.app.state.sessions

    def save() -> None:
        current = service.show_application(sessions, application_id, _today()).application
        service.edit_draft(sessions, application_id, form_from_fields(form, list(current.form.documents)),
                           me.name)

    return _act(request, application_id, save)


@router.post("/applications/{application_id}/approve")
def approve(request: Request, application_id: int, me: AsOfficer, _form: Form) -> Response:
    return _act(request, application_id,
                lambda: service.approve(request.app.state.sessions, application_id, me.name))


@router.post("/applications/{application_id}/file")
def file(request: Request, application_id: int, me: AsAnalyst, form: Form) -> Response:
    def record() -> None:
        filing = Filing(filed_on=form.get("filed_on", ""), authority=form.get("authority", ""),
                        reference=form.get("reference", ""))
        service.file(request.app.state.sessions, application_id, filing, me.name)

    return _act(request, application_id, record)


@router.post("/applications/{application_id}/decide")
def decide(request: Request, application_id: int, me: AsOfficer, form: Form) -> Response:
    def record() -> None:
        fields = {k: v for k, v in form.items() if k != "csrf" and v != ""}
        if fields.get("outcome") != "approved":
            fields = {k: v for k, v in fields.items() if k in ("outcome", "decided_on", "reason")}
        else:
            fields.pop("reason", None)
        service.decide(request.app.state.sessions, application_id, DECISIONS.validate_python(fields), me.name)

    return _act(request, application_id, record)


@router.post("/applications/{application_id}/withdraw")
def withdraw(request: Request, application_id: int, me: AsAnalyst, form: Form) -> Response:
    return _act(request, application_id, lambda: service.withdraw(
        request.app.state.sessions, application_id, form.get("reason", ""), me.name))


@router.get("/licences")
def licences_page(request: Request, me: AsViewer) -> Response:
    return page(request, "licences.html", licences=service.list_licences(request.app.state.sessions))


def _licence_page(request: Request, number: str, status_code: int = 200, **extra: Any) -> Response:
    report = service.show_licence(request.app.state.sessions, number)
    return page(request, "licence.html", status_code, licence=report,
                history=_history(request, f"licence:{number}"), today=_today().isoformat(), **extra)


@router.get("/licences/{number}")
def licence_page(request: Request, number: str, me: AsViewer) -> Response:
    try:
        return _licence_page(request, number)
    except LicenceError as failure:
        return page(request, "refused.html", failure.status, error=_message(failure), next="/licences")


@router.post("/licences/{number}/drawdowns")
def draw_down(request: Request, number: str, me: AsAnalyst, form: Form) -> Response:
    """Record a shipment against the licence; the page then shows the balance left."""
    try:
        shipment = Shipment.model_validate({k: v for k, v in form.items() if k != "csrf" and v != ""})
        service.draw_down(request.app.state.sessions, number, shipment, me.name)
    except (LicenceError, ValidationError) as failure:
        return _licence_page(request, number, _status(failure), error=_message(failure))
    return RedirectResponse(f"/licences/{number}", 303)
