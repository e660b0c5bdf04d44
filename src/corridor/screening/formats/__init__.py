"""Parsers from each published list format into `Party` records.

Every parser is a pure function of the file's text: it returns the whole list or raises
`ListFormatError` naming the line or element, so a malformed file never loads half a list.
"""

from __future__ import annotations

from corridor.screening.formats.csl import parse_csl
from corridor.screening.formats.ftm import parse_ftm
from corridor.screening.formats.meti import parse_meti
from corridor.screening.formats.ofac import parse_ofac
from corridor.screening.formats.un import parse_un

__all__ = ["parse_csl", "parse_ftm", "parse_meti", "parse_ofac", "parse_un", "FORMATS"]

FORMATS = ("ofac", "csl", "un", "ftm", "meti")
