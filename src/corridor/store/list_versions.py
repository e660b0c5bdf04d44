"""Each load of a screening list is an audit entry (`list.loaded`, subject `list:NAME`) with
the list's revision and party count, written in the load's transaction; `audit verify` then
reports a list row or party set changed in the database itself."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from corridor.store import audit, reconcile
from corridor.store.db import DatabaseUnavailable

ACTOR = "corridor lists load"


class ChainBroken(DatabaseUnavailable):
    """The audit head row is gone, so a load could not be recorded and is not made."""

    field = "audit"


@dataclass(frozen=True)
class Version:
    """The chain lock, taken as the load's first statement; `record` adds the entry."""

    actor: str = ACTOR

    def record(self, session: Session, status: Any) -> None:
        facts = {k: v for k, v in asdict(status).items() if k not in ("loaded_at", "changes")}
        at: datetime = status.loaded_at
        audit.append(session, actor=self.actor, action="list.loaded", subject=f"list:{status.name}", at=at,
                     after=facts)


def lock(session: Session, actor: str = ACTOR) -> Version:
    if not audit.lock_chain(session):
        raise ChainBroken("the audit head row is missing, so no list load can be recorded; "
                          "restore it from a backup (see `corridor audit verify`)")
    return Version(actor)


def check_lists(session: Session) -> list[reconcile.Disagreement]:
    """Each list row and its party count against the last `list.loaded` entry."""
    from corridor.store.lists import ScreeningList, ScreeningParty

    entries = audit.history(session, "list:")
    counts = dict(session.execute(sa.select(ScreeningParty.list_name, sa.func.count())
                                  .group_by(ScreeningParty.list_name)).all())
    found = []
    for row in session.scalars(sa.select(ScreeningList).order_by(ScreeningList.name)):
        history = entries.get(f"list:{row.name}")
        if not history:
            continue  # loaded before loads were audited (issue 13); nothing to compare with
        expected = history[-1].recorded()
        stored = {"name": row.name, "format": row.format, "source": row.source, "revision": row.revision,
                  "party_count": row.party_count}
        reason = f"differs from entry {history[-1].seq}"
        found += reconcile.compare("screening_lists", row.name, stored, expected, reason)
        found += reconcile.compare("screening_parties", row.name, {"party_count": counts.get(row.name, 0)},
                                   {"party_count": expected["party_count"]}, reason)
    return found


reconcile.register("lists", check_lists)
