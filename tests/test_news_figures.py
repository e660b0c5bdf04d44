"""Figure checks: conversions against the cited monthly rate, changes, shares."""

from datetime import date

import pytest

from corridor.news.figures import check_conversions, check_percentages, find_figures

AUGUST_2019 = date(2019, 8, 1)
RATES = {AUGUST_2019: 106.1886}  # JPY per USD, Federal Reserve G.5


def flags(sentence: str) -> list[dict]:
    figures = find_figures(sentence)
    found = check_conversions(sentence, figures, RATES, AUGUST_2019) + check_percentages(sentence, figures)
    return [f.as_json() for f in found]


def test_amounts_are_read_in_base_units_with_currency_and_change():
    figures = find_figures(
        "Imports fell 45% to $4.3 million, or about 457 million yen, and 1,398 units were sold."
    )
    assert [(f.value, f.unit, f.change_pct) for f in figures] == [
        (4.3e6, "USD", -45.0),
        (457e6, "JPY", None),
        (1398.0, "units", None),
    ]


def test_korean_and_japanese_amounts():
    (won,) = find_figures("수출은 4억 달러로 12% 감소했다.")
    assert (won.value, won.currency, won.change_pct) == (4e8, "USD", -12.0)
    (yen,) = find_figures("輸出額は4028億円だった。")
    assert (yen.value, yen.currency) == (4028e8, "JPY")


def test_conversion_within_ten_percent_passes():
    assert flags("Sales reached ¥10.6 billion ($100 million) in August.") == []


def test_conversion_off_by_more_than_ten_percent_is_flagged_with_the_expected_value():
    (flag,) = flags("Sales reached ¥10.6 billion ($120 million) in August.")
    assert flag["kind"] == "conversion_mismatch"
    assert flag["expected"] == pytest.approx(10.6e9 / 106.1886, rel=1e-6)
    assert flag["rate"] == 106.1886 and flag["rate_month"] == "2019-08"


def test_missing_reference_month_is_said_not_guessed():
    figures = find_figures("Sales reached ¥10.6 billion ($120 million).")
    (flag,) = check_conversions("", figures, RATES, date(2015, 1, 1))
    assert flag.kind == "no_reference_rate"


def test_change_that_contradicts_its_amounts_is_flagged():
    assert flags("Beer imports were $223,000, down 97% from $7.57 million a year earlier.") == []
    (flag,) = flags("Beer imports were $223,000, down 80% from $7.57 million a year earlier.")
    assert flag["kind"] == "change_mismatch" and flag["computed_pct"] == pytest.approx(-97.1)


def test_shares_above_one_hundred_percent_are_flagged():
    (flag,) = flags("Samsung, SK and LG accounted for 50%, 40% and 30% of the total, respectively.")
    assert flag["kind"] == "shares_exceed_total" and flag["sum_pct"] == 120
    assert flags("Samsung and SK accounted for 50% and 40% of the total, respectively.") == []
