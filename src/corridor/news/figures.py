"""Figures a report states — amounts, counts, changes in per cent — and the checks that catch
the ones that cannot all be true.

Reports convert yen to dollars at whatever rate the writer had to hand, and misprint changes
("fell 97% to $223,000 from $7.57 million" must be about −97 %). A figure given in two
currencies is checked against the cited monthly reference rate of its period; a change is
checked against the two amounts it compares; shares of one whole must not exceed 100 %.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

SCALE = {
    "trillion": 1e12,
    "tn": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    "k": 1e3,
    "조": 1e12,
    "억": 1e8,
    "만": 1e4,
    "兆": 1e12,
    "億": 1e8,
    "万": 1e4,
}
SYMBOLS = {"US$": "USD", "$": "USD", "¥": "JPY", "₩": "KRW", "€": "EUR", "£": "GBP", "元": "CNY"}
WORDS = {
    "yen": "JPY",
    "won": "KRW",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "yuan": "CNY",
    "pounds": "GBP",
    "원": "KRW",
    "달러": "USD",
    "엔": "JPY",
    "円": "JPY",
    "ドル": "USD",
    "ウォン": "KRW",
}
COUNT_UNITS = (
    r"units|vehicles|cars|people|participants|visitors|travell?ers|companies|firms|items|tourists|tons|tonnes"
)

_NUMBER = r"(?P<value>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?P<scale>trillion|billion|million|thousand|bn|tn|mn|m|k|조|억|만|兆|億|万)(?![a-z]))?"
MONEY_BEFORE = re.compile(r"(?P<sym>US\$|\$|¥|₩|€|£)\s?" + _NUMBER + _SCALE, re.IGNORECASE)
MONEY_AFTER = re.compile(
    _NUMBER + _SCALE + r"\s*(?P<word>yen|won|dollars?|euros?|yuan|pounds|원|달러|엔|円|ドル|ウォン)",
    re.IGNORECASE,
)
COUNT = re.compile(_NUMBER + r"\s+(?P<unit>" + COUNT_UNITS + r")\b", re.IGNORECASE)
PERCENT = re.compile(
    r"(?P<sign>[-−–+])?" + r"(?P<value>\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b|퍼센트|％)"
)
DOWN = re.compile(
    r"(fell|fall|falls|down|drop|dropp|declin|plung|slump|decreas|lower|shrank|shrink|slid|"
    r"tumbl|sank|dive|감소|줄|하락|減|落)",
    re.IGNORECASE,
)
UP = re.compile(
    r"(rose|rise|up\b|increas|jump|gain|higher|surg|grow|grew|climb|soar|증가|늘|상승|増|伸)", re.IGNORECASE
)
SHARES = re.compile(
    r"\b(account(?:ed|s)? for|share|respectively|of the total|of all)\b|비중|차지|割合|占め", re.IGNORECASE
)


@dataclass(frozen=True)
class Figure:
    """A stated quantity. `value` is in base units (yen, not billions of yen)."""

    value: float
    unit: str
    text: str
    start: int
    currency: str | None = None
    change_pct: float | None = None
    period: str | None = None

    def as_json(self) -> dict:
        return {
            "value": self.value,
            "unit": self.unit,
            "currency": self.currency,
            "change_pct": self.change_pct,
            "period": self.period,
            "text": self.text,
        }


@dataclass(frozen=True)
class FigureFlag:
    kind: str
    message: str
    details: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"kind": self.kind, "message": self.message, **self.details}


def _amount(match: re.Match[str]) -> float:
    scale = (match.groupdict().get("scale") or "").lower()
    return float(match.group("value").replace(",", "")) * SCALE.get(scale, 1)


def find_figures(sentence: str, period: str | None = None) -> list[Figure]:
    """Amounts, counts and percentages in `sentence`; a change in per cent attaches to the
    amount it follows (or stands alone as a figure in per cent)."""
    figures: list[Figure] = []
    for match in MONEY_BEFORE.finditer(sentence):
        currency = SYMBOLS[match.group("sym").upper()]
        figures.append(
            Figure(_amount(match), currency, match.group(0), match.start(), currency, period=period)
        )
    for match in MONEY_AFTER.finditer(sentence):
        if any(f.start <= match.start() < f.start + len(f.text) for f in figures):
            continue
        word = match.group("word").lower()
        currency = WORDS.get(word) or WORDS[word.rstrip("s")]
        figures.append(
            Figure(_amount(match), currency, match.group(0), match.start(), currency, period=period)
        )
    for match in COUNT.finditer(sentence):
        figures.append(
            Figure(_amount(match), match.group("unit").lower(), match.group(0), match.start(), period=period)
        )
    figures.sort(key=lambda f: f.start)
    return _attach_changes(sentence, figures, period)


def _attach_changes(sentence: str, figures: list[Figure], period: str | None) -> list[Figure]:
    result = list(figures)
    for match in PERCENT.finditer(sentence):
        change = _signed(sentence, match)
        before = [
            i
            for i, f in enumerate(result)
            if f.start < match.start() and f.change_pct is None and match.start() - f.start < 80
        ]
        after = [
            i
            for i, f in enumerate(result)
            if f.start > match.start() and f.change_pct is None and f.start - match.start() < 40
        ]
        target = (before or after or [None])[-1 if before else 0]
        if target is None:
            result.append(
                Figure(change, "percent", match.group(0), match.start(), change_pct=change, period=period)
            )
        else:
            result[target] = replace(result[target], change_pct=change)
    return sorted(result, key=lambda f: f.start)


def _signed(sentence: str, match: re.Match[str]) -> float:
    value = float(match.group("value"))
    if match.group("sign") in {"-", "−", "–"}:
        return -value
    context = sentence[max(0, match.start() - 40) : match.end() + 15]
    downs = [m.start() for m in DOWN.finditer(context)]
    ups = [m.start() for m in UP.finditer(context)]
    nearest_down = min((abs(d - 40) for d in downs), default=999)
    nearest_up = min((abs(u - 40) for u in ups), default=999)
    return -value if nearest_down < nearest_up else value


def check_conversions(
    sentence: str,
    figures: list[Figure],
    rates: dict[date, float],
    month: date | None,
    tolerance: float = 0.10,
) -> list[FigureFlag]:
    """Yen with a dollar equivalent beside it ("¥402.8 billion ($3.7 billion)"): flag when the
    stated dollars differ from yen ÷ the month's JPY-per-USD rate by more than `tolerance`."""
    flags: list[FigureFlag] = []
    money = [f for f in figures if f.currency in {"JPY", "USD"}]
    for first, second in zip(money, money[1:], strict=False):
        if {first.currency, second.currency} != {"JPY", "USD"}:
            continue
        if second.start - (first.start + len(first.text)) > 25:
            continue
        yen, dollars = (first, second) if first.currency == "JPY" else (second, first)
        rate = rates.get(month) if month else None
        if rate is None:
            flags.append(
                FigureFlag(
                    "no_reference_rate",
                    f"no JPY/USD reference rate for "
                    f"{month.strftime('%Y-%m') if month else 'an unknown month'}; "
                    f"conversion of {yen.text} not checked",
                )
            )
            continue
        expected = yen.value / rate
        gap = abs(dollars.value - expected) / expected
        if gap > tolerance:
            flags.append(
                FigureFlag(
                    "conversion_mismatch",
                    f"{yen.text} is about ${expected:,.0f} at {rate} JPY/USD ({month:%Y-%m}), "
                    f"not {dollars.text} ({gap:.0%} apart)",
                    {
                        "stated": dollars.value,
                        "expected": round(expected, 2),
                        "rate": rate,
                        "rate_month": month.strftime("%Y-%m"),
                        "gap_pct": round(gap * 100, 1),
                    },
                )
            )
    return flags


def check_percentages(
    sentence: str, figures: list[Figure], tolerance_points: float = 1.5
) -> list[FigureFlag]:
    """A change between two stated amounts must match its per cent; shares must not pass 100 %."""
    flags: list[FigureFlag] = []
    amounts = [f for f in figures if f.currency]
    for figure in amounts:
        if figure.change_pct is None:
            continue
        base = _compared_amount(sentence, figure, amounts)
        if base is None:
            continue
        actual = (figure.value - base.value) / base.value * 100
        if abs(actual - figure.change_pct) > tolerance_points:
            flags.append(
                FigureFlag(
                    "change_mismatch",
                    f"{figure.text} against {base.text} is a change of {actual:+.1f}%, "
                    f"not {figure.change_pct:+g}%",
                    {"stated_pct": figure.change_pct, "computed_pct": round(actual, 1)},
                )
            )
    shares = [f.change_pct for f in figures if f.unit == "percent" and f.change_pct is not None]
    if len(shares) >= 2 and SHARES.search(sentence) and sum(abs(s) for s in shares) > 100 + tolerance_points:
        total = sum(abs(s) for s in shares)
        flags.append(
            FigureFlag(
                "shares_exceed_total", f"shares add up to {total:g}%, more than 100%", {"sum_pct": total}
            )
        )
    return flags


def _compared_amount(sentence: str, figure: Figure, amounts: list[Figure]) -> Figure | None:
    """The amount a change is measured against: "… to $223,000 from $7.57 million", "… against …"."""
    for other in amounts:
        if other is figure or other.currency != figure.currency:
            continue
        between = sentence[min(figure.start, other.start) : max(figure.start, other.start)]
        lead = sentence[max(0, other.start - 20) : other.start].lower()
        if (
            re.search(r"\b(from|against|compared with|versus|vs\.?)\s*(a year earlier\s*)?$", lead)
            and len(between) < 120
        ):
            return other
    return None
