"""News reading speed: megabytes of plain text per second on one core, and whether time stays
linear in the length of a document (issue 10: a 20,000-character line used to take minutes).

Text: the article bodies of ../shared/data/article-extraction-bench-subset (83 real news and
blog pages, ~440 KB), read as plain text through the whole report (cleaning, dates, entities,
events with the spaCy parse of trigger sentences, figure checks, pack links).

Figures, all from this run:
- `mb_per_s`: the whole report; `mb_per_s_without_parser`: the same with the parser off
  (roles by word order), which shows how much of the cost is spaCy;
- `gate_speedup`: against the same code with the Aho-Corasick gate held open (every pattern run
  on every sentence: the way it read before), the baseline;
- `linearity`: seconds for one line of 10·N characters over seconds for N (10 = linear), on a
  line with no sentence ends (the worst case for a sentence splitter), N = 20,000;
- `longest_line_s`: one 200,000-character line, end to end.
Prints a table, then one JSON line.
"""

from __future__ import annotations

import json
import time
from contextlib import contextmanager
from pathlib import Path

from corridor.news import parse
from corridor.news.gate import Gate
from corridor.news.ingest import read_article
from corridor.news.report import report_article
from corridor.packs.registry import load_packs

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction-bench-subset"


def seconds(texts: list[str]) -> float:
    """Wall time to report every text; the parse cache is emptied first so no run helps the next."""
    packs = load_packs()
    parse.forget_parses()
    start = time.perf_counter()
    for number, text in enumerate(texts):
        report_article(read_article(text.encode(), f"text-{number}.txt"), packs)
    return time.perf_counter() - start


@contextmanager
def gate_open():
    """The baseline: every pattern runs on every sentence."""
    narrow = Gate.open_for
    Gate.open_for = lambda self, text: set(self.keys)
    try:
        yield
    finally:
        Gate.open_for = narrow


@contextmanager
def parser_off():
    """Roles by word order only: neither the batch parse ahead nor the per-trigger parse runs."""
    import corridor.news.events as events

    roles, ahead = events.roles, events.parse_ahead
    events.roles, events.parse_ahead = (lambda *args: None), (lambda sentences: None)
    try:
        yield
    finally:
        events.roles, events.parse_ahead = roles, ahead


def one_line(texts: list[str], size: int) -> str:
    """Real words run together on one line with no sentence ends, `size` characters long (from
    the cleaned texts, so that no footer line makes the reader drop the whole line)."""
    cleaned = [read_article(text.encode(), "text.txt").text for text in texts]
    words = " ".join(cleaned).replace(".", " ").replace("\n", " ")
    return (words * (size // len(words) + 1))[:size]


def main() -> None:
    ground = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    texts = [item["articleBody"] for item in ground.values()]
    size = sum(len(t.encode()) for t in texts)
    parse.pipeline()("Japan tightened export controls.")  # load once, outside the timings
    whole = seconds(texts)
    with gate_open():
        ungated = seconds(texts)
    with parser_off():
        unparsed = seconds(texts)
    short, long = one_line(texts, 20_000), one_line(texts, 200_000)
    short_s, long_s = seconds([short]), seconds([long])
    figures = {
        "texts": len(texts),
        "bytes": size,
        "seconds": round(whole, 2),
        "mb_per_s": round(size / whole / 1e6, 3),
        "mb_per_s_without_parser": round(size / unparsed / 1e6, 3),
        "baseline_gate_open_s": round(ungated, 2),
        "gate_speedup": round(ungated / whole, 2),
        "linearity": round(long_s / short_s, 1),
        "longest_line_s": round(long_s, 2),
    }
    for name, value in figures.items():
        print(f"{name:>26}  {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
