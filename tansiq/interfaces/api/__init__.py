"""The REST API under /api/v1 (OpenAPI at /openapi.json, docs at /docs)."""

from tansiq.interfaces.api.routes import router

__all__ = ["router"]
