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

# Each type's trigger phrases, any of which marks the event: English first, then Korean and Japanese.
_GAP = r"\w*\W+(?:\w+\W+){0,%d}?"
_WHITE_LIST = (
    r"(?:white ?list|preferred (?:trade|trading|export)|trusted trading|group a\b|ga-2"
    r"|fast-track (?:trade|export))"
)
_TRAVEL_TRACK = (
    r"(?:business track|residence track|travel bubble|fast[- ]track(?: entry)?|green lane|travel corridor"
    r"|travel lane|VTL)"
)
_BUSINESS_PEOPLE = (
    r"(?:business leaders|chief executives|CEOs|heads of (?:\w+ ){0,4}(?:companies|firms|groups))"
)
_PEOPLE = r"(?:entry|visas?|visa-free|travell?ers|arrivals|visitors|foreign nationals|borders?)"
TRIGGER_PHRASES: dict[str, tuple[str, ...]] = {
    "whitelist_removed": (
        r"(?:remov|drop|strik|struck|exclu|delist|downgrad|strip|scrap)" + _GAP % 8 + _WHITE_LIST,
        r"white ?list (?:removal|exclusion)",
        r"화이트리스트.{0,15}(?:배제|제외)",
        r"(?:ホワイト国|グループA).{0,15}(?:除外|外)",
    ),
    "whitelist_restored": (
        r"(?:restor|reinstat|return|re-?add|re-?designat)" + _GAP % 8 + r"(?:" + _WHITE_LIST + r"|trusted)",
        r"white ?list (?:reinstatement|restoration)",
        r"back on (?:its|the|their) white ?list",
        r"화이트리스트.{0,15}(?:복원|복귀|재지정|원상)",
        r"(?:ホワイト国|グループA).{0,15}(?:復帰|戻)",
    ),
    "export_restriction_lifted": (
        r"(?:lift|scrap|end|repeal|withdr[ae]w|remov|rescind)"
        + _GAP % 5
        + r"(?:export (?:curbs|controls?|restrictions?|ban|measures?|regulations?)|curbs"
        r"|restrictions on (?:the )?exports?)",
        r"수출\s?규제.{0,10}(?:해제|철회)",
        r"輸出規制.{0,10}(?:解除|撤回)",
    ),
    "export_restriction_eased": (
        r"(?:eas|relax|loosen|simplif)" + _GAP % 5 + r"(?:export|curbs|controls|licen[cs]ing|shipments)",
        r"(?:specific |special )?(?:general|bulk|comprehensive) (?:export )?licen[cs]e",
        r"包括許可|포괄\s?허가",
        r"수출\s?규제.{0,10}완화",
        r"輸出規制.{0,10}緩和",
    ),
    "export_restriction_imposed": (
        r"(?:tighten|impos|restrict|curb|ban|halt|block)" + _GAP % 6 + r"(?:exports?|shipments|sales abroad)",
        r"export (?:curbs|controls|restrictions|ban)",
        r"individual (?:export )?licen[cs]e",
        r"(?:case-by-case|per-contract) (?:approval|review)",
        r"수출\s?(?:규제|통제|제한)",
        r"輸出(?:規制|管理の?厳格化|制限)",
    ),
    "licence_approved": (
        r"(?:approv|grant|issu|clear)" + _GAP % 5 + r"(?:export )?(?:licen[cs]es?|permits?)",
        r"licen[cs]es? (?:was|were|has been|had been) (?:approved|granted)",
        r"(?:approved|allowed) (?:the )?(?:first )?(?:exports?|shipments?) of",
        r"수출.{0,6}허가",
        r"輸出.{0,6}許可",
    ),
    "licence_denied": (
        r"(?:den(?:y|ied)|reject|refus)" + _GAP % 4 + r"(?:export )?licen[cs]e",
        r"licen[cs]es? (?:was|were) (?:denied|rejected|refused)",
    ),
    "entry_restriction_imposed": (
        r"(?:ban|bar|suspend|restrict|halt|deny|denied|refus|clos|tighten|impos)" + _GAP % 6 + _PEOPLE,
        r"entry ban",
        r"(?:mandatory|\d+-day) quarantine",
        r"입국.{0,8}(?:금지|제한|거부)",
        r"入国.{0,8}(?:禁止|制限|拒否)",
    ),
    "entry_restriction_eased": (
        r"(?:lift|eas|relax|resum|reopen|allow|waiv|shorten|scrap|exempt)"
        + _GAP % 6
        + r"(?:"
        + _PEOPLE
        + r"|quarantine)",
        r"입국.{0,8}(?:완화|허용|재개|면제)",
        r"入国.{0,8}(?:緩和|再開|免除)",
    ),
    "travel_corridor_opened": (
        _TRAVEL_TRACK + r"\W+(?:\w+\W+){0,6}?(?:start|launch|open|begin|began|resum|take effect|took effect)",
        r"(?:start|launch|open|begin|began|resum|set up|establish)" + _GAP % 6 + _TRAVEL_TRACK,
        r"기업인.{0,6}(?:신속|특별)\s?입국",
        r"ビジネストラック",
    ),
    "travel_corridor_suspended": (
        r"(?:suspend|halt|clos|paus|froze|freez|postpon|delay|defer)" + _GAP % 6 + _TRAVEL_TRACK,
        r"(?:ビジネストラック|レジデンストラック).{0,12}(?:停止|中断)",
        r"(?:기업인\s?(?:신속|특별)\s?입국|트랙).{0,12}(?:중단|중지)",
    ),
    "summit_held": (r"\bsummit\b", r"정상\s?회담", r"首脳会談"),
    "talks_held": (
        r"\b(?:held|hold|holds|holding)\W+(?:\w+\W+){0,3}?(?:talks|consultations|dialogue|a meeting)",
        r"(?:met|meet|meets) (?:with )?(?:his|her|their) (?:\w+ )?counterpart",
        r"\btalks (?:in|with|on)\b",
        r"(?:외교|통상|산업).{0,10}장관.{0,8}회담",
        r"외교장관\s?회담",
        r"外相会談",
        r"協議を(?:行|開)",
    ),
    "business_meeting_held": (
        r"business (?:roundtable|round-table|forum|delegation|conference|meeting)",
        r"roundtable|round-table|trade conference",
        r"(?:met|meets?|meeting|hosted|hosts?|attended|gathered|addressed)" + _GAP % 6 + _BUSINESS_PEOPLE,
        _BUSINESS_PEOPLE + r"\W+(?:\w+\W+){0,6}?(?:met|meet|gathered|attended)",
        r"경제인|재계|간담회",
        r"経済人|経済界",
    ),
    "agreement_reached": (r"\b(?:agreed|agree|agreement|signed|sign|deal|accord)\b", r"합의", r"合意"),
    "investment_requested": (
        r"(?:ask|urg|call|request|invit|press)" + _GAP % 14 + r"invest",
        r"투자.{0,10}(?:요청|당부|요구)",
        r"投資.{0,10}(?:要請|求め)",
    ),
    "court_ruling": (
        r"(?:court|tribunal|judges?|justices)\W+(?:\w+\W+){0,10}?"
        r"(?:ruled|rules|orders?|ordered|upheld|uphold|rejected|dismissed|sentenced|verdict|ruling|found)",
        r"판결",
        r"判決",
    ),
    "trade_complaint_filed": (
        r"(?:fil|lodg|request|launch|brought|bring|took|take)"
        + _GAP % 6
        + r"(?:complaint|dispute|consultations|panel)\b",
        r"(?:WTO|World Trade Organization) (?:case|complaint|dispute)",
        r"WTO.{0,8}제소",
        r"WTO.{0,8}提訴",
    ),
    "trade_complaint_withdrawn": (
        r"(?:withdr[ae]w|drop|terminat)" + _GAP % 6 + r"(?:complaint|dispute|case)\b",
        r"제소.{0,5}(?:취하|철회)",
        r"提訴.{0,5}取り下げ",
    ),
    "security_pact_decision": (
        r"GSOMIA",
        r"intelligence[- ]sharing (?:pact|agreement|deal)",
        r"military intelligence (?:pact|agreement)",
        r"security pact",
        r"지소미아|군사정보보호협정",
        r"軍事情報包括保護協定",
    ),
    "boycott_reported": (r"boycott", r"불매", r"不買"),
    "survey_reported": (r"\b(?:survey|poll)(?:ed|s)?\b", r"여론조사", r"世論調査"),
    "trade_figure_reported": (
        r"\b(?:exports?|imports?|sales|shipments|surplus|deficit|trade)\b",
        r"수출|수입",
        r"輸出|輸入",
    ),
}
TRIGGERS = {kind: re.compile("|".join(phrases), re.IGNORECASE) for kind, phrases in TRIGGER_PHRASES.items()}
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


def _data(name: str) -> dict:
    """A vocabulary file from corridor/news/data; each entry there carries a comment on why."""
    return yaml.safe_load(resources.files("corridor.news").joinpath("data", name).read_text("utf-8"))


PARSE = _data("parse.yaml")
