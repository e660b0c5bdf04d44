"""Proposed news events awaiting an analyst's decision (the review queue).

A new branch (`news`) down from the base so it merges with the main chain and the lists branch
without reordering them; `upgrade(url)` applies every head.

Revision ID: 0200_news_events
Revises: 0001_base
"""

import sqlalchemy as sa
from alembic import op

revision = "0200_news_events"
down_revision = "0001_base"
branch_labels = ("news",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "news_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("type", sa.String(64), nullable=False),
        sa.Column("actor", sa.String(8)),
        sa.Column("target", sa.String(8)),
        sa.Column("day", sa.Date, index=True),
        sa.Column("date_precision", sa.String(16), nullable=False),
        sa.Column("happened", sa.Boolean, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("source", sa.String(2000), nullable=False),
        sa.Column("title", sa.String(2000)),
        sa.Column("detail", sa.JSON, nullable=False),
        sa.Column("decided_by", sa.String(200)),
        sa.Column("note", sa.String(2000)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("source", "type", "evidence", name="uq_news_event_evidence"),
    )


def downgrade() -> None:
    op.drop_table("news_events")
