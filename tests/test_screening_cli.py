"""`corridor lists load/status` and `corridor screen`, single and batch, through the CLI."""

from __future__ import annotations

import csv
import getpass
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from corridor.cli.main import app
from corridor.store.audit import AuditEntry
from corridor.store.db import open_database

METI_SAMPLE = Path(__file__).parent / "data" / "meti_end_user_sample.csv"
runner = CliRunner()


@pytest.fixture(scope="module")
def db(shared_data, tmp_path_factory) -> str:
    """One database with OFAC (by folder) and the METI sample loaded, shared by the module."""
    home = tmp_path_factory.mktemp("home")
    path = str(home / "corridor.db")
    env = {"CORRIDOR_HOME": str(home)}
    for args in (
        ["lists", "load", str(shared_data / "ofac-sdn-2021"), "--format", "ofac"],
        ["lists", "load", str(METI_SAMPLE), "--format", "meti"],
    ):
        result = runner.invoke(app, [*args, "--db", path], env=env)
        assert result.exit_code == 0, result.output
    return path


def _run(db, *args):
    return runner.invoke(app, [*args, "--db", db], env={"CORRIDOR_HOME": str(Path(db).parent)})


def test_status_lists_what_is_loaded(db):
    result = _run(db, "lists", "status")
    assert "ofac" in result.output and "8976" in result.output and "meti" in result.output


def test_screen_json_names_the_list_entry_and_explains_it(db):
    result = _run(db, "screen", "김정은", "--json", "--on", "2026-01-01")
    data = json.loads(result.stdout)
    top = data["hits"][0]
    assert data["query"] == "김정은"
    assert (top["list"], top["id"], top["band"], top["matched_name"]) == (
        "ofac",
        "20157",
        "match",
        "KIM, Jong Un",
    )
    assert top["explanation"]["aligned"]


def test_screen_finds_a_chinese_original_script_alias_of_a_meti_entry(db):
    result = _run(db, "screen", "北京样本航天技术有限公司", "--lists", "meti", "--json", "--on", "2026-01-01")
    assert [h["id"] for h in json.loads(result.stdout)["hits"]] == ["2"]


def test_delisted_meti_entry_is_reported_as_formerly_listed(db):
    result = _run(
        db, "screen", "Tehran Sample Chemical Industries", "--lists", "meti", "--json", "--on", "2024-01-01"
    )
    data = json.loads(result.stdout)
    assert data["hits"] == [] and [h["id"] for h in data["formerly_listed"]] == ["4"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["screen", "   "], "name is empty"),
        (["screen", "x" * 1001], "at most 1000"),
        (["screen", "KIM", "--lists", "eu"], "not loaded"),
        (["screen", "KIM", "--schema", "ship"], "person, organization"),
        (["screen", "KIM", "--on", "yesterday"], "YYYY-MM-DD"),
        (["lists", "load", "x.csv", "--format", "xlsx"], "ofac, csl, un, ftm, meti"),
    ],
)
def test_bad_input_gets_a_clear_error(db, args, message):
    result = _run(db, *args)
    assert result.exit_code == 2 and message in result.output


def test_a_malformed_list_loads_nothing_and_keeps_the_old_list(db, tmp_path):
    bad = tmp_path / "meti.csv"
    bad.write_text(METI_SAMPLE.read_text() + "5,Iran\n")
    result = _run(db, "lists", "load", str(bad), "--format", "meti")
    assert result.exit_code == 2 and "line 6" in result.output and "nothing was loaded" in result.output
    assert "meti " in _run(db, "lists", "status").output.replace("│", " ")
    still = _run(db, "screen", "Korea Sample Trading Corporation", "--lists", "meti", "--json")
    assert json.loads(still.stdout)["hits"][0]["id"] == "3"


def test_batch_screens_good_rows_and_reports_bad_ones(db, tmp_path):
    source = tmp_path / "parties.csv"
    source.write_text(
        "id,name,schema,country\nc1,KIM Jong Un,person,KP\nc2,,,\nc3,Banco Nacional de Cuba,,\n"
        "c4,Toyota Motor Corporation,organization,JP\n"
    )
    out = tmp_path / "results.csv"
    result = _run(db, "screen", "--batch", str(source), "--out", str(out), "--on", "2026-01-01")
    assert result.exit_code == 1 and "row 3" in result.output
    rows = list(csv.DictReader(out.open()))
    assert [r["id"] for r in rows] == ["c1", "c2", "c3", "c4"]
    assert (rows[0]["top_list"], rows[0]["top_id"], rows[0]["top_band"]) == ("ofac", "20157", "match")
    assert rows[0]["hit_ids"].split(";")[0] == "20157" and rows[0]["hit_lists"].split(";")[0] == "ofac"
    assert rows[1]["error"] and rows[1]["hits"] == ""
    assert rows[2]["top_id"] == "306" and rows[3]["hits"] == "0"


def test_batch_on_two_workers_gives_the_rows_one_worker_gives(db, tmp_path, monkeypatch):
    source = tmp_path / "parties.csv"
    names = ["KIM Jong Un", "", "Banco Nacional de Cuba", "Toyota Motor Corporation", "李舜臣", "Jane Doe"]
    source.write_text("id,name\n" + "".join(f"c{i},{n}\n" for i, n in enumerate(names)), encoding="utf-8")
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.csv"
        result = _run(db, "screen", "--batch", str(source), "--out", str(out), "--workers", workers)
        assert result.exit_code == 1 and "row 3" in result.output
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert [r["id"] for r in csv.DictReader(outputs[0].splitlines())] == [f"c{i}" for i in range(6)]


def test_batch_refuses_to_write_over_its_input(db, tmp_path):
    source = tmp_path / "parties.csv"
    source.write_text("name\nKIM Jong Un\n")
    result = _run(db, "screen", "--batch", str(source), "--out", str(tmp_path / "." / "parties.csv"))
    assert result.exit_code == 2 and "is the --batch input" in result.output
    assert source.read_text() == "name\nKIM Jong Un\n"


def test_a_list_shrinking_by_more_than_half_needs_allow_shrink(db, tmp_path):
    one = tmp_path / "sdn.csv"
    one.write_text('20157,"KIM, Jong Un","individual","DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0-\n')
    refused = _run(db, "lists", "load", str(one), "--format", "ofac")
    assert refused.exit_code == 2 and "--allow-shrink" in refused.output and "8976" in refused.output
    assert "8976" in _run(db, "lists", "status").output
    accepted = _run(db, "lists", "load", str(one), "--format", "ofac", "--name", "ofac-one", "--allow-shrink")
    assert accepted.exit_code == 0, accepted.output


@pytest.mark.parametrize("content", ["", "\n  \n"])
def test_an_empty_list_file_is_a_clear_error(db, tmp_path, content):
    empty = tmp_path / "empty.csv"
    empty.write_text(content)
    result = _run(db, "lists", "load", str(empty), "--format", "meti", "--name", "empty")
    assert result.exit_code == 2 and "is empty" in result.output and "Traceback" not in result.output


def test_screen_defaults_to_today_and_reads_hanja_as_korean(db):
    result = _run(db, "screen", "金正恩", "--json")
    answer = json.loads(result.stdout)
    assert answer["on"] == date.today().isoformat()
    assert answer["hits"][0]["id"] == "20157"


def test_a_decision_is_recorded_audited_shown_and_lapses_when_the_entry_changes(tmp_path):
    home = tmp_path
    path = str(home / "corridor.db")
    listed = tmp_path / "meti.csv"
    listed.write_text(METI_SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert _run(path, "lists", "load", str(listed), "--format", "meti").exit_code == 0
    name = "Korea Sample Trading Corporation"
    hit_id = json.loads(_run(path, "screen", name, "--json").stdout)["hits"][0]["id"]
    refused = _run(path, "screen", "decide", f"meti:{hit_id}", "--name", name, "--reason", "x")
    assert refused.exit_code == 2 and "--clear" in refused.output
    made = _run(path, "screen", "decide", f"meti:{hit_id}", "--name", name, "--clear",
                "--reason", "different address and registration number")
    assert made.exit_code == 0, made.output
    hit = json.loads(_run(path, "screen", name.upper(), "--json").stdout)["hits"][0]
    assert hit["decision"]["decision"] == "clear" and hit["decision"]["actor"] == getpass.getuser()
    with open_database(path)() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)).all()
    assert actions == ["list.loaded", "screening.clear"]
    changed = METI_SAMPLE.read_text(encoding="utf-8").replace(name, name + " Limited")
    listed.write_text(changed, encoding="utf-8")
    reload = _run(path, "lists", "load", str(listed), "--format", "meti")
    assert reload.exit_code == 0 and "1 changed" in reload.output and f"changed: {hit_id}" in reload.output
    again = json.loads(_run(path, "screen", name, "--json").stdout)["hits"][0]
    assert again["id"] == hit_id and again["decision"] is None
