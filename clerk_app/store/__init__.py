"""SQLAlchemy models, unit of work, migrations and search over one SQLite file."""
