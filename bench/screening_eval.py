"""Screening quality on public benchmarks, against nomenklatura measured in the same run.

Figures (all from ../shared/data; the script skips with a message when it is absent):

- nomenklatura name_bench (cases.csv): precision / recall / F1 at corridor's `match` band,
  beside nomenklatura logic-v2 scored live in this run when nomenklatura is installed
  (`pip install -e .[bench]`), else its frozen run (logicv2-frozen.csv, F1 0.79), said so;
- recall of the untreated UN positives (yente fixtures) against the UN list;
- false-positive rate of the synthetic qarin negatives and of US Congress names against
  OFAC SDN + UN (a sanctions list should not hit them);
- Hangul → Library of Congress (McCune-Reischauer) romanisation recall, beside a plain
  baseline (rigour's Revised Romanization compared with rapidfuzz);
- agreement with the scores OFAC's own Sanctions List Search gave (ofac_sls_scores.csv), of
  corridor's OFAC-style score, of its engine score, and of nomenklatura's OFAC emulation.

Prints a table, then one JSON line of the figures as its last line.
"""

from __future__ import annotations

import csv
import itertools
import json
import sys
import time
import unicodedata
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz
from rigour.text.translit import maybe_ascii

from corridor.names.scripts import Script, script_of
from corridor.screening import MATCH_AT, REVIEW_AT, Query, ScreeningIndex, screen
from corridor.screening.compare import compare_names
from corridor.screening.formats import parse_ofac, parse_un
from corridor.screening.names import name_forms
from corridor.screening.ofac_score import ofac_score

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DAY = date(2026, 3, 1)
LOGIC_V2_THRESHOLD = 0.7


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def prf(predicted: list[bool], gold: list[bool]) -> dict[str, float]:
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    fp = sum(p and not g for p, g in zip(predicted, gold, strict=True))
    fn = sum(g and not p for p, g in zip(predicted, gold, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


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


def name_bench(nomenklatura) -> dict:
    """All cases for corridor and live logic-v2; the frozen logic-v2 run predates some cases,
    so the frozen comparison uses the cases both share."""
    frozen = {
        (r["case_group"], r["name1"], r["name2"], r["schema"]): r["predicted_match"] == "true"
        for r in rows(DATA / "nk-name-bench" / "logicv2-frozen.csv")
    }
    cases = rows(DATA / "nk-name-bench" / "cases.csv")
    gold = [r["is_match"] == "true" for r in cases]
    started = time.perf_counter()
    ours = [corridor_score(r["name1"], r["name2"], r["schema"]) >= MATCH_AT for r in cases]
    ours_seconds = time.perf_counter() - started
    started = time.perf_counter()  # again, with name readings cached as a loaded index has them
    for r in cases:
        corridor_score(r["name1"], r["name2"], r["schema"])
    warm_seconds = time.perf_counter() - started
    keys = [(r["case_group"], r["name1"], r["name2"], r["schema"]) for r in cases]
    shared = [i for i, key in enumerate(keys) if key in frozen]
    figures = {
        "cases": len(cases),
        "corridor": prf(ours, gold),
        "corridor_us_per_pair": round(ours_seconds / len(cases) * 1e6, 1),
        "corridor_us_per_pair_names_read": round(warm_seconds / len(cases) * 1e6, 1),
        "shared_with_frozen_run": len(shared),
        "corridor_on_shared": prf([ours[i] for i in shared], [gold[i] for i in shared]),
        "logic_v2_frozen_on_shared": prf([frozen[keys[i]] for i in shared], [gold[i] for i in shared]),
    }
    if nomenklatura:
        for r in cases[:5]:  # first calls load nomenklatura's tables; not part of the per-pair time
            nomenklatura(r["name1"], r["name2"], r["schema"])
        started = time.perf_counter()
        live = [nomenklatura(r["name1"], r["name2"], r["schema"]) >= LOGIC_V2_THRESHOLD for r in cases]
        figures["logic_v2_live"] = prf(live, gold)
        figures["logic_v2_us_per_pair"] = round((time.perf_counter() - started) / len(cases) * 1e6, 1)
    return figures


def hit_rate(
    index: ScreeningIndex, names: list[str], lists: frozenset[str] | None = None
) -> dict[str, float]:
    any_hit = match = 0
    for name in names:
        hits = screen(index, Query(name, DAY, lists=lists)).hits
        any_hit += bool(hits)
        match += any(h.band == "match" for h in hits)
    return {
        "names": len(names),
        "any_band": round(any_hit / len(names), 4),
        "match_band": round(match / len(names), 4),
    }


def korean_romanisation() -> dict:
    """Recall of LoC's catalogued romanisations, over all names and over those written in
    Hangul and in Hanja (read as Korean through corridor.names.hanja). The baseline reads
    Hangul with rigour's Revised Romanization, which LoC's McCune-Reischauer targets do not
    use: it shows what a plain transliteration misses, not what rigour is for."""
    cases = []
    with (DATA / "loc-korean-romanization" / "korean.csv").open(encoding="utf-8") as handle:
        for row in csv.reader(handle):
            if row and row[0] == "korean_names":
                target = unicodedata.normalize("NFKD", row[2])
                target = "".join(ch for ch in target if not unicodedata.combining(ch)).replace("'", "")
                cases.append((row[1], target.replace("’", "")))
    hangul = [(h, t) for h, t in cases if script_of(h) is Script.HANGUL]
    han = [(h, t) for h, t in cases if script_of(h) is Script.HAN]
    figures = {"names": len(cases), "hangul_names": len(hangul), "hanja_names": len(han)}
    for label, subset in (("all", cases), ("hangul", hangul), ("hanja", han)):
        ours = sum(corridor_score(h, t, "Person") >= MATCH_AT for h, t in subset)
        baseline = sum(fuzz.token_sort_ratio(maybe_ascii(h), t.lower()) / 100 >= MATCH_AT for h, t in subset)
        figures[f"corridor_recall_{label}"] = round(ours / len(subset), 3)
        figures[f"baseline_rigour_rr_recall_{label}"] = round(baseline / len(subset), 3)
    return figures


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
    nomenklatura = nomenklatura_scorer()
    bench = name_bench(nomenklatura)
    ofac_folder = DATA / "ofac-sdn-2021"
    parties = parse_ofac(*((ofac_folder / f"{n}.csv").read_text() for n in ("sdn", "alt", "add")))
    parties += parse_un((DATA / "un-sc-consolidated-2026" / "UN_consolidated.xml").read_bytes())
    index = ScreeningIndex(parties)
    fixtures = DATA / "yente-screening-fixtures"
    un_recall = hit_rate(
        index, [r["full_name"] for r in rows(fixtures / "positives_un_untreated.csv")], frozenset({"un"})
    )
    negatives = {
        name: hit_rate(index, [r["full_name"] for r in rows(fixtures / f"{name}.csv")])
        for name in ("negatives_global_1000", "negatives_us_1000", "positives_us_congress_untreated")
    }
    figures = {
        "name_bench": bench,
        "un_positives_recall": un_recall,
        "false_positive_rates": negatives,
        "korean_romanisation": korean_romanisation(),
        "ofac_sls_agreement": ofac_agreement(_scaled(nomenklatura_scorer("ofac"))),
        "bands": {"match": MATCH_AT, "review": REVIEW_AT},
        "nomenklatura": "live" if nomenklatura else "not installed: logic-v2 figure is the frozen run",
    }
    print_table(figures)
    print(json.dumps(figures, ensure_ascii=False))


def _scaled(scorer):
    return (lambda q, c: 100 * scorer(q, c, "Person")) if scorer else None


def print_table(f: dict) -> None:
    b = f["name_bench"]
    lines = [
        (f"name_bench F1, all {b['cases']} cases (corridor, match band)", b["corridor"]["f1"]),
        ("name_bench P / R (corridor)", f"{b['corridor']['precision']} / {b['corridor']['recall']}"),
        (
            f"name_bench F1 on {b['shared_with_frozen_run']} shared cases: corridor / logic-v2 frozen",
            f"{b['corridor_on_shared']['f1']} / {b['logic_v2_frozen_on_shared']['f1']}",
        ),
    ]
    if "logic_v2_live" in b:
        lines.append(("name_bench F1 logic-v2 live (this run, threshold 0.7)", b["logic_v2_live"]["f1"]))
        lines.append(
            (
                "µs per pair: corridor (reading names / names read) / logic-v2",
                f"{b['corridor_us_per_pair']} / {b['corridor_us_per_pair_names_read']} / "
                f"{b['logic_v2_us_per_pair']}",
            )
        )
    lines.append(
        (
            "UN untreated positives recall (any band / match)",
            f"{f['un_positives_recall']['any_band']} / {f['un_positives_recall']['match_band']}",
        )
    )
    for name, rate in f["false_positive_rates"].items():
        lines.append((f"hit rate {name} (any band / match)", f"{rate['any_band']} / {rate['match_band']}"))
    k = f["korean_romanisation"]
    for label in ("all", "hangul", "hanja"):
        lines.append(
            (
                f"LoC Korean names ({label}) recall: corridor / rigour RR baseline",
                f"{k[f'corridor_recall_{label}']} / {k[f'baseline_rigour_rr_recall_{label}']}",
            )
        )
    for label, o in f["ofac_sls_agreement"].items():
        if isinstance(o, dict):
            lines.append(
                (
                    f"OFAC SLS vs {label}: mean |diff| / within 2 / Spearman",
                    f"{o['mean_abs_diff']} / {o['within_2_points']} / {o['spearman']}",
                )
            )
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"{label:<{width}}  {value}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
