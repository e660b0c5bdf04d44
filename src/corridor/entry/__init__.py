"""Traveller entry: may this person cross this border on this day, and on what conditions?

`assess(traveller, trip)` is a pure function of its input and the entry packs.
"""

from corridor.entry.engine import assess
from corridor.entry.model import (
    EntryAnswer,
    EntryInputError,
    PlaceStayed,
    Requirement,
    RuleConsidered,
    TestTaken,
    Traveller,
    Trip,
)

__all__ = [
    "EntryAnswer", "EntryInputError", "PlaceStayed", "Requirement", "RuleConsidered", "TestTaken",
    "Traveller", "Trip", "assess",
]
