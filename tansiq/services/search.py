"""Searching entities by name, identifier or title, with facets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from followthemoney.proxy import EntityProxy

from tansiq.domain.audit import AuditAction
from tansiq.domain.entities import build_entity
from tansiq.domain.policy import read_scope
from tansiq.domain.principal import Principal
from tansiq.exceptions import InvalidData
from tansiq.services.app import Tansiq
from tansiq.services.audit import record_now
from tansiq.services.entities import entity_dict
from tansiq.store.port import SearchQuery

MAX_LIMIT = 200
MAX_QUERY_LENGTH = 500


@dataclass(frozen=True)
class Hit:
    """One entity found, with the datasets and markings it is held under."""

    entity: EntityProxy
    datasets: list[str]
    markings: list[str]


@dataclass(frozen=True)
class SearchResult:
    query: SearchQuery
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]


def check_query(query: SearchQuery) -> SearchQuery:
    if len(query.text) > MAX_QUERY_LENGTH:
        raise InvalidData(f"query longer than {MAX_QUERY_LENGTH} characters", field="q")
    if not 1 <= query.limit <= MAX_LIMIT:
        raise InvalidData(f"limit must be between 1 and {MAX_LIMIT}", field="limit")
    if query.offset < 0:
        raise InvalidData("offset must not be negative", field="offset")
    return query


def search(
    app: Tansiq, principal: Principal, query: SearchQuery, action: AuditAction = AuditAction.SEARCH
) -> SearchResult:
    """Entities whose names, identifiers or titles contain every word (by prefix).

    Audited as ``action``: a search the user typed, or a listing a page shows (``LIST``).
    """
    page = app.store.search(check_query(query), read_scope(principal))
    hits = []
    for hit in page.hits:
        live = [s for s in hit.statements if not s.retracted]
        if not live:
            continue
        datasets = sorted({s.dataset for s in live})
        markings = sorted({s.tlp.value for s in live})
        hits.append(Hit(build_entity(hit.entity_id, live), datasets, markings))
    record_now(
        app,
        principal,
        action,
        query.text or "*",
        total=page.total,
        schemata=list(query.schemata),
        datasets=list(query.datasets),
    )
    return SearchResult(query, page.total, hits, page.facets)


def result_dict(result: SearchResult) -> dict[str, Any]:
    """The JSON twin of the search page."""
    q = result.query
    return {
        "query": {
            "q": q.text,
            "schema": list(q.schemata),
            "dataset": list(q.datasets),
            "marking": list(q.tlps),
            "limit": q.limit,
            "offset": q.offset,
        },
        "total": result.total,
        "results": [
            {**entity_dict(h.entity), "datasets": h.datasets, "markings": h.markings}
            for h in result.hits
        ],
        "facets": result.facets,
    }
