"""With the `screening.four_eyes` setting on, a decision on a hit stands only once a second officer
approves it; the setting is the admin's, kept in the database and audited."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from corridor.cli.main import app
from corridor.licences import service
from corridor.store.audit import AuditEntry
from corridor.store.db import open_database
from corridor.store.users import Role

METI_SAMPLE = Path(__file__).parent / "data" / "meti_end_user_sample.csv"
LISTED = "Korea Sample Trading Corporation"


def corridor(db_url: str, home: Path, token: str, *args: str):
    result = CliRunner().invoke(app, [*args, "--db", db_url],
                                env={"CORRIDOR_HOME": str(home), "CORRIDOR_TOKEN": token})
    return result.exit_code, result.stdout + result.stderr


def test_four_eyes_decision_needs_a_second_officer(db_url, tmp_path) -> None:
    sessions = open_database(db_url)
    token = {name: service.add_user(sessions, name, role, "setup")
             for name, role in (("bob", Role.officer), ("carol", Role.officer), ("ada", Role.admin))}
    loaded = corridor(db_url, tmp_path, token["ada"], "lists", "load", str(METI_SAMPLE), "--format", "meti")
    assert loaded[0] == 0
    code, out = corridor(db_url, tmp_path, token["bob"], "settings", "set", "screening.four_eyes", "on")
    assert code == 1 and "needs admin" in out  # an officer cannot switch the control off or on
    code, out = corridor(db_url, tmp_path, token["ada"], "settings", "set", "screening.four_eyes", "maybe")
    assert code == 1 and "'maybe'" in out and "on or off" in out
    assert corridor(db_url, tmp_path, token["ada"], "settings", "set", "screening.four_eyes", "on")[0] == 0
    assert "screening.four_eyes = on" in corridor(db_url, tmp_path, token["bob"], "settings", "show")[1]

    def hit() -> dict:
        code, out = corridor(db_url, tmp_path, token["bob"], "screen", LISTED, "--json")
        assert code == 0, out
        return json.loads(out[out.index("{"):])["hits"][0]

    entry = hit()["id"]
    code, out = corridor(db_url, tmp_path, token["bob"], "screen", "decide", f"meti:{entry}",
                         "--name", LISTED, "--clear", "--reason", "registration number differs")
    assert code == 0 and "pending" in out, out
    decision = int(out.split("decision ")[1].split()[0])
    assert hit()["decision"] is None  # not standing until approved

    code, out = corridor(db_url, tmp_path, token["bob"], "screen", "approve", str(decision))
    assert code == 2 and "another officer" in out  # never the maker's own approval
    assert corridor(db_url, tmp_path, token["carol"], "screen", "approve", str(decision))[0] == 0
    assert hit()["decision"]["approved_by"] == "carol"
    code, out = corridor(db_url, tmp_path, token["carol"], "screen", "approve", str(decision))
    assert code == 2 and "approved it already" in out

    with sessions() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)).all()
    assert actions[-3:] == ["setting.changed", "screening.clear", "screening.approved"]


def test_without_four_eyes_a_decision_stands_at_once_and_needs_no_approval(db_url, tmp_path) -> None:
    sessions = open_database(db_url)
    token = service.add_user(sessions, "bob", Role.officer, "setup")
    corridor(db_url, tmp_path, token, "lists", "load", str(METI_SAMPLE), "--format", "meti")
    code, out = corridor(db_url, tmp_path, token, "screen", LISTED, "--json")
    entry = json.loads(out[out.index("{"):])["hits"][0]["id"]
    code, out = corridor(db_url, tmp_path, token, "screen", "decide", f"meti:{entry}", "--name", LISTED,
                         "--confirm", "--reason", "same registration number")
    assert code == 0 and "pending" not in out
    code, out = corridor(db_url, tmp_path, token, "screen", "approve", "1")
    assert code == 2 and "needs no approval" in out
