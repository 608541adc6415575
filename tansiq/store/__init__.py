"""Storage: a port the services talk to, and adapters (SQL via SQLAlchemy Core)."""

from tansiq.store.port import (
    AlertQuery,
    DatasetInfo,
    SearchHit,
    SearchPage,
    SearchQuery,
    Store,
    Writer,
)

__all__ = [
    "AlertQuery",
    "DatasetInfo",
    "SearchHit",
    "SearchPage",
    "SearchQuery",
    "Store",
    "Writer",
]
