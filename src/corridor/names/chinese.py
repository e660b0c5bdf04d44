"""Chinese names (Han script) read into pinyin, syllables spaced, without tones.

pypinyin (MIT) reads polyphones by phrase (`重庆` → chong qing). Used only when a name is
Chinese; Japanese names with kanji go through `japanese.romanise`, since a Mandarin reading
of a Japanese name never matches how the name is spelt in Latin letters.

A name in simplified characters is not Japanese: Japan writes 東, 實, 鴻 where mainland China
writes 东, 实, 鸿, and a Japanese reading of 昆仑控股 (`kon mata`) is noise that crowds out the
pinyin one. A character is simplified when GB 2312 (mainland) has it and Big5 (traditional) does
not; Japanese shares a few of those (国, 学, 医), so only one that JIS X 0208 (cp932) lacks rules
Japanese out. Korean is not ruled out: Chinese papers write North Korean names in simplified
characters (崔龙海 is 최룡해, CHOE Ryong Hae), and the Hanja readings cover them.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from corridor.names.scripts import is_han


def has_simplified_beyond(text: str) -> bool:
    """Whether `text` holds a simplified Chinese character that Japanese never writes."""
    return any(_simplified(ch) and not _writes(ch, "cp932") for ch in text)  # JIS X 0208 + vendor kanji


@lru_cache(maxsize=8192)
def _simplified(ch: str) -> bool:
    return _writes(ch, "gb2312") and not _writes(ch, "big5")


def _writes(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=4096)
def romanise(text: str) -> str:
    syllables = lazy_pinyin(text, style=Style.NORMAL, errors="default", v_to_u=False)
    return " ".join(" ".join(syllables).lower().split())


def romanise_in_words(text: str) -> str:
    """Pinyin with each run of Han characters read two syllables to a word, as firm names are
    spelt in Latin letters (丹东鸿祥 → dandong hongxiang; GB/T 16159 joins a word's syllables, and
    most words of place and brand names are two characters); other text is kept."""
    words = []
    for han, run in itertools.groupby(text, key=is_han):
        if han:
            syllables = romanise("".join(run)).split()
            words += ["".join(syllables[i:i + 2]) for i in range(0, len(syllables), 2)]
        else:
            words += "".join(run).lower().split()
    return " ".join(words)
