"""Applications and licences over HTTP: the whole path, and every refusal as JSON naming the field."""

from __future__ import annotations

import pytest
from licence_fixtures import FORM, api_client

SHIPMENT = {"exporter_country": "JP", "destination": "KR", "item": "3C002", "on": "2019-08-01"}
FILING = {"filed_on": "2019-08-02", "authority": "METI", "reference": "METI-2019-0815"}
APPROVAL = {"outcome": "approved", "decided_on": "2019-09-01", "licence_number": "JP-L-9",
            "licence_type": "individual", "valid_until": "2020-02-29", "quantity_limit": "50"}
DRAWDOWN = {"quantity": "30", "value": "1000000", "destination": "KR", "shipped_on": "2019-09-10",
            "control_number": "3C002", "reference": "INV-1"}


@pytest.fixture
def api(db_url):
    return api_client(db_url)


def audit_entries(client, headers) -> int:
    return client.get("/audit/verify", headers=headers["viewer"]).json()["entries"]


def licensed(client, headers) -> int:
    """Check → draft → approve → file → approve decision; returns the application id."""
    created = client.post("/applications/from-determination", json={"shipment": SHIPMENT, "form": FORM},
                          headers=headers["analyst"])
    assert created.status_code == 201, created.json()
    application_id = created.json()["application"]["id"]
    for path, body, role in (("approve", None, "officer"), ("file", FILING, "analyst"),
                             ("decide", APPROVAL, "officer")):
        response = client.post(f"/applications/{application_id}/{path}", json=body, headers=headers[role])
        assert response.status_code == 200, response.json()
    return application_id


def test_check_to_licence_to_drawdown(api) -> None:
    client, headers = api
    application_id = licensed(client, headers)
    shown = client.get(f"/applications/{application_id}", headers=headers["viewer"]).json()
    assert shown["application"]["status"] == "approved" and shown["licence_number"] == "JP-L-9"
    assert shown["application"]["determination"]["review_days"] == 90
    assert shown["review"] == {"days_under_review": 30, "review_days": 90, "overdue": False}

    drawn = client.post("/licences/JP-L-9/drawdowns", json=DRAWDOWN, headers=headers["analyst"])
    assert drawn.status_code == 201 and drawn.json()["quantity_left"] == "20"
    licence = client.get("/licences/JP-L-9", headers=headers["viewer"]).json()
    assert licence["drawdowns"][0]["actor"] == "analyst"
    stats = client.get("/stats", params={"authority": "METI", "item": "3C002", "destination": "KR",
                                         "since": "2019-08-01"}, headers=headers["viewer"]).json()
    assert (stats["filings"], stats["approvals"], stats["review_days_max"]) == (1, 1, 30)
    assert client.get("/audit/verify", headers=headers["viewer"]).json()["intact"]


def test_exceeding_the_balance_is_409_with_the_reason_and_changes_nothing(api) -> None:
    client, headers = api
    licensed(client, headers)
    before = client.get("/licences/JP-L-9", headers=headers["viewer"]).json()
    entries = audit_entries(client, headers)
    response = client.post("/licences/JP-L-9/drawdowns", json={**DRAWDOWN, "quantity": "51"},
                           headers=headers["analyst"])
    assert response.status_code == 409
    assert response.json()["error"]["field"] == "quantity"
    assert "only 50 kg left" in response.json()["error"]["reason"]
    assert client.get("/licences/JP-L-9", headers=headers["viewer"]).json() == before
    assert audit_entries(client, headers) == entries


def test_wrong_state_is_409_and_leaves_the_application_unchanged(api) -> None:
    client, headers = api
    created = client.post("/applications", json=FORM, headers=headers["analyst"]).json()
    application_id = created["application"]["id"]
    entries = audit_entries(client, headers)
    response = client.post(f"/applications/{application_id}/decide", json=APPROVAL,
                           headers=headers["officer"])
    assert response.status_code == 409
    assert response.json()["error"] == {
        "status": 409, "field": "status", "value": "draft",
        "reason": "cannot decide an application that is draft; allowed from: filed"}
    shown = client.get(f"/applications/{application_id}", headers=headers["viewer"]).json()
    assert shown == created
    assert audit_entries(client, headers) == entries


def test_four_eyes_over_http(api) -> None:
    client, headers = api
    created = client.post("/applications", json=FORM, headers=headers["officer"]).json()
    application_id = created["application"]["id"]
    response = client.post(f"/applications/{application_id}/approve", headers=headers["officer"])
    assert response.status_code == 409 and response.json()["error"]["field"] == "actor"


@pytest.mark.parametrize(("path", "body", "field"), [
    ("/applications", {**FORM, "destination": "KX"}, "body.destination"),
    ("/applications", {**FORM, "items": [{**FORM["items"][0], "quantity": "-5"}]}, "body.items.0.quantity"),
    ("/applications", {**FORM, "purchasr": {"name": "typo", "country": "KR"}}, "body.purchasr"),
    ("/applications/from-determination", {"shipment": {**SHIPMENT, "item": "3C0O2"}}, "item"),
    ("/applications/1/file", {**FILING, "filed_on": "2019-02-30"}, "body.filed_on"),
    ("/check", {**SHIPMENT, "destination": "Korea"}, "destination"),
])
def test_bad_input_is_422_naming_the_field(api, path, body, field) -> None:
    client, headers = api
    response = client.post(path, json=body, headers=headers["admin"])
    assert response.status_code == 422, response.json()
    assert response.json()["error"]["field"] == field


def test_unknown_ids_are_404(api) -> None:
    client, headers = api
    assert client.get("/applications/77", headers=headers["viewer"]).status_code == 404
    response = client.post("/licences/NOPE/drawdowns", json=DRAWDOWN, headers=headers["analyst"])
    assert response.status_code == 404 and response.json()["error"]["field"] == "licence_number"


def test_timeline_lists_dated_changes_with_sources(api) -> None:
    client, headers = api
    rows = client.get("/timeline", params={"from": "JP", "to": "KR", "since": "2019-07-01",
                                           "until": "2019-07-31"}, headers=headers["viewer"]).json()
    assert any(r["day"] == "2019-07-04" and r["sources"] for r in rows)


def test_returned_for_changes_then_edited_approved_and_filed_again(api) -> None:
    client, headers = api
    created = client.post("/applications", json=FORM, headers=headers["analyst"]).json()
    path = f"/applications/{created['application']['id']}"
    client.post(f"{path}/approve", headers=headers["officer"])
    client.post(f"{path}/file", json=FILING, headers=headers["analyst"])
    returned = client.post(f"{path}/decide", json={"outcome": "returned", "decided_on": "2019-08-20",
                                                   "reason": "end-use certificate missing"},
                           headers=headers["officer"]).json()
    assert returned["application"]["status"] == "draft"
    assert returned["review"]["days_under_review"] == 18

    documents = [*FORM["documents"], {"title": "End-use certificate", "kind": "end_use_certificate",
                                      "filename": "euc.pdf", "sha256": "cd" * 32}]
    edited = client.put(f"{path}/form", json={**FORM, "documents": documents}, headers=headers["officer"])
    assert edited.status_code == 200
    refused = client.post(f"{path}/approve", headers=headers["officer"])
    assert refused.status_code == 409 and refused.json()["error"]["field"] == "actor"  # the officer edited it
    assert client.post(f"{path}/approve", headers=headers["admin"]).status_code == 200
    refiled = client.post(f"{path}/file", json={**FILING, "filed_on": "2019-08-22", "reference": "METI-2"},
                          headers=headers["analyst"]).json()
    assert refiled["application"]["filing"]["reference"] == "METI-2"
    assert refiled["application"]["decision"] is None


def test_withdrawn_application_cannot_be_decided_and_lists_by_status(api) -> None:
    client, headers = api
    created = client.post("/applications", json=FORM, headers=headers["analyst"]).json()
    path = f"/applications/{created['application']['id']}"
    client.post(f"{path}/approve", headers=headers["officer"])
    client.post(f"{path}/file", json=FILING, headers=headers["analyst"])
    withdrawn = client.post(f"{path}/withdraw", json={"reason": "order cancelled"},
                            headers=headers["analyst"])
    assert withdrawn.json()["application"]["status"] == "withdrawn"
    assert client.post(f"{path}/decide", json=APPROVAL, headers=headers["officer"]).status_code == 409
    listed = client.get("/applications", params={"status": "withdrawn"}, headers=headers["viewer"]).json()
    assert [r["application"]["withdrawn_reason"] for r in listed] == ["order cancelled"]
