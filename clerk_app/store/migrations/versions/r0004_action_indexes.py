"""Partial indexes for the action tracker: only tagged points, and only open ones.

Without them, listing the open actions of ten years of minutes scanned all 400,000 points.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The WHERE clauses must match the tracker's query term for term (clerk_app/store/queries.py)
    # for SQLite to use them.
    op.execute(
        "CREATE INDEX ix_points_tagged ON points (item_id, action_done) WHERE action_owners != ''"
    )
    op.execute(
        "CREATE INDEX ix_points_open_actions ON points (action_due) "
        "WHERE action_owners != '' AND action_done = 0"
    )


def downgrade() -> None:
    op.execute("DROP INDEX ix_points_open_actions")
    op.execute("DROP INDEX ix_points_tagged")
