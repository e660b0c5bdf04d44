"""The words that mark each event type, its mood and its items, in English, Korean and Japanese.

Kept apart from the extraction logic so a reviewer can read and extend the vocabulary without
reading the code that applies it: each type lists trigger phrases (any one marks the event),
and the cue lists say when an event is only planned, when a phrase is merely the topic of
another event, and which countries are objects rather than actors.
"""

from __future__ import annotations

import re
from importlib import resources

import yaml

from corridor.news.gate import Gate


def _data(name: str) -> dict:
    """A vocabulary file from corridor/news/data; each entry there carries a comment on why."""
    return yaml.safe_load(resources.files("corridor.news").joinpath("data", name).read_text("utf-8"))


def _expand(phrase: str, fragments: dict[str, str]) -> str:
    """`<<name>>` → a shared fragment; `<<gap:N>>` → up to N words between a stem and its noun."""
    phrase = re.sub(r"<<gap:(\d+)>>", lambda m: r"\w*\W+(?:\w+\W+){0," + m.group(1) + "}?", phrase)
    return re.sub(r"<<(\w+)>>", lambda m: fragments[m.group(1)], phrase)


_TRIGGER_DATA = _data("triggers.yaml")
TRIGGER_PHRASES: dict[str, tuple[str, ...]] = {
    kind: tuple(_expand(p, _TRIGGER_DATA["fragments"]) for p in phrases)
    for kind, phrases in _TRIGGER_DATA["triggers"].items()
}
TRIGGERS = {kind: re.compile("|".join(phrases), re.IGNORECASE) for kind, phrases in TRIGGER_PHRASES.items()}
# Most sentences hold no trigger: one automaton pass says which patterns are worth running.
TRIGGER_GATE = Gate(TRIGGERS)
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
    r"vows?|vowed|pledged?|likely|possible|if)\b"
    r"|예정|방침|계획|검토|촉구|요구|기대|전망|할 것"
    r"|予定|方針|検討|求め|見通し|見込み",
    re.IGNORECASE,
)
# "decided to scrap", "破棄すると発表": the decision is done, what it decides is not.
DECIDED_TO = re.compile(r"\b(?:agreed|agrees|decided|decides) to\b|(?:する|します)と|하기로", re.IGNORECASE)
# "a complaint over Japan's export curbs": the curbs are the topic, not an event of this sentence.
TOPIC = re.compile(
    r"\b(?:over|against|about|since|in response to|in retaliation for|talks on|discuss\w*|consider\w*)\b"
    r"[^,.;]{0,30}$",
    re.IGNORECASE,
)
# "일본의 수출규제에 대한 WTO 제소": in Korean and Japanese the topic marker follows the noun.
TOPIC_AFTER = re.compile(r"^\S{0,3}\s?(?:에 대한|에 대해|관련|을 둘러싼|を巡る|をめぐる|に対する|についての)")
# "said on Friday" dates the statement; the event it announces may carry its own date.
REPORTING = re.compile(r"\b(?:said|says|announced|told|reported|confirmed)\s*$", re.IGNORECASE)
VERB_FINAL = re.compile(r"[\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff]")
ITEMS = {
    "3C002": re.compile(r"photo-?resists?|\bresists?\b|레지스트|フォトレジスト|レジスト", re.IGNORECASE),
    "1C350": re.compile(r"hydrogen fluoride|etching gas|불화수소|에칭\s?가스|フッ化水素", re.IGNORECASE),
    "1C009.b": re.compile(
        r"fluorinated polyimides?|fluorine polyimides?|플루오린\s?폴리이미드|불화\s?폴리이미드|"
        r"フッ化ポリイミド",
        re.IGNORECASE,
    ),
}
ITEM_NAMES = {"3C002": "photoresist", "1C350": "hydrogen fluoride", "1C009.b": "fluorinated polyimide"}
# "visitors from South Korea", "exports to Japan": a country after these words is not the subject.
OBJECT_MARK = re.compile(
    r"\b(?:from|to|of|against|on|for|with|and|in|into|towards?|at|by|put|putting|\w+ed|\w+ing)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
OBJECT_AFTER_TRIGGER = {"boycott_reported": re.compile(r"boycott\w*\s+(?:of|against|on)\s+(?:the\s+)?", re.I)}
# Meetings and agreements have parties, not an actor and a target: keep them in the order named.
SYMMETRIC = {
    "talks_held", "summit_held", "business_meeting_held", "agreement_reached", "travel_corridor_opened",
    "travel_corridor_suspended",
}  # fmt: skip
# These events are what was done; the words of a request or call are their content, not their mood.
MOOD_IMMUNE = {"investment_requested", "survey_reported", "trade_figure_reported", "boycott_reported"}


PARSE = _data("parse.yaml")
