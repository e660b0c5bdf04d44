"""The analyst's review queue: proposals from an article, decisions audited, accepted on the timeline."""

from __future__ import annotations

import getpass
import json

from licence_fixtures import api_client
from typer.testing import CliRunner

from corridor.cli.main import app

ARTICLE = (
    "Japan removes South Korea from white list\n"
    "By Staff Writer, August 2, 2019\n"
    "TOKYO - Japan removed South Korea from its white list of trusted trading partners on Friday.\n"
    "If the talks fail, Seoul could retaliate against Tokyo by dropping Japan from its own list.\n"
)


def _cli(db_url: str, *args: str, stdin: str | None = None):
    result = CliRunner().invoke(app, ["news", *args, "--db", db_url, "--json"], input=stdin)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_cli_propose_decide_and_timeline(db_url, tmp_path) -> None:
    page = tmp_path / "whitelist.txt"
    page.write_text(ARTICLE)
    proposed = _cli(db_url, "propose", str(page))
    removal = next(e for e in proposed if e["type"] == "whitelist_removed" and e["happened"])
    assert (removal["actor"], removal["target"], removal["date"]) == ("JP", "KR", "2019-08-02")
    assert _cli(db_url, "propose", str(page)) == []  # the same page twice queues nothing new
    assert {e["id"] for e in _cli(db_url, "queue")} == {e["id"] for e in proposed}

    _cli(db_url, "accept", str(removal["id"]), "--note", "matches METI notice")
    for other in proposed:
        if other["id"] != removal["id"]:
            _cli(db_url, "reject", str(other["id"]))
    assert _cli(db_url, "queue") == []

    again = CliRunner().invoke(app, ["news", "accept", str(removal["id"]), "--db", db_url])
    assert again.exit_code == 2 and "already accepted" in again.output

    timeline = CliRunner().invoke(app, ["timeline", "--from", "JP", "--to", "KR", "--accepted-news",
                                        "--db", db_url, "--json"])
    rows = [r for r in json.loads(timeline.stdout) if r.get("queue_id")]
    assert [(r["queue_id"], r["source"]) for r in rows] == [(removal["id"], str(page))]
    assert "white list" in rows[0]["summary"] and getpass.getuser() in rows[0]["note"]


def test_api_edit_accept_audited(db_url) -> None:
    client, headers = api_client(db_url)
    before = client.get("/audit/verify", headers=headers["viewer"]).json()["entries"]
    queued = client.post("/news/queue", json={"content": ARTICLE, "source": "https://example.org/a"},
                         headers=headers["analyst"])
    assert queued.status_code == 201
    first = queued.json()[0]
    denied = client.post(f"/news/queue/{first['id']}/accept", json={}, headers=headers["viewer"])
    assert denied.status_code == 403
    edited = client.post(f"/news/queue/{first['id']}/edit", headers=headers["analyst"],
                         json={"changes": {"day": "2019-08-28"}, "note": "effective date"})
    assert edited.json()["date"] == "2019-08-28" and edited.json()["status"] == "proposed"
    bad = client.post(f"/news/queue/{first['id']}/edit", headers=headers["analyst"],
                      json={"changes": {"evidence": "made up"}})
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "evidence"
    client.post(f"/news/queue/{first['id']}/accept", json={}, headers=headers["analyst"])
    accepted = client.get("/news/queue?status=accepted", headers=headers["viewer"]).json()
    assert [(e["id"], e["decided_by"]) for e in accepted] == [(first["id"], "analyst")]
    missing = client.post("/news/queue/99999/reject", json={}, headers=headers["analyst"])
    assert missing.status_code == 404
    verdict = client.get("/audit/verify", headers=headers["viewer"]).json()
    assert verdict["intact"] and verdict["entries"] == before + len(queued.json()) + 2

    laws = client.get("/timeline?from=JP&to=KR", headers=headers["viewer"]).json()
    assert not [r for r in laws if r["domain"] == "news"]
    merged = client.get("/timeline?from=JP&to=KR&with_news=true", headers=headers["viewer"]).json()
    news = [r for r in merged if r["domain"] == "news"]
    assert [(r["queue_id"], r["day"], r["source"]) for r in news] == [
        (first["id"], "2019-08-28", "https://example.org/a")]
    assert len(merged) == len(laws) + 1 and [r["day"] for r in merged] == sorted(r["day"] for r in merged)
