"""Granted licences and the shipments drawn down against them.

The running totals live on the licence row so a drawdown reads and updates one row under
the write lock; the drawdown rows are the itemised record the totals must always equal.
`check_licences` recomputes both from the audit log, so an edit made in the database itself
(a reset balance, a deleted drawdown) is reported by `corridor audit verify`.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Date, DateTime, ForeignKey, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from corridor.licences.drawdown import Balance, Shipment, balance
from corridor.licences.workflow import LicenceTerms
from corridor.store import audit, reconcile
from corridor.store.amounts import ExactAmount
from corridor.store.db import Base


class LicenceRow(Base):
    __tablename__ = "licences"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(100), unique=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    licence_type: Mapped[str] = mapped_column(String(100))
    authority: Mapped[str] = mapped_column(String(50))
    destination: Mapped[str] = mapped_column(String(2), index=True)
    control_numbers: Mapped[list[str]] = mapped_column(JSON)
    issued_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    unit: Mapped[str | None] = mapped_column(String(50))
    quantity_limit: Mapped[Decimal | None] = mapped_column(ExactAmount)
    currency: Mapped[str | None] = mapped_column(String(3))
    value_limit: Mapped[Decimal | None] = mapped_column(ExactAmount)
    quantity_used: Mapped[Decimal] = mapped_column(ExactAmount)
    value_used: Mapped[Decimal] = mapped_column(ExactAmount)

    @classmethod
    def grant(cls, terms: LicenceTerms) -> LicenceRow:
        return cls(**terms.model_dump(), quantity_used=Decimal(0), value_used=Decimal(0))

    def terms(self) -> LicenceTerms:
        return LicenceTerms.model_validate(
            {name: getattr(self, name) for name in LicenceTerms.model_fields})

    def balance(self) -> Balance:
        return balance(self.terms(), self.quantity_used, self.value_used)


class DrawdownRow(Base):
    __tablename__ = "drawdowns"

    id: Mapped[int] = mapped_column(primary_key=True)
    licence_id: Mapped[int] = mapped_column(ForeignKey("licences.id"), index=True)
    quantity: Mapped[Decimal] = mapped_column(ExactAmount)
    value: Mapped[Decimal] = mapped_column(ExactAmount)
    destination: Mapped[str] = mapped_column(String(2))
    control_number: Mapped[str | None] = mapped_column(String(50))
    shipped_on: Mapped[date] = mapped_column(Date)
    reference: Mapped[str | None] = mapped_column(String(200))
    actor: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


SHIPMENT_FIELDS = ("quantity", "value", "destination", "shipped_on", "control_number", "reference")


def check_licences(session: Session) -> list[reconcile.Disagreement]:
    """Each licence's terms, running totals and drawdown rows, recomputed from its entries."""
    entries = audit.history(session, "licence:")
    found = []
    for row in session.scalars(select(LicenceRow).order_by(LicenceRow.id)):
        history = entries.get(f"licence:{row.number}", [])
        granted = [e for e in history if e.action == "licence.granted"]
        if not granted:
            found.append(reconcile.Disagreement("licences", row.number, "row", "present", "absent",
                                                "no audit entry grants this licence"))
            continue
        found += reconcile.compare("licences", row.number, row.terms().model_dump(mode="json"),
                                   granted[-1].recorded(), f"terms differ from entry {granted[-1].seq}")
        found += _check_drawdowns(session, row, [e for e in history if e.action == "licence.drawn_down"])
    return found


def _check_drawdowns(session: Session, row: LicenceRow, drawn: list) -> list[reconcile.Disagreement]:
    last = drawn[-1].recorded()["balance"] if drawn else {"quantity_used": "0", "value_used": "0"}
    expected = {name: Decimal(last[name]) for name in ("quantity_used", "value_used")}
    stored = {"quantity_used": row.quantity_used, "value_used": row.value_used}
    reason = f"the balance after entry {drawn[-1].seq}" if drawn else "no drawdown is recorded"
    found = reconcile.compare("licences", row.number, stored, expected, reason)
    query = select(DrawdownRow).where(DrawdownRow.licence_id == row.id).order_by(DrawdownRow.id)
    rows = list(session.scalars(query))
    if len(rows) != len(drawn):
        found.append(reconcile.Disagreement("drawdowns", row.number, "count", len(rows), len(drawn),
                                            "drawdown rows added or deleted outside the service"))
    for drawdown, entry in zip(rows, drawn, strict=False):
        shipment = Shipment.model_validate({name: getattr(drawdown, name) for name in SHIPMENT_FIELDS})
        found += reconcile.compare("drawdowns", f"{row.number}#{drawdown.id}",
                                   {**shipment.model_dump(mode="json"), "actor": drawdown.actor},
                                   {**entry.recorded()["shipment"], "actor": entry.actor},
                                   f"differs from entry {entry.seq}")
    return found


reconcile.register("licences", check_licences)
