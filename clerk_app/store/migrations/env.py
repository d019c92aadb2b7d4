"""Alembic environment: always handed an open connection by clerk_app.store.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from clerk_app.store.tables import Base


def run_migrations(connection: Connection) -> None:
    # render_as_batch: SQLite cannot ALTER most things, so Alembic rebuilds tables instead.
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Clerk runs its migrations itself; use clerk_app.store.migrate")
run_migrations(connection)
