"""Versions of each loaded list (what each load added, removed, changed) and officers'
decisions on screening hits.

Revision ID: 0101_screening_decisions
Revises: 0100_lists
"""

import sqlalchemy as sa
from alembic import op

revision = "0101_screening_decisions"
down_revision = "0100_lists"
branch_labels = None
depends_on = "0003_audit_append_only"


def upgrade() -> None:
    op.create_table(
        "screening_list_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("list_name", sa.String(64), nullable=False, index=True),
        sa.Column("revision", sa.String(64), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("party_count", sa.Integer, nullable=False),
        sa.Column("added", sa.JSON, nullable=False),
        sa.Column("removed", sa.JSON, nullable=False),
        sa.Column("changed", sa.JSON, nullable=False),
    )
    op.create_table(
        "screening_decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("query_key", sa.String(1000), nullable=False),
        sa.Column("list_name", sa.String(64), nullable=False),
        sa.Column("party_id", sa.String(200), nullable=False),
        sa.Column("entry_revision", sa.String(64), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(2000), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_screening_decisions_pair", "screening_decisions", ["query_key", "list_name", "party_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_screening_decisions_pair", "screening_decisions")
    op.drop_table("screening_decisions")
    op.drop_table("screening_list_versions")
