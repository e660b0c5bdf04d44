"""Properties of intervals and timelines that every engine relies on."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corridor.time import Interval, Timeline

days = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def intervals(draw):
    start = draw(days)
    length = draw(st.one_of(st.none(), st.integers(1, 2000)))
    return Interval(start, None if length is None else start + timedelta(days=length))


@st.composite
def adjacent_timelines(draw):
    """A timeline of consecutive, non-overlapping intervals with distinct values."""
    start = draw(days)
    lengths = draw(st.lists(st.integers(1, 400), min_size=1, max_size=8))
    entries, cursor = [], start
    for index, length in enumerate(lengths):
        end = cursor + timedelta(days=length)
        entries.append((Interval(cursor, end), index))
        cursor = end + timedelta(days=draw(st.integers(0, 30)))
    return entries


@given(intervals(), days)
def test_half_open_interval_contains_start_but_not_end(interval, day):
    assert interval.start in interval
    if interval.end is not None:
        assert interval.end not in interval
    assert interval.contains(day) == (interval.start <= day and (interval.end is None or day < interval.end))


@given(intervals(), intervals())
def test_overlap_is_symmetric_and_agrees_with_intersection(a, b):
    assert a.overlaps(b) == b.overlaps(a)
    assert a.overlaps(b) == (a.intersection(b) is not None)


@given(intervals(), intervals(), days)
def test_intersection_contains_exactly_the_common_days(a, b, day):
    both = a.intersection(b)
    assert (both is not None and day in both) == (day in a and day in b)


def test_interval_refuses_end_not_after_start():
    with pytest.raises(ValueError, match="must be after start"):
        Interval(date(2020, 1, 2), date(2020, 1, 2))


@given(adjacent_timelines(), days)
def test_as_of_lookup_returns_the_value_whose_interval_holds_the_day(entries, day):
    timeline = Timeline(entries)
    expected = [v for i, v in entries if day in i]
    assert timeline.at(day) == (expected[0] if expected else None)


@given(adjacent_timelines())
def test_changes_are_exactly_the_days_the_value_differs_from_the_day_before(entries):
    timeline = Timeline(entries)
    first = entries[0][0].start - timedelta(days=1)
    last = max(i.end for i, _ in entries) + timedelta(days=1)
    expected = [
        first + timedelta(days=n)
        for n in range(1, (last - first).days + 1)
        if timeline.at(first + timedelta(days=n)) != timeline.at(first + timedelta(days=n - 1))
    ]
    assert [c.day for c in timeline.changes()] == expected
    for change in timeline.changes():
        assert change.after == timeline.at(change.day)


@given(adjacent_timelines())
def test_gaps_cover_exactly_the_days_without_a_value(entries):
    timeline = Timeline(entries)
    within = Interval(entries[0][0].start - timedelta(days=3), max(i.end for i, _ in entries))
    gaps = timeline.gaps(within)
    day = within.start
    while day < within.end:
        assert (timeline.at(day) is None) == any(day in g for g in gaps)
        day += timedelta(days=1)


def test_timeline_refuses_overlapping_values():
    with pytest.raises(ValueError, match="overlapping"):
        Timeline([(Interval(date(2020, 1, 1), date(2020, 2, 1)), "a"),
                  (Interval(date(2020, 1, 15)), "b")])
