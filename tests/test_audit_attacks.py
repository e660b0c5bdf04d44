"""Attacks on the audit log by someone who can write to the database but does not hold the
audit key: each one is refused by the database or named by `audit verify`, on both backends."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa
from licence_fixtures import granted_licence
from test_store_audit import drop_guards, run_sql, tamper

from corridor.licences import service
from corridor.licences.drawdown import Shipment
from corridor.licences.errors import AuditLogBroken, DrawdownRefused
from corridor.store import audit
from corridor.store.audit import AuditEntry
from corridor.store.db import engine_for, open_database
from corridor.store.users import Role


def shipment(quantity: str, day: int = 10) -> Shipment:
    return Shipment(quantity=Decimal(quantity), value=Decimal(1000), destination="KR",
                    shipped_on=date(2019, 9, day), control_number="3C002")


@pytest.fixture
def sessions(db_url):
    sessions = open_database(db_url)
    granted_licence(sessions, quantity="50")  # entries 1..5
    return sessions


def head(db_url: str) -> sa.Row:
    with engine_for(db_url).connect() as connection:
        return connection.execute(sa.text("SELECT seq, hash, signature FROM audit_head")).one()


def plain_hash(fields: list) -> str:
    """The chain's hash as it was before the key: all an attacker without the key can compute."""
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()


def forge_append(db_url: str, seq: int, previous: str, action: str = "licence.drawn_down") -> str:
    fields = [seq, "2019-09-11T00:00:00+00:00", "mallory", action, "licence:JP-L-001", None, "{}", previous]
    forged = plain_hash(fields)
    run_sql(db_url, f"INSERT INTO audit_log (seq, at, actor, action, subject, before, after, previous_hash, "
                    f"hash) VALUES ({seq}, '{fields[1]}', 'mallory', '{action}', 'licence:JP-L-001', NULL, "
                    f"'{{}}', '{previous}', '{forged}')")
    return forged


def test_forged_append_with_head_update_is_named(sessions, db_url) -> None:
    last = head(db_url)
    forged = forge_append(db_url, last.seq + 1, last.hash)
    run_sql(db_url, f"UPDATE audit_head SET seq = {last.seq + 1}, hash = '{forged}'")
    verdict = service.verify_audit(sessions)
    assert (verdict.intact, verdict.seq) == (False, 6)
    assert "entry 6 was edited or forged" in verdict.problem


def test_the_database_refuses_an_entry_out_of_order(sessions, db_url) -> None:
    last = head(db_url)
    with pytest.raises(sa.exc.DatabaseError, match="appended in order"):
        forge_append(db_url, last.seq + 2, last.hash)
    with pytest.raises(sa.exc.DatabaseError, match="appended in order"):
        forge_append(db_url, last.seq + 1, "f" * 64)
    assert service.verify_audit(sessions).intact


def test_truncate_is_refused(sessions, db_url) -> None:
    statement = "DELETE FROM audit_log" if db_url.startswith("sqlite") else "TRUNCATE audit_log"
    with pytest.raises(sa.exc.DatabaseError, match="append-only|truncated"):
        run_sql(db_url, statement)
    assert service.verify_audit(sessions).entries == 5


def test_rehashing_from_entry_3_without_the_key_is_named(sessions, db_url) -> None:
    drop_guards(db_url)
    with sessions.begin() as session:
        previous = session.get(AuditEntry, 2).hash
        for seq in range(3, 6):
            entry = session.get(AuditEntry, seq)
            entry.actor = "mallory" if seq == 3 else entry.actor
            entry.previous_hash = previous
            entry.hash = previous = entry.content_hash()
        session.execute(sa.update(audit.AuditHead).values(hash=previous))
    verdict = service.verify_audit(sessions)
    assert (verdict.intact, verdict.seq) == (False, 3)


def test_rehashing_with_another_key_is_named(sessions, db_url, monkeypatch) -> None:
    monkeypatch.setenv("CORRIDOR_AUDIT_KEY", "m" * 40)
    service.draw_down(sessions, "JP-L-001", shipment("1"), "mallory")  # the chain lock is all it takes
    monkeypatch.delenv("CORRIDOR_AUDIT_KEY")
    verdict = service.verify_audit(sessions)
    assert (verdict.intact, verdict.seq) == (False, 6)


def test_cutting_the_tail_back_to_an_old_signed_head_is_caught_by_the_checkpoint(sessions, db_url) -> None:
    old = head(db_url)
    service.draw_down(sessions, "JP-L-001", shipment("10"), "carol")
    assert service.checkpoint_audit(sessions) == 6
    service.draw_down(sessions, "JP-L-001", shipment("10", 11), "carol")
    tamper(db_url, "DELETE FROM audit_log WHERE seq > 5")
    run_sql(db_url, "DELETE FROM audit_checkpoints WHERE seq > 5")
    run_sql(db_url, "DELETE FROM drawdowns")
    run_sql(db_url, "UPDATE licences SET quantity_used = 0, value_used = 0")
    run_sql(db_url, f"UPDATE audit_head SET seq = {old.seq}, hash = '{old.hash}', "
                    f"signature = '{old.signature}'")
    verdict = service.verify_audit(sessions)
    assert (verdict.intact, verdict.seq) == (False, 6)
    assert "cut off" in verdict.problem and "anchor file" in verdict.problem


def test_wiping_the_whole_log_is_caught_by_the_first_checkpoint(sessions, db_url) -> None:
    tamper(db_url, "DELETE FROM audit_log")
    run_sql(db_url, f"UPDATE audit_head SET seq = 0, hash = '{'0' * 64}', signature = NULL")
    run_sql(db_url, "DELETE FROM audit_checkpoints")
    for table in ("drawdowns", "licences", "applications"):
        run_sql(db_url, f"DELETE FROM {table}")
    verdict = service.verify_audit(sessions)
    assert not verdict.intact and "cut off" in verdict.problem and "anchor file" in verdict.problem


def test_a_deleted_anchor_file_still_leaves_the_checkpoint_row(sessions, db_url, corridor_home) -> None:
    service.draw_down(sessions, "JP-L-001", shipment("10"), "carol")
    service.checkpoint_audit(sessions)
    for anchor in (corridor_home / "audit-anchors").iterdir():
        anchor.unlink()
    tamper(db_url, "DELETE FROM audit_log WHERE seq = 6")
    run_sql(db_url, "UPDATE audit_head SET seq = 5")
    verdict = service.verify_audit(sessions)
    assert not verdict.intact and "audit_checkpoints records entry 6" in verdict.problem


def test_a_forged_anchor_line_is_named(sessions, db_url, corridor_home) -> None:
    service.checkpoint_audit(sessions)
    anchor = next((corridor_home / "audit-anchors").iterdir())
    line = json.loads(anchor.read_text().splitlines()[-1])
    anchor.write_text(anchor.read_text() + json.dumps({**line, "seq": 99}) + "\n")
    verdict = service.verify_audit(sessions)
    assert not verdict.intact and "is forged" in verdict.problem


def test_every_hundredth_entry_is_checkpointed(db_url, monkeypatch, corridor_home) -> None:
    monkeypatch.setattr(audit, "CHECKPOINT_EVERY", 3)
    sessions = open_database(db_url)
    granted_licence(sessions, quantity="50")
    for day in range(10, 14):
        service.draw_down(sessions, "JP-L-001", shipment("1", day), "carol")  # entries 6..9
    with engine_for(db_url).connect() as connection:
        marks = connection.execute(sa.text("SELECT seq FROM audit_checkpoints ORDER BY seq")).scalars().all()
    assert marks == [1, 3, 6, 9]
    anchors = next((corridor_home / "audit-anchors").iterdir()).read_text().splitlines()
    assert [json.loads(line)["seq"] for line in anchors] == [1, 3, 6, 9]
    assert service.verify_audit(sessions).intact
    tamper(db_url, "SELECT 1")
    drop_guards(db_url)
    run_sql(db_url, "DELETE FROM audit_checkpoints WHERE seq = 9")
    assert "checkpoint of entry 9 was deleted" in service.verify_audit(sessions).problem


def test_reset_balance_is_reported_and_names_the_row(sessions, db_url) -> None:
    service.draw_down(sessions, "JP-L-001", shipment("50"), "carol")
    with pytest.raises(DrawdownRefused):
        service.draw_down(sessions, "JP-L-001", shipment("50", 11), "carol")
    run_sql(db_url, "UPDATE licences SET quantity_used = 0")
    verdict = service.verify_audit(sessions)
    assert not verdict.intact
    [found] = verdict.disagreements
    assert (found.table, found.key, found.field, found.stored, found.expected) == (
        "licences", "JP-L-001", "quantity_used", Decimal(0), Decimal(50))


@pytest.mark.parametrize(("statement", "table", "field"), [
    ("UPDATE drawdowns SET quantity = 10000", "drawdowns", "quantity"),
    ("UPDATE drawdowns SET actor = 'mallory'", "drawdowns", "actor"),
    ("DELETE FROM drawdowns", "drawdowns", "count"),
    ("UPDATE licences SET valid_until = '2030-01-01'", "licences", "valid_until"),
    ("UPDATE applications SET status = 'draft'", "applications", "status"),
    ("UPDATE users SET role = 'admin' WHERE name = 'carol'", "users", "role"),
    ("UPDATE users SET revoked_at = NULL WHERE name = 'carol'", "users", "revoked_at"),
    ("DELETE FROM users WHERE name = 'carol'", "users", "row"),
])
def test_edits_of_covered_rows_are_reported(sessions, db_url, statement, table, field) -> None:
    service.add_user(sessions, "carol", Role.analyst, "admin")
    service.draw_down(sessions, "JP-L-001", shipment("20"), "carol")
    service.revoke_user(sessions, "carol", "admin")
    assert service.verify_audit(sessions).intact
    run_sql(db_url, statement)
    verdict = service.verify_audit(sessions)
    assert not verdict.intact
    assert (table, field) in {(d.table, d.field) for d in verdict.disagreements}


def test_a_user_inserted_by_hand_is_reported(sessions, db_url) -> None:
    run_sql(db_url, "INSERT INTO users (name, role, token_hash, created_at) "
                    f"VALUES ('eve', 'admin', '{'e' * 64}', '2019-01-01')")
    verdict = service.verify_audit(sessions)
    assert [(d.table, d.key, d.field) for d in verdict.disagreements] == [("users", "eve", "row")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file; the mode check is what is tested")
def test_key_file_readable_by_others_is_refused(sessions, corridor_home) -> None:
    (corridor_home / "audit.key").chmod(0o644)
    with pytest.raises(AuditLogBroken, match="chmod 600"):
        service.draw_down(sessions, "JP-L-001", shipment("1"), "carol")


def test_key_file_is_private_and_writes_without_it_are_refused(sessions, corridor_home) -> None:
    key = corridor_home / "audit.key"
    assert key.stat().st_mode & 0o777 == 0o600
    key.chmod(0o640)
    with pytest.raises(AuditLogBroken, match="audit_key: .* may be read by others"):
        service.draw_down(sessions, "JP-L-001", shipment("1"), "carol")
    with pytest.raises(AuditLogBroken, match="audit_key"):
        service.verify_audit(sessions)


@pytest.mark.parametrize(("statement", "table", "field"), [
    ("UPDATE screening_lists SET revision = 'forged'", "screening_lists", "revision"),
    ("UPDATE screening_lists SET party_count = 1", "screening_lists", "party_count"),
    ("DELETE FROM screening_parties WHERE id IN (SELECT min(id) FROM screening_parties)",
     "screening_parties", "party_count"),
])
def test_list_loads_are_audited_and_edits_reported(db_url, statement, table, field) -> None:
    from datetime import UTC, datetime
    from pathlib import Path

    from corridor.store.lists import read_list, save_list

    sessions = open_database(db_url)
    sample = Path(__file__).parent / "data" / "meti_end_user_sample.csv"
    save_list(sessions, "meti", "meti", str(sample), read_list(sample, "meti", "meti"), datetime.now(UTC))
    with engine_for(db_url).connect() as connection:
        actions = connection.execute(sa.text("SELECT action, subject FROM audit_log")).all()
    assert [tuple(a) for a in actions] == [("list.loaded", "list:meti")]
    assert service.verify_audit(sessions).intact
    run_sql(db_url, statement)
    verdict = service.verify_audit(sessions)
    assert (table, field) in {(d.table, d.field) for d in verdict.disagreements}
