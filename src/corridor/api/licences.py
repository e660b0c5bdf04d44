"""Licences, their balances, and drawdowns against them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from corridor.api.auth import Analyst, Viewer
from corridor.api.deps import IdempotencyKey, Sessions
from corridor.api.errors import RESPONSES
from corridor.licences import service
from corridor.licences.drawdown import Balance, Shipment
from corridor.licences.service import LicenceReport

router = APIRouter(tags=["licences"], responses=RESPONSES)
LicenceNumber = Annotated[str, Path(min_length=1, max_length=50)]


@router.get("/licences", response_model=list[LicenceReport])
def list_licences(_caller: Viewer, sessions: Sessions,
                  destination: Annotated[str | None, Query(max_length=2)] = None) -> list[LicenceReport]:
    return service.list_licences(sessions, destination)


@router.get("/licences/{number}", response_model=LicenceReport)
def show(number: LicenceNumber, _caller: Viewer, sessions: Sessions) -> LicenceReport:
    """A licence, its balance and every drawdown against it."""
    return service.show_licence(sessions, number)


@router.post("/licences/{number}/drawdowns", status_code=201, response_model=Balance)
def draw_down(number: LicenceNumber, shipment: Shipment, actor: Analyst, sessions: Sessions,
              idempotency_key: IdempotencyKey = None) -> Balance:
    """Ship against the licence; 409 with the reason when expired, exhausted or to another country.

    Send an `Idempotency-Key` header (any unique string) to retry safely: the same key and
    shipment return the first balance without drawing again; the same key on another
    shipment is refused with 409.
    """
    return service.draw_down(sessions, number, shipment, actor, idempotency_key)
