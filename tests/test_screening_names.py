"""Name readings: CJK legal forms, Japanese and Korean romanisation, trade abbreviations."""

from __future__ import annotations

import pytest

from corridor.names.chinese import has_simplified_beyond, romanise_in_words
from corridor.names.japanese import as_foreign_name
from corridor.names.korean import (
    Romanisation,
    given_name_as_said,
    looks_foreign,
    loose_token,
    romanise,
    romanise_foreign,
    romanise_words,
    surname_keys,
)
from corridor.names.legal_forms import strip_cjk_legal_form
from corridor.screening.compare import compare_names
from corridor.screening.names import as_korean_name, name_forms, validate_name


@pytest.mark.parametrize(
    ("name", "stripped", "legal_form"),
    [
        ("トヨタ自動車株式会社", "トヨタ自動車", "JSC"),
        ("株式会社東芝", "東芝", "JSC"),
        ("三星电子有限公司", "三星电子", "LLC"),
        ("华为技术股份有限公司", "华为技术", "JSC"),
        ("삼성전자주식회사", "삼성전자", "JSC"),
        ("(주)한국무역", "한국무역", "JSC"),
        ("㈜한국무역", "한국무역", "JSC"),
        ("東芝", "東芝", None),
    ],
)
def test_glued_cjk_legal_forms_are_cut_off_and_their_class_kept(name, stripped, legal_form):
    import unicodedata

    assert strip_cjk_legal_form(unicodedata.normalize("NFKC", name)) == (stripped, legal_form)


def _readings(name: str, person: bool, country: str | None = None) -> set[str]:
    return {" ".join(f.tokens) for f in name_forms(name, person, country) if f.tokens}


def test_japanese_is_read_as_japanese_with_long_vowels_folded():
    assert "toshiba" in _readings("株式会社東芝", False)
    assert _readings("山田太郎", True, "JP") == {"yamada taro"}  # not Mandarin `shan tian tai lang`
    assert "toyota jidosha" in _readings("トヨタ自動車株式会社", False)


def test_chinese_is_read_as_pinyin_when_the_country_says_so():
    assert _readings("习近平", True, "CN") == {"xi jin ping"}


def test_a_name_in_simplified_characters_is_not_read_as_japanese():
    # 仑 is written 侖 in Japan: no Hepburn `kon mata` beside the pinyin `kun lun`
    readings = {f.reading for f in name_forms("昆仑控股有限公司", False) if f.tokens}
    assert {"pinyin", "pinyin, 控股 translated"} <= readings and not any("Hepburn" in r for r in readings)
    # Chinese papers write North Korean names in simplified characters: still read as Korean
    assert "choe ryong hae" in _readings("崔龙海", True)
    # characters Japanese shares with simplified Chinese (国, 学) keep the Japanese reading
    assert "kokugaku" in _readings("国学", False)
    assert {"dong zhi", "toshiba"} <= _readings("東芝", False)


@pytest.mark.parametrize(("text", "ruled_out"), [
    ("丹东鸿祥", True),
    ("東京", False),
    ("国学", False),  # shinjitai that mainland China shares
    ("広", False),  # a Japanese-only form is not simplified Chinese
])
def test_simplified_characters_rule_out_a_japanese_reading(text, ruled_out):
    assert has_simplified_beyond(text) is ruled_out


def test_a_chinese_firm_is_also_read_two_syllables_to_a_word():
    assert romanise_in_words("丹东鸿祥 industrial development") == "dandong hongxiang industrial development"
    assert "beijing haili lianhe keji" in _readings("北京海力联合科技有限公司", False)  # as OFAC spells it


def test_korean_names_are_romanised_syllable_by_syllable_in_rr_and_mr():
    assert romanise("김정은", Romanisation.RR) == "gim jeong eun"
    assert romanise("김정은", Romanisation.MR) == "kim jong un"
    assert _readings("김정은", True) == {"gim jeong eun", "kim jong un"}


@pytest.mark.parametrize(
    ("surname", "spellings"),
    [
        ("이", ("lee", "yi", "ri", "rhee")),
        ("박", ("park", "pak", "bak")),
        ("최", ("choi", "choe")),
        ("김", ("kim", "gim")),
    ],
)
def test_every_conventional_spelling_of_a_korean_surname_agrees_with_it(surname, spellings):
    assert all(loose_token(s) in surname_keys(surname) for s in spellings)
    assert loose_token("kim") not in surname_keys("박")


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [
        ("김정은", "KIM Jong Un"),
        ("박지성", "Park Ji Sung"),
        ("이재명", "Lee Jae-myung"),
        ("최룡해", "CHOE Ryong Hae"),
        ("리병철", "RI Pyong Chol"),
    ],
)
def test_hangul_person_names_meet_their_list_spellings(hangul, latin):
    result = compare_names(name_forms(hangul, True), name_forms(latin, True), True)
    assert result.score >= 0.85, result


@pytest.mark.parametrize(("name", "surnames", "read"), [
    ("Choi Ryong-hae", ("최",), ("choi", "ryong", "hae")),
    ("Byung-chul Lee", ("이", "리"), ("lee", "byung", "chul")),  # surname last, put first
    ("Young Kim", ("김",), ("kim", "young")),
    ("John Smith", (), ()),
    ("Li Wei", (), ()),  # `wei` spells no Hangul syllable: a Chinese name
    ("김정은", (), ()),  # Hangul is read as Korean already
])
def test_a_latin_name_that_spells_a_korean_one_is_also_read_as_korean(name, surnames, read):
    forms = as_korean_name(name)
    assert tuple(f.loose[0] for f in forms) == surnames
    assert all(f.tokens == read and f.korean for f in forms)


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("독립", "동닙"),  # ㄱ+ㄹ: ㅇ+ㄴ
        ("국민", "궁민"),  # ㄱ+ㅁ: ㅇ+ㅁ
        ("합리", "함니"),  # ㅂ+ㄹ: ㅁ+ㄴ
        ("신라", "실라"),  # ㄴ+ㄹ: ㄹ+ㄹ
        ("종로", "종노"),  # ㅇ+ㄹ: ㅇ+ㄴ
        ("선렬", "선열"),  # 렬 after ㄴ is 열
        ("미려", "미려"),  # but 려 is not: only 렬 and 률 lose their ㄹ
        ("리석", "이석"),  # the initial-sound rule on the first syllable
        ("지원", "지원"),  # nothing to change
    ],
)
def test_a_given_name_is_read_as_it_is_said(written, said):
    assert given_name_as_said(written) == said


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [("박석률", "PAK Song-nyul"), ("김국민", "KIM Kung-min"), ("최리석", "CH'OE I-sok")],
)
def test_hangul_names_meet_a_mccune_reischauer_spelling_of_their_sound(hangul, latin):
    result = compare_names(name_forms(hangul, True), name_forms(latin, True), True)
    assert result.score >= 0.85, result


@pytest.mark.parametrize(
    ("hangul", "mr", "rr"),
    [
        ("단군", "tangun", "dangun"),  # k voiced after n in MR
        ("련봉", "ryonbong", "ryeonbong"),  # p voiced after n; no initial-sound rule for DPRK firms
        ("광선", "kwangson", "gwangseon"),  # s is never voiced
        ("고려", "koryo", "goryeo"),  # ㄹ between vowels is r
        ("대동강", "taedonggang", "daedonggang"),
        ("극렴", "kungnyom", "geungnyeom"),  # assimilated as said
    ],
)
def test_a_firm_word_in_hangul_is_romanised_as_one_word(hangul, mr, rr):
    assert (romanise_words(hangul, Romanisation.MR), romanise_words(hangul, Romanisation.RR)) == (mr, rr)


@pytest.mark.parametrize(
    ("hangul", "foreign", "read"),
    [("하마스", True, "hamas"), ("크리스마스", True, "krismas"), ("도널드 트럼프", True, "donold tromp"),
     ("김정은", False, None), ("삼성전자", False, None), ("오사마 빈 라덴", False, None)],
)
def test_a_foreign_name_spelt_in_hangul_is_read_back(hangul, foreign, read):
    assert looks_foreign(hangul) is foreign
    if read:
        assert romanise_foreign(hangul) == read


@pytest.mark.parametrize(("hangul", "read"), [
    ("알리", "ali"), ("솔레이마니", "soleimani"),  # ㄹㄹ is one l
    ("루카셴코", "rukashenko"), ("샤론", "sharon"),  # ㅅ before a y-vowel is sh
])
def test_a_foreign_name_in_hangul_is_read_as_the_loanword_orthography_writes_it(hangul, read):
    assert romanise_foreign(hangul) == read


@pytest.mark.parametrize(
    ("hangul", "foreign"),
    [("오사마 빈 라덴", True), ("무하마드 빈 살만", True),  # more words than a Korean name has
     ("카셈 솔레이마니", True),  # two words, neither a Korean surname
     ("현우 현정 장", False), ("김 정 은", False), ("남궁 민 수", False),  # surname last or first: Korean
     ("김정은", False), ("김 정은", False), ("정은 김", False)],
)
def test_a_persons_name_of_words_without_a_korean_surname_is_foreign(hangul, foreign):
    assert looks_foreign(hangul, by_words=True) is foreign


def test_a_name_in_kana_is_also_read_as_a_foreign_name():
    assert as_foreign_name("kimu jon un") == ["kim jon un", "kim jon ung", "kim jong un", "kim jong ung"]
    assert as_foreign_name("ri byonchoru") == ["ri byonchor", "ri byongchor"]  # ン inside a word too
    assert as_foreign_name("hamasu") == ["hamas"]
    assert as_foreign_name("yamada taro") == []  # nothing kana added to a final consonant
    # the vowel kana adds between consonants, and before r at a word's start
    assert as_foreign_name("oregu deripasuka") == ["oreg deripaska"]
    assert as_foreign_name("kurisumasu") == ["krismas"]
    assert as_foreign_name("arekusandoru")[0] == "areksandr"  # and `areksangdr`: ン is n or ng


def test_one_syllable_difference_in_the_same_script_is_not_a_match():
    assert compare_names(name_forms("김정은", True), name_forms("김종은", True), True).score < 0.85
    assert compare_names(name_forms("高市早苗", True), name_forms("高石早苗", True), True).score < 0.85


def test_trade_document_abbreviations_meet_the_listed_name():
    result = compare_names(
        name_forms("GUANGZHOU HAIGE COMM GRP", False),
        name_forms("Guangzhou Haige Communications Group Co., Ltd.", False),
        False,
    )
    assert result.score == 1.0


def test_reordered_person_names_and_initials_match():
    assert compare_names(name_forms("Jong Un Kim", True), name_forms("KIM, Jong Un", True), True).score == 1.0
    assert compare_names(name_forms("J. U. Kim", True), name_forms("Kim Jong Un", True), True).score >= 0.7


def test_generic_words_alone_never_make_a_match():
    result = compare_names(
        name_forms("Pacific Trading Group Corp", False),
        name_forms("Atlantic Trading Group Corp", False),
        False,
    )
    assert result.score < 0.7
    assert (
        compare_names(name_forms("Trading Corp", False), name_forms("Korea Trading Corp", False), False).score
        < 0.7
    )


def test_person_needs_the_family_name_the_list_records():
    result = compare_names(
        name_forms("Jong Un Park", True),
        name_forms("KIM, Jong Un", True),
        True,
        family_names=frozenset({"kim"}),
    )
    assert result.score < 0.7 and "family name does not agree" in result.caps


@pytest.mark.parametrize("bad", ["", "   ", "x" * 1001])
def test_empty_or_overlong_names_are_refused(bad):
    with pytest.raises(ValueError, match="name"):
        validate_name(bad)


def test_a_name_part_differing_on_both_sides_is_for_review_not_a_match():
    result = compare_names(
        name_forms("ALI SADDAM HUSSEIN AL-RAWI", True),
        name_forms("ALI SADDAM HUSSEIN AL-TIKRITI", True),
        True,
    )
    assert 0.7 <= result.score < 0.85 and "a name part differs on both sides" in result.caps
    extra_names = compare_names(
        name_forms("Sergey Lavrov", True), name_forms("Sergey Viktorovich LAVROV", True), True
    )
    assert extra_names.score >= 0.85


@pytest.mark.parametrize(("arabic_script", "consonants"), [
    ("قاسم سليماني", ("qsm", "slmn")),  # Qasem Soleimani: the vowels Latin spellings add are left out
    ("أسامة بن لادن", ("sm", "bn", "ldn")),  # ة, the feminine ending, is not read
    ("حسن نصر الله", ("hsn", "nsr", "lh")),  # a doubled consonant once; الله keeps its ال
    ("عزت ابراهيم الدوري", ("zt", "brhm", "dr")),  # the article ال: lists write it apart (AL-DURI)
])
def test_a_name_in_arabic_script_is_also_read_as_its_consonants(arabic_script, consonants):
    forms = name_forms(arabic_script, True)
    assert forms[0].reading == "as written"
    assert [f.tokens for f in forms if f.reading.startswith("its consonants")] == [consonants]
    assert not any(f.reading.startswith("its consonants") for f in name_forms("Qasem Soleimani", True))
