"""How long the authority has been reviewing, and what past filings say about review times.

The standard period comes from the determination the application rests on (90 days for a
Japanese individual licence; 5 or 15 days for Korea, depending on the destination region),
so an application without one has a clock but no deadline.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from statistics import median

from pydantic import BaseModel

from corridor.licences.workflow import Application, Status


class ReviewClock(BaseModel):
    days_under_review: int | None
    review_days: int | None
    overdue: bool


class ReviewStats(BaseModel):
    filings: int
    approvals: int
    denials: int
    returned: int
    pending: int
    withdrawn: int
    review_days_median: float | None
    review_days_max: int | None


def review_clock(application: Application, today: date) -> ReviewClock:
    """Days from filing to the decision (or to `today` while pending); overdue only while pending."""
    if application.filing is None:
        return ReviewClock(days_under_review=None, review_days=application.review_days, overdue=False)
    until = application.decision.decided_on if application.decision else today
    days = (until - application.filing.filed_on).days
    overdue = (application.status == Status.filed and application.review_days is not None
               and days > application.review_days)
    return ReviewClock(days_under_review=days, review_days=application.review_days, overdue=overdue)


def matches(application: Application, authority: str | None = None, item: str | None = None,
            destination: str | None = None, since: date | None = None) -> bool:
    """Whether a filed application falls within the filter (since: filed on or after)."""
    filing = application.filing
    if filing is None:
        return False
    return ((authority is None or filing.authority.upper() == authority.upper())
            and (item is None or any(i.control_number == item for i in application.form.items))
            and (destination is None or application.form.destination == destination.upper())
            and (since is None or filing.filed_on >= since))


def review_stats(applications: Iterable[Application], today: date) -> ReviewStats:
    """Counts by outcome and review days of decided filings (approved, denied or returned)."""
    filed = [a for a in applications if a.filing is not None]
    outcome = [a.decision.outcome if a.decision else None for a in filed]
    decided_days = [review_clock(a, today).days_under_review for a in filed
                    if a.decision is not None]
    return ReviewStats(
        filings=len(filed), approvals=outcome.count("approved"), denials=outcome.count("denied"),
        returned=outcome.count("returned"),
        pending=sum(a.status == Status.filed for a in filed),
        withdrawn=sum(a.status == Status.withdrawn for a in filed),
        review_days_median=median(decided_days) if decided_days else None,
        review_days_max=max(decided_days) if decided_days else None)
