"""The first schema: meetings, attendance, items, points, decisions, documents.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _key(table: str) -> sa.Column[int]:
    return sa.Column(
        f"{table}_id",
        sa.Integer,
        sa.ForeignKey(f"{table}s.id", ondelete="CASCADE"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("council", sa.Text, nullable=False, server_default=""),
        sa.Column("committee", sa.Text, nullable=False, server_default=""),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("start_time", sa.Time),
        sa.Column("end_time", sa.Time),
        sa.Column("venue", sa.Text, nullable=False, server_default=""),
        sa.Column("status", sa.String(16), nullable=False, server_default="draft"),
        sa.Column("label_style", sa.String(8), nullable=False, server_default="a."),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.Column("approved_on", sa.Date),
    )
    op.create_index("ix_meetings_date", "meetings", ["date"])
    op.create_table(
        "attendees",
        sa.Column("id", sa.Integer, primary_key=True),
        _key("meeting"),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False, server_default="member"),
        sa.Column("presence", sa.String(16), nullable=False, server_default="present"),
        sa.Column("job_title", sa.Text, nullable=False, server_default=""),
        sa.Column("substitute_for", sa.Text, nullable=False, server_default=""),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_attendees_meeting_id", "attendees", ["meeting_id"])
    op.create_table(
        "items",
        sa.Column("id", sa.Integer, primary_key=True),
        _key("meeting"),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("number", sa.Text, nullable=False, server_default=""),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("pages", sa.Text, nullable=False, server_default=""),
        sa.Column("intro", sa.Text, nullable=False, server_default=""),
        sa.Column("exempt", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("exempt_paragraph", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_items_meeting_id", "items", ["meeting_id"])
    op.create_table(
        "points",
        sa.Column("id", sa.Integer, primary_key=True),
        _key("item"),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("points.id", ondelete="CASCADE")),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False, server_default=""),
        sa.Column("action_owners", sa.Text, nullable=False, server_default=""),
        sa.Column("action_due", sa.Date),
        sa.Column("action_done", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("action_done_on", sa.Date),
    )
    op.create_index("ix_points_item_id", "points", ["item_id"])
    op.create_index("ix_points_parent_id", "points", ["parent_id"])
    op.create_index("ix_points_action_owners", "points", ["action_owners"])
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        _key("item"),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False, server_default="RESOLVED"),
        sa.Column("preamble", sa.Text, nullable=False, server_default=""),
        sa.Column("numbering", sa.String(8), nullable=False, server_default="i."),
        sa.Column("resolutions", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_decisions_item_id", "decisions", ["item_id"])
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        _key("item"),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
    )
    op.create_index("ix_documents_item_id", "documents", ["item_id"])


def downgrade() -> None:
    for table in ("documents", "decisions", "points", "items", "attendees", "meetings"):
        op.drop_table(table)
