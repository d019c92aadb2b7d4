"""Alembic migration scripts for the Clerk database (run programmatically, see store/migrate.py)."""
