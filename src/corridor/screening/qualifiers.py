"""What besides the name tells two parties apart: birth date, nationality, identifier.

Like yente's matchers, a qualifier moves a name score rather than deciding alone: a shared
identifier number raises it, a birth year more than a year off the listed ones lowers it, a
nationality the entry does not list lowers it a little. Absent on either side, nothing moves.
"""

from __future__ import annotations

import re
from datetime import date

from corridor.screening.party import Party

IDENTIFIER_MATCH_BONUS = 0.15
BIRTH_YEAR_MISMATCH_PENALTY = 0.15
BIRTH_DATE_MATCH_BONUS = 0.03
NATIONALITY_MISMATCH_PENALTY = 0.05
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def parse_birth_date(value: str) -> str:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checked; ValueError names the value otherwise."""
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return text
        if re.fullmatch(r"\d{4}-\d{2}", text):
            date.fromisoformat(text + "-01")
            return text
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"birth date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from None


def normalise_identifier(value: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", value).upper()


def listed_birth_dates(party: Party) -> tuple[set[int], set[str]]:
    """Years and full ISO dates in the entry's birth dates (`08 Jan 1984`, `1971`, `1984-01-08`)."""
    years, days = set(), set()
    for text in party.birth_dates:
        years.update(int(y) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", text))
        m = re.search(r"\b(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})\b", text)
        if m and m.group(2).lower() in _MONTHS:
            days.add(f"{m.group(3)}-{_MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}")
        days.update(re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text))
    return years, days


def most_raised(birth_date: str | None, id_number: str | None) -> float:
    """The most the qualifiers given can raise any entry's score (a listed identifier and birth
    date): a name scoring this much under the floor cannot be a hit, whatever its entry says."""
    return (IDENTIFIER_MATCH_BONUS if id_number else 0.0) + (BIRTH_DATE_MATCH_BONUS if birth_date else 0.0)


def qualify(party: Party, birth_date: str | None, nationality: str | None,
            id_number: str | None) -> tuple[float, dict[str, str]]:
    """The score change the qualifiers make for this entry, and what each found."""
    change, found = 0.0, {}
    if id_number:
        listed = {normalise_identifier(i.number) for i in party.identifiers}
        if normalise_identifier(id_number) in listed:
            change += IDENTIFIER_MATCH_BONUS
            found["identifier"] = f"{id_number} is listed for this entry"
        elif listed:
            found["identifier"] = f"{id_number} is not among the entry's {len(listed)} identifier(s)"
    if birth_date:
        years, days = listed_birth_dates(party)
        if birth_date in days:
            change += BIRTH_DATE_MATCH_BONUS
            found["birth_date"] = f"{birth_date} is a listed birth date"
        elif years and all(abs(int(birth_date[:4]) - y) > 1 for y in years):
            change -= BIRTH_YEAR_MISMATCH_PENALTY
            found["birth_date"] = f"{birth_date} is over a year from {', '.join(party.birth_dates)}"
        elif years:
            found["birth_date"] = f"{birth_date} is within a year of {', '.join(party.birth_dates)}"
    if nationality and party.countries:
        agrees = nationality in party.countries
        change -= 0 if agrees else NATIONALITY_MISMATCH_PENALTY
        found["nationality"] = f"{nationality} {'in' if agrees else 'not in'} {', '.join(party.countries)}"
    return change, found
