"""Search over the term index: every word must match as a prefix; facets by schema, dataset,
marking; everything filtered by the reader's scope."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    case,
    exists,
    func,
    literal,
    select,
)

from tansiq.domain.policy import Scope
from tansiq.domain.statement import BASE_PROP
from tansiq.domain.text import terms
from tansiq.store.port import SearchQuery
from tansiq.store.sql.scope import visible
from tansiq.store.sql.tables import search_terms, statements

FACETS = {"schema": "schemata", "dataset": "datasets", "tlp": "tlps"}
PREFIX_END = "\U0010ffff"
MAX_TERMS = 8


MATCHED = statements.alias("matched")


def _term_match(term: str, scope: Scope) -> ColumnElement[bool]:
    inner = MATCHED
    found = (
        select(search_terms.c.entity_id)
        .join(
            inner,
            (inner.c.entity_id == search_terms.c.entity_id)
            & (inner.c.id == search_terms.c.statement_id),
        )
        .where(
            search_terms.c.term >= term,
            search_terms.c.term < term + PREFIX_END,
            visible(inner, scope),
            inner.c.retracted.is_(False),
        )
    )
    return statements.c.entity_id.in_(found)


def _filters(query: SearchQuery, skip: str | None = None) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    for column, attr in FACETS.items():
        values = getattr(query, attr)
        if values and column != skip:
            conds.append(statements.c[column].in_(values))
    return conds


def base_conditions(query: SearchQuery, scope: Scope) -> list[ColumnElement[bool]]:
    """Conditions on the entities' id statements for the words of a query."""
    conds = [
        statements.c.prop == BASE_PROP,
        statements.c.retracted.is_(False),
        visible(statements, scope),
    ]
    conds.extend(_term_match(t, scope) for t in terms(query.text)[:MAX_TERMS])
    return conds


def _score(query: SearchQuery) -> ColumnElement[Any]:
    score: ColumnElement[Any] = literal(0)
    for term in terms(query.text)[:MAX_TERMS]:
        hit = exists().where(
            and_(search_terms.c.entity_id == statements.c.entity_id, search_terms.c.term == term)
        )
        score = score + case((hit, 1), else_=0)
    return score


def count_total(conn: Connection, query: SearchQuery, scope: Scope) -> int:
    conds = base_conditions(query, scope) + _filters(query)
    stmt = select(func.count(func.distinct(statements.c.entity_id))).where(*conds)
    return int(conn.execute(stmt).scalar() or 0)


def facet_counts(conn: Connection, query: SearchQuery, scope: Scope) -> dict[str, dict[str, int]]:
    facets: dict[str, dict[str, int]] = {}
    for column in FACETS:
        col = statements.c[column]
        conds = base_conditions(query, scope) + _filters(query, skip=column)
        stmt: Select[Any] = (
            select(col, func.count(func.distinct(statements.c.entity_id)))
            .where(*conds)
            .group_by(col)
            .order_by(func.count(func.distinct(statements.c.entity_id)).desc(), col)
        )
        facets[column] = {row[0]: int(row[1]) for row in conn.execute(stmt)}
    return facets


def page_ids(conn: Connection, query: SearchQuery, scope: Scope) -> list[str]:
    conds = base_conditions(query, scope) + _filters(query)
    score = func.max(_score(query)).label("score")
    stmt = (
        select(statements.c.entity_id, score)
        .where(*conds)
        .group_by(statements.c.entity_id)
        .order_by(score.desc(), statements.c.entity_id)
        .limit(query.limit)
        .offset(query.offset)
    )
    return [row[0] for row in conn.execute(stmt)]
