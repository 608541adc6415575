"""The policy scope as SQL: the one place reads are filtered (mirrors ``Scope.allows``)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from sqlalchemy import ColumnElement, FromClause, and_, or_, true

from tansiq.domain.markings import TLP
from tansiq.domain.policy import COMMUNITY, Scope


@lru_cache(maxsize=512)
def visible(table: FromClause, scope: Scope) -> ColumnElement[bool]:
    """A condition on ``statements`` rows that keeps what ``scope`` may read.

    Built once per (table, scope) and reused: the same reader's queries then cost no expression
    building, and SQLAlchemy's compiled cache keys them alike.
    """
    if scope.unrestricted:
        return true()
    c = table.c
    reach = [c.tlp.in_(sorted(COMMUNITY)), c.organisation == scope.organisation]
    reach += _released(c.tlp, c.organisation, TLP.AMBER, scope.client_of)
    reach += _released(c.tlp, c.dataset, TLP.AMBER, scope.amber)
    reach += _released(c.tlp, c.dataset, TLP.AMBER_STRICT, scope.strict)
    reach += _released(c.tlp, c.dataset, TLP.RED, scope.red)
    return and_(cleared(c.classification, scope), or_(*reach))


def _released(
    tlp: ColumnElement[str], column: ColumnElement[str], label: TLP, names: Iterable[str]
) -> list[ColumnElement[bool]]:
    chosen = sorted(names)
    if not chosen:
        return []
    return [and_(tlp == label.value, column.in_(chosen))]


def cleared(classification: ColumnElement[str | None], scope: Scope) -> ColumnElement[bool]:
    """Unclassified, or a level the reader's clearance covers."""
    if scope.unrestricted:
        return true()
    level: ColumnElement[bool] = classification.is_(None)
    if scope.levels:
        level = or_(level, classification.in_(sorted(scope.levels)))
    return level
