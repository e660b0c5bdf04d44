"""The audit log: append-only, hash-chained, one entry per state change, drawdown or saved
determination, written in the same transaction as the change it records.

Each entry's hash covers its own content and the previous entry's hash, and entries are
numbered without gaps; the `audit_head` row holds the number and hash of the last entry.
Editing an entry breaks its hash, deleting one leaves a gap or a broken link, deleting the
last ones leaves the head pointing past the end. The head row is also the chain's lock:
every writing transaction updates it first, so appends (and everything else) are serialised
on SQLite and on PostgreSQL alike, and no two entries ever claim the same predecessor.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, Text, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from corridor.store.db import Base

GENESIS = "0" * 64


class AuditEntry(Base):
    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(100), index=True)
    subject: Mapped[str] = mapped_column(String(200), index=True)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    previous_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    def content_hash(self) -> str:
        return entry_hash(self.seq, self.at, self.actor, self.action, self.subject, self.before,
                          self.after, self.previous_hash)


class AuditHead(Base):
    """The single row that names the last entry; locking it serialises writers."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


def entry_hash(seq: int, at: str, actor: str, action: str, subject: str, before: str | None,
               after: str | None, previous_hash: str) -> str:
    fields = [seq, at, actor, action, subject, before, after, previous_hash]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()


def canonical(value: Any) -> str | None:
    """Stored as text, key-sorted, so the hash is recomputed from exactly the bytes kept."""
    return None if value is None else json.dumps(value, sort_keys=True, ensure_ascii=False)


def lock_chain(session: Session) -> bool:
    """Take the writer's lock before reading anything the transaction will decide on; False when
    the head row is gone, so no entry could be chained and the caller must write nothing.

    A no-op UPDATE of the head row is a row lock on PostgreSQL and, as the transaction's
    first statement, the database write lock on SQLite (waiting up to the busy timeout).
    """
    result = session.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=AuditHead.seq))
    return result.rowcount == 1


def append(session: Session, *, actor: str, action: str, subject: str, at: datetime,
           before: Any = None, after: Any = None) -> AuditEntry:
    """Add the next entry; the caller holds the lock (`lock_chain`) and commits."""
    head = session.get(AuditHead, 1, populate_existing=True)
    entry = AuditEntry(seq=head.seq + 1, at=at.isoformat(), actor=actor, action=action, subject=subject,
                       before=canonical(before), after=canonical(after), previous_hash=head.hash)
    entry.hash = entry.content_hash()
    session.add(entry)
    head.seq, head.hash = entry.seq, entry.hash
    return entry


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking the chain: intact, or the first entry found edited or missing."""

    entries: int
    intact: bool
    seq: int | None = None
    problem: str | None = None
    head_hash: str | None = None


def check_chain(entries: Iterable[AuditEntry], head_seq: int, head_hash: str) -> Verdict:
    """Walk the entries in order; name the first one edited, deleted or re-linked.

    An intact verdict carries the head hash: written down outside the database (a ticket, an
    auditor's file), it also exposes a log rewritten wholesale from the first entry on.
    """
    previous_seq, previous_hash, count = 0, GENESIS, 0
    for entry in entries:
        count += 1
        if entry.seq != previous_seq + 1:
            return Verdict(count, False, previous_seq + 1, f"entry {previous_seq + 1} was deleted "
                           f"(entry {entry.seq} follows entry {previous_seq})")
        if entry.hash != entry.content_hash():
            return Verdict(count, False, entry.seq, f"entry {entry.seq} was edited "
                           f"({entry.action} {entry.subject} by {entry.actor} at {entry.at}): "
                           "its content no longer matches its hash")
        if entry.previous_hash != previous_hash:
            return Verdict(count, False, entry.seq, f"entry {entry.seq} does not link to entry "
                           f"{previous_seq}: the chain was rewritten before it")
        previous_seq, previous_hash = entry.seq, entry.hash
    if (previous_seq, previous_hash) != (head_seq, head_hash):
        return Verdict(count, False, previous_seq + 1, f"entries {previous_seq + 1}..{head_seq} were "
                       f"deleted (the log ends at {previous_seq}, its head records {head_seq})")
    return Verdict(count, True, head_hash=head_hash)


def verify(session: Session) -> Verdict:
    head = session.get(AuditHead, 1)
    if head is None:
        return Verdict(0, False, None, "the audit head row is missing: the log's end cannot be checked")
    entries = session.scalars(select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=1000))
    return check_chain(entries, head.seq, head.hash)
