"""Thin routes over the other engines: entry (`/entry`) and screening (`/screen`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from licence_fixtures import api_client

from corridor.screening import Party, Schema
from corridor.store.lists import save_list

DAEGU_TOURIST = {
    "traveller": {"nationality": "KR", "purpose": "tourism"},
    "trip": {"from": "KR", "to": "JP", "departure": "2020-02-27T09:00",
             "arrival": "2020-02-27T11:30", "stayed": [{"country": "KR", "region": "Daegu"}]},
}
KIM = Party("ofac", "20157", Schema.PERSON, "KIM, Jong Un", family_names=("KIM",), countries=("KP",),
            programmes=("DPRK3",), listed_on=date(2016, 7, 6))


@pytest.fixture
def api(db_url):
    return api_client(db_url)


def test_entry_answers_with_the_rule_that_decided(api) -> None:
    client, headers = api
    response = client.post("/entry", json=DAEGU_TOURIST, headers=headers["viewer"])
    assert response.status_code == 200, response.json()
    answer = response.json()
    assert answer["verdict"] == "denied"
    assert any(r["id"] == "jp-landing-denial-daegu-cheongdo" and r["applied"] for r in answer["rules"])


def test_entry_without_times_answers_for_today_and_names_the_day(api) -> None:
    client, headers = api
    question = {"traveller": {"nationality": "JP", "purpose": "tourism"},
                "trip": {"origin": "JP", "destination": "KR"}}
    answer = client.post("/entry", json=question, headers=headers["viewer"]).json()
    assert answer["on"] == date.today().isoformat()
    assert answer["trip"]["arrival"].startswith(date.today().isoformat())
    assert answer["verdict"] in ("allowed", "allowed_with_conditions")


def test_entry_bad_country_is_422_naming_the_field(api) -> None:
    client, headers = api
    bad = {**DAEGU_TOURIST, "traveller": {"nationality": "XX", "purpose": "tourism"}}
    response = client.post("/entry", json=bad, headers=headers["viewer"])
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "body.traveller.nationality"


def test_screening_finds_a_listed_name_written_in_korean(api) -> None:
    client, headers = api
    assert client.post("/screen", json={"name": "김정은", "on": "2026-01-01"},
                       headers=headers["viewer"]).status_code == 409  # nothing loaded yet
    save_list(client.app.state.sessions, "ofac", "ofac", "sdn.csv", [KIM], datetime(2026, 1, 1, tzinfo=UTC))
    response = client.post("/screen", json={"name": "김정은", "on": "2026-01-01"}, headers=headers["viewer"])
    assert response.status_code == 200
    assert response.json()["hits"][0]["id"] == "20157"
    undated = client.post("/screen", json={"name": "金正恩"}, headers=headers["viewer"]).json()
    assert undated["on"] == date.today().isoformat() and undated["hits"][0]["id"] == "20157"


WTO_WITHDRAWAL = """Seoul drops WTO case
By Kim Min-ji
SEOUL, March 23 (Yonhap) -- South Korea on Thursday withdrew its WTO complaint against Japan's export curbs.
Published: 2023-03-23
"""


def test_news_report_dates_the_article_and_finds_the_event(api) -> None:
    client, headers = api
    response = client.post("/news/report", json={"content": WTO_WITHDRAWAL, "source": "yonhap.txt"},
                           headers=headers["viewer"])
    assert response.status_code == 200, response.json()
    report = response.json()
    assert report["published"] == "2023-03-23"
    assert report["events"], "the withdrawal of the WTO complaint is an event"


def test_news_report_refuses_an_empty_article(api) -> None:
    client, headers = api
    response = client.post("/news/report", json={"content": "   "}, headers=headers["viewer"])
    assert response.status_code == 422 and response.json()["error"]["field"] == "content"


def test_screening_decisions_four_eyes_watch_and_rescreen(api) -> None:
    from corridor.store.settings import change

    client, headers = api
    sessions = client.app.state.sessions
    save_list(sessions, "ofac", "ofac", "sdn.csv", [KIM], datetime(2026, 1, 1, tzinfo=UTC))
    watched = client.post("/screen/monitor", json={"name": "김정은"}, headers=headers["officer"])
    assert watched.status_code == 201 and watched.json()["hits"] == ["ofac:20157"]
    assert client.post("/screen/monitor", json={"name": "x"}, headers=headers["analyst"]).status_code == 403

    change(sessions, "screening.four_eyes", "on", actor="admin", at=datetime.now(UTC))
    decision = {"name": "김정은", "hit": "ofac:20157", "decision": "confirm", "reason": "same DOB"}
    made = client.post("/screen/decisions", json=decision, headers=headers["officer"])
    assert made.status_code == 201 and made.json()["pending"], made.json()
    shown = client.post("/screen", json={"name": "김정은"}, headers=headers["viewer"]).json()
    assert shown["hits"][0]["decision"] is None  # pending: not standing yet
    own = client.post(f"/screen/decisions/{made.json()['id']}/approve", headers=headers["officer"])
    assert own.status_code == 409 and own.json()["error"]["field"] == "actor"
    approved = client.post(f"/screen/decisions/{made.json()['id']}/approve", headers=headers["admin"])
    assert approved.status_code == 200 and approved.json()["approved_by"] == "admin"
    shown = client.post("/screen", json={"name": "김정은"}, headers=headers["viewer"]).json()
    assert shown["hits"][0]["decision"]["decision"] == "confirm"
    unknown = client.post("/screen/decisions", json={**decision, "hit": "ofac:1"}, headers=headers["officer"])
    assert unknown.status_code == 404 and unknown.json()["error"]["field"] == "hit"

    assert client.post("/screen/rescreen", json={}, headers=headers["officer"]).json()["new_hits"] == []
    changed = replace(KIM, programmes=("DPRK3", "DPRK4"))
    save_list(sessions, "ofac", "ofac", "sdn.csv", [changed], datetime(2026, 2, 1, tzinfo=UTC))
    again = client.post("/screen/rescreen", json={"on": "2026-02-02"}, headers=headers["officer"]).json()
    assert [(n["hit"]["id"], n["reason"]) for n in again["new_hits"]] == [("20157", "listed entry changed")]
