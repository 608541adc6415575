"""API routes for who one is, administration, sharing and the audit trail."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from tansiq.domain.identity import ApiToken, Organisation, Release, SharingGroup, User
from tansiq.domain.principal import Principal
from tansiq.interfaces.http import (
    Administrator,
    Anyone,
    Auditor,
    Reader,
    Releaser,
    Sharer,
    get_platform,
)
from tansiq.services import Tansiq
from tansiq.services.accounts import (
    create_group,
    create_organisation,
    create_token,
    create_user,
    list_groups,
    list_organisations,
    list_tokens,
    list_users,
    recording_choices,
    revoke_token,
)
from tansiq.services.audit import event_dict, export_events, list_events, verify
from tansiq.services.sharing import decide_release, list_releases, request_release
from tansiq.store.port import AuditQuery

router = APIRouter(prefix="/api/v1", tags=["access"])
Platform = Annotated[Tansiq, Depends(get_platform)]
Json = dict[str, Any]
Name = Field(min_length=1, max_length=255)


class OrganisationIn(BaseModel):
    name: str = Name
    title: str | None = Field(None, max_length=255)
    kind: str = Field("agency", max_length=32)
    client_of: str | None = Field(None, max_length=100)


class UserIn(BaseModel):
    email: str = Name
    organisation: str = Name
    roles: list[str] = Field(default_factory=lambda: ["analyst"], max_length=5)
    clearance: str | None = Field(None, max_length=64)
    password: str | None = Field(None, max_length=1000)
    name: str | None = Field(None, max_length=255)


class TokenIn(BaseModel):
    email: str | None = Field(None, max_length=255)
    name: str = Field("api", max_length=255)
    scope: str = Field("read", max_length=16)
    days: int | None = Field(90, ge=1, le=3650)


class GroupIn(BaseModel):
    name: str = Name
    organisations: list[str] = Field(min_length=1, max_length=200)
    users: list[str] = Field(default_factory=list, max_length=200)
    title: str | None = Field(None, max_length=255)


class ReleaseIn(BaseModel):
    dataset: str = Name
    group: str = Name
    reason: str | None = Field(None, max_length=2000)


class ReleaseDecision(BaseModel):
    approve: bool
    reason: str | None = Field(None, max_length=2000)


def principal_dict(principal: Principal) -> Json:
    return {
        "id": principal.id,
        "name": principal.name,
        "organisation": principal.organisation,
        "roles": sorted(principal.roles),
        "clearance": principal.clearance,
        "permissions": sorted(p.value for p in principal.permissions),
    }


def user_dict(user: User) -> Json:
    return {
        "email": user.email,
        "name": user.name,
        "organisation": user.organisation,
        "roles": sorted(user.roles),
        "clearance": user.clearance,
        "active": user.active,
        "second_factor": bool(user.totp_secret),
        "created_at": user.created_at,
    }


def token_dict(token: ApiToken) -> Json:
    data = dict(token.__dict__)
    data.pop("secret_hash")
    return data


def group_dict(group: SharingGroup) -> Json:
    return {
        "name": group.name,
        "title": group.title,
        "organisations": sorted(group.organisations),
        "users": sorted(group.users),
    }


def release_dict(release: Release) -> Json:
    return {**release.__dict__, "status": release.status.value}


def org_dict(org: Organisation) -> Json:
    return dict(org.__dict__)


@router.get("/me")
def me(app: Platform, principal: Anyone) -> Json:
    """The authenticated user, their roles, permissions and the markings they may record under."""
    return {**principal_dict(principal), "may_record": recording_choices(app, principal)}


@router.get("/organisations")
def organisations(app: Platform, principal: Anyone) -> list[Json]:
    return [org_dict(o) for o in list_organisations(app, principal)]


@router.post("/organisations", status_code=201)
def new_organisation(app: Platform, principal: Administrator, body: OrganisationIn) -> Json:
    org = create_organisation(
        app, principal, body.name, title=body.title, kind=body.kind, client_of=body.client_of
    )
    return org_dict(org)


@router.get("/users")
def users(app: Platform, principal: Administrator) -> list[Json]:
    return [user_dict(u) for u in list_users(app, principal)]


@router.post("/users", status_code=201)
def new_user(app: Platform, principal: Administrator, body: UserIn) -> Json:
    user = create_user(
        app,
        principal,
        body.email,
        organisation=body.organisation,
        roles=body.roles,
        clearance=body.clearance,
        password=body.password,
        name=body.name,
    )
    return user_dict(user)


@router.get("/tokens")
def tokens(app: Platform, principal: Anyone) -> list[Json]:
    """One's own tokens (every token for an administrator); never their secrets."""
    return [token_dict(t) for t in list_tokens(app, principal)]


@router.post("/tokens", status_code=201)
def new_token(app: Platform, principal: Anyone, body: TokenIn) -> Json:
    """A new token (for oneself, or for anyone by an administrator); the secret is shown once."""
    token, secret = create_token(
        app, principal, body.email or principal.id, name=body.name, scope=body.scope, days=body.days
    )
    return {**token_dict(token), "token": secret}


@router.delete("/tokens/{token_id}")
def delete_token(app: Platform, principal: Anyone, token_id: str) -> Json:
    return token_dict(revoke_token(app, principal, token_id))


@router.get("/groups")
def groups(app: Platform, principal: Anyone) -> list[Json]:
    return [group_dict(g) for g in list_groups(app, principal)]


@router.post("/groups", status_code=201)
def new_group(app: Platform, principal: Administrator, body: GroupIn) -> Json:
    group = create_group(
        app,
        principal,
        body.name,
        organisations=body.organisations,
        users=body.users,
        title=body.title,
    )
    return group_dict(group)


@router.get("/releases")
def releases(app: Platform, principal: Reader) -> list[Json]:
    return [release_dict(r) for r in list_releases(app, principal)]


@router.post("/releases", status_code=201)
def new_release(app: Platform, principal: Sharer, body: ReleaseIn) -> Json:
    """Ask to release a dataset to a sharing group (a supervisor must approve)."""
    return release_dict(request_release(app, principal, body.dataset, body.group, body.reason))


@router.post("/releases/{release_id}/decision")
def release_decision(
    app: Platform, principal: Releaser, release_id: str, body: ReleaseDecision
) -> Json:
    """Approve (four eyes: not the requester), refuse, or revoke an approved release."""
    return release_dict(decide_release(app, principal, release_id, body.approve, body.reason))


def _audit_query(
    actor: str | None,
    action: list[str] | None,
    since: str | None,
    until: str | None,
    limit: int = 100,
    offset: int = 0,
) -> AuditQuery:
    return AuditQuery(actor, None, tuple(action or ()), since, until, limit, offset)


Short = Annotated[str | None, Query(max_length=255)]


@router.get("/audit")
def audit(
    app: Platform,
    principal: Auditor,
    actor: Short = None,
    action: Annotated[list[str] | None, Query(max_length=20)] = None,
    since: Short = None,
    until: Short = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Json:
    """Audit events, newest first, filtered by who, what and when."""
    query = _audit_query(actor, action, since, until, limit, offset)
    total, events = list_events(app, principal, query)
    return {"total": total, "events": [event_dict(e) for e in events]}


@router.get("/audit/verify")
def audit_verify(app: Platform, principal: Auditor) -> Json:
    """Walk the hash chain: is every event as it was written, and none missing?"""
    return dict(verify(app, principal).__dict__)


@router.get("/audit/export", response_class=StreamingResponse)
def audit_export(
    app: Platform,
    principal: Auditor,
    format: Annotated[str, Query(pattern="^(jsonl|syslog)$")] = "jsonl",
    actor: Short = None,
    action: Annotated[list[str] | None, Query(max_length=20)] = None,
    since: Short = None,
    until: Short = None,
) -> StreamingResponse:
    """Every matching event, oldest first, as JSON lines or RFC 5424 syslog lines."""
    lines = export_events(app, principal, _audit_query(actor, action, since, until), format)

    def body() -> Iterator[bytes]:
        for line in lines:
            yield (line + "\n").encode()

    return StreamingResponse(body(), media_type="text/plain; charset=utf-8")
