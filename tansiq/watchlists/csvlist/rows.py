"""Turn one CSV row, already mapped to property names, into an entity."""

from __future__ import annotations

from dataclasses import dataclass, field

from followthemoney import EntityProxy, model
from followthemoney.property import Property

from tansiq.watchlists.values import clean_country, clean_date, clean_gender, split_values

NAME_PARTS = ("firstName", "secondName", "middleName", "lastName")


@dataclass
class Cell:
    """One non-empty cell: its column header, property name and raw text."""

    column: str
    prop: str
    raw: str


@dataclass
class RowOutcome:
    """The entity built from a row (None if it was unusable) and what went wrong."""

    entity: EntityProxy | None
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column, reason)


def clean_value(prop: Property, value: str) -> str | None:
    """Clean one value for a property; None means it is invalid."""
    kind = prop.type.name
    if kind == "date":
        return clean_date(value)
    if kind == "country":
        return clean_country(value)
    if kind == "gender":
        return clean_gender(value)
    return prop.type.clean(value)


def build_row(cells: list[Cell], default_schema: str, dataset: str) -> RowOutcome:
    """Build an entity from the cells of one row.

    Invalid values are left out and reported; the row still yields an entity
    unless its schema is unknown or it has no name.
    """
    fields = {c.prop: c.raw for c in cells if c.prop in ("id", "schema")}
    schema = model.get(fields.get("schema") or default_schema)
    if schema is None:
        return RowOutcome(None, [("schema", f"unknown schema {fields.get('schema')!r}")])
    entity = model.make_entity(schema)
    outcome = RowOutcome(entity)
    for cell in cells:
        if cell.prop not in ("id", "schema"):
            _add_cell(entity, cell, outcome)
    _complete_name(entity)
    if not entity.has("name") and "name" in schema.required:
        return RowOutcome(None, [*outcome.errors, ("name", "row has no name")])
    entity.id = fields.get("id") or _content_id(entity, cells, dataset)
    return outcome


def _add_cell(entity: EntityProxy, cell: Cell, outcome: RowOutcome) -> None:
    prop = entity.schema.get(cell.prop)
    if prop is None or prop.stub:
        reason = f"{entity.schema.name} has no property {cell.prop!r}"
        outcome.errors.append((cell.column, reason))
        return
    for value in split_values(cell.raw):
        cleaned = clean_value(prop, value)
        if cleaned is None:
            outcome.errors.append((cell.column, f"invalid {prop.type.name} {value!r}"))
        else:
            entity.add(prop, cleaned, cleaned=True)


def _complete_name(entity: EntityProxy) -> None:
    if entity.has("name") or not entity.schema.is_a("Person"):
        return
    parts = [entity.first(p) for p in NAME_PARTS if entity.schema.get(p)]
    name = " ".join(p for p in parts if p)
    if name:
        entity.add("name", name, cleaned=True)


def _content_id(entity: EntityProxy, cells: list[Cell], dataset: str) -> str:
    content = sorted(f"{c.column}={c.raw}" for c in cells)
    return entity.make_id(dataset, *content) or ""
