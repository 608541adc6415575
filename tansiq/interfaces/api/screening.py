"""API routes for screening and the review queue."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from tansiq.domain.screening import AlertStatus
from tansiq.exceptions import InvalidData
from tansiq.interfaces.http import Decider, Screener, get_jobs, get_platform
from tansiq.services import Tansiq
from tansiq.services.jobs import ScreeningJobs, get_screening, list_screenings, save_upload
from tansiq.services.review import (
    alert_dict,
    alert_view_dict,
    decide,
    get_alert,
    list_alerts,
    screening_dict,
)
from tansiq.services.screening import PersonQuery, ScreeningOptions, screen_person
from tansiq.store.port import AlertQuery

router = APIRouter(prefix="/api/v1", tags=["screening"])
Platform = Annotated[Tansiq, Depends(get_platform)]
Jobs = Annotated[ScreeningJobs, Depends(get_jobs)]
Json = dict[str, Any]


class ScreenRequest(BaseModel):
    """One person to screen."""

    name: str = Field(min_length=1, max_length=500)
    birth_date: str | None = Field(default=None, max_length=32)
    gender: str | None = Field(default=None, max_length=16)
    nationality: str | None = Field(default=None, max_length=64)
    document: str | None = Field(default=None, max_length=64)
    against: list[str] = Field(min_length=1, max_length=50)
    threshold: float | None = Field(default=None, ge=0, le=1)


class DecisionRequest(BaseModel):
    decision: str = Field(description="match, no_match or unsure")
    reason: str = Field(min_length=1, max_length=2000)


@router.post("/screen")
def screen_one(app: Platform, principal: Screener, body: ScreenRequest) -> Json:
    """Screen one person now; alerts (with explanations) also go to the review queue."""
    query = PersonQuery(body.name, body.birth_date, body.gender, body.nationality, body.document)
    opts = ScreeningOptions(tuple(body.against), threshold=body.threshold)
    run = screen_person(app, principal, query, opts)
    return {**screening_dict(run.screening), "alerts": [alert_dict(a) for a in run.alerts]}


@router.post("/screenings", status_code=202)
def start_screening(
    request: Request,
    app: Platform,
    principal: Screener,
    jobs: Jobs,
    file: Annotated[UploadFile, File(description="CSV manifest, UN/EDIFACT PAXLST or IATA PNRGOV")],
    against: Annotated[list[str], Form(description="Watchlist datasets")],
    store_as: Annotated[str | None, Form(description="Keep travellers in this dataset")] = None,
    marking: Annotated[str | None, Form(description="Marking of the travellers' data")] = None,
) -> JSONResponse:
    """Start screening a manifest; poll the returned screening for progress and alerts."""
    if not against:
        raise InvalidData("name at least one dataset to screen against", field="against")
    path = save_upload(app, file.file, file.filename or "manifest")
    opts = ScreeningOptions(tuple(against), store_as or None, marking or None)
    screening_id = jobs.start(app, principal, path, opts, file.filename or path.name)
    url = f"/api/v1/screenings/{screening_id}"
    body = {**screening_dict(get_screening(app, principal, screening_id)), "url": url}
    return JSONResponse(body, status_code=202, headers={"Location": url})


@router.get("/screenings")
def screenings(app: Platform, principal: Screener) -> list[Json]:
    """Recent screenings."""
    return [screening_dict(s) for s in list_screenings(app, principal)]


@router.get("/screenings/{screening_id}")
def screening(
    app: Platform,
    principal: Screener,
    screening_id: str,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> Json:
    """A screening's status and progress, and its alerts once done."""
    found = get_screening(app, principal, screening_id)
    page = list_alerts(
        app, principal, AlertQuery(screening_id=found.id, limit=limit, offset=offset)
    )
    alerts = [alert_dict(a, page.entries.get(a.entity_id)) for a in page.alerts]
    return {**screening_dict(found), "alerts_total": page.total, "alerts": alerts}


@router.get("/alerts")
def alerts(
    app: Platform,
    principal: Screener,
    status: Annotated[list[str] | None, Query(description="open, unsure, match, no_match")] = None,
    screening: Annotated[str | None, Query()] = None,
    entity: Annotated[str | None, Query(description="Traveller or watchlist entity id")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> Json:
    """Alerts, best score first; without a status, everything."""
    query = AlertQuery(AlertStatus.parse_many(status, default=()), screening, entity, limit, offset)
    page = list_alerts(app, principal, query)
    return {
        "total": page.total,
        "alerts": [alert_dict(a, page.entries.get(a.entity_id)) for a in page.alerts],
    }


@router.get("/alerts/{alert_id}")
def alert(app: Platform, principal: Screener, alert_id: str) -> Json:
    """An alert with the traveller, the watchlist entry, the explanation and its decisions."""
    return alert_view_dict(get_alert(app, principal, alert_id))


@router.post("/alerts/{alert_id}/decision")
def alert_decision(app: Platform, principal: Decider, alert_id: str, body: DecisionRequest) -> Json:
    """Decide an alert: match, no_match (clears the pair) or unsure (stays in the queue)."""
    return alert_view_dict(decide(app, principal, alert_id, body.decision, body.reason))
