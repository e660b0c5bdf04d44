"""ADAPTER — the news review queue (proposed events → accepted / rejected, optionally edited).

The news helper is adding a review queue to the store concurrently. Until it lands, the
queue lives in the audit log: reading an article proposes each event it reports as an entry
`news.proposed` on the subject `news-event:<digest>` (the timeline row of
`corridor.news.overlay.news_rows`); an analyst's `news.accepted` (with the row as edited) or
`news.rejected` (with the reason) follows on the same subject, and the latest entry is the
event's state. To wire the store's queue, replace `propose`, `queue`, `review` and
`accepted_rows` (the news page and the check page's chart call nothing else here).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import sessionmaker

from corridor.news.ingest import read_article
from corridor.news.overlay import news_rows
from corridor.news.report import report_article
from corridor.packs.registry import load_packs
from corridor.web import ledger

SUBJECT = "news-event:"
EDITABLE = ("day", "summary")


@dataclass(frozen=True)
class QueuedEvent:
    key: str
    state: str  # proposed, accepted or rejected
    row: dict
    proposed_by: str
    reviewed_by: str | None = None
    reason: str | None = None


def _key(row: dict) -> str:
    identity = "|".join((row["day"], row["jurisdiction"], row["id"], row.get("source", ""), row["summary"]))
    return hashlib.sha256(identity.encode()).hexdigest()[:16]


def propose(sessions: sessionmaker, actor: str, raw: bytes, source: str) -> int:
    """Read an article and queue each event it reports between two countries; returns how many were
    new (an event already queued, from this or another read of the article, is not queued twice)."""
    report = report_article(read_article(raw, source), load_packs())
    pairs = sorted({tuple(sorted((e.actor, e.target))) for e in report.events
                    if e.actor and e.target and e.actor != e.target})
    known = {item.key for item in queue(sessions)}
    added = 0
    for first, second in pairs:
        for row in news_rows([report], first, second):
            key = _key(row)
            if key in known:
                continue
            ledger.record(sessions, actor=actor, action="news.proposed", subject=SUBJECT + key, after=row)
            known.add(key)
            added += 1
    return added


def queue(sessions: sessionmaker) -> list[QueuedEvent]:
    """Every queued event in its latest state, proposed ones first, then newest reviews."""
    found: dict[str, QueuedEvent] = {}
    for entry in ledger.entries(sessions, subject_prefix=SUBJECT, action="news."):
        key, after = entry.subject.removeprefix(SUBJECT), ledger.content(entry.after)
        if entry.action == "news.proposed":
            found[key] = QueuedEvent(key, "proposed", after, entry.actor)
        elif key in found:
            state = entry.action.removeprefix("news.")
            found[key] = QueuedEvent(key, state, after.get("row", found[key].row), found[key].proposed_by,
                                     entry.actor, after.get("reason"))
    return sorted(found.values(), key=lambda q: (q.state != "proposed", q.row["day"]))


def review(sessions: sessionmaker, actor: str, key: str, verdict: str, reason: str = "",
           edits: dict[str, str] | None = None) -> None:
    """Accept (with the day and summary as edited) or reject (with a reason) one queued event."""
    current = {item.key: item for item in queue(sessions)}.get(key)
    if current is None:
        raise ValueError(f"event: no queued news event {key!r}")
    if verdict not in ("accepted", "rejected"):
        raise ValueError(f"verdict: {verdict!r} is neither accepted nor rejected")
    if verdict == "rejected" and not reason.strip():
        raise ValueError("reason: say why the event is rejected")
    row = dict(current.row)
    for field, value in (edits or {}).items():
        if field in EDITABLE and value.strip():
            row[field] = value.strip()
    try:
        date.fromisoformat(row["day"])
    except ValueError as failure:
        raise ValueError(f"day: {row['day']!r} is not a date (YYYY-MM-DD)") from failure
    ledger.record(sessions, actor=actor, action=f"news.{verdict}", subject=SUBJECT + key,
                  before=current.row, after={"row": row, "reason": reason.strip() or None})


def accepted_rows(sessions: sessionmaker, first: str, second: str) -> list[dict]:
    """Accepted events between the two countries (either direction), as timeline rows."""
    pair = {first.upper(), second.upper()}
    return [item.row for item in queue(sessions)
            if item.state == "accepted" and set(item.row["jurisdiction"].split("-")) <= pair]

