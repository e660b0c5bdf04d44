"""The audit chain becomes keyed (HMAC) and anchored (signed checkpoints), and the database
refuses entries out of order and TRUNCATE as well as UPDATE and DELETE.

Entries already written keep their plain SHA-256: the head records how many (`legacy_until`)
so `verify` checks them as they were written and every later one with the key.

Revision ID: 0004_audit_keyed
Revises: 0003_audit_append_only
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_audit_keyed"
down_revision = "0003_audit_append_only"
branch_labels = None
depends_on = None

IN_ORDER = "audit_log entries are appended in order, each linked to the last"
FROZEN = "audit_checkpoints is append-only"
TRUNCATE = "audit tables cannot be truncated"
GENESIS = "0" * 64


def upgrade() -> None:
    with op.batch_alter_table("audit_head") as batch:
        batch.add_column(sa.Column("legacy_until", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("signature", sa.String(64)))
    op.execute("UPDATE audit_head SET legacy_until = seq")
    op.create_table(
        "audit_checkpoints",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("legacy_until", sa.Integer, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("signature", sa.String(64), nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_triggers()
    else:
        _postgresql_triggers()


def _sqlite_triggers() -> None:
    op.execute(f"""CREATE TRIGGER audit_log_in_order BEFORE INSERT ON audit_log
        WHEN NEW.seq != (SELECT coalesce(max(seq), 0) FROM audit_log) + 1
          OR NEW.previous_hash != coalesce((SELECT hash FROM audit_log WHERE seq = NEW.seq - 1), '{GENESIS}')
        BEGIN SELECT RAISE(ABORT, '{IN_ORDER}'); END""")
    for event in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER audit_checkpoints_no_{event.lower()} BEFORE {event} ON audit_checkpoints "
                   f"BEGIN SELECT RAISE(ABORT, '{FROZEN}'); END")


def _postgresql_triggers() -> None:
    op.execute(f"""CREATE FUNCTION audit_log_in_order() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.seq != (SELECT coalesce(max(seq), 0) FROM audit_log) + 1
             OR NEW.previous_hash != coalesce((SELECT hash FROM audit_log WHERE seq = NEW.seq - 1),
                                              '{GENESIS}') THEN
            RAISE EXCEPTION '{IN_ORDER}';
          END IF;
          RETURN NEW;
        END $$""")
    op.execute("CREATE TRIGGER audit_log_in_order BEFORE INSERT ON audit_log "
               "FOR EACH ROW EXECUTE FUNCTION audit_log_in_order()")
    op.execute("CREATE FUNCTION audit_checkpoints_frozen() RETURNS trigger LANGUAGE plpgsql AS "
               f"$$ BEGIN RAISE EXCEPTION '{FROZEN}'; END $$")
    op.execute("CREATE TRIGGER audit_checkpoints_no_change BEFORE UPDATE OR DELETE ON audit_checkpoints "
               "FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_frozen()")
    op.execute("CREATE FUNCTION audit_no_truncate() RETURNS trigger LANGUAGE plpgsql AS "
               f"$$ BEGIN RAISE EXCEPTION '{TRUNCATE}'; END $$")
    for table in ("audit_log", "audit_checkpoints", "audit_head"):
        op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION audit_no_truncate()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("audit_log_in_order", "audit_checkpoints_no_update", "audit_checkpoints_no_delete"):
            op.execute(f"DROP TRIGGER {trigger}")
    else:
        for table in ("audit_log", "audit_checkpoints", "audit_head"):
            op.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
        op.execute("DROP TRIGGER audit_checkpoints_no_change ON audit_checkpoints")
        op.execute("DROP TRIGGER audit_log_in_order ON audit_log")
        for function in ("audit_no_truncate", "audit_checkpoints_frozen", "audit_log_in_order"):
            op.execute(f"DROP FUNCTION {function}()")
    op.drop_table("audit_checkpoints")
    with op.batch_alter_table("audit_head") as batch:
        batch.drop_column("signature")
        batch.drop_column("legacy_until")
