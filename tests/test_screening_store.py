"""Loaded lists persist on SQLite and PostgreSQL; a failed load keeps the list already loaded."""

from __future__ import annotations

import pickle
from datetime import UTC, date, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import corridor.store.models  # noqa: F401  (every table on Base.metadata)
from corridor.screening import Party, Query, Schema, ScreeningIndex, screen
from corridor.store.db import Base, engine_for, open_database
from corridor.store.lists import list_status, load_index, load_parties, save_list

NOW = datetime(2026, 1, 1, tzinfo=UTC)
KIM = Party(
    "ofac",
    "20157",
    Schema.PERSON,
    "KIM, Jong Un",
    family_names=("KIM",),
    countries=("KP",),
    programmes=("DPRK3",),
    listed_on=date(2016, 7, 6),
)


def test_a_loaded_list_survives_a_restart_and_screens(db_url, tmp_path):
    sessions = open_database(db_url)
    status = save_list(sessions, "ofac", "ofac", "sdn.csv", [KIM], NOW)
    assert status.party_count == 1
    again = open_database(db_url)
    assert load_parties(again) == [KIM]
    assert [s.name for s in list_status(again)] == ["ofac"]
    index = load_index(again, tmp_path / "cache")
    assert screen(index, Query("김정은", date(2026, 1, 1))).hits[0].party.id == "20157"
    (cached,) = (tmp_path / "cache").glob("screening-*")
    assert cached.stat().st_mode & 0o777 == 0o700 and (cached / "seal").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "cache" / "cache.key").stat().st_mode & 0o777 == 0o600
    from_cache = load_index(again, tmp_path / "cache")
    assert from_cache.parties == [KIM] and from_cache.names == index.names
    assert screen(from_cache, Query("김정은", date(2026, 1, 1))).hits[0].party.id == "20157"


def test_a_tampered_or_swapped_cache_is_refused_and_rebuilt(tmp_path):
    sessions = open_database(f"sqlite:///{tmp_path / 'c.db'}")
    save_list(sessions, "ofac", "ofac", "sdn.csv", [KIM], NOW)
    load_index(sessions, tmp_path / "cache")
    (cached,) = (tmp_path / "cache").glob("screening-*")
    records = (cached / "parties.bin").read_bytes()
    seal = (cached / "seal").read_bytes()
    forged_manifest = seal.replace(b'"parties.bin": "', b'"parties.bin": "0')
    tampering = [
        ("parties.bin", records.replace(b"20157", b"99999")),  # a record edited
        ("entries.npy", pickle.dumps({"evil": True})),  # an array swapped for a pickle
        ("seal", forged_manifest),  # the manifest edited to match
        ("names.bin", b""),  # a file emptied
    ]
    for name, content in tampering:
        (cached / name).write_bytes(content)
        index = load_index(sessions, tmp_path / "cache")
        assert [p.id for p in index.parties] == ["20157"], name  # rebuilt from the database, not the file
        assert (cached / "parties.bin").read_bytes() == records and (cached / "seal").read_bytes() == seal


def test_an_index_saved_and_opened_answers_as_the_one_built(tmp_path):
    other = Party("un", "KPi.033", Schema.PERSON, "KIM Yong Chol", countries=("KP",))
    built = ScreeningIndex([KIM, other])
    opened = ScreeningIndex.open(tmp_path / "index", built.save(tmp_path / "index"))
    assert opened.parties == [KIM, other] and opened.names == built.names
    for name in ("김정은", "Kim Yong-chol", "金正恩"):
        query = Query(name, date(2026, 1, 1))
        assert screen(opened, query) == screen(built, query)


def test_reloading_replaces_the_list_and_a_failed_load_keeps_the_old_one(db_url):
    sessions = open_database(db_url)
    save_list(sessions, "ofac", "ofac", "v1", [KIM], NOW)
    duplicate = [KIM, KIM]  # same list id twice breaks the unique constraint half-way through the insert
    with pytest.raises(Exception):  # noqa: B017 — the backend's own integrity error
        save_list(sessions, "ofac", "ofac", "v2", duplicate, NOW)
    assert load_parties(sessions) == [KIM]
    assert list_status(sessions)[0].source == "v1"
    other = Party("ofac", "1", Schema.ORGANIZATION, "BANCO NACIONAL DE CUBA")
    save_list(sessions, "ofac", "ofac", "v3", [other], NOW)
    assert load_parties(sessions) == [other]


def test_migrations_create_exactly_the_screening_tables_the_models_declare(db_url):
    open_database(db_url)
    with engine_for(db_url).connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    tables = ("screening_lists", "screening_parties", "screening_list_versions", "screening_decisions")
    assert [d for d in differences if any(f"'{t}'" in repr(d) for t in tables)] == []
