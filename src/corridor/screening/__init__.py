"""Restricted-party screening: list parsers, multilingual name readings, index and matcher.

A pure engine: parsers take a file's text, `screen` takes an index, a query and a date.
"""

from corridor.screening.errors import ListFormatError
from corridor.screening.index import ScreeningIndex
from corridor.screening.party import Identifier, Party, Schema
from corridor.screening.screen import MATCH_AT, REVIEW_AT, Hit, Query, ScreeningResult, screen

__all__ = ["Hit", "Identifier", "ListFormatError", "MATCH_AT", "Party", "Query", "REVIEW_AT", "Schema",
           "ScreeningIndex", "ScreeningResult", "screen"]
