"""Which writing system a name is in; it decides how the name is read into Latin letters."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache


class Script(StrEnum):
    LATIN = "latin"
    HANGUL = "hangul"
    KANA = "kana"
    HAN = "han"
    OTHER = "other"


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"


def _is_kana(ch: str) -> bool:
    return "\u3040" <= ch <= "\u30ff" or "\u31f0" <= ch <= "\u31ff" or "\uff66" <= ch <= "\uff9f"


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


@lru_cache(maxsize=8192)  # a name's script is asked by every step that reads or compares it
def script_of(text: str) -> Script:
    """The script that decides the reading: any kana makes a name Japanese (kanji included),
    any Hangul makes it Korean, Han alone is ambiguous (Chinese or Japanese), else Latin/other."""
    if text.isascii():
        return Script.LATIN
    kinds = {
        Script.HANGUL
        if _is_hangul(ch)
        else Script.KANA
        if _is_kana(ch)
        else Script.HAN
        if is_han(ch)
        else Script.LATIN
        if ch.isascii()
        else Script.OTHER
        for ch in text
        if ch.isalpha()
    }
    for script in (Script.KANA, Script.HANGUL, Script.HAN, Script.OTHER):
        if script in kinds:
            return script
    return Script.LATIN


def is_cjk(text: str) -> bool:
    return script_of(text) in (Script.HANGUL, Script.KANA, Script.HAN)
