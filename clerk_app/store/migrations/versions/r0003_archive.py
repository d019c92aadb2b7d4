"""The archive: a trash for deleted meetings, amendments, revisions, and matters-arising links.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, not a batch rebuild: rebuilding a table would drop its search triggers.
    # Set when the clerk deletes a meeting: it waits in the trash until restored or purged.
    op.add_column("meetings", sa.Column("deleted_at", sa.DateTime, nullable=True))
    # A matters-arising point carries the action it follows up; closing one closes both.
    op.add_column("points", sa.Column("origin_point_id", sa.Integer, nullable=True))
    op.create_index("ix_points_origin_point_id", "points", ["origin_point_id"])
    op.create_table(
        "amendments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "meeting_id",
            sa.Integer,
            sa.ForeignKey("meetings.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("agreed_on", sa.Date, nullable=False),
        sa.Column("where", sa.Text, nullable=False, server_default=""),
        sa.Column("before", sa.Text, nullable=False, server_default=""),
        sa.Column("after", sa.Text, nullable=False, server_default=""),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "meeting_id",
            sa.Integer,
            sa.ForeignKey("meetings.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("taken_at", sa.DateTime, nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("content", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("revisions")
    op.drop_table("amendments")
    op.drop_index("ix_points_origin_point_id", "points")
    # Native DROP COLUMN (SQLite 3.35+), again so that no table is rebuilt without its triggers.
    op.execute("ALTER TABLE points DROP COLUMN origin_point_id")
    op.execute("ALTER TABLE meetings DROP COLUMN deleted_at")
