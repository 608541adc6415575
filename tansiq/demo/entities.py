"""Build FtM entity dicts, validating every property value on the way."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from followthemoney import model
from followthemoney.util import make_entity_id

from tansiq.demo.records import EntityDict

Value = str | Sequence[str] | None


def entity_id(dataset: str, *parts: object) -> str:
    """Deterministic entity id: the dataset name followed by a hash of ``parts``."""
    digest = make_entity_id(dataset, *[str(p) for p in parts])
    if digest is None:
        raise ValueError(f"cannot derive an id from {parts!r}")
    return f"{dataset}-{digest[:16]}"


def _values(value: Value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def make(schema: str, id_: str, props: Mapping[str, Value]) -> EntityDict:
    """Make an FtM entity dict; raise ValueError if a property or value would not survive."""
    proxy = model.make_entity(schema)
    proxy.id = id_
    for name, value in props.items():
        prop = proxy.schema.get(name)
        if prop is None:
            raise ValueError(f"{schema} has no property {name!r}")
        for raw in _values(value):
            cleaned = prop.type.clean(raw, proxy=proxy)
            if cleaned is None:
                raise ValueError(f"{schema}.{name}: invalid value {raw!r}")
            proxy.add(prop, cleaned, cleaned=True)
    data: dict[str, Any] = proxy.to_dict()
    return {"id": data["id"], "schema": data["schema"], "properties": data["properties"]}
