"""`corridor packs lint` on small packs: each finding a reviewer would otherwise have to spot."""

from __future__ import annotations

from pathlib import Path

from small_packs import write_pack

from corridor.packs.lint import Finding, lint_all, lint_pack
from corridor.packs.registry import DATA, load_pack


def findings(tmp_path: Path, **replaced: str) -> list[Finding]:
    return lint_pack(load_pack(write_pack(tmp_path, **replaced)))


def test_the_small_pack_is_clean(tmp_path: Path) -> None:
    assert findings(tmp_path) == []


def test_the_shipped_export_packs_are_clean() -> None:
    assert [f for f in lint_all(DATA) if f.pack.endswith("/export")] == []


def test_overlapping_rest_groups_are_an_error(tmp_path: Path) -> None:
    groups = ("- id: c-old\n  summary: s\n  group: C\n  rest: true\n  from: 2020-01-01\n  to: 2020-07-01\n"
              "  sources: [law]\n- id: c-new\n  summary: s\n  group: C\n  rest: true\n  from: 2020-06-01\n"
              "  sources: [law]\n")
    found = findings(tmp_path, country_groups_yaml=groups)
    assert any(f.level == "error" and "rest group" in f.message and "c-new" in f.message for f in found)


def test_a_gap_in_the_catch_all_series_is_a_warning(tmp_path: Path) -> None:
    catch_all = ("- id: catch-all\n  summary: s\n  reference: r\n  from: 2020-03-01\n  sources: [law]\n")
    found = findings(tmp_path, catch_all_yaml=catch_all)
    assert [(f.level, "2020-01-01" in f.message) for f in found] == [("warning", True)]


def test_a_fact_without_a_source_is_an_error(tmp_path: Path) -> None:
    catch_all = "- id: catch-all\n  summary: s\n  reference: r\n  from: 2020-01-01\n"
    assert [(f.level, f.fact, f.message) for f in findings(tmp_path, catch_all_yaml=catch_all)] == [
        ("error", "catch-all", "fact has no source")]


def test_a_measure_naming_an_unknown_control_number_or_licence_is_an_error(tmp_path: Path) -> None:
    measure = ("id: m\nsummary: s\ndestinations: [KR]\nitems: [3C002, 3C099]\ncloses: [general_bulk]\n"
               "from: 2020-02-01\nsources: [law]\n")
    messages = {f.message for f in findings(tmp_path, measures_m_yaml=measure) if f.fact == "m"}
    assert messages == {"unknown control number '3C099'", "unknown licence type 'general_bulk'"}


def test_a_bulk_matrix_naming_an_unknown_licence_type_is_an_error(tmp_path: Path) -> None:
    entries = ("- {id: cl, code: 3C002, summary: s, reference: r, bulk: [general_bluk], from: 2020-01-01,"
               " sources: [law]}\n")
    found = findings(tmp_path, control_list_yaml=entries)
    assert [(f.level, f.fact, f.message) for f in found] == [
        ("error", "cl", "unknown licence type 'general_bluk'")]


def test_a_country_in_two_groups_on_the_same_days_is_an_error(tmp_path: Path) -> None:
    groups = ("- id: a\n  summary: s\n  group: A\n  countries: [KR]\n  from: 2020-01-01\n  sources: [law]\n"
              "- id: b\n  summary: s\n  group: B\n  countries: [KR]\n  from: 2020-06-01\n  sources: [law]\n"
              "- id: c\n  summary: s\n  group: C\n  rest: true\n  from: 2020-01-01\n  sources: [law]\n")
    found = findings(tmp_path, country_groups_yaml=groups)
    assert [(f.level, f.fact) for f in found if "KR" in f.message] == [("error", "b")]


def test_successive_groups_for_a_country_are_fine(tmp_path: Path) -> None:
    groups = ("- id: a\n  summary: s\n  group: A\n  countries: [KR]\n  from: 2020-01-01\n  to: 2020-06-01\n"
              "  sources: [law]\n- id: b\n  summary: s\n  group: B\n  countries: [KR]\n  from: 2020-06-01\n"
              "  sources: [law]\n- id: c\n  summary: s\n  group: C\n  rest: true\n  from: 2020-01-01\n"
              "  sources: [law]\n")
    assert findings(tmp_path, country_groups_yaml=groups) == []


def test_a_licence_type_naming_an_unknown_group_is_an_error(tmp_path: Path) -> None:
    licence = ("- id: bulk\n  summary: s\n  licence: general_bulk\n  kind: bulk\n  name: n\n  open_to: [AA]\n"
               "  from: 2020-01-01\n  sources: [law]\n")
    found = findings(tmp_path, licence_types_yaml=licence)
    assert ("error", "bulk", "unknown destination group 'AA'") in [
        (f.level, f.fact, f.message) for f in found]


def test_a_broken_pack_is_reported_by_lint_all_as_an_error_naming_the_file(tmp_path: Path) -> None:
    write_pack(tmp_path, catch_all_yaml="- id: [\n")
    (only,) = lint_all(tmp_path)
    assert only.level == "error" and "catch_all.yaml" in only.message
