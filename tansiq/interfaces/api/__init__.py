"""The REST API under /api/v1 (OpenAPI at /openapi.json, docs at /docs)."""

from tansiq.interfaces.api.routes import router
from tansiq.interfaces.api.screening import router as screening_router

__all__ = ["router", "screening_router"]
