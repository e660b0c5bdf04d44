"""Rows checked against the audit log: each domain registers a check that recomputes what its
rows must hold (balances, states, roles) from the entries and reports every row that differs.

An edit made straight in the database (`UPDATE licences SET quantity_used = 0`) leaves the
HMAC chain intact, since no entry changed; these checks are what `audit verify` reports it by.
A check takes a session and yields `Disagreement`s; register it once, at import:

    reconcile.register("licences", check_licences)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Disagreement:
    """One stored value that differs from what the audit log says it must be."""

    table: str
    key: str
    field: str
    stored: Any
    expected: Any
    reason: str

    def __str__(self) -> str:
        return (f"{self.table} {self.key}: {self.field} is {_shown(self.stored)}, the audit log says "
                f"{_shown(self.expected)} ({self.reason})")


def _shown(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


Check = Callable[[Session], Iterable[Disagreement]]
CHECKS: dict[str, Check] = {}


def register(name: str, check: Check) -> None:
    """Add (or replace) the check called `name`; `audit verify` runs every registered check."""
    CHECKS[name] = check


def run(session: Session) -> list[Disagreement]:
    """Every disagreement found by every check, in registration order."""
    import corridor.store.models  # noqa: F401  (each table module registers its checks on import)

    return [found for check in CHECKS.values() for found in check(session)]


def compare(table: str, key: str, stored: dict[str, Any], expected: dict[str, Any],
            reason: str) -> list[Disagreement]:
    """A disagreement for each field in `expected` whose stored value differs."""
    return [Disagreement(table, key, name, stored.get(name), value, reason)
            for name, value in expected.items() if stored.get(name) != value]
