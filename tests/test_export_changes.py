"""`pair_timeline`: the dated changes between two countries, narrowed to one item on request."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from small_packs import write_pack

from corridor.export import UnknownControlNumber
from corridor.export.changes import change_row, pair_timeline
from corridor.packs.registry import load_packs

MEASURE = ("id: resists-to-korea\nsummary: resists leave bulk licences\ndestinations: [KR]\nitems: [3C002]\n"
           "closes: [individual]\nfrom: 2020-03-01\nto: 2020-09-01\nsources: [law]\n")
GROUPS = """\
- {id: a, summary: Korea in A, group: A, countries: [KR], from: 2020-01-01, to: 2020-06-01, sources: [law]}
- {id: b, summary: Korea in B, group: B, countries: [KR], from: 2020-06-01, sources: [law]}
- {id: c, summary: rest, group: C, rest: true, from: 2020-01-01, sources: [law]}
"""


@pytest.fixture
def packs(tmp_path: Path):
    write_pack(tmp_path, "jp", country_groups_yaml=GROUPS, measures_resists_yaml=MEASURE)
    write_pack(tmp_path, "us")
    return load_packs(tmp_path)


def test_changes_between_two_countries_in_date_order(packs) -> None:
    rows = [(c.day, c.kind, c.fact_id) for c in pair_timeline("JP", "KR", packs=packs)]
    assert rows == [(date(2020, 3, 1), "starts", "resists-to-korea"), (date(2020, 6, 1), "ends", "a"),
                    (date(2020, 6, 1), "starts", "b"), (date(2020, 9, 1), "ends", "resists-to-korea")]


def test_an_item_keeps_group_changes_and_only_its_own_measures(packs) -> None:
    assert {c.fact_id for c in pair_timeline("JP", "KR", item="not-listed", packs=packs)} == {"a", "b"}
    assert {c.fact_id for c in pair_timeline("JP", "KR", item="3c002", packs=packs)} == {
        "a", "b", "resists-to-korea"}


def test_since_and_until_bound_the_days(packs) -> None:
    days = {c.day for c in pair_timeline("JP", "KR", since=date(2020, 4, 1), until=date(2020, 6, 1),
                                         packs=packs)}
    assert days == {date(2020, 6, 1)}


def test_bad_item_and_unknown_exporter_pack_are_bad_input(packs) -> None:
    with pytest.raises(UnknownControlNumber, match="'3C0'"):
        pair_timeline("JP", "KR", item="3C0", packs=packs)
    with pytest.raises(ValueError, match="from: corridor has no export pack for KR"):
        pair_timeline("KR", "JP", item="3C002", packs=packs)


def test_a_row_is_plain_json_ready_data(packs) -> None:
    row = change_row(pair_timeline("JP", "KR", packs=packs)[0])
    assert row == {"day": "2020-03-01", "domain": "export", "jurisdiction": "JP", "change": "starts",
                   "id": "resists-to-korea", "summary": "resists leave bulk licences",
                   "sources": ["Test issuer: Test law"], "note": None}
