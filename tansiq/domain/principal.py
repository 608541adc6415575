"""Who is acting: every service function takes a principal so the policy gate has one place."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Principal:
    """A user, token or system process acting on the platform."""

    id: str
    name: str
    organisation: str
    roles: frozenset[str] = field(default_factory=frozenset)
    clearance: str | None = None

    @property
    def is_admin(self) -> bool:
        return "administrator" in self.roles


def local_administrator(organisation: str) -> Principal:
    """The built-in administrator used until identities exist (see the access-control issue)."""
    return Principal(
        id="local-admin",
        name="Local administrator",
        organisation=organisation,
        roles=frozenset({"administrator"}),
    )
