"""Issue 10's error classes on sentences: roles from the parse, mood, ordinal and dotted dates,
undated pages, long lines and the size cap."""

from __future__ import annotations

import time
from datetime import date

import pytest

from corridor.news.dates import find_dates
from corridor.news.events import extract_events
from corridor.news.ingest import UnreadableInput, read_article
from corridor.news.report import report_article
from corridor.packs.registry import load_packs

DAY = date(2019, 8, 5)


def _only(text: str, kind: str):
    events = [e for e in extract_events(text, DAY) if e.type == kind]
    assert len(events) == 1, events
    return events[0]


def test_passive_agent_acts_even_when_the_target_is_named_first() -> None:
    event = _only("South Korea was removed from the white list by Japan on Friday.", "whitelist_removed")
    assert (event.actor, event.target) == ("JP", "KR")


@pytest.mark.parametrize("sentence", [
    "If the talks fail, Japan can remove South Korea from its white list, officials said.",
    "Japan to remove South Korea from white list",
    "Seoul urged Tokyo to remove its restrictions and restore South Korea to the white list.",
])
def test_conditions_headlines_and_demands_have_not_happened(sentence: str) -> None:
    events = extract_events(sentence, DAY)
    assert events and not any(e.happened for e in events)


def test_a_pronoun_subject_is_the_previous_actor() -> None:
    text = "Japan removed South Korea from its white list on Friday. It also tightened curbs on Seoul."
    assert {e.actor for e in extract_events(text, DAY)} == {"JP"}


@pytest.mark.parametrize(("text", "day"), [
    ("기사입력 2022. 10. 11. 오후 3:00", date(2022, 10, 11)),
    ("The curbs will end on the 18th.", date(2019, 8, 18)),
    ("The ban started on the 1st, officials said.", date(2019, 8, 1)),
])
def test_ordinal_and_dotted_dates(text: str, day: date) -> None:
    assert [m.day for m in find_dates(text, DAY)] == [day]


def test_an_ordinal_before_a_noun_is_not_a_day() -> None:
    assert find_dates("trade rules of the 18th century", DAY) == []


def test_byline_date_beats_an_update_stamp() -> None:
    page = ("Japan drops Korea from list\nUpdated: September 30, 2019\nBy Jane Roe, August 2, 2019\n"
            "Japan removed South Korea from its white list of trusted trading partners on Friday.\n")
    assert read_article(page.encode(), "a.txt").published == date(2019, 8, 2)


def test_undated_page_keeps_its_events_with_unknown_date() -> None:
    page = "Curbs widened\nJapan removed South Korea from its white list of trusted partners.\n"
    events = report_article(read_article(page.encode(), "a.txt"), load_packs()).events
    assert events and {e.date_precision for e in events} == {"unknown"}


def test_a_long_line_is_read_in_linear_time() -> None:
    line = "Exports of chips and cars rose as talks went on between the two capitals " * 2700  # 200k chars
    started = time.perf_counter()
    extract_events(line[:20_000], DAY)
    small = time.perf_counter() - started
    started = time.perf_counter()
    extract_events(line, DAY)
    assert time.perf_counter() - started < max(30 * small, 5.0)


def test_oversized_document_is_refused_naming_the_size() -> None:
    with pytest.raises(UnreadableInput, match="over the 2,000,000-byte limit"):
        read_article(b"a" * 2_000_001, "dump.txt")


@pytest.mark.parametrize(("text", "expected"), [
    ("Samsung Electronics and LG Electronics said they would cut output.",
     {("Samsung Electronics", "company"), ("LG Electronics", "company")}),
    ("The Asahi Shimbun reported on Monday that talks failed.", {("Asahi Shimbun", "media")}),
])
def test_firm_pairs_split_and_newspapers_are_media(text: str, expected: set) -> None:
    from corridor.news.entities import find_entities

    assert {(e.name, e.kind) for e in find_entities(text)} == expected


def test_an_officials_country_comes_from_the_ministry_in_the_title() -> None:
    from corridor.news.entities import find_entities

    person = next(e for e in find_entities("MOTIE Minister Sung Yun-mo said the curbs were unfair.")
                  if e.kind == "person")
    assert (person.name, person.country) == ("Sung Yun-mo", "KR")
