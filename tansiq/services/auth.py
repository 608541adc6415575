"""Authentication: passwords, TOTP, API tokens and web sessions, resolved to a principal.

A principal carries what the policy needs (organisation, clients, clearance levels, and the
datasets released to the reader through sharing groups), resolved afresh on every request.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from tansiq.domain.audit import AuditAction
from tansiq.domain.identity import LoginSession, MemberKind, ReleaseStatus, User
from tansiq.domain.principal import Principal, Reach
from tansiq.domain.roles import TOKEN_SCOPES, Permission
from tansiq.domain.statement import utc_now
from tansiq.exceptions import NotAuthenticated, NotFound, PermissionDenied
from tansiq.services.app import Tansiq
from tansiq.services.audit import record, record_now

log = logging.getLogger(__name__)

HASHER = PasswordHasher()
MAX_FAILURES = 5
LOCK_MINUTES = 15
SESSION_HOURS = 12
TOKEN_PREFIX = "tsq_"
MIN_PASSWORD = 12
DUMMY_HASH = HASHER.hash("not a password of anyone")


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise PermissionDenied(f"passwords need at least {MIN_PASSWORD} characters")
    return HASHER.hash(password)


def password_matches(stored: str | None, password: str) -> bool:
    if not stored:
        return False
    try:
        return HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def secret_hash(app: Tansiq, secret: str) -> str:
    """HMAC-SHA256 of a token or session secret under TANSIQ_SECRET_KEY: the database alone does
    not let anyone check a guessed secret, and rotating the key ends every session and token."""
    key = app.settings.secret_key.encode()
    return hmac.new(key, secret.encode(), hashlib.sha256).hexdigest()


def later(**delta: float) -> str:
    return (datetime.now(UTC) + timedelta(**delta)).strftime("%Y-%m-%dT%H:%M:%S")


def principal_for(
    app: Tansiq, user: User, grants: frozenset[Permission] | None = None
) -> Principal:
    """The principal of ``user``: roles, clearance levels, clients and released datasets.

    Cached per process while the store's identity version (bumped by every change to accounts,
    groups and releases) and the user row stay the same, so a request costs one small query.
    """
    version = app.store.identity_version()
    key = (user.id, grants)
    cached = app.principals.get(key)
    if cached is not None and cached[0] == version and cached[1] == user:
        found: Principal = cached[2]
        return found
    principal = _resolve(app, user, grants)
    app.principals[key] = (version, user, principal)
    return principal


def _resolve(app: Tansiq, user: User, grants: frozenset[Permission] | None) -> Principal:
    org = app.store.organisation(user.organisation)
    client_of = frozenset({org.client_of}) if org and org.client_of else frozenset()
    return Principal(
        id=user.email,
        name=user.name,
        organisation=user.organisation,
        roles=user.roles,
        clearance=user.clearance,
        levels=_levels(app.ladder, user.clearance),
        client_of=client_of,
        reach=_reach(app, user, client_of),
        grants=grants,
    )


def _levels(ladder: tuple[str, ...], clearance: str | None) -> frozenset[str]:
    """The ladder up to the clearance; the lowest level (e.g. UNCLASSIFIED) for everyone."""
    top = ladder.index(clearance) if clearance in ladder else 0
    return frozenset(ladder[: top + 1])


def _reach(app: Tansiq, user: User, client_of: frozenset[str]) -> Reach:
    memberships = app.store.groups_of({user.organisation, *client_of}, user.email)
    if not memberships:
        return Reach()
    released: dict[str, set[str]] = {}
    for rel in app.store.releases(
        groups={g for g, _, _ in memberships}, status=ReleaseStatus.APPROVED
    ):
        released.setdefault(rel.group, set()).add(rel.dataset)
    amber: set[str] = set()
    strict: set[str] = set()
    red: set[str] = set()
    for group, kind, member in memberships:
        datasets = released.get(group, set())
        amber |= datasets
        if kind == MemberKind.USER.value:
            red |= datasets
        if kind == MemberKind.USER.value or member == user.organisation:
            strict |= datasets
    return Reach(amber=frozenset(amber), strict=frozenset(strict), red=frozenset(red))


def principal_by_email(app: Tansiq, email: str) -> Principal:
    """The principal of an active user (the CLI's ``--as EMAIL``)."""
    user = app.store.user(email=email.strip().lower())
    if user is None or not user.active:
        raise NotFound(f"no active user {email!r}")
    return principal_for(app, user)


def login(
    app: Tansiq, email: str, password: str, code: str | None = None, source: str | None = None
) -> tuple[str, str]:
    """Check a password (and TOTP code); returns (cookie secret, CSRF token) of a new session.

    After ``MAX_FAILURES`` wrong attempts the account is locked for ``LOCK_MINUTES``; the
    error never says whether the email exists. ``source`` is the client's address: after
    ``app.login_failures.limit`` failures from it within its window, it is refused outright.
    """
    if source is not None and app.login_failures.blocked(source):
        _refuse(app, email, f"too many failed logins from {source}", source)
    user = app.store.user(email=email.strip().lower())
    now = utc_now()
    if user is None or not user.active:
        password_matches(DUMMY_HASH, password)  # the same work: timing does not tell who exists
        _refuse(app, email, "unknown or inactive account", source)
    assert user is not None
    if user.locked_until and user.locked_until > now:
        _refuse(app, email, "account locked after repeated failures", source)
    if not password_matches(user.password_hash, password) or not _totp_ok(user, code):
        _count_failure(app, user)
        _refuse(app, email, "wrong password or code", source)
    secret = secrets.token_urlsafe(32)
    session = LoginSession(
        id=secret_hash(app, secret),
        user_id=user.id,
        csrf=secrets.token_urlsafe(24),
        created_at=now,
        expires_at=later(hours=SESSION_HOURS),
    )
    principal = principal_for(app, user)
    with app.store.transaction() as writer:
        writer.put_user(_with_failures(user, 0, None))
        writer.put_session(session)
        record(writer, principal, AuditAction.LOGIN, user.email, method="password")
    return secret, session.csrf


def _totp_ok(user: User, code: str | None) -> bool:
    if not user.totp_secret:
        return True
    return bool(code) and pyotp.TOTP(user.totp_secret).verify(str(code).strip(), valid_window=1)


def _with_failures(user: User, failures: int, locked_until: str | None) -> User:
    return replace(user, failed_logins=failures, locked_until=locked_until)


def _count_failure(app: Tansiq, user: User) -> None:
    failures = user.failed_logins + 1
    locked = later(minutes=LOCK_MINUTES) if failures >= MAX_FAILURES else None
    with app.store.transaction() as writer:
        writer.put_user(_with_failures(user, 0 if locked else failures, locked))


def _refuse(app: Tansiq, email: str, why: str, source: str | None = None) -> None:
    anonymous = Principal(id=email.strip().lower()[:255] or "?", name="", organisation="-")
    if source is not None:
        app.login_failures.fail(source)
    record_now(app, anonymous, AuditAction.LOGIN_FAILED, anonymous.id, reason=why, source=source)
    raise NotAuthenticated("wrong email, password or code (or the account is locked)")


def session_principal(app: Tansiq, secret: str) -> tuple[Principal, LoginSession]:
    """The principal and session behind a session cookie; refuses ended or expired ones."""
    session = app.store.login_session(secret_hash(app, secret))
    if session is None or session.ended_at or session.expires_at <= utc_now():
        raise NotAuthenticated("the session has ended; log in again")
    user = app.store.user(user_id=session.user_id)
    if user is None or not user.active:
        raise NotAuthenticated("the account is no longer active")
    return principal_for(app, user), session


def logout(app: Tansiq, secret: str) -> None:
    principal, session = session_principal(app, secret)
    with app.store.transaction() as writer:
        writer.end_session(session.id, utc_now())
        record(writer, principal, AuditAction.LOGOUT, principal.id)


def token_principal(app: Tansiq, bearer: str) -> Principal:
    """The principal of an API token ``tsq_<id>_<secret>``; refuses unknown, expired, revoked."""
    token_id, _, secret = bearer.removeprefix(TOKEN_PREFIX).partition("_")
    token = app.store.token(token_id) if bearer.startswith(TOKEN_PREFIX) and secret else None
    if token is None or not hmac.compare_digest(token.secret_hash, secret_hash(app, secret)):
        raise NotAuthenticated("unknown API token")
    if token.revoked_at or (token.expires_at and token.expires_at <= utc_now()):
        raise NotAuthenticated("the API token is expired or revoked")
    user = app.store.user(user_id=token.user_id)
    if user is None or not user.active:
        raise NotAuthenticated("the token's account is no longer active")
    return principal_for(app, user, TOKEN_SCOPES.get(token.scope, frozenset()))
