"""Statements to and from table rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Row

from tansiq.domain.markings import TLP
from tansiq.domain.statement import Statement
from tansiq.domain.text import is_searchable, terms

_TLP_BY_VALUE = {t.value: t for t in TLP}


def statement_values(stmt: Statement) -> tuple[Any, ...]:
    """A statement's values in the column order of the ``statements`` table."""
    return (
        stmt.id,
        stmt.entity_id,
        stmt.schema,
        stmt.prop,
        stmt.prop_type,
        stmt.value,
        stmt.original_value,
        stmt.lang,
        stmt.dataset,
        stmt.origin,
        stmt.organisation,
        stmt.tlp.value,
        stmt.classification,
        stmt.reliability,
        stmt.credibility,
        stmt.first_seen,
        stmt.last_seen,
        stmt.document_id,
        stmt.span_start,
        stmt.span_end,
        stmt.retracted,
    )


EncodedBatch = tuple[list[tuple[Any, ...]], list[tuple[str, str, str]]]
"""Statement rows (deduplicated) and search-term rows, ready for executemany."""


def encode_batch(batch: Iterable[Statement]) -> EncodedBatch:
    """Encode statements for the bulk writer; pure, so it can run in another process."""
    rows: dict[str, tuple[Any, ...]] = {}
    term_rows: list[tuple[str, str, str]] = []
    for stmt in batch:
        if stmt.id not in rows and is_searchable(stmt.prop, stmt.prop_type):
            term_rows.extend((term, stmt.entity_id, stmt.id) for term in terms(stmt.value))
        rows[stmt.id] = statement_values(stmt)
    return list(rows.values()), term_rows


def row_statement(row: Row[Any]) -> Statement:
    """A statement from a row of the statements table."""
    m = row._mapping
    return Statement(
        id=m["id"],
        entity_id=m["entity_id"],
        schema=m["schema"],
        prop=m["prop"],
        prop_type=m["prop_type"],
        value=m["value"],
        dataset=m["dataset"],
        organisation=m["organisation"],
        tlp=_TLP_BY_VALUE[m["tlp"]],
        classification=m["classification"],
        reliability=m["reliability"],
        credibility=m["credibility"],
        first_seen=m["first_seen"],
        last_seen=m["last_seen"],
        original_value=m["original_value"],
        lang=m["lang"],
        origin=m["origin"],
        document_id=m["document_id"],
        span_start=m["span_start"],
        span_end=m["span_end"],
        retracted=bool(m["retracted"]),
    )
