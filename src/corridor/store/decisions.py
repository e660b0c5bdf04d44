"""Officers' decisions on screening hits: "not our party" (clear) or "our party" (confirm).

A decision is about one pair: the screened name (folded: case, spaces, width) and one list
entry as it stood when decided (its record digest). It holds while that entry is unchanged;
when a list load changes the entry, the pair is screened afresh. Every decision is an audit
entry written in the same transaction. With the `screening.four_eyes` setting on, a decision
stands only once a second officer approves it (`approve`); until then the hit shows as undecided.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from corridor.store import audit, settings
from corridor.store.db import Base
from corridor.store.lists import ScreeningParty, record_revision

DECISIONS = ("clear", "confirm")


class Refused(ValueError):
    """A decision or approval that cannot be made; `status` and `field` say why to an API client."""

    def __init__(self, status: int, field: str, reason: str) -> None:
        self.status, self.field = status, field
        super().__init__(reason)


class ScreeningDecision(Base):
    __tablename__ = "screening_decisions"
    __table_args__ = (sa.Index("ix_screening_decisions_pair", "query_key", "list_name", "party_id"),)

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    query_key: Mapped[str] = mapped_column(sa.String(1000))
    list_name: Mapped[str] = mapped_column(sa.String(64))
    party_id: Mapped[str] = mapped_column(sa.String(200))
    entry_revision: Mapped[str] = mapped_column(sa.String(64))
    decision: Mapped[str] = mapped_column(sa.String(16))
    reason: Mapped[str] = mapped_column(sa.String(2000))
    actor: Mapped[str] = mapped_column(sa.String(200))
    decided_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    needs_approval: Mapped[bool] = mapped_column(sa.Boolean, server_default=sa.false(), default=False)
    approved_by: Mapped[str | None] = mapped_column(sa.String(200))
    approved_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    def made(self) -> Decision:
        return Decision(self.decision, self.reason, self.actor, self.decided_at, self.id,
                        self.needs_approval and self.approved_by is None, self.approved_by)


@dataclass(frozen=True, slots=True)
class Decision:
    decision: str
    reason: str
    actor: str
    decided_at: datetime
    id: int | None = None
    pending: bool = False  # four-eyes on and no second officer has approved it yet
    approved_by: str | None = None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "decision": self.decision,
            "reason": self.reason,
            "actor": self.actor,
            "decided_at": self.decided_at.isoformat(),
            "approved_by": self.approved_by,
        }


def query_key(name: str) -> str:
    """The screened name as decisions are keyed: width, case and spacing folded."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def decide(
    sessions: sessionmaker,
    *,
    name: str,
    list_name: str,
    party_id: str,
    decision: str,
    reason: str,
    actor: str,
    at: datetime,
) -> Decision:
    """Record a decision on (name, list entry); ValueError names a bad field or unknown entry."""
    if decision not in DECISIONS:
        raise Refused(422, "decision", f"decision {decision!r} is not one of: {', '.join(DECISIONS)}")
    if not reason.strip() or len(reason) > 2000:
        raise Refused(422, "reason", "--reason must be 1 to 2000 characters: say why, for the auditor")
    with sessions.begin() as session:
        if not audit.lock_chain(session):
            raise Refused(503, "audit", "the audit head row is missing, so no decision can be recorded")
        record = session.scalar(
            sa.select(ScreeningParty.record).where(
                ScreeningParty.list_name == list_name, ScreeningParty.party_id == party_id
            )
        )
        if record is None:
            raise Refused(404, "hit", f"hit {list_name}:{party_id} is not an entry of a loaded list")
        row = ScreeningDecision(
            query_key=query_key(name),
            list_name=list_name,
            party_id=party_id,
            entry_revision=record_revision(record),
            decision=decision,
            reason=reason.strip(),
            actor=actor,
            decided_at=at,
            needs_approval=settings.current(session, "screening.four_eyes"),
        )
        session.add(row)
        session.flush()
        audit.append(
            session,
            actor=actor,
            action=f"screening.{decision}",
            subject=f"hit:{list_name}:{party_id}",
            at=at,
            before=None,
            after={"name": name, "reason": row.reason, "entry_revision": row.entry_revision,
                   "decision": row.id, "needs_approval": row.needs_approval},
        )
        return row.made()


def approve(sessions: sessionmaker, decision_id: int, *, actor: str, at: datetime) -> Decision:
    """A second officer's approval, which makes a four-eyes decision stand; never its own maker's."""
    with sessions.begin() as session:
        if not audit.lock_chain(session):
            raise Refused(503, "audit", "the audit head row is missing, so no approval can be recorded")
        row = session.get(ScreeningDecision, decision_id)
        if row is None:
            raise Refused(404, "decision", f"decision {decision_id} does not exist")
        if not row.needs_approval or row.approved_by:
            raise Refused(409, "decision", f"decision {decision_id} needs no approval"
                             + (f": {row.approved_by} approved it already" if row.approved_by else ""))
        if row.actor == actor:
            raise Refused(409, "actor",
                          f"decision {decision_id} was made by {actor}; four-eyes needs another officer")
        row.approved_by, row.approved_at = actor, at
        audit.append(session, actor=actor, action="screening.approved", at=at, before=None,
                     subject=f"hit:{row.list_name}:{row.party_id}",
                     after={"decision": row.id, "decided_by": row.actor,
                            "entry_revision": row.entry_revision})
        return row.made()


def standing_decisions(sessions: sessionmaker, name: str) -> dict[tuple[str, str], Decision]:
    """The latest decision on each list entry for `name` that still holds (entry unchanged)."""
    with sessions() as session:
        return standing_in(session, name)


def standing_in(session: Session, name: str) -> dict[tuple[str, str], Decision]:
    """As `standing_decisions`, inside a transaction already open (re-screening reads them there)."""
    query = (
        sa.select(ScreeningDecision, ScreeningParty.record)
        .join(
            ScreeningParty,
            sa.and_(
                ScreeningParty.list_name == ScreeningDecision.list_name,
                ScreeningParty.party_id == ScreeningDecision.party_id,
            ),
        )
        .where(ScreeningDecision.query_key == query_key(name))
        .order_by(ScreeningDecision.id)
    )
    return {
        (d.list_name, d.party_id): d.made()
        for d, record in session.execute(query)
        if record_revision(record) == d.entry_revision and not d.made().pending
    }
