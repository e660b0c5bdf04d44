"""The jp/entry and kr/entry packs: they load, lint clean, cite, admit doubt, and reach the timeline."""

from __future__ import annotations

from datetime import date

import pytest

from corridor.packs import load_packs
from corridor.packs.lint import lint_pack
from corridor.packs.schema.entry import Condition, EntryRule, EntryRules
from corridor.packs.timeline import pair_changes

PACKS = load_packs()
ENTRY = [PACKS.get("JP", "entry"), PACKS.get("KR", "entry")]


@pytest.mark.parametrize("pack", ENTRY, ids=lambda p: p.key)
def test_pack_lints_clean_and_covers_2018_to_today(pack) -> None:
    assert [str(f) for f in lint_pack(pack) if f.level == "error"] == []
    assert pack.meta.covers_from == date(2018, 1, 1) and pack.meta.covers_to is None
    assert pack.meta.coverage.contains(date.today())
    assert all(fact.sources for fact in pack.facts())


def test_uncertain_dates_say_so() -> None:
    rules = {r.id: r for r in ENTRY[0].content.rules}
    assert "2020-02-26" in rules["jp-landing-denial-daegu-cheongdo"].note
    assert "not in our sources" in rules["jp-landing-denial-korea"].note
    assert rules["jp-quarantine-request-2022"].requirements[0].quarantine.days is None


def test_every_named_county_has_a_parent_province() -> None:
    places = {p.name: p.parent for p in ENTRY[0].content.places}
    assert places["Cheongdo-gun"] == "KR-47" and places["Gunwi-gun"] == "KR-47"
    assert len(places) == 8


def test_lint_catches_unknown_places_and_dangling_lifts() -> None:
    rule = EntryRule.model_validate({
        "id": "x", "summary": "s", "from": "2020-01-01", "effect": "admit", "lifts": ["nowhere"],
        "when": Condition(stayed_in=["KR-47:Atlantis"]).model_dump(exclude_none=True),
        "sources": [{"issuer": "i", "title": "t"}],
    })
    messages = [m for _, _, m in EntryRules(rules=[rule]).lint()]
    assert "lifts unknown rule 'nowhere'" in messages
    assert "stayed_in names unknown place 'KR-47:Atlantis'" in messages


def test_kr_jp_timeline_shows_entry_changes_of_both_sides() -> None:
    changes = [c for c in pair_changes(load_packs(), "KR", "JP") if c.domain == "entry"]
    seen = {(c.day, c.jurisdiction, c.fact_id, c.kind) for c in changes}
    assert (date(2020, 4, 3), "JP", "jp-landing-denial-korea", "starts") in seen
    assert (date(2020, 10, 8), "JP", "jp-business-track", "starts") in seen
    assert (date(2021, 1, 14), "JP", "jp-business-track", "ends") in seen
    assert (date(2020, 3, 9), "KR", "kr-visa-waiver-suspended-japan", "starts") in seen
    assert (date(2022, 11, 1), "KR", "kr-visa-waiver-japan-2022", "starts") in seen


def test_facts_about_japanese_nationals_only_stay_off_the_korea_pair() -> None:
    nationals = next(r for r in ENTRY[1].content.rules if r.id == "kr-pre-departure-test-nationals")
    assert not nationals.mentions("JP")
    denial = next(r for r in ENTRY[0].content.rules if r.id == "jp-landing-denial-korea")
    assert denial.mentions("KR") and not denial.mentions("US")
