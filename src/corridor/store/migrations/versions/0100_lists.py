"""Restricted-party lists loaded for screening, and their parties.

Revision ID: 0100_lists
Revises: 0001_base
"""

import sqlalchemy as sa
from alembic import op

revision = "0100_lists"
down_revision = "0001_base"
branch_labels = ("lists",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "screening_lists",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("source", sa.String(2000), nullable=False),
        sa.Column("revision", sa.String(64), nullable=False),
        sa.Column("party_count", sa.Integer, nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "screening_parties",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "list_name",
            sa.String(64),
            sa.ForeignKey("screening_lists.name", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("party_id", sa.String(200), nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
        sa.UniqueConstraint("list_name", "party_id"),
    )


def downgrade() -> None:
    op.drop_table("screening_parties")
    op.drop_table("screening_lists")
