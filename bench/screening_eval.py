"""Screening quality on public benchmarks: dev beside a frozen test split, thresholds chosen by
cross-validation on dev, baselines given the same cases.

The split (bench/screening_frozen, written by bench/screening_split.py before any scoring rule
was tuned, pinned by MANIFEST.sha256) puts one case in five of each set in `test`, by a hash of
the case id. Rules are changed looking at `dev` only; `test` is scored, never studied.

Figures (all from ../shared/data; the script skips with a message when it is absent):

- nomenklatura name_bench (cases.csv): the match threshold chosen by 5-fold cross-validation on
  dev (best F1 on four folds, applied to the fifth), out-of-fold F1 on dev, and F1 on the frozen
  test at the threshold chosen on all of dev; the same for logic-v2's scores from its frozen
  run (logicv2-frozen.csv, matched by names and schema; its own threshold 0.7 as well), and
  live when nomenklatura is installed (`pip install -e .[bench]`);
- the alert threshold (lowest score shown to an officer): the lowest at which at most 1 % of the
  unlisted Korean and Japanese names of the other folds alert, by the same 5-fold scheme;
- unlisted names: the LoC Korean names as written (Hangul, Hanja) and as romanised, and the
  synthetic Korean and Japanese people and firms of screening_frozen/unlisted.csv, screened
  against OFAC SDN + UN + the CSL sample. Any hit counts as an alert, even one that could be
  right: none of these people is known to be listed;
- Korean-name recall: every LoC name screened, as written, against a list of all LoC
  romanisations; found when its own entry alerts (retrieval and scoring both count);
- UN recall: the UN positives (yente fixtures) against the UN list, untreated and with one
  typo each (a seeded edit in one word of four letters or more);
- Arabic-script recall: each Arabic-script name the UN list gives a party, screened against OFAC
  SDN alone (Latin names only), is found when it meets the OFAC party that the UN party's own Latin
  name meets in the match band (the counterpart is so labelled by corridor itself: a check of
  cross-script retrieval and scoring, not of Latin matching). Added in the fifth session; its test
  part (sha256 of the Arabic name, one in five) was set before the article rule was written, and
  only dev misses were read;
- hit rates of the synthetic qarin negatives and of US Congress names against OFAC SDN + UN;
- rigour on a task it is meant for: its Revised Romanization of LoC Hangul names compared with
  corridor's own Revised Romanization (syllables joined, same scheme), beside the old
  RR-vs-McCune-Reischauer comparison, which no RR reader can pass;
- agreement with the scores OFAC's own Sanctions List Search gave (ofac_sls_scores.csv);
- the plain way as baseline for the alert budget, Korean-name recall and UN recall: every query
  transliterated to ASCII (normality, which reads Hangul, Han and kana) and scored with rapidfuzz
  WRatio against every list name; its alert threshold chosen by the same 5-fold CV at the same
  1 % budget on the same unlisted names, its recall counted on the same queries the same way.

Prints a table, then one JSON line of the figures as its last line.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
import random
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from normality import ascii_text
from rapidfuzz import fuzz, process
from rigour.text.translit import maybe_ascii
from screening_split import DATA, FROZEN, case_id, frozen_split  # the split's own module

from corridor.names import arabic, korean
from corridor.names.scripts import Script, script_of
from corridor.screening import MATCH_AT, REVIEW_AT, Party, Query, Schema, ScreeningIndex, screen
from corridor.screening.compare import compare_names
from corridor.screening.formats import parse_csl, parse_ofac, parse_un
from corridor.screening.names import name_forms
from corridor.screening.ofac_score import ofac_score

DAY = date(2026, 3, 1)
LOGIC_V2_THRESHOLD = 0.7
FOLDS = 5
ALERT_RATE_TARGET = 0.01
GRID = [round(0.4 + i / 100, 2) for i in range(61)]  # candidate thresholds 0.40 … 1.00
FLOOR = GRID[0]


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def fold_of(identifier: str) -> int:
    return int(hashlib.sha256(f"fold:{identifier}".encode()).hexdigest()[:8], 16) % FOLDS


def prf(predicted: Sequence[bool], gold: Sequence[bool]) -> dict[str, float]:
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    fp = sum(p and not g for p, g in zip(predicted, gold, strict=True))
    fn = sum(g and not p for p, g in zip(predicted, gold, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def best_f1_threshold(scores: Sequence[float], gold: Sequence[bool]) -> float:
    """The grid threshold with the best F1; ties go to the higher (fewer alerts)."""
    return max(GRID, key=lambda t: (prf([s >= t for s in scores], gold)["f1"], t))


def cross_validated(
    ids: Sequence[str], scores: Sequence[float], gold: Sequence[bool],
    choose: Callable[[list[float], list[bool]], float],
) -> tuple[list[bool], list[float]]:
    """Out-of-fold predictions: each fold judged at the threshold chosen on the other folds."""
    predicted = [False] * len(ids)
    chosen = []
    for fold in range(FOLDS):
        train = [i for i, c in enumerate(ids) if fold_of(c) != fold]
        threshold = choose([scores[i] for i in train], [gold[i] for i in train])
        chosen.append(threshold)
        for i, c in enumerate(ids):
            if fold_of(c) == fold:
                predicted[i] = scores[i] >= threshold
    return predicted, chosen


def threshold_figures(
    ids: list[str], scores: list[float], gold: list[bool], parts: list[str], fixed: float
) -> dict:
    """Out-of-fold F1 on dev, the threshold chosen on all of dev, and test F1 at it and at `fixed`."""
    dev = [i for i, p in enumerate(parts) if p == "dev"]
    test = [i for i, p in enumerate(parts) if p == "test"]
    pick = lambda idx: [scores[i] for i in idx]  # noqa: E731
    truth = lambda idx: [gold[i] for i in idx]  # noqa: E731
    oof, chosen = cross_validated([ids[i] for i in dev], pick(dev), truth(dev), best_f1_threshold)
    threshold = best_f1_threshold(pick(dev), truth(dev))
    return {
        "cases_dev": len(dev),
        "cases_test": len(test),
        "fold_thresholds": chosen,
        "dev_out_of_fold": prf(oof, truth(dev)),
        "threshold_chosen_on_dev": threshold,
        "test_at_chosen": prf([s >= threshold for s in pick(test)], truth(test)),
        "fixed_threshold": fixed,
        "dev_at_fixed": prf([s >= fixed for s in pick(dev)], truth(dev)),
        "test_at_fixed": prf([s >= fixed for s in pick(test)], truth(test)),
    }


def corridor_score(name1: str, name2: str, schema: str) -> float:
    person = schema == "Person"
    result = compare_names(name_forms(name1, person), name_forms(name2, person), person)
    return result.score if result else 0.0


def nomenklatura_scorer(algorithm_name: str = "logic-v2"):
    """A nomenklatura algorithm as a function of two names, or None when it is not installed."""
    try:
        from followthemoney import model
        from nomenklatura.matching import ScoringConfig, get_algorithm
    except ImportError:
        return None
    algorithm, config = get_algorithm(algorithm_name), ScoringConfig.defaults()
    ids = itertools.count()

    def score(name1: str, name2: str, schema: str) -> float:
        left, right = model.make_entity(schema), model.make_entity(schema)
        # fresh ids on every call: nomenklatura caches results by entity id
        left.id, right.id = f"left-{next(ids)}", f"right-{next(ids)}"
        left.add("name", name1)
        right.add("name", name2)
        return algorithm.compare(left, right, config).score

    return score


def name_bench(split: dict, nomenklatura) -> dict:
    """corridor and logic-v2 on the same cases: those the frozen logic-v2 run scored (matched by
    names and schema; a few groups were renamed since), labels from today's cases.csv."""
    frozen = {(r["name1"], r["name2"], r["schema"]): float(r["score"])
              for r in rows(DATA / "nk-name-bench" / "logicv2-frozen.csv")}
    cases = rows(DATA / "nk-name-bench" / "cases.csv")
    ids = [case_id(r["case_group"], r["schema"], r["name1"], r["name2"]) for r in cases]
    parts = [split[("name_bench", i)] for i in ids]
    gold = [r["is_match"] == "true" for r in cases]
    started = time.perf_counter()
    ours = [corridor_score(r["name1"], r["name2"], r["schema"]) for r in cases]
    us_per_pair = round((time.perf_counter() - started) / len(cases) * 1e6, 1)
    shared = [i for i, r in enumerate(cases) if (r["name1"], r["name2"], r["schema"]) in frozen]
    on = lambda values: [values[i] for i in shared]  # noqa: E731
    theirs = [frozen[(cases[i]["name1"], cases[i]["name2"], cases[i]["schema"])] for i in shared]
    figures = {
        "cases": len(cases),
        "shared_with_logic_v2_frozen": len(shared),
        "corridor": threshold_figures(on(ids), on(ours), on(gold), on(parts), MATCH_AT),
        "logic_v2_frozen": threshold_figures(on(ids), theirs, on(gold), on(parts), LOGIC_V2_THRESHOLD),
        "corridor_all_cases": threshold_figures(ids, ours, gold, parts, MATCH_AT),
        "corridor_us_per_pair": us_per_pair,
    }
    if nomenklatura:
        live = [nomenklatura(r["name1"], r["name2"], r["schema"]) for r in cases]
        figures["logic_v2_live"] = threshold_figures(ids, live, gold, parts, LOGIC_V2_THRESHOLD)
    return figures


def top_scores(index: ScreeningIndex, names: list[tuple[str, Schema | None]],
               lists: frozenset[str] | None = None) -> list[float]:
    """The best hit's score for each name (0 when nothing reaches the lowest grid threshold)."""
    scores = []
    for name, schema in names:
        hits = screen(index, Query(name, DAY, schema=schema, lists=lists), floor=FLOOR).hits
        scores.append(max((h.score for h in hits), default=0.0))
    return scores


def lowest_quiet_threshold(scores: list[float], _gold: list[bool] | None = None) -> float:
    """The lowest grid threshold at which at most ALERT_RATE_TARGET of the names alert."""
    return next(t for t in GRID if sum(s >= t for s in scores) <= ALERT_RATE_TARGET * len(scores))


def loc_cases() -> list[tuple[str, str, str]]:
    """(id, name as written, LoC romanisation without diacritics or apostrophes)."""
    cases = []
    with (DATA / "loc-korean-romanization" / "korean.csv").open(encoding="utf-8") as handle:
        for row in csv.reader(handle):
            if row and row[0] == "korean_names":
                target = unicodedata.normalize("NFKD", row[2])
                target = "".join(ch for ch in target if not unicodedata.combining(ch))
                cases.append((case_id(row[1], row[2]), row[1], target.replace("'", "").replace("’", "")))
    return cases


def unlisted_names(split: dict) -> list[tuple[str, str, str, Schema | None]]:
    """(id, source, name, schema) of every unlisted name: LoC names as written and romanised
    (split with their LoC case), and the synthetic people and firms."""
    names = []
    for identifier, written, romanised in loc_cases():
        names.append((identifier, "LoC Korean name as written", written, Schema.PERSON))
        names.append((identifier, "LoC Korean name romanised", romanised, Schema.PERSON))
    names += [(r["case_id"], r["source"], r["name"], Schema.parse(r["schema"]))
              for r in rows(FROZEN / "unlisted.csv")]
    return names


def alerts(index: ScreeningIndex, split: dict) -> tuple[dict, float]:
    """Alert rates of the unlisted names, with the alert threshold chosen on dev by 5-fold CV."""
    names = unlisted_names(split)
    scores = top_scores(index, [(n, s) for _, _, n, s in names])
    parts = [split.get(("unlisted", i)) or split[("loc_korean_names", i)] for i, *_ in names]
    dev = [i for i, p in enumerate(parts) if p == "dev"]
    test = [i for i, p in enumerate(parts) if p == "test"]
    oof, chosen = cross_validated([names[i][0] for i in dev], [scores[i] for i in dev],
                                  [False] * len(dev), lowest_quiet_threshold)
    threshold = lowest_quiet_threshold([scores[i] for i in dev])
    rate = lambda idx, t: round(sum(scores[i] >= t for i in idx) / len(idx), 4)  # noqa: E731
    by_source = {}
    for source in dict.fromkeys(n[1] for n in names):
        idx = [i for i in dev if names[i][1] == source]
        by_source[source] = {"dev_names": len(idx), "dev_at_review": rate(idx, REVIEW_AT),
                             "dev_at_match": rate(idx, MATCH_AT)}
    return {
        "names_dev": len(dev),
        "names_test": len(test),
        "fold_thresholds": chosen,
        "dev_out_of_fold_alert_rate": round(sum(oof) / len(dev), 4),
        "alert_threshold_chosen_on_dev": threshold,
        "test_alert_rate_at_chosen": rate(test, threshold),
        "review_at": REVIEW_AT,
        "dev_alert_rate_at_review": rate(dev, REVIEW_AT),
        "test_alert_rate_at_review": rate(test, REVIEW_AT),
        "dev_match_rate": rate(dev, MATCH_AT),
        "test_match_rate": rate(test, MATCH_AT),
        "dev_by_source": by_source,
    }, threshold


def korean_recall(split: dict, alert_at: float) -> dict:
    """Each LoC name, as written, screened against a list of every LoC romanisation."""
    cases = loc_cases()
    unique = dict((c[0], c) for c in cases).values()
    parties = [Party("loc", i, Schema.PERSON, target) for i, _, target in unique]
    index = ScreeningIndex(parties)
    found: dict[str, float] = {}
    for identifier, written, _ in cases:
        hits = screen(index, Query(written, DAY), floor=FLOOR).hits
        found[identifier] = max((h.score for h in hits if h.party.id == identifier), default=0.0)
    figures = {"names": len(cases)}
    for part in ("dev", "test", None):
        for script in (Script.HANGUL, Script.HAN, None):
            subset = [c for c in cases if (part is None or split[("loc_korean_names", c[0])] == part)
                      and (script is None or script_of(c[1]) is script)]
            label = f"{part or 'all'}_{'hangul' if script is Script.HANGUL else 'hanja' if script else 'all'}"
            recall = lambda t, subset=subset: round(sum(found[c[0]] >= t for c in subset) / len(subset), 3)  # noqa: E731
            figures[label] = {"names": len(subset), "recall_at_review": recall(REVIEW_AT),
                              "recall_at_chosen_alert": recall(alert_at), "recall_at_match": recall(MATCH_AT)}
    return figures


def with_typo(name: str) -> str:
    """One seeded edit (substitute, delete, insert or swap) in one word of four letters or more."""
    rng = random.Random(name)
    words = name.split()
    long_words = [i for i, w in enumerate(words) if len(w) >= 4]
    if not long_words:
        return name
    w = rng.choice(long_words)
    word = words[w]
    at = rng.randrange(1, len(word) - 1)
    letter = rng.choice("abcdefghijklmnopqrstuvwxyz")
    letter = letter.upper() if word.isupper() else letter
    edit = rng.choice(("substitute", "delete", "insert", "swap"))
    if edit == "substitute":
        word = word[:at] + letter + word[at + 1:]
    elif edit == "delete":
        word = word[:at] + word[at + 1:]
    elif edit == "insert":
        word = word[:at] + letter + word[at:]
    else:
        word = word[:at] + word[at + 1] + word[at] + word[at + 2:]
    words[w] = word
    return " ".join(words)


def un_positives(split: dict) -> tuple[list[str], list[str]]:
    """The UN positives (yente fixtures) and the part, dev or test, of each."""
    names = [r["full_name"] for r in rows(DATA / "yente-screening-fixtures" / "positives_un_untreated.csv")]
    return names, [split[("un_positives", case_id(n))] for n in names]


def un_recall(index: ScreeningIndex, split: dict, alert_at: float) -> dict:
    names, parts = un_positives(split)
    figures: dict[str, dict] = {}
    for label, queries in (("untreated", names), ("one_typo", [with_typo(n) for n in names])):
        scores = top_scores(index, [(q, None) for q in queries], frozenset({"un"}))
        for part in ("dev", "test"):
            idx = [i for i, p in enumerate(parts) if p == part]
            figures[f"{label}_{part}"] = {
                "names": len(idx),
                "recall_at_review": round(sum(scores[i] >= REVIEW_AT for i in idx) / len(idx), 4),
                "recall_at_chosen_alert": round(sum(scores[i] >= alert_at for i in idx) / len(idx), 4),
                "recall_at_match": round(sum(scores[i] >= MATCH_AT for i in idx) / len(idx), 4),
            }
    return figures


def plain(name: str) -> str:
    return (ascii_text(name) or "").lower()


def brute_force_top(queries: list[str], list_names: list[str]) -> list[float]:
    """The best WRatio (0–1) of each query over every list name: the plain way, no index."""
    choices = [plain(n) for n in list_names]
    best = (process.extractOne(plain(q), choices, scorer=fuzz.WRatio) for q in queries)
    return [found[1] / 100 if found else 0.0 for found in best]


def brute_force_baseline(parties: list[Party], un: list[Party], split: dict) -> dict:
    """The baseline on corridor's own alert-budget, Korean and UN recall queries."""
    names = unlisted_names(split)
    scores = brute_force_top([n for _, _, n, _ in names], [n for p in parties for n in p.names()])
    parts = [split.get(("unlisted", i)) or split[("loc_korean_names", i)] for i, *_ in names]
    dev = [i for i, p in enumerate(parts) if p == "dev"]
    test = [i for i, p in enumerate(parts) if p == "test"]
    oof, _ = cross_validated([names[i][0] for i in dev], [scores[i] for i in dev], [False] * len(dev),
                             lowest_quiet_threshold)
    alert_at = lowest_quiet_threshold([scores[i] for i in dev])
    korean = {c[0]: fuzz.WRatio(plain(c[1]), plain(c[2])) / 100 for c in loc_cases()}  # its own entry
    un_names, un_parts = un_positives(split)
    typo = brute_force_top([with_typo(n) for n in un_names], [n for p in un for n in p.names()])
    test_alerts = sum(scores[i] >= alert_at for i in test)
    figures: dict = {"alert_threshold_chosen_on_dev": alert_at,
                     "dev_out_of_fold_alert_rate": round(sum(oof) / len(dev), 4),
                     "test_alert_rate_at_chosen": round(test_alerts / len(test), 4)}
    for part in ("dev", "test"):
        loc = [i for i, _, _ in loc_cases() if split[("loc_korean_names", i)] == part]
        figures[f"korean_recall_{part}"] = round(sum(korean[i] >= alert_at for i in loc) / len(loc), 3)
        typed = [typo[i] for i, p in enumerate(un_parts) if p == part]
        figures[f"un_one_typo_recall_{part}"] = round(sum(t >= alert_at for t in typed) / len(typed), 4)
    return figures


def arabic_script_recall(ofac: list[Party], un: list[Party]) -> dict:
    """UN parties' Arabic-script names against OFAC's Latin listing of the same party (see above)."""
    index = ScreeningIndex(ofac)
    counted = {part: [0, 0, 0] for part in ("dev", "test")}  # names, found at review, found at match
    for party in un:
        written = [name for name in party.names() if arabic.is_arabic(name)]
        latin = screen(index, Query(party.name, DAY)).hits if written else ()
        if not latin or latin[0].band != "match":
            continue
        wanted = latin[0].party.id
        for name in written:
            part = "test" if int(hashlib.sha256(name.encode()).hexdigest(), 16) % 5 == 0 else "dev"
            hit = next((h for h in screen(index, Query(name, DAY)).hits if h.party.id == wanted), None)
            counted[part][0] += 1
            counted[part][1] += hit is not None
            counted[part][2] += hit is not None and hit.band == "match"
    return {part: {"names": n, "recall_at_review": round(found / n, 4),
                   "recall_at_match": round(match / n, 4)} for part, (n, found, match) in counted.items()}


def hit_rate(index: ScreeningIndex, names: list[str]) -> dict[str, float]:
    scores = top_scores(index, [(n, None) for n in names])
    return {
        "names": len(names),
        "any_band": round(sum(s >= REVIEW_AT for s in scores) / len(names), 4),
        "match_band": round(sum(s >= MATCH_AT for s in scores) / len(names), 4),
    }


def rigour_romanisation() -> dict:
    """rigour reads Hangul in Revised Romanization; judged against RR (corridor's syllable RR,
    joined as rigour writes names) it shows what it is for. The RR-vs-LoC figure is kept to show
    why that comparison says nothing: no RR reader can meet McCune-Reischauer targets."""
    cases = [(written, target) for _, written, target in loc_cases() if script_of(written) is Script.HANGUL]
    same_scheme = exact = cross_scheme = 0
    for written, target in cases:
        theirs = maybe_ascii(written).replace("-", "").replace(" ", "").lower()
        rr = "".join(korean.romanise_syllable(ch, korean.Romanisation.RR) for ch in written if ch.strip())
        exact += theirs == rr
        same_scheme += fuzz.ratio(theirs, rr) / 100 >= MATCH_AT
        cross_scheme += fuzz.token_sort_ratio(maybe_ascii(written), target.lower()) / 100 >= MATCH_AT
    return {
        "hangul_names": len(cases),
        "rigour_rr_vs_rr_exact": round(exact / len(cases), 3),
        "rigour_rr_vs_rr_at_match": round(same_scheme / len(cases), 3),
        "rigour_rr_vs_loc_mr_at_match": round(cross_scheme / len(cases), 3),
    }


def ofac_agreement(nomenklatura_ofac) -> dict:
    """corridor's OFAC-style score (and its own engine score) against the scores OFAC's tool
    reported; rows the tool did not return (-1) count as 0. nomenklatura's emulation is the
    baseline when installed."""
    cases = rows(DATA / "nk-name-bench" / "ofac_sls_scores.csv")
    theirs = [max(float(r["ofac_score"]), 0.0) for r in cases]
    figures = {"pairs": len(cases)}
    scorers = {
        "ofac_style": lambda q, c: ofac_score(q, c),
        "engine": lambda q, c: 100 * corridor_score(q, c, "Person"),
    }
    if nomenklatura_ofac:
        scorers["nomenklatura_ofac"] = nomenklatura_ofac
    for label, scorer in scorers.items():
        ours = [scorer(r["query_name"], r["result_name"]) for r in cases]
        figures[label] = {
            "mean_abs_diff": round(
                sum(abs(a - b) for a, b in zip(ours, theirs, strict=True)) / len(cases), 2
            ),
            "within_2_points": round(
                sum(abs(a - b) <= 2 for a, b in zip(ours, theirs, strict=True)) / len(cases), 3
            ),
            "spearman": round(_spearman(ours, theirs), 3),
        }
    return figures


def _spearman(a: list[float], b: list[float]) -> float:
    def ranks(values: list[float]) -> list[float]:
        order = sorted(range(len(values)), key=values.__getitem__)
        result = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                result[order[k]] = (i + j) / 2
            i = j + 1
        return result

    ra, rb = ranks(a), ranks(b)
    mean_a, mean_b = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - mean_a) * (y - mean_b) for x, y in zip(ra, rb, strict=True))
    var = (sum((x - mean_a) ** 2 for x in ra) * sum((y - mean_b) ** 2 for y in rb)) ** 0.5
    return cov / var if var else 0.0


def main() -> None:
    if not DATA.is_dir():
        print(f"skipped: real data not found at {DATA}")
        print(json.dumps({"skipped": True, "reason": f"{DATA} absent"}))
        return
    split = frozen_split()
    nomenklatura = nomenklatura_scorer()
    ofac_folder = DATA / "ofac-sdn-2021"
    ofac = parse_ofac(*((ofac_folder / f"{n}.csv").read_text() for n in ("sdn", "alt", "add")))
    un = parse_un((DATA / "un-sc-consolidated-2026" / "UN_consolidated.xml").read_bytes())
    csl = parse_csl((ofac_folder / "csl_sample.csv").read_text())
    sanctions = ScreeningIndex(ofac + un)
    unlisted, alert_at = alerts(ScreeningIndex(ofac + un + csl), split)
    fixtures = DATA / "yente-screening-fixtures"
    figures = {
        "name_bench": name_bench(split, nomenklatura),
        "unlisted_kr_jp_alerts": unlisted,
        "korean_recall": korean_recall(split, alert_at),
        "un_recall": un_recall(sanctions, split, alert_at),
        "arabic_script_recall": arabic_script_recall(ofac, un),
        "hit_rates": {
            name: hit_rate(sanctions, [r["full_name"] for r in rows(fixtures / f"{name}.csv")])
            for name in ("negatives_global_1000", "negatives_us_1000", "positives_us_congress_untreated")
        },
        "rigour_romanisation": rigour_romanisation(),
        "ofac_sls_agreement": ofac_agreement(_scaled(nomenklatura_scorer("ofac"))),
        "baseline_rapidfuzz_bruteforce": brute_force_baseline(ofac + un + csl, un, split),
        "bands": {"match": MATCH_AT, "review": REVIEW_AT},
        "nomenklatura": "live" if nomenklatura else "not installed: logic-v2 figures are its frozen run",
    }
    print_table(figures)
    print(json.dumps(figures, ensure_ascii=False))


def _scaled(scorer):
    return (lambda q, c: 100 * scorer(q, c, "Person")) if scorer else None


def print_table(f: dict) -> None:
    b = f["name_bench"]
    c, n = b["corridor"], b["logic_v2_frozen"]
    a, k, u = f["unlisted_kr_jp_alerts"], f["korean_recall"], f["un_recall"]
    lines = [
        (f"name_bench ({b['shared_with_logic_v2_frozen']} cases, {c['cases_dev']} dev / "
         f"{c['cases_test']} test)", "corridor / logic-v2 frozen"),
        ("  dev out-of-fold F1 (threshold by 5-fold CV)",
         f"{c['dev_out_of_fold']['f1']} / {n['dev_out_of_fold']['f1']}"),
        ("  threshold chosen on dev", f"{c['threshold_chosen_on_dev']} / {n['threshold_chosen_on_dev']}"),
        ("  test F1 at the dev-chosen threshold",
         f"{c['test_at_chosen']['f1']} / {n['test_at_chosen']['f1']}"),
        (f"  dev / test F1 at the shipped threshold ({c['fixed_threshold']} / {n['fixed_threshold']})",
         f"{c['dev_at_fixed']['f1']} / {c['test_at_fixed']['f1']}  vs  "
         f"{n['dev_at_fixed']['f1']} / {n['test_at_fixed']['f1']}"),
        (f"unlisted KR/JP names ({a['names_dev']} dev / {a['names_test']} test): alert threshold by CV",
         f"{a['alert_threshold_chosen_on_dev']} (folds {a['fold_thresholds']})"),
        ("  alerts: dev out-of-fold / test at chosen",
         f"{a['dev_out_of_fold_alert_rate']} / {a['test_alert_rate_at_chosen']}"),
        (f"  alerts at review {a['review_at']}: dev / test; match band dev / test",
         f"{a['dev_alert_rate_at_review']} / {a['test_alert_rate_at_review']}; "
         f"{a['dev_match_rate']} / {a['test_match_rate']}"),
    ]
    for script in ("all", "hangul", "hanja"):
        at = [k[f"{part}_{script}"]["recall_at_chosen_alert"] for part in ("dev", "test", "all")]
        lines.append((f"LoC Korean names ({script}) recall at chosen alert: dev / test / all",
                      " / ".join(map(str, at))))
    for label in ("untreated", "one_typo"):
        at = [u[f"{label}_{part}"]["recall_at_chosen_alert"] for part in ("dev", "test")]
        lines.append((f"UN positives {label} recall at chosen alert: dev / test", " / ".join(map(str, at))))
    x = f["arabic_script_recall"]
    lines.append(("UN Arabic-script names vs OFAC's Latin listing, recall at review / match: dev; test",
                  f"{x['dev']['recall_at_review']} / {x['dev']['recall_at_match']}; "
                  f"{x['test']['recall_at_review']} / {x['test']['recall_at_match']}"))
    for name, rate in f["hit_rates"].items():
        lines.append((f"hit rate {name} (any band / match)", f"{rate['any_band']} / {rate['match_band']}"))
    r = f["rigour_romanisation"]
    lines.append(("rigour RR vs RR (exact / at match); vs LoC MR at match",
                  f"{r['rigour_rr_vs_rr_exact']} / {r['rigour_rr_vs_rr_at_match']}; "
                  f"{r['rigour_rr_vs_loc_mr_at_match']}"))
    for label, o in f["ofac_sls_agreement"].items():
        if isinstance(o, dict):
            lines.append(
                (
                    f"OFAC SLS vs {label}: mean |diff| / within 2 / Spearman",
                    f"{o['mean_abs_diff']} / {o['within_2_points']} / {o['spearman']}",
                )
            )
    base = f["baseline_rapidfuzz_bruteforce"]
    lines += [
        ("baseline (ASCII + WRatio, brute force): alert threshold by CV; alerts dev OOF / test",
         f"{base['alert_threshold_chosen_on_dev']}; {base['dev_out_of_fold_alert_rate']} / "
         f"{base['test_alert_rate_at_chosen']}"),
        ("  Korean recall / UN one-typo recall at its threshold: dev / test",
         f"{base['korean_recall_dev']} / {base['korean_recall_test']}; "
         f"{base['un_one_typo_recall_dev']} / {base['un_one_typo_recall_test']}"),
    ]
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"{label:<{width}}  {value}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
