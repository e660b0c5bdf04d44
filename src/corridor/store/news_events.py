"""The analyst's review queue: events read from articles are proposals until someone accepts them.

Each proposal keeps its evidence sentence and source URL so the analyst decides from what the
article said, not from our reading of it. Every decision (accept, reject, edit) is written to the
audit log in the same transaction as the row change, so the timeline's news events are traceable.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from corridor.store import audit
from corridor.store.db import Base

STATUSES = ("proposed", "accepted", "rejected")
SHAPES = {"type": str, "actor": (str, type(None)), "target": (str, type(None)), "day": (str, type(None)),
          "date_precision": str, "happened": bool}
EDITABLE = tuple(SHAPES)


class QueueError(ValueError):
    """A refused queue operation, naming the field and value (404 unknown id, 409 wrong state)."""

    def __init__(self, status: int, field: str, reason: str, value: Any = None) -> None:
        self.status, self.field, self.reason, self.value = status, field, reason, value
        super().__init__(f"{field}: {reason}" + (f" ({value!r})" if value is not None else ""))


class NewsEventRow(Base):
    __tablename__ = "news_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    type: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str | None] = mapped_column(String(8))
    target: Mapped[str | None] = mapped_column(String(8))
    day: Mapped[date | None] = mapped_column(Date, index=True)
    date_precision: Mapped[str] = mapped_column(String(16))
    happened: Mapped[bool] = mapped_column(Boolean)
    evidence: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(String(2000))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "status": self.status, "type": self.type, "actor": self.actor,
            "target": self.target, "date": self.day.isoformat() if self.day else None,
            "date_precision": self.date_precision, "happened": self.happened,
            "evidence": self.evidence, "source": self.source, "title": self.title,
            "decided_by": self.decided_by, "note": self.note,
        }


def propose(sessions: sessionmaker, report: dict[str, Any], actor: str) -> list[dict[str, Any]]:
    """Store a report's events as proposals; an event already proposed from the same sentence of
    the same source is not added twice (re-ingesting a page is harmless)."""
    now = datetime.now(UTC)
    added = []
    with sessions() as session, session.begin():
        audit.lock_chain(session)
        for event in report["events"]:
            if _known(session, report["source"], event):
                continue
            row = NewsEventRow(
                status="proposed", type=event["type"], actor=event["actor"], target=event["target"],
                day=date.fromisoformat(event["date"]) if event.get("date") else None,
                date_precision=event["date_precision"], happened=event["happened"],
                evidence=event["evidence"], source=report["source"], title=report.get("title"),
                detail=event, created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            audit.append(session, actor=actor, action="news.propose", subject=f"news_event:{row.id}",
                         at=now, after=row.as_json())
            added.append(row.as_json())
    return added


def _known(session: Session, source: str, event: dict[str, Any]) -> bool:
    query = select(NewsEventRow.id).where(
        NewsEventRow.source == source, NewsEventRow.type == event["type"],
        NewsEventRow.evidence == event["evidence"])
    return session.execute(query).first() is not None


def queue(sessions: sessionmaker, status: str | None = "proposed") -> list[dict[str, Any]]:
    """Events in one state (all when `status` is None), oldest first."""
    if status is not None and status not in STATUSES:
        raise QueueError(422, "status", f"must be one of {', '.join(STATUSES)}", status)
    query = select(NewsEventRow).order_by(NewsEventRow.id)
    if status is not None:
        query = query.where(NewsEventRow.status == status)
    with sessions() as session:
        return [row.as_json() for row in session.scalars(query)]


def decide(sessions: sessionmaker, event_id: int, decision: str, actor: str,
           note: str | None = None, changes: dict[str, Any] | None = None) -> dict[str, Any]:
    """Accept or reject a proposal, or edit its fields (which keeps it proposed); audited."""
    if decision not in ("accept", "reject", "edit"):
        raise QueueError(422, "decision", "must be accept, reject or edit", decision)
    now = datetime.now(UTC)
    with sessions() as session, session.begin():
        audit.lock_chain(session)
        row = session.get(NewsEventRow, event_id, with_for_update=True)
        if row is None:
            raise QueueError(404, "id", "no such news event", event_id)
        if row.status != "proposed":
            raise QueueError(409, "status", f"already {row.status}; only proposed events are decided",
                             row.status)
        before = row.as_json()
        if decision == "edit":
            _apply(row, changes or {})
        else:
            row.status = "accepted" if decision == "accept" else "rejected"
        row.decided_by, row.note, row.updated_at = actor, note, now
        audit.append(session, actor=actor, action=f"news.{decision}", subject=f"news_event:{row.id}",
                     at=now, before=before, after=row.as_json())
        return row.as_json()


def _apply(row: NewsEventRow, changes: dict[str, Any]) -> None:
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise QueueError(422, unknown[0], f"not editable; editable fields: {', '.join(EDITABLE)}")
    if not changes:
        raise QueueError(422, "changes", "an edit needs at least one field")
    for field, value in changes.items():
        if not isinstance(value, SHAPES[field]) or (field in ("actor", "target") and value
                                                     and not re.fullmatch(r"[A-Z]{2}", value)):
            raise QueueError(422, field, "wrong kind of value for this field", str(value)[:100])
        if field == "day" and value is not None and not isinstance(value, date):
            try:
                value = date.fromisoformat(value)
            except (TypeError, ValueError) as error:
                raise QueueError(422, "date", "not an ISO date (YYYY-MM-DD)", value) from error
        setattr(row, field, value)


def accepted(sessions: sessionmaker, country: str | None = None) -> list[dict[str, Any]]:
    """Accepted events for the timeline, by day; `country` keeps those it acts in or is target of."""
    query = select(NewsEventRow).where(NewsEventRow.status == "accepted").order_by(NewsEventRow.day)
    with sessions() as session:
        rows = [row.as_json() for row in session.scalars(query)]
    return [r for r in rows if country is None or country in (r["actor"], r["target"])]
