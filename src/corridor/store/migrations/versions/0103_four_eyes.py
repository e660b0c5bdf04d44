"""Settings chosen for the whole database, and the second officer's approval of a screening decision
(needed when the `screening.four_eyes` setting is on).

Revision ID: 0103_four_eyes
Revises: 0102_monitored_parties
"""

import sqlalchemy as sa
from alembic import op

revision = "0103_four_eyes"
down_revision = "0102_monitored_parties"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("value", sa.String(2000), nullable=False),
        sa.Column("changed_by", sa.String(200), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    )
    with op.batch_alter_table("screening_decisions") as table:
        table.add_column(sa.Column("needs_approval", sa.Boolean, nullable=False, server_default=sa.false()))
        table.add_column(sa.Column("approved_by", sa.String(200), nullable=True))
        table.add_column(sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("screening_decisions") as table:
        table.drop_column("approved_at")
        table.drop_column("approved_by")
        table.drop_column("needs_approval")
    op.drop_table("settings")
