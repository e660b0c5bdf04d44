"""Tokens expire and can be revoked: users get `expires_at` and `revoked_at`.

Existing tokens keep working until a year after the upgrade, then need `corridor users rotate`.

Revision ID: 0005_user_tokens
Revises: 0004_audit_keyed
"""

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0005_user_tokens"
down_revision = "0004_audit_keyed"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("expires_at", WHEN))
        batch.add_column(sa.Column("revoked_at", WHEN))
    users = sa.table("users", sa.column("expires_at", WHEN))
    op.execute(users.update().values(expires_at=datetime.now(UTC) + timedelta(days=365)))
    op.create_table(
        "idempotency_keys",
        sa.Column("actor", sa.String(200), primary_key=True),
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("request", sa.String(64), nullable=False),
        sa.Column("response", sa.JSON, nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("idempotency_keys")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("revoked_at")
        batch.drop_column("expires_at")
