"""Bodies (every meeting belongs to one, with its members and house style), declarations of
interest, motions with their votes, arrivals and departures, the time an item was taken, and
the exclusion of the press and public.

Each committee name already used becomes a body whose minute numbering is "as typed", so every
existing minute keeps exactly the reference it was typed with.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bodies",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False, server_default="committee"),
        sa.Column("numbering_mode", sa.String(16), nullable=False, server_default="as typed"),
        sa.Column("numbering_pattern", sa.Text, nullable=False, server_default="{n}"),
        sa.Column("year_start_month", sa.Integer, nullable=False, server_default="5"),
        sa.Column("label_style", sa.String(8), nullable=False, server_default="a."),
        sa.Column("quorum_fixed", sa.Integer, nullable=True),
        sa.Column("quorum_numerator", sa.Integer, nullable=False, server_default="1"),
        sa.Column("quorum_denominator", sa.Integer, nullable=False, server_default="3"),
        sa.Column("quorum_minimum", sa.Integer, nullable=False, server_default="3"),
        sa.Column("exclusion_law", sa.String(16), nullable=False, server_default="england"),
        sa.Column("exclusion_text", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "body_members",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "body_id",
            sa.Integer,
            sa.ForeignKey("bodies.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False, server_default="member"),
        sa.Column("voting", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("since", sa.Date, nullable=True),
        sa.Column("until", sa.Date, nullable=True),
    )
    op.create_table(
        "declarations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "item_id",
            sa.Integer,
            sa.ForeignKey("items.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("member", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False, server_default="disclosable pecuniary"),
        sa.Column("nature", sa.Text, nullable=False, server_default=""),
        sa.Column("sensitive", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("conduct", sa.String(24), nullable=False, server_default="withdrew"),
    )
    op.create_table(
        "motions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "item_id",
            sa.Integer,
            sa.ForeignKey("items.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False, server_default=""),
        sa.Column("mover", sa.Text, nullable=False, server_default=""),
        sa.Column("seconder", sa.Text, nullable=False, server_default=""),
        sa.Column("amends", sa.Integer, nullable=True),
        sa.Column("votes_for", sa.Integer, nullable=True),
        sa.Column("votes_against", sa.Integer, nullable=True),
        sa.Column("votes_abstain", sa.Integer, nullable=True),
        sa.Column("casting", sa.String(16), nullable=True),
        sa.Column("declared_outcome", sa.String(16), nullable=True),
    )
    op.create_table(
        "named_votes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "motion_id",
            sa.Integer,
            sa.ForeignKey("motions.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("member", sa.Text, nullable=False),
        sa.Column("vote", sa.String(16), nullable=False),
    )
    op.create_table(
        "movements",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "item_id",
            sa.Integer,
            sa.ForeignKey("items.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("member", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("at", sa.Time, nullable=True),
    )
    # Plain ADD COLUMN, not a batch rebuild: rebuilding would drop the search triggers.
    op.add_column("items", sa.Column("taken_at", sa.Time, nullable=True))
    op.add_column("items", sa.Column("exclusion", sa.Text, nullable=False, server_default=""))
    op.add_column(
        "items", sa.Column("readmitted", sa.Boolean, nullable=False, server_default=sa.false())
    )
    op.add_column("meetings", sa.Column("body_id", sa.Integer, nullable=True))
    op.create_index("ix_meetings_body_id", "meetings", ["body_id"])
    # The trash included: a restored meeting comes back to its body.
    op.execute("INSERT INTO bodies (name) SELECT DISTINCT committee FROM meetings")
    op.execute(
        "UPDATE meetings SET body_id = "
        "(SELECT id FROM bodies WHERE bodies.name = meetings.committee)"
    )


def downgrade() -> None:
    op.drop_index("ix_meetings_body_id", "meetings")
    op.drop_column("meetings", "body_id")
    op.drop_column("items", "readmitted")
    op.drop_column("items", "exclusion")
    op.drop_column("items", "taken_at")
    op.drop_table("movements")
    op.drop_table("named_votes")
    op.drop_table("motions")
    op.drop_table("declarations")
    op.drop_table("body_members")
    op.drop_table("bodies")
