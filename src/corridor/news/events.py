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

_T = {
    "whitelist_removed": r"(?:remov|drop|strik|struck|exclu|delist|downgrad|strip|scrap)\w*\W+(?:\w+\W+){0,8}?"
                         r"(?:white ?list|preferred (?:trade|trading|export)|trusted trading|group a\b|ga-2|"
                         r"fast-track (?:trade|export))|white ?list (?:removal|exclusion)|"
                         r"화이트리스트.{0,15}(?:배제|제외)|(?:ホワイト国|グループA).{0,15}(?:除外|外)",
    "whitelist_restored": r"(?:restor|reinstat|return|re-?add|re-?designat)\w*\W+(?:\w+\W+){0,8}?"
                          r"(?:white ?list|preferred (?:trade|trading|export)|group a\b|trusted)|"
                          r"white ?list (?:reinstatement|restoration)|back on (?:its|the|their) white ?list|"
                          r"화이트리스트.{0,15}(?:복원|복귀|재지정|원상)|(?:ホワイト国|グループA).{0,15}(?:復帰|戻)",
    "export_restriction_lifted": r"(?:lift|scrap|end|repeal|withdr[ae]w|remov|rescind)\w*\W+(?:\w+\W+){0,5}?"
                                 r"(?:export (?:curbs|controls?|restrictions?|ban|measures?|regulations?)|curbs|"
                                 r"restrictions on (?:the )?exports?)|수출\s?규제.{0,10}(?:해제|철회)|"
                                 r"輸出規制.{0,10}(?:解除|撤回)",
    "export_restriction_eased": r"(?:eas|relax|loosen|simplif)\w*\W+(?:\w+\W+){0,5}?(?:export|curbs|controls|"
                                r"licen[cs]ing|shipments)|수출\s?규제.{0,10}완화|輸出規制.{0,10}緩和",
    "export_restriction_imposed": r"(?:tighten|impos|restrict|curb|ban|halt|block)\w*\W+(?:\w+\W+){0,6}?"
                                  r"(?:exports?|shipments|sales abroad)|export (?:curbs|controls|restrictions|ban)"
                                  r"|individual (?:export )?licen[cs]e|(?:case-by-case|per-contract) (?:approval|review)"
                                  r"|수출\s?(?:규제|통제|제한)|輸出(?:規制|管理の?厳格化|制限)",
    "licence_approved": r"(?:approv|grant|issu|clear)\w*\W+(?:\w+\W+){0,5}?(?:export )?(?:licen[cs]es?|permits?)|"
                        r"licen[cs]es? (?:was|were|has been|had been) (?:approved|granted)|"
                        r"(?:approved|allowed) (?:the )?(?:first )?(?:exports?|shipments?) of|수출.{0,6}허가|輸出.{0,6}許可",
    "licence_denied": r"(?:den(?:y|ied)|reject|refus)\w*\W+(?:\w+\W+){0,4}?(?:export )?licen[cs]e|"
                      r"licen[cs]es? (?:was|were) (?:denied|rejected|refused)",
    "entry_restriction_imposed": r"(?:ban|bar|suspend|restrict|halt|deny|denied|refus|clos|tighten|impos)\w*\W+"
                                 r"(?:\w+\W+){0,6}?(?:entry|visas?|visa-free|travell?ers|arrivals|visitors|"
                                 r"foreign nationals|borders?)|entry ban|(?:mandatory|\d+-day) quarantine|"
                                 r"입국.{0,8}(?:금지|제한|거부)|入国.{0,8}(?:禁止|制限|拒否)",
    "entry_restriction_eased": r"(?:lift|eas|relax|resum|reopen|allow|waiv|shorten|scrap|exempt)\w*\W+"
                               r"(?:\w+\W+){0,6}?(?:entry|visas?|visa-free|quarantine|travell?ers|arrivals|"
                               r"visitors|borders?)|입국.{0,8}(?:완화|허용|재개|면제)|入国.{0,8}(?:緩和|再開|免除)",
    "travel_corridor_opened": r"(?:business track|residence track|travel bubble|fast[- ]track entry|green lane|"
                              r"travel corridor|reciprocal green lane)\W+(?:\w+\W+){0,6}?(?:start|launch|open|begin|"
                              r"began|resum|take effect|took effect)|(?:start|launch|open|begin|began|resum|set up|"
                              r"establish)\w*\W+(?:\w+\W+){0,6}?(?:business track|residence track|travel bubble|"
                              r"green lane|travel corridor|fast[- ]track)|기업인.{0,6}(?:신속|특별)\s?입국|ビジネストラック",
    "travel_corridor_suspended": r"(?:suspend|halt|clos|paus|froze|freez)\w*\W+(?:\w+\W+){0,6}?(?:business track|"
                                 r"residence track|travel bubble|fast[- ]track|green lane|travel corridor)",
    "summit_held": r"\bsummit\b|정상\s?회담|首脳会談",
    "talks_held": r"\b(?:held|hold|holds|holding)\W+(?:\w+\W+){0,3}?(?:talks|consultations|dialogue|a meeting)|"
                  r"(?:met|meet|meets) (?:with )?(?:his|her|their) (?:\w+ )?counterpart|\btalks (?:in|with|on)\b|"
                  r"(?:외교|통상|산업).{0,10}장관.{0,8}회담|외교장관\s?회담|外相会談|協議を(?:行|開)",
    "business_meeting_held": r"(?:business (?:roundtable|round-table|forum|leaders|delegation|conference|meeting)|"
                             r"roundtable|round-table|trade conference|chief executives|CEOs|business groups)|"
                             r"경제인|재계|간담회|経済人|経済界",
    "agreement_reached": r"\b(?:agreed|agree|agreement|signed|sign|deal|accord)\b|합의|合意",
    "investment_requested": r"(?:ask|urg|call|request|invit|press)\w*\W+(?:\w+\W+){0,14}?invest|"
                            r"투자.{0,10}(?:요청|당부|요구)|投資.{0,10}(?:要請|求め)",
    "court_ruling": r"(?:court|tribunal|judges?|justices)\W+(?:\w+\W+){0,10}?(?:ruled|rules|orders?|ordered|upheld|"
                    r"uphold|rejected|dismissed|sentenced|verdict|ruling|found)|판결|判決",
    "trade_complaint_filed": r"(?:fil|lodg|request|launch|brought|bring|took|take)\w*\W+(?:\w+\W+){0,6}?"
                             r"(?:complaint|dispute|consultations|panel)\b|WTO.{0,8}제소|WTO.{0,8}提訴",
    "trade_complaint_withdrawn": r"(?:withdr[ae]w\w*|drop\w*|terminat\w*)\W+(?:\w+\W+){0,6}?"
                                 r"(?:complaint|dispute|case)\b|제소.{0,5}(?:취하|철회)|提訴.{0,5}取り下げ",
    "security_pact_decision": r"GSOMIA|intelligence[- ]sharing (?:pact|agreement|deal)|military intelligence"
                              r" (?:pact|agreement)|security pact|지소미아|군사정보보호협정|軍事情報包括保護協定",
    "boycott_reported": r"boycott|불매|不買",
    "survey_reported": r"\b(?:survey|poll)(?:ed|s)?\b|여론조사|世論調査",
    "trade_figure_reported": r"\b(?:exports?|imports?|sales|shipments|surplus|deficit|trade)\b|수출|수입|輸出|輸入",
}
TRIGGERS = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in _T.items()}
# A broader trigger that matched on the same words as a narrower one yields to it.
SUPERSEDES = {
    "export_restriction_lifted": {"export_restriction_imposed", "export_restriction_eased"},
    "export_restriction_eased": {"export_restriction_imposed"},
    "whitelist_removed": {"export_restriction_imposed"},
    "whitelist_restored": {"export_restriction_lifted"},
    "entry_restriction_eased": {"entry_restriction_imposed"},
    "travel_corridor_opened": {"entry_restriction_eased", "entry_restriction_imposed"},
    "travel_corridor_suspended": {"entry_restriction_imposed", "travel_corridor_opened"},
    "trade_complaint_withdrawn": {"trade_complaint_filed"},
    "summit_held": {"talks_held"},
    "business_meeting_held": {"talks_held"},
}
NOT_YET = re.compile(
    r"\b(?:will|would|shall|could|may|might|plans?|planned|planning|intends?|aims?|hopes?|hoped|wants?|"
    r"seeks?|sought|expected|expects|is to|are to|set to|due to|scheduled|considering|mulls?|weighs?|"
    r"urged?|urges|calls? (?:on|for)|called (?:on|for)|demand(?:s|ed)?|asked|proposed?|threatens?|threatened|"
    r"vows?|vowed|pledged?|likely|possible|if)\b|예정|방침|계획|검토|촉구|요구|기대|전망|予定|方針|検討|求め|見通し|見込み",
    re.IGNORECASE,
)
DECIDED_TO = re.compile(r"\b(?:agreed|agrees|decided|decides) to\b", re.IGNORECASE)
# "a complaint over Japan's export curbs": the curbs are the topic, not an event of this sentence.
TOPIC = re.compile(r"\b(?:over|against|about|amid|since|in response to|in retaliation for)\b[^,.;]{0,30}$",
                   re.IGNORECASE)
VERB_FINAL = re.compile(r"[\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff]")
ITEMS = {
    "3C002": re.compile(r"photo-?resists?|\bresists?\b|레지스트|フォトレジスト|レジスト", re.IGNORECASE),
    "1C350": re.compile(r"hydrogen fluoride|etching gas|불화수소|에칭\s?가스|フッ化水素", re.IGNORECASE),
    "1C009.b": re.compile(r"fluorinated polyimides?|fluorine polyimides?|플루오린\s?폴리이미드|불화\s?폴리이미드|"
                          r"フッ化ポリイミド", re.IGNORECASE),
}
ITEM_NAMES = {"3C002": "photoresist", "1C350": "hydrogen fluoride", "1C009.b": "fluorinated polyimide"}
# These events are what was done; the words of a request or call are their content, not their mood.
MOOD_IMMUNE = {"investment_requested", "survey_reported", "trade_figure_reported", "boycott_reported"}


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
            "type": self.type, "actor": self.actor, "target": self.target,
            "participants": [{"name": p.name, "kind": p.kind, "country": p.country,
                              "role": p.roles[0] if p.roles else None} for p in self.participants],
            "items": self.items, "date": self.date.isoformat(), "date_precision": self.date_precision,
            "happened": self.happened, "figures": [f.as_json() for f in self.figures], "flags": self.flags,
            "evidence": self.evidence, "confidence": self.confidence, "pack_links": self.pack_links,
        }


SENTENCE_END = re.compile(r"(?<=[.!?。])[\"”’']?\s+(?=[\"“‘A-Z0-9\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff(])|"
                          r"(?<=[。])|(?<=다\.)\s*|\n+")
ABBREVIATION_END = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|St|Jr|Sr|Co|Corp|Inc|Ltd|No|Gen|Gov|Rep|Sen|U\.S|U\.K|Jan|Feb|Mar|"
                              r"Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|vs|a\.m|p\.m)\.$")


def split_sentences(text: str) -> list[str]:
    """Sentences of English, Korean and Japanese text; "Aug. 22" and "U.S." do not end one."""
    pieces = [p for p in SENTENCE_END.split(text) if p and p.strip()]
    sentences: list[str] = []
    for piece in pieces:
        if sentences and ABBREVIATION_END.search(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {piece.strip()}"
        else:
            sentences.append(piece.strip())
    return sentences


def extract_events(text: str, published: date, rates: dict[date, float] | None = None,
                   date_is_estimated: bool = False) -> list[Event]:
    """Every event in `text`, its relative dates resolved against `published`."""
    sentences = split_sentences(text)
    pair = main_pair(text)
    events: list[Event] = []
    for sentence in sentences:
        events.extend(_sentence_events(sentence, published, pair, rates or {}, date_is_estimated))
    return _deduplicate(events)


def main_pair(text: str) -> tuple[str, ...]:
    """The two countries the text is about: the two named most often."""
    counts = Counter(m.code for m in country_mentions(text))
    return tuple(code for code, _ in counts.most_common(2))


def _sentence_events(sentence: str, published: date, pair: tuple[str, ...], rates: dict[date, float],
                     estimated: bool) -> list[Event]:
    hits = _triggers(sentence)
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
        when = _event_date(dates, trigger.start(), kind)
        actor, target = _actor_target(kind, sentence, trigger, countries, entities, pair)
        period = when.day.strftime("%Y-%m") if when and when.precision == "month" else None
        stated = [f if f.period or not period else _with_period(f, period) for f in figures]
        flags = _figure_flags(sentence, stated, rates, when, published)
        if when is None:
            flags.append({"kind": "date_from_publication", "message": "no date in the sentence; the "
                          "publication date is used"})
        if estimated:
            flags.append({"kind": "estimated_date", "message": "the publication date itself is estimated"})
        happened = kind in MOOD_IMMUNE or not _not_yet(sentence, trigger, kind)
        if when and when.day > published and kind not in MOOD_IMMUNE:
            happened = False
        events.append(Event(
            kind, actor, target, when.day if when else published, when.precision if when else "day",
            happened, sentence, _confidence(actor, target, when, trigger), entities,
            _items(sentence), stated, flags))
    return events


def _with_period(figure: Figure, period: str) -> Figure:
    return replace(figure, period=period)


def _triggers(sentence: str) -> dict[str, re.Match[str]]:
    hits = {kind: m for kind, pattern in TRIGGERS.items() if (m := pattern.search(sentence))}
    for kind in list(hits):
        for weaker in SUPERSEDES.get(kind, ()):
            if weaker in hits and _overlap(hits[kind], hits[weaker]):
                hits.pop(weaker)
    topics = [kind for kind, m in hits.items() if TOPIC.search(sentence[max(0, m.start() - 40):m.start()])]
    for kind in topics:
        if len(hits) > 1:
            hits.pop(kind)
    if "agreement_reached" in hits and len(hits) > 1 and not re.search(
            r"agreed to|reached (?:an )?agreement|signed|합의했|合意した", hits["agreement_reached"].string, re.I):
        hits.pop("agreement_reached")
    return hits


def _overlap(a: re.Match[str], b: re.Match[str]) -> bool:
    return a.start() < b.end() and b.start() < a.end() + 30


def _event_date(dates: list[DateMention], position: int, kind: str) -> DateMention | None:
    """The date nearest the trigger; a comparison base ("a year earlier") dates nothing."""
    usable = [d for d in dates if (not re.search(r"earlier|before|previous|ago|old$", d.text)
              or d.precision != "year") and not d.text.lower().startswith("since")]
    if kind != "trade_figure_reported":  # "an eight-month-old ban" dates the ban, not the event
        usable = [d for d in usable if not d.text.endswith("-old")] or usable
    if not usable:
        return None
    return min(usable, key=lambda d: abs(d.start - position))


def _actor_target(kind: str, sentence: str, trigger: re.Match[str], countries: list[CountryMention],
                  entities: list[Entity], pair: tuple[str, ...]) -> tuple[str | None, str | None]:
    """Actor: the country named first before the trigger (the subject); target: the other one.
    A court's country acts; countries missing from the sentence come from the text's main pair."""
    named = sorted(countries + _entity_countries(sentence, entities), key=lambda c: c.start)
    codes = [c.code for c in named]
    before = [c.code for c in named if c.start < trigger.start()]
    actor = before[0] if before else (codes[0] if codes else None)
    if kind == "court_ruling":
        court = next((e.country for e in entities if e.kind == "court" and e.country), None)
        actor = court or actor
    target = next((c for c in codes if c != actor), None)
    if actor is None and pair:
        actor = pair[0]
    if target is None and len(pair) == 2:
        target = pair[1] if pair[0] == actor else pair[0] if pair[1] == actor else None
    return actor, target


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
    window = sentence[max(0, trigger.start() - 60):trigger.end()]
    if VERB_FINAL.search(trigger.group(0)):
        window += sentence[trigger.end():trigger.end() + 25]
    return bool(NOT_YET.search(window) or (kind not in {"agreement_reached", "security_pact_decision"}
                                          and DECIDED_TO.search(window)))


def _confidence(actor: str | None, target: str | None, when: DateMention | None, trigger: re.Match[str]) -> float:
    score = 0.5 + 0.15 * bool(actor) + 0.1 * bool(target) + 0.15 * bool(when)
    score += 0.05 * (len(trigger.group(0)) > 12)
    return round(min(score, 0.95), 2)


def _items(sentence: str) -> list[dict]:
    return [{"name": ITEM_NAMES[code], "control_number": code, "text": m.group(0)}
            for code, pattern in ITEMS.items() if (m := pattern.search(sentence))]


def _figure_flags(sentence: str, figures: list[Figure], rates: dict[date, float], when: DateMention | None,
                  published: date) -> list[dict]:
    month = (when.day if when and when.precision in {"day", "month"} else published).replace(day=1)
    flags: list[FigureFlag] = check_conversions(sentence, figures, rates, month) + check_percentages(sentence, figures)
    return [f.as_json() for f in flags]


def _deduplicate(events: list[Event]) -> list[Event]:
    """One event per type, countries and day within a text; the most confident sentence is kept."""
    best: dict[tuple, Event] = {}
    for event in events:
        key = (event.type, event.actor, event.target, event.date, event.happened)
        if key not in best or event.confidence > best[key].confidence:
            best[key] = event
    return sorted(best.values(), key=lambda e: (e.date, e.type))
