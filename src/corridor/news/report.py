"""One article's report: its metadata, entities and linked events, in the shape the CLI prints.

This is the single place that strings the steps together (dates → events → figure checks →
pack links), so the CLI, the timeline overlay and the benchmark all get the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from corridor.news.dates import PublicationEstimate, estimate_publication
from corridor.news.entities import Entity, find_entities, merge_entities
from corridor.news.events import Event, extract_events, split_sentences
from corridor.news.ingest import Article
from corridor.news.links import link_events
from corridor.packs.registry import PackSet


@dataclass(frozen=True)
class NewsReport:
    article: Article
    estimate: PublicationEstimate | None
    entities: list[Entity]
    events: list[Event]

    def as_json(self) -> dict:
        estimate = self.estimate
        return {
            "title": self.article.title,
            "published": self.article.published.isoformat() if self.article.published else None,
            "published_estimate": {
                "from": estimate.earliest.isoformat(),
                "to": estimate.latest.isoformat(),
                "basis": estimate.basis,
            }
            if estimate
            else None,
            "source": self.article.source,
            "byline": self.article.byline,
            "agency": self.article.agency,
            "dateline": self.article.dateline,
            "text_chars": len(self.article.text),
            "entities": [e.as_json() for e in self.entities],
            "events": [e.as_json() for e in self.events],
        }


def reference_rates(packs: PackSet) -> dict[date, float]:
    """JPY per USD by month, from every relations pack that quotes them."""
    rates: dict[date, float] = {}
    for pack in packs.by_domain("relations"):
        rates.update(pack.content.rates())
    return rates


def report_article(article: Article, packs: PackSet, parse: bool = True) -> NewsReport:
    """Events with dates resolved against the printed date, or against the earliest day of the
    estimated range when none is printed (and then flagged as estimated). `parse=False` reads
    roles and mood by word order alone (the benchmark's trigger-only baseline)."""
    estimate = None if article.published else estimate_publication(article.text)
    anchor = article.published or (estimate.earliest if estimate else None)
    events = extract_events(
        article.text, anchor or article.crawl_date or date.today(), reference_rates(packs),
        article.published is None, parse)
    if anchor is None:  # nothing dates the page: keep every event, say its date is unknown
        events = [_undated(e) for e in events]
    entities = merge_entities(find_entities(piece) for piece in split_sentences(article.text))
    return NewsReport(article, estimate, entities, link_events(events, packs))


def _undated(event: Event) -> Event:
    """An event dated only by the (missing) publication date has an unknown date, not a guessed one."""
    if not any(f["kind"] == "date_from_publication" for f in event.flags):
        return event
    return replace(event, date_precision="unknown")
