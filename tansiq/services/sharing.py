"""Releasing datasets to sharing groups, with four-eyes approval by a supervisor."""

from __future__ import annotations

import uuid
from dataclasses import replace

from tansiq.domain.audit import AuditAction
from tansiq.domain.identity import Release, ReleaseStatus
from tansiq.domain.principal import Principal
from tansiq.domain.roles import Permission
from tansiq.domain.statement import utc_now
from tansiq.exceptions import Conflict, NotFound, PermissionDenied
from tansiq.services.access import require
from tansiq.services.app import Tansiq
from tansiq.services.audit import record
from tansiq.services.datasets import get_dataset


def request_release(
    app: Tansiq, principal: Principal, dataset: str, group: str, reason: str | None = None
) -> Release:
    """Ask to release one of one's organisation's datasets to a sharing group.

    Nothing leaves until a supervisor of the organisation other than the requester approves.
    """
    require(principal, Permission.SHARE)
    info = get_dataset(app, principal, dataset, counts=False)
    if info.organisation != principal.organisation and not principal.system:
        raise PermissionDenied(f"dataset {dataset!r} belongs to {info.organisation}")
    if not app.store.groups([group]):
        raise NotFound(f"no sharing group called {group!r}")
    release = Release(
        id=uuid.uuid4().hex,
        dataset=info.name,
        group=group,
        organisation=info.organisation,
        requested_by=principal.id,
        requested_at=utc_now(),
        reason=reason,
    )
    with app.store.transaction() as writer:
        writer.put_release(release)
        record(writer, principal, AuditAction.RELEASE_REQUEST, dataset, group=group, id=release.id)
    return release


def decide_release(
    app: Tansiq, principal: Principal, release_id: str, approve: bool, reason: str | None = None
) -> Release:
    """Approve or refuse a requested release (or revoke an approved one)."""
    require(principal, Permission.RELEASE)
    release = app.store.release(release_id)
    if release is None or (release.organisation != principal.organisation and not principal.system):
        raise NotFound(f"no release {release_id!r}")
    if release.requested_by == principal.id and approve:
        raise PermissionDenied(
            "four eyes: a release is approved by someone other than the requester"
        )
    if release.status in (ReleaseStatus.REFUSED, ReleaseStatus.REVOKED):
        raise Conflict(f"release {release_id} is {release.status.value}")
    if approve and release.status is ReleaseStatus.APPROVED:
        raise Conflict(f"release {release_id} is approved already")
    status = ReleaseStatus.APPROVED if approve else _withdrawn(release)
    decided = replace(
        release, status=status, decided_by=principal.id, decided_at=utc_now(), reason=reason
    )
    with app.store.transaction() as writer:
        writer.put_release(decided)
        record(
            writer,
            principal,
            AuditAction.RELEASE_DECIDE,
            release.dataset,
            group=release.group,
            id=release.id,
            status=status.value,
            reason=reason,
        )
    return decided


def _withdrawn(release: Release) -> ReleaseStatus:
    if release.status is ReleaseStatus.APPROVED:
        return ReleaseStatus.REVOKED
    return ReleaseStatus.REFUSED


def list_releases(
    app: Tansiq, principal: Principal, status: ReleaseStatus | None = None
) -> list[Release]:
    """Releases of one's organisation's datasets."""
    require(principal, Permission.READ)
    organisation = None if principal.system else principal.organisation
    return app.store.releases(organisation=organisation, status=status)
