"""The API under attack: oversized and malformed bodies, NUL bytes, revoked or demoted users,
retries, and a database that goes away. Each gets a JSON 4xx/503, never a 500 or a double write."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from licence_fixtures import FILING, FORM, api_client, filed_application, granted_licence
from sqlalchemy.orm import sessionmaker

from corridor.api.guards import busy
from corridor.licences import service
from corridor.licences.forms import ApplicationForm
from corridor.store.users import Role

SHIPMENT = {"quantity": "10", "value": "1000", "destination": "KR", "shipped_on": "2019-09-10",
            "control_number": "3C002"}


@pytest.fixture
def api(db_url):
    client, headers = api_client(db_url)
    client.raise_server_exceptions = False  # a 500 is a finding, not a test crash
    return client, headers


def test_an_oversized_body_is_413_before_authentication(api) -> None:
    client, _ = api
    response = client.post("/applications", content=b"x" * 1_100_000,
                           headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.json()["error"]["field"] == "body"


def test_a_streamed_oversized_body_is_cut_off(api) -> None:
    client, headers = api
    chunks = (b" " * 65_536 for _ in range(40))  # 2.6 MB, no Content-Length
    response = client.post("/news/report", content=chunks,
                           headers={**headers["viewer"], "content-type": "application/json"})
    assert response.status_code == 413


def test_a_news_article_over_the_cap_is_422(api) -> None:
    client, headers = api
    response = client.post("/news/report", json={"content": "a" * 300_001}, headers=headers["viewer"])
    assert response.status_code == 422 and response.json()["error"]["field"] == "body.content"


def test_news_reporting_runs_at_most_n_at_once() -> None:
    slot = busy(1, "news reporting")
    first = slot()
    next(first)
    with pytest.raises(Exception, match="busy"):
        next(slot())
    first.close()
    next(slot())


@pytest.mark.parametrize("body", ['{"applicant": {"name": "\\ud800"}}', '"\\ud800"', '{"\\udfff": 1}'])
def test_a_lone_surrogate_is_422(api, body) -> None:
    client, headers = api
    response = client.post("/applications", content=body,
                           headers={**headers["analyst"], "content-type": "application/json"})
    assert response.status_code == 422 and response.json()["error"]["status"] == 422


@pytest.mark.parametrize("path", ["/licences/JP%00L", "/applications/1%00", "/licences?destination=K%00"])
def test_nul_bytes_in_paths_and_queries_are_never_a_500(api, path) -> None:
    """PostgreSQL cannot store or compare NUL: a 422 there, an empty answer or 404 on SQLite."""
    client, headers = api
    response = client.get(path, headers=headers["viewer"])
    assert response.status_code in (200, 404, 422) and response.json() is not None


def test_nul_bytes_in_a_drawdown_are_4xx_and_write_nothing(api) -> None:
    client, headers = api
    granted_licence(client.app.state.sessions)
    response = client.post("/licences/JP-L-001/drawdowns", json={**SHIPMENT, "reference": "INV\x00-1"},
                           headers=headers["analyst"])
    assert 400 <= response.status_code < 500
    assert service.show_licence(client.app.state.sessions, "JP-L-001").drawdowns == []


def test_default_limits_over_twelve_digits_are_named(api) -> None:
    client, headers = api
    sessions = client.app.state.sessions
    item = {**FORM["items"][0], "quantity": "999999999999"}
    form = ApplicationForm.model_validate({**FORM, "items": [item, item]})
    draft = service.create_draft(sessions, form, "alice")
    service.approve(sessions, draft.id, "bob")
    service.file(sessions, draft.id, FILING, "alice")
    response = client.post(f"/applications/{draft.id}/decide", headers=headers["officer"], json={
        "outcome": "approved", "decided_on": "2019-08-07", "licence_number": "JP-L-9",
        "licence_type": "individual", "valid_until": "2020-02-06"})
    assert response.status_code == 422 and response.json()["error"]["field"] == "quantity_limit"


def test_revoked_deleted_and_demoted_users_are_refused_at_once(api) -> None:
    client, headers = api
    sessions = client.app.state.sessions
    application_id = filed_application(sessions)
    assert client.get("/licences", headers=headers["viewer"]).status_code == 200
    service.revoke_user(sessions, "viewer", "admin")
    assert client.get("/licences", headers=headers["viewer"]).status_code == 401
    service.set_role(sessions, "officer", Role.viewer, "admin")
    response = client.post(f"/applications/{application_id}/decide", headers=headers["officer"], json={
        "outcome": "denied", "decided_on": "2019-09-01", "reason": "x"})
    assert response.status_code == 403
    with sessions.begin() as session:
        session.execute(sa.text("DELETE FROM users WHERE name = 'analyst'"))
    assert client.get("/licences", headers=headers["analyst"]).status_code == 401


def test_a_retried_drawdown_draws_once(api) -> None:
    client, headers = api
    granted_licence(client.app.state.sessions)
    retry = {**headers["analyst"], "Idempotency-Key": "shipment-2019-09-10-a"}
    first = client.post("/licences/JP-L-001/drawdowns", json=SHIPMENT, headers=retry)
    again = client.post("/licences/JP-L-001/drawdowns", json=SHIPMENT, headers=retry)
    assert first.status_code == again.status_code == 201 and first.json() == again.json()
    assert len(service.show_licence(client.app.state.sessions, "JP-L-001").drawdowns) == 1
    other = client.post("/licences/JP-L-001/drawdowns", json={**SHIPMENT, "quantity": "11"}, headers=retry)
    assert other.status_code == 409 and other.json()["error"]["field"] == "Idempotency-Key"
    assert client.get("/audit/verify", headers=headers["viewer"]).json()["intact"]


def test_a_database_that_goes_away_is_a_json_503(api) -> None:
    client, headers = api
    gone = sa.create_engine("postgresql+psycopg://nobody@127.0.0.1:1/gone", pool_pre_ping=False)
    client.app.state.sessions = sessionmaker(gone)
    client.app.state.tokens.sessions = client.app.state.sessions
    response = client.get("/licences", headers=headers["viewer"])
    assert response.status_code == 503 and response.json()["error"]["field"] == "database"


def test_html_pages_carry_security_headers(api) -> None:
    client, _ = api
    response = client.get("/")
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_a_retried_decision_gets_the_same_answer(api) -> None:
    client, headers = api
    application_id = filed_application(client.app.state.sessions)
    retry = {**headers["officer"], "Idempotency-Key": "decision-meti-2019-0001"}
    decision = {"outcome": "denied", "decided_on": "2019-09-01", "reason": "end use unclear"}
    first = client.post(f"/applications/{application_id}/decide", json=decision, headers=retry)
    again = client.post(f"/applications/{application_id}/decide", json=decision, headers=retry)
    assert first.status_code == again.status_code == 200 and first.json() == again.json()
    without = client.post(f"/applications/{application_id}/decide", json=decision, headers=headers["officer"])
    assert without.status_code == 409


def test_api_verify_lists_the_rows_that_disagree(api, db_url) -> None:
    client, headers = api
    granted_licence(client.app.state.sessions)
    client.post("/licences/JP-L-001/drawdowns", json=SHIPMENT, headers=headers["analyst"])
    with client.app.state.sessions.begin() as session:
        session.execute(sa.text("UPDATE licences SET quantity_used = 0"))
    verdict = client.get("/audit/verify", headers=headers["viewer"]).json()
    assert verdict["intact"] is False
    assert verdict["disagreements"] == [{"table": "licences", "key": "JP-L-001", "field": "quantity_used",
                                         "stored": "0", "expected": "10",
                                         "reason": f"the balance after entry {verdict['entries']}"}]
