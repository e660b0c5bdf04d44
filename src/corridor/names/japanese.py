"""Japanese names (kana, and kanji in Japanese names) read into Hepburn romaji.

cutlet (MIT, MeCab via fugashi and UniDic-lite) reads kanji as Japanese; ICU-based
transliteration (normality) would read `山田太郎` as Mandarin (`shan tian tai lang`).
pykakasi reads as well but is GPL-3.0, which corridor (Apache-2.0) avoids. Passports, brands
and lists drop long-vowel marks (`Toushiba` → `Toshiba`, `Tarou` → `Taro`), so long vowels
are folded after reading.
"""

from __future__ import annotations

import itertools
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


# Kana spells a foreign word's final consonant with a vowel after it: キム (Kim) is `kimu`, パク
# (Pak) `paku`, チョル (Chol) `choru`, ソウルト `souruto`. These are the morae a Korean or Western
# final consonant is written with.
_FINAL_MORA = re.compile(r"(?<=[aeiou])([mkrpbgs]u|[td]o)\b")


NASAL_WORDS_READ_BOTH_WAYS = 3  # at most 2**3 readings of one name


def as_foreign_name(romaji: str) -> list[str]:
    """A kana name read as a foreign name is: the vowel kana adds after a final consonant
    dropped (`kimu jon un` → `kim jon un`, for 김정은 written キム・ジョンウン); and, since ン ends
    both Korean -n and -ng syllables, each word ending in n read both ways (`kim jong un`). The
    readings that differ from `romaji`, each once."""
    words = _FINAL_MORA.sub(lambda m: m.group(1)[0], romaji).split()
    nasal = [i for i, word in enumerate(words) if re.search(r"[aeiou]n$", word)][:NASAL_WORDS_READ_BOTH_WAYS]
    readings = []
    for endings in itertools.product(("", "g"), repeat=len(nasal)):
        spelt = list(words)
        for i, ending in zip(nasal, endings, strict=True):
            spelt[i] += ending
        readings.append(" ".join(spelt))
    return [reading for reading in dict.fromkeys(readings) if reading != romaji]


@lru_cache(maxsize=4096)
def romanise(text: str) -> str:
    """Lower-case Hepburn with long vowels folded; Latin letters in the input pass through."""
    romaji = _reader().romaji(text, capitalize=False)
    return fold_long_vowels(" ".join(re.sub(r"[^a-z0-9 ]", " ", romaji.lower()).split()))
