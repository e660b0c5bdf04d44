"""The gate may only skip a pattern on text where the pattern cannot match (property tests)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from corridor.news.dates import _RULES
from corridor.news.entities import _GATE as NAME_GATE
from corridor.news.gate import Gate, required_words
from corridor.news.lexicon import TRIGGER_GATE, TRIGGERS

# Words the patterns are made of, so that generated text matches them often, and filler.
VOCABULARY = [
    "Japan", "removed", "South Korea", "from", "its", "white list", "export", "curbs", "controls",
    "lifted", "licence", "approved", "Minister", "President", "Trade", "Ministry", "Samsung",
    "Electronics", "and", "Corp.", "on", "July", "1", "2019", "the", "18th", "entry", "ban", "visas",
    "수출", "규제", "화이트리스트", "배제", "12월", "3일", "輸出規制", "解除", "令和", "元年", "5月", "1日",
    "WTO", "complaint", "filed", "summit", "talks", "held", "GSOMIA", "boycott", ",", ".", "STRIKES",
]
texts = st.lists(st.sampled_from(VOCABULARY) | st.text(max_size=4), max_size=30).map(" ".join)
PATTERNS = {**TRIGGERS, **{p: p for p, _ in _RULES}}


@settings(max_examples=400, deadline=None)
@given(texts)
def test_a_pattern_that_matches_is_never_gated_out(text: str) -> None:
    open_triggers = TRIGGER_GATE.open_for(text)
    for kind, pattern in TRIGGERS.items():
        if pattern.search(text):
            assert kind in open_triggers, (kind, text)
    open_names = NAME_GATE.open_for(text)
    for pattern in NAME_GATE.keys:
        if pattern.search(text):
            assert pattern in open_names, (pattern.pattern[:40], text)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(PATTERNS, key=str)), texts)
def test_required_words_are_in_every_match(key, text: str) -> None:
    pattern = PATTERNS[key]
    words = required_words(pattern)
    for match in pattern.finditer(text):
        if words is not None:
            assert any(w in match.group(0).lower() for w in words), (pattern.pattern[:40], match.group(0))


def test_required_words_follow_the_pattern() -> None:
    assert required_words(re.compile("(?:lift|scrap)\\w* export (?:bans|curbs)", re.I)) == {" export "}
    assert required_words(re.compile("(?:Lift|scrap)\\w* (?:bans|curbs)", re.I)) == {"lift", "scrap"}
    assert required_words("white ?list") == {"white"}
    assert required_words("\\d+ days?") == {" day"}
    assert required_words("[月월]\\s*\\d") == {"月", "월"}
    assert required_words("\\w+|export") is None  # one branch can match anything


def test_an_unanchored_pattern_always_runs_and_others_only_when_their_word_is_there() -> None:
    gate = Gate({"any": "\\d{4}", "ban": re.compile("export ban", re.I)})
    assert gate.open_for("nothing here") == {"any"}
    assert gate.open_for("An EXPORT BAN.") == {"any", "ban"}
