"""Licence applications as rows: the form, determination, filing and decision as JSON, with
the fields people filter on (status, destination, authority, filing date) as columns."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from corridor.licences.workflow import Application
from corridor.store import audit, reconcile
from corridor.store.db import Base


class ApplicationRow(Base):
    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[str] = mapped_column(String(32), index=True)
    prepared_by: Mapped[str] = mapped_column(String(200))
    editors: Mapped[list[str]] = mapped_column(JSON)
    form: Mapped[dict[str, Any]] = mapped_column(JSON)
    determination: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    pack_version: Mapped[str | None] = mapped_column(String(100))
    review_days: Mapped[int | None] = mapped_column(Integer)
    internal_approver: Mapped[str | None] = mapped_column(String(200))
    filing: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    decision: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    withdrawn_reason: Mapped[str | None] = mapped_column(String(2000))
    destination: Mapped[str | None] = mapped_column(String(2), index=True)
    authority: Mapped[str | None] = mapped_column(String(50), index=True)
    filed_on: Mapped[date | None] = mapped_column(Date, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    def to_application(self) -> Application:
        return Application.model_validate({
            "id": self.id, "status": self.status, "prepared_by": self.prepared_by,
            "editors": self.editors, "form": self.form, "determination": self.determination,
            "pack_version": self.pack_version, "review_days": self.review_days,
            "internal_approver": self.internal_approver, "filing": self.filing,
            "decision": self.decision, "withdrawn_reason": self.withdrawn_reason})

    def record(self, application: Application, at: datetime) -> None:
        """Write every field of `application` into this row (the id is the row's own)."""
        data = application.model_dump(mode="json", exclude={"id"})
        for name, value in data.items():
            setattr(self, name, value)
        self.destination = application.form.destination
        self.authority = application.filing.authority if application.filing else None
        self.filed_on = application.filing.filed_on if application.filing else None
        self.updated_at = at
        if self.created_at is None:
            self.created_at = at


def check_applications(session: Session) -> list[reconcile.Disagreement]:
    """Each application row against the state its last `application.*` entry left it in."""
    entries = audit.history(session, "application:")
    found = []
    for row in session.scalars(select(ApplicationRow).order_by(ApplicationRow.id)):
        history = [e for e in entries.get(f"application:{row.id}", []) if e.action.startswith("application.")]
        if not history:
            found.append(reconcile.Disagreement("applications", str(row.id), "row", "present", "absent",
                                                "no audit entry drafts this application"))
            continue
        found += reconcile.compare("applications", str(row.id), row.to_application().model_dump(mode="json"),
                                   history[-1].recorded(), f"differs from entry {history[-1].seq} "
                                   f"({history[-1].action})")
    return found


reconcile.register("applications", check_applications)
