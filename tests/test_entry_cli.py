"""`corridor entry`: the traveller's checklist, its JSON contract, and exit 2 on bad input."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from corridor.cli.main import app

runner = CliRunner()
BUSINESS_TRACK = [
    "entry", "--to", "JP", "--from", "KR", "--nationality", "KR", "--purpose", "business",
    "--on", "2020-10-20", "--track", "business", "--pledge", "--activity-plan",
    "--visa-issued", "2020-10-01", "--depart", "2020-10-20T09:00", "--arrive", "2020-10-20T11:30",
    "--test", "PCR@2020-10-18T10:00",
]


def run(*args: str):
    return runner.invoke(app, list(args))


def test_checklist_shows_verdict_requirements_and_why() -> None:
    result = run(*BUSINESS_TRACK)
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "ALLOWED WITH CONDITIONS" in out
    assert "Quarantine: 0 days" in out
    assert "[movement] For 14 days move only between home and workplace" in out
    assert "✔ [test] Negative COVID-19 test taken within 72 hours before departure" in out
    assert "jp-landing-denial-korea (deny) — not applied: lifted by jp-business-track" in out
    assert "Sources" in out and "Consulate-General of Japan in Busan" in out


def test_json_follows_the_requirements_contract() -> None:
    result = run(*BUSINESS_TRACK, "--json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["verdict"] == "allowed_with_conditions"
    assert answer["quarantine_days"] == 0
    test = next(r for r in answer["requirements"] if r["category"] == "test" and r["status"] == "met")
    assert test["testWindow"] == {"anchor": "before_departure", "hours": 72, "test_types": None}
    assert test["documentType"] == "NEGATIVE_TEST_CERTIFICATE"
    assert test["enforcement"] == "mandatory"
    assert test["startDate"] == "2020-10-08" and test["endDate"] == "2021-01-14"
    assert test["source"].startswith("Newspim")
    movement = next(r for r in answer["requirements"] if r["category"] == "movement")
    assert movement["movement"]["days"] == 14
    rules = {r["id"]: r for r in answer["rules"]}
    assert rules["jp-business-track"]["applied"] is True
    assert rules["jp-landing-denial-korea"]["reason"] == "lifted by jp-business-track"
    assert answer["sources"] and answer["pack_version"].startswith("2.0.0+")


def test_denial_names_the_region_rule_and_still_exits_zero() -> None:
    result = run("entry", "--to", "JP", "--from", "KR", "--nationality", "KR", "--purpose", "tourism",
                 "--on", "2020-03-01", "--stayed", "KR:청도", "--json")
    assert result.exit_code == 0
    answer = json.loads(result.output)
    assert answer["verdict"] == "denied"
    assert answer["requirements"] == []
    assert "jp-landing-denial-daegu-cheongdo" in answer["explanation"]


def test_three_doses_replace_the_test_from_2022_10_11() -> None:
    args = ["entry", "--to", "JP", "--from", "KR", "--nationality", "KR", "--purpose", "tourism",
            "--on", "2022-10-11", "--json"]
    vaccinated = json.loads(run(*args, "--vaccine-doses", "3").output)
    untested = json.loads(run(*args).output)
    assert [r["documentType"] for r in vaccinated["requirements"]] == ["VACCINATION_CERTIFICATE"]
    assert [(r["category"], r["status"]) for r in untested["requirements"]] == [("test", "missing")]


def test_date_outside_the_packs_is_not_covered() -> None:
    result = run("entry", "--to", "JP", "--from", "KR", "--nationality", "KR", "--purpose", "tourism",
                 "--on", "2017-12-31")
    assert result.exit_code == 0
    assert "NOT COVERED" in result.output
    assert "jp/entry covers arrivals from 2018-01-01 to today" in " ".join(result.output.split())


def test_without_on_the_answer_is_for_today_and_says_so() -> None:
    args = ("entry", "--to", "KR", "--from", "JP", "--nationality", "JP", "--purpose", "tourism")
    answer = json.loads(run(*args, "--json").output)
    assert answer["on"] == date.today().isoformat()
    assert answer["verdict"] != "not_covered"
    text = run(*args).output
    assert f"on {date.today().isoformat()}" in text


BASE = {"--to": "JP", "--from": "KR", "--nationality": "KR", "--purpose": "business", "--on": "2020-10-20"}


@pytest.mark.parametrize(("change", "field", "value"), [
    ({"--nationality": "XX"}, "nationality", "XX"),
    ({"--to": "ZZ"}, "to", "ZZ"),
    ({"--from": "Korea Republic"}, "from", "Korea Republic"),
    ({"--purpose": "holiday"}, "purpose", "holiday"),
    ({"--track": "fast"}, "track", "fast"),
    ({"--stayed": "KR:Atlantis"}, "stayed", "KR:Atlantis"),
    ({"--stayed": "QQ:Daegu"}, "stayed", "QQ"),
    ({"--depart": "2020-10-20T15:00", "--arrive": "2020-10-20T11:00"}, "arrival", "2020-10-20T11:00"),
    ({"--test": "PCR@2020-10-21T09:00"}, "tests", "PCR@2020-10-21T09:00"),
    ({"--test": "smell@2020-10-19T09:00"}, "test", "smell"),
    ({"--on": "20-10-2020"}, "on", "20-10-2020"),
    ({"--residence": "citizen"}, "residence", "citizen"),
])
def test_bad_input_exits_2_naming_field_and_value(change: dict[str, str], field: str, value: str) -> None:
    options = {**BASE, **change}
    if "--arrive" in options:
        options.pop("--on")
    result = run("entry", *[part for pair in options.items() for part in pair])
    assert result.exit_code == 2, result.output
    message = " ".join(result.output.split())
    assert f"{field}:" in message and value in message, message
