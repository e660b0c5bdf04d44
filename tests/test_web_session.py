"""The session cookie and the address sharing between pages and API, without a browser."""

from __future__ import annotations

import re
import time
from datetime import date

import pytest
from fastapi.testclient import TestClient

from corridor.licences import service
from corridor.store.users import Role, User
from corridor.web.session import COOKIE, LIFETIME_SECONDS, decode, encode

HTML = {"accept": "text/html"}


@pytest.fixture
def site(tmp_path):
    from corridor.api import create_app

    app = create_app(f"sqlite:///{tmp_path / 'corridor.db'}")
    token = service.add_user(app.state.sessions, "alice", Role.analyst, "setup")
    return TestClient(app, headers=HTML), token


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html)[1]


def _sign_in(client, token: str) -> None:
    form = {"csrf": _csrf(client.get("/signin").text), "name": "alice", "token": token}
    assert client.post("/signin", data=form, follow_redirects=False).status_code == 303


def test_a_cookie_signed_with_another_key_or_edited_or_expired_is_ignored():
    data = {"user": "alice", "csrf": "x", "at": int(time.time())}
    cookie = encode(b"k" * 32, data)
    assert decode(b"k" * 32, cookie) == data
    assert decode(b"j" * 32, cookie) is None
    edited = encode(b"k" * 32, {**data, "user": "bob"}).split(".")[0]
    assert decode(b"k" * 32, f"{edited}.{cookie.split('.')[1]}") is None
    stale = encode(b"k" * 32, {**data, "at": int(time.time()) - LIFETIME_SECONDS - 1})
    assert decode(b"k" * 32, stale) is None


def test_a_browser_gets_the_page_and_a_program_the_json_at_the_same_address(site):
    client, token = site
    _sign_in(client, token)
    assert client.get("/applications").headers["content-type"].startswith("text/html")
    api = client.get("/applications", headers={"accept": "application/json"})
    assert api.status_code == 401 and api.json()["error"]["field"] == "authorization"
    bearer = client.get("/applications", headers={"accept": "text/html", "authorization": f"Bearer {token}"})
    assert bearer.json() == []


def test_a_new_token_ends_the_sessions_signed_in_with_the_old_one(site):
    client, token = site
    _sign_in(client, token)
    assert client.get("/applications", follow_redirects=False).status_code == 200
    app = client.app
    with app.state.sessions.begin() as session:
        session.query(User).filter_by(name="alice").update({"token_hash": "0" * 64})
    moved = client.get("/applications", follow_redirects=False)
    assert moved.status_code == 303 and moved.headers["location"] == "/signin?next=/applications"


def test_a_form_without_the_session_csrf_token_changes_nothing(site):
    client, token = site
    _sign_in(client, token)
    forged = client.post("/applications", data={"csrf": "guess", "exporter": "JP", "destination": "KR",
                                                  "item": "3C002", "on": "2019-08-01"})
    assert forged.status_code == 400 and "CSRF" in forged.text
    assert service.list_applications(client.app.state.sessions, date.today()) == []
    assert COOKIE in client.cookies
