"""Hanja (Han characters written by Koreans) read as Korean: 李舜臣 → 이순신, 金正恩 → 김정은.

Korean names and firms are often written in Hanja on lists, passports and old registers; read
only as Chinese or Japanese they never meet their Hangul or romanised spelling. Each character
has one Sino-Korean reading (table: suminb/hanja, WTFPL). A surname is read two ways: with the
South Korean initial-sound rule (李 → 이, 林 → 임, 柳 → 유, 羅 → 나) and without it, as in the
North and in DPRK spellings (리, 림, 류, 라).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from corridor.names.korean import initial_sound_rule

# Characters read differently as a surname than in words: 金 is 금 (gold) but the surname 김;
# 沈 is 침 (to sink) but the surname 심 (청송 심씨, 靑松 沈氏). Source: Standard Korean Language
# Dictionary (National Institute of Korean Language), entries 김 and 심 (the surnames).
SURNAME_READINGS = {"金": "김", "沈": "심"}


@cache
def _table() -> dict[str, str]:
    text = files("corridor.names").joinpath("data/hanja_hangul.txt").read_text(encoding="utf-8")
    return {line[0]: line[1] for line in text.splitlines() if line and not line.startswith("#")}


def to_hangul(text: str) -> str | None:
    """The dictionary reading of every Han character in `text`; None if one has no reading."""
    table = _table()
    out = []
    for ch in text:
        if ch.isspace():
            out.append(" ")
        elif "\uac00" <= ch <= "\ud7a3":
            out.append(ch)
        elif ch in table:
            out.append(table[ch])
        else:
            return None
    return "".join(out)


def korean_readings(text: str) -> tuple[str, ...]:
    """Hangul readings of a Hanja name: South Korean first, then the dictionary (DPRK) sound."""
    text = text.strip()
    hangul = to_hangul(text)
    if not hangul:
        return ()
    hangul = SURNAME_READINGS.get(text[0], hangul[0]) + hangul[1:]
    south = initial_sound_rule(hangul[0]) + hangul[1:]
    return (south,) if south == hangul else (south, hangul)
