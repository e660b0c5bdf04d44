"""Upgrading a database that already holds applications keeps every row and the audit chain."""

from __future__ import annotations

from datetime import date

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from licence_fixtures import granted_licence
from sqlalchemy import inspect
from typer.testing import CliRunner

import corridor.store.models  # noqa: F401  (every table on Base.metadata)
from corridor.cli.main import app
from corridor.licences import service
from corridor.store.db import MIGRATIONS, Base, engine_for, open_database

LICENCE_TABLES = {"applications", "licences", "drawdowns", "audit_log", "audit_head", "users"}


def migrate_to(url: str, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine_for(url)
    command.upgrade(config, revision)


def test_first_licences_migration_then_heads_keeps_rows(db_url) -> None:
    migrate_to(db_url, "0002_licences")
    old = open_database(db_url, migrate=False)
    number = granted_licence(old)

    result = CliRunner().invoke(app, ["db", "upgrade", "--db", db_url])

    assert result.exit_code == 0, result.output
    upgraded = open_database(db_url, migrate=False)
    assert service.show_licence(upgraded, number).terms.quantity_limit == 100
    reports = service.list_applications(upgraded, date(2019, 12, 31))
    assert [r.application.status for r in reports] == ["approved"]
    assert service.verify_audit(upgraded).intact


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

