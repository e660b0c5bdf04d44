"""A value that changes over time, and the change points between two days.

Rules are never copied per date: a timeline stores each value once with its interval and
answers "as of D" by lookup, and "what changed between D1 and D2" from the boundaries.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from corridor.time.interval import Interval

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Change(Generic[T]):
    """On `day` the value went from `before` to `after` (None: no value in force)."""

    day: date
    before: T | None
    after: T | None


class Timeline(Generic[T]):
    """Non-overlapping `(interval, value)` pairs, sorted by start.

    Overlapping intervals are refused: two values in force on one day would make "as of D"
    ambiguous, which is exactly the error a pack linter must catch.
    """

    def __init__(self, entries: Iterable[tuple[Interval, T]] = ()) -> None:
        self._entries = sorted(entries, key=lambda e: e[0].start)
        for (a, _), (b, _) in zip(self._entries, self._entries[1:], strict=False):
            if a.overlaps(b):
                raise ValueError(f"overlapping intervals {a} and {b}")
        self._starts = [i.start for i, _ in self._entries]

    def __iter__(self) -> Iterator[tuple[Interval, T]]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def at(self, day: date) -> T | None:
        """The value in force on `day`, or None."""
        index = bisect_right(self._starts, day) - 1
        if index < 0:
            return None
        interval, value = self._entries[index]
        return value if interval.contains(day) else None

    def gaps(self, within: Interval) -> list[Interval]:
        """Parts of `within` where no value is in force."""
        gaps: list[Interval] = []
        cursor: date | None = within.start
        for interval, _ in self._entries:
            if cursor is None:
                break
            if interval.start > cursor:
                gap = Interval(cursor, interval.start).intersection(within)
                if gap:
                    gaps.append(gap)
            if interval.end is None or (interval.end > cursor):
                cursor = interval.end
        if cursor is not None and (within.end is None or cursor < within.end):
            gaps.append(Interval(cursor, within.end))
        return gaps

    def boundaries(self) -> list[date]:
        days = {i.start for i, _ in self._entries} | {i.end for i, _ in self._entries if i.end}
        return sorted(days)

    def changes(self, since: date | None = None, until: date | None = None) -> list[Change[T]]:
        """Every day in `[since, until]` on which the value in force differs from the day before."""
        changes = []
        for day in self.boundaries():
            if (since and day < since) or (until and day > until):
                continue
            before = self.at(date.fromordinal(day.toordinal() - 1))
            after = self.at(day)
            if before != after:
                changes.append(Change(day, before, after))
        return changes
