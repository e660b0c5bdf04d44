"""Loading packs: errors point at the file and line to fix, and a broken pack never half-loads."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from small_packs import write_pack

from corridor.packs import PackError
from corridor.packs.registry import DATA, load_pack, load_packs


def test_the_small_pack_loads_whole(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path))
    assert pack.key == "jp/export"
    assert {f.id for f in pack.facts()} >= {"cl-3C002", "group-a", "group-c", "catch-all"}
    assert pack.content.country_groups[0].sources[0].issuer == "Test issuer"


def test_a_bad_date_names_the_file_and_its_line(tmp_path: Path) -> None:
    broken = write_pack(tmp_path, catch_all_yaml="- id: catch-all\n  summary: x\n  reference: r\n"
                        "  from: 2020-13-01\n  sources: [law]\n")
    with pytest.raises(PackError) as raised:
        load_pack(broken)
    assert raised.value.file.name == "catch_all.yaml"
    assert raised.value.line == 4
    assert "2020-13-01" in str(raised.value) and "catch_all.yaml:4" in str(raised.value)


def test_unquoted_norway_is_caught_where_yaml_turned_it_into_false(tmp_path: Path) -> None:
    text = "- id: g\n  summary: s\n  group: A\n  countries: [US, NO]\n  from: 2020-01-01\n  sources: [law]\n"
    with pytest.raises(PackError) as raised:
        load_pack(write_pack(tmp_path, country_groups_yaml=text))
    assert raised.value.line == 4 and "countries.1" in raised.value.message


def test_an_unknown_country_code_is_refused_with_the_nearest_codes(tmp_path: Path) -> None:
    text = "- id: g\n  summary: s\n  group: A\n  countries: [XK1]\n  from: 2020-01-01\n  sources: [law]\n"
    with pytest.raises(PackError, match="unknown country code 'XK1'"):
        load_pack(write_pack(tmp_path, country_groups_yaml=text))


def test_a_misspelt_key_is_an_error_not_a_silently_dropped_condition(tmp_path: Path) -> None:
    text = ("- id: catch-all\n  summary: x\n  reference: r\n  exempt_group: [A]\n"
            "  from: 2020-01-01\n  sources: [law]\n")
    with pytest.raises(PackError) as raised:
        load_pack(write_pack(tmp_path, catch_all_yaml=text))
    assert raised.value.line == 4 and "exempt_group" in raised.value.message


def test_an_unknown_source_key_names_its_line(tmp_path: Path) -> None:
    text = "- id: catch-all\n  summary: x\n  reference: r\n  from: 2020-01-01\n  sources: [law, lore]\n"
    with pytest.raises(PackError, match="unknown source key 'lore'") as raised:
        load_pack(write_pack(tmp_path, catch_all_yaml=text))
    assert raised.value.line == 5


def test_invalid_yaml_and_duplicate_keys_name_their_lines(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="invalid YAML") as raised:
        load_pack(write_pack(tmp_path / "a", catch_all_yaml="- id: x\n  summary: [unclosed\n"))
    assert raised.value.line is not None
    duplicate = "- id: x\n  summary: s\n  summary: t\n  reference: r\n  from: 2020-01-01\n"
    with pytest.raises(PackError, match="duplicate key 'summary'") as raised:
        load_pack(write_pack(tmp_path / "b", catch_all_yaml=duplicate))
    assert raised.value.line == 3


def test_a_stray_file_is_refused_rather_than_ignored(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="not part of the export schema"):
        load_pack(write_pack(tmp_path, control_lists_yaml="[]\n"))


def test_one_broken_pack_stops_the_whole_set_loading(tmp_path: Path) -> None:
    write_pack(tmp_path, "jp")
    write_pack(tmp_path, "kr", licence_types_yaml="- id: x\n  licence: individual\n")
    with pytest.raises(PackError) as raised:
        load_packs(tmp_path)
    assert raised.value.file.parent.parent.name == "kr"


def test_the_shipped_export_packs_load_with_their_coverage() -> None:
    packs = load_packs(DATA)
    for jurisdiction in ("JP", "KR"):
        pack = packs.get(jurisdiction, "export")
        assert pack is not None and pack.meta.coverage.contains(date(2019, 7, 4))
        assert pack.version.startswith(pack.meta.version + "+")
