"""Date expressions resolve against the publication date, keep their precision, and never
move an announced date into the past."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corridor.news.dates import estimate_publication, find_dates

PUBLISHED = date(2020, 10, 6)  # a Tuesday


def only(sentence: str, published: date = PUBLISHED) -> tuple[str, str]:
    (mention,) = find_dates(sentence, published)
    return mention.day.isoformat(), mention.precision


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministry said on Nov. 3 that it would review the rules.", ("2019-11-03", "day")),
        ("The rules changed on June 12, 2021.", ("2021-06-12", "day")),
        ("The notice is dated 2021-06-12.", ("2021-06-12", "day")),
        ("Officials said on Monday that the talks had failed.", ("2020-10-05", "day")),
        ("The ban was imposed two weeks ago.", ("2020-09-21", "week")),
        ("Exports fell late last month, the agency said.", ("2020-09-01", "month")),
        ("Sales fell the previous year.", ("2019-01-01", "year")),
        ("Japan lifted an eight-month-old ban.", ("2020-02-01", "month")),
        ("令和3年6月12日に公布された。", ("2021-06-12", "day")),
        ("平成31年4月30日まで有効。", ("2019-04-30", "day")),
        ("2021년 6월 12일 발표했다.", ("2021-06-12", "day")),
        ("양국은 오는 8일부터 기업인 입국을 허용한다.", ("2020-10-08", "day")),
        ("정부는 지난 2일 발표했다.", ("2020-10-02", "day")),
        ("10月8日から入国制限を緩和する。", ("2020-10-08", "day")),
    ],
)
def test_expressions_resolve_against_the_publication_date(sentence, expected):
    assert only(sentence) == expected


def test_an_announced_date_without_a_year_stays_in_the_future():
    # published in December: "from Jan. 5" is next January, not last January
    assert only("The new rules will take effect from Jan. 5.", date(2020, 12, 20)) == ("2021-01-05", "day")


def test_a_modal_verb_is_not_read_as_a_month():
    assert find_dates("Prices may rise and exports may march higher.", PUBLISHED) == []


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))
counts = st.integers(min_value=1, max_value=12)
units = st.sampled_from(["days", "weeks", "months", "years"])


@given(days, counts, units)
def test_ago_never_lands_after_publication(published, count, unit):
    (mention,) = find_dates(f"The rule changed {count} {unit} ago.", published)
    assert mention.day <= published


@given(days, counts, units)
def test_in_n_units_never_lands_before_publication(published, count, unit):
    (mention,) = find_dates(f"The rule will change in {count} {unit}.", published)
    assert mention.day + timedelta(days=7 if unit == "weeks" else 366) > published


@given(days, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28))
def test_announced_month_day_is_never_in_the_past(published, month, day):
    sentence = f"The measure will take effect on {date(2000, month, day):%B} {day}."
    (mention,) = find_dates(sentence, published)
    assert published <= mention.day < published + timedelta(days=367)


@given(days, st.integers(min_value=1, max_value=28))
def test_korean_coming_day_is_never_in_the_past(published, day):
    (mention,) = find_dates(f"오는 {day}일부터 시행한다.", published)
    assert published <= mention.day <= published + timedelta(days=62)


def test_undated_text_gets_an_estimated_range_with_its_basis():
    estimate = estimate_publication(
        "Beer imports were $223,000 in August 2019, down 97% from a year earlier."
    )
    assert (estimate.earliest, estimate.latest) == (date(2019, 9, 1), date(2019, 10, 2))
    assert "August 2019" in estimate.basis


def test_text_without_any_year_has_no_estimate():
    assert estimate_publication("Talks were held on Tuesday.") is None


@given(days, st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekday_direction_follows_the_tense(published, weekday):
    (ahead,) = find_dates(f"The ministers will meet on {weekday}.", published)
    (behind,) = find_dates(f"The ministers met on {weekday}, officials said.", published)
    assert published < ahead.day <= published + timedelta(days=7)
    assert published - timedelta(days=6) <= behind.day <= published


def test_estimate_counts_a_duration_from_the_date_it_starts():
    estimate = estimate_publication(
        "Japan lifted its eight-month-old curbs, imposed in July 2019, on photoresist exports."
    )
    assert estimate.earliest == date(2020, 3, 1)
    assert "eight-month-old" in estimate.basis
