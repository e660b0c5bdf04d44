"""Half-open validity intervals `[start, end)` over calendar days.

A legal measure takes effect on a day and stops applying on a later day; writing the end as
the first day it no longer applies makes consecutive measures meet without gaps or overlaps
(`[2019-07-04, 2023-03-23)` then `[2023-03-23, ∞)`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True, order=True)
class Interval:
    """Days `start <= d < end`; `end=None` means still in force."""

    start: date
    end: date | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end <= self.start:
            raise ValueError(f"interval end {self.end} must be after start {self.start}")

    def contains(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    __contains__ = contains

    def overlaps(self, other: Interval) -> bool:
        return _before(self.start, other.end) and _before(other.start, self.end)

    def intersection(self, other: Interval) -> Interval | None:
        start = max(self.start, other.start)
        ends = [e for e in (self.end, other.end) if e is not None]
        end = min(ends) if ends else None
        return Interval(start, end) if end is None or start < end else None

    def meets(self, other: Interval) -> bool:
        """True when `other` starts exactly where this one ends (no gap, no overlap)."""
        return self.end is not None and self.end == other.start

    def __str__(self) -> str:
        return f"[{self.start.isoformat()}, {self.end.isoformat() if self.end else '…'})"


def _before(day: date, end: date | None) -> bool:
    return end is None or day < end
