"""API routes: thin wrappers over the service functions, JSON out."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from tansiq.interfaces.http import Public, Reader, get_platform
from tansiq.services import Tansiq
from tansiq.services.claims import disagreement_dict, disagreements
from tansiq.services.datasets import dataset_dict, get_dataset, list_datasets
from tansiq.services.entities import get_entity, get_statements, statement_dict, view_dict
from tansiq.services.exporting import export_entities
from tansiq.services.search import result_dict, search
from tansiq.store.port import SearchQuery

router = APIRouter(prefix="/api/v1", tags=["api"])
Platform = Annotated[Tansiq, Depends(get_platform)]
Json = dict[str, Any]


@router.get("/health", dependencies=[Public])
def health() -> Json:
    """Liveness: the app is up."""
    return {"status": "ok"}


@router.get("/search")
def search_entities(
    app: Platform,
    principal: Reader,
    q: Annotated[str, Query(max_length=500, description="Words to find (prefixes).")] = "",
    schema: Annotated[list[str] | None, Query(description="Filter by FtM schema.")] = None,
    dataset: Annotated[list[str] | None, Query(description="Filter by dataset.")] = None,
    marking: Annotated[list[str] | None, Query(description="Filter by TLP label.")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> Json:
    """Search entities by name, identifier or title; with facet counts."""
    query = SearchQuery(
        q, tuple(schema or ()), tuple(dataset or ()), tuple(marking or ()), limit, offset
    )
    return result_dict(search(app, principal, query))


@router.get("/entities/{entity_id}")
def entity(app: Platform, principal: Reader, entity_id: str) -> Json:
    """An entity with its statements (provenance), related entities, and the dates and counts on
    which the documents that concern it disagree (each claim with its source)."""
    view = view_dict(get_entity(app, principal, entity_id))
    conflicts = disagreements(app, principal, entity_id)
    return {**view, "disagreements": [disagreement_dict(d) for d in conflicts]}


@router.get("/entities/{entity_id}/statements")
def entity_statements(app: Platform, principal: Reader, entity_id: str) -> list[Json]:
    """Every statement about an entity, with source, marking, grade and provenance."""
    return [statement_dict(s) for s in get_statements(app, principal, entity_id)]


@router.get("/datasets")
def datasets(app: Platform, principal: Reader) -> list[Json]:
    """Datasets with their default marking and grade and what you may see of them."""
    return [dataset_dict(d) for d in list_datasets(app, principal)]


@router.get("/datasets/{name}")
def dataset(app: Platform, principal: Reader, name: str) -> Json:
    """One dataset."""
    return dataset_dict(get_dataset(app, principal, name))


def _lines(rows: Iterator[Json]) -> Iterator[bytes]:
    for row in rows:
        yield orjson.dumps(row) + b"\n"


@router.get("/export", response_class=StreamingResponse)
def export(
    app: Platform,
    principal: Reader,
    dataset: Annotated[str | None, Query(description="Only this dataset.")] = None,
) -> StreamingResponse:
    """FtM entities as JSON lines (application/x-ndjson), streamed."""
    if dataset is not None:
        get_dataset(app, principal, dataset, counts=False)
    rows = export_entities(app, principal, dataset)
    return StreamingResponse(_lines(rows), media_type="application/x-ndjson")
