"""Helpers to build FtM entities for matching tests."""

from __future__ import annotations

from typing import Any

from followthemoney import model


def person(name: str, **props: str) -> Any:
    """A Person entity with ``name`` and any extra FtM properties."""
    entity = model.make_entity("Person")
    entity.id = f"p-{abs(hash((name, tuple(sorted(props.items())))))}"
    entity.add("name", name)
    for prop, value in props.items():
        entity.add(prop, value)
    return entity
