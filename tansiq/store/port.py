"""The store port: what services need from storage, whatever the database."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from tansiq.domain.audit import AuditEvent
from tansiq.domain.identity import (
    ApiToken,
    LoginSession,
    Organisation,
    Release,
    ReleaseStatus,
    SharingGroup,
    User,
)
from tansiq.domain.policy import Scope
from tansiq.domain.screening import Alert, AlertStatus, DecisionRecord, Screening
from tansiq.domain.statement import Statement


@dataclass(frozen=True)
class DatasetInfo:
    """A named collection of statements with its default marking and grade."""

    name: str
    title: str
    description: str | None
    tlp: str
    classification: str | None
    grade: str
    organisation: str
    created_at: str
    updated_at: str
    entity_count: int = 0
    statement_count: int = 0


@dataclass(frozen=True)
class SearchQuery:
    """A search: words to find (all of them, by prefix) and facet filters."""

    text: str = ""
    schemata: tuple[str, ...] = ()
    datasets: tuple[str, ...] = ()
    tlps: tuple[str, ...] = ()
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True)
class SearchHit:
    """An entity that matched, with the statements visible about it."""

    entity_id: str
    statements: list[Statement]


@dataclass(frozen=True)
class SearchPage:
    """One page of hits, the total and the facet counts of the whole result."""

    total: int
    hits: list[SearchHit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredAuditEvent:
    """An audit event as stored, with its place and links in the chain."""

    seq: int
    event: AuditEvent
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class AuditQuery:
    """Which audit events to list: by actor, organisation, action and time (ISO, inclusive)."""

    actor: str | None = None
    organisation: str | None = None
    actions: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    limit: int = 100
    offset: int = 0


@dataclass(frozen=True)
class AlertQuery:
    """Which alerts to list: by status, screening or entity (traveller or list entry)."""

    statuses: tuple[AlertStatus, ...] = ()
    screening_id: str | None = None
    entity_id: str | None = None
    limit: int = 50
    offset: int = 0


class IdentityWriter(Protocol):
    """Writes of accounts, credentials, groups and releases."""

    def put_organisation(self, org: Organisation) -> None: ...

    def put_user(self, user: User) -> None: ...

    def put_token(self, token: ApiToken) -> None: ...

    def revoke_token(self, token_id: str, when: str) -> None: ...

    def put_session(self, session: LoginSession) -> None: ...

    def end_session(self, session_id: str, when: str) -> None: ...

    def put_group(self, group: SharingGroup) -> None: ...

    def put_release(self, release: Release) -> None: ...


class IdentityReader(Protocol):
    """Reads of accounts, credentials, groups and releases (not marked data: no scope)."""

    def identity_version(self) -> int:
        """Changes whenever an organisation, user, token, group or release changes."""
        ...

    def organisations(self) -> list[Organisation]: ...

    def organisation(self, name: str) -> Organisation | None: ...

    def users(self, organisation: str | None = None) -> list[User]: ...

    def user(self, *, user_id: str | None = None, email: str | None = None) -> User | None: ...

    def tokens(self, user_id: str | None = None) -> list[ApiToken]: ...

    def token(self, token_id: str) -> ApiToken | None: ...

    def login_session(self, session_id: str) -> LoginSession | None: ...

    def groups(self, names: Iterable[str] | None = None) -> list[SharingGroup]: ...

    def groups_of(
        self, organisations_: Iterable[str], user_id: str | None
    ) -> list[tuple[str, str, str]]:
        """Memberships of these organisations or this user: (group, kind, member)."""
        ...

    def releases(
        self,
        *,
        groups: Iterable[str] | None = None,
        organisation: str | None = None,
        status: ReleaseStatus | None = None,
    ) -> list[Release]: ...

    def release(self, release_id: str) -> Release | None: ...


class Writer(IdentityWriter, Protocol):
    """The write side of one unit of work: committed on success, rolled back on error."""

    def put_statements(self, statements: Iterable[Statement]) -> int: ...

    def put_encoded(self, batch: Any) -> int:
        """Write a batch made by the store's ``encoder`` (which may run in another process)."""
        ...

    def put_dataset(self, info: DatasetInfo) -> None: ...

    def append_audit(self, event: AuditEvent) -> StoredAuditEvent: ...

    def put_screening(self, screening: Screening) -> None: ...

    def put_alerts(self, alerts: list[Alert]) -> None: ...

    def set_progress(self, screening_id: str, processed: int, total: int) -> None: ...

    def decide(self, alert: Alert, record: DecisionRecord) -> None: ...


class Store(IdentityReader, Protocol):
    """Reads take the reader's scope; writes go through a unit of work."""

    def encode(self, statements: list[Statement]) -> Any:
        """Prepare statements for ``Writer.put_encoded``; pure, so another process may run it."""
        ...

    def transaction(self) -> AbstractContextManager[Writer]: ...

    def statements_of(self, entity_ids: list[str], scope: Scope) -> list[Statement]: ...

    def referencing(self, entity_id: str, scope: Scope, limit: int = 200) -> list[Statement]: ...

    def read_from(self, document_id: str, scope: Scope) -> list[Statement]:
        """Statements whose provenance is this document."""
        ...

    def search(self, query: SearchQuery, scope: Scope) -> SearchPage: ...

    def datasets(self, scope: Scope) -> list[DatasetInfo]: ...

    def dataset(self, name: str, scope: Scope, counts: bool = True) -> DatasetInfo | None:
        """One dataset; ``counts=False`` skips counting its statements (cheap existence check)."""
        ...

    def iter_statements(
        self, datasets: str | Sequence[str] | None, scope: Scope, schemata: Sequence[str] = ()
    ) -> Iterator[Statement]: ...

    def audit_events(self, query: AuditQuery | None = None) -> Iterator[StoredAuditEvent]:
        """Events in chain order; with a query, filtered and paged (newest first)."""
        ...

    def count_audit(self, query: AuditQuery) -> int: ...

    def dataset_state(self, names: list[str], scope: Scope) -> str: ...

    def screening(self, screening_id: str, scope: Scope) -> Screening | None: ...

    def screenings(self, scope: Scope, limit: int = 50) -> list[Screening]: ...

    def alerts(self, query: AlertQuery, scope: Scope) -> tuple[int, list[Alert]]: ...

    def alert(self, alert_id: str, scope: Scope) -> Alert | None: ...

    def cleared(self, fingerprints: list[str]) -> set[str]: ...

    def pending(self, fingerprints: list[str]) -> set[str]: ...

    def decisions(self, alert_id: str) -> list[DecisionRecord]: ...

    def close(self) -> None: ...
