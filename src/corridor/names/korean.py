"""Hangul read into Latin letters the way restricted-party lists spell Korean names.

Lists mix conventions: DPRK entries use McCune-Reischauer-like spellings without diacritics
(`KIM Jong Un`, `RI`, `PAK`, `CHOE`), South-Korean firms use Revised Romanization or brand
spellings (`Samsung`, `Lee`, `Park`). No library covers this, so corridor romanises syllable by
syllable — spaced, as lists write given names — in both systems, and compares Korean-derived
names through a *loose* key that folds the differences between the conventions (k/g, t/d,
p/b, ch/j, r/l, eo/o, eu/u) and maps every conventional spelling of a surname to the surname.
The romanisation is corridor's own (from the Unicode Hangul syllable arithmetic), so no GPL
code is needed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum
from functools import cache, lru_cache


class Romanisation(StrEnum):
    RR = "Revised Romanization"
    MR = "McCune-Reischauer (DPRK spelling, no diacritics)"


_INITIALS = {
    Romanisation.RR: (
        "g",
        "kk",
        "n",
        "d",
        "tt",
        "r",
        "m",
        "b",
        "pp",
        "s",
        "ss",
        "",
        "j",
        "jj",
        "ch",
        "k",
        "t",
        "p",
        "h",
    ),
    Romanisation.MR: (
        "k",
        "kk",
        "n",
        "t",
        "tt",
        "r",
        "m",
        "p",
        "pp",
        "s",
        "ss",
        "",
        "j",
        "tch",
        "ch",
        "k",
        "t",
        "p",
        "h",
    ),
}
# The 21 medial vowels in Unicode order, as Revised Romanization writes them.
_RR_MEDIALS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae",
               "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i")
# McCune-Reischauer writes ŏ, yŏ and ŭ, which lists print without breves: eo → o, yeo → yo, eu → u.
_MR_VOWELS = {"eo": "o", "yeo": "yo", "eu": "u"}
_MEDIALS = {
    Romanisation.RR: _RR_MEDIALS,
    Romanisation.MR: tuple(_MR_VOWELS.get(vowel, vowel) for vowel in _RR_MEDIALS),
}
_FINALS = (
    "",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "k",
    "m",
    "l",
    "l",
    "l",
    "p",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
)

# Surnames as lists and passports spell them (most common first). Two-syllable surnames first.
SURNAMES: dict[str, tuple[str, ...]] = {
    "남궁": ("namgung", "namkung"),
    "황보": ("hwangbo", "hwangpo"),
    "제갈": ("jegal", "chegal"),
    "선우": ("sunwoo", "sonu", "seonu"),
    "독고": ("dokgo", "tokko"),
    "김": ("kim", "gim"),
    "이": ("lee", "yi", "ri", "rhee", "i", "rhie"),
    "리": ("ri", "lee", "rhee"),
    "박": ("park", "pak", "bak"),
    "최": ("choi", "choe", "chwe"),
    "정": ("jung", "jeong", "chung", "jong", "chong"),
    "강": ("kang", "gang"),
    "조": ("cho", "jo"),  # not "joe": it folds into 최's MR spelling Choe
    "윤": ("yoon", "yun"),
    "장": ("jang", "chang"),
    "임": ("lim", "im", "rim", "yim"),
    "림": ("rim", "lim"),
    "한": ("han",),
    "오": ("oh", "o"),
    "서": ("seo", "suh", "so"),
    "신": ("shin", "sin"),
    "권": ("kwon", "gwon"),
    "황": ("hwang",),
    "안": ("ahn", "an"),
    "송": ("song",),
    "류": ("ryu", "yoo", "yu", "ryoo", "lyu"),
    "유": ("yoo", "yu"),
    "전": ("jeon", "jun", "chon", "jon", "chun"),
    "홍": ("hong",),
    "고": ("ko", "go"),
    "문": ("moon", "mun"),
    "양": ("yang",),
    "량": ("ryang", "yang"),
    "손": ("son", "sohn"),
    "배": ("bae", "pae"),
    "백": ("baek", "paek", "paik", "baik"),
    "허": ("heo", "hur", "ho", "huh"),
    "노": ("noh", "roh", "no", "ro"),
    "로": ("ro", "roh"),
    "남": ("nam",),
    "심": ("shim", "sim"),
    "하": ("ha",),
    "곽": ("kwak", "gwak"),
    "성": ("sung", "seong", "song"),
    "차": ("cha",),
    "주": ("joo", "ju", "chu"),
    "우": ("woo", "u"),
    "구": ("koo", "ku", "gu"),
    "민": ("min",),
    "진": ("jin", "chin"),
    "나": ("na", "ra"),
    "라": ("ra", "na"),
    "지": ("ji", "chi"),
    "엄": ("um", "eom", "om"),
    "채": ("chae",),
    "원": ("won",),
    "천": ("chun", "cheon", "chon"),
    "방": ("bang", "pang"),
    "공": ("kong", "gong"),
    "현": ("hyun", "hyon"),
    "함": ("ham",),
    "변": ("byun", "byeon", "pyon"),
    "염": ("yeom", "yom"),
    "여": ("yeo", "yo", "ryo"),
    "려": ("ryo", "yeo"),
    "추": ("choo", "chu"),
    "도": ("do", "to"),
    "소": ("so",),
    "석": ("seok", "sok"),
    "선": ("sun", "seon", "son"),
    "설": ("seol", "sol"),
    "마": ("ma",),
    "길": ("gil", "kil"),
    "연": ("yeon", "yon"),
    "표": ("pyo",),
    "명": ("myung", "myeong", "myong"),
    "기": ("ki", "gi"),
    "반": ("ban", "pan"),
    "왕": ("wang",),
    "금": ("keum", "kum", "geum"),
    "옥": ("ok",),
    "육": ("yook", "yuk"),
    "인": ("in",),
    "탁": ("tak",),
    "국": ("kook", "kuk", "guk"),
    "용": ("yong", "ryong"),
    "룡": ("ryong",),
    "경": ("kyung", "kyong", "gyeong"),
    "봉": ("bong", "pong"),
    "태": ("tae", "thae"),
    "계": ("kye", "gye"),
}
_REPEATED_LETTER = re.compile(r"(.)\1+")
_LOOSE_FOLDS = (
    ("eo", "o"),
    ("eu", "u"),
    ("ee", "i"),
    ("oo", "u"),
    ("tch", "j"),
    ("ch", "j"),
    ("jj", "j"),
    ("kk", "k"),
    ("tt", "t"),
    ("pp", "p"),
    ("ss", "s"),
    ("sh", "s"),
    ("g", "k"),
    ("d", "t"),
    ("b", "p"),
    ("l", "r"),
    ("wo", "o"),
    ("'", ""),
)


def is_hangul_syllable(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def romanise_syllable(ch: str, system: Romanisation) -> str:
    initial, medial, final = _jamo(ch)
    return _INITIALS[system][initial] + _MEDIALS[system][medial] + _FINALS[final]


def romanise(text: str, system: Romanisation) -> str:
    """Each Hangul syllable romanised and spaced (`김정은` → `gim jeong eun` in RR); other
    characters are kept, so mixed names (`삼성 electronics`) survive."""
    out = []
    for ch in text:
        out.append(f" {romanise_syllable(ch, system)} " if is_hangul_syllable(ch) else ch)
    return " ".join("".join(out).split())


_FIRST_SYLLABLE = 0xAC00  # 가: syllables are numbered by initial, medial and final consonant
_RIEUL, _NIEUN, _MIEUM, _IEUNG = 5, 2, 6, 11  # initial consonants
_IOTATED = frozenset({2, 6, 7, 12, 17, 20})  # ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ
# Final consonants by the stop they sound as, and the nasal each becomes before ㄴ, ㅁ or ㄹ.
_FINAL_NIEUN, _FINAL_RIEUL, _FINAL_MIEUM, _FINAL_IEUNG = 4, 8, 16, 21
_YEOL_YUL = frozenset({(6, _FINAL_RIEUL), (17, _FINAL_RIEUL)})  # 렬, 률 (not 려): 열, 율 after a vowel, ㄴ
_NASAL_OF_FINAL = {
    **dict.fromkeys((1, 2, 3, 9, 24), _FINAL_IEUNG),  # ㄱ ㄲ ㄳ ㄺ ㅋ → ㅇ
    **dict.fromkeys((7, 19, 20, 22, 23, 25, 27), _FINAL_NIEUN),  # ㄷ ㅅ ㅆ ㅈ ㅊ ㅌ ㅎ → ㄴ
    **dict.fromkeys((11, 14, 17, 18, 26), _FINAL_MIEUM),  # ㄼ ㄿ ㅂ ㅄ ㅍ → ㅁ
}


_VOICED = {0: "g", 3: "d", 7: "b"}  # ㄱ ㄷ ㅂ, written k t p at the start of a word
_VOICED_FINALS = frozenset({0, _FINAL_NIEUN, _FINAL_RIEUL, _FINAL_MIEUM, _FINAL_IEUNG})  # vowel, ㄴ ㄹ ㅁ ㅇ


def initial_sound_rule(syllable: str) -> str:
    """The South Korean reading of a word-initial syllable: ㄹ → ㄴ or ㅇ, ㄴ → ㅇ before i/y."""
    if not is_hangul_syllable(syllable):
        return syllable
    initial, medial, final = _jamo(syllable)
    if initial == _RIEUL:
        initial = _IEUNG if medial in _IOTATED else _NIEUN
    elif initial == _NIEUN and medial in _IOTATED:
        initial = _IEUNG
    return _syllable(initial, medial, final)


def given_name_as_said(given: str) -> str:
    """A given name as it is pronounced, which McCune-Reischauer (and the Library of Congress)
    spells: South Korean initial-sound rule on its first syllable (리석 → 이석: `I-sok`), 렬/률 as
    열/율 after a vowel or ㄴ (안렬 → 안열: `An-yol`), and the consonant assimilations of the
    standard pronunciation between syllables (극렴 → 긍념: `Kung-nyom`; 천로 → 철로: `Chol-lo`).
    Source: Standard Pronunciation rules 18-20 and Korean Orthography rule 11 (National Institute
    of Korean Language); LoC Korean romanization tables, rules for personal names."""
    if not given or not all(is_hangul_syllable(ch) for ch in given):
        return given
    return "".join(_syllable(*parts) for parts in _as_said(initial_sound_rule(given[0]) + given[1:]))


def romanise_words(text: str, system: Romanisation) -> str:
    """Each Hangul word romanised as one word, as firms' names are written in Latin (`단군무역` →
    `tangunmuyok`, not `tan kun mu yok`): its syllables as said together (the assimilations of
    `given_name_as_said`, without the initial-sound rule, which DPRK names do not follow), and, in
    McCune-Reischauer, k, t and p voiced after a vowel, n, l, m or ng (단군 `Tangun`, 련봉
    `Ryonbong`). Source: McCune & Reischauer (1939), rules on voicing within a word."""
    return " ".join(_romanised_word(word, system) if all(map(is_hangul_syllable, word))
                    else romanise(word, system) for word in text.split())


_EU, _SILENT = 18, 11  # the vowel ㅡ; the initial ㅇ, which has no sound


FOREIGN_FROM_WORDS = 2  # a Korean person's name of two words or more has its surname first or last


def looks_foreign(text: str, by_words: bool = False) -> bool:
    """Hangul that spells a foreign name: a consonant with the ㅡ Hangul adds to write it alone
    (하마스 `Hamas`, 트럼프 `Trump`), which Korean names do not have; and, `by_words`, a person's
    name of two words or more that neither begins nor ends with a Korean surname (카셈 솔레이마니 is
    Qasem Soleimani, 오사마 빈 라덴 Osama bin Laden; 현우 현정 장 is a Korean name, surname last)."""
    syllables = [_jamo(ch) for ch in text if is_hangul_syllable(ch)]
    words = text.split()
    if by_words and len(words) >= FOREIGN_FROM_WORDS and not (is_surname(words[0]) or is_surname(words[-1])):
        return True
    return any(m == _EU and f == 0 and i != _SILENT for i, m, f in syllables)


def romanise_foreign(text: str) -> str:
    """A foreign name written in Hangul, read back: each word's syllables joined, consonants as RR
    writes them, vowels as McCune-Reischauer (ㅓ stands for English `o`, `u` and schwa), a
    consonant written with ㅡ read alone (하마스 → `hamas`, 도널드 트럼프 → `donold tromp`), ㄹㄹ as
    one l (알리 → `ali`, 솔레이마니 → `soleimani`) and ㅅ before a y-vowel as sh (셴 → `shen`), as the
    loanword orthography writes them (National Institute of Korean Language, 외래어 표기법)."""
    return " ".join("".join(_foreign_syllable(*_jamo(ch)) for ch in word).replace("lr", "l")
                    if all(map(is_hangul_syllable, word)) else word for word in text.split())


_SIOT, _JIEUT, _CHIEUT = 9, 12, 14  # ㅅ ㅈ ㅊ: English sh, j and ch are written with a y-vowel after them


def _foreign_syllable(initial: int, medial: int, final: int) -> str:
    consonant, vowel = _INITIALS[Romanisation.RR][initial], _MEDIALS[Romanisation.MR][medial]
    if medial == _EU and final == 0 and initial != _SILENT:
        return consonant
    if initial in (_SIOT, _JIEUT, _CHIEUT) and vowel.startswith("y"):
        consonant, vowel = ("sh" if initial == _SIOT else consonant), vowel[1:]
    return consonant + vowel + _FINALS[final]


def _romanised_word(word: str, system: Romanisation) -> str:
    out, voiced_before = [], False
    for initial, medial, final in _as_said(word):
        first = _INITIALS[system][initial]
        if system is Romanisation.MR and voiced_before and initial in _VOICED:
            first = _VOICED[initial]
        out.append(first + _MEDIALS[system][medial] + _FINALS[final])
        voiced_before = final in _VOICED_FINALS
    return "".join(out)


def _as_said(word: str) -> list[list[int]]:
    """The (initial, medial, final) of each syllable after the consonant assimilations."""
    jamo = [list(_jamo(ch)) for ch in word]
    for before, after in zip(jamo, jamo[1:], strict=False):
        final, initial = before[2], after[0]
        if initial == _RIEUL and tuple(after[1:]) in _YEOL_YUL and final in (0, _FINAL_NIEUN):
            after[0] = _IEUNG
        elif initial == _RIEUL:
            if final == _FINAL_NIEUN:
                before[2] = _FINAL_RIEUL
            elif final in _NASAL_OF_FINAL or final in (_FINAL_MIEUM, _FINAL_IEUNG):
                before[2], after[0] = _NASAL_OF_FINAL.get(final, final), _NIEUN
        elif initial in (_NIEUN, _MIEUM):
            if final in _NASAL_OF_FINAL:
                before[2] = _NASAL_OF_FINAL[final]
            elif final == _FINAL_RIEUL and initial == _NIEUN:
                after[0] = _RIEUL
    return jamo


def _jamo(syllable: str) -> tuple[int, int, int]:
    initial, rest = divmod(ord(syllable) - _FIRST_SYLLABLE, 21 * 28)
    return initial, rest // 28, rest % 28


def _syllable(initial: int, medial: int, final: int) -> str:
    return chr(_FIRST_SYLLABLE + (initial * 21 + medial) * 28 + final)


def split_person_name(hangul: str) -> tuple[str, str]:
    """(surname, given name) of a Korean personal name: `김정은` → (`김`, `정은`); written with a
    space in either order (`정은 김`), the part that is a known surname is the surname."""
    parts = hangul.split()
    if len(parts) == 2:
        first, second = parts
        if second in SURNAMES and (first not in SURNAMES or len(second) < len(first)):
            return second, first
        return first, second
    compact = hangul.replace(" ", "")
    if len(compact) >= 3 and compact[:2] in SURNAMES:
        return compact[:2], compact[2:]
    return compact[:1], compact[1:]


@lru_cache(maxsize=65536)
def loose_token(token: str) -> str:
    """A key shared by every convention's spelling of a Korean syllable (`jeong`, `jong`,
    `chong` → `jonk`): folds the consonant and vowel differences between MR, RR and DPRK."""
    for old, new in _LOOSE_FOLDS:
        token = token.replace(old, new)
    # An initial ㄹ is written r, l or (after a consonant, in MR) n: 례 rye / nye, 리 ri / ni.
    token = "n" + token[1:] if token.startswith("r") else token
    return _REPEATED_LETTER.sub(r"\1", token)


def surname_keys(hangul: str) -> frozenset[str]:
    """The loose keys of every conventional spelling of a surname (`이` → ri, yi, i, rhi…)."""
    return _SURNAME_KEYS.get(hangul, frozenset())


_SURNAME_KEYS: dict[str, frozenset[str]] = {
    hangul: frozenset(loose_token(s) for s in spellings)
    | {loose_token(romanise(hangul, system).replace(" ", "")) for system in Romanisation}
    for hangul, spellings in SURNAMES.items()
}
is_surname: Callable[[str], bool] = _SURNAME_KEYS.__contains__  # whether a token is a surname in Hangul
_SURNAMES_BY_KEY: dict[str, tuple[str, ...]] = {
    key: tuple(hangul for hangul, keys in _SURNAME_KEYS.items() if key in keys)
    for key in set().union(*_SURNAME_KEYS.values())
}


def surnames_spelt(token: str) -> tuple[str, ...]:
    """The Hangul surnames a Latin word may spell (`choi`, `choe` → 최; `lee`, `yi` → 이 and 리)."""
    return _SURNAMES_BY_KEY.get(loose_token(token), ())


def spells_a_syllable(token: str) -> bool:
    """Whether a Latin word spells one Hangul syllable in some romanisation, or in the popular
    spellings that write ㅓ as u or ou (`byung`, `chul`, `young`, `pyong`, `ryong`)."""
    key, syllables = loose_token(token), _syllable_keys()
    return key in syllables or key.replace("u", "o") in syllables or key.replace("ou", "o") in syllables


@cache
def _syllable_keys() -> frozenset[str]:
    """The loose key of every Hangul syllable in every system (built on first use: 11,172 syllables)."""
    loose = loose_token.__wrapped__  # not through the cache list names and queries share
    return frozenset(loose(romanise_syllable(chr(code), system))
                     for code in range(0xAC00, 0xD7A4) for system in Romanisation)
