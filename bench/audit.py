"""The cost of the keyed audit chain: MAC per entry (HMAC-SHA256 vs plain SHA-256, measured in
the same run), appends per second into SQLite (ORM-bound: one head read and flush per entry),
and `audit verify` time per 10,000 entries (chain, checkpoints and row reconciliation).
Prints a table, then one JSON object last.

    .venv/bin/python bench/audit.py [--entries 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from datetime import UTC, datetime

from corridor.store import audit
from corridor.store.db import open_database
from corridor.store.keys import audit_key


def mac_seconds(key: bytes | None, entries: int) -> float:
    """Time to compute `entries` entry MACs (key None: the plain SHA-256 of pre-key entries)."""
    entry = audit.AuditEntry(seq=1, at=datetime.now(UTC).isoformat(), actor="bench",
                             action="licence.drawn_down", subject="licence:JP-L-1",
                             before=audit.canonical({"quantity_used": "10"}),
                             after=audit.canonical({"balance": {"quantity_used": "20"}}),
                             previous_hash="0" * 64)
    start = time.perf_counter()
    for seq in range(entries):
        entry.seq = seq
        entry.content_hash(key)
    return time.perf_counter() - start


def append_seconds(sessions, entries: int, batch: int = 500) -> float:
    """Append `entries` entries in transactions of `batch`, as a busy writer would."""
    start = time.perf_counter()
    for first in range(0, entries, batch):
        with sessions.begin() as session:
            audit.lock_chain(session)
            for seq in range(first, min(first + batch, entries)):
                audit.append(session, actor="bench", action="note.added", subject=f"note:{seq}",
                             at=datetime.now(UTC), after={"n": seq})
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    entries = parser.parse_args().entries
    with tempfile.TemporaryDirectory() as home:
        os.environ["CORRIDOR_HOME"] = home
        key = audit_key()
        plain, keyed = mac_seconds(None, entries), mac_seconds(key, entries)
        sessions = open_database(f"sqlite:///{home}/bench.db")
        appended = append_seconds(sessions, entries)
        start = time.perf_counter()
        verdict = audit.verify(sessions(), key)
        verified = time.perf_counter() - start
    assert verdict.intact, verdict.problem
    figures = {
        "bench": "audit", "entries": entries,
        "mac_us_plain_sha256": round(plain / entries * 1e6, 2),
        "mac_us_hmac_sha256": round(keyed / entries * 1e6, 2),
        "hmac_vs_plain_ratio": round(keyed / plain, 2),
        "appends_per_s_sqlite": round(entries / appended),
        "verify_s_per_10k_sqlite": round(verified / entries * 10_000, 3),
        "checkpoints": verdict.checkpoints,
    }
    for name, value in figures.items():
        print(f"{name:28} {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
