"""Licence applications: draft, edit, approve, file, decide, withdraw, list, show, stats."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Body, Path, Query, Response
from pydantic import BaseModel, ConfigDict, Field

from corridor.api.auth import Analyst, Officer, Viewer
from corridor.api.deps import IdempotencyKey, Sessions, Today
from corridor.api.errors import RESPONSES, bad_input
from corridor.api.vocabulary import CheckQuestion
from corridor.licences import service
from corridor.licences.forms import ApplicationForm, LongText
from corridor.licences.review import ReviewStats
from corridor.licences.service import ApplicationReport
from corridor.licences.workflow import Decision, Filing, ListedStatus

router = APIRouter(tags=["applications"], responses=RESPONSES)
ApplicationId = Annotated[int, Path(ge=1, le=2**31 - 1)]


class DraftFromCheck(BaseModel):
    """A shipment to check and, if it needs a licence, the form fields known so far."""

    model_config = ConfigDict(extra="forbid")

    shipment: CheckQuestion
    form: ApplicationForm = Field(default_factory=ApplicationForm)


class Withdrawal(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: LongText


@router.post("/applications", status_code=201, response_model=ApplicationReport)
def create(form: ApplicationForm, actor: Analyst, sessions: Sessions, today: Today) -> ApplicationReport:
    """Draft an application (parties may still be missing; approval requires them)."""
    created = service.create_draft(sessions, form, actor)
    return service.show_application(sessions, created.id, today)


@router.post("/applications/from-determination", status_code=201, response_model=ApplicationReport)
def from_determination(request: DraftFromCheck, response: Response, actor: Analyst, sessions: Sessions,
                       today: Today) -> ApplicationReport:
    """Check the shipment and draft an application from a `licence_required` answer; the draft keeps
    the determination and its pack version."""
    request.shipment.warn_deprecated(response)
    try:
        created = service.draft_from_check(sessions, request.shipment.shipment(today), request.form, actor)
    except ValueError as error:  # the engine's unknown country or control number
        raise bad_input(error, "shipment") from error
    return service.show_application(sessions, created.id, today)


@router.put("/applications/{application_id}/form", response_model=ApplicationReport)
def edit(application_id: ApplicationId, form: ApplicationForm, actor: Analyst, sessions: Sessions,
         today: Today) -> ApplicationReport:
    """Replace the form of a draft."""
    service.edit_draft(sessions, application_id, form, actor)
    return service.show_application(sessions, application_id, today)


@router.post("/applications/{application_id}/approve", response_model=ApplicationReport)
def approve(application_id: ApplicationId, actor: Officer, sessions: Sessions,
            today: Today) -> ApplicationReport:
    """Internal approval by an officer who neither prepared nor edited the application."""
    service.approve(sessions, application_id, actor)
    return service.show_application(sessions, application_id, today)


@router.post("/applications/{application_id}/file", response_model=ApplicationReport)
def file(application_id: ApplicationId, filing: Filing, actor: Analyst, sessions: Sessions,
         today: Today) -> ApplicationReport:
    """Record the filing with the authority (date, authority, reference number)."""
    service.file(sessions, application_id, filing, actor)
    return service.show_application(sessions, application_id, today)


@router.post("/applications/{application_id}/decide", response_model=ApplicationReport)
def decide(application_id: ApplicationId, decision: Annotated[Decision, Body()], actor: Officer,
           sessions: Sessions, today: Today, idempotency_key: IdempotencyKey = None) -> ApplicationReport:
    """Record the authority's decision: approved (grants the licence), denied, or returned.
    With an `Idempotency-Key` header a retry gets the same answer instead of a 409."""
    service.decide(sessions, application_id, decision, actor, idempotency_key)
    return service.show_application(sessions, application_id, today)


@router.post("/applications/{application_id}/withdraw", response_model=ApplicationReport)
def withdraw(application_id: ApplicationId, withdrawal: Withdrawal, actor: Analyst, sessions: Sessions,
             today: Today) -> ApplicationReport:
    """Withdraw an open application."""
    service.withdraw(sessions, application_id, withdrawal.reason, actor)
    return service.show_application(sessions, application_id, today)


@router.get("/applications", response_model=list[ApplicationReport])
def list_applications(_caller: Viewer, sessions: Sessions, today: Today, status: ListedStatus | None = None,
                      destination: Annotated[str | None, Query(max_length=2)] = None,
                      authority: Annotated[str | None, Query(max_length=50)] = None,
                      overdue: bool = False) -> list[ApplicationReport]:
    """Applications with their review clocks; `overdue=true` keeps those past the review period."""
    return service.list_applications(sessions, today, status, destination, authority, overdue)


@router.get("/applications/{application_id}", response_model=ApplicationReport)
def show(application_id: ApplicationId, _caller: Viewer, sessions: Sessions,
         today: Today) -> ApplicationReport:
    return service.show_application(sessions, application_id, today)


@router.get("/stats", response_model=ReviewStats)
def stats(_caller: Viewer, sessions: Sessions, today: Today,
          authority: Annotated[str | None, Query(max_length=50)] = None,
          item: Annotated[str | None, Query(max_length=50)] = None,
          destination: Annotated[str | None, Query(max_length=2)] = None,
          since: date | None = None) -> ReviewStats:
    """Filings, approvals, denials and review days (median, max), filtered."""
    return service.stats(sessions, today, authority, item, destination, since)
