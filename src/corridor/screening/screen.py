"""Screening a party's name against the loaded lists, as of a date, with every hit explained.

Bands (thresholds chosen on the nomenklatura name benchmark, see bench/screening_eval.py):

- `match` — score ≥ 0.85: the names agree as well as spelling variants of one name do;
  stop the shipment until a person has cleared it;
- `review` — 0.70 ≤ score < 0.85: similar enough that a person must look (a name part
  missing, one syllable different, numbers differ);
- below 0.70 nothing is reported.

A party whose listing ended before the screening date is not a hit; it is reported under
`formerly_listed`, because a former listing is still worth knowing. A party listed after the
date is ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from corridor.screening.compare import Comparison, compare_names, worth_comparing
from corridor.screening.index import IndexedName, ScreeningIndex
from corridor.screening.names import NameForm, as_korean_name, name_forms, validate_name
from corridor.screening.ofac_score import ofac_score
from corridor.screening.party import Party, Schema
from corridor.screening.qualifiers import most_raised, normalise_identifier, parse_birth_date, qualify

MATCH_AT = 0.85
REVIEW_AT = 0.70
COUNTRY_MISMATCH_PENALTY = 0.05
SCHEMA_MISMATCH_CAP = 0.8
SCORE_SLACK = 1e-9  # `floor - reach` in floating point must not turn away a name scoring exactly that


@dataclass(frozen=True, slots=True)
class Query:
    """What to screen: a name as written, optionally its kind, country and the lists to use."""

    name: str
    on: date
    schema: Schema | None = None
    country: str | None = None
    lists: frozenset[str] | None = None
    birth_date: str | None = None
    nationality: str | None = None
    id_number: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", validate_name(self.name))
        if self.birth_date:
            object.__setattr__(self, "birth_date", parse_birth_date(self.birth_date))
        if self.nationality:
            code = self.nationality.strip().upper()
            if len(code) != 2 or not code.isalpha():
                raise ValueError(f"nationality {self.nationality!r} is not an ISO 3166-1 alpha-2 code")
            object.__setattr__(self, "nationality", code)
        if self.id_number is not None and not normalise_identifier(self.id_number):
            raise ValueError(f"id_number {self.id_number!r} has no letters or digits")
        if self.country is not None:
            code = self.country.strip().upper()
            if len(code) != 2 or not code.isalpha():
                raise ValueError(f"country {self.country!r} is not an ISO 3166-1 alpha-2 code (e.g. KR, JP)")
            object.__setattr__(self, "country", code)


@dataclass(frozen=True, slots=True)
class Hit:
    """A listed party the query came close to. Its explanation is written out when read: a batch
    that keeps only the top score never pays for it."""

    party: Party
    score: float
    band: str
    matched_name: str
    query: Query
    comparison: Comparison

    @property
    def explanation(self) -> dict:
        return explain(self.query, self.party, self.comparison, self.score)

    def to_json(self) -> dict:
        return {
            "list": self.party.list_name,
            "id": self.party.id,
            "schema": self.party.schema.value,
            "name": self.party.name,
            "matched_name": self.matched_name,
            "score": self.score,
            "band": self.band,
            "explanation": self.explanation,
            "programmes": list(self.party.programmes),
            "countries": list(self.party.countries),
            "birth_dates": list(self.party.birth_dates),
            "identifiers": [f"{i.kind} {i.number}".strip() for i in self.party.identifiers],
            "addresses": list(self.party.addresses),
            "listed_on": self.party.listed_on.isoformat() if self.party.listed_on else None,
            "delisted_on": self.party.delisted_on.isoformat() if self.party.delisted_on else None,
        }


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    query: Query
    hits: tuple[Hit, ...] = ()
    formerly_listed: tuple[Hit, ...] = field(default=())

    def to_json(self) -> dict:
        return {
            "query": self.query.name,
            "on": self.query.on.isoformat(),
            "schema": self.query.schema.value if self.query.schema else None,
            "country": self.query.country,
            "lists": sorted(self.query.lists) if self.query.lists else None,
            "birth_date": self.query.birth_date,
            "nationality": self.query.nationality,
            "id_number": self.query.id_number,
            "hits": [h.to_json() for h in self.hits],
            "formerly_listed": [h.to_json() for h in self.formerly_listed],
        }


def band_of(score: float) -> str | None:
    return "match" if score >= MATCH_AT else "review" if score >= REVIEW_AT else None


def query_forms(query: Query) -> dict[bool, tuple[NameForm, ...]]:
    """The query's readings as a person's name (True) and as an organisation's (False)."""
    return {True: name_forms(query.name, True, query.country) + as_korean_name(query.name),
            False: name_forms(query.name, False, query.country)}


def screen(index: ScreeningIndex, query: Query, floor: float = REVIEW_AT) -> ScreeningResult:
    """Every party whose names come close to the query's, best first, each with its reasons.

    `floor` is the lowest score reported: the review band's, except for a benchmark that
    chooses the bands and so needs the scores below them (band `below review`)."""
    forms = query_forms(query)
    kind = query.schema.kind if query.schema else None
    shortlist = index.shortlist(forms[True] + forms[False], lists=query.lists, kind=kind)
    worth = worth_comparing(forms, list(map(index.sketches.__getitem__, shortlist)))
    candidates = [index.names[entry] for entry, kept in zip(shortlist, worth, strict=True) if kept]
    return score_candidates(query, forms, candidates, index.parties.__getitem__, floor)


def score_candidates(query: Query, forms_by_kind: dict[bool, tuple[NameForm, ...]],
                     candidates: Iterable[IndexedName], party_of: Callable[[int], Party],
                     floor: float = REVIEW_AT) -> ScreeningResult:
    """Score retrieved candidates: the one step the in-memory index and the Spark join share.
    Both retrieve only names on the query's lists and of its kind of party. A listed party is read
    (`party_of` its number) only for names that may reach the floor."""
    best: dict[int, tuple[float, IndexedName, Comparison]] = {}
    parties: dict[int, Party] = {}
    reach = most_raised(query.birth_date, query.id_number)
    for candidate in candidates:
        person = candidate.person
        at_least = floor - reach - SCORE_SLACK
        if candidate.party in best:  # another name of a party met already must beat its best name
            at_least = max(at_least, best[candidate.party][2].score)
        comparison = compare_names(forms_by_kind[person], candidate.forms, person, candidate.family_names,
                                   at_least)
        if comparison is None or comparison.score + reach < floor:
            continue
        party = parties[candidate.party] = parties.get(candidate.party) or party_of(candidate.party)
        score = comparison.score
        if query.country and party.countries and query.country not in party.countries:
            score -= COUNTRY_MISMATCH_PENALTY
        score = min(1.0, score + qualify(party, query.birth_date, query.nationality, query.id_number)[0])
        if score >= floor and (candidate.party not in best or score > best[candidate.party][0]):
            best[candidate.party] = (score, candidate, comparison)
    if query.schema is None:
        best = _cap_organisations_met_by_a_person(best, parties)
    hits, former = [], []
    for score, candidate, comparison in sorted(best.values(), key=lambda b: (-b[0], b[1].party)):
        party = parties[candidate.party]
        if party.listed_on and party.listed_on > query.on:
            continue
        band = band_of(score) or "below review"
        hit = Hit(party, round(score, 4), band, candidate.name, query, comparison)
        (hits if party.is_listed_on(query.on) else former).append(hit)
    return ScreeningResult(query, tuple(hits), tuple(former))


def _cap_organisations_met_by_a_person(best: dict, parties: dict[int, Party]) -> dict:
    """A query of unknown kind that matches a listed person is a person's name: an organisation
    it also meets (`Osama bin Laden` / `USAMA BIN LADEN NETWORK`, an alias of AL QA'IDA) is
    named after that person, not the party screened, so it is review at most."""
    if not any(score >= MATCH_AT and parties[c.party].schema.is_person for score, c, _ in best.values()):
        return best
    capped = {}
    for number, (score, candidate, comparison) in best.items():
        if not parties[number].schema.is_person and score > SCHEMA_MISMATCH_CAP:
            reasons = (*comparison.caps, "the name is a listed person's; this entry is an organisation")
            score, comparison = SCHEMA_MISMATCH_CAP, replace(comparison, caps=reasons)
        capped[number] = (score, candidate, comparison)
    return capped


def explain(query: Query, party: Party, comparison: Comparison, score: float) -> dict:
    """Which query reading met which list name, the aligned words, and every rule applied."""
    features = dict(comparison.features)
    features["ofac_style_score"] = ofac_score(query.name, comparison.candidate.name)
    if query.country and party.countries:
        agrees = query.country in party.countries
        features["country"] = f"{query.country} {'in' if agrees else 'not in'} {', '.join(party.countries)}"
    features.update(qualify(party, query.birth_date, query.nationality, query.id_number)[1])
    summary = (
        f"{comparison.query.name!r} read {comparison.query.reading} as "
        f"{' '.join(comparison.query.tokens) or comparison.query.original!r} met list name "
        f"{comparison.candidate.name!r}"
    )
    return {
        "summary": summary,
        "query_name": comparison.query.name,
        "query_reading": comparison.query.reading,
        "query_form": " ".join(comparison.query.tokens) or comparison.query.original,
        "list_form": " ".join(comparison.candidate.tokens) or comparison.candidate.original,
        "aligned": [{"query": q, "list": c, "similarity": s} for q, c, s in comparison.aligned],
        "unmatched_query": list(comparison.unmatched_query),
        "unmatched_list": list(comparison.unmatched_candidate),
        "rules": list(comparison.caps),
        "features": features,
        "name_score": comparison.score,
        "score": round(score, 4),
    }
