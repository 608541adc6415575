"""Organisations, users, tokens, sessions, sharing groups and releases (pure records)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from tansiq.exceptions import InvalidData

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")


def check_email(text: str) -> str:
    email = text.strip().lower()
    if not EMAIL.match(email):
        raise InvalidData(f"{text!r} is not an email address", field="email")
    return email


def check_slug(text: str, what: str) -> str:
    """Organisation and group names: lower-case letters, digits, dot, dash, underscore."""
    name = text.strip().lower()
    if not NAME.match(name):
        raise InvalidData(
            f"{what} name {text!r} must be 1-100 lower-case letters, digits, '.', '-' or '_'",
            field=what,
        )
    return name


@dataclass(frozen=True)
class Organisation:
    """An agency, airline or partner service. ``client_of`` makes it a TLP client of another."""

    name: str
    title: str
    kind: str = "agency"
    client_of: str | None = None
    created_at: str = ""


@dataclass(frozen=True)
class User:
    id: str
    email: str
    name: str
    organisation: str
    roles: frozenset[str]
    clearance: str | None
    password_hash: str | None
    created_at: str
    totp_secret: str | None = None
    active: bool = True
    failed_logins: int = 0
    locked_until: str | None = None


@dataclass(frozen=True)
class ApiToken:
    """A bearer token; only a hash of its secret is kept."""

    id: str
    user_id: str
    name: str
    secret_hash: str
    scope: str
    created_at: str
    expires_at: str | None = None
    revoked_at: str | None = None
    last_used_at: str | None = None


@dataclass(frozen=True)
class LoginSession:
    """A web session; the cookie holds a secret whose hash is ``id``."""

    id: str
    user_id: str
    csrf: str
    created_at: str
    expires_at: str
    ended_at: str | None = None


class MemberKind(StrEnum):
    ORGANISATION = "organisation"
    USER = "user"


@dataclass(frozen=True)
class SharingGroup:
    """Organisations and named users a dataset can be released to."""

    name: str
    title: str
    organisation: str
    created_at: str
    organisations: frozenset[str] = field(default_factory=frozenset)
    users: frozenset[str] = field(default_factory=frozenset)


class ReleaseStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REFUSED = "refused"
    REVOKED = "revoked"


@dataclass(frozen=True)
class Release:
    """A dataset released to a sharing group: requested by one user, approved by a supervisor."""

    id: str
    dataset: str
    group: str
    organisation: str
    requested_by: str
    requested_at: str
    status: ReleaseStatus = ReleaseStatus.REQUESTED
    decided_by: str | None = None
    decided_at: str | None = None
    reason: str | None = None
