"""API routes for documents and events read from them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, UploadFile

from tansiq.interfaces.http import Reader, Recorder, get_platform, read_uploads
from tansiq.services import Tansiq
from tansiq.services.claims import by_event, disagreement_dict, disagreements
from tansiq.services.documents import (
    document_dict,
    event_dict,
    get_document,
    list_documents,
    timeline,
)
from tansiq.services.ingest import IngestOptions, ingest
from tansiq.services.search import result_dict

router = APIRouter(prefix="/api/v1", tags=["documents"])
Platform = Annotated[Tansiq, Depends(get_platform)]
Json = dict[str, Any]


@router.post("/documents")
def upload_documents(
    app: Platform,
    principal: Recorder,
    files: Annotated[list[UploadFile], File(description="Text, HTML or PDF files")],
    dataset: Annotated[str, Form()],
    marking: Annotated[str | None, Form()] = None,
    classification: Annotated[str | None, Form()] = None,
    grade: Annotated[str | None, Form()] = None,
) -> Json:
    """Ingest documents now; each file is reported as ingested, duplicate or skipped."""
    opts = IngestOptions(dataset, marking or None, classification or None, grade or None)
    report = ingest(app, principal, read_uploads(app, files), opts)
    return {"dataset": report.dataset, "files": [f.__dict__ for f in report.files]}


@router.get("/documents")
def documents(
    app: Platform,
    principal: Reader,
    q: Annotated[str, Query(max_length=500)] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> Json:
    """Documents (FtM Article), with facets."""
    return result_dict(list_documents(app, principal, q, limit, offset))


@router.get("/documents/{document_id}")
def document(app: Platform, principal: Reader, document_id: str) -> Json:
    """A document's text, the spans read from it, the entities made from them, and the dates and
    counts on which other documents disagree with it."""
    view = get_document(app, principal, document_id)
    return document_dict(view, disagreements(app, principal, document_id))


@router.get("/disagreements")
def claims_that_disagree(app: Platform, principal: Reader) -> list[Json]:
    """Dates and counts of the same event or figure for which documents give different values,
    each claim with its document, sentence, span, value and grade."""
    return [disagreement_dict(d) for d in disagreements(app, principal)]


@router.get("/events")
def events(
    app: Platform, principal: Reader, limit: Annotated[int, Query(ge=1, le=200)] = 200
) -> list[Json]:
    """Events read from documents, by date, each with the disagreements that concern it."""
    conflicts = by_event(disagreements(app, principal))
    return [event_dict(e, conflicts.get(e.id or "", [])) for e in timeline(app, principal, limit)]
