"""Words of company names: trade-document abbreviations, generic words, and CJK business terms.

Trade documents abbreviate (`GUANGZHOU HAIGE COMM GRP`); lists spell out
(`GUANGZHOU HAIGE COMMUNICATIONS GROUP`). Both sides are folded to one canonical word so
they compare equal. Generic words (`trading`, `group`, `electronics`, country names) are
common to thousands of companies, so they may support a match but never make one alone.
"""

from __future__ import annotations

# canonical word: spellings and abbreviations seen on trade documents and lists
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "communications": ("comm", "comms", "communication", "commun"),
    "group": ("grp", "gp", "groups"),
    "international": ("intl", "int", "internat", "internacional", "international's"),
    "technology": ("tech", "technologies", "technol", "techn", "technological"),
    "industry": ("ind", "inds", "industries", "industrial", "indus"),
    "electronics": ("elec", "electronic", "electron"),
    "engineering": ("eng", "engg", "engr"),
    "manufacturing": ("mfg", "manufacturer", "manufacturers"),
    "development": ("dev", "devt", "developments"),
    "corporation": ("corp", "corpn"),
    "company": ("co", "cos", "companies"),
    "limited": ("ltd",),
    "trading": ("trade", "trd", "tradings", "traders"),
    "import": ("imp", "imports", "importing"),
    "export": ("exp", "exports", "exporting"),
    "enterprise": ("ent", "enterprises", "entp"),
    "holding": ("hldg", "hldgs", "holdings"),
    "services": ("svc", "svcs", "service"),
    "investment": ("inv", "invest", "investments"),
    "association": ("assn", "assoc"),
    "national": ("natl", "nat"),
    "management": ("mgmt", "mgt"),
    "chemical": ("chem", "chemicals"),
    "shipping": ("shpg",),
    "machinery": ("mach",),
    "bank": ("banking", "bk"),
    "general": ("gen", "genl"),
    "brothers": ("bros",),
    "science": ("sci", "sciences", "scientific"),
    "heavy": ("hvy",),
    "motor": ("motors",),
    "mining": ("mine", "mines"),
}
CANONICAL: dict[str, str] = {
    spelling: word for word, spellings in _SYNONYMS.items() for spelling in spellings
}

GENERIC: frozenset[str] = frozenset(
    {
        "communications",
        "group",
        "international",
        "technology",
        "industry",
        "electronics",
        "engineering",
        "manufacturing",
        "development",
        "corporation",
        "company",
        "limited",
        "trading",
        "import",
        "export",
        "enterprise",
        "holding",
        "services",
        "investment",
        "association",
        "national",
        "management",
        "chemical",
        "shipping",
        "machinery",
        "general",
        "global",
        "the",
        "of",
        "and",
        "for",
        "de",
        "del",
        "la",
        "le",
        "el",
        "al",
        "et",
        "y",
        "und",
        "science",
        "heavy",
        "motor",
        "mining",
        "commercial",
        "logistics",
        "energy",
        "resources",
        "solutions",
        "systems",
        "products",
        "construction",
        "marine",
        "bank",
        "foundation",
        "institute",
        "center",
        "centre",
        "network",
        "partners",
        "capital",
        "finance",
        "korea",
        "china",
        "chinese",
        "japan",
        "russia",
        "iran",
        "syria",
        "hong",
        "kong",
        "north",
        "south",
        "east",
        "west",
        "new",
        "first",
        "united",
        "world",
        "llc",
        "inc",
        "plc",
        "sa",
        "gmbh",
        "ag",
        "power",
        "oil",
        "gas",
        "petroleum",
        "steel",
        "metal",
        "equipment",
        "supply",
        "materials",
    }
)

# CJK business words translated, so `三星电子` can meet `... ELECTRONICS` and `조선` meet `KOREA`.
CJK_TERMS: dict[str, str] = {
    "電子": "electronics",
    "电子": "electronics",
    "전자": "electronics",
    "自動車": "motor",
    "汽车": "motor",
    "자동차": "motor",
    "重工業": "heavy industry",
    "重工业": "heavy industry",
    "중공업": "heavy industry",
    "商事": "trading",
    "貿易": "trading",
    "贸易": "trading",
    "무역": "trading",
    "상사": "trading",
    "技術": "technology",
    "技术": "technology",
    "기술": "technology",
    "科技": "technology",
    "銀行": "bank",
    "银行": "bank",
    "은행": "bank",
    "集团": "group",
    "集團": "group",
    "グループ": "group",
    "그룹": "group",
    "工業": "industry",
    "工业": "industry",
    "공업": "industry",
    "産業": "industry",
    "산업": "industry",
    "化学": "chemical",
    "化學": "chemical",
    "화학": "chemical",
    "国際": "international",
    "国际": "international",
    "國際": "international",
    "국제": "international",
    "通信": "communications",
    "통신": "communications",
    "조선": "korea",
}
_CJK_ORDER = sorted(CJK_TERMS, key=len, reverse=True)


def canonical_word(token: str) -> str:
    return CANONICAL.get(token, token)


def is_generic(token: str) -> bool:
    return token in GENERIC


def translate_cjk_terms(text: str) -> tuple[str, tuple[str, ...]]:
    """Replace known CJK business words by English, spaced off; returns the words replaced."""
    replaced = []
    for term in _CJK_ORDER:
        if term in text and text != term:
            text = text.replace(term, f" {CJK_TERMS[term]} ")
            replaced.append(term)
    return " ".join(text.split()), tuple(replaced)
