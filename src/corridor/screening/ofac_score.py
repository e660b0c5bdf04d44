"""What OFAC's own Sanctions List Search would score a name pair (0–100), shown beside corridor's.

Users who clear hits against OFAC's tool ask "what would OFAC say?". OFAC FAQ 249 says the
tool scores names with Jaro-Winkler in two ways and reports the higher: the whole string,
and name part by name part. The quirks that make the published scores reproducible were
reverse-engineered by OpenSanctions (nomenklatura, `matching/name_based/ofac.py`, MIT):
the whole-string score counts only when the first letters agree; the Winkler prefix bonus is
applied unconditionally (SimMetrics style); query parts of two letters or fewer are dropped;
a part pair below 0.5 counts as zero. This module follows that description.
"""

from __future__ import annotations

from rapidfuzz.distance import Jaro, JaroWinkler
from rigour.names import tokenize_name
from rigour.text.translit import maybe_ascii

PART_FLOOR = 0.5
SHORT_PART = 2
PREFIX_MAX = 4
PREFIX_WEIGHT = 0.1


def ofac_score(query: str, candidate: str) -> int:
    """OFAC-style score of `candidate` for `query`, 0–100 (the tool's own scale)."""
    q_tokens, c_tokens = _tokens(query), _tokens(candidate)
    if not q_tokens or not c_tokens:
        return 0
    return round(
        100 * max(_whole_string(" ".join(q_tokens), " ".join(c_tokens)), _per_part(q_tokens, c_tokens))
    )


def _tokens(name: str) -> list[str]:
    return [maybe_ascii(t).upper() for t in tokenize_name(name.replace("'", "").replace("’", ""))]


def _simmetrics_jaro_winkler(left: str, right: str) -> float:
    jaro = Jaro.similarity(left, right)
    prefix = 0
    for a, b in zip(left[:PREFIX_MAX], right[:PREFIX_MAX], strict=False):
        if a != b:
            break
        prefix += 1
    return jaro + prefix * PREFIX_WEIGHT * (1 - jaro)


def _whole_string(query: str, candidate: str) -> float:
    return _simmetrics_jaro_winkler(query, candidate) if query[0] == candidate[0] else 0.0


def _per_part(query: list[str], candidate: list[str]) -> float:
    parts = [t for t in query if len(t) > SHORT_PART] or query
    scores = [max(JaroWinkler.similarity(part, other) for other in candidate) for part in parts]
    return sum(s if s >= PART_FLOOR else 0.0 for s in scores) / len(scores)
