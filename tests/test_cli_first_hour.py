"""What a new user meets in the first hour: answers for today by default, refusals that say why
and exit non-zero, help on every drawdown option, and a review clock that says what it counts."""

from __future__ import annotations

import json
from datetime import date

import pytest
import yaml
from licence_fixtures import FORM


def test_check_and_entry_answer_for_today_without_on(corridor) -> None:
    today = date.today().isoformat()
    code, out, _ = corridor("check", "--from", "JP", "--to", "KR", "--item", "3C002", "--json", db=False)
    assert code == 0 and json.loads(out)["shipment"]["on"] == today
    code, out, _ = corridor("check", "--from", "JP", "--to", "KR", "--item", "3C002", db=False)
    assert f"on {today}" in out.replace("\n", " ")
    code, out, _ = corridor("entry", "--to", "JP", "--from", "KR", "--nationality", "KR", "--purpose",
                            "tourism", "--json", db=False)
    assert code == 0 and json.loads(out)["trip"]["arrival"].startswith(today)


def test_not_covered_names_the_covered_window(corridor) -> None:
    code, out, _ = corridor("check", "--from", "JP", "--to", "KR", "--item", "3C002", "--on", "2040-01-01",
                            "--json", db=False)
    answer = json.loads(out)
    assert code == 0 and answer["outcome"] == "not_covered"
    assert "jp/export covers" in answer["explanation"] and answer["catch_all"] is None


def test_packs_show_and_timeline_refuse_what_has_no_answer(corridor) -> None:
    code, _, err = corridor("packs", "show", "US", db=False)
    assert code == 2 and "no pack for 'US'" in err and "JP" in err
    code, _, err = corridor("packs", "show", "JP", "--on", "1999-01-01", db=False)
    assert code == 2 and "covers 1999-01-01" in err.replace("\n", " ")
    code, _, err = corridor("timeline", "--from", "JP", "--to", "KR", "--since", "2020-01-01",
                            "--until", "2019-01-01", db=False)
    assert code == 2 and "since: 2020-01-01 is after until 2019-01-01" in err.replace("\n", " ")


def test_packs_coverage_lists_every_pack_window(corridor) -> None:
    code, out, _ = corridor("packs", "coverage", "--json", db=False)
    rows = {row["pack"]: row for row in json.loads(out)}
    assert code == 0 and {"jp/export", "kr/export", "jp/entry", "kr/entry"} <= set(rows)
    assert all(row["from"] < (row["to"] or "9999") for row in rows.values())


def test_every_drawdown_option_has_help(corridor) -> None:
    code, out, _ = corridor("licences", "drawdown", "--help", db=False)
    assert code == 0
    for option in ("--quantity", "--value", "--to", "--on", "--item", "--reference"):
        line = next(line for line in out.splitlines() if option in line)
        assert len(line.split(option, 1)[1].strip(" │").split()) > 2, f"{option} has no help: {line}"


@pytest.mark.parametrize("name", ["", "   ", " olga", "ol\tga"])
def test_users_add_refuses_names_nobody_can_type_back(corridor, name) -> None:
    code, _, err = corridor("users", "add", name, "--role", "viewer", actor="ada")
    assert code == 1 and "name" in err


def test_returned_applications_are_listed_and_a_pending_clock_says_it_runs_to_today(corridor, tmp_path
                                                                                    ) -> None:
    form_file = tmp_path / "form.yaml"
    form_file.write_text(yaml.safe_dump(FORM))
    for _ in range(2):
        assert corridor("applications", "new", "--form", str(form_file))[0] == 0
    for number in ("1", "2"):
        assert corridor("applications", "approve", number, actor="bob")[0] == 0
        code, out, _ = corridor("applications", "file", number, "--authority", "METI", "--reference",
                                f"M-{number}", "--on", "2019-08-02")
        assert code == 0 and f"counted to today ({date.today()})" in out
    code, _, err = corridor("applications", "decide", "1", "--outcome", "returned", "--on", "2019-08-20",
                            "--reason", "end-user statement missing", actor="bob")
    assert code == 0, err
    code, out, _ = corridor("applications", "list", "--status", "returned", "--json")
    assert code == 0 and [a["application"]["id"] for a in json.loads(out)] == [1]
    code, out, _ = corridor("applications", "list", "--status", "filed", "--json")
    assert [a["application"]["id"] for a in json.loads(out)] == [2]
