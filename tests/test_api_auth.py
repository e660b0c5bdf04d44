"""Tokens and roles: 401 without a valid token, 403 below the role an operation needs."""

from __future__ import annotations

import pytest
from licence_fixtures import FORM, api_client

CHECK = {"from": "JP", "to": "KR", "item": "3C002", "on": "2019-08-01"}


@pytest.fixture
def api(db_url):
    return api_client(db_url)


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer cor_not-a-token"}, {"Authorization": "x"}])
def test_missing_or_unknown_token_is_401(api, headers) -> None:
    client, _ = api
    response = client.post("/check", json=CHECK, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["field"] == "authorization"


@pytest.mark.parametrize(("method", "path", "body", "needed", "too_low"), [
    ("post", "/applications", FORM, "analyst", "viewer"),
    ("post", "/applications/1/approve", None, "officer", "analyst"),
    ("post", "/applications/1/decide", {"outcome": "denied", "decided_on": "2019-09-01", "reason": "x"},
     "officer", "analyst"),
    ("post", "/licences/L-1/drawdowns", {"quantity": "1", "value": "1", "destination": "KR",
                                         "shipped_on": "2019-09-01"}, "analyst", "viewer"),
])
def test_role_below_the_operation_is_403_and_writes_nothing(api, method, path, body, needed, too_low) -> None:
    client, headers = api
    response = client.request(method, path, json=body, headers=headers[too_low])
    assert response.status_code == 403
    assert needed in response.json()["error"]["reason"]
    assert client.get("/audit/verify", headers=headers["viewer"]).json()["entries"] == 4  # the four users


def test_higher_roles_include_lower_ones(api) -> None:
    client, headers = api
    for role in ("viewer", "analyst", "officer", "admin"):
        assert client.post("/check", json=CHECK, headers=headers[role]).status_code == 200
    assert client.post("/applications", json=FORM, headers=headers["admin"]).status_code == 201


def test_openapi_is_public_and_declares_bearer_auth(api) -> None:
    client, _ = api
    spec = client.get("/openapi.json").json()
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    assert {"/check", "/timeline", "/applications", "/licences/{number}/drawdowns", "/stats",
            "/audit/verify"} <= set(spec["paths"])
