"""Web pages for documents: list and upload, the reader with highlights, the events timeline."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse

from tansiq.interfaces.http import Reader, Recorder, get_platform, read_uploads
from tansiq.interfaces.web.templating import page
from tansiq.services import Tansiq
from tansiq.services.claims import by_event, disagreements
from tansiq.services.datasets import list_datasets
from tansiq.services.documents import get_document, list_documents, timeline
from tansiq.services.ingest import IngestOptions, ingest

router = APIRouter(include_in_schema=False)
Platform = Annotated[Tansiq, Depends(get_platform)]


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request,
    app: Platform,
    principal: Reader,
    q: Annotated[str, Query(max_length=500)] = "",
) -> HTMLResponse:
    result = list_documents(app, principal, q)
    return page(
        request,
        "documents.html",
        result=result,
        q=q,
        datasets=list_datasets(app, principal),
        report=None,
    )


@router.post("/documents", response_class=HTMLResponse)
def upload_page(
    request: Request,
    app: Platform,
    principal: Recorder,
    files: Annotated[list[UploadFile], File()],
    dataset: Annotated[str, Form()],
    grade: Annotated[str | None, Form()] = None,
    marking: Annotated[str | None, Form()] = None,
    classification: Annotated[str | None, Form()] = None,
) -> HTMLResponse:
    """Ingest uploaded files and show what happened to each."""
    items = read_uploads(app, files)
    opts = IngestOptions(dataset, marking or None, classification or None, grade or None)
    report = ingest(app, principal, items, opts)
    return page(
        request,
        "documents.html",
        result=list_documents(app, principal),
        q="",
        datasets=list_datasets(app, principal),
        report=report,
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def reader_page(
    request: Request, app: Platform, principal: Reader, document_id: str
) -> HTMLResponse:
    """The document with every mention, event, role and figure highlighted."""
    view = get_document(app, principal, document_id)
    conflicts = disagreements(app, principal, document_id)
    return page(request, "document.html", view=view, conflicts=conflicts)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, app: Platform, principal: Reader) -> HTMLResponse:
    """The timeline; events that other reports date or count differently are flagged."""
    events = timeline(app, principal)
    conflicts = by_event(disagreements(app, principal))
    return page(request, "events.html", events=events, conflicts=conflicts)
