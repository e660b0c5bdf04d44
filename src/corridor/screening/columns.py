"""Flat storage for a large index: records as JSON in one byte string, postings as arrays.

A million listed parties held as Python objects take ~12 GB and minutes to unpickle. Held as a
few flat arrays and one byte string each, they take a fraction of that, open in milliseconds
from memory-mapped files, and are shared, not copied, by forked batch workers. A record is
decoded only when a query reaches it (a few of the twenty names a query shortlists pass the
prefilter), and the last ones decoded are kept. Nothing here is code: a file that is read can
only ever yield names and numbers.
"""

from __future__ import annotations

import json
import mmap
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any, Generic, TypeVar

import numpy as np
from xxhash import xxh3_64_digest, xxh3_64_intdigest

T = TypeVar("T")
DECODED_KEPT = 65_536  # records kept decoded: a batch meets the same few parties again and again


class Records(Sequence[T], Generic[T]):
    """A read-only sequence whose items are JSON values in `blob` at `offsets`, decoded on demand."""

    def __init__(self, blob: bytes | memoryview | mmap.mmap, offsets: np.ndarray,
                 decode: Callable[[Any], T]) -> None:
        self.blob, self.offsets, self._decode = blob, offsets, decode
        self._count = len(offsets) - 1
        self._item = lru_cache(maxsize=DECODED_KEPT)(self._read)

    @classmethod
    def encode(cls, values: Iterable[Any], decode: Callable[[Any], T]) -> Records[T]:
        """Records of JSON-ready `values` (each turned back into a T by `decode`)."""
        pieces = [json.dumps(v, ensure_ascii=False, separators=(",", ":")).encode() for v in values]
        offsets = np.zeros(len(pieces) + 1, dtype=np.int64)
        np.cumsum([len(p) for p in pieces], out=offsets[1:])
        return cls(b"".join(pieces), offsets, decode)

    def _read(self, number: int) -> T:
        start, end = int(self.offsets[number]), int(self.offsets[number + 1])
        return self._decode(json.loads(bytes(self.blob[start:end])))

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, number):  # type: ignore[override]
        if type(number) is int and 0 <= number < self._count:  # the path every query takes
            return self._item(number)
        if isinstance(number, slice):
            return [self[i] for i in range(*number.indices(self._count))]
        if not -self._count <= number < self._count:
            raise IndexError(number)
        return self._item(number % self._count)

    def __iter__(self) -> Iterator[T]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and len(self) == len(other) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


def key_hash(key: str) -> int:
    """A stable 64-bit number for a retrieval key (Python's own hash changes per process). Not
    cached: hashing a short key costs no more than a cache lookup, and a cache would hold ~20 MB."""
    return xxh3_64_intdigest(key.encode())


def key_hashes(keys: list[str]) -> np.ndarray:
    """`key_hash` of each key, as one array (a query's keys are mostly new: a cache would not help)."""
    digests = b"".join([xxh3_64_digest(key.encode()) for key in keys])
    return np.frombuffer(digests, dtype=">u8").astype(np.uint64)


class Postings:
    """Which entries carry each key: keys as sorted 64-bit hashes, entries as one int32 array."""

    def __init__(self, keys: np.ndarray, offsets: np.ndarray, entries: np.ndarray) -> None:
        self.keys, self.offsets, self.entries = keys, offsets, entries

    @classmethod
    def build(cls, entry_keys: Iterable[Iterable[str]]) -> Postings:
        """From each entry's keys, in entry order (two keys of equal hash share one posting)."""
        hashes, owners = array("Q"), array("i")  # 12 bytes a posting while building, not ~70
        for entry, keys in enumerate(entry_keys):
            for key in set(keys):
                hashes.append(key_hash(key))
                owners.append(entry)
        hashed = np.frombuffer(hashes, dtype=np.uint64) if hashes else np.zeros(0, np.uint64)
        entries = np.frombuffer(owners, dtype=np.int32) if owners else np.zeros(0, np.int32)
        order = np.lexsort((entries, hashed))
        hashed, entries = hashed[order], entries[order]
        keys, starts = np.unique(hashed, return_index=True)
        offsets = np.append(starts, len(entries)).astype(np.int64)
        return cls(keys, offsets, entries)

    def __len__(self) -> int:
        return len(self.keys)

    def spans(self, keys: list[str]) -> tuple[list[bool], list[int], list[int]]:
        """For each of `keys`, whether some entry carries it, and where its entries (ascending) start
        and end in `entries`; in one search."""
        if not len(self.keys):
            return [False] * len(keys), [0] * len(keys), [0] * len(keys)
        wanted = key_hashes(keys)
        slots = np.minimum(self.keys.searchsorted(wanted), len(self.keys) - 1)
        present = (self.keys[slots] == wanted).tolist()
        return present, self.offsets[slots].tolist(), self.offsets[slots + 1].tolist()
