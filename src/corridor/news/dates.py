"""Date expressions in news text, resolved against the day the text was published.

Reports rarely print full dates: "on Tuesday", "late last month", "an eight-month-old ban",
"10月8日から", "오는 12일". Each is resolved against the publication date and keeps its
precision (a month stays a month). The tense of the sentence decides which way a date
without a year or week points: an announcement ("will take effect on Aug. 28", "12일부터")
names a future day and is never moved into the past; a report ("said on Tuesday") names a
past one. dateparser misses Japanese eras and Korean day-only forms and, with
`PREFER_DATES_FROM='past'`, moves announced dates a year back, so the rules are our own.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from corridor.news.gate import Gate

Precision = Literal["day", "week", "month", "year"]
Tense = Literal["past", "future"] | None

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": 3,
    "a few": 3,
}
ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}  # era year 1 = base + 1

# Capitalised only: "may" and "march" are also verbs.
_MONTH = r"(?P<month>" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_NUM = r"(?P<n>\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>day|week|month|year)s?"

FUTURE_CUES = re.compile(
    r"\b(will|shall|is to|are to|to take effect|takes? effect|effective|starting|as of|"
    r"scheduled|set to|plans?|planned|expected|due|next|coming|upcoming|until)\b"
    r"|부터|예정|오는|방침|から|予定|方針|以降",
    re.IGNORECASE,
)
PAST_CUES = re.compile(
    r"\b(said|says|announced|told|was|were|had|held|ago|last|earlier|previous|since|met|"
    r"decided|ruled|filed|took effect|came into effect|reported|released|approved|agreed|removed|imposed|"
    r"lifted|banned|suspended|withdrew|signed|ordered|granted|denied|urged|asked|showed|began|started|"
    r"launched|opened)\b|지난|했다|밝혔다|した|された",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    """A resolved date expression: the first day of the period it names, and how precise it is."""

    text: str
    start: int
    day: date
    precision: Precision


def sentence_tense(sentence: str) -> Tense:
    """Future when the sentence announces ("will", "effective", "부터", "から"); otherwise past,
    since a report without such a cue tells what has happened."""
    future = len(FUTURE_CUES.findall(sentence))
    past = len(PAST_CUES.findall(sentence))
    return "future" if future and future >= past else "past"


def local_tense(sentence: str, start: int, end: int) -> Tense:
    """The verb right beside a date decides first: "said on Tuesday", "on Friday approved" look
    back; "starting Friday", "will meet on Monday" look ahead."""
    before = sentence[max(0, start - 30) : start]
    after = sentence[end : end + 20]
    if re.search(
        r"\b(?:will|would|starting|from|beginning|until|effective|due|scheduled for)\s+(?:on\s+)?$",
        before,
        re.IGNORECASE,
    ):
        return "future"
    if re.search(
        r"\b(?:said|says|announced|told|reported|confirmed|added|stated|released|published|showed)\s*$",
        before,
        re.IGNORECASE,
    ):
        return "past"
    if re.match(
        r"[,\s]*(?:\w+ed|said|told|met|held|began|took|made|withdrew|signed|\w+ed)\b", after
    ) and not re.match(r"[,\s]*(?:will|would|to)\b", after):
        return "past"
    return None


def find_dates(sentence: str, published: date, tense: Tense | None = None) -> list[DateMention]:
    """Every date expression in `sentence`, resolved against `published`, in text order.

    Overlapping matches keep the longest (so "June 12, 2021" is not also read as "June 12").
    """
    tense = tense if tense is not None else sentence_tense(sentence)
    found: list[DateMention] = []
    worth_running = _RULE_GATE.open_for(sentence)
    for pattern, resolve in _RULES:
        if pattern not in worth_running:
            continue
        for match in pattern.finditer(sentence):
            mention = resolve(match, published, local_tense(sentence, match.start(), match.end()) or tense)
            if mention is not None:
                found.append(DateMention(match.group(0).strip(), match.start(), *mention))
    return _longest_first(found)


def _longest_first(found: list[DateMention]) -> list[DateMention]:
    kept: list[DateMention] = []
    for mention in sorted(found, key=lambda m: (-len(m.text), m.start)):
        end = mention.start + len(mention.text)
        if all(end <= k.start or mention.start >= k.start + len(k.text) for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def add_months(day: date, months: int) -> date:
    """Same day `months` later (or earlier), clipped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _number(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text.lower()]


def _safe(year: int, month: int, day: int = 1) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _pick_year(month: int, day: int, published: date, tense: Tense) -> date | None:
    """The year of a month-day with none printed: next occurrence for announcements, the last
    one for reports, the nearest otherwise."""
    candidates = [
        d for y in (published.year - 1, published.year, published.year + 1) if (d := _safe(y, month, day))
    ]
    return _by_tense(candidates, published, tense)


def _by_tense(candidates: list[date], published: date, tense: Tense) -> date | None:
    """An announcement looks ahead, a report looks back, anything else takes the nearest day."""
    if tense == "future":
        ahead = [d for d in candidates if d >= published]
        return min(ahead) if ahead else None
    if tense == "past":
        behind = [d for d in candidates if d <= published]
        return max(behind) if behind else None
    return min(candidates, key=lambda d: abs((d - published).days)) if candidates else None


def _pick_month(day: int, published: date, tense: Tense) -> date | None:
    """A day of the month with no month printed (Korean "12일", Japanese "12日"): this month
    or the neighbouring one, by tense."""
    candidates = [d for k in (-1, 0, 1) if (d := _safe(*_shift(published, k), day))]
    return _by_tense(candidates, published, tense)


def _shift(day: date, months: int) -> tuple[int, int]:
    moved = add_months(day.replace(day=1), months)
    return moved.year, moved.month


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


Resolved = tuple[date, Precision] | None
AGED = re.compile(r"\b" + _NUM + r"-(?P<unit>day|week|month|year)-old\b", re.IGNORECASE)
Rule = tuple[re.Pattern[str], Callable[[re.Match[str], date, Tense], Resolved]]


def _iso(m: re.Match[str], published: date, tense: Tense) -> Resolved:
    day = _safe(int(m["y"]), int(m["m"]), int(m["d"]))
    return (day, "day") if day else None


def _month_day_year(m: re.Match[str], published: date, tense: Tense) -> Resolved:
    month = MONTHS[m["month"].lower()]
    day_text = m["d"]
    if m["y"]:
        day = _safe(int(m["y"]), month, int(day_text)) if day_text else _safe(int(m["y"]), month)
        return (day, "day" if day_text else "month") if day else None
    if day_text:
        day = _pick_year(month, int(day_text), published, tense)
        return (day, "day") if day else None
    day = _pick_year(month, 1, published.replace(day=1), tense)
    return (day, "month") if day else None


def _year_only(m: re.Match[str], published: date, tense: Tense) -> Resolved:
    return date(int(m["y"]), 1, 1), "year"


def _weekday(m: re.Match[str], published: date, tense: Tense) -> Resolved:
    target = WEEKDAYS.index(m["wd"].lower())
    qualifier = (m["q"] or "").lower()
    offset = (target - published.weekday()) % 7
    if qualifier == "next" or (tense == "future" and qualifier != "last"):
        return published + timedelta(days=offset or 7), "day"
    return published - timedelta(days=(published.weekday() - target) % 7 or (7 if qualifier else 0)), "day"


def _named_day(m: re.Match[str], published: date, tense: Tense) -> Resolved:
    shift = {
        "today": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "오늘": 0,
        "어제": -1,
        "내일": 1,
        "今日": 0,
        "本日": 0,
        "昨日": -1,
        "明日": 1,
    }[m.group(0).strip().lower()]
    return published + timedelta(days=shift), "day"


def _ago(m: re.Match[str], published: date, tense: Tense) -> Resolved:
    return _offset(published, -_number(m["n"]), m["unit"].lower())


def _ahead(m: re.Match[str], published: date, tense: Tense) -> Resolved:
    return _offset(published, _number(m["n"]), m["unit"].lower())


def _aged(m: re.Match[str], published: date, tense: Tense) -> Resolved:
    """ "an eight-month-old ban" started that long before publication."""
    return _offset(published, -_number(m["n"]), m["unit"].lower())


def _offset(published: date, count: int, unit: str) -> Resolved:
    if unit == "day":
        return published + timedelta(days=count), "day"
    if unit == "week":
        return _week_start(published + timedelta(weeks=count)), "week"
    if unit == "month":
        return add_months(published, count).replace(day=1), "month"
    return date(published.year + count, 1, 1), "year"


def _relative_period(m: re.Match[str], published: date, tense: Tense) -> Resolved:
    step = {
        "last": -1,
        "previous": -1,
        "past": -1,
        "this": 0,
        "current": 0,
        "next": 1,
        "coming": 1,
        "following": 1,
    }[m["rel"].lower()]
    unit = m["unit"].lower()
    if m["part"] and m["part"].lower() == "earlier" and unit != "week":
        step = 0
    return _offset(published, step, unit)


def _year_earlier(m: re.Match[str], published: date, tense: Tense) -> Resolved:
    return date(published.year - 1, 1, 1), "year"


def _era(m: re.Match[str], published: date, tense: Tense) -> Resolved:
    era_year = 1 if m["ey"] == "元" else int(m["ey"])
    year = ERAS[m["era"]] + era_year
    return _cjk(year, m, published, tense)


def _cjk_full(m: re.Match[str], published: date, tense: Tense) -> Resolved:
    return _cjk(int(m["y"]), m, published, tense)


def _cjk(year: int, m: re.Match[str], published: date, tense: Tense) -> Resolved:
    month = int(m["m"])
    if m["d"]:
        day = _safe(year, month, int(m["d"]))
        return (day, "day") if day else None
    day = _safe(year, month)
    return (day, "month") if day else None


def _cjk_month_day(m: re.Match[str], published: date, tense: Tense) -> Resolved:
    day = _pick_year(int(m["m"]), int(m["d"]), published, tense)
    return (day, "day") if day else None


CJK_PERIODS = {
    "지난달": (-1, "month"), "이번 달": (0, "month"), "이달": (0, "month"), "다음 달": (1, "month"),
    "내달": (1, "month"), "지난해": (-1, "year"), "작년": (-1, "year"), "올해": (0, "year"),
    "내년": (1, "year"), "지난주": (-1, "week"), "이번 주": (0, "week"), "다음 주": (1, "week"),
    "先月": (-1, "month"), "今月": (0, "month"), "来月": (1, "month"), "昨年": (-1, "year"),
    "去年": (-1, "year"), "今年": (0, "year"), "来年": (1, "year"), "先週": (-1, "week"),
    "今週": (0, "week"), "来週": (1, "week"),
}  # fmt: skip


def _cjk_period(m: re.Match[str], published: date, tense: Tense) -> Resolved:
    step, unit = CJK_PERIODS[m.group(0)]
    return _offset(published, step, unit)


def _cjk_day(m: re.Match[str], published: date, tense: Tense) -> Resolved:
    qualifier = m["q"] or ""
    direction: Tense = "future" if qualifier == "오는" else "past" if qualifier == "지난" else tense
    day = _pick_month(int(m["d"]), published, direction)
    return (day, "day") if day else None


_RULES: list[Rule] = [
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\b"), _iso),
    # Korean dotted form with spaces, "2022. 10. 11." (bylines of Korean papers)
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)\.\s+(?P<m>\d{1,2})\.\s+(?P<d>\d{1,2})\b\.?"), _iso),
    # A bare ordinal day, "on the 18th": this month or a neighbour, by tense; "the 18th century",
    # "the 5th round" (an ordinal before a word) are not days.
    (re.compile(r"\bthe\s+(?P<q>)(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[a-z])"), _cjk_day),
    (
        re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"),
        _month_day_year,
    ),
    (
        re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"),
        _month_day_year,
    ),
    (re.compile(r"\b" + _MONTH + r",?\s+(?P<y>(?:19|20)\d\d)(?P<d>)\b"), _month_day_year),
    (
        re.compile(
            r"\b(?:[Ii]n|[Oo]f|[Bb]y|[Ss]ince|[Uu]ntil|[Ee]arly|[Ll]ate|[Mm]id-?|[Dd]uring|[Ff]rom|[Ss]tarting|"
            r"[Bb]efore|[Aa]fter)\s+" + _MONTH + r"(?P<d>)(?P<y>)\b(?!\.?\s*\d)"
        ),
        _month_day_year,
    ),
    (
        re.compile(
            r"\b(?:in|since|during|of|by|until|for)\s+(?:the\s+year\s+)?(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE
        ),
        _year_only,
    ),
    (
        re.compile(
            r"\b(?:(?P<q>last|next|this)\s+|on\s+|(?<=starting )|(?<=from ))(?P<wd>"
            + "|".join(WEEKDAYS)
            + r")\b",
            re.IGNORECASE,
        ),
        _weekday,
    ),
    (
        re.compile(r"\b(?:today|yesterday|tomorrow)\b|오늘|어제|내일|本日|今日|昨日|明日", re.IGNORECASE),
        _named_day,
    ),
    (re.compile(_NUM + r"\s+" + _UNIT + r"\s+(?:ago|earlier|before)\b", re.IGNORECASE), _ago),
    (re.compile(r"\b(?:in|within|after)\s+" + _NUM + r"\s+" + _UNIT + r"\b", re.IGNORECASE), _ahead),
    (re.compile(r"\b" + _NUM + r"\s+" + _UNIT + r"\s+(?:later|from now)\b", re.IGNORECASE), _ahead),
    (AGED, _aged),
    (
        re.compile(
            r"\b(?:(?P<part>early|late|mid|earlier|later)[\s-]+)?(?:in\s+)?(?:the\s+)?"
            r"(?P<rel>last|previous|past|this|current|next|coming|following)\s+" + _UNIT + r"\b",
            re.IGNORECASE,
        ),
        _relative_period,
    ),
    (
        re.compile(r"\b(?:a|one)\s+year\s+(?:earlier|before|ago)\b|\bthe\s+previous\s+year\b", re.IGNORECASE),
        _year_earlier,
    ),
    (
        re.compile(r"(?P<era>令和|平成|昭和)(?P<ey>元|\d{1,2})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?)?"),
        _era,
    ),
    (
        re.compile(r"(?P<y>(?:19|20)\d\d)\s*[年년]\s*(?P<m>\d{1,2})\s*[月월](?:\s*(?P<d>\d{1,2})\s*[日일])?"),
        _cjk_full,
    ),
    (re.compile(r"(?<![\d年년])(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]"), _cjk_month_day),
    (
        re.compile(r"(?:(?P<q>오는|지난)\s*)?(?<![\d月월])(?P<d>\d{1,2})\s*일(?=부터|까지|에|\s|,|\.|$)"),
        _cjk_day,
    ),
    (re.compile(r"(?<![\d月年])(?P<q>)(?P<d>\d{1,2})日"), _cjk_day),
    (re.compile("|".join(CJK_PERIODS)), _cjk_period),
]


# Most sentences hold one or two date forms at most: run only the rules whose words are present.
_RULE_GATE = Gate({pattern: pattern for pattern, _ in _RULES})


@dataclass(frozen=True)
class PublicationEstimate:
    """When an undated text was probably written: a range, and the reasoning behind it."""

    earliest: date
    latest: date
    basis: str


def estimate_publication(text: str) -> PublicationEstimate | None:
    """A text can only be written after the latest period it reports on ends (figures for a
    month come out in the following month), and after any duration it counts from a dated
    event ("an eight-month-old ban" imposed in July 2019). None when no year is printed."""
    lines = [line[i : i + 2000] for line in text.splitlines() for i in range(0, len(line), 2000)]
    dated = [m for line in lines for m in find_dates(line, date(2000, 1, 1), "past") if _has_year(m.text)]
    if not dated:
        return None
    latest = max(dated, key=_period_end)
    earliest = _period_end(latest)
    basis = f"latest dated reference {latest.text!r} ({latest.precision})"
    for counted_from, duration, phrase in _durations(text):
        if counted_from > earliest:
            earliest, basis = counted_from, f"{phrase!r} counted from {duration.text!r}"
    return PublicationEstimate(
        earliest, earliest + timedelta(days=31), f"{basis}; reports usually follow within a month"
    )


def _durations(text: str) -> list[tuple[date, DateMention, str]]:
    """ "an eight-month-old ban … imposed in July 2019": the text is that long after the date
    printed in the same sentence."""
    found = []
    for sentence in re.split(r"(?<=[.!?。])\s+", text):
        sentence = sentence[:2000]
        aged = list(AGED.finditer(sentence))
        if len(aged) != 1:
            continue
        dated = [m for m in find_dates(sentence, date(2000, 1, 1), "past") if _has_year(m.text)]
        if len(dated) == 1:
            count, unit = _number(aged[0]["n"]), aged[0]["unit"].lower()
            found.append((_later(dated[0].day, count, unit), dated[0], aged[0].group(0)))
    return found


def _later(start: date, count: int, unit: str) -> date:
    if unit in {"day", "week"}:
        return start + timedelta(days=count * (7 if unit == "week" else 1))
    return add_months(start, count * (12 if unit == "year" else 1))


def _has_year(text: str) -> bool:
    return bool(re.search(r"(?:19|20)\d\d|令和|平成|昭和", text))


def _period_end(mention: DateMention) -> date:
    """The first day after the period a mention names (its own day for a day)."""
    if mention.precision == "day":
        return mention.day
    if mention.precision == "week":
        return mention.day + timedelta(days=7)
    if mention.precision == "month":
        return add_months(mention.day, 1)
    return date(mention.day.year + 1, 1, 1)
