"""People and organisations with country and role, merged across spellings and scripts."""

import pytest

from corridor.news.entities import find_entities, merge_entities, name_key


@pytest.mark.parametrize(
    "variants",
    [
        ("Moon Jae-in", "Moon Jae In", "Jae-in Moon", "문재인"),
        ("Taro Kono", "Kōno Tarō", "Kohno Taro", "河野太郎"),
        ("Chey Tae-won", "Choi Tae-won", "Choi Tae Won"),
        ("Lee Jae-yong", "Yi Jae-yong", "이재용"),
    ],
)
def test_romanisation_variants_share_one_key(variants):
    assert len({name_key(v) for v in variants}) == 1


def test_different_people_keep_different_keys():
    assert name_key("Kim Yoon") != name_key("Kim Byong-joon")


def test_people_get_country_and_role_and_organisations_their_kind():
    entities = {
        e.name: e
        for e in find_entities(
            "South Korean Trade Minister Yoo Myung-hee said Seoul filed a complaint with the WTO. "
            "Kim Byong-joon, acting chairman of the FKI, met Keidanren officials. "
            "The Supreme Court of Korea ordered Mitsubishi Heavy Industries to pay."
        )
    }
    assert (entities["Yoo Myung-hee"].country, entities["Yoo Myung-hee"].roles) == ("KR", ["Trade Minister"])
    assert entities["Kim Byong-joon"].roles == ["acting chairman of the FKI"]
    assert entities["Federation of Korean Industries"].kind == "association"
    assert (entities["Keidanren"].country, entities["World Trade Organization"].kind) == ("JP", "agency")
    assert entities["Supreme Court of Korea"].kind == "court"
    assert entities["Supreme Court of Korea"].country == "KR"
    assert entities["Mitsubishi Heavy Industries"].kind == "company"


def test_entities_merge_across_articles():
    first = find_entities("Foreign Minister Taro Kono met his counterpart.")
    second = find_entities("Japanese Foreign Minister Taro Kohno summoned the ambassador.")
    (kono,) = [e for e in merge_entities([first, second]) if e.kind == "person"]
    assert kono.mentions == 2 and kono.country == "JP"
    assert kono.aliases == ["Taro Kohno", "Taro Kono"]


def test_country_adjective_is_not_part_of_the_role():
    (kishida,) = [
        e for e in find_entities("Japanese Prime Minister Fumio Kishida met the press.") if e.kind == "person"
    ]
    assert (kishida.name, kishida.roles, kishida.country) == ("Fumio Kishida", ["Prime Minister"], "JP")
