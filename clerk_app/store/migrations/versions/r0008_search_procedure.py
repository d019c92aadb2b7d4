"""Declarations of interest and motions join the search index.

"What did Councillor Okafor declare?" and "who moved the allotments motion?" are questions a
democratic services officer asks of past minutes; a declaration is found by its member, kind
and nature (never the nature of a sensitive one, which is not published), a motion by its
wording, mover and seconder.  Same triggers and rowid scheme as 0002, two new kind codes.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from alembic import op

from clerk_app.store.migrations.versions.r0002_search import index_source

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# kind codes, also in clerk_app/store/search.py (0002 used 1 to 5 of the eight)
SOURCES = {
    "declarations": (
        6,
        "new.member || ' ' || new.kind || ' ' || "
        "CASE WHEN new.sensitive THEN '' ELSE new.nature END",
    ),
    "motions": (7, "new.text || ' ' || new.mover || ' ' || new.seconder"),
}


def upgrade() -> None:
    for table, (kind, body) in SOURCES.items():
        index_source(table, kind, body)


def downgrade() -> None:
    for table, (kind, _body) in SOURCES.items():
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_search_{event}")
        op.execute(f"DELETE FROM search_index WHERE rowid % 8 = {kind}")
