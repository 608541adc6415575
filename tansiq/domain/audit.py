"""Audit events: typed, append-only records linked in a hash chain."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

GENESIS_HASH = "0" * 64


class AuditAction(StrEnum):
    """What happened."""

    IMPORT = "import"
    EXPORT = "export"
    SEARCH = "search"
    READ = "read"
    DEMO_LOAD = "demo.load"
    DATASET_CREATE = "dataset.create"
    SCREEN = "screen"
    INGEST = "ingest"
    DECIDE = "alert.decide"
    LIST = "list"
    LOGIN = "login"
    LOGIN_FAILED = "login.failed"
    LOGOUT = "logout"
    DENIED = "access.denied"
    ORG_CHANGE = "organisation.change"
    USER_CHANGE = "user.change"
    TOKEN_CREATE = "token.create"
    TOKEN_REVOKE = "token.revoke"
    GROUP_CHANGE = "group.change"
    RELEASE_REQUEST = "release.request"
    RELEASE_DECIDE = "release.decide"
    AUDIT_EXPORT = "audit.export"


@dataclass(frozen=True)
class AuditEvent:
    """One thing a principal did, with enough detail to answer 'who did what, when'."""

    timestamp: str
    actor: str
    organisation: str
    action: AuditAction
    target: str
    details: dict[str, Any] = field(default_factory=dict)

    def canonical(self) -> str:
        body = {
            "timestamp": self.timestamp,
            "actor": self.actor,
            "organisation": self.organisation,
            "action": self.action.value,
            "target": self.target,
            "details": self.details,
        }
        return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hash(previous: str, event: AuditEvent) -> str:
    """The hash of an event linked to the hash of the one before it."""
    data = f"{previous}\n{event.canonical()}".encode()
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    """Where a stored audit chain stops verifying."""

    sequence: int
    reason: str


def verify_chain(rows: list[tuple[int, AuditEvent, str, str]]) -> ChainBreak | None:
    """Check (sequence, event, previous hash, hash) rows in order; None when intact."""
    previous = GENESIS_HASH
    expected_seq: int | None = None
    for seq, event, prev_hash, digest in rows:
        if expected_seq is not None and seq != expected_seq:
            return ChainBreak(seq, f"event {expected_seq} is missing")
        if prev_hash != previous:
            return ChainBreak(seq, "link to the previous event does not match")
        if chain_hash(previous, event) != digest:
            return ChainBreak(seq, "event content was changed")
        previous, expected_seq = digest, seq + 1
    return None
