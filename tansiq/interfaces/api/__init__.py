"""The REST API under /api/v1 (OpenAPI at /openapi.json, docs at /docs)."""

from tansiq.interfaces.api.access import router as access_router
from tansiq.interfaces.api.documents import router as documents_router
from tansiq.interfaces.api.routes import router
from tansiq.interfaces.api.screening import router as screening_router

__all__ = ["access_router", "documents_router", "router", "screening_router"]
