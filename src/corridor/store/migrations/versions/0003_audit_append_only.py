"""The audit log refuses UPDATE and DELETE in the database itself.

The hash chain detects tampering after the fact; these triggers stop the ordinary mistakes
(a stray UPDATE, a clean-up script) before they happen. Someone who drops the triggers can
still edit rows, and `corridor audit verify` then names the entry.

Revision ID: 0003_audit_append_only
Revises: 0002_licences
"""

from alembic import op

revision = "0003_audit_append_only"
down_revision = "0002_licences"
branch_labels = None
depends_on = None

REFUSAL = "audit_log is append-only"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER audit_log_no_{event.lower()} BEFORE {event} ON audit_log "
                       f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END")
        return
    op.execute("CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
               f"$$ BEGIN RAISE EXCEPTION '{REFUSAL}'; END $$")
    op.execute("CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
               "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER audit_log_no_update")
        op.execute("DROP TRIGGER audit_log_no_delete")
        return
    op.execute("DROP TRIGGER audit_log_no_change ON audit_log")
    op.execute("DROP FUNCTION audit_log_append_only()")
