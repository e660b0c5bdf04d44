"""The determination engine beyond the legal scenarios: bad input, caching, custom packs, and the
compiled regimes agreeing with the facts they were compiled from."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from small_packs import write_pack

from corridor.export import Shipment, UnknownControlNumber, UnknownCountry, determine
from corridor.export.regime import compile_pack
from corridor.packs.registry import PackSet, load_pack, load_packs

JP_PACK = load_packs().get("JP", "export")


def shipment(**changed) -> Shipment:
    fields = dict(exporter_country="JP", destination="KR", item="3C002", on=date(2019, 8, 19))
    return Shipment(**(fields | changed))


def test_an_unknown_destination_names_the_field_value_and_nearest_codes() -> None:
    with pytest.raises(UnknownCountry) as raised:
        determine(shipment(destination="Korea"))
    assert raised.value.field == "destination" and "'Korea'" in str(raised.value)
    assert "KR" in [code for code, _ in raised.value.nearest]


def test_an_unknown_exporter_is_refused_before_coverage_is_asked() -> None:
    with pytest.raises(UnknownCountry, match="exporter_country: unknown country code 'JX'"):
        determine(shipment(exporter_country="JX"))


def test_a_number_on_no_list_names_the_nearest_entries_of_the_whole_list() -> None:
    with pytest.raises(UnknownControlNumber) as raised:
        determine(shipment(item="5A0022"))
    assert raised.value.field == "item" and "5A002" in raised.value.nearest
    assert "item: unknown control number '5A0022'" in str(raised.value)


def test_a_typo_in_a_control_number_suggests_the_right_entry() -> None:
    with pytest.raises(UnknownControlNumber) as raised:
        determine(shipment(item="3C02"))
    assert "3C002" in raised.value.nearest[:3]


def test_case_and_aliases_reach_the_same_entry() -> None:
    answers = [determine(shipment(item=item)) for item in ("3C002", " 3c002 ", "resists")]
    assert {a.item_reference for a in answers} == {
        "Appended Table 1 row 7(19); Goods Ordinance Art. 6 No. 19 (第6条第19号)"}
    assert all(a.licence_types.open == ["individual"] for a in answers)


def test_exporting_to_oneself_is_bad_input() -> None:
    with pytest.raises(ValueError, match="destination: 'JP' is the exporting country"):
        determine(shipment(destination="jp"))


def test_each_answer_carries_its_own_shipment_even_from_the_memo() -> None:
    first, second = shipment(on=date(2019, 8, 19)), shipment(on=date(2019, 8, 20), exporter_has_icp=True)
    assert determine(first).shipment == first
    assert determine(second).shipment == second
    assert "2019-08-19" not in determine(second).explanation


def test_the_determination_names_the_pack_version_it_rests_on() -> None:
    assert determine(shipment()).pack_version == JP_PACK.version


def test_the_json_contract_fields_are_present() -> None:
    answer = determine(shipment()).model_dump(mode="json")
    assert {"outcome", "destination_group", "licence_types", "review_days", "catch_all", "rules",
            "sources", "pack_version"} <= set(answer)
    assert set(answer["licence_types"]) == {"open", "closed"}
    assert {"id", "reason"} <= set(answer["licence_types"]["closed"][0])
    assert {"id", "effect", "source"} <= set(answer["rules"][0])


def test_determine_uses_the_packs_it_is_given(tmp_path: Path) -> None:
    packs = PackSet((load_pack(write_pack(tmp_path)),))
    answer = determine(shipment(destination="US", on=date(2020, 5, 1)), packs)
    assert (answer.outcome, answer.destination_group, answer.licence_types.open) == (
        "licence_required", "A", ["individual"])
    assert determine(shipment(on=date(2021, 1, 1)), packs).outcome == "not_covered"
    assert determine(shipment(exporter_country="KR", destination="JP", on=date(2020, 5, 1)),
                     packs).outcome == "not_covered"


COMPILED = compile_pack(JP_PACK)
COVERAGE = JP_PACK.meta.coverage
DAYS = st.integers(-400, (COVERAGE.end - COVERAGE.start).days + 400).map(
    lambda n: COVERAGE.start + timedelta(days=n))


@settings(max_examples=200, deadline=None)
@given(DAYS)
def test_the_regime_of_a_day_holds_exactly_the_facts_in_force_that_day(day: date) -> None:
    regime = COMPILED.on(day)
    if not COVERAGE.contains(day):
        assert regime is None
        return
    rules = JP_PACK.content
    in_force = {f.id for f in rules.country_groups + rules.measures + rules.licence_types if f.in_force(day)}
    compiled = ({g.id for g in regime.groups.values()} | {regime.rest.id}
                | {m.id for ms in regime.measures.values() for m in ms}
                | {t.id for t in regime.licence_types})
    assert compiled == in_force
    assert regime.days.contains(day)


@settings(max_examples=100, deadline=None)
@given(DAYS, st.sampled_from(["KR", "US", "CN", "IR", "EE"]), st.sampled_from(["3C002", "HF", "not-listed"]),
       st.sampled_from(["civil", "military"]))
def test_memoised_answers_equal_answers_from_a_fresh_compilation(day: date, to: str, item: str,
                                                                 end_use: str) -> None:
    asked = shipment(destination=to, on=day, item=item, end_use=end_use)
    for earlier in (day - timedelta(days=1), day + timedelta(days=1)):  # fill the memo around the day
        determine(shipment(destination=to, on=earlier, item=item, end_use=end_use))
    fresh = PackSet(load_packs().packs)
    assert determine(asked).model_dump() == determine(asked, fresh).model_dump()
