"""Recording and verifying audit events."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from tansiq.domain.audit import AuditAction, AuditEvent, verify_chain
from tansiq.domain.markings import TLP
from tansiq.domain.principal import Principal
from tansiq.domain.roles import Permission
from tansiq.domain.statement import Statement, utc_now
from tansiq.exceptions import InvalidData
from tansiq.services.access import require
from tansiq.services.app import Tansiq
from tansiq.store.port import AuditQuery, StoredAuditEvent, Writer


def record(
    writer: Writer, principal: Principal, action: AuditAction, target: str, **details: Any
) -> None:
    """Append an event for ``principal`` within the caller's unit of work."""
    event = AuditEvent(
        timestamp=utc_now(),
        actor=principal.id,
        organisation=principal.organisation,
        action=action,
        target=target,
        details=details,
    )
    writer.append_audit(event)


def record_now(
    app: Tansiq, principal: Principal, action: AuditAction, target: str, **details: Any
) -> None:
    """Append an event in a unit of work of its own."""
    with app.store.transaction() as writer:
        record(writer, principal, action, target, **details)


@dataclass(frozen=True)
class AuditCheck:
    """The result of verifying the chain."""

    events: int
    intact: bool
    broken_at: int | None = None
    reason: str | None = None


def verify(app: Tansiq, principal: Principal) -> AuditCheck:
    """Walk the whole audit chain and report the first event that does not verify."""
    require(principal, Permission.AUDIT)
    rows = [(s.seq, s.event, s.prev_hash, s.hash) for s in app.store.audit_events()]
    broken = verify_chain(rows)
    if broken is None:
        return AuditCheck(events=len(rows), intact=True)
    return AuditCheck(len(rows), False, broken.sequence, broken.reason)


SENSITIVE = frozenset({TLP.AMBER.value, TLP.AMBER_STRICT.value, TLP.RED.value})


def record_read(
    app: Tansiq, principal: Principal, target: str, statements: Iterable[Statement]
) -> None:
    """Audit a read when anything shown is AMBER or above, or classified."""
    marks = sorted(
        {
            str(s.marking)
            for s in statements
            if s.marking.tlp in SENSITIVE or s.marking.classification
        }
    )
    if marks:
        record_now(app, principal, AuditAction.READ, target, markings=marks)


def list_events(
    app: Tansiq, principal: Principal, query: AuditQuery
) -> tuple[int, list[StoredAuditEvent]]:
    """Audit events for the auditor page: (total matching, one page, newest first)."""
    require(principal, Permission.AUDIT)
    return app.store.count_audit(query), list(app.store.audit_events(query))


def event_dict(stored: StoredAuditEvent) -> dict[str, Any]:
    e = stored.event
    return {
        "seq": stored.seq,
        "timestamp": e.timestamp,
        "actor": e.actor,
        "organisation": e.organisation,
        "action": e.action.value,
        "target": e.target,
        "details": e.details,
        "hash": stored.hash,
        "prev_hash": stored.prev_hash,
    }


def syslog_line(stored: StoredAuditEvent, host: str = "tansiq") -> str:
    """An RFC 5424 line (facility auth, notice) with the event as structured data."""
    e = stored.event

    def quoted(value: object) -> str:
        text = value if isinstance(value, str) else json.dumps(value, sort_keys=True)
        return text.replace("\\", "\\\\").replace('"', '\\"').replace("]", "\\]")

    params = " ".join(
        f'{k}="{quoted(v)}"'
        for k, v in (
            ("seq", stored.seq),
            ("actor", e.actor),
            ("org", e.organisation),
            ("action", e.action.value),
            ("target", e.target),
            ("details", e.details),
            ("hash", stored.hash),
        )
    )
    return f"<37>1 {e.timestamp}Z {host} tansiq - {e.action.value} [tansiq@32473 {params}]"


def export_events(
    app: Tansiq, principal: Principal, query: AuditQuery, fmt: str = "jsonl"
) -> Iterator[str]:
    """Every matching event, oldest first, as JSON lines or syslog lines (audited)."""
    require(principal, Permission.AUDIT)
    if fmt not in ("jsonl", "syslog"):
        raise InvalidData(f"unknown audit export format {fmt!r} (jsonl or syslog)", field="format")
    record_now(app, principal, AuditAction.AUDIT_EXPORT, fmt, filters=asdict(query))
    for stored in app.store.audit_events():
        if _matches(stored, query):
            yield (
                json.dumps(event_dict(stored), sort_keys=True)
                if fmt == "jsonl"
                else syslog_line(stored)
            )


def _matches(stored: StoredAuditEvent, q: AuditQuery) -> bool:
    e = stored.event
    return (
        (not q.actor or e.actor == q.actor)
        and (not q.organisation or e.organisation == q.organisation)
        and (not q.actions or e.action.value in q.actions)
        and (not q.since or e.timestamp >= q.since)
        and (not q.until or e.timestamp <= q.until)
    )
