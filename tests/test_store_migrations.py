"""Upgrading a database that already holds users and a pre-key audit chain keeps every row and
the chain valid, and the migrations create exactly what the models declare."""

from __future__ import annotations

import hashlib
import json

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from typer.testing import CliRunner

import corridor.store.models  # noqa: F401  (every table on Base.metadata)
from corridor.cli.main import app
from corridor.licences import service
from corridor.store.db import MIGRATIONS, Base, engine_for, open_database
from corridor.store.users import Role

LICENCE_TABLES = {"applications", "licences", "drawdowns", "audit_log", "audit_head", "audit_checkpoints",
                  "idempotency_keys", "users"}


def migrate_to(url: str, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine_for(url)
    command.upgrade(config, revision)


def legacy_entry(connection, seq: int, previous: str, subject: str, after: dict) -> str:
    """An entry as 0003 wrote it: plain SHA-256, no key."""
    fields = [seq, "2019-07-01T00:00:00+00:00", "alice", subject.split(":")[0] + ".added", subject, None,
              json.dumps(after, sort_keys=True), previous]
    digest = hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()
    connection.execute(text("INSERT INTO audit_log VALUES (:seq, :at, :actor, :action, :subject, :before, "
                            ":after, :previous, :hash)"),
                       dict(zip(["seq", "at", "actor", "action", "subject", "before", "after", "previous"],
                                fields, strict=True), hash=digest))
    connection.execute(text("UPDATE audit_head SET seq = :seq, hash = :hash"), {"seq": seq, "hash": digest})
    return digest


def test_a_chain_written_before_the_key_stays_valid_and_new_entries_are_keyed(db_url) -> None:
    migrate_to(db_url, "0003_audit_append_only")
    with engine_for(db_url).begin() as connection:
        connection.execute(text("INSERT INTO users (name, role, token_hash, created_at) "
                                "VALUES ('olga', 'officer', :h, '2019-07-01')"), {"h": "a" * 64})
        first = legacy_entry(connection, 1, "0" * 64, "user:olga", {"name": "olga", "role": "officer"})
        legacy_entry(connection, 2, first, "note:1", {"text": "before the key"})

    result = CliRunner().invoke(app, ["db", "upgrade", "--db", db_url])

    assert result.exit_code == 0, result.output
    upgraded = open_database(db_url, migrate=False)
    assert service.verify_audit(upgraded).intact
    service.add_user(upgraded, "ada", Role.admin, "olga")
    verdict = service.verify_audit(upgraded)
    assert verdict.intact and verdict.entries == 3
    with engine_for(db_url).begin() as connection:  # pretend the keyed entry predates the key
        connection.execute(text("UPDATE audit_head SET legacy_until = 3"))
    verdict = service.verify_audit(upgraded)
    assert not verdict.intact and verdict.seq == 3


def test_upgrade_is_idempotent_and_creates_every_table(db_url) -> None:
    open_database(db_url)
    open_database(db_url)
    assert set(inspect(engine_for(db_url)).get_table_names()) >= LICENCE_TABLES


def test_migrations_create_exactly_what_the_models_declare(db_url) -> None:
    open_database(db_url)
    with engine_for(db_url).connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    ours = [d for d in differences if any(f"'{table}'" in repr(d) for table in LICENCE_TABLES)]
    assert ours == []

