"""Parties under watch for re-screening, with the hits (and entry revisions) of their last screening.

Revision ID: 0102_monitored_parties
Revises: 0101_screening_decisions
"""

import sqlalchemy as sa
from alembic import op

revision = "0102_monitored_parties"
down_revision = "0101_screening_decisions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "monitored_parties",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("party_key", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(1000), nullable=False),
        sa.Column("schema", sa.String(32), nullable=True),
        sa.Column("country", sa.String(2), nullable=True),
        sa.Column("birth_date", sa.String(10), nullable=True),
        sa.Column("nationality", sa.String(2), nullable=True),
        sa.Column("id_number", sa.String(200), nullable=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("added_by", sa.String(200), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("screened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hits", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("monitored_parties")
