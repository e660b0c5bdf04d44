"""Load on `/check` over loopback against a real `corridor serve`, with the engine call as baseline.

Starts the server in a subprocess on a free loopback port with a fresh SQLite database and a
viewer token, sends a bounded number of requests from a few keep-alive clients, and measures
requests/s and p50/p99 latency; then times `corridor.export.determine` in-process on the same
shipments. Prints a table, and as its last line one JSON object of the figures.

    .venv/bin/python bench/api_load.py [--requests 5000] [--clients 8]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx

from corridor.export import Shipment, determine
from corridor.licences import service
from corridor.store.db import open_database
from corridor.store.users import Role

TARGET_RPS, TARGET_P99_MS = 1000, 50.0
ITEMS = ("3C002", "1C350:7664-39-3", "not-listed")


def shipments(count: int) -> list[dict]:
    """JP → KR across 2019–2023 (the flagship history), three items, civil and military."""
    start = date(2019, 6, 1)
    return [{"exporter_country": "JP", "destination": "KR", "item": ITEMS[i % 3],
             "on": (start + timedelta(days=(i * 7) % 1600)).isoformat(),
             "end_use": "civil" if i % 5 else "military"} for i in range(count)]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    corridor = Path(sys.executable).with_name("corridor")
    command = [str(corridor), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError(f"server did not start: {server.stderr.read().decode()[-2000:]}")


def load(port: int, token: str, bodies: list[dict], clients: int) -> tuple[float, list[float], int]:
    """Send every body once, `clients` at a time; returns (seconds, latencies in ms, errors)."""
    chunks = [bodies[i::clients] for i in range(clients)]

    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    def run(chunk: list[dict]) -> tuple[list[float], int]:
        # http.client rather than httpx: the client shares the two cores with the server, so it
        # must cost as little as possible or the benchmark measures the client.
        latencies, errors = [], 0
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for body in chunk:
            payload = json.dumps(body).encode()
            began = time.perf_counter()
            connection.request("POST", "/check", payload, headers)
            response = connection.getresponse()
            response.read()
            latencies.append((time.perf_counter() - began) * 1000)
            errors += response.status != 200
        connection.close()
        return latencies, errors

    began = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(run, chunks))
    elapsed = time.perf_counter() - began
    return elapsed, [ms for latencies, _ in results for ms in latencies], sum(e for _, e in results)


def baseline(bodies: list[dict]) -> tuple[float, list[float]]:
    """The engine alone, in-process, on the same shipments (validation included)."""
    latencies = []
    began = time.perf_counter()
    for body in bodies:
        start = time.perf_counter()
        determine(Shipment.model_validate(body)).model_dump(mode="json")
        latencies.append((time.perf_counter() - start) * 1000)
    return time.perf_counter() - began, latencies


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(share * 100) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    bodies = shipments(args.requests)
    for body in bodies[:50]:  # warm the engine's per-regime answers, as a running server would be
        determine(Shipment.model_validate(body))
    with tempfile.TemporaryDirectory() as home:
        os.environ["CORRIDOR_HOME"] = home
        db = Path(home) / "bench.db"
        token = service.add_user(open_database(str(db)), "bench", Role.viewer, "bench")
        server = start_server(db, free_port())
        try:
            port = int(server.args[server.args.index("--port") + 1])
            load(port, token, bodies[:200], args.clients)  # warm-up
            elapsed, latencies, errors = load(port, token, bodies, args.clients)
        finally:
            server.terminate()
            server.wait(timeout=10)
    engine_elapsed, engine_latencies = baseline(bodies)
    figures = {
        "requests": len(latencies), "clients": args.clients, "errors": errors,
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 0.50), 2), "p99_ms": round(percentile(latencies, 0.99), 2),
        "baseline_engine_calls_per_s": round(len(engine_latencies) / engine_elapsed, 1),
        "baseline_engine_p50_ms": round(percentile(engine_latencies, 0.50), 3),
        "baseline_engine_p99_ms": round(percentile(engine_latencies, 0.99), 3),
        "target_rps": TARGET_RPS, "target_p99_ms": TARGET_P99_MS, "cores": os.cpu_count(),
    }
    figures["meets_target"] = figures["rps"] >= TARGET_RPS and figures["p99_ms"] <= TARGET_P99_MS
    print(f"{'measure':<34}{'value':>12}")
    for name, value in figures.items():
        print(f"{name:<34}{value!s:>12}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
