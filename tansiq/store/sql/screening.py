"""Screenings, alerts, decisions and cleared pairs in SQL."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import ColumnElement, Connection, Select, and_, func, select, true

from tansiq.domain.policy import Scope
from tansiq.domain.screening import (
    Alert,
    AlertStatus,
    Decision,
    DecisionRecord,
    Screening,
    ScreeningStatus,
)
from tansiq.store.port import AlertQuery
from tansiq.store.sql.scope import cleared
from tansiq.store.sql.tables import alerts, cleared_pairs, decisions, screenings


def screening_row(s: Screening) -> dict[str, Any]:
    return {
        "id": s.id,
        "created_at": s.created_at,
        "finished_at": s.finished_at,
        "actor": s.actor,
        "organisation": s.organisation,
        "source": s.source,
        "against": orjson.dumps(s.against).decode(),
        "traveller_dataset": s.traveller_dataset,
        "algorithm": s.algorithm,
        "threshold": s.threshold,
        "status": s.status.value,
        "total": s.total,
        "processed": s.processed,
        "alert_count": s.alert_count,
        "suppressed": s.suppressed,
        "problems": orjson.dumps(s.problems).decode(),
        "error": s.error,
    }


def row_screening(m: Any) -> Screening:
    return Screening(
        id=m["id"],
        created_at=m["created_at"],
        actor=m["actor"],
        organisation=m["organisation"],
        source=m["source"],
        against=orjson.loads(m["against"]),
        algorithm=m["algorithm"],
        threshold=float(m["threshold"]),
        status=ScreeningStatus(m["status"]),
        total=m["total"],
        processed=m["processed"],
        alert_count=m["alert_count"],
        suppressed=m["suppressed"],
        problems=orjson.loads(m["problems"]),
        traveller_dataset=m["traveller_dataset"],
        finished_at=m["finished_at"],
        error=m["error"],
    )


def alert_row(a: Alert) -> dict[str, Any]:
    return {
        "id": a.id,
        "screening_id": a.screening_id,
        "traveller_id": a.traveller_id,
        "traveller": orjson.dumps(a.traveller).decode(),
        "entity_id": a.entity_id,
        "score": a.score,
        "algorithm": a.algorithm,
        "explanation": orjson.dumps(a.explanation).decode(),
        "fingerprint": a.fingerprint,
        "tlp": a.tlp,
        "classification": a.classification,
        "status": a.status.value,
        "created_at": a.created_at,
        "decided_at": a.decided_at,
        "decided_by": a.decided_by,
        "reason": a.reason,
    }


def row_alert(m: Any) -> Alert:
    return Alert(
        id=m["id"],
        screening_id=m["screening_id"],
        traveller_id=m["traveller_id"],
        traveller=orjson.loads(m["traveller"]),
        entity_id=m["entity_id"],
        score=float(m["score"]),
        algorithm=m["algorithm"],
        explanation=orjson.loads(m["explanation"]),
        fingerprint=m["fingerprint"],
        tlp=m["tlp"],
        classification=m["classification"],
        created_at=m["created_at"],
        status=AlertStatus(m["status"]),
        decided_at=m["decided_at"],
        decided_by=m["decided_by"],
        reason=m["reason"],
    )


def screening_visible(scope: Scope) -> ColumnElement[bool]:
    """Screenings a reader may see: their own organisation's (everything when unrestricted)."""
    if scope.unrestricted or scope.organisation is None:
        return true()
    condition: ColumnElement[bool] = screenings.c.organisation == scope.organisation
    return condition


def alert_visible(scope: Scope) -> ColumnElement[bool]:
    """Alerts of the reader's organisation's screenings, within their clearance."""
    if scope.unrestricted:
        return true()
    own = select(screenings.c.id).where(screening_visible(scope))
    return and_(alerts.c.screening_id.in_(own), cleared(alerts.c.classification, scope))


def alert_select(query: AlertQuery, scope: Scope) -> Select[Any]:
    stmt = select(alerts).where(alert_visible(scope))
    if query.statuses:
        stmt = stmt.where(alerts.c.status.in_([s.value for s in query.statuses]))
    if query.screening_id:
        stmt = stmt.where(alerts.c.screening_id == query.screening_id)
    if query.entity_id:
        stmt = stmt.where(
            (alerts.c.entity_id == query.entity_id) | (alerts.c.traveller_id == query.entity_id)
        )
    return stmt


def count_alerts(conn: Connection, query: AlertQuery, scope: Scope) -> int:
    sub = alert_select(query, scope).subquery()
    return int(conn.execute(select(func.count()).select_from(sub)).scalar() or 0)


def list_alerts(conn: Connection, query: AlertQuery, scope: Scope) -> list[Alert]:
    stmt = (
        alert_select(query, scope)
        .order_by(alerts.c.score.desc(), alerts.c.created_at, alerts.c.id)
        .limit(query.limit)
        .offset(query.offset)
    )
    return [row_alert(r._mapping) for r in conn.execute(stmt)]


def cleared_among(conn: Connection, fingerprints: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(fingerprints), 500):
        chunk = fingerprints[i : i + 500]
        stmt = select(cleared_pairs.c.fingerprint).where(cleared_pairs.c.fingerprint.in_(chunk))
        found.update(conn.execute(stmt).scalars())
    return found


def pending_among(conn: Connection, fingerprints: list[str]) -> set[str]:
    """Fingerprints with an alert still waiting for review (open or unsure)."""
    found: set[str] = set()
    waiting = [AlertStatus.OPEN.value, AlertStatus.UNSURE.value]
    for i in range(0, len(fingerprints), 500):
        chunk = fingerprints[i : i + 500]
        stmt = select(alerts.c.fingerprint).where(
            alerts.c.fingerprint.in_(chunk), alerts.c.status.in_(waiting)
        )
        found.update(conn.execute(stmt).scalars())
    return found


def record_decision(conn: Connection, alert: Alert, record: DecisionRecord) -> None:
    conn.execute(
        alerts.update()
        .where(alerts.c.id == alert.id)
        .values(
            status=record.decision.value,
            decided_at=record.decided_at,
            decided_by=record.actor,
            reason=record.reason,
        )
    )
    conn.execute(
        decisions.insert().values(
            alert_id=record.alert_id,
            decision=record.decision.value,
            reason=record.reason,
            actor=record.actor,
            organisation=record.organisation,
            decided_at=record.decided_at,
        )
    )
    if record.decision is Decision.NO_MATCH:
        conn.execute(cleared_pairs.delete().where(cleared_pairs.c.fingerprint == alert.fingerprint))
        conn.execute(
            cleared_pairs.insert().values(
                fingerprint=alert.fingerprint,
                entity_id=alert.entity_id,
                alert_id=alert.id,
                decided_by=record.actor,
                decided_at=record.decided_at,
            )
        )
    else:
        conn.execute(cleared_pairs.delete().where(cleared_pairs.c.fingerprint == alert.fingerprint))


def decision_history(conn: Connection, alert_id: str) -> list[DecisionRecord]:
    stmt = select(decisions).where(decisions.c.alert_id == alert_id).order_by(decisions.c.seq)
    return [
        DecisionRecord(
            m["alert_id"],
            Decision(m["decision"]),
            m["reason"],
            m["actor"],
            m["organisation"],
            m["decided_at"],
        )
        for m in (r._mapping for r in conn.execute(stmt))
    ]
