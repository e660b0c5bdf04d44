"""Restricted-party screening: list parsers, multilingual name readings, index and matcher.

A pure engine: parsers take a file's text, `screen` takes an index, a query and a date.

Libraries, chosen for licence compatibility with corridor (Apache-2.0), permissive where a
permissive one does the job as well:

- rigour (MIT): transliteration to ASCII, Latin org-type folding, metaphone, territory names;
- rapidfuzz (MIT): Jaro-Winkler, Levenshtein and the cheap token-set prefilter;
- cutlet + fugashi + unidic-lite (MIT/BSD): Japanese read as Japanese. pykakasi (GPL-3.0)
  reads as well but is not used;
- pypinyin (MIT): Chinese to pinyin;
- Hangul: corridor's own syllable romaniser (RR and McCune-Reischauer/DPRK spellings, from
  the Unicode syllable arithmetic) and surname table. korean-romanizer (GPL-3.0) gives strict
  RR only, which lists do not use, so it is not used either;
- normality (MIT, ICU): only as a fallback for scripts rigour leaves untransliterated;
- xxhash (BSD-2-Clause): the index's 64-bit key hashes, the same in every process.

nomenklatura (MIT) is a benchmark baseline only (`pip install -e .[bench]`), never imported here.
"""

from corridor.compiled import use_source_if_newer

use_source_if_newer("corridor.screening.compare")  # compiled with mypyc at install (setup.py)

from corridor.screening.errors import ListFormatError  # noqa: E402
from corridor.screening.index import ScreeningIndex  # noqa: E402
from corridor.screening.party import Identifier, Party, Schema  # noqa: E402
from corridor.screening.screen import MATCH_AT, REVIEW_AT, Hit, Query, ScreeningResult, screen  # noqa: E402

__all__ = [
    "Hit",
    "Identifier",
    "ListFormatError",
    "MATCH_AT",
    "Party",
    "Query",
    "REVIEW_AT",
    "Schema",
    "ScreeningIndex",
    "ScreeningResult",
    "screen",
]
