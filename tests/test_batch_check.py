"""`corridor check --batch`: every order line answered as `corridor check` answers it, bad lines
reported with their row number and reason while the good ones finish, extra columns kept."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from corridor.batch.keys import decide_key, decide_keys
from corridor.batch.orders import BatchInputError, check_batch
from corridor.cli.main import app
from corridor.export import Shipment, determine

TODAY = date(2026, 12, 3)
COUNTRIES = ["JP", "KR", "CN", "US", "EE", "KP", "IR", "KX", ""]
ITEMS = ["3C002", "3B001", "1C350:7664-39-3", "not-listed", "EAR99", "3C0O2", ""]
DAYS = ["2019-07-03", "2019-07-04", "2019-08-28", "2021-05-01", "2023-03-23", "2023-07-21", "2030-01-01",
        "2019-02-30", ""]
LINES = st.lists(st.fixed_dictionaries({
    "from": st.sampled_from(["JP", "KR", "jp", " KR", "CN"]), "to": st.sampled_from(COUNTRIES),
    "item": st.sampled_from(ITEMS), "on": st.sampled_from(DAYS),
    "end_use": st.sampled_from(["civil", "military", "wmd", "", "peaceful"])}), min_size=1, max_size=40)


def _write_csv(path: Path, lines: list[dict]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["order_id", *lines[0]])
        writer.writeheader()
        for number, line in enumerate(lines, 1):
            writer.writerow({"order_id": f"O-{number}", **line})
    return path


def _engine_answer(line: dict) -> str | None:
    """What `corridor check` says for this line: its outcome, or None if the line is bad input."""
    try:
        day = date.fromisoformat(line["on"]) if line["on"] else TODAY
        shipment = Shipment(exporter_country=line["from"].strip(), destination=line["to"], item=line["item"],
                            on=day, end_use=line["end_use"] or "civil")
        if not (line["from"].strip() and line["to"] and line["item"]):
            return None
        return determine(shipment).outcome
    except ValueError:
        return None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=LINES)
def test_every_line_gets_the_row_engines_answer_or_lands_in_errors(tmp_path: Path, lines: list[dict]) -> None:
    source = _write_csv(tmp_path / "orders.csv", lines)
    report = check_batch(source, tmp_path / "out.csv", tmp_path / "bad.csv", TODAY, chunk_size=7)
    answers = pl.read_csv(tmp_path / "out.csv", infer_schema=False) if report.answered else None
    errors = pl.read_csv(tmp_path / "bad.csv", infer_schema=False) if report.bad else None
    assert report.rows == len(lines) == report.answered + report.bad
    by_row = {} if answers is None else dict(zip(map(int, answers["row"]), answers["outcome"], strict=True))
    bad_rows = set(map(int, errors["row"])) if errors is not None else set()
    for number, line in enumerate(lines, 1):
        expected = _engine_answer(line)
        if expected is None:
            assert number in bad_rows, (number, line)
        else:
            assert by_row[number] == expected, (number, line)
    if answers is not None:
        assert answers["order_id"].to_list() == [f"O-{r}" for r in sorted(by_row)]


ANY_DAY = st.dates(date(2017, 6, 1), date(2027, 6, 1)).map(date.isoformat) | st.sampled_from(DAYS)
QUESTIONS = st.tuples(st.sampled_from(["JP", "KR", "jp", "XX", ""]), st.sampled_from([*COUNTRIES, "kr"]),
                      st.sampled_from([*ITEMS, "3c002"]),
                      st.sampled_from(["civil", "military", "", "peaceful", None]))


@settings(max_examples=60, deadline=None)
@given(questions=st.lists(QUESTIONS, min_size=1, max_size=4), days=st.lists(ANY_DAY, min_size=2, max_size=25))
def test_keys_decided_once_per_stretch_get_exactly_the_row_engines_columns(questions: list[tuple],
                                                                          days: list[str]) -> None:
    """Sharing a decision between the days of one stretch changes no column, errors included."""
    keys = [(exporter, to, item, day, use) for exporter, to, item, use in questions for day in days]
    assert decide_keys(keys, TODAY) == [decide_key(key, TODAY) for key in keys]


def test_parquet_in_and_out_keeps_extra_columns_and_types(tmp_path: Path) -> None:
    frame = pl.DataFrame({"from": ["JP", "JP"], "to": ["KR", "KR"], "item": ["3C002", "3C002"],
                          "on": [date(2019, 8, 19), date(2023, 8, 1)], "quantity": [5, 7]})
    frame.write_parquet(tmp_path / "orders.parquet")
    report = check_batch(tmp_path / "orders.parquet", tmp_path / "out.parquet", tmp_path / "bad.csv", TODAY)
    result = pl.read_parquet(tmp_path / "out.parquet")
    assert report.answered == 2 and result["quantity"].to_list() == [5, 7]
    assert result["outcome"].to_list() == ["licence_required", "licence_required"]
    assert result["licence_types_open"][0] == "individual"


def test_a_key_is_decided_once_however_many_lines_ask_it(tmp_path: Path) -> None:
    lines = [{"from": "JP", "to": "KR", "item": "3C002", "on": "2019-08-19", "end_use": ""}] * 500
    source = _write_csv(tmp_path / "o.csv", lines)
    report = check_batch(source, tmp_path / "out.csv", tmp_path / "e.csv", TODAY, chunk_size=64)
    assert (report.rows, report.distinct_keys) == (500, 1)


def test_missing_columns_and_overwriting_the_input_are_refused(tmp_path: Path) -> None:
    source = tmp_path / "orders.csv"
    source.write_text("from,item\nJP,3C002\n")
    with pytest.raises(BatchInputError, match="lacks the column"):
        check_batch(source, tmp_path / "out.csv", tmp_path / "e.csv", TODAY)
    with pytest.raises(BatchInputError, match="is the input file"):
        check_batch(source, source, tmp_path / "e.csv", TODAY)


def test_cli_batch_reports_counts_and_writes_errors_beside_out(tmp_path: Path) -> None:
    lines = [{"from": "JP", "to": "KR", "item": "3C002", "on": "2019-08-19", "end_use": "civil"},
             {"from": "JP", "to": "KX", "item": "3C002", "on": "2019-08-19", "end_use": "civil"}]
    source = _write_csv(tmp_path / "orders.csv", lines)
    result = CliRunner().invoke(app, ["check", "--batch", str(source), "--out", str(tmp_path / "r.csv")])
    assert result.exit_code == 0, result.stderr
    assert "answered 1 of 2" in result.stderr
    errors = pl.read_csv(tmp_path / "r.errors.csv")
    assert errors["row"].to_list() == [2] and "destination" in errors["reason"][0]


def test_decide_key_defaults_the_day_to_today_and_the_use_to_civil() -> None:
    answer = decide_key(("JP", "KR", "3C002", None, None), TODAY - timedelta(days=0))
    assert answer["day"] == TODAY.isoformat() and answer["error"] is None
