"""Shared inputs for the licence tests: a complete METI-style form and a granted licence."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy.orm import sessionmaker

from corridor.licences import service
from corridor.licences.forms import ApplicationForm
from corridor.licences.workflow import Approval, Filing

FORM = {
    "applicant": {"name": "JSR Corporation", "country": "JP"},
    "purchaser": {"name": "Samsung Electronics", "country": "KR"},
    "ultimate_consignee": {"name": "Samsung Electronics Hwaseong", "country": "KR"},
    "end_user": {"name": "Samsung Electronics", "country": "KR"},
    "end_use": "EUV lithography for memory fabrication",
    "destination": "KR",
    "licence_type": "individual",
    "items": [{"control_number": "3C002", "description": "EUV photoresist", "quantity": "100", "unit": "kg",
               "value": "5000000", "currency": "JPY"}],
    "documents": [{"title": "Sales contract", "kind": "contract", "filename": "contract.pdf",
                   "sha256": "ab" * 32}],
}
FILING = Filing(filed_on=date(2019, 7, 10), authority="METI", reference="METI-2019-0001")
APPROVAL = Approval(decided_on=date(2019, 8, 7), licence_number="JP-L-001", licence_type="individual",
                    valid_until=date(2020, 2, 6))


def form(**changes) -> ApplicationForm:
    return ApplicationForm.model_validate({**FORM, **changes})


def filed_application(sessions: sessionmaker) -> int:
    """Prepared by alice, approved by bob, filed with METI on 2019-07-10."""
    application = service.create_draft(sessions, form(), "alice")
    service.approve(sessions, application.id, "bob")
    service.file(sessions, application.id, FILING, "alice")
    return application.id


def granted_licence(sessions: sessionmaker, quantity: str = "100", value: str = "5000000") -> str:
    """Licence JP-L-001 for 3C002 to KR, valid 2019-08-07..2020-02-06, with the given limits."""
    application_id = filed_application(sessions)
    limits = {"quantity_limit": Decimal(quantity), "value_limit": Decimal(value)}
    approval = APPROVAL.model_copy(update=limits)
    service.decide(sessions, application_id, approval, "bob")
    return APPROVAL.licence_number


def api_client(db_url: str):
    """A TestClient over a fresh app and a bearer header for each role (user named after it)."""
    from fastapi.testclient import TestClient

    from corridor.api import create_app
    from corridor.store.users import Role

    app = create_app(db_url)
    tokens = {role.value: service.add_user(app.state.sessions, role.value, role, "setup") for role in Role}
    return TestClient(app), {role: {"Authorization": f"Bearer {token}"} for role, token in tokens.items()}
