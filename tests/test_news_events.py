"""Typed events from report sentences, scored against the hand-labelled gold set."""

from datetime import date
from pathlib import Path

import pytest
import yaml

from corridor.news.evaluation import ExpectedEvent, Score, score_events
from corridor.news.events import extract_events, split_sentences

GOLD = sorted((Path(__file__).parent / "news_gold").glob("*.yaml"))


def load_gold(file: Path) -> tuple[dict, list[ExpectedEvent]]:
    case = yaml.safe_load(file.read_text(encoding="utf-8"))
    case["published"] = date.fromisoformat(str(case["published"]))
    expected = ExpectedEvent.all_of(case)
    return case, expected


def test_gold_set_is_large_and_varied():
    cases = [load_gold(f)[0] for f in GOLD]
    assert len(cases) >= 40
    assert {c["language"] for c in cases} == {"en", "ja", "ko"}
    pairs = {frozenset((e["actor"], e["target"])) for c in cases for e in c["events"]}
    assert len(pairs) >= 10  # not tuned to one country pair


def test_gold_set_precision_and_recall():
    """Strict: type, actor, target, date, happened and items must all agree with the label."""
    total = Score(0, 0, 0)
    for file in GOLD:
        case, expected = load_gold(file)
        total = total + score_events(extract_events(case["text"], case["published"]), expected)
    assert total.precision >= 0.72 and total.recall >= 0.75, total


def events_of(text: str, published: date = date(2019, 7, 1)):
    return extract_events(text, published)


def test_announced_measure_has_not_happened_and_names_its_items():
    (event,) = events_of(
        "Japan will tighten restrictions on exports to South Korea of fluorinated polyimide, "
        "resists and hydrogen fluoride from July 4, the ministry said on Monday."
    )
    assert (event.type, event.actor, event.target) == ("export_restriction_imposed", "JP", "KR")
    assert event.date == date(2019, 7, 4) and not event.happened
    assert {i["control_number"] for i in event.items} == {"1C009.b", "3C002", "1C350"}


@pytest.mark.parametrize(
    "text",
    [
        "Seoul is expected to file a WTO complaint over the curbs.",
        "South Korea hopes to file a complaint with the WTO.",
        "Washington urged Seoul to file a complaint with the WTO.",
    ],
)
def test_hoped_expected_or_urged_events_have_not_happened(text):
    (event,) = [e for e in events_of(text) if e.type == "trade_complaint_filed"]
    assert not event.happened


def test_reported_event_happened_on_its_day():
    (event,) = events_of(
        "South Korea filed a complaint with the World Trade Organization on Wednesday.", date(2019, 9, 12)
    )
    assert event.happened and event.date == date(2019, 9, 11) and event.date_precision == "day"


def test_event_without_a_date_uses_the_publication_date_and_says_so():
    (event,) = events_of("South Korea filed a complaint with the World Trade Organization.")
    assert event.date == date(2019, 7, 1)
    assert "date_from_publication" in {f["kind"] for f in event.flags}


def test_figures_travel_with_the_event_and_conversions_are_checked():
    rates = {date(2019, 9, 1): 107.54}
    (event,) = extract_events(
        "Japan's exports to South Korea fell 15.9% in September to ¥402.8 billion "
        "($4.6 billion), the ministry said.",
        date(2019, 10, 21),
        rates,
    )
    assert event.type == "trade_figure_reported"
    yen = event.figures[0]
    assert (yen.value, yen.currency, yen.change_pct, yen.period) == (402.8e9, "JPY", -15.9, "2019-09")
    (flag,) = [f for f in event.flags if f["kind"] == "conversion_mismatch"]
    assert flag["expected"] == pytest.approx(402.8e9 / 107.54, rel=1e-6)


def test_sentences_do_not_break_at_abbreviations():
    assert len(split_sentences("Talks began on Aug. 22 in the U.S. capital. They ended.")) == 2


def test_each_figure_sentence_is_its_own_report_and_detail_sentences_merge():
    events = extract_events(
        "Japan will tighten export controls on South Korea from July 4. "
        "Resists and hydrogen fluoride will need individual licences. "
        "Japan's exports to South Korea fell 8% in June. Japan's imports from South Korea fell 3% in June.",
        date(2019, 7, 1),
    )
    figures = [e for e in events if e.type == "trade_figure_reported"]
    assert len(figures) == 2
    (measure,) = [e for e in events if e.type == "export_restriction_imposed"]
    assert measure.date == date(2019, 7, 4)
    assert {i["control_number"] for i in measure.items} == {"3C002", "1C350"}
