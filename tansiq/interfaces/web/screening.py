"""Web pages for screening and the review queue; the JSON twins are under /api/v1."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from tansiq.domain.screening import AlertStatus, Decision
from tansiq.exceptions import InvalidData
from tansiq.interfaces.http import Decider, Screener, get_jobs, get_platform
from tansiq.interfaces.web.templating import page
from tansiq.services import Tansiq
from tansiq.services.datasets import list_datasets
from tansiq.services.jobs import ScreeningJobs, get_screening, save_upload
from tansiq.services.review import decide, get_alert, list_alerts
from tansiq.services.screening import PersonQuery, ScreeningOptions, screen_person, threshold_of
from tansiq.store.port import AlertQuery

router = APIRouter(include_in_schema=False)
Platform = Annotated[Tansiq, Depends(get_platform)]
Jobs = Annotated[ScreeningJobs, Depends(get_jobs)]
Optional = Annotated[str | None, Form()]
QUEUE_SIZE = 50


def _see(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/screen", response_class=HTMLResponse)
def screen_page(request: Request, app: Platform, principal: Screener) -> HTMLResponse:
    """Screen one person, or upload a manifest."""
    threshold = threshold_of(app, ScreeningOptions(()))
    return page(
        request,
        "screen.html",
        datasets=list_datasets(app, principal),
        threshold=threshold,
        decisions=list(Decision),
    )


@router.post("/screen/person")
def screen_person_form(
    app: Platform,
    principal: Screener,
    name: Annotated[str, Form(max_length=500)],
    against: Annotated[list[str] | None, Form()] = None,
    birth_date: Optional = None,
    gender: Optional = None,
    nationality: Optional = None,
    document: Optional = None,
) -> RedirectResponse:
    query = PersonQuery(
        name, birth_date or None, gender or None, nationality or None, document or None
    )
    run = screen_person(app, principal, query, ScreeningOptions(tuple(against or ())))
    return _see(f"/screenings/{run.screening.id}")


@router.post("/screenings")
def upload_manifest(
    app: Platform,
    principal: Screener,
    jobs: Jobs,
    file: Annotated[UploadFile, File()],
    against: Annotated[list[str] | None, Form()] = None,
    store_as: Optional = None,
) -> RedirectResponse:
    if not against:
        raise InvalidData("tick at least one dataset to screen against", field="against")
    path = save_upload(app, file.file, file.filename or "manifest")
    opts = ScreeningOptions(tuple(against), store_as or None)
    screening_id = jobs.start(app, principal, path, opts, file.filename or path.name)
    return _see(f"/screenings/{screening_id}")


@router.get("/screenings/{screening_id}", response_class=HTMLResponse)
def screening_page(
    request: Request, app: Platform, principal: Screener, screening_id: str
) -> HTMLResponse:
    """Progress while it runs (htmx polls the status partial), then the alerts."""
    screening = get_screening(app, principal, screening_id)
    alerts = list_alerts(app, principal, AlertQuery(screening_id=screening.id, limit=500))
    partial = request.headers.get("HX-Request") is not None
    template = "_screening_status.html" if partial else "screening.html"
    return page(request, template, screening=screening, page_=alerts)


@router.get("/alerts", response_class=HTMLResponse)
def review_queue_page(
    request: Request,
    app: Platform,
    principal: Screener,
    status: Annotated[list[str] | None, Query()] = None,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> HTMLResponse:
    """The review queue: open and unsure alerts first, best score first."""
    statuses = AlertStatus.parse_many(status)
    found = list_alerts(app, principal, AlertQuery(statuses, limit=QUEUE_SIZE, offset=offset))
    return page(
        request,
        "alerts.html",
        page_=found,
        statuses=[s.value for s in statuses],
        all_statuses=[s.value for s in AlertStatus],
        offset=offset,
        size=QUEUE_SIZE,
    )


@router.get("/alerts/{alert_id}", response_class=HTMLResponse)
def alert_page(request: Request, app: Platform, principal: Screener, alert_id: str) -> HTMLResponse:
    """Traveller and watchlist entry side by side, the explanation, and the decision form."""
    return page(
        request, "alert.html", view=get_alert(app, principal, alert_id), decisions=list(Decision)
    )


@router.post("/alerts/{alert_id}/decision")
def decide_form(
    app: Platform,
    principal: Decider,
    alert_id: str,
    decision: Annotated[str, Form()],
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> RedirectResponse:
    decide(app, principal, alert_id, decision, reason)
    return _see(f"/alerts/{alert_id}")
