"""Statements as flat rows (CSV columns or JSON keys), compatible with FtM statement files."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tansiq.domain.entities import check_entity_id, clean_value, get_schema
from tansiq.domain.grading import Grade
from tansiq.domain.markings import TLP, Classification
from tansiq.domain.statement import BASE_PROP, Provenance, Statement, StatementContext
from tansiq.domain.statement import make_statement_id as make_id
from tansiq.exceptions import InvalidData

STATEMENT_COLUMNS = (
    "id", "entity_id", "schema", "prop", "prop_type", "value", "original_value", "lang",
    "dataset", "origin", "organisation", "marking", "classification", "grade",
    "first_seen", "last_seen", "document_id", "span_start", "span_end", "retracted",
)  # fmt: skip


def statement_to_row(stmt: Statement) -> dict[str, Any]:
    """A statement as a flat mapping with the columns of ``STATEMENT_COLUMNS``."""
    return {
        "id": stmt.id,
        "entity_id": stmt.entity_id,
        "schema": stmt.schema,
        "prop": stmt.prop,
        "prop_type": stmt.prop_type,
        "value": stmt.value,
        "original_value": stmt.original_value,
        "lang": stmt.lang,
        "dataset": stmt.dataset,
        "origin": stmt.origin,
        "organisation": stmt.organisation,
        "marking": stmt.tlp.value,
        "classification": stmt.classification,
        "grade": f"{stmt.reliability}{stmt.credibility}",
        "first_seen": stmt.first_seen,
        "last_seen": stmt.last_seen,
        "document_id": stmt.document_id,
        "span_start": stmt.span_start,
        "span_end": stmt.span_end,
        "retracted": stmt.retracted,
    }


def _text(row: Mapping[str, Any], key: str) -> str | None:
    value = row.get(key)
    if value is None or value == "":
        return None
    return str(value)


def _int(row: Mapping[str, Any], key: str) -> int | None:
    text = _text(row, key)
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        raise InvalidData(f"must be a whole number, not {text!r}", field=key) from None


def _flag(row: Mapping[str, Any], key: str) -> bool:
    text = (_text(row, key) or "false").lower()
    if text not in {"true", "false", "1", "0", "t", "f"}:
        raise InvalidData(f"must be true or false, not {text!r}", field=key)
    return text in {"true", "1", "t"}


def _value(row: Mapping[str, Any], entity_id: str) -> tuple[str, str, str, str, str | None]:
    """(schema, property, property type, cleaned value, original value) of a row."""
    schema = get_schema(_text(row, "schema"))
    prop = _text(row, "prop")
    if prop is None:
        raise InvalidData("a property name is required", field="prop")
    raw = row.get("value")
    if prop == BASE_PROP:
        if raw != entity_id:
            raise InvalidData("the id statement's value must equal entity_id", field="value")
        return schema.name, prop, "entity", entity_id, None
    if raw is None or raw == "":
        raise InvalidData("a value is required", field="value")
    value, prop_type, original = clean_value(schema, prop, raw)
    return schema.name, prop, prop_type, value, _text(row, "original_value") or original


KNOWN_COLUMNS = frozenset(STATEMENT_COLUMNS) | {"tlp", "canonical_id", "external"}
"""Our columns plus the other columns of FtM statement files (accepted, ignored)."""


def check_columns(row: Mapping[str, Any]) -> None:
    """Refuse a row with a column we do not know: a typo would otherwise lose data silently."""
    unknown = sorted(k for k in row if k not in KNOWN_COLUMNS)
    if unknown:
        raise InvalidData(f"unknown column {unknown[0]!r}", field=unknown[0])


def row_statement(
    row: Mapping[str, Any], ctx: StatementContext, ladder: tuple[str, ...]
) -> Statement:
    """A statement from a flat row; missing marking, grade and times come from ``ctx``."""
    check_columns(row)
    entity_id = check_entity_id(_text(row, "entity_id"), field="entity_id")
    schema, prop, prop_type, value, original = _value(row, entity_id)
    tlp_text = _text(row, "marking") or _text(row, "tlp")
    level = _text(row, "classification")
    grade_text = _text(row, "grade")
    grade = Grade.parse(grade_text) if grade_text else ctx.grade
    doc = _text(row, "document_id")
    start, end = _int(row, "span_start"), _int(row, "span_end")
    provenance = Provenance(doc, start, end) if doc else None
    lang = _text(row, "lang")
    return Statement(
        id=make_id(ctx.dataset, entity_id, prop, value, lang, provenance),
        entity_id=entity_id,
        schema=schema,
        prop=prop,
        prop_type=prop_type,
        value=value,
        dataset=ctx.dataset,
        organisation=_text(row, "organisation") or ctx.organisation,
        tlp=TLP.parse(tlp_text) if tlp_text else ctx.marking.tlp,
        classification=Classification.parse(level, ladder).name
        if level
        else ctx.marking.classification,
        reliability=grade.reliability,
        credibility=grade.credibility,
        first_seen=_text(row, "first_seen") or ctx.seen_at,
        last_seen=_text(row, "last_seen") or ctx.seen_at,
        original_value=original,
        lang=lang,
        origin=_text(row, "origin") or ctx.origin,
        document_id=doc,
        span_start=start,
        span_end=end,
        retracted=_flag(row, "retracted"),
    )
