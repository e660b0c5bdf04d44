"""Reported events join the pack timeline as rows of the same shape, marked as news."""

from datetime import date

from corridor.news.ingest import read_article
from corridor.news.overlay import news_rows
from corridor.news.report import report_article
from corridor.packs.registry import load_packs

TEXT = b"""Seoul drops WTO case
SEOUL, March 23 (Yonhap) -- South Korea on Thursday withdrew its WTO complaint against Japan.
China and Australia held talks on Thursday.
Published: 2023-03-23
"""


def rows(first="JP", second="KR", **window):
    report = report_article(read_article(TEXT, "notes/yonhap.txt"), load_packs())
    return news_rows([report], first, second, **window)


def test_rows_have_the_timeline_shape_and_say_they_are_news():
    (row,) = rows()
    assert {"day", "domain", "jurisdiction", "change", "id", "summary", "sources", "note"} <= set(row)
    assert (row["kind"], row["domain"], row["day"], row["id"]) == (
        "news",
        "news",
        "2023-03-23",
        "trade_complaint_withdrawn",
    )
    assert row["sources"] == ["notes/yonhap.txt (Seoul drops WTO case)"]
    assert "wto-ds590-withdrawn" in row["note"]


def test_only_the_requested_pair_and_window():
    assert [r["id"] for r in rows("AU", "CN")] == ["talks_held"]
    assert rows(since=date(2023, 3, 24)) == []
