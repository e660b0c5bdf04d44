"""The in-memory index that finds candidate list names for a query, before any scoring.

Every list name is read into its forms once, and each form's tokens are posted under three
keys: the token itself, its metaphone (spelling variants: Mohammed/Muhammad), and its loose
Korean key (Jong/Jeong/Chong). A query collects the names sharing its keys, weighted by how
rare each key is (inverse document frequency), and only the best few are scored with rapidfuzz.
Generic words and name particles (al, bin, de) are not posted (they would fetch thousands of
names), unless a name has nothing else.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import asdict, dataclass, fields

from rigour.text.phonetics import metaphone

from corridor.names import korean
from corridor.screening.compare import PARTICLES
from corridor.screening.names import NameForm, latin_tokens, name_forms
from corridor.screening.party import Party

CANDIDATES_SCORED = 20
NAMES_PER_PARTY = 3


@dataclass(frozen=True, slots=True)
class IndexedName:
    """One name of one party, with its readings."""

    party: int
    name: str
    forms: tuple[NameForm, ...]
    family_names: frozenset[str]


def form_keys(form: NameForm) -> set[str]:
    """The retrieval keys of one form; adjacent tokens are also posted joined (`hua wei` → `huawei`)."""
    tokens = [
        t
        for t, generic in zip(form.tokens, form.generic or (False,) * len(form.tokens), strict=True)
        if not generic and len(t) > 1 and t not in PARTICLES
    ] or list(form.tokens)
    keys = set()
    for token in tokens:
        keys.add("t:" + token)
        if len(token) >= 3 and not token.isdigit():
            keys.add("p:" + metaphone(token))
    for a, b in zip(form.tokens, form.tokens[1:], strict=False):
        keys.add("t:" + a + b)
    if form.korean or len(tokens) <= 4:  # long names are not Korean; their loose keys would only add noise
        keys.update("k:" + loose for loose in form.loose if not korean.is_surname(loose))
        keys.update("k:" + key for loose in form.loose[:1] for key in korean.surname_keys(loose))
        keys.update("k:" + a + b for a, b in zip(form.loose, form.loose[1:], strict=False))
    if form.original:
        keys.add("o:" + form.original)
    return keys


def party_names(number: int, party: Party) -> list[IndexedName]:
    """The party's names with their readings, in the order the index numbers them."""
    person = party.schema.is_person
    family = frozenset(t for f in party.family_names for t in latin_tokens(f, True)[0])
    named = ((name, name_forms(name, person)) for name in party.names())
    return [IndexedName(number, name, forms, family) for name, forms in named if forms]


def name_keys(name: IndexedName) -> set[str]:
    return set().union(*(form_keys(f) for f in name.forms))


def idf(names_with_key: int, names: int) -> float:
    """Rare keys weigh more: the weight of one shared key between a query and a list name."""
    return math.log(1 + max(names, 1) / names_with_key)


_TUPLE_FIELDS = frozenset(f.name for f in fields(NameForm) if str(f.type).startswith("tuple"))


def _form(data: dict) -> NameForm:
    return NameForm(**{k: tuple(v) if k in _TUPLE_FIELDS else v for k, v in data.items()})


class ScreeningIndex:
    """Parties of one or more lists, ready for `screen`. Build once; query many times."""

    def __init__(self, parties: list[Party]) -> None:
        names: list[IndexedName] = []
        for number, party in enumerate(parties):
            names.extend(party_names(number, party))
        self._assemble(parties, names)

    def _assemble(self, parties: list[Party], names: list[IndexedName]) -> None:
        self.parties = parties
        self.names = names
        postings: dict[str, list[int]] = defaultdict(list)
        for entry, name in enumerate(names):
            for key in name_keys(name):
                postings[key].append(entry)
        self._postings = {
            key: (tuple(entries), idf(len(entries), len(self.names))) for key, entries in postings.items()
        }

    def to_data(self) -> dict:
        """Plain JSON-ready data (no code, no pickled objects): what `from_data` rebuilds from,
        without reading every name again (the slow part: Japanese and Chinese readers)."""
        return {
            "parties": [p.to_record() for p in self.parties],
            "names": [
                [n.party, n.name, [asdict(f) for f in n.forms], sorted(n.family_names)] for n in self.names
            ],
        }

    @classmethod
    def from_data(cls, data: dict) -> ScreeningIndex:
        """The index `to_data` described; raises ValueError (naming the part) on malformed data."""
        try:
            parties = [Party.from_record(r) for r in data["parties"]]
            names = [
                IndexedName(int(p), str(n), tuple(_form(f) for f in forms), frozenset(family))
                for p, n, forms, family in data["names"]
            ]
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"screening index data is malformed: {error!r}") from error
        index = cls.__new__(cls)
        index._assemble(parties, names)
        return index

    def __len__(self) -> int:
        return len(self.parties)

    def candidates(self, forms: tuple[NameForm, ...], limit: int = CANDIDATES_SCORED) -> list[IndexedName]:
        """The names sharing the rarest keys with any reading of the query, best first."""
        weights: dict[int, float] = defaultdict(float)
        keys = set().union(*(form_keys(f) for f in forms)) if forms else set()
        for key in keys:
            posting = self._postings.get(key)
            if posting:
                entries, idf = posting
                for entry in entries:
                    weights[entry] += idf
        chosen: list[IndexedName] = []
        per_party: dict[int, int] = defaultdict(int)
        # Ties go to the earlier list entry, so that every runner (and the Spark join) picks alike.
        ranked = heapq.nlargest(limit * 3, weights, key=lambda entry: (round(weights[entry], 9), -entry))
        for entry in ranked:
            name = self.names[entry]
            if per_party[name.party] < NAMES_PER_PARTY:  # many aliases must not crowd others out
                per_party[name.party] += 1
                chosen.append(name)
                if len(chosen) == limit:
                    break
        return chosen
