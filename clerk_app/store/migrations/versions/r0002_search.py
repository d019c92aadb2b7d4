"""Full-text search: an FTS5 index over points, items, decisions, attendance and documents.

The index holds *folded* text (clerk_fold: lower case, accents off, one character for one) so
that "zoe" finds "Zoë" and "lodz" finds "Łódź"; triggers keep it in step with every write, so
no code path (window, import, undo, delete) can forget to.  Each source row has a fixed FTS
rowid, ``id * 8 + kind``, which makes the trigger's update and delete a rowid lookup rather
than a scan of the index.  The function is registered on every connection by the store.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# kind codes, also in clerk_app/store/search.py
SOURCES = {
    "points": (1, "new.text"),
    "items": (2, "new.title || ' ' || new.intro"),
    "decisions": (3, "new.kind || ' ' || new.preamble || ' ' || new.resolutions"),
    "attendees": (4, "new.name || ' ' || new.job_title || ' ' || new.substitute_for"),
    "documents": (5, "new.title"),
}


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    for table, (kind, body) in SOURCES.items():
        index_source(table, kind, body)


def index_source(table: str, kind: int, body: str) -> None:
    """Triggers keeping ``table``'s rows in the index under ``kind``, and its rows indexed
    now; ``body`` is the indexed text as an SQL expression over ``new.`` columns."""
    insert = (
        f"INSERT INTO search_index(rowid, body) VALUES (new.id * 8 + {kind}, clerk_fold({body}));"
    )
    op.execute(f"CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} BEGIN {insert} END")
    op.execute(
        f"CREATE TRIGGER {table}_search_update AFTER UPDATE ON {table} BEGIN "
        f"DELETE FROM search_index WHERE rowid = old.id * 8 + {kind}; "
        f"{insert} END"
    )
    op.execute(
        f"CREATE TRIGGER {table}_search_delete AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM search_index WHERE rowid = old.id * 8 + {kind}; END"
    )
    # Databases that predate the triggers get their rows indexed now, from what they hold.
    select_body = body.replace("new.", "")
    op.execute(
        f"INSERT INTO search_index(rowid, body) "
        f"SELECT id * 8 + {kind}, clerk_fold({select_body}) FROM {table}"
    )


def downgrade() -> None:
    for table in SOURCES:
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_search_{event}")
    op.execute("DROP TABLE search_index")
