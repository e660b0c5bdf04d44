"""Reported events join the pack timeline as rows of the same shape, marked as news."""

import json
from datetime import date

from typer.testing import CliRunner

from corridor.cli.main import app
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
    assert row["sources"] == ["yonhap.txt: Seoul drops WTO case <notes/yonhap.txt>"]
    assert row["source"] == "notes/yonhap.txt"
    assert "wto-ds590-withdrawn" in row["note"]


def test_only_the_requested_pair_and_window():
    assert [r["id"] for r in rows("AU", "CN")] == ["talks_held"]
    assert rows(since=date(2023, 3, 24)) == []


def test_timeline_command_overlays_news_beside_the_packs(tmp_path):
    (tmp_path / "yonhap.txt").write_bytes(TEXT)
    (tmp_path / "broken.bin").write_bytes(b"\x00\x01\x02")
    result = CliRunner().invoke(
        app,
        [
            "timeline",
            "--from",
            "JP",
            "--to",
            "KR",
            "--since",
            "2023-03-20",
            "--until",
            "2023-03-31",
            "--with-news",
            str(tmp_path),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    news = [r for r in rows if r.get("kind") == "news"]
    assert [(r["day"], r["id"]) for r in news] == [("2023-03-23", "trade_complaint_withdrawn")]
    assert "wto-ds590-withdrawn" in {r["id"] for r in rows if r.get("kind") != "news"}
    assert "binary file" in result.stderr


def test_timeline_refuses_a_missing_news_directory(tmp_path):
    result = CliRunner().invoke(
        app, ["timeline", "--from", "JP", "--to", "KR", "--with-news", str(tmp_path / "nowhere")]
    )
    assert result.exit_code == 2 and "--with-news" in result.stderr
