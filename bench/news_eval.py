"""News ingestion and extraction, measured on ../shared/data and on the gold set.

- main-text F1 on article-extraction-bench-subset (ScrapingHub metric: \\w+ tokens, 4-gram
  shingles, multiset overlaps, P and R averaged over documents), against trafilatura alone;
- publication-date accuracy on htmldate-mediacloud-subset, against htmldate extensive alone;
- event precision / recall / F1 on tests/news_gold (strict and type-and-countries only);
- articles per second through the whole report (ingest, dates, entities, events, links).

Prints a table, then one JSON line. Each baseline is measured in the same run.

Splits. Every text in tests/news_gold was used to write or fix rules (its `heldout` batches too:
their first runs scored strict F1 0.457 and 0.538 before the rules were fixed on them), so they are
all reported as `dev`. The headline is `test`: bench/news_frozen, written after the rules, labelled
before any run, pinned by MANIFEST.sha256 and never used to change a rule.

Baselines, same run: trafilatura with corridor's own flags (favor_precision) for main text;
htmldate extensive for dates; for events, the same extractor with parsing off (`parse=False`:
roles and mood by word order and trigger regexes alone).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
GOLD = ROOT / "tests" / "news_gold"
FROZEN = ROOT / "bench" / "news_frozen"
REAL = ROOT / "bench" / "news_real"


def shingles(text: str) -> Counter:
    tokens = re.findall(r"\w+", text or "")
    if len(tokens) < 4:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def extraction_scores(pairs: list[tuple[str | None, str]]) -> dict[str, float]:
    precisions, recalls = [], []
    for predicted, truth in pairs:
        p, t = shingles(predicted or ""), shingles(truth)
        tp = sum((p & t).values())
        fp = sum((p - t).values())
        fn = sum((t - p).values())
        if fp == 0 and fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if tp + fp:
            precisions.append(tp / (tp + fp))
        if tp + fn:
            recalls.append(tp / (tp + fn))
    precision = sum(precisions) / len(precisions)
    recall = sum(recalls) / len(recalls)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall)}


def main_text_bench(folder: Path) -> dict:
    import trafilatura

    from corridor.news.ingest import EXTRACTION, main_text

    truth = json.loads((folder / "ground-truth.json").read_text())
    pages = {
        pid: gzip.decompress((folder / "html" / f"{pid}.html.gz").read_bytes()).decode("utf-8", "replace")
        for pid in sorted(truth)
    }
    start = time.perf_counter()
    baseline = [(trafilatura.extract(html, **EXTRACTION), truth[pid]["articleBody"])
                for pid, html in pages.items()]
    baseline_seconds = time.perf_counter() - start
    start = time.perf_counter()
    ours = [(main_text(html), truth[pid]["articleBody"]) for pid, html in pages.items()]
    ours_seconds = time.perf_counter() - start
    return {
        "pages": len(pages),
        "baseline": extraction_scores(baseline),
        "ours": extraction_scores(ours),
        "baseline_seconds": baseline_seconds,
        "ours_seconds": ours_seconds,
        "html": pages,
    }


def date_bench(folder: Path) -> dict:
    from htmldate import find_date

    from corridor.news.ingest import publication_date

    gold = json.loads((folder / "gold-dates.json").read_text())
    dated = {url: e for url, e in gold.items() if e["date"]}
    baseline_right = ours_right = 0
    for url, entry in sorted(dated.items()):
        html = gzip.decompress((folder / "html" / entry["file"]).read_bytes()).decode("utf-8", "replace")
        expected = date.fromisoformat(entry["date"])
        found = find_date(html, url=url, extensive_search=True, original_date=True)
        baseline_right += found == entry["date"]
        ours_right += publication_date(html, url) == expected
    return {"dated": len(dated), "baseline": baseline_right, "ours": ours_right}


def frozen_cases(folder: Path = FROZEN) -> list[Path]:
    """The folder's case files, refused if any differs from its pinned hash."""
    pinned = dict(line.split()[::-1] for line in (folder / "MANIFEST.sha256").read_text().splitlines())
    files = sorted(folder.glob("*.yaml"))
    for file in files:
        if pinned.get(file.name) != hashlib.sha256(file.read_bytes()).hexdigest():
            raise SystemExit(f"{file}: changed since it was frozen; the test split must not be edited")
    return files


def event_bench(parse: bool = True) -> dict:
    """Strict and type-and-countries scores per split (dev: tests/news_gold; test: frozen)."""
    from corridor.news.evaluation import ExpectedEvent, Score, score_events
    from corridor.news.events import extract_events

    scores: dict[str, dict[str, Score]] = {}
    texts: Counter = Counter()
    for file in sorted(GOLD.glob("*.yaml")) + frozen_cases():
        case = yaml.safe_load(file.read_text(encoding="utf-8"))
        split = "test" if case["split"] == "test" else "dev"
        expected = ExpectedEvent.all_of(case)
        found = extract_events(case["text"], date.fromisoformat(str(case["published"])), parse=parse)
        texts[split] += 1
        entry = scores.setdefault(split, {"strict": Score(0, 0, 0), "loose": Score(0, 0, 0)})
        entry["strict"] = entry["strict"] + score_events(found, expected)
        entry["loose"] = entry["loose"] + score_events(found, expected, strict=False)
    return {"texts": texts, "scores": scores}


def real_article_bench(parse: bool = True) -> dict:
    """bench/news_real: excerpts of real public articles, each read as a pasted page (the reader
    finds title, byline and date itself), scored per split on events (strict: type, actor,
    target, date within a day, mood), publication dates and key people with their roles."""
    from corridor.news.evaluation import ExpectedEvent, Score, score_events
    from corridor.news.ingest import read_article
    from corridor.news.report import report_article
    from corridor.packs.registry import load_packs

    packs = load_packs()
    totals: dict[str, Counter] = {}
    scores: dict[str, dict[str, Score]] = {}
    for file in frozen_cases(REAL):
        case = yaml.safe_load(file.read_text(encoding="utf-8"))
        split = case["split"]
        report = report_article(read_article(case["text"].encode(), case["url"]), packs, parse)
        entry = scores.setdefault(split, {"strict": Score(0, 0, 0), "loose": Score(0, 0, 0)})
        expected = ExpectedEvent.all_of(case)
        entry["strict"] = entry["strict"] + score_events(report.events, expected)
        entry["loose"] = entry["loose"] + score_events(report.events, expected, strict=False)
        count = totals.setdefault(split, Counter())
        count["texts"] += 1
        if case.get("published"):
            count["dated"] += 1
            count["date_right"] += report.article.published == date.fromisoformat(str(case["published"]))
        people = [e for e in report.entities if e.kind == "person"]
        for person in case.get("people") or []:
            count["people"] += 1
            count["people_found"] += _person_found(person, people)
    return {"totals": totals, "scores": scores}


def _person_found(gold: dict, people: list) -> bool:
    """The person is found when a person entity bears the name (any order or spelling the
    reader folds) and a role with the gold role's head word ("minister" of "trade minister")."""
    from corridor.news.entities import name_key

    head = str(gold.get("role") or "").lower().split()[-1:] or [""]
    return any(
        name_key(e.name) == name_key(gold["name"]) and (not head[0] or head[0] in " ".join(e.roles).lower())
        for e in people
    )


def throughput(pages: dict[str, str]) -> float:
    from corridor.news.ingest import UnreadableInput, read_article
    from corridor.news.report import report_article
    from corridor.packs.registry import load_packs

    packs = load_packs()
    start = time.perf_counter()
    for pid, html in pages.items():
        try:
            report_article(read_article(html.encode(), pid), packs)
        except UnreadableInput:
            continue
    return len(pages) / (time.perf_counter() - start)


def main() -> None:
    figures: dict[str, float | int | str] = {}
    rows: list[tuple[str, str, str]] = []
    extraction_folder = SHARED / "article-extraction-bench-subset"
    dates_folder = SHARED / "htmldate-mediacloud-subset"
    pages: dict[str, str] = {}
    if extraction_folder.is_dir():
        result = main_text_bench(extraction_folder)
        pages = result.pop("html")
        base, ours = result["baseline"], result["ours"]
        rows.append(
            (
                "main-text F1 (83 pages)",
                f"{base['f1']:.3f} (P {base['precision']:.3f} R {base['recall']:.3f})",
                f"{ours['f1']:.3f} (P {ours['precision']:.3f} R {ours['recall']:.3f})",
            )
        )
        figures.update(
            main_text_f1=round(ours["f1"], 4),
            main_text_precision=round(ours["precision"], 4),
            main_text_recall=round(ours["recall"], 4),
            baseline_trafilatura_f1=round(base["f1"], 4),
        )
    else:
        print(f"skipped main-text F1: {extraction_folder} not found", file=sys.stderr)
    if dates_folder.is_dir():
        result = date_bench(dates_folder)
        rows.append(
            (
                f"publication date exact ({result['dated']} dated)",
                f"{result['baseline']}",
                f"{result['ours']}",
            )
        )
        figures.update(
            date_correct=result["ours"],
            baseline_htmldate_correct=result["baseline"],
            dated_pages=result["dated"],
        )
    else:
        print(f"skipped publication dates: {dates_folder} not found", file=sys.stderr)
    events, baseline = event_bench(), event_bench(parse=False)
    for split in ("test", "dev"):
        strict, loose = events["scores"][split]["strict"], events["scores"][split]["loose"]
        base = baseline["scores"][split]["strict"]
        rows.append(
            (
                f"events {split} strict P/R/F1 ({events['texts'][split]} texts)",
                f"{base.precision:.3f} / {base.recall:.3f} / {base.f1:.3f}",
                f"{strict.precision:.3f} / {strict.recall:.3f} / {strict.f1:.3f}",
            )
        )
        rows.append((f"events {split} type+countries F1", "—", f"{loose.f1:.3f}"))
        suffix = "" if split == "test" else f"_{split}"
        figures.update(
            {
                f"event_precision{suffix}": round(strict.precision, 4),
                f"event_recall{suffix}": round(strict.recall, 4),
                f"event_f1{suffix}": round(strict.f1, 4),
                f"event_f1_type_and_countries{suffix}": round(loose.f1, 4),
                f"baseline_trigger_only_f1{suffix}": round(base.f1, 4),
                f"event_f1_vs_trigger_only{suffix}": round(strict.f1 / base.f1, 3) if base.f1 else None,
            }
        )
    if (REAL / "MANIFEST.sha256").is_file():
        real, real_baseline = real_article_bench(), real_article_bench(parse=False)
        for split in ("test", "dev"):
            if split not in real["scores"]:
                continue
            strict, loose = real["scores"][split]["strict"], real["scores"][split]["loose"]
            base, count = real_baseline["scores"][split]["strict"], real["totals"][split]
            rows.append((f"real articles {split} events strict P/R/F1 ({count['texts']} texts)",
                         f"{base.precision:.3f} / {base.recall:.3f} / {base.f1:.3f}",
                         f"{strict.precision:.3f} / {strict.recall:.3f} / {strict.f1:.3f}"))
            rows.append((f"real articles {split} type+countries F1", "—", f"{loose.f1:.3f}"))
            rows.append((f"real articles {split} publication dates", "—",
                         f"{count['date_right']}/{count['dated']}"))
            rows.append((f"real articles {split} key people with roles", "—",
                         f"{count['people_found']}/{count['people']}"))
            figures.update({
                f"real_{split}_texts": count["texts"],
                f"real_{split}_event_f1": round(strict.f1, 4),
                f"real_{split}_event_precision": round(strict.precision, 4),
                f"real_{split}_event_recall": round(strict.recall, 4),
                f"real_{split}_event_f1_type_and_countries": round(loose.f1, 4),
                f"real_{split}_baseline_trigger_only_f1": round(base.f1, 4),
                f"real_{split}_dates_right": f"{count['date_right']}/{count['dated']}",
                f"real_{split}_people_recall": round(count["people_found"] / count["people"], 3)
                if count["people"] else None,
            })
    else:
        print(f"skipped real articles: {REAL} has no MANIFEST.sha256", file=sys.stderr)
    if pages:
        rate = throughput(pages)
        rows.append(("articles per second (full report)", "—", f"{rate:.1f}"))
        figures["articles_per_second"] = round(rate, 2)
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'baseline':<28}  corridor")
    for name, base, ours in rows:
        print(f"{name:<{width}}  {base:<28}  {ours}")
    print(json.dumps({"bench": "news_eval", **figures}))


if __name__ == "__main__":
    main()
