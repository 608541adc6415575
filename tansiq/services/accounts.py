"""Administration: organisations, users, API tokens and sharing groups (audited)."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import replace

import pyotp

from tansiq.domain.audit import AuditAction
from tansiq.domain.identity import (
    ApiToken,
    Organisation,
    SharingGroup,
    User,
    check_email,
    check_slug,
)
from tansiq.domain.markings import TLP
from tansiq.domain.principal import Principal
from tansiq.domain.roles import TOKEN_SCOPES, Permission, Role
from tansiq.domain.statement import utc_now
from tansiq.exceptions import Conflict, InvalidData, NotFound, PermissionDenied
from tansiq.services.access import require
from tansiq.services.app import Tansiq
from tansiq.services.audit import record
from tansiq.services.auth import TOKEN_PREFIX, hash_password, later, secret_hash


def create_organisation(
    app: Tansiq,
    principal: Principal,
    name: str,
    *,
    title: str | None = None,
    kind: str = "agency",
    client_of: str | None = None,
) -> Organisation:
    """Create (or retitle) an organisation; ``client_of`` names the one it is a TLP client of."""
    require(principal, Permission.ADMIN)
    name = check_slug(name, "organisation")
    if client_of is not None and app.store.organisation(client_of) is None:
        raise NotFound(f"no organisation called {client_of!r}")
    org = Organisation(name, title or name, kind, client_of, utc_now())
    with app.store.transaction() as writer:
        writer.put_organisation(org)
        record(writer, principal, AuditAction.ORG_CHANGE, name, kind=kind, client_of=client_of)
    return org


def _organisation(app: Tansiq, name: str) -> Organisation:
    org = app.store.organisation(name)
    if org is None:
        raise NotFound(f"no organisation called {name!r} (create it with `tansiq orgs create`)")
    return org


def create_user(
    app: Tansiq,
    principal: Principal,
    email: str,
    *,
    organisation: str,
    roles: list[str],
    clearance: str | None = None,
    password: str | None = None,
    name: str | None = None,
) -> User:
    """Create a user; without a password they can only use API tokens until one is set."""
    require(principal, Permission.ADMIN)
    email = check_email(email)
    if app.store.user(email=email) is not None:
        raise Conflict(f"a user {email!r} exists already")
    _organisation(app, organisation)
    user = User(
        id=uuid.uuid4().hex,
        email=email,
        name=name or email.split("@")[0],
        organisation=organisation,
        roles=frozenset(Role.parse(r).value for r in roles) or frozenset({Role.ANALYST.value}),
        clearance=_clearance(app, clearance),
        password_hash=hash_password(password) if password else None,
        created_at=utc_now(),
    )
    _save_user(app, principal, user, "create")
    return user


def _clearance(app: Tansiq, clearance: str | None) -> str | None:
    if clearance is None:
        return None
    level = clearance.strip().upper()
    if level not in app.ladder:
        raise InvalidData(
            f"unknown clearance {clearance!r} (levels: {', '.join(app.ladder)})", field="clearance"
        )
    return level


def _save_user(app: Tansiq, principal: Principal, user: User, change: str) -> None:
    with app.store.transaction() as writer:
        writer.put_user(user)
        record(
            writer,
            principal,
            AuditAction.USER_CHANGE,
            user.email,
            change=change,
            organisation=user.organisation,
            roles=sorted(user.roles),
            clearance=user.clearance,
            active=user.active,
        )


def get_user(app: Tansiq, email: str) -> User:
    user = app.store.user(email=email.strip().lower())
    if user is None:
        raise NotFound(f"no user {email!r}")
    return user


def update_user(
    app: Tansiq,
    principal: Principal,
    email: str,
    *,
    roles: list[str] | None = None,
    clearance: str | None = None,
    active: bool | None = None,
    password: str | None = None,
) -> User:
    """Change roles, clearance, password or whether the account is active."""
    user = get_user(app, email)
    own_password = bool(password) and roles is None and clearance is None and active is None
    if not (principal.can(Permission.ADMIN) or (own_password and principal.id == user.email)):
        raise PermissionDenied(f"{principal.id} may not change {user.email}")
    changed = replace(
        user,
        roles=frozenset(Role.parse(r).value for r in roles) if roles else user.roles,
        clearance=_clearance(app, clearance) if clearance else user.clearance,
        active=user.active if active is None else active,
        password_hash=hash_password(password) if password else user.password_hash,
        failed_logins=0 if password else user.failed_logins,
        locked_until=None if password else user.locked_until,
    )
    _save_user(app, principal, changed, "password" if password and not roles else "update")
    return changed


def enable_totp(app: Tansiq, principal: Principal, email: str) -> str:
    """Give a user a TOTP second factor; returns the provisioning URI (shown once)."""
    user = get_user(app, email)
    if not (principal.can(Permission.ADMIN) or principal.id == user.email):
        raise PermissionDenied(f"{principal.id} may not change {user.email}")
    secret = pyotp.random_base32()
    _save_user(app, principal, replace(user, totp_secret=secret), "totp")
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name="Tansiq")


def list_users(app: Tansiq, principal: Principal) -> list[User]:
    require(principal, Permission.ADMIN)
    return app.store.users()


def list_organisations(app: Tansiq, principal: Principal) -> list[Organisation]:
    """Organisations are known to every signed-in user (to choose sharing partners)."""
    return app.store.organisations()


def create_token(
    app: Tansiq,
    principal: Principal,
    email: str,
    *,
    name: str = "api",
    scope: str = "write",
    days: int | None = 90,
) -> tuple[ApiToken, str]:
    """A new API token for ``email``: (record, the secret to show once)."""
    user = get_user(app, email)
    if not (principal.can(Permission.ADMIN) or principal.id == user.email):
        raise PermissionDenied(f"{principal.id} may not create tokens for {user.email}")
    if scope not in TOKEN_SCOPES:
        raise InvalidData(
            f"unknown token scope {scope!r} ({', '.join(TOKEN_SCOPES)})", field="scope"
        )
    token_id = uuid.uuid4().hex[:16]
    secret = secrets.token_urlsafe(32)
    token = ApiToken(
        id=token_id,
        user_id=user.id,
        name=name,
        secret_hash=secret_hash(app, secret),
        scope=scope,
        created_at=utc_now(),
        expires_at=later(days=days) if days else None,
    )
    with app.store.transaction() as writer:
        writer.put_token(token)
        record(writer, principal, AuditAction.TOKEN_CREATE, user.email, token=token_id, scope=scope)
    return token, f"{TOKEN_PREFIX}{token_id}_{secret}"


def list_tokens(app: Tansiq, principal: Principal, email: str | None = None) -> list[ApiToken]:
    """Tokens of one user (one's own, or anyone's for an administrator)."""
    if email is None and principal.can(Permission.ADMIN):
        return app.store.tokens()
    user = get_user(app, email or principal.id)
    if not (principal.can(Permission.ADMIN) or principal.id == user.email):
        raise PermissionDenied(f"{principal.id} may not list the tokens of {user.email}")
    return app.store.tokens(user.id)


def revoke_token(app: Tansiq, principal: Principal, token_id: str) -> ApiToken:
    token = app.store.token(token_id)
    owner = app.store.user(user_id=token.user_id) if token else None
    if token is None or owner is None:
        raise NotFound(f"no token {token_id!r}")
    if not (principal.can(Permission.ADMIN) or principal.id == owner.email):
        raise PermissionDenied(f"{principal.id} may not revoke tokens of {owner.email}")
    with app.store.transaction() as writer:
        writer.revoke_token(token_id, utc_now())
        record(writer, principal, AuditAction.TOKEN_REVOKE, owner.email, token=token_id)
    return replace(token, revoked_at=utc_now())


def create_group(
    app: Tansiq,
    principal: Principal,
    name: str,
    *,
    organisations: list[str],
    users: list[str] | None = None,
    title: str | None = None,
) -> SharingGroup:
    """Create or redefine a sharing group of organisations and named users."""
    require(principal, Permission.ADMIN)
    name = check_slug(name, "group")
    for org in organisations:
        _organisation(app, org)
    emails = [get_user(app, email).email for email in users or []]
    owner = organisations[0] if organisations else principal.organisation
    group = SharingGroup(
        name=name,
        title=title or name,
        organisation=owner,
        created_at=utc_now(),
        organisations=frozenset(organisations),
        users=frozenset(emails),
    )
    with app.store.transaction() as writer:
        writer.put_group(group)
        record(
            writer,
            principal,
            AuditAction.GROUP_CHANGE,
            name,
            organisations=sorted(group.organisations),
            users=sorted(group.users),
        )
    return group


def list_groups(app: Tansiq, principal: Principal) -> list[SharingGroup]:
    """Groups the principal's organisation belongs to (all of them for an administrator)."""
    groups = app.store.groups()
    if principal.can(Permission.ADMIN):
        return groups
    return [
        g for g in groups if principal.organisation in g.organisations or principal.id in g.users
    ]


def recording_choices(app: Tansiq, principal: Principal) -> dict[str, list[str]]:
    """The TLP labels and classifications (up to the clearance) a user may record under."""
    levels = [c for c in app.ladder if principal.system or c in principal.levels]
    can_write = principal.can(Permission.WRITE)
    return {
        "tlps": [t.value for t in TLP] if can_write else [],
        "classifications": levels if can_write else [],
    }
