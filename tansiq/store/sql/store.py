"""The SQL store: reads filtered by scope, writes in units of work."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import orjson
from sqlalchemy import ColumnElement, Engine, Select, case, exists, func, or_, select

from tansiq.domain.audit import AuditAction, AuditEvent
from tansiq.domain.policy import Scope
from tansiq.domain.screening import Alert, DecisionRecord, Screening
from tansiq.domain.statement import BASE_PROP, Statement
from tansiq.store.port import (
    AlertQuery,
    AuditQuery,
    DatasetInfo,
    SearchHit,
    SearchPage,
    SearchQuery,
    StoredAuditEvent,
)
from tansiq.store.sql import screening as screening_sql
from tansiq.store.sql import search
from tansiq.store.sql.codec import EncodedBatch, encode_batch, row_statement
from tansiq.store.sql.engine import make_engine
from tansiq.store.sql.identity import IdentityReads
from tansiq.store.sql.scope import visible
from tansiq.store.sql.tables import alerts, audit_events, datasets, screenings, statements
from tansiq.store.sql.writer import SQLWriter

EXPORT_CHUNK = 2000


class SQLStore(IdentityReads):
    """The store port over SQLAlchemy Core."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def encode(self, statements: list[Statement]) -> EncodedBatch:
        return encode_batch(statements)

    @contextmanager
    def transaction(self) -> Iterator[SQLWriter]:
        """A unit of work: commits when the block ends, rolls back if it raises."""
        with self.engine.connect() as conn:
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                yield SQLWriter(conn)

    def statements_of(self, entity_ids: list[str], scope: Scope) -> list[Statement]:
        if not entity_ids:
            return []
        stmt = (
            select(statements)
            .where(statements.c.entity_id.in_(entity_ids), visible(statements, scope))
            .order_by(statements.c.entity_id, statements.c.prop, statements.c.value)
        )
        with self.engine.connect() as conn:
            return [row_statement(row) for row in conn.execute(stmt)]

    def referencing(self, entity_id: str, scope: Scope, limit: int = 200) -> list[Statement]:
        stmt = (
            select(statements)
            .where(
                statements.c.prop_type == "entity",
                statements.c.value == entity_id,
                statements.c.prop != BASE_PROP,
                visible(statements, scope),
            )
            .order_by(statements.c.entity_id)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [row_statement(row) for row in conn.execute(stmt)]

    def read_from(self, document_id: str, scope: Scope) -> list[Statement]:
        stmt = (
            select(statements)
            .where(statements.c.document_id == document_id, visible(statements, scope))
            .order_by(statements.c.span_start, statements.c.entity_id)
        )
        with self.engine.connect() as conn:
            return [row_statement(row) for row in conn.execute(stmt)]

    def search(self, query: SearchQuery, scope: Scope) -> SearchPage:
        with self.engine.connect() as conn:
            total = search.count_total(conn, query, scope)
            facets = search.facet_counts(conn, query, scope)
            ids = search.page_ids(conn, query, scope)
        by_entity: dict[str, list[Statement]] = {eid: [] for eid in ids}
        for stmt in self.statements_of(ids, scope):
            by_entity[stmt.entity_id].append(stmt)
        hits = [SearchHit(eid, by_entity[eid]) for eid in ids]
        return SearchPage(total=total, hits=hits, facets=facets)

    def _dataset_infos(self, scope: Scope, name: str | None, counts: bool) -> list[DatasetInfo]:
        if not counts:
            stmt = select(datasets).order_by(datasets.c.name)
            if name is not None:
                stmt = stmt.where(datasets.c.name == name)
            if not scope.unrestricted:
                seen = exists().where(
                    statements.c.dataset == datasets.c.name, visible(statements, scope)
                )
                stmt = stmt.where(or_(datasets.c.organisation == scope.organisation, seen))
            with self.engine.connect() as conn:
                return [_dataset_info(row._mapping) for row in conn.execute(stmt)]
        sizes = select(
            statements.c.dataset,
            func.count(func.distinct(statements.c.entity_id)).label("entities"),
            func.count().label("statements"),
        ).where(visible(statements, scope))
        if name is not None:
            sizes = sizes.where(statements.c.dataset == name)
        sized = sizes.group_by(statements.c.dataset).subquery()
        stmt = (
            select(datasets, sized.c.entities, sized.c.statements)
            .join(sized, sized.c.dataset == datasets.c.name, isouter=True)
            .order_by(datasets.c.name)
        )
        if name is not None:
            stmt = stmt.where(datasets.c.name == name)
        if not scope.unrestricted:
            stmt = stmt.where(
                or_(datasets.c.organisation == scope.organisation, sized.c.statements > 0)
            )
        with self.engine.connect() as conn:
            return [_dataset_info(row._mapping) for row in conn.execute(stmt)]

    def datasets(self, scope: Scope) -> list[DatasetInfo]:
        return self._dataset_infos(scope, None, counts=True)

    def dataset(self, name: str, scope: Scope, counts: bool = True) -> DatasetInfo | None:
        found = self._dataset_infos(scope, name, counts)
        return found[0] if found else None

    def iter_statements(
        self, datasets: str | Sequence[str] | None, scope: Scope, schemata: Sequence[str] = ()
    ) -> Iterator[Statement]:
        """Statements in entity order, streamed; optionally of some datasets and schemata."""
        stmt = statements_query(datasets, scope, schemata)
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=EXPORT_CHUNK)
            for row in result.execute(stmt):
                yield row_statement(row)

    def audit_events(self, query: AuditQuery | None = None) -> Iterator[StoredAuditEvent]:
        stmt = select(audit_events).order_by(audit_events.c.seq)
        if query is not None:
            stmt = (
                select(audit_events)
                .where(*_audit_filters(query))
                .order_by(audit_events.c.seq.desc())
                .limit(query.limit)
                .offset(query.offset)
            )
        with self.engine.connect() as conn:
            for row in conn.execute(stmt):
                yield _stored_event(row._mapping)

    def count_audit(self, query: AuditQuery) -> int:
        stmt = select(func.count()).select_from(audit_events).where(*_audit_filters(query))
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar() or 0)

    def dataset_state(self, names: list[str], scope: Scope) -> str:
        """Changes whenever statements of these datasets are added or seen again."""
        retracted = func.sum(case((statements.c.retracted, 1), else_=0))
        stmt = (
            select(statements.c.dataset, func.count(), func.max(statements.c.last_seen), retracted)
            .where(statements.c.dataset.in_(names), visible(statements, scope))
            .group_by(statements.c.dataset)
            .order_by(statements.c.dataset)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(stmt)
            return ";".join(f"{d}:{n}:{seen}:{r}" for d, n, seen, r in rows)

    def screening(self, screening_id: str, scope: Scope) -> Screening | None:
        stmt = select(screenings).where(
            screenings.c.id == screening_id, screening_sql.screening_visible(scope)
        )
        with self.engine.connect() as conn:
            row = conn.execute(stmt).first()
        return screening_sql.row_screening(row._mapping) if row else None

    def screenings(self, scope: Scope, limit: int = 50) -> list[Screening]:
        stmt = (
            select(screenings)
            .where(screening_sql.screening_visible(scope))
            .order_by(screenings.c.created_at.desc())
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [screening_sql.row_screening(r._mapping) for r in conn.execute(stmt)]

    def alerts(self, query: AlertQuery, scope: Scope) -> tuple[int, list[Alert]]:
        with self.engine.connect() as conn:
            total = screening_sql.count_alerts(conn, query, scope)
            return total, screening_sql.list_alerts(conn, query, scope)

    def alert(self, alert_id: str, scope: Scope) -> Alert | None:
        stmt = select(alerts).where(alerts.c.id == alert_id, screening_sql.alert_visible(scope))
        with self.engine.connect() as conn:
            row = conn.execute(stmt).first()
        return screening_sql.row_alert(row._mapping) if row else None

    def cleared(self, fingerprints: list[str]) -> set[str]:
        with self.engine.connect() as conn:
            return screening_sql.cleared_among(conn, fingerprints)

    def pending(self, fingerprints: list[str]) -> set[str]:
        with self.engine.connect() as conn:
            return screening_sql.pending_among(conn, fingerprints)

    def decisions(self, alert_id: str) -> list[DecisionRecord]:
        with self.engine.connect() as conn:
            return screening_sql.decision_history(conn, alert_id)

    def close(self) -> None:
        self.engine.dispose()


def _dataset_info(m: Any) -> DatasetInfo:
    return DatasetInfo(
        name=m["name"],
        title=m["title"],
        description=m["description"],
        tlp=m["tlp"],
        classification=m["classification"],
        grade=m["grade"],
        organisation=m["organisation"],
        created_at=m["created_at"],
        updated_at=m["updated_at"],
        entity_count=int(m.get("entities") or 0),
        statement_count=int(m.get("statements") or 0),
    )


def _audit_filters(query: AuditQuery) -> list[ColumnElement[bool]]:
    c = audit_events.c
    found: list[ColumnElement[bool]] = []
    if query.actor:
        found.append(c.actor == query.actor)
    if query.organisation:
        found.append(c.organisation == query.organisation)
    if query.actions:
        found.append(c.action.in_(list(query.actions)))
    if query.since:
        found.append(c.timestamp >= query.since)
    if query.until:
        found.append(c.timestamp <= query.until)
    return found


def _stored_event(m: Any) -> StoredAuditEvent:
    event = AuditEvent(
        timestamp=m["timestamp"],
        actor=m["actor"],
        organisation=m["organisation"],
        action=AuditAction(m["action"]),
        target=m["target"],
        details=orjson.loads(m["details"]),
    )
    return StoredAuditEvent(int(m["seq"]), event, m["prev_hash"], m["hash"])


def open_store(url: str) -> SQLStore:
    """A store for a database URL (the schema must be migrated: ``tansiq db upgrade``)."""
    return SQLStore(make_engine(url))


def statements_query(
    datasets: str | Sequence[str] | None, scope: Scope, schemata: Sequence[str] = ()
) -> Select[Any]:
    """The visible statements, in entity order, of some datasets and schemata (indexed)."""
    stmt = select(statements).where(visible(statements, scope))
    if isinstance(datasets, str):
        stmt = stmt.where(statements.c.dataset == datasets)
    elif datasets is not None:
        stmt = stmt.where(statements.c.dataset.in_(list(datasets)))
    if schemata:
        stmt = stmt.where(statements.c.schema.in_(list(schemata)))
    return stmt.order_by(statements.c.entity_id, statements.c.id)
