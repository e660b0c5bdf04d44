"""Does a traveller on a trip meet a rule's conditions? If not, say which clause failed.

Each clause of `Condition` has one check here; a check returns None when the clause holds
and otherwise the reason it does not, in words a traveller can act on. The first failing
clause becomes the "not applied because…" line of the answer's trace.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from corridor.entry.model import Traveller, Trip
from corridor.entry.places import PlaceRef
from corridor.packs.schema.entry import Condition


@dataclass(frozen=True)
class Situation:
    """A traveller on a trip, with the places stayed already resolved and dated."""

    traveller: Traveller
    trip: Trip
    stays: tuple[tuple[PlaceRef, date], ...]

    @property
    def arrival_day(self) -> date:
        return self.trip.arrival.date()

    def stayed_in(self, rule_places: list[str], within_days: int) -> bool:
        since = self.arrival_day - timedelta(days=within_days)
        return any(last >= since and place.within(p) for place, last in self.stays for p in rule_places)

    def resident_of_destination(self) -> bool:
        return self.traveller.residence_country == self.trip.destination


Check = Callable[[Condition, Situation], str | None]


def _stayed(c: Condition, s: Situation) -> str | None:
    if c.stayed_in is None or s.stayed_in(c.stayed_in, c.within_days):
        return None
    return f"did not stay in {', '.join(c.stayed_in)} within {c.within_days} days before arrival"


def _departing(c: Condition, s: Situation) -> str | None:
    if c.departing_from is None or s.trip.origin in c.departing_from:
        return None
    return f"departs from {s.trip.origin}, not {', '.join(c.departing_from)}"


def _nationality(c: Condition, s: Situation) -> str | None:
    n = s.traveller.nationality
    if c.nationality is not None and n not in c.nationality:
        listed = len(c.nationality)
        named = ", ".join(c.nationality) if listed <= 5 else f"among the {listed} listed"
        return f"nationality {n} is not {named}"
    if c.nationality_not is not None and n in c.nationality_not:
        return f"does not concern {n} nationals"
    return None


def _purpose(c: Condition, s: Situation) -> str | None:
    if c.purpose is None or s.traveller.purpose in c.purpose:
        return None
    return f"purpose {s.traveller.purpose} is not {', '.join(c.purpose)}"


def _residence(c: Condition, s: Situation) -> str | None:
    if c.residence_status is None:
        return None
    status = s.traveller.residence_status if s.resident_of_destination() else None
    if status in c.residence_status:
        return None
    return f"not resident in {s.trip.destination} as {' or '.join(c.residence_status)}"


def _reentry(c: Condition, s: Situation) -> str | None:
    if c.reentry_permit is None or s.traveller.reentry_permit == c.reentry_permit:
        return None
    return "holds no re-entry permit" if c.reentry_permit else "holds a re-entry permit"


def _left(c: Condition, s: Situation) -> str | None:
    if c.left_before is None and c.left_on_or_after is None:
        return None
    left = s.traveller.left_on
    if left is None:
        return f"the day the traveller left {s.trip.destination} is not given (left_on)"
    if c.left_before and left >= c.left_before:
        return f"left on {left}, not before {c.left_before}"
    if c.left_on_or_after and left < c.left_on_or_after:
        return f"left on {left}, before {c.left_on_or_after}"
    return None


def _track(c: Condition, s: Situation) -> str | None:
    if c.track is None or s.traveller.track in c.track:
        return None
    return f"not travelling on the {' or '.join(c.track)} track"


def _documents(c: Condition, s: Situation) -> str | None:
    missing = [d for d in c.documents or [] if d not in s.traveller.documents]
    return f"sponsor documents missing: {', '.join(missing)}" if missing else None


def _doses(c: Condition, s: Situation) -> str | None:
    doses = s.traveller.vaccine_doses
    if c.vaccine_doses_at_least is not None and doses < c.vaccine_doses_at_least:
        return f"{doses} vaccine dose(s), fewer than {c.vaccine_doses_at_least}"
    if c.vaccine_doses_below is not None and doses >= c.vaccine_doses_below:
        return f"{doses} vaccine dose(s), at least {c.vaccine_doses_below}"
    return None


CHECKS: tuple[Check, ...] = (
    _nationality, _purpose, _stayed, _departing, _residence, _reentry, _left, _track, _documents, _doses,
)


def unmet(condition: Condition, situation: Situation) -> str | None:
    """The first clause of `condition` that `situation` fails, or None when all hold."""
    for check in CHECKS:
        reason = check(condition, situation)
        if reason:
            return reason
    return None
