"""The jp-kr/relations pack: loads, lints clean, cites everything, and shows on the pair timeline."""

from datetime import date

from corridor.packs.lint import lint_pack
from corridor.packs.registry import DATA, PackSet, load_pack
from corridor.packs.timeline import pair_changes

PACK = load_pack(DATA / "jp-kr" / "relations")


def test_pack_lints_clean_and_every_fact_is_sourced():
    assert lint_pack(PACK) == []
    assert all(fact.sources for fact in PACK.facts())
    assert all(rate.sources for rate in PACK.content.reference_rates)


def test_the_record_is_on_the_japan_korea_timeline():
    changes = {(c.day, c.kind, c.fact_id) for c in pair_changes(PackSet((PACK,)), "KR", "JP")}
    assert (date(2018, 10, 30), "starts", "kr-supreme-court-2018-10-30-nippon-steel") in changes
    assert (date(2019, 8, 22), "starts", "kr-nsc-2019-08-22-gsomia-termination-decision") in changes
    assert (date(2019, 11, 22), "ends", "kr-mofa-gsomia-termination-notice-pending") in changes
    assert (date(2023, 3, 23), "ends", "wto-ds590-open") in changes
    assert all(c.domain == "relations" for c in pair_changes(PackSet((PACK,)), "JP", "KR"))


def test_other_pairs_do_not_see_it():
    assert pair_changes(PackSet((PACK,)), "US", "CN") == []


def test_uncertain_facts_carry_a_note():
    notes = {fact.id: fact.note for fact in PACK.facts()}
    assert "verify" in notes["kr-jp-2023-03-30-new-industry-trade-conference"].lower()
    assert "verify" in notes["wto-ds590-withdrawn"].lower()


def test_reference_rates_cover_2019_to_2023_monthly():
    rates = PACK.content.rates()
    assert rates[date(2019, 8, 1)] == 106.1886 and rates[date(2023, 3, 1)] == 133.6643
    assert len([d for d in rates if 2019 <= d.year <= 2023]) == 60
