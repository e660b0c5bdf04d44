"""A server that talks: where it listens, one Combined Log Format line per request with no
credentials in it, and `/health` with the database and pack versions."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from licence_fixtures import api_client

from corridor.api.access_log import redacted_query

COMBINED = re.compile(r'^(\S+) - - \[\d{2}/\w{3}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\] '
                      r'"(\w+) (\S+) HTTP/[\d.]+" (\d{3}) (\d+|-) "[^"]*" "[^"]*"$')


def test_health_names_the_database_and_every_pack(db_url) -> None:
    client, _headers = api_client(db_url)
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["reachable"] is True
    assert body["database"]["backend"] == db_url.split(":")[0].split("+")[0]
    assert body["database"]["revisions"], "no migration recorded"
    assert "jp/export" in body["packs"] and "+" in body["packs"]["jp/export"]


def test_secret_query_parameters_are_redacted() -> None:
    assert redacted_query("token=abc&item=3C002&API_KEY=x") == "token=REDACTED&item=3C002&API_KEY=REDACTED"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_prints_its_url_and_logs_requests_without_tokens(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "CORRIDOR_HOME": str(tmp_path)}
    command = [str(Path(sys.executable).parent / "corridor"), "serve", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        first = server.stderr.readline()
        assert f"http://127.0.0.1:{port}/" in first
        for _ in range(100):
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health?token=s3cret",
                                   headers={"Authorization": "Bearer s3cret-header"})
                break
            except httpx.ConnectError:
                time.sleep(0.1)
        assert health.status_code == 200
    finally:
        server.send_signal(signal.SIGINT)
        log = server.communicate(timeout=20)[1]
    lines = [line for line in log.splitlines() if line.startswith("127.0.0.1 ")]
    assert lines, log
    match = COMBINED.match(lines[0])
    assert match and match.group(2) == "GET" and match.group(4) == "200", lines[0]
    assert "s3cret" not in log
