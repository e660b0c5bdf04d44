"""The entry engine's own logic: places, test windows, input checks, and dates as a property."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corridor.entry import EntryInputError, PlaceStayed, TestTaken, Traveller, Trip, assess
from corridor.entry.places import PlaceRef, resolve_place
from corridor.packs import PackSet, load_packs
from corridor.packs.schema.entry import EntryRule, EntryRules

LOCALITIES = load_packs().get("JP", "entry").content.places


def trip(day: str, origin: str = "KR", destination: str = "JP") -> Trip:
    return Trip(origin=origin, destination=destination, departure=f"{day}T09:00", arrival=f"{day}T11:30")


@pytest.mark.parametrize("typed", ["Daegu", "KR-27", "daegu-gwangyeoksi", "DAEGU"])
def test_daegu_is_the_iso_subdivision_however_typed(typed: str) -> None:
    assert resolve_place("KR", typed, LOCALITIES) == PlaceRef("KR", "KR-27")


@pytest.mark.parametrize("typed", ["Cheongdo-gun", "Cheongdo", "청도군", "KR-47:Cheongdo-gun"])
def test_cheongdo_is_a_county_of_north_gyeongsang(typed: str) -> None:
    place = resolve_place("KR", typed, LOCALITIES)
    assert place == PlaceRef("KR", "KR-47", "KR-47:Cheongdo-gun")
    assert place.within("KR-47") and place.within("KR") and not place.within("KR-27")


def test_unknown_region_names_the_value_and_nearest_places() -> None:
    with pytest.raises(EntryInputError) as error:
        resolve_place("KR", "Gyeongsann", LOCALITIES)
    assert error.value.field == "stayed"
    assert "KR:Gyeongsann" in str(error.value) and "Gyeongsan-si" in str(error.value)


def test_a_region_stay_in_a_third_country_counts_for_the_korea_designation() -> None:
    """A Korean who flies Taipei → Tokyo after a week in Daegu is still denied in May 2020."""
    taipei = Trip(origin="TW", destination="JP", departure="2020-05-10T09:00", arrival="2020-05-10T13:00",
                  stayed=[PlaceStayed(country="KR", region="Daegu", last_day=date(2020, 5, 3))])
    answer = assess(Traveller(nationality="KR", purpose="tourism"), taipei)
    assert answer.verdict == "denied"
    assert [r.id for r in answer.rules if r.applied and r.effect == "deny"] == ["jp-landing-denial-korea"]


@pytest.mark.parametrize(("hours_before", "status"), [(72, "met"), (72.02, "missing"), (0, "met")])
def test_pre_departure_window_is_72_hours_inclusive(hours_before: float, status: str) -> None:
    departure = datetime(2021, 1, 14, 9, 0)
    taken = departure - timedelta(hours=hours_before)
    traveller = Traveller(nationality="JP", purpose="tourism", tests=[TestTaken(type="LAMP", taken_at=taken)])
    answer = assess(traveller, trip("2021-01-14"))
    (test,) = [r for r in answer.requirements if r.category == "test"]
    assert test.status == status


def test_korea_accepts_only_pcr_before_departure() -> None:
    antigen = TestTaken(type="antigen", taken_at=datetime(2021, 3, 1, 8, 0))
    answer = assess(Traveller(nationality="KR", purpose="tourism", tests=[antigen]),
                    trip("2021-03-01", "JP", "KR"))
    (test,) = [r for r in answer.requirements if r.category == "test"]
    assert test.status == "missing" and "PCR" in test.status_reason


def test_arrival_before_departure_is_refused() -> None:
    bad = Trip(origin="KR", destination="JP", departure="2020-10-20T12:00", arrival="2020-10-20T10:00")
    with pytest.raises(EntryInputError, match="arrival"):
        assess(Traveller(nationality="KR", purpose="business"), bad)


def test_a_test_after_arrival_is_refused() -> None:
    late = TestTaken(type="PCR", taken_at=datetime(2020, 10, 21, 9, 0))
    with pytest.raises(EntryInputError) as error:
        assess(Traveller(nationality="KR", purpose="business", tests=[late]), trip("2020-10-20"))
    assert error.value.field == "tests"


def test_a_passport_without_visa_rule_is_not_covered_rather_than_allowed() -> None:
    answer = assess(Traveller(nationality="NG", purpose="tourism"), trip("2023-05-02"))
    assert answer.verdict == "not_covered"
    assert "no visa rule for NG nationals" in answer.notes[0] and "US" in answer.notes[0]


def test_a_passport_without_visa_rule_is_still_denied_by_a_ban_on_every_foreigner() -> None:
    answer = assess(Traveller(nationality="NG", purpose="tourism"), trip("2021-03-02"))
    assert answer.verdict == "denied" and "jp-new-entry-halt" in answer.explanation


def test_destination_without_entry_pack_is_not_covered() -> None:
    answer = assess(Traveller(nationality="KR", purpose="tourism"),
                    trip("2020-10-20", "KR", "CN"))
    assert answer.verdict == "not_covered" and "no entry pack for CN" in answer.notes[0]


COVERAGE_FROM = date(2018, 1, 1)


@settings(max_examples=60, deadline=None)
@given(day=st.dates(min_value=date(2017, 6, 1), max_value=date(2027, 6, 1)),
       nationality=st.sampled_from(["KR", "JP", "US", "DE", "CN"]), to=st.sampled_from(["JP", "KR"]))
def test_every_day_answers_from_rules_in_force_that_day(day: date, nationality: str, to: str) -> None:
    origin = "KR" if to == "JP" else "JP"
    answer = assess(Traveller(nationality=nationality, purpose="business"), trip(day.isoformat(), origin, to))
    inside = day >= COVERAGE_FROM
    assert (answer.verdict == "not_covered") is not inside
    for rule in answer.rules:
        assert rule.valid_from <= day and (rule.valid_to is None or day < rule.valid_to)
    for requirement in answer.requirements:
        assert requirement.start_date <= day and (requirement.end_date is None or day < requirement.end_date)


def test_a_status_without_its_country_is_refused() -> None:
    resident = Traveller(nationality="KR", purpose="tourism", residence_status="permanent_resident")
    with pytest.raises(EntryInputError) as error:
        assess(resident, trip("2020-05-01"))
    assert error.value.field == "residence_country"


def test_a_rule_that_denies_unless_exempt_leaves_only_special_permission() -> None:
    """Effect `deny_unless_exempt` (refused in principle) is its own verdict, not a plain denial."""
    jp = load_packs().get("JP", "entry")
    halt = EntryRule.model_validate({
        "id": "halt", "summary": "New entry refused save special circumstances", "from": "2020-02-01",
        "effect": "deny_unless_exempt", "sources": [{"issuer": "test", "title": "test"}],
    })
    packs = PackSet((replace(jp, content=EntryRules(rules=[halt])),))
    answer = assess(Traveller(nationality="KR", purpose="tourism"), trip("2020-02-10"), packs)
    assert answer.verdict == "denied_unless_exempt"
    assert answer.explanation.startswith("denied_unless_exempt: halt")


KETA_FROM = {"US": date(2021, 9, 1), "DE": date(2021, 9, 1), "IE": date(2021, 9, 1), "JP": date(2022, 8, 4)}


@settings(max_examples=80, deadline=None)
@given(nationality=st.sampled_from(sorted(KETA_FROM)), offset=st.integers(0, 2400))
def test_a_visa_free_tourist_to_korea_is_either_keta_exempt_or_needs_one_never_both(nationality: str,
                                                                                    offset: int) -> None:
    """The K-ETA rules and their temporary waivers tile time without gap or overlap."""
    day = KETA_FROM[nationality] + timedelta(days=offset)
    tourist = Traveller(nationality=nationality, purpose="tourism")
    answer = assess(tourist, trip(day.isoformat(), nationality, "KR"))
    needs = [r for r in answer.requirements if r.document_type == "ETA"]
    exempt = [r.id for r in answer.rules if r.applied and "keta-exemption" in r.id]
    assert len(needs) + len(exempt) == 1, (day, [r.rule for r in needs], exempt)
    assert answer.on == day and answer.stay_days == 90


@settings(max_examples=60, deadline=None)
@given(day=st.dates(min_value=date(2018, 1, 1), max_value=date(2027, 6, 1)),
       nationality=st.sampled_from(["KR", "US", "DE", "CN"]))
def test_japan_has_exactly_one_visa_answer_for_a_short_stay_every_day(day: date, nationality: str) -> None:
    """A tourist is either visa-free (an `allow` rule) or needs a visa, never both and never neither."""
    tourist = Traveller(nationality=nationality, purpose="tourism")
    answer = assess(tourist, trip(day.isoformat(), nationality, "JP"))
    waivers = [r.id for r in answer.rules if r.applied and r.effect == "allow"]
    visas = {r.rule for r in answer.requirements if r.category == "visa"}
    visa_rules = {r.id for r in answer.rules if r.applied and r.effect == "require"} & {
        r.id for r in answer.rules if "visa" in r.id}
    assert len(waivers) + len(visas | visa_rules) == 1, (day, waivers, visas, visa_rules)
