"""The access policy, as a scope of what a principal may read.

Today every principal is the built-in administrator and sees everything; the access-control
issue fills in TLP, classification and sharing-group rules here, and the store applies the scope
to every query, so there is one gate.
"""

from __future__ import annotations

from dataclasses import dataclass

from tansiq.domain.markings import TLP
from tansiq.domain.principal import Principal


@dataclass(frozen=True)
class Scope:
    """What a reader may see: ``None`` in a field means no restriction on it."""

    tlps: frozenset[TLP] | None = None
    organisation: str | None = None

    @property
    def unrestricted(self) -> bool:
        return self.tlps is None


def read_scope(principal: Principal) -> Scope:
    """The statements ``principal`` may read."""
    if principal.is_admin:
        return Scope()
    return Scope(tlps=frozenset({TLP.CLEAR, TLP.GREEN}), organisation=principal.organisation)
