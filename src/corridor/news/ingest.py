"""Turn a downloaded page or a pasted text into an article: title, byline, dateline, date, body.

Pages go through trafilatura (main text) and htmldate (publication date). Plain text is what
people paste from a browser: it still carries the site's menus, runs of section names, share
buttons and the copyright-and-address footer, and often the date the page was saved. Those
lines are dropped by shape, not by site, so that texts from sites never seen still come out
clean; a date printed beside "retrieved"/"accessed" is the crawl date, never the publication date.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import date

from corridor.news.dates import DateMention, find_dates

AGENCIES = (
    "Reuters",
    "AP",
    "Associated Press",
    "AFP",
    "Agence France-Presse",
    "Yonhap",
    "Kyodo",
    "Jiji",
    "Xinhua",
    "Bloomberg",
    "dpa",
    "ANSA",
    "EFE",
    "PTI",
    "Bernama",
    "Antara",
    "TASS",
    "Anadolu",
    "CNA",
    "KBS",
    "NHK",
    "UPI",
    "Kyodo News",
    "Jiji Press",
    "연합뉴스",
    "共同通信",
    "時事通信",
)
_AGENCY_NAMES = "|".join(sorted((re.escape(a) for a in AGENCIES), key=len, reverse=True))

SHARE_WORDS = re.compile(
    r"^(share|tweet|facebook|twitter|x|email|e-mail|print|whatsapp|linkedin|line|kakaotalk|reddit|"
    r"copy link|copy|save|comments?|follow us|subscribe|공유|공유하기|인쇄|スクラップ|シェア|ツイート|印刷)"
    r"(\s*[|/·•,]\s*|\s+|$)",
    re.IGNORECASE,
)
FOOTER = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|무단\s*전재|재배포\s*금지|無断転載|著作権|"
    r"\bterms of (use|service)\b|\bprivacy policy\b|\bcontact us\b|\babout us\b|\btel[.:]|\bfax[.:]|"
    r"〒\d|\bP\.?O\.? Box\b|사업자등록번호|등록번호|발행인|편집인",
    re.IGNORECASE,
)
CRAWL = re.compile(
    r"\b(retrieved|accessed|crawled|downloaded|saved|archived|printed|captured)\b(\s+(on|at))?[:\s]",
    re.IGNORECASE,
)
PUBLISHED = re.compile(
    r"^\s*(published|posted|first published|date|입력|등록|公開|配信|掲載)\s*[:：]?\s*", re.IGNORECASE
)
UPDATED = re.compile(r"^\s*(updated|last updated|modified|수정|更新)\s*[:：]?\s*", re.IGNORECASE)
BYLINE = re.compile(
    r"^\s*(?:[Bb]y|[Ww]ritten by|[Rr]eporting by)\s+(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}"
    r"(?:\s+and\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})?)|(?P<ko>\S{2,4})\s*기자"
    r"|(?P<ja>\S{2,6})\s*記者"
)
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'-]{2,30}?)(?:,\s*(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?\s*"
    r"(?:\((?P<agency>" + _AGENCY_NAMES + r")\))?\s*(?:-{1,2}|—|–)\s*"
)
# Readers' comments are not the report; precision first, since a stray sidebar sentence can
# become a false event while a lost caption rarely holds one.
EXTRACTION = {"favor_precision": True, "include_comments": False}
MINIMUM_WORDS = 5  # less than a sentence is a menu or a cookie notice, not an article
NAV_SEPARATORS = re.compile(r"\s(?:\||›|»|>|/|·)\s")


def strip_dateline(text: str) -> str:
    """The body without a leading "SEOUL, Aug 22 (Reuters) -": the dateline dates the report, not
    the events in it."""
    head = DATELINE.match(text)
    return text[head.end() :] if head and (head.group("agency") or head.group("when")) else text


class UnreadableInput(ValueError):
    """Input that holds no article: binary, empty, an unknown encoding, or a page without text."""


@dataclass(frozen=True)
class Article:
    """What every later step reads: the body text and what the page said about itself."""

    source: str
    text: str
    title: str | None = None
    published: date | None = None
    byline: str | None = None
    agency: str | None = None
    dateline: str | None = None
    crawl_date: date | None = None


def decode(raw: bytes, source: str) -> str:
    """Bytes to text: a BOM, UTF-8, the charset the page declares, or an undeclared Korean or
    Japanese legacy encoding that decodes cleanly into that script. Anything else is refused
    rather than guessed, since a wrong guess gives mojibake that looks like an article."""
    if not raw.strip():
        raise UnreadableInput(f"{source}: empty file")
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(codec)
    if b"\x00" in raw[:4096]:
        raise UnreadableInput(f"{source}: binary file (NUL bytes), not text or HTML")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        declared = re.search(rb"""charset=["']?([\w.:-]+)""", raw[:4096], re.IGNORECASE)
        legacy = None if declared else _legacy_cjk(raw)
        if legacy is not None:
            return legacy
        if not declared:
            raise UnreadableInput(
                f"{source}: not UTF-8 (byte {error.start}) and no charset declared; "
                "accepted: UTF-8, UTF-16 with BOM, or HTML declaring its charset"
            ) from error
        name = declared.group(1).decode("ascii", "replace")
        try:
            return raw.decode(name)
        except LookupError:
            raise UnreadableInput(f"{source}: unknown encoding {name!r} declared by the page") from error
        except UnicodeDecodeError as inner:
            raise UnreadableInput(f"{source}: not valid {name} as declared (byte {inner.start})") from inner


# Legacy encodings still common for Korean and Japanese text, and the script each must yield.
LEGACY_CJK = (
    ("cp949", r"[\uac00-\ud7a3]"),
    ("shift_jis", r"[\u3040-\u30ff\u4e00-\u9fff]"),
    ("euc_jp", r"[\u3040-\u30ff\u4e00-\u9fff]"),
)


def _legacy_cjk(raw: bytes) -> str | None:
    """The text, if `raw` decodes strictly in one legacy encoding and nearly all of its
    non-ASCII characters then fall in that encoding's script."""
    for codec, script in LEGACY_CJK:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        foreign = [c for c in text if ord(c) > 127]
        if foreign and sum(bool(re.match(script, c)) for c in foreign) >= 0.9 * len(foreign):
            return text
    return None


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return (
        "<html" in head
        or "<!doctype html" in head
        or ("<body" in head and "</" in head)
        or (head.count("<p>") + head.count("<div") >= 2)
    )


MAX_DOCUMENT_BYTES = 2_000_000  # a news page is far smaller; larger input is a dump, not an article


def read_article(raw: bytes, source: str, limit: int = MAX_DOCUMENT_BYTES) -> Article:
    """A page or a text, whichever `raw` is; refused, naming its size, above `limit` bytes."""
    if len(raw) > limit:
        raise UnreadableInput(
            f"{source}: {len(raw):,} bytes is over the {limit:,}-byte limit for one document")
    text = decode(raw, source)
    return read_html(text, source) if looks_like_html(text) else read_text(text, source)


def read_html(html: str, source: str) -> Article:
    """Main text by trafilatura, date by htmldate (extensive search, original date)."""
    import trafilatura

    url = source if source.startswith(("http://", "https://")) else None
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, **EXTRACTION)
    body = document.text if document is not None else None
    if not body or len(body.split()) < MINIMUM_WORDS:
        raise UnreadableInput(f"{source}: page has no main text that could be extracted")
    published = publication_date(html, url)
    kept = clean_lines(body.splitlines(), menus=False)
    return Article(
        source,
        "\n".join(kept) or body,
        document.title,
        published,
        byline=document.author,
        agency=_agency_in(body[:400]),
    )


def publication_date(html: str, url: str | None = None) -> date | None:
    """The original publication date htmldate finds (extensive search), not the last update.

    A wiki revision page (MediaWiki `diff=`/`oldid=`) publishes one edit: its date is the
    edit's, which htmldate reports as the latest date rather than the original one.
    """
    from htmldate import find_date

    revision = bool(url and re.search(r"[?&](?:diff|oldid)=\d", url))
    found = find_date(html, url=url, extensive_search=True, original_date=not revision)
    return date.fromisoformat(found) if found else None


def main_text(html: str) -> str | None:
    """The body only, as `corridor news ingest` keeps it (for the extraction benchmark)."""
    import trafilatura

    body = trafilatura.extract(html, **EXTRACTION)
    return "\n".join(clean_lines(body.splitlines(), menus=False)) if body else None


def clean_lines(lines: list[str], menus: bool = True) -> list[str]:
    """Drop share buttons, footers, navigation lines and (with `menus`) runs of section names.

    trafilatura's output has its menus removed already, and short lines left in it are list
    items of the article, so only pasted text is searched for menu runs.
    """
    stripped = [line.strip() for line in lines]
    in_menu = _menu_runs(stripped) if menus else [False] * len(stripped)
    return [
        line
        for line, menu in zip(stripped, in_menu, strict=True)
        if line and not menu and not _is_boilerplate(line)
    ]


LONGEST_BOILERPLATE = 300  # characters: footers and menu lines are short


def _is_boilerplate(line: str) -> bool:
    if SHARE_WORDS.match(line) and len(line.split()) <= 6:
        return True
    if len(line) >= LONGEST_BOILERPLATE:  # a whole article pasted on one line is not a menu
        return False
    if FOOTER.search(line):
        return True
    is_table_row = line.startswith("|") and line.endswith("|")
    return not is_table_row and len(NAV_SEPARATORS.findall(line)) >= 2 and not re.search(r"[.!?。다]$", line)


def _is_section_name(line: str) -> bool:
    """A short label such as "World", "Business", "Asia Pacific", "경제": no sentence end, few words."""
    words = line.split()
    return (
        0 < len(words) <= 3
        and len(line) <= 30
        and not re.search(r"[.!?:。다\d]$", line)
        and not BYLINE.match(line)
    )


def _menu_runs(lines: list[str]) -> list[bool]:
    """Three or more section names in a row (blank lines aside) are a menu."""
    flags = [False] * len(lines)
    run: list[int] = []
    for index, line in enumerate([*lines, "end of text."]):
        if not line:
            continue
        if _is_section_name(line):
            run.append(index)
            continue
        if len(run) >= 3:
            for member in run:
                flags[member] = True
        run = []
    return flags


def read_text(text: str, source: str) -> Article:
    """A pasted page: strip boilerplate, then read title, byline, dateline and date from the top."""
    lines = text.splitlines()
    crawl = _crawl_date(lines)
    published = _printed_date(lines)
    cleaned = clean_lines([line for line in lines if not _is_meta(line)])
    if not cleaned:
        raise UnreadableInput(f"{source}: no text left once menus, share buttons and footers are removed")
    byline = agency = dateline = title = None
    body: list[str] = []
    for line in cleaned:
        found = BYLINE.match(line)
        if found and not body and len(line) < 80:
            byline = found.group("name") or found.group("ko") or found.group("ja")
            agency = agency or _agency_in(line)
            continue
        if title is None and not body and _looks_like_headline(line):
            title = line
            continue
        head = DATELINE.match(line) if not body else None
        if head and (head.group("agency") or head.group("when")):
            dateline = line[: head.end()].strip(" -—–")
            agency = head.group("agency") or agency
            line = line[head.end() :]
            published = published or _dateline_date(head.group("when"))
        body.append(line)
    if not body:
        raise UnreadableInput(f"{source}: only a title and page furniture, no article text")
    agency = agency or _agency_in("\n".join(body[:2]))
    return Article(source, "\n".join(body), title, published, byline, agency, dateline, crawl)


def _looks_like_headline(line: str) -> bool:
    """Headlines are short and, unlike the sentences of the body, end without a full stop."""
    return len(line) < 200 and not DATELINE.match(line) and not re.search(r"[.。](?:[\"”’']?)$", line)


def _is_meta(line: str) -> bool:
    return bool(CRAWL.search(line) or PUBLISHED.match(line) or UPDATED.match(line)) and len(line) < 120


def _first_date(line: str) -> DateMention | None:
    found = [
        m
        for m in find_dates(line, date(2000, 1, 1), "past")
        if m.precision == "day" and re.search(r"(?:19|20)\d\d", m.text)
    ]
    return found[0] if found else None


def _crawl_date(lines: list[str]) -> date | None:
    for line in lines[:15] + lines[-15:]:
        if CRAWL.search(line) and (found := _first_date(line)):
            return found.day
    return None


def _printed_date(lines: list[str]) -> date | None:
    """ "Published: …" wins, then the byline's date ("By Jane Roe, Aug. 2, 2019"), then a bare date
    line near the top; "Updated: …" and crawl stamps only as a last resort."""
    top = lines[:25]
    for pattern in (PUBLISHED, BYLINE, None, UPDATED):
        for line in top:
            if CRAWL.search(line):
                continue
            if pattern is None:
                found = _first_date(line) if len(line.strip()) <= 40 else None
            else:
                found = _first_date(line) if pattern.match(line) else None
            if found:
                return found.day
    return None


def _dateline_date(when: str | None) -> date | None:
    if not when or not re.search(r"\d{4}", when):
        return None
    found = _first_date(when)
    return found.day if found else None


def _agency_in(text: str) -> str | None:
    found = re.search(r"\((" + _AGENCY_NAMES + r")\)|\b(" + _AGENCY_NAMES + r")\b", text)
    return (found.group(1) or found.group(2)) if found else None
