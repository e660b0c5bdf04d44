"""Scoring extracted events against hand-labelled ones, for the tests and the benchmark alike.

An event counts as found only when its type, countries, date (within a day) and mood all agree
with the label: a removal dated a month off, or an announcement reported as done, is a miss. A looser
score on type and countries alone shows how much of the loss is dates and mood.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from corridor.news.events import Event
from corridor.news.lexicon import SYMMETRIC

DATE_SLACK_DAYS = 1  # issue 10's strict score: the date within a day (time zones, "late on Monday")


@dataclass(frozen=True)
class ExpectedEvent:
    type: str
    actor: str | None
    target: str | None
    date: date | None  # None: the text does not say, so any date agrees
    happened: bool
    items: tuple[str, ...] = ()

    @classmethod
    def all_of(cls, case: dict) -> list[ExpectedEvent]:
        """The labelled events of one gold-set case (a `tests/news_gold/*.yaml` mapping)."""
        return [cls(e["type"], e["actor"], e["target"],
                    date.fromisoformat(str(e["date"])) if e.get("date") else None, e["happened"],
                    tuple(e.get("items") or ())) for e in case["events"]]


@dataclass(frozen=True)
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
        )


def score_events(found: list[Event], expected: list[ExpectedEvent], strict: bool = True) -> Score:
    """One-to-one matching: each label consumes at most one extracted event."""
    unmatched = list(found)
    hits = 0
    for label in expected:
        match = next((e for e in unmatched if _agrees(e, label, strict)), None)
        if match is not None:
            unmatched.remove(match)
            hits += 1
    return Score(hits, len(unmatched), len(expected) - hits)


def _same_parties(event: Event, label: ExpectedEvent) -> bool:
    """Actor and target as labelled (None: any); a meeting or agreement has parties, not a direction."""
    if event.type in SYMMETRIC and label.actor and label.target:
        return {event.actor, event.target} == {label.actor, label.target}
    return (label.actor is None or event.actor == label.actor) and (
        label.target is None or event.target == label.target
    )


def _agrees(event: Event, label: ExpectedEvent, strict: bool) -> bool:
    same_kind = event.type == label.type and _same_parties(event, label)
    if not strict:
        return same_kind
    items = {i["control_number"] for i in event.items}
    return (
        same_kind
        and (label.date is None or abs((event.date - label.date).days) <= DATE_SLACK_DAYS)
        and event.happened == label.happened
        and set(label.items) <= items
    )
