"""Web pages: each calls the same service function as its JSON twin."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from tansiq.domain.audit import AuditAction
from tansiq.interfaces.http import Reader, get_platform
from tansiq.interfaces.web.templating import page
from tansiq.services import Tansiq
from tansiq.services.claims import disagreements
from tansiq.services.datasets import get_dataset, list_datasets
from tansiq.services.entities import get_entity
from tansiq.services.review import list_alerts
from tansiq.services.search import search
from tansiq.store.port import AlertQuery, SearchQuery

STATIC_DIR = Path(__file__).parent / "static"
router = APIRouter(include_in_schema=False)
Platform = Annotated[Tansiq, Depends(get_platform)]
PAGE_SIZE = 20


@router.get("/", response_class=HTMLResponse)
def home(request: Request, app: Platform, principal: Reader) -> HTMLResponse:
    """The start page: a search box and the datasets."""
    return page(request, "home.html", datasets=list_datasets(app, principal))


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    app: Platform,
    principal: Reader,
    q: Annotated[str, Query(max_length=500)] = "",
    schema: Annotated[list[str] | None, Query()] = None,
    dataset: Annotated[list[str] | None, Query()] = None,
    marking: Annotated[list[str] | None, Query()] = None,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> HTMLResponse:
    """Search with facets; htmx asks for the results partial only."""
    query = SearchQuery(
        q, tuple(schema or ()), tuple(dataset or ()), tuple(marking or ()), PAGE_SIZE, offset
    )
    result = search(app, principal, query)
    template = "_results.html" if request.headers.get("HX-Request") else "search.html"
    return page(request, template, result=result, query=query)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, app: Platform, principal: Reader, entity_id: str) -> HTMLResponse:
    """An entity: properties, provenance of every value, related entities, and the dates and
    counts on which the documents that concern it disagree."""
    view = get_entity(app, principal, entity_id)
    alerts = list_alerts(app, principal, AlertQuery(entity_id=entity_id, limit=50))
    conflicts = disagreements(app, principal, entity_id)
    return page(request, "entity.html", view=view, alerts=alerts, conflicts=conflicts)


@router.get("/datasets", response_class=HTMLResponse)
def datasets_page(request: Request, app: Platform, principal: Reader) -> HTMLResponse:
    return page(request, "datasets.html", datasets=list_datasets(app, principal))


@router.get("/datasets/{name}", response_class=HTMLResponse)
def dataset_page(request: Request, app: Platform, principal: Reader, name: str) -> HTMLResponse:
    """A dataset and the first page of its entities."""
    info = get_dataset(app, principal, name)
    query = SearchQuery(datasets=(name,), limit=PAGE_SIZE)
    result = search(app, principal, query, AuditAction.LIST)
    return page(request, "dataset.html", dataset=info, result=result)


def render_error(request: Request, status: int, title: str, detail: str) -> HTMLResponse:
    """The HTML error page."""
    return page(request, "error.html", status=status, title=title, detail=detail)
