"""The root of every migration branch (licences, screening lists).

Revision ID: 0001_base
"""

revision = "0001_base"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing: each feature's migrations branch from here and `upgrade heads` runs them all."""


def downgrade() -> None:
    """Nothing to undo."""
