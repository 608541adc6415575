"""HTTP plumbing shared by the API and the web pages: the platform, authentication and the
access rule every route declares (default deny: the app refuses to start with a route that has
none, and a test enumerates them).

* ``/api/...`` authenticates with ``Authorization: Bearer TOKEN`` (401 without one); a signed-in
  browser may also GET the API with its session cookie (the pages' JSON twins);
* web pages authenticate with the session cookie set by ``/login``; unsafe methods also need the
  session's CSRF token (form field ``csrf_token`` or header ``X-CSRF-Token``).
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, Iterator
from typing import Annotated, Any

from fastapi import Depends, Request, UploadFile
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool

from tansiq.domain.audit import AuditAction
from tansiq.domain.principal import Principal
from tansiq.domain.roles import Permission
from tansiq.exceptions import NotAuthenticated, PermissionDenied
from tansiq.services import Tansiq
from tansiq.services.audit import record_now
from tansiq.services.auth import session_principal, token_principal
from tansiq.services.jobs import ScreeningJobs

SESSION_COOKIE = "tansiq_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
ACCESS_ATTRIBUTE = "__tansiq_access__"
PUBLIC = "public"
AUTHENTICATED = "authenticated"
FRAMEWORK_PATHS = frozenset(
    {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc", "/static"}
)


def get_platform(request: Request) -> Tansiq:
    """The platform opened by the app factory."""
    platform: Tansiq = request.app.state.tansiq
    return platform


def get_jobs(request: Request) -> ScreeningJobs:
    """The app's background screening worker."""
    jobs: ScreeningJobs = request.app.state.jobs
    return jobs


def _bearer(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise NotAuthenticated(
            "send 'Authorization: Bearer TOKEN' (create a token with `tansiq tokens create EMAIL`)"
        )
    return token.strip()


def _has_bearer(request: Request) -> bool:
    return bool(request.headers.get("authorization"))


async def _check_csrf(request: Request, expected: str) -> None:
    given = request.headers.get(CSRF_HEADER)
    if given is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        given = value if isinstance(value, str) else None
    if not given or not hmac.compare_digest(given, expected):
        raise PermissionDenied("missing or wrong CSRF token: reload the page and try again")


async def authenticate(request: Request) -> Principal:
    """The principal behind the request's token (API) or session cookie (web)."""
    app = get_platform(request)
    cookie = request.cookies.get(SESSION_COOKIE)
    api = request.url.path.startswith("/api/")
    if api and (request.method not in SAFE_METHODS or not cookie or _has_bearer(request)):
        return await run_in_threadpool(token_principal, app, _bearer(request))
    if not cookie:
        raise NotAuthenticated("log in to continue")
    principal, session = await run_in_threadpool(session_principal, app, cookie)
    request.state.csrf = session.csrf
    if request.method not in SAFE_METHODS:
        await _check_csrf(request, session.csrf)
    return principal


def needs(permission: Permission | None) -> Callable[[Request], Awaitable[Principal]]:
    """A dependency that authenticates and requires ``permission`` (``None``: any user)."""

    async def dependency(request: Request) -> Principal:
        principal = await authenticate(request)
        request.state.principal = principal
        if permission is not None and not principal.can(permission):
            app = get_platform(request)
            target = f"{request.method} {request.url.path}"
            await run_in_threadpool(
                record_now, app, principal, AuditAction.DENIED, target, needs=permission.value
            )
            raise PermissionDenied(f"{principal.id} may not {permission.value} here")
        return principal

    setattr(dependency, ACCESS_ATTRIBUTE, permission.value if permission else AUTHENTICATED)
    return dependency


def public(request: Request) -> None:
    """The access rule of pages anyone may open (health, login)."""
    request.state.principal = None


setattr(public, ACCESS_ATTRIBUTE, PUBLIC)

Reader = Annotated[Principal, Depends(needs(Permission.READ))]
Recorder = Annotated[Principal, Depends(needs(Permission.WRITE))]
Screener = Annotated[Principal, Depends(needs(Permission.SCREEN))]
Decider = Annotated[Principal, Depends(needs(Permission.DECIDE))]
Sharer = Annotated[Principal, Depends(needs(Permission.SHARE))]
Releaser = Annotated[Principal, Depends(needs(Permission.RELEASE))]
Auditor = Annotated[Principal, Depends(needs(Permission.AUDIT))]
Administrator = Annotated[Principal, Depends(needs(Permission.ADMIN))]
Anyone = Annotated[Principal, Depends(needs(None))]
Public = Depends(public)


def access_rule(route: APIRoute) -> str | None:
    """The access rule a route declares through its dependencies, if any."""
    pending: list[Any] = [route.dependant]
    while pending:
        dependant = pending.pop()
        rule = getattr(dependant.call, ACCESS_ATTRIBUTE, None)
        if rule is not None:
            return str(rule)
        pending.extend(dependant.dependencies)
    return None


def flat_routes(routes: list[Any]) -> Iterator[Any]:
    """Every route, looking inside included routers (FastAPI may keep them nested)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from flat_routes(inner.routes)
        else:
            yield route


def unguarded(routes: list[Any]) -> list[str]:
    """Routes with no access rule (the app refuses to start if there is one)."""
    missing = []
    for route in flat_routes(routes):
        path = getattr(route, "path", "")
        if isinstance(route, APIRoute):
            if access_rule(route) is None:
                missing.append(f"{sorted(route.methods or ())} {path}")
        elif path not in FRAMEWORK_PATHS:
            missing.append(path)
    return missing


def read_uploads(app: Tansiq, files: list[UploadFile]) -> list[tuple[str, bytes | None]]:
    """Uploaded files as (name, bytes); ``None`` for a file past TANSIQ_MAX_UPLOAD_MB."""
    limit = app.settings.max_upload_mb << 20
    found: list[tuple[str, bytes | None]] = []
    for upload in files:
        data = upload.file.read(limit + 1)
        found.append((upload.filename or "upload", None if len(data) > limit else data))
    return found
