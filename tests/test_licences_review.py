"""The review clock against the determination's standard period, and review statistics."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st
from licence_fixtures import FILING, form

from corridor.licences import workflow
from corridor.licences.review import matches, review_clock, review_stats
from corridor.licences.workflow import Approval, Denial, Filing, Return


def filed(review_days: int | None = 90, on: date = FILING.filed_on, authority: str = "METI",
          destination: str = "KR") -> workflow.Application:
    draft = workflow.new_draft(form(destination=destination), "alice").model_copy(
        update={"id": 1, "review_days": review_days})
    filing = Filing(filed_on=on, authority=authority, reference="R")
    return workflow.file(workflow.approve_internally(draft, "bob"), filing)


def decided(application: workflow.Application, days: int, outcome: str = "approved") -> workflow.Application:
    on = application.filing.filed_on + timedelta(days=days)
    decision = {"approved": Approval(decided_on=on, licence_number=f"L{days}", licence_type="individual",
                                     valid_until=on + timedelta(days=180)),
                "denied": Denial(decided_on=on, reason="risk"),
                "returned": Return(decided_on=on, reason="changes")}[outcome]
    return workflow.decide(application, decision)


def test_pending_application_past_the_standard_period_is_overdue() -> None:
    application = filed(review_days=90)
    assert not review_clock(application, FILING.filed_on + timedelta(days=90)).overdue
    late = review_clock(application, FILING.filed_on + timedelta(days=91))
    assert (late.days_under_review, late.review_days, late.overdue) == (91, 90, True)


def test_korean_review_period_of_fifteen_days() -> None:
    assert review_clock(filed(review_days=15), FILING.filed_on + timedelta(days=16)).overdue


@given(filed_on=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)),
       elapsed=st.integers(min_value=0, max_value=400),
       review_days=st.one_of(st.none(), st.integers(min_value=1, max_value=120)))
def test_pending_is_overdue_exactly_after_the_standard_period(filed_on: date, elapsed: int,
                                                               review_days: int | None) -> None:
    clock = review_clock(filed(review_days, on=filed_on), filed_on + timedelta(days=elapsed))
    assert clock.days_under_review == elapsed
    assert clock.overdue == (review_days is not None and elapsed > review_days)


def test_decided_application_stops_the_clock_and_is_never_overdue() -> None:
    clock = review_clock(decided(filed(), 120), date(2024, 1, 1))
    assert (clock.days_under_review, clock.overdue) == (120, False)


def test_without_a_standard_period_nothing_is_flagged() -> None:
    assert not review_clock(filed(review_days=None), date(2030, 1, 1)).overdue


def test_unfiled_draft_has_no_clock() -> None:
    draft = workflow.new_draft(form(), "alice")
    assert review_clock(draft, date(2019, 9, 1)).days_under_review is None


def test_stats_count_outcomes_and_review_days() -> None:
    applications = [decided(filed(), 30), decided(filed(), 90), decided(filed(), 60, "denied"),
                    decided(filed(), 10, "returned"), filed()]
    stats = review_stats(applications, date(2019, 12, 31))
    assert (stats.filings, stats.approvals, stats.denials, stats.returned, stats.pending) == (5, 2, 1, 1, 1)
    assert (stats.review_days_median, stats.review_days_max) == (45, 90)


def test_filter_by_authority_item_destination_and_filing_date() -> None:
    application = filed(on=date(2019, 7, 10))
    assert matches(application, authority="meti", item="3C002", destination="kr", since=date(2019, 7, 10))
    assert not matches(application, authority="BIS")
    assert not matches(application, item="1C350")
    assert not matches(application, destination="CN")
    assert not matches(application, since=date(2019, 7, 11))
    assert not matches(workflow.new_draft(form(), "alice"))
