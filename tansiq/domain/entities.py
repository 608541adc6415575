"""Entities built from statements, and statements taken from FtM entity data."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy
from followthemoney.schema import Schema
from followthemoney.types import registry

from tansiq.domain.statement import (
    BASE_PROP,
    Provenance,
    Statement,
    StatementContext,
    new_statement,
)
from tansiq.exceptions import InvalidData

MAX_VALUE_LENGTH = 65_000
MAX_TEXT_LENGTH = 10_000_000
"""Long ``text`` values (an article's body) may be this long; every other value the one above."""
Span = tuple[int, int] | None


def get_schema(name: Any, field: str = "schema") -> Schema:
    """The FtM schema called ``name``, or an error that names the field."""
    if not isinstance(name, str) or not name:
        raise InvalidData("a schema name is required", field=field)
    schema = model.get(name)
    if schema is None:
        raise InvalidData(f"unknown schema {name!r}", field=field)
    return schema


def check_entity_id(entity_id: Any, field: str = "id") -> str:
    """An entity id as FtM accepts it, or an error."""
    if not isinstance(entity_id, str) or registry.entity.clean(entity_id) != entity_id:
        raise InvalidData(f"invalid entity id {entity_id!r}", field=field)
    return entity_id


_ISO_DATE = re.compile(r"^[12][0-9]{3}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12][0-9]|3[01]))?)?$")
_PLAIN = frozenset({"name", "string", "text"})
_FEW_VALUES = frozenset({"country", "gender", "language", "topic", "date"})


def _fast_date(text: str) -> str | None:
    """An ISO date (prefix) that FtM would keep as it is, without its general parser."""
    if _ISO_DATE.match(text) is None:
        return None
    if len(text) == 10:
        try:
            date.fromisoformat(text)
        except ValueError:
            return None
    return text


@lru_cache(maxsize=200_000)
def _clean_repeated(type_name: str, text: str) -> str | None:
    return registry.get(type_name).clean(text)


def _is_plain(text: str) -> bool:
    """ASCII text that FtM's name/string cleaning would return unchanged."""
    return (
        text.isascii()
        and text.isprintable()
        and text == text.strip()
        and "  " not in text
        and text[:1] not in "\"'"
        and text[-1:] not in "\"'"
    )


def _clean(type_name: str, text: str) -> str | None:
    """FtM cleaning, with fast paths for the values that dominate large imports."""
    if type_name in _PLAIN and _is_plain(text):
        return text
    if type_name == "date" and (fast := _fast_date(text)) is not None:
        return fast
    if type_name in _FEW_VALUES:
        return _clean_repeated(type_name, text)
    return registry.get(type_name).clean(text)


def clean_value(schema: Schema, prop_name: str, raw: Any) -> tuple[str, str, str | None]:
    """Validate one value: (cleaned value, property type, original value if it changed)."""
    prop = schema.get(prop_name)
    if prop is None:
        raise InvalidData(f"{schema.name} has no property {prop_name!r}", field=prop_name)
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise InvalidData(f"value must be text, not {type(raw).__name__}", field=prop_name)
    text = str(raw)
    limit = MAX_TEXT_LENGTH if prop.type.name == "text" else MAX_VALUE_LENGTH
    if len(text) > limit:
        raise InvalidData(f"value longer than {limit} characters", field=prop_name)
    cleaned = _clean(prop.type.name, text)
    if cleaned is None:
        raise InvalidData(f"invalid {prop.type.name} {text!r}", field=prop_name)
    return cleaned, prop.type.name, (text if cleaned != text else None)


def entity_statements(
    data: Mapping[str, Any],
    ctx: StatementContext,
    document_id: str | None = None,
    spans: Mapping[str, Sequence[Span]] | None = None,
) -> Iterator[Statement]:
    """The statements of one FtM entity dict (``id``, ``schema``, ``properties``).

    With ``document_id``, every statement points at that document, and a value with a span in
    ``spans[prop][i]`` points at the characters it was read from.
    """
    schema = get_schema(data.get("schema"))
    entity_id = check_entity_id(data.get("id"))
    base = Provenance(document_id) if document_id else None
    yield new_statement(
        ctx, entity_id, schema.name, BASE_PROP, "entity", entity_id, provenance=base
    )
    properties = data.get("properties") or {}
    if not isinstance(properties, Mapping):
        raise InvalidData("properties must be an object", field="properties")
    for prop_name, values in properties.items():
        if isinstance(values, str) or not isinstance(values, list):
            values = [values]
        places = (spans or {}).get(prop_name, ())
        for index, raw in enumerate(values):
            value, prop_type, original = clean_value(schema, prop_name, raw)
            place = places[index] if index < len(places) else None
            where = Provenance(document_id, place[0], place[1]) if document_id and place else base
            yield new_statement(
                ctx,
                entity_id,
                schema.name,
                prop_name,
                prop_type,
                value,
                original_value=original,
                provenance=where,
            )


DOCUMENT_NUMBERS = {"Passport": "passportNumber", "Identification": "idNumber"}
"""The property of a holder that carries the number of each kind of identity document."""


def group_by_entity(statements: Iterable[Statement]) -> Iterator[tuple[str, list[Statement]]]:
    """Statements in entity order, as (entity id, its unretracted statements)."""
    current: list[Statement] = []
    for stmt in statements:
        if stmt.retracted:
            continue
        if current and stmt.entity_id != current[0].entity_id:
            yield current[0].entity_id, current
            current = []
        current.append(stmt)
    if current:
        yield current[0].entity_id, current


def common_schema(statements: Iterable[Statement]) -> Schema:
    """The most specific schema all statements of an entity agree on."""
    schema: Schema | None = None
    for stmt in statements:
        current = model.get(stmt.schema)
        if current is None:
            continue
        schema = current if schema is None else model.common_schema(schema, current)
    if schema is None:
        raise InvalidData("no statement names a known schema")
    return schema


def build_entity(entity_id: str, statements: list[Statement]) -> EntityProxy:
    """Build an FtM entity from the (already visible, unretracted) statements about it."""
    schema = common_schema(statements)
    proxy = model.make_entity(schema)
    proxy.id = entity_id
    for stmt in statements:
        if stmt.prop == BASE_PROP or stmt.retracted:
            continue
        prop = schema.get(stmt.prop)
        if prop is not None:
            proxy.unsafe_add(prop, stmt.value, cleaned=True)
    return proxy
