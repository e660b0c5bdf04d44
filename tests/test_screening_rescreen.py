"""Watched parties are screened again when a list changes, and only what is new is reported."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from licence_fixtures import form
from sqlalchemy import select
from typer.testing import CliRunner

from corridor.cli.main import app
from corridor.licences import service
from corridor.store.audit import AuditEntry
from corridor.store.db import open_database
from corridor.store.lists import load_index
from corridor.store.monitoring import fresh_hits, rescreen, watched

METI_SAMPLE = (Path(__file__).parent / "data" / "meti_end_user_sample.csv").read_text(encoding="utf-8")
NEW_ENTRY = "5,North Korea,Pyongyang Sample Machine Works,평양견본기계공장,M,2026-11-30,\n"
LISTED = "Korea Sample Trading Corporation"
runner = CliRunner()


def _run(db_url: str, home: Path, *args: str):
    return runner.invoke(app, [*args, "--db", db_url], env={"CORRIDOR_HOME": str(home)})


def _load(db_url: str, home: Path, content: str) -> None:
    listed = home / "meti.csv"
    listed.write_text(content, encoding="utf-8")
    loaded = _run(db_url, home, "lists", "load", str(listed), "--format", "meti")
    assert loaded.exit_code == 0, loaded.output


def _rescreen(db_url: str, home: Path) -> tuple[int, list[dict]]:
    result = _run(db_url, home, "screen", "rescreen", "--json")
    assert result.exit_code in (0, 1), result.output
    answer = json.loads(result.stdout)
    assert (result.exit_code == 1) == bool(answer["new_hits"])  # a scheduler alerts on exit status 1
    return answer["parties"], answer["new_hits"]


def test_rescreen_reports_added_and_changed_entries_once(db_url, tmp_path) -> None:
    _load(db_url, tmp_path, METI_SAMPLE)
    listed = _run(db_url, tmp_path, "screen", LISTED, "--monitor", "--json")
    assert listed.exit_code == 0, listed.output
    first = json.loads(listed.stdout)
    assert first["monitored"] and first["hits"][0]["name"] == LISTED
    unlisted = json.loads(_run(db_url, tmp_path, "screen", "Pyongyang Sample Machine Works", "--monitor",
                               "--json").stdout)
    assert unlisted["hits"] == []

    assert _rescreen(db_url, tmp_path) == (2, [])  # nothing changed, nothing to report

    changed = METI_SAMPLE.replace(LISTED, f"{LISTED} Limited") + NEW_ENTRY
    _load(db_url, tmp_path, changed)
    parties, new = _rescreen(db_url, tmp_path)
    reported = {(n["party"], n["hit"]["id"], n["reason"]) for n in new}
    assert parties == 2 and reported == {
        (first["monitored"], first["hits"][0]["id"], "listed entry changed"),
        (unlisted["monitored"], "5", "added to the list"),
    }
    assert _rescreen(db_url, tmp_path) == (2, [])  # reported once, then remembered

    with open_database(db_url)() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)).all()
    assert actions.count("screening.rescreen") == 3 and actions.count("screening.monitor") == 2


def test_application_parties_join_the_watch_and_cleared_hits_stay_cleared(db_url, tmp_path) -> None:
    _load(db_url, tmp_path, METI_SAMPLE)
    sessions = open_database(db_url)
    end_user = {"name": LISTED, "country": "KP"}
    consignee = {"name": "Pyongyang Sample Machine Works", "country": "KP"}
    open_one = service.create_draft(sessions, form(end_user=end_user, ultimate_consignee=consignee), "alice")
    withdrawn = service.create_draft(sessions, form(purchaser={
        "name": "Beijing Sample Aerospace Technology Co. Ltd.", "country": "CN"}), "alice")
    service.withdraw(sessions, withdrawn.id, "no longer needed", "alice")
    hit_id = json.loads(_run(db_url, tmp_path, "screen", LISTED, "--json").stdout)["hits"][0]["id"]
    cleared = _run(db_url, tmp_path, "screen", "decide", f"meti:{hit_id}", "--name", LISTED, "--clear",
                   "--reason", "different registration number")
    assert cleared.exit_code == 0, cleared.output

    _load(db_url, tmp_path, METI_SAMPLE + NEW_ENTRY)  # the withdrawn application's purchaser is listed now
    parties, new = rescreen(sessions, load_index(sessions), on=date.today(), actor="carol",
                            at=datetime.now(UTC))
    assert parties == 3  # purchaser, ultimate consignee and end user of the open application only
    assert [(n.source, n.hit.party.id, n.reason) for n in new] == [
        (f"application:{open_one.id} ultimate_consignee", "5", "added to the list")]
    # not reported: the end user's hit (cleared, entry unchanged), the withdrawn application's purchaser
    assert {p.source for p in watched(sessions)} == {
        f"application:{open_one.id} {role}" for role in ("purchaser", "ultimate_consignee", "end_user")}


def test_fresh_hits_are_new_entries_and_changed_revisions_only() -> None:
    assert fresh_hits({"un:1": "a", "un:2": "b"}, {"un:1": "a", "un:2": "c", "un:3": "d"}) == {
        "un:2": "listed entry changed", "un:3": "added to the list"}
    assert fresh_hits({"un:1": "a"}, {}) == {}  # a hit that went away is not an alert
