"""The SQL adapter of the store port: SQLite by default, PostgreSQL in production."""

from tansiq.store.sql.store import SQLStore, open_store

__all__ = ["SQLStore", "open_store"]
