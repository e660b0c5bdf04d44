"""The export shell as a user drives it: `corridor check`, `timeline`, `packs show`, `demo`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corridor.cli.main import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_check_json_answers_the_2019_resist_case() -> None:
    result = run("check", "--from", "JP", "--to", "KR", "--item", "3C002", "--on", "2019-08-19", "--json")
    assert result.exit_code == 0
    answer = json.loads(result.stdout)
    assert answer["outcome"] == "licence_required" and answer["destination_group"] == "A"
    assert answer["licence_types"]["open"] == ["individual"]
    assert {c["id"] for c in answer["licence_types"]["closed"]} == {
        "general_bulk", "special_general_bulk", "specific_bulk"}
    assert all(c["reason"] for c in answer["licence_types"]["closed"])
    assert (answer["review_days"], answer["catch_all"]) == (90, "not_applicable")
    assert "jp-measure-2019-07-04-korea-three-items" in [r["id"] for r in answer["rules"]]
    assert all({"id", "effect", "source"} <= set(r) for r in answer["rules"])
    assert answer["sources"] and answer["pack_version"].startswith("2026.1+")


def test_check_end_use_brings_catch_all_into_play() -> None:
    result = run("check", "--from", "JP", "--to", "CN", "--item", "not-listed", "--on", "2021-01-04",
                 "--end-use", "military", "--json")
    answer = json.loads(result.stdout)
    assert (answer["outcome"], answer["catch_all"]) == ("licence_required", "applies")


def test_check_for_people_shows_outcome_licences_and_rules() -> None:
    result = run("check", "--from", "KR", "--to", "JP", "--item", "3C002", "--on", "2020-01-06")
    assert result.exit_code == 0
    for text in ("licence_required", "Ga-2", "review days: 15", "kr-region-ga-2-japan", "bulk"):
        assert text in result.stdout


def test_check_outside_every_pack_is_an_answer_not_an_error() -> None:
    result = run("check", "--from", "JP", "--to", "KR", "--item", "3C002", "--on", "2030-01-01", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["outcome"] == "not_covered"


@pytest.mark.parametrize(("args", "named"), [
    (("--to", "KX"), "destination: unknown country code 'KX'"),
    (("--from", "Japan"), "exporter_country: unknown country code 'Japan'"),
    (("--item", "3C0O2"), "item: unknown control number '3C0O2'"),
    (("--on", "2019-02-30"), "'2019-02-30' is not a date"),
    (("--end-use", "peaceful"), "end_use: unknown value 'peaceful'"),
])
def test_check_bad_input_exits_2_naming_field_and_value(args: tuple[str, str], named: str) -> None:
    given = {"--from": "JP", "--to": "KR", "--item": "3C002", "--on": "2019-08-19"} | {args[0]: args[1]}
    result = run("check", *[part for pair in given.items() for part in pair])
    assert result.exit_code == 2
    assert named in " ".join(result.output.split())


def test_timeline_json_lists_the_dated_changes_with_their_domain_and_source() -> None:
    result = run("timeline", "--from", "JP", "--to", "KR", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    export = [(r["day"], r["jurisdiction"], r["change"], r["id"]) for r in rows if r["domain"] == "export"]
    assert ("2019-08-28", "JP", "starts", "jp-group-b-korea") in export
    assert ("2019-09-18", "KR", "starts", "kr-region-ga-2-japan") in export
    assert ("2023-07-21", "JP", "starts", "jp-group-a-27-korea-restored") in export
    assert all(r["sources"] for r in rows if r["domain"] == "export")
    assert [r["day"] for r in rows] == sorted(r["day"] for r in rows)


def test_timeline_for_an_item_drops_measures_about_other_items() -> None:
    def ids(item: str) -> set[str]:
        result = run("timeline", "--from", "JP", "--to", "KR", "--item", item, "--since", "2019-07-01",
                     "--until", "2019-12-31", "--json")
        return {r["id"] for r in json.loads(result.stdout)}
    assert "jp-measure-2019-07-04-korea-three-items" not in ids("3B001")
    assert "jp-group-b-korea" in ids("3B001")
    resists = ids("3C002")
    assert {"jp-measure-2019-07-04-korea-three-items",
            "jp-measure-2019-12-20-resists-specific-bulk"} <= resists
    assert "jp-measure-2019-12-20-resists-specific-bulk" not in ids("HF")
    assert "kr-region-ga-2-japan" in resists


def test_timeline_bad_item_exits_2() -> None:
    result = run("timeline", "--from", "JP", "--to", "KR", "--item", "3C0")
    assert result.exit_code == 2 and "nearest entries: 3C001" in " ".join(result.output.split())


def test_packs_show_lists_what_was_in_force_that_day() -> None:
    result = run("packs", "show", "JP", "--on", "2019-08-28", "--json")
    assert result.exit_code == 0
    ids = {r["id"] for r in json.loads(result.stdout)}
    assert {"jp-group-b-korea", "jp-group-a-26", "jp-measure-2019-07-04-korea-three-items"} <= ids
    assert "jp-group-a-27-with-korea" not in ids
    assert run("packs", "show", "XX", "--on", "2019-08-28").exit_code == 2


def test_demo_shows_the_timeline_one_determination_and_drafts_it_in_sqlite(tmp_path) -> None:
    db = tmp_path / "demo.db"
    result = run("demo", "--db", str(db))
    assert result.exit_code == 0
    shown = ("2019-07-04", "2023-07-21", "corridor check --from JP --to KR --item 3C002", "licence_required",
             "application 1 (draft)", "chain intact")
    for text in shown:
        assert text in result.stdout
    assert "application 2 (draft)" in run("demo", "--db", str(db)).stdout


def test_the_default_demo_can_be_run_again_and_its_chain_stays_intact(tmp_path) -> None:
    """`make run` twice, each a new process: the demo store is rebuilt, and so are its audit
    checkpoints (left behind, they would call the new store's chain broken)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CORRIDOR_")}
    env |= {"CORRIDOR_HOME": str(tmp_path), "COLUMNS": "250", "NO_COLOR": "1"}
    for _ in range(2):
        done = subprocess.run([Path(sys.executable).parent / "corridor", "demo"], env=env,
                              capture_output=True, text=True, check=True)
        assert "application 1 (draft)" in done.stdout and "chain intact" in done.stdout, done.stdout[-400:]
