"""`corridor news ingest`: the JSON contract, standard input, and bad files reported one by one."""

import json

from typer.testing import CliRunner

from corridor.cli.main import app

runner = CliRunner()
REPORT = """Seoul drops WTO case
By Kim Min-ji
SEOUL, March 23 (Yonhap) -- South Korea on Thursday withdrew its WTO complaint against Japan's export curbs.
Published: 2023-03-23
"""
EVENT_KEYS = {
    "type",
    "actor",
    "target",
    "participants",
    "items",
    "date",
    "date_precision",
    "happened",
    "figures",
    "flags",
    "evidence",
    "confidence",
    "pack_links",
}


def test_json_contract_for_one_file(tmp_path):
    file = tmp_path / "report.txt"
    file.write_text(REPORT)
    result = runner.invoke(app, ["news", "ingest", "--json", str(file)])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert {"title", "published", "published_estimate", "source", "text_chars", "entities", "events"} <= set(
        document
    )
    assert document["published"] == "2023-03-23" and document["published_estimate"] is None
    (event,) = [e for e in document["events"] if e["type"] == "trade_complaint_withdrawn"]
    assert set(event) == EVENT_KEYS
    assert (event["actor"], event["target"], event["date"], event["happened"]) == (
        "KR",
        "JP",
        "2023-03-23",
        True,
    )
    assert "wto-ds590-withdrawn" in {link["fact"] for link in event["pack_links"]}


def test_standard_input_and_undated_text_gets_an_estimate():
    text = "Exports fell\nJapan's exports to South Korea fell 15.9% in September 2019, the ministry said."
    result = runner.invoke(app, ["news", "ingest", "--json", "-"], input=text)
    document = json.loads(result.stdout)
    assert document["published"] is None
    assert document["published_estimate"]["from"] == "2019-10-01"
    assert "estimated_date" in {f["kind"] for e in document["events"] for f in e["flags"]}


def test_bad_files_are_reported_and_the_good_one_still_processed(tmp_path):
    good, empty, binary = tmp_path / "good.txt", tmp_path / "empty.txt", tmp_path / "image.png"
    good.write_text(REPORT)
    empty.write_bytes(b"")
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = runner.invoke(
        app, ["news", "ingest", "--json", str(empty), str(good), str(binary), "missing.txt"]
    )
    assert result.exit_code == 0
    assert [d["source"] for d in json.loads(result.stdout)] == [str(good)]
    assert "empty file" in result.stderr and "binary file" in result.stderr and "missing.txt" in result.stderr


def test_exit_status_is_one_when_every_input_fails(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["news", "ingest", str(empty)])
    assert result.exit_code == 1
