"""The audit log is hash-chained: editing or deleting any entry is detected and named."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from licence_fixtures import filed_application, granted_licence
from typer.testing import CliRunner

from corridor.cli.main import app
from corridor.licences import service
from corridor.licences.errors import AuditLogBroken
from corridor.store.audit import AuditEntry
from corridor.store.db import engine_for, open_database
from corridor.store.keys import audit_key


@pytest.fixture
def sessions(db_url):
    sessions = open_database(db_url)
    granted_licence(sessions)  # entries: drafted, approved, filed, decided, licence granted
    return sessions


def run_sql(db_url: str, statement: str) -> None:
    with engine_for(db_url).begin() as connection:
        connection.execute(sa.text(statement))


def tamper(db_url: str, statement: str) -> None:
    """What someone with the database owner's rights could do: drop the guard, then edit."""
    drop_guards(db_url)
    run_sql(db_url, statement)


def drop_guards(db_url: str) -> None:
    """Every trigger that protects the audit tables, as their owner could drop them."""
    sqlite = db_url.startswith("sqlite")
    query = ("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'" if sqlite else
             "SELECT tgname, tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal")
    with engine_for(db_url).begin() as connection:
        for name, table in connection.execute(sa.text(query)).all():
            drop = f"DROP TRIGGER {name}" if sqlite else f"DROP TRIGGER {name} ON {table}"
            connection.execute(sa.text(drop))


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET actor = 'mallory' WHERE seq = 2",
                                       "DELETE FROM audit_log WHERE seq = 5"])
def test_the_database_refuses_to_change_the_log(sessions, db_url, statement) -> None:
    with pytest.raises(sa.exc.DatabaseError, match="append-only"):
        run_sql(db_url, statement)
    assert service.verify_audit(sessions).intact


def test_every_change_is_recorded_with_actor_before_and_after(sessions, db_url) -> None:
    with engine_for(db_url).connect() as connection:
        rows = connection.execute(sa.text("SELECT actor, action, subject, before, after FROM audit_log "
                                          "ORDER BY seq")).all()
    assert [(r.actor, r.action) for r in rows] == [
        ("alice", "application.drafted"), ("bob", "application.approved_internally"),
        ("alice", "application.filed"), ("bob", "application.decided_approved"), ("bob", "licence.granted")]
    approval = rows[1]
    assert json.loads(approval.before)["status"] == "draft"
    assert json.loads(approval.after)["status"] == "internally_approved"
    verdict = service.verify_audit(sessions)
    assert verdict.intact and len(verdict.head_hash) == 64


def test_missing_head_row_is_reported(sessions, db_url) -> None:
    run_sql(db_url, "DELETE FROM audit_head")
    verdict = service.verify_audit(sessions)
    assert not verdict.intact and "head row is missing" in verdict.problem


def test_without_a_head_row_changes_are_refused_and_nothing_is_written(sessions, db_url) -> None:
    run_sql(db_url, "DELETE FROM audit_head")
    with engine_for(db_url).connect() as connection:
        before = connection.execute(sa.text("SELECT count(*) FROM applications")).scalar()
    with pytest.raises(AuditLogBroken, match="audit: the audit head row is missing"):
        filed_application(sessions)
    with engine_for(db_url).connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM applications")).scalar() == before


def test_edited_entry_is_named(sessions, db_url) -> None:
    tamper(db_url, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 2")
    verdict = service.verify_audit(sessions)
    assert (verdict.intact, verdict.seq) == (False, 2)
    assert "entry 2 was edited" in verdict.problem


def test_rehashed_edit_is_still_caught_by_the_next_link(sessions, db_url) -> None:
    """Even someone holding the key who re-MACs one entry breaks the link from the next one."""
    tamper(db_url, "SELECT 1")
    with sessions.begin() as session:
        entry = session.get(AuditEntry, 2)
        entry.actor = "mallory"
        entry.hash = entry.content_hash(audit_key())
    verdict = service.verify_audit(sessions)
    assert (verdict.intact, verdict.seq) == (False, 3)


def test_deleted_entry_is_named(sessions, db_url) -> None:
    tamper(db_url, "DELETE FROM audit_log WHERE seq = 3")
    verdict = service.verify_audit(sessions)
    assert (verdict.intact, verdict.seq) == (False, 3)
    assert "entry 3 was deleted" in verdict.problem


def test_deleting_the_latest_entries_is_caught_by_the_head(sessions, db_url) -> None:
    tamper(db_url, "DELETE FROM audit_log WHERE seq >= 4")
    verdict = service.verify_audit(sessions)
    assert (verdict.intact, verdict.seq) == (False, 4)
    assert "entries 4..5 were deleted" in verdict.problem


def test_cli_verify_names_the_row_and_fails(sessions, db_url) -> None:
    runner = CliRunner()
    intact = runner.invoke(app, ["audit", "verify", "--db", db_url])
    assert intact.exit_code == 0 and "intact: 5 entries" in intact.output
    tamper(db_url, "UPDATE audit_log SET after = '{}' WHERE seq = 4")
    broken = runner.invoke(app, ["audit", "verify", "--db", db_url])
    assert broken.exit_code == 1 and "entry 4 was edited" in broken.output


def test_refused_operation_writes_no_entry(db_url) -> None:
    sessions = open_database(db_url)
    application_id = filed_application(sessions)
    with pytest.raises(Exception, match="cannot approve"):
        service.approve(sessions, application_id, "carol")
    assert service.verify_audit(sessions).entries == 3
