"""Who is acting: every service function takes a principal so the policy gate has one place."""

from __future__ import annotations

from dataclasses import dataclass, field

from tansiq.domain.roles import Permission, permissions_of


@dataclass(frozen=True)
class Reach:
    """The datasets released to a reader through sharing groups, by the TLP they may read there.

    ``strict`` holds datasets released to a group the reader's organisation belongs to (or that
    names the reader); ``amber`` adds those released to an organisation the reader's is a client
    of; ``red`` holds datasets released to a group naming the reader in person.
    """

    amber: frozenset[str] = frozenset()
    strict: frozenset[str] = frozenset()
    red: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Principal:
    """A user, token or system process acting on the platform.

    ``levels`` are the classifications the principal's clearance covers (unclassified
    statements are always readable); ``grants`` narrows the roles' permissions (an API token's
    scope); ``system`` is the operator at the server's own command line, not bound by markings.
    """

    id: str
    name: str
    organisation: str
    roles: frozenset[str] = field(default_factory=frozenset)
    clearance: str | None = None
    levels: frozenset[str] = frozenset()
    client_of: frozenset[str] = frozenset()
    reach: Reach = field(default_factory=Reach)
    grants: frozenset[Permission] | None = None
    system: bool = False

    @property
    def is_admin(self) -> bool:
        return self.system or "administrator" in self.roles

    @property
    def permissions(self) -> frozenset[Permission]:
        if self.system:
            return frozenset(Permission)
        granted = permissions_of(self.roles)
        return granted if self.grants is None else granted & self.grants

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions


def local_administrator(organisation: str) -> Principal:
    """The operator at the server's command line: every permission, no marking restriction.

    Only the CLI run without ``--as`` acts as this principal (whoever can run it can read the
    database file anyway); the API and the web always act as an authenticated user.
    """
    return Principal(
        id="local-admin",
        name="Local administrator",
        organisation=organisation,
        roles=frozenset({"administrator"}),
        system=True,
    )
