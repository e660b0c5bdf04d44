"""Exact quantities and money in any database: decimals stored as integers of 1/10,000.

SQLite has no exact decimal type (NUMERIC becomes a float), and a licence balance that
drifts by a rounding error is a compliance finding; scaled integers are exact on both backends.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import BigInteger
from sqlalchemy.types import TypeDecorator

SCALE = 10_000


class ExactAmount(TypeDecorator):
    """A `Decimal` with at most four decimal places, stored as a scaled BIGINT."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect) -> int | None:
        if value is None:
            return None
        scaled = Decimal(value) * SCALE
        if scaled != scaled.to_integral_value():
            raise ValueError(f"amount {value} has more than four decimal places")
        return int(scaled)

    def process_result_value(self, value: int | None, dialect) -> Decimal | None:
        if value is None:
            return None
        amount = Decimal(value) / SCALE
        return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount.normalize()
