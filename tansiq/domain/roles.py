"""Roles and the permissions they grant.

A role says what kind of work a user does; the marking policy (``tansiq.domain.policy``)
separately says which statements they may see. Administrators manage accounts and groups but
read data under the same markings as everyone; auditors read the audit trail and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from tansiq.exceptions import InvalidData


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    ANALYST = "analyst"
    SUPERVISOR = "supervisor"
    LIAISON = "liaison"
    AUDITOR = "auditor"

    @classmethod
    def parse(cls, text: str) -> Role:
        key = text.strip().lower().replace(" ", "_").removesuffix("_officer")
        for role in cls:
            if role.value == key:
                return role
        names = ", ".join(r.value for r in cls)
        raise InvalidData(f"unknown role {text!r} (expected one of {names})", field="role")


class Permission(StrEnum):
    """What a route or service needs; every route of the app names one (or ``public``)."""

    READ = "read"
    WRITE = "write"
    SCREEN = "screen"
    DECIDE = "decide"
    SHARE = "share"
    RELEASE = "release"
    AUDIT = "audit"
    ADMIN = "admin"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMINISTRATOR: frozenset({Permission.READ, Permission.ADMIN}),
    Role.ANALYST: frozenset(
        {Permission.READ, Permission.WRITE, Permission.SCREEN, Permission.DECIDE, Permission.SHARE}
    ),
    Role.SUPERVISOR: frozenset(
        {
            Permission.READ,
            Permission.WRITE,
            Permission.SCREEN,
            Permission.DECIDE,
            Permission.SHARE,
            Permission.RELEASE,
        }
    ),
    Role.LIAISON: frozenset({Permission.READ, Permission.WRITE, Permission.SHARE}),
    Role.AUDITOR: frozenset({Permission.AUDIT}),
}

TOKEN_SCOPES: dict[str, frozenset[Permission]] = {
    "read": frozenset({Permission.READ, Permission.AUDIT}),
    "write": frozenset(Permission) - {Permission.ADMIN},
    "all": frozenset(Permission),
}


def permissions_of(roles: Iterable[str]) -> frozenset[Permission]:
    """Every permission any of ``roles`` grants."""
    granted: set[Permission] = set()
    for name in roles:
        granted |= ROLE_PERMISSIONS.get(Role(name), frozenset())
    return frozenset(granted)
