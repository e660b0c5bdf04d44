"""Where a sentence names a country: by name, adjective, capital used for its government
("Seoul said"), or its name in Japanese or Korean. pycountry supplies the official names; the
short forms the press uses are listed here, since no library knows that "Tokyo" means Japan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pycountry

PRESS_NAMES: dict[str, tuple[str, ...]] = {
    "JP": ("Japanese nationals", "Japan", "Japanese", "Tokyo", "日本", "일본"),
    "KR": (
        "South Korea",
        "Korea",
        "Korean",
        "South Korean",
        "South Koreans",
        "Koreans",
        "Seoul",
        "ROK",
        "Republic of Korea",
        "한국",
        "韓国",
        "대한민국",
        "우리나라",
        "Cheong Wa Dae",
        "Blue House",
    ),
    "KP": ("North Korea", "North Korean", "Pyongyang", "DPRK", "북한", "北朝鮮"),
    "CN": ("China", "Chinese", "중국인", "Beijing", "PRC", "中国", "중국"),
    "TW": ("Taiwan", "Taiwanese", "Taipei", "台湾", "대만"),
    "US": (
        "United States",
        "U.S.",
        "US",
        "USA",
        "America",
        "American",
        "Americans",
        "Washington",
        "White House",
        "미국",
        "米国",
    ),
    "GB": (
        "Britons",
        "United Kingdom",
        "Britain",
        "British",
        "UK",
        "U.K.",
        "London",
        "Downing Street",
        "영국",
        "英国",
    ),
    "DE": ("Germans", "Germany", "German", "Berlin", "독일", "ドイツ"),
    "FR": ("France", "French", "Paris", "프랑스", "フランス"),
    "RU": ("Russians", "Russia", "Russian", "Moscow", "Kremlin", "러시아", "ロシア"),
    "IN": ("Indians", "India", "Indian", "New Delhi", "인도", "インド"),
    "AU": ("Australians", "Australia", "Australian", "Canberra", "호주", "オーストラリア", "豪州"),
    "NZ": ("New Zealanders", "New Zealand", "Wellington"),
    "CA": ("Canadians", "Canada", "Canadian", "Ottawa", "캐나다", "カナダ"),
    "MX": ("Mexico", "Mexican", "Mexico City"),
    "BR": ("Brazil", "Brazilian", "Brasilia"),
    "VN": ("Vietnam", "Viet Nam", "Vietnamese", "Hanoi", "베트남", "ベトナム"),
    "TH": ("Thais", "Thailand", "Thai", "Bangkok", "태국", "タイ"),
    "ID": ("Indonesia", "Indonesian", "Jakarta"),
    "MY": ("Malaysia", "Malaysian", "Kuala Lumpur"),
    "SG": ("Singaporeans", "Singapore", "Singaporean"),
    "PH": ("Filipinos", "Philippines", "Philippine", "Filipino", "Manila"),
    "NL": ("Netherlands", "Dutch", "The Hague"),
    "TR": ("Turkey", "Türkiye", "Turkish", "Ankara"),
    "SA": ("Saudi Arabia", "Saudi", "Riyadh"),
    "AE": ("United Arab Emirates", "UAE", "Emirati", "Abu Dhabi"),
    "IL": ("Israel", "Israeli"),
    "UA": ("Ukraine", "Ukrainian", "Kyiv", "Kiev"),
    "CH": ("Switzerland", "Swiss", "Bern"),
    "IT": ("Italy", "Italian", "Rome"),
    "ES": ("Spain", "Spanish", "Madrid"),
    "CL": ("Chile", "Chilean", "Santiago"),
    "AR": ("Argentina", "Argentine", "Buenos Aires"),
    "NO": ("Norway", "Norwegian", "Oslo"),
}
# Single-character CJK abbreviations (日, 韓, 한, 일) only count inside compounds such as 日韓 / 한일.
_ABBREVIATIONS = {
    "日": "JP",
    "韓": "KR",
    "米": "US",
    "中": "CN",
    "한": "KR",
    "일": "JP",
    "미": "US",
    "중": "CN",
}
_PAIR = re.compile(
    r"([日韓米中])([日韓米中])|([한일미중])([한일미중])(?=\s|관계|정상|무역|갈등|양국|외교|경제|간|$)"
)


@dataclass(frozen=True)
class CountryMention:
    code: str
    start: int
    text: str


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", country.name)}:
            if "," not in name and len(name) > 3:
                names[name] = country.alpha_2
    for code, spelled in PRESS_NAMES.items():
        for name in spelled:
            names[name] = code
    alternatives = sorted(names, key=len, reverse=True)
    latin = r"(?<![\w.])(" + "|".join(re.escape(n) for n in alternatives if n.isascii()) + r")(?:'s)?(?![\w])"
    cjk = "(" + "|".join(re.escape(n) for n in alternatives if not n.isascii()) + ")"
    return re.compile(latin + "|" + cjk), names


def country_mentions(text: str) -> list[CountryMention]:
    """Every country named in `text`, in order ("Korea–Japan" gives KR then JP)."""
    pattern, names = _pattern()
    found = [
        CountryMention(names[m.group(1) or m.group(2)], m.start(), m.group(0)) for m in pattern.finditer(text)
    ]
    for m in _PAIR.finditer(text):
        first, second = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        found += [
            CountryMention(_ABBREVIATIONS[first], m.start(), first),
            CountryMention(_ABBREVIATIONS[second], m.start() + 1, second),
        ]
    return sorted(found, key=lambda c: c.start)
