"""The access policy: what a principal may read, as a scope the store applies to every query.

A statement is readable when the reader satisfies every marking on it (decision 0007):

* classification: unclassified, or a level the reader's clearance covers;
* TLP 2.0, by who the reader is relative to the statement's originating organisation and the
  dataset's releases to sharing groups:

  - ``CLEAR`` and ``GREEN``: every user of the platform (the community);
  - ``AMBER``: the originating organisation, its clients, and the organisations a release
    reached (with their clients);
  - ``AMBER+STRICT``: the originating organisation and the organisations a release reached;
  - ``RED``: the originating organisation and the users a release names in person.

``Scope.allows`` is the rule in Python; ``tansiq.store.sql.scope.visible`` is the same rule in
SQL, and a property test holds them equal.
"""

from __future__ import annotations

from dataclasses import dataclass

from tansiq.domain.markings import TLP
from tansiq.domain.principal import Principal
from tansiq.domain.roles import Permission
from tansiq.exceptions import PermissionDenied

COMMUNITY = frozenset({TLP.CLEAR.value, TLP.GREEN.value})


@dataclass(frozen=True)
class Scope:
    """What a reader may see. The default scope is unrestricted (the system operator)."""

    unrestricted: bool = True
    organisation: str | None = None
    client_of: frozenset[str] = frozenset()
    amber: frozenset[str] = frozenset()
    strict: frozenset[str] = frozenset()
    red: frozenset[str] = frozenset()
    levels: frozenset[str] = frozenset()

    def allows(self, tlp: str, classification: str | None, organisation: str, dataset: str) -> bool:
        """Whether a statement with these markings is readable."""
        if self.unrestricted:
            return True
        if classification is not None and classification not in self.levels:
            return False
        return self.allows_tlp(tlp, organisation, dataset)

    def allows_tlp(self, tlp: str, organisation: str, dataset: str) -> bool:
        if tlp in COMMUNITY or organisation == self.organisation:
            return True
        if tlp == TLP.AMBER.value:
            return organisation in self.client_of or dataset in self.amber
        if tlp == TLP.AMBER_STRICT.value:
            return dataset in self.strict
        return tlp == TLP.RED.value and dataset in self.red


def read_scope(principal: Principal) -> Scope:
    """The statements ``principal`` may read; refuses a principal without the read permission."""
    if not principal.can(Permission.READ):
        raise PermissionDenied(f"{principal.id} may not read data (role permissions)")
    if principal.system:
        return Scope()
    reach = principal.reach
    return Scope(
        unrestricted=False,
        organisation=principal.organisation,
        client_of=principal.client_of,
        amber=reach.amber | reach.strict,
        strict=reach.strict,
        red=reach.red,
        levels=principal.levels,
    )
