"""Fixtures every test module may use: the shared real data, and a fresh database per test
on SQLite and on PostgreSQL (skipped, with the reason, only when no server answers)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
POSTGRES_ADMIN_URL = os.environ.get(
    "CORRIDOR_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@pytest.fixture(autouse=True)
def corridor_home(tmp_path, monkeypatch) -> Path:
    """Every test gets its own `$CORRIDOR_HOME`: nothing is written to the user's home."""
    home = tmp_path / "corridor-home"
    monkeypatch.setenv("CORRIDOR_HOME", str(home))
    monkeypatch.delenv("CORRIDOR_DATABASE_URL", raising=False)
    return home


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """`../shared/data`; tests that need the real files skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data not found at {SHARED_DATA} (clone lies outside the workspace)")
    return SHARED_DATA


def _postgres_available() -> str | None:
    try:
        engine = sa.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with engine.connect():
            pass
        engine.dispose()
        return None
    except Exception as error:  # noqa: BLE001 — any failure means "not reachable"
        return f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL}: {error.__class__.__name__}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A fresh, empty database URL, once for each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'corridor.db'}"
        return
    reason = _postgres_available()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    name = f"corridor_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    yield url
    from corridor.store.db import engine_for

    engine_for(url).dispose()
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def corridor(db_url):
    """Run `corridor …` against the test database as alice (analyst), bob (officer) or ada (admin),
    each with their own token; `db=False` for commands that take no `--db`. Returns (exit code,
    stdout, stderr)."""
    from typer.testing import CliRunner

    from corridor.cli.main import app
    from corridor.licences import service
    from corridor.store.db import open_database
    from corridor.store.users import Role

    runner = CliRunner()
    sessions = open_database(db_url)
    tokens = {name: service.add_user(sessions, name, role, "setup")
              for name, role in (("alice", Role.analyst), ("bob", Role.officer), ("ada", Role.admin))}

    def run(*args: str, actor: str = "alice", db: bool = True):
        result = runner.invoke(app, [*args, *(["--db", db_url] if db else [])],
                               env={"CORRIDOR_TOKEN": tokens[actor]})
        return result.exit_code, result.stdout, result.stderr

    return run
