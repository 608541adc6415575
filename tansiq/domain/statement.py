"""The statement: entity E has property P = V, said by a source, under a marking, with a grade."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from tansiq.domain.grading import Grade
from tansiq.domain.markings import TLP, Marking

BASE_PROP = "id"
"""The property of the statement that records an entity's existence and schema (value = id)."""


def utc_now() -> str:
    """The current time as an ISO 8601 string in UTC, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")


@dataclass(frozen=True)
class Provenance:
    """Where in a document a value was read: document entity id and character span."""

    document_id: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class StatementContext:
    """What every statement of one import or extraction shares."""

    dataset: str
    organisation: str
    marking: Marking
    grade: Grade
    origin: str | None = None
    seen_at: str = ""

    def at(self, seen_at: str) -> StatementContext:
        return replace(self, seen_at=seen_at)


def make_statement_id(
    dataset: str,
    entity_id: str,
    prop: str,
    value: str,
    lang: str | None = None,
    provenance: Provenance | None = None,
) -> str:
    """A deterministic id: the same fact from the same dataset and place is the same statement."""
    parts = [dataset, entity_id, prop, value, lang or ""]
    if provenance is not None:
        parts += [provenance.document_id, str(provenance.start), str(provenance.end)]
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8"), usedforsecurity=False)
    return digest.hexdigest()


@dataclass(slots=True)
class Statement:
    """One value of one property of one entity, with everything needed to judge and share it."""

    id: str
    entity_id: str
    schema: str
    prop: str
    prop_type: str
    value: str
    dataset: str
    organisation: str
    tlp: TLP
    classification: str | None
    reliability: str
    credibility: int
    first_seen: str
    last_seen: str
    original_value: str | None = None
    lang: str | None = None
    origin: str | None = None
    document_id: str | None = None
    span_start: int | None = None
    span_end: int | None = None
    retracted: bool = False

    @property
    def marking(self) -> Marking:
        return Marking(self.tlp, self.classification)

    @property
    def grade(self) -> Grade:
        return Grade(self.reliability, self.credibility)

    @property
    def provenance(self) -> Provenance | None:
        if self.document_id is None:
            return None
        return Provenance(self.document_id, self.span_start, self.span_end)


def new_statement(
    ctx: StatementContext,
    entity_id: str,
    schema: str,
    prop: str,
    prop_type: str,
    value: str,
    *,
    original_value: str | None = None,
    lang: str | None = None,
    provenance: Provenance | None = None,
) -> Statement:
    """Make a statement in a context, with its deterministic id."""
    sid = make_statement_id(ctx.dataset, entity_id, prop, value, lang, provenance)
    return Statement(
        id=sid,
        entity_id=entity_id,
        schema=schema,
        prop=prop,
        prop_type=prop_type,
        value=value,
        dataset=ctx.dataset,
        organisation=ctx.organisation,
        tlp=ctx.marking.tlp,
        classification=ctx.marking.classification,
        reliability=ctx.grade.reliability,
        credibility=ctx.grade.credibility,
        first_seen=ctx.seen_at,
        last_seen=ctx.seen_at,
        original_value=original_value,
        lang=lang,
        origin=ctx.origin,
        document_id=provenance.document_id if provenance else None,
        span_start=provenance.start if provenance else None,
        span_end=provenance.end if provenance else None,
    )
