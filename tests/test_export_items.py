"""The whole control list: search by number, words and CAS; parent numbers; today by default."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from corridor.cli.main import app
from corridor.export import Shipment, determine
from corridor.export.items import search
from corridor.packs.catalogue import items

runner = CliRunner()


@pytest.mark.parametrize("text", [
    "hydrogen fluoride", "7664-39-3", "フッ化水素", "불화수소", "1C350:7664-39-3"])
def test_hydrogen_fluoride_is_found_first_in_every_language(text: str) -> None:
    assert search(text)[0].code == "1C350:7664-39-3"


def test_every_word_must_match_so_searches_narrow() -> None:
    assert {i.code for i in search("resist")} > {i.code for i in search("resist euv")}


def test_every_category_zero_to_nine_has_entries() -> None:
    assert {i.code[0] for i in items()} == set("0123456789")


def test_items_search_json_gives_both_legal_references() -> None:
    result = runner.invoke(app, ["items", "search", "불화수소", "--json"])
    rows = json.loads(result.stdout)
    hf = next(r for r in rows if r["cas"] == "7664-39-3")
    assert "row 3" in hf["jp_reference"] and "별표2" in hf["kr_reference"] and hf["parent"] == "1C350"


def test_an_empty_search_is_bad_input() -> None:
    result = runner.invoke(app, ["items", "search", "  "])
    assert result.exit_code == 2 and "text: empty search" in result.stderr


def ship(item: str, on: date, to: str = "KR") -> Shipment:
    return Shipment(exporter_country="JP", destination=to, item=item, on=on)


def test_a_parent_lists_the_children_that_differ_during_the_2019_measure() -> None:
    answer = determine(ship("1C350", date(2020, 1, 15)))
    assert [c.item for c in answer.children] == ["1C350:7664-39-3"]
    assert "special_general_bulk" in answer.licence_types.open
    assert answer.children[0].open == ["individual"]


def test_a_parent_answers_for_itself_when_all_children_decide_alike() -> None:
    answer = determine(ship("1C350", date(2024, 1, 15)))
    assert answer.children == [] and "decide alike" in answer.explanation
    assert answer.outcome == determine(ship("1C350:7664-39-3", date(2024, 1, 15))).outcome


def test_a_measure_on_a_parent_reaches_its_sub_items() -> None:
    on_measure = determine(ship("3C002.a", date(2019, 10, 1)))
    assert on_measure.licence_types.open == ["individual"]


def test_listed_goods_to_russia_are_prohibited_with_the_ban_cited_and_nothing_open() -> None:
    answer = determine(ship("5A002", date(2025, 1, 6), to="RU"))
    assert answer.outcome == "prohibited" and answer.licence_types.open == []
    assert any(r.id == "jp-ban-russia-listed-goods" and r.applied and r.source for r in answer.rules)


def test_shipment_day_defaults_to_today() -> None:
    assert Shipment(exporter_country="JP", destination="KR", item="3C002").on == date.today()


def test_check_without_on_answers_for_today_and_prints_the_day() -> None:
    result = runner.invoke(app, ["check", "--from", "JP", "--to", "KR", "--item", "3C002", "--json"])
    assert json.loads(result.stdout)["shipment"]["on"] == date.today().isoformat()
    shown = runner.invoke(app, ["check", "--from", "JP", "--to", "KR", "--item", "3C002"])
    assert f"on {date.today().isoformat()}" in shown.stdout


def test_packs_coverage_names_each_export_window() -> None:
    rows = json.loads(runner.invoke(app, ["packs", "coverage", "--json"]).stdout)
    export = {r["pack"]: (r["from"], r["to"]) for r in rows if r["pack"].endswith("/export")}
    assert export == {"jp/export": ("2018-01-01", "2027-01-01"), "kr/export": ("2018-01-01", "2027-01-01")}


def test_a_day_before_2018_is_not_covered_and_names_the_window() -> None:
    answer = determine(ship("3C002", date(2017, 12, 31)))
    assert answer.outcome == "not_covered" and "2017-12-31" in answer.explanation
