"""Web pages for signing in, one's account, administration, sharing and the audit trail."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from tansiq.domain.identity import ReleaseStatus
from tansiq.exceptions import NotAuthenticated
from tansiq.interfaces.http import (
    SESSION_COOKIE,
    Administrator,
    Anyone,
    Auditor,
    Public,
    Reader,
    Releaser,
    Sharer,
    get_platform,
)
from tansiq.interfaces.web.templating import page
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
    revoke_token,
)
from tansiq.services.audit import list_events, verify
from tansiq.services.auth import SESSION_HOURS, login, logout
from tansiq.services.datasets import list_datasets
from tansiq.services.sharing import decide_release, list_releases, request_release
from tansiq.store.port import AuditQuery

router = APIRouter(include_in_schema=False)
Platform = Annotated[Tansiq, Depends(get_platform)]
Text = Annotated[str, Form(max_length=1000)]
OptionalText = Annotated[str | None, Form(max_length=1000)]
AUDIT_PAGE = 100


def _safe_next(target: str | None) -> str:
    """Only local paths: never redirect a user to another site after login."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return "/"


@router.get("/login", response_class=HTMLResponse, dependencies=[Public])
def login_page(request: Request, next: str | None = None) -> HTMLResponse:
    return page(request, "login.html", next=_safe_next(next), error=None)


@router.post("/login", dependencies=[Public])
def login_form(
    request: Request,
    app: Platform,
    email: Text,
    password: Text,
    code: OptionalText = None,
    next: OptionalText = None,
) -> Response:
    """Check the password (and code); set the session cookie and go on."""
    try:
        source = request.client.host if request.client else None
        secret, _ = login(app, email, password, code or None, source)
    except NotAuthenticated as exc:
        return page(request, "login.html", status=401, next=_safe_next(next), error=str(exc))
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        secret,
        max_age=SESSION_HOURS * 3600,
        httponly=True,
        samesite="strict",
        secure=app.settings.environment == "production",
    )
    return response


@router.post("/logout")
def logout_form(request: Request, app: Platform, principal: Anyone) -> Response:
    logout(app, request.cookies[SESSION_COOKIE])
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, app: Platform, principal: Anyone) -> HTMLResponse:
    """Who am I, what may I do, and my API tokens."""
    tokens = list_tokens(app, principal, principal.id) if not principal.system else []
    return page(request, "account.html", tokens=tokens, secret=None)


@router.post("/account/tokens", response_class=HTMLResponse)
def account_token(
    request: Request, app: Platform, principal: Anyone, name: Text, scope: Text = "read"
) -> HTMLResponse:
    _, secret = create_token(app, principal, principal.id, name=name, scope=scope)
    tokens = list_tokens(app, principal, principal.id)
    return page(request, "account.html", tokens=tokens, secret=secret)


@router.post("/account/tokens/{token_id}/revoke")
def account_revoke(app: Platform, principal: Anyone, token_id: str) -> Response:
    revoke_token(app, principal, token_id)
    return RedirectResponse("/account", status_code=303)


def _admin_page(
    request: Request, app: Tansiq, principal: Administrator, **extra: object
) -> HTMLResponse:
    return page(
        request,
        "admin.html",
        organisations=list_organisations(app, principal),
        users=list_users(app, principal),
        groups=list_groups(app, principal),
        tokens=list_tokens(app, principal),
        roles=["analyst", "supervisor", "liaison", "auditor", "administrator"],
        ladder=app.ladder,
        secret=extra.get("secret"),
    )


@router.get("/admin", response_class=HTMLResponse)
def admin_page(request: Request, app: Platform, principal: Administrator) -> HTMLResponse:
    return _admin_page(request, app, principal)


@router.post("/admin/organisations")
def admin_organisation(
    app: Platform,
    principal: Administrator,
    name: Text,
    title: OptionalText = None,
    kind: Text = "agency",
    client_of: OptionalText = None,
) -> Response:
    create_organisation(app, principal, name, title=title, kind=kind, client_of=client_of or None)
    return RedirectResponse("/admin", status_code=303)


@router.post("/admin/users")
def admin_user(
    app: Platform,
    principal: Administrator,
    email: Text,
    organisation: Text,
    role: Text,
    password: OptionalText = None,
    clearance: OptionalText = None,
) -> Response:
    create_user(
        app,
        principal,
        email,
        organisation=organisation,
        roles=[role],
        clearance=clearance or None,
        password=password or None,
    )
    return RedirectResponse("/admin", status_code=303)


@router.post("/admin/groups")
def admin_group(
    app: Platform,
    principal: Administrator,
    name: Text,
    organisations: Annotated[list[str], Form()],
    users: OptionalText = None,
) -> Response:
    named = [u.strip() for u in (users or "").split(",") if u.strip()]
    create_group(app, principal, name, organisations=organisations, users=named)
    return RedirectResponse("/admin", status_code=303)


@router.post("/admin/tokens", response_class=HTMLResponse)
def admin_token(
    request: Request, app: Platform, principal: Administrator, email: Text, scope: Text = "read"
) -> HTMLResponse:
    _, secret = create_token(app, principal, email, scope=scope)
    return _admin_page(request, app, principal, secret=secret)


@router.get("/releases", response_class=HTMLResponse)
def releases_page(request: Request, app: Platform, principal: Reader) -> HTMLResponse:
    """Releases of my organisation's datasets to sharing groups, and the four-eyes approvals."""
    return page(
        request,
        "releases.html",
        releases=list_releases(app, principal),
        datasets=[
            d for d in list_datasets(app, principal) if d.organisation == principal.organisation
        ],
        groups=list_groups(app, principal),
    )


@router.post("/releases")
def release_request(
    app: Platform, principal: Sharer, dataset: Text, group: Text, reason: OptionalText = None
) -> Response:
    request_release(app, principal, dataset, group, reason)
    return RedirectResponse("/releases", status_code=303)


@router.post("/releases/{release_id}/decision")
def release_decision(
    app: Platform, principal: Releaser, release_id: str, decision: Text, reason: OptionalText = None
) -> Response:
    decide_release(app, principal, release_id, decision == "approve", reason)
    return RedirectResponse("/releases", status_code=303)


@router.get("/audit", response_class=HTMLResponse)
def audit_page(
    request: Request,
    app: Platform,
    principal: Auditor,
    actor: Annotated[str | None, Query(max_length=255)] = None,
    action: Annotated[list[str] | None, Query()] = None,
    since: Annotated[str | None, Query(max_length=32)] = None,
    until: Annotated[str | None, Query(max_length=32)] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    check: bool = False,
) -> HTMLResponse:
    """The audit trail with filters, and on request a verification of the whole chain."""
    actions = tuple(a.strip() for value in action or () for a in value.split(",") if a.strip())
    query = AuditQuery(
        actor or None, None, actions, since or None, until or None, AUDIT_PAGE, offset
    )
    total, events = list_events(app, principal, query)
    return page(
        request,
        "audit.html",
        total=total,
        events=events,
        query=query,
        verified=verify(app, principal) if check else None,
        statuses=[s.value for s in ReleaseStatus],
    )
