"""Reported events corroborate pack facts, or are marked as proposed amendments."""

from datetime import date

from corridor.news.events import extract_events
from corridor.news.links import link_events
from corridor.packs.registry import load_packs


def linked(text: str, published: date):
    return link_events(extract_events(text, published), load_packs())


def test_reported_decision_corroborates_the_relations_fact():
    (event,) = linked(
        "South Korea decided on Thursday to scrap an intelligence-sharing pact with Japan.", date(2019, 8, 22)
    )
    assert {"pack": "jp-kr/relations", "fact": "kr-nsc-2019-08-22-gsomia-termination-decision"} in [
        {k: link[k] for k in ("pack", "fact")} for link in event.pack_links
    ]


def test_announced_effective_date_corroborates_the_rule_pack_change():
    (event,) = linked(
        "Japan and South Korea will start a business track on Oct. 8, the ministry said on Tuesday.",
        date(2020, 10, 6),
    )
    assert event.type == "travel_corridor_opened"
    assert "jp-business-track" in {link["fact"] for link in event.pack_links}


def test_event_no_pack_holds_is_a_proposed_amendment():
    (event,) = linked(
        "Japan filed a complaint with the World Trade Organization against South Korea on Monday.",
        date(2021, 5, 11),
    )
    assert event.pack_links == []
    assert "proposed_amendment" in {f["kind"] for f in event.flags}


def test_wrong_countries_do_not_link():
    (event,) = linked(
        "China decided on Thursday to scrap an intelligence-sharing pact with Australia.", date(2019, 8, 22)
    )
    assert event.pack_links == []


def test_undated_announcement_links_to_the_change_it_announces():
    (event,) = linked("Japan will lift export curbs on hydrogen fluoride for South Korea.", date(2023, 3, 16))
    assert not event.happened
    assert "jp-measure-2019-07-04-korea-three-items" in {link["fact"] for link in event.pack_links}


def test_a_country_changes_only_its_own_rules():
    (event,) = linked("Japan will lift export curbs on hydrogen fluoride for South Korea.", date(2023, 3, 16))
    assert all(not link["pack"].startswith("kr/") for link in event.pack_links)
