"""The write side of a SQL unit of work."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import Connection, select, text

from tansiq.domain.audit import GENESIS_HASH, AuditEvent, chain_hash
from tansiq.domain.screening import Alert, DecisionRecord, Screening
from tansiq.domain.statement import Statement
from tansiq.store.port import DatasetInfo, StoredAuditEvent
from tansiq.store.sql import screening as screening_sql
from tansiq.store.sql.bulk import BulkUpsert
from tansiq.store.sql.codec import EncodedBatch, encode_batch
from tansiq.store.sql.identity import IdentityWrites
from tansiq.store.sql.tables import (
    alerts,
    audit_events,
    datasets,
    screenings,
    search_terms,
    statements,
)
from tansiq.store.sql.upsert import upsert

AUDIT_LOCK = 0x7A5E  # advisory lock serialising appends to the audit chain on PostgreSQL
AUDIT_LOCK_SQL = text("SELECT pg_advisory_xact_lock(:key)")
# built once: SQLAlchemy then reuses their compiled form (the audit append is on every read path)
LAST_AUDIT_HASH = select(audit_events.c.hash).order_by(audit_events.c.seq.desc()).limit(1)
AUDIT_INSERT = audit_events.insert()
SQLITE_LAST_HASH = "SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1"
AUDIT_COLUMNS = (
    "timestamp",
    "actor",
    "organisation",
    "action",
    "target",
    "details",
    "prev_hash",
    "hash",
)
SQLITE_INSERT = (
    f"INSERT INTO audit_events ({', '.join(AUDIT_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in AUDIT_COLUMNS)})"
)


def _audit_row(event: AuditEvent, previous: str) -> dict[str, str]:
    return {
        "timestamp": event.timestamp,
        "actor": event.actor,
        "organisation": event.organisation,
        "action": event.action.value,
        "target": event.target,
        "details": json.dumps(event.details, sort_keys=True, ensure_ascii=False),
        "prev_hash": previous,
        "hash": chain_hash(previous, event),
    }


STATEMENTS = BulkUpsert(
    statements,
    ["entity_id", "id"],
    {
        "last_seen": "CASE WHEN excluded.last_seen > statements.last_seen "
        "THEN excluded.last_seen ELSE statements.last_seen END",
        "retracted": "(statements.retracted OR excluded.retracted)",
    },
)
TERMS = BulkUpsert(search_terms, ["term", "entity_id", "statement_id"], {})


class SQLWriter(IdentityWrites):
    """Writes within one open transaction of a connection."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def put_statements(self, batch: Iterable[Statement]) -> int:
        return self.put_encoded(encode_batch(batch))

    def put_encoded(self, batch: EncodedBatch) -> int:
        """Write statements encoded by ``encode_batch`` (possibly in another process)."""
        rows, term_rows = batch
        STATEMENTS.run(self.conn, rows)
        TERMS.run(self.conn, term_rows)
        return len(rows)

    def put_dataset(self, info: DatasetInfo) -> None:
        row = {
            "name": info.name,
            "title": info.title,
            "description": info.description,
            "tlp": info.tlp,
            "classification": info.classification,
            "grade": info.grade,
            "organisation": info.organisation,
            "created_at": info.created_at,
            "updated_at": info.updated_at,
        }
        keep = ("name", "created_at", "organisation")
        upsert(
            self.conn,
            datasets,
            [row],
            ["name"],
            lambda ex: {k: ex[k] for k in row if k not in keep},
        )

    def append_audit(self, event: AuditEvent) -> StoredAuditEvent:
        """Chain the event to the last one and append it (within this unit of work)."""
        if self.conn.dialect.name == "sqlite":
            return self._append_sqlite(event)
        self.conn.execute(AUDIT_LOCK_SQL, {"key": AUDIT_LOCK})
        previous = self.conn.execute(LAST_AUDIT_HASH).scalar() or GENESIS_HASH
        row = _audit_row(event, previous)
        result = self.conn.execute(AUDIT_INSERT, row)
        key = result.inserted_primary_key
        seq = int(key[0]) if key is not None else 0
        return StoredAuditEvent(seq, event, previous, row["hash"])

    def _append_sqlite(self, event: AuditEvent) -> StoredAuditEvent:
        """The same on the driver's cursor: every read path appends, so this stays lean.

        The unit of work already holds SQLite's write lock (BEGIN IMMEDIATE), so no other writer
        can append between reading the last hash and inserting.
        """
        cursor = self.conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            found = cursor.execute(SQLITE_LAST_HASH).fetchone()
            previous = found[0] if found else GENESIS_HASH
            row = _audit_row(event, previous)
            cursor.execute(SQLITE_INSERT, tuple(row.values()))
            seq = int(cursor.lastrowid or 0)
        finally:
            cursor.close()
        return StoredAuditEvent(seq, event, previous, row["hash"])

    def put_screening(self, screening: Screening) -> None:
        row = screening_sql.screening_row(screening)
        upsert(
            self.conn, screenings, [row], ["id"], lambda ex: {k: ex[k] for k in row if k != "id"}
        )

    def put_alerts(self, batch: list[Alert]) -> None:
        if batch:
            self.conn.execute(alerts.insert(), [screening_sql.alert_row(a) for a in batch])

    def set_progress(self, screening_id: str, processed: int, total: int) -> None:
        self.conn.execute(
            screenings.update()
            .where(screenings.c.id == screening_id)
            .values(processed=processed, total=total)
        )

    def decide(self, alert: Alert, record: DecisionRecord) -> None:
        screening_sql.record_decision(self.conn, alert, record)
