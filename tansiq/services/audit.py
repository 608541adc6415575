"""Recording and verifying audit events."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tansiq.domain.audit import AuditAction, AuditEvent, verify_chain
from tansiq.domain.markings import TLP
from tansiq.domain.principal import Principal
from tansiq.domain.roles import Permission
from tansiq.domain.statement import Statement, utc_now
from tansiq.services.access import require
from tansiq.services.app import Tansiq
from tansiq.store.port import Writer


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
