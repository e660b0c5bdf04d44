"""Legal forms of companies, in CJK scripts and in Latin, stripped from names but kept as a class.

CJK legal forms are glued to the name (`トヨタ自動車株式会社`, `三星电子有限公司`) and no
library splits them off (rigour tags them only when space-separated), so corridor strips them
as prefix or suffix, longest first. The class (JSC, LLC…) is kept for the explanation: two
names that differ only in legal form are the same party for screening purposes.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Longest first within each class; prefix or suffix, never inside a name.
CJK_LEGAL_FORMS: dict[str, str] = {
    "股份有限公司": "JSC",
    "有限责任公司": "LLC",
    "有限責任公司": "LLC",
    "有限公司": "LLC",
    "株式会社": "JSC",
    "有限会社": "LLC",
    "合同会社": "LLC",
    "合資会社": "LP",
    "合名会社": "GP",
    "（株）": "JSC",
    "(株)": "JSC",
    "㈱": "JSC",
    "（有）": "LLC",
    "(有)": "LLC",
    "㈲": "LLC",
    "주식회사": "JSC",
    "유한회사": "LLC",
    "유한책임회사": "LLC",
    "합자회사": "LP",
    "합명회사": "GP",
    "총회사": "CO",  # DPRK firms: `…General Corporation`
    "회사": "CO",
    "(주)": "JSC",
    "㈜": "JSC",
    "（주）": "JSC",
    "(유)": "LLC",
    "集团有限公司": "LLC",
    "集團有限公司": "LLC",
    "总公司": "CO",
    "總公司": "CO",
    "公司": "CO",
}
_CJK_ORDER = sorted(CJK_LEGAL_FORMS, key=len, reverse=True)

# Latin legal forms after normalisation to lower-case ASCII tokens; multi-word forms joined by spaces.
LATIN_LEGAL_FORMS: dict[str, str] = {
    "co ltd": "LLC",
    "coltd": "LLC",
    "company limited": "LLC",
    "limited liability company": "LLC",
    "pte ltd": "LLC",
    "pvt ltd": "LLC",
    "private limited": "LLC",
    "sdn bhd": "LLC",
    "joint stock company": "JSC",
    "public joint stock company": "JSC",
    "closed joint stock company": "JSC",
    "s a": "SA",
    "s a s": "SAS",
    "de c v": "SA",
    "s de r l": "LLC",
    "co": "CO",
    "company": "CO",
    "ltd": "LLC",
    "limited": "LLC",
    "llc": "LLC",
    "llp": "LLP",
    "lp": "LP",
    "inc": "CORP",
    "incorporated": "CORP",
    "corp": "CORP",
    "corporation": "CORP",
    "plc": "PLC",
    "gmbh": "LLC",
    "ag": "JSC",
    "aktiengesellschaft": "JSC",
    "jsc": "JSC",
    "ojsc": "JSC",
    "cjsc": "JSC",
    "pjsc": "JSC",
    "zao": "JSC",
    "oao": "JSC",
    "pao": "JSC",
    "ooo": "LLC",
    "tov": "LLC",
    "sa": "SA",
    "sas": "SAS",
    "sarl": "LLC",
    "srl": "LLC",
    "spa": "JSC",
    "bv": "LLC",
    "nv": "JSC",
    "kk": "JSC",
    "kabushiki kaisha": "JSC",
    "kabushikigaisha": "JSC",
    "jusikhoesa": "JSC",
    "fze": "LLC",
    "fzco": "LLC",
    "fzc": "LLC",
    "fzllc": "LLC",
    "est": "EST",
    "sal": "SA",
    "pte": "LLC",
    "bhd": "LLC",
    "ltda": "LLC",
    "cia": "CO",
    "cie": "CO",
}
_LATIN_PATTERN = re.compile(
    r"(?:^|\s)("
    + "|".join(re.escape(f) for f in sorted(LATIN_LEGAL_FORMS, key=len, reverse=True))
    + r")(?=\s|$)"
)


@lru_cache(maxsize=4096)  # a name is read as a person's and as an organisation's
def strip_cjk_legal_form(name: str) -> tuple[str, str | None]:
    """(`トヨタ自動車`, `JSC`) from `トヨタ自動車株式会社`; the name unchanged when it has none."""
    text = name.strip()
    found = None
    changed = True
    while changed:
        changed = False
        for form in _CJK_ORDER:
            if text.startswith(form) and len(text) > len(form):
                text, found, changed = text[len(form) :].strip(), found or CJK_LEGAL_FORMS[form], True
            elif text.endswith(form) and len(text) > len(form):
                text, found, changed = text[: -len(form)].strip(), found or CJK_LEGAL_FORMS[form], True
    return text, found


def strip_latin_legal_forms(normalised: str) -> tuple[str, str | None]:
    """Remove Latin legal forms from a normalised (lower-case, space-separated) name.

    Only whole tokens are removed, and never the whole name: `co` alone stays a name.
    """
    found = [LATIN_LEGAL_FORMS[m.group(1)] for m in _LATIN_PATTERN.finditer(normalised)]
    stripped = " ".join(_LATIN_PATTERN.sub(" ", normalised).split())
    if not found or not stripped:
        return normalised, None
    return stripped, found[0]
