"""The party model: listing interval and the record the store keeps."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from corridor.screening import Identifier, Party, Schema

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1))


@given(listed=st.none() | days, length=st.none() | st.integers(1, 5000), day=days)
def test_a_party_is_listed_on_the_half_open_interval_from_listing_to_delisting(listed, length, day):
    delisted = listed + timedelta(days=length) if listed and length else None
    party = Party("un", "x", Schema.PERSON, "A", listed_on=listed, delisted_on=delisted)
    expected = (listed is None or listed <= day) and (delisted is None or day < delisted)
    assert party.is_listed_on(day) is expected


def test_a_party_survives_the_round_trip_through_its_record():
    party = Party(
        "ofac",
        "20157",
        Schema.PERSON,
        "KIM, Jong Un",
        aliases=("김정은",),
        family_names=("KIM",),
        countries=("KP",),
        identifiers=(Identifier("Passport", "123", "KP"),),
        listed_on=date(2016, 7, 6),
        delisted_on=date(2030, 1, 1),
        remarks="note",
    )
    assert Party.from_record(party.to_record()) == party


def test_names_put_the_primary_name_first_without_repeats():
    party = Party(
        "un",
        "1",
        Schema.ORGANIZATION,
        "A",
        aliases=("B", "A"),
        original_script_names=("가",),
        weak_aliases=("B",),
    )
    assert party.names() == ("A", "B", "가")
    bank = Party("un", "KPe.025", Schema.ORGANIZATION, "KOREA KWANGSON BANKING CORPORATION (KKBC)")
    assert bank.names() == ("KOREA KWANGSON BANKING CORPORATION (KKBC)", "KOREA KWANGSON BANKING CORPORATION")
