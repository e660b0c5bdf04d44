"""The audit log: append-only, HMAC-chained, one entry per state change, drawdown or saved
determination, written in the same transaction as the change it records.

Each entry's MAC covers its own content and the previous entry's MAC under a key kept outside
the database (`store.keys`), and entries are numbered without gaps; the `audit_head` row holds
the number and MAC of the last entry, itself signed. Without the key nobody can edit, re-hash
or append an entry, nor move the head. At the first keyed entry (so wiping the whole log is
caught) and every CHECKPOINT_EVERY entries a signed checkpoint is
written to `audit_checkpoints` and, after commit, to an anchor file under `$CORRIDOR_HOME`:
cutting the tail back past a checkpoint (even restoring an old, validly signed head) is
caught by the checkpoint still naming the cut entry.

The head row is also the chain's lock: every writing transaction updates it first, so appends
(and everything else) are serialised on SQLite and on PostgreSQL alike.

Entries written before the key existed (migration 0004) keep their plain SHA-256 and are
checked as such; the head records how many there are (`legacy_until`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Integer, String, Text, event, make_url, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from corridor.store import reconcile
from corridor.store.db import Base, corridor_home
from corridor.store.keys import audit_key

GENESIS = "0" * 64
CHECKPOINT_EVERY = 100


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

    def content_hash(self, key: bytes | None = None) -> str:
        """The entry's MAC under `key`; without a key, the plain SHA-256 of legacy entries."""
        fields = [self.seq, self.at, self.actor, self.action, self.subject, self.before, self.after,
                  self.previous_hash]
        return _mac(key, fields)

    def recorded(self) -> dict[str, Any]:
        """The state this entry says its subject was left in (`after`), {} when none."""
        return json.loads(self.after) if self.after else {}


class AuditHead(Base):
    """The single row that names the last entry; locking it serialises writers."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    legacy_until: Mapped[int] = mapped_column(Integer, default=0)
    signature: Mapped[str | None] = mapped_column(String(64))


class AuditCheckpoint(Base):
    """A signed (seq, MAC) pair, also appended to the anchor file outside the database."""

    __tablename__ = "audit_checkpoints"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    hash: Mapped[str] = mapped_column(String(64))
    legacy_until: Mapped[int] = mapped_column(Integer)
    at: Mapped[str] = mapped_column(String(40))
    signature: Mapped[str] = mapped_column(String(64))


def _mac(key: bytes | None, fields: list[Any]) -> str:
    message = json.dumps(fields, ensure_ascii=False).encode()
    if key is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def _head_signature(key: bytes, seq: int, mac: str, legacy_until: int) -> str:
    return _mac(key, ["head", seq, mac, legacy_until])


def _checkpoint_signature(key: bytes, seq: int, mac: str, legacy_until: int) -> str:
    return _mac(key, ["checkpoint", seq, mac, legacy_until])


def canonical(value: Any) -> str | None:
    """Stored as text, key-sorted, so the MAC is recomputed from exactly the bytes kept."""
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
           before: Any = None, after: Any = None, key: bytes | None = None) -> AuditEntry:
    """Add the next entry; the caller holds the lock (`lock_chain`) and commits."""
    key = key or audit_key()
    head = session.get(AuditHead, 1, populate_existing=True)
    entry = AuditEntry(seq=head.seq + 1, at=at.isoformat(), actor=actor, action=action, subject=subject,
                       before=canonical(before), after=canonical(after), previous_hash=head.hash)
    entry.hash = entry.content_hash(key)
    session.add(entry)
    head.seq, head.hash = entry.seq, entry.hash
    head.signature = _head_signature(key, head.seq, head.hash, head.legacy_until)
    if entry.seq % CHECKPOINT_EVERY == 0 or entry.seq == head.legacy_until + 1:
        checkpoint(session, key=key)
    return entry


def checkpoint(session: Session, *, key: bytes | None = None) -> AuditCheckpoint | None:
    """Sign the current head into `audit_checkpoints` and, once committed, the anchor file.

    None when the chain is empty or already checkpointed at its head.
    """
    key = key or audit_key()
    session.flush()
    head = session.get(AuditHead, 1)
    if head is None or head.seq == 0 or session.get(AuditCheckpoint, head.seq) is not None:
        return None
    mark = AuditCheckpoint(seq=head.seq, hash=head.hash, legacy_until=head.legacy_until,
                           at=datetime.now(UTC).isoformat(),
                           signature=_checkpoint_signature(key, head.seq, head.hash, head.legacy_until))
    session.add(mark)
    line = json.dumps({"seq": mark.seq, "hash": mark.hash, "legacy_until": mark.legacy_until,
                       "at": mark.at, "signature": mark.signature})
    path = anchor_path(session)
    event.listen(session, "after_commit", lambda _s: _append_line(path, line), once=True)
    return mark


def anchor_path(session: Session) -> Path:
    return anchor_file(session.get_bind().url)


def anchor_file(url: str | URL) -> Path:
    """One anchor file per database, named by a digest of its URL (password hidden)."""
    shown = make_url(url).render_as_string(hide_password=True)
    return corridor_home() / "audit-anchors" / f"{hashlib.sha256(shown.encode()).hexdigest()[:16]}.jsonl"


def _append_line(path: Path, line: str) -> None:
    path.parent.mkdir(mode=0o700, exist_ok=True)
    with path.open("a", encoding="utf-8") as file:
        file.write(line + "\n")
    path.chmod(0o600)


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking the chain, its checkpoints and the rows it covers."""

    entries: int
    intact: bool
    seq: int | None = None
    problem: str | None = None
    head_hash: str | None = None
    checkpoints: int = 0
    disagreements: list[reconcile.Disagreement] = field(default_factory=list)


@dataclass(frozen=True)
class Mark:
    """A checkpoint as read back: where it came from, and whether its signature holds."""

    seq: int
    hash: str
    legacy_until: int
    origin: str
    signed: bool


def read_anchors(path: Path, key: bytes) -> list[Mark]:
    """The anchor file's checkpoints; a line that is not JSON counts as a forged mark."""
    if not path.exists():
        return []
    marks = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        origin = f"anchor file {path} line {number}"
        try:
            item = json.loads(line)
            seq, mac, legacy = int(item["seq"]), str(item["hash"]), int(item["legacy_until"])
            signed = hmac.compare_digest(str(item["signature"]),
                                         _checkpoint_signature(key, seq, mac, legacy))
        except (ValueError, KeyError, TypeError):
            seq, mac, legacy, signed = 0, "", 0, False
        marks.append(Mark(seq, mac, legacy, origin, signed))
    return marks


def check_chain(entries: Iterable[AuditEntry], head: AuditHead, key: bytes,
                marks: list[Mark] = ()) -> Verdict:
    """Walk the entries in order; name the first one edited, deleted, forged or cut off.

    An intact verdict carries the head MAC: written down outside the database (a ticket, an
    auditor's file), it is one more anchor.
    """
    for mark in marks:
        if not mark.signed:
            return Verdict(0, False, mark.seq, f"the checkpoint in {mark.origin} is forged: "
                           "its signature does not match the audit key")
    expected = {}
    for mark in marks:
        expected.setdefault(mark.seq, []).append(mark)
    previous_seq, previous_hash, count = 0, GENESIS, 0
    for entry in entries:
        count += 1
        if entry.seq != previous_seq + 1:
            return Verdict(count, False, previous_seq + 1, f"entry {previous_seq + 1} was deleted "
                           f"(entry {entry.seq} follows entry {previous_seq})")
        mac = entry.content_hash(None if entry.seq <= head.legacy_until else key)
        if not hmac.compare_digest(entry.hash, mac):
            return Verdict(count, False, entry.seq, f"entry {entry.seq} was edited or forged "
                           f"({entry.action} {entry.subject} by {entry.actor} at {entry.at}): "
                           "its content no longer matches its MAC")
        if entry.previous_hash != previous_hash:
            return Verdict(count, False, entry.seq, f"entry {entry.seq} does not link to entry "
                           f"{previous_seq}: the chain was rewritten before it")
        for mark in expected.pop(entry.seq, []):
            if mark.hash != entry.hash or mark.legacy_until != head.legacy_until:
                return Verdict(count, False, entry.seq, f"entry {entry.seq} differs from the checkpoint "
                               f"in {mark.origin}: the chain was rewritten up to it")
        previous_seq, previous_hash = entry.seq, entry.hash
    if expected:
        cut = min(expected)
        return Verdict(count, False, previous_seq + 1, f"entries {previous_seq + 1}..{cut} or more were "
                       f"cut off: the log ends at {previous_seq}, {expected[cut][0].origin} "
                       f"records entry {cut}")
    if (previous_seq, previous_hash) != (head.seq, head.hash):
        return Verdict(count, False, previous_seq + 1, f"entries {previous_seq + 1}..{head.seq} were "
                       f"deleted (the log ends at {previous_seq}, its head records {head.seq})")
    return _check_head(head, key, count)


def _check_head(head: AuditHead, key: bytes, count: int) -> Verdict:
    if head.signature is None and head.seq == head.legacy_until:
        return Verdict(count, True, head_hash=head.hash)
    if head.signature is None or not hmac.compare_digest(
            head.signature, _head_signature(key, head.seq, head.hash, head.legacy_until)):
        return Verdict(count, False, head.seq, f"the audit head (entry {head.seq}) is not signed with "
                       "the audit key: it was moved or the key is not the one the log was written with")
    return Verdict(count, True, head_hash=head.hash)


def _missing_checkpoints(head: AuditHead, marks: list[Mark]) -> Verdict | None:
    """The first keyed entry and every CHECKPOINT_EVERY-th have a checkpoint row; a deleted one is named."""
    stored = {m.seq for m in marks if m.origin == "audit_checkpoints"}
    first = (head.legacy_until // CHECKPOINT_EVERY + 1) * CHECKPOINT_EVERY
    wanted = [head.legacy_until + 1] if head.seq > head.legacy_until else []
    for seq in [*wanted, *range(first, head.seq + 1, CHECKPOINT_EVERY)]:
        if seq not in stored:
            return Verdict(0, False, seq, f"the checkpoint of entry {seq} was deleted from audit_checkpoints")
    return None


def verify(session: Session, key: bytes | None = None) -> Verdict:
    """Check the chain against its checkpoints, then every covered row against the entries."""
    key = key or audit_key()
    head = session.get(AuditHead, 1)
    if head is None:
        return Verdict(0, False, None, "the audit head row is missing: the log's end cannot be checked")
    marks = [Mark(c.seq, c.hash, c.legacy_until, "audit_checkpoints",
                  hmac.compare_digest(c.signature, _checkpoint_signature(key, c.seq, c.hash, c.legacy_until)))
             for c in session.scalars(select(AuditCheckpoint))]
    if missing := _missing_checkpoints(head, marks):
        return missing
    marks += read_anchors(anchor_path(session), key)
    entries = session.scalars(select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=1000))
    verdict = check_chain(entries, head, key, marks)
    if not verdict.intact:
        return verdict
    found = reconcile.run(session)
    if not found:
        return Verdict(verdict.entries, True, head_hash=verdict.head_hash, checkpoints=len(marks))
    return Verdict(verdict.entries, False, None, f"{len(found)} row(s) disagree with the audit log; first: "
                   f"{found[0]}", verdict.head_hash, len(marks), found)


def history(session: Session, prefix: str) -> dict[str, list[AuditEntry]]:
    """Entries whose subject starts with `prefix`, grouped by subject, oldest first."""
    grouped: dict[str, list[AuditEntry]] = {}
    query = select(AuditEntry).where(AuditEntry.subject.startswith(prefix)).order_by(AuditEntry.seq)
    for entry in session.scalars(query):
        grouped.setdefault(entry.subject, []).append(entry)
    return grouped
