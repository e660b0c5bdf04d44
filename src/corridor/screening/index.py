"""The in-memory index that finds candidate list names for a query, before any scoring.

Every list name is read into its forms once, and each form's tokens are posted under five
kinds of key: the token itself, its metaphone (spelling variants: Mohammed/Muhammad), its loose
Korean key (Jong/Jeong/Chong), for non-Korean words of four letters or more the word with each
letter deleted in turn (a typo: one edit apart always shares one of them; two adjacent words are
also posted joined, so `TONG-HO` typed `TONGIHO` shares `tongho`), and its consonants, which a
name in Arabic script, written without short vowels, is met by (`c:slmn`). A query collects the names
sharing its keys, weighted by how rare each key is (inverse document frequency), and only the
best few are scored with rapidfuzz. A query limited to some lists, or to one kind of party
(persons, organisations, vessels), ranks only those names.
Generic words and name particles (al, bin, de) are not posted (they would fetch thousands of
names), unless a name has nothing else. On very large lists the work per query is bounded: the
query's rarest keys propose at most `PROPOSING_BUDGET` names, and its commoner keys (a frequent
given name) only add their weight to those names, by binary search in their sorted postings.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import math
import mmap
from collections import defaultdict
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, fields
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

import numpy as np
from rigour.text.phonetics import metaphone

from corridor.names import arabic, korean
from corridor.screening.columns import Postings, Records
from corridor.screening.compare import PARTICLES, Sketch
from corridor.screening.names import ARABIC_CONSONANTS, AS_WRITTEN, NameForm, latin_tokens, name_forms
from corridor.screening.party import Party

CANDIDATES_SCORED = 20
NAMES_PER_PARTY = 3
KEYS_REMEMBERED = 1 << 17  # keys whose names and weight are kept at hand between queries
PROPOSING_BUDGET = 5_000  # names the rarest keys of a query may propose; commoner keys only re-rank
MISSPELT_FROM = 4  # letters: a typo in a shorter word leaves too little of it to go on
WEIGHT_GRAIN = 2**30  # key weights are multiples of 1/WEIGHT_GRAIN: their sums are exact
SORTED_WHOLE = 8  # names ranked by one sort when at most this many times those wanted; else cut first
GROUP_ARRAYS = ("party_list", "list_names", "party_kind", "kind_names")
Posting = tuple[int, np.ndarray, float]  # how many names carry a key, which (ascending), the key's weight


@dataclass(frozen=True, slots=True)
class IndexedName:
    """One name of one party, with its readings (and whether the party is a person, which decides
    how names are compared, so that a name can be scored before its party is read)."""

    party: int
    name: str
    forms: tuple[NameForm, ...]
    family_names: frozenset[str]
    person: bool


def form_keys(form: NameForm) -> set[str]:
    """The retrieval keys of one list name's form; adjacent tokens are also posted joined (`hua wei` →
    `huawei`), and each word's consonants, for names in Arabic script to meet (`c:slmn`, Soleimani)."""
    keys = _keys(*_what_keys_depend_on(form))
    if form.reading == AS_WRITTEN and not form.original:  # a Latin name (a CJK one is compared as written)
        keys.update("c:" + kept for word in form.tokens if len(kept := arabic.consonants(word)) >= 2)
    return keys


def query_keys(forms: tuple[NameForm, ...]) -> list[str]:
    """The keys of all a query's readings, in a fixed order; readings that agree in what the keys
    depend on (a name read as a person's and as an organisation's, mostly) are keyed once."""
    keys = set().union(*(_keys(*args) for args in dict.fromkeys(map(_what_keys_depend_on, forms))))
    for form in forms:  # a name in Arabic script meets list names by their consonants, words joined too
        if form.reading == ARABIC_CONSONANTS:
            joined = map(arabic.consonants, map("".join, zip(form.tokens, form.tokens[1:], strict=False)))
            keys.update("c:" + kept for kept in (*form.tokens, *joined) if len(kept) >= 2)
    return sorted(keys)


def _what_keys_depend_on(form: NameForm) -> tuple:
    return form.tokens, form.generic or (False,) * len(form.tokens), form.korean, form.loose, form.original


def _keys(tokens: tuple[str, ...], generic: tuple[bool, ...], korean_reading: bool, loose: tuple[str, ...],
          original: str | None) -> set[str]:
    words = [t for t, common in zip(tokens, generic, strict=True)
             if not common and len(t) > 1 and t not in PARTICLES] or list(tokens)
    keys: set[str] = set()
    for word in words:
        keys.update(token_keys(word, korean_reading))
    for a, b in zip(tokens, tokens[1:], strict=False):
        keys.add("t:" + a + b)
        if (a + b).isalpha() and not korean_reading:  # `TONG-HO` written `TONGIHO`: one edit from `tongho`
            keys.add("d:" + a + b)
    if korean_reading or len(words) <= 4:  # long names are not Korean; their loose keys would only add noise
        for key in loose:
            if not korean.is_surname(key):
                keys.add("k:" + key)
        for key in korean.surname_keys(loose[0]) if loose else ():
            keys.add("k:" + key)
        for a, b in zip(loose, loose[1:], strict=False):
            keys.add("k:" + a + b)
    if original:
        keys.add("o:" + original)
    return keys


@lru_cache(maxsize=1 << 17)  # list names and queries share most of their words
def token_keys(token: str, korean_reading: bool) -> frozenset[str]:
    """One word's keys: itself, its metaphone, and (not for Korean readings, which have loose
    keys) its one-letter deletions."""
    keys = {"t:" + token}
    if len(token) >= 3 and not token.isdigit():
        keys.add("p:" + metaphone(token))
    if token.isalpha() and not korean_reading:
        keys.update(misspelt_keys(token))
    return frozenset(keys)


def misspelt_keys(token: str) -> set[str]:
    """The word and each of its one-letter deletions: two spellings one edit apart (a letter
    changed, dropped, added or two swapped) always share one, so a typo in a name's only rare
    word still finds it (`MATIRLLAH` → `MATIULLAH` through `matillah`). A word one letter
    shorter than `MISSPELT_FROM` is posted as itself: it may be a longer word with a letter
    dropped (`KNY` for `KONY`)."""
    if len(token) < MISSPELT_FROM - 1:
        return set()
    if len(token) < MISSPELT_FROM:
        return {"d:" + token}
    return {"d:" + token} | {"d:" + token[:i] + token[i + 1 :] for i in range(len(token))}


def party_names(number: int, party: Party) -> list[IndexedName]:
    """The party's names with their readings, in the order the index numbers them."""
    person = party.schema.is_person
    family = frozenset(t for f in party.family_names for t in latin_tokens(f, True)[0])
    named = ((name, name_forms(name, person)) for name in party.names())
    return [IndexedName(number, name, forms, family, person) for name, forms in named if forms]


def name_keys(name: IndexedName) -> set[str]:
    return set().union(*(form_keys(f) for f in name.forms))


def idf(names_with_key: int, names: int) -> float:
    """Rare keys weigh more: the weight of one shared key between a query and a list name."""
    return math.log(1 + max(names, 1) / names_with_key)


def key_weight(key: str, names_with_key: int, names: int) -> float:
    """A key's weight: its rarity, shared out among a word's deletion keys (a word met exactly
    shares all of them, and must not outweigh a rarer short word for being long).

    Weights are whole multiples of 2**-30, so any sum of them is exact in floating point: every
    runner (Python, numpy, the Spark join) adds them in its own order and gets the same total,
    and names tie exactly when they tie."""
    share = len(key) - 1 if key.startswith("d:") else 1  # "d:" + a word of n letters: n + 1 keys
    return _weight(names_with_key, share, names)


@lru_cache(maxsize=1 << 16)  # few distinct counts and shares: most keys are rare
def _weight(names_with_key: int, share: int, names: int) -> float:
    return round(idf(names_with_key, names) / share * WEIGHT_GRAIN) / WEIGHT_GRAIN


_TUPLE_FIELDS = tuple(n for n, f in enumerate(fields(NameForm)) if str(f.type).startswith("tuple"))


def _name_value(name: IndexedName) -> list:
    """An indexed name as plain JSON values (its forms as lists in field order)."""
    forms = [[getattr(f, field.name) for field in fields(NameForm)] for f in name.forms]
    return [name.party, name.name, forms, sorted(name.family_names), name.person]


def _name_from_value(value: list) -> IndexedName:
    party, name, forms, family, person = value
    for form in forms:  # JSON has lists where a form has tuples
        for field_number in _TUPLE_FIELDS:
            form[field_number] = tuple(form[field_number])
    return IndexedName(int(party), str(name), tuple(NameForm(*form) for form in forms), frozenset(family),
                       bool(person))


def _sketch_from_value(value: list) -> Sketch:
    person, written, texts = value
    return Sketch(bool(person), bool(written), tuple(texts))


class ScreeningIndex:
    """Parties of one or more lists, ready for `screen`. Build once; query many times.

    Postings are arrays of hashed keys (`columns.Postings`). An index built in this process keeps
    its parties and names as objects; one `open`ed from the files `save` wrote reads them as JSON
    records on demand from a memory map, so a million parties open at once and fit in memory.
    Each name also has a `Sketch`, a small record the prefilter reads, so that the names of a
    shortlist that cannot score are never decoded.
    """

    def __init__(self, parties: list[Party]) -> None:
        names = [name for number, party in enumerate(parties) for name in party_names(number, party)]
        list_names, party_list = _coded([p.list_name for p in parties])
        kind_names, party_kind = _coded([p.schema.kind for p in parties])
        self._assemble(parties, names, [Sketch.of(n.forms, n.person) for n in names],
                       np.array([n.party for n in names], dtype=np.int32),
                       Postings.build(name_keys(n) for n in names),
                       {"party_list": party_list, "list_names": list_names,
                        "party_kind": party_kind, "kind_names": kind_names})

    def _assemble(self, parties: Sequence[Party], names: Sequence[IndexedName], sketches: Sequence[Sketch],
                  name_party: np.ndarray, postings: Postings, groups: dict[str, np.ndarray]) -> None:
        self.parties, self.names, self.sketches = parties, names, sketches
        self._name_party, self._postings = name_party, postings
        self._groups = groups  # each party's list and kind, as codes into the names beside them
        self._names_on: dict[tuple[frozenset[str] | None, str | None], np.ndarray] = {}
        self._known: dict[str, Posting | None] = {}

    def save(self, folder: Path) -> dict[str, str]:
        """Write the index as files in `folder` (created); the SHA-256 of each file, by name."""
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        parties = self.parties if isinstance(self.parties, Records) else Records.encode(
            (p.to_record() for p in self.parties), Party.from_record)
        names = self.names if isinstance(self.names, Records) else Records.encode(
            (_name_value(n) for n in self.names), _name_from_value)
        sketches = self.sketches if isinstance(self.sketches, Records) else Records.encode(
            ([s.person, s.written, s.texts] for s in self.sketches), _sketch_from_value)
        arrays = {"party_offsets": parties.offsets, "name_offsets": names.offsets,
                  "sketch_offsets": sketches.offsets,
                  "name_party": self._name_party, "keys": self._postings.keys,
                  "key_offsets": self._postings.offsets, "entries": self._postings.entries,
                  **self._groups}
        for name, values in arrays.items():
            np.save(folder / f"{name}.npy", np.ascontiguousarray(values), allow_pickle=False)
        (folder / "parties.bin").write_bytes(bytes(parties.blob))
        (folder / "names.bin").write_bytes(bytes(names.blob))
        (folder / "sketches.bin").write_bytes(bytes(sketches.blob))
        return {file.name: file_digest(file) for file in sorted(folder.iterdir())}

    @classmethod
    def open(cls, folder: Path, digests: dict[str, str] | None = None) -> ScreeningIndex:
        """The index `save` wrote, memory-mapped. With `digests`, every file is checked first and a
        missing or changed one raises ValueError naming it."""
        for name, digest in (digests or {}).items():
            if not (folder / name).is_file() or file_digest(folder / name) != digest:
                raise ValueError(f"screening index file {name} is missing or changed")
        try:
            arrays = {name: _mapped_array(folder / f"{name}.npy")
                      for name in ("party_offsets", "name_offsets", "sketch_offsets", "name_party", "keys",
                                   "key_offsets", "entries", *GROUP_ARRAYS)}
            blobs = {name: _mapped(folder / f"{name}.bin") for name in ("parties", "names", "sketches")}
        except (OSError, ValueError) as error:
            raise ValueError(f"screening index in {folder} cannot be read: {error}") from error
        index = cls.__new__(cls)
        index._assemble(Records(blobs["parties"], arrays["party_offsets"], Party.from_record),
                        Records(blobs["names"], arrays["name_offsets"], _name_from_value),
                        Records(blobs["sketches"], arrays["sketch_offsets"], _sketch_from_value),
                        arrays["name_party"],
                        Postings(arrays["keys"], arrays["key_offsets"], arrays["entries"]),
                        {name: arrays[name] for name in GROUP_ARRAYS})
        return index

    def __len__(self) -> int:
        return len(self.parties)

    def candidates(self, forms: tuple[NameForm, ...], limit: int = CANDIDATES_SCORED,
                   lists: frozenset[str] | None = None, kind: str | None = None) -> list[IndexedName]:
        """The names of the `shortlist`, decoded."""
        return [self.names[entry] for entry in self.shortlist(forms, limit, lists, kind)]

    def shortlist(self, forms: tuple[NameForm, ...], limit: int = CANDIDATES_SCORED,
                  lists: frozenset[str] | None = None, kind: str | None = None) -> list[int]:
        """The numbers of the names sharing the rarest keys with any reading of the query, best
        first; with `lists`, only names on those lists, and with `kind` (`Schema.kind`), only names
        of parties of that kind (a key's weight is still its rarity over every name)."""
        # in a fixed order: which of two equally rare keys proposes names must not depend on the
        # process's string hashing, or two workers would answer one name differently
        keys = query_keys(forms)
        weighed: Iterable[Posting] = self._weighed(keys)
        if lists or kind:
            on = self._names_of(lists, kind)
            weighed = ((len(kept), kept, weight) for _, entries, weight in weighed
                       if len(kept := entries[on[entries]]))
        found = sorted(weighed, key=itemgetter(0))
        if not found:
            return []
        ranked = _ranked(found, limit * 3)
        chosen: list[int] = []
        per_party: dict[int, int] = defaultdict(int)
        for entry, party in zip(ranked, self._name_party[ranked].tolist(), strict=True):
            if per_party[party] < NAMES_PER_PARTY:  # many aliases must not crowd others out
                per_party[party] += 1
                chosen.append(entry)
                if len(chosen) == limit:
                    break
        return chosen

    def _weighed(self, keys: list[str]) -> list[Posting]:
        """The names carrying each key, for the keys some name carries, in key order. Keys asked
        before are answered from memory (a batch asks the same common words again and again: their
        names are views into the postings, not copies)."""
        known = self._known
        new = list(itertools.filterfalse(known.__contains__, keys))
        if len(known) + len(new) > KEYS_REMEMBERED:  # forget all, then look up every key asked
            known.clear()
            new = keys
        if new:
            names, entries = len(self.names), self._postings.entries
            for key, here, start, end in zip(new, *self._postings.spans(new), strict=True):
                count = end - start
                known[key] = (count, entries[start:end], key_weight(key, count, names)) if here else None
        return list(filter(None, map(known.__getitem__, keys)))

    def _names_of(self, lists: frozenset[str] | None, kind: str | None) -> np.ndarray:
        """For every name, whether its party is on one of `lists` and of `kind` (kept for the next
        query)."""
        if (lists, kind) not in self._names_on:
            wanted = np.ones(len(self.parties), dtype=bool)
            if lists:
                wanted &= self._party_in("list", lists)
            if kind:
                wanted &= self._party_in("kind", {kind})
            self._names_on[(lists, kind)] = wanted[self._name_party]
        return self._names_on[(lists, kind)]

    def _party_in(self, group: str, allowed: Set[str]) -> np.ndarray:
        """For every party, whether its list (or kind) is one of `allowed`."""
        codes = [code for code, name in enumerate(self._groups[f"{group}_names"].tolist()) if name in allowed]
        return np.isin(self._groups[f"party_{group}"], codes)


def _ranked(found: list[Posting], wanted: int) -> list[int]:
    """The `wanted` best entries by summed key weight; ties go to the earlier list entry, so that
    every runner (and the Spark join) picks alike. `found`: postings, rarest first."""
    lengths = [length for length, _, _ in found]
    proposing = max(1, bisect.bisect_right(list(itertools.accumulate(lengths)), PROPOSING_BUDGET))
    rarest = found[:proposing]  # only a lone rarest key can overrun the budget, and is cut to it
    proposed = np.concatenate([entries for _, entries, _ in rarest])[:PROPOSING_BUDGET]
    weights = np.array([weight for _, _, weight in rarest]).repeat(lengths[:proposing])[:PROPOSING_BUDGET]
    order = proposed.argsort(kind="stable")  # merges the sorted postings
    proposed = proposed[order]
    first = np.empty(len(proposed), dtype=bool)  # where each name's run of keys starts
    first[0] = True
    np.not_equal(proposed[1:], proposed[:-1], out=first[1:])
    starts = first.nonzero()[0]
    unique = proposed[starts]  # each name once, ascending, with the sum of its keys' weights
    scores = np.add.reduceat(weights[order], starts)
    for _, common, weight in found[proposing:]:  # common keys re-rank the names the rarer ones proposed
        at = np.minimum(common.searchsorted(unique), len(common) - 1)
        scores += weight * (common[at] == unique)
    if len(unique) > SORTED_WHOLE * wanted:  # keep the best `wanted` and every name tied with the last
        cut = scores.copy()
        cut.partition(len(scores) - wanted)  # in place: the `wanted`-th best score is then at its place
        keep = scores >= cut[len(scores) - wanted]
        unique, scores = unique[keep], scores[keep]
    return unique[(-scores).argsort(kind="stable")[:wanted]].tolist()  # ties: the earlier entry first


def _coded(values: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values, sorted, and each value as its number among them."""
    distinct = np.array(sorted(set(values)), dtype=str)
    return distinct, np.searchsorted(distinct, values).astype(np.uint16)


def file_digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _mapped_array(path: Path) -> np.ndarray:
    """A memory-mapped array as a plain ndarray view (numpy's memmap class slows every access)."""
    return np.load(path, mmap_mode="r", allow_pickle=False).view(np.ndarray)


def _mapped(path: Path) -> bytes | mmap.mmap:
    """The file's bytes, memory-mapped (an empty file cannot be mapped, and needs no map)."""
    if path.stat().st_size == 0:
        return b""
    with path.open("rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
