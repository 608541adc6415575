"""The review queue: people decide alerts; a cleared pair is not asked again."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

from tansiq.domain.audit import AuditAction
from tansiq.domain.policy import read_scope
from tansiq.domain.principal import Principal
from tansiq.domain.roles import Permission
from tansiq.domain.screening import Alert, AlertStatus, Decision, DecisionRecord, Screening
from tansiq.domain.statement import utc_now
from tansiq.exceptions import Conflict, InvalidData, NotFound
from tansiq.services.access import require
from tansiq.services.app import Tansiq
from tansiq.services.audit import record
from tansiq.services.entities import load_entities
from tansiq.store.port import AlertQuery

MAX_REASON = 2000


@dataclass(frozen=True)
class AlertPage:
    total: int
    alerts: list[Alert]
    entries: dict[str, EntityProxy]


@dataclass(frozen=True)
class AlertView:
    """An alert with both sides to compare and its decision history."""

    alert: Alert
    traveller: EntityProxy
    entry: EntityProxy | None
    history: list[DecisionRecord]


def list_alerts(app: Tansiq, principal: Principal, query: AlertQuery) -> AlertPage:
    """Alerts the principal may see, best score first, with their watchlist entries."""
    require(principal, Permission.SCREEN)
    total, alerts = app.store.alerts(query, read_scope(principal))
    entries = load_entities(app, [a.entity_id for a in alerts], read_scope(principal))
    return AlertPage(total, alerts, entries)


def review_queue(app: Tansiq, principal: Principal, limit: int = 50, offset: int = 0) -> AlertPage:
    """Alerts waiting for a decision (open, or marked unsure)."""
    statuses = (AlertStatus.OPEN, AlertStatus.UNSURE)
    return list_alerts(app, principal, AlertQuery(statuses, limit=limit, offset=offset))


def get_alert(app: Tansiq, principal: Principal, alert_id: str) -> AlertView:
    require(principal, Permission.SCREEN)
    scope = read_scope(principal)
    alert = app.store.alert(alert_id, scope)
    if alert is None:
        raise NotFound(f"no alert {alert_id!r}")
    traveller = model.get_proxy({k: v for k, v in alert.traveller.items() if k != "reference"})
    entry = load_entities(app, [alert.entity_id], scope).get(alert.entity_id)
    return AlertView(alert, traveller, entry, app.store.decisions(alert.id))


def decide(
    app: Tansiq, principal: Principal, alert_id: str, decision: str | Decision, reason: str
) -> AlertView:
    """Record a person's decision; ``no_match`` clears the pair for future screenings."""
    require(principal, Permission.DECIDE)
    choice = decision if isinstance(decision, Decision) else Decision.parse(decision)
    reason = reason.strip()
    if not reason:
        raise InvalidData("a decision needs a reason", field="reason")
    if len(reason) > MAX_REASON:
        raise InvalidData(f"reason longer than {MAX_REASON} characters", field="reason")
    view = get_alert(app, principal, alert_id)
    if not view.alert.status.needs_review and view.alert.status.value == choice.value:
        raise Conflict(f"alert {alert_id} is already decided as {choice.value}")
    entry = DecisionRecord(
        alert_id, choice, reason, principal.id, principal.organisation, utc_now()
    )
    with app.store.transaction() as writer:
        writer.decide(view.alert, entry)
        record(
            writer,
            principal,
            AuditAction.DECIDE,
            alert_id,
            decision=choice.value,
            reason=reason,
            entity=view.alert.entity_id,
            traveller=view.alert.traveller_id,
        )
    return get_alert(app, principal, alert_id)


def alert_dict(alert: Alert, entry: EntityProxy | None = None) -> dict[str, Any]:
    data = asdict(alert)
    data["status"] = alert.status.value
    if entry is not None:
        data["entry"] = {**entry.to_dict(), "caption": entry.caption}
    return data


def alert_view_dict(view: AlertView) -> dict[str, Any]:
    data = alert_dict(view.alert, view.entry)
    data["history"] = [{**asdict(h), "decision": h.decision.value} for h in view.history]
    return data


def screening_dict(screening: Screening) -> dict[str, Any]:
    data = asdict(screening)
    data["status"] = screening.status.value
    return data
