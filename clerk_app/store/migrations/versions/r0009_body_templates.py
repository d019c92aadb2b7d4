"""A body's house style for exported minutes: its own Word reference template and its own
Typst template for the PDF (each a file path; empty: Clerk's default).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("bodies", sa.Column("word_template", sa.Text, nullable=False, server_default=""))
    op.add_column("bodies", sa.Column("pdf_template", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("bodies") as batch:
        batch.drop_column("pdf_template")
        batch.drop_column("word_template")
