"""One entity factory, and helpers to write test files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tansiq.domain.principal import Principal
from tansiq.services import Tansiq
from tansiq.services.importing import ImportOptions, ImportReport, import_path


def e(schema: str, id: str, **props: Any) -> dict[str, Any]:
    """An FtM entity dict: ``e("Person", "p1", name="Amina Tidrani", birthDate="1984")``."""
    properties = {k: v if isinstance(v, list) else [v] for k, v in props.items()}
    return {"id": id, "schema": schema, "properties": properties}


def write_lines(path: Path, entities: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in entities), "utf-8")
    return path


def load(
    app: Tansiq,
    principal: Principal,
    tmp: Path,
    dataset: str,
    entities: list[dict[str, Any]],
    **opts: Any,
) -> ImportReport:
    """Import entities into a dataset through the real import path."""
    path = write_lines(tmp / f"{dataset}.ftm.json", entities)
    return import_path(app, principal, path, ImportOptions(dataset, **opts))


WORLD = [
    e(
        "Person",
        "p-amina",
        name="Amina Tidrani",
        alias=["أمينة التدراني", "Amina Tidrany"],
        birthDate="1984-05-02",
        nationality="ma",
        passportNumber="ZX1234567",
    ),
    e("Person", "p-yassin", name="Yassin Oumezrou", birthDate="1990", nationality="dz"),
    e("Organization", "o-dunes", name="Brigade of the Southern Dunes", alias="Katibat al-Kuthban"),
    e("Membership", "m-1", member="p-amina", organization="o-dunes", role="recruiter"),
    e("Passport", "pp-1", holder="p-amina", number="ZX1234567", country="ma"),
]
