"""Export what a principal may see, as FtM entities or as statements, streaming."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tansiq.domain.audit import AuditAction
from tansiq.domain.entities import build_entity, group_by_entity
from tansiq.domain.policy import read_scope
from tansiq.domain.principal import Principal
from tansiq.domain.statement import Statement
from tansiq.formats import statement_to_row
from tansiq.services.app import Tansiq
from tansiq.services.audit import record_now
from tansiq.services.datasets import get_dataset


def _visible(app: Tansiq, principal: Principal, dataset: str | None) -> Iterator[Statement]:
    if dataset is not None:
        get_dataset(app, principal, dataset, counts=False)
    record_now(app, principal, AuditAction.EXPORT, dataset or "*")
    return app.store.iter_statements(dataset, read_scope(principal))


def export_entities(
    app: Tansiq, principal: Principal, dataset: str | None = None
) -> Iterator[dict[str, Any]]:
    """FtM entity dicts, one per entity, of one dataset or of everything visible."""
    for entity_id, group in group_by_entity(_visible(app, principal, dataset)):
        data: dict[str, Any] = build_entity(entity_id, group).to_dict()
        data["datasets"] = sorted({s.dataset for s in group})
        yield data


def export_statements(
    app: Tansiq, principal: Principal, dataset: str | None = None
) -> Iterator[dict[str, Any]]:
    """Statement rows with markings, grades and provenance."""
    for stmt in _visible(app, principal, dataset):
        yield statement_to_row(stmt)
