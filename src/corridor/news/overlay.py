"""Reported events as rows of the country-pair timeline, beside the pack changes.

The rows have the keys of `corridor.export.changes.change_row` (day, domain, jurisdiction,
change, id, summary, sources, note), so `corridor timeline` merges them without knowing what a
news event is; `kind: news`, the source file or URL and the pack facts each event corroborates
tell a reader which rows are reports and which are law.
"""

from __future__ import annotations

from datetime import date
from pathlib import PurePath
from urllib.parse import urlparse

from corridor.news.events import Event
from corridor.news.report import NewsReport


def news_rows(
    reports: list[NewsReport], first: str, second: str, since: date | None = None, until: date | None = None
) -> list[dict]:
    """One row per reported event between `first` and `second` (either direction) in `[since, until]`."""
    pair = {first.upper(), second.upper()}
    return [
        _row(event, report)
        for report in reports
        for event in report.events
        if _between(event, pair) and (not since or event.date >= since) and (not until or event.date <= until)
    ]


def _between(event: Event, pair: set[str]) -> bool:
    named = {c for c in (event.actor, event.target) if c}
    return bool(named) and named <= pair


def _citation(report: NewsReport) -> str:
    """ "where: title <file or URL>", the shape of a pack citation ("issuer: title <url>")."""
    article = report.article
    source = article.source
    where = urlparse(source).netloc if "://" in source else PurePath(source).name
    return f"{where}: {article.title or 'untitled'} <{source}>"


def _row(event: Event, report: NewsReport) -> dict:
    article = report.article
    mood = "reported" if event.happened else "announced"
    links = ", ".join(link["fact"] for link in event.pack_links)
    return {
        "day": "unknown" if event.date_precision == "unknown" else event.date.isoformat(),
        "domain": "news",
        "jurisdiction": "-".join(c for c in (event.actor, event.target) if c),
        "change": mood,
        "kind": "news",
        "id": event.type,
        "summary": f"{event.type.replace('_', ' ')} ({event.date_precision}): {event.evidence}",
        "sources": [_citation(report)],
        "source": article.source,
        "note": f"corroborates {links}" if links else "no pack fact matches: proposed amendment",
        "happened": event.happened,
        "confidence": event.confidence,
        "pack_links": event.pack_links,
    }


def accepted_rows(
    events: list[dict], first: str, second: str, since: date | None = None, until: date | None = None
) -> list[dict]:
    """Analyst-accepted events from the review queue as timeline rows, with evidence and source URL."""
    pair = {first.upper(), second.upper()}
    return [
        {
            "day": e["date"] or "unknown",
            "domain": "news",
            "jurisdiction": "-".join(c for c in (e["actor"], e["target"]) if c),
            "change": "accepted",
            "kind": "news",
            "id": e["type"],
            "summary": f"{e['type'].replace('_', ' ')} ({e['date_precision']}): {e['evidence']}",
            "sources": [f"{e['title'] or 'untitled'} <{e['source']}>"],
            "source": e["source"],
            "note": f"accepted by {e['decided_by']}" + (f": {e['note']}" if e["note"] else ""),
            "happened": e["happened"],
            "queue_id": e["id"],
        }
        for e in events
        if {c for c in (e["actor"], e["target"]) if c} <= pair
        and (e["actor"] or e["target"])
        and _within(e["date"], since, until)
    ]


def _within(day: str | None, since: date | None, until: date | None) -> bool:
    """An event of unknown date is always shown: the analyst accepted it, and hiding it loses it."""
    if day is None:
        return True
    return (not since or day >= since.isoformat()) and (not until or day <= until.isoformat())
