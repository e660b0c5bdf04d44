"""One vocabulary across CLI and API (docs/vocabulary.md): `from`/`to`, `on` defaulting to today,
last release's names accepted with a deprecation warning, one name limit."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from licence_fixtures import api_client

from corridor.api.deps import _today
from corridor.screening import Party, Schema
from corridor.screening.names import MAX_NAME_LENGTH
from corridor.store.lists import save_list

NEW = {"from": "JP", "to": "KR", "item": "3C002", "on": "2019-08-19"}
OLD = {"exporter_country": "JP", "destination": "KR", "item": "3C002", "on": "2019-08-19"}


@pytest.fixture
def api(db_url):
    return api_client(db_url)


def test_new_and_old_names_give_the_same_answer_and_old_ones_are_flagged(api) -> None:
    client, headers = api
    new = client.post("/check", json=NEW, headers=headers["viewer"])
    old = client.post("/check", json=OLD, headers=headers["viewer"])
    assert new.status_code == old.status_code == 200
    assert new.json() == old.json()
    assert "Deprecation" not in new.headers
    assert old.headers["Deprecation"] == "true"
    assert "exporter_country is deprecated; use from" in old.headers["Warning"]


def test_giving_a_field_under_both_names_is_refused(api) -> None:
    client, headers = api
    response = client.post("/check", json={**NEW, "destination": "CN"}, headers=headers["viewer"])
    assert response.status_code == 422
    assert "destination" in response.json()["error"]["reason"]


def test_check_without_on_answers_for_the_server_day(api) -> None:
    client, headers = api
    client.app.dependency_overrides[_today] = lambda: date(2019, 8, 19)
    dated = client.post("/check", json=NEW, headers=headers["viewer"]).json()
    undated = client.post("/check", json={k: v for k, v in NEW.items() if k != "on"},
                          headers=headers["viewer"]).json()
    assert undated["shipment"]["on"] == "2019-08-19"
    assert undated["outcome"] == dated["outcome"] == "licence_required"


def test_entry_trip_takes_from_and_to_and_arrives_today_without_times(api) -> None:
    client, headers = api
    client.app.dependency_overrides[_today] = lambda: date(2020, 4, 10)
    question = {"traveller": {"nationality": "KR", "purpose": "tourism"}, "trip": {"from": "KR", "to": "JP"}}
    answer = client.post("/entry", json=question, headers=headers["viewer"])
    old = client.post("/entry", json={**question, "trip": {"origin": "KR", "destination": "JP"}},
                      headers=headers["viewer"])
    assert answer.status_code == old.status_code == 200, answer.json()
    assert answer.json()["verdict"] == old.json()["verdict"] == "denied"
    assert old.headers["Deprecation"] == "true"


def test_screen_takes_the_engine_name_limit_and_defaults_on(api) -> None:
    client, headers = api
    party = Party("ofac", "1", Schema.ORGANIZATION, "KOREA MINING DEVELOPMENT TRADING CORPORATION",
                  countries=("KP",), listed_on=date(2009, 4, 24))
    save_list(client.app.state.sessions, "ofac", "ofac", "sdn.csv", [party], datetime(2026, 1, 1, tzinfo=UTC))
    long_name = "KOREA MINING DEVELOPMENT TRADING CORPORATION " + "x" * (MAX_NAME_LENGTH - 60)
    response = client.post("/screen", json={"name": long_name}, headers=headers["viewer"])
    assert response.status_code == 200, response.json()
    too_long = client.post("/screen", json={"name": "x" * (MAX_NAME_LENGTH + 1)}, headers=headers["viewer"])
    assert too_long.status_code == 422 and too_long.json()["error"]["field"] == "body.name"


def test_a_drawdown_takes_to_on_and_item_as_well_as_the_old_names() -> None:
    from corridor.licences.drawdown import Shipment

    amounts = {"quantity": "5", "value": "10"}
    new = Shipment.model_validate({**amounts, "to": "KR", "on": "2019-09-10", "item": "3C002"})
    old = Shipment.model_validate({**amounts, "destination": "KR", "shipped_on": "2019-09-10",
                                   "control_number": "3C002"})
    assert new == old and new.destination == "KR"
