"""Japanese names (kana, and kanji in Japanese names) read into Hepburn romaji.

cutlet (MIT, MeCab via fugashi and UniDic-lite) reads kanji as Japanese; ICU-based
transliteration (normality) would read `山田太郎` as Mandarin (`shan tian tai lang`).
pykakasi reads as well but is GPL-3.0, which corridor (Apache-2.0) avoids. Passports, brands
and lists drop long-vowel marks (`Toushiba` → `Toshiba`, `Tarou` → `Taro`), so long vowels
are folded after reading.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

_LONG_VOWELS = (
    (r"ou", "o"),
    (r"oo", "o"),
    (r"uu", "u"),
    (r"aa", "a"),
    (r"ii", "i"),
    (r"oh(?=[^aeiouy]|$)", "o"),
)


@cache
def _reader():
    import cutlet

    reader = cutlet.Cutlet(system="hepburn")
    reader.use_foreign_spelling = False
    return reader


def fold_long_vowels(romaji: str) -> str:
    """`toushiba` → `toshiba`, `ooyama` → `oyama`, `yuuki` → `yuki`, as passports write them."""
    for pattern, replacement in _LONG_VOWELS:
        romaji = re.sub(pattern, replacement, romaji)
    return romaji


@lru_cache(maxsize=4096)
def romanise(text: str) -> str:
    """Lower-case Hepburn with long vowels folded; Latin letters in the input pass through."""
    romaji = _reader().romaji(text, capitalize=False)
    return fold_long_vowels(" ".join(re.sub(r"[^a-z0-9 ]", " ", romaji.lower()).split()))
