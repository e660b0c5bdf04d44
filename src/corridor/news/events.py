"""Typed events from report sentences: who did what to whom, when, about which items.

CAMEO and PLOVER have no white-list or licence events, so the ontology is our own (the
`EventType` of the relations pack). Each type has trigger phrases in English, Korean and
Japanese; a sentence may carry several events ("Japan will lift the curbs and Korea will
withdraw its complaint"). Whether the event `happened` is read from the words governing the
trigger: what is expected, planned, hoped for or demanded has not happened yet.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from corridor.news.countries import CountryMention, country_mentions
from corridor.news.dates import DateMention, find_dates, sentence_tense
from corridor.news.entities import Entity, find_entities
from corridor.news.figures import Figure, FigureFlag, check_conversions, check_percentages, find_figures
from corridor.news.ingest import strip_dateline
from corridor.news.lexicon import (
    DECIDED_TO,
    ITEM_NAMES,
    ITEMS,
    MOOD_IMMUNE,
    NOT_YET,
    OBJECT_AFTER_TRIGGER,
    OBJECT_MARK,
    REPORTING,
    SUPERSEDES,
    SYMMETRIC,
    TOPIC,
    TOPIC_AFTER,
    TRIGGER_GATE,
    TRIGGERS,
    VERB_FINAL,
)
from corridor.news.parse import Roles, parse_ahead, roles


@dataclass
class Event:
    type: str
    actor: str | None
    target: str | None
    date: date
    date_precision: str
    happened: bool
    evidence: str
    confidence: float
    participants: list[Entity] = field(default_factory=list)
    items: list[dict] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    flags: list[dict] = field(default_factory=list)
    pack_links: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "type": self.type,
            "actor": self.actor,
            "target": self.target,
            "participants": [
                {
                    "name": p.name,
                    "kind": p.kind,
                    "country": p.country,
                    "role": p.roles[0] if p.roles else None,
                }
                for p in self.participants
            ],
            "items": self.items,
            "date": None if self.date_precision == "unknown" else self.date.isoformat(),
            "date_precision": self.date_precision,
            "happened": self.happened,
            "figures": [f.as_json() for f in self.figures],
            "flags": self.flags,
            "evidence": self.evidence,
            "confidence": self.confidence,
            "pack_links": self.pack_links,
        }


SENTENCE_END = re.compile(
    r"(?<=[.!?。])[\"”’']?\s+(?=[\"“‘A-Z0-9\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff(])|"
    r"(?<=[。])|(?<=다\.)\s*|\n+"
)
ABBREVIATION_END = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr|St|Jr|Sr|Co|Corp|Inc|Ltd|No|Gen|Gov|Rep|Sen|U\.S|U\.K|Jan|Feb|Mar|"
    r"Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|vs|a\.m|p\.m)\.$"
)


LONGEST_SENTENCE = 2000  # characters; a longer run has lost its punctuation (a table, a scraped blob)


def split_sentences(text: str) -> list[str]:
    """Sentences of English, Korean and Japanese text; "Aug. 22" and "U.S." do not end one.
    A run longer than LONGEST_SENTENCE is cut at spaces so every later step sees bounded pieces
    and the whole reading stays linear in the length of the text."""
    pieces = [p for p in SENTENCE_END.split(text) if p and p.strip()]
    sentences: list[str] = []
    for piece in pieces:
        if sentences and ABBREVIATION_END.search(sentences[-1]) and len(sentences[-1]) < LONGEST_SENTENCE:
            sentences[-1] = f"{sentences[-1]} {piece.strip()}"
        else:
            sentences.append(piece.strip())
    return [part for sentence in sentences for part in _segments(sentence)]


def _segments(sentence: str) -> list[str]:
    parts = []
    while len(sentence) > LONGEST_SENTENCE:
        cut = sentence.rfind(" ", LONGEST_SENTENCE // 2, LONGEST_SENTENCE)
        cut = cut if cut > 0 else LONGEST_SENTENCE
        parts.append(sentence[:cut])
        sentence = sentence[cut:].lstrip()
    return [*parts, sentence] if sentence else parts


def extract_events(
    text: str, published: date, rates: dict[date, float] | None = None, date_is_estimated: bool = False,
    parse: bool = True,
) -> list[Event]:
    """Every event in `text`, its relative dates resolved against `published`. `parse=False`
    reads roles and mood by word order alone (the benchmark's trigger-only baseline)."""
    sentences = split_sentences(strip_dateline(text))
    pair = main_pair(text)
    if parse:  # the sentences `_sentence_events` will ask the parser about, in one batch
        parse_ahead(s for s in sentences if set(_triggers(s)) - MOOD_IMMUNE and not _home_country(s))
    events: list[Event] = []
    for sentence in sentences:
        previous = events[-1].actor if events else None
        events.extend(
            _sentence_events(sentence, published, pair, rates or {}, date_is_estimated, previous, parse))
    return _deduplicate(events)


def main_pair(text: str) -> tuple[str, ...]:
    """The two countries the text is about: the two named most often."""
    counts = Counter(m.code for m in country_mentions(text))
    return tuple(code for code, _ in counts.most_common(2))


def _sentence_events(
    sentence: str, published: date, pair: tuple[str, ...], rates: dict[date, float], estimated: bool,
    previous_actor: str | None = None, parse: bool = True,
) -> list[Event]:
    hits = _triggers(sentence)
    if not hits:
        return []
    figures = find_figures(sentence)
    if not figures or set(hits) - {"trade_figure_reported", "boycott_reported", "survey_reported"}:
        hits.pop("trade_figure_reported", None)
    if not hits:
        return []
    countries = country_mentions(sentence)
    entities = find_entities(sentence)
    tense = sentence_tense(sentence)
    dates = find_dates(sentence, published, tense)
    events = []
    for kind, trigger in hits.items():
        when = _event_date(sentence, dates, trigger.start(), kind, published)
        actor, target = _actor_target(kind, sentence, trigger, countries, entities, pair)
        english = parse and kind not in MOOD_IMMUNE and not _home_country(sentence)
        parsed = roles(sentence, trigger.start(), trigger.end()) if english else None
        if parsed:
            actor, target = _parsed_parties(parsed, sentence, countries, entities, actor, target,
                                            previous_actor)
        period = when.day.strftime("%Y-%m") if when and when.precision == "month" else None
        stated = [f if f.period or not period else _with_period(f, period) for f in figures]
        flags = _figure_flags(sentence, stated, rates, when, published)
        if when is None:
            flags.append(
                {
                    "kind": "date_from_publication",
                    "message": "no date in the sentence; the publication date is used",
                }
            )
        if estimated:
            flags.append({"kind": "estimated_date", "message": "the publication date itself is estimated"})
        happened = kind in MOOD_IMMUNE or (
            not _not_yet(sentence, trigger, kind) and (parsed is None or parsed.happened))
        if when and when.day > published and kind not in MOOD_IMMUNE:
            happened = False
        events.append(
            Event(
                kind,
                actor,
                target,
                when.day if when else published,
                when.precision if when else "day",
                happened,
                sentence,
                _confidence(actor, target, when, trigger),
                entities,
                _items(sentence),
                stated,
                flags,
            )
        )
    return events


def _with_period(figure: Figure, period: str) -> Figure:
    return replace(figure, period=period)


def _triggers(sentence: str) -> dict[str, re.Match[str]]:
    worth_running = TRIGGER_GATE.open_for(sentence)
    hits = {
        kind: m
        for kind, pattern in TRIGGERS.items()
        if kind in worth_running and (m := pattern.search(sentence))
    }
    for kind in list(hits):
        for weaker in SUPERSEDES.get(kind, ()):
            if weaker in hits and _overlap(hits[kind], hits[weaker]):
                hits.pop(weaker)
    topics = [
        kind
        for kind, m in hits.items()
        if TOPIC.search(sentence[max(0, m.start() - 40) : m.start()])
        or TOPIC_AFTER.search(sentence[m.end() :])
    ]
    for kind in topics:
        if len(hits) > 1:
            hits.pop(kind)
    if (
        "agreement_reached" in hits
        and len(hits) > 1
        and not re.search(
            r"agreed (?:to|on|that)|reached (?:an )?agreement|signed|합의했|合意した",
            hits["agreement_reached"].string,
            re.I,
        )
    ):
        hits.pop("agreement_reached")
    return hits


def _overlap(a: re.Match[str], b: re.Match[str]) -> bool:
    return a.start() < b.end() and b.start() < a.end() + 30


def _event_date(
    sentence: str, dates: list[DateMention], position: int, kind: str, published: date
) -> DateMention | None:
    """The date nearest the trigger; a comparison base ("a year earlier") dates nothing."""
    usable = [
        d
        for d in dates
        if (not re.search(r"earlier|before|previous|ago|old$", d.text) or d.precision != "year")
        and not re.search(r"\bsince\b[^,.;]{0,40}$", sentence[: d.start + 6], re.IGNORECASE)
    ]
    if kind != "trade_figure_reported":  # "an eight-month-old ban" dates the ban, not the event
        usable = [d for d in usable if not d.text.endswith("-old")] or usable
    usable = [d for d in usable if not REPORTING.search(sentence[max(0, d.start - 20) : d.start])] or usable
    if kind == "agreement_reached":  # what an agreement schedules is later than the agreement itself
        usable = [d for d in usable if d.day <= published]
    if not usable:
        return None
    return min(usable, key=lambda d: abs(d.start - position))


def _actor_target(
    kind: str,
    sentence: str,
    trigger: re.Match[str],
    countries: list[CountryMention],
    entities: list[Entity],
    pair: tuple[str, ...],
) -> tuple[str | None, str | None]:
    """Actor: the country named first before the trigger (the subject); target: the other one.
    A court's country acts; countries missing from the sentence come from the text's main pair."""
    named = sorted(countries + _entity_countries(sentence, entities), key=lambda c: c.start)
    codes = [c.code for c in named]
    before = [c for c in named if c.start < trigger.start()]
    subjects = [
        c for c in before if not OBJECT_MARK.search(sentence[max(0, c.start - 12) : c.start])
    ] or before
    first_or_nearest = (subjects[0] if kind in SYMMETRIC else subjects[-1]) if subjects else None
    actor = first_or_nearest.code if first_or_nearest else (codes[0] if codes else None)
    home = _home_country(sentence)
    if home:  # Korean and Japanese mark the subject; an unnamed subject is the home country
        subject = next((c for c in named if _is_subject(sentence, c)), None)
        actor = subject.code if subject else home
    invested_in = re.search(r"invest\w*\s+in\s+", sentence)
    if kind == "investment_requested" and invested_in:
        actor = next((c.code for c in named if c.start == invested_in.end()), actor)
    object_of = OBJECT_AFTER_TRIGGER.get(kind)
    marked = object_of.search(sentence, trigger.start()) if object_of else None
    if marked:  # "a boycott of Japanese goods": the country after the trigger is the target
        target_code = next((c.code for c in named if c.start == marked.end()), None)
        if target_code and target_code == actor:
            actor = next((c for c in codes if c != target_code), None)
    if kind == "court_ruling":
        court = next((e.country for e in entities if e.kind == "court" and e.country), None)
        actor = court or actor
    target = next((c for c in codes if c != actor), None)
    if actor is None and pair:
        actor = pair[0]
    if target is None and len(pair) == 2:
        target = pair[1] if pair[0] == actor else pair[0] if pair[1] == actor else None
    return actor, target


def _parsed_parties(
    parsed: Roles, sentence: str, countries: list[CountryMention], entities: list[Entity],
    actor: str | None, target: str | None, previous_actor: str | None,
) -> tuple[str | None, str | None]:
    """Parties from dependency roles where the parse names a country; word order otherwise.
    A pronoun subject ("it") is the previous event's actor."""
    named = sorted(countries + _entity_countries(sentence, entities), key=lambda c: c.start)
    by_role = _country_in(parsed.actor, named)
    if by_role is None and parsed.pronoun_subject and previous_actor:
        by_role = previous_actor
    actor = by_role or actor
    object_country = _country_in(parsed.target, named)
    if object_country and object_country != actor:
        target = object_country
    if target == actor:
        target = next((c.code for c in named if c.code != actor), None)
    return actor, target


def _country_in(span: tuple[int, int] | None, named: list[CountryMention]) -> str | None:
    """The first country named inside a role's phrase; "U.S.-led" is a modifier, not the head,
    but the phrase "the U.S.-led coalition" still stands for the U.S."""
    if span is None:
        return None
    return next((c.code for c in named if span[0] <= c.start < span[1]), None)


def _home_country(sentence: str) -> str | None:
    """Korean and Japanese reports leave their own country unnamed when it acts."""
    if re.search(r"[\uac00-\ud7a3]", sentence):
        return "KR"
    if re.search(r"[\u3040-\u30ff]", sentence):
        return "JP"
    return None


def _is_subject(sentence: str, mention: CountryMention) -> bool:
    """A country marked by a Korean or Japanese subject particle: "일본 정부는", "日本政府が"."""
    after = sentence[mention.start + len(mention.text) : mention.start + len(mention.text) + 6]
    return bool(re.match(r"\s?(?:정부|政府)?\s?(?:은|는|이|가|は|が)", after))


def _entity_countries(sentence: str, entities: list[Entity]) -> list[CountryMention]:
    """Organisations and officials stand for their country ("経済産業省は…", "MOTIE said")."""
    found = []
    for entity in entities:
        positions = [sentence.find(alias) for alias in entity.aliases if alias in sentence]
        if entity.country and positions:
            found.append(CountryMention(entity.country, min(positions), entity.name))
    return found


def _not_yet(sentence: str, trigger: re.Match[str], kind: str) -> bool:
    """A modal or demand governing the trigger: before it in English, after it (verb-final)
    in Korean and Japanese."""
    window = sentence[max(0, trigger.start() - 60) : trigger.end()]
    if VERB_FINAL.search(trigger.group(0)):
        window += sentence[trigger.end() : trigger.end() + 25]
    return bool(
        NOT_YET.search(window)
        or (kind not in {"agreement_reached", "security_pact_decision"} and DECIDED_TO.search(window))
    )


def _confidence(
    actor: str | None, target: str | None, when: DateMention | None, trigger: re.Match[str]
) -> float:
    """Rule-based, so not a probability: each part the sentence itself supplies (an actor, a
    target, a date, a specific multi-word trigger) makes a mis-read less likely."""
    score = 0.5 + 0.15 * bool(actor) + 0.1 * bool(target) + 0.15 * bool(when)
    score += 0.05 * (len(trigger.group(0)) > 12)
    return round(min(score, 0.95), 2)


def _items(sentence: str) -> list[dict]:
    return [
        {"name": ITEM_NAMES[code], "control_number": code, "text": m.group(0)}
        for code, pattern in ITEMS.items()
        if (m := pattern.search(sentence))
    ]


def _figure_flags(
    sentence: str, figures: list[Figure], rates: dict[date, float], when: DateMention | None, published: date
) -> list[dict]:
    month = (when.day if when and when.precision in {"day", "month"} else published).replace(day=1)
    flags: list[FigureFlag] = check_conversions(sentence, figures, rates, month) + check_percentages(
        sentence, figures
    )
    return [f.as_json() for f in flags]


FIGURE_REPORTS = {"trade_figure_reported", "survey_reported"}


def _deduplicate(events: list[Event]) -> list[Event]:
    """One event per type, countries and day within a text; the most confident sentence is kept.

    A later sentence that adds detail without a date of its own ("The three items will need
    individual licences") is the same event as the dated one before it: its items, figures and
    participants are merged into that one.
    """
    best: dict[tuple, Event] = {}
    for event in events:
        key = (event.type, event.actor, event.target, event.date, event.happened)
        if event.type in FIGURE_REPORTS:  # each sentence states its own figures
            key = (*key, event.evidence)
        if key not in best or event.confidence > best[key].confidence:
            best[key] = event
    kept = list(best.values())
    for event in [e for e in kept if _undated(e)]:
        dated = next((d for d in kept if not _undated(d) and _same_event(d, event)), None)
        if dated is not None:
            kept.remove(event)
            kept[kept.index(dated)] = _merged(dated, event)
    return sorted(kept, key=lambda e: (e.date, e.type))


def _undated(event: Event) -> bool:
    return any(flag["kind"] == "date_from_publication" for flag in event.flags)


def _same_event(a: Event, b: Event) -> bool:
    same = (a.type, a.actor, a.target, a.happened) == (b.type, b.actor, b.target, b.happened)
    return same and a.type not in FIGURE_REPORTS


def _merged(dated: Event, detail: Event) -> Event:
    items = dated.items + [
        i for i in detail.items if i["control_number"] not in {d["control_number"] for d in dated.items}
    ]
    names = {p.name for p in dated.participants}
    participants = dated.participants + [p for p in detail.participants if p.name not in names]
    return replace(dated, items=items, participants=participants, figures=dated.figures + detail.figures)
