"""People and organisations a report names, with their country and role, merged by name.

The same minister appears as "Kono", "Kōno Tarō", "Taro Kohno" and "河野太郎"; the same
chairman as "Chey Tae-won" and "Choi Tae Won". A name key folds scripts (Hangul by the
Revised Romanization, kana and kanji by Hepburn), macrons, hyphens, word order and the common
variant spellings of Korean surnames and Japanese long vowels, so they merge into one entity.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from normality import ascii_text

from corridor.names import japanese, korean
from corridor.names.korean import Romanisation, split_person_name
from corridor.news.countries import country_mentions
from corridor.news.gate import Gate

# The Korean and Japanese readers are imported through corridor.screening while the screening
# helper moves them to corridor.names (issue 10 note); the lead repoints these imports at merge.
ROLE = (
    r"(?:(?:acting|former|deputy|vice|first|senior|chief|new|incoming|outgoing)\s+)*"
    r"(?:(?:Prime|Foreign|Trade|Industry|Finance|Defen[cs]e|Economy|Economic|Commerce|Health|Interior|"
    r"Justice|Unification|Transport|Tourism|Chief Cabinet|Cabinet|State|Home)\s+)?"
    r"(?:President|Premier|Minister|Secretary|Ambassador|Envoy|Chairman|Chairwoman|Chair|CEO|"
    r"Chief Executive|Governor|Spokes(?:man|woman|person)|Director[- ]General|Director|Commissioner|"
    r"Lawmaker|Rep\.|Sen\.|Senator|Justice|Judge|Chancellor|King|Emperor|Vice Chairman)"
)
# Capitalised words, a particle such as "de" or "bin" allowed; hyphenated Korean given names kept whole.
_WORD = r"[A-Z][a-z'’]+(?:-[a-z]+|-[A-Z][a-z]+)?"
_NAME = r"(?P<name>" + _WORD + r"(?:\s+" + _WORD + r"){1,2})"
_QUALIFIER_WORD = (
    r"(?!(?:Prime|Foreign|Trade|Industry|Finance|Deputy|Vice|Acting|Chief|Defen[cs]e|Economy|Commerce|"
    r"President|Minister)\b)[A-Z][\w.]+"
)
_COUNTRY_WORD = r"(?P<qual>" + _QUALIFIER_WORD + r"(?:\s" + _QUALIFIER_WORD + r")?(?:'s|’s)?\s+)?"
ROLE_THEN_NAME = re.compile(_COUNTRY_WORD + r"(?P<role>(?i:" + ROLE + r"))\s+" + _NAME)
NAME_THEN_ROLE = re.compile(
    _NAME + r",\s+(?:the\s+)?(?P<role>[^,.;]{0,40}?(?i:" + ROLE + r")"
    r"(?:\s+(?:of|at|for)\s+(?:the\s+)?[A-Z][\w&.\-]*(?:\s+(?:of\s+|and\s+|&\s+)?"
    r"[A-Z][\w&.\-]*)*)?)"
)
ORG_HEADS = {
    "court": r"(?:Supreme|High|District|Constitutional|Appeals?|Federal)\s+Court|Court of [A-Z]\w+|Tribunal",
    "agency": r"Ministry|Ministry of [A-Z][\w ,]+?(?=[,.;]|\s(?:said|on|in|and)\b)"
    r"|Agency|Office|Service|Commission|"
    r"Council|Cabinet|Customs|Bureau|Administration|Department|Mission|Embassy",
    "association": r"Association|Federation|Chamber of Commerce(?: and Industry)?|Chamber|Union|Institute|"
    r"Organization|Organisation|Forum|Foundation",
    "company": r"Corp\.?|Corporation|Co\.|Inc\.?|Ltd\.?|Group|Industries|Electronics|Holdings|Motors?|Steel|"
    r"Chemicals?|Semiconductor|Airlines?|Bank",
}
_CAP = r"(?:[A-Z][\w&\-]*|of|and|for|the|&)"
_HEADS = "|".join(ORG_HEADS.values())
ORGANISATION = re.compile(
    r"\b(?P<org>(?:[A-Z][\w&\-]*\s+)(?:" + _CAP + r"\s+){0,5}?(?:" + _HEADS + r")(?:\s+(?:" + _HEADS + r"))*"
    r"(?:\s+of\s+(?:South\s+)?[A-Z]\w+)?)\b"
)
KNOWN = {
    # acronym or short name → (full name, kind, country)
    "METI": ("Ministry of Economy, Trade and Industry", "agency", "JP"),
    "MOTIE": ("Ministry of Trade, Industry and Energy", "agency", "KR"),
    "MOFA": ("Ministry of Foreign Affairs", "agency", None),
    "MOF": ("Ministry of Finance", "agency", None),
    "WTO": ("World Trade Organization", "agency", None),
    "DSB": ("WTO Dispute Settlement Body", "agency", None),
    "FKI": ("Federation of Korean Industries", "association", "KR"),
    "KITA": ("Korea International Trade Association", "association", "KR"),
    "KCCI": ("Korea Chamber of Commerce and Industry", "association", "KR"),
    "Keidanren": ("Keidanren", "association", "JP"),
    "JETRO": ("Japan External Trade Organization", "agency", "JP"),
    "KOTRA": ("Korea Trade-Investment Promotion Agency", "agency", "KR"),
    "KAIDA": ("Korea Automobile Importers and Distributors Association", "association", "KR"),
    "BIS": ("Bureau of Industry and Security", "agency", "US"),
    "MOFCOM": ("Ministry of Commerce", "agency", "CN"),
    "Samsung": ("Samsung Electronics", "company", "KR"),
    "SK Hynix": ("SK Hynix", "company", "KR"),
    "LG Display": ("LG Display", "company", "KR"),
    "Hyundai": ("Hyundai Motor", "company", "KR"),
    "Toyota": ("Toyota Motor", "company", "JP"),
    "Honda": ("Honda Motor", "company", "JP"),
    "Sony": ("Sony", "company", "JP"),
    "Toray": ("Toray Industries", "company", "JP"),
    "Stella Chemifa": ("Stella Chemifa", "company", "JP"),
    "JSR": ("JSR", "company", "JP"),
    "Uniqlo": ("Uniqlo", "company", "JP"),
    "Asahi": ("Asahi Breweries", "company", "JP"),
    "TSMC": ("TSMC", "company", "TW"),
    # newspapers and agencies: longer than the brewery's "Asahi", so they win where both match
    "Asahi Shimbun": ("Asahi Shimbun", "media", "JP"),
    "Yomiuri Shimbun": ("Yomiuri Shimbun", "media", "JP"),
    "Mainichi Shimbun": ("Mainichi Shimbun", "media", "JP"),
    "Nikkei": ("Nikkei", "media", "JP"),
    "Kyodo": ("Kyodo News", "media", "JP"),
    "Japan Times": ("Japan Times", "media", "JP"),
    "Yonhap": ("Yonhap News Agency", "media", "KR"),
    "Chosun Ilbo": ("Chosun Ilbo", "media", "KR"),
    "JoongAng Ilbo": ("JoongAng Ilbo", "media", "KR"),
    "Dong-A Ilbo": ("Dong-A Ilbo", "media", "KR"),
    "Hankyoreh": ("Hankyoreh", "media", "KR"),
    "Korea Herald": ("Korea Herald", "media", "KR"),
    "Korea Times": ("Korea Times", "media", "KR"),
    "Huawei": ("Huawei", "company", "CN"),
    "ASML": ("ASML", "company", "NL"),
    "산업통상자원부": ("Ministry of Trade, Industry and Energy", "agency", "KR"),
    "산업부": ("Ministry of Trade, Industry and Energy", "agency", "KR"),
    "외교부": ("Ministry of Foreign Affairs", "agency", "KR"),
    "대법원": ("Supreme Court of Korea", "court", "KR"),
    "経済産業省": ("Ministry of Economy, Trade and Industry", "agency", "JP"),
    "経産省": ("Ministry of Economy, Trade and Industry", "agency", "JP"),
    "外務省": ("Ministry of Foreign Affairs", "agency", "JP"),
    "経団連": ("Keidanren", "association", "JP"),
    "전경련": ("Federation of Korean Industries", "association", "KR"),
    # an unqualified "the government" in a Korean or Japanese text is that country's own
    "정부": ("Government", "agency", "KR"),
    "政府": ("Government", "agency", "JP"),
    "首相": ("Prime Minister", "agency", "JP"),
}
# Latin names need word boundaries; Korean and Japanese names sit inside longer words (岸田文雄首相は).
BY_FULL_NAME = {full: (kind, country) for full, kind, country in KNOWN.values()}
_KNOWN = re.compile(
    "|".join(
        (r"(?<![\w])(" + re.escape(k) + r")(?![a-zA-Z])") if k.isascii() else "(" + re.escape(k) + ")"
        for k in sorted(KNOWN, key=len, reverse=True)
    )
)
# One automaton pass says which of the name patterns a sentence can hold at all.
_GATE = Gate({p: p for p in (_KNOWN, ROLE_THEN_NAME, NAME_THEN_ROLE, ORGANISATION)})
SURNAME_VARIANTS = {
    "yi": "lee",
    "rhee": "lee",
    "i": "lee",
    "ri": "lee",
    "pak": "park",
    "bak": "park",
    "gim": "kim",
    "choe": "choi",
    "chey": "choi",
    "jung": "jeong",
    "chung": "jeong",
    "gang": "kang",
    "yun": "yoon",
    "sin": "shin",
    "jo": "cho",
    "im": "lim",
    "rim": "lim",
    "noh": "roh",
    "no": "roh",
    "ryu": "yoo",
    "yu": "yoo",
    "gu": "koo",
    "ku": "koo",
    "seong": "sung",
    "mun": "moon",
    "jang": "chang",
    "ahn": "an",
    "heo": "huh",
    "hur": "huh",
    "gwon": "kwon",
    "bae": "pae",
    "baek": "paek",
}
KOREAN_SURNAMES = {
    "kim",
    "lee",
    "park",
    "choi",
    "jeong",
    "kang",
    "cho",
    "yoon",
    "chang",
    "lim",
    "han",
    "oh",
    "seo",
    "shin",
    "kwon",
    "hwang",
    "an",
    "song",
    "yoo",
    "hong",
    "jeon",
    "ko",
    "moon",
    "yang",
    "son",
    "pae",
    "paek",
    "huh",
    "nam",
    "sim",
    "roh",
    "ha",
    "kwak",
    "sung",
    "cha",
    "joo",
    "woo",
    "koo",
    "min",
    "na",
    "jin",
    "chae",
    "won",
    "bang",
    "hyun",
    "chu",
    "do",
    "seol",
    "ma",
    "ban",
    "wang",
    "yeo",
    "ok",
    "tak",
    "kye",
}


@dataclass
class Entity:
    """A named participant; `aliases` keeps every spelling seen, so merging is auditable."""

    name: str
    kind: str
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: int = 1

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "key": name_key(self.name),
            "kind": self.kind,
            "country": self.country,
            "roles": self.roles,
            "aliases": self.aliases,
            "mentions": self.mentions,
        }


def romanise(name: str) -> str:
    """Latin letters for a Hangul or Japanese name; other scripts pass through.

    The readings are screening's (its own Revised Romanization, and cutlet for Japanese), so a
    name merges in the news exactly as it would match on a list, with permissive licences only.
    """
    if re.search(r"[\uac00-\ud7a3]", name):
        parts = name.split()
        if len(parts) == 1 and 2 <= len(name) <= 4:  # 문재인: family name first, then the given name
            parts = list(split_person_name(name))
        return " ".join(korean.romanise(part, Romanisation.RR).replace(" ", "") for part in parts)
    if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", name):
        return japanese.romanise(name)
    return name


def name_key(name: str) -> str:
    """The merge key: script, accents, case, hyphens, word order and variant spellings folded."""
    latin = (ascii_text(romanise(name)) or name).lower()
    words = [w.replace("'", "") for w in re.split(r"[\s,]+", latin) if w]
    words = [SURNAME_VARIANTS.get(w, w) for w in words]
    family = (
        next((w for w in (words[0], words[-1]) if w in KOREAN_SURNAMES), None) if len(words) > 1 else None
    )
    if family:  # Korean: the given name's syllables may be hyphenated, spaced or joined
        given = "".join(w for w in words if w is not family).replace("-", "")
        words = [family, given]
    else:
        words = sorted(w.replace("-", "") for w in words)
    return " ".join(re.sub(r"(?<=o)[uoh](?![aeiou])", "", w).replace("uu", "u") for w in words)


def find_entities(text: str) -> list[Entity]:
    """People with roles, organisations by their heads (Ministry, Court, Corp.) and known names.

    Known names come first, so their kind and country win when a generic rule finds them too.
    """
    found: list[Entity] = []
    worth_running = _GATE.open_for(text)

    def matches(pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        return pattern.finditer(text) if pattern in worth_running else iter(())

    for match in matches(_KNOWN):
        name = next(group for group in match.groups() if group)
        full, kind, country = KNOWN[name]
        found.append(Entity(full, kind, _country_before(text, match.start()) or country, [], [name]))
    for match in matches(ROLE_THEN_NAME):
        country = _country_of(match.group("qual") or "") or _known_country(match.group("qual") or "")
        found.append(
            Entity(
                match.group("name"), "person", country, [_role(match.group("role"))], [match.group("name")]
            )
        )
    for match in matches(NAME_THEN_ROLE):
        role = match.group("role").strip()
        found.append(
            Entity(match.group("name"), "person", _country_of(role), [_role(role)], [match.group("name")])
        )
    for match in matches(ORGANISATION):
        for org in _split_pair(_trim_org(match.group("org"))):
            kind, country = BY_FULL_NAME.get(org, (_org_kind(org), None))
            country = country or _country_of(org) or _country_before(text, match.start())
            found.append(Entity(org, kind, country, [], [org]))
    return merge_entities([found])


def _split_pair(org: str | None) -> list[str]:
    """ "Samsung Electronics and LG Electronics" is two firms: split at "and" when both sides end
    in an organisation head; "Ministry of Trade, Industry and Energy" (no head after) stays one."""
    if not org:
        return []
    left, _, right = org.rpartition(" and ")
    ends_in_head = re.compile(r"(?:" + _HEADS + r")$")
    if left and ends_in_head.search(left) and ends_in_head.search(right) and len(right.split()) >= 2:
        return [*_split_pair(left), right]
    return [org]


def _known_country(qualifier: str) -> str | None:
    """ "METI Minister …": the country of a known ministry or agency named as the title's qualifier."""
    word = qualifier.strip().removesuffix("'s").removesuffix("’s")
    return KNOWN[word][2] if word in KNOWN else None


def _role(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip())


def _trim_org(org: str) -> str | None:
    """Drop sentence-initial words that are not part of the name ("On Monday the Supreme Court")."""
    words = org.split()
    while words and (
        words[0] in {"The", "On", "In", "A", "An", "At", "Both", "But", "And", "While"}
        or re.fullmatch(r"[A-Z][a-z]+day", words[0])
    ):
        words = words[1:]
    return " ".join(words) if len(words) >= 2 or (words and words[0] in KNOWN) else None


def _org_kind(org: str) -> str:
    for kind, head in ORG_HEADS.items():
        if re.search(r"(?:" + head + r")\b", org):
            return kind
    return "organisation"


def _country_of(text: str) -> str | None:
    mentions = country_mentions(text)
    return mentions[0].code if mentions else None


def _country_before(text: str, start: int) -> str | None:
    """ "Japan's trade ministry", "the Korean Federation": the country just before the name."""
    window = text[max(0, start - 25) : start]
    mentions = country_mentions(window)
    gap = window[mentions[-1].start + len(mentions[-1].text) :] if mentions else ""
    if not mentions or not re.fullmatch(r"(?:'s|’s)?\s*(?:the\s+)?", gap):
        return None
    return mentions[-1].code


def merge_entities(groups: Iterable[list[Entity]]) -> list[Entity]:
    """One entity per name key across texts; the most frequent spelling names it."""
    merged: dict[str, list[Entity]] = {}
    for group in groups:
        for entity in group:
            merged.setdefault(_merge_key(entity), []).append(entity)
    return [_combine(members) for members in merged.values()]


def _merge_key(entity: Entity) -> str:
    return f"{entity.kind if entity.kind == 'person' else 'org'}:{name_key(entity.name)}"


def _combine(members: list[Entity]) -> Entity:
    spellings = Counter(alias for m in members for alias in m.aliases)
    names = Counter(m.name for m in members)
    countries = Counter(m.country for m in members if m.country)
    roles = list(dict.fromkeys(r for m in members for r in m.roles))
    return Entity(
        names.most_common(1)[0][0],
        members[0].kind,
        countries.most_common(1)[0][0] if countries else None,
        roles,
        sorted(spellings),
        sum(m.mentions for m in members),
    )
