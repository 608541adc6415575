"""The ASGI app factory: API, web pages, static files and error mapping."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from tansiq import __version__
from tansiq.exceptions import (
    ConfigurationError,
    Conflict,
    InvalidData,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    TansiqError,
)
from tansiq.interfaces import api, web
from tansiq.interfaces.http import unguarded
from tansiq.services import open_tansiq
from tansiq.services.jobs import ScreeningJobs
from tansiq.settings import Settings, get_settings

log = logging.getLogger(__name__)
STATUS: dict[type[TansiqError], int] = {
    InvalidData: 422,
    NotAuthenticated: 401,
    NotFound: 404,
    PermissionDenied: 403,
    Conflict: 409,
    ConfigurationError: 500,
}


def _status(exc: TansiqError) -> int:
    return next((code for kind, code in STATUS.items() if isinstance(exc, kind)), 400)


def problem(request: Request, status: int, title: str, detail: str) -> Response:
    """RFC 9457 problem details for the API, an error page for the web."""
    if request.url.path.startswith("/api/"):
        body = {
            "type": "about:blank",
            "title": title,
            "status": status,
            "detail": detail,
            "instance": request.url.path,
        }
        return JSONResponse(body, status_code=status, media_type="application/problem+json")
    return web.render_error(request, status, title, detail)


def _unauthenticated(request: Request, exc: NotAuthenticated) -> Response:
    """API: 401 with a Bearer challenge; web: back to the login page (then where one was)."""
    if not request.url.path.startswith("/api/") and request.method == "GET":
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?{urlencode({'next': target})}", status_code=303)
    response = problem(request, 401, exc.title, str(exc))
    response.headers["WWW-Authenticate"] = 'Bearer realm="tansiq"'
    return response


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(TansiqError)
    async def tansiq_error(request: Request, exc: TansiqError) -> Response:
        if isinstance(exc, NotAuthenticated):
            return _unauthenticated(request, exc)
        return problem(request, _status(exc), exc.title, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        parts = [f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return problem(request, 422, "Invalid request", "; ".join(parts))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return problem(request, exc.status_code, str(exc.detail), str(exc.detail))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("Unexpected error on %s", request.url.path)
        return problem(request, 500, "Internal error", "an unexpected error was logged")


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app over the store named by ``settings``."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.jobs.shutdown()
        app.state.tansiq.close()

    app = FastAPI(
        title="Tansiq",
        version=__version__,
        description="Counter-terrorism intelligence fusion and sharing: REST API.",
        lifespan=lifespan,
    )
    app.state.tansiq = open_tansiq(settings)
    app.state.jobs = ScreeningJobs()
    _install_handlers(app)
    app.include_router(api.router)
    app.include_router(api.screening_router)
    app.include_router(api.documents_router)
    app.include_router(web.router)
    app.include_router(web.screening_router)
    app.include_router(web.documents_router)
    app.include_router(api.access_router)
    app.include_router(web.access_router)
    app.mount("/static", StaticFiles(directory=web.STATIC_DIR), name="static")
    missing = unguarded(app.routes)
    if missing:
        raise ConfigurationError(f"routes without an access rule (default deny): {missing}")
    return app
