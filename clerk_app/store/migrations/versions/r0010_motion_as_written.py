"""Motions read from minutes that already say them in their own words.

An imported "It was moved by Councillor Birch, seconded by Councillor Cedar, and RESOLVED -
that ..." is kept as the item's text and recorded as a motion too; the exports printed both,
so the record said it twice.  Such a motion is now marked ``as_written`` and printed as the
minutes' own words only.  Motions already in a file cannot be told apart: left unmarked.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "motions",
        sa.Column("as_written", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("motions") as batch:
        batch.drop_column("as_written")
