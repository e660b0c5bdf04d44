"""Errors a list file can raise; each names where in the file the problem is."""

from __future__ import annotations


class ListFormatError(ValueError):
    """A list file that cannot be read as its format says; nothing of it is loaded.

    `location` is a line (`line 12`) for CSV and JSON lines, an element for XML
    (`INDIVIDUAL #3 (REFERENCE_NUMBER KPi.001)`), so the publisher's file can be checked by hand.
    """

    def __init__(self, source: str, location: str, problem: str) -> None:
        self.source = source
        self.location = location
        self.problem = problem
        super().__init__(f"{source}, {location}: {problem}")
