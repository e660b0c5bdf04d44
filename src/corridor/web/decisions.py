"""ADAPTER — screening decisions (clear / confirm a hit, with the reason).

The screening helper is adding decisions to the store concurrently. Until that lands, a
decision is an audit entry `screening.cleared` or `screening.confirmed` on the subject
`screening-hit:<list>:<party id>`, carrying the name screened and the reason; the latest
entry for a (party, name) pair is the decision in force. To wire the store's own decisions,
replace `decide` and `decisions_for` (the screening page calls nothing else here).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy.orm import sessionmaker

from corridor.web import ledger

Verdict = Literal["cleared", "confirmed"]
VERDICTS: tuple[Verdict, ...] = ("cleared", "confirmed")


@dataclass(frozen=True)
class HitDecision:
    verdict: Verdict
    reason: str
    actor: str
    at: str


def _subject(list_name: str, party_id: str) -> str:
    return f"screening-hit:{list_name}:{party_id}"


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def decide(sessions: sessionmaker, actor: str, *, list_name: str, party_id: str, query: str, on: date,
           verdict: str, reason: str) -> None:
    """Record an officer's decision on one hit; the reason is required and kept verbatim."""
    if verdict not in VERDICTS:
        raise ValueError(f"verdict: {verdict!r} is not one of {', '.join(VERDICTS)}")
    if not reason.strip():
        raise ValueError("reason: a decision needs a reason (what was checked, e.g. date of birth, address)")
    ledger.record(sessions, actor=actor, action=f"screening.{verdict}", subject=_subject(list_name, party_id),
                  after={"query": query, "on": on.isoformat(), "verdict": verdict, "reason": reason.strip()})


def decisions_for(sessions: sessionmaker, query: str) -> dict[tuple[str, str], HitDecision]:
    """The decision in force for each (list, party id) on this name."""
    found: dict[tuple[str, str], HitDecision] = {}
    for entry in ledger.entries(sessions, subject_prefix="screening-hit:", action="screening."):
        after = ledger.content(entry.after)
        if _key(after.get("query", "")) != _key(query):
            continue
        _, list_name, party_id = entry.subject.split(":", 2)
        found[(list_name, party_id)] = HitDecision(after["verdict"], after["reason"], entry.actor, entry.at)
    return found

