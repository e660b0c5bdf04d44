"""Ingestion of real pages and of pasted text, and a clear refusal of what is not an article."""

import gzip
import json
from datetime import date

import pytest

from corridor.news.ingest import UnreadableInput, publication_date, read_article

PASTED = """Retrieved on 2024-02-01 from https://example.com/news/123
Home
World
Asia
Business
Seoul to terminate intelligence pact with Tokyo
By Kim Jae-won and Hyonhee Shin
SEOUL, Aug 22 (Reuters) - South Korea decided on Thursday to scrap an intelligence-sharing pact with Japan.
Published: August 22, 2019
Kim You-geun said the decision followed Japan's removal of Korea from its white list.
Share | Tweet | Email
Copyright 2019 Reuters. All rights reserved.
"""


def test_pasted_text_loses_menus_share_buttons_and_footer():
    article = read_article(PASTED.encode(), "pasted.txt")
    assert article.title == "Seoul to terminate intelligence pact with Tokyo"
    assert article.byline == "Kim Jae-won and Hyonhee Shin"
    assert article.agency == "Reuters"
    assert article.dateline == "SEOUL, Aug 22 (Reuters)"
    assert article.text.startswith("South Korea decided on Thursday")
    for furniture in ("Home", "World", "Tweet", "Copyright", "Retrieved"):
        assert furniture not in article.text


def test_an_article_pasted_on_one_line_is_not_taken_for_a_menu():
    """Separators ("|", "·") twice and no final full stop mark a menu line, but only a short one."""
    sentence = "Japan tightened export controls on three materials | Seoul protested · talks stalled "
    article = read_article((sentence * 5).encode(), "one-line.txt")
    assert "Seoul protested" in article.text


def test_crawl_date_in_the_header_is_not_the_publication_date():
    article = read_article(PASTED.encode(), "pasted.txt")
    assert article.crawl_date == date(2024, 2, 1)
    assert article.published == date(2019, 8, 22)


def test_undated_text_has_no_publication_date():
    article = read_article(b"Retrieved 2024-02-01\nTalks stall\nThe two sides met again in Geneva.", "x.txt")
    assert article.published is None


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (
            b"<html><head><meta charset='x-unknown-9'></head><body>\xff\xfe text</body></html>",
            "unknown encoding",
        ),
        (b"Caf\xe9 au lait", "not UTF-8"),
        (b"<html><body><nav>Home</nav></body></html>", "no main text"),
    ],
)
def test_unreadable_input_is_refused_with_a_reason(raw, message):
    with pytest.raises(UnreadableInput, match=message):
        read_article(raw, "bad-input")


def test_declared_legacy_charset_is_honoured():
    html = (
        "<html><head><meta charset='euc-kr'><title>t</title></head><body><article>"
        + "<p>한국과 일본은 오는 8일부터 기업인 특별입국 절차를 시행하기로 합의했다. 정부가 발표했다.</p>" * 5
        + "</article></body></html>"
    )
    article = read_article(html.encode("euc-kr"), "page.html")
    assert "기업인 특별입국" in article.text


def test_real_pages_give_main_text_title_and_date(shared_data):
    folder = shared_data / "article-extraction-bench-subset"
    truth = json.loads((folder / "ground-truth.json").read_text())
    for page_id in sorted(truth)[:4]:
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        article = read_article(html, truth[page_id]["url"])
        first_words = " ".join(truth[page_id]["articleBody"].split()[:6])
        assert first_words[:20] in " ".join(article.text.split()) or len(article.text) > 200
        assert article.title


def test_real_pages_publication_dates(shared_data):
    folder = shared_data / "htmldate-mediacloud-subset"
    gold = json.loads((folder / "gold-dates.json").read_text())
    checked = [(url, entry) for url, entry in sorted(gold.items()) if entry["date"]][:5]
    right = 0
    for url, entry in checked:
        html = gzip.decompress((folder / "html" / entry["file"]).read_bytes()).decode("utf-8", "replace")
        right += publication_date(html, url) == date.fromisoformat(entry["date"])
    assert right >= 4


def test_undeclared_korean_and_japanese_legacy_encodings_are_read():
    korean = "한국과 일본은 기업인 특별입국 절차를 시행하기로 합의했다.\n양국 정부가 발표했다."
    japanese = "経済産業省は輸出規制を解除すると発表した。\n韓国向けの三品目が対象だ。"
    assert "기업인 특별입국" in read_article(korean.encode("euc-kr"), "k.txt").text
    assert "輸出規制" in read_article(japanese.encode("shift_jis"), "j.txt").text
