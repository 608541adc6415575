"""Server-rendered web pages (Jinja2 + htmx); each page has a JSON twin under /api/v1."""

from tansiq.interfaces.web.access import router as access_router
from tansiq.interfaces.web.documents import router as documents_router
from tansiq.interfaces.web.routes import STATIC_DIR, render_error, router
from tansiq.interfaces.web.screening import router as screening_router

__all__ = [
    "STATIC_DIR",
    "access_router",
    "documents_router",
    "render_error",
    "router",
    "screening_router",
]
