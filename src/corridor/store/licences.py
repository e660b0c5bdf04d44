"""Granted licences and the shipments drawn down against them.

The running totals live on the licence row so a drawdown reads and updates one row under
the write lock; the drawdown rows are the itemised record the totals must always equal.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Date, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from corridor.licences.drawdown import Balance, balance
from corridor.licences.workflow import LicenceTerms
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
