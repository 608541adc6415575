"""Bulk upserts through the driver's executemany: the import hot path, without per-row
SQLAlchemy parameter processing. Same SQL on SQLite and PostgreSQL but for placeholders."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table


class BulkUpsert:
    """``INSERT … ON CONFLICT (keys) DO UPDATE SET …`` (or ``DO NOTHING``) for tuples."""

    def __init__(self, table: Table, keys: Sequence[str], updates: dict[str, str]) -> None:
        self.table = table
        self.columns = [c.name for c in table.columns]
        self.keys = list(keys)
        self.updates = updates
        self._sql: dict[str, str] = {}

    def sql(self, dialect: str) -> str:
        if dialect not in self._sql:
            mark = "%s" if dialect == "postgresql" else "?"
            cols = ", ".join(self.columns)
            marks = ", ".join(mark for _ in self.columns)
            conflict = ", ".join(self.keys)
            if self.updates:
                sets = ", ".join(f"{k} = {v}" for k, v in self.updates.items())
                action = f"DO UPDATE SET {sets}"
            else:
                action = "DO NOTHING"
            self._sql[dialect] = (
                f"INSERT INTO {self.table.name} ({cols}) VALUES ({marks}) "
                f"ON CONFLICT ({conflict}) {action}"
            )
        return self._sql[dialect]

    def run(self, conn: Connection, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            conn.exec_driver_sql(self.sql(conn.dialect.name), rows)
