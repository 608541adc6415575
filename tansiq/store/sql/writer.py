"""The write side of a SQL unit of work."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, case, or_, select, text

from tansiq.domain.audit import GENESIS_HASH, AuditEvent, chain_hash
from tansiq.domain.screening import Alert, DecisionRecord, Screening
from tansiq.domain.statement import Statement
from tansiq.domain.text import is_searchable, terms
from tansiq.store.port import DatasetInfo, StoredAuditEvent
from tansiq.store.sql import screening as screening_sql
from tansiq.store.sql.codec import statement_row
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


def _statement_updates(excluded: Any) -> dict[str, Any]:
    table = statements.c
    return {
        "last_seen": case(
            (excluded.last_seen > table.last_seen, excluded.last_seen), else_=table.last_seen
        ),
        "retracted": or_(table.retracted, excluded.retracted),
    }


def _term_rows(stmt: Statement) -> list[dict[str, Any]]:
    if not is_searchable(stmt.prop, stmt.prop_type):
        return []
    return [
        {"statement_id": stmt.id, "term": term, "entity_id": stmt.entity_id}
        for term in terms(stmt.value)
    ]


class SQLWriter:
    """Writes within one open transaction of a connection."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def put_statements(self, batch: Iterable[Statement]) -> int:
        rows: dict[str, dict[str, Any]] = {}
        term_rows: list[dict[str, Any]] = []
        for stmt in batch:
            if stmt.id not in rows:
                term_rows.extend(_term_rows(stmt))
            rows[stmt.id] = statement_row(stmt)
        upsert(self.conn, statements, list(rows.values()), ["id"], _statement_updates)
        upsert(self.conn, search_terms, term_rows, ["statement_id", "term"])
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
        if self.conn.dialect.name == "postgresql":
            self.conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK})
        last = self.conn.execute(
            select(audit_events.c.hash).order_by(audit_events.c.seq.desc()).limit(1)
        ).scalar()
        previous = last or GENESIS_HASH
        digest = chain_hash(previous, event)
        result = self.conn.execute(
            audit_events.insert().values(
                timestamp=event.timestamp,
                actor=event.actor,
                organisation=event.organisation,
                action=event.action.value,
                target=event.target,
                details=json.dumps(event.details, sort_keys=True, ensure_ascii=False),
                prev_hash=previous,
                hash=digest,
            )
        )
        key = result.inserted_primary_key
        seq = int(key[0]) if key is not None else 0
        return StoredAuditEvent(seq, event, previous, digest)

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
