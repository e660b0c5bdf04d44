"""Parsers on the real published files, and malformed files that must load nothing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from corridor.screening import ListFormatError, Schema
from corridor.screening.formats import parse_csl, parse_ftm, parse_meti, parse_ofac, parse_un

METI_SAMPLE = Path(__file__).parent / "data" / "meti_end_user_sample.csv"


@pytest.fixture(scope="module")
def ofac(shared_data):
    folder = shared_data / "ofac-sdn-2021"
    return parse_ofac(*((folder / f"{n}.csv").read_text() for n in ("sdn", "alt", "add")))


def test_ofac_sdn_reads_every_entry_with_family_name_aliases_and_countries(ofac):
    assert len(ofac) == 8976
    kim = next(p for p in ofac if p.id == "20157")
    assert (kim.name, kim.schema, kim.family_names) == ("KIM, Jong Un", Schema.PERSON, ("KIM",))
    assert kim.countries == ("KP",) and kim.programmes == ("DPRK3",)
    cuba = next(p for p in ofac if p.id == "306")
    assert cuba.schema is Schema.ORGANIZATION and "NATIONAL BANK OF CUBA" in cuba.aliases
    assert "CH" in cuba.countries  # Zurich address from add.csv
    assert any(p.schema is Schema.VESSEL for p in ofac)


def test_un_list_reads_individuals_entities_aliases_and_original_script(shared_data):
    parties = parse_un((shared_data / "un-sc-consolidated-2026" / "UN_consolidated.xml").read_bytes())
    assert len(parties) == 1003
    yun = next(p for p in parties if p.id == "KPi.001")
    assert yun.name == "YUN HO-JIN" and "Yun Ho-chin" in yun.aliases and yun.listed_on == date(2009, 7, 16)
    assert yun.countries == ("KP",)
    assert sum(1 for p in parties if p.original_script_names) > 300
    cagl = next(p for p in parties if p.id == "CDe.003")
    assert cagl.name == "COMPAGNIE AERIENNE DES GRANDS LACS (CAGL)"
    assert "GREAT LAKES BUSINESS COMPANY (GLBC)" in cagl.aliases


def test_csl_older_schema_keeps_listing_dates_and_ids(shared_data):
    parties = parse_csl((shared_data / "ofac-sdn-2021" / "csl_sample.csv").read_text())
    assert len(parties) == 115
    dpl = next(p for p in parties if p.name == "ADRIAN MANUEL HERNANDEZ")
    assert (dpl.listed_on, dpl.delisted_on) == (date(2017, 10, 16), date(2020, 10, 13))
    assert "DPL" in dpl.programmes
    sdn = next(p for p in parties if p.id == "8124")
    assert sdn.aliases == ("CARIBE SOL", "HAVANTUR CANADA INC.") and sdn.countries == ("CA",)


def test_csl_current_schema_uses_its_id_column():
    text = (
        "_id,source,entity_number,type,programs,name,alt_names,start_date,end_date,addresses,ids\n"
        "abc123,Entity List (EL) - Bureau of Industry and Security,,Entity,,Guangzhou Haige Communications "
        'Group,GUANGZHOU HAIGE COMM GRP,2021-01-14,,"Guangzhou, CN",\n'
    )
    [party] = parse_csl(text)
    assert (party.id, party.countries, party.programmes) == ("abc123", ("CN",), ("EL",))


def test_ftm_json_lines_keep_parties_and_skip_other_schemas():
    lines = [
        {
            "id": "NK-abc",
            "schema": "Person",
            "properties": {
                "name": ["Kim Jong Un"],
                "lastName": ["Kim"],
                "alias": ["김정은"],
                "nationality": ["kp"],
            },
        },
        {"id": "addr-1", "schema": "Address", "properties": {"full": ["Pyongyang"]}},
        {"id": "co-1", "schema": "Company", "properties": {"name": ["Sample Co"]}, "sanctions": []},
    ]
    parties = parse_ftm("\n".join(json.dumps(x, ensure_ascii=False) for x in lines))
    assert [p.id for p in parties] == ["NK-abc", "co-1"]
    assert parties[0].family_names == ("Kim",) and parties[0].countries == ("KP",)


def test_meti_sample_reads_cjk_aliases_as_original_script_and_delisting():
    parties = parse_meti(METI_SAMPLE.read_text())
    assert [p.id for p in parties] == ["1", "2", "3", "4"]
    assert parties[1].original_script_names == ("北京样本航天技术有限公司",)
    assert parties[2].programmes == ("C", "M") and parties[2].countries == ("KP",)
    assert parties[3].delisted_on == date(2022, 6, 30)


@pytest.mark.parametrize(
    ("parser", "text", "location"),
    [
        (lambda t: parse_ofac(t), '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"\n', "line 1"),
        (
            lambda t: parse_ofac(
                '36,"A",-0- ,"CUBA",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\nx1,"B",-0-,"X",-0-,-0-,-0-,-0-,'
                "-0-,-0-,-0-,-0-\n"
            ),
            "",
            "line 2",
        ),
        (lambda t: parse_csl(t), "source,name\nDPL,Someone\nDPL\n", "line 3"),
        (
            lambda t: parse_ftm(t),
            '{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n{oops\n',
            "line 2",
        ),
        (
            lambda t: parse_meti(t),
            "No.,Country or Region,Company or Organization,Also Known As,Type of WMD\n1,Iran,,x,N\n",
            "line 2",
        ),
        (
            lambda t: parse_un(t.encode()),
            "<CONSOLIDATED_LIST><INDIVIDUALS>\n<INDIVIDUAL>\n</INDIVIDUALS>",
            "line 3",
        ),
        (
            lambda t: parse_un(t.encode()),
            "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>A</FIRST_NAME>"
            "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>",
            "INDIVIDUAL #1",
        ),
    ],
)
def test_malformed_files_raise_naming_the_line_or_element(parser, text, location):
    with pytest.raises(ListFormatError) as error:
        parser(text)
    assert location in str(error.value)


def test_ofac_alias_of_an_unknown_entry_is_refused():
    sdn = '36,"A",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
    with pytest.raises(ListFormatError, match="ent_num 99"):
        parse_ofac(sdn, '99,1,"aka","X",-0- \n')


def test_loading_ofac_by_its_sdn_csv_finds_the_alias_and_address_files(shared_data):
    from corridor.store.lists import read_list

    parties = read_list(shared_data / "ofac-sdn-2021" / "sdn.csv", "ofac", "sdn")
    cuba = next(p for p in parties if p.id == "306")
    assert cuba.list_name == "sdn" and cuba.aliases and cuba.addresses


def test_an_unknown_format_names_the_known_ones(tmp_path):
    from corridor.store.lists import read_list

    with pytest.raises(ValueError, match="ofac, csl, un, ftm, meti"):
        read_list(tmp_path, "xlsx", "x")


def test_ftm_nested_sanctions_give_listing_and_delisting_dates():
    sanction = {
        "schema": "Sanction",
        "properties": {"listingDate": ["2017-01-05"], "endDate": ["2021-03-01"]},
    }
    entity = {
        "id": "ofac-123",
        "schema": "Company",
        "properties": {"name": ["Sample Trading LLC"], "sanctions": [sanction]},
    }
    [party] = parse_ftm(json.dumps(entity))
    assert (party.listed_on, party.delisted_on) == (date(2017, 1, 5), date(2021, 3, 1))
