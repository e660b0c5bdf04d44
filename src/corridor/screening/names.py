"""How one written name becomes the Latin forms corridor compares.

A name is read into one or more `NameForm`s: the Latin name normalised; a Hangul name in
Revised Romanization and in McCune-Reischauer (DPRK) spelling; a Japanese name in Hepburn
with long vowels folded; a Chinese name in pinyin. Han-only names are read both ways unless
the country says which. CJK legal forms are cut off first and their class kept, CJK business
words are also tried in English, and Latin legal forms and trade-document abbreviations are
folded so `GUANGZHOU HAIGE COMM GRP` and `Guangzhou Haige Communications Group Co., Ltd.`
share their tokens.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import filterfalse

from normality import ascii_text
from rigour.names import replace_org_types_compare
from rigour.text.translit import maybe_ascii

from corridor.names import arabic, brands, chinese, hanja, japanese, korean
from corridor.names.legal_forms import strip_cjk_legal_form, strip_latin_legal_forms
from corridor.names.scripts import Script, script_of
from corridor.screening.vocabulary import canonical_word, is_generic, translate_cjk_terms

MAX_NAME_LENGTH = 1000
PERSON_TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "sheikh",
        "shaikh",
        "haji",
        "hajji",
        "alhaj",
        "mullah",
        "maulana",
        "general",
        "colonel",
        "col",
        "capt",
        "maj",
        "lt",
    }
)
JAPANESE_COUNTRIES = frozenset({"JP"})
CHINESE_COUNTRIES = frozenset({"CN", "TW", "HK", "MO", "SG"})
AS_WRITTEN = "as written"
PINYIN = "pinyin"
PINYIN_WORDS = "pinyin, two syllables to a word"
HEPBURN = "Hepburn (long vowels folded)"
FOREIGN_KANA = "Hepburn, as a foreign name"
FOREIGN_HANGUL = "Revised Romanization, as a foreign name"
AS_KOREAN = "as a Korean name in Latin letters"
ARABIC_CONSONANTS = "its consonants (Arabic script writes no short vowels)"
CJK_SCRIPTS = (Script.HANGUL, Script.KANA, Script.HAN)
MOST_KOREAN_SYLLABLES = 5  # a surname of two syllables and a given name of three
_APOSTROPHES = re.compile(r"['’`]")
_NOT_LETTERS = re.compile(r"[^a-z0-9]+")
_BETWEEN_WORDS = re.compile(r"[\s,;/]+")
STRICT_READINGS = (PINYIN, PINYIN_WORDS, FOREIGN_KANA)  # syllables align only when near-identical


@dataclass(frozen=True, slots=True)
class NameForm:
    """One Latin reading of a name, ready to compare: its tokens, which are generic, and loose keys.

    `korean` marks readings of Hangul, compared through loose keys that fold MR/RR/DPRK
    spellings; `original` keeps the CJK text (legal form removed) for same-script comparison.
    `parts` numbers the written word each token comes from: `Kyu-sik`, and a Korean or Chinese
    given name read syllable by syllable, are one name part of two tokens, and a name part half
    met (`Kim Kyu-sik` / `KIM Kyu`) is a different name, not an extra middle name.
    """

    name: str
    tokens: tuple[str, ...]
    reading: str = AS_WRITTEN
    legal_form: str | None = None
    korean: bool = False
    original: str | None = None
    generic: tuple[bool, ...] = field(default=())
    loose: tuple[str, ...] = field(default=())
    loose_text: str = ""
    strict: bool = False
    parts: tuple[int, ...] = field(default=())

    @classmethod
    def of(
        cls,
        name: str,
        tokens: list[str],
        reading: str = AS_WRITTEN,
        legal_form: str | None = None,
        korean_reading: bool = False,
        original: str | None = None,
        organisation: bool = False,
        surname: str | None = None,
        strict: bool = False,
        parts: tuple[int, ...] = (),
    ) -> NameForm:
        """`surname` (Hangul) stands for the first token in loose comparison, so every
        conventional spelling of it (Lee, Yi, Ri, Rhee for 이) agrees with it."""
        loose = list(map(korean.loose_token, tokens))
        loose_text = " ".join(loose)  # romanised throughout: the cheap prefilter compares it as text
        if surname and loose:
            loose[0] = surname
        return cls(
            name=name,
            tokens=tuple(tokens),
            reading=reading,
            legal_form=legal_form,
            korean=korean_reading,
            original=original,
            generic=tuple(map(is_generic, tokens)) if organisation else (False,) * len(tokens),
            loose=tuple(loose),
            loose_text=loose_text,
            strict=strict,
            parts=parts if len(parts) == len(tokens) else tuple(range(len(tokens))),
        )


def validate_name(name: str) -> str:
    """The name trimmed; an empty or over-long name is refused with the reason."""
    if not isinstance(name, str) or not name.strip():
        raise ValueError("name is empty; give the party's name as written on the document")
    if len(name) > MAX_NAME_LENGTH:
        raise ValueError(f"name is {len(name)} characters long; at most {MAX_NAME_LENGTH} are accepted")
    return name.strip()


@lru_cache(maxsize=65536)
def name_forms(name: str, person: bool, country: str | None = None) -> tuple[NameForm, ...]:
    """Every reading of `name` worth comparing, the plain Latin reading first."""
    text = unicodedata.normalize("NFKC", name).strip()
    script = script_of(text)
    if script in CJK_SCRIPTS:
        return _cjk_forms(text, script, person, country)
    tokens, legal_form = latin_tokens(text, person)
    if not tokens:
        return ()
    form = NameForm.of(name, tokens, legal_form=legal_form, organisation=not person,
                       parts=person_parts(text) if person else ())
    return (form, *_consonant_forms(name, text, person)) if arabic.is_arabic(text) else (form,)


def _consonant_forms(name: str, text: str, person: bool) -> tuple[NameForm, ...]:
    """A name in Arabic script read as its consonants (see `corridor.names.arabic`)."""
    tokens, legal_form = latin_tokens(arabic.as_its_consonants_are_read(text), person)
    kept = [consonants for token in tokens if (consonants := arabic.consonants(token))]
    if not kept:
        return ()
    form = NameForm.of(name, kept, reading=ARABIC_CONSONANTS, legal_form=legal_form, organisation=not person)
    # the prefilter cuts a list name's loose text to its consonants: the query's is cut the same way
    loose_text = arabic.consonant_text(" ".join(map(korean.loose_token, tokens)))
    return (replace(form, loose_text=loose_text),)


@lru_cache(maxsize=4096)
def as_korean_name(name: str) -> tuple[NameForm, ...]:
    """A person's name in Latin letters that spells a Korean one (`Choi Ryong-hae`, `Byung-chul Lee`:
    a surname first or last, every other word one syllable), read as Korean, surname first, so that
    it meets every other spelling of it (`CHOE, Ryong Hae`, `RI, Pyong Chol`) by loose Korean keys.
    Only queries are read so: list names read loosely would meet each other's near-namesakes."""
    text = unicodedata.normalize("NFKC", name).strip()
    if script_of(text) in CJK_SCRIPTS:  # read as Korean already, if Korean
        return ()
    words = _person_words(text)
    tokens = [t for word in words for t in word]
    if not 2 <= len(tokens) <= MOST_KOREAN_SYLLABLES:
        return ()
    forms = []
    for at in dict.fromkeys((0, len(words) - 1)):
        if len(words[at]) != 1:
            continue
        given = [t for number, word in enumerate(words) if number != at for t in word]
        if not all(map(korean.spells_a_syllable, given)):
            continue
        forms += [NameForm.of(name, [words[at][0], *given], reading=AS_KOREAN, korean_reading=True,
                              surname=surname, parts=(0,) + (1,) * len(given))
                  for surname in korean.surnames_spelt(words[at][0])]
    return tuple(forms)


def spells_a_korean_name(name: str) -> bool:
    """Whether a name in Latin letters is a Korean one (see `as_korean_name`)."""
    return bool(as_korean_name(name))


def latin_tokens(text: str, person: bool) -> tuple[list[str], str | None]:
    """Lower-case ASCII tokens; organisations lose legal forms and get canonical words."""
    if person:
        return [t for word in _person_words(text) for t in word] or _plain_words(text), None
    stripped, legal_form = strip_latin_legal_forms(replace_org_types_compare(" ".join(_plain_words(text))))
    return list(map(canonical_word, stripped.split())), legal_form


@lru_cache(maxsize=4096)  # a name is read as a person's and as an organisation's
def _lower_ascii(text: str) -> str:
    """The name in lower-case ASCII letters, apostrophes dropped (O'Neil is oneil). Latin letters
    with accents only lose them; other scripts are transliterated (by ICU, a hundred times slower)."""
    ascii_name = text if text.isascii() else _without_accents(text)
    if not ascii_name.isascii():
        ascii_name = maybe_ascii(text)
    if not ascii_name.isascii():
        ascii_name = ascii_text(ascii_name) or ""
    return _APOSTROPHES.sub("", ascii_name.lower())


def _without_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _plain_words(text: str) -> list[str]:
    return _NOT_LETTERS.sub(" ", _lower_ascii(text)).split()


@lru_cache(maxsize=4096)
def _person_words(text: str) -> tuple[tuple[str, ...], ...]:
    """A person's name as written words (split at spaces and commas), each as its tokens
    (split at hyphens and other marks); titles dropped."""
    words = []
    for written in _BETWEEN_WORDS.split(_lower_ascii(text)):
        if kept := tuple(filterfalse(PERSON_TITLES.__contains__, _NOT_LETTERS.sub(" ", written).split())):
            words.append(kept)
    return tuple(words)


def person_parts(text: str) -> tuple[int, ...]:
    """For each token of a person's name, the number of the written word it belongs to."""
    return tuple(number for number, word in enumerate(_person_words(text)) for _ in word)


def _cjk_forms(text: str, script: Script, person: bool, country: str | None) -> tuple[NameForm, ...]:
    base, legal_form = strip_cjk_legal_form(text)
    forms = [NameForm.of(text, [], reading=AS_WRITTEN, legal_form=legal_form, original=base.replace(" ", ""))]
    forms += _romanised(text, base, legal_form, script, person, country)
    if script is Script.HAN and country not in JAPANESE_COUNTRIES | CHINESE_COUNTRIES:
        forms += _hanja_forms(text, base, person, country)
    return tuple(forms)


def _romanised(name: str, base: str, legal_form: str | None, script: Script, person: bool,
               country: str | None, from_hanja: bool = False, read_as: str = "") -> list[NameForm]:
    """The Latin forms of `name` (`base`: its text, legal form cut off). `read_as` opens each form's
    reading: a Hanja name's Korean readings say which Hangul they read, and are the Hanja name's forms."""
    variants = [(base, "")]
    if not person:
        translated, terms = translate_cjk_terms(base)
        if terms:
            variants.append((translated, f", {'/'.join(terms)} translated"))
        if script is Script.HANGUL:
            branded = [(brands.spell_brands(v), n) for v, n in variants]
            variants += [(b, f", brand spelling{n}") for b, n in branded if b]
    forms = []
    for variant, note in variants:
        surname = _hangul_surname(variant, script) if person else None
        for reading, romaji, is_korean in _readings(variant, script, person, country, from_hanja):
            tokens, latin_form = latin_tokens(romaji, person)
            if tokens:
                parts = person_parts(romaji) if person else ()
                forms.append(
                    NameForm.of(
                        name,
                        tokens,
                        reading=read_as + reading + note,
                        legal_form=legal_form or latin_form,
                        # kana read as a foreign name is compared by loose keys (it writes l and r alike)
                        korean_reading=is_korean or reading == FOREIGN_KANA,
                        organisation=not person,
                        surname=surname if korean.is_surname(surname or "") else None,
                        strict=reading in STRICT_READINGS,
                        parts=parts,
                    )
                )
    return forms


def _hangul_surname(name: str, script: Script) -> str | None:
    """The Hangul surname of a Korean person's name in Hangul, or in kana (`チェ` is 최)."""
    if script is Script.HANGUL:
        return korean.split_person_name(name)[0]
    return japanese.korean_surname(name) if script is Script.KANA else None


def _hanja_forms(text: str, han: str, person: bool, country: str | None) -> list[NameForm]:
    """The Korean readings of a Hanja name (李舜臣 → 이순신, 리순신), read as Hangul is."""
    forms = []
    for hangul in hanja.korean_readings(han):
        base, legal_form = strip_cjk_legal_form(hangul)
        forms += _romanised(text, base, legal_form, Script.HANGUL, person, country, from_hanja=True,
                            read_as=f"as Korean ({hangul}), ")
    return forms


Reading = tuple[str, str, bool]  # (how it was read, the Latin text, whether read as Korean)


def _readings(text: str, script: Script, person: bool, country: str | None,
              from_hanja: bool = False) -> list[Reading]:
    if script is not Script.HANGUL:
        return _kana_or_han_readings(text, script, person, country)
    # 하마스, 오사마 빈 라덴: a foreign name spelt in Hangul (a Chinese name's spaced Hanja is not)
    foreign = korean.looks_foreign(text, by_words=person and not from_hanja)
    return _korean_readings(text, person) + ([(FOREIGN_HANGUL, korean.romanise_foreign(text), False)]
                                             if foreign else [])


def _korean_readings(text: str, person: bool) -> list[Reading]:
    if person:
        surname, given = korean.split_person_name(text)
        spoken = korean.given_name_as_said(given)
        ways = [(system.value, system, given) for system in korean.Romanisation]
        if spoken != given:  # McCune-Reischauer spells the sound (극렴: Kung-nyom), RR the letters
            mr = korean.Romanisation.MR
            ways.append((f"{mr.value}, as said ({spoken})", mr, spoken))
        return [
            (
                label,
                f"{korean.romanise(surname, system).replace(' ', '')} "
                f"{korean.romanise(name, system).replace(' ', '-')}",
                True,
            )
            for label, system, name in ways
        ]
    syllables = [(system.value, korean.romanise(text, system), True) for system in korean.Romanisation]
    words = [(f"{system.value}, as words", korean.romanise_words(text, system), True)
             for system in korean.Romanisation]
    return syllables + [w for w, s in zip(words, syllables, strict=True) if w[1] != s[1]]


def _kana_or_han_readings(text: str, script: Script, person: bool, country: str | None) -> list[Reading]:
    if script is Script.KANA:  # Japanese, or a foreign name written in kana
        romaji = japanese.romanise(text)
        foreign = japanese.as_foreign_name(romaji)
        return [(HEPBURN, romaji, False)] + [(FOREIGN_KANA, reading, False) for reading in foreign]
    readings = []
    if country not in JAPANESE_COUNTRIES:
        pinyin = chinese.romanise(text)
        if person:  # the family name, then the given name's syllables as one name part
            family, _, given = pinyin.partition(" ")
            pinyin = f"{family} {given.replace(' ', '-')}".strip()
        readings.append((PINYIN, pinyin, False))
        if not person:
            readings.append((PINYIN_WORDS, chinese.romanise_in_words(text), False))
    if country not in CHINESE_COUNTRIES and not chinese.has_simplified_beyond(text):
        readings.append((HEPBURN, japanese.romanise(text), False))
    return readings
