"""Datasets: named collections of statements with default marking and grade."""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Any

from tansiq.domain.audit import AuditAction
from tansiq.domain.grading import Grade
from tansiq.domain.markings import Marking
from tansiq.domain.policy import Scope, read_scope
from tansiq.domain.principal import Principal
from tansiq.domain.roles import Permission
from tansiq.domain.statement import utc_now
from tansiq.exceptions import InvalidData, NotFound, PermissionDenied
from tansiq.services.access import require
from tansiq.services.app import Tansiq
from tansiq.services.audit import record
from tansiq.store.port import DatasetInfo, Writer

NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,99}$")


def check_name(name: str) -> str:
    """A dataset name: lower-case letters, digits, ``-``, ``_`` and ``.``."""
    if not NAME_PATTERN.match(name):
        raise InvalidData(
            f"dataset name {name!r} must be 1-100 lower-case letters, digits, '-', '_' or '.'",
            field="dataset",
        )
    return name


def list_datasets(app: Tansiq, principal: Principal) -> list[DatasetInfo]:
    """Every dataset, with the counts of what ``principal`` may see in it."""
    return app.store.datasets(read_scope(principal))


def get_dataset(app: Tansiq, principal: Principal, name: str, counts: bool = True) -> DatasetInfo:
    """A dataset; with ``counts=False`` its defaults only (no scan of its statements)."""
    info = app.store.dataset(name, read_scope(principal), counts)
    if info is None:
        raise NotFound(f"no dataset called {name!r}")
    return info


def ensure_dataset(
    app: Tansiq,
    writer: Writer,
    principal: Principal,
    name: str,
    *,
    marking: Marking,
    grade: Grade,
    title: str | None = None,
    description: str | None = None,
) -> DatasetInfo:
    """Create the dataset if it is new (within the caller's unit of work)."""
    require(principal, Permission.WRITE)
    check_marking(app, principal, marking)
    existing = app.store.dataset(check_name(name), Scope(), counts=False)
    if existing is not None:
        if existing.organisation != principal.organisation and not principal.system:
            raise PermissionDenied(
                f"dataset {name!r} belongs to another organisation; choose another name"
            )
        return existing
    now = utc_now()
    info = DatasetInfo(
        name=name,
        title=title or name,
        description=description,
        tlp=marking.tlp.value,
        classification=marking.classification,
        grade=str(grade),
        organisation=principal.organisation,
        created_at=now,
        updated_at=now,
    )
    writer.put_dataset(info)
    record(writer, principal, AuditAction.DATASET_CREATE, name, marking=str(marking))
    return info


def check_marking(app: Tansiq, principal: Principal, marking: Marking) -> None:
    """Refuse to record under a classification above the recorder's clearance."""
    level = marking.classification
    if level is not None and not principal.system and level not in principal.levels:
        raise PermissionDenied(
            f"{principal.id} is not cleared for {level} and may not record under it"
        )


def dataset_dict(info: DatasetInfo) -> dict[str, Any]:
    """A dataset as JSON-ready data."""
    return asdict(info)
