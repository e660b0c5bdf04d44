"""Parties under watch, and re-screening them when the lists change.

A party screened once is not cleared for good: the lists change every week. Parties an officer
asks to watch (`corridor screen NAME --monitor`) and the parties named on open licence
applications are kept here with the hits they had, each hit with the revision of its list
entry. `corridor screen rescreen` screens them all again against the lists as now loaded and
reports only what is new: a hit on an entry that was added or whose record changed since the
party was last screened. A hit an officer cleared stays cleared while its entry is unchanged.
Each run is one transaction with one audit entry, so a crash leaves the last run's state whole.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from corridor.licences.workflow import Status
from corridor.screening import Query, ScreeningIndex, screen
from corridor.screening.party import Schema
from corridor.screening.screen import Hit
from corridor.store import audit
from corridor.store.applications import ApplicationRow
from corridor.store.db import Base
from corridor.store.decisions import query_key, standing_in
from corridor.store.lists import ScreeningParty, record_revision

APPLICATION_PARTIES = ("purchaser", "intermediate_consignee", "ultimate_consignee", "end_user")
CLOSED = (Status.withdrawn.value, Status.denied.value)  # their parties no longer need watching


class MonitoredParty(Base):
    __tablename__ = "monitored_parties"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    party_key: Mapped[str] = mapped_column(sa.String(64), unique=True)
    name: Mapped[str] = mapped_column(sa.String(1000))
    schema: Mapped[str | None] = mapped_column(sa.String(32))
    country: Mapped[str | None] = mapped_column(sa.String(2))
    birth_date: Mapped[str | None] = mapped_column(sa.String(10))
    nationality: Mapped[str | None] = mapped_column(sa.String(2))
    id_number: Mapped[str | None] = mapped_column(sa.String(200))
    source: Mapped[str] = mapped_column(sa.String(200))
    added_by: Mapped[str] = mapped_column(sa.String(200))
    added_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    screened_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    hits: Mapped[dict[str, str]] = mapped_column(sa.JSON)  # "list:id" → entry revision

    def query(self, on: date) -> Query:
        return Query(self.name, on, Schema(self.schema) if self.schema else None, self.country, None,
                     self.birth_date, self.nationality, self.id_number)


@dataclass(frozen=True)
class NewHit:
    """A hit a party did not have when last screened, and why it is new."""

    party_id: int
    party_name: str
    source: str
    hit: Hit
    reason: str  # "added to the list" | "listed entry changed"

    def to_json(self) -> dict[str, Any]:
        return {"party": self.party_id, "name": self.party_name, "source": self.source,
                "reason": self.reason, "hit": self.hit.to_json()}


def party_key(query: Query) -> str:
    """One watched row per party as screened: its folded name and every qualifier given."""
    fields = [query_key(query.name), query.schema.value if query.schema else None, query.country,
              query.birth_date, query.nationality, query.id_number]
    return hashlib.sha256(json.dumps(fields).encode()).hexdigest()


def monitor(sessions: sessionmaker, index: ScreeningIndex, queries: list[Query], *, source: str,
            actor: str, at: datetime) -> list[MonitoredParty]:
    """Watch each query's party from now on, remembering its current hits (a party already
    watched is refreshed, not doubled); one transaction and one audit entry for them all."""
    with sessions.begin() as session:
        if not audit.lock_chain(session):
            raise ValueError("the audit head row is missing, so no party can be put under watch")
        rows = []
        for query in queries:
            row = _watch(session, query, source, actor, at)
            row.hits, row.screened_at = _revisions(session, screen(index, query).hits), at
            rows.append(row)
        audit.append(session, actor=actor, action="screening.monitor", subject="parties", at=at, before=None,
                     after={"source": source, "parties": {str(r.id): sorted(r.hits) for r in rows}})
    return rows


def fresh_hits(previous: dict[str, str], current: dict[str, str]) -> dict[str, str]:
    """The hits of `current` ("list:id" → revision) that `previous` lacks or held at another
    revision, each with why it is new."""
    return {
        hit: "added to the list" if hit not in previous else "listed entry changed"
        for hit, revision in current.items()
        if previous.get(hit) != revision
    }


def rescreen(sessions: sessionmaker, index: ScreeningIndex, *, on: date, actor: str, at: datetime
             ) -> tuple[int, list[NewHit]]:
    """Screen every watched party again; (parties screened, hits new since their last screening)."""
    found: list[NewHit] = []
    with sessions.begin() as session:
        if not audit.lock_chain(session):
            raise ValueError("the audit head row is missing, so no re-screening can be recorded")
        _watch_application_parties(session, actor, at)
        parties = session.scalars(sa.select(MonitoredParty).order_by(MonitoredParty.id)).all()
        for row in parties:
            hits = screen(index, row.query(on)).hits
            current = _revisions(session, hits)
            cleared = {f"{list_name}:{party_id}" for (list_name, party_id), made in
                       standing_in(session, row.name).items() if made.decision == "clear"}
            by_key = {f"{h.party.list_name}:{h.party.id}": h for h in hits}
            found += [NewHit(row.id, row.name, row.source, by_key[key], reason)
                      for key, reason in fresh_hits(row.hits, current).items() if key not in cleared]
            row.hits, row.screened_at = current, at
        audit.append(session, actor=actor, action="screening.rescreen", subject="parties", at=at,
                     before=None, after={"on": on.isoformat(), "parties": len(parties),
                                         "new_hits": [f"party:{n.party_id} {n.hit.party.list_name}:"
                                                      f"{n.hit.party.id}" for n in found]})
    return len(parties), found


def watched(sessions: sessionmaker) -> list[MonitoredParty]:
    with sessions() as session:
        return list(session.scalars(sa.select(MonitoredParty).order_by(MonitoredParty.id)))


def _watch(session: Session, query: Query, source: str, actor: str, at: datetime) -> MonitoredParty:
    key = party_key(query)
    row = session.scalar(sa.select(MonitoredParty).where(MonitoredParty.party_key == key))
    if row is None:
        row = MonitoredParty(
            party_key=key, name=query.name, schema=query.schema.value if query.schema else None,
            country=query.country, birth_date=query.birth_date, nationality=query.nationality,
            id_number=query.id_number, source=source, added_by=actor, added_at=at, screened_at=at, hits={})
        session.add(row)
        session.flush()
    return row


def _watch_application_parties(session: Session, actor: str, at: datetime) -> None:
    """The purchaser, consignees and end user of every open application join the watch, with no
    hits remembered, so that their first re-screening reports every hit they have."""
    applications = session.scalars(sa.select(ApplicationRow).where(ApplicationRow.status.not_in(CLOSED)))
    for application in applications:
        for role in APPLICATION_PARTIES:
            party = (application.form or {}).get(role)
            if party and party.get("name"):
                query = Query(party["name"], at.date(), None, party.get("country"))
                if session.scalar(sa.select(MonitoredParty.id).where(
                        MonitoredParty.party_key == party_key(query))) is None:
                    _watch(session, query, f"application:{application.id} {role}", actor, at)


def _revisions(session: Session, hits: tuple[Hit, ...]) -> dict[str, str]:
    """ "list:id" → the revision of that entry's stored record, for each hit."""
    if not hits:
        return {}
    wanted = {(h.party.list_name, h.party.id) for h in hits}
    rows = session.execute(sa.select(ScreeningParty.list_name, ScreeningParty.party_id, ScreeningParty.record)
                           .where(ScreeningParty.party_id.in_({p for _, p in wanted})))
    return {f"{name}:{pid}": record_revision(record) for name, pid, record in rows if (name, pid) in wanted}
