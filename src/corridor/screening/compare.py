"""Scoring two name forms, with the features that explain the score.

Tokens are aligned one to one (or a pair of adjacent tokens to one token, for `Jong Un` vs
`Jongun`, `Hua Wei` vs `Huawei` or `AL-RABI'I` vs `ALRABI'I`; a joined pair that agrees better wins
over a single token, and among equals the tokens at the same place in both names), each pair
scored by the mean of Jaro-Winkler and
optimal-string-alignment similarity (Jaro-Winkler alone forgives too much in short names; OSA is
Levenshtein that counts two swapped letters, the commonest typo, as one edit, not two). The name score
is the weighted share of tokens that align; a compact comparison of the whole names (spaces
removed) can raise it. Rules then cap scores that only look alike:

- organisations: generic words (`trading`, `group`, country names) weigh a quarter and can
  never make a match alone; numbers must agree exactly;
- persons: when the list records the family name it must align; otherwise two name parts
  must align when both names have two or more; a name part left over on *both* sides
  (`… AL-DULAIMI` / `… AL-TIKRITI`) is a different person until someone checks: review at most;
  so is a name part only half met (`Kim Kyu-sik` / `KIM Kyu`: `Kyu-sik` is one given name);
- Korean readings: Korean names have no middle names, so a syllable left over weighs fully,
  syllables align only when their loose keys agree (`yeong` is not `jeong`; `sung` and
  `song` are both 성), and a given name's syllables in another order (서영 / 영서) are another
  name: review at most; two Korean names in Latin letters that agree only as Western spellings
  would (`Kim Tong-nyong` / `KIM Tong-myong`: 녕 is not 명) are review at most, since only a typo
  would make them one;
- organisations: agreement resting on one short distinctive word (`GIA`, `HANA` + generic
  words) is review at most unless the names agree as written;
- pinyin readings align only near-identical syllables (`cheng` is not `chen`);
- names both written in the same CJK script are compared character by character in that
  script, so `김정은`/`김종은` and `高市早苗`/`高石早苗` differ by one syllable, as they do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein

from corridor.names import arabic, korean
from corridor.names.scripts import script_of
from corridor.screening.names import ARABIC_CONSONANTS, AS_KOREAN, NameForm, spells_a_korean_name

ALIGN_AT = 0.75
PREFILTER_AT = 70
PREFILTER_NEAR_AT = 60  # below the bar but near: worth asking whether one name is inside the other
PREFILTER_CONTAINED_AT = 90  # one name's sorted words nearly whole inside the other's
FAMILY_NAME_AT = 0.85
GENERIC_WEIGHT = 0.25
INITIAL_WEIGHT = 0.5
INITIAL_SIMILARITY = 0.8
STRICT_ALIGN_AT = 0.9
UNMATCHED_EXTRA_NAME_WEIGHT = 0.3
PARTICLE_WEIGHT = 0.25
# Name particles: part of a name, but too common to count as agreement on their own.
PARTICLES = frozenset(
    {
        "al",
        "el",
        "bin",
        "ibn",
        "abu",
        "abd",
        "ben",
        "bint",
        "de",
        "da",
        "di",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "du",
        "dos",
        "das",
        "y",
    }
)
CAP_ONLY_GENERIC = 0.5
CAP_FAMILY_NAME = 0.6
CAP_ONE_PART = 0.65
CAP_NUMBERS = 0.78
CAP_CONFLICT = 0.8
CAP_SHORT_NAME = 0.8
SHORT_NAME_LETTERS = 4
KOREAN_VOWEL_VARIANT = 0.9


Pair = tuple[tuple[int, ...], tuple[int, ...], float]  # query tokens, list tokens, their similarity
Similarity = Callable[[str, str, bool], float]  # two tokens, and whether the name is a person's


@dataclass(frozen=True, slots=True)
class Comparison:
    """The score of one query form against one list form, and why. The aligned and unmatched
    words are spelt out only when asked for: most comparisons score too low to be explained."""

    score: float
    query: NameForm
    candidate: NameForm
    pairs: tuple[Pair, ...] = ()
    features: dict[str, float | str] = field(default_factory=dict)
    caps: tuple[str, ...] = ()

    @property
    def aligned(self) -> tuple[tuple[str, str, float], ...]:
        words = self.query.tokens, self.candidate.tokens
        return tuple((" ".join(words[0][i] for i in qi), " ".join(words[1][j] for j in cj), round(sim, 3))
                     for qi, cj, sim in self.pairs)

    @property
    def unmatched_query(self) -> tuple[str, ...]:
        return _unmatched(self.query.tokens, {i for qi, _, _ in self.pairs for i in qi})

    @property
    def unmatched_candidate(self) -> tuple[str, ...]:
        return _unmatched(self.candidate.tokens, {j for _, cj, _ in self.pairs for j in cj})


def _unmatched(tokens: tuple[str, ...], done: set[int]) -> tuple[str, ...]:
    return tuple(token for i, token in enumerate(tokens) if i not in done)


@lru_cache(maxsize=1 << 18)
def token_similarity(a: str, b: str, person: bool) -> float:
    if a == b:
        return 1.0
    if korean.is_surname(a) or korean.is_surname(b):
        surname, other = (a, b) if korean.is_surname(a) else (b, a)
        return 1.0 if other in korean.surname_keys(surname) else 0.0
    if not (a + b).isalpha():  # tokens are letters and digits: a number must agree exactly
        return 0.0
    if len(a) == 1 or len(b) == 1:
        return INITIAL_SIMILARITY if person and a[0] == b[0] else 0.0
    return (JaroWinkler.normalized_similarity(a, b) + OSA.normalized_similarity(a, b)) / 2


def compare(
    query: NameForm, candidate: NameForm, person: bool, family_names: frozenset[str] = frozenset(),
    at_least: float = 0.0,
) -> Comparison:
    """Score in [0, 1] with the aligned tokens and the rules that capped it. A score that cannot
    reach `at_least` is reported as a bare 0 (the rules only lower a score, and a name that far
    off is not worth their time)."""
    if query.original and candidate.original:
        return _compare_same_script(query, candidate)
    if not query.tokens or not candidate.tokens:
        return Comparison(0.0, query, candidate)
    loose = query.korean or candidate.korean
    q_tokens = query.loose if loose else query.tokens
    c_tokens = candidate.loose if loose else candidate.tokens
    similarity: Similarity = korean_syllable_similarity if loose else token_similarity
    consonants = query.reading == ARABIC_CONSONANTS
    if consonants:  # consonants meet consonants; a name of three or four letters leaves no room for slips
        c_tokens, similarity = tuple(map(arabic.consonants, candidate.tokens)), consonant_similarity
    strict = query.strict or candidate.strict or loose or consonants
    pairs, q_done, c_done = _align(q_tokens, c_tokens, person, STRICT_ALIGN_AT if strict else ALIGN_AT,
                                   similarity)
    q_weights = _weights(query, q_tokens, person)
    c_weights = _weights(candidate, c_tokens, person)
    matched = aligned = 0.0  # weights are multiples of 1/4: their sums are exact in any order
    for qi, cj, sim in pairs:  # one token to one, or two adjacent tokens of one side to one of the other
        weight = q_weights[qi[0]] + c_weights[cj[0]] + (q_weights[qi[1]] if len(qi) == 2 else 0.0) + (
            c_weights[cj[1]] if len(cj) == 2 else 0.0)
        matched += sim * weight
        aligned += weight
    # A name that is wholly contained in the other (extra middle names, patronymics) weighs
    # its missing parts lightly; parts missing on both sides are a conflict and weigh fully,
    # as do the rest of a name part half met and a Korean name's syllables.
    subset = len(q_done) == len(q_tokens) or len(c_done) == len(c_tokens)
    korean_name = _korean_name(query) or _korean_name(candidate)
    extra = UNMATCHED_EXTRA_NAME_WEIGHT if subset and len(pairs) >= 2 and not korean_name else 1.0
    q_half = _half_met(query, q_done) if person else set()
    c_half = _half_met(candidate, c_done) if person else set()
    total = (aligned + _left_over(q_weights, q_done, q_half, extra)
             + _left_over(c_weights, c_done, c_half, extra))
    token_score = matched / total if total else 0.0
    compact_score = _compact_score(query, candidate, q_tokens, c_tokens)
    if round(max(token_score, compact_score), 4) < at_least:
        return Comparison(0.0, query, candidate)
    features: dict[str, float | str] = {
        "token_score": round(token_score, 3),
        "compact_score": round(compact_score, 3),
    }
    score = max(token_score, compact_score)
    score, caps = _apply_rules(
        score, query, candidate, q_tokens, c_tokens, pairs, person, family_names, compact_score,
        q_done, c_done,
    )
    if person and (q_half or c_half) and score > CAP_CONFLICT:
        score, caps = CAP_CONFLICT, (*caps, "a name part is only half met")
    if consonants and score > CAP_CONFLICT and any(len(q_tokens[i]) == 1 for qi, _, _ in pairs for i in qi):
        # `l` is Ali, Al (the article) and Āl (family) alike: too little to call a match on
        score, caps = CAP_CONFLICT, (*caps, "a word of one consonant agrees")
    if query.legal_form or candidate.legal_form:
        features["legal_form"] = f"{query.legal_form or '-'} / {candidate.legal_form or '-'}"
    return Comparison(
        score=round(score, 4),
        query=query,
        candidate=candidate,
        pairs=tuple(pairs),
        features=features,
        caps=caps,
    )


def compare_names(
    query: tuple[NameForm, ...],
    candidate: tuple[NameForm, ...],
    person: bool,
    family_names: frozenset[str] = frozenset(),
    at_least: float = 0.0,
) -> Comparison | None:
    """The best comparison over every pair of readings; two names in the same CJK script are
    compared only as written, so a one-syllable difference is not hidden by romanisation. A best
    score below `at_least` may be reported as 0 (see `compare`)."""
    if not candidate:
        return None
    q_original = next((f for f in query if f.original), None)
    c_original = q_original and next((f for f in candidate if f.original), None)
    if q_original and c_original and script_of(q_original.original) == script_of(c_original.original):
        return _compare_same_script(q_original, c_original)
    readings = [q.reading for q in query]
    # Both Korean names: one letter apart is another syllable (`nyong` is not `myong`), and a syllable
    # more another name, however alike they look as Western names; only a typo would make them one.
    both_korean = AS_KOREAN in readings and spells_a_korean_name(candidate[0].name)
    # a name in Arabic script meets another as both are written; its consonants meet Latin spellings
    arabic_listed = ARABIC_CONSONANTS in readings and arabic.is_arabic(candidate[0].name)
    best: Comparison | None = None
    for q in query:
        for c in candidate:
            if q.original or c.original or (arabic_listed and q.reading == ARABIC_CONSONANTS):
                continue
            if not _worth_comparing(q, c):
                continue
            # a reading that cannot beat the best so far need not be scored in full
            result = compare(q, c, person, family_names, max(at_least, best.score) if best else at_least)
            if both_korean and q.reading != AS_KOREAN and result.score > CAP_CONFLICT:
                result = replace(result, score=CAP_CONFLICT,
                                 caps=(*result.caps, "Korean names that agree only as Western spellings"))
            if best is None or result.score > best.score:
                best = result
                if best.score >= 1.0:  # nothing scores higher
                    return best
    return best


def _worth_comparing(query: NameForm, candidate: NameForm) -> bool:
    """A cheap C++ screen before the alignment: names sharing no near-token cannot score. A pair
    near the bar passes too when one name's words, sorted, are met nearly whole inside the other's:
    a one-letter slip in a name whose listing adds a patronymic (`Oleg Deripasca` / `DERIPASKA,
    Oleg Vladimirovich`) dilutes the token-set ratio below the bar."""
    theirs = _as_compared(query, candidate.loose_text)
    near = fuzz.token_set_ratio(query.loose_text, theirs)
    return (
        near >= PREFILTER_AT
        or fuzz.ratio(query.loose_text.replace(" ", ""), theirs.replace(" ", "")) >= PREFILTER_AT
        or near >= PREFILTER_NEAR_AT and _contained(query.loose_text, theirs)
    )


def _as_compared(query: NameForm, text: str) -> str:
    """A list name's loose text as the query's reading compares it: cut to its consonants for a
    name in Arabic script."""
    return arabic.consonant_text(text) if query.reading == ARABIC_CONSONANTS else text


def _contained(query: str, candidate: str) -> bool:
    """One name's words nearly whole inside the other's, or two adjacent words of one written as
    one word of the other (`hasan nasr arah` / `nasrarah hasan`, NASRALLAH, Hasan)."""
    return (fuzz.partial_token_sort_ratio(query, candidate) >= PREFILTER_CONTAINED_AT
            or _joined(query, candidate))


def _joined(query: str, candidate: str) -> bool:
    more, fewer = sorted((query.split(), candidate.split()), key=len, reverse=True)
    if len(more) == len(fewer):
        return False
    return not {a + b for a, b in zip(more, more[1:], strict=False)}.isdisjoint(fewer)


@dataclass(frozen=True, slots=True)
class Sketch:
    """What the prefilter needs of a list name, kept apart from its forms so that a name it turns
    away is never decoded: whether the name is a person's, whether it has a form compared as
    written (CJK script), and the loose text of every romanised form."""

    person: bool
    written: bool
    texts: tuple[str, ...]

    @classmethod
    def of(cls, forms: tuple[NameForm, ...], person: bool) -> Sketch:
        texts = tuple(f.loose_text for f in forms if not f.original)
        return cls(person, any(f.original for f in forms), texts)


def worth_comparing(query: dict[bool, tuple[NameForm, ...]], sketches: Sequence[Sketch]) -> list[bool]:
    """For each list name, whether `compare_names` could score it against the query's readings (as
    a person's, `query[True]`, or an organisation's): the pair prefilter, run in C over a whole
    shortlist at once. A name it turns away would have met no reading worth comparing."""
    # the same texts for both kinds: one pass; readings by consonants meet list names' consonants
    readings: dict[tuple[tuple[str, ...], bool, bool], set[bool]] = {}
    for person, forms in query.items():
        texts: list[str] = []
        consonants: list[str] = []
        written = False
        for form in forms:
            if form.original:
                written = True
            else:
                (consonants if form.reading == ARABIC_CONSONANTS else texts).append(form.loose_text)
        readings.setdefault((tuple(texts), written, False), set()).add(person)
        if consonants:
            readings.setdefault((tuple(consonants), False, True), set()).add(person)
    worth = [False] * len(sketches)
    for (query_texts, written, by_consonants), kinds in readings.items():
        owners: list[int] = []
        theirs: list[str] = []
        for number, sketch in enumerate(sketches):
            if sketch.person not in kinds:
                continue
            if written and sketch.written:  # compared as written, whatever the prefilter says
                worth[number] = True
            for text in sketch.texts:
                owners.append(number)
                theirs.append(arabic.consonant_text(text) if by_consonants else text)
        if query_texts and theirs:
            for number, passed in zip(owners, _pairs_pass(list(query_texts), theirs), strict=True):
                worth[number] = worth[number] or passed
    return worth


def _pairs_pass(query: list[str], candidate: list[str]) -> list[bool]:
    """For each candidate text, whether some query text passes `_worth_comparing` with it."""
    near = process.cdist(query, candidate, scorer=fuzz.token_set_ratio, dtype=np.float64,
                         score_cutoff=PREFILTER_NEAR_AT)
    nearest = _best_of_each(near).tolist()
    passing = [score >= PREFILTER_AT for score in nearest]
    if not all(passing):
        spaceless = process.cdist([t.replace(" ", "") for t in query],
                                  [t.replace(" ", "") for t in candidate],
                                  scorer=fuzz.ratio, dtype=np.float64, score_cutoff=PREFILTER_AT)
        passing = [passed or score >= PREFILTER_AT
                   for passed, score in zip(passing, _best_of_each(spaceless).tolist(), strict=True)]
    for j, score in enumerate(nearest):
        if score >= PREFILTER_NEAR_AT and not passing[j]:  # the few left near
            passing[j] = any(near[i, j] >= PREFILTER_NEAR_AT and _contained(text, candidate[j])
                             for i, text in enumerate(query))
    return passing


def _best_of_each(scores: np.ndarray) -> np.ndarray:
    """Each candidate's best score over the query's texts (most queries have one)."""
    return scores[0] if len(scores) == 1 else scores.max(axis=0)


@lru_cache(maxsize=1 << 18)
def korean_syllable_similarity(a: str, b: str, person: bool) -> float:
    """Loose keys of Korean syllables (or of Latin tokens met by a Korean reading) agree or
    differ: near spellings of different syllables (`yonk`/`jonk`) do not align. Two spellings the
    keys do not fold are variants: `u` for `o` (Sung, Jung for 성, 정), and `e` for `ae` (kana
    writes 애 and 에 alike, エ: チェ・リョンヘ is 최룡해, CHOE Ryong Hae)."""
    if a == b or korean.is_surname(a) or korean.is_surname(b):
        return token_similarity(a, b, person)
    if a.replace("u", "o") == b.replace("u", "o") or a.replace("ae", "e") == b.replace("ae", "e"):
        return KOREAN_VOWEL_VARIANT
    return token_similarity(a, b, person)


def consonant_similarity(a: str, b: str, person: bool) -> float:
    """Words cut to their consonants: one letter left is a whole word, not an initial (`l` is Ali)."""
    if len(a) == 1 or len(b) == 1:
        return float(a == b)
    return token_similarity(a, b, person)


def _korean_name(form: NameForm) -> bool:
    """A Korean name, with no middle names and its surname first: a reading of Hangul, or a kana
    name that starts with a Korean surname. A Western name read from kana is compared by loose
    keys too (kana writes l and r alike), but is not one."""
    return form.korean and (not form.strict or korean.is_surname(form.loose[0] if form.loose else ""))


def _left_over(weights: tuple[float, ...], done: set[int], half_met: set[int], extra: float) -> float:
    """The weight of the tokens left unaligned: a name part half met weighs fully, others `extra`."""
    left = 0.0
    for i, weight in enumerate(weights):
        if i not in done:
            left += weight * (1.0 if i in half_met else extra)
    return left


def _half_met(form: NameForm, done: set[int]) -> set[int]:
    """Tokens left over from a name part whose other tokens aligned; a particle left over is not
    (`TIKRITI` meets `AL-TIKRITI` whole: lists write the article joined or apart, and leave it out)."""
    if len(done) == len(form.tokens) or not done:
        return set()  # nothing left over, or nothing met
    parts = form.parts or tuple(range(len(form.tokens)))
    met = {parts[i] for i in done}
    return {i for i, part in enumerate(parts)
            if i not in done and part in met and form.tokens[i] not in PARTICLES}


def _align(
    q: tuple[str, ...], c: tuple[str, ...], person: bool, align_at: float = ALIGN_AT,
    similarity: Similarity = token_similarity,
) -> tuple[list[Pair], set[int], set[int]]:
    """Greedy best-first one-to-one alignment of tokens, with the query's and the list name's
    tokens it aligned. When tokens are left over on both sides, a pair of adjacent tokens may also
    align to one token (`AL-RABI'I` / `ALRABI'I`), in the same best-first pass: a joined pair that
    agrees better than a single token wins."""
    singles = [((i,), (j,), sim) for i, a in enumerate(q) for j, b in enumerate(c)
               if (sim := similarity(a, b, person)) >= align_at]
    aligned = _greedy(list(singles), len(q), len(c))
    q_done, c_done = aligned[1], aligned[2]
    if len(q_done) == len(q) and len(c_done) == len(c):
        return aligned
    # a joined pair holds a token left over: only then can it explain more (plain loops: these
    # lists are a few words long, and a comprehension would cost more to set up than to run)
    joins: list[Pair] = []
    for i in range(len(q) - 1):
        if i not in q_done or i + 1 not in q_done:
            joined = q[i] + q[i + 1]
            for j, b in enumerate(c):
                if len(b) > 3 and (sim := similarity(joined, b, person)) >= align_at:
                    joins.append(((i, i + 1), (j,), sim))
    for j in range(len(c) - 1):
        if j not in c_done or j + 1 not in c_done:
            joined = c[j] + c[j + 1]
            for i, a in enumerate(q):
                if len(a) > 3 and (sim := similarity(a, joined, person)) >= align_at:
                    joins.append(((i,), (j, j + 1), sim))
    return _greedy(singles + joins, len(q), len(c)) if joins else aligned


def _greedy(options: list[Pair], q_len: int, c_len: int) -> tuple[list[Pair], set[int], set[int]]:
    """Best first; among equals, a joined pair before a single token (it explains more), then
    the tokens nearer the same place in both names (`AL` beside `MASHHADANI`, not the first `AL`)."""
    if len(options) == 1:
        return options, set(options[0][0]), set(options[0][1])
    options.sort(key=lambda o: (-o[2], -len(o[0]) - len(o[1]), abs(o[0][0] / q_len - o[1][0] / c_len)))
    chosen: list[Pair] = []
    q_used: set[int] = set()
    c_used: set[int] = set()
    for qi, cj, sim in options:
        if q_used.isdisjoint(qi) and c_used.isdisjoint(cj):
            chosen.append((qi, cj, sim))
            q_used.update(qi)
            c_used.update(cj)
    return chosen, q_used, c_used


def _weights(form: NameForm, tokens: tuple[str, ...], person: bool) -> tuple[float, ...]:
    return _token_weights(tokens, form.generic or (False,) * len(tokens), person)


@lru_cache(maxsize=1 << 16)
def _token_weights(tokens: tuple[str, ...], generic: tuple[bool, ...], person: bool) -> tuple[float, ...]:
    return tuple(
        INITIAL_WEIGHT
        if len(t) == 1
        else GENERIC_WEIGHT
        if (not person and is_generic)
        else PARTICLE_WEIGHT
        if (person and t in PARTICLES)
        else 1.0
        for t, is_generic in zip(tokens, generic, strict=True)
    )


def _compact_score(query: NameForm, candidate: NameForm, q: tuple[str, ...], c: tuple[str, ...]) -> float:
    """Similarity of the names (as compared: `q`, `c`) with spaces removed, in order and sorted;
    short names excluded."""
    q_text, c_text = "".join(q), "".join(c)
    if min(len(q_text), len(c_text)) < 6:
        # short names agree only as spelt: loose keys fold too much of them (`기아` is not `GIA`)
        return 1.0 if "".join(query.tokens) == "".join(candidate.tokens) else 0.0
    if q_text == c_text:
        return 1.0
    return max(
        Levenshtein.normalized_similarity(q_text, c_text),
        Levenshtein.normalized_similarity("".join(sorted(q)), "".join(sorted(c))),
    )


def _apply_rules(
    score: float,
    query: NameForm,
    candidate: NameForm,
    q_tokens: tuple[str, ...],
    c_tokens: tuple[str, ...],
    pairs: list,
    person: bool,
    family_names: frozenset[str],
    compact_score: float,
    q_done: set[int],
    c_done: set[int],
) -> tuple[float, tuple[str, ...]]:
    caps = []
    if not person:
        distinctive = [i for i in q_done if not (query.generic and query.generic[i])]
        if not distinctive and compact_score < 0.95:
            caps.append(("only generic words agree", CAP_ONLY_GENERIC))
        elif _one_short_word_agrees(query, candidate, pairs, compact_score):
            caps.append(("one short word agrees, the names differ", CAP_SHORT_NAME))
    if _number_left(query.tokens, q_done) or _number_left(candidate.tokens, c_done):
        caps.append(("numbers differ", CAP_NUMBERS))
    if (
        person
        and _distinctive_left(query, q_tokens, q_done)
        and _distinctive_left(candidate, c_tokens, c_done)
    ):
        caps.append(("a name part differs on both sides", CAP_CONFLICT))
    if pairs and all(len(query.tokens[i]) == 1 for qi, _, _ in pairs for i in qi):
        caps.append(("only initials agree", CAP_ONLY_GENERIC))
    korean_names = _korean_name(query) or _korean_name(candidate)
    if person and korean_names and _out_of_order(pairs, q_tokens, c_tokens):
        caps.append(("the given name's syllables are in another order", CAP_CONFLICT))
    if person:
        family = [j for j, t in enumerate(candidate.tokens) if t in family_names] if family_names else []
        if _korean_name(query) and 0 not in q_done:
            caps.append(("Korean surname does not agree", CAP_FAMILY_NAME))
        elif family and not any(sim >= FAMILY_NAME_AT for _, cj, sim in pairs if set(cj) & set(family)):
            caps.append(("family name does not agree", CAP_FAMILY_NAME))
        elif not family and min(len(q_tokens), len(c_tokens)) >= 2 and len(pairs) < 2 and compact_score < 0.9:
            caps.append(("only one name part agrees", CAP_ONE_PART))
    for _, cap in caps:
        score = min(score, cap)
    return score, tuple(reason for reason, _ in caps)


def _out_of_order(pairs: list, q_tokens: tuple[str, ...], c_tokens: tuple[str, ...]) -> bool:
    """A Korean given name is its syllables in their order (서영 is not 영서): whether the syllables
    aligned, surnames aside, cross."""
    given = sorted((qi[0], cj[0]) for qi, cj, _ in pairs
                   if not any(map(korean.is_surname, [q_tokens[i] for i in qi] + [c_tokens[j] for j in cj])))
    return any(a[1] > b[1] for a, b in zip(given, given[1:], strict=False))


def _number_left(tokens: tuple[str, ...], done: set[int]) -> bool:
    """An unaligned token with a digit in it (a number must agree exactly or not at all)."""
    if "".join(tokens).isalpha():
        return False
    return any(i not in done and not t.isalpha() for i, t in enumerate(tokens))


def _one_short_word_agrees(query: NameForm, candidate: NameForm, pairs: list, compact_score: float) -> bool:
    """An organisation met on one distinctive word of at most four letters (`HANA` with
    generic words; `기아` read `gi a` against `GIA`) whose names, as written, differ: too
    little to call a match."""
    generic = candidate.generic or (False,) * len(candidate.tokens)
    distinctive = [cj for _, cj, _ in pairs if not all(generic[j] for j in cj)]
    if not pairs and compact_score >= 0.95:
        distinctive = [tuple(range(len(candidate.tokens)))]
    if len(distinctive) != 1:
        return False
    letters = sum(len(candidate.tokens[j]) for j in distinctive[0])
    return letters <= SHORT_NAME_LETTERS and _as_written(query.name) != _as_written(candidate.name)


def _as_written(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _distinctive_left(form: NameForm, tokens: tuple[str, ...], done: set[int]) -> bool:
    """An unaligned name part that is neither an initial nor a particle."""
    return any(i not in done and len(t) > 1 and form.tokens[i] not in PARTICLES for i, t in enumerate(tokens))


def _compare_same_script(query: NameForm, candidate: NameForm) -> Comparison:
    written, theirs = query.original or "", candidate.original or ""
    same = script_of(written) == script_of(theirs)
    score = Levenshtein.normalized_similarity(written, theirs) if same else 0.0
    return Comparison(
        round(score, 4),
        query,
        candidate,
        features={"same_script_score": round(score, 3), "script": script_of(written)},
    )
