"""Dialect-specific upserts behind one helper."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table
from sqlalchemy.dialects import postgresql, sqlite

Updates = Callable[[Any], dict[str, ColumnElement[Any] | Any]]
"""Given the ``excluded`` pseudo-table, the columns to set on a conflict."""


def upsert(
    conn: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    keys: Sequence[str],
    updates: Updates | None = None,
) -> None:
    """Insert rows; on a key conflict apply ``updates``, or keep the stored row."""
    if not rows:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(table)
    if updates is not None:
        stmt = stmt.on_conflict_do_update(index_elements=list(keys), set_=updates(stmt.excluded))
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=list(keys))
    conn.execute(stmt, rows)
