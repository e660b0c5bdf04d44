"""Chinese names (Han script) read into pinyin, syllables spaced, without tones.

pypinyin (MIT) reads polyphones by phrase (`重庆` → chong qing). Used only when a name is
Chinese; Japanese names with kanji go through `japanese.romanise`, since a Mandarin reading
of a Japanese name never matches how the name is spelt in Latin letters.
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin


@lru_cache(maxsize=4096)
def romanise(text: str) -> str:
    syllables = lazy_pinyin(text, style=Style.NORMAL, errors="default", v_to_u=False)
    return " ".join(" ".join(syllables).lower().split())
