"""The search index refolded: compatibility characters (NFKC) now fold to what they stand for.

"ﬁnance", as text copied from a PDF spells it, was indexed with its ligature and so was not
found by "finance"; clerk_fold (core/folding.py) now folds "ﬁ" to "fi", full-width letters to
letters, "²" to "2".  Rows written from now on are folded by the triggers as before; this
rebuilds the index for the rows already there.

Revision ID: 0006
Revises: 0004
"""

from __future__ import annotations

from alembic import op

from clerk_app.store.migrations.versions.r0002_search import SOURCES

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _rebuild() -> None:
    op.execute("DELETE FROM search_index")
    for table, (kind, body) in SOURCES.items():
        columns = body.replace("new.", "")
        op.execute(
            f"INSERT INTO search_index(rowid, body) "
            f"SELECT id * 8 + {kind}, clerk_fold({columns}) FROM {table}"
        )


def upgrade() -> None:
    _rebuild()


def downgrade() -> None:
    # The fold an older Clerk used is gone with its code; its searches read this index as well.
    _rebuild()
