"""The policy scope as SQL: the one place reads are filtered."""

from __future__ import annotations

from sqlalchemy import ColumnElement, FromClause, and_, true

from tansiq.domain.policy import Scope


def visible(table: FromClause, scope: Scope) -> ColumnElement[bool]:
    """A condition on ``statements`` rows that keeps what ``scope`` may read."""
    if scope.unrestricted or scope.tlps is None:
        return true()
    return and_(table.c.tlp.in_([t.value for t in scope.tlps]))
