"""Licence applications, licences, drawdowns, API users and the hash-chained audit log.

Revision ID: 0002_licences
Revises: 0001_base
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_licences"
down_revision = "0001_base"
branch_labels = ("licences",)
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", WHEN, nullable=False),
    )
    op.create_table(
        "applications",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("status", sa.String(32), nullable=False, index=True),
        sa.Column("prepared_by", sa.String(200), nullable=False),
        sa.Column("editors", sa.JSON, nullable=False),
        sa.Column("form", sa.JSON, nullable=False),
        sa.Column("determination", sa.JSON),
        sa.Column("pack_version", sa.String(100)),
        sa.Column("review_days", sa.Integer),
        sa.Column("internal_approver", sa.String(200)),
        sa.Column("filing", sa.JSON),
        sa.Column("decision", sa.JSON),
        sa.Column("withdrawn_reason", sa.String(2000)),
        sa.Column("destination", sa.String(2), index=True),
        sa.Column("authority", sa.String(50), index=True),
        sa.Column("filed_on", sa.Date, index=True),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
    )
    op.create_table(
        "licences",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("number", sa.String(100), nullable=False, unique=True),
        sa.Column("application_id", sa.Integer, sa.ForeignKey("applications.id"), nullable=False,
                  index=True),
        sa.Column("licence_type", sa.String(100), nullable=False),
        sa.Column("authority", sa.String(50), nullable=False),
        sa.Column("destination", sa.String(2), nullable=False, index=True),
        sa.Column("control_numbers", sa.JSON, nullable=False),
        sa.Column("issued_on", sa.Date, nullable=False),
        sa.Column("valid_until", sa.Date, nullable=False),
        sa.Column("unit", sa.String(50)),
        sa.Column("quantity_limit", sa.BigInteger),
        sa.Column("currency", sa.String(3)),
        sa.Column("value_limit", sa.BigInteger),
        sa.Column("quantity_used", sa.BigInteger, nullable=False),
        sa.Column("value_used", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "drawdowns",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("licence_id", sa.Integer, sa.ForeignKey("licences.id"), nullable=False, index=True),
        sa.Column("quantity", sa.BigInteger, nullable=False),
        sa.Column("value", sa.BigInteger, nullable=False),
        sa.Column("destination", sa.String(2), nullable=False),
        sa.Column("control_number", sa.String(50)),
        sa.Column("shipped_on", sa.Date, nullable=False),
        sa.Column("reference", sa.String(200)),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("recorded_at", WHEN, nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(100), nullable=False, index=True),
        sa.Column("subject", sa.String(200), nullable=False, index=True),
        sa.Column("before", sa.Text),
        sa.Column("after", sa.Text),
        sa.Column("previous_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.bulk_insert(head, [{"id": 1, "seq": 0, "hash": "0" * 64}])


def downgrade() -> None:
    for table in ("audit_head", "audit_log", "drawdowns", "licences", "applications", "users"):
        op.drop_table(table)
