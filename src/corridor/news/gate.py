"""Skip a regular expression on text that cannot match it, in one pass over the text.

Python's `re` scans every position of a text once per pattern, and an alternation of many
phrases under IGNORECASE is slow per position: two dozen trigger patterns and the name
patterns over every sentence cost more than everything else together. Each pattern, though,
requires some literal words ("remov", "white", "licen", "수출"), and those can be found for
all patterns at once with an Aho-Corasick automaton. A pattern runs only on text holding one
of its required words; a pattern with no required word (it could match anything) always runs.

The required words are read from the compiled pattern itself (its parse tree), so they stay
right when the vocabulary files change: no list to keep in step by hand.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping

import ahocorasick

try:  # the parse tree of a pattern; the module was renamed in Python 3.11
    from re import _constants as _sre
    from re import _parser as _parse
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _parse  # type: ignore[no-redef]

SHORTEST = 2  # a shorter Latin word would hold the gate open on nearly every text
SMALL_CLASS = 4  # a character class of this many letters or fewer ("[月월]") is a set of words


def required_words(pattern: str | re.Pattern[str]) -> frozenset[str] | None:
    """Lower-cased words of which every match contains at least one; None when no such set is
    known (the pattern must then always run)."""
    if isinstance(pattern, re.Pattern):
        pattern, flags = pattern.pattern, pattern.flags
    else:
        flags = 0
    return _sequence(_parse.parse(pattern, flags & ~re.UNICODE))


def _sequence(items) -> frozenset[str] | None:
    """The best word set of one element of a sequence: every element must match, so any will do;
    the one whose shortest word is longest, then the one with fewest words, filters most."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, argument in list(items) + [(None, None)]:
        if op is _sre.LITERAL:
            run.append(chr(argument).lower())
            continue
        if _useful("".join(run)):
            candidates.append(frozenset(["".join(run)]))
        run = []
        if op is _sre.IN:
            found = _characters(argument)
        elif op is _sre.SUBPATTERN:
            found = _sequence(argument[-1])
        elif op is _sre.BRANCH:
            found = _branch(argument[1])
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and argument[0] >= 1:
            found = _sequence(argument[2])
        else:
            found = None
        if found:
            candidates.append(found)
    return max(candidates, key=lambda words: (min(map(len, words)), -len(words)), default=None)


def _useful(word: str) -> bool:
    """Long enough to be rare: two characters, or one outside ASCII (a CJK character)."""
    return len(word) >= SHORTEST or (len(word) == 1 and not word.isascii())


def _characters(members) -> frozenset[str] | None:
    """ "[月월]": a few plain characters, each of which would do."""
    if len(members) > SMALL_CLASS or any(op is not _sre.LITERAL for op, _ in members):
        return None
    characters = frozenset(chr(code).lower() for _, code in members)
    return characters if all(map(_useful, characters)) else None


def _branch(alternatives) -> frozenset[str] | None:
    """Any alternative may match, so the set is the union, and only if each alternative has one."""
    words: set[str] = set()
    for alternative in alternatives:
        found = _sequence(alternative)
        if not found:
            return None
        words |= found
    return frozenset(words)


class Gate:
    """Which of several named patterns may match a text, from one pass of an automaton."""

    def __init__(self, patterns: Mapping[Hashable, str | re.Pattern[str]]) -> None:
        self.keys: frozenset[Hashable] = frozenset(patterns)
        self.always: frozenset[Hashable] = frozenset(
            key for key, pattern in patterns.items() if required_words(pattern) is None)
        self._automaton = ahocorasick.Automaton()
        owners: dict[str, set[Hashable]] = {}
        for key, pattern in patterns.items():
            for word in required_words(pattern) or ():
                owners.setdefault(word, set()).add(key)
        for word, keys in owners.items():
            self._automaton.add_word(word, frozenset(keys))
        if owners:
            self._automaton.make_automaton()

    def open_for(self, text: str) -> set[Hashable]:
        """The keys of the patterns that may match `text`; the others cannot."""
        keys = set(self.always)
        if self._automaton.kind == ahocorasick.AHOCORASICK:
            for _, owners in self._automaton.iter(text.lower()):
                keys |= owners
        return keys
