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
    reader.use_he = True  # a name has no particles: リョンヘ is ryonhe (룡해), not ryon + the particle e
    return reader


def fold_long_vowels(romaji: str) -> str:
    """`toushiba` → `toshiba`, `ooyama` → `oyama`, `yuuki` → `yuki`, as passports write them."""
    for pattern, replacement in _LONG_VOWELS:
        romaji = re.sub(pattern, replacement, romaji)
    return romaji


# Kana spells a foreign word's final consonant with a vowel after it: キム (Kim) is `kimu`, パク
# (Pak) `paku`, チョル (Chol) `choru`, ハマス (Hamas) `hamasu`. These are the morae a Korean or
# Western final consonant is written with.
_FINAL_MORA = re.compile(r"(?<=[a-z])([mkrpbgs]u|[td]o)\b")
# Inside a word too, before a consonant, and at its start before r: クリスマス (Christmas) is
# `kurisumasu`, デリパスカ (Deripaska) `deripasuka`, アレクサンドル (Alexandr) `arekusandoru`.
_MEDIAL_MORA = re.compile(r"(?<=[aeioun])([kgsztbpmfr]u|[td]o)(?=[kgsztdbpmfr])|\b([kgbpf]u|[td]o)(?=r)")


NASALS_READ_BOTH_WAYS = 3  # ン read both ways: at most 2**3 readings of one name
_SYLLABLE_FINAL_N = re.compile(r"(?<=[aeiou])n(?![aeiouy])")  # ン in Hepburn: n before no vowel
# Korean surnames as Japanese writes them in katakana (NHK and Japanese newspapers' usage); a kana
# name that starts with one is read as a Korean name (チェ・リョンヘ is 최룡해, CHOE Ryong Hae).
KOREAN_SURNAMES_IN_KANA = {
    "キム": "김", "イ": "이", "リ": "리", "パク": "박", "チェ": "최", "チョ": "조", "カン": "강",
    "チョン": "정", "ユン": "윤", "ハン": "한", "ホン": "홍", "シン": "신", "クォン": "권",
    "ファン": "황", "アン": "안", "ソン": "송", "ユ": "유", "ペ": "배", "ペク": "백", "ムン": "문",
    "ヤン": "양", "ナム": "남", "ミン": "민", "ホ": "허", "ピョン": "변", "ノ": "노", "コ": "고",
}


def korean_surname(kana: str) -> str | None:
    """The Hangul surname a kana name starts with, when its first word is one (`チェ・リョンヘ` → 최)."""
    first = re.split(r"[\s・･=＝]+", kana.strip(), maxsplit=1)
    return KOREAN_SURNAMES_IN_KANA.get(first[0]) if len(first) == 2 else None


def as_foreign_name(romaji: str) -> list[str]:
    """A kana name read as a foreign name is: the vowel kana adds after a final consonant, or
    between two consonants, dropped (`kimu jon un` → `kim jon un`, for 김정은 written キム・ジョンウン;
    `deripasuka` → `deripaska`); and, since ン ends
    both Korean -n and -ng syllables, each ン read both ways (`kim jong un`, `byongchor` for
    ビョンチョル, 병철). The readings that differ from `romaji`, each once."""
    dropped = _FINAL_MORA.sub(lambda m: m.group(1)[0], _MEDIAL_MORA.sub(lambda m: m.group(0)[0], romaji))
    between = _SYLLABLE_FINAL_N.split(dropped)  # the text around each ン
    readings = []
    for endings in itertools.product(("n", "ng"), repeat=min(len(between) - 1, NASALS_READ_BOTH_WAYS)):
        nasals = [*endings, *("n",) * (len(between) - 1 - len(endings)), ""]
        readings.append("".join(text + nasal for text, nasal in zip(between, nasals, strict=True)))
    return [reading for reading in dict.fromkeys(readings) if reading != romaji]


@lru_cache(maxsize=4096)
def romanise(text: str) -> str:
    """Lower-case Hepburn with long vowels folded; Latin letters in the input pass through."""
    romaji = _reader().romaji(text, capitalize=False)
    return fold_long_vowels(" ".join(re.sub(r"[^a-z0-9 ]", " ", romaji.lower()).split()))
